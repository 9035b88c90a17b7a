"""`auditrack diff` is fair to a pull request: a moved file is no change, a change that records what already
happened is not blamed for it, and a base whose data has errors does not let the head pass unseen.
Real git repositories (the helpers of test_diff.py), the real CLI."""

from __future__ import annotations

import pytest

from conftest import AS_OF, BOARD, BOARD_PATH, REPORT, REPORT_PATH
from test_diff import OWNED, RESPONSE, RESPONSE_PATH, ROLE, ROLE_PATH, commit, diff, git, history  # noqa: F401

REQUESTED = REPORT + "response_request:\n  requested_on: 2022-01-10\n  requested_from: [ks]\n  due: 2022-02-28\n"
GROUP_PATH = "governance/acme/bodies/grupp.yaml"
GROUP = "kind: body\nid: grupp\norganisation: acme\nname: Arbetsgrupp för målstyrning\ntype: work-group\n"
LATE = OWNED.replace("    due: 2022-12-31\n", "    due: 2022-03-01\n    status: planned\n")
"""The action was due before the response was recorded, and is still planned."""


# --------------------------------------------------------------------------- moved and renamed files


def test_a_renamed_and_moved_file_changes_no_gap(history):
    history.write(RESPONSE_PATH, RESPONSE.replace("  - id: a1", "  - id: a2\n    recommendations: [rek-1]\n"
                                                  "    text: Följ upp målen.\n  - id: a1"))
    history.write(BOARD_PATH, BOARD + "minutes: {kept: false}\n")
    commit(history.root, "two actions without an owner, a board without minutes")
    git(history.root, "tag", "gaps")
    moved = "recommendations/acme/2022-malstyrning/svar/kommunstyrelsens-svar.yaml"
    board = "governance/acme/organ/kommunstyrelsen.yaml"
    for path in (moved, board):
        (history.root / path).parent.mkdir()
    git(history.root, "mv", RESPONSE_PATH, moved)
    git(history.root, "mv", BOARD_PATH, board)
    commit(history.root, "rename and move")
    document = diff(history, "gaps", "HEAD", "--format", "json").json
    assert document["summary"]["introduced"] == document["summary"]["newly_recorded"] == 0
    assert document["summary"]["resolved"] == 0
    assert [(f["code"], f["subject"], f["file"]) for f in document["unchanged"]] == [
        ("G205", "ks", board), ("R103", "a2", moved), ("R103", "a1", moved)]
    assert document["status_changes"] == []
    assert diff(history, "gaps", "HEAD").code == 0


def test_one_rule_on_one_record_is_matched_by_its_message(history):
    """R102 finds each unanswered recommendation of a response: answering one and leaving another is one
    resolved and one introduced, not two unchanged."""
    history.write(REPORT_PATH, REPORT + "  - id: rek-2\n    text: Följ upp målen.\n    section: \"3.2\"\n"
                                        "  - id: rek-3\n    text: Utvärdera modellen.\n    section: \"3.3\"\n")
    history.write(ROLE_PATH, ROLE)
    history.write(RESPONSE_PATH, OWNED.replace("recommendations: [rek-1]", "recommendations: [rek-1, rek-3]"))
    commit(history.root, "rek-2 unanswered")
    git(history.root, "tag", "before")
    history.write(RESPONSE_PATH, OWNED.replace("recommendations: [rek-1]", "recommendations: [rek-1, rek-2]"))
    commit(history.root, "rek-2 answered, rek-3 not")
    document = diff(history, "before", "HEAD", "--format", "json").json
    assert [(f["code"], f["subject"], f["message"]) for f in document["resolved"]] == [
        ("R102", "svar", "no action in the response answers the recommendation 'rek-2'")]
    assert [(f["code"], f["subject"], f["message"]) for f in document["introduced"]] == [
        ("R102", "svar", "no action in the response answers the recommendation 'rek-3'")]
    assert document["unchanged"] == document["newly_recorded"] == []


# --------------------------------------------------------------------------- a late response


@pytest.fixture
def late_response(history):
    """Base (tag `requested`): the response to r2022 was due 2022-02-28 and is missing (R101), and a work group
    nothing regulates (G204). The change records the response, adopted late, whose action a1 was due
    2022-03-01 and is still planned (R104 on a record it adds), with its owner's role; and it records that
    the board keeps no minutes (G205 on a record that existed)."""
    history.write(REPORT_PATH, REQUESTED)
    history.write(GROUP_PATH, GROUP)
    commit(history.root, "response requested")
    git(history.root, "tag", "requested")
    history.write(RESPONSE_PATH, LATE)
    history.write(ROLE_PATH, ROLE)
    history.write(BOARD_PATH, BOARD + "minutes: {kept: false}\n")
    commit(history.root, "the late response")
    return history


