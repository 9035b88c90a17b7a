"""`auditrack diff BASE [HEAD]`: what a change does to the gaps, and to the status of recommendations and actions.

Both sides are checked in full with the same configuration (HEAD's) and the
same date. Findings are matched by fingerprint (code, file, subject,
message), not by line, so moving a record does not count as fixing one gap
and introducing another.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from auditrack import __version__
from auditrack.config import Config, ConfigError, as_of_date, parse_config
from auditrack.engine import EXIT_GAPS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, CheckResult, check_sources, read_sources
from auditrack.findings import Category, Finding, Severity, count_by_severity, localize
from auditrack.gitsource import Checkout, GitError, locate, read_config, read_tree, resolve
from auditrack.index import Index

FORMATS = ("text", "json", "markdown")
WORKING_TREE = "working tree"


@dataclass
class StatusChange:
    kind: str
    """'action' or 'recommendation'."""
    organisation: str
    id: str
    before: str | None
    """The action's status, or the recommendation's latest follow-up assessment; None when absent."""
    after: str | None
    file: str
    line: int


Statuses = dict[tuple[str, str, str], tuple[str | None, str, int]]
"""(kind, organisation, id) → (status, file, line) for every action and every recommendation."""


@dataclass
class Side:
    label: str
    commit: str | None
    result: CheckResult
    statuses: Statuses


@dataclass
class Diff:
    base: Side
    head: Side
    introduced: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    unchanged: list[Finding] = field(default_factory=list)
    changes: list[StatusChange] = field(default_factory=list)
    not_compared: list[str] = field(default_factory=list)
    """Organisations whose gaps and statuses are not compared: one side's data has errors there."""

    def exit_code(self, fail_on: str) -> int:
        if any(f.category is Category.INTERNAL for f in self.head.result.findings):
            return EXIT_INTERNAL
        if fail_on == "never":
            return EXIT_OK
        threshold = Severity(fail_on).rank
        return EXIT_GAPS if any(f.severity.rank >= threshold for f in self.introduced) else EXIT_OK


# ---------------------------------------------------------------------------------------------- comparing


def compare(base: Side, head: Side) -> Diff:
    diff = Diff(base, head)
    # Where either side's data cannot be trusted, its gaps were not judged: comparing them would
    # show every gap of the organisation as resolved, and every record in a broken file as removed.
    skipped = base.result.unjudged | head.result.unjudged
    diff.not_compared = sorted(skipped)

    def compared(f: Finding) -> bool:
        return f.category is not Category.GAP or f.organisation not in skipped

    waiting: dict[tuple, list[Finding]] = defaultdict(list)
    for f in filter(compared, base.result.findings):
        waiting[f.fingerprint()].append(f)
    for f in filter(compared, head.result.findings):
        bucket = waiting.get(f.fingerprint())
        if bucket:
            bucket.pop(0)
            diff.unchanged.append(f)
        else:
            diff.introduced.append(f)
    left = {id(f) for bucket in waiting.values() for f in bucket}
    diff.resolved = [f for f in base.result.findings if id(f) in left]
    diff.changes = [c for c in status_changes(base.statuses, head.statuses)
                    if c.organisation not in skipped]
    return diff


def statuses(index: Index) -> Statuses:
    """The status of every action and every recommendation in `index`.

    A recommendation's status is the assessment of the latest follow-up that assesses it
    (None when none does yet); an action's is its `status`.
    """
    found: Statuses = {}
    for entry in index.by_kind.get("action", ()):
        where = index.locate(entry.record, "status")
        found[("action", entry.organisation, entry.record.id)] = (entry.record.status, where.file, where.line)
    latest: dict[tuple[str, str], tuple[tuple, str]] = {}
    for entry in index.by_kind.get("follow-up", ()):
        follow_up = entry.record
        order = (follow_up.date.end, follow_up.date.start, entry.file.path)
        for assessment in follow_up.assessments:
            key = (entry.organisation, assessment.recommendation)
            if key not in latest or order >= latest[key][0]:
                latest[key] = (order, assessment.status)
    for entry in index.by_kind.get("recommendation", ()):
        where = index.locate(entry.record)
        status = latest.get((entry.organisation, entry.record.id), (None, None))[1]
        found[("recommendation", entry.organisation, entry.record.id)] = (status, where.file, where.line)
    return found


