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
from auditrack.models.base import Period, add_days


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
    """The display name of a referenced record (name or title), or the id when it cannot be resolved."""
    if ref is None:
        return None
    record = index.get(org, ref)
    if record is None:
        return ref
    return getattr(record, "name", None) or getattr(record, "title", None) or ref


def names_of(index: Index, org: str, refs: list[str]) -> list[str]:
    """The display names of referenced records, in order."""
    return [name_of(index, org, ref) for ref in refs]


def reports_of(index: Index, org: str, as_of: date) -> list:
    """The organisation's audit reports dated on or before `as_of`, oldest first."""
    reports = [r for r in index.records("audit-report", org) if r.date.start <= as_of]
    return sorted(reports, key=lambda r: (period_key(r.date), r.id))


def responses_to(index: Index, org: str, report_id: str, as_of: date) -> list:
    found = [r for r in index.records("response", org) if r.report == report_id and r.date.start <= as_of]
    return sorted(found, key=lambda r: (period_key(r.date), r.id))


def follow_ups_of(index: Index, org: str, report_id: str, as_of: date) -> list:
    found = [f for f in index.records("follow-up", org) if f.report == report_id and f.date.start <= as_of]
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
    for response in sorted(index.records("response", org), key=lambda r: (period_key(r.date), r.id)):
        if response.date.start > as_of:
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


def action_view(index: Index, org: str, action, as_of: date, width: int | None = 100) -> dict:
    from auditrack.reports.markdown import shorten

    overdue = (
        action.status in ("planned", "in-progress") and action.due is not None and action.due.end < as_of
    )
    return {
        "id": action.id,
        "text": shorten(action.text, width) if width else action.text,
        "owner": name_of(index, org, action.owner),
        "due": text_of(action.due),
        "status": action.status,
        "overdue": overdue,
        "done": text_of(action.done),
    }


def response_due(report, config) -> Period | None:
    """When the response is due: the request's date, or the configured number of days after the request."""
    request = report.response_request
    if request is None:
        return None
    if request.due is not None:
        return request.due
    return Period.of(add_days(request.requested_on.end, config.horizons.response_days))


def request_view(report, config, responded: bool, as_of: date) -> dict | None:
    """The auditors' request for a response: when, by when (given or assumed), and whether it is overdue."""
    request = report.response_request
    if request is None:
        return None
    due = response_due(report, config)
    return {
        "requested_on": request.requested_on.text,
        "due": text_of(request.due),
        "assumed_days": None if request.due is not None else config.horizons.response_days,
        "overdue": bool(not responded and due is not None and due.end < as_of),
    }


GRADED = ("implemented", "partly-implemented", "not-implemented", "not-assessed")
REC_STATES = GRADED + ("actions-done", "actions-under-way", "no-actions", "no-response")
"""A recommendation's state: its latest follow-up grade, or what the response's actions say."""


def rec_state(assessments: list, actions: list, has_response: bool) -> str:
    if assessments:
        return assessments[0][1].status
    if not has_response:
        return "no-response"
    live = [a for a in actions if a.status != "cancelled"]
    if not live:
        return "no-actions"
    if all(a.status == "done" for a in live):
        return "actions-done"
    return "actions-under-way"
