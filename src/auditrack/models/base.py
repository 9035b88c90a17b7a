"""Building blocks shared by every schema: strict models, dates, ids, references, sources and waivers."""

import calendar
import re
from datetime import date, timedelta
from typing import Annotated, Any, ClassVar, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema


def no_items() -> list:
    """A new empty list, the default of a list field. Not `list` itself: pydantic reads a default factory's
    signature when it builds a validator, and a builtin's is parsed from text, a third of a millisecond each,
    sixty-odd times in a process that validates every kind (a pre-commit check)."""
    return []


def no_entries() -> dict:
    """A new empty mapping, the default of a mapping field (see `no_items`)."""
    return {}


class Model(BaseModel):
    """Base of every schema: unknown fields are errors, never silently ignored."""

    # Field docstrings are not read here (use_attribute_docstrings) but by models/docstrings.py when the
    # schemas are exported: reading them is most of the cost of creating the classes.
    model_config = ConfigDict(
        extra="forbid", frozen=False, populate_by_name=False, allow_inf_nan=False,
        defer_build=True,  # validators are built when a kind is first validated, not on import
    )


Grade = Literal["yes", "partly", "no"]
"""A graded verdict: 'ja', 'till viss del' or 'nej' in the reports (here, not with the audit reports, because the
configuration's verdict words use it too, and a check without audit reports need not import them)."""


# --------------------------------------------------------------------------- dates

# [0-9], not \d: \d also matches other scripts' digits, which int() would happily read.
_PERIOD = re.compile(r"^([0-9]{4})(?:-(?:Q([1-4])|H([12])|([0-9]{2})(?:-([0-9]{2}))?))?$")
PERIOD_PATTERN = r"^(19|2[01])[0-9]{2}(-(Q[1-4]|H[12]|(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?))?$"
FIRST_YEAR, LAST_YEAR = 1900, 2199
"""Dates outside these years are typing mistakes; keeping them out also keeps date arithmetic in range."""


class Period(NamedTuple):
    """A calendar date or a period: ``2022-03-31``, ``2020-10``, ``2020-Q1``, ``2021-H2`` or ``2018``.

    Sources often give only a month or a year ("i oktober 2020"). Writing
    exactly what the source says, and no more precise, keeps the data honest.
    A deadline is met by the period's last day; a validity starts on its first.
    """

    start: date
    end: date
    text: str

    @classmethod
    def parse(cls, text: str) -> "Period":
        m = _PERIOD.match(text.strip())
        if not m:
            raise ValueError(text)
        year = int(m.group(1))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(text)
        quarter, half, month, day = m.group(2), m.group(3), m.group(4), m.group(5)
        if quarter:
            q = int(quarter)
            start = date(year, 3 * q - 2, 1)
            end = _month_end(year, 3 * q)
        elif half:
            h = int(half)
            start = date(year, 1 if h == 1 else 7, 1)
            end = _month_end(year, 6 if h == 1 else 12)
        elif month and day:
            start = end = date(year, int(month), int(day))
        elif month:
            start = date(year, int(month), 1)
            end = _month_end(year, int(month))
        else:
            start, end = date(year, 1, 1), date(year, 12, 31)
        return cls(start, end, text.strip())

    @classmethod
    def of(cls, day: date) -> "Period":
        return cls(day, day, day.isoformat())

    @property
    def is_day(self) -> bool:
        return self.start == self.end

    def __str__(self) -> str:
        return self.text

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        def validate(value: Any) -> Period:
            if isinstance(value, Period):
                return value
            if isinstance(value, date):
                return cls.of(value)
            if not isinstance(value, str):
                raise PydanticCustomError("period_type", "a date must be written as text such as 2022-03-31")
            try:
                return cls.parse(value)
            except ValueError:
                raise PydanticCustomError(
                    "period_format",
                    "'{value}' is not a valid date: write YYYY-MM-DD (2022-03-31), or only "
                    "YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY when the source gives no more",
                    {"value": value if len(value) <= 60 else value[:57] + "..."},
                ) from None

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        # A bare year is a number to YAML, and the loader reads it the same as "2018".
        return {
            "anyOf": [
                {"type": "string", "pattern": PERIOD_PATTERN},
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
            ],
            "description": "A date (YYYY-MM-DD) or, when the source is less precise, a month (YYYY-MM), quarter (YYYY-Qn), half-year (YYYY-Hn) or year (YYYY).",
            "examples": ["2022-03-31", "2020-10", "2020-Q1", "2018"],
        }


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_days(day: date, days: int) -> date:
    return day + timedelta(days=days)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --------------------------------------------------------------------------- ids and references

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"

Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=80,
        description="A stable identifier: lower-case letters, digits, '.', '_' and '-'; unique within the organisation.",
    ),
]


