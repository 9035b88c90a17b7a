"""`--format json`: the stable machine-readable contract (keys may be added, never removed or renamed).

Values are exactly the data's (a machine reads them); invisible characters in them are written as JSON
`\\uXXXX` escapes (escape.json_text), so the file holds no raw ESC, CSI, line separator or bidi override."""

from __future__ import annotations

from typing import TextIO

from auditrack import __version__
from auditrack.escape import json_text
from auditrack.findings import Finding, count_by_severity


def finding_dict(f: Finding) -> dict:
    return {
        "code": f.code,
        "severity": f.severity.value,
        "message": f.message,
        "file": f.location.file,
        "line": f.location.line,
        "column": f.location.column,
        "subject": f.subject,
        "organisation": f.organisation,
        "hint": f.hint,
    }


def document(result) -> dict:
    return {
        "auditrack": __version__,
        "as_of": result.as_of.isoformat(),
        "files": result.files,
        "findings": [finding_dict(f) for f in result.findings],
        "summary": count_by_severity(result.findings),
    }


def render(result, stream: TextIO) -> None:
    stream.write(json_text(document(result)) + "\n")
