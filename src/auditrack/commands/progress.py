"""`auditrack progress ACTION`: record progress on an action, in its response file, through the editing layer.

A dated entry is appended to the action's `updates:` (date, status, note, by, and a new due date with its
decision) and the current fields are set (status, done, evidence, due), so the history stays in the file and
in git. Exit codes: 0 written; 2 usage error (an unknown or ambiguous action, a date not written YYYY-MM-DD,
--due without --decision, nothing to record, a response file that is a link or not a regular file); 3 the
response file has data errors, before or after the change, or a form that cannot be edited safely (nothing is
written, and the findings are printed as `check` prints them).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from auditrack.commands.check import open_repository
from auditrack.commands.find_action import Actions, FoundAction, actions
from auditrack.commands.options import BadOption, edit_file, iso_date
from auditrack.editing.progress import Change, record
from auditrack.engine import EXIT_OK, EXIT_USAGE
from auditrack.i18n import at_most, listing
from auditrack.suggest import closest



@dataclass
class Progress:
    """What the command line asks to record, with the dates still as given."""

    action: str
    status: str | None = None
    day: str | None = None
    note: str | None = None
    evidence: list[str] = field(default_factory=list)
    done: bool = False
    due: str | None = None
    decision: str | None = None
    by: str | None = None


def run(progress: Progress, path: Path, org: str | None, lang: str | None, config_file: Path | None) -> int:
    opened = open_repository([path], config_file, lang)
    if opened is None:
        return EXIT_USAGE
    _, config, root = opened
    lang = lang or config.lang
    try:
        day, due = iso_date("--date", progress.day, lang) or date.today(), iso_date("--due", progress.due, lang)
        _check_options(progress)
        found = _find(progress.action, org, actions(root, config))
    except BadOption as exc:
        sys.stderr.write(f"auditrack: {exc.messages[lang]}\n")
        return EXIT_USAGE
    status = "done" if progress.done else progress.status
    change = Change(status, progress.note, progress.evidence, None, due, progress.decision, progress.by)
    document = edit_file(root, config, found.file, lambda opened: record(opened, found.path, change, day, root), lang)
    if isinstance(document, int):
        return document
    sys.stdout.write(_RECORDED[lang].format(action=progress.action, file=found.file))
    if status == "done" and not progress.evidence and not _evidence_before(document, found):
        sys.stderr.write(_NO_EVIDENCE[lang].format(action=progress.action))
    return EXIT_OK


def _evidence_before(document, found: FoundAction) -> list:
    """The action's evidence as the file held it when it was opened."""
    action = document.data["actions"][found.index]
    return (action.get("evidence") or []) if isinstance(action, dict) else []


_NO_EVIDENCE = {
    "en": "auditrack: the action '{action}' is done without evidence, which `auditrack check` will report (R105); "
          "record it with --evidence (a decision, a minute's paragraph, a link)\n",
    "sv": "auditrack: åtgärden '{action}' är genomförd utan underlag, vilket `auditrack check` kommer att visa (R105); "
          "registrera det med --evidence (ett beslut, en protokollsparagraf, en länk)\n",
}


_RECORDED = {
    "en": "auditrack: recorded progress on the action '{action}' in {file}\n",
    "sv": "auditrack: framstegen för åtgärden '{action}' har registrerats i {file}\n",
}


def _check_options(progress: Progress) -> None:
    if progress.due is not None and not progress.decision:
        raise BadOption("--due needs --decision: a new due date is the board's decision; give its reference, "
                     "e.g. --decision 'KS 2024-02-13 § 22'",
                     "--due kräver --decision: ett nytt datum är styrelsens eller nämndens beslut; ange "
                     "beslutets hänvisning, till exempel --decision 'KS 2024-02-13 § 22'")
    if progress.decision and progress.due is None:
        raise BadOption("--decision goes with --due: it records the decision that moved the due date",
                     "--decision hör ihop med --due: det anger beslutet som flyttade datumet")
    if progress.done and progress.status not in (None, "done"):
        raise BadOption(f"--done and --status {progress.status} contradict each other; give one of them",
                     f"--done och --status {progress.status} motsäger varandra; ange bara det ena")
    if not (progress.status or progress.done or progress.note or progress.evidence or progress.due):
        raise BadOption("nothing to record: give --status, --done, --note, --evidence or --due",
                     "inget att registrera: ange --status, --done, --note, --evidence eller --due")


def _find(action: str, org: str | None, known: Actions) -> FoundAction:
    """The one action with the id `action` (in organisation `org`), or a usage error naming the candidates."""
    candidates = [f for f in known.by_id.get(action, []) if org is None or f.organisation == org]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        near = closest(action, known.by_id)
        where = f" in the organisation '{org}'" if org else ""
        where_sv = f" i organisationen '{org}'" if org else ""
        shown = listing("en", [f"'{n}'" for n in near], "or")
        shown_sv = listing("sv", [f"'{n}'" for n in near], "or")
        unread, unread_sv = "", ""
        if known.unread:
            n = len(known.unread)
            unread = (f"; {n} data file{'s' if n != 1 else ''} could not be read and may hold it "
                      f"({', '.join(at_most('en', known.unread, 3))}): `auditrack check` says why")
            unread_sv = (f"; {n} {'datafil' if n == 1 else 'datafiler'} gick inte att läsa och kan innehålla den "
                         f"({', '.join(at_most('sv', known.unread, 3))}): `auditrack check` visar varför")
        raise BadOption(f"there is no action '{action}'{where}" + (f"; did you mean {shown}?" if near else "") + unread,
                     f"det finns ingen åtgärd '{action}'{where_sv}" + (f"; menade du {shown_sv}?" if near else "")
                     + unread_sv)
    places = ", ".join(f"{f.organisation or '?'} ({f.file})" for f in candidates)
    if org is None:
        raise BadOption(f"the action id '{action}' exists in several organisations: {places}; choose one with --org",
                     f"åtgärds-id:t '{action}' finns i flera organisationer: {places}; välj en med --org")
    raise BadOption(f"the action id '{action}' appears more than once in '{org}': {places}; `auditrack check` "
                 "reports the duplicate",
                 f"åtgärds-id:t '{action}' förekommer mer än en gång i '{org}': {places}; `auditrack check` "
                 "visar dubbletten")
