"""Time-based rules, tested on both sides of their boundary dates."""

from __future__ import annotations

from datetime import date

import pytest

from auditrack.findings import Severity
from rulekit import KS, RESPONSE_HEAD, ROLE, hits, write_repo

MANDATE = """\
kind: mandate
organisation: exempel
id: uppdrag-2021
title: Uppdragsbeskrivning 2021
type: mandate-description
adopted: 2021-08-30
valid_until: 2022-03-31
regulates: [roles, responsibilities]
"""


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2021, 12, 30), None),  # 91 days before: outside the 90-day horizon
        (date(2021, 12, 31), Severity.WARNING),  # 90 days before
        (date(2022, 3, 31), Severity.WARNING),  # the last day it applies
        (date(2022, 4, 1), Severity.ERROR),  # the day after
    ],
)
def test_mandate_lapse_boundaries(tmp_path, as_of, expected):
    write_repo(tmp_path, {"governance/exempel/mandates/uppdrag.yaml": MANDATE})
    found = hits(tmp_path, as_of, "G201")
    if expected is None:
        assert found == []
        return
    [finding] = found
    assert finding.severity is expected
    assert "2022-03-31" in finding.message
    assert "roles, responsibilities" in finding.message
    assert (finding.location.file, finding.location.line, finding.location.column) == (
        "governance/exempel/mandates/uppdrag.yaml", 7, 1)


def test_mandate_with_successor_is_silent(tmp_path):
    successor = MANDATE.replace("uppdrag-2021", "uppdrag-2022").replace("adopted: 2021-08-30", "adopted: 2022-03-20") \
        .replace("valid_until: 2022-03-31", "valid_from: 2022-04-01\nsupersedes: [uppdrag-2021]")
    write_repo(tmp_path, {
        "governance/exempel/mandates/uppdrag.yaml": MANDATE,
        "governance/exempel/mandates/uppdrag-2022.yaml": successor,
    })
    assert hits(tmp_path, date(2026, 11, 24), "G201") == []


def test_mandate_horizon_is_configurable(tmp_path):
    from auditrack.config import Config

    write_repo(tmp_path, {"governance/exempel/mandates/uppdrag.yaml": MANDATE})
    config = Config.model_validate({"horizons": {"mandate_expiry_days": 10}})
    assert hits(tmp_path, date(2022, 3, 20), "G201", config) == []
    assert len(hits(tmp_path, date(2022, 3, 21), "G201", config)) == 1


REPORT = """\
kind: audit-report
organisation: exempel
id: granskning
title: Granskning av uppföljning
audit_firm: Revisionsbyrån AB
date: 2022-03-15
audit_plan_year: 2021
addressees: [ks]
purpose: Att bedöma uppföljningen.
recommendations:
  - id: granskning-r1
    text: Följ upp målen.
"""


@pytest.mark.parametrize(("as_of", "fires"), [(date(2024, 3, 15), False), (date(2024, 3, 16), True)])
def test_follow_up_missing_after_24_months(tmp_path, as_of, fires):
    write_repo(tmp_path, {"recommendations/exempel/r/report.yaml": REPORT, "governance/exempel/ks.yaml": KS})
    found = hits(tmp_path, as_of, "R106")
    assert [f.message for f in found] == ([
        "1 of 1 recommendations of 'Granskning av uppföljning' have no follow-up assessment 24 months after "
        "the report (due 2024-03-15): granskning-r1"] if fires else [])


@pytest.mark.parametrize(
    ("as_of", "severity"),
    [(date(2022, 6, 18), Severity.INFO), (date(2022, 7, 19), None), (date(2022, 7, 20), Severity.ERROR)],
)
def test_response_due_boundary_without_date(tmp_path, as_of, severity):
    report = REPORT + "response_request:\n  requested_on: 2022-04-20\n  requested_from: [ks]\n"
    write_repo(tmp_path, {"recommendations/exempel/r/report.yaml": report, "governance/exempel/ks.yaml": KS})
    if severity is None:  # from 30 days before the date to the day itself, R112 reminds instead
        assert hits(tmp_path, as_of, "R101") == []
        [finding] = hits(tmp_path, as_of, "R112")
        assert finding.message.startswith("due 2022-07-19 (today): ")
        return
    [finding] = hits(tmp_path, as_of, "R101")
    assert finding.severity is severity
    assert "2022-07-19" in finding.message  # 90 days after the request


RESPONSE = RESPONSE_HEAD + """\
date: 2022-05-17
decision: KS 2022-05-17 § 93
actions:
  - id: a1
    recommendations: [granskning-r1]
    text: Ta fram en uppföljningsplan.
    owner: socialchef
    due: 2023-12-31
    status: in-progress
"""


@pytest.mark.parametrize(("as_of", "fires"), [(date(2023, 12, 31), False), (date(2024, 1, 1), True)])
def test_action_overdue_boundary(tmp_path, as_of, fires):
    write_repo(tmp_path, {
        "recommendations/exempel/r/report.yaml": REPORT,
        "recommendations/exempel/r/response.yaml": RESPONSE,
        "governance/exempel/ks.yaml": KS,
        "governance/exempel/socialchef.yaml": ROLE,
    })
    found = hits(tmp_path, as_of, "R104")
    assert [(f.subject, f.location.line) for f in found] == ([("a1", 13)] if fires else [])


