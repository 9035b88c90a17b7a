"""The seventeen gaps the two audits found: each is caught on the seed data, and not on a remediated copy.

Each gap names the rule that catches it, the file it is reported in, and a
remediation: the smallest change to a copy of the data that closes the gap.
The check runs as of the report's date and as of 2026-11-24.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import pytest
import yaml

from auditrack.config import Config
from auditrack.engine import run_check

ROOT = Path(__file__).resolve().parents[1]
LUDVIKA_REPORT = date(2022, 3, 15)
BRACKE_REPORT = date(2023, 3, 24)
LATER = date(2026, 11, 24)
LG = "governance/ludvika"
BG = "governance/bracke"


def edit(root: Path, rel: str, change: Callable[[dict], None]) -> None:
    """Load a data file, change it, write it back (with its schema line)."""
    path = root / rel
    head = path.read_text(encoding="utf-8").splitlines()[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(head + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def add(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def each(root: Path, folder: str, change: Callable[[dict], None]) -> None:
    for path in sorted((root / folder).glob("*.yaml")):
        edit(root, str(path.relative_to(root)), change)


# ----------------------------------------------------------------------------- remediations

def sub_goal(data: dict) -> None:
    data["sub_goals"] = [{
        "id": f"{data['id']}-delmal",
        "text": "Mätbart delmål.",
        "indicator": "mottagare-ekonomiskt-bistand" if data["organisation"] == "ludvika" else "ame-annan-forsorjning",
        "targets": [{"value": 100, "unit": "personer", "period": "2030"}],
    }]


def follow_ups(data: dict) -> None:
    data["follow_ups"] = [
        {"date": f"{y + 1}-02-01", "period": str(y), "value": 90, "reached": False, "text": "Uppföljning av målvärdet."}
        for y in (2018, 2019, 2020)
    ]


def economic_target(data: dict) -> None:
    data["targets"] = [{"value": 5, "unit": "mnkr", "period": "2030"}]


SUCCESSOR = """\
kind: mandate
organisation: ludvika
id: uppdragsbeskrivning-2022
title: Uppdragsbeskrivning från 2022-04-01
type: mandate-description
programme: ludvikamodellen
adopted: 2022-03-22
valid_from: 2022-04-01
supersedes: [uppdragsbeskrivning-2021]
regulates: [roles, responsibilities, bodies]
"""

START_MANDATE = """\
kind: mandate
organisation: ludvika
id: uppstart-2018
title: Roller och ansvar vid starten
type: mandate-description
programme: ludvikamodellen
adopted: 2018-06-26
valid_until: 2020-10-31
regulates: [roles, responsibilities]
"""


def second_report_2021(data: dict) -> None:
    data["reports"].append({"date": "2021-10-19", "covered": ["effects"]})


def effects_covered(data: dict) -> None:
    for report in data["reports"]:
        if report.get("covered") and "effects" not in report["covered"]:
            report["covered"].append("effects")


def link_goal(data: dict) -> None:
    data["goals"] = ["overgripande-mal" if data["organisation"] == "ludvika" else "solaris-egen-forsorjning"]


def evaluation_done(data: dict) -> None:
    data["done"] = "2023-06"
    data["result"] = "Utvärderingen är genomförd."


def minutes_kept(data: dict) -> None:
    data["minutes"] = {"kept": True, "type": "minnesanteckningar"}


FOLLOW_UP_DOCUMENT = """\
kind: document
organisation: ludvika
id: uppfoljningsplan
title: Plan för uppföljning av samverkansarbetet
type: process-plan
programme: ludvikamodellen
adopted: 2019-01-15
regulates: [follow-up-content, follow-up-method, follow-up-timing]
"""


def evidence(data: dict) -> None:
    data["evidence_base"] = {"research_used": True, "references": ["Forskningsöversikt om kommunal arbetsmarknadspolitik"]}


def analysed(data: dict) -> None:
    if data.get("measurements"):
        data["analyses"] = [{"date": "2023-02-01", "text": "Analys av måtten och vad som följer av dem."}]


def participants(data: dict) -> None:
    data["participants"] = [{"period": "2022", "count": 3}]


BRACKE_RESPONSE = """\
kind: response
organisation: bracke
id: svar-sjalvforsorjning
report: kpmg-2023-sjalvforsorjning
decided_by: kf-presidium
date: 2023-06-13
decision: KF-presidiet 2023-06-13 § 1
actions:
  - id: atgard-1
    recommendations: [kpmg-2023-sjalvforsorjning-r1, kpmg-2023-sjalvforsorjning-r2]
    text: Åtgärd.
    owner: arbetsmarknadskoordinator
    due: 2030-12-31
