"""Checking an edited file with the whole check pipeline, and writing it atomically."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from auditrack.config import Config
from auditrack.editing.document import Document, Refused
from auditrack.engine import check_edited, file_limits
from auditrack.findings import Category, Finding, Severity
from auditrack.io import write_atomic


def data_errors(root: Path, config: Config, as_of: date, relative: str, raw: bytes | None = None) -> list[Finding]:
    """The data errors (YAML, schema, references) that `check` finds in the file `relative` under `root`, or in
    `raw` as its contents when given."""
    result = check_edited(root, config, as_of, relative, raw)
    return [f for f in result.findings
            if f.category is Category.DATA and f.severity is Severity.ERROR and f.location.file == relative]


def open_document(root: Path, config: Config, as_of: date, relative: str) -> Document:
    """The data file `relative` under `root`, ready to edit. Raises Refused with its findings when it has data
    errors, and NotARegularFile when it is a link or not a regular file."""
    from auditrack.io import refuse_unless_regular

    refuse_unless_regular(root / relative)
    found = data_errors(root, config, as_of, relative)
    if found:
        raise Refused(found)
    return Document(relative, (root / relative).read_bytes(), file_limits(config))


def save(root: Path, config: Config, as_of: date, document: Document) -> bool:
    """Write the edited `document` to its file under `root`, once the whole check pipeline finds no data error in
    it (else Refused with the findings, and nothing written). Atomic; a link or non-regular file is refused
    (NotARegularFile). False when the file already held these bytes."""
    found = data_errors(root, config, as_of, document.path, document.raw)
    if found:
        raise Refused(found)
    return write_atomic(root / document.path, document.raw.decode("utf-8"))  # the BOM, if any, stays
