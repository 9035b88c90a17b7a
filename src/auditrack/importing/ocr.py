"""Repairing OCR damage to å, ä and ö with a Swedish word list (data/swedish-words.txt, which states its source).

Scanned reports lose the dots and rings: 'försörjning' comes out as 'férsérjning', 'f6rsérjning' or
'forsorjning', 'bedömning' as 'bedémning' or 'beddmning', 'fått' as 'fatt'. A word that is not in the list is
compared with the list's words of its length, reading each letter that OCR confuses with å, ä or ö as any of
them. Exactly one fitting word is a certain repair; several (such as 'ar' for 'år' and 'är') leave the word as
it is and mark it, and so does a word with an OCR mark (é, 6, &) that fits none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

CONFUSED = {
    "a": "aåä", "o": "oö", "é": "öäåé", "è": "öä", "6": "ö", "&": "åä", "d": "döä", "b": "bö",
}
"""What OCR turns å, ä and ö into, and what each such letter may stand for."""
DIGRAPHS = ("oé", "ié", "dé", "ée")
"""Two marks OCR makes of one ö or ä ('goér' for 'gör', 'Viégen' for 'Vägen')."""
MARKS = set("é6&è")
"""Letters that show damage even when the word fits nothing."""
TOKEN = re.compile(r"[A-Za-zÅÄÖåäöéèÉ6&]*[A-Za-zÅÄÖåäöéèÉ][A-Za-zÅÄÖåäöéèÉ6&]*")
SWEDISH = set("åäöÅÄÖ")


@dataclass(frozen=True)
class Doubt:
    """A word that could not be repaired with certainty, and the words it may be."""

    word: str
    candidates: tuple[str, ...]

    def describe(self) -> str:
        return f"'{self.word}'" + (f" ({' / '.join(self.candidates)}?)" if self.candidates else "")


@cache
def words() -> frozenset[str]:
    text = resources.files("auditrack").joinpath("data/swedish-words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@cache
def _by_length() -> dict[int, tuple[str, ...]]:
    grouped: dict[int, list[str]] = {}
    for word in words():
        grouped.setdefault(len(word), []).append(word)
    return {length: tuple(found) for length, found in grouped.items()}


def looks_damaged(text: str) -> bool:
    """Whether a text has lost its å, ä and ö: fewer than one word in a hundred has one, or OCR marks abound."""
    tokens = TOKEN.findall(text)
    if not tokens:
        return False
    swedish = sum(1 for t in tokens if SWEDISH & set(t))
    marked = sum(1 for t in tokens if MARKS & set(t) and t.lower() not in words())
    return swedish < len(tokens) / 100 or marked > len(tokens) / 200


@cache
def candidates(token: str) -> tuple[str, ...]:
    """The list's words that `token` (lower case) may be."""
    found: set[str] = set()
    for variant in {token, *(token.replace(d, "é") for d in DIGRAPHS if d in token)}:
        pattern = re.compile("".join(f"[{CONFUSED[c]}]" if c in CONFUSED else re.escape(c) for c in variant))
        found.update(w for w in _by_length().get(len(variant), ()) if pattern.fullmatch(w))
    return tuple(sorted(found))


def repair_word(word: str, damaged: bool) -> tuple[str, Doubt | None]:
    """The word repaired, or as it was with a Doubt. In a text that is not damaged, only marked words are tried."""
    lower = word.lower()
    if lower in words() or (not damaged and not MARKS & set(lower)):
        return word, None
    found = candidates(lower)
    if len(found) == 1:
        fixed = found[0]
        return (fixed[0].upper() + fixed[1:] if word[0].isupper() else fixed), None
    if found or MARKS & set(lower):
        return word, Doubt(word, found)
    return word, None


LEADING_PIPE = re.compile(r"(^\s*|[.!?] )\|(?= [a-zåäö])")
"""OCR reads a capital I that starts a line ('I oktober 2020') as '|'."""


def repair_line(line: str, damaged: bool) -> tuple[str, list[Doubt]]:
    doubts: list[Doubt] = []

    def fix(match: re.Match) -> str:
        fixed, doubt = repair_word(match.group(0), damaged)
        if doubt is not None:
            doubts.append(doubt)
        return fixed

    if damaged:
        line = LEADING_PIPE.sub(r"\1I", line)
    return TOKEN.sub(fix, line), doubts
