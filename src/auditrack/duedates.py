"""When things fall due: the dates the rules judge and `auditrack due` lists, computed in one place so the two
always agree."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
from typing import Iterator

from auditrack.models.base import add_days, add_months

OPEN_ACTION = ("planned", "in-progress")
"""The statuses of an action still to be done: one whose status the source does not give may well be done."""


def response_due(request, days_allowed: int) -> date | None:
    """The last day of a requested response: its `due:`, else `days_allowed` after the request; None when
    neither date is known."""
    due = request.due_by(days_allowed)
    return due.end if due is not None else None


def action_late(action, as_of: date, grace_days: int) -> bool:
    """Whether an open action is late on `as_of`: its due date plus the grace period has passed."""
    return action.status in OPEN_ACTION and action.due is not None and add_days(action.due.end, grace_days) < as_of


def lapse_date(mandate, relations) -> date | None:
    """The day a mandate with nothing to take over from it ends; None when it has no end or is superseded."""
    if mandate.valid_until is None or relations.superseded(mandate):
        return None
    return mandate.valid_until.end


def follow_up_due(report, months: int) -> date | None:
    """When a report's recommendations should have a follow-up assessment; None for a report without a date."""
    return add_months(report.date.end, months) if report.date is not None else None


def unreported_due_dates(req, first: date) -> Iterator[tuple[int, object]]:
    """(index in due_dates, due date) of each due date, in date order, with no report since the one before
    (the first since `first`), whether it has passed or not."""
    reported = sorted(r.date.start for r in req.reports)
    previous = first
    for i, due in sorted(enumerate(req.due_dates), key=lambda item: item[1].end):
        at = bisect_left(reported, previous)  # the first report on or after the previous due date
        if at == len(reported) or reported[at] > due.end:
            yield i, due
        previous = due.end


def expected_in_year(times_per_year: int, year: int, first: date, last: date) -> int:
    """Reports due in `year`, pro rata for the months the requirement applied."""
    start = max(first, date(year, 1, 1))
    end = min(last, date(year, 12, 31))
    if start > end:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    return (times_per_year * months) // 12

