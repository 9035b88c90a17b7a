"""`auditrack check`: run a check and print the findings in the chosen format."""

from __future__ import annotations

import io
import os
import sys
from datetime import date
from pathlib import Path

from auditrack.commands.targets import TargetError, locate
from auditrack.config import ConfigError, as_of_date, find_config, load_config
from auditrack.engine import EXIT_USAGE, _gc_paused, internal_finding, run_check
from auditrack.findings import localize
from auditrack.io import NotARegularFile, append_text


def load_settings(path: Path, config_file: Path | None, lang: str | None = None):
    """The configuration for `path`, or None after printing why it cannot be used: in `lang` (--lang), since a
    configuration that cannot be read cannot say its own language."""
    found = config_file if config_file is not None else find_config(path)
    if config_file is not None and not config_file.is_file():
        sys.stderr.write(_SAY["missing"][lang or "en"].format(file=config_file))
        return None
    try:
        return load_config(found, display=_display(found, path) if found else None)
    except ConfigError as exc:
        for f in localize(exc.findings, lang or "en"):
            sys.stderr.write(f"{f.location}  {f.code}  {f.message}\n")
            if f.hint:
                sys.stderr.write(f"    help: {f.hint}\n")
        sys.stderr.write(_SAY["invalid"][lang or "en"])
        return None


_SAY = {
    "missing": {"en": "auditrack: the configuration file {file} does not exist\n",
                "sv": "auditrack: konfigurationsfilen {file} finns inte\n"},
    "invalid": {"en": "auditrack: the configuration is invalid (exit code 2)\n",
                "sv": "auditrack: konfigurationen är ogiltig (slutkod 2)\n"},
}


def open_repository(paths: list[Path], config_file: Path | None, lang: str | None = None):
    """The target `paths` name, its configuration and its repository's root, or None after printing why they
    cannot be used (a usage error)."""
    try:
        target = locate(paths)
        config = load_settings(target.places[0].folder, config_file, lang)
        if config is None:
            return None
        return target, config, target.root(config)
    except TargetError as exc:
        sys.stderr.write(f"auditrack: {exc}\n")
        return None


def _display(found: Path, root: Path) -> str:
    try:
        return os.path.relpath(found, root).replace(os.sep, "/")
    except ValueError:
        return str(found)


def resolve_format(name: str) -> str:
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


@_gc_paused  # for the whole command: the collector resumes once the result is freed, with nothing left to scan
def run(paths: list[Path], as_of: date | None, output_format: str, fail_on: str | None, config_file: Path | None,
        lang: str | None = None, jobs: int = 0) -> int:
    from auditrack.formatters import FORMATS, get_formatter

    name = resolve_format(output_format)
    if name not in FORMATS:
        sys.stderr.write(f"auditrack: unknown format '{output_format}'; use one of: auto, {', '.join(FORMATS)}\n")
        return EXIT_USAGE
    opened = open_repository(paths, config_file, lang)
    if opened is None:
        return EXIT_USAGE
    target, config, root = opened
    named = target.named_files(root)
    summary = output_format in ("auto", "github") and bool(os.environ.get("GITHUB_STEP_SUMMARY"))
    day = as_of_date(config, as_of)
    result = gap_check(root, config, day, named, jobs) if summary else run_check(root, config, day, named=named, jobs=jobs)
    result.lang = lang or config.lang
    localize(result.findings, result.lang)
    if result.missing_folders and len(result.missing_folders) == len(config.paths):
        sys.stderr.write(
            f"auditrack: no data folders in {root} (looked for {', '.join(p + '/' for p in config.paths)}); "
            "run it in a data repository, or create one with `auditrack init`\n"
        )
        return EXIT_USAGE
    if result.files == 0 and not result.findings and named is None:  # named files that are not data: nothing to do
        sys.stderr.write(_no_data_files(root, config.paths, result.lang))
        return EXIT_USAGE
    _render(get_formatter, name, result)
    try:
        if output_format in ("auto", "github"):  # an explicit sarif, junit, json or text run writes only its output
            _write_step_summary(result)
    except NotARegularFile as exc:  # a misdirected summary is a usage error, not ours; it is not written
        sys.stderr.write(f"auditrack: GITHUB_STEP_SUMMARY: {exc.message(result.lang)}\n")
        return EXIT_USAGE
    except Exception as exc:  # the findings are printed already; say what failed and exit 4
        problem = internal_finding("the job summary (GITHUB_STEP_SUMMARY)", exc)
        result.findings.append(problem)
        sys.stderr.write(f"auditrack: {problem.message}\n")
    return result.exit_code(fail_on or config.fail_on)


def gap_check(path: Path, config, as_of: date, named: set[str] | None = None, jobs: int = 1):
    """`run_check`, collecting how each audit's observations stand for the gaps report as it goes."""
    from auditrack.reports.observations import Collector

    collected = Collector(config, as_of)
    result = run_check(path, config, as_of, each_index=collected, named=named, jobs=jobs)
    if collected.failure is None:
        result.observations = collected.audits
    else:  # reported as a bug (exit 4); the report lists the open observations among the findings instead
        result.findings.append(internal_finding("collecting the audits' observations", collected.failure))
    return result


def _no_data_files(path: Path, paths: list[str], lang: str) -> str:
    """A check that read no data file checked nothing: a mistyped `paths:` must not pass as a clean result."""
    folders = ", ".join(p + "/" for p in paths)
    if lang == "sv":
        return (f"auditrack: inga datafiler (.yaml, .yml) hittades i {path} under {folders} (`paths:`); "
                "ange de mappar som innehåller uppgifterna under `paths:` i auditrack.yaml\n")
    return (f"auditrack: no data files (.yaml, .yml) found in {path} under {folders} (`paths:`); "
            "list the folders that hold the data under `paths:` in auditrack.yaml\n")


class _Buffer(io.StringIO):
    """Collects a formatter's output so a failure half-way prints no half document; a tty stays a tty."""

    def isatty(self) -> bool:
        return sys.stdout.isatty()


def _render(get_formatter, name: str, result) -> None:
    """Print the findings in the chosen format. If the formatter fails, every finding is still printed,
    as plain lines, with a short I001 message (and the version) at the end: exit code 4."""
    buffer = _Buffer()
    try:
        get_formatter(name)(result, buffer)
    except Exception as exc:
        problem = internal_finding(f"the {name} formatter", exc)
        result.findings.append(problem)
        for f in result.findings:
            sys.stdout.write(f"{f.location}  {f.code}  {f.message}\n")
        sys.stderr.write(f"auditrack: {problem.message}\n")
        return
    sys.stdout.write(buffer.getvalue())


def _write_step_summary(result) -> None:
    """Inside GitHub Actions, the Markdown gap report also goes to the job summary: appended, to a regular file only."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        from auditrack.reports import render_gap_summary
    except ImportError:
        return
    append_text(Path(target), render_gap_summary(result))
