"""`auditrack due [PATHS]`: every deadline in one list, overdue first, then what falls due within the horizon.

Exit codes: 0 listed (a listing is not a check: overdue deadlines do not fail it, and data errors are reported
on stderr while the valid records are listed); 2 usage error (an unknown --org, --owner or --body, with the ids
that exist; a bad format or --within; no data folders; an invalid configuration; an --output that is not a
regular file; --format ics without the `calendar` extra).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from auditrack.commands.report import STDOUT, _not_writable, _usage
from auditrack.commands.targets import TargetError, locate
from auditrack.config import MAX_HORIZON_YEARS, as_of_date
from auditrack.engine import EXIT_OK, EXIT_USAGE
from auditrack.findings import Category

FORMATS = ("text", "json", "markdown", "ics")
MAX_WITHIN = MAX_HORIZON_YEARS * 365


@dataclass(frozen=True)
class Request:
    paths: list[Path]
    within: int = 90
    org: str | None = None
    owner: str | None = None
    body: str | None = None
    as_of: date | None = None
    lang: str | None = None
    output_format: str = "text"
    output: Path | None = None
    config_file: Path | None = None


def run(request: Request) -> int:
    from auditrack.commands.check import load_settings

    if request.output_format not in FORMATS:
        return _usage(f"unknown format '{request.output_format}'; use one of: {', '.join(FORMATS)}")
    if not 0 <= request.within <= MAX_WITHIN:
        return _usage(f"--within must be between 0 and {MAX_WITHIN} days, not {request.within}")
    if request.owner is not None and request.body is not None:
        return _usage("give --owner or --body, not both")
    if request.output_format == "ics" and (missing := _calendar_missing()):
        return missing
    try:
        target = locate(request.paths)
        config = load_settings(target.places[0].folder, request.config_file, request.lang)
        if config is None:
            return EXIT_USAGE
        root = target.root(config)
    except TargetError as exc:
        return _usage(str(exc))
    lang = request.lang or config.lang
    output = None if request.output == STDOUT else request.output
    if output is not None and (refused := _not_writable(output, lang)):
        return refused
    from auditrack.engine import load_repository

    result = load_repository(root, config)
    if result.missing_folders and len(result.missing_folders) == len(config.paths):
        return _usage(f"no data folders in {root} (looked for {', '.join(p + '/' for p in config.paths)}); "
                      "run it in a data repository, or create one with `auditrack init`")
    if (unknown := _unknown(request, result)) is not None:
        return _usage(unknown)
    data_errors = sum(1 for f in result.findings if f.category == Category.DATA)
    if data_errors:
        sys.stderr.write(f"auditrack: {data_errors} data error{'s' if data_errors != 1 else ''} (YAML, schema or "
                         "references); only the valid records are listed. `auditrack check` lists them.\n")
    text = _render(request, result, config, as_of_date(config, request.as_of), lang, target.named_files(root))
    return _write(text, output, lang)


def _calendar_missing() -> int | None:
    try:
        import icalendar  # noqa: F401
    except ImportError:
        return _usage("--format ics needs the icalendar package; install auditrack with the calendar extra: "
                      "pip install 'auditrack[calendar]'")
    return None


def _unknown(request: Request, result) -> str | None:
    """Why an --org, --owner or --body names nothing, with the ids that exist; None when all are known."""
    if request.org is not None and request.org not in result.organisations:
        return f"unknown organisation '{request.org}'; the organisations are: {_ids(result.organisations)}"
    for option, value, kind in (("--owner", request.owner, "role"), ("--body", request.body, "body")):
        if value is None:
            continue
        records = result.index.records(kind)
        known = {r.id for r in records if request.org is None or result.index.org_of(r) == request.org}
        if value not in known:
            return f"unknown {kind} '{value}' for {option}; the {kind} ids are: {_ids(known)}"
    return None


def _ids(ids) -> str:
    return ", ".join(sorted(ids)) or "none"


def _render(request: Request, result, config, as_of: date, lang: str, named: set[str] | None) -> str:
    from auditrack.due.collect import body_names, collect
    from auditrack.due.listing import select
    from auditrack.due.render import render_json, render_markdown, render_text

    deadlines = collect(result.index, config, as_of)
    if named is not None:  # files were named: only their organisations, as `check` does
        organisations = {result.file_organisation.get(path) for path in named}
        deadlines = [d for d in deadlines if d.organisation in organisations]
    listing = select(deadlines, as_of, request.within, lang, request.org, request.owner, request.body)
    if request.output_format == "ics":
        from auditrack.due.calendar import render_ics

        return render_ics(listing)
    if request.output_format == "json":
        return render_json(listing)
    if request.output_format == "markdown":
        return render_markdown(listing, body_names(result.index))
    return render_text(listing)


def _write(text: str, output: Path | None, lang: str) -> int:
    from auditrack.commands.report import _refused
    from auditrack.io import NotARegularFile, write_atomic

    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return EXIT_OK
    try:
        changed = write_atomic(output, text)
    except NotARegularFile as exc:
        return _refused(exc, lang)
    except OSError as exc:
        return _usage(f"cannot write {output}: {exc.strerror or exc}")
    sys.stderr.write(f"auditrack: {'wrote' if changed else 'unchanged:'} {output}\n")
    return EXIT_OK
