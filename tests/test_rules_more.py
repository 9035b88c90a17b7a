"""Rules without a seed-data gap of their own: each fires on a small repository, and stays silent once fixed."""

from __future__ import annotations

from datetime import date

from auditrack.config import Config
from rulekit import KS, REPORT, RESPONSE_HEAD, hits, write_repo

AS_OF = date(2024, 6, 1)

GOAL = """\
kind: goal
organisation: exempel
id: mal
level: overall
text: Fler ska bli självförsörjande.
sub_goals:
  - id: delmal
    text: Fler deltagare går till arbete.
{extra}"""
INDICATOR = """\
kind: indicator
organisation: exempel
id: till-arbete
name: Deltagare som går till arbete
goals: [delmal]
"""


def test_g102_names_what_a_sub_goal_lacks(tmp_path):
    write_repo(tmp_path, {"governance/exempel/mal.yaml": GOAL.format(extra="")})
    [finding] = hits(tmp_path, AS_OF, "G102")
    assert finding.message == "the goal 'delmal' is not measurable: it has no indicator, target value, unit, date"
    assert (finding.subject, finding.location.line) == ("delmal", 8)


def test_g102_is_silent_for_a_measurable_sub_goal(tmp_path):
    extra = "    indicator: till-arbete\n    targets: [{value: 60, unit: personer, period: \"2025\"}]\n"
    write_repo(tmp_path, {"governance/exempel/mal.yaml": GOAL.format(extra=extra),
                          "governance/exempel/till-arbete.yaml": INDICATOR})
    assert hits(tmp_path, AS_OF, "G102") == []


ROLE = """\
kind: role
organisation: exempel
id: samordnare
name: Samordnare
holders:
  - {{from: 2021-08, until: 2022-03-31}}
{extra}"""


def test_g203_a_role_whose_last_term_ended(tmp_path):
    write_repo(tmp_path, {"governance/exempel/samordnare.yaml": ROLE.format(extra="")})
    assert hits(tmp_path, date(2022, 3, 31), "G203") == []
    [finding] = hits(tmp_path, date(2022, 4, 1), "G203")
    assert finding.message == ("no one holds the role 'Samordnare' on 2022-04-01; the last holder's term ended 2022-03-31")


def test_g203_silent_with_a_current_holder_and_for_standing_roles(tmp_path):
    write_repo(tmp_path, {"governance/exempel/samordnare.yaml": ROLE.format(extra="  - {from: 2022-04-01}\n")})
    assert hits(tmp_path, AS_OF, "G203") == []
    write_repo(tmp_path, {"governance/exempel/samordnare.yaml": ROLE.format(extra="standing: true\n")})
    assert hits(tmp_path, AS_OF, "G203") == []


RESPONSE = RESPONSE_HEAD + """\
date: 2023-06-13
actions:
  - id: a1
    recommendations: [granskning-r1]
    text: Åtgärd.
    owner: samordnare
    due: 2024-03-31
{action}"""


def _tracking(tmp_path, action: str, role: str = ROLE.format(extra="")):
    write_repo(tmp_path, {
        "governance/exempel/ks.yaml": KS,
        "governance/exempel/samordnare.yaml": role,
        "recommendations/exempel/g/report.yaml": REPORT,
        "recommendations/exempel/g/response.yaml": RESPONSE.format(action=action),
    })


def test_r105_done_without_evidence(tmp_path):
    _tracking(tmp_path, "    status: done\n")
    [finding] = hits(tmp_path, AS_OF, "R105")
    assert finding.message == "the action 'a1' is marked done without evidence and without date done"
    _tracking(tmp_path, "    status: done\n    done: 2024-03-01\n    evidence: [KS 2024-03-12 § 40]\n")
    assert hits(tmp_path, AS_OF, "R105") == []


MANDATE = """\
kind: mandate
organisation: exempel
id: uppdrag
title: Uppdragsbeskrivning
type: mandate-description
adopted: 2021-08-30
valid_until: {until}
roles: [samordnare]
"""


def test_r107_owner_whose_mandate_has_lapsed_at_the_due_date(tmp_path):
    _tracking(tmp_path, "")
    (tmp_path / "governance/exempel/uppdrag.yaml").write_text(MANDATE.format(until="2022-03-31"), encoding="utf-8")
    [finding] = hits(tmp_path, AS_OF, "R107")
    assert finding.message == ("the owner of action 'a1', the role 'Samordnare', is not covered by any mandate or "
                               "document in force on its due date 2024-03-31")
    (tmp_path / "governance/exempel/uppdrag.yaml").write_text(MANDATE.format(until="2025-12-31"), encoding="utf-8")
    assert hits(tmp_path, AS_OF, "R107") == []


def test_action_due_days_gives_grace(tmp_path):
    _tracking(tmp_path, "    status: in-progress\n")
    assert len(hits(tmp_path, date(2024, 4, 10), "R104")) == 1
    grace = Config.model_validate({"horizons": {"action_due_days": 10}})
    assert hits(tmp_path, date(2024, 4, 10), "R104", grace) == []
    assert len(hits(tmp_path, date(2024, 4, 11), "R104", grace)) == 1


def test_response_days_and_follow_up_months_are_configurable(tmp_path):
    request = "response_request: {requested_on: 2023-04-20, requested_from: [ks]}\n"
    write_repo(tmp_path, {"governance/exempel/ks.yaml": KS, "recommendations/exempel/g/report.yaml": REPORT + request})
    config = Config.model_validate({"horizons": {"response_days": 30, "follow_up_months": 6}})
    [response] = hits(tmp_path, date(2023, 5, 21), "R101", config)
    assert response.severity.value == "error"
    assert "2023-05-20 (30 days after the request, which set no date)" in response.message
    assert hits(tmp_path, date(2023, 9, 24), "R106", config) == []
    [follow_up] = hits(tmp_path, date(2023, 9, 25), "R106", config)
    assert "6 months after the report (due 2023-09-24)" in follow_up.message
