"""`auditrack export plan`: the action plan as a spreadsheet (xlsx or csv).

`--output -` writes to standard output: csv always, xlsx only when standard output is not a terminal (a pipe or
a redirect), since a binary workbook on a terminal is noise that can upset it; `git archive` does the same.

Exit codes: 0 written; 2 usage error (unknown format or organisation, no data folders, invalid configuration,
openpyxl not installed for xlsx, an --output that is not a regular file, xlsx to standard output on a
terminal); 3 the data has errors (YAML, schema or references): nothing is written, since a plan without the
records that failed would look complete.
"""

from __future__ import annotations

import sys
from pathlib import Path

from auditrack.commands.check import load_settings
from auditrack.commands.report import STDOUT
from auditrack.config import as_of_date
from auditrack.engine import EXIT_DATA, EXIT_OK, EXIT_USAGE
from auditrack.findings import Category

FORMATS = ("xlsx", "csv")
MESSAGES = {
    "format": ("unknown format '{value}'; use xlsx or csv", "okänt format '{value}'; ange xlsx eller csv"),
    "no-openpyxl": ("the xlsx format needs openpyxl: pip install 'auditrack[xlsx]' (or use --format csv)",
                    "formatet xlsx behöver openpyxl: pip install 'auditrack[xlsx]' (eller ange --format csv)"),
    "no-data": ("no data folders in {value}; run it in a data repository",
                "inga datamappar i {value}; kör kommandot i ett datarepositorium"),
    "org": ("unknown organisation '{value}'; the organisations are: {known}",
            "okänd organisation '{value}'; organisationerna är: {known}"),
    "data-errors": ("{value} data error(s); nothing written. `auditrack check` lists them",
                    "{value} datafel; inget skrevs. `auditrack check` listar dem"),
    "wrote": ("wrote {value} ({known} rows)", "skrev {value} ({known} rader)"),
    "wrote-stdout": ("wrote the plan to standard output ({known} rows)",
                     "skrev åtgärdsplanen till standard ut ({known} rader)"),
    "binary-terminal": ("the xlsx workbook is binary and standard output is a terminal: give a file name, e.g. "
                        "--output {value}, or redirect it (--output - > {value})",
                        "arbetsboken (xlsx) är binär och standard ut är en terminal: ange ett filnamn, till exempel "
                        "--output {value}, eller styr om den (--output - > {value})"),
    "cannot-write": ("cannot write {value}: {known}", "kan inte skriva {value}: {known}"),
}


def say(lang: str, key: str, value: object = "", known: object = "") -> str:
    english, swedish = MESSAGES[key]
    return (swedish if lang == "sv" else english).format(value=value, known=known)


def default_output(fmt: str, org: str | None, lang: str) -> Path:
    stem = "atgardsplan" if lang == "sv" else "action-plan"
    return Path(f"{stem}-{org}.{fmt}" if org else f"{stem}.{fmt}")


def run(path: Path, fmt: str, org: str | None, output: Path | None, lang: str | None,
        config_file: Path | None = None) -> int:
    from auditrack.engine import load_repository

    config = load_settings(path, config_file, lang)
    if config is None:
        return EXIT_USAGE
    lang = lang or config.lang
    if fmt not in FORMATS:
        return _fail(say(lang, "format", fmt), EXIT_USAGE)
    if fmt == "xlsx" and not _has_openpyxl():
        return _fail(say(lang, "no-openpyxl"), EXIT_USAGE)
    if output == STDOUT and fmt == "xlsx" and sys.stdout.isatty():
        return _fail(say(lang, "binary-terminal", default_output(fmt, org, lang)), EXIT_USAGE)
    result = load_repository(path, config, org)
    if result.missing_folders and len(result.missing_folders) == len(config.paths):
        return _fail(say(lang, "no-data", path), EXIT_USAGE)
    if org is not None and org not in result.organisations:
        return _fail(say(lang, "org", org, ", ".join(sorted(result.organisations)) or "-"), EXIT_USAGE)
    errors = sum(1 for f in result.findings if f.category == Category.DATA)
    if errors:
        return _fail(say(lang, "data-errors", errors), EXIT_DATA)
    return _write(result, fmt, org, output or default_output(fmt, org, lang), lang, as_of_date(config, None))


def _write(result, fmt: str, org: str | None, output: Path, lang: str, as_of) -> int:
    from auditrack.exporting.plan import rows
    from auditrack.io import NotARegularFile, write_bytes_atomic

    org_ids = [org] if org else sorted(result.index.named_organisations())
    found = rows(result.index, org_ids, as_of)
    if fmt == "xlsx":
        from auditrack.exporting.sheet import workbook_bytes

        data = workbook_bytes(found, lang)
    else:
        from auditrack.exporting.csvtext import csv_text

        data = csv_text(found, lang).encode("utf-8")
    if output == STDOUT:
        return _to_stdout(data, lang, len(found))
    try:
        write_bytes_atomic(output, data)
    except NotARegularFile as exc:
        return _fail(exc.message(lang), EXIT_USAGE)
    except OSError as exc:
        return _fail(say(lang, "cannot-write", output, exc.strerror or exc), EXIT_USAGE)
    sys.stderr.write(f"auditrack: {say(lang, 'wrote', output, len(found))}\n")
    return EXIT_OK


def _to_stdout(data: bytes, lang: str, count: int) -> int:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    sys.stderr.write(f"auditrack: {say(lang, 'wrote-stdout', known=count)}\n")
    return EXIT_OK


def _has_openpyxl() -> bool:
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        return False
    return True


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"auditrack: {message}\n")
    return code
