"""`auditrack import plan FILE`: an edited action plan (xlsx or csv from `export plan`) back into the YAML.

Rows are matched by the id columns. The columns an officer may edit are status, owner and evidence (lines
added); each changed action gets its fields set and one dated entry in `updates:` through the same editing as
`auditrack progress`. A changed due date is refused at its cell: moving it is the board's decision, recorded
with `auditrack progress ACTION --due … --decision …`. The other columns are the data's and are not read back.
Every bad cell is reported, and nothing is written unless every row is good.

Exit codes: 0 written (or nothing changed); 2 usage error (not an exported plan, --date not YYYY-MM-DD, no data
repository); 3 bad cells, or the data has errors before or after the change (nothing written).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from auditrack.commands.check import open_repository
from auditrack.commands.find_action import actions
from auditrack.commands.options import BadOption, iso_date
from auditrack.config import as_of_date
from auditrack.editing import EditError, Refused, data_errors, open_document, save
from auditrack.editing.progress import Change, record
from auditrack.engine import EXIT_DATA, EXIT_OK, EXIT_USAGE
from auditrack.exporting.plan import LIST_SEPARATOR, STATUSES, rows
from auditrack.exporting.readback import Cell, NotAPlan, read_rows
from auditrack.findings import Category, localize
from auditrack.formatters.text import write_plain
from auditrack.io import NotARegularFile

MESSAGES = {
    "not-date": ("'{value}' is not a date: write it as YYYY-MM-DD, e.g. 2024-03-31",
                 "'{value}' är inget datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-03-31"),
    "due-moved": ("the due date was changed from {old} to {value}: a new due date is the board's decision; record "
                  "it with `auditrack progress {action} --due {value} --decision '…'` and leave the cell as it was",
                  "datumet ändrades från {old} till {value}: ett nytt datum är styrelsens eller nämndens beslut; "
                  "registrera det med `auditrack progress {action} --due {value} --decision '…'` och låt cellen "
                  "vara som den var"),
    "status": ("'{value}' is not a status: use planned, in-progress, done or cancelled",
               "'{value}' är ingen status: ange planned, in-progress, done eller cancelled"),
    "no-action-status": ("this row has no action, so it has no status; add the action to the response file first",
                         "raden har ingen åtgärd och därför ingen status; lägg först till åtgärden i svarsfilen"),
    "evidence-removed": ("'{value}' was removed from the evidence: the sheet can only add evidence; remove it in "
                         "the response file",
                         "'{value}' togs bort ur underlaget: i kalkylbladet kan underlag bara läggas till; ta bort "
                         "det i svarsfilen"),
    "owner-removed": ("the owner '{old}' was removed: the sheet can only set an owner; remove it in the response file",
                      "ansvarig '{old}' togs bort: i kalkylbladet kan ansvarig bara anges; ta bort den i svarsfilen"),
    "no-report": ("there is no report '{value}' in the data: the sheet may be older than the data; export the plan "
                  "again", "det finns ingen rapport '{value}' i uppgifterna: kalkylbladet kan vara äldre än "
                  "uppgifterna; exportera åtgärdsplanen igen"),
    "no-recommendation": ("the report '{old}' has no recommendation '{value}': it may have been removed or renamed "
                          "since the export; export the plan again",
                          "rapporten '{old}' har ingen rekommendation '{value}': den kan ha tagits bort eller bytt "
                          "id sedan exporten; exportera åtgärdsplanen igen"),
    "no-action": ("the recommendation '{old}' has no action '{value}': it may have been removed or renamed since "
                  "the export; export the plan again",
                  "rekommendationen '{old}' har ingen åtgärd '{value}': den kan ha tagits bort eller bytt id sedan "
                  "exporten; exportera åtgärdsplanen igen"),
    "ambiguous": ("the action id '{value}' appears in several response files of the organisation: {old}",
                  "åtgärds-id:t '{value}' finns i flera svarsfiler i organisationen: {old}"),
    "bad-cells": ("{value} bad cell(s) in {old}; nothing written", "{value} felaktiga celler i {old}; inget skrevs"),
    "data-errors": ("the data has {value} error(s), so nothing is imported; `auditrack check` lists them",
                    "uppgifterna har {value} fel, så inget importeras; `auditrack check` visar dem"),
    "refused": ("the changes would give {value} the data errors above, so nothing is written",
                "ändringarna skulle ge {value} felen ovan i uppgifterna, så inget skrivs"),
    "unchanged": ("{value}: nothing changed", "{value}: inget har ändrats"),
    "wrote": ("updated {value} action(s) in {old}", "uppdaterade {value} åtgärd(er) i {old}"),
}


def say(lang: str, key: str, value: object = "", old: object = "", action: object = "") -> str:
    english, swedish = MESSAGES[key]
    return (swedish if lang == "sv" else english).format(value=value, old=old, action=action)


class _Bad(Exception):
    """A bad cell: its name and the message's key and values."""

    def __init__(self, cell: Cell, key: str, **values):
        super().__init__(key)
        self.cell, self.key, self.values = cell, key, values


