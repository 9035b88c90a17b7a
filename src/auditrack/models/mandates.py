"""Mandates: steering models, mandate descriptions and decisions that commission work."""

from typing import ClassVar, Literal

from pydantic import Field

from auditrack.models.base import Model, no_items, OrgRef, Period, Record, Ref, Remedy, Text
from auditrack.models.topics import Topic


class Assignment(Model):
    """An assignment in an assignment matrix (uppdragsmatris): what, who, how and by when."""

    text: Text
    responsible: Ref("role", "body") | None = None
    how: str | None = None
    due: Period | None = None


class Mandate(Record, Remedy):
    """A mandate (uppdragsbeskrivning, styrmodell, uppdragsbeslut) with its validity."""

    kind_name: ClassVar[str] = "mandate"

    kind: Literal["mandate"]
    organisation: OrgRef
    title: Text
    type: Literal["decision", "steering-model", "mandate-description", "assignment-matrix"]
    programme: Ref("programme") | None = None
    decided_by: Ref("body", "role") | None = None
    decision: str | None = None
    """The decision reference, e.g. 'KS 2018-06-26 § 138'."""
    adopted: Period
    revised: list[Period] = Field(default_factory=no_items)
    valid_from: Period | None = None
    """Defaults to the adoption date."""
    valid_until: Period | None = None
    """The last day the mandate applies; leave out when it applies until further notice."""
    commissioner: Ref("body", "role") | None = None
    """Who commissions the work (uppdragsgivare)."""
    regulates: list[Topic] = Field(default_factory=no_items)
    """What the mandate regulates."""
    roles: list[Ref("role")] = Field(default_factory=no_items)
    """The roles the mandate defines or regulates."""
    bodies: list[Ref("body")] = Field(default_factory=no_items)
    """The bodies the mandate sets up or regulates."""
    supersedes: list[Ref("mandate")] = Field(default_factory=no_items)
    """Earlier mandates this one replaces."""
    assignments: list[Assignment] = Field(default_factory=no_items)
    summary: str | None = None

    @property
    def start(self) -> Period:
        return self.valid_from or self.adopted
