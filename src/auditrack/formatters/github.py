"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

Text from the data is first made visible (escape.visible: control, bidirectional
and zero-width characters as `\\x1b`, `\\u202e`), so a line break in a value shows
as `\\x0a` rather than breaking the annotation. Then every value is escaped
exactly as the Actions toolkit does (@actions/core, command.ts), so no text can
end the command early or start a command of its own: the message escapes `%`,
CR and LF; properties (file, title) also escape `:` and `,`.
"""

from __future__ import annotations

from typing import TextIO

from auditrack.escape import visible
from auditrack.findings import Finding, Severity
from auditrack.formatters.paths import report_path
from auditrack.formatters.text import summary_line

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding, file: str | None, title: str) -> str:
    properties = []
    if file is not None:
        properties += [f"file={escape_property(visible(file))}", f"line={f.location.line}", f"col={f.location.column}"]
    properties.append(f"title={escape_property(title)}")
    message = visible(f.message) if not f.hint else f"{visible(f.message)}\nhelp: {visible(f.hint)}"
    return f"::{COMMAND[f.severity]} {','.join(properties)}::{escape_data(message)}"


def render(result, stream: TextIO) -> None:
    from auditrack.formatters.sarif import code_name

    for f in result.findings:
        file = None if f.location.file == "." else report_path(result.root, f.location.file)
        stream.write(annotation(f, file, f"{f.code} {code_name(f.code)}") + "\n")
    stream.write(summary_line(result) + "\n")
