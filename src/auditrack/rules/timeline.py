"""Date logic shared by rules: when mandates and documents are in force, and what succeeds a mandate."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from auditrack.index import Index
from auditrack.timeline import covers, mandate_span

if TYPE_CHECKING:  # rules import no schema module: a check builds only the schemas of the kinds it reads
    from auditrack.models.documents import GoverningDocument
    from auditrack.models.mandates import Mandate

FAR_FUTURE = date(9999, 12, 31)


def _bounds(mandate: Mandate) -> tuple[date, date]:
    """First and last day as written: from valid_from (or adopted) to valid_until, or open-ended."""
    return mandate.start.start, mandate.valid_until.end if mandate.valid_until else FAR_FUTURE


def in_force(index: Index, record: Mandate | GoverningDocument, day: date) -> bool:
    """Whether a mandate or governing document applies on `day`: adopted by then, not expired, and (for a
    mandate) not yet replaced by one that supersedes it."""
    if record.kind_name == "mandate":
        span = mandate_span(record, index.records("mandate", index.org_of(record)), day)
        return span.start <= day <= span.end
    if record.adopted is not None and record.adopted.start > day:
        return False
    return record.valid_until is None or day <= record.valid_until.end


def superseded_by(index: Index, mandate: Mandate) -> list[Mandate]:
    """Mandates that take over from `mandate`: they name it under `supersedes`, or follow on from it in time
    for the same programme. A mandate that regulates roles and responsibilities is only taken over by one
    that does too; a decision on something else does not fill that gap."""
    org = index.org_of(mandate)
    needs_roles = covers(mandate)
    later = []
    start, end = _bounds(mandate)
    for other in index.records("mandate", org):
        if other is mandate or (needs_roles and not covers(other)):
            continue
        other_start, other_end = _bounds(other)
        follows_on = (
            other.programme == mandate.programme
            and start < other_start <= end + timedelta(days=1)
            and other_end > end
        )
        if mandate.id in other.supersedes or follows_on:
            later.append(other)
    return later


def regulators(index: Index, record) -> list[Mandate | GoverningDocument]:
    """The mandates and documents that regulate a body or role, from either side of the link."""
    org = index.org_of(record)
    found: dict[int, Mandate | GoverningDocument] = {}
    for ref in record.regulated_by:
        target = index.get(org, ref, "mandate") or index.get(org, ref, "document")
        if target is not None:
            found[id(target)] = target
    list_name = "roles" if record.kind_name == "role" else "bodies"
    for kind in ("mandate", "document"):
        for candidate in index.records(kind, org):
            if record.id in getattr(candidate, list_name):
                found[id(candidate)] = candidate
    return list(found.values())


def days(n: int) -> timedelta:
    return timedelta(days=n)
