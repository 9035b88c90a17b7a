"""`check` loads, indexes and judges one organisation at a time (engine._check).

It must find exactly what indexing the whole repository at once finds, and it
must not keep an organisation's records once it has moved on: that is what
bounds a national check's memory (benchmarks/README.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
import weakref
from datetime import date
from pathlib import Path

import pytest
from rulekit import KS, ORG, REPORT, write_repo

from auditrack.config import Config, as_of_date, load_config
from auditrack.engine import load_repository, run_check
from auditrack.rules import run_rules

ROOT = Path(__file__).parents[1]
AS_OF = date(2023, 4, 1)

OTHER_ORG = """\
kind: organisation
id: annan
name: Annans kommun
"""
OTHER_KS = KS.replace("organisation: exempel", "organisation: annan")
REQUESTED = REPORT + "response_request: {requested_on: 2023-03-24, requested_from: [ks]}\n"
"""The audit report, asking the board for a response: R101 until one is recorded."""


def gap_findings(findings) -> list[tuple]:
    return sorted((f.code, str(f.location), f.message, f.organisation) for f in findings if f.category.value == "gap")


def test_every_index_is_released_before_the_next_organisation_is_loaded(tmp_path):
    write_repo(tmp_path, {
        "governance/exempel/bodies/ks.yaml": KS,
        "governance/annan/organisation.yaml": OTHER_ORG,
        "governance/annan/bodies/ks.yaml": OTHER_KS,
        "governance/tredje/organisation.yaml": "kind: organisation\nid: tredje\nname: Tredje kommun\n",
    })
    seen: list[weakref.ref] = []
    alive_when_called: list[int] = []

    def visit(index):
        alive_when_called.append(sum(ref() is not None for ref in seen))
        seen.append(weakref.ref(index))

    result = run_check(tmp_path, Config(), AS_OF, each_index=visit)
    assert alive_when_called == [0, 0, 0]
    assert result.index is None
    assert result.organisations == {"annan": "Annans kommun", "exempel": "Exempels kommun", "tredje": "Tredje kommun"}


def test_the_seed_data_gives_the_same_gaps_as_one_index_of_everything():
    config = load_config(ROOT / "auditrack.yaml") if (ROOT / "auditrack.yaml").exists() else Config()
    whole = load_repository(ROOT, config)
    expected = run_rules(whole.index, config, date(2026, 11, 24))
    checked = run_check(ROOT, config, date(2026, 11, 24))
    assert len(checked.organisations) == 2
    assert gap_findings(checked.findings) == gap_findings(expected)
    assert checked.organisations == whole.organisations
    assert checked.file_organisation == whole.file_organisation
    assert sorted(checked.valid_files) == sorted(whole.valid_files)


def test_a_generated_national_corpus_gives_the_same_gaps_as_one_index_of_everything(tmp_path):
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--files", "400", "--out", str(corpus)],
                   check=True, capture_output=True)
    config = load_config(corpus / "auditrack.yaml")
    whole = load_repository(corpus, config)
    day = as_of_date(config, None)
    expected = run_rules(whole.index, config, day)
    checked = run_check(corpus, config, day)
    assert len(checked.organisations) == 7
    # The generator plants data errors in one organisation of ten (corpus.json lists them): the check holds
    # that organisation's gaps back (one X003), so the others' gaps are what must agree.
    planted = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))["planted"]
    broken = {entry["path"].split("/")[1] for entry in planted}
    assert broken == {"aneby"}
    assert sorted(f.organisation for f in checked.findings if f.code == "X003") == ["aneby"]
    assert len(gap_findings(checked.findings)) > 100
    assert gap_findings(checked.findings) == [g for g in gap_findings(expected) if g[3] not in broken]
    assert checked.file_organisation == whole.file_organisation


def test_a_mistyped_organisation_is_matched_against_every_organisation_file(tmp_path):
    write_repo(tmp_path, {
        "governance/annan/organisation.yaml": OTHER_ORG,
        "governance/exempel/bodies/ks.yaml": KS.replace("organisation: exempel", "organisation: exemple"),
    })
    [finding] = [f for f in run_check(tmp_path, Config(), AS_OF).findings if f.code == "X001"]
    assert (str(finding.location), finding.message) == (
        "governance/exempel/bodies/ks.yaml:2:15", "unknown organisation 'exemple'; did you mean 'exempel'?")


def test_a_record_cannot_refer_to_another_organisations_ids(tmp_path):
    write_repo(tmp_path, {
        "governance/annan/organisation.yaml": OTHER_ORG,
        "governance/annan/bodies/ks.yaml": OTHER_KS,
        "recommendations/exempel/granskning.yaml": REPORT,
    })
    [finding] = [f for f in run_check(tmp_path, Config(), AS_OF).findings if f.code == "X001"]
    assert (str(finding.location), finding.message) == (
        "recommendations/exempel/granskning.yaml:8:14",
        "unknown body 'ks' in organisation 'exempel'; no body is recorded yet")


def test_a_file_naming_its_organisation_last_is_checked_with_that_organisation(tmp_path):
    late = "kind: body\nid: ks\nname: Kommunstyrelsen\ntype: board\nstanding: true\norganisation: exempel\n"
    write_repo(tmp_path, {"governance/exempel/bodies/ks.yaml": late, "recommendations/exempel/granskning.yaml": REQUESTED})
    codes = [f.code for f in run_check(tmp_path, Config(), AS_OF).findings]
    assert codes == ["R101"]  # the report's board is found (no X001): only the response it asked for is missing


def test_a_file_in_flow_style_is_checked_with_its_organisation(tmp_path):
    flow = "{kind: body, id: ks, name: Kommunstyrelsen, type: board, standing: true, organisation: exempel}\n"
    write_repo(tmp_path, {"governance/exempel/bodies/ks.yaml": flow, "recommendations/exempel/granskning.yaml": REQUESTED})
    assert [f.code for f in run_check(tmp_path, Config(), AS_OF).findings] == ["R101"]


def test_an_invalid_organisation_file_makes_no_other_file_name_an_unknown_organisation(tmp_path):
    write_repo(tmp_path, {"governance/exempel/bodies/ks.yaml": KS, "recommendations/exempel/granskning.yaml": REQUESTED},
               with_org=False)
    (tmp_path / "governance/exempel/organisation.yaml").write_text(ORG + "population: many\n", encoding="utf-8")
    findings = run_check(tmp_path, Config(), AS_OF).findings
    # No X001 on the other files' `organisation: exempel`; and their records are all there, so their gaps stand.
    assert [(f.code, str(f.location)) for f in findings] == [
        ("S003", "governance/exempel/organisation.yaml:4:1"),
        ("R101", "recommendations/exempel/granskning.yaml:12:63"),
    ]


def test_two_files_with_one_organisation_id_are_one_x002(tmp_path):
    write_repo(tmp_path, {"governance/exempel/organisation-kopia.yaml": ORG})
    [finding] = run_check(tmp_path, Config(), AS_OF).findings
    assert (finding.code, str(finding.location), finding.message) == (
        "X002", "governance/exempel/organisation.yaml:2:5",
        "the organisation id 'exempel' is already used in governance/exempel/organisation-kopia.yaml")


def test_references_into_an_unparsable_file_of_the_same_organisation_are_not_unknown(tmp_path):
    broken = KS + "description: [not closed\n"
    write_repo(tmp_path, {"governance/exempel/bodies/ks.yaml": broken, "recommendations/exempel/granskning.yaml": REQUESTED})
    findings = run_check(tmp_path, Config(), AS_OF).findings
    assert [(f.code, str(f.location), f.organisation) for f in findings] == [
        ("Y001", "governance/exempel/bodies/ks.yaml:8:1", "exempel"),
        ("X003", "governance/exempel/bodies/ks.yaml:8:1", "exempel"),
    ]


@pytest.mark.parametrize("broken, ks, organisation, code, where", [
    ("a stray first line", "Kommunstyrelsen\n" + KS, ORG, "Y001", "governance/exempel/bodies/ks.yaml:2:5"),
    ("a colon left out", KS.replace("kind: body", "kind body"), ORG, "Y001", "governance/exempel/bodies/ks.yaml:2:13"),
    ("an empty first document", "---\n---\n" + KS, ORG, "Y011", "governance/exempel/bodies/ks.yaml:2:1"),
    ("the organisation file's stray first line", KS, "Exempels kommun\n" + ORG, "Y001",
     "governance/exempel/organisation.yaml:2:5"),
    ("the organisation file's empty first document", KS, "---\n---\n" + ORG, "Y011",
     "governance/exempel/organisation.yaml:2:1"),
])
def test_a_file_yaml_cannot_read_is_one_error_within_its_own_organisation(tmp_path, broken, ks, organisation, code,
                                                                           where):
    # The loader and the grouping read such a file's organisation the same way, so the references to it
    # (the report's `addressees: [ks]`, every `organisation: exempel`) are not reported as unknown.
    write_repo(tmp_path, {"governance/exempel/bodies/ks.yaml": ks, "recommendations/exempel/granskning.yaml": REQUESTED},
               with_org=False)
    (tmp_path / "governance/exempel/organisation.yaml").write_text(organisation, encoding="utf-8")
    findings = run_check(tmp_path, Config(), AS_OF).findings
    assert [(f.code, str(f.location), f.organisation) for f in findings] == [
        (code, where, "exempel"), ("X003", where, "exempel")]
    whole = load_repository(tmp_path, Config())
    assert [(f.code, str(f.location)) for f in whole.findings] == [(code, where)]


def test_an_organisation_whose_id_reads_as_null_unless_tagged(tmp_path):
    # `!!str null` is the text "null" (a valid id) to the loader, and so to the grouping.
    write_repo(tmp_path, {
        "governance/null/organisation.yaml": 'kind: !!str organisation\nid: !!str null\nname: Null kommun\n',
        "governance/null/bodies/ks.yaml": KS.replace("organisation: exempel", "organisation: !!str null"),
        "recommendations/null/granskning.yaml": REQUESTED.replace("organisation: exempel", 'organisation: "null"'),
    }, with_org=False)
    findings = run_check(tmp_path, Config(), AS_OF).findings
    assert [(f.code, f.organisation) for f in findings] == [("R101", "null")]
