"""Programmes: the work or working model that goals, mandates, bodies and reporting belong to."""

from typing import ClassVar, Literal

from pydantic import Field

from auditrack.models.base import Model, no_items, OrgRef, Period, Record, Ref, Remedy, Source, Text


class EvidenceBase(Model):
    """What the model's methods rest on."""

    research_used: bool | None = None
    """Whether available research was used when the methods were designed; leave out when unknown."""
    references: list[Text] = Field(default_factory=no_items)
    """Research, evaluations or guidance the methods build on."""
    note: str | None = None


class ProcessStep(Model):
    """One step of a working model's process."""

    number: int = Field(ge=1)
    name: Text
    description: str | None = None


class Event(Model):
    """A dated milestone."""

    date: Period
    text: Text
    source: Source | None = None


class Programme(Record, Remedy):
    """A programme, project or working model (e.g. a cooperation model against income support)."""

    kind_name: ClassVar[str] = "programme"

    kind: Literal["programme"]
    organisation: OrgRef
    name: Text
    aka: list[Text] = Field(default_factory=no_items)
    """Other names the work goes by."""
    description: str | None = None
    started: Period | None = None
    """When the work started (e.g. when the board adopted the model); leave out when the source does not say."""
    ended: Period | None = None
    form: Literal["project", "ordinary", "permanent"] | None = None
    """Whether the work is run as a project or as ordinary operations."""
    commissioned_by: Ref("body", "role") | None = None
    """Who commissions the work (uppdragsgivare)."""
    origin: str | None = None
    """Where the model comes from, e.g. an ESF project."""
    inspired_by: list[Text] = Field(default_factory=no_items)
    """Models the work was inspired by."""
    evidence_base: EvidenceBase | None = None
    """The research or evidence the methods rest on; leave out when none is stated."""
    target_group: str | None = None
    process_steps: list[ProcessStep] = Field(default_factory=no_items)
    offers: list[Text] = Field(default_factory=no_items)
    """Examples of what participants can be offered, when the source names no interventions as such."""
    history: list[Event] = Field(default_factory=no_items)
    """Milestones in the work, with dates."""


