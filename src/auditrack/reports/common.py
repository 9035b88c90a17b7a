"""What every report needs from the index: organisations, names, actions and follow-ups per recommendation.

The builders turn records into plain dictionaries ("views") for the templates.
Views hold raw text from the data; the template environment escapes it when it
is printed. Everything is sorted so a report is the same for the same data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from auditrack.index import Index
from auditrack.models.base import Period
from auditrack.rounds import report_by_recommendation, reports_followed_up
from auditrack.promises import promise_of


def period_key(period: Period | None) -> tuple:
    """Sort key for periods: by end, then start; a missing period first."""
    if period is None:
        return (date.min, date.min)
    return (period.end, period.start)


def text_of(period: Period | None) -> str | None:
    return period.text if period is not None else None


@dataclass
class Scope:
    """The organisations a report covers, in id order, with their names."""

    ids: list[str]
    names: dict[str, str]


def scope(index: Index, org: str | None) -> Scope:
    names = index.named_organisations()
    if org is not None:
        names = {org: names[org]} if org in names else {}
    return Scope(sorted(names), names)


def name_of(index: Index, org: str, ref: str | None) -> str | None:
    """The display name of a referenced record (`Record.display_name`), or the id when it cannot be resolved."""
    if ref is None:
        return None
    record = index.get(org, ref)
    if record is None:
        return ref
    return record.display_name() if hasattr(record, "display_name") else ref


def known_by(period: Period | None, as_of: date) -> bool:
    """Whether something dated `period` can exist on `as_of`. Something without a date is known to exist
    but not when it came about, so it is never left out for its date."""
    return period is None or period.start <= as_of


def names_of(index: Index, org: str, refs: list[str]) -> list[str]:
    """The display names of referenced records, in order."""
    return [name_of(index, org, ref) for ref in refs]


def reports_of(index: Index, org: str, as_of: date) -> list:
    """The organisation's audit reports dated on or before `as_of` (or undated), oldest first (undated first)."""
    reports = [r for r in index.records("audit-report", org) if known_by(r.date, as_of)]
    return sorted(reports, key=lambda r: (period_key(r.date), r.id))


def _by_known_date(responses) -> list:
    return sorted(responses, key=lambda r: (period_key(r.known_date), r.id))


def responses_to(index: Index, org: str, report_id: str, as_of: date) -> list:
    """The responses to a report that exist on `as_of`, by the decision's date, else the memo's (undated ones too)."""
    return _by_known_date(r for r in index.records("response", org) if r.report == report_id
                          and known_by(r.known_date, as_of))


def follow_ups_of(index: Index, org: str, report_id: str, as_of: date) -> list:
    """The follow-ups made by `as_of` that concern a report: those naming it, and rounds grading its recommendations."""
    found, owners = [], None
    for follow_up in index.records("follow-up", org):
        if follow_up.date.start > as_of:
            continue
        if follow_up.report is None and owners is None:  # only a round needs to know whose recommendations it grades
            owners = report_by_recommendation(index, org)
        if any(r.id == report_id for r in reports_followed_up(index, follow_up, owners)):
            found.append(follow_up)
    return sorted(found, key=lambda f: (period_key(f.date), f.id))


@dataclass
class Tracking:
    """Per recommendation id: the actions that answer it and the follow-up assessments of it (newest first)."""

    actions: dict[str, list]
    general: dict[str, list]
    """Per audit-report id: actions in its responses that name no recommendation."""
    assessments: dict[str, list[tuple]]
    """(follow-up, assessment), newest follow-up first."""


def tracking(index: Index, org: str, as_of: date) -> Tracking:
    actions: dict[str, list] = defaultdict(list)
    general: dict[str, list] = defaultdict(list)
    for response in _by_known_date(index.records("response", org)):
        if not known_by(response.known_date, as_of):
            continue
        for action in response.actions:
            if action.recommendations:
                for rec in action.recommendations:
                    actions[rec].append(action)
            else:
                general[response.report].append(action)
    assessments: dict[str, list] = defaultdict(list)
    follow_ups = sorted(index.records("follow-up", org), key=lambda f: (period_key(f.date), f.id), reverse=True)
    for follow_up in follow_ups:
        if follow_up.date.start > as_of:
            continue
        for assessment in follow_up.assessments:
            assessments[assessment.recommendation].append((follow_up, assessment))
    return Tracking(dict(actions), dict(general), dict(assessments))


