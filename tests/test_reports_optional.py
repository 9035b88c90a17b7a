"""Reports on records that leave out optional fields: no crash, and the report says what is not stated.

Uses the fixture repository of test_reports.py (`records`, `build_repo`), written as real files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditrack.models import FILE_KINDS
from auditrack.models.introspect import model_at
from auditrack.reports import render
from test_reports import build_repo, loaded, records

PROGRAMME = "governance/acme/programmes/modellen.yaml"


def _without(root: Path, relpath: str, *keys: str) -> None:
    """Rewrite one file of the fixture repository without the given top-level keys."""
    path = root / relpath
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in keys:
        del data[key]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@pytest.fixture
def unstarted(tmp_path: Path) -> Path:
    """The fixture repository with a programme that does not say when it started."""
    root = build_repo(tmp_path / "acme")
    _without(root, PROGRAMME, "started")
    return root


class TestProgrammeWithoutStart:
    @pytest.mark.parametrize("lang, paragraphs", [
        ("sv", [
            "**Modellen** (även kallad Acmemodellen). Uppgift om när arbetet startade saknas. Bedrivs som projekt. "
            "Uppdragsgivare: Kommunstyrelsen.",
            "Samverkan för egen försörjning.",
            "Tillgänglig forskning användes inte när metoderna utformades.",
            "Utan uppgift om när arbetet startade går det inte att avgöra vilka perioder som saknat uppdrag som reglerar "
            "roller och ansvar.",
        ]),
        ("en", [
            "**Modellen** (also called Acmemodellen). When the work started is not stated. Run as a project. "
            "Commissioned by Kommunstyrelsen.",
            "Samverkan för egen försörjning.",
            "Available research was not used when the methods were designed.",
            "Without the date the work started, the periods without a mandate that regulates roles and responsibilities "
            "cannot be worked out.",
        ]),
    ])
    def test_report_governance_says_the_start_is_not_stated(self, process, unstarted, lang, paragraphs):
        done = process("report", "governance", str(unstarted), "--as-of", "2024-06-30", "--lang", lang)
        assert (done.code, done.stderr) == (0, "")
        lines = done.stdout.splitlines()
        at = lines.index(paragraphs[0])
        assert lines[at:at + 8:2] == paragraphs

    def test_the_timeline_has_neither_a_start_mark_nor_gaps(self, unstarted):
        text = render("governance", loaded(unstarted), lang="en", data_root=unstarted)
        gantt = text.split("\ngantt\n", 1)[1].split("```", 1)[0]
        bars = [line.strip() for line in gantt.splitlines() if " :" in line]
        assert bars == [
            "Uppdragsbeskrivning 2021 :t1, 2021-01-01, 2022-12-31",
            "Beslut om modellen :milestone, t2, 2020-01-15, 0d",
            "Styrgrupp :t3, 2021-01-01, 2024-06-30",
            "As of 2024-06-30 :milestone, t4, 2024-06-30, 0d",
        ]


def _optional_keys() -> list[tuple[str, tuple]]:
    """(file, key path) of every key in the fixture repository that the file's schema does not require."""
    found = []

    def walk(relpath: str, model, data, prefix: tuple) -> None:
        if isinstance(data, list):
            for i, item in enumerate(data):
                walk(relpath, model, item, prefix + (i,))
            return
        if not isinstance(data, dict):
            return
        within = model_at(model, prefix)
        fields = {info.alias or name: info for name, info in within.model_fields.items()}
        for key, value in data.items():
            holds_records = isinstance(value, list) and any(isinstance(v, dict) and "id" in v for v in value)
            if not fields[key].is_required() and not holds_records:  # records others refer to are not optional
                found.append((relpath, prefix + (key,)))
            walk(relpath, model, value, prefix + (key,))

    for relpath, data in records().items():
        walk(relpath, FILE_KINDS[data["kind"]], data, ())
    return found


def _id(value) -> str:
    return "/".join(map(str, value)) if isinstance(value, tuple) else value.split("/", 2)[-1]


@pytest.mark.parametrize("relpath, keys", _optional_keys(), ids=_id)
def test_every_report_renders_without_any_one_optional_field(tmp_path, relpath, keys):
    """Leave out any one optional key anywhere: every report renders, and none prints a Python None.

    One language is enough: both render the same views, and test_reports checks that they hold the same labels."""
    root = build_repo(tmp_path / "acme")
    data = records()[relpath]
    holder = data
    for key in keys[:-1]:
        holder = holder[key]
    del holder[keys[-1]]
    (root / relpath).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = loaded(root)
    assert [f.code for f in result.findings if f.code[0] in "YSX"] == []
    for kind in ("status", "follow-up", "governance"):  # gaps prints findings, not records
        assert "None" not in render(kind, result, lang="en", data_root=root), kind
