"""Reports: escaping, diagrams, exact rows on a small repository we control, the CLI, and template lookup.

The golden files on the repository's own seed data are in test_reports_golden.py;
hostile text in every field is in test_reports_injection.py. Both use the
repository builder here (`build_repo`), which writes every record from a dict so
that any text field can be replaced.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from auditrack import i18n
from auditrack.config import Config
from auditrack.engine import load_repository, run_check
from auditrack.reports import KINDS, render, render_gap_summary
from auditrack.reports.markdown import ZWJ, md, shorten, with_code_spans
from auditrack.reports import mermaid

AS_OF = date(2024, 6, 30)
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


# --------------------------------------------------------------------------- a repository we control


def records(text=lambda key, value: value) -> dict[str, dict]:
    """Every file of the fixture repository as {path: data}. `text(key, value)` may replace any free text."""
    t = text
    return {
        "governance/acme/organisation.yaml": {"kind": "organisation", "id": "acme", "name": t("org.name", "Acme kommun")},
        "governance/acme/bodies/ks.yaml": {
            "kind": "body", "id": "ks", "organisation": "acme", "name": t("body.ks", "Kommunstyrelsen"),
            "type": "board", "standing": True,
        },
        "governance/acme/bodies/styrgrupp.yaml": {
            "kind": "body", "id": "styrgrupp", "organisation": "acme", "name": t("body.name", "Styrgrupp"),
            "type": "steering-group", "programme": "modellen", "parent": "ks", "active_from": "2021-01",
            "members": [{"function": t("member.function", "Samordnare"), "role": "samordnare"}],
            "duties": [t("body.duty", "Leder arbetet.")],
            "meetings": {"text": t("meetings.text", "Varannan månad")},
            "minutes": {"kept": False, "type": t("minutes.type", "minnesanteckningar")},
            "regulated_by": ["uppdrag-2021"],
        },
        "governance/acme/roles/samordnare.yaml": {
            "kind": "role", "id": "samordnare", "organisation": "acme", "name": t("role.name", "Samordnare"),
            "programme": "modellen", "responsibilities": [t("role.responsibility", "Samordnar arbetet.")],
            "holders": [{"name": t("holder.name", "Anna Andersson"), "from": "2021-01"}],
            "regulated_by": ["uppdrag-2021"],
        },
        "governance/acme/programmes/modellen.yaml": {
            "kind": "programme", "id": "modellen", "organisation": "acme", "name": t("programme.name", "Modellen"),
            "aka": [t("programme.aka", "Acmemodellen")], "description": t("programme.description", "Samverkan för egen försörjning."),
            "started": "2020-01", "form": "project", "commissioned_by": "ks",
            "evidence_base": {"research_used": False, "note": t("evidence.note", "Ingen forskning.")},
        },
        "governance/acme/mandates/uppstart.yaml": {
            "kind": "mandate", "id": "uppstart", "organisation": "acme", "title": t("mandate.uppstart", "Beslut om modellen"),
            "type": "decision", "programme": "modellen", "decided_by": "ks", "decision": t("mandate.decision", "KS 2020-01-15 § 3"),
            "adopted": "2020-01-15", "regulates": ["reporting"],
        },
        "governance/acme/mandates/uppdrag-2021.yaml": {
            "kind": "mandate", "id": "uppdrag-2021", "organisation": "acme", "title": t("mandate.title", "Uppdragsbeskrivning 2021"),
            "type": "mandate-description", "programme": "modellen", "adopted": "2021-01-01", "valid_until": "2022-12-31",
            "regulates": ["roles", "responsibilities"], "roles": ["samordnare"], "bodies": ["styrgrupp"],
            "summary": t("mandate.summary", "Roller och ansvar."),
        },
        "governance/acme/goals/mal.yaml": {
            "kind": "goal", "id": "mal", "organisation": "acme", "level": "overall", "programme": "modellen",
            "text": t("goal.text", "Fler ska bli självförsörjande."),
            "sub_goals": [{
                "id": "delmal", "text": t("subgoal.text", "100 personer per år ska gå till arbete."), "indicator": "till-arbete",
                "direction": "increase",
                "targets": [{"value": 100, "unit": t("target.unit", "personer"), "period": "2023", "text": t("target.text", "100 personer 2023")}],
                "follow_ups": [{"date": "2024-02-01", "period": "2023", "value": 80, "text": t("goalfollowup.text", "Målet nåddes inte."), "reached": False}],
            }],
        },
        "governance/acme/indicators/till-arbete.yaml": {
            "kind": "indicator", "id": "till-arbete", "organisation": "acme", "name": t("indicator.name", "Personer till arbete"),
            "unit": t("indicator.unit", "personer"), "goals": ["delmal"],
            "measurements": [{"period": "2022", "value": 60, "note": t("measurement.note", "Helår.")}, {"period": "2023", "value": 80}],
        },
        "governance/acme/reporting/rapport-ks.yaml": {
            "kind": "reporting-requirement", "id": "rapport-ks", "organisation": "acme", "title": t("reporting.title", "Återrapportering till KS"),
            "programme": "modellen", "reporter": "samordnare", "to": "ks", "decided_in": "uppstart", "times_per_year": 2,
            "valid_from": "2021-01", "frequency_text": t("reporting.frequency", "Två gånger per år."),
            "reports": [
                {"date": "2021-05-10", "decision": t("given.decision", "KS 2021-05-10 § 50"), "covered": ["status"], "summary": t("given.summary", "Läget i arbetet.")},
                {"date": "2021-11-10", "covered": ["effects"]},
                {"date": "2022-05-10", "covered": ["cooperation"]},
            ],
        },
        "governance/acme/evaluations/utvardering.yaml": {
            "kind": "evaluation", "id": "utvardering", "organisation": "acme", "title": t("evaluation.title", "Utvärdering av modellen"),
            "programme": "modellen", "subject": ["effects"], "required": True, "by": t("evaluation.by", "Extern utvärderare"),
        },
        "governance/acme/interventions/praktik.yaml": {
            "kind": "intervention", "id": "praktik", "organisation": "acme", "name": t("intervention.name", "Praktik"),
            "provider": t("intervention.provider", "AME"), "participants": [{"period": "2023", "count": 12}],
        },
        "recommendations/acme/2022-modellen/report.yaml": {
            "kind": "audit-report", "id": "r2022", "organisation": "acme", "title": t("report.title", "Granskning av modellen"),
            "audit_firm": t("report.firm", "KPMG AB"), "date": "2022-03-15", "audit_plan_year": 2022, "addressees": ["ks"],
            "programme": "modellen", "purpose": t("report.purpose", "Att granska styrningen."),
            "overall_verdict": {"grade": "partly", "text": t("verdict.text", "Till viss del.")},
            "recommendations": [
                {"id": "rek-1", "text": t("rec.text", "Bryt ned det övergripande målet i mätbara mål."), "section": t("rec.section", "3.1")},
                {"id": "rek-2", "text": "Anta en uppdragsbeskrivning som gäller efter 2022.", "section": "3.4"},
                {"id": "rek-3", "text": "Utvärdera modellen.", "section": "3.5"},
            ],
            "response_request": {"requested_on": "2022-03-20", "requested_from": ["ks"], "due": "2022-06-30"},
        },
        "recommendations/acme/2022-modellen/response.yaml": {
            "kind": "response", "id": "svar-2022", "organisation": "acme", "report": "r2022", "decided_by": "ks",
            "date": "2022-05-17", "decision": t("response.decision", "KS 2022-05-17 § 93"),
            "text": t("response.text", "Kommunstyrelsen instämmer i rekommendationerna."),
            "actions": [
                {"id": "a1", "recommendations": ["rek-1"], "text": t("action.text", "Ta fram mätbara delmål."), "owner": "samordnare",
                 "due": "2022-12-31", "status": "done", "done": "2022-11-30", "evidence": [t("action.evidence", "KS 2022-12-13 § 200")]},
                {"id": "a2", "recommendations": ["rek-2"], "text": "Anta en ny uppdragsbeskrivning.", "owner": "samordnare",
                 "due": "2023-03-31", "status": "in-progress"},
                {"id": "a3", "text": "Informera nämnderna om svaret.", "status": "planned"},
            ],
        },
        "recommendations/acme/2022-modellen/follow-up-2023.yaml": {
            "kind": "follow-up", "id": "fu-2023", "organisation": "acme", "report": "r2022", "date": "2023-10-01",
            "assessor": t("followup.assessor", "KPMG AB"),
            "assessments": [
                {"recommendation": "rek-1", "status": "implemented", "comment": t("assessment.comment", "Delmål finns.")},
                {"recommendation": "rek-2", "status": "not-implemented", "comment": "Ingen ny uppdragsbeskrivning."},
            ],
        },
        "recommendations/acme/2022-modellen/follow-up-2024.yaml": {
            "kind": "follow-up", "id": "fu-2024", "organisation": "acme", "report": "r2022", "date": "2024-03-01",
            "assessor": "KPMG AB",
            "assessments": [{"recommendation": "rek-2", "status": "partly-implemented", "comment": "Ett förslag finns."}],
        },
    }


def build_repo(root: Path, text=lambda key, value: value) -> Path:
    """Write the fixture repository under `root` (JSON is YAML, and quotes any text exactly)."""
    for relpath, data in records(text).items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return root


@pytest.fixture
def acme(tmp_path: Path) -> Path:
    return build_repo(tmp_path / "acme")


def loaded(root: Path, as_of: date = AS_OF, checked: bool = False, config: Config | None = None):
    config = config or Config()
    if checked:
        return run_check(root, config, as_of)
    result = load_repository(root, config)
    result.as_of = as_of
    return result


def report(root: Path, kind: str, lang: str = "sv", **kwargs) -> str:
    result = loaded(root, checked=kind == "gaps")
    return render(kind, result, lang=lang, data_root=root, **kwargs)


def table_rows(text: str, header_start: str) -> list[list[str]]:
    """The rows (cells, stripped) of the first table whose header row starts with `header_start`."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(header_start):
            rows = []
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                rows.append([c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]])
            return rows
    raise AssertionError(f"no table starting with {header_start!r} in:\n{text}")


