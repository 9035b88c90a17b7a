"""Bodies (boards, steering groups, work groups) and roles, with who holds them."""

from typing import ClassVar, Literal

from pydantic import Field

from auditrack.models.base import Model, no_items, OrgRef, Period, Record, Ref, Remedy, Source, Text

BodyType = Literal[
    "council", "board", "committee", "presidium", "auditors",
    "political-steering-group", "steering-group", "work-group", "cooperation-group", "federation", "other",
    "administration", "unit", "municipal-company", "federation-of-municipalities",
]
Cadence = Literal["weekly", "fortnightly", "monthly", "quarterly", "half-yearly", "yearly", "as-needed"]


class Member(Model):
    """A member function of a body, e.g. 'Förbundschef VBU' or a representative of an outside organisation."""

    function: Text
    role: Ref("role") | None = None
    """The role record for the function, if there is one."""
    organisation: str | None = None
    """The organisation the member represents, when it is not the body's own."""
    note: str | None = None
    source: Source | None = None


class Meetings(Model):
    cadence: Cadence | None = None
    text: str | None = None
    """How often the body meets, in the source's words."""


class Minutes(Model):
    """Whether the body keeps minutes (protokoll, minnesanteckningar) of its meetings."""

    kept: bool
    type: str | None = None
    """E.g. 'protokoll' or 'minnesanteckningar'."""
    since: Period | None = None
    note: str | None = None
    source: Source | None = None


class Body(Record, Remedy):
    """A board, committee, steering group, work group or cooperation body."""

    kind_name: ClassVar[str] = "body"

    kind: Literal["body"]
    organisation: OrgRef
    name: Text
    type: BodyType
    programme: Ref("programme") | None = None
    parent: Ref("body") | None = None
    """The body this one answers to."""
    members: list[Member] = Field(default_factory=no_items)
    duties: list[Text] = Field(default_factory=no_items)
    meetings: Meetings | None = None
    minutes: Minutes | None = None
    """Leave out when the source does not say."""
    active_from: Period | None = None
    active_until: Period | None = None
    regulated_by: list[Ref("mandate", "document")] = Field(default_factory=no_items)
    """The mandates or governing documents that set this body up and regulate it."""
    standing: bool = False
    """True for bodies set up by law or the municipality's rules (the council, the board, the auditors),
    which no programme mandate needs to regulate."""


class Holder(Model):
    """Someone holding a role for a time."""

    name: str | None = None
    """The person's name; leave out when the source does not give it."""
    from_: Period | None = Field(default=None, alias="from")
    until: Period | None = None
    appointed_by: Ref("body", "role") | None = None
    source: Source | None = None


class Vacancy(Model):
    """A post recorded as vacant: a fact the source states, unlike a role with no holder recorded."""

    since: Period | None = None
    """When the post became vacant; leave out when the source gives no date ('since long')."""
    source: Source | None = None


class Role(Record, Remedy):
    """A role or function with responsibilities."""

    kind_name: ClassVar[str] = "role"

    kind: Literal["role"]
    organisation: OrgRef
    name: Text
    programme: Ref("programme") | None = None
    responsibilities: list[Text] = Field(default_factory=no_items)
    holders: list[Holder] = Field(default_factory=no_items)
    """Who holds or has held the role, and when."""
    line_post: bool = False
    """True for a post in the line organisation (e.g. a unit manager, enhetschef), regulated by the standing rules
    (reglemente, delegation order) rather than a programme's mandate. Unlike `standing`, its holders are still
    asked for (G203)."""
    vacant: Vacancy | None = None
    """The post is vacant, as the source states; remove it (and add the holder) when someone is appointed."""
    regulated_by: list[Ref("mandate", "document")] = Field(default_factory=no_items)
    """The mandates or governing documents that define the role."""
    standing: bool = False
    """True for roles that exist by law or standing rules (e.g. the municipal director), which no programme
    mandate needs to regulate and whose holder need not be recorded."""
