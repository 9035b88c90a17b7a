"""Promises to report back: an action (`reporting:`) that a report under a reporting requirement fulfils.

A board often promises in its response to report back by a date. The promise is recorded once, as a
reporting requirement (its `decided_in` may name the response), and the action names it. One report
logged under the requirement then does both: the action counts as done by that report, and a missed date
is the requirement's to report (G301), not also the action's (R104).
"""

from __future__ import annotations

from typing import NamedTuple
from datetime import date

from auditrack.index import Index


class Promise(NamedTuple):
    """An action's promise to report back: the requirement it names, and the report that fulfils it (None
    while the report is owed)."""

    requirement: object
    report: object | None

    @property
    def kept(self) -> bool:
        return self.report is not None

    def owns_due_date(self, action) -> bool:
        """Whether the requirement itself is due on the action's due date, so that G301 reports it if missed."""
        return action.due is not None and any(due.end == action.due.end for due in self.requirement.due_dates)

    def judges(self, action) -> bool:
        """Whether the requirement, not the action, says if the promise was kept in time: the report has been
        given, or the requirement's own due date is the action's."""
        return self.kept or self.owns_due_date(action)


def promise_of(index: Index, action, as_of: date) -> Promise | None:
    """The promise an action makes, or None when it names no requirement (or one that does not exist: that
    reference is reported as X001). Fulfilled by the first report under the requirement given from its
    `valid_from` (as G301 counts them, so the two never disagree) up to `as_of`."""
    if action.reporting is None:
        return None
    requirement = index.get(index.org_of(action), action.reporting, "reporting-requirement")
    if requirement is None:
        return None
    since = requirement.valid_from.start
    given = sorted((r for r in requirement.reports if since <= r.date.start <= as_of),
                   key=lambda r: (r.date.start, r.date.end))
    return Promise(requirement, given[0] if given else None)