GOAL = """\
kind: goal
organisation: exempel
id: mal
level: overall
text: Fler ska bli självförsörjande.
targets:
  - {value: 120, unit: personer, period: "2019"}
"""


@pytest.mark.parametrize(("as_of", "fires"), [(date(2019, 12, 31), False), (date(2020, 1, 1), True)])
def test_target_follow_up_boundary(tmp_path, as_of, fires):
    write_repo(tmp_path, {"governance/exempel/goal.yaml": GOAL})
    found = hits(tmp_path, as_of, "G103")
    expected = [("the target of 120 personer for 2019 on goal 'mal' ended 2019-12-31 with no measurement or follow-up", 7)]
    assert [(f.message, f.location.line) for f in found] == (expected if fires else [])


def test_target_followed_up_is_silent(tmp_path):
    followed = GOAL + "follow_ups:\n  - {date: 2020-02-01, period: \"2019\", value: 96, text: Nåddes inte.}\n"
    write_repo(tmp_path, {"governance/exempel/goal.yaml": followed})
    assert hits(tmp_path, date(2026, 1, 1), "G103") == []


REQUIREMENT = """\
kind: reporting-requirement
organisation: exempel
id: rapportering
title: Återrapportering två gånger per år
reporter: ks
to: ks
times_per_year: 2
valid_from: 2020-01
reports:
  - {date: 2020-04-21, covered: [effects]}
  - {date: 2020-10-20, covered: [effects]}
  - {date: 2021-04-20, covered: [effects]}
"""


@pytest.mark.parametrize(("as_of", "years"), [(date(2021, 12, 31), []), (date(2022, 1, 1), [2021])])
def test_reporting_shortfall_judges_ended_years_only(tmp_path, as_of, years):
    write_repo(tmp_path, {"governance/exempel/ks.yaml": KS, "governance/exempel/rapportering.yaml": REQUIREMENT})
    found = hits(tmp_path, as_of, "G301")
    assert [f.message for f in found] == [
        f"'Återrapportering två gånger per år' requires 2 reports a year to Kommunstyrelsen; {y} had 1 (expected 2)"
        for y in years
    ]


STEERING_MODEL = """\
kind: mandate
organisation: exempel
id: styrmodell-2020
title: Styrmodell 2020
type: steering-model
adopted: 2020-10
regulates: [roles, responsibilities, bodies]
"""
GROUP = """\
kind: body
organisation: exempel
id: styrgrupp
name: Styrgrupp
type: steering-group
regulated_by: [styrmodell-2020]
"""


def test_a_body_regulated_only_by_a_superseded_mandate_is_no_longer_regulated(tmp_path):
    revision = MANDATE.replace("regulates: [roles, responsibilities]", "regulates: [roles, responsibilities]\nsupersedes: [styrmodell-2020]")
    write_repo(tmp_path, {
        "governance/exempel/mandates/styrmodell.yaml": STEERING_MODEL,
        "governance/exempel/mandates/uppdrag.yaml": revision,
        "governance/exempel/bodies/styrgrupp.yaml": GROUP,
    })
    assert hits(tmp_path, date(2021, 6, 1), "G204") == []  # the steering model is still in force
    [finding] = hits(tmp_path, date(2026, 11, 24), "G204")
    assert finding.message == ("the body 'Styrgrupp' is no longer regulated: no mandate or document that regulates it "
                               "is in force on 2026-11-24")


def test_a_decision_on_something_else_does_not_take_over_a_lapsed_mandate(tmp_path):
    decision = """\
kind: mandate
organisation: exempel
id: beslut-2022
title: Beslut om återrapportering
type: decision
adopted: 2022-03-20
supersedes: [uppdrag-2021]
regulates: [reporting]
"""
    write_repo(tmp_path, {
        "governance/exempel/mandates/uppdrag.yaml": MANDATE,
        "governance/exempel/mandates/beslut.yaml": decision,
    })
    [finding] = hits(tmp_path, date(2026, 11, 24), "G201")
    assert finding.message.startswith("the mandate 'Uppdragsbeskrivning 2021' lapsed on 2022-03-31 with no successor")


def test_messages_in_swedish(tmp_path):
    import json
    import subprocess
    import sys

    write_repo(tmp_path, {"governance/exempel/mandates/uppdrag.yaml": MANDATE})
    done = subprocess.run([sys.executable, "-m", "auditrack", "check", str(tmp_path), "--as-of", "2022-04-01",
                           "--format", "json", "--lang", "sv"], capture_output=True, text=True, timeout=60)
    [finding] = [f for f in json.loads(done.stdout)["findings"] if f["code"] == "G201"]
    assert finding["message"] == ("uppdraget 'Uppdragsbeskrivning 2021' upphörde 2022-03-31 utan efterföljare; "
                                  "sedan dess reglerar inget roller, ansvar")
    assert finding["hint"].startswith("Anta ett nytt uppdrag")
    (tmp_path / "auditrack.yaml").write_text("lang: sv\n", encoding="utf-8")
    again = subprocess.run([sys.executable, "-m", "auditrack", "check", str(tmp_path), "--as-of", "2022-04-01"],
                           capture_output=True, text=True, timeout=60)
    assert "upphörde 2022-03-31 utan efterföljare" in again.stdout
