"""What the audit found, as data (issue 15), on the hand-written repository tests/homecare/: Solby's audit of home
care found no measurable goals, no agreement with the private providers, no written routine for deviations and a
vacant post of quality coordinator. Each observation is open as of the report's date and after; a goal with
measurable sub-goals adopted after the report, linked, closes its one; a routine adopted before the report, linked,
is a finding of its own; appointing a holder closes the vacancy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_process
from test_boards import located

HOMECARE = Path(__file__).parent / "homecare"
REPORT = "recommendations/solby/2024-hemtjanst/report.yaml"
ROLE = "governance/solby/roles/kvalitetssamordnare.yaml"
GOAL = "governance/solby/goals/hemtjanst-kvalitet.yaml"
ROUTINE = "governance/solby/documents/rutin-avvikelser.yaml"
AS_OF = "2024-06-13"  # 90 days after the report
TITLE = "Granskning av hemtjänsten"


@pytest.fixture
def homecare(tmp_path) -> Path:
    shutil.copytree(HOMECARE, tmp_path / "homecare")
    return tmp_path / "homecare"


def check(root: Path, *args: str, as_of: str = AS_OF):
    return run_process("check", str(root), "--format", "json", "--as-of", as_of, *args)


def write(root: Path, relpath: str, text: str) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


WORDS = {
    "inga-matbara-mal": "Det saknas mätbara mål för hemtjänsten.",
    "ingen-overenskommelse-privata-utforare": "Det finns inga överenskommelser med de privata utförarna.",
    "ingen-avvikelserutin": "Det saknas en skriftlig rutin för hantering av avvikelser.",
    "vakant-kvalitetssamordnare": "Tjänsten som kvalitetssamordnare har varit vakant sedan september 2023.",
}
"""Each observation as the auditors wrote it (tests/homecare), which its finding quotes."""


def open_observation(observation: str, line: int, section: str, days: int, category: str, about: str) -> tuple:
    return ("G501", "error", REPORT, line, 5,
            f"the observation '{observation}' of '{TITLE}' (2024-03-15, section {section}) is still open after "
            f"{days} days: {category}, about '{about}': “{WORDS[observation]}”")


def four_open(days: int) -> list[tuple]:
    return [
        open_observation("inga-matbara-mal", 17, "3.1", days, "measurable targets", "Hemtjänst"),
        open_observation("ingen-overenskommelse-privata-utforare", 23, "3.2", days, "agreements with other parties",
                         "Hemtjänst"),
        open_observation("ingen-avvikelserutin", 29, "3.3", days, "written routines", "Hemtjänst"),
        open_observation("vakant-kvalitetssamordnare", 35, "3.4", days, "staffing", "Kvalitetssamordnare"),
    ]


VACANT = ("G206", "error", ROLE, 7, 1,
          "the post 'Kvalitetssamordnare' is vacant since 2023-09, as an open observation of the audit says")


@pytest.mark.parametrize("as_of, days", [("2024-03-15", 0), (AS_OF, 90)])
def test_each_observation_is_open_and_the_vacancy_is_an_error(as_of, days):
    run = check(HOMECARE, as_of=as_of)
    assert located(run) == [VACANT, *four_open(days)]
    assert run.code == 1


def test_before_the_report_nothing_is_open_and_the_vacancy_is_a_warning():
    assert located(check(HOMECARE, as_of="2024-03-14")) == [
        ("G206", "warning", ROLE, 7, 1, "the post 'Kvalitetssamordnare' is vacant since 2023-09")]


def test_the_observations_in_swedish():
    run = check(HOMECARE, "--lang", "sv")
    assert [f["message"] for f in run.findings] == [
        "tjänsten 'Kvalitetssamordnare' är vakant sedan 2023-09, som en öppen iakttagelse i granskningen anger",
        f"iakttagelsen 'inga-matbara-mal' i '{TITLE}' (2024-03-15, avsnitt 3.1) är fortfarande öppen efter 90 dagar: "
        f"mätbara mål, gäller 'Hemtjänst': ”{WORDS['inga-matbara-mal']}”",
        f"iakttagelsen 'ingen-overenskommelse-privata-utforare' i '{TITLE}' (2024-03-15, avsnitt 3.2) är fortfarande "
        f"öppen efter 90 dagar: överenskommelser med andra parter, gäller 'Hemtjänst': "
        f"”{WORDS['ingen-overenskommelse-privata-utforare']}”",
        f"iakttagelsen 'ingen-avvikelserutin' i '{TITLE}' (2024-03-15, avsnitt 3.3) är fortfarande öppen efter 90 "
        f"dagar: skriftliga rutiner, gäller 'Hemtjänst': ”{WORDS['ingen-avvikelserutin']}”",
        f"iakttagelsen 'vakant-kvalitetssamordnare' i '{TITLE}' (2024-03-15, avsnitt 3.4) är fortfarande öppen efter "
        f"90 dagar: bemanning, gäller 'Kvalitetssamordnare': ”{WORDS['vakant-kvalitetssamordnare']}”",
    ]


MEASURABLE_GOAL = """\
kind: goal
organisation: solby
id: hemtjanst-kvalitet
level: overall
programme: hemtjanst
adopted: {adopted}
text: Brukarna ska få en hemtjänst av god kvalitet.
resolves: [inga-matbara-mal]
sub_goals:
  - id: kontinuitet
    text: Högst 12 olika personal per brukare under 14 dagar, 2025.
    indicator: personalkontinuitet
    targets: [{{value: 12, unit: personal, period: "2025"}}]
