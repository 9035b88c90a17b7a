"""`auditrack report KIND [PATH]`: render a Markdown report to standard output or to a file.

Exit codes: 0 the report was rendered (also when some data files have errors:
the report shows what is valid and stderr says so); 2 usage error (unknown
kind, unknown --org, bad --lang or --link-base, no data folders, invalid
configuration, an --output that exists and is not a regular file: a device, a named
pipe, a socket, a folder or a symbolic link, which is left untouched); 4 a template or internal error (a short message naming the
template and line, never a traceback).

status, governance and follow-up are built one organisation at a time and written as they are rendered
(reports/stream.py): to standard output organisation by organisation, so a template error part-way leaves
the part before it there (the exit code and stderr say the report failed); an --output file is written only
once the whole report is rendered. gaps is rendered from the check's findings, at once.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Callable

from auditrack.commands.check import gap_check, load_settings
from auditrack.config import as_of_date
from auditrack.engine import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, _gc_paused
from auditrack.findings import Category, localize

STDOUT = Path("-")
"""`--output -` writes the report to standard output, as no --output does."""


@_gc_paused  # reference counting frees each organisation's records (no cycles: tests/test_reports_streaming.py);
# collections would only re-scan the heap
def run(
    kind: str,
    path: Path,
    org: str | None,
    lang: str | None,
    as_of: date | None,
    output: Path | None,
    config_file: Path | None,
    link_base: str | None = None,
    round_id: str | None = None,
) -> int:
    from auditrack.reports import KINDS

    if kind not in KINDS:
        return _usage(f"unknown report '{kind}'; use one of: {', '.join(KINDS)}")
    if round_id is not None and kind != "follow-up":
        return _usage(f"--round applies only to the follow-up report, not to '{kind}'")
    if lang is not None and lang not in ("sv", "en"):
        return _usage(f"unknown language '{lang}'; use sv or en")
    if link_base is not None:
        from auditrack.reports.gaps import LINK_BASE

        if not LINK_BASE.match(link_base):
            return _usage(f"--link-base must be an http(s) URL without spaces, quotes or brackets, not '{link_base}'")
    if not path.is_dir():
        return _usage(f"{path} is not a folder; give the data repository's folder")
    if output == STDOUT:
        output = None
    if output is not None and output.is_dir():
        return _usage(f"--output {output} is a folder; give a file name, e.g. {output / (kind + '.md')}")
    config = load_settings(path, config_file, lang)
    if config is None:
        return EXIT_USAGE
    if output is not None and (refused := _not_writable(output, lang or config.lang)):
        return refused
    day = as_of_date(config, as_of)
    lang = lang or config.lang
    if kind == "gaps":
        result, indexes = gap_check(path, config, day), None
    else:  # loaded one organisation at a time as the report is built (reports/stream.py)
        from auditrack.engine import load_by_organisation

        result, indexes = load_by_organisation(path, config, org)
        result.as_of = day
    if result.missing_folders and len(result.missing_folders) == len(config.paths):
        return _usage(
            f"no data folders in {path} (looked for {', '.join(p + '/' for p in config.paths)}); "
            "run it in a data repository, or create one with `auditrack init`"
        )
    if org is not None and org not in result.organisations:
        known = ", ".join(sorted(result.organisations)) or "none"
        return _usage(f"unknown organisation '{org}'; the organisations in the data are: {known}")
    if indexes is None:
        _data_errors(result)
        localize(result.findings, lang)
        return _render(kind, result, path, org, lang, output, link_base)
    if kind == "follow-up":  # it shows the gaps each recommendation concerns, in the report's language
        from auditrack.engine import run_check

        gaps = [f for f in run_check(path, config, day).findings if f.category == Category.GAP]
        result.findings.extend(localize(gaps, lang))
    from auditrack.reports import stream

    built = stream.build(kind, result, indexes, org, lang, round_id)
    if round_id is not None and round_id not in built.rounds:
        from auditrack.escape import visible

        built.spool.close()
        where = f"the organisation '{org}'" if org is not None else "the data"
        return _usage(f"unknown follow-up round '{visible(round_id)}'; the rounds (follow-up ids) in {where} are: "
                      f"{', '.join(built.rounds) or 'none'}")
    _data_errors(result)
    return _write(kind, lambda write: stream.render(kind, built, result, write, lang=lang, org=org, data_root=path),
                  output, lang)


def _data_errors(result) -> None:
    data_errors = sum(1 for f in result.findings if f.category == Category.DATA)
    if data_errors:
        sys.stderr.write(
            f"auditrack: {data_errors} data error{'s' if data_errors != 1 else ''} (YAML, schema or references); "
            "the report shows only the valid records. `auditrack check` lists them.\n"
        )


def load(kind: str, path: Path, config, as_of: date, org: str | None):
    """What report KIND renders from as a whole (`reports.render`): the checked repository for gaps, else one
    index of everything (with the gap findings for follow-up). The command builds the other reports one
    organisation at a time instead; tests compare the two."""
    from auditrack.engine import load_repository, run_check

    if kind == "gaps":
        return gap_check(path, config, as_of)
    result = load_repository(path, config, org)  # no rules: the other reports show the data, not the findings
    result.as_of = as_of
    if kind == "follow-up":  # but this one shows the gaps each recommendation concerns
        result.findings.extend(f for f in run_check(path, config, as_of).findings if f.category == Category.GAP)
    return result


def _render(kind, result, path: Path, org, lang: str, output: Path | None, link_base: str | None) -> int:
    """The gaps report, rendered from the check's findings as a whole."""
    from auditrack.reports import render

    link_from = output.resolve().parent if output is not None else path.resolve()
    return _write(kind, lambda write: write(render(kind, result, lang=lang, org=org, data_root=path,
                                                   link_from=link_from, link_base=link_base)), output, lang)


