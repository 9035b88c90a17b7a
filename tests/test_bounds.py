"""Bounds on what valid data can cost (issue: hostile pull requests). A file can be valid and still huge in
what it asks of the rules: a reporting requirement over a century, a goal with thousands of targets, a
name of 50 KB. Each test generates such data, runs the real CLI in a subprocess with the timeout and
memory bound of the hostile tests (`test_hostile.run_check`: killed after 20 s, under 200 MB) and checks
the exact findings and the size of the output. Nothing is timed: the inputs are big enough that a rule
whose time grows with the square of its input is killed (tests/test_bounds.py failed so before the rules
were made linear), while a linear one takes a second or two.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import test_held_back as held_back
from rulekit import KS, ORG, REPORT, ROLE
from test_hostile import run_check

AS_OF = "2024-01-01"
HUGE_NAME = "Kommunstyrelsen " + "å" * 50_000  # a 50 KB name: messages quote it shortened
QUOTED = "Kommunstyrelsen " + "å" * 103 + "…"  # the first 119 characters and an ellipsis: findings.NAME_LIMIT
OUTPUT_LIMIT = 200_000  # bytes of JSON: every test's output stays far below what its data could produce


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    repo = tmp_path / "repo"
    for rel, text in {"governance/exempel/organisation.yaml": ORG, **files}.items():
        path = repo / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (repo / "recommendations").mkdir(exist_ok=True)
    return repo


def _days(first: date, n: int) -> list[str]:
    return [(first + timedelta(days=i)).isoformat() for i in range(n)]


def _check(repo: Path, *args: str, output_limit: int = OUTPUT_LIMIT):
    run = run_check(repo, "--as-of", AS_OF, *args)
    assert len(run.stdout.encode()) < output_limit, len(run.stdout.encode())
    return run


# --------------------------------------------------------------------------- reporting (G301, G302)


def test_a_century_of_missed_reporting_is_two_findings_with_the_name_shortened(tmp_path):
    """10,000 due dates missed and 10,000 reports given later: every due date used to be compared with every
    report (10^8 comparisons, far past the timeout), and each missed one was a finding that quoted the
    body's full name (10,000 × 50 KB)."""
    dues = "".join(f"  - {day}\n" for day in _days(date(1900, 1, 1), 10_000))  # 1900-01-01 … 1927-05-19
    reports = "".join(f"  - {{date: {day}}}\n" for day in _days(date(1950, 1, 1), 10_000))  # 1950 … 1977-05-19
    repo = _repo(tmp_path, {
        "governance/exempel/ks.yaml": KS.replace("name: Kommunstyrelsen", f"name: {HUGE_NAME}"),
        "governance/exempel/socialchef.yaml": ROLE,
        "governance/exempel/krav.yaml": (
            "kind: reporting-requirement\norganisation: exempel\nid: krav\n"
            f"title: {HUGE_NAME}\nreporter: socialchef\nto: ks\ntimes_per_year: 12\nvalid_from: 1900-01\n"
            f"due_dates:\n{dues}reports:\n{reports}"
        ),
    })
    run = _check(repo)
    assert run.code == 1
    assert [(f["code"], f["line"], f["message"]) for f in run.findings] == [
        ("G301", 7, f"'{QUOTED}' requires 12 reports a year to {QUOTED}; 96 years had fewer: "
                    "1900 had 0 (expected 12), 1901 had 0 (expected 12), 1902 had 0 (expected 12), "
                    "1903 had 0 (expected 12), 1904 had 0 (expected 12), 1905 had 0 (expected 12), "
                    "1906 had 0 (expected 12), 1907 had 0 (expected 12), 1908 had 0 (expected 12), "
                    "1909 had 0 (expected 12) and 86 more"),
        ("G301", 10, f"no report to {QUOTED} was given by 10,000 due dates: 1900-01-01, 1900-01-02, 1900-01-03, "
                     "1900-01-04, 1900-01-05, 1900-01-06, 1900-01-07, 1900-01-08, 1900-01-09, 1900-01-10 and "
                     "9,990 more"),
    ]
    sv = run_check(repo, "--as-of", AS_OF, "--lang", "sv").findings
    assert [f["message"] for f in sv] == [
        f"enligt '{QUOTED}' ska {QUOTED} få 12 rapporter per år; under 96 år lämnades färre: 1900 (0 av 12), "
        "1901 (0 av 12), 1902 (0 av 12), 1903 (0 av 12), 1904 (0 av 12), 1905 (0 av 12), 1906 (0 av 12), "
        "1907 (0 av 12), 1908 (0 av 12), 1909 (0 av 12) och 86 till",
        f"ingen rapport lämnades till {QUOTED} senast de 10\u00a0000 datum som kravet anger: 1900-01-01, 1900-01-02, "
        "1900-01-03, 1900-01-04, 1900-01-05, 1900-01-06, 1900-01-07, 1900-01-08, 1900-01-09, 1900-01-10 och "
        "9\u00a0990 till",
    ]