def report_view(index: Index, org: str, report, lang: str) -> dict:
    """What every report shows of an audit report: id, title, date, firm and addressees (one phrase and a list)."""
    from auditrack.i18n import listing

    names = names_of(index, org, report.addressees)
    return {"id": report.id, "title": report.title, "date": text_of(report.date), "firm": report.audit_firm,
            "addressee": listing(lang, names), "addressees": names}


def action_view(index: Index, org: str, action, as_of: date, width: int | None = 100) -> dict:
    from auditrack.reports.markdown import evidence, shorten
    from auditrack.reports.updates import latest_note, moved

    promise = promise_of(index, action, as_of)
    kept = promise is not None and promise.kept
    overdue = not kept and is_overdue(action, as_of)
    return {
        "id": action.id,
        "text": shorten(action.text, width) if width else action.text,
        "owner": name_of(index, org, action.owner),
        "due": text_of(action.due),
        "moved": moved(action, as_of),
        "latest_note": latest_note(action, as_of),
        "status": "done" if kept else action.status,
        "overdue": overdue,
        "late_days": (as_of - action.due.end).days if overdue else None,
        "done": text_of(promise.report.date) if kept else text_of(action.done),
        "evidence": [evidence(item) for item in action.evidence],
        "report_back": None if promise is None else {
            "to": name_of(index, org, promise.requirement.to),
            "date": text_of(promise.report.date) if kept else None,
        },
    }


def response_view(index: Index, org: str, response, width: int | None = None) -> dict:
    """A response: who adopted it, the decision's date and reference, and the memo behind it (each may be none)."""
    from auditrack.reports.markdown import shorten

    memo = response.memo
    return {
        "body": name_of(index, org, response.decided_by),
        "date": text_of(response.date),
        "decision": response.decision,
        "memo": {"date": text_of(memo.date), "reference": memo.reference} if memo is not None else None,
        "text": shorten(response.text, width) if width and response.text else response.text,
    }


def is_overdue(action, as_of: date) -> bool:
    """Planned or in progress past its due date; an action whose status is not stated is never called overdue."""
    return action.status in OPEN_ACTION and action.due is not None and action.due.end < as_of


def response_due(report, config) -> Period | None:
    """When the response is due: the request's date, or the configured number of days after the request."""
    request = report.response_request
    return request.due_by(config.horizons.response_days) if request is not None else None


def request_view(report, config, responded: bool, as_of: date) -> dict | None:
    """The auditors' request for a response: when, by when (given or assumed), and whether it is overdue."""
    request = report.response_request
    if request is None:
        return None
    due = response_due(report, config)
    return {
        "requested_on": text_of(request.requested_on),
        "due": text_of(request.due),
        "assumed_days": None if request.due is not None else config.horizons.response_days,
        "overdue": bool(not responded and due is not None and due.end < as_of),
    }


OPEN_ACTION = ("planned", "in-progress")
GRADED = ("implemented", "partly-implemented", "not-implemented", "not-assessed", "no-longer-relevant", "not-agreed")
REC_STATES = GRADED + ("actions-done", "actions-under-way", "actions-status-unknown", "no-actions", "no-response")
"""A recommendation's state: its latest follow-up grade, or what the response's actions say. Actions whose
status is not stated are not taken to be done or under way: unless another action is under way, the state
is 'actions-status-unknown'."""


def rec_state(assessments: list, statuses: list[str | None], has_response: bool) -> str:
    """The state of a recommendation from its follow-ups, else from the statuses of its actions."""
    if assessments:
        return assessments[0][1].status
    if not has_response:
        return "no-response"
    live = [status for status in statuses if status != "cancelled"]
    if not live:
        return "no-actions"
    if all(status == "done" for status in live):
        return "actions-done"
    if any(status in OPEN_ACTION for status in live):
        return "actions-under-way"
    return "actions-status-unknown"
