"""Governing documents (styrdokument): plans, guidelines, routines, agreements and articles."""

from typing import ClassVar, Literal

from pydantic import Field

from auditrack.models.base import Model, no_items, OrgRef, Period, Record, Ref, Remedy, Text
from auditrack.models.topics import Topic


class KeyFigure(Model):
    """A figure the document sets, e.g. a budget."""

    label: Text
    value: float
    unit: str | None = None
    period: Period | None = None
    approximate: bool = False


class GoverningDocument(Record, Remedy):
    """A governing document with its adoption and review or expiry dates."""

    kind_name: ClassVar[str] = "document"

    kind: Literal["document"]
    organisation: OrgRef
    title: Text
    type: Literal[
        "plan", "budget", "policy", "guideline", "routine", "agreement", "articles", "template", "form", "process-plan", "goal-document", "other",
        "reglemente", "delegation-order",
    ]
    programme: Ref("programme") | None = None
    decided_by: Ref("body", "role") | None = None
    decision: str | None = None
    """E.g. 'KF 2021-12-15 § 116'."""
    adopted: Period | None = None
    revised: list[Period] = Field(default_factory=no_items)
    review_by: Period | None = None
    """When the document is to be reviewed."""
    valid_until: Period | None = None
    """When it expires, if it does."""
    parties: list[Text] = Field(default_factory=no_items)
    """For agreements: the parties."""
    regulates: list[Topic] = Field(default_factory=no_items)
    roles: list[Ref("role")] = Field(default_factory=no_items)
    bodies: list[Ref("body")] = Field(default_factory=no_items)
    summary: str | None = None
    figures: list[KeyFigure] = Field(default_factory=no_items)