# --------------------------------------------------------------------------- goals (G103, G106)


def test_thousands_of_targets_never_measured_are_bounded_per_goal(tmp_path):
    """Three goals of 7,000 targets each (a day each, from 1900) on one indicator of 9,000 measurements of
    other days (from 1950): each target used to be compared with every measurement (1.9 × 10^8 comparisons).
    Each goal reports the first 20 targets missed and counts the rest."""
    targets = "".join(f"  - {{value: 1, unit: st, period: {day}}}\n" for day in _days(date(1900, 1, 1), 7_000))
    measurements = "".join(f"  - {{period: {day}, value: 1}}\n" for day in _days(date(1950, 1, 1), 9_000))
    files = {"governance/exempel/indikator.yaml": (
        f"kind: indicator\norganisation: exempel\nid: antal\nname: {HUGE_NAME}\ngoals: [mal-0]\n"
        "analyses: [{date: 1999-12, text: Analyserad.}]\n"
        f"measurements:\n{measurements}")}
    for n in range(3):
        files[f"governance/exempel/mal-{n}.yaml"] = (
            f"kind: goal\norganisation: exempel\nid: mal-{n}\ntext: {HUGE_NAME}\nindicator: antal\n"
            f"targets:\n{targets}")
    run = _check(_repo(tmp_path, files))
    assert run.code == 1
    found = [(f["code"], f["file"], f["line"]) for f in run.findings]
    assert len(found) == 63, found
    for n in range(3):
        mine = [f for f in run.findings if f["file"] == f"governance/exempel/mal-{n}.yaml"]
        assert [f["line"] for f in mine] == [*range(7, 27), 27]
        assert mine[1]["message"] == (f"the target of 1 st for 1900-01-02 on goal 'mal-{n}' ended 1900-01-02 with no "
                                      "measurement or follow-up")
        assert mine[-1]["message"] == f"6,980 more G103 findings about 'mal-{n}' are not shown (only the first 20 are)"


# --------------------------------------------------------------------------- mandates (G201, G202, G204)


def test_thousands_of_mandates_one_after_another_are_linear(tmp_path):
    """3,000 weekly mandates, each taking over from the one before: whether each has a successor used to
    be found by scanning all the others (9 × 10^6 comparisons, twice), and every body and role they name was
    looked up in every mandate. Only the last one lapses."""
    files = {
        "governance/exempel/modell.yaml": (
            f"kind: programme\norganisation: exempel\nid: modell\nname: {HUGE_NAME}\nstarted: 1900-01-01\n"
            "evidence_base: {research_used: true, references: [Forskning]}\n"),
        "governance/exempel/samordnare.yaml": (
            f"kind: role\norganisation: exempel\nid: samordnare\nname: {HUGE_NAME}\n"
            "holders: [{from: 1900-01-01}]\n"),
    }
    start = date(1900, 1, 1)
    for n in range(3_000):
        first = start + timedelta(days=7 * n)
        files[f"governance/exempel/uppdrag/u{n:04}.yaml"] = (
            f"kind: mandate\norganisation: exempel\nid: u{n}\ntitle: Uppdrag {n}\ntype: mandate-description\n"
            f"programme: modell\nadopted: {first}\nvalid_until: {first + timedelta(days=6)}\n"
            "regulates: [roles, responsibilities, follow-up-content, follow-up-method, follow-up-timing]\n"
            "roles: [samordnare]\n")
    run = _check(_repo(tmp_path, files))
    assert run.code == 1
    assert [(f["code"], f["file"], f["line"], f["message"]) for f in run.findings] == [
        ("G303", "governance/exempel/modell.yaml", 4, f"no governing document in force regulates the follow-up of "
                                                      f"'{QUOTED}': what it must contain, how it is done, when it is done"),
        ("G204", "governance/exempel/samordnare.yaml", 4, f"the role '{QUOTED}' is no longer regulated: no mandate or "
                                                          "document that regulates it is in force on 2024-01-01"),
        ("G201", "governance/exempel/uppdrag/u2999.yaml", 8, "the mandate 'Uppdrag 2999' lapsed on 1957-06-30 with no "
                                                             "successor; since then nothing regulates roles, "
                                                             "responsibilities, follow-up-content, follow-up-method, "
                                                             f"follow-up-timing ({QUOTED})"),
    ]


