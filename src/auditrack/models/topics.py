"""Controlled vocabularies shared by several schemas, so rules can reason about them."""

from typing import Literal

Topic = Literal[
    "purpose",
    "roles",
    "responsibilities",
    "bodies",
    "goals",
    "follow-up-content",
    "follow-up-method",
    "follow-up-timing",
    "reporting",
    "evaluation",
    "interventions",
    "individual-follow-up",
    "cooperation",
    "budget",
    "financial-assistance",
    "minutes",
    "responsibility-split",
]
"""What a mandate or governing document regulates. 'follow-up-content', 'follow-up-method' and
'follow-up-timing' are what, how and when follow-up is done. 'responsibility-split' is which standing body (board,
committee) is responsible for what, as a reglemente, a delegation order or an agreement sets it out."""

ReportContent = Literal[
    "cooperation",
    "organisation",
    "status",
    "effects",
    "goal-attainment",
    "costs",
    "statistics",
    "steering",
    "other",
]
"""What a report to a board covered. 'effects' means results for the people served or for the
organisation's finances, not only how the cooperation worked."""

FOLLOW_UP_FORM: tuple[str, ...] = ("follow-up-content", "follow-up-method", "follow-up-timing")
ROLE_TOPICS: tuple[str, ...] = ("roles", "responsibilities")
