"""Which periods a programme's work had a mandate that regulates roles and responsibilities, and which it did not.

Shared by the gap rules (G202) and the governance report's timeline, so the
two can never disagree.

A mandate applies from ``valid_from`` (or, without it, the first day of
``adopted``) to the last day of ``valid_until``. Without ``valid_until`` it
applies until the day before a mandate that supersedes it starts, or, with no
successor, up to the as-of date. A mandate *covers* the work when it regulates
roles or responsibilities (``regulates`` names ``roles`` or
``responsibilities``, or it lists ``roles``) and belongs to the programme:
those are the mandates whose absence leaves the work unregulated. A mandate
adopted within the period the work started in (``started: 2018-06``) counts
from the start. This is the same reading as the gap rules G201 and G202.

The window looked at runs from the programme's start (``started``) to its end
(``ended``) or the as-of date, whichever is earlier. Every day in it that no
covering mandate applies to is part of a gap.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from typing import NamedTuple
from datetime import date, timedelta
from itertools import accumulate

from auditrack.models.topics import ROLE_TOPICS

ONE_DAY = timedelta(days=1)


class Span(NamedTuple):
    start: date
    end: date
    """Inclusive."""
    open_ended: bool = False

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def covers(mandate) -> bool:
    """Whether a mandate regulates roles and responsibilities."""
    return bool(set(mandate.regulates) & set(ROLE_TOPICS)) or bool(mandate.roles)


class Intervals:
    """Many periods, sorted once, so whether any of them touches a given period is one bisection. Rules ask
    this once per record; scanning every period for each would take time that grows with the square of the
    data."""

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self._starts = [start for start, _ in spans]
        self._reach = list(accumulate((end for _, end in spans), max))  # the latest end among the first i + 1

    def touches(self, start: date, end: date) -> bool:
        """Whether some period has a day from `start` to `end`, both included."""
        i = bisect_right(self._starts, end)
        return i > 0 and self._reach[i - 1] >= start


def successor_starts(mandates) -> dict[str, list[date]]:
    """By mandate id, the sorted start dates of the mandates that name it under `supersedes`."""
    found: dict[str, list[date]] = defaultdict(list)
    for m in mandates:
        for superseded in set(m.supersedes):
            found[superseded].append(m.start.start)
    for starts in found.values():
        starts.sort()
    return found


def mandate_span(mandate, mandates: list, as_of: date, successors: dict[str, list[date]] | None = None) -> Span:
    """The days a mandate applies, cut short by a mandate that supersedes it. `successors` is
    `successor_starts(mandates)`, for a caller that asks about many mandates."""
    start = mandate.start.start
    starts = (successor_starts(mandates) if successors is None else successors).get(mandate.id, ())
    later = bisect_right(starts, start)  # the first successor that starts after this mandate does
    end = mandate.valid_until.end if mandate.valid_until is not None else None
    if later < len(starts):
        cut = starts[later] - ONE_DAY
        end = cut if end is None else min(end, cut)
    if end is None:
        return Span(start, max(start, as_of), open_ended=True)
    return Span(start, max(start, end))


def applies_to(mandate, programme_id: str | None) -> bool:
    """Whether a mandate is for the programme (as the gap rules count it: only the programme's own mandates)."""
    return programme_id is None or mandate.programme == programme_id


def window(programme, as_of: date) -> Span | None:
    if programme.started is None:
        return None
    start = programme.started.start
    end = as_of
    if programme.ended is not None:
        end = min(end, programme.ended.end)
    if start > end:
        return None
    return Span(start, end)


def gaps(within: Span, covered: list[Span]) -> list[Span]:
    """The parts of `within` that no span in `covered` touches."""
    spans = sorted((max(s.start, within.start), min(s.end, within.end)) for s in covered)
    spans = [(a, b) for a, b in spans if a <= b]
    found = []
    cursor = within.start
    for a, b in spans:
        if a > cursor:
            found.append(Span(cursor, a - ONE_DAY))
        cursor = max(cursor, b + ONE_DAY)
        if cursor > within.end:
            break
    if cursor <= within.end:
        found.append(Span(cursor, within.end))
    return found


def uncovered(programme, mandates: list, as_of: date) -> list[Span]:
    """The periods of the programme without a mandate that regulates roles and responsibilities."""
    span = window(programme, as_of)
    if span is None:
        return []
    relevant = [m for m in mandates if applies_to(m, programme.id)]
    successors = successor_starts(relevant)
    covering = []
    for m in relevant:
        if covers(m):
            s = mandate_span(m, relevant, as_of, successors)
            if programme.started.contains(s.start):  # adopted within the month or year the work started
                s = Span(min(s.start, span.start), s.end, s.open_ended)
            covering.append(s)
    return gaps(span, covering)


def months(span: Span) -> int:
    """The span's length in whole months, rounded."""
    return round(span.days / 30.4375)