# --------------------------------------------------------------------------- evaluation (G401, G402, G403)


def test_names_of_50_kb_are_quoted_shortened(tmp_path):
    repo = _repo(tmp_path, {
        "governance/exempel/utvardering.yaml": (
            f"kind: evaluation\norganisation: exempel\nid: utv\ntitle: {HUGE_NAME}\nrequired: true\n"),
        "governance/exempel/insats.yaml": f"kind: intervention\norganisation: exempel\nid: praktik\nname: {HUGE_NAME}\n",
        "governance/exempel/modell.yaml": (f"kind: programme\norganisation: exempel\nid: modell\nname: {HUGE_NAME}\n"
                                           "evidence_base: {research_used: false}\n"),
    })
    run = _check(repo)
    assert [(f["code"], f["message"]) for f in run.findings] == [
        ("G402", f"no participant data is kept for the intervention '{QUOTED}'"),
        ("G403", f"the working model '{QUOTED}' was designed without using available research"),
        ("G401", f"the required evaluation '{QUOTED}' has not been done, and none is planned"),
    ]


# --------------------------------------------------------------------------- lifecycle (R102, R106)


def test_a_report_of_5000_recommendations_that_no_one_answers(tmp_path):
    """One response answers none of 5,000 recommendations: 20 findings and one that counts the rest, and the
    missing follow-up lists ten of them."""
    recommendations = "".join(f"  - {{id: r{n}, text: Gör något.}}\n" for n in range(5_000))
    repo = _repo(tmp_path, {
        "governance/exempel/ks.yaml": KS,
        "governance/exempel/socialchef.yaml": ROLE,
        "recommendations/exempel/g/report.yaml": REPORT.split("recommendations:")[0]
        .replace("title: Granskning", f"title: {HUGE_NAME}") + f"recommendations:\n{recommendations}",
        "recommendations/exempel/g/response.yaml": (
            "kind: response\norganisation: exempel\nid: svar\nreport: granskning\ndecided_by: ks\ndate: 2023-06-13\n"
            "actions:\n  - {id: a1, text: Något annat., owner: socialchef, due: 2030-01-01, status: in-progress}\n"),
    })
    run = run_check(repo, "--as-of", "2026-01-01")
    assert len(run.stdout.encode()) < OUTPUT_LIMIT
    first = sorted(f"r{n}" for n in range(20))  # the first 20 in file order, shown in the order of their text
    assert [(f["code"], f["line"], f["message"]) for f in run.findings] == [
        ("R106", 10, f"5000 of 5000 recommendations of '{QUOTED}' have no follow-up assessment 24 months after the "
                     "report (due 2025-03-24): r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, 4,990 more"),
        ("R102", 7, "4,980 more R102 findings about 'svar' are not shown (only the first 20 are)"),
        *[("R102", 7, f"no action in the response answers the recommendation '{r}'") for r in first],
    ]


# --------------------------------------------------------------------------- dates (R108), and the whole run


