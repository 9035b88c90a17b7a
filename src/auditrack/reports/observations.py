"""The auditors' observations for the gaps report, per audit: what they found, what has been done since, and
whether each is still open, remedied, graded implemented or waived.

The check holds one organisation's records at a time (engine `_check`), so the observations are taken from
each organisation's index while it is in memory, through the engine's `each_index` hook, as plain values:
the report then needs no index of its own. Open and closed are decided as G501 decides them
(`rules.observations.closure`), so the table and the check cannot disagree.
"""

from __future__ import annotations

from datetime import date

from auditrack.reports.common import is_overdue, name_of, text_of, tracking
from auditrack.rules.base import Context
from auditrack.rules.observations import closure, observations
from auditrack.rules.remedies import remedy_date

OPEN_RULE = "G501"


class Collector:
    """Called with each organisation's index (engine `each_index`); `audits` holds, per organisation id, its
    audit reports that record observations, oldest first, each with its observations' state."""

    def __init__(self, config, as_of: date) -> None:
        self.config, self.as_of = config, as_of
        self.audits: dict[str, list[dict]] = {}
        self.failure: Exception | None = None
        """A bug of ours met while collecting: the gap report then lists the open observations as findings."""

    def hand_over(self) -> tuple[dict[str, list[dict]], Exception | None]:
        """What was collected since the last call, for a check judging organisations in workers (engine.hands_over)."""
        collected = self.audits, self.failure
        self.audits, self.failure = {}, None
        return collected

    def take_over(self, collected: tuple[dict[str, list[dict]], Exception | None]) -> None:
        audits, failure = collected
        self.audits.update(audits)
        self.failure = self.failure or failure

    def __call__(self, index) -> None:
        if self.failure is not None:
            return
        try:
            self._collect(index)
        except Exception as exc:  # one table must not cost the check its findings
            self.failure = exc

    def _collect(self, index) -> None:
        ctx = Context(index=index, as_of=self.as_of, config=self.config)
        per_report: dict[int, dict] = {}
        tracked: dict[str, object] = {}
        for found in observations(ctx):
            org, report = found.organisation, found.report
            if org not in tracked:
                tracked[org] = tracking(index, org, self.as_of)
            audit = per_report.get(id(report))
            if audit is None:
                audit = per_report[id(report)] = {
                    "id": report.id, "title": report.title, "date": text_of(report.date),
                    "sort": (report.date.end if report.date else date.min, report.id), "organisation": org,
                    "observations": [],
                }
            audit["observations"].append(_state(ctx, found, tracked[org]))
        for audit in sorted(per_report.values(), key=lambda a: a["sort"]):
            self.audits.setdefault(audit.pop("organisation"), []).append(audit)
            del audit["sort"]


def _state(ctx: Context, found, tracked) -> dict:
    observation, report, org = found.observation, found.report, found.organisation
    index, as_of = ctx.index, ctx.as_of
    closed = closure(ctx, found)
    waiver = next((w for w in observation.waivers if w.rule == OPEN_RULE and w.expires.end >= as_of), None)
    if closed.remedied_by:
        state = "remedied"
    elif closed.implemented_in is not None:
        state = "implemented"
    elif waiver is not None:
        state = "waived"
    else:
        state = "open"
    actions, seen = [], set()
    for rec in observation.recommendations:
        for action in tracked.actions.get(rec, []):
            if id(action) in seen:
                continue
            seen.add(id(action))
            actions.append({"id": action.id, "text": action.text, "status": action.status,
                            "due": text_of(action.due), "done": text_of(action.done),
                            "overdue": is_overdue(action, as_of)})
    stances = [{"body": name_of(index, org, response.decided_by), "stance": position.stance, "reason": position.reason}
               for response in index.records("response", org) if response.report == report.id
               for position in response.positions
               if position.recommendation in observation.recommendations and position.stance != "agree"]
    follow_up = closed.implemented_in
    return {
        "id": observation.id,
        "section": observation.section,
        "category": observation.category,
        "about": name_of(index, org, observation.about),
        "text": observation.text,
        "state": state,
        "days": (as_of - report.date.end).days if report.date is not None else None,
        "location": index.locate(observation, "id"),
        "remedies": [_record(r, as_of) for r in closed.remedied_by],
        "unfit": [dict(_record(r, as_of), reason={"en": why[0], "sv": why[1]}) for r, why in closed.unfit],
        "implemented": None if follow_up is None else {
            "follow_up": follow_up[0].id, "date": text_of(follow_up[0].date),
            "recommendation": follow_up[1].recommendation,
        },
        "waiver": None if waiver is None else {"reason": waiver.reason, "expires": text_of(waiver.expires)},
        "actions": actions,
        "stances": stances,
    }


def _record(record, as_of: date) -> dict:
    """A linked record as the table names it: its kind, its name (else its id) and the date it counts from."""
    when = remedy_date(record, as_of)
    return {"kind": record.kind_name, "name": record.display_name(),
            "date": when.isoformat() if when is not None else None}
