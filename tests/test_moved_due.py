"""The reports show a moved due date with the decision that moved it and an action's latest note, after
`auditrack progress` recorded them in a git repository copied from tests/moved/; and a response known only from
the administration's memo is not called an answer. Sjöby kommun: the board's action arkiv-a1, due 2025-12-31,
is moved to 2026-04-30 by KS 2025-11-25 § 150; Socialnämnden has only a memo of 2025-05-28."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_process

AS_OF = "2026-12-01"


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sjoby") / "data"
    shutil.copytree(Path(__file__).parent / "moved", root)
    for args in (["init", "-q"], ["config", "user.name", "Anna Andersson"], ["config", "user.email", "anna@example.se"],
                 ["add", "-A"], ["commit", "-qm", "start"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    for args in (("--due", "2026-04-30", "--decision", "KS 2025-11-25 § 150", "--date", "2025-11-26"),
                 ("--status", "in-progress", "--note", "Arbetet har börjat.", "--date", "2026-11-20")):
        assert run_process("progress", "arkiv-a1", *args, cwd=root).code == 0
    return root


def report(root: Path, kind: str, lang: str) -> list[str]:
    run = run_process("report", kind, str(root), "--as-of", AS_OF, "--lang", lang)
    assert run.code == 0, run.stderr
    return run.stdout.splitlines()


@pytest.mark.parametrize("lang, row", [
    ("en", "| Ta fram en arkivplan. (to Kommunstyrelsen and Socialnämnden) | Ta fram en arkivplan. | Kommunarkivarie "
           "| 2026-04-30, moved from 2025-12-31 (KS 2025-11-25 § 150) | in progress, **215 days late**<br>Latest: "
           "2026-11-20 Arbetet har börjat. | Not followed up | `arkiv-r1` |"),
    ("sv", "| Ta fram en arkivplan. (till Kommunstyrelsen och Socialnämnden) | Ta fram en arkivplan. | Kommunarkivarie "
           "| 2026-04-30, flyttat från 2025-12-31 (KS 2025-11-25 § 150) | pågår, **försenad 215 dagar**<br>Senast: "
           "2026-11-20 Arbetet har börjat. | Ej uppföljd | `arkiv-r1` |"),
])
def test_status_shows_the_moved_due_date_its_decision_and_the_latest_note(repository, lang, row):
    assert row in report(repository, "status", lang)


@pytest.mark.parametrize("lang, row", [
    ("en", "| Ta fram en arkivplan. | Kommunarkivarie | 2026-04-30, moved from 2025-12-31 (KS 2025-11-25 § 150) | 215 "
           "| Granskning av arkivhanteringen |"),
    ("sv", "| Ta fram en arkivplan. | Kommunarkivarie | 2026-04-30, flyttat från 2025-12-31 (KS 2025-11-25 § 150) | 215 "
           "| Granskning av arkivhanteringen |"),
])
def test_the_list_of_overdue_actions_shows_the_move_too(repository, lang, row):
    assert row in report(repository, "status", lang)


@pytest.mark.parametrize("lang, row", [
    ("en", "| `arkiv-r1` | Ta fram en arkivplan. | • Ta fram en arkivplan. (owner: Kommunarkivarie; due: 2026-04-30, "
           "moved from 2025-12-31 (KS 2025-11-25 § 150); in progress, **overdue**)<br>Latest: 2026-11-20 Arbetet har "
           "börjat. | Not followed up |  |"),
    ("sv", "| `arkiv-r1` | Ta fram en arkivplan. | • Ta fram en arkivplan. (ansvarig: Kommunarkivarie; klart senast: "
           "2026-04-30, flyttat från 2025-12-31 (KS 2025-11-25 § 150); pågår, **försenad**)<br>Senast: 2026-11-20 "
           "Arbetet har börjat. | Ej uppföljd |  |"),
])
def test_follow_up_shows_the_moved_due_date_its_decision_and_the_latest_note(repository, lang, row):
    assert row in report(repository, "follow-up", lang)


def test_before_the_move_and_the_note_the_reports_show_neither(repository):
    run = run_process("report", "status", str(repository), "--as-of", "2025-11-25", "--lang", "en")
    rows = [line for line in run.stdout.splitlines() if "`arkiv-r1`" in line]
    assert rows == ["| Ta fram en arkivplan. (to Kommunstyrelsen and Socialnämnden) | Ta fram en arkivplan. "
                    "| Kommunarkivarie | 2026-04-30 | in progress | Not followed up | `arkiv-r1` |"]


@pytest.mark.parametrize("kind", ["status", "follow-up"])
@pytest.mark.parametrize("lang, line", [
    ("en", "**Answers by body:** Kommunstyrelsen: answered 2025-05-20 (KS 2025-05-20 § 70); Socialnämnden: "
           "administration's memo 2025-05-28, no decision recorded."),
    ("sv", "**Svar per organ:** Kommunstyrelsen: svarade 2025-05-20 (KS 2025-05-20 § 70); Socialnämnden: "
           "tjänsteskrivelse 2025-05-28, beslut ej registrerat."),
])
def test_a_response_known_only_from_its_memo_is_not_called_an_answer(repository, kind, lang, line):
    assert line in report(repository, kind, lang)
