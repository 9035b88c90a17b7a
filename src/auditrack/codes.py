"""Codes for findings that are not gap rules: files, YAML, schemas, references, configuration, waivers."""

from __future__ import annotations

from typing import NamedTuple

from auditrack.findings import Severity


class Code(NamedTuple):
    code: str
    name: str
    summary: str
    fix: str
    severity: Severity
    """The severity of every finding with this code (a waiver's can be changed in auditrack.yaml)."""


_TABLE = [
    ("Y001", "yaml-syntax", "The file is not valid YAML.", "Fix the line shown: indentation with spaces, quotes around text with ': ' or '#'."),
    ("Y002", "duplicate-key", "A key appears twice in one mapping; YAML would silently keep the last value.", "Keep one of the two entries."),
    ("Y003", "tag-not-allowed", "An explicit YAML tag (`!something`) is used; only plain values are read.", "Remove the tag; quote the value if it must stay text."),
    ("Y004", "alias-not-allowed", "A YAML alias (`*name`) is used. Aliases are refused so no file can expand into huge data.", "Write the value out where it is used."),
    ("Y005", "nesting-too-deep", "The data is nested deeper than the limit (64 by default).", "Flatten the structure."),
    ("Y006", "file-too-large", "The file is larger than the limit (1 MiB by default).", "Split the file, or raise limits.max_file_bytes."),
    ("Y007", "binary-content", "The file contains NUL bytes: it is binary, not text.", "Save it as UTF-8 text or move it out of the data folders."),
    ("Y008", "invalid-utf8", "The file is not valid UTF-8.", "Save the file as UTF-8."),
    ("Y009", "empty-file", "The file holds no data.", "Add the record's fields or delete the file."),
    ("Y010", "not-a-mapping", "The file (or a key) is a list or a single value where a mapping of fields is expected.", "Write the record as `name: value` lines."),
    ("Y011", "multiple-documents", "The file holds several YAML documents; one record per file is read.", "Move each document into its own file."),
    ("Y012", "link-not-followed", "A symbolic link is broken, points to a folder, or points outside the repository; it is not followed.", "Copy the data into the repository."),
    ("Y013", "unreadable", "A file or folder cannot be read.", "Fix its permissions."),
    ("S001", "unknown-kind", "The file's `kind:` is missing or unknown.", "Add `kind:` with one of the documented kinds."),
    ("S002", "missing-field", "A required field is missing.", "Add the field."),
    ("S003", "unknown-field", "A field that the schema does not know (often a misspelling).", "Correct the name or remove the field."),
    ("S004", "invalid-value", "A value has the wrong type or form (a bad date, a word where a number belongs, a value not in the list).", "Correct the value as the message says."),
    ("S005", "old-single-body-form", "An audit report names one body where a list is now written (`addressee:`, `addressed_to:`, `requested_from:`). The file is still read, in the new form.", "Write the list the message shows, e.g. `addressees: [ks]`."),
    ("X001", "unknown-reference", "A reference names an id that does not exist, or a record of the wrong kind.", "Use an existing id or add the record."),
    ("X002", "duplicate-id", "Two records in one organisation share an id.", "Give one of them a new id."),
    ("X003", "gaps-held-back", "An organisation's gap findings are held back while some of its files have errors: with records missing from the index, they would only repeat those errors.", "Fix the organisation's data errors and check again."),
    ("X004", "findings-not-shown", "The check found more than `limits.max_findings` findings (10,000 by default); the most serious are shown, and this one counts the rest. It has the highest severity of those it counts, so the exit code is what all of them give.", "Fix the findings shown and check again, or raise limits.max_findings."),
    ("C001", "invalid-config", "auditrack.yaml is invalid.", "Correct the key or value shown."),
    ("W001", "waiver-expired", "A waiver has passed its expiry date; the waived rule applies again.", "Fix the gap, or renew the waiver with a new date and approval."),
    ("W002", "waiver-unused", "A waiver names a rule that finds nothing on its record.", "Remove the waiver."),
    ("I001", "internal-error", "auditrack failed inside a rule, template or formatter. This is a bug in auditrack, not in your data.", "Report it with the message and the version."),
]

_NOT_ERRORS = {"S005": Severity.WARNING, "X003": Severity.INFO, "W001": Severity.WARNING, "W002": Severity.WARNING}
"""The codes whose findings are not errors; every other code is an error. The one place their severity is set:
the findings, `auditrack rules`, docs/rules.md and SARIF all read it from here."""

CODES: dict[str, Code] = {
    code: Code(code, name, summary, fix, _NOT_ERRORS.get(code, Severity.ERROR)) for code, name, summary, fix in _TABLE
}
