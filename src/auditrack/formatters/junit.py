"""`--format junit`: JUnit XML, for GitLab merge-request test reports and other CI systems.

One test case per data file. A file whose data cannot be trusted (YAML,
schema or reference errors) is an <error>; a file with error- or
warning-level gaps is a <failure>; info findings are listed in the case's
<system-out> and do not fail it. The body of each error or failure lists
every finding as `file:line:col CODE severity message`. Text from the data has
its invisible characters made visible (escape.visible: `\\x1b`, `\\u202e`) and is
XML-escaped; anything else XML 1.0 cannot hold (a lone surrogate) is written as \\uXXXX.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from auditrack.escape import visible
from auditrack.findings import Category, Finding, Severity

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text XML 1.0 can carry: control characters and lone surrogates become visible \\uXXXX escapes."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _line(f: Finding, shown: str) -> str:
    line = f"{shown}:{f.location.line}:{f.location.column} {f.code} {f.severity.value}: {visible(f.message)}"
    return f"{line}\n    help: {visible(f.hint)}" if f.hint else line


def document(result) -> ET.Element:
    from auditrack.formatters.paths import report_path

    by_file: dict[str, list[Finding]] = {path: [] for path in result.valid_files}
    for f in result.findings:
        by_file.setdefault(f.location.file, []).append(f)
    suite = ET.Element("testsuite", name="auditrack")
    ET.SubElement(ET.SubElement(suite, "properties"), "property", name="as_of", value=result.as_of.isoformat())
    counts = {"tests": 0, "failures": 0, "errors": 0}
    for file in sorted(by_file):
        findings = by_file[file]
        shown = visible(report_path(result.root, file)) if file != "." else "(repository)"
        case = ET.SubElement(suite, "testcase", classname="auditrack", name=xml_text(shown), file=xml_text(shown))
        counts["tests"] += 1
        broken = [f for f in findings if f.category is not Category.GAP]
        gaps = [f for f in findings if f.category is Category.GAP and f.severity is not Severity.INFO]
        failing = broken or gaps
        if failing:
            tag = "error" if broken else "failure"
            counts["errors" if broken else "failures"] += 1
            first = failing[0]
            more = f" (and {len(failing) - 1} more)" if len(failing) > 1 else ""
            element = ET.SubElement(case, tag, type=first.code, message=xml_text(
                f"{shown}:{first.location.line}:{first.location.column} {first.code}: {visible(first.message)}{more}"))
            element.text = xml_text("\n".join(_line(f, shown) for f in failing))
        rest = [f for f in findings if all(f is not g for g in failing)]
        if rest:
            ET.SubElement(case, "system-out").text = xml_text("\n".join(_line(f, shown) for f in rest))
    for key, value in counts.items():
        suite.set(key, str(value))
    root = ET.Element("testsuites", name="auditrack", **{k: str(v) for k, v in counts.items()})
    root.append(suite)
    return root


def render(result, stream: TextIO) -> None:
    tree = ET.ElementTree(document(result))
    ET.indent(tree)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(tree.getroot(), encoding="unicode"))
    stream.write("\n")
