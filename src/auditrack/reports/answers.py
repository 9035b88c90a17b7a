"""Each asked body's answer to a report, and the bodies' stances on each recommendation, for the reports."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from auditrack.reports import common


def by_body(index, org: str, report, responses: list, config, as_of: date) -> list[dict]:
    """Per body asked to respond (in the request's order, each once): whether it answered, its response's date
    (decision, else memo) and decision (`memo_only` when only the officials' memo is known), or, with none, when it was due and how many days late it is (None while
    not yet due, or when no due date is known)."""
    request = report.response_request
    if request is None:
        return []
    first = {}
    for response in responses:
        first.setdefault(response.decided_by, response)
    due = common.response_due(report, config)
    views, seen = [], set()
    for body in request.requested_from:
        if body in seen:
            continue
        seen.add(body)
        response = first.get(body)
        view = {"body": common.name_of(index, org, body), "answered": response is not None, "date": None,
                "decision": None, "memo_only": False, "due": due.end.isoformat() if due is not None else None, "late_days": None}
        if response is not None:
            view.update(date=common.text_of(response.known_date), decision=response.decision,
                        memo_only=response.date is None and not response.decision and response.memo is not None)
        elif due is not None and due.end < as_of:
            view["late_days"] = (as_of - due.end).days
        views.append(view)
    return views


def stances_by_recommendation(index, org: str, responses: list) -> dict[str, list[dict]]:
    """Recommendation id → the stances taken on it, each with the body that took it and its reason."""
    stances: dict[str, list[dict]] = defaultdict(list)
    for response in responses:
        body = common.name_of(index, org, response.decided_by)
        for position in response.positions:
            stances[position.recommendation].append({"body": body, "stance": position.stance, "reason": position.reason})
    return stances
