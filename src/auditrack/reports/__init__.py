"""Markdown reports rendered from Jinja2 templates: status, gaps, follow-up and governance.

Importing this package is cheap (the check command imports it to write the
GitHub job summary); Jinja2 and the report builders are imported when a report
is rendered.

A report is built in two steps: a builder module (status, gaps, follow_up,
governance) turns the checked repository into a plain dictionary, and a template
(``<kind>.md.j2``) lays it out. The data repository can override any template
with its own ``templates/`` folder. See templates/README.md for the variables
each template receives.

`render` renders a report from one index of everything. `auditrack report` builds status, follow-up and
governance one organisation at a time instead, to the same text, in bounded memory (reports/stream.py).
"""

from __future__ import annotations

from pathlib import Path

KINDS = ("status", "gaps", "follow-up", "governance")
GAP_SUMMARY_LIMIT = 200
"""At most this many findings in the CI job summary; the rest are counted."""


def render(kind: str, result, *, lang: str, org: str | None = None, data_root: Path | None = None,
           link_from: Path | None = None, link_base: str | None = None, limit: int | None = None,
           summary: bool = False, round_id: str | None = None) -> str:
    """Render one report as Markdown. Raises ReportError (with the template and line) when a template fails.

    `result` is an engine CheckResult: `gaps` reads its findings and organisations, the other reports its
    `.index` of every record (from `engine.load_repository`).
    `data_root` is where an overriding templates/ folder is looked for. `link_from` is the folder the
    report will be read from (for relative links in `gaps`); `link_base` makes those links absolute.
    `round_id` renders one follow-up round in `follow-up` (the caller checks that it exists).
    """
    from auditrack.reports import environment

    if kind not in KINDS:
        raise ValueError(f"unknown report '{kind}'")
    context = _context(kind, result, lang, org, link_from, link_base, limit, round_id)
    context.update(
        kind=kind,
        as_of=result.as_of.isoformat(),
        organisation=org,
        files=result.files,
        summary=summary,
    )
    env = environment.environment(lang, data_root)
    text = environment.render_template(env, f"{kind}.md.j2", context)
    return _tidy(text)


def _context(kind, result, lang, org, link_from, link_base, limit, round_id=None) -> dict:
    if kind == "gaps":
        from auditrack.reports import gaps

        return gaps.build(result, org, lang, link_from=link_from, link_base=link_base, limit=limit)
    if result.index is None:
        return {"organisations": [], "round": round_id}
    if kind == "status":
        from auditrack.reports import status

        return status.build(result, org, lang)
    if kind == "follow-up":
        from auditrack.reports import follow_up

        return follow_up.build(result, org, lang, round_id)
    from auditrack.reports import governance

    return governance.build(result, org, lang)


def _tidy(text: str) -> str:
    """Collapse runs of blank lines that template logic leaves, keep one final newline (reports.tidy)."""
    from auditrack.reports.tidy import Tidy

    parts: list[str] = []
    tidy = Tidy(parts.append)
    tidy.feed(text)
    tidy.close()
    return "".join(parts)


def render_gap_summary(result) -> str:
    """The gap report for a CI job summary ($GITHUB_STEP_SUMMARY), in the configuration's language.

    Always with auditrack's own templates, never the data repository's: `check` runs on whatever a pull
    request pushed, and a template in it must not decide what the check does or how long it takes.
    Inside GitHub Actions the file links point at the checked commit on GitHub (relative links do not
    resolve in a job summary); elsewhere they are relative to the checked folder. At most
    GAP_SUMMARY_LIMIT findings are listed. Never raises for a template problem: it then returns a short
    note instead, so a broken summary cannot fail the check.
    """
    from auditrack.reports.environment import ReportError
    from auditrack.reports.gaps import github_link_base

    lang = getattr(getattr(result, "config", None), "lang", "en")
    try:
        return render(
            "gaps", result, lang=lang, data_root=None, link_base=github_link_base(Path(result.root)),
            limit=GAP_SUMMARY_LIMIT, summary=True,
        )
    except ReportError as exc:
        return f"auditrack: the gap summary could not be rendered: {exc}\n"