"""

INDICATOR = """\
kind: indicator
organisation: solby
id: personalkontinuitet
name: Personalkontinuitet i hemtjänsten
programme: hemtjanst
goals: [kontinuitet]
"""


def test_a_measurable_goal_adopted_after_the_report_and_linked_closes_its_observation(homecare):
    write(homecare, GOAL, MEASURABLE_GOAL.format(adopted="2024-05-21"))
    write(homecare, "governance/solby/indicators/personalkontinuitet.yaml", INDICATOR)
    assert located(check(homecare)) == [VACANT, *four_open(90)[1:]]


def test_a_goal_adopted_before_the_report_does_not_close_it_and_says_why(homecare):
    write(homecare, GOAL, MEASURABLE_GOAL.format(adopted="2023-11-14"))
    write(homecare, "governance/solby/indicators/personalkontinuitet.yaml", INDICATOR)
    found = located(check(homecare))
    assert found[0] == ("G502", "error", GOAL, 8, 12,
                        "'Brukarna ska få en hemtjänst av god kvalitet.' cannot resolve the observation 'inga-matbara-mal': it "
                        "dates from "
                        "2023-11-14, not after the report of 2024-03-15")
    assert found[1] == VACANT
    assert found[2] == open_observation("inga-matbara-mal", 17, "3.1", 90, "measurable targets", "Hemtjänst")


ROUTINE_TEXT = """\
kind: document
organisation: solby
id: rutin-avvikelser
title: Rutin för hantering av avvikelser i hemtjänsten
type: routine
programme: hemtjanst
adopted: 2021-05-04
resolves: [ingen-avvikelserutin]
"""


def test_linking_a_routine_adopted_before_the_report_is_its_own_finding(homecare):
    write(homecare, ROUTINE, ROUTINE_TEXT)
    assert located(check(homecare)) == [
        ("G502", "error", ROUTINE, 8, 12,
         "'Rutin för hantering av avvikelser i hemtjänsten' cannot resolve the observation 'ingen-avvikelserutin': "
         "it dates from 2021-05-04, not after the report of 2024-03-15"),
        VACANT,
        *four_open(90)[:3],
        ("G503", "warning", REPORT, 31, 5,
         "the data contradicts the observation 'ingen-avvikelserutin' (written routines): 'Rutin för hantering av "
         "avvikelser i hemtjänsten' dates from 2021-05-04, before the report of 2024-03-15; the data or the "
         "observation is wrong"),
        four_open(90)[3],
    ]


def test_a_routine_adopted_after_the_report_closes_it_until_it_expires(homecare):
    write(homecare, ROUTINE, ROUTINE_TEXT.replace("2021-05-04", "2024-04-16") + "valid_until: 2024-05-31\n")
    run = located(check(homecare))
    assert run[0] == ("G502", "error", ROUTINE, 8, 12,
                      "'Rutin för hantering av avvikelser i hemtjänsten' cannot resolve the observation "
                      "'ingen-avvikelserutin': it is no longer in force on 2024-06-13")
    assert located(check(homecare, as_of="2024-05-31")) == [VACANT, *four_open(77)[:2], four_open(77)[3]]


def test_an_agreement_cannot_remedy_a_missing_routine(homecare):
    write(homecare, ROUTINE, ROUTINE_TEXT.replace("type: routine", "type: agreement").replace("2021-05-04", "2024-04-16"))
    assert located(check(homecare))[0] == (
        "G502", "error", ROUTINE, 8, 12,
        "'Rutin för hantering av avvikelser i hemtjänsten' cannot resolve the observation 'ingen-avvikelserutin': "
        "it is not a routine")


def test_appointing_a_holder_closes_the_vacancy(homecare):
    write(homecare, ROLE, (HOMECARE / ROLE).read_text(encoding="utf-8") + (
        "holders:\n  - {name: Eva Ek, from: 2024-05-02, appointed_by: socialnamnden}\n"
        "resolves: [vakant-kvalitetssamordnare]\n"))
    assert located(check(homecare)) == four_open(90)[:3]


@pytest.mark.parametrize("report", ["report: granskning-hemtjanst-2024\n", ""])  # a round names no report
def test_a_follow_up_grading_the_recommendation_implemented_closes_its_observations(homecare, report):
    write(homecare, "recommendations/solby/2024-hemtjanst/follow-up-2024.yaml", f"""\
