"""Evaluations of effects and cost-effectiveness, and interventions with their participant data."""

from typing import ClassVar, Literal

from pydantic import Field

from auditrack.models.base import Model, no_items, OrgRef, Period, Record, Ref, Remedy, Source, Text


class Evaluation(Record, Remedy):
    """An evaluation (utvärdering): required, planned or done."""

    kind_name: ClassVar[str] = "evaluation"

    kind: Literal["evaluation"]
    organisation: OrgRef
    title: Text
    programme: Ref("programme") | None = None
    subject: list[Literal["effects", "cost-effectiveness", "participant-experience", "implementation", "process"]] = Field(
        default_factory=no_items
    )
    """What the evaluation looks at."""
    interventions: list[Ref("intervention")] = Field(default_factory=no_items)
    required: bool = False
    """Whether an evaluation is required (by a decision, a document or an audit recommendation)."""
    required_by: list[Ref("recommendation", "mandate", "document")] = Field(default_factory=no_items)
    planned: Period | None = None
    """When it is planned to be done."""
    done: Period | None = None
    """When it was done; leave out while it is not done."""
    by: str | None = None
    result: str | None = None
    note: str | None = None


class ParticipantCount(Model):
    """Participants in an intervention for a period."""

    period: Period
    count: int | None = Field(default=None, ge=0)
    """The number, when known; leave out when the source says data is kept but not how much."""
    outcome: str | None = None
    source: Source | None = None


class Intervention(Record):
    """An intervention (insats) offered to individuals."""

    kind_name: ClassVar[str] = "intervention"

    kind: Literal["intervention"]
    organisation: OrgRef
    name: Text
    programme: Ref("programme") | None = None
    provider: str | None = None
    """Who delivers it, e.g. 'AME' or 'Jämtlands gymnasium'."""
    description: str | None = None
    capacity: int | None = Field(default=None, ge=0)
    """Number of places, when limited."""
    participants: list[ParticipantCount] = Field(default_factory=no_items)
    """Participant data per period; empty when none is kept."""
    follow_up: str | None = None
    """How participants are followed up."""
