"""The command line: parses options and wires the stages together. No logic of its own lives here."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
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


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Lang(str, Enum):
    sv = "sv"
    en = "en"


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


@app.command()
def check(
    path: PathArg = Path("."),
    as_of: AsOf = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json, github, sarif, junit, or auto (github annotations inside GitHub Actions, else text).")] = "auto",
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Exit 1 when a gap at or above this severity is found (default: auditrack.yaml's fail_on, else error).")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for auditrack.yaml.")] = None,
) -> None:
    """Validate every data file, resolve references, run the gap rules and report every finding.

    Exit codes: 0 nothing at or above --fail-on; 1 governance gaps; 2 usage or configuration error;
    3 data that cannot be trusted (YAML, schema or reference errors); 4 internal error.
    """
    from auditrack.commands.check import run

    raise typer.Exit(run(path, _parse_date(as_of), output_format, fail_on.value if fail_on else None, config_file))


@app.command()
def rules(
    code: Annotated[Optional[str], typer.Argument(help="A rule code, e.g. G201, to explain in full.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or markdown.")] = "text",
) -> None:
    """List every rule, or explain one rule with an example."""
    from auditrack.commands.rules import run

    raise typer.Exit(run(code, output_format))


def main() -> None:
    """Entry point: a known failure exits with its documented code; an unexpected one with 4 and the version."""
    argv = sys.argv[1:]
    if argv == ["--version"]:  # answered without loading the command machinery
        print(f"auditrack {__version__}")
        return
    try:
        app(prog_name="auditrack")
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # last line of defence: never a bare traceback
        sys.stderr.write(
            f"auditrack {__version__}: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in auditrack; please report it with this message.\n"
        )
        sys.exit(4)
