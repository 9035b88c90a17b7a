"""Date logic shared by rules: when mandates and documents are in force, and what succeeds a mandate."""

from __future__ import annotations

from datetime import date, timedelta

from auditrack.index import Index
from auditrack.models.documents import GoverningDocument
from auditrack.models.mandates import Mandate
from auditrack.timeline import covers

FAR_FUTURE = date(9999, 12, 31)


def mandate_span(mandate: Mandate) -> tuple[date, date]:
    return mandate.start.start, mandate.valid_until.end if mandate.valid_until else FAR_FUTURE


def in_force(record: Mandate | GoverningDocument, day: date) -> bool:
    """Whether a mandate or governing document applies on `day` (adopted by then, not yet expired)."""
    if isinstance(record, Mandate):
        start, end = mandate_span(record)
        return start <= day <= end
    if record.adopted is not None and record.adopted.start > day:
        return False
    return record.valid_until is None or day <= record.valid_until.end


def superseded_by(index: Index, mandate: Mandate) -> list[Mandate]:
    """Mandates that name `mandate` as superseded, or that take over from it in time for the same programme."""
    org = index.org_of(mandate)
    later = []
    start, end = mandate_span(mandate)
    for other in index.records("mandate", org):
        if other is mandate:
            continue
        if mandate.id in other.supersedes:
            later.append(other)
            continue
        other_start, other_end = mandate_span(other)
        if (
            other.programme == mandate.programme
            and covers(other)
            and start < other_start <= end + timedelta(days=1)
            and other_end > end
        ):
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
