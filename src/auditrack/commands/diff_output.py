"""`auditrack diff`'s output: text, json and markdown, in English or Swedish."""

from __future__ import annotations

from typing import TextIO

from auditrack import __version__
from auditrack.comparison import NOT_STATED, Diff, Side, StatusChange, Uncompared
from auditrack.escape import json_text, visible
from auditrack.findings import Finding, count_by_severity
from auditrack.i18n import label, word
from auditrack.reports.markdown import md

FORMATS = ("text", "json", "markdown")


def text(lang: str, key: str, n: int | None = None, **values) -> str:
    """The diff's label `key` in `lang` (for a pair, the form for `n`), with `values` and `n` filled in."""
    return label(lang, f"diff.{key}", n).format(n=n, **values)


def _side_text(lang: str, side: Side) -> str:
    return text(lang, "working-tree") if side.commit is None else f"{side.label} ({side.commit[:12]})"


def _severity(lang: str, f: Finding) -> str:
    return word(lang, "severity", f.severity.value)


def _kind(lang: str, change: StatusChange) -> str:
    return word(lang, "kind", change.kind) if lang == "sv" else change.kind


def _status_text(lang: str, change: StatusChange, value: str | None) -> str:
    if value is None:
        return text(lang, "absent" if change.kind == "action" else "not-followed-up")
    if value == NOT_STATED:
        return text(lang, "status-not-stated")
    if lang != "sv":
        return value  # the value as the data writes it
    translated = word(lang, "action-status" if change.kind == "action" else "grade", value)
    return translated[:1].lower() + translated[1:]


def headline(lang: str, diff: Diff) -> str:
    counts = ", ".join(text(lang, key, len(found)) for key, found in (
        ("introduced", diff.introduced), ("newly-recorded", diff.newly_recorded), ("resolved", diff.resolved),
        ("unchanged", diff.unchanged)))
    line = f"{counts}; {text(lang, 'status-changes', len(diff.changes))}"
    if diff.uncompared:
        line += "; " + text(lang, "not-compared", len(diff.uncompared), orgs=uncompared_names(lang, diff))
    return line


def scope_line(lang: str, diff: Diff) -> str | None:
    """What was left out when only the organisations the change touches were judged; None when nothing was, so
    the output is then exactly that of a full diff."""
    scope = diff.scope
    if not scope.incremental or not scope.left_out:
        return None
    n = len(scope.organisations)
    if not n:
        return text(lang, "scope-none", total=scope.total)
    return text(lang, "scope", n, total=scope.total, left=scope.left_out)


def _name(lang: str, u: Uncompared) -> str:
    return u.organisation if u.organisation is not None else text(lang, "no-organisation")


def uncompared_names(lang: str, diff: Diff) -> str:
    return ", ".join(_name(lang, u) for u in diff.uncompared)


def _sections(diff: Diff) -> list[tuple[str, list[Finding]]]:
    """The groups of findings shown in full, each under its title, in this order."""
    return [("title.introduced", diff.introduced), ("title.newly-recorded", diff.newly_recorded),
            ("title.resolved", diff.resolved)]


def _error_lines(diff: Diff) -> list[tuple[Uncompared, Side, list[Finding]]]:
    """(organisation, side, its data errors there) for every side with data errors of every uncompared one."""
    return [(u, side, errors) for u in diff.uncompared
            for side, errors in ((diff.base, u.base), (diff.head, u.head)) if errors]


def _side_phrase(lang: str, side: Side) -> str:
    return text(lang, "in-working-tree") if side.commit is None else _side_text(lang, side)


# ---------------------------------------------------------------------------------------------- text


def render_text(diff: Diff, stream: TextIO, lang: str) -> None:
    stream.write(text(lang, "header", base=_side_text(lang, diff.base), head=_side_text(lang, diff.head),
                      date=diff.head.result.as_of.isoformat()) + "\n")
    stream.write(headline(lang, diff) + "\n")
    scope = scope_line(lang, diff)
    if scope:
        stream.write(scope + "\n")
    for title, findings in _sections(diff):
        if findings:
            stream.write(f"\n{text(lang, title)}:\n")
            for f in findings:
                stream.write(f"  {visible(str(f.location))}  {f.code}  {_severity(lang, f)}  {visible(f.message)}\n")
    if diff.changes:
        stream.write(f"\n{text(lang, 'title.status-changes')}:\n")
        for c in diff.changes:
            stream.write(f"  {_kind(lang, c)} {visible(c.organisation)}/{visible(c.id)}: {_status_text(lang, c, c.before)} → "
                         f"{_status_text(lang, c, c.after)}  ({visible(c.file)}:{c.line})\n")
    if diff.uncompared:
        stream.write(f"\n{text(lang, 'title.not-compared')}:\n")
        for u, side, errors in _error_lines(diff):
            stream.write(f"  {visible(_name(lang, u))}: " + text(lang, "data-errors", len(errors), side=_side_phrase(lang, side),
                                                          where=_plain_finding(errors[0])) + "\n")


