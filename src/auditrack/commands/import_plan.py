"""`auditrack import plan FILE`: an edited action plan (xlsx or csv from `export plan`) back into the YAML.

Rows are matched by the id columns. The columns an officer may edit are status, owner, evidence (lines
added), note and last update (the date of the row's other changes); each changed action gets its fields set
and one dated entry in `updates:` through the same editing as `auditrack progress`. A changed due date is
refused at its cell: moving it is the board's decision, recorded with `auditrack progress ACTION --due …
--decision …`; so is an edit of the data's other columns (texts, addressees, stance, follow-up grade). The
comparison of each row is in `plan_rows`. Every bad cell is reported, and nothing is written unless every row
is good.

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
from auditrack.editing.progress import record
from auditrack.engine import EXIT_DATA, EXIT_OK, EXIT_USAGE
from auditrack.commands.plan_rows import collect
from auditrack.exporting.plan import rows
from auditrack.exporting.readback import NotAPlan, read_rows
from auditrack.findings import Category, localize
from auditrack.formatters.text import write_plain
from auditrack.io import NotARegularFile

MESSAGES = {
    "not-date": ("'{value}' is not a date: write it as YYYY-MM-DD, e.g. 2024-03-31",
                 "'{value}' är inget datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-03-31"),
    "not-date-empty": ("the cell is empty: write a date as YYYY-MM-DD, e.g. 2024-03-31",
                       "cellen är tom: skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2024-03-31"),
    "stale": ("the action was updated on {value}, after this sheet was exported, so the sheet cannot tell your "
              "changes from the older values: export the plan again and make the change there",
              "åtgärden uppdaterades {value}, efter att kalkylbladet exporterades, så kalkylbladet kan inte skilja "
              "dina ändringar från de äldre värdena: exportera åtgärdsplanen igen och gör ändringen där"),
    "due-moved": ("the due date was changed from {old} to {value}: a new due date is the board's decision; record "
                  "it with `auditrack progress {action} --due {value} --decision '…'` and leave the cell as it was",
                  "datumet ändrades från {old} till {value}: ett nytt datum är styrelsens eller nämndens beslut; "
                  "registrera det med `auditrack progress {action} --due {value} --decision '…'` och låt cellen "
                  "vara som den var"),
    "status": ("'{value}' is not a status: use planned, in-progress, done or cancelled",
               "'{value}' är ingen status: ange planned, in-progress, done eller cancelled"),
    "status-empty": ("the cell is empty: use planned, in-progress, done or cancelled",
                     "cellen är tom: ange planned, in-progress, done eller cancelled"),
    "no-action-status": ("this row has no action, so it has no status; add the action to the response file first",
                         "raden har ingen åtgärd och därför ingen status; lägg först till åtgärden i svarsfilen"),
    "evidence-removed": ("'{value}' was removed from the evidence: the sheet can only add evidence; remove it in "
                         "the response file",
                         "'{value}' togs bort ur underlaget: i kalkylbladet kan underlag bara läggas till; ta bort "
                         "det i svarsfilen"),
    "owner-removed": ("the owner '{old}' was removed: the sheet can only set an owner; remove it in the response file",
                      "ansvarig '{old}' togs bort: i kalkylbladet kan ansvarig bara anges; ta bort den i svarsfilen"),
    "note-cleared": ("the note '{old}' was removed: the sheet cannot delete the history of updates; leave the cell "
                     "as it was or write a new note",
                     "anteckningen '{old}' togs bort: i kalkylbladet kan uppdateringarnas historik inte tas bort; "
                     "låt cellen vara som den var eller skriv en ny anteckning"),
    "update-date-alone": ("the last update was changed from {old} to {value} but nothing else on the row was: the "
                          "date records when the row's status, note or evidence changed, so change those too or "
                          "leave the date as it was",
                          "senast uppdaterad ändrades från {old} till {value} men inget annat på raden: datumet "
                          "anger när radens status, anteckning eller underlag ändrades, så ändra även dem eller "
                          "låt datumet vara som det var"),
    "twin": ("differs from {old} for the same action '{action}': an action that answers several recommendations "
             "has a row for each; change them the same way or change only one",
             "skiljer sig från {old} för samma åtgärd '{action}': en åtgärd som besvarar flera rekommendationer "
             "har en rad för var och en; ändra dem likadant eller ändra bara en av dem"),
    "fixed-recommendation": ("the recommendation's text cannot be changed from the sheet: it is the audit report's "
                             "wording; correct it in the report file",
                             "rekommendationens text kan inte ändras i kalkylbladet: den är granskningsrapportens "
                             "formulering; rätta den i rapportfilen"),
    "fixed-addressees": ("the addressees cannot be changed from the sheet: the audit report names them; change "
                         "them in the report file",
                         "mottagarna kan inte ändras i kalkylbladet: granskningsrapporten anger dem; ändra dem i "
                         "rapportfilen"),
    "fixed-body": ("the responding body cannot be changed from the sheet: it is the response's `decided_by`; change "
                   "it in the response file",
                   "svarande organ kan inte ändras i kalkylbladet: det är svarets `decided_by`; ändra det i "
                   "svarsfilen"),
    "fixed-stance": ("the stance cannot be changed from the sheet: it is the body's decision; change it under "
                     "`positions:` in the response file",
                     "ställningstagandet kan inte ändras i kalkylbladet: det är organets beslut; ändra det under "
                     "`positions:` i svarsfilen"),
    "fixed-action": ("the action's text cannot be changed from the sheet: change it in the response file, or add "
                     "a new action with `auditrack new action`",
                     "åtgärdens text kan inte ändras i kalkylbladet: ändra den i svarsfilen eller lägg till en ny "
                     "åtgärd med `auditrack new action`"),
    "fixed-follow_up": ("the follow-up grade cannot be changed from the sheet: it is the auditors' grade; record "
                        "a new grade in a follow-up file (`auditrack new follow-up --grade …`)",
                        "uppföljningens bedömning kan inte ändras i kalkylbladet: den är revisorernas bedömning; "
                        "registrera en ny bedömning i en uppföljningsfil (`auditrack new follow-up --grade …`)"),
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
    "no-report-empty": ("the cell is empty, so the row matches no report in the data: rows are matched by their "
                        "ids as the export wrote them; export the plan again",
                        "cellen är tom, så raden motsvarar ingen rapport i uppgifterna: rader matchas med de id:n "
                        "som exporten skrev; exportera åtgärdsplanen igen"),
    "no-recommendation-empty": ("the cell is empty, so the row matches no recommendation of the report '{old}': "
                                "rows are matched by their ids as the export wrote them; export the plan again",
                                "cellen är tom, så raden motsvarar ingen rekommendation i rapporten '{old}': rader "
                                "matchas med de id:n som exporten skrev; exportera åtgärdsplanen igen"),
    "no-action-empty": ("the cell is empty, but the recommendation '{old}' has actions: rows are matched by their "
                        "ids as the export wrote them; export the plan again",
                        "cellen är tom, men rekommendationen '{old}' har åtgärder: rader matchas med de id:n som "
                        "exporten skrev; exportera åtgärdsplanen igen"),
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
    changes, bad = collect(sheet, known)
    if bad:
        for exc in bad:
            sys.stderr.write(f"{exc.cell.name}: {say(lang, exc.key, **exc.values)}\n")
        return _fail(say(lang, "bad-cells", len(bad), file), EXIT_DATA)
    if not changes:
        sys.stderr.write(f"auditrack: {say(lang, 'unchanged', file)}\n")
        return EXIT_OK
    return _apply(changes, root, config, as_of, when, by, lang, file)


def _apply(changes: dict, root: Path, config, as_of, when: date, by: str | None, lang: str, file: Path) -> int:
    known = actions(root, config)
    documents = {}
    try:
        for (org, action), row in changes.items():
            places = [f for f in known.by_id.get(action, []) if f.organisation == org]
            if len(places) != 1:
                return _fail(say(lang, "ambiguous", action, ", ".join(f.file for f in places)), EXIT_DATA)
            place = places[0]
            if place.file not in documents:
                documents[place.file] = open_document(root, config, as_of, place.file)
            row.change.by = by
            record(documents[place.file], place.path, row.change, row.day or when, root)
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
