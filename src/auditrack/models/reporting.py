"""Reporting requirements (återrapportering) and the log of reports actually given."""

from typing import ClassVar, Literal

from pydantic import Field

from auditrack.models.base import Model, no_items, OrgRef, Period, Record, Ref, Remedy, Source, Text
from auditrack.models.topics import ReportContent


class ReportGiven(Model):
    """A report actually given to the body."""

    date: Period
    """When the report was given (the meeting), as precisely as the source says."""
    decision: str | None = None
    """The minutes reference, e.g. 'KS 2020-04-21 § 82'."""
    document_date: Period | None = None
    """The date of the written report, when it differs from the meeting."""
    by: Ref("role", "body") | None = None
    covered: list[ReportContent] = Field(default_factory=no_items)
    """What the report covered."""
    summary: str | None = None
    source: Source | None = None


class ReportingRequirement(Record, Remedy):
    """A requirement that someone reports to a body, how often or by which dates, with what content."""

    kind_name: ClassVar[str] = "reporting-requirement"

    kind: Literal["reporting-requirement"]
    organisation: OrgRef
    title: Text
    programme: Ref("programme") | None = None
    reporter: Ref("role", "body")
    """Who must report."""
    to: Ref("body")
    """The body reported to."""
    decided_in: Ref("mandate", "document", "response") | None = None
    """The decision or document that sets the requirement, or the response in which a board promised to report
    back (its actions name the requirement with `reporting:`)."""
    times_per_year: int | None = Field(default=None, ge=1, le=52)
    """How many reports a year are required."""
    due_dates: list[Period] = Field(default_factory=no_items)
    """Fixed dates by which a report is due, instead of or besides a yearly count."""
    required_content: list[ReportContent] = Field(default_factory=no_items)
    """What every report must cover."""
    valid_from: Period
    valid_until: Period | None = None
    reports: list[ReportGiven] = Field(default_factory=no_items)
    """The reports given."""
    frequency_text: str | None = None
    """The requirement in the source's words."""
