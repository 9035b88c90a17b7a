"""The action plan as an Excel workbook (openpyxl, the optional extra `xlsx`).

The header row is frozen and filtered; whole-day dates are real dates; the status column offers the allowed
values as a drop-down list; the id columns are locked by sheet protection (without a password: it guards
against an accidental edit, not against a user) while every other column stays editable, and filtering,
sorting and resizing stay allowed.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO

from auditrack.exporting.plan import COLUMNS, DATE_COLUMNS, ID_COLUMNS, STATUSES, Row, headers

SHEET_TITLES = {"en": "Action plan", "sv": "Åtgärdsplan"}
DATE_FORMAT = "yyyy-mm-dd"
WIDTHS = {"recommendation": 60, "action": 60, "evidence": 40, "note": 40, "report": 28, "recommendation_id": 30}
"""Column widths in characters; the other columns get DEFAULT_WIDTH."""
DEFAULT_WIDTH = 16
LAST_ROW = 1048576
"""Excel's last row: the status drop-down covers rows added below the exported ones too."""


def workbook_bytes(rows: list[Row], lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLES[lang]
    sheet.append(headers(lang))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    keys = [key for key, _en, _sv in COLUMNS]
    for row in rows:
        sheet.append(row.cells())
    for column, key in enumerate(keys, start=1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = WIDTHS.get(key, DEFAULT_WIDTH)
        for cell in sheet[letter][1:]:
            if key not in ID_COLUMNS:
                cell.protection = Protection(locked=False)
            if key in DATE_COLUMNS and isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    status = get_column_letter(keys.index("status") + 1)
    validation = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
    validation.add(f"{status}2:{status}{LAST_ROW}")
    sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{len(rows) + 1}"
    protection = sheet.protection
    protection.sheet = True
    protection.autoFilter = protection.sort = False  # False allows them on a protected sheet
    protection.formatColumns = protection.formatRows = False
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
