"""The Bräcke seed: KPMG's audit of the work with self-sufficiency (2023-03-24), encoded as data.

These tests pin the facts the report gives, and the gaps it names, so that an edit
to the data or to the schemas cannot silently lose them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditrack.config import Config
from auditrack.engine import load_repository

ORG = "bracke"
REPORT = "kpmg-2023-sjalvforsorjning"

# "Sammanställning av insatser" (3.4), in the report's order.
LISTED_INTERVENTIONS = [
    "Kartläggning",
    "Motiverande samtal",
    "Coachning",
    "Handledning kring arbetsmarknad och studier",
    "Intervjuträning",
    "Skriva CV och personligt brev",
    "Digitalt stöd",
    "Råd och stöd",
    "Praktik",
    "Arbetsträning",
    "Förstärkt arbetsträning (FAT)",
    "Språkpraktik",
    "Anpassad, subventionerad anställning vid AME",
    "Anpassad, subventionerad anställning internt hos annan arbetsgivare/externt",
]


@pytest.fixture(scope="module")
def result():
    return load_repository(Path(__file__).parents[1], Config())


@pytest.fixture(scope="module")
def index(result):
    return result.index


@pytest.fixture(scope="module")
def report(index):
    report = index.get(ORG, REPORT, "audit-report")
    assert report is not None, f"the audit report '{REPORT}' is missing"
    return report


def _indicator(index, id_):
    indicator = index.get(ORG, id_, "indicator")
    assert indicator is not None, f"the indicator '{id_}' is missing"
    return indicator


def _values(indicator) -> dict[str, float | None]:
    return {str(m.period): m.value for m in indicator.measurements}


def test_bracke_files_have_no_data_errors(result):
    problems = [
        f"{f.code} {f.location}: {f.message}"
        for f in result.findings
        if f.code[:1] in {"Y", "S", "X"}
        and (f.location.file.startswith(("governance/bracke/", "recommendations/bracke/")) or f.organisation == ORG)
    ]
    assert problems == []


def test_every_bracke_file_points_at_its_schema(result):
    root = Path(__file__).parents[1]
    for loaded, top in result.documents:
        if not loaded.path.startswith(("governance/bracke/", "recommendations/bracke/")):
            continue
        first = (root / loaded.path).read_text(encoding="utf-8").splitlines()[0]
        depth = loaded.path.count("/")
        assert first == f"# yaml-language-server: $schema={'../' * depth}schemas/{top.kind}.json", loaded.path


def test_report_metadata(report):
    assert report.title == "Granskning av arbetet med självförsörjning"
    assert report.audit_firm == "KPMG AB"
    assert str(report.date) == "2023-03-24"
    assert report.audit_plan_year == 2022
    assert report.addressees == ["kommunstyrelsen"]
    assert [(p.name, p.title) for p in report.auditors] == [
        ("Kristin Larsson", "Kommunal revisor"),
        ("Mikael Lindberg", "Certifierad kommunal revisor"),
        ("Lena Medin", "Certifierad kommunal revisor"),
    ]
    assert "Kommunallagen (2017:725) 6 kap. 6 §" in report.criteria
    # The report grades neither its purpose nor its questions.
    assert report.overall_verdict is not None and report.overall_verdict.grade is None


def test_two_recommendations_with_their_sections(report):
    assert [(r.id, r.section) for r in report.recommendations] == [
        (f"{REPORT}-r1", "3.4.1"),
        (f"{REPORT}-r2", "3.5.1"),
    ]
    assert report.recommendations[0].text.startswith("att säkerställa att insatser vidareutvecklas")
    assert report.recommendations[1].text.startswith("att utveckla arbetet med att analysera och utvärdera")


def test_three_revision_questions_each_with_one_sub_question(report):
    assert len(report.questions) == 3
    for question in report.questions:
        assert len(question.sub_questions) == 1
        assert question.assessment
        assert question.verdict is None
        assert question.sub_questions[0].verdict is None


def test_response_requested_from_the_council_presidium(report, index):
    request = report.response_request
    assert request is not None
    assert str(request.requested_on) == "2023-04-20"
    assert request.requested_from == ["kf-presidium"]
    assert report.cover_letter.addressed_to == ["kf-presidium"]
    assert request.due is None  # the cover letter gives no date
    letter = report.cover_letter
    assert str(letter.date) == "2023-04-20"
    assert [p.name for p in letter.signed_by] == ["Göran Näslund", "Sven-Åke Draxten"]
    assert index.get(ORG, "kf-presidium", "body").type == "presidium"
    assert index.records("response", ORG) == []  # no response is recorded in the report


def test_ame_activity_measures(index):
    assert _values(_indicator(index, "ame-personer-stod")) == {"2021": 148, "2022": 159}
    assert _values(_indicator(index, "ame-annan-forsorjning")) == {"2021": 45, "2022": 74}


def test_unemployment_from_kolada(index):
    unemployment = _indicator(index, "arbetsloshet-18-64")
    assert unemployment.kolada_id == "N03920"
    assert unemployment.unit == "procent"
    assert _values(unemployment) == {"2022": 5}


def test_samsam_participants_2022(index):
    assert _values(_indicator(index, "samsam-deltagare"))["2022"] == 24
    samsam = index.get(ORG, "samsam-samordnad-insats", "intervention")
    counts = {str(p.period): p.count for p in samsam.participants}
    assert counts["2022"] == 24


def test_measures_named_without_figures_have_no_value(index):
    for id_ in ("kaa-deltagare", "matchningskoordinator-deltagare", "servicegruppen-deltagare", "rad-och-stod-besok",
                "ukraina-deltagare", "bosattning-kvot-deltagare", "feriepraktik-deltagare", "projekt-14-45-87-deltagare"):
        indicator = _indicator(index, id_)
        assert indicator.measurements, id_
        assert all(m.value is None for m in indicator.measurements), id_


def test_no_analyses_and_no_goal_links_on_any_indicator(index):
    indicators = index.records("indicator", ORG)
    assert indicators
    for indicator in indicators:
        assert indicator.analyses == [], indicator.id
        assert indicator.goals == [], indicator.id


def test_fourteen_listed_interventions_without_participant_counts(index):
    by_name = {i.name: i for i in index.records("intervention", ORG)}
    for name in LISTED_INTERVENTIONS:
        assert name in by_name, name
        assert by_name[name].participants == [], name
    assert by_name["Förstärkt arbetsträning (FAT)"].capacity == 5


def test_solaris_goals_have_no_targets(index):
    goals = index.records("goal", ORG)
    assert sorted(g.text for g in goals) == [
        "Arbeta till 100 % av sin förmåga", "Få en egen försörjning", "Närma sig arbetsmarknaden",
    ]
    for goal in goals:
        assert (goal.level, goal.type, goal.programme) == ("overall", "participant", "solaris")
        assert goal.targets == [] and goal.indicator is None and goal.sub_goals == []
    programme = index.get(ORG, "solaris", "programme")
    assert len(programme.process_steps) == 5
    assert programme.evidence_base is None


def test_required_evaluation_not_done(index):
    evaluation = index.get(ORG, "effekt-och-kostnadseffektivitet", "evaluation")
    assert evaluation.required is True
    assert evaluation.required_by == [f"{REPORT}-r1"]
    assert evaluation.done is None