def _write(kind: str, produce: Callable[[Callable[[str], None]], None], output: Path | None, lang: str) -> int:
    """Run `produce`, which renders the report and passes its text to the function it is given: to standard
    output as it comes, or to `output` once all of it has (atomically, and only when it changed)."""
    from auditrack.io import NotARegularFile, write_bytes_atomic
    from auditrack.reports.environment import ReportError

    data = bytearray()
    try:
        produce(_to_stdout if output is None else lambda text: data.extend(text.encode("utf-8")))
    except ReportError as exc:
        sys.stderr.write(f"auditrack: cannot render the {kind} report: {exc}\n")
        return EXIT_INTERNAL
    if output is None:
        return EXIT_OK
    try:
        changed = write_bytes_atomic(output, data)
    except NotARegularFile as exc:  # put there while the report was rendered
        return _refused(exc, lang)
    except OSError as exc:
        sys.stderr.write(f"auditrack: cannot write {output}: {exc.strerror or exc}\n")
        return EXIT_USAGE
    sys.stderr.write(f"auditrack: {'wrote' if changed else 'unchanged:'} {output}\n")
    return EXIT_OK


def _to_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _not_writable(output: Path, lang: str) -> int:
    """Exit code 2, with a message, when --output names something that is not a regular file; else 0."""
    from auditrack.io import NotARegularFile, refuse_unless_regular

    try:
        refuse_unless_regular(output)
    except NotARegularFile as exc:
        return _refused(exc, lang)
    except OSError:  # cannot even look (a parent that is a file, no permission): the write says why
        pass
    return EXIT_OK


def _refused(exc, lang: str) -> int:
    hint = "; ange --output - för att skriva rapporten till standard ut (stdout)" if lang == "sv" else \
        "; give --output - to write the report to standard output"
    return _usage(exc.message(lang) + hint)


def _usage(message: str) -> int:
    sys.stderr.write(f"auditrack: {message}\n")
    return EXIT_USAGE
