"""Dates that cannot be true (R108, R109): before the report they concern, or after the as-of date.

A partial date fires only when even its most favourable reading is impossible; each rule is tested on
both sides of its boundary, with full dates and with partial ones.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from auditrack.findings import localize
from rulekit import KS, REPORT, ROLE, check, hits, write_repo

RESPONSE_FILE = "recommendations/exempel/granskning/response.yaml"
FOLLOW_UP_FILE = "recommendations/exempel/granskning/follow-up.yaml"


def response(dated: str = "2023-05-17", done: str = "2023-11-30") -> str:
    return f"""\
kind: response
organisation: exempel
id: svar
report: granskning
decided_by: ks
date: "{dated}"
actions:
  - id: a1
    recommendations: [granskning-r1]
    text: Ta fram en plan.
    owner: socialchef
    due: 2023-12-31
    status: done
    done: "{done}"
    evidence: ["KS 2023-12-12 § 201"]
"""


def follow_up(dated: str = "2025-03-20") -> str:
    return f"""\
kind: follow-up
organisation: exempel
id: uppfoljning
report: granskning
date: "{dated}"
assessor: Revisionsbyrån AB
assessments:
  - {{recommendation: granskning-r1, status: implemented}}
"""


def repo(root, report: str = REPORT, **dates: str):
    """A report of 2023-03-24, a response with one action done, and a follow-up; `dates` overrides theirs."""
    return write_repo(root, {
        "governance/exempel/ks.yaml": KS,
        "governance/exempel/socialchef.yaml": ROLE,
        "recommendations/exempel/granskning/report.yaml": report,
        RESPONSE_FILE: response(dates.get("response", "2023-05-17"), dates.get("done", "2023-11-30")),
        FOLLOW_UP_FILE: follow_up(dates.get("follow_up", "2025-03-20")),
    })


def placed(findings) -> list[tuple]:
    return [(f.code, f.location.file, f.location.line, f.location.column, f.message) for f in findings]


def test_consistent_dates_find_nothing(tmp_path):
    """The repository the other tests change one date of is clean, so every finding below is the date's."""
    repo(tmp_path)
    assert placed(check(tmp_path, date(2025, 6, 30))) == []


# --------------------------------------------------------------------------- R108: before the report

@pytest.mark.parametrize(("dates", "expected"), [
    ({"done": "2022-12-01"}, (RESPONSE_FILE, 14, 5, "the action 'a1' is recorded as done on 2022-12-01, before its "
                                                    "report 'granskning' of 2023-03-24")),
    ({"done": "2023-03-23"}, (RESPONSE_FILE, 14, 5, "the action 'a1' is recorded as done on 2023-03-23, before its "
                                                    "report 'granskning' of 2023-03-24")),
    ({"done": "2022"}, (RESPONSE_FILE, 14, 5, "the action 'a1' is recorded as done in 2022, before its report "
                                              "'granskning' of 2023-03-24")),
    ({"done": "2023-02"}, (RESPONSE_FILE, 14, 5, "the action 'a1' is recorded as done in 2023-02, before its report "
                                                 "'granskning' of 2023-03-24")),
    ({"response": "2022-05-17", "done": "2023-05-01"}, (
        RESPONSE_FILE, 6, 1, "the response 'svar' is dated 2022-05-17, before its report 'granskning' of 2023-03-24")),
    ({"follow_up": "2022-11-20"}, (
        FOLLOW_UP_FILE, 5, 1, "the follow-up 'uppfoljning' is dated 2022-11-20, before its report 'granskning' of "
                              "2023-03-24")),
    ({"follow_up": "2022-H2"}, (
        FOLLOW_UP_FILE, 5, 1, "the follow-up 'uppfoljning' is dated 2022-H2, before its report 'granskning' of "
                              "2023-03-24")),
])
def test_dated_before_report(tmp_path, dates, expected):
    repo(tmp_path, **dates)
    assert placed(hits(tmp_path, date(2025, 6, 30), "R108")) == [("R108", *expected)]


@pytest.mark.parametrize("dates", [
    {"done": "2023-03-24"},  # the same day as the report
    {"response": "2023-03-24", "done": "2023-03-24", "follow_up": "2023-03-24"},
    {"done": "2023"},  # partial dates whose range reaches the report's day
    {"done": "2023-03"},
    {"done": "2023-Q1"},
    {"done": "2023-H1"},
    {"response": "2023-03", "follow_up": "2023"},
])
def test_not_before_report(tmp_path, dates):
    repo(tmp_path, **dates)
    assert hits(tmp_path, date(2025, 6, 30), "R108") == []


@pytest.mark.parametrize("report_date", ["2023", "2023-03", "2023-Q1"])
def test_report_with_a_partial_date_is_skipped(tmp_path, report_date):
    repo(tmp_path, REPORT.replace("date: 2023-03-24", f'date: "{report_date}"'),
         response="2021-05-17", done="2021-05-01", follow_up="2021-11-20")
    assert hits(tmp_path, date(2025, 6, 30), "R108") == []


