"""The command line: parses options and wires the stages together. No logic of its own lives here."""

from __future__ import annotations

import copy
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
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="How many processes check organisations at once (Linux); 0: every core when 500 data files or more are checked, else one. The output is the same.")] = 0,
) -> None:
    """Validate every data file, resolve references, run the gap rules and report every finding.

    Exit codes: 0 nothing at or above --fail-on; 1 governance gaps; 2 usage or configuration error;
    3 data that cannot be trusted (YAML, schema or reference errors); 4 internal error.
    """
    from auditrack.commands.check import run

    raise typer.Exit(run(paths or [], _parse_date(as_of), output_format, fail_on, config_file,
                         lang, jobs))


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
    round_id: Annotated[Optional[str], typer.Option("--round", help="follow-up: only this follow-up round (a follow-up's id), grouped by the audit each recommendation came from.")] = None,
) -> None:
    """Render a Markdown report from the data: status, gaps, follow-up or governance.

    A data repository can override any template with its own templates/ folder.
    Exit codes: 0 rendered (data errors are reported on stderr; the report shows the valid records);
    2 usage error (unknown report, organisation, round or date, invalid configuration); 4 template or internal error.
    """
    from auditrack.commands.report import run

    raise typer.Exit(run(kind, path, org, lang, _parse_date(as_of), output, config_file, link_base, round_id))


DuePaths = Annotated[Optional[list[Path]], typer.Argument(
    help="The data repository, or a folder inside it (default: the current folder); the repository is the nearest "
         "folder above with auditrack.yaml. Or data files: only the deadlines of their organisations are listed.",
    show_default=False, metavar="PATHS")]


@app.command()
def due(
    paths: DuePaths = None,
    within: Annotated[int, typer.Option("--within", metavar="DAYS", help="List what falls due within this many days after the as-of date, besides everything overdue.")] = 90,
    org: Annotated[Optional[str], typer.Option("--org", help="Only this organisation (its id, e.g. ludvika).")] = None,
    owner: Annotated[Optional[str], typer.Option("--owner", metavar="ROLE", help="Only the deadlines this role (its id) must act on.")] = None,
    body: Annotated[Optional[str], typer.Option("--body", metavar="ID", help="Only the deadlines that concern this body (its id).")] = None,
    as_of: AsOf = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The language of the listing, sv or en (default: auditrack.yaml's lang, else en).")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json, markdown (the weekly digest, per body) or ics (an iCalendar file; needs the calendar extra).")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this regular file (only when it changes) instead of standard output; - is standard output.")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for auditrack.yaml.")] = None,
) -> None:
    """List every deadline: overdue first (most days late first), then what falls due within --within days.

    Responses requested, open actions, follow-ups expected, mandates that lapse, reports owed to a board,
    planned evaluations and waivers that expire, each with its date, who must act, the record and its file.
    Exit codes: 0 listed (overdue deadlines do not fail it: use `check`); 2 usage error (an unknown --org,
    --owner or --body, with the ids that exist; --format ics without the calendar extra).
    """
    from auditrack.commands.due import Request, run

    raise typer.Exit(run(Request(paths or [], within, org, owner, body, _parse_date(as_of), lang, output_format,
                                 output, config_file)))


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
    full: Annotated[bool, typer.Option("--full", help="Judge every organisation, not only those the change touches: unchanged findings and organisations not compared are then the whole repository's.")] = False,
) -> None:
    """Compare the gaps at two git revisions: introduced, newly recorded, resolved and unchanged, and status changes.

    Both sides are read with git (no checkout) and checked with HEAD's auditrack.yaml and the same date.
    Only the organisations whose files the change touches are judged, all of them when a configuration or
    organisation file changed or with --full; unchanged findings are then those organisations' only.
    Gaps are matched by organisation, record and rule, not by file, so moving a file changes nothing.
    A gap on a record the change adds is newly recorded and does not fail the diff (see --fail-on-new-records).
    Exit codes: 0 nothing introduced at or above --fail-on; 1 the change introduces such a gap;
    2 usage error (not a git repository, unknown revision); 3 some organisation could not be compared
    because its data has errors at either revision (the output says which and why); 4 internal error.
    """
    from auditrack.commands.diff import run

    raise typer.Exit(run(base, head, path, output_format, fail_on, _parse_date(as_of),
                         lang, fail_on_new_records, full))


