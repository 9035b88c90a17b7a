"""The Mermaid diagrams as a reader sees them: a status keeps its colour, labels stay readable, charts fit a page.

Mermaid itself is not run here; the diagrams are read the way Mermaid reads them (its rules are in each helper's
docstring). They were also rendered with mermaid-cli 11 while this was written; see the pull request.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, strategies as st

from auditrack import i18n
from auditrack.reports import common, mermaid
from auditrack.reports.status import STATE_COLOURS
from test_reports import build_repo, mermaid_blocks, parse_markdown, report


@pytest.fixture
def acme(tmp_path):
    return build_repo(tmp_path / "acme")


def pie_colours(block: str) -> dict[str, str]:
    """Slice label → the colour Mermaid fills it with.

    Mermaid fills the N-th slice it draws with the theme variable pieN. Before 11.13 it draws the slices largest
    first; since then in the order written. A pie must read the same under both, so its slices must be written
    largest first.
    """
    first, _, rest = block.partition("\n")
    config = json.loads(re.fullmatch(r"%%\{init: (\{.*\})\}%%", first).group(1))
    slices = [(label, int(count)) for label, count in re.findall(r'^    "(.*)" : (\d+)$', rest, re.M)]
    assert rest.startswith("pie showData\n") and slices
    assert slices == sorted(slices, key=lambda s: -s[1]), "Mermaid before 11.13 would colour these in another order"
    return {label: config["themeVariables"][f"pie{i}"] for i, (label, _) in enumerate(slices, 1)}


def status_pie(root, lang: str = "en") -> str:
    blocks = [b for b in mermaid_blocks(parse_markdown(report(root, "status", lang))) if "\npie showData\n" in b]
    assert len(blocks) == 1
    return blocks[0]


class TestPieColours:
    def test_the_grades_have_the_colours_of_their_icons(self):
        assert {i18n.word("en", "grade-icon", s): STATE_COLOURS[s] for s in common.GRADED} == {
            "🟢": "#78B159", "🟡": "#FDCB58", "🔴": "#DD2E44", "⚪": "#CCD6DD",
        }
        assert set(STATE_COLOURS) == set(common.REC_STATES)
        assert len(set(STATE_COLOURS.values())) == len(STATE_COLOURS)

    @given(st.dictionaries(st.sampled_from(common.REC_STATES), st.integers(min_value=0, max_value=5)))
    def test_each_state_keeps_its_colour_whatever_else_is_zero(self, counts):
        slices = [(i18n.word("sv", "rec-state", s), counts.get(s, 0), STATE_COLOURS[s]) for s in common.REC_STATES]
        chart = mermaid.pie("T", slices)
        shown = {i18n.word("sv", "rec-state", s): STATE_COLOURS[s] for s in common.REC_STATES if counts.get(s, 0)}
        if not shown:
            assert chart is None
        else:
            assert pie_colours(chart.removeprefix("```mermaid\n").removesuffix("\n```")) == shown

    def test_the_status_report_keeps_the_colours_when_a_grade_goes_away(self, acme):
        assert pie_colours(status_pie(acme)) == {
            "Implemented": "#78B159", "Partly implemented": "#FDCB58", "No actions in the response": "#AA8ED6",
        }
        (acme / "recommendations/acme/2022-modellen/follow-up-2024.yaml").unlink()  # rek-2 is then 'not implemented'
        (acme / "recommendations/acme/2022-modellen/follow-up-2023.yaml").write_text(json.dumps({
            "kind": "follow-up", "id": "fu-2023", "organisation": "acme", "report": "r2022", "date": "2023-10-01",
            "assessor": "KPMG AB", "assessments": [{"recommendation": "rek-2", "status": "not-implemented"}],
        }), encoding="utf-8")
        assert pie_colours(status_pie(acme)) == {
            "Not implemented": "#DD2E44", "Actions done, not followed up": "#55ACEE", "No actions in the response": "#AA8ED6",
        }

    def test_a_colour_must_be_a_hex_colour(self):
        with pytest.raises(ValueError):
            mermaid.pie("T", [("A", 1, "red")])