kind: follow-up
organisation: solby
id: uppfoljning-2024
{report}date: 2024-06-01
assessor: Revisorerna
assessments:
  - {{recommendation: granskning-hemtjanst-2024-r2, status: implemented}}
""")
    assert located(check(homecare)) == [VACANT, four_open(90)[0], four_open(90)[3]]


def waive_the_first_observation(homecare: Path) -> None:
    report = homecare / REPORT
    report.write_text(report.read_text(encoding="utf-8").replace(
        "    recommendations: [granskning-hemtjanst-2024-r1]\n  - id: ingen-overenskommelse",
        "    recommendations: [granskning-hemtjanst-2024-r1]\n    waivers: [{rule: G501, reason: Målen tas fram i "
        "budgeten 2025., approved_by: socialnamnden, expires: 2025-03-31}]\n  - id: ingen-overenskommelse"),
        encoding="utf-8")


def test_a_waiver_on_the_observation_closes_it(homecare):
    waive_the_first_observation(homecare)
    assert [f[0:4] for f in located(check(homecare))] == [
        ("G206", "error", ROLE, 7), ("G501", "error", REPORT, 24), ("G501", "error", REPORT, 30),
        ("G501", "error", REPORT, 36)]


def test_a_vacancy_without_an_observation_is_a_warning_and_since_long_without_a_date(homecare):
    report = homecare / REPORT
    text = report.read_text(encoding="utf-8")
    report.write_text(text[:text.index("  - id: vakant-kvalitetssamordnare")], encoding="utf-8")
    role = homecare / ROLE
    role.write_text(role.read_text(encoding="utf-8").replace("{since: 2023-09, source:", "{source:"), encoding="utf-8")
    run = check(homecare)
    assert located(run)[0] == ("G206", "warning", ROLE, 7, 1,
                               "the post 'Kvalitetssamordnare' is vacant since long (the source gives no date)")
    assert check(homecare, "--lang", "sv").findings[0]["message"] == (
        "tjänsten 'Kvalitetssamordnare' är vakant sedan länge (källan anger inget datum)")


def test_an_unknown_observation_in_resolves_is_located(homecare):
    write(homecare, ROUTINE, ROUTINE_TEXT.replace("[ingen-avvikelserutin]", "[ingen-avvikelserutn]"))
    run = check(homecare)
    assert run.code == 3
    [finding] = [f for f in run.findings if f["code"] == "X001"]
    assert (finding["file"], finding["line"], finding["column"]) == (ROUTINE, 8, 12)
    assert "ingen-avvikelserutn" in finding["message"]


UNIT_MANAGER = """\
kind: role
organisation: solby
id: enhetschef-hemtjanst
name: Enhetschef i hemtjänsten
programme: hemtjanst
"""


def test_a_line_post_is_regulated_by_the_standing_rules_but_its_holder_is_still_asked_for(homecare):
    write(homecare, "governance/solby/roles/enhetschef.yaml", UNIT_MANAGER + "line_post: true\n")
    assert located(check(homecare))[0] == (
        "G203", "warning", "governance/solby/roles/enhetschef.yaml", 1, 1,
        "no one is recorded as holding the role 'Enhetschef i hemtjänsten'")
    assert [f[0] for f in located(check(homecare))] == ["G203", "G206", "G501", "G501", "G501", "G501"]


def test_a_programme_role_that_nothing_regulates_is_still_reported(homecare):
    write(homecare, "governance/solby/roles/enhetschef.yaml", UNIT_MANAGER)
    assert [f[0] for f in located(check(homecare))] == ["G203", "G204", "G206", "G501", "G501", "G501", "G501"]


def observation_rows(stdout: str, heading: str, beyond: str) -> list[str]:
    """The lines of the gaps report from the observations' heading up to the gaps beyond them."""
    lines = stdout.splitlines()
    start = lines.index(heading)
    return lines[start:lines.index(beyond)]