def run(file: Path, path: Path, lang: str | None, day: str | None, by: str | None,
        config_file: Path | None = None) -> int:
    from auditrack.engine import load_repository

    opened = open_repository([path], config_file, lang)
    if opened is None:
        return EXIT_USAGE
    _, config, root = opened
    lang = lang or config.lang
    try:
        when = iso_date("--date", day, lang) or date.today()
        sheet = read_rows(file)
    except (BadOption, NotAPlan) as exc:
        return _fail(exc.messages[lang], EXIT_USAGE)
    as_of = as_of_date(config, None)
    result = load_repository(root, config, None)
    errors = sum(1 for f in result.findings if f.category == Category.DATA)
    if errors:
        return _fail(say(lang, "data-errors", errors), EXIT_DATA)
    known = {}
    for org in sorted(result.index.named_organisations()):
        for row in rows(result.index, [org], as_of):
            known[(row.values["report"], row.values["recommendation_id"], row.values.get("action_id"))] = (org, row)
    changes, bad = {}, []
    for cells in sheet:
        try:
            found = _changes(cells, known)
        except _Bad as exc:
            bad.append(exc)
            continue
        bad.extend(found[2])
        if found[1] is not None and not found[2]:
            changes[found[0]] = found[1]
    if bad:
        for exc in bad:
            sys.stderr.write(f"{exc.cell.name}: {say(lang, exc.key, **exc.values)}\n")
        return _fail(say(lang, "bad-cells", len(bad), file), EXIT_DATA)
    if not changes:
        sys.stderr.write(f"auditrack: {say(lang, 'unchanged', file)}\n")
        return EXIT_OK
    return _apply(changes, root, config, as_of, when, by, lang, file)


def _changes(cells: dict[str, Cell], known: dict) -> tuple:
    """The row's (organisation, action id), its Change or None when nothing changed, and its bad cells."""
    report, rec, action = (cells[k].value for k in ("report", "recommendation_id", "action_id"))
    if (report, rec, action) not in known:
        _unmatched(cells, known)
    org, row = known[(report, rec, action)]
    old = {key: row.values.get(key) for key in ("status", "due", "owner", "evidence")}
    bad, change = [], Change()
    status = cells["status"].value
    if status != old["status"]:
        if action is None:
            bad.append(_Bad(cells["status"], "no-action-status"))
        elif status not in STATUSES:
            bad.append(_Bad(cells["status"], "status", value=status or ""))
        change.status = status
    due = _due(cells["due"])
    if due != old["due"] and isinstance(due, date):
        bad.append(_Bad(cells["due"], "due-moved", old=old["due"] or "-", value=due, action=action))
    elif due != old["due"]:
        bad.append(_Bad(cells["due"], "not-date", value=due))
    owner = cells["owner"].value
    if owner != old["owner"]:
        if owner is None:
            bad.append(_Bad(cells["owner"], "owner-removed", old=old["owner"]))
        change.owner = owner
    before = _lines(old["evidence"])
    after = _lines(cells["evidence"].value)
    bad.extend(_Bad(cells["evidence"], "evidence-removed", value=e) for e in before if e not in after)
    change.evidence = [e for e in after if e not in before]
    changed = change.status or change.owner or change.evidence
    return (org, action), (change if changed else None), bad


def _unmatched(cells: dict[str, Cell], known: dict) -> None:
    report, rec, action = (cells[k].value for k in ("report", "recommendation_id", "action_id"))
    if not any(k[0] == report for k in known):
        raise _Bad(cells["report"], "no-report", value=report or "")
    if not any(k[:2] == (report, rec) for k in known):
        raise _Bad(cells["recommendation_id"], "no-recommendation", old=report, value=rec or "")
    raise _Bad(cells["action_id"], "no-action", old=rec, value=action or "")


def _due(cell: Cell):
    """A date cell's value as export writes it: a whole day as a date, a period as its text ('2023-06')."""
    if isinstance(cell.value, str):
        try:
            return date.fromisoformat(cell.value) if len(cell.value) == 10 else cell.value
        except ValueError:
            return cell.value
    return cell.value


def _lines(value) -> list[str]:
    return [line.strip() for line in str(value or "").split(LIST_SEPARATOR) if line.strip()]


def _apply(changes: dict, root: Path, config, as_of, when: date, by: str | None, lang: str, file: Path) -> int:
    known = actions(root, config)
    documents = {}
    try:
        for (org, action), change in changes.items():
            places = [f for f in known.by_id.get(action, []) if f.organisation == org]
            if len(places) != 1:
                return _fail(say(lang, "ambiguous", action, ", ".join(f.file for f in places)), EXIT_DATA)
            place = places[0]
            if place.file not in documents:
                documents[place.file] = open_document(root, config, as_of, place.file)
            change.by = by
            record(documents[place.file], place.path, change, when, root)
        for document in documents.values():  # every file is checked before any is written
            found = data_errors(root, config, as_of, document.path, document.raw)
            if found:
                write_plain(localize(found, lang), lang, sys.stderr)
                return _fail(say(lang, "refused", document.path), EXIT_DATA)
        for document in documents.values():
            save(root, config, as_of, document)
    except Refused as exc:
        write_plain(localize(exc.findings, lang), lang, sys.stderr)
        return _fail(say(lang, "data-errors", len(exc.findings)), EXIT_DATA)
    except EditError as exc:
        return _fail(exc.message(lang), EXIT_DATA)
    except NotARegularFile as exc:
        return _fail(exc.message(lang), EXIT_USAGE)
    sys.stderr.write(f"auditrack: {say(lang, 'wrote', len(changes), ', '.join(documents))}\n")
    return EXIT_OK


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"auditrack: {message}\n")
    return code
