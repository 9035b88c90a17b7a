"""The Mermaid diagrams as a reader sees them: a status keeps its colour, labels stay readable, charts fit a page.

Mermaid itself is not run here; the diagrams are read the way Mermaid reads them (its rules are in each helper's
docstring). They were also rendered with mermaid-cli 11 while this was written; see the pull request.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

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
            "🟢": "#78B159", "🟡": "#FDCB58", "🔴": "#DD2E44", "⚪": "#CCD6DD", "➖": "#99AAB5", "⛔": "#BE1931",
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


def ranks(block: str) -> dict[str, int]:
    """Node → row, as Mermaid ranks a top-down flowchart: one row below the lowest node with a link into it."""
    links = re.findall(r"^    (n\d+) (?:-->|-\.-|~~~) (n\d+)$", block, re.M)
    rank = {node: 0 for node in re.findall(r'^    (n\d+)\[', block, re.M)}
    for _ in rank:  # longest path; the links form no cycle
        for above, below in links:
            rank[below] = max(rank[below], rank[above] + 1)
    return rank


class TestFlowchartRows:
    def test_siblings_wrap_after_three_in_their_columns(self):
        assert mermaid.wrapping_links(7, []) == [(0, 3), (1, 4), (2, 5), (3, 6)]
        # node 0 has four children, the fourth wraps under the first; of the roots 0, 1, 6, 7 the fourth (7)
        # then hangs from the lowest node under root 0: that wrapped child
        links = [(0, 2, False), (0, 3, False), (0, 4, False), (0, 5, False)]
        assert mermaid.wrapping_links(8, links) == [(2, 5), (5, 7)]

    @pytest.mark.parametrize("lang", i18n.LANGS)
    def test_no_row_of_the_seed_charts_holds_more_than_three_boxes(self, lang):
        from pathlib import Path

        text = (Path(__file__).parent / "golden" / f"governance.{lang}.md").read_text(encoding="utf-8")
        charts = [b for b in mermaid_blocks(parse_markdown(text)) if "\nflowchart TD\n" in b]
        assert len(charts) == 4
        widest = []
        for chart in charts:
            rows = Counter(ranks(chart).values())
            widest.append(max(rows.values()))
        assert max(widest) == mermaid.COLUMNS == 3
        assert charts[1].startswith('%%{init: {"flowchart": {"nodeSpacing": 30, "wrappingWidth": 150}}}%%\nflowchart TD\n')


class TestGanttSectionTitles:
    @pytest.mark.parametrize("lang", i18n.LANGS)
    def test_the_room_left_of_the_bars_fits_the_longest_section_title(self, lang):
        titles = [i18n.label(lang, f"governance.section-{s}") for s in ("covering", "gaps", "other", "bodies", "marks")]
        chart = mermaid.gantt("T", [mermaid.Section(t, [mermaid.Bar("b", date(2020, 1, 1), date(2020, 12, 31))]) for t in titles])
        padding = json.loads(re.match(r"```mermaid\n%%\{init: (.*)\}%%\n", chart).group(1))["gantt"]["leftPadding"]
        assert padding == 20 + 6 * max(len(t) for t in titles) == {"en": 260, "sv": 194}[lang]

    def test_short_titles_keep_mermaids_default(self):
        assert mermaid.left_padding(["Gaps"]) == 75
        assert mermaid.left_padding(["x" * 100]) == 20 + 6 * 40
