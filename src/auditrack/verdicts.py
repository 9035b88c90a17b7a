"""Verdicts on the canonical scale (yes, partly, no) and the report's own words for them.

Reports grade in many words: "i huvudsak", "kan förbättras", a traffic light such as "gul". The data keeps the
canonical verdict (`verdict:`, or an overall verdict's `grade:`) beside the report's words (`verdict_text:`);
auditrack.yaml's `verdict_words:` puts a repository's own words on the scale when only the words are written.
"""

from __future__ import annotations

from typing import Iterator

SCALE = ("yes", "partly", "no")


def _key(words: str) -> str:
    return " ".join(words.split()).casefold()


def on_scale(verdict: str | None, verdict_text: str | None, verdict_words: dict[str, str]) -> str | None:
    """The canonical verdict: the one written, else the configured verdict for the report's words (case and
    spacing aside), else None."""
    if verdict is not None or verdict_text is None:
        return verdict
    mapped = {_key(words): grade for words, grade in verdict_words.items()}
    return mapped.get(_key(verdict_text))


def questions_with_paths(questions: list, path: tuple = ("questions",)) -> Iterator[tuple[object, tuple]]:
    """Every revision question and sub-question of a report, with its path below the report."""
    for i, question in enumerate(questions):
        here = (*path, i)
        yield question, here
        yield from questions_with_paths(question.sub_questions, (*here, "sub_questions"))