@app.command()
def schema(
    output_dir: Annotated[Path, typer.Option("--output-dir", "-o", help="The folder to write the schemas to.")] = Path("schemas"),
    check_only: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 and list the files that are missing or differ.")] = False,
    repository: Annotated[bool, typer.Option("--repository", help="Write the data repository's schemas/ (the folder of its auditrack.yaml), with the ids that exist as completions of every reference field.")] = False,
    path: Annotated[Path, typer.Option("--path", help="With --repository: the data repository, or a folder in it.")] = Path("."),
) -> None:
    """Write a JSON Schema for every kind of data file, and for auditrack.yaml, for editors and other tools.

    Unchanged files are not rewritten. Exit codes: 0 done (or, with --check, up to date); 1 with --check, stale files;
    2 with --repository, a path that is not a folder or an invalid configuration.
    """
    if repository:
        from auditrack.commands.schema_repository import run as run_repository

        raise typer.Exit(run_repository(path, check_only))
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


ACTION_STATUSES = ("planned", "in-progress", "done", "cancelled")


@app.command()
def progress(
    action: Annotated[str, typer.Argument(help="The action's id, as in its response's `actions:`.", show_default=False)],
    status: Annotated[Optional[str], typer.Option("--status", metavar="[planned|in-progress|done|cancelled]", callback=_one_of(ACTION_STATUSES), help="The action's status from --date on.")] = None,
    day: Annotated[Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="The date of the progress (default: today).")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="What was done or decided, in a sentence.")] = None,
    evidence: Annotated[Optional[list[str]], typer.Option("--evidence", help="A link or reference that shows the work (repeatable).")] = None,
    done: Annotated[bool, typer.Option("--done", help="The action is done: status done and done: the date.")] = False,
    due: Annotated[Optional[str], typer.Option("--due", metavar="YYYY-MM-DD", help="A new due date; needs --decision.")] = None,
    decision: Annotated[Optional[str], typer.Option("--decision", help="The decision that moved the due date, e.g. 'KS 2024-02-13 § 22'.")] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Who records it (default: git's user.name, if set).")] = None,
    org: Annotated[Optional[str], typer.Option("--org", help="The organisation, when the id exists in several.")] = None,
    path: Annotated[Path, typer.Option("--path", help="The data repository, or a folder inside it.")] = Path("."),
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The language of the messages (default: auditrack.yaml's lang, else en).")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for auditrack.yaml.")] = None,
) -> None:
    """Record progress on an action: a dated entry in its `updates:`, and its current status, done date, evidence
    and due date. Only those lines of the response file change.

    Exit codes: 0 written; 2 usage error (unknown or ambiguous action, a date not written YYYY-MM-DD, --due
    without --decision, nothing to record, a file that is a link or not a regular file); 3 the response file has
    data errors before or after the change, or a form that cannot be edited safely (nothing is written).
    """
    from auditrack.commands.progress import Progress, run

    raise typer.Exit(run(Progress(action, status, day, note, evidence or [], done, due, decision, by), path, org,
                         lang, config_file))


@app.command()
def ids(
    kind: Annotated[Optional[str], typer.Argument(help="Only this kind, e.g. role or body.", show_default=False)] = None,
    org: Annotated[Optional[str], typer.Option("--org", help="Only this organisation.")] = None,
    path: Annotated[Path, typer.Option("--path", help="The data repository, or a folder in it.")] = Path("."),
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    lang: Annotated[str, typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The language of the messages.")] = "en",
) -> None:
    """List the ids that exist, with their names, by kind: the role to name as an owner, the body that decided.

    Exit codes: 0 listed; 2 unknown kind, organisation or format.
    """
    from auditrack.commands.ids import run

    raise typer.Exit(run(kind, org, path, output_format, lang))


@app.command()
def explain(
    kind: Annotated[Optional[str], typer.Argument(help="A kind of file, e.g. response.", show_default=False)] = None,
    field: Annotated[Optional[str], typer.Argument(help="One field, e.g. owner or actions.owner.", show_default=False)] = None,
    lang: Annotated[str, typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The language.")] = "en",
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, or markdown for docs/fields.md (every kind).")] = "text",
) -> None:
    """Explain a kind's fields, or one field: type, required or not, allowed values, meaning and an example.

    The same text is in docs/fields.md. Exit codes: 0 explained; 2 unknown kind or field.
    """
    from auditrack.commands.explain import run

    raise typer.Exit(run(kind or "", field, lang, output_format))


New = Annotated[Optional[str], typer.Option(show_default=False)]


@app.command()
def new(
    kind: Annotated[str, typer.Argument(help="The kind of file: report, response, follow-up, role, body, … (`auditrack schema` writes one schema per kind).", show_default=False)],
    org: Annotated[Optional[str], typer.Option("--org", help="The organisation (default: the only one there is).")] = None,
    id_: Annotated[Optional[str], typer.Option("--id", help="The new record's id (a response's default: REPORT-svar-BODY).")] = None,
    round_: Annotated[Optional[str], typer.Option("--round", help="follow-up: the follow-up's id.")] = None,
    reports: Annotated[Optional[list[str]], typer.Option("--report", help="response, follow-up: the audit report (follow-up: one or more).")] = None,
    bodies: Annotated[Optional[list[str]], typer.Option("--body", help="response: the body answering; report: the bodies addressed (one or more).")] = None,
    name: New = None, title: New = None, text: New = None, type_: Annotated[Optional[str], typer.Option("--type", show_default=False)] = None,
    date_: Annotated[Optional[str], typer.Option("--date", show_default=False)] = None, adopted: New = None,
    valid_from: Annotated[Optional[str], typer.Option("--valid-from", show_default=False)] = None,
    assessor: New = None, reporter: New = None, to: New = None,
    decision: Annotated[Optional[str], typer.Option("--decision", help="response, mandate: the decision's reference, e.g. 'KS 2025-05-20 § 45'.")] = None,
    response_due: Annotated[Optional[str], typer.Option("--response-due", help="report: the date by which each body given with --body is asked to answer (YYYY-MM-DD).")] = None,
    requested_on: Annotated[Optional[str], typer.Option("--requested-on", help="report: the date the auditors asked for the answers (YYYY-MM-DD).")] = None,
    recommendations: Annotated[Optional[list[str]], typer.Option("--recommendation", help="report: a recommendation's text (one or more; ids REPORT-r1 …); action: the recommendation it answers.")] = None,
    stances: Annotated[Optional[list[str]], typer.Option("--stance", help="response: REC=agree|partly|disagree (one or more).")] = None,
    reasons: Annotated[Optional[list[str]], typer.Option("--reason", help="response: REC=\"the reason\" (needed for partly and disagree).")] = None,
    grades: Annotated[Optional[list[str]], typer.Option("--grade", help="follow-up: REC=implemented|partly-implemented|not-implemented|no-longer-relevant|not-agreed.")] = None,
    comments: Annotated[Optional[list[str]], typer.Option("--comment", help="follow-up: REC=\"the comment\".")] = None,
    response: Annotated[Optional[str], typer.Option("--response", help="action: the response to add it to.")] = None,
    owner: Annotated[Optional[str], typer.Option("--owner", help="action: the role that owns it (`auditrack ids role`).")] = None,
    due: Annotated[Optional[str], typer.Option("--due", help="action: when it is due (YYYY-MM-DD).")] = None,
    status: Annotated[Optional[str], typer.Option("--status", help="action: planned (the default), in-progress, done or cancelled.")] = None,
    path: Annotated[Path, typer.Option("--path", help="The data repository, or a folder in it.")] = Path("."),
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The language of the comments and messages (default: auditrack.yaml's lang when it sets one, else sv).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write a new data file at its place, ready to fill in, with a comment on each field; it checks as written.

    A required field the command cannot know is an option (--name, --title, --type, --date, …). What the officer
    decides is written as data: a report's --recommendation texts, a response's --stance/--reason, a follow-up's
    --grade/--comment. `new action --response ID --recommendation REC --text T --owner ROLE --due DATE` adds an
    action to an existing response, changing nothing else in the file. Exit codes:
    0 written; 2 a missing option, an unknown id (the existing ones are listed), an existing file, or a file
    that would not check.
    """
    from auditrack.authoring.messages import kind_named
    from auditrack.commands.new import Request, run

    given = {"name": name, "title": title, "text": text, "type": type_, "date": date_, "adopted": adopted,
             "valid_from": valid_from, "assessor": assessor, "reporter": reporter, "to": to, "decision": decision}
    answers = {"--stance": stances, "--reason": reasons, "--grade": grades, "--comment": comments,
               "--response": [response] if response else None, "--owner": [owner] if owner else None,
               "--due": [due] if due else None, "--status": [status] if status else None,
               "--response-due": [response_due] if response_due else None,
               "--requested-on": [requested_on] if requested_on else None}
    request = Request(kind, org, round_ or id_, {k: v for k, v in given.items() if v is not None},
                      list(reports or []), list(bodies or []), {k: v for k, v in answers.items() if v},
                      list(recommendations or []))
    if kind_named(kind) == "action":  # an action goes into an existing response's file, not a file of its own
        from auditrack.commands.new_action import run as add_action

        raise typer.Exit(add_action(request, path, lang))
    raise typer.Exit(run(request, path, lang, force))


export_app = typer.Typer(help="Take data out: the action plan as a spreadsheet.", no_args_is_help=True,
                         rich_markup_mode=None)
app.add_typer(export_app, name="export")


@export_app.command("plan")
def export_plan(
    path: PathArg = Path("."),
    output_format: Annotated[str, typer.Option("--format", "-f", help="xlsx (needs the extra auditrack[xlsx]) or csv (UTF-8 with BOM, ';').")] = "xlsx",
    org: Annotated[Optional[str], typer.Option("--org", help="Only this organisation (its id, e.g. ludvika).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="The file to write (default: action-plan[-ORG].FORMAT, with --lang sv atgardsplan[-ORG].FORMAT); - writes to standard output (xlsx only to a pipe or a file, never to a terminal).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The headers' and messages' language (default: auditrack.yaml's lang, else en).")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for auditrack.yaml.")] = None,
) -> None:
    """Write the action plan, one row per recommendation and action, as an Excel workbook or a CSV file.

    --output - writes to standard output: csv always, the binary xlsx only when standard output is a pipe or a
    file, not a terminal (as `git archive` does).

    Exit codes: 0 written; 2 usage error (unknown format or organisation, openpyxl missing, bad --output, xlsx
    to a terminal); 3 the data has errors, nothing written.
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


@import_app.command("plan")
def import_plan(
    file: Annotated[Path, typer.Argument(help="The edited action plan, as written by `auditrack export plan` (xlsx or csv).", show_default=False)],
    path: PathArg = Path("."),
    day: Annotated[Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="The date of the update entries (default: today).")] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Who records it (default: git's user.name, if set).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="[sv|en]", callback=_lang, help="The language of the messages (default: auditrack.yaml's lang, else en).")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for auditrack.yaml.")] = None,
) -> None:
    """Apply an edited action plan's status, owner and evidence back to the response files, an update entry per
    changed action; rows are matched by their id columns, and nothing is written unless every cell is good.

    Exit codes: 0 written or nothing changed; 2 usage error (not an exported plan, a date not YYYY-MM-DD);
    3 bad cells (each named, e.g. Åtgärdsplan!K7) or data errors, nothing written.
    """
    from auditrack.commands.import_plan import run

    raise typer.Exit(run(file, path, lang, day, by, config_file))


def only(name: str | None) -> typer.Typer:
    """The app with only the command or group `name` (the first argument), or the whole app when `name` names
    none of them (an option, a mistyped name: the whole app answers as ever).

    Typer builds every command's parameters before it parses the arguments, which costs a one-file check more
    than the check itself; the command's own usage, help and errors name only itself and the root's options,
    so they read the same."""
    from typer.main import get_command_name

    commands = [c for c in app.registered_commands
                if (c.name or get_command_name(c.callback.__name__)) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    lean = copy.copy(app)
    lean.registered_commands, lean.registered_groups = commands, groups
    return lean


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
        only(argv[0] if argv else None)(prog_name="auditrack")
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