def test_a_flood_of_findings_on_many_records_stops_at_the_run_limit(tmp_path):
    """5,000 actions, each done before the report, with no owner, due date or evidence: 15,000 findings, each
    on its own record. The check shows 10,000 (`limits.max_findings`), the errors first, and X004 counts the
    others with their highest severity, so the exit code stays what all of them give."""
    actions = "".join(f"  - {{id: a{n}, text: Gjort., status: done, done: 2020-01-01}}\n" for n in range(5_000))
    repo = _repo(tmp_path, {
        "governance/exempel/ks.yaml": KS,
        "recommendations/exempel/g/report.yaml": REPORT,
        "recommendations/exempel/g/response.yaml": (
            "kind: response\norganisation: exempel\nid: svar\nreport: granskning\ndecided_by: ks\ndate: 2023-06-13\n"
            f"actions:\n{actions}"),
    })
    run = _check(repo, output_limit=5_000_000)  # 10,001 findings of about 400 bytes each
    codes = [f["code"] for f in run.findings]
    assert run.code == 1
    assert Counter(codes) == {"R103": 5_000, "R108": 4_999, "R102": 1, "X004": 1}
    assert run.findings[-1] == {
        "code": "X004", "severity": "error", "file": ".", "line": 1, "column": 1, "subject": None,
        "organisation": None,
        "message": "5,001 more findings of this check are not shown (only 10,000 are: `limits.max_findings`)",
        "hint": "Fix the findings shown and check again, or raise `limits.max_findings` in auditrack.yaml.",
    }


# --------------------------------------------------------------------------- untrusted data never looks trusted


# test_held_back's response with its `date:` twice: the file validates (YAML keeps the last one)
RESPONSE_WITH_DUPLICATE = held_back.RESPONSE.replace("date: 2023-06-13\n", "date: 2023-06-13\ndate: 2023-06-14\n")


def test_a_duplicate_key_in_a_valid_file_holds_its_organisations_gaps_back(tmp_path):
    """Y002 is a data error like any other: the organisation's gaps are held back by X003, and the other
    organisation is still judged."""
    held_back._repo(tmp_path, RESPONSE_WITH_DUPLICATE)
    run = _check(tmp_path, "--as-of", "2028-01-01")  # R106 (no follow-up) is due, and held back
    assert run.code == 3
    assert [(f["code"], f["file"], f["line"], f["organisation"], f["message"]) for f in run.findings] == [
        ("G101", "governance/annan/mal.yaml", 4, "annan",
         "the overall goal 'mal' is not broken down into measurable sub-goals"),
        ("Y002", "recommendations/exempel/g/response.yaml", 7, "exempel",
         "the key 'date' appears twice in the same mapping (first on line 6); YAML would silently keep only the last "
         "value"),
        ("X003", "recommendations/exempel/g/response.yaml", 7, "exempel",
         "1 gap finding of organisation 'exempel' is held back while some of its files have errors"),
    ]


def test_diff_does_not_compare_the_gaps_of_a_file_with_a_duplicate_key(tmp_path):
    """The action stops answering the recommendation (an R102 gap) in a file with a duplicate key: the gap is held
    back, and the organisation is not compared."""
    held_back._repo(tmp_path)
    code, result, _ = held_back.diff_after_changing_the_response(
        tmp_path, RESPONSE_WITH_DUPLICATE.replace("recommendations: [granskning-r1]", "recommendations: []"))
    assert [f["code"] for f in result["introduced"]] == ["Y002", "X003"]
    assert result["resolved"] == []
    assert result["not_compared"] == ["exempel"]
    assert code == 3  # an organisation that cannot be compared is data that cannot be trusted


def test_a_check_that_reads_no_data_file_is_a_usage_error(tmp_path):
    """`paths: [templates]`, an existing folder without YAML, while the data (broken) is elsewhere: nothing
    was checked, and that must not pass as a clean result."""
    repo = _repo(tmp_path, {"recommendations/exempel/trasig.yaml": "kind: [\n"})
    (repo / "templates").mkdir()
    (repo / "templates" / "status.md.j2").write_text("{{ x }}\n", encoding="utf-8")
    (repo / "auditrack.yaml").write_text("paths: [templates]\n", encoding="utf-8")
    run = run_check(repo)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (f"auditrack: no data files (.yaml, .yml) found in {repo} under templates/ (`paths:`); "
                          "list the folders that hold the data under `paths:` in auditrack.yaml\n")
    run = run_check(repo, "--lang", "sv")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (f"auditrack: inga datafiler (.yaml, .yml) hittades i {repo} under templates/ (`paths:`); "
                          "ange de mappar som innehåller uppgifterna under `paths:` i auditrack.yaml\n")
