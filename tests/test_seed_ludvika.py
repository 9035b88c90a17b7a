"""The Ludvika seed: KPMG's audit of Ludvikamodellen (2022-03-15), encoded as the municipality would keep it.

These tests read the real data under recommendations/ludvika and governance/ludvika and check that it
loads cleanly, says what the report says (and no more), and carries none of the OCR damage of the source.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel

from auditrack.config import Config
from auditrack.engine import load_repository
from auditrack.models.introspect import reference_fields
from auditrack.models.topics import FOLLOW_UP_FORM

ROOT = Path(__file__).parents[1]
ORG = "ludvika"
REPORT_ID = "kpmg-2022-ludvikamodellen"
DATA_DIRS = (ROOT / "recommendations" / ORG, ROOT / "governance" / ORG)


@pytest.fixture(scope="module")
def result():
    return load_repository(ROOT, Config())


@pytest.fixture(scope="module")
def index(result):
    return result.index


def _ludvika_file(path: str) -> bool:
    path = path.replace("\\", "/")
    return path.startswith(f"recommendations/{ORG}/") or path.startswith(f"governance/{ORG}/")


def _one(index, kind: str, id_: str):
    record = index.get(ORG, id_, kind)
    assert record is not None, f"no {kind} '{id_}' in {ORG}"
    return record


# --------------------------------------------------------------------------- loads cleanly


def test_no_yaml_schema_or_reference_errors(result):
    bad = [
        f for f in result.findings
        if f.code[:1] in {"Y", "S", "X"} and (_ludvika_file(f.location.file) or f.organisation == ORG)
    ]
    assert bad == [], "\n".join(f"{f.code} {f.location}: {f.message}" for f in bad)


def test_every_file_points_at_its_schema(result):
    files = [p for d in DATA_DIRS for p in sorted(d.rglob("*.yaml"))]
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=((?:\.\./)+)schemas/([a-z-]+)\.json", first)
        assert match, f"{path}: first line is {first!r}"
        assert (path.parent / match.group(1)).resolve() == ROOT.resolve(), f"{path}: wrong relative path"
        kind = re.search(r"^kind: (\S+)$", path.read_text(encoding="utf-8"), re.M).group(1)
        assert match.group(2) == kind, f"{path}: schema {match.group(2)} for kind {kind}"


def test_every_record_cites_the_report(index):
    for entry in index.by_object.values():
        if entry.organisation != ORG:
            continue
        source = entry.record.source
        assert source is not None, f"{entry.kind} '{entry.record.id}' has no source"
        assert source.report == REPORT_ID
        assert source.section, f"{entry.kind} '{entry.record.id}' cites no section"


# --------------------------------------------------------------------------- the report


def test_report_metadata(index):
    (report,) = index.records("audit-report", ORG)
    assert report.id == REPORT_ID
    assert report.title == "Granskning av Ludvikamodellen Vägen till egen försörjning"
    assert report.audit_firm == "KPMG AB"
    assert report.date.start == date(2022, 3, 15)
    assert report.audit_plan_year == 2021
    assert report.addressees == ["kommunstyrelsen"]
    assert report.commissioned_by == "Ludvika kommuns revisorer"
    assert [(p.name, p.title) for p in report.auditors] == [
        ("Magnus Larsson", "Certifierad kommunal revisor"),
        ("Thomas Hjelmqvist", "Kommunal revisor"),
        ("Ida Larsson", "Kommunal revisor"),
    ]
    assert report.criteria == ["Kommunallagen 6 kap. 6 §", "Tillämpbara interna regelverk, policys och beslut"]
    assert report.response_request is None and report.cover_letter is None
    assert index.records("response", ORG) == [] and index.records("follow-up", ORG) == []


def test_five_recommendations_to_the_board(index):
    (report,) = index.records("audit-report", ORG)
    assert [r.id for r in report.recommendations] == [f"{REPORT_ID}-r{i}" for i in range(1, 6)]
    assert len(index.records("recommendation", ORG)) == 5
    assert all(r.section == "4" and r.addressees == ["kommunstyrelsen"] for r in report.recommendations)
    assert report.recommendations[4].text == "Genomföra en utvärdering av samverkansarbetet"


def test_six_revision_questions_with_sections_and_graded_verdicts(index):
    (report,) = index.records("audit-report", ORG)
    assert len(report.questions) == 6
    assert [q.section for q in report.questions] == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.3"]
    # Only the reporting (question 3) and the improving actions (question 4) are graded, both "till viss del".
    assert [q.verdict for q in report.questions] == [None, None, "partly", "partly", None, None]
    assert all(q.assessment for q in report.questions)
    assert "till viss del har vidtagit åtgärder" in report.questions[3].assessment


def test_overall_verdict_is_partly(index):
    (report,) = index.records("audit-report", ORG)
    assert report.overall_verdict.grade == "partly"
    assert "till viss del" in report.overall_verdict.text


# --------------------------------------------------------------------------- governance


def test_programme(index):
    programme = _one(index, "programme", "ludvikamodellen")
    assert programme.name == "Vägen till egen försörjning"
    assert programme.aka == ["Ludvikamodellen"]
    assert str(programme.started) == "2018-06"
    assert programme.inspired_by == ["Angeredsmodellen", "Växjölöftet"]
    assert programme.evidence_base.research_used is False


def test_mandates(index):
    decision = _one(index, "mandate", "ks-2018-06-26-138")
    assert decision.decision == "KS 2018-06-26 § 138"
    assert not {"roles", "responsibilities"} & set(decision.regulates)

    steering = _one(index, "mandate", "styrmodell-2020")
    assert str(steering.adopted) == "2020-10" and steering.commissioner == "kommundirektor"

    description = _one(index, "mandate", "uppdragsbeskrivning-2021")
    assert description.type == "mandate-description"
    assert description.valid_until.end == date(2022, 3, 31)
    assert description.supersedes == ["styrmodell-2020"]

    matrix = _one(index, "mandate", "uppdragsmatris-2021")
    assert matrix.type == "assignment-matrix" and matrix.assignments == []

    mandates = index.records("mandate", ORG)
    # Nothing after 2022-03-31 replaces the mandate description.
    assert not any("uppdragsbeskrivning-2021" in m.supersedes for m in mandates)
    # No document regulates what follow-up must contain, how and when.
    for record in mandates + index.records("document", ORG):
        assert not set(FOLLOW_UP_FORM) & set(record.regulates), record.id


def test_targets_of_the_overall_goal(index):
    goal = _one(index, "goal", "overgripande-mal")
    assert goal.level == "overall"
    assert [(t.value, str(t.period), t.unit) for t in goal.targets] == [
        (110, "2018", "medborgare"), (120, "2019", "medborgare"), (200, "2020", "medborgare"),
    ]
    assert goal.sub_goals == [] and goal.follow_ups == []

    economic = _one(index, "goal", "ekonomiskt-mal")
    assert economic.direction == "decrease" and economic.targets == []


def test_reporting_requirement_and_log(index):
    requirement = _one(index, "reporting-requirement", "aterrapportering-kommunstyrelsen")
    assert requirement.times_per_year == 2
    assert requirement.reporter == "stod-och-styrningschef" and requirement.to == "kommunstyrelsen"
    assert [str(r.date) for r in requirement.reports] == [
        "2018", "2018", "2019", "2019-10-22", "2020-04-21", "2020-10", "2021-04",
    ]
    per_year = Counter(r.date.start.year for r in requirement.reports)
    assert per_year == {2018: 2, 2019: 2, 2020: 2, 2021: 1}
    assert [str(r.date) for r in requirement.reports if "effects" in r.covered] == ["2021-04"]
    assert requirement.reports[4].document_date.start == date(2020, 4, 8)


def test_political_steering_group_kept_no_minutes(index):
    group = _one(index, "body", "politisk-styrgrupp")
    assert group.minutes.kept is False
    assert _one(index, "body", "uppdragsstyrgrupp").minutes.kept is True
    assert _one(index, "body", "styrgrupp").active_until.end == date(2022, 3, 31)


def test_statistics_are_kept_without_values_goals_or_analysis(index):
    indicators = index.records("indicator", ORG)
    assert len(indicators) == 5
    for indicator in indicators:
        assert indicator.goals == [] and indicator.analyses == []
        assert indicator.measurements and all(m.value is None for m in indicator.measurements)
    interventions = index.records("intervention", ORG)
    assert len(interventions) == 5
    for intervention in interventions:
        assert [str(p.period) for p in intervention.participants] == ["2021"]
        assert all(p.count is None for p in intervention.participants)


def test_evaluation_required_but_not_done(index):
    (evaluation,) = index.records("evaluation", ORG)
    assert evaluation.required is True
    assert evaluation.required_by == [f"{REPORT_ID}-r5"]
    assert evaluation.done is None


# --------------------------------------------------------------------------- no OCR damage

# Characters the OCR put where å, ä and ö belong, and words it left without them.
_BAD_CHARS = re.compile(r"[éèë&@|©¢]")
_DIGIT_IN_WORD = re.compile(r"[A-Za-zåäöÅÄÖ][0-9]|[0-9][a-zåäö]")
_BAD_WORDS = re.compile(
    r"\b(for|ar|pa|sa|da|mal|malet|malen|fatt|aven|dven|ocksa|galler|utover|ovrigt|arbetssatt|"
    r"bistand|bedomning|darefter)\b"
    r"|forsorj|försorj|forsörj|uppfolj|uppfdlj|utvarder|aterrapport|andamal|matbar|overgrip|tjansteman"
    r"|uttbmm|uttomm|vaxj|egenförs",
    re.IGNORECASE,
)


def _strings(value):
    """Every text in a model, except ids and references (which are ASCII ids by design)."""
    if isinstance(value, BaseModel):
        skip = {"id"} | {attr for attr, _key, _ref in reference_fields(type(value))}
        for name in type(value).model_fields:
            if name not in skip:
                yield from _strings(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def test_no_ocr_damage_in_any_text(result):
    texts = []
    for loaded, top in result.documents:
        if _ludvika_file(loaded.path):
            texts.extend((loaded.path, s) for s in _strings(top))
    assert len(texts) > 100
    damaged = []
    for path, text in texts:
        if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
            continue  # a date or period
        if _BAD_CHARS.search(text) or _BAD_WORDS.search(text):
            damaged.append((path, text))
        elif _DIGIT_IN_WORD.search(text):
            damaged.append((path, text))
    assert damaged == []


def test_the_checker_itself_catches_ocr_damage():
    for sample in ("férsérjning", "6vergripande", "Vi har fatt i uppdrag", "| oktober 2020", "malet", "Vaxjöloftet"):
        assert _BAD_CHARS.search(sample) or _BAD_WORDS.search(sample) or _DIGIT_IN_WORD.search(sample), sample
    for sample in ("Vägen till egen försörjning", "Kommunallagen 6 kap. 6 §", "uppföljning", "Växjölöftet"):
        assert not (_BAD_CHARS.search(sample) or _BAD_WORDS.search(sample) or _DIGIT_IN_WORD.search(sample)), sample
