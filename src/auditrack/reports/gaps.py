"""`report gaps`: the findings of `check`, grouped by organisation and severity, each linked to its file and line.

Links. A link must work where the report is read. By default it is relative:
from the folder the report is written to (``--output``'s folder, else the data
repository's root) to the data file, with a ``#L<line>`` anchor that GitHub and
GitLab both understand for files in a repository. A report written to
``reports/gaps.md`` links ``../governance/x.yaml#L12``. Where relative links do
not resolve (a pull-request comment, a CI job summary), give a link base: an
absolute URL of the data repository's root at a commit, e.g.
``https://github.com/org/repo/blob/<sha>/``; the link is then the base plus the
file's path.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from auditrack.findings import Category, Severity
from auditrack.reports.markdown import Md, md, with_code_spans

SEVERITIES = ("error", "warning", "info")
OBSERVATION_OPEN = "G501"
"""The code of an open observation of an audit: shown in its audit's table of observations (when the check
collected them, `CheckResult.observations`), not again under its severity."""
LINK_BASE = re.compile(r"^https?://[^\s()<>\[\]\"'`]+$")


def build(result, org: str | None, lang: str, *, link_from: Path | None = None, link_base: str | None = None,
          limit: int | None = None) -> dict:
    root = Path(result.root).resolve()
    base_dir = (link_from or root).resolve()
    names = result.organisations
    grouped: dict[str | None, list] = {}
    for finding in result.findings:
        owner = finding.organisation
        if owner is None:
            owner = result.file_organisation.get(finding.location.file)
        if org is not None and owner != org:
            continue
        grouped.setdefault(owner, []).append(finding)
    order = sorted((k for k in grouped if k is not None)) + ([None] if None in grouped else [])
    shown = 0
    tabled_rows = 0
    groups = []
    totals: Counter = Counter()
    for key in order:
        findings = grouped[key]
        counts = Counter(f.severity.value for f in findings)
        totals.update(counts)
        def row(f) -> dict:
            return {
                "code": f.code,
                "message": f.message,
                "hint": with_code_spans(f.hint) if f.hint else None,
                "subject": f.subject,
                "data": f.category == Category.DATA,
                "where": _where(f.location, root, base_dir, link_base),
            }

        # The auditors' own observations lead, each audit's in a table; the severity lists show the gaps beyond.
        audits = []
        tabled = result.observations is not None and key not in result.unjudged
        if tabled:
            opened = {f.subject for f in findings if f.code == OBSERVATION_OPEN}
            for audit in result.observations.get(key, []):
                rows = []
                for item in audit["observations"]:
                    if limit is not None and max(shown, tabled_rows) >= limit:
                        break
                    tabled_rows += 1  # closed ones too: the job summary's size is bounded by its rows
                    shown += item["id"] in opened
                    rows.append(_observation(item, item["id"] in opened, lang, root, base_dir, link_base))
                audits.append({"title": audit["title"], "date": audit["date"], "rows": rows,
                               "total": len(audit["observations"]),
                               "open": sum(1 for item in audit["observations"] if item["id"] in opened),
                               "omitted": len(audit["observations"]) - len(rows)})
        severities = []
        for severity in SEVERITIES:
            items = [f for f in findings if f.severity.value == severity and not (tabled and f.code == OBSERVATION_OPEN)]
            if not items:
                continue
            rows = []
            for f in items:
                if limit is not None and shown >= limit:
                    break
                shown += 1
                rows.append(row(f))
            severities.append({"severity": severity, "count": len(items), "rows": rows, "omitted": len(items) - len(rows)})
        groups.append({
            "id": key,
            "name": names.get(key, key) if key is not None else None,
            "counts": {s: counts.get(s, 0) for s in SEVERITIES},
            "audits": audits,
            "severities": severities,
        })
    selected = [f for k in order for f in grouped[k]]
    return {
        "groups": groups,
        "counts": {s: totals.get(s, 0) for s in SEVERITIES},
        "total": len(selected),
        "files": result.files,
        "data_errors": sum(1 for f in selected if f.category == Category.DATA and f.severity is Severity.ERROR),
        "internal_errors": sum(1 for f in selected if f.category == Category.INTERNAL),
        "omitted": len(selected) - shown,
        "worst": next((s for s in SEVERITIES if totals.get(s)), None),
    }


def _observation(item: dict, still_open: bool, lang: str, root: Path, base_dir: Path, link_base: str | None) -> dict:
    """One observation's row: the table's columns as values for the template. `still_open` is whether the
    check reports it (G501, which a configuration can turn off)."""
    return {
        "id": item["id"], "section": item["section"], "category": item["category"], "about": item["about"],
        "text": item["text"], "state": item["state"], "days": item["days"], "code": OBSERVATION_OPEN if still_open else None,
        "remedies": item["remedies"], "implemented": item["implemented"], "waiver": item["waiver"],
        "unfit": [dict(u, reason=u["reason"][lang]) for u in item["unfit"]], "actions": item["actions"],
        "stances": item["stances"],
        "where": _where(item["location"], root, base_dir, link_base),
    }


def _where(location, root: Path, base_dir: Path, link_base: str | None) -> Md:
    """The finding's place as a link `file:line` to the file and line, or as text when it is no data file."""
    file = location.file
    text = f"{file}:{location.line}"
    if not file or file == "." or file.startswith("/") or ".." in file.split("/"):
        return md(text)
    if link_base is not None:
        href = link_base.rstrip("/") + "/" + quote(file, safe="/.-_~")
    else:
        try:
            relative = os.path.relpath(root / file, base_dir)
        except ValueError:  # another drive on Windows
            relative = file
        href = quote(relative.replace(os.sep, "/"), safe="/.-_~")
    return Md(f"[{md(text)}]({href}#L{int(location.line)})")


def github_link_base(root: Path) -> str | None:
    """Inside GitHub Actions: the blob URL of the data repository's root at the commit being checked."""
    server = os.environ.get("GITHUB_SERVER_URL")
    repository = os.environ.get("GITHUB_REPOSITORY")
    sha = os.environ.get("GITHUB_SHA")
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not (server and repository and sha):
        return None
    base = f"{server.rstrip('/')}/{repository}/blob/{sha}"
    if workspace:
        try:
            inside = os.path.relpath(Path(root).resolve(), Path(workspace).resolve()).replace(os.sep, "/")
        except ValueError:
            inside = "."
        if inside.startswith(".."):
            return None
        if inside != ".":
            base += "/" + inside
    base = quote(base, safe=":/.-_~%")
    return base if LINK_BASE.match(base) else None
