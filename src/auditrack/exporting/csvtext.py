"""The action plan as CSV for Excel: UTF-8 with a byte-order mark, semicolons, CRLF line ends.

Excel opens a CSV file without a byte-order mark in the computer's legacy code page, so å, ä and ö come out as
'Ã¥'; with the mark it reads UTF-8. A Swedish Excel splits columns at ';' (',' is the decimal comma there), and
every other spreadsheet asks or guesses. Dates are written YYYY-MM-DD, which Excel reads as dates.
"""

from __future__ import annotations

import csv
import io

from auditrack.exporting.plan import Row, headers

BOM = "\ufeff"
DELIMITER = ";"


def csv_text(rows: list[Row], lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(headers(lang))
    for row in rows:
        writer.writerow(["" if value is None else str(value) for value in row.cells()])
    return BOM + buffer.getvalue()
