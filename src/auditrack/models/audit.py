"""Audit reports (revisionsrapporter), their revision questions and their recommendations."""

from typing import ClassVar, Literal

from pydantic import Field

from auditrack.models.base import add_days, Grade, Id, Model, no_items, OrgRef, Period, Record, Ref, Source, Text

Priority = Literal["high", "medium", "low"]
"""How urgent the auditors call a recommendation: 'hög', 'medel' or 'låg' in the reports."""


class Person(Model):
    """A named person and the title the source gives them."""

    name: Text
    title: str | None = None
    """E.g. 'Certifierad kommunal revisor'."""


class RevisionQuestion(Model):
    """A revision question (revisionsfråga) with the auditors' assessment (bedömning)."""

    id: Id
    text: Text
    """The question as the report asks it."""
    section: str | None = None
    """The report section that answers it, e.g. '3.2'."""
    sub_questions: list["RevisionQuestion"] = Field(default_factory=no_items)
    """Sub-questions the report asks under this question."""
    assessment: str | None = None
    """The auditors' assessment, in their words."""
    verdict: Grade | None = None
    """The graded verdict on the canonical scale, when the report gives one; leave out when it does not."""
    verdict_text: Text | None = None
    """The verdict in the report's own words, e.g. 'i huvudsak' or 'gul'; without `verdict:`, auditrack.yaml's
    `verdict_words:` puts it on the scale."""
    source: Source | None = None


class Verdict(Model):
    """The overall verdict of a report."""

    grade: Grade | None = None
    """'yes', 'partly' or 'no', when the report grades its purpose; leave out when it does not."""
    verdict_text: Text | None = None
    """The grade in the report's own words, e.g. 'i huvudsak' or 'gul'; without `grade:`, auditrack.yaml's
    `verdict_words:` puts it on the scale."""
    text: Text
    """The overall assessment in the report's words."""


class CoverLetter(Model):
    """The auditors' cover letter (missiv) that sends the report on."""

    date: Period | None = None
    """The letter's date; leave out when the source does not give it."""
    signed_by: list[Person] = Field(default_factory=no_items)
    addressed_to: list[Ref("body")] = Field(min_length=1)
    """The bodies the letter is sent to, e.g. `[kommunstyrelsen, socialnamnden]`."""
    for_information: list[Ref("body")] = Field(default_factory=no_items)
    """Bodies that receive the letter for information, without being asked to answer."""
    text: Text
    source: Source | None = None


class ResponseRequest(Model):
    """The auditors' request for a response to the recommendations."""

    requested_on: Period | None = None
    """When the response was requested (usually the cover letter's date); leave out when the source does not say."""
    requested_from: list[Ref("body")] = Field(min_length=1)
    """The bodies asked to respond; each answers for itself (kind: response, decided_by)."""
    due: Period | None = None
    """The date by which the response is requested; leave out when none is given."""
    text: str | None = None
    source: Source | None = None

    def due_by(self, days_allowed: int) -> Period | None:
        """The response's due date: `due`, else `days_allowed` after the request; None when neither date is known."""
        if self.due is not None:
            return self.due
        if self.requested_on is None:
            return None
        return Period.of(add_days(self.requested_on.end, days_allowed))


class Recommendation(Record):
    """A recommendation (rekommendation) to a board, with a stable id that tracking refers to."""

    kind_name: ClassVar[str] = "recommendation"

    text: Text
    """The recommendation verbatim from the report."""
    section: str | None = None
    """The section it comes from, e.g. '3.4.1'."""
    addressees: list[Ref("body")] = Field(default_factory=no_items)
    """The bodies it is addressed to, when fewer than the report's; leave out for all of the report's addressees."""
    priority: Priority | None = None
    """'high', 'medium' or 'low', when the report gives a priority; leave out when it does not."""
    repeats: list[Ref("recommendation")] = Field(default_factory=no_items)
    """The ids of earlier reports' recommendations (same organisation) that this one repeats."""


ObservationCategory = Literal[
    "goals", "measurable-targets", "budget", "follow-up", "analysis", "evaluation", "routines", "agreements",
    "mandate", "responsibility-split", "minutes", "reporting", "research-basis", "staffing", "internal-control", "other",
]
"""What an observation finds missing or deficient: 'analysis' is analysis of figures, 'routines' written routines,
'agreements' agreements with other parties, 'responsibility-split' the division of responsibility between bodies,
'reporting' reporting to the board, 'staffing' staffing or a vacancy."""


class Observation(Record):
    """An observation (iakttagelse): what the auditors found missing or deficient, open until the data shows it
    remedied (a record that `resolves:` it, a follow-up grading its recommendation implemented, or a waiver)."""

    kind_name: ClassVar[str] = "observation"

    about: Ref("programme", "body", "role", "document", "mandate", "goal", "indicator", "evaluation",
               "reporting-requirement", "intervention")
    """The programme, body, role, process or document the observation concerns."""
    category: ObservationCategory
    text: Text
    """The observation in the report's words."""
    section: str | None = None
    """The report section that makes it, e.g. '3.2.1'."""
    recommendations: list[Ref("recommendation")] = Field(default_factory=no_items)
    """The recommendations that address it."""


class AuditReport(Record):
    """An audit report (revisionsrapport) written for the elected auditors."""

    kind_name: ClassVar[str] = "audit-report"

    kind: Literal["audit-report"]
    organisation: OrgRef
    title: Text
    """The report's title, e.g. 'Granskning av arbetet med självförsörjning'."""
    audit_firm: Text | None = None
    """The firm that carried out the audit, e.g. 'KPMG AB'; leave out when the source does not name it."""
    auditors: list[Person] = Field(default_factory=no_items)
    """The audit firm's auditors who signed the report, with their titles."""
    commissioned_by: str | None = None
    """Who commissioned the audit, e.g. 'Ludvika kommuns revisorer'."""
    date: Period | None = None
    """The report's date, or only its month or year; leave out when the source gives none."""
    audit_plan_year: int | None = Field(default=None, ge=1900, le=2200)
    """The year of the audit plan (revisionsplan) the audit belongs to; leave out when the source does not say."""
    addressees: list[Ref("body")] = Field(min_length=1)
    """The bodies the recommendations are addressed to, e.g. `[kommunstyrelsen]` or the board and committees."""
    programme: Ref("programme") | None = None
    """The work or model the audit examines."""
    purpose: Text | None = None
    """The audit's purpose (syfte); leave out when the source does not give it."""
    criteria: list[Text] = Field(default_factory=no_items)
    """Audit criteria (revisionskriterier), e.g. 'Kommunallagen (2017:725) 6 kap. 6 §'."""
    method: list[Text] = Field(default_factory=no_items)
    """How the audit was done."""
    questions: list[RevisionQuestion] = Field(default_factory=no_items)
    """The revision questions with assessments."""
    overall_verdict: Verdict | None = None
    recommendations: list[Recommendation] = Field(default_factory=no_items)
    observations: list[Observation] = Field(default_factory=no_items)
    """The auditors' observations (iakttagelser): what they found missing or deficient, each open until remedied."""
    cover_letter: CoverLetter | None = None
    response_request: ResponseRequest | None = None
    """The request for a response, if the auditors made one."""

    def addressees_of(self, recommendation: Recommendation) -> list[str]:
        """The bodies a recommendation of this report is addressed to: its own, else the report's."""
        return recommendation.addressees or self.addressees