R104 = "the action 'a1' was due 2022-03-01 and is still planned (19 days late)"
R104_SV = "åtgärden 'a1' skulle ha varit klar 2022-03-01 men har fortfarande status planerad (19 dagar försenad)"
R101 = ("no response to 'Granskning av målstyrning' from Kommunstyrelsen (ks) is recorded; it was asked on 2022-01-10 "
        "and its response was due 2022-02-28")
R101_SV = ("inget svar på 'Granskning av målstyrning' från Kommunstyrelsen (ks) är registrerat; organet ombads svara "
           "2022-01-10 och svaret skulle ha lämnats senast 2022-02-28")
G205 = "the board 'Kommunstyrelsen' keeps no minutes, so its decisions cannot be traced"
G205_SV = "organet 'Kommunstyrelsen' för varken protokoll eller minnesanteckningar, så dess beslut går inte att spåra"
G204 = "nothing regulates the body 'Arbetsgrupp för målstyrning': no mandate or governing document names it"
G204_SV = "organet 'Arbetsgrupp för målstyrning' regleras inte: inget uppdrag eller styrdokument nämner det"


def _sides(repo) -> tuple[str, str]:
    return git(repo.root, "rev-parse", "requested")[:12], git(repo.root, "rev-parse", "HEAD")[:12]


def test_a_late_response_is_newly_recorded_not_introduced_text(late_response):
    base, head = _sides(late_response)
    out = diff(late_response, "requested", "HEAD")
    assert (out.code, out.stderr) == (0, "")
    assert out.stdout.splitlines() == [
        f"auditrack diff requested ({base}) → HEAD ({head}), as of {AS_OF}",
        "1 gap introduced, 1 newly recorded, 1 resolved, 1 unchanged; 1 status change",
        "",
        "Introduced:",
        f"  {BOARD_PATH}:7:1  G205  warning  {G205}",
        "",
        "Newly recorded, on records the change adds:",
        f"  {RESPONSE_PATH}:12:5  R104  error  {R104}",
        "",
        "Resolved:",
        f"  {REPORT_PATH}:16:20  R101  error  {R101}",
        "",
        "Status changes:",
        f"  action acme/a1: absent → planned  ({RESPONSE_PATH}:13)",
    ]
    sv = diff(late_response, "requested", "HEAD", "--lang", "sv")
    assert sv.code == 0
    assert sv.stdout.splitlines() == [
        f"auditrack diff requested ({base}) → HEAD ({head}), per {AS_OF}",
        "1 ny brist, 1 nyregistrerad, 1 avhjälpt, 1 oförändrad; 1 statusändring",
        "",
        "Nya brister:",
        f"  {BOARD_PATH}:7:1  G205  varning  {G205_SV}",
        "",
        "Nyregistrerade, i poster som ändringen lägger till:",
        f"  {RESPONSE_PATH}:12:5  R104  fel  {R104_SV}",
        "",
        "Avhjälpta:",
        f"  {REPORT_PATH}:16:20  R101  fel  {R101_SV}",
        "",
        "Ändrad status:",
        f"  åtgärd acme/a1: saknas → planerad  ({RESPONSE_PATH}:13)",
    ]


def test_a_late_response_is_newly_recorded_not_introduced_markdown(late_response):
    base, head = _sides(late_response)
    table = ["| Severity | Code | Where | Finding |", "| --- | --- | --- | --- |"]
    out = diff(late_response, "requested", "HEAD", "--format", "markdown")
    assert out.stdout.splitlines() == [
        "### auditrack: 1 gap introduced, 1 newly recorded, 1 resolved",
        "",
        f"Compared requested ({base}) with HEAD ({head}), as of {AS_OF}: "
        "1 gap introduced, 1 newly recorded, 1 resolved, 1 unchanged; 1 status change.",
        "",
        "#### Introduced (1)",
        "",
        *table,
        f"| warning | G205 | {BOARD_PATH}:7:1 | {G205} |",
        "",
        "#### Newly recorded, on records the change adds (1)",
        "",
        *table,
        f"| error | R104 | {RESPONSE_PATH}:12:5 | {R104} |",
        "",
        "#### Resolved (1)",
        "",
        *table,
        f"| error | R101 | {REPORT_PATH}:16:20 | {R101} |",
        "",
        "#### Status changes (1)",
        "",
        "| Record | Before | After | Where |",
        "| --- | --- | --- | --- |",
        f"| action acme/a1 | absent | planned | {RESPONSE_PATH}:13 |",
        "",
        "<details><summary>1 unchanged</summary>",
        "",
        *table,
        f"| warning | G204 | {GROUP_PATH}:4:1 | {G204} |",
        "",
        "</details>",
    ]
    table_sv = ["| Allvarlighet | Kod | Var | Iakttagelse |", "| --- | --- | --- | --- |"]
    sv = diff(late_response, "requested", "HEAD", "--format", "markdown", "--lang", "sv")
    assert sv.stdout.splitlines() == [
        "### auditrack: 1 ny brist, 1 nyregistrerad, 1 avhjälpt",
        "",
        f"Jämförelse av requested ({base}) med HEAD ({head}), per {AS_OF}: "
        "1 ny brist, 1 nyregistrerad, 1 avhjälpt, 1 oförändrad; 1 statusändring.",
        "",
        "#### Nya brister (1)",
        "",
        *table_sv,
        f"| varning | G205 | {BOARD_PATH}:7:1 | {G205_SV} |",
        "",
        "#### Nyregistrerade, i poster som ändringen lägger till (1)",
        "",
        *table_sv,
        f"| fel | R104 | {RESPONSE_PATH}:12:5 | {R104_SV} |",
        "",
        "#### Avhjälpta (1)",
        "",
        *table_sv,
        f"| fel | R101 | {REPORT_PATH}:16:20 | {R101_SV} |",
        "",
        "#### Ändrad status (1)",
        "",
        "| Post | Före | Efter | Var |",
        "| --- | --- | --- | --- |",
        f"| åtgärd acme/a1 | saknas | planerad | {RESPONSE_PATH}:13 |",
        "",
        "<details><summary>1 oförändrad</summary>",
        "",
        *table_sv,
        f"| varning | G204 | {GROUP_PATH}:4:1 | {G204_SV} |",
        "",
        "</details>",
    ]


