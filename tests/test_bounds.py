"""Bounds on what valid data can cost (issue: hostile pull requests). A file can be valid and still huge in
what it asks of the rules: a reporting requirement over a century, a goal with thousands of targets, a
name of 50 KB. Each test generates such data, runs the real CLI in a subprocess with the timeout and
memory bound of the hostile tests (`test_hostile.run_check`: killed after 20 s, under 200 MB) and checks
the exact findings and the size of the output. Nothing is timed: the inputs are big enough that a rule
whose time grows with the square of its input is killed (tests/test_bounds.py failed so before the rules
were made linear), while a linear one takes a second or two.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

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


def _check(repo: Path, *args: str):
    run = run_check(repo, "--as-of", AS_OF, *args)
    assert len(run.stdout.encode()) < OUTPUT_LIMIT, len(run.stdout.encode())
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
