"""The rows of an edited action plan compared with what `export plan` writes for them now.

Each row gives the Change it asks of its action, the day of that change's update entry, and its bad cells
(the message keys of `import_plan.MESSAGES`). An action that answers several recommendations has a row for
each: identical changes on its rows count once, different ones are a bad cell on the later row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from auditrack.editing.progress import Change
from auditrack.exporting.plan import ID_COLUMNS, LIST_SEPARATOR, STATUSES, Row
from auditrack.exporting.readback import Cell

EDITABLE = ("owner", "status", "last_update", "note", "evidence")
"""The columns an import applies, in the sheet's order."""
READ_ONLY = ("recommendation", "addressees", "body", "stance", "action", "follow_up")
"""The data's columns: an edit is refused at its cell with where to make it instead (keys `fixed-COLUMN`)."""


class Bad(Exception):
    """A bad cell: the cell, and the message's key and values."""

    def __init__(self, cell: Cell, key: str, **values):
        super().__init__(key)
        self.cell, self.key, self.values = cell, key, values


@dataclass(frozen=True)
class RowChange:
    change: Change
    day: date | None
    """The row's edited last-update date, when it gives one; else the import's --date."""
    cells: dict[str, Cell]


def collect(sheet: list[dict[str, Cell]], known: dict) -> tuple[dict[tuple, RowChange], list[Bad]]:
    """Every changed action's RowChange by (organisation, action id), and every bad cell."""
    changes: dict[tuple, RowChange] = {}
    bad: list[Bad] = []
    for cells in sheet:
        try:
            key, found, row_bad = compare(cells, known)
        except Bad as exc:
            bad.append(exc)
            continue
        bad.extend(row_bad)
        if found is None or row_bad:
            continue
        earlier = changes.setdefault(key, found)
        if (earlier.change, earlier.day) != (found.change, found.day):
            bad.append(_twin(earlier, found, key[1]))
    return changes, bad


def compare(cells: dict[str, Cell], known: dict) -> tuple[tuple, RowChange | None, list[Bad]]:
    """The row's (organisation, action id), its RowChange or None when it changes nothing, and its bad cells.

    A row whose action was updated after the sheet was exported cannot tell an edit from an older value, so
    when it differs from the data in anything but the date it is one bad cell, at its last update."""
    ids = tuple(cells[key].value for key in ID_COLUMNS)
    if ids not in known:
        _unmatched(cells, known)
    org, row = known[ids]
    updated = _updated_since(cells["last_update"], row)
    if updated is None:
        return (org, ids[2]), *_compare_row(cells, row)
    found, bad = _compare_row({**cells, "last_update": Cell(cells["last_update"].name, updated)}, row)
    return (org, ids[2]), None, ([Bad(cells["last_update"], "stale", value=updated)] if found or bad else [])


def _compare_row(cells: dict[str, Cell], row: Row) -> tuple[RowChange | None, list[Bad]]:
    change = Change()
    bad = [*_status(cells["status"], row, change), *_due(cells["due"], row), *_owner(cells["owner"], row, change),
           *_evidence(cells["evidence"], row, change), *_note(cells.get("note"), row, change)]
    changed = bool(change.status or change.owner or change.evidence or change.note)
    day, date_bad = _last_update(cells["last_update"], row, changed)
    bad += date_bad + [Bad(cells[key], f"fixed-{key}") for key in READ_ONLY
                       if _text(cells[key].value) != _text(row.values.get(key))]
    return (RowChange(change, day, cells) if changed else None), bad


def _updated_since(cell: Cell, row: Row):
    """The data's last update when it is later than the sheet's (or the sheet has none), else None."""
    data, sheet = row.values.get("last_update"), _date_value(cell)
    if data is None:
        return None
    if sheet is None or (isinstance(sheet, date) and isinstance(data, date) and sheet < data):
        return data
    return None


def _unmatched(cells: dict[str, Cell], known: dict) -> None:
    report, rec, action = (cells[key].value for key in ID_COLUMNS)
    if not any(k[0] == report for k in known):
        raise _typed(cells["report"], "no-report", value=report)
    if not any(k[:2] == (report, rec) for k in known):
        raise _typed(cells["recommendation_id"], "no-recommendation", old=report, value=rec)
    raise _typed(cells["action_id"], "no-action", old=rec, value=action)


def _status(cell: Cell, row: Row, change: Change) -> list[Bad]:
    if cell.value == row.values.get("status"):
        return []
    change.status = cell.value
    if row.values.get("action_id") is None:
        return [Bad(cell, "no-action-status")]
    return [] if cell.value in STATUSES else [_typed(cell, "status", value=cell.value)]


def _due(cell: Cell, row: Row) -> list[Bad]:
    old, new = row.values.get("due"), _date_value(cell)
    if new == old:
        return []
    if isinstance(new, date):
        return [Bad(cell, "due-moved", old=old or "-", value=new, action=row.values.get("action_id"))]
    return [_typed(cell, "not-date", value=new)]


def _owner(cell: Cell, row: Row, change: Change) -> list[Bad]:
    old = row.values.get("owner")
    if cell.value == old:
        return []
    change.owner = cell.value
    return [Bad(cell, "owner-removed", old=old)] if cell.value is None else []


def _evidence(cell: Cell, row: Row, change: Change) -> list[Bad]:
    before, after = _lines(row.values.get("evidence")), _lines(cell.value)
    change.evidence = [e for e in after if e not in before]
    return [Bad(cell, "evidence-removed", value=e) for e in before if e not in after]


def _note(cell: Cell | None, row: Row, change: Change) -> list[Bad]:
    if cell is None:  # an export from before the column: no notes
        return []
    old, new = _text(row.values.get("note")), _text(cell.value)
    if new == old:
        return []
    if not new:
        return [Bad(cell, "note-cleared", old=old)]
    change.note = new
    return []


def _last_update(cell: Cell, row: Row, changed: bool) -> tuple[date | None, list[Bad]]:
    """The edited date of the row's update entry: it dates the row's other changes, so alone it is refused."""
    old, new = row.values.get("last_update"), _date_value(cell)
    if new == old:
        return None, []
    if not isinstance(new, date):
        return None, [_typed(cell, "not-date", value=new)]
    if not changed:
        return None, [Bad(cell, "update-date-alone", old=old or "-", value=new)]
    return new, []


def _typed(cell: Cell, key: str, **values) -> Bad:
    """A bad value the user typed; an empty cell gets the message that says so (`KEY-empty`), not ''."""
    return Bad(cell, f"{key}-empty" if cell.value in (None, "") else key, **values)


def _twin(earlier: RowChange, later: RowChange, action: str) -> Bad:
    """The later row's first editable cell that differs from the earlier row's, naming the earlier cell."""
    key = next((k for k in EDITABLE if k in later.cells and later.cells[k].value != earlier.cells[k].value),
               "status")
    return Bad(later.cells[key], "twin", old=earlier.cells[key].name, action=action)


def _date_value(cell: Cell):
    """A date cell's value as export writes it: a whole day as a date, a period as its text ('2023-06')."""
    if isinstance(cell.value, str):
        try:
            return date.fromisoformat(cell.value) if len(cell.value) == 10 else cell.value
        except ValueError:
            return cell.value
    return cell.value


def _lines(value) -> list[str]:
    return [line.strip() for line in str(value or "").split(LIST_SEPARATOR) if line.strip()]


def _text(value) -> str:
    """A cell's text with its whitespace collapsed, as export writes texts."""
    return " ".join(str(value or "").split())
