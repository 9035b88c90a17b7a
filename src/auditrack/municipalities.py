"""Sweden's municipalities and regions with SCB's codes, and which of them an organisation's name means.

The list is package data, data/municipalities.csv, which cites its source. It is read on first use only:
`auditrack init` reads it to name a new organisation, and the check reads it only for an organisation file that
gives a `municipality_code`.

A name is matched the way Swedish writes it: "Smedjebackens kommun", "Göteborgs Stad", "Region Dalarna",
"Västra Götalandsregionen" and "Region Jönköping" all mean a place in the list. The words kommun, stad and region
(and kommunen, staden, regionen, län) are left out, and a genitive -s is tried off when the name without it
is in the list.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

_WORDS = r"kommun|kommunen|stad|staden|region|regionen"
_LEADING = re.compile(rf"^(?:{_WORDS})\s+", re.IGNORECASE)
_TRAILING = re.compile(rf"\s+(?:{_WORDS}|län)$", re.IGNORECASE)
_GLUED_REGION = re.compile(r"(?<=\S)regionen$", re.IGNORECASE)  # Västra Götalandsregionen
_REGION_WORD = re.compile(r"(?:^|\s)region(?:en)?(?:\s|$)|\Sregionen$|\slän$", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """A municipality or a region in SCB's list."""

    code: str
    """'2061' for a municipality, '20' for a region."""
    name: str
    """SCB's name of a municipality ('Smedjebacken'), or the region's own name ('Region Dalarna')."""

    @property
    def is_region(self) -> bool:
        return len(self.code) == 2

    @property
    def kind(self) -> str:
        return "region" if self.is_region else "municipality"

    @property
    def id(self) -> str:
        """The organisation id `init` gives it: 'smedjebacken', 'malung-salen', 'region-dalarna'."""
        return slug(self.name)

    def describe(self) -> str:
        """'Smedjebacken (municipality 2061)'; 'Region Dalarna (region 20)'."""
        return f"{self.name} ({self.kind} {self.code})"

    def describe_sv(self) -> str:
        return f"{self.name} ({'region' if self.is_region else 'kommun'} {self.code})"


@cache
def places() -> dict[str, Place]:
    """Every municipality and region, by code, in the file's order."""
    text = resources.files("auditrack").joinpath("data/municipalities.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {row["code"]: Place(row["code"], row["name"]) for row in rows}


def by_code(code: str) -> Place | None:
    return places().get(code)


def slug(text: str) -> str:
    """An id from a name: lower case a–z, digits and hyphens; å and ä become a, ö o, é e."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80]


def strip_words(name: str) -> str:
    """The name without kommun, stad, region (or kommunen, staden, regionen, län) before or after it."""
    text = " ".join(name.split())
    while True:
        shorter = _GLUED_REGION.sub("", _TRAILING.sub("", _LEADING.sub("", text)))
        if shorter == text or not shorter:
            return text
        text = shorter


_IRREGULAR_GENITIVES = {"falu": "falun"}
"""Genitives that are not the name plus -s: the municipality calls itself Falu kommun, SCB lists it as Falun."""


def _keys(name: str) -> set[str]:
    """The forms under which `name` is looked up: without the words, and without a genitive -s (or with the
    name an irregular genitive stands for)."""
    base = strip_words(name).casefold()
    if base in _IRREGULAR_GENITIVES:
        return {base, _IRREGULAR_GENITIVES[base]}
    return {base, base[:-1]} if base.endswith("s") and len(base) > 2 else {base}


@cache
def _index() -> dict[str, tuple[Place, ...]]:
    index: dict[str, list[Place]] = {}
    for place in places().values():
        # A place's own name is looked up as written; a region's name may also be given without its
        # genitive ("Region Jönköping" for Region Jönköpings län, "Västra Götaland" for Västra Götalandsregionen).
        keys = _keys(place.name) if place.is_region else {place.name.casefold()}
        for key in keys:
            index.setdefault(key, []).append(place)
    return {key: tuple(found) for key, found in index.items()}


def candidates(name: str) -> list[Place]:
    """Every place `name` can mean. 'Region Gotland' is both the region (09) and the municipality Gotland (0980)."""
    index = _index()
    base = strip_words(name).casefold()
    exact = list(index.get(base, ()))
    # The name as written wins over its genitive reading: 'Borås stad' is Borås, whatever 'Borå' might be.
    rest = [p for key in sorted(_keys(name) - {base}) for p in index.get(key, ()) if p not in exact]
    return exact + rest


def match(name: str) -> Place | None:
    """The place `name` means: a region when the name says region, else a municipality; None when it means none."""
    found = candidates(name)
    wants_region = says_region(name)
    preferred = [p for p in found if p.is_region == wants_region]
    return (preferred or found or [None])[0]


def says_region(name: str) -> bool:
    """Whether the name calls the organisation a region (or a county: 'Dalarnas län')."""
    return bool(_REGION_WORD.search(" ".join(name.split())))


def name_conflict(name: str, code: str) -> Place | None:
    """The place `name` means when `code` is not its code; None when they agree or when the name means no place.

    A name that does not say region means a municipality ('Stockholms stad' is 0180, not 01); one that does may
    mean either, since Region Gotland is also the municipality Gotland (0980)."""
    wants_region = says_region(name)
    found = [p for p in candidates(name) if wants_region or not p.is_region]
    if not found or code in {p.code for p in found}:
        return None
    return next((p for p in found if p.is_region == wants_region), found[0])
