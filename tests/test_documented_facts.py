"""Answers as they are documented, and facts the source does not give (issue 14, items 4 and 5).

A response known only from the administration's memo, or only from a source without any date; an action whose
status the source does not give; an audit report without its plan year, firm, purpose and date. Each is written as
real files, checked with the real engine and rendered with the real CLI in both languages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rulekit import KS, REPORT, RESPONSE_HEAD, ROLE, check, write_repo

REQUESTED = REPORT + """\
response_request: {requested_on: 2023-04-20, requested_from: [ks], due: 2023-06-30}
"""
"""The test report (dated 2023-03-24), with a response requested by 2023-06-30."""

RESPONSE = RESPONSE_HEAD + """\
{dates}actions:
  - id: a1
    recommendations: [granskning-r1]
    text: Ta fram en processplan.
    owner: socialchef
    due: 2023-12-31
{status}"""
MEMO_ONLY = "memo: {date: 2023-05-30, reference: KS 2023/45}\n"
UNDATED = "source: {document: \"KS protokoll 2023-06-13, ärendelista\"}\n"

BARE_REPORT = """\
kind: audit-report
organisation: exempel
id: gammal
title: Äldre granskning
addressees: [ks]
cover_letter:
  addressed_to: [ks]
  text: Revisorerna önskar svar.
response_request:
  requested_from: [ks]
recommendations:
  - {id: gammal-r1, text: Följ upp målen.}
