"""The command line: parses options and wires the stages together. No logic of its own lives here."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from auditrack import __version__

app = typer.Typer(
    name="auditrack",
    help="Governance-as-code for municipal audits: check audit recommendations and governance documents kept as YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


LANGS = ("sv", "en")
FAIL_ON = ("error", "warning", "info", "never")


def _one_of(choices: tuple[str, ...]):
    """A callback that makes a value outside `choices` a plain usage error (typer's own check for an Enum words
    it as a pydantic 'Value error')."""
    def check(value: Optional[str]) -> Optional[str]:
        if value is not None and value not in choices:
            raise typer.BadParameter(f"'{value}' is not one of {', '.join(choices)}.")
        return value
    return check


_lang = _one_of(LANGS)
_fail_on = _one_of(FAIL_ON)


def _parse_date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2022-03-15") from None


def _version(value: bool) -> None:
    if value:
        print(f"auditrack {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """auditrack checks a municipality's audit recommendations and governance documents."""


AsOf = Annotated[Optional[str], typer.Option("--as-of", metavar="YYYY-MM-DD", help="The date time-based checks use (default: auditrack.yaml's as_of, else today).")]
PathArg = Annotated[Path, typer.Argument(help="The data repository (default: the current directory).", show_default=False)]


CheckPaths = Annotated[Optional[list[Path]], typer.Argument(
    help="The data repository, or a folder inside it (default: the current folder); the repository is the nearest "
         "folder above with auditrack.yaml. Or data files: only their organisations are checked, against all of "
         "their files, and their findings reported, in other files of the organisation too (a response can make a "
         "report's finding appear). Named files that are not data files (auditrack.yaml, a workflow) are ignored.",
    show_default=False, metavar="PATHS")]


@app.command()
def check(
    paths: CheckPaths = None,
    as_of: AsOf = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json, github, sarif, junit, or auto (github annotations inside GitHub Actions, else text).")] = "auto",
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", metavar="[error|warning|info|never]", callback=_fail_on, help="Exit 1 when a gap at or above this severity is found (default: auditrack.yaml's fail_on, else error).")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for auditrack.yaml.")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The language of the messages, sv or en (default: auditrack.yaml's lang, else en).")] = None,
) -> None:
    """Validate every data file, resolve references, run the gap rules and report every finding.

    Exit codes: 0 nothing at or above --fail-on; 1 governance gaps; 2 usage or configuration error;
    3 data that cannot be trusted (YAML, schema or reference errors); 4 internal error.
    """
    from auditrack.commands.check import run

    raise typer.Exit(run(paths or [], _parse_date(as_of), output_format, fail_on, config_file,
                         lang))


