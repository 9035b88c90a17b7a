"""The schemas: one module per concept, and the table of file kinds."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

_WHERE: dict[str, tuple[str, str]] = {
    "organisation": ("organisation", "Organisation"),
    "audit-report": ("audit", "AuditReport"),
    "response": ("tracking", "Response"),
    "follow-up": ("tracking", "FollowUp"),
    "programme": ("programme", "Programme"),
    "goal": ("goals", "GoalFile"),
    "indicator": ("indicators", "Indicator"),
    "body": ("bodies", "Body"),
    "role": ("bodies", "Role"),
    "mandate": ("mandates", "Mandate"),
    "reporting-requirement": ("reporting", "ReportingRequirement"),
    "evaluation": ("evaluation", "Evaluation"),
    "intervention": ("evaluation", "Intervention"),
    "document": ("documents", "GoverningDocument"),
}


class _FileKinds(Mapping[str, type]):
    """kind → the model of its files. A schema module is imported when its kind is first looked up: creating
    the pydantic classes is most of a small check's start-up, and a check needs only the kinds it reads."""

    def __getitem__(self, kind: str) -> type:
        module, name = _WHERE[kind]
        return getattr(importlib.import_module(f"auditrack.models.{module}"), name)

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


FILE_KINDS: Mapping[str, type] = _FileKinds()
"""Every kind of data file, by the value of its `kind:` key."""