"""


@dataclass(frozen=True)
class Gap:
    name: str
    code: str
    file: str
    as_of: date
    remediate: Callable[[Path], None]
    contains: str = ""
    """A part of the message that singles out this gap where the rule reports several."""
    observation: str | None = None
    """The auditors' observation in the report that this gap restates (issue 15)."""

    def __str__(self) -> str:
        return self.name


GAPS = [
    Gap("ludvika-1 goal not broken down", "G101", f"{LG}/goals/overgripande-mal.yaml", LUDVIKA_REPORT,
        lambda r: edit(r, f"{LG}/goals/overgripande-mal.yaml", sub_goal), observation="kpmg-2022-ludvikamodellen-o1"),
    Gap("ludvika-2 targets not followed up", "G103", f"{LG}/goals/overgripande-mal.yaml", LUDVIKA_REPORT,
        lambda r: edit(r, f"{LG}/goals/overgripande-mal.yaml", follow_ups), observation="kpmg-2022-ludvikamodellen-o2"),
    Gap("ludvika-3 no economic target", "G104", f"{LG}/goals/ekonomiskt-mal.yaml", LUDVIKA_REPORT,
        lambda r: edit(r, f"{LG}/goals/ekonomiskt-mal.yaml", economic_target), observation="kpmg-2022-ludvikamodellen-o3"),
    Gap("ludvika-4 mandate lapses 2022-03-31", "G201", f"{LG}/mandates/uppdragsbeskrivning-2021.yaml", LUDVIKA_REPORT,
        lambda r: add(r, f"{LG}/mandates/uppdragsbeskrivning-2022.yaml", SUCCESSOR), observation="kpmg-2022-ludvikamodellen-o4"),
    Gap("ludvika-5 no mandate at the start", "G202", f"{LG}/programmes/ludvikamodellen.yaml", LUDVIKA_REPORT,
        lambda r: add(r, f"{LG}/mandates/uppstart-2018.yaml", START_MANDATE), observation="kpmg-2022-ludvikamodellen-o5"),
    Gap("ludvika-6 one report in 2021", "G301", f"{LG}/reporting/aterrapportering-kommunstyrelsen.yaml", LUDVIKA_REPORT,
        lambda r: edit(r, f"{LG}/reporting/aterrapportering-kommunstyrelsen.yaml", second_report_2021), "2021 had 1", observation="kpmg-2022-ludvikamodellen-o6"),
    Gap("ludvika-7 reports without effects", "G302", f"{LG}/reporting/aterrapportering-kommunstyrelsen.yaml", LUDVIKA_REPORT,
        lambda r: edit(r, f"{LG}/reporting/aterrapportering-kommunstyrelsen.yaml", effects_covered), observation="kpmg-2022-ludvikamodellen-o7"),
    # G105 and G106 restate an open observation of analysis, so they are one finding under it (issue 15)
    Gap("ludvika-8 statistics not linked to goals", "G105", "recommendations/ludvika/2022-ludvikamodellen/report.yaml", LUDVIKA_REPORT,
        lambda r: each(r, f"{LG}/indicators", link_goal), observation="kpmg-2022-ludvikamodellen-o8"),
    Gap("ludvika-9 no evaluation", "G401", f"{LG}/evaluations/utvardering-samverkansarbetet.yaml", LUDVIKA_REPORT,
        lambda r: edit(r, f"{LG}/evaluations/utvardering-samverkansarbetet.yaml", evaluation_done), observation="kpmg-2022-ludvikamodellen-o9"),
    Gap("ludvika-10 steering group kept no minutes", "G205", f"{LG}/bodies/politisk-styrgrupp.yaml", LUDVIKA_REPORT,
        lambda r: edit(r, f"{LG}/bodies/politisk-styrgrupp.yaml", minutes_kept), observation="kpmg-2022-ludvikamodellen-o10"),
    Gap("ludvika-11 follow-up unregulated", "G303", f"{LG}/programmes/ludvikamodellen.yaml", LUDVIKA_REPORT,
        lambda r: add(r, f"{LG}/documents/uppfoljningsplan.yaml", FOLLOW_UP_DOCUMENT), observation="kpmg-2022-ludvikamodellen-o11"),
    Gap("ludvika-12 methods without research", "G403", f"{LG}/programmes/ludvikamodellen.yaml", LUDVIKA_REPORT,
        lambda r: edit(r, f"{LG}/programmes/ludvikamodellen.yaml", evidence), observation="kpmg-2022-ludvikamodellen-o12"),
    Gap("bracke-1 measures not analysed", "G106", "recommendations/bracke/2023-sjalvforsorjning/report.yaml", BRACKE_REPORT,
        lambda r: each(r, f"{BG}/indicators", analysed), observation="kpmg-2023-sjalvforsorjning-o1"),
    Gap("bracke-2 no participants per intervention", "G402", f"{BG}/interventions/praktik.yaml", BRACKE_REPORT,
        lambda r: each(r, f"{BG}/interventions", participants), observation="kpmg-2023-sjalvforsorjning-o2"),
    Gap("bracke-3 interventions not evaluated", "G401", f"{BG}/evaluations/effekt-och-kostnadseffektivitet.yaml", BRACKE_REPORT,
        lambda r: edit(r, f"{BG}/evaluations/effekt-och-kostnadseffektivitet.yaml", evaluation_done), observation="kpmg-2023-sjalvforsorjning-o3"),
    Gap("bracke-4 participant goals without targets", "G101", f"{BG}/goals/solaris-egen-forsorjning.yaml", BRACKE_REPORT,
        lambda r: each(r, f"{BG}/goals", sub_goal), observation="kpmg-2023-sjalvforsorjning-o4"),
    Gap("bracke-5 response requested", "R101", "recommendations/bracke/2023-sjalvforsorjning/report.yaml", BRACKE_REPORT,
        lambda r: add(r, "recommendations/bracke/2023-sjalvforsorjning/response.yaml", BRACKE_RESPONSE)),
]


