"""`auditrack import plan`: an exported plan edited with openpyxl (or as CSV text) and read back, in a git
repository copied from tests/boards/, through the real CLI; `git diff` shows exactly what changed."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from conftest import run_process

BOARDS = Path(__file__).parent / "boards"


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repository(tmp_path) -> Path:
    root = tmp_path / "norrby"
    shutil.copytree(BOARDS, root)
    git(root, "init", "-q")
    git(root, "config", "user.name", "Anna Andersson")
    git(root, "config", "user.email", "anna@example.se")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    return root


def exported(root: Path, fmt: str = "xlsx", *args: str) -> Path:
    out = root.parent / f"plan.{fmt}"
    run = run_process("export", "plan", str(root), "--format", fmt, "--output", str(out), *args)
    assert run.code == 0, run.stderr
    return out


def edited(sheet_file: Path, cells: dict[str, object]) -> Path:
    book = openpyxl.load_workbook(sheet_file)
    for name, value in cells.items():
        book.active[name] = value
    book.save(sheet_file)
    return sheet_file


def import_plan(root: Path, sheet_file: Path, *args: str):
    return run_process("import", "plan", str(sheet_file), str(root), *args)


def diff_lines(root: Path) -> list[str]:
    diff = git(root, "diff", "-U0", "--no-color")
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_unchanged_plan_writes_nothing(repository, fmt):
    out = exported(repository, fmt)
    run = import_plan(repository, out)
    assert (run.code, run.stderr) == (0, f"auditrack: {out}: nothing changed\n")
    assert git(repository, "status", "--porcelain") == ""


def test_three_edited_cells_land_as_exactly_those_changes(repository):
    role = repository / "governance/norrby/roles/ekonomichef.yaml"
    role.write_text("kind: role\nid: ekonomichef\norganisation: norrby\nname: Ekonomichef\n", encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "role")
    out = edited(exported(repository), {"K2": "done", "N2": "KS 2024-04-02 § 7", "I2": "ekonomichef"})
    run = import_plan(repository, out, "--date", "2024-04-02")
    assert (run.code, run.stderr) == (
        0, "auditrack: updated 1 action(s) in recommendations/norrby/2023-styrning/response-ks.yaml\n")
    assert diff_lines(repository) == [
        "-    owner: kommundirektor",
        "+    owner: ekonomichef",
        "-    status: planned",
        "+    status: done",
        "+    done: 2024-04-02",
        "+    evidence:",
        "+      - KS 2024-04-02 § 7",
        "+    updates:",
        "+      - date: 2024-04-02",
        "+        status: done",
        "+        by: Anna Andersson",
    ]


def test_every_kind_of_bad_cell_is_named_and_nothing_is_written(repository):
    out = edited(exported(repository), {"J2": "31/3", "K2": "klar", "K3": "done"})
    run = import_plan(repository, out)
    assert (run.code, run.stderr) == (3, (
        "Action plan!K2: 'klar' is not a status: use planned, in-progress, done or cancelled\n"
        "Action plan!J2: '31/3' is not a date: write it as YYYY-MM-DD, e.g. 2024-03-31\n"
        "Action plan!K3: this row has no action, so it has no status; add the action to the response file first\n"
        f"auditrack: 3 bad cell(s) in {out}; nothing written\n"))
    assert git(repository, "status", "--porcelain") == ""


def test_a_moved_due_date_and_removed_owner_are_refused_in_swedish(repository):
    out = edited(exported(repository, "xlsx", "--lang", "sv"), {"J2": "2024-06-30", "I2": None})
    run = import_plan(repository, out, "--lang", "sv")
    assert (run.code, run.stderr) == (3, (
        "Åtgärdsplan!J2: datumet ändrades från 2024-03-31 till 2024-06-30: ett nytt datum är styrelsens eller "
        "nämndens beslut; registrera det med `auditrack progress ks-a1 --due 2024-06-30 --decision '…'` och låt "
        "cellen vara som den var\n"
        "Åtgärdsplan!I2: ansvarig 'kommundirektor' togs bort: i kalkylbladet kan ansvarig bara anges; ta bort den "
        "i svarsfilen\n"
        f"auditrack: 2 felaktiga celler i {out}; inget skrevs\n"))
    assert git(repository, "status", "--porcelain") == ""


def test_an_older_sheet_says_which_action_does_not_match(repository):
    out = edited(exported(repository), {"K2": "done"})
    response = repository / "recommendations/norrby/2023-styrning/response-ks.yaml"
    response.write_text(response.read_text(encoding="utf-8").replace("id: ks-a1", "id: ks-a9"), encoding="utf-8")
    git(repository, "commit", "-qam", "renamed")
    run = import_plan(repository, out)
    assert (run.code, run.stderr) == (3, (
        "Action plan!G2: the recommendation 'r1' has no action 'ks-a1': it may have been removed or renamed since "
        "the export; export the plan again\n"
        "Action plan!G7: the recommendation 'r6' has no action 'ks-a1': it may have been removed or renamed since "
        "the export; export the plan again\n"
        f"auditrack: 2 bad cell(s) in {out}; nothing written\n"))
    assert git(repository, "status", "--porcelain") == ""


def test_a_csv_cell_is_named_by_file_row_and_column(repository):
    out = exported(repository, "csv")
    text = out.read_text(encoding="utf-8-sig").replace(";planned;", ";finished;", 1)
    out.write_text("\ufeff" + text, encoding="utf-8")
    run = import_plan(repository, out)
    assert (run.code, run.stderr) == (3, (
        "plan.csv:2:Status: 'finished' is not a status: use planned, in-progress, done or cancelled\n"
        f"auditrack: 1 bad cell(s) in {out}; nothing written\n"))


def test_a_file_that_is_not_a_plan_is_a_usage_error(repository):
    other = repository.parent / "other.csv"
    other.write_text("a;b\n1;2\n", encoding="utf-8")
    run = import_plan(repository, other)
    assert (run.code, run.stderr) == (2, f"auditrack: {other} is not an exported action plan: the column 'Report' "
                                         "is missing\n")


RESPONSE_KS = "recommendations/norrby/2023-styrning/response-ks.yaml"
UPDATED = ("    status: in-progress\n    updates:\n      - date: 2024-01-15\n        status: in-progress\n"
           "        note: Arbetet har\n          påbörjats.\n        by: Anna Andersson\n")


def with_update(root: Path) -> Path:
    """ks-a1 with one entry in `updates:`, its note folded over two lines as a person may write it."""
    response = root / RESPONSE_KS
    response.write_text(response.read_text(encoding="utf-8").replace("    status: planned\n", UPDATED),
                        encoding="utf-8")
    git(root, "commit", "-qam", "update")
    return response


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_latest_note_is_exported_and_an_unchanged_sheet_leaves_the_bytes_alone(repository, fmt):
    response = with_update(repository)
    before = response.read_bytes()
    out = exported(repository, fmt)
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(out).active
        assert [sheet["M1"].value, sheet["L2"].value, sheet["M2"].value, sheet["M7"].value] == [
            "Note", dt.datetime(2024, 1, 15), "Arbetet har påbörjats.", "Arbetet har påbörjats."]
    run = import_plan(repository, out)
    assert (run.code, run.stderr) == (0, f"auditrack: {out}: nothing changed\n")
    assert response.read_bytes() == before
    assert git(repository, "status", "--porcelain") == ""


def test_a_new_note_alone_is_an_update_entry_with_that_note(repository):
    with_update(repository)
    out = edited(exported(repository), {"M2": "Uppföljningen  är\nplanerad."})
    run = import_plan(repository, out, "--date", "2024-02-01")
    assert (run.code, run.stderr) == (0, f"auditrack: updated 1 action(s) in {RESPONSE_KS}\n")
    assert diff_lines(repository) == [
        "+      - date: 2024-02-01",
        "+        note: Uppföljningen är planerad.",
        "+        by: Anna Andersson",
    ]


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "Action plan!M2: the note 'Arbetet har påbörjats.' was removed: the sheet cannot delete the history of "
           "updates; leave the cell as it was or write a new note\n"
           "auditrack: 1 bad cell(s) in {out}; nothing written\n"),
    ("sv", "Åtgärdsplan!M2: anteckningen 'Arbetet har påbörjats.' togs bort: i kalkylbladet kan uppdateringarnas "
           "historik inte tas bort; låt cellen vara som den var eller skriv en ny anteckning\n"
           "auditrack: 1 felaktiga celler i {out}; inget skrevs\n"),
])
def test_a_cleared_note_is_a_bad_cell(repository, lang, message):
    with_update(repository)
    out = edited(exported(repository, "xlsx", "--lang", lang), {"M2": None})
    run = import_plan(repository, out, "--lang", lang)
    assert (run.code, run.stderr) == (3, message.format(out=out))
    assert git(repository, "status", "--porcelain") == ""


def test_an_older_xlsx_without_the_note_column_reads_back_without_notes(repository):
    with_update(repository)
    out = exported(repository)
    book = openpyxl.load_workbook(out)
    book.active.delete_cols(13)  # the Note column, which exports before it did not have
    book.save(out)
    unchanged = import_plan(repository, out)
    assert (unchanged.code, unchanged.stderr) == (0, f"auditrack: {out}: nothing changed\n")
    run = import_plan(repository, edited(out, {"K2": "done", "K7": "done"}), "--date", "2024-03-30")
    assert (run.code, run.stderr) == (0, f"auditrack: updated 1 action(s) in {RESPONSE_KS}\n")
    assert diff_lines(repository) == [
        "-    status: in-progress",
        "+    status: done",
        "+    done: 2024-03-30",
        "+      - date: 2024-03-30",
        "+        status: done",
        "+        by: Anna Andersson",
    ]


def test_an_older_csv_without_the_note_column_reads_back_without_notes(repository):
    with_update(repository)
    out = exported(repository, "csv")
    lines = out.read_bytes().decode("utf-8").removeprefix("\ufeff").split("\r\n")
    older = [";".join(cells[:12] + cells[13:]) for cells in (line.split(";") for line in lines)]
    assert older[0].endswith(";Last update;Evidence;Latest follow-up")
    out.write_bytes(("\ufeff" + "\r\n".join(older).replace(";in-progress;", ";done;")).encode("utf-8"))
    run = import_plan(repository, out, "--date", "2024-03-30")
    assert (run.code, run.stderr) == (0, f"auditrack: updated 1 action(s) in {RESPONSE_KS}\n")
    assert diff_lines(repository) == [
        "-    status: in-progress",
        "+    status: done",
        "+    done: 2024-03-30",
        "+      - date: 2024-03-30",
        "+        status: done",
        "+        by: Anna Andersson",
    ]


def test_an_edited_last_update_dates_the_entry_and_done(repository):
    out = edited(exported(repository), {"K2": "done", "L2": dt.date(2024, 3, 15), "M2": "Klart i KS."})
    run = import_plan(repository, out, "--date", "2024-04-02")
    assert (run.code, run.stderr) == (0, f"auditrack: updated 1 action(s) in {RESPONSE_KS}\n")
    assert diff_lines(repository) == [
        "-    status: planned",
        "+    status: done",
        "+    done: 2024-03-15",
        "+    updates:",
        "+      - date: 2024-03-15",
        "+        status: done",
        "+        note: Klart i KS.",
        "+        by: Anna Andersson",
    ]


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "Action plan!L2: the last update was changed from 2024-01-15 to 2024-02-20 but nothing else on the row "
           "was: the date records when the row's status, note or evidence changed, so change those too or leave the "
           "date as it was\n"
           "Action plan!L7: '20 februari' is not a date: write it as YYYY-MM-DD, e.g. 2024-03-31\n"
           "auditrack: 2 bad cell(s) in {out}; nothing written\n"),
    ("sv", "Åtgärdsplan!L2: senast uppdaterad ändrades från 2024-01-15 till 2024-02-20 men inget annat på raden: "
           "datumet anger när radens status, anteckning eller underlag ändrades, så ändra även dem eller låt datumet "
           "vara som det var\n"
           "Åtgärdsplan!L7: '20 februari' är inget datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-03-31\n"
           "auditrack: 2 felaktiga celler i {out}; inget skrevs\n"),
])
def test_a_last_update_edited_alone_or_not_a_date_is_a_bad_cell(repository, lang, message):
    with_update(repository)
    out = edited(exported(repository, "xlsx", "--lang", lang), {"L2": "2024-02-20", "L7": "20 februari"})
    run = import_plan(repository, out, "--lang", lang)
    assert (run.code, run.stderr) == (3, message.format(out=out))
    assert git(repository, "status", "--porcelain") == ""


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_same_change_on_an_actions_twin_rows_counts_once(repository, fmt):
    out = exported(repository, fmt)
    if fmt == "xlsx":
        edited(out, {"K2": "done", "M2": "Klart.", "K7": "done", "M7": "Klart."})
    else:
        text = out.read_bytes().decode("utf-8")
        out.write_bytes(text.replace(";planned;;;", ";done;;Klart.;").encode("utf-8"))
    run = import_plan(repository, out, "--date", "2024-04-02")
    assert (run.code, run.stderr) == (0, f"auditrack: updated 1 action(s) in {RESPONSE_KS}\n")
    assert diff_lines(repository) == [
        "-    status: planned",
        "+    status: done",
        "+    done: 2024-04-02",
        "+    updates:",
        "+      - date: 2024-04-02",
        "+        status: done",
        "+        note: Klart.",
        "+        by: Anna Andersson",
    ]


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "Action plan!M7: differs from Action plan!M2 for the same action 'ks-a1': an action that answers several "
           "recommendations has a row for each; change them the same way or change only one\n"
           "auditrack: 1 bad cell(s) in {out}; nothing written\n"),
    ("sv", "Åtgärdsplan!M7: skiljer sig från Åtgärdsplan!M2 för samma åtgärd 'ks-a1': en åtgärd som besvarar flera "
           "rekommendationer har en rad för var och en; ändra dem likadant eller ändra bara en av dem\n"
           "auditrack: 1 felaktiga celler i {out}; inget skrevs\n"),
])
def test_different_changes_on_an_actions_twin_rows_are_a_bad_cell(repository, lang, message):
    out = edited(exported(repository, "xlsx", "--lang", lang),
                 {"K2": "done", "M2": "Klart.", "K7": "done", "M7": "Klart i KS."})
    run = import_plan(repository, out, "--lang", lang)
    assert (run.code, run.stderr) == (3, message.format(out=out))
    assert git(repository, "status", "--porcelain") == ""


READ_ONLY_EN = (
    "Action plan!C2: the recommendation's text cannot be changed from the sheet: it is the audit report's wording; "
    "correct it in the report file\n"
    "Action plan!D2: the addressees cannot be changed from the sheet: the audit report names them; change them in "
    "the report file\n"
    "Action plan!E2: the responding body cannot be changed from the sheet: it is the response's `decided_by`; "
    "change it in the response file\n"
    "Action plan!F2: the stance cannot be changed from the sheet: it is the body's decision; change it under "
    "`positions:` in the response file\n"
    "Action plan!H2: the action's text cannot be changed from the sheet: change it in the response file, or add a "
    "new action with `auditrack new action`\n"
    "Action plan!O2: the follow-up grade cannot be changed from the sheet: it is the auditors' grade; record a new "
    "grade in a follow-up file (`auditrack new follow-up --grade …`)\n"
    "auditrack: 6 bad cell(s) in {out}; nothing written\n")
READ_ONLY_SV = (
    "Åtgärdsplan!C2: rekommendationens text kan inte ändras i kalkylbladet: den är granskningsrapportens "
    "formulering; rätta den i rapportfilen\n"
    "Åtgärdsplan!D2: mottagarna kan inte ändras i kalkylbladet: granskningsrapporten anger dem; ändra dem i "
    "rapportfilen\n"
    "Åtgärdsplan!E2: svarande organ kan inte ändras i kalkylbladet: det är svarets `decided_by`; ändra det i "
    "svarsfilen\n"
    "Åtgärdsplan!F2: ställningstagandet kan inte ändras i kalkylbladet: det är organets beslut; ändra det under "
    "`positions:` i svarsfilen\n"
    "Åtgärdsplan!H2: åtgärdens text kan inte ändras i kalkylbladet: ändra den i svarsfilen eller lägg till en ny "
    "åtgärd med `auditrack new action`\n"
    "Åtgärdsplan!O2: uppföljningens bedömning kan inte ändras i kalkylbladet: den är revisorernas bedömning; "
    "registrera en ny bedömning i en uppföljningsfil (`auditrack new follow-up --grade …`)\n"
    "auditrack: 6 felaktiga celler i {out}; inget skrevs\n")


@pytest.mark.parametrize(("lang", "message"), [("en", READ_ONLY_EN), ("sv", READ_ONLY_SV)])
def test_edits_to_the_datas_columns_are_bad_cells_that_say_where_to_make_them(repository, lang, message):
    out = edited(exported(repository, "xlsx", "--lang", lang), {
        "C2": "Säkerställ uppföljningen.", "D2": "ks\nsocialnamnden", "E2": "kf", "F2": "partly",
        "H2": "En annan åtgärd.", "O2": "implemented",
        # the same text with its spaces and lines changed is the same text, as export writes it
        "C7": "  Anta en\ninternkontrollplan   varje år. ", "H7": "Styrmodellen kompletteras med uppföljning\n"
                                                             "av internkontrollplanerna.",
    })
    run = import_plan(repository, out, "--lang", lang)
    assert (run.code, run.stderr) == (3, message.format(out=out))
    assert git(repository, "status", "--porcelain") == ""


SECOND_ACTION = ("  - id: ks-a2\n    recommendations: [r1]\n    text: Internkontrollplanen antas varje år.\n"
                 "    owner: kommundirektor\n    due: 2024-06-30\n    status: planned\n")


def with_second_action(root: Path) -> None:
    """A second action of r1, ks-a2, on the sheet's row 3: the row the secretary edits."""
    response = root / RESPONSE_KS
    response.write_text(response.read_text(encoding="utf-8") + SECOND_ACTION, encoding="utf-8")
    git(root, "commit", "-qam", "second action")


