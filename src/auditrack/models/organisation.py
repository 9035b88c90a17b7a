"""Organisations: the municipalities and regions whose data lives in the repository."""

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError, core_schema

from auditrack.models.base import Record, Text

# Four digits for a municipality (kommunkod), two for a region (its county's länskod). auditrack.municipalities
# is imported only when a code is checked: the list is read only then.
_CODE_PATTERN = r"^[0-9]{2}([0-9]{2})?$"


class _MunicipalityCode:
    """SCB's code: four digits for a municipality (kommunkod), two for a region (länskod), in SCB's list."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        def validate(value: Any) -> str:
            if not isinstance(value, str):  # a list or a mapping: the loader keeps every plain value as text
                raise PydanticCustomError("municipality_code_type", "write the code as text, e.g. \"2061\"")
            if not re.match(_CODE_PATTERN, value):
                raise PydanticCustomError(
                    "municipality_code_format",
                    "'{value}' is not a code: SCB's codes have four digits for a municipality (\"2085\" Ludvika) "
                    "and two for a region (\"20\" Region Dalarna)", {"value": value[:20]})
            from auditrack.municipalities import by_code

            if by_code(value) is None:
                raise PydanticCustomError("municipality_code_unknown",
                                          "'{value}' is not in SCB's list of Sweden's municipalities and regions",
                                          {"value": value})
            return value

        return core_schema.no_info_plain_validator_function(validate)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        from auditrack.municipalities import places

        # Every code, so that an editor completes them and flags one not in the list, as the check does.
        return {"type": "string", "enum": list(places()),
                "description": "SCB's code: four digits for a municipality (kommunkod), two for a region (länskod).",
                "examples": ["2085", "0180", "20"]}


MunicipalityCode = Annotated[str, _MunicipalityCode]


class Organisation(Record):
    """A municipality, region or federation. Every other record names the organisation it belongs to,
    and ids only need to be unique within one organisation."""

    kind_name: ClassVar[str] = "organisation"

    kind: Literal["organisation"]
    name: Text
    """The official name, e.g. 'Ludvika kommun'."""
    type: Literal["municipality", "region", "federation", "company"] = "municipality"
    """What sort of organisation this is."""
    municipality_code: MunicipalityCode | None = None
    """SCB's code of the municipality (kommunkod, four digits, e.g. "2085" for Ludvika) or region (länskod, two
    digits, e.g. "20" for Region Dalarna), in quotes. It must be in SCB's list, and be the code of the place the
    name means when the name is in the list."""

    @field_validator("municipality_code")
    @classmethod
    def _code_fits_name(cls, code: str | None, info: ValidationInfo) -> str | None:
        name = info.data.get("name")
        if code is None or not isinstance(name, str):
            return code
        from auditrack.municipalities import by_code, name_conflict

        meant = name_conflict(name, code)
        if meant is not None:
            raise PydanticCustomError(
                "municipality_code_name", "'{value}' is {coded}, but the name '{name}' is {meant}",
                {"value": code, "coded": by_code(code).describe(), "name": name[:80], "meant": meant.describe(),
                 "coded_sv": by_code(code).describe_sv(), "meant_sv": meant.describe_sv()})
        return code