def test_a_late_response_is_newly_recorded_not_introduced_json(late_response):
    out = diff(late_response, "requested", "HEAD", "--format", "json")
    document = out.json
    assert document["lang"] == "en"
    assert document["summary"] == {"introduced": 1, "newly_recorded": 1, "resolved": 1, "unchanged": 1,
                                   "status_changes": 1,
                                   "introduced_by_severity": {"error": 0, "warning": 1, "info": 0},
                                   "newly_recorded_by_severity": {"error": 1, "warning": 0, "info": 0}}
    groups = {group: [(f["code"], f["severity"], f["subject"], f["file"], f["line"], f["column"], f["message"])
                      for f in document[group]] for group in ("introduced", "newly_recorded", "resolved", "unchanged")}
    assert groups == {
        "introduced": [("G205", "warning", "ks", BOARD_PATH, 7, 1, G205)],
        "newly_recorded": [("R104", "error", "a1", RESPONSE_PATH, 12, 5, R104)],
        "resolved": [("R101", "error", "r2022", REPORT_PATH, 16, 20, R101)],
        "unchanged": [("G204", "warning", "grupp", GROUP_PATH, 4, 1, G204)],
    }
    assert document["status_changes"] == [{"kind": "action", "organisation": "acme", "id": "a1", "before": None,
                                           "after": "planned", "file": RESPONSE_PATH, "line": 13}]
    assert document["not_compared"] == document["not_compared_details"] == []
    sv = diff(late_response, "requested", "HEAD", "--format", "json", "--lang", "sv").json
    assert (sv["lang"], sv["newly_recorded"][0]["message"]) == ("sv", R104_SV)


@pytest.mark.parametrize("args, code", [
    ((), 0),  # the introduced G205 is a warning, the error R104 is newly recorded
    (("--fail-on", "warning"), 1),  # G205
    (("--fail-on-new-records",), 1),  # R104
    (("--fail-on", "never", "--fail-on-new-records"), 0),
])
def test_only_gaps_introduced_on_existing_records_fail_unless_asked(late_response, args, code):
    assert diff(late_response, "requested", "HEAD", *args).code == code


def test_lang_defaults_to_the_configuration(late_response):
    late_response.write("auditrack.yaml", "lang: sv\n")
    commit(late_response.root, "Swedish")
    assert diff(late_response, "requested", "HEAD").stdout.splitlines()[1] == (
        "1 ny brist, 1 nyregistrerad, 1 avhjälpt, 1 oförändrad; 1 statusändring")
    assert diff(late_response, "requested", "HEAD", "--lang", "en").stdout.splitlines()[1] == (
        "1 gap introduced, 1 newly recorded, 1 resolved, 1 unchanged; 1 status change")


# --------------------------------------------------------------------------- a base with data errors


BETA_GROUP = "governance/beta/bodies/grupp.yaml"
Y001 = "YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence"


@pytest.fixture
def broken_base(history):
    """Base (tag `broken`): organisation acme is valid; organisation beta has a file that is not YAML. The change
    fixes beta's file and records that acme's board keeps no minutes (G205, introduced)."""
    history.org("beta", "Beta kommun")
    history.write(BETA_GROUP, GROUP.replace("acme", "beta").replace("name: Arbetsgrupp", "name: [Arbetsgrupp"))
    commit(history.root, "beta with a broken file")
    git(history.root, "tag", "broken")
    history.write(BETA_GROUP, GROUP.replace("acme", "beta"))
    history.write(BOARD_PATH, BOARD + "minutes: {kept: false}\n")
    commit(history.root, "fix beta, acme keeps no minutes")
    return history