def progress(root: Path, *args: str) -> None:
    run = run_process("progress", "ks-a1", "--date", "2026-11-20", *args, cwd=root)
    assert run.code == 0, run.stderr
    git(root, "commit", "-qam", "progress")


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "Action plan!L2: the action was updated on 2026-11-20, after this sheet was exported, so the sheet cannot "
           "tell your changes from the older values: export the plan again and make the change there\n"
           "Action plan!L8: the action was updated on 2026-11-20, after this sheet was exported, so the sheet cannot "
           "tell your changes from the older values: export the plan again and make the change there\n"
           "auditrack: 2 bad cell(s) in {out}; nothing written\n"),
    ("sv", "Åtgärdsplan!L2: åtgärden uppdaterades 2026-11-20, efter att kalkylbladet exporterades, så kalkylbladet "
           "kan inte skilja dina ändringar från de äldre värdena: exportera åtgärdsplanen igen och gör ändringen där\n"
           "Åtgärdsplan!L8: åtgärden uppdaterades 2026-11-20, efter att kalkylbladet exporterades, så kalkylbladet "
           "kan inte skilja dina ändringar från de äldre värdena: exportera åtgärdsplanen igen och gör ändringen där\n"
           "auditrack: 2 felaktiga celler i {out}; inget skrevs\n"),
])
def test_a_row_updated_after_the_export_is_one_bad_cell_at_its_last_update(repository, lang, message):
    with_second_action(repository)
    out = exported(repository, "xlsx", "--lang", lang)
    progress(repository, "--note", "Arbetet har börjat.", "--evidence", "SN 2026-11-20 § 12")
    run = import_plan(repository, edited(out, {"K3": "in-progress"}), "--lang", lang)
    assert (run.code, run.stderr) == (3, message.format(out=out))
    assert git(repository, "status", "--porcelain") == ""