def section(text: str, heading: str) -> str:
    """The text from a heading line to the next heading of the same or a higher level."""
    lines = text.splitlines()
    level = len(heading) - len(heading.lstrip("#"))
    start = lines.index(heading)
    end = next(
        (j for j in range(start + 1, len(lines)) if re.match(rf"^#{{1,{level}}} ", lines[j])),
        len(lines),
    )
    return "\n".join(lines[start:end])


# --------------------------------------------------------------------------- Markdown structure


def parse_markdown(text: str) -> list:
    """Parse a report as GitHub does (CommonMark with tables) and check every table's shape.

    markdown-it pads or drops cells silently, so the shape is checked on the source lines: every line
    of a table has as many unescaped pipes as its header, and every line that looks like a table row
    belongs to a table (a row that a stray line break cut off would not).
    """
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    lines = text.splitlines()
    in_table: set[int] = set()
    for token in tokens:
        if token.type != "table_open":
            continue
        start, end = token.map
        pipes = [len(re.findall(r"(?<!\\)\|", line)) for line in lines[start:end]]
        assert len(set(pipes)) == 1, f"table at line {start + 1} has rows of different widths: {pipes}\n" + "\n".join(lines[start:end])
        in_table.update(range(start, end))
    fenced = False
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("|"):
            assert i in in_table, f"line {i + 1} looks like a table row but is not in a table: {line}"
    return tokens