def test_a_base_with_data_errors_compares_the_rest_and_exits_3(broken_base):
    base, head = git(broken_base.root, "rev-parse", "broken")[:12], git(broken_base.root, "rev-parse", "HEAD")[:12]
    out = diff(broken_base, "broken", "HEAD")
    assert out.code == 3
    assert out.stdout.splitlines() == [
        f"auditrack diff broken ({base}) → HEAD ({head}), as of {AS_OF}",
        "1 gap introduced, 0 newly recorded, 1 resolved, 0 unchanged; 0 status changes; "
        "gaps of beta not compared until its data errors are fixed",
        "",
        "Introduced:",
        f"  {BOARD_PATH}:7:1  G205  warning  {G205}",
        "",
        "Resolved:",
        f"  {BETA_GROUP}:5:5  Y001  error  {Y001}",
        "",
        "Not compared, because the data has errors:",
        f"  beta: 1 data error at broken ({base}): {BETA_GROUP}:5:5  Y001  {Y001}",
    ]
    assert out.stderr == ("auditrack: not everything could be compared because the data has errors (beta); "
                          "the output lists them (exit code 3)\n")
    # Exit 3 whatever --fail-on says, as `check` exits 3 on data it cannot trust.
    assert diff(broken_base, "broken", "HEAD", "--fail-on", "never").code == 3

    sv = diff(broken_base, "broken", "HEAD", "--lang", "sv")
    assert sv.code == 3
    assert sv.stdout.splitlines()[1] == ("1 ny brist, 0 nyregistrerade, 1 avhjälpt, 0 oförändrade; 0 statusändringar; "
                                         "bristerna hos beta jämförs inte förrän felen i dess data är rättade")
    assert sv.stdout.splitlines()[-2:] == [
        "Inte jämförda, eftersom uppgifterna innehåller fel:",
        f"  beta: 1 fel i datafilerna i broken ({base}): {BETA_GROUP}:5:5  Y001  syntaxfel i YAML: "
        "did not find expected ',' or ']' while parsing a flow sequence",
    ]
    assert sv.stderr == ("auditrack: allt kunde inte jämföras eftersom uppgifterna innehåller fel (beta); "
                         "felen står i utskriften (slutkod 3)\n")


def test_a_base_with_data_errors_in_json_and_markdown(broken_base):
    base = git(broken_base.root, "rev-parse", "broken")[:12]
    document = diff(broken_base, "broken", "HEAD", "--format", "json").json
    assert document["not_compared"] == ["beta"]
    (details,) = document["not_compared_details"]
    first = details["base"].pop("first")
    assert details == {"organisation": "beta", "base": {"count": 1}, "head": None}
    assert (first["code"], first["file"], first["line"], first["column"], first["message"], first["organisation"]) == (
        "Y001", BETA_GROUP, 5, 5, Y001, "beta")
    markdown = diff(broken_base, "broken", "HEAD", "--format", "markdown")
    assert markdown.code == 3
    assert markdown.stdout.splitlines()[-5:] == [
        "#### Not compared, because the data has errors (1)",
        "",
        "| Organisation | Revision | Data errors | First error |",
        "| --- | --- | --- | --- |",
        f"| beta | broken ({base}) | 1 | {BETA_GROUP}:5:5 Y001 YAML syntax error: did not find expected ',' or "
        "'\\]' while parsing a flow sequence |",
    ]


def test_an_organisation_file_with_errors_at_the_base_is_not_compared_silently(history):
    history.org("beta", "Beta kommun")
    history.write("governance/beta/organisation.yaml", "kind: organisation\nid: beta\nname: Beta kommun\nfolk: 1\n")
    commit(history.root, "beta's organisation file is invalid")
    git(history.root, "tag", "broken")
    history.org("beta", "Beta kommun")
    commit(history.root, "fixed")
    out = diff(history, "broken", "HEAD")
    assert out.code == 3
    base = git(history.root, "rev-parse", "broken")[:12]
    assert out.stdout.splitlines()[-2:] == [
        "Not compared, because the data has errors:",
        f"  files without an organisation: 1 data error at broken ({base}): "
        "governance/beta/organisation.yaml:4:1  S003  unknown field 'folk'",
    ]
    document = diff(history, "broken", "HEAD", "--format", "json").json
    assert document["not_compared"] == []
    assert [(d["organisation"], d["base"]["count"], d["head"]) for d in document["not_compared_details"]] == [
        (None, 1, None)]