def _findings(root: Path, as_of: date):
    result = run_check(root, Config(), as_of)
    assert not [f for f in result.findings if f.code[0] in "YSX"], "the data must load cleanly"
    return result.findings


@pytest.fixture(scope="module")
def seed_findings():
    return {as_of: _findings(ROOT, as_of) for as_of in (LUDVIKA_REPORT, BRACKE_REPORT, LATER)}


def _matching(findings, gap: Gap):
    return [f for f in findings if f.code == gap.code and f.location.file == gap.file and gap.contains in f.message]


def test_there_are_seventeen_gaps():
    assert len(GAPS) == 17
    assert len({g.name for g in GAPS}) == 17


@pytest.mark.parametrize("gap", GAPS, ids=str)
@pytest.mark.parametrize("when", ["report date", "2026"])
def test_gap_is_found_on_the_seed_data(seed_findings, gap, when):
    as_of = gap.as_of if when == "report date" else LATER
    found = _matching(seed_findings[as_of], gap)
    assert found, f"{gap.code} did not fire on {gap.file} as of {as_of}"
    for finding in found:
        assert finding.location.line > 1 and finding.location.column >= 1
        assert finding.subject, "the finding names the record"
        assert finding.hint, "the finding says what to do"


@pytest.fixture
def data_copy(tmp_path):
    for folder in ("recommendations", "governance"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


@pytest.mark.parametrize("gap", GAPS, ids=str)
def test_remediated_gap_is_silent(data_copy, gap):
    gap.remediate(data_copy)
    for as_of in (gap.as_of, LATER):
        assert _matching(_findings(data_copy, as_of), gap) == [], f"{gap.code} still fires as of {as_of}"


def test_mandate_lapse_is_a_warning_before_and_an_error_after(seed_findings):
    gap = next(g for g in GAPS if g.code == "G201")
    [before] = _matching(seed_findings[LUDVIKA_REPORT], gap)
    [after] = _matching(seed_findings[LATER], gap)
    assert before.severity.value == "warning"
    assert after.severity.value == "error"
    assert before.message.startswith(
        "the mandate 'Uppdragsbeskrivning för samverkansmodellen, reviderad 2021-08-30' lapses on 2022-03-31 (in 16 days) "
        "with no successor; after that nothing regulates purpose, goals, roles, responsibilities, bodies")
    assert after.message.startswith(
        "the mandate 'Uppdragsbeskrivning för samverkansmodellen, reviderad 2021-08-30' lapsed on 2022-03-31 with no successor")


def test_exact_messages_for_ludvika_as_of_the_report(seed_findings):
    found = {(f.code, f.location.file, f.location.line, f.message) for f in seed_findings[LUDVIKA_REPORT]
             if f.organisation == "ludvika"}
    assert ("G202", f"{LG}/programmes/ludvikamodellen.yaml", 13,
            "no mandate regulated roles and responsibilities for 'Vägen till egen försörjning' from 2018-06 to 2020-09-30") in found
    assert ("G301", f"{LG}/reporting/aterrapportering-kommunstyrelsen.yaml", 10,
            "'Återrapportering till kommunstyrelsen om samverkansmodellen' requires 2 reports a year to Kommunstyrelsen; "
            "2021 had 1 (expected 2)") in found
    assert ("G103", f"{LG}/goals/overgripande-mal.yaml", 17,
            "the target of 120 medborgare for 2019 on goal 'overgripande-mal' ended 2019-12-31 with no measurement or follow-up") in found


def test_fully_remediated_copy_reports_none_of_the_seventeen(data_copy):
    for gap in GAPS:
        gap.remediate(data_copy)
    for as_of in (LUDVIKA_REPORT, BRACKE_REPORT, LATER):
        findings = _findings(data_copy, as_of)
        still = [gap.name for gap in GAPS if _matching(findings, gap)]
        assert still == [], f"as of {as_of}"


REPORTS = {"ludvika": "kpmg-2022-ludvikamodellen", "bracke": "kpmg-2023-sjalvforsorjning"}


@pytest.mark.parametrize("gap", [g for g in GAPS if g.observation], ids=str)
def test_gap_is_an_observation_of_its_report_and_open(seed_findings, gap):
    """Sixteen of the seventeen gaps are what the auditors observed; the seventeenth (bracke-5) is the cover
    letter's request for a response, which R101 tracks."""
    organisation = gap.name.split("-")[0]
    report = f"recommendations/{organisation}/" + ("2022-ludvikamodellen" if organisation == "ludvika"
                                                    else "2023-sjalvforsorjning") + "/report.yaml"
    observations = {o["id"]: o for o in yaml.safe_load((ROOT / report).read_text(encoding="utf-8"))["observations"]}
    assert gap.observation.startswith(REPORTS[organisation]) and gap.observation in observations
    [open_finding] = [f for f in seed_findings[gap.as_of] if f.code == "G501" and f.subject == gap.observation]
    assert open_finding.location.file == report
    assert open_finding.message.startswith(f"the observation '{gap.observation}' of '")
    assert f"section {observations[gap.observation]['section']}) is still open after 0 days" in open_finding.message


def test_every_observation_of_the_seeds_is_one_of_the_gaps():
    tied = {g.observation for g in GAPS if g.observation}
    assert len(tied) == 16
    for organisation, folder in (("ludvika", "2022-ludvikamodellen"), ("bracke", "2023-sjalvforsorjning")):
        data = yaml.safe_load((ROOT / f"recommendations/{organisation}/{folder}/report.yaml").read_text(encoding="utf-8"))
        assert {o["id"] for o in data["observations"]} <= tied


def test_what_the_bracke_auditors_did_not_find_is_not_a_gap(seed_findings):
    """Bräcke's auditors found governing documents and follow-up at both levels and said nothing of research:
    the data leaves evidence_base out and records no follow-up regulation, which is silence, not a gap."""
    for as_of in (BRACKE_REPORT, LATER):
        assert [f.code for f in seed_findings[as_of]
                if f.location.file == f"{BG}/programmes/solaris.yaml" and f.code in ("G303", "G403")] == []


def test_findings_that_restate_an_observation_are_grouped_under_it(seed_findings):
    """G105 and G106 fired 36 times on Bräcke's data; the indicators of the Solaris work are now one finding each
    under the auditors' observation, and only the municipality-wide statistics keep their own warnings."""
    bracke = [f for f in seed_findings[BRACKE_REPORT] if f.organisation == "bracke" and f.code in ("G105", "G106")]
    assert [(f.code, f.location.file, f.location.line, f.severity.value) for f in bracke] == [
        ("G105", f"{BG}/indicators/arbetsloshet-18-64.yaml", 5, "warning"),
        ("G106", f"{BG}/indicators/arbetsloshet-18-64.yaml", 14, "warning"),
        ("G105", f"{BG}/indicators/ekonomiskt-bistand-hushall.yaml", 5, "warning"),
        ("G105", f"{BG}/indicators/ekonomiskt-bistand-kostnader.yaml", 5, "warning"),
        ("G105", "recommendations/bracke/2023-sjalvforsorjning/report.yaml", 144, "warning"),
        ("G106", "recommendations/bracke/2023-sjalvforsorjning/report.yaml", 144, "warning"),
    ]
    assert bracke[-1].message == (
        "indicators with measurements but no analysis of them, grouped under the open observation "
        "'kpmg-2023-sjalvforsorjning-o1' (analysis of figures): ame-annan-forsorjning, ame-personer-stod, "
        "bosattning-kvot-deltagare, feriepraktik-deltagare, kaa-deltagare, matchningskoordinator-deltagare, "
        "projekt-14-45-87-deltagare, rad-och-stod-besok, samsam-deltagare, servicegruppen-deltagare, 1 more")
    assert bracke[-1].translations["sv"][0] == (
        "nyckeltal med mätvärden men ingen analys av dem, samlade under den öppna iakttagelsen "
        "'kpmg-2023-sjalvforsorjning-o1' (analys av nyckeltal): ame-annan-forsorjning, ame-personer-stod, "
        "bosattning-kvot-deltagare, feriepraktik-deltagare, kaa-deltagare, matchningskoordinator-deltagare, "
        "projekt-14-45-87-deltagare, rad-och-stod-besok, samsam-deltagare, servicegruppen-deltagare, 1 till")