def status_changes(before: dict, after: dict) -> list[StatusChange]:
    changes = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        old_status, new_status = (old[0] if old else None), (new[0] if new else None)
        if old_status == new_status:
            continue
        file, line = (new or old)[1:]
        changes.append(StatusChange(key[0], key[1], key[2], old_status, new_status, file, line))
    return changes


# ---------------------------------------------------------------------------------------------- reading


class UsageError(Exception):
    """The diff cannot be made; the message (possibly several lines, possibly empty when already printed) says why."""


def _config(path: Path, checkout: Checkout, head_commit: str | None) -> Config:
    from auditrack.commands.check import load_settings

    if head_commit is None:
        config = load_settings(path, None)
        if config is None:
            raise UsageError("")
        return config
    found = read_config(checkout, head_commit)
    if found is None:
        return Config()
    try:
        name, raw = found
        return parse_config(raw, name)
    except ConfigError as exc:
        lines = [f"{f.location}  {f.code}  {f.message}" for f in exc.findings]
        raise UsageError("\n".join(lines + ["auditrack: the configuration is invalid (exit code 2)"])) from None


def _side(label: str, commit: str | None, sources, extra: list[Finding], config: Config, as_of: date,
          root: Path) -> Side:
    found: Statuses = {}
    result = check_sources(sources, config, as_of, root, each_index=lambda index: found.update(statuses(index)))
    localize(result.findings, config.lang)
    if extra:
        result.findings.extend(extra)
        result.findings.sort(key=Finding.sort_key)
    return Side(label, commit, result, found)


def build(base: str, head: str | None, path: Path, as_of: date | None) -> Diff:
    """Check both sides and compare them. GitError or UsageError when they cannot be read."""
    checkout = locate(path)
    base_commit = resolve(checkout, base)
    head_commit = resolve(checkout, head) if head is not None else None
    config = _config(path, checkout, head_commit)
    day = as_of_date(config, as_of)
    limit = config.limits.max_file_bytes
    old = read_tree(checkout, base, base_commit, config.paths, limit)
    if head_commit is None:
        sources, found, missing = read_sources(path, config)
        head_side = _side(WORKING_TREE, None, sources, found, config, day, path)
    else:
        new = read_tree(checkout, head, head_commit, config.paths, limit)
        sources, found, missing = new.sources, new.findings, new.missing_folders
        head_side = _side(head, head_commit, sources, found, config, day, path)
    if len(missing) == len(config.paths) and len(old.missing_folders) == len(config.paths):
        folders = ", ".join(p + "/" for p in config.paths)
        raise UsageError(f"auditrack: no data folders ({folders}) in {path} at {base} or {head or 'the working tree'}")
    base_side = _side(base, base_commit, old.sources, old.findings, config, day, path)
    return compare(base_side, head_side)


# ---------------------------------------------------------------------------------------------- output


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def headline(diff: Diff) -> str:
    line = (f"{_plural(len(diff.introduced), 'gap')} introduced, {len(diff.resolved)} resolved, "
            f"{len(diff.unchanged)} unchanged; {_plural(len(diff.changes), 'status change')}")
    if diff.not_compared:
        line += (f"; gaps of {', '.join(diff.not_compared)} not compared until "
                 f"{'its' if len(diff.not_compared) == 1 else 'their'} data errors are fixed")
    return line


def _side_text(side: Side) -> str:
    return side.label if side.commit is None else f"{side.label} ({side.commit[:12]})"


def _status_text(change: StatusChange, value: str | None) -> str:
    if value is not None:
        return value
    return "absent" if change.kind == "action" else "not followed up"


def render_text(diff: Diff, stream: TextIO) -> None:
    stream.write(f"auditrack diff {_side_text(diff.base)} → {_side_text(diff.head)}, "
                 f"as of {diff.head.result.as_of.isoformat()}\n")
    stream.write(headline(diff) + "\n")
    for title, findings in (("Introduced", diff.introduced), ("Resolved", diff.resolved)):
        if not findings:
            continue
        stream.write(f"\n{title}:\n")
        for f in findings:
            stream.write(f"  {_oneline(str(f.location))}  {f.code}  {f.severity.value}  {_oneline(f.message)}\n")
    if diff.changes:
        stream.write("\nStatus changes:\n")
        for c in diff.changes:
            stream.write(f"  {c.kind} {c.organisation}/{c.id}: {_status_text(c, c.before)} → "
                         f"{_status_text(c, c.after)}  ({_oneline(c.file)}:{c.line})\n")


