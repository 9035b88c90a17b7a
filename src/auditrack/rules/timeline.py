"""Date logic shared by rules: when mandates and documents are in force, what succeeds a mandate, and what
regulates a body or role.

Each rule asks these questions about every record, so `Relations` works out the links between one index's
mandates, documents, bodies and roles once per check; scanning every mandate for each question made the
rules' time grow with the square of the data.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from auditrack.index import Index
from auditrack.timeline import Intervals, covers, mandate_span, successor_starts

if TYPE_CHECKING:  # rules import no schema module: a check builds only the schemas of the kinds it reads
    from auditrack.models.documents import GoverningDocument
    from auditrack.models.mandates import Mandate

FAR_FUTURE = date(9999, 12, 31)


def _bounds(mandate: Mandate) -> tuple[date, date]:
    """First and last day as written: from valid_from (or adopted) to valid_until, or open-ended."""
    return mandate.start.start, mandate.valid_until.end if mandate.valid_until else FAR_FUTURE


class Relations:
    """The links between the mandates, documents, bodies and roles of one index, found once."""

    def __init__(self, index: Index) -> None:
        self.index = index
        mandates: dict[str, list[Mandate]] = defaultdict(list)
        for mandate in index.records("mandate"):
            mandates[index.org_of(mandate)].append(mandate)
        self._successors = {org: successor_starts(found) for org, found in mandates.items()}
        self._naming: dict[tuple[str, str], list[Mandate]] = defaultdict(list)  # who names a mandate in supersedes
        following: dict[tuple, list[tuple[date, date]]] = defaultdict(list)
        for org, found in mandates.items():
            for mandate in found:
                for superseded in set(mandate.supersedes):
                    self._naming[org, superseded].append(mandate)
                following[org, mandate.programme, False].append(_bounds(mandate))
                if covers(mandate):
                    following[org, mandate.programme, True].append(_bounds(mandate))
        self._following = {key: _Followers(spans) for key, spans in following.items()}
        self._regulating: dict[tuple[str, str, str], dict[int, Mandate | GoverningDocument]] = defaultdict(dict)
        for kind in ("mandate", "document"):
            for record in index.records(kind):
                org = index.org_of(record)
                for list_name in ("roles", "bodies"):
                    for listed in getattr(record, list_name):
                        self._regulating[org, list_name, listed][id(record)] = record
        self._regulated_days: dict[int, Intervals] = {}

    def span(self, record: Mandate | GoverningDocument) -> tuple[date, date]:
        """The first and last day a mandate or governing document applies (a mandate without an end and no
        successor: for ever)."""
        if record.kind_name == "mandate":
            found = mandate_span(record, (), FAR_FUTURE, self._successors[self.index.org_of(record)])
            return found.start, found.end
        start = record.adopted.start if record.adopted is not None else date.min
        return start, record.valid_until.end if record.valid_until is not None else FAR_FUTURE

    def in_force(self, record: Mandate | GoverningDocument, day: date) -> bool:
        """Whether a mandate or governing document applies on `day`: adopted by then, not expired, and (for a
        mandate) not yet replaced by one that supersedes it."""
        start, end = self.span(record)
        return start <= day <= end

    def superseded(self, mandate: Mandate) -> bool:
        """Whether a mandate is taken over: another names it under `supersedes`, or follows on from it in time
        for the same programme. A mandate that regulates roles and responsibilities is only taken over by one
        that does too; a decision on something else does not fill that gap."""
        org = self.index.org_of(mandate)
        needs_roles = covers(mandate)
        naming = self._naming.get((org, mandate.id), ())
        if any(other is not mandate and (covers(other) or not needs_roles) for other in naming):
            return True
        start, end = _bounds(mandate)
        followers = self._following.get((org, mandate.programme, needs_roles))
        return followers is not None and followers.any_after(start, end)

    def regulators(self, record) -> list[Mandate | GoverningDocument]:
        """The mandates and documents that regulate a body or role, from either side of the link."""
        org = self.index.org_of(record)
        found: dict[int, Mandate | GoverningDocument] = {}
        for ref in record.regulated_by:
            target = self.index.get(org, ref, "mandate") or self.index.get(org, ref, "document")
            if target is not None:
                found[id(target)] = target
        list_name = "roles" if record.kind_name == "role" else "bodies"
        found.update(self._regulating.get((org, list_name, record.id), {}))
        return list(found.values())

    def regulated_on(self, record, day: date) -> bool:
        """Whether some mandate or document that regulates a body or role is in force on `day`."""
        days = self._regulated_days.get(id(record))
        if days is None:
            days = self._regulated_days[id(record)] = Intervals(self.span(r) for r in self.regulators(record))
        return days.touches(day, day)


class _Followers:
    """Mandates by start date, to find one that starts within a day of another's end and outlasts it."""

    def __init__(self, spans: list[tuple[date, date]]) -> None:
        spans.sort()
        self._starts = [start for start, _ in spans]
        self._latest = _RangeMax([end for _, end in spans])

    def any_after(self, start: date, end: date) -> bool:
        """Whether a mandate starts after `start`, no later than the day after `end`, and ends after `end`."""
        first = bisect_right(self._starts, start)
        last = bisect_right(self._starts, end + timedelta(days=1) if end < date.max else end)
        return first < last and self._latest.max(first, last) > end


class _RangeMax:
    """The largest of values[lo:hi] in constant time, after n log n to build (a sparse table)."""

    def __init__(self, values: list) -> None:
        self._rows = [values]
        width = 1
        while 2 * width <= len(values):
            row = self._rows[-1]
            self._rows.append([max(row[i], row[i + width]) for i in range(len(row) - width)])
            width *= 2

    def max(self, lo: int, hi: int):
        level = (hi - lo).bit_length() - 1
        row = self._rows[level]
        return max(row[lo], row[hi - (1 << level)])


def days(n: int) -> timedelta:
    return timedelta(days=n)