"""
"""An old audit as a follow-up lists it: no audit_plan_year, audit_firm, purpose or date, nor any date of the
cover letter or the request."""


def _repo(root: Path, dates: str = "", status: str = "", report: str = REQUESTED, **more: str) -> Path:
    files = {
        "governance/exempel/bodies/ks.yaml": KS,
        "governance/exempel/roles/socialchef.yaml": ROLE,
        "recommendations/exempel/2023-granskning/report.yaml": report,
        **more,
    }
    if dates is not None:
        files["recommendations/exempel/2023-granskning/response.yaml"] = RESPONSE.format(dates=dates, status=status)
    return write_repo(root, files)


def _found(root: Path, as_of: date) -> list[tuple]:
    return [(f.code, f.severity.value, f.location.line, f.location.column, f.message) for f in check(root, as_of)]


def _paragraph(text: str, start: str) -> str:
    """The report's line that starts with `start`."""
    found = [line for line in text.splitlines() if line.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


def _report(process, kind: str, root: Path, lang: str, as_of: str = "2023-09-01") -> str:
    done = process("report", kind, str(root), "--as-of", as_of, "--lang", lang)
    assert (done.code, done.stderr) == (0, ""), done.stderr
    assert "None" not in done.stdout
    return done.stdout


# ------------------------------------------------------------------------------------------ item 4: the memo

class TestResponseKnownOnlyFromItsMemo:
    def test_it_answers_the_request_and_nothing_else_is_found(self, tmp_path):
        root = _repo(tmp_path, MEMO_ONLY, "    status: in-progress\n")
        assert _found(root, date(2023, 9, 1)) == []

    def test_without_it_the_request_is_overdue(self, tmp_path):
        root = _repo(tmp_path, dates=None)
        assert _found(root, date(2023, 9, 1)) == [
            ("R101", "error", 12, 63, "no response to 'Granskning' from Kommunstyrelsen (ks) is recorded; it was asked "
                                     "on 2023-04-20 and its response was due 2023-06-30"),
        ]

    @pytest.mark.parametrize("kind, lang, line", [
        ("status", "en", "**Response:** Kommunstyrelsen, no date recorded. Administration's memo: 2023-05-30 "
                         "(KS 2023/45)."),
        ("status", "sv", "**Svar:** Kommunstyrelsen, datum saknas. Tjänsteskrivelse: 2023-05-30 (KS 2023/45)."),
        ("follow-up", "en", "**Response:** Kommunstyrelsen, no date recorded. Administration's memo: 2023-05-30 "
                            "(KS 2023/45)."),
        ("follow-up", "sv", "**Svar:** Kommunstyrelsen, datum saknas. Tjänsteskrivelse: 2023-05-30 (KS 2023/45)."),
    ])
    def test_reports_show_the_memo_and_that_the_decision_has_no_date(self, tmp_path, process, kind, lang, line):
        root = _repo(tmp_path, MEMO_ONLY, "    status: in-progress\n")
        assert _paragraph(_report(process, kind, root, lang), line[:8]) == line

    def test_as_of_before_the_memo_there_is_no_response_yet(self, tmp_path, process):
        root = _repo(tmp_path, MEMO_ONLY, "    status: in-progress\n")
        text = _report(process, "status", root, "en", as_of="2023-05-29")
        assert _paragraph(text, "**Response:**") == (
            "**Response:** No response is recorded. A response was requested by 2023-06-30.")

    def test_a_memo_before_the_report_is_r108_at_the_memo_date(self, tmp_path):
        root = _repo(tmp_path, "memo: {date: 2023-01-10, reference: KS 2023/45}\n", "    status: in-progress\n")
        assert _found(root, date(2023, 9, 1)) == [
            ("R108", "error", 6, 8, "the memo of the response 'svar' is dated 2023-01-10, before its report "
                                    "'granskning' of 2023-03-24"),
        ]

    def test_a_memo_in_the_future_is_r109(self, tmp_path):
        root = _repo(tmp_path, "memo:\n  date: 2023-10-02\n", "    status: in-progress\n")
        assert _found(root, date(2023, 9, 1)) == [
            ("R109", "error", 7, 3, "the memo of the response 'svar' is dated 2023-10-02, after the date the check "
                                    "runs as of, 2023-09-01"),
        ]

    def test_the_decision_date_is_checked_before_the_memo(self, tmp_path):
        """With a decision date the rules read it, not the memo: an early memo alone is not R108 then."""
        root = _repo(tmp_path, "date: 2023-06-13\nmemo: {date: 2023-01-10}\n", "    status: in-progress\n")
        assert _found(root, date(2023, 9, 1)) == []


class TestResponseWithoutAnyDate:
    def test_it_loads_and_counts_as_answered(self, tmp_path):
        root = _repo(tmp_path, UNDATED, "    status: in-progress\n")
        assert _found(root, date(2023, 9, 1)) == []

    @pytest.mark.parametrize("lang, line, state", [
        ("en", "**Response:** Kommunstyrelsen, no date recorded.", "| Gör något. (to Kommunstyrelsen) | Ta fram en "
               "processplan. | Socialchef | 2023-12-31 | in progress | Not followed up | `granskning-r1` |"),
        ("sv", "**Svar:** Kommunstyrelsen, datum saknas.", "| Gör något. (till Kommunstyrelsen) | Ta fram en processplan. "
               "| Socialchef | 2023-12-31 | pågår | Ej uppföljd | `granskning-r1` |"),
    ])
    def test_the_status_report_says_no_date_recorded(self, tmp_path, process, lang, line, state):
        root = _repo(tmp_path, UNDATED, "    status: in-progress\n")
        text = _report(process, "status", root, lang)
        assert _paragraph(text, line[:8]) == line
        assert _paragraph(text, "| Gör något.") == state


# ------------------------------------------------------------------------------ item 4: the unknown status

class TestActionWithUnknownStatus:
    def test_no_rule_takes_it_for_planned_or_overdue(self, tmp_path):
        root = _repo(tmp_path, "date: 2023-06-13\n")
        assert _found(root, date(2024, 6, 30)) == []

    def test_the_same_action_recorded_as_planned_is_overdue(self, tmp_path):
        root = _repo(tmp_path, "date: 2023-06-13\n", "    status: planned\n")
        assert _found(root, date(2024, 6, 30)) == [
            ("R104", "error", 12, 5, "the action 'a1' was due 2023-12-31 and is still planned (182 days late)"),
        ]

    def test_it_still_answers_its_recommendation_and_needs_an_owner(self, tmp_path):
        """R102 and R103 treat it as any action that is not cancelled."""
        response = RESPONSE.format(dates="date: 2023-06-13\n", status="").replace("    owner: socialchef\n", "")
        root = _repo(tmp_path, dates=None, **{"recommendations/exempel/2023-granskning/response.yaml": response})
        assert _found(root, date(2023, 9, 1)) == [
            ("R103", "error", 10, 5, "the action 'a1' has no owner"),
        ]

    def test_status_counts_it_neither_done_nor_overdue(self, tmp_path, process):
        root = _repo(tmp_path, "date: 2023-06-13\n")
        text = _report(process, "status", root, "en", as_of="2024-06-30")
        assert _paragraph(text, "| Granskning |") == "| Granskning | 2023-03-24 | 1 | 0 | 0 | 0 | 1 | 0 of 1 | 0 |"


# ------------------------------------------------------------------------- item 5: facts the source lacks

class TestReportWithoutItsFacts:
    def test_it_loads_and_only_the_undatable_request_is_reported(self, tmp_path):
        root = _repo(tmp_path, dates=None, report=BARE_REPORT)
        assert _found(root, date(2030, 1, 1)) == [
            ("R101", "info", 10, 20, "a response to 'Äldre granskning' was requested from Kommunstyrelsen (ks) and is not "
                                   "recorded; the request gives neither its date nor a due date, so when it is due is "
                                   "not known"),
        ]

    def test_the_swedish_r101(self, cli, tmp_path):
        root = _repo(tmp_path, dates=None, report=BARE_REPORT)
        done = cli("check", str(root), "--as-of", "2030-01-01", "--lang", "sv")
        assert done.code == 0
        assert done.stdout.splitlines()[:2] == [
            "recommendations/exempel/2023-granskning/report.yaml:10:20  R101  upplysning  Kommunstyrelsen (ks) ombads svara på "
            "'Äldre granskning' och svaret är inte registrerat; begäran anger varken sitt datum eller när svaret ska "
            "lämnas, så det är okänt när svaret ska vara klart",
            "    help: Registrera organets svar (kind: response, decided_by: organet) när det har antagits, och "
            "begärans datum (requested_on:) eller sista svarsdag (due:) om någon källa anger dem.",
        ]

    def test_a_request_with_a_due_date_but_no_date_of_its_own(self, tmp_path):
        report = BARE_REPORT.replace("  requested_from: [ks]\n", "  requested_from: [ks]\n  due: 2023-06-30\n")
        root = _repo(tmp_path, dates=None, report=report)
        assert _found(root, date(2023, 9, 1)) == [
            ("R101", "error", 10, 20, "no response to 'Äldre granskning' from Kommunstyrelsen (ks) is recorded; it was "
                                      "asked and its response was due 2023-06-30"),
        ]

    def test_rules_that_need_the_date_skip_it(self, tmp_path):
        """R106 (follow-up due 24 months after the report) and R108 (dated before the report) need its date."""
        response = RESPONSE.format(dates="date: 1999-01-01\n", status="    status: in-progress\n").replace(
            "granskning", "gammal")
        root = _repo(tmp_path, dates=None, report=BARE_REPORT,
                     **{"recommendations/exempel/2023-granskning/response.yaml": response})
        assert _found(root, date(2030, 1, 1)) == [
            ("R104", "error", 12, 5, "the action 'a1' was due 2023-12-31 and is still in-progress (2193 days late)"),
        ]

    @pytest.mark.parametrize("lang, row", [
        ("en", "| `R101` | a response to 'Äldre granskning' was requested from Kommunstyrelsen (ks) and is not recorded; "
               "the request gives neither its date nor a due date, so when it is due is not known<br>*Fix:* Record the "
               "body's response (kind: response, decided\\_by: the body) when it has been adopted, and the request's "
               "date (requested\\_on:) "
               "or due date (due:) if a source gives them. |"),
        ("sv", "| `R101` | Kommunstyrelsen (ks) ombads svara på 'Äldre granskning' och svaret är inte registrerat; "
               "begäran anger varken sitt datum eller när svaret ska lämnas, så det är okänt när svaret ska vara klart"
               "<br>*Förslag:* Registrera organets svar (kind: response, decided\\_by: organet) när det har antagits, "
               "och begärans datum "
               "(requested\\_on:) eller sista svarsdag (due:) om någon källa anger dem. |"),
    ])
    def test_the_gap_report_has_the_undatable_request(self, tmp_path, process, lang, row):
        root = _repo(tmp_path, dates=None, report=BARE_REPORT)
        found = _paragraph(_report(process, "gaps", root, lang, as_of="2030-01-01"), "| `R101`")
        assert found[:len(row)] == row

    @pytest.mark.parametrize("lang, title", [("en", "# Governance overview"), ("sv", "# Översikt över styrningen")])
    def test_governance_renders(self, tmp_path, process, lang, title):
        root = _repo(tmp_path, dates=None, report=BARE_REPORT)
        assert _report(process, "governance", root, lang, as_of="2030-01-01").splitlines()[0] == title


# ---------------------------------------------------------------------------------------- both: what the reports print

SCENARIOS = {
    "unknown-status": (lambda root: _repo(root, "date: 2023-06-13\n"), "2024-06-30"),
    "bare-report": (lambda root: _repo(root, dates=None, report=BARE_REPORT), "2030-01-01"),
}


@pytest.mark.parametrize("scenario, kind, lang, start, line", [
    ("unknown-status", "status", "en", "| Gör något.",
     "| Gör något. (to Kommunstyrelsen) | Ta fram en processplan. | Socialchef | 2023-12-31 | status not stated | "
     "Not followed up | `granskning-r1` |"),
    ("unknown-status", "status", "sv", "| Gör något.",
     "| Gör något. (till Kommunstyrelsen) | Ta fram en processplan. | Socialchef | 2023-12-31 | status okänd | "
     "Ej uppföljd | `granskning-r1` |"),
    ("unknown-status", "status", "en", "    \"", "    \"Actions' status not stated\" : 1"),
    ("unknown-status", "status", "sv", "    \"", "    \"Åtgärdernas status okänd\" : 1"),
    ("unknown-status", "follow-up", "en", "| `granskning-r1`",
     "| `granskning-r1` | Gör något. | • Ta fram en processplan. (owner: Socialchef; due: 2023-12-31; "
     "status not stated) | Not followed up |  |"),
    ("unknown-status", "follow-up", "sv", "| `granskning-r1`",
     "| `granskning-r1` | Gör något. | • Ta fram en processplan. (ansvarig: Socialchef; klart senast: 2023-12-31; "
     "status okänd) | Ej uppföljd |  |"),
    ("bare-report", "status", "en", "| Äldre", "| Äldre granskning | not stated | 1 | 0 | 0 | 0 | 1 | 0 of 0 | 0 |"),
    ("bare-report", "status", "sv", "| Äldre", "| Äldre granskning | uppgift saknas | 1 | 0 | 0 | 0 | 1 | 0 av 0 | 0 |"),
    ("bare-report", "status", "en", "Audit firm",
     "Audit firm not stated, date not stated. The recommendations are addressed to Kommunstyrelsen."),
    ("bare-report", "status", "sv", "Revisionsbyrå",
     "Revisionsbyrå: uppgift saknas, datum: uppgift saknas. Rekommendationerna riktas till Kommunstyrelsen."),
    ("bare-report", "status", "en", "**Response:**",
     "**Response:** No response is recorded. A response was requested; neither the request's date nor a deadline "
     "is stated."),
    ("bare-report", "status", "sv", "**Svar:**",
     "**Svar:** Inget svar är registrerat. Svar begärdes; varken begärans datum eller sista dag för svaret är "
     "angivet."),
    ("bare-report", "follow-up", "en", "Audit firm",
     "Audit firm not stated, date not stated. The recommendations are addressed to Kommunstyrelsen."),
    ("bare-report", "follow-up", "sv", "Revisionsbyrå",
     "Revisionsbyrå: uppgift saknas, datum: uppgift saknas. Rekommendationerna riktas till Kommunstyrelsen."),
])
def test_reports_say_what_is_not_stated(tmp_path, process, scenario, kind, lang, start, line):
    """The action with unknown status (never overdue), and the report without its plan year, firm, purpose and
    date (and a request without dates), in the status and follow-up reports in both languages."""
    make, as_of = SCENARIOS[scenario]
    assert _paragraph(_report(process, kind, make(tmp_path), lang, as_of=as_of), start) == line
