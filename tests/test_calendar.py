"""`auditrack due --format ics`: an RFC 5545 calendar read back by two independent parsers (icalendar, which
writes it, and vobject), with UIDs that stay put so a subscribed calendar updates instead of duplicating."""

from __future__ import annotations

from datetime import date, datetime, timezone

import icalendar
import pytest
import vobject

from conftest import run_cli, run_process
from duekit import AS_OF, due_repo

UIDS = [
    "response-granskning-2023-sn@exempel.auditrack",
    "action-a1@exempel.auditrack",
    "waiver-utvardering-G401@exempel.auditrack",
    "report-rapportering-2024-02-15@exempel.auditrack",
    "evaluation-utvardering@exempel.auditrack",
    "action-a2@exempel.auditrack",
    "mandate-uppdrag-2023@exempel.auditrack",
    "follow-up-granskning-2022@exempel.auditrack",
    "report-rapportering-2024-05-15@exempel.auditrack",
]
DATES = [date(2023, 6, 30), date(2023, 12, 31), date(2024, 1, 31), date(2024, 2, 15), date(2024, 3, 31),
         date(2024, 4, 15), date(2024, 4, 30), date(2024, 5, 1), date(2024, 5, 15)]


@pytest.fixture
def root(tmp_path):
    return due_repo(tmp_path / "data")


def _ics(root, *args: str) -> str:
    run = run_process("due", str(root), "--as-of", AS_OF, "--format", "ics", *args)
    assert (run.code, run.stderr) == (0, ""), run.stderr
    return run.stdout


def test_icalendar_reads_one_all_day_event_per_deadline(root):
    calendar = icalendar.Calendar.from_ical(_ics(root))
    assert str(calendar["version"]) == "2.0" and str(calendar["prodid"]) == "-//auditrack//due//EN"
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == UIDS
    assert [e.decoded("dtstart") for e in events] == DATES
    assert {(e.decoded("dtend") - e.decoded("dtstart")).days for e in events} == {1}
    assert {e.decoded("dtstamp") for e in events} == {datetime(2024, 3, 1, tzinfo=timezone.utc)}
    assert str(events[1]["summary"]) == "Action 'a1': Ta fram en processplan."
    assert str(events[1]["description"]) == ("Who must act: Socialchef (socialchef)\n"
                                             "Record: a1 (exempel), recommendations/exempel/svar-ks.yaml:12")


def test_vobject_reads_the_same_events(root):
    calendar = vobject.readOne(_ics(root, "--lang", "sv"))
    events = calendar.vevent_list
    assert [e.uid.value for e in events] == UIDS
    assert [e.dtstart.value for e in events] == DATES
    assert events[0].summary.value == "Svar på 'Granskning av försörjningsstöd' från Socialnämnden"
    assert events[6].description.value == ("Ansvarig: Kommunstyrelsen (ks)\n"
                                           "Post: uppdrag-2023 (exempel), governance/exempel/mandate.yaml:8")


def _ics_file(root, target) -> str:
    """The calendar as written to a file, with its line ends as they are (standard output read as text has
    them translated)."""
    run = run_cli("due", str(root), "--as-of", AS_OF, "--format", "ics", "--output", str(target))
    assert (run.code, run.stderr) == (0, f"auditrack: wrote {target}\n")
    return target.read_bytes().decode("utf-8")


def test_the_lines_are_folded_as_rfc_5545_says(root, tmp_path):
    text = _ics_file(root, tmp_path / "deadlines.ics")
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # the long ones are folded, not cut


def test_the_file_is_the_same_on_every_run_and_the_uids_survive_unrelated_changes(root):
    first = _ics(root)
    assert _ics(root) == first
    # Lines move in a file of the listing and an unrelated file is added: every UID stays, none is added.
    response = root / "recommendations/exempel/svar-ks.yaml"
    response.write_text("# Kommunstyrelsens svar\n\n" + response.read_text(), encoding="utf-8")
    (root / "governance/exempel/kf.yaml").write_text(
        "kind: body\norganisation: exempel\nid: kf\nname: Kommunfullmäktige\ntype: council\nstanding: true\n",
        encoding="utf-8")
    moved = icalendar.Calendar.from_ical(_ics(root))
    assert [str(e["uid"]) for e in moved.walk("VEVENT")] == UIDS
    assert _ics(root) != first  # the descriptions say where the actions now are


def test_a_deadline_of_another_kind_on_the_same_record_has_its_own_uid(root):
    """The evaluation is planned and its waiver expires: two events of one record, told apart by their kind."""
    uids = [str(e["uid"]) for e in icalendar.Calendar.from_ical(_ics(root)).walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_without_icalendar_the_format_is_a_usage_error(root, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "icalendar.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    run = run_process("due", str(root), "--format", "ics", env={"PYTHONPATH": str(blocker)})
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == ("auditrack: --format ics needs the icalendar package; install auditrack with the calendar "
                          "extra: pip install 'auditrack[calendar]'\n")


def test_the_calendar_in_a_file_is_what_standard_output_shows(root, tmp_path):
    written = _ics_file(root, tmp_path / "deadlines.ics")
    assert written.replace("\r\n", "\n") == _ics(root)
