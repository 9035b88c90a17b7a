"""Golden files: every report in both languages on the repository's own seed data (both organisations in one file),
and the status report of a repository with one organisation (the hand-built Sjöby of test_status_briefing.py).

One file per report and language keeps the goldens few and shows what a reader
of the whole repository sees: both organisations, grouped. Per-organisation
rendering (--org) and exact rows are tested on fixtures in test_reports.py,
which do not change when the seed data or the rules do.

The seed data and the rules are still growing, so the goldens change with
them. After a deliberate change, regenerate and review the diff:

    AUDITRACK_UPDATE_GOLDEN=1 pytest tests/test_reports_golden.py

Every golden is also parsed as GitHub would (CommonMark with tables) to check
that each table keeps its shape and that the expected Mermaid diagrams are
there, so a golden cannot be accepted with a broken layout.
"""

from __future__ import annotations

import copy
import dataclasses
import os
from datetime import date
from pathlib import Path

import pytest

from auditrack import i18n
from auditrack.config import find_config, load_config
from auditrack.commands.report import load
from auditrack.engine import load_repository
from auditrack.findings import localize
from auditrack.reports import KINDS, render
from test_reports import diagram, mermaid_blocks, parse_markdown
from test_status_briefing import build_sjoby
from test_status_briefing import status as sjoby_status

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
AS_OF = date(2024, 12, 31)
UPDATE = os.environ.get("AUDITRACK_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def results():
    config = load_config(find_config(ROOT))
    loaded = load_repository(ROOT, config)
    loaded.as_of = AS_OF
    return {"checked": load("gaps", ROOT, config, AS_OF, None), "loaded": loaded,
            "follow-up": load("follow-up", ROOT, config, AS_OF, None)}


def _render(results, kind: str, lang: str) -> str:
    result = results["checked"] if kind == "gaps" else results.get(kind, results["loaded"])
    if kind in ("gaps", "follow-up"):
        # As `auditrack report gaps --lang LANG` does: the findings' messages in the report's language
        # (on copies, since the module's results are shared by both languages).
        result = dataclasses.replace(result, findings=localize([copy.copy(f) for f in result.findings], lang))
    return render(kind, result, lang=lang, data_root=ROOT)


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_golden(results, kind, lang):
    _compare(_render(results, kind, lang), GOLDEN / f"{kind}.{lang}.md")


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_golden_status_of_one_organisation(tmp_path, lang):
    _compare(sjoby_status(build_sjoby(tmp_path), lang), GOLDEN / f"status-one-organisation.{lang}.md")


def _compare(text: str, path: Path) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.is_file(), f"{path} is missing; run with AUDITRACK_UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{path.name} differs; review, then run with AUDITRACK_UPDATE_GOLDEN=1 to accept"


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("kind, name", [(kind, kind) for kind in KINDS] + [("status", "status-one-organisation")])
def test_golden_structure(kind, name, lang):
    path = GOLDEN / f"{name}.{lang}.md"
    if not path.is_file():
        pytest.skip(f"{path.name} not generated yet")
    text = path.read_text(encoding="utf-8")
    tokens = parse_markdown(text)
    assert tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    diagrams = [diagram(d) for d in mermaid_blocks(tokens)]
    organisations = text.count("\n## ")
    if kind == "status" and "```mermaid" in text:
        assert all(d.startswith("pie showData\n") for d in diagrams)
    if kind == "governance" and organisations:
        assert any(d.startswith("gantt\n") for d in diagrams)
        assert any(d.startswith("flowchart TD\n") for d in diagrams)
    if kind in ("gaps", "follow-up"):
        assert not diagrams
    assert text.endswith("\n") and "\n\n\n" not in text


def test_ludvika_timeline_shows_both_uncovered_periods(results):
    """Ludvika: no mandate from the start in June 2018 until the steering model of October 2020, and none after 2022-03-31."""
    text = render("governance", results["loaded"], lang="sv", org="ludvika", data_root=ROOT)
    if "ludvika" not in text.lower():
        pytest.skip("the Ludvika seed data is not there yet")
    assert "- ⚠️ 2018-06-01 – 2020-09-30" in text
    assert "- ⚠️ 2022-04-01 – 2024-12-31" in text
    assert "    Inget uppdrag :crit, " in text
