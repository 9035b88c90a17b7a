"""The schemas: one module per concept, and the table of file kinds."""

from __future__ import annotations

from auditrack.models.audit import AuditReport
from auditrack.models.bodies import Body, Role
from auditrack.models.documents import GoverningDocument
from auditrack.models.evaluation import Evaluation, Intervention
from auditrack.models.goals import GoalFile
from auditrack.models.indicators import Indicator
from auditrack.models.mandates import Mandate
from auditrack.models.organisation import Organisation
from auditrack.models.programme import Programme
from auditrack.models.reporting import ReportingRequirement
from auditrack.models.tracking import FollowUp, Response

FILE_KINDS: dict[str, type] = {
    "organisation": Organisation,
    "audit-report": AuditReport,
    "response": Response,
    "follow-up": FollowUp,
    "programme": Programme,
    "goal": GoalFile,
    "indicator": Indicator,
    "body": Body,
    "role": Role,
    "mandate": Mandate,
    "reporting-requirement": ReportingRequirement,
    "evaluation": Evaluation,
    "intervention": Intervention,
    "document": GoverningDocument,
}
"""Every kind of data file, by the value of its `kind:` key."""