def _oneline(text: str) -> str:
    """Text from the data on one line: line breaks and other control characters written as escapes."""
    return re.sub(r"[\x00-\x1f\x7f\x85\u2028\u2029]", lambda m: repr(m.group())[1:-1], text)


def _finding(f: Finding) -> dict:
    from auditrack.formatters.json_format import finding_dict
    from auditrack.formatters.sarif import fingerprint_id

    return {**finding_dict(f), "fingerprint": fingerprint_id(f)}


def document(diff: Diff) -> dict:
    return {
        "auditrack": __version__,
        "as_of": diff.head.result.as_of.isoformat(),
        "base": {"revision": diff.base.label, "commit": diff.base.commit},
        "head": {"revision": diff.head.label if diff.head.commit else None, "commit": diff.head.commit},
        "summary": {
            "introduced": len(diff.introduced),
            "resolved": len(diff.resolved),
            "unchanged": len(diff.unchanged),
            "status_changes": len(diff.changes),
            "introduced_by_severity": count_by_severity(diff.introduced),
        },
        "introduced": [_finding(f) for f in diff.introduced],
        "resolved": [_finding(f) for f in diff.resolved],
        "unchanged": [_finding(f) for f in diff.unchanged],
        "status_changes": [c.__dict__ for c in diff.changes],
        "not_compared": diff.not_compared,
    }


def render_json(diff: Diff, stream: TextIO) -> None:
    json.dump(document(diff), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")


def md(text: str) -> str:
    """Text from the data made inert in GitHub Markdown: no HTML, no links, no mentions, no table breaks."""
    text = html.escape(_oneline(text), quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("@", "&#64;")


def _md_findings(findings: list[Finding]) -> list[str]:
    rows = ["| Severity | Code | Where | Finding |", "| --- | --- | --- | --- |"]
    for f in findings:
        rows.append(f"| {f.severity.value} | {f.code} | {md(str(f.location))} | {md(f.message)} |")
    return rows


def render_markdown(diff: Diff, stream: TextIO) -> None:
    out = [
        f"### auditrack: {_plural(len(diff.introduced), 'gap')} introduced, {len(diff.resolved)} resolved",
        "",
        f"Compared {md(_side_text(diff.base))} with {md(_side_text(diff.head))}, as of "
        f"{diff.head.result.as_of.isoformat()}: {md(headline(diff))}.",
    ]
    if diff.introduced:
        out += ["", f"#### Introduced ({len(diff.introduced)})", "", *_md_findings(diff.introduced)]
    if diff.resolved:
        out += ["", f"#### Resolved ({len(diff.resolved)})", "", *_md_findings(diff.resolved)]
    if diff.changes:
        out += ["", f"#### Status changes ({len(diff.changes)})", "",
                "| Record | Before | After | Where |", "| --- | --- | --- | --- |"]
        for c in diff.changes:
            out.append(f"| {c.kind} {md(c.organisation)}/{md(c.id)} | {md(_status_text(c, c.before))} | "
                       f"{md(_status_text(c, c.after))} | {md(c.file)}:{c.line} |")
    if diff.unchanged:
        out += ["", f"<details><summary>{len(diff.unchanged)} unchanged</summary>", "", *_md_findings(diff.unchanged),
                "", "</details>"]
    stream.write("\n".join(out) + "\n")


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}


def run(base: str, head: str | None, path: Path, output_format: str, fail_on: str | None, as_of: date | None) -> int:
    if output_format not in RENDERERS:
        sys.stderr.write(f"auditrack: unknown format '{output_format}'; use one of: {', '.join(FORMATS)}\n")
        return EXIT_USAGE
    try:
        diff = build(base, head, path, as_of)
    except GitError as exc:
        sys.stderr.write(f"auditrack: {exc}\n")
        return EXIT_USAGE
    except UsageError as exc:
        if str(exc):
            sys.stderr.write(f"{exc}\n")
        return EXIT_USAGE
    RENDERERS[output_format](diff, sys.stdout)
    return diff.exit_code(fail_on or diff.head.result.config.fail_on)
