"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

The tool's rules are every gap rule in the registry and every data code in
codes.py, with their documentation; each result points at its rule by id and
index, and carries a fingerprint that does not depend on line numbers, so an
alert survives edits elsewhere in the file. Messages and hints are shown to
people by SARIF viewers, so invisible characters in them are visible escapes
(`\\u202e`); the fingerprint is taken from the data's own text.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import TextIO
from urllib.parse import quote

from auditrack import __version__
from auditrack.codes import CODES
from auditrack.escape import json_text, visible
from auditrack.findings import Category, Finding, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "auditrack/v1"


def fingerprint_id(f: Finding) -> str:
    """A stable hash of Finding.fingerprint(): code, file, subject and message, not the line."""
    return hashlib.sha256(json.dumps(list(f.fingerprint()), ensure_ascii=False).encode("utf-8")).hexdigest()


@cache
def _catalogue() -> dict[str, dict]:
    """Every code auditrack can report → its SARIF reportingDescriptor, gap rules first, then data codes."""
    from auditrack.rules import load_rules

    descriptors: dict[str, dict] = {}
    for spec in load_rules().values():
        help_text = "\n\n".join(part for part in (
            f"Why: {spec.why}" if spec.why else "", f"Fix: {spec.fix}" if spec.fix else "",
        ) if part) or spec.doc or spec.summary
        markdown = [spec.doc or spec.summary]
        if spec.example:
            markdown += ["Example that triggers it:", f"```yaml\n{spec.example}\n```"]
        if spec.fix_example:
            markdown += ["Fixed:", f"```yaml\n{spec.fix_example}\n```"]
        descriptors[spec.code] = {
            "id": spec.code,
            "name": spec.name,
            "shortDescription": {"text": spec.summary},
            "fullDescription": {"text": spec.doc or spec.summary},
            "help": {"text": help_text, "markdown": "\n\n".join(markdown)},
            "defaultConfiguration": {"level": LEVEL[spec.severity]},
            "properties": {"tags": ["governance", spec.group] if spec.group else ["governance"]},
        }
    for code in CODES.values():
        descriptors[code.code] = {
            "id": code.code,
            "name": code.name,
            "shortDescription": {"text": code.summary},
            "fullDescription": {"text": code.summary},
            "help": {"text": f"Fix: {code.fix}", "markdown": f"{code.summary}\n\n**Fix:** {code.fix}"},
            "defaultConfiguration": {"level": LEVEL[code.severity]},
            "properties": {"tags": ["waiver" if code.code.startswith("W") else "data"]},
        }
    return descriptors


def code_name(code: str) -> str:
    """The readable name of a rule or data code, e.g. 'duplicate-key'; the code itself when unknown."""
    descriptor = _catalogue().get(code)
    return descriptor["name"] if descriptor else code


def document(result) -> dict:
    from auditrack.formatters.paths import report_path

    descriptors = dict(_catalogue())
    for f in result.findings:  # a code no catalogue knows still gets a (minimal) rule entry
        descriptors.setdefault(f.code, {"id": f.code, "shortDescription": {"text": f.code}})
    order = {code: i for i, code in enumerate(descriptors)}
    results = []
    for f in result.findings:
        entry: dict = {
            "ruleId": f.code,
            "ruleIndex": order[f.code],
            "level": LEVEL[f.severity],
            "message": {"text": visible(f.message)},
        }
        if f.location.file != ".":
            entry["locations"] = [{
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": quote(report_path(result.root, f.location.file), safe="/"),
                        "uriBaseId": "%SRCROOT%",
                    },
                    "region": {"startLine": f.location.line, "startColumn": f.location.column},
                },
            }]
        entry["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint_id(f)}
        properties = {"category": f.category.value}
        for key in ("subject", "organisation", "hint"):
            if getattr(f, key) is not None:
                properties[key] = visible(getattr(f, key))
        entry["properties"] = properties
        results.append(entry)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "auditrack",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": list(descriptors.values()),
            }},
            "invocations": [{
                "executionSuccessful": not any(f.category is Category.INTERNAL for f in result.findings),
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"as_of": result.as_of.isoformat(), "files": result.files},
        }],
    }


def render(result, stream: TextIO) -> None:
    stream.write(json_text(document(result)) + "\n")