def test_a_row_updated_after_the_export_but_the_same_as_the_data_is_no_error(repository):
    with_second_action(repository)
    out = exported(repository, "csv")
    progress(repository, "--status", "planned")  # an update entry without a note: only the date differs
    text = out.read_bytes().decode("utf-8")
    assert "ks-a2;Internkontrollplanen antas varje år.;kommundirektor;2024-06-30;planned;" in text
    out.write_bytes(text.replace("2024-06-30;planned;", "2024-06-30;done;").encode("utf-8"))
    run = import_plan(repository, out, "--date", "2026-11-25")
    assert (run.code, run.stderr) == (0, f"auditrack: updated 1 action(s) in {RESPONSE_KS}\n")
    assert diff_lines(repository)[-5:] == [
        "+    done: 2026-11-25",
        "+    updates:",
        "+      - date: 2026-11-25",
        "+        status: done",
        "+        by: Anna Andersson",
    ]


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "Action plan!K2: the cell is empty: use planned, in-progress, done or cancelled\n"
           "Action plan!J2: the cell is empty: write a date as YYYY-MM-DD, e.g. 2024-03-31\n"
           "Action plan!A8: the cell is empty, so the row matches no report in the data: rows are matched by their "
           "ids as the export wrote them; export the plan again\n"
           "auditrack: 3 bad cell(s) in {out}; nothing written\n"),
    ("sv", "Åtgärdsplan!K2: cellen är tom: ange planned, in-progress, done eller cancelled\n"
           "Åtgärdsplan!J2: cellen är tom: skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2024-03-31\n"
           "Åtgärdsplan!A8: cellen är tom, så raden motsvarar ingen rapport i uppgifterna: rader matchas med de id:n "
           "som exporten skrev; exportera åtgärdsplanen igen\n"
           "auditrack: 3 felaktiga celler i {out}; inget skrevs\n"),
])
def test_an_emptied_cell_is_described_as_empty(repository, lang, message):
    out = edited(exported(repository, "xlsx", "--lang", lang), {"K2": None, "J2": None, "M8": "En ny rad."})
    run = import_plan(repository, out, "--lang", lang)
    assert (run.code, run.stderr) == (3, message.format(out=out))
    assert git(repository, "status", "--porcelain") == ""
