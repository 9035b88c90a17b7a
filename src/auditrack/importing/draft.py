"""What the extraction found in a report: values with the line (or page) numbers they came from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Found:
    """A value and the line (or page) numbers it came from."""

    value: object
    where: list[int]


@dataclass
class Question:
    text: Found
    sub: list["Question"] = field(default_factory=list)
    section: str | None = None
    assessment: Found | None = None
    verdict: Found | None = None
    verdict_text: Found | None = None
    """The verdict in the report's own words, when they are not simply 'Ja', 'Delvis' or 'Nej'."""


@dataclass
class Recommended:
    text: Found
    section: str | None
    bodies: list[str]
    """The bodies the recommendation's sentence names, as written ('kommunstyrelsen')."""


@dataclass
class Draft:
    fields: dict[str, Found] = field(default_factory=dict)
    questions: list[Question] = field(default_factory=list)
    recommendations: list[Recommended] = field(default_factory=list)
    auditors: list[Found] = field(default_factory=list)
    letter: dict[str, Found] = field(default_factory=dict)
    signed_by: list[Found] = field(default_factory=list)
    request: dict[str, Found] = field(default_factory=dict)
    bodies_named: dict[str, list[str]] = field(default_factory=dict)
    """Per field (addressees, addressed_to, for_information, requested_from): the bodies the text names, as
    written."""