class RefTo(NamedTuple):
    """Marks a string field as a reference to a record of one of `kinds` in the same organisation."""

    kinds: tuple[str, ...]

    def describe(self) -> str:
        return " or ".join(self.kinds)


def Ref(*kinds: str):  # noqa: N802 - reads like a type in field declarations
    """A reference to another record by id, resolved across files by the index."""
    return Annotated[
        str,
        RefTo(kinds),
        # No description here: the field's own docstring says what it refers to, and editors show it.
        Field(pattern=ID_PATTERN, max_length=80, json_schema_extra={"x-auditrack-ref": list(kinds)}),
    ]


OrgRef = Annotated[
    str,
    RefTo(("organisation",)),
    Field(
        pattern=ID_PATTERN,
        max_length=80,
        description="The organisation this record belongs to: the id in its organisation file.",
        json_schema_extra={"x-auditrack-ref": ["organisation"]},
    ),
]

Text = Annotated[str, Field(min_length=1)]
"""Non-empty free text."""
Url = Annotated[str, Field(min_length=1)]
"""A link or a document reference (URL, diarienummer or path)."""


class Source(Model):
    """Where a fact comes from, so a reader can check it."""

    report: Ref("audit-report") | None = None
    """The audit report the fact is taken from."""
    document: str | None = None
    """Another source document, e.g. 'KS protokoll 2018-06-26 § 138'."""
    section: str | None = None
    """Section of the source, e.g. '3.4.1'. Quote it if it could be read as a number."""
    page: int | None = Field(default=None, ge=1)
    """Page of the source."""
    note: str | None = None
    """What exactly the source says, when that needs saying."""


class Waiver(Model):
    """A decision not to act on one rule for this record, for a reason and for a time."""

    rule: str = Field(pattern=r"^[A-Z][0-9]{3}$")
    """The code of the rule that is waived, e.g. G205."""
    reason: Text
    """Why the rule does not apply or is accepted for now."""
    approved_by: Ref("role", "body")
    """The role or body that approved the waiver."""
    expires: Period
    """The date after which the waiver no longer applies."""


class Record(Model):
    """A record with an identity that other records can refer to."""

    kind_name: ClassVar[str] = "record"

    id: Id
    source: Source | None = None
    """Where the facts in this record come from."""
    waivers: list[Waiver] = Field(default_factory=no_items)
    """Rules this record is exempt from, each with a reason, an approver and an expiry date."""

    def display_name(self) -> str:
        """What people call the record: its name or title; a goal, which has neither, by the start of its text;
        else its id."""
        named = getattr(self, "name", None) or getattr(self, "title", None)
        if named:
            return named
        text = " ".join(str(getattr(self, "text", None) or "").split())
        if text:
            return text if len(text) <= 60 else text[:59].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"
        return self.id


class Remedy(Model):
    """A governance record that can remedy an audit's observations."""

    resolves: list[Ref("observation")] = Field(default_factory=no_items)
    """The observations (iakttagelser, by id) this record remedies; it must fit their category and subject and be
    adopted or done after the report."""