def test_the_gaps_report_starts_with_the_observations_of_each_audit():
    run = run_process("report", "gaps", str(HOMECARE), "--as-of", AS_OF, "--lang", "sv")
    assert run.code == 0
    lines = run.stdout.splitlines()
    assert lines.index("## Solby kommun") < lines.index("### Granskningarnas iakttagelser")
    rows = observation_rows(run.stdout, "### Granskningarnas iakttagelser",
                            "Brister som uppgifterna visar utöver iakttagelserna:")
    assert rows[2] == "**Granskning av hemtjänsten** (2024-03-15): 4 av 4 iakttagelser är fortfarande öppna."
    assert rows[4] == "| Iakttagelse | Vad revisorerna fann | Gjort sedan dess | Status |"
    assert rows[6] == (
        "| `inga-matbara-mal` (avsnitt 3\\.1)<br>mätbara mål, gäller Hemtjänst | ”Det saknas mätbara mål för "
        "hemtjänsten.” | *inget registrerat* | 🔴 öppen i 90 dagar (`G501`)<br>"
        f"[{REPORT}:17]({REPORT}#L17) |")
    assert len([row for row in rows if "🔴 öppen i 90 dagar (`G501`)" in row]) == 4
    # each open observation is in the table, not listed again among the gaps beyond them
    assert [line[:8] for line in lines if line.startswith("| `G")] == ["| `G206`"]


RESPONSE = """\
kind: response
organisation: solby
id: svar-hemtjanst-2024
report: granskning-hemtjanst-2024
decided_by: socialnamnden
date: 2024-05-20
decision: SN § 45
actions:
  - id: svar-hemtjanst-2024-a1
    recommendations: [granskning-hemtjanst-2024-r1]
    text: Rekrytera en kvalitetssamordnare.
    owner: kvalitetssamordnare
    due: 2024-06-10
    status: in-progress
"""


R2_IMPLEMENTED = """\
kind: follow-up
organisation: solby
id: uppfoljning-2024
date: 2024-06-01
assessor: Revisorerna
assessments:
  - {recommendation: granskning-hemtjanst-2024-r2, status: implemented}
"""
"""A follow-up round grading the second recommendation implemented (naming no report)."""