def test_dated_before_report_in_swedish(tmp_path):
    repo(tmp_path, response="2022-05-17", done="2022-12-01", follow_up="2022-11-20")
    found = localize(hits(tmp_path, date(2025, 6, 30), "R108"), "sv")
    assert [(f.message, f.hint) for f in found] == [  # in file order: follow-up.yaml, then response.yaml
        ("uppföljningen 'uppfoljning' är daterad 2022-11-20, före granskningsrapporten 'granskning' från "
         "2023-03-24", "Rätta datumet, som inte kan vara före 2023-03-24, eller hänvisningen till rapporten."),
        ("svaret 'svar' är daterat 2022-05-17, före granskningsrapporten 'granskning' från 2023-03-24",
         "Rätta datumet, som inte kan vara före 2023-03-24, eller hänvisningen till rapporten."),
        ("åtgärden 'a1' är registrerad som genomförd 2022-12-01, före granskningsrapporten 'granskning' från "
         "2023-03-24", "Rätta datumet, som inte kan vara före 2023-03-24, eller hänvisningen till rapporten."),
    ]


# --------------------------------------------------------------------------- R109: after the as-of date

AS_OF = date(2024, 6, 30)


@pytest.mark.parametrize(("dates", "expected"), [
    ({"done": "2024-07-01"}, (RESPONSE_FILE, 14, 5, "the action 'a1' is recorded as done on 2024-07-01, after the "
                                                    "date the check runs as of, 2024-06-30")),
    ({"done": "2024-07"}, (RESPONSE_FILE, 14, 5, "the action 'a1' is recorded as done in 2024-07, after the date "
                                                 "the check runs as of, 2024-06-30")),
    ({"done": "2024-H2"}, (RESPONSE_FILE, 14, 5, "the action 'a1' is recorded as done in 2024-H2, after the date "
                                                 "the check runs as of, 2024-06-30")),
    ({"done": "2025"}, (RESPONSE_FILE, 14, 5, "the action 'a1' is recorded as done in 2025, after the date the "
                                              "check runs as of, 2024-06-30")),
    ({"response": "2024-07-01", "follow_up": "2023-06-01"}, (
        RESPONSE_FILE, 6, 1, "the response 'svar' is dated 2024-07-01, after the date the check runs as of, "
                             "2024-06-30")),
    ({"follow_up": "2024-07-01"}, (
        FOLLOW_UP_FILE, 5, 1, "the follow-up 'uppfoljning' is dated 2024-07-01, after the date the check runs as "
                              "of, 2024-06-30")),
])
def test_dated_in_future(tmp_path, dates, expected):
    repo(tmp_path, **{"follow_up": "2024-03-20", **dates})
    assert placed(hits(tmp_path, AS_OF, "R109")) == [("R109", *expected)]


@pytest.mark.parametrize("dates", [
    {"response": "2024-06-30", "done": "2024-06-30", "follow_up": "2024-06-30"},  # the as-of day itself
    {"done": "2024"},  # partial dates that begin by the as-of day
    {"done": "2024-06"},
    {"done": "2024-Q2"},
    {"done": "2024-H1"},
    {"response": "2024", "follow_up": "2024-06"},
])
def test_not_in_future(tmp_path, dates):
    repo(tmp_path, **{"follow_up": "2024-03-20", **dates})
    assert hits(tmp_path, AS_OF, "R109") == []


def test_dated_in_future_in_swedish(tmp_path):
    repo(tmp_path, response="2024-07-01", done="2024-08-15", follow_up="2025-03-20")
    found = localize(hits(tmp_path, AS_OF, "R109"), "sv")
    assert [(f.message, f.hint) for f in found] == [
        ("uppföljningen 'uppfoljning' är daterad 2025-03-20, efter det datum kontrollen avser, 2024-06-30",
         "Rätta datumet; registrera bara det som redan har skett."),
        ("svaret 'svar' är daterat 2024-07-01, efter det datum kontrollen avser, 2024-06-30",
         "Rätta datumet; registrera bara det som redan har skett."),
        ("åtgärden 'a1' är registrerad som genomförd 2024-08-15, efter det datum kontrollen avser, 2024-06-30",
         "Rätta datumet; om åtgärden ännu inte är genomförd, ange status: planned eller in-progress, ta bort done: "
         "och för upp det planerade datumet i due:."),
    ]


def test_dated_in_future_hint_in_english(tmp_path):
    repo(tmp_path, done="2024-08-15", follow_up="2024-03-20")
    [finding] = hits(tmp_path, AS_OF, "R109")
    assert finding.hint == ("Correct the date; if the action is not done yet, set status: planned or in-progress, "
                            "remove done: and put the planned date in due:.")


# --------------------------------------------------------------------------- the command line

def test_check_reports_an_impossible_date_and_fails(tmp_path):
    repo(tmp_path, done="2022-12-01")
    done = subprocess.run([sys.executable, "-m", "auditrack", "check", str(tmp_path), "--as-of", "2025-06-30",
                           "--format", "text", "--lang", "sv"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert (f"{RESPONSE_FILE}:14:5  R108  fel  åtgärden 'a1' är registrerad som genomförd 2022-12-01, före "
            "granskningsrapporten 'granskning' från 2023-03-24") in done.stdout.splitlines()
