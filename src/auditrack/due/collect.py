"""Every deadline in the index: responses, actions, follow-ups, mandates, reports to a board, evaluations and
waivers, with the dates the rules use (auditrack.duedates), who must act and where the record is."""

from __future__ import annotations

from datetime import date
from typing import Iterator, NamedTuple

from auditrack.config import Config
from auditrack.duedates import (OPEN_ACTION, action_late, expected_in_year, follow_up_due, lapse_date, response_due,
                                unreported_due_dates)
from auditrack.findings import named
from auditrack.index import Index
from auditrack.rules.timeline import Relations

KINDS = ("response", "action", "follow-up", "mandate", "report", "evaluation", "waiver")


class Who(NamedTuple):
    """Who must act: a body or a role by id and name; `id` is None for the auditors or an evaluator named in text."""

    id: str | None
    name: str
    kind: str  # body, role, auditors or text


class Deadline(NamedTuple):
    day: date
    kind: str
    """One of KINDS."""
    organisation: str
    record: str
    """The id of the record the deadline belongs to."""
    detail: str
    """What tells two deadlines of one record and kind apart (a body, a due date, a rule code), for the UID."""
    what: dict[str, str]
    """What falls due, by language."""
    who: Who
    bodies: tuple[str, ...]
    """The bodies the deadline concerns (--body, and the digest's groups): the first is its group."""
    file: str
    line: int
    late: bool
    """Whether it is overdue on the as-of date, as the rule for it judges (an action's grace period counts)."""
    model: object = None
    """The record (or the model inside one) the deadline is on, and the field: where a finding points."""
    where: object = None

    @property
    def uid(self) -> str:
        """Stable across runs, dates and file moves: the organisation, the kind, the record and the detail."""
        return f"{self.kind}-{self.record}" + (f"-{self.detail}" if self.detail else "") + f"@{self.organisation}.auditrack"


def collect(index: Index, config: Config, as_of: date) -> list[Deadline]:
    """Every deadline in the index, in no particular order."""
    found = _Collector(index, config, as_of)
    return [*found.responses(), *found.actions(), *found.follow_ups(), *found.mandates(), *found.reports(),
            *found.evaluations(), *found.waivers()]


def chased(index: Index, config: Config, as_of: date) -> list[Deadline]:
    """The deadlines someone must be reminded of before the day (the due-soon rule): responses, actions,
    follow-ups and reports to a board. Mandates have G201's own warning."""
    found = _Collector(index, config, as_of)
    return [*found.responses(), *found.actions(), *found.follow_ups(), *found.reports()]


def body_names(index: Index) -> dict[tuple[str, str], str]:
    """(organisation, body id) → the body's name, for headings."""
    return {(index.org_of(b), b.id): named(b.name) for b in index.records("body")}