def test_the_gaps_report_says_what_has_been_done_since_and_what_closed_each_observation(homecare):
    write(homecare, GOAL, MEASURABLE_GOAL.format(adopted="2024-05-21"))
    write(homecare, "governance/solby/indicators/personalkontinuitet.yaml", INDICATOR)
    write(homecare, ROUTINE, ROUTINE_TEXT)
    write(homecare, "recommendations/solby/2024-hemtjanst/response.yaml", RESPONSE)
    write(homecare, "recommendations/solby/2024-hemtjanst/follow-up-2024.yaml", R2_IMPLEMENTED)
    run = run_process("report", "gaps", str(homecare), "--as-of", AS_OF)
    assert run.code == 0
    rows = observation_rows(run.stdout, "### Observations of the audits", "The gaps the data shows beyond the "
                                                                          "observations:")
    action = ("• action svar-hemtjanst-2024-a1: Rekrytera en kvalitetssamordnare. (due 2024-06-10; in progress, "
              "**overdue**)")
    assert rows[2] == "**Granskning av hemtjänsten** (2024-03-15): 1 of 4 observations still open."
    assert rows[6:10] == [
        "| `inga-matbara-mal` (section 3\\.1)<br>measurable targets, about Hemtjänst | “Det saknas mätbara mål för "
        f"hemtjänsten.” | {action} | ✅ remedied by goal 'Brukarna ska få en hemtjänst av god kvalitet.' (2024-05-21)<br>"
        f"[{REPORT}:17]({REPORT}#L17) |",
        "| `ingen-overenskommelse-privata-utforare` (section 3\\.2)<br>agreements with other parties, about "
        "Hemtjänst | “Det finns inga överenskommelser med de privata utförarna.” | *nothing recorded* | ✅ "
        "recommendation granskning-hemtjanst-2024-r2 graded implemented in the follow-up uppfoljning-2024 "
        f"(2024-06-01)<br>[{REPORT}:23]({REPORT}#L23) |",
        "| `ingen-avvikelserutin` (section 3\\.3)<br>written routines, about Hemtjänst | “Det saknas en skriftlig "
        "rutin för hantering av avvikelser.” | • governing document 'Rutin för hantering av avvikelser i hemtjänsten' is "
        "linked but cannot resolve it: it dates from 2021-05-04, not after the report of 2024-03-15 | ✅ "
        "recommendation granskning-hemtjanst-2024-r2 graded implemented in the follow-up uppfoljning-2024 "
        f"(2024-06-01)<br>[{REPORT}:29]({REPORT}#L29) |",
        "| `vakant-kvalitetssamordnare` (section 3\\.4)<br>staffing, about Kvalitetssamordnare | “Tjänsten som "
        f"kvalitetssamordnare har varit vakant sedan september 2023.” | {action} | 🔴 open for 90 days (`G501`)<br>"
        f"[{REPORT}:35]({REPORT}#L35) |",
    ]
    swedish = run_process("report", "gaps", str(homecare), "--as-of", AS_OF, "--lang", "sv").stdout
    assert ("| • 'Rutin för hantering av avvikelser i hemtjänsten' (styrdokument) hänvisar till iakttagelsen men kan "
            "inte åtgärda den: den är från 2021-05-04, inte efter rapporten den 2024-03-15 | ✅ rekommendationen "
            "granskning-hemtjanst-2024-r2 bedömd som åtgärdad i uppföljningen uppfoljning-2024 (2024-06-01)<br>"
            ) in swedish


def test_a_board_that_does_not_agree_is_shown_beside_the_observations_its_recommendation_addresses(homecare):
    write(homecare, "recommendations/solby/2024-hemtjanst/response.yaml", RESPONSE.replace(
        "decision: SN § 45\n", "decision: SN § 45\npositions:\n  - recommendation: granskning-hemtjanst-2024-r2\n"
        "    stance: disagree\n    reason: Avvikelser hanteras redan i verksamhetssystemet.\n"))
    run = run_process("report", "gaps", str(homecare), "--as-of", AS_OF, "--lang", "sv")
    rows = observation_rows(run.stdout, "### Granskningarnas iakttagelser",
                            "Brister som uppgifterna visar utöver iakttagelserna:")
    assert [row.split(" | ")[2] for row in rows[6:10]] == [
        "• åtgärd svar-hemtjanst-2024-a1: Rekrytera en kvalitetssamordnare. (klart senast 2024-06-10; pågår, "
        "**försenad**)",
        "• Socialnämnden instämmer inte: Avvikelser hanteras redan i verksamhetssystemet.",
        "• Socialnämnden instämmer inte: Avvikelser hanteras redan i verksamhetssystemet.",
        "• åtgärd svar-hemtjanst-2024-a1: Rekrytera en kvalitetssamordnare. (klart senast 2024-06-10; pågår, "
        "**försenad**)",
    ]


def test_the_gaps_report_shows_a_waived_observation_with_its_reason(homecare):
    waive_the_first_observation(homecare)
    run = run_process("report", "gaps", str(homecare), "--as-of", AS_OF, "--lang", "sv")
    rows = observation_rows(run.stdout, "### Granskningarnas iakttagelser",
                            "Brister som uppgifterna visar utöver iakttagelserna:")
    assert rows[2] == "**Granskning av hemtjänsten** (2024-03-15): 3 av 4 iakttagelser är fortfarande öppna."
    assert rows[6].endswith("| *inget registrerat* | ⚪ undantagen till 2025-03-31: Målen tas fram i budgeten 2025."
                            f"<br>[{REPORT}:17]({REPORT}#L17) |")