@app.command()
def report(
    kind: Annotated[str, typer.Argument(help="status, gaps, follow-up or governance.", show_default=False)],
    path: PathArg = Path("."),
    org: Annotated[Optional[str], typer.Option("--org", help="Only this organisation (its id, e.g. ludvika).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The report's language (default: auditrack.yaml's lang, else en).")] = None,
    as_of: AsOf = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this regular file (only when it changes) instead of standard output; - is standard output.")] = None,
    link_base: Annotated[Optional[str], typer.Option("--link-base", help="gaps: make file links absolute, e.g. https://github.com/org/repo/blob/main (for pull-request comments).")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for auditrack.yaml.")] = None,
) -> None:
    """Render a Markdown report from the data: status, gaps, follow-up or governance.

    A data repository can override any template with its own templates/ folder.
    Exit codes: 0 rendered (data errors are reported on stderr; the report shows the valid records);
    2 usage error (unknown report, organisation or date, invalid configuration); 4 template or internal error.
    """
    from auditrack.commands.report import run

    raise typer.Exit(run(kind, path, org, lang, _parse_date(as_of), output, config_file, link_base))


@app.command()
def rules(
    code: Annotated[Optional[str], typer.Argument(help="A rule code, e.g. G201, to explain in full.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or markdown.")] = "text",
) -> None:
    """List every rule, or explain one rule with an example."""
    from auditrack.commands.rules import run

    raise typer.Exit(run(code, output_format))


@app.command()
def diff(
    base: Annotated[str, typer.Argument(help="The revision to compare with, e.g. origin/main.", show_default=False)],
    head: Annotated[Optional[str], typer.Argument(help="The revision with the change (default: the working tree).", show_default=False)] = None,
    path: Annotated[Path, typer.Option("--path", help="The data repository's folder inside the git repository.")] = Path("."),
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json, or markdown (for a pull-request comment).")] = "text",
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", metavar="[error|warning|info|never]", callback=_fail_on, help="Exit 1 when the change introduces a gap at or above this severity (default: auditrack.yaml's fail_on, else error).")] = None,
    fail_on_new_records: Annotated[bool, typer.Option("--fail-on-new-records", help="Also exit 1 for gaps on records the change adds (newly recorded), not only on records that existed.")] = False,
    as_of: AsOf = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The language of the output and messages, sv or en (default: auditrack.yaml's lang, else en).")] = None,
) -> None:
    """Compare the gaps at two git revisions: introduced, newly recorded, resolved and unchanged, and status changes.

    Both sides are read with git (no checkout) and checked with HEAD's auditrack.yaml and the same date.
    Gaps are matched by organisation, record and rule, not by file, so moving a file changes nothing.
    A gap on a record the change adds is newly recorded and does not fail the diff (see --fail-on-new-records).
    Exit codes: 0 nothing introduced at or above --fail-on; 1 the change introduces such a gap;
    2 usage error (not a git repository, unknown revision); 3 some organisation could not be compared
    because its data has errors at either revision (the output says which and why); 4 internal error.
    """
    from auditrack.commands.diff import run

    raise typer.Exit(run(base, head, path, output_format, fail_on, _parse_date(as_of),
                         lang, fail_on_new_records))


@app.command()
def schema(
    output_dir: Annotated[Path, typer.Option("--output-dir", "-o", help="The folder to write the schemas to.")] = Path("schemas"),
    check_only: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 and list the files that are missing or differ.")] = False,
) -> None:
    """Write a JSON Schema for every kind of data file, and for auditrack.yaml, for editors and other tools.

    Unchanged files are not rewritten. Exit codes: 0 done (or, with --check, up to date); 1 with --check, stale files.
    """
    from auditrack.commands.schema import run

    raise typer.Exit(run(output_dir, check_only))


@app.command()
def init(
    path: PathArg = Path("."),
    org: Annotated[Optional[str], typer.Option("--org", help="The organisation's id, e.g. ludvika (default: made from --name).")] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="The organisation's name, e.g. 'Ludvika kommun'; a name in SCB's list of municipalities and regions gives the id and the municipality code.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite files that already exist.")] = False,
    source: Annotated[Optional[str], typer.Option("--source", help="The git URL or folder of auditrack that the new repository's CI and pre-commit install from, pinned to its tag v<version>, else to its HEAD commit (default: the project's own repository).")] = None,
) -> None:
    """Create a new data repository: configuration, schemas, one example file of each kind, CI workflow and pre-commit hook.

    Exit codes: 0 created; 2 files already exist (nothing is written without --force), --source is a folder that
    is not a git repository, or invalid options.
    """
    from auditrack.commands.init import run

    raise typer.Exit(run(path, org, name, force, source=source))


export_app = typer.Typer(help="Take data out: the action plan as a spreadsheet.", no_args_is_help=True,
                         rich_markup_mode=None)
app.add_typer(export_app, name="export")


@export_app.command("plan")
def export_plan(
    path: PathArg = Path("."),
    output_format: Annotated[str, typer.Option("--format", "-f", help="xlsx (needs the extra auditrack[xlsx]) or csv (UTF-8 with BOM, ';').")] = "xlsx",
    org: Annotated[Optional[str], typer.Option("--org", help="Only this organisation (its id, e.g. ludvika).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="The file to write (default: action-plan[-ORG].FORMAT, with --lang sv atgardsplan[-ORG].FORMAT).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The headers' and messages' language (default: auditrack.yaml's lang, else en).")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for auditrack.yaml.")] = None,
) -> None:
    """Write the action plan, one row per recommendation and action, as an Excel workbook or a CSV file.

    Exit codes: 0 written; 2 usage error (unknown format or organisation, openpyxl missing, bad --output);
    3 the data has errors, nothing written.
    """
    from auditrack.commands.export import run

    raise typer.Exit(run(path, output_format, org, output, lang, config_file))


import_app = typer.Typer(help="Bring existing work in: draft a data file from a report's text.", no_args_is_help=True,
                         rich_markup_mode=None)
app.add_typer(import_app, name="import")


@import_app.command("report")
def import_report(
    file: Annotated[Path, typer.Argument(help="The report: a PDF (needs the extra auditrack[pdf]), Markdown or text file.", show_default=False)],
    org: Annotated[Optional[str], typer.Option("--org", help="The organisation's id (default: the municipality or region the report names).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the draft here (default: recommendations/ORG/YEAR-ID/report.yaml in the data repository).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The language of the draft's comments and the messages (default: en).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite a draft that already exists.")] = False,
) -> None:
    """Draft an audit-report file from a report's text: every value cites its line or page; what is not found is listed.

    Exit codes: 0 drafted; 2 usage error (unreadable file, pypdf missing for a PDF, unknown organisation,
    the file exists without --force).
    """
    from auditrack.commands.import_report import run

    raise typer.Exit(run(file, org, output, lang, force))


def main() -> None:
    """Entry point: a known failure exits with its documented code; an unexpected one with 4 and the version."""
    argv = sys.argv[1:]
    if argv == ["--version"]:  # answered without loading the command machinery
        print(f"auditrack {__version__}")
        return
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show 'å' gets an escape, not a traceback
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass
    from auditrack.io import Terminated

    try:
        app(prog_name="auditrack")
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except Terminated as exc:  # SIGTERM or SIGHUP during a write: the conventional 128 + signal, after cleaning up
        sys.stderr.write(f"auditrack: {exc}\n")
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:  # last line of defence: never a bare traceback
        sys.stderr.write(
            f"auditrack {__version__}: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in auditrack; please report it with this message.\n"
        )
        sys.exit(4)
