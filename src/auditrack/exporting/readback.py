"""Reading an exported action plan back: its rows as cells with their names, keyed by the id columns.

A cell's name is where a person finds it: `Åtgärdsplan!F7` in a workbook, `plan.csv:7:Status` in a CSV file.
Headers are recognised in either language, so a sheet exported with --lang sv reads back under --lang en.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from auditrack.exporting.csvtext import BOM, DELIMITER
from auditrack.exporting.plan import COLUMNS, OPTIONAL_COLUMNS


class NotAPlan(Exception):
    """The file is not an exported plan (a usage error): the message in English and Swedish."""

    def __init__(self, en: str, sv: str):
        super().__init__(en)
        self.messages = {"en": en, "sv": sv}


@dataclass(frozen=True)
class Cell:
    name: str
    value: str | date | None


def read_rows(file: Path) -> list[dict[str, Cell]]:
    """Every row below the header, as {column key: cell}; blank rows are left out. A row of an older export
    has no cell for the OPTIONAL_COLUMNS it lacks."""
    try:
        table, name = (_xlsx(file) if file.suffix.lower() == ".xlsx" else _csv(file))
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise NotAPlan(f"cannot read {file}: {exc}", f"kan inte läsa {file}: {exc}") from exc
    if not table:
        raise NotAPlan(f"{file} is empty", f"{file} är tom")
    keys = {header: key for key, en, sv in COLUMNS for header in (en, sv)}
    header = [keys.get(str(h).strip()) if h is not None else None for h in table[0]]
    for key, en, sv in COLUMNS:
        if key not in header and key not in OPTIONAL_COLUMNS:
            raise NotAPlan(f"{file} is not an exported action plan: the column '{en}' is missing",
                           f"{file} är ingen exporterad åtgärdsplan: kolumnen '{sv}' saknas")
    rows = []
    for number, values in enumerate(table[1:], start=2):
        if all(v in (None, "") for v in values):
            continue
        rows.append({key: Cell(name(number, column, table[0][column]), _value(values, column))
                     for column, key in enumerate(header) if key})
    return rows


def _value(values, column: int) -> str | date | None:
    value = values[column] if column < len(values) else None
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    return text or None


def _xlsx(file: Path):
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    sheet = load_workbook(file, read_only=True, data_only=True).worksheets[0]
    title = sheet.title
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    return table, lambda row, column, _header: f"{title}!{get_column_letter(column + 1)}{row}"


def _csv(file: Path):
    with file.open(encoding="utf-8", newline="") as stream:
        text = stream.read().removeprefix(BOM)
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=DELIMITER))
    return table, lambda row, _column, header: f"{file.name}:{row}:{header}"