def test_the_ci_job_summary_leads_with_the_observations(tmp_path):
    summary = tmp_path / "summary.md"
    run = run_process("check", str(HOMECARE), "--format", "github", "--as-of", AS_OF,
                      env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert run.code == 1
    text = summary.read_text(encoding="utf-8")
    assert "**Granskning av hemtjänsten** (2024-03-15): 4 of 4 observations still open." in text.splitlines()
    assert text.index("### Observations of the audits") < text.index("The gaps the data shows beyond")


def test_the_governance_report_shows_the_vacancy(homecare):
    run = run_process("report", "governance", str(HOMECARE), "--as-of", AS_OF, "--lang", "sv")
    assert ("| Kvalitetssamordnare | – | **vakant sedan 2023-09** | ordinarie organisation (inget programuppdrag "
            "krävs) |") in run.stdout.splitlines()
    role = homecare / ROLE
    role.write_text(role.read_text(encoding="utf-8").replace("{since: 2023-09, source:", "{source:")
                    + "holders:\n  - {name: Eva Ek, until: 2023-08-31}\n", encoding="utf-8")
    run = run_process("report", "governance", str(homecare), "--as-of", AS_OF)
    assert ("| Kvalitetssamordnare | – | Eva Ek (until 2023-08-31)<br>**vacant since long** | ordinary organisation "
            "(no programme mandate needed) |") in run.stdout.splitlines()


def test_responsibility_between_standing_bodies_is_closed_by_a_reglemente_without_a_programme_start(homecare):
    """Item 4: which board is responsible for what is a regulated topic; no programme and no start date needed."""
    write(homecare, "governance/solby/bodies/socialforvaltningen.yaml", """\
kind: body
organisation: solby
id: socialforvaltningen
name: Socialförvaltningen
type: administration
parent: socialnamnden
""")
    report = homecare / REPORT
    report.write_text(report.read_text(encoding="utf-8") + """\
  - id: oklar-ansvarsfordelning
    about: socialnamnden
    category: responsibility-split
    text: Det är inte reglerat vilken nämnd som ansvarar för hemtjänstens avtal med privata utförare.
    section: "3.5"
""", encoding="utf-8")
    reglemente = """\
kind: document
organisation: solby
id: reglemente-socialnamnden
title: Reglemente för socialnämnden
type: {type}
adopted: 2024-05-28
bodies: [socialnamnden, socialforvaltningen]
regulates: [{regulates}]
resolves: [oklar-ansvarsfordelning]
"""
    path = "governance/solby/documents/reglemente-socialnamnden.yaml"
    write(homecare, path, reglemente.format(type="delegation-order", regulates="budget"))
    found = located(check(homecare))
    assert found[0] == (
        "G502", "error", path, 9, 12,
        "'Reglemente för socialnämnden' cannot resolve the observation 'oklar-ansvarsfordelning': it does not "
        "regulate the responsibility between bodies (a reglemente, delegation order, agreement or mandate with "
        "regulates: [responsibility-split])")
    assert found[-1][:4] == ("G501", "error", REPORT, 41)
    write(homecare, path, reglemente.format(type="reglemente", regulates="responsibility-split"))
    assert located(check(homecare)) == [VACANT, *four_open(90)]


def test_check_s_text_leads_with_the_auditors_observations():
    """In file order the vacancy (governance/) would come first; what the auditors found leads instead."""
    run = run_process("check", str(HOMECARE), "--as-of", AS_OF)
    lines = run.stdout.splitlines()
    assert lines[-1] == "5 errors, 0 warnings, 0 info in 5 files (as of 2024-06-13)"
    assert [line.split("  ")[1] for line in lines[:-1] if not line.startswith("    help:")] == ["G501"] * 4 + ["G206"]
    assert run.stdout.splitlines()[0] == (
        f"{REPORT}:17:5  G501  error  the observation 'inga-matbara-mal' of '{TITLE}' (2024-03-15, section 3.1) is "
        "still open after 90 days: measurable targets, about 'Hemtjänst': “Det saknas mätbara mål för hemtjänsten.”")


def test_the_job_summary_s_limit_bounds_the_observation_tables_too(homecare):
    """Closed observations are rows as well: the limit counts them, so a summary's size stays bounded."""
    from datetime import date

    from auditrack.commands.check import gap_check
    from auditrack.config import Config
    from auditrack.reports import render

    write(homecare, "recommendations/solby/2024-hemtjanst/follow-up-2024.yaml", R2_IMPLEMENTED)
    result = gap_check(homecare, Config(), date(2024, 6, 13))
    text = render("gaps", result, lang="en", limit=2, summary=True)
    rows = [line for line in text.splitlines() if line.startswith("| `") and "(section 3" in line]
    assert [row.split("`")[1] for row in rows] == ["inga-matbara-mal", "ingen-overenskommelse-privata-utforare"]
    assert "… and 2 more. Run `auditrack check` to see them all." in text.splitlines()
