"""The revision questions in a table, as many reports sum them up before or after the results:
'Revisionsfråga | Bedömning | Kommentar', a row a question, the verdict in the auditors' own words ('Delvis
uppfylld', 'Ja, i huvudsak') and often the section that answers it ('Se avsnitt 3.1')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditrack.importing.draft import Found
from auditrack.importing.paragraphs import Para
from auditrack.importing.patterns import SCALE_WORDS, VERDICTS

QUESTION_COLUMN = re.compile(r"(?i)^(?:revisions)?fråg")
VERDICT_COLUMN = re.compile(r"(?i)^(?:bedömning|svar|uppfyll\w*|resultat|svar på revisionsfrågan)$")
COMMENT_COLUMN = re.compile(r"(?i)^kommentar")
SECTION_NAMED = re.compile(r"(?i)\bavsnitt\s+(\d+(?:\.\d+)*)")
NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+")


@dataclass
class Row:
    question: Found
    verdict: Found | None
    """On auditrack's scale (yes, partly, no), when the words say which."""
    verdict_text: Found | None
    """The auditors' words, when they are not simply the scale's ('Uppfylld', 'Kan inte bedömas')."""
    section: str | None
    """The section the comment points to: 'Se avsnitt 3.1'."""


def cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.strip().strip("|").split("|")]


def question_rows(paras: list[Para]) -> list[Row]:
    """The rows of the first table whose first column holds the revision questions."""
    for i, para in enumerate(paras):
        head = cells(para.text) if para.table else []
        if len(head) < 2 or not QUESTION_COLUMN.match(head[0]):
            continue
        verdict_at = next((c for c, name in enumerate(head) if c and VERDICT_COLUMN.match(name)), 1)
        comment_at = next((c for c, name in enumerate(head) if c and COMMENT_COLUMN.match(name)), None)
        rows = []
        for row in paras[i + 1:]:
            if not row.table:
                break
            values = cells(row.text)
            if all(set(value) <= set("-: ") for value in values):  # a Markdown table's line under its head
                continue
            where = row.numbers
            words = values[verdict_at] if verdict_at < len(values) else ""
            comment = values[comment_at] if comment_at is not None and comment_at < len(values) else ""
            grade, own = grade_of(words)
            named = SECTION_NAMED.search(comment)
            rows.append(Row(Found(NUMBER.sub("", values[0]), where), Found(grade, where) if grade else None,
                            Found(own, where) if own else None, named.group(1) if named else None))
        return rows
    return []


def grade_of(words: str) -> tuple[str | None, str | None]:
    """The grade on the scale and the words to keep: 'Delvis' is partly; 'Delvis uppfylld' is partly in the
    auditors' words; 'Kan inte bedömas' is no grade, only words."""
    words = words.strip().rstrip(".")
    if not words:
        return None, None
    if words.lower() in SCALE_WORDS:
        return SCALE_WORDS[words.lower()], None
    return next((grade for grade, pattern in VERDICTS if pattern.search(words)), None), words
