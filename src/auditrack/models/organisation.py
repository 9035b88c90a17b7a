"""Organisations: the municipalities and regions whose data lives in the repository."""

from __future__ import annotations

from typing import ClassVar, Literal

from auditrack.models.base import Record, Text


class Organisation(Record):
    """A municipality, region or federation. Every other record names the organisation it belongs to,
    and ids only need to be unique within one organisation."""

    kind_name: ClassVar[str] = "organisation"

    kind: Literal["organisation"]
    name: Text
    """The official name, e.g. 'Ludvika kommun'."""
    type: Literal["municipality", "region", "federation", "company"] = "municipality"
    """What sort of organisation this is."""