class _Collector:
    def __init__(self, index: Index, config: Config, as_of: date) -> None:
        self.index, self.config, self.as_of = index, config, as_of

    def _who(self, org: str, ref: str | None) -> Who | None:
        if ref is None:
            return None
        entry = self.index.entries.get((org, ref))
        if entry is None or entry.kind not in ("body", "role"):
            return Who(ref, ref, "body")
        return Who(ref, named(entry.record.name), entry.kind)

    def _deadline(self, model, where, day: date, kind: str, detail: str, what: dict[str, str], who: Who,
                  bodies: tuple[str, ...], late: bool | None = None) -> Deadline:
        org = self.index.org_of(model)
        location = self.index.locate(model, where)
        return Deadline(day, kind, org, getattr(model, "id", ""), detail, what, who, bodies, location.file,
                        location.line, day < self.as_of if late is None else late, model, where)

    def responses(self) -> Iterator[Deadline]:
        answered = {(self.index.org_of(r), r.report, r.decided_by) for r in self.index.records("response")}
        for report in self.index.records("audit-report"):
            request = report.response_request
            due = response_due(request, self.config.horizons.response_days) if request else None
            if due is None:  # R101 reports a request with no known date as information; it has no day to list
                continue
            org, title = self.index.org_of(report), named(report.title)
            for i, body in enumerate(request.requested_from):
                if (org, report.id, body) in answered or body in request.requested_from[:i]:
                    continue
                who = self._who(org, body)
                yield self._deadline(report, ("response_request", "requested_from", i), due, "response", body,
                                     {"en": f"response to '{title}' from {who.name}",
                                      "sv": f"svar på '{title}' från {who.name}"}, who, (body,))

    def actions(self) -> Iterator[Deadline]:
        grace = self.config.horizons.action_due_days
        for response in self.index.records("response"):
            org = self.index.org_of(response)
            for action in response.actions:
                if action.status not in OPEN_ACTION or action.due is None:
                    continue
                who = self._who(org, action.owner) or self._who(org, response.decided_by)
                text = named(action.text)
                yield self._deadline(action, "due", action.due.end, "action", "",
                                     {"en": f"action '{action.id}': {text}", "sv": f"åtgärd '{action.id}': {text}"},
                                     who, (response.decided_by,), action_late(action, self.as_of, grace))

    def follow_ups(self) -> Iterator[Deadline]:
        months = self.config.horizons.follow_up_months
        assessed = {(self.index.org_of(f), f.report, a.recommendation)
                    for f in self.index.records("follow-up") for a in f.assessments}
        for report in self.index.records("audit-report"):
            due = follow_up_due(report, months)
            if due is None or not report.recommendations:
                continue
            org = self.index.org_of(report)
            missing = sum(1 for r in report.recommendations if (org, report.id, r.id) not in assessed)
            if not missing:
                continue
            title, total = named(report.title), len(report.recommendations)
            yield self._deadline(report, "recommendations", due, "follow-up", "",
                                 {"en": f"follow-up of '{title}' ({missing} of {total} "
                                        f"{'recommendation' if total == 1 else 'recommendations'} not assessed)",
                                  "sv": f"uppföljning av '{title}' ({missing} av {total} "
                                        f"{'rekommendation' if total == 1 else 'rekommendationer'} inte bedömda)"},
                                 Who(None, "the auditors", "auditors"), tuple(dict.fromkeys(report.addressees)))

    def mandates(self) -> Iterator[Deadline]:
        relations = Relations(self.index)
        for mandate in self.index.records("mandate"):
            end = lapse_date(mandate, relations)
            if end is None:
                continue
            org, title = self.index.org_of(mandate), named(mandate.title)
            who = self._who(org, mandate.commissioner or mandate.decided_by) or Who(None, "", "text")
            bodies = (who.id,) if who.kind == "body" else ()
            yield self._deadline(mandate, "valid_until", end, "mandate", "",
                                 {"en": f"mandate '{title}' lapses with no successor",
                                  "sv": f"uppdraget '{title}' upphör utan efterföljare"}, who, bodies)

    def reports(self) -> Iterator[Deadline]:
        for req in self.index.records("reporting-requirement"):
            org, title = self.index.org_of(req), named(req.title)
            to, who = self._who(org, req.to), self._who(org, req.reporter)
            bodies = tuple(dict.fromkeys((req.to, *((who.id,) if who.kind == "body" else ()))))
            first = req.valid_from.start
            for i, due in unreported_due_dates(req, first):
                yield self._deadline(req, ("due_dates", i), due.end, "report", due.end.isoformat(),
                                     {"en": f"report to {to.name}: '{title}'", "sv": f"rapport till {to.name}: '{title}'"},
                                     who, bodies)
            if req.times_per_year:
                yield from self._yearly(req, title, to, who, bodies)

    def _yearly(self, req, title: str, to: Who, who: Who, bodies: tuple[str, ...]) -> Iterator[Deadline]:
        """The years, up to the as-of date's, with fewer reports than required, each due at the year's end
        (G301 judges a year once it has ended)."""
        first = req.valid_from.start
        last_year = min(req.valid_until.end.year, self.as_of.year) if req.valid_until else self.as_of.year
        given: dict[int, int] = {}
        for report in req.reports:
            given[report.date.start.year] = given.get(report.date.start.year, 0) + 1
        for year in range(first.year, last_year + 1):
            end = min(date(year, 12, 31), req.valid_until.end) if req.valid_until else date(year, 12, 31)
            expected = expected_in_year(req.times_per_year, year, first, end)
            if given.get(year, 0) >= expected:
                continue
            n = given.get(year, 0)
            yield self._deadline(req, "times_per_year", date(year, 12, 31), "report", str(year),
                                 {"en": f"reports to {to.name} in {year}: {n} of {expected} given: '{title}'",
                                  "sv": f"rapporter till {to.name} {year}: {n} av {expected} lämnade: '{title}'"},
                                 who, bodies)

    def evaluations(self) -> Iterator[Deadline]:
        for evaluation in self.index.records("evaluation"):
            if evaluation.planned is None or evaluation.done is not None:
                continue
            title = named(evaluation.title)
            yield self._deadline(evaluation, "planned", evaluation.planned.end, "evaluation", "",
                                 {"en": f"evaluation '{title}' planned", "sv": f"utvärderingen '{title}' planerad"},
                                 Who(None, named(evaluation.by or ""), "text"), ())

    def waivers(self) -> Iterator[Deadline]:
        for entry in self.index.by_object.values():
            record = entry.record
            org = entry.organisation
            seen: dict[str, int] = {}
            for i, waiver in enumerate(record.waivers):
                who = self._who(org, waiver.approved_by)
                seen[waiver.rule] = n = seen.get(waiver.rule, 0) + 1  # not the position: inserting one moves it
                detail = waiver.rule if n == 1 else f"{waiver.rule}-{n}"
                yield self._deadline(record, ("waivers", i), waiver.expires.end, "waiver", detail,
                                     {"en": f"waiver of {waiver.rule} on '{record.id}' expires",
                                      "sv": f"undantaget från {waiver.rule} för '{record.id}' går ut"},
                                     who, (who.id,) if who.kind == "body" else ())