def mermaid_blocks(tokens) -> list[str]:
    return [t.content for t in tokens if t.type == "fence" and t.info.strip() == "mermaid"]


def diagram(block: str) -> str:
    """A Mermaid block without its init directive (the first line, when it has one): what the diagram draws."""
    return block.partition("\n")[2] if block.startswith("%%{init: ") else block


# --------------------------------------------------------------------------- escaping


class TestEscaping:
    def test_table_cell_cannot_be_split_or_ended(self):
        assert md("a | b\nc") == "a \\| b<br>c"
        assert md("a\r\nb\rc\u2028d") == "a<br>b<br>c<br>d"

    def test_html_is_text(self):
        assert md("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
        assert md("x <!-- hidden") == "x &lt;!-- hidden"
        assert md("&lt;b&gt; &#64; AT&T") == "&amp;lt;b&amp;gt; &amp;\\#\u200d64; AT&amp;T"

    def test_markdown_punctuation_is_escaped(self):
        assert md("`code` *em* _em_ ~~s~~ [x](y) ![i](j) $x$") == (
            "\\`code\\` \\*em\\* \\_em\\_ \\~\\~\u200ds\\~\\~ \\[x\\](y) !\\[i\\](j) \\$x\\$"
        )

    def test_block_starts_are_escaped(self):
        assert md("- item") == "\\- item"
        assert md("+ item") == "\\+ item"
        assert md("1. item") == "1\\. item"
        assert md("12) item") == "12\\) item"
        assert md("# heading").startswith("\\#")
        assert md("> quote") == "&gt; quote"
        assert md("=== ") == "\\==="

    def test_mentions_and_references_are_broken_with_a_zero_width_joiner(self):
        assert md("@octocat") == f"@{ZWJ}octocat"
        assert md("fixes #123") == f"fixes \\#{ZWJ}123"
        assert md("org/repo#1 !2 ~label $3 %m") == f"org/repo\\#{ZWJ}1 !{ZWJ}2 \\~{ZWJ}label \\${ZWJ}3 %{ZWJ}m"
        assert md("a @ b, # 1, 100%") == "a @ b, \\# 1, 100%"

    def test_bare_urls_are_not_autolinked(self):
        assert md("see https://example.org and www.example.org") == "see https\\://example.org and www\\.example.org"

    def test_invisible_and_control_characters_are_removed(self):
        assert md("a\u202eb\x00c\td\x1b") == "abc d"

    def test_plain_text_is_unchanged(self):
        text = "Kommunstyrelsen 2022-05-17 (KS 2022-05-17 § 93), 110 medborgare; 3.4.1"
        assert md(text) == text

    def test_hints_keep_their_code_spans_and_escape_the_rest(self):
        assert with_code_spans("Plan it (`planned:`) and record `done:` and `result:`.") == (
            "Plan it (`planned:`) and record `done:` and `result:`."
        )
        assert with_code_spans("Replace `<<: *a|b` with <b>_x_</b> @octocat") == (
            f"Replace `<<: *a\\|b` with &lt;b&gt;\\_x\\_&lt;/b&gt; @{ZWJ}octocat"
        )
        assert with_code_spans("- a `tick <!-- and\nmore ` ` x") == "\\- a `tick <!-- and more` \\` x"
        assert with_code_spans("no spans `here") == "no spans \\`here"
        assert with_code_spans("under `analyses:`: what - 1. x") == "under `analyses:`: what - 1. x"

    def test_shorten_cuts_at_a_word(self):
        assert shorten("ett två tre fyra", 10) == "ett två…"
        assert shorten("a\nb  c", 10) == "a b c"
        assert shorten(None) == ""


class TestMermaid:
    def test_labels_cannot_break_a_diagram_or_the_fence(self):
        label = mermaid.text('a "b" [c] {d} ; e: #f %% g `h` <i>\nj ```')
        assert label == ("a #34;b#34; #91;c#93; #123;d#125; #59; e#58; #35;f #37;#37; g #96;h#96; #60;i#62; j #96;#96;#96;")
        assert "\n" not in label and '"' not in label and "`" not in label

    def test_keeps_letters_of_any_language(self):
        assert mermaid.text("Åtgärd för ökad självförsörjning") == "Åtgärd för ökad självförsörjning"

    def test_pie_leaves_out_empty_slices_and_colours_each_slice(self):
        assert mermaid.pie("T", [("A", 0, "#000000"), ("B", 2, "#78B159"), ("C", 3, "#DD2E44")]) == (
            '```mermaid\n%%{init: {"themeVariables": {"pie1": "#DD2E44", "pie2": "#78B159"}}}%%\n'
            'pie showData\n    title T\n    "C" : 3\n    "B" : 2\n```'
        )
        assert mermaid.pie("T", [("A", 0, "#000000")]) is None

    def test_flowchart_ids_are_generated(self):
        chart = mermaid.flowchart([mermaid.Node("end"), mermaid.Node("child", 0, "x")], {"x": "stroke-dasharray: 5 5"})
        assert chart.splitlines()[3:] == [
            '    n1["#101;nd"]', '    n2["child"]', "    n1 --> n2", "    classDef x stroke-dasharray: 5 5", "    class n2 x", "```",
        ]


# --------------------------------------------------------------------------- status


class TestStatus:
    def test_rows_per_recommendation_and_action(self, acme):
        """Names first, the ids in the last column; the overdue action with its days late; the evidence shown."""
        text = report(acme, "status", "sv")
        rows = table_rows(text, "| Rekommendation | Åtgärd |")
        assert rows == [
            ["Bryt ned det övergripande målet i mätbara mål. (till Kommunstyrelsen)", "Ta fram mätbara delmål.", "Samordnare", "2022-12-31",
             "genomförd 2022-11-30<br>Underlag: KS 2022-12-13 § 200", "🟢 Åtgärdad (2023-10-01)", "`rek-1`"],
            ["Anta en uppdragsbeskrivning som gäller efter 2022. (till Kommunstyrelsen)", "Anta en ny uppdragsbeskrivning.", "Samordnare",
             "2023-03-31", "pågår, **försenad 457 dagar**", "🟡 Delvis åtgärdad (2024-03-01)", "`rek-2`"],
            ["Utvärdera modellen. (till Kommunstyrelsen)", "*Ingen åtgärd redovisad*", "", "", "", "Ej uppföljd", "`rek-3`"],
            ["Åtgärder som inte avser en viss rekommendation", "Informera nämnderna om svaret.", "–", "–", "planerad", "", "Alla"],
        ]

    def test_progress_per_report_and_pie(self, acme):
        text = report(acme, "status", "sv")
        assert table_rows(text, "| Granskning |") == [
            ["Granskning av modellen", "2022-03-15", "3", "1", "1", "0", "1", "1 av 3", "1"],
        ]
        assert ('```mermaid\n%%{init: {"themeVariables": {"pie1": "#78B159", "pie2": "#FDCB58", "pie3": "#AA8ED6"}}}%%\n'
                'pie showData\n    title Rekommendationernas status\n    "Åtgärdade" : 1\n'
                '    "Delvis åtgärdade" : 1\n    "Inga åtgärder i svaret" : 1\n```') in text
        assert "**Svar:** Kommunstyrelsen, 2022-05-17 (KS 2022-05-17 § 93). Kommunstyrelsen instämmer i rekommendationerna." in text
        assert "**Uppföljningar:** 2023-10-01 (KPMG AB), 2024-03-01 (KPMG AB)." in text

    def test_english(self, acme):
        text = report(acme, "status", "en")
        assert text.startswith("# Status of audit recommendations\n\n<!-- Made with auditrack report status from the data files. "
                               "Changes made here are overwritten when the report is made again. -->\n\nAs of 2024-06-30.\n")
        rows = table_rows(text, "| Recommendation | Action |")
        assert rows[1][4:] == ["in progress, **457 days late**", "🟡 Partly implemented (2024-03-01)", "`rek-2`"]
        assert "KPMG AB, 2022-03-15. The recommendations are addressed to Kommunstyrelsen." in text

    def test_missing_response_is_shown_with_its_deadline(self, acme):
        (acme / "recommendations/acme/2022-modellen/response.yaml").unlink()
        text = report(acme, "status", "sv")
        assert "**Svar:** Inget svar är registrerat. Svar begärdes senast 2022-06-30. **Svaret är försenat.**" in text
        assert table_rows(text, "| Rekommendation | Åtgärd |")[2] == ["Utvärdera modellen. (till Kommunstyrelsen)", "*Inget svar*", "", "", "", "Ej uppföljd", "`rek-3`"]

    def test_as_of_before_the_follow_ups_leaves_them_out(self, acme):
        result = loaded(acme, as_of=date(2023, 1, 1))
        text = render("status", result, lang="sv")
        assert table_rows(text, "| Rekommendation | Åtgärd |")[0][-2] == "Ej uppföljd"

    def test_org_filter(self, acme):
        text = render("status", loaded(acme), lang="sv", org="acme")
        assert "## Acme kommun" in text and "Endast organisationen acme." in text


# --------------------------------------------------------------------------- follow-up


class TestFollowUp:
    def test_the_auditors_table(self, acme):
        text = report(acme, "follow-up", "sv")
        rows = table_rows(text, "| Id | Rekommendation | Svar och vidtagna åtgärder |")
        assert rows == [
            ["`rek-1`", "Bryt ned det övergripande målet i mätbara mål. (avsnitt 3\\.1)",
             "• Ta fram mätbara delmål. (ansvarig: Samordnare; klart senast: 2022-12-31; genomförd 2022-11-30)",
             "🟢 Åtgärdad (2023-10-01)", "Delmål finns."],
            ["`rek-2`", "Anta en uppdragsbeskrivning som gäller efter 2022. (avsnitt 3\\.4)",
             "• Anta en ny uppdragsbeskrivning. (ansvarig: Samordnare; klart senast: 2023-03-31; pågår, **försenad**)",
             "🟡 Delvis åtgärdad (2024-03-01)<br>Tidigare: Ej åtgärdad (2023-10-01)", "Ett förslag finns."],
            ["`rek-3`", "Utvärdera modellen. (avsnitt 3\\.5)", "*Ingen åtgärd redovisad*", "Ej uppföljd", ""],
        ]
        assert "- Informera nämnderna om svaret. (planerad)" in text
        assert "Sammanfattande bedömning: till viss del." in text
        assert "**Uppföljningar:** 2023-10-01, bedömd av KPMG AB; 2024-03-01, bedömd av KPMG AB." in text

    def test_the_overall_verdict_in_english_reads_as_an_assessment(self, acme):
        text = report(acme, "follow-up", "en")
        assert ("KPMG AB, 2022-03-15. The recommendations are addressed to Kommunstyrelsen. "
                "Overall assessment: partly fulfilled.") in text.splitlines()

    def test_one_follow_up(self, acme):
        (acme / "recommendations/acme/2022-modellen/follow-up-2024.yaml").unlink()
        text = report(acme, "follow-up", "en")
        assert "**Follow-up:** 2023-10-01, assessed by KPMG AB." in text

    def test_english(self, acme):
        text = report(acme, "follow-up", "en")
        assert "| Id | Recommendation | Response and actions taken | Assessment | Comment |" in text
        assert ("Grading scale: 🟢 Implemented · 🟡 Partly implemented · 🔴 Not implemented · ⚪ Not assessed"
                " · ➖ No longer relevant · ⛔ Not agreed.") in text


# --------------------------------------------------------------------------- governance


class TestGovernance:
    def test_uncovered_periods_and_timeline(self, acme):
        text = report(acme, "governance", "sv")
        assert "- ⚠️ 2020-01-01 – 2020-12-31 (ca 12 månader)\n- ⚠️ 2023-01-01 – 2024-06-30 (ca 18 månader)" in text
        gantt = text.split("gantt\n", 1)[1].split("```", 1)[0]
        assert '```mermaid\n%%{init: {"gantt": {"leftPadding": 194}}}%%\ngantt\n' in text
        assert gantt.splitlines() == [
            "    title Modellen",
            "    dateFormat YYYY-MM-DD",
            "    axisFormat %Y-%m",
            "    inclusiveEndDates",
            "    todayMarker off",
            "    section Uppdrag med roller och ansvar",
            "    Uppdragsbeskrivning 2021 :t1, 2021-01-01, 2022-12-31",
            "    section Luckor",
            "    Inget uppdrag :crit, t2, 2020-01-01, 2020-12-31",
            "    Inget uppdrag :crit, t3, 2023-01-01, 2024-06-30",
            "    section Andra beslut",
            "    Beslut om modellen :milestone, t4, 2020-01-15, 0d",
            "    section Organ",
            "    Styrgrupp :t5, 2021-01-01, 2024-06-30",
            "    section Tidpunkter",
            "    Start :milestone, t6, 2020-01-01, 0d",
            "    Per 2024-06-30 :milestone, t7, 2024-06-30, 0d",
        ]

    def test_a_successor_closes_the_gap(self, acme):
        path = acme / "governance/acme/mandates/uppdrag-2023.yaml"
        path.write_text(json.dumps({
            "kind": "mandate", "id": "uppdrag-2023", "organisation": "acme", "title": "Uppdragsbeskrivning 2023",
            "type": "mandate-description", "programme": "modellen", "adopted": "2022-12-15", "valid_from": "2023-01-01",
            "regulates": ["roles"], "supersedes": ["uppdrag-2021"],
        }), encoding="utf-8")
        text = report(acme, "governance", "sv")
        assert "- ⚠️ 2020-01-01 – 2020-12-31 (ca 12 månader)\n\n```mermaid" in text
        rows = table_rows(text, "| Uppdrag eller beslut |")
        assert rows[-1] == ["Uppdragsbeskrivning 2023", "uppdragsbeskrivning", "antagen 2022-12-15", "2023-01-01 – tills vidare",
                            "roller", "ja", "gäller"]

    def test_mandates_table(self, acme):
        rows = table_rows(report(acme, "governance", "sv"), "| Uppdrag eller beslut |")
        assert rows == [
            ["Beslut om modellen", "beslut", "KS 2020-01-15 § 3", "2020-01-15 – tills vidare", "återrapportering", "nej", "gäller"],
            ["Uppdragsbeskrivning 2021", "uppdragsbeskrivning", "antagen 2021-01-01", "2021-01-01 – 2022-12-31", "roller, ansvar",
             "ja", "har upphört"],
        ]

    def test_goals_against_measurements(self, acme):
        text = report(acme, "governance", "sv")
        assert table_rows(text, "| Mål | Nyckeltal |") == [
            ["**Fler ska bli självförsörjande.**", "*saknas*", "*saknas*", "", "", "Ej uppföljd"],
            ["↳ 100 personer per år ska gå till arbete.", "Personer till arbete", "100 personer (2023)",
             "80 (2023) ❌ ej uppnått", "80 personer (2023)", "2024-02-01: Målet nåddes inte."],
        ]
        assert '    n1["Fler ska bli självförsörjande."]\n    n2["100 personer per år ska gå till arbete."]\n    n1 --> n2' in text
        assert "1 mål saknar nyckeltal eller målvärde med tidpunkt" in text

    def test_bodies_roles_and_org_chart(self, acme):
        text = report(acme, "governance", "sv")
        assert table_rows(text, "| Organ |") == [
            ["Kommunstyrelsen", "styrelse", "–", "", "*uppgift saknas*", "permanent", "ordinarie organisation (inget programuppdrag krävs)"],
            ["Styrgrupp", "styrgrupp", "Kommunstyrelsen", "Varannan månad", "**nej**", "från 2021-01", "Uppdragsbeskrivning 2021"],
        ]
        assert table_rows(text, "| Roll |") == [
            ["Samordnare", "Samordnar arbetet.", "Anna Andersson (från 2021-01)", "Uppdragsbeskrivning 2021"],
        ]
        assert "    n1 --> n2\n    n2 -.- n3" in text

    def test_reporting_against_reports_given(self, acme):
        text = report(acme, "governance", "sv")
        assert ("Samordnare ska rapportera till Kommunstyrelsen. 2 gånger per år. Gäller från 2021-01. "
                "Beslutat i Beslut om modellen. Krävt innehåll: effekter.") in text
        assert table_rows(text, "| År |") == [
            ["2021", "2", "2", "1", "0"],
            ["2022", "2", "1", "0", "**1**"],
            ["2023", "2", "0", "0", "**2**"],
            ["2024 (del av år)", "2", "0", "0", "–"],
        ]
        assert table_rows(text, "| Datum | Beslut |")[1] == ["2021-11-10", "–", "–", "**effekter**", "–"]

    def test_indicators_evaluations_interventions(self, acme):
        text = report(acme, "governance", "en")
        assert table_rows(text, "| Indicator | Linked goals |") == [
            ["Personer till arbete", "100 personer per år ska gå till arbete.", "80 personer (2023)", "2", "**0**"],
        ]
        assert table_rows(text, "| Evaluation |") == [["Utvärdering av modellen", "effects", "yes", "–", "**not done**"]]
        assert table_rows(text, "| Intervention |") == [["Praktik", "AME", "12 (2023)"]]

    def test_swedish_numbers(self, acme, tmp_path):
        path = acme / "governance/acme/indicators/till-arbete.yaml"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["measurements"][1]["value"] = 1234.5
        path.write_text(json.dumps(data), encoding="utf-8")
        assert "| 1\u00a0234,5 personer (2023) |" in report(acme, "governance", "sv")
        assert "| 1,234.5 personer (2023) |" in report(acme, "governance", "en")


# --------------------------------------------------------------------------- gaps


def _broken_body(root: Path) -> None:
    (root / "governance/acme/bodies/trasig.yaml").write_text(
        "kind: body\nid: trasig\norganisation: acme\nname: Trasig\ntype: nonsense\n", encoding="utf-8")


class TestGaps:
    def test_a_finding_links_to_its_file_and_line(self, acme):
        _broken_body(acme)
        text = report(acme, "gaps", "sv")
        link = "[governance/acme/bodies/trasig.yaml:5](governance/acme/bodies/trasig.yaml#L5)"
        row = next(line for line in text.splitlines() if link in line)
        assert row.startswith("| `S004` | ")
        assert "⚠️ 1 fel gäller själva datafilerna" in text

    def test_a_hint_shows_its_code_spans_as_code(self, acme, cli):
        done = cli("report", "gaps", str(acme), "--lang", "sv", "--as-of", "2024-06-30")
        row = next(line for line in done.stdout.splitlines() if line.startswith("| `G401` |"))
        assert row == (
            "| `G401` | utvärderingen 'Utvärdering av modellen' ska göras men är varken genomförd eller planerad"
            "<br>*Förslag:* Planera utvärderingen (`planned:`) och registrera `done:` och `result:` när den är genomförd. "
            "| [governance/acme/evaluations/utvardering.yaml:10](governance/acme/evaluations/utvardering.yaml#L10) |"
        )

    def test_links_are_relative_to_the_report(self, acme):
        _broken_body(acme)
        text = report(acme, "gaps", "en", link_from=acme / "reports" / "ci")
        assert "(../../governance/acme/bodies/trasig.yaml#L5)" in text

    def test_absolute_links_with_a_link_base(self, acme):
        _broken_body(acme)
        text = report(acme, "gaps", "en", link_base="https://github.com/o/r/blob/abc123")
        assert "(https://github.com/o/r/blob/abc123/governance/acme/bodies/trasig.yaml#L5)" in text

    def test_summary_counts_and_groups(self, acme):
        result = loaded(acme, checked=True)
        text = render("gaps", result, lang="en", data_root=acme)
        counts = {s: sum(1 for f in result.findings if f.severity.value == s) for s in ("error", "warning", "info")}
        assert f"**{counts['error']} error" in text
        assert table_rows(text, "| Organisation |") == [
            ["Acme kommun", str(counts["error"]), str(counts["warning"]), str(counts["info"])],
        ]
        assert text.count("| `") == len(result.findings)

    def test_no_findings(self, tmp_path):
        root = tmp_path / "empty"
        (root / "governance").mkdir(parents=True)
        text = report(root, "gaps", "sv")
        assert "✅ Inga brister eller fel i 0 filer." in text

    def test_job_summary_uses_github_links_and_a_limit(self, acme, monkeypatch):
        _broken_body(acme)
        monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
        monkeypatch.setenv("GITHUB_REPOSITORY", "kommun/data")
        monkeypatch.setenv("GITHUB_SHA", "0123abc")
        monkeypatch.setenv("GITHUB_WORKSPACE", str(acme.parent))
        monkeypatch.setattr("auditrack.reports.GAP_SUMMARY_LIMIT", 1)
        result = loaded(acme, checked=True)
        text = render_gap_summary(result)
        assert "Generated by `auditrack check`." in text
        assert "https://github.com/kommun/data/blob/0123abc/acme/governance/" in text
        assert text.count("| `") == 1
        assert "more. Run `auditrack check` to see them all." in text


# --------------------------------------------------------------------------- partial and absent data


class TestPartialData:
    @pytest.mark.parametrize("kind", KINDS)
    @pytest.mark.parametrize("lang", i18n.LANGS)
    def test_empty_repository(self, tmp_path, kind, lang):
        root = tmp_path / "empty"
        (root / "recommendations").mkdir(parents=True)
        (root / "governance").mkdir()
        text = report(root, kind, lang)
        assert text.startswith("# ")
        assert text.endswith("\n") and not text.endswith("\n\n")

    @pytest.mark.parametrize("kind", KINDS)
    def test_only_an_audit_report(self, repo, kind):
        text = report(repo.root, kind, "sv")
        assert "## Acme kommun" in text

    @pytest.mark.parametrize("kind", KINDS)
    def test_each_file_alone(self, tmp_path, kind):
        """Any single record without the ones it refers to still renders."""
        for i, (relpath, data) in enumerate(records().items()):
            root = tmp_path / f"r{i}-{kind}"
            path = root / relpath
            path.parent.mkdir(parents=True)
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            (root / "governance").mkdir(exist_ok=True)
            (root / "recommendations").mkdir(exist_ok=True)
            report(root, kind, "en")

    def test_deterministic(self, acme):
        for kind in KINDS:
            assert report(acme, kind, "sv") == report(acme, kind, "sv")


# --------------------------------------------------------------------------- labels


class TestLabels:
    def test_both_languages_have_the_same_keys(self):
        assert set(i18n.LABELS["sv"]) == set(i18n.LABELS["en"])
        assert set(i18n.WORDS["sv"]) == set(i18n.WORDS["en"])
        for group in i18n.WORDS["sv"]:
            assert set(i18n.WORDS["sv"][group]) == set(i18n.WORDS["en"][group]), group

    def test_every_label_the_templates_use_exists(self):
        used = set()
        for template in TEMPLATES.glob("*.j2"):
            used |= set(re.findall(r'\bt\("([a-z0-9.-]+)"', template.read_text(encoding="utf-8")))
            for group in re.findall(r'\bword\("([a-z-]+)"', template.read_text(encoding="utf-8")):
                assert group in i18n.WORDS["sv"], group
        assert used and used <= set(i18n.LABELS["sv"])

    def test_words_cover_the_schema_values(self):
        from typing import get_args

        from auditrack.models.bodies import BodyType, Cadence
        from auditrack.models.topics import ReportContent, Topic
        from auditrack.models.tracking import ActionStatus, FollowUpStatus

        for group, literal in (("body-type", BodyType), ("cadence", Cadence), ("content", ReportContent),
                               ("topic", Topic), ("action-status", ActionStatus), ("grade", FollowUpStatus)):
            assert set(get_args(literal)) <= set(i18n.WORDS["sv"][group]), group


# --------------------------------------------------------------------------- the command


@pytest.fixture
def run_report(cli):
    """`run_report(KIND, PATH, ...)` runs `auditrack report ...` as a real process."""
    return lambda *args: cli("report", *args)


class TestCommand:
    def test_stdout(self, run_report, acme):
        done = run_report("status", str(acme), "--as-of", "2024-06-30", "--lang", "sv")
        assert done.code == 0, done.stderr
        assert done.stdout == report(acme, "status", "sv")

    def test_lang_from_the_configuration(self, run_report, acme):
        (acme / "auditrack.yaml").write_text("lang: sv\n", encoding="utf-8")
        done = run_report("follow-up", str(acme), "--as-of", "2024-06-30")
        assert done.code == 0 and done.stdout.startswith("# Uppföljning av tidigare granskningar")

    def test_output_is_written_once(self, run_report, acme):
        target = acme / "reports" / "status.md"
        first = run_report("status", str(acme), "--as-of", "2024-06-30", "--output", str(target))
        assert first.code == 0 and first.stdout == ""
        assert first.stderr == f"auditrack: wrote {target}\n"
        stamp = target.stat().st_mtime_ns
        second = run_report("status", str(acme), "--as-of", "2024-06-30", "--output", str(target))
        assert second.code == 0 and second.stderr == f"auditrack: unchanged: {target}\n"
        assert target.stat().st_mtime_ns == stamp

    def test_output_in_a_subfolder_links_back(self, run_report, acme):
        _broken_body(acme)
        target = acme / "docs" / "gaps.md"
        done = run_report("gaps", str(acme), "--as-of", "2024-06-30", "--output", str(target))
        assert done.code == 0
        assert "data error" in done.stderr
        assert "(../governance/acme/bodies/trasig.yaml#L5)" in target.read_text(encoding="utf-8")

    @pytest.mark.parametrize("args, message", [
        (("nonsense",), "unknown report 'nonsense'; use one of: status, gaps, follow-up, governance"),
        (("status", "--org", "nowhere"), "unknown organisation 'nowhere'; the organisations in"),
        (("status", "--as-of", "2024-13-01"), "is not a date"),
        (("status", "--lang", "de"), "'de'"),
        (("gaps", "--link-base", "javascript:alert(1)"), "--link-base must be an http(s) URL"),
    ])
    def test_usage_errors(self, run_report, acme, args, message):
        kind, *rest = args
        done = run_report(kind, str(acme), *rest)
        assert done.code == 2
        assert message in done.stderr
        assert "Traceback" not in done.stderr

    def test_no_data_folders(self, run_report, tmp_path):
        done = run_report("status", str(tmp_path))
        assert done.code == 2 and "no data folders" in done.stderr

    def test_a_data_repository_overrides_a_template(self, run_report, acme):
        (acme / "templates").mkdir()
        (acme / "templates" / "status.md.j2").write_text(
            "# Egen rapport\n{% for org in organisations %}{{ org.name }} {{ t('total') }}{% endfor %}\n", encoding="utf-8")
        done = run_report("status", str(acme), "--lang", "sv")
        assert done.code == 0 and done.stdout == "# Egen rapport\nAcme kommun Totalt\n"
        other = run_report("follow-up", str(acme), "--lang", "sv")
        assert other.stdout.startswith("# Uppföljning av tidigare granskningar")

    def test_a_template_linking_outside_the_repository_is_refused(self, run_report, acme, tmp_path):
        secret = tmp_path / "runner-secret.txt"
        secret.write_text("TOKEN=abc123\n", encoding="utf-8")
        (acme / "templates").mkdir()
        (acme / "templates" / "status.md.j2").symlink_to(secret)
        done = run_report("status", str(acme), "--lang", "sv")
        assert done.code == 4
        assert done.stdout == ""  # not silently made from the packaged status template instead
        assert done.stderr == ("auditrack: cannot render the status report: "
                               "templates/status.md.j2: den symboliska länken pekar utanför repositoriet och följs inte\n")

    def test_an_undefined_variable_names_the_template_and_line(self, run_report, acme):
        (acme / "templates").mkdir()
        (acme / "templates" / "status.md.j2").write_text("# Rapport\n\n{{ no_such_thing }}\n", encoding="utf-8")
        done = run_report("status", str(acme))
        assert done.code == 4
        assert done.stderr == (
            "auditrack: cannot render the status report: templates/status.md.j2 line 3: 'no_such_thing' is undefined\n"
        )

    def test_a_syntax_error_names_the_template_and_line(self, run_report, acme):
        (acme / "templates").mkdir()
        (acme / "templates" / "gaps.md.j2").write_text("# R\n{% if x %}\n", encoding="utf-8")
        done = run_report("gaps", str(acme))
        assert done.code == 4
        assert done.stderr.startswith("auditrack: cannot render the gaps report: templates/gaps.md.j2 line 2: ")
        assert "Traceback" not in done.stderr

    def test_templates_run_in_a_sandbox(self, run_report, acme):
        (acme / "templates").mkdir()
        (acme / "templates" / "status.md.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
        done = run_report("status", str(acme))
        assert done.code == 4 and "unsafe" in done.stderr

    def test_an_included_template_error_names_the_included_file(self, run_report, acme):
        (acme / "templates").mkdir()
        (acme / "templates" / "_scope.md.j2").write_text("ok\n{{ missing.value }}\n", encoding="utf-8")
        done = run_report("governance", str(acme))
        assert done.code == 4
        assert "templates/_scope.md.j2 line 2: 'missing' is undefined" in done.stderr


# --------------------------------------------------------------------------- template lookup


class TestTemplateLookup:
    def test_the_installed_templates_are_the_repository_templates(self):
        # Editable: the repository's folder itself; from a wheel: copies inside the package. Same content either way.
        from auditrack.reports.environment import packaged_templates

        packaged = packaged_templates()
        names = sorted(p.name for p in TEMPLATES.glob("*.j2"))
        assert names and sorted(p.name for p in packaged.glob("*.j2")) == names
        for name in names:
            assert (packaged / name).read_bytes() == (TEMPLATES / name).read_bytes(), name

    def test_a_wheel_carries_the_templates(self, wheel, tmp_path):
        assert {f"auditrack/templates/{p.name}" for p in TEMPLATES.glob("*.j2")} <= set(wheel.names)
        probe = wheel.python("import auditrack.reports.environment as e; print(e.packaged_templates())", tmp_path)
        assert probe.returncode == 0, probe.stderr
        assert Path(probe.stdout.strip()) == (wheel.site / "auditrack" / "templates").resolve()


@pytest.mark.parametrize("kind", ["status", "follow-up", "governance"])
@pytest.mark.parametrize("org", ["ludvika", "bracke"])
def test_a_report_of_one_organisation_reads_only_its_files_and_says_the_same(kind, org):
    root = Path(__file__).parents[1]
    whole, one = load_repository(root, Config()), load_repository(root, Config(), org)
    whole.as_of = one.as_of = date(2026, 11, 24)
    assert one.files == len([p for p in (root / "governance" / org).rglob("*.yaml")]) + len(
        [p for p in (root / "recommendations" / org).rglob("*.yaml")]) + 1  # and the other organisation's file
    assert one.organisations == whole.organisations == {"bracke": "Bräcke kommun", "ludvika": "Ludvika kommun"}
    for lang in ("sv", "en"):
        assert render(kind, one, lang=lang, org=org, data_root=root) == render(kind, whole, lang=lang, org=org,
                                                                               data_root=root)


def test_a_report_of_one_organisation_still_names_the_others_when_asked_for_an_unknown_one(acme, run_report):
    done = run_report("status", str(acme), "--org", "nowhere")
    assert done.code == 2
    assert "unknown organisation 'nowhere'; the organisations in" in done.stderr
    assert done.stderr.rstrip().endswith(": acme")
