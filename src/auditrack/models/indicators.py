"""Indicators (nyckeltal, verksamhetsmått): measurements per period and their analysis."""

from typing import ClassVar, Literal

from pydantic import Field

from auditrack.models.base import Model, no_entries, no_items, OrgRef, Period, Record, Ref, Remedy, Source, Text


class Measurement(Model):
    """A measured value for one period."""

    period: Period
    value: float | None = None
    """The value; leave out when the source says the figure is kept but does not give it."""
    breakdown: dict[str, float] = Field(default_factory=no_entries)
    """Parts of the value, in the same unit as the value, e.g. {'till studier': 21} of 74 persons."""
    note: str | None = None
    source: Source | None = None


class Analysis(Model):
    """An analysis or assessment of the measurements: what the figures mean and what follows."""

    date: Period
    by: Ref("role", "body") | None = None
    text: Text


class Indicator(Record, Remedy):
    """An indicator or activity measure kept by the organisation."""

    kind_name: ClassVar[str] = "indicator"

    kind: Literal["indicator"]
    organisation: OrgRef
    name: Text
    description: str | None = None
    unit: str | None = None
    level: Literal["overall", "individual"] | None = None
    """Whether the statistics are kept for the whole activity or per individual."""
    programme: Ref("programme") | None = None
    kolada_id: str | None = Field(default=None, pattern=r"^[NU][0-9]{5}$")
    """The Kolada key figure id, e.g. 'N03920'."""
    data_source: str | None = None
    """Where the figures come from, e.g. 'Socialstyrelsens statistikdatabas'."""
    frequency: Literal["monthly", "quarterly", "half-yearly", "yearly"] | None = None
    goals: list[Ref("goal")] = Field(default_factory=no_items)
    """The goals this indicator serves."""
    measurements: list[Measurement] = Field(default_factory=no_items)
    analyses: list[Analysis] = Field(default_factory=no_items)