def _plain_finding(f: Finding) -> str:
    return f"{visible(str(f.location))}  {f.code}  {visible(f.message)}"


# ---------------------------------------------------------------------------------------------- json


def _finding(f: Finding) -> dict:
    from auditrack.formatters.json_format import finding_dict
    from auditrack.formatters.sarif import fingerprint_id

    return {**finding_dict(f), "fingerprint": fingerprint_id(f)}


def _errors(errors: list[Finding]) -> dict | None:
    return {"count": len(errors), "first": _finding(errors[0])} if errors else None


def document(diff: Diff, lang: str) -> dict:
    return {
        "auditrack": __version__,
        "as_of": diff.head.result.as_of.isoformat(),
        "lang": lang,
        "base": {"revision": diff.base.label, "commit": diff.base.commit},
        "head": {"revision": diff.head.label if diff.head.commit else None, "commit": diff.head.commit},
        "summary": {
            "introduced": len(diff.introduced),
            "newly_recorded": len(diff.newly_recorded),
            "resolved": len(diff.resolved),
            "unchanged": len(diff.unchanged),
            "status_changes": len(diff.changes),
            "introduced_by_severity": count_by_severity(diff.introduced),
            "newly_recorded_by_severity": count_by_severity(diff.newly_recorded),
        },
        "introduced": [_finding(f) for f in diff.introduced],
        "newly_recorded": [_finding(f) for f in diff.newly_recorded],
        "resolved": [_finding(f) for f in diff.resolved],
        "unchanged": [_finding(f) for f in diff.unchanged],
        "status_changes": [c.__dict__ for c in diff.changes],
        "not_compared": diff.not_compared,
        "not_compared_details": [{"organisation": u.organisation, "base": _errors(u.base), "head": _errors(u.head)}
                                 for u in diff.uncompared],
        "scope": {"incremental": diff.scope.incremental, "organisations": diff.scope.organisations,
                  "total": diff.scope.total, "full_because": diff.scope.because},
    }


def render_json(diff: Diff, stream: TextIO, lang: str) -> None:
    stream.write(json_text(document(diff, lang)) + "\n")


# ---------------------------------------------------------------------------------------------- markdown


def _table(lang: str, columns: tuple[str, ...], rows: list[str]) -> list[str]:
    return ["| " + " | ".join(text(lang, c) for c in columns) + " |", "|" + " --- |" * len(columns), *rows]


def _md_findings(lang: str, findings: list[Finding]) -> list[str]:
    return _table(lang, ("col.severity", "col.code", "col.where", "col.finding"), [
        f"| {_severity(lang, f)} | {f.code} | {md(str(f.location))} | {md(f.message)} |" for f in findings])


def render_markdown(diff: Diff, stream: TextIO, lang: str) -> None:
    counts = ", ".join(text(lang, key, len(found)) for key, found in (
        ("introduced", diff.introduced), ("newly-recorded", diff.newly_recorded), ("resolved", diff.resolved)))
    out = [
        f"### auditrack: {counts}",
        "",
        text(lang, "compared", base=md(_side_text(lang, diff.base), False), head=md(_side_text(lang, diff.head), False),
             date=diff.head.result.as_of.isoformat(), headline=md(headline(lang, diff), False)),
    ]
    scope = scope_line(lang, diff)
    if scope:
        out += ["", md(scope)]
    for title, findings in _sections(diff):
        if findings:
            out += ["", f"#### {text(lang, title)} ({len(findings)})", "", *_md_findings(lang, findings)]
    if diff.changes:
        out += ["", f"#### {text(lang, 'title.status-changes')} ({len(diff.changes)})", "", *_table(
            lang, ("col.record", "col.before", "col.after", "col.where"),
            [f"| {_kind(lang, c)} {md(c.organisation, False)}/{md(c.id, False)} | {md(_status_text(lang, c, c.before))} | "
             f"{md(_status_text(lang, c, c.after))} | {md(c.file)}:{c.line} |" for c in diff.changes])]
    if diff.uncompared:
        out += ["", f"#### {text(lang, 'title.not-compared')} ({len(diff.uncompared)})", "", *_table(
            lang, ("col.organisation", "col.revision", "col.errors", "col.first-error"),
            [f"| {md(_name(lang, u))} | {md(_side_phrase(lang, side))} | {len(errors)} | "
             f"{md(str(errors[0].location))} {errors[0].code} {md(errors[0].message, False)} |"
             for u, side, errors in _error_lines(diff)])]
    if diff.unchanged:
        out += ["", f"<details><summary>{text(lang, 'unchanged', len(diff.unchanged))}</summary>", "",
                *_md_findings(lang, diff.unchanged), "", "</details>"]
    stream.write("\n".join(out) + "\n")


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}
