"""Which deadlines a listing shows and in what order: overdue first, most days late first, then what falls due
within the horizon in date order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from auditrack.due.collect import KINDS, Deadline


@dataclass(frozen=True)
class Listing:
    as_of: date
    within: int
    lang: str
    overdue: list[Deadline]
    upcoming: list[Deadline]

    def days_late(self, deadline: Deadline) -> int:
        return (self.as_of - deadline.day).days

    def days_left(self, deadline: Deadline) -> int:
        return (deadline.day - self.as_of).days


def _order(deadline: Deadline) -> tuple:
    return (deadline.day, KINDS.index(deadline.kind), deadline.organisation, deadline.record, deadline.detail)


def select(deadlines: list[Deadline], as_of: date, within: int, lang: str, org: str | None = None,
           owner: str | None = None, body: str | None = None) -> Listing:
    """The deadlines to list: of `org` only, or those `owner` (a role) must act on or that concern `body`."""
    chosen = [d for d in deadlines
              if (org is None or d.organisation == org)
              and (owner is None or (d.who.kind == "role" and d.who.id == owner))
              and (body is None or body in d.bodies)]
    horizon = as_of + timedelta(days=within)
    overdue = sorted((d for d in chosen if d.late), key=_order)
    upcoming = sorted((d for d in chosen if not d.late and d.day <= horizon), key=_order)
    return Listing(as_of, within, lang, overdue, upcoming)
