"""The status report as a briefing for a board, on a repository built by hand as of a fixed date.

Sjöby kommun, as of 2025-06-30, with the default horizons (no due-soon horizon configured: 90 days):

- Hemtjänsten, 2022-09-15, three recommendations: r1 graded implemented 2023-09-15 and again 2024-09-15
  (closed 2023-09-15, 365 days after the report), r2 not implemented 2023-09-15 then implemented 2024-09-15
  (731 days: 2024 is a leap year), r3 partly implemented, its action due 2025-03-31 still in progress
  (91 days late). 2022: 2 of 3 implemented, 67 %, median (365 + 731) / 2 = 548 days.
- Lönehanteringen, 2024-03-01, two recommendations, asked of Kommunstyrelsen and Socialnämnden by 2024-05-31:
  Kommunstyrelsen answered, Socialnämnden did not (395 days late). Actions: one in progress due 2024-12-31
  (181 days late), one planned due 2025-08-15 (due in 46 days), one planned due 2025-12-31 (184 days away,
  beyond the horizon).
- Arkivhanteringen, undated: r1 graded implemented, r2 without a response: its year and time to close are
  "not stated", and the open r2 has no age.
- Upphandlingen, 2025-02-10, one recommendation, an answer due 2025-07-31 (in 31 days).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from auditrack import i18n
from auditrack.reports import render
from test_reports import loaded, section, table_rows

AS_OF = date(2025, 6, 30)
ORG = "sjoby"
EVIDENCE_URL = "https://sjoby.se/protokoll/sn_2023-05-10(2).pdf"


def _audit(folder: str, report_id: str, title: str, when: str | None, addressees: list[str], recs: int, **extra) -> dict:
    data = {"kind": "audit-report", "id": report_id, "organisation": ORG, "title": title, "audit_firm": "KPMG AB",
            "addressees": addressees,
            "recommendations": [{"id": f"{report_id}-r{i}", "text": f"Rekommendation {i} om {title.split()[-1]}."}
                                for i in range(1, recs + 1)], **extra}
    if when:
        data["date"] = when
    return {f"recommendations/{ORG}/{folder}/report.yaml": data}


def records() -> dict[str, dict]:
    files = {
        f"governance/{ORG}/organisation.yaml": {"kind": "organisation", "id": ORG, "name": "Sjöby kommun"},
        f"governance/{ORG}/bodies/ks.yaml": {"kind": "body", "id": "ks", "organisation": ORG, "name": "Kommunstyrelsen",
                                              "type": "board", "standing": True},
        f"governance/{ORG}/bodies/sn.yaml": {"kind": "body", "id": "sn", "organisation": ORG, "name": "Socialnämnden",
                                              "type": "committee", "standing": True},
        f"governance/{ORG}/roles/socialchef.yaml": {"kind": "role", "id": "socialchef", "organisation": ORG,
                                                     "name": "Socialchef", "standing": True},
        f"governance/{ORG}/roles/hr-chef.yaml": {"kind": "role", "id": "hr-chef", "organisation": ORG,
                                                  "name": "HR-chef", "standing": True},
    }
    files.update(_audit("2022-hemtjanst", "hemtjanst", "Granskning av hemtjänsten", "2022-09-15", ["sn"], 3))
    files[f"recommendations/{ORG}/2022-hemtjanst/response.yaml"] = {
        "kind": "response", "id": "hemtjanst-svar", "organisation": ORG, "report": "hemtjanst", "decided_by": "sn",
        "date": "2022-11-20", "decision": "SN 2022-11-20 § 88",
        "actions": [
            {"id": "hemtjanst-a1", "recommendations": ["hemtjanst-r1"], "text": "Inför en rutin för genomförandeplaner.",
             "owner": "socialchef", "due": "2023-06-30", "status": "done", "done": "2023-05-01",
             "evidence": [EVIDENCE_URL, "SN 2023-05-10 § 45"]},
            {"id": "hemtjanst-a2", "recommendations": ["hemtjanst-r3"], "text": "Följ upp kvaliteten i hemtjänsten.",
             "owner": "socialchef", "due": "2025-03-31", "status": "in-progress"},
        ],
    }
    files[f"recommendations/{ORG}/2022-hemtjanst/follow-up-2023.yaml"] = {
        "kind": "follow-up", "id": "hemtjanst-fu-2023", "organisation": ORG, "report": "hemtjanst", "date": "2023-09-15",
        "assessor": "KPMG AB", "assessments": [{"recommendation": "hemtjanst-r1", "status": "implemented"},
                                               {"recommendation": "hemtjanst-r2", "status": "not-implemented"}],
    }
    files[f"recommendations/{ORG}/2022-hemtjanst/follow-up-2024.yaml"] = {
        "kind": "follow-up", "id": "hemtjanst-fu-2024", "organisation": ORG, "report": "hemtjanst", "date": "2024-09-15",
        "assessor": "KPMG AB", "assessments": [{"recommendation": "hemtjanst-r1", "status": "implemented"},
                                               {"recommendation": "hemtjanst-r2", "status": "implemented"},
                                               {"recommendation": "hemtjanst-r3", "status": "partly-implemented"}],
    }
    files.update(_audit("2024-lon", "lon", "Granskning av lönehanteringen", "2024-03-01", ["ks"], 2,
                        response_request={"requested_on": "2024-03-10", "requested_from": ["ks", "sn"], "due": "2024-05-31"}))
    files[f"recommendations/{ORG}/2024-lon/response.yaml"] = {
        "kind": "response", "id": "lon-svar", "organisation": ORG, "report": "lon", "decided_by": "ks",
        "date": "2024-05-20", "decision": "KS 2024-05-20 § 70",
        "actions": [
            {"id": "lon-a1", "recommendations": ["lon-r1"], "text": "Inför behörighetskontroll i lönesystemet.",
             "owner": "hr-chef", "due": "2025-08-15", "status": "planned"},
            {"id": "lon-a2", "recommendations": ["lon-r2"], "text": "Dokumentera attestordningen.",
             "owner": "hr-chef", "due": "2024-12-31", "status": "in-progress"},
            {"id": "lon-a3", "recommendations": ["lon-r2"], "text": "Utbilda attestanterna.",
             "owner": "hr-chef", "due": "2025-12-31", "status": "planned"},
        ],
    }
    files[f"recommendations/{ORG}/2024-lon/follow-up-2025.yaml"] = {
        "kind": "follow-up", "id": "lon-fu-2025", "organisation": ORG, "report": "lon", "date": "2025-03-01",
        "assessor": "KPMG AB", "assessments": [{"recommendation": "lon-r2", "status": "not-implemented"}],
    }
    files.update(_audit("odaterad-arkiv", "arkiv", "Granskning av arkivhanteringen", None, ["ks"], 2))
    files[f"recommendations/{ORG}/odaterad-arkiv/follow-up.yaml"] = {
        "kind": "follow-up", "id": "arkiv-fu", "organisation": ORG, "report": "arkiv", "date": "2025-01-15",
        "assessor": "KPMG AB", "assessments": [{"recommendation": "arkiv-r1", "status": "implemented"}],
    }
    files.update(_audit("2025-upphandling", "upphandling", "Granskning av upphandlingen", "2025-02-10", ["ks"], 1,
                        response_request={"requested_on": "2025-02-20", "requested_from": ["ks"], "due": "2025-07-31"}))
    return files


def build_sjoby(root: Path) -> Path:
    for relpath, data in records().items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return root


def status(root: Path, lang: str) -> str:
    return render("status", loaded(root, as_of=AS_OF), lang=lang, data_root=root)


@pytest.fixture(scope="module")
def sjoby(tmp_path_factory) -> Path:
    return build_sjoby(tmp_path_factory.mktemp("sjoby"))


@pytest.fixture(scope="module")
def reports(sjoby) -> dict[str, str]:
    return {lang: status(sjoby, lang) for lang in i18n.LANGS}


def test_the_summary_counts_the_recommendations_by_status(reports):
    assert "Recommendations in total: 8, followed up: 5. Actions done: 1 of 5. **2 actions are overdue.**" in reports["en"]
    assert "Rekommendationer totalt: 8, varav uppföljda: 5. Genomförda åtgärder: 1 av 5. **2 åtgärder är försenade.**" in reports["sv"]
    assert table_rows(reports["en"], "| Status |") == [
        ["Implemented", "3"], ["Partly implemented", "1"], ["Not implemented", "1"], ["Actions under way", "1"],
        ["No response", "2"],
    ]
    assert table_rows(reports["sv"], "| Status |") == [
        ["Åtgärdade", "3"], ["Delvis åtgärdade", "1"], ["Ej åtgärdade", "1"], ["Åtgärder pågår", "1"], ["Svar saknas", "2"],
    ]


def test_overdue_actions_come_first_with_their_days_late_then_those_due_soon(reports):
    text = reports["en"]
    assert text.index("### Overdue actions") < text.index("### Actions due within 90 days") < text.index("## Sjöby kommun")
    assert table_rows(text, "| Action | Owner | Due | Days late |") == [
        ["Dokumentera attestordningen.", "HR-chef", "2024-12-31", "181", "Granskning av lönehanteringen"],
        ["Följ upp kvaliteten i hemtjänsten.", "Socialchef", "2025-03-31", "91", "Granskning av hemtjänsten"],
    ]
    # The action planned for 2025-12-31 is 184 days away, beyond the 90 days.
    assert table_rows(text, "| Action | Owner | Due | Days left |") == [
        ["Inför behörighetskontroll i lönesystemet.", "HR-chef", "2025-08-15", "46", "Granskning av lönehanteringen"],
    ]
    assert table_rows(reports["sv"], "| Åtgärd | Ansvarig | Klart senast | Dagar försenad |")[0] == [
        "Dokumentera attestordningen.", "HR-chef", "2024-12-31", "181", "Granskning av lönehanteringen"]
    assert "### Åtgärder som ska vara klara inom 90 dagar" in reports["sv"]


def test_in_the_audit_s_table_an_overdue_action_says_how_late_it_is(reports):
    audit = section(reports["en"], "### Granskning av hemtjänsten")
    assert table_rows(audit, "| Recommendation | Action |")[2] == [
        "Rekommendation 3 om hemtjänsten. (to Socialnämnden)", "Följ upp kvaliteten i hemtjänsten.", "Socialchef", "2025-03-31",
        "in progress, **91 days late**", "🟡 Partly implemented (2024-09-15)", "`hemtjanst-r3`"]
    assert "| pågår, **försenad 91 dagar** |" in reports["sv"]


def test_answers_missing_per_body_late_first(reports):
    assert table_rows(reports["en"], "| Body | Audit | Answer due |") == [
        ["Socialnämnden", "Granskning av lönehanteringen", "2024-05-31", "395 days late"],
        ["Kommunstyrelsen", "Granskning av upphandlingen", "2025-07-31", "due within 31 days"],
    ]
    assert table_rows(reports["sv"], "| Organ | Granskning | Sista dag för svar |") == [
        ["Socialnämnden", "Granskning av lönehanteringen", "2024-05-31", "395 dagar försenat"],
        ["Kommunstyrelsen", "Granskning av upphandlingen", "2025-07-31", "ska lämnas inom 31 dagar"],
    ]


def test_the_evidence_of_a_done_action_is_shown_a_web_address_as_a_link(reports):
    assert ("| done 2023-05-01<br>Evidence: [https\\://sjoby.se/protokoll/sn\\_2023-05-10(2).pdf]"
            "(https://sjoby.se/protokoll/sn_2023-05-10%282%29.pdf); SN 2023-05-10 § 45 |") in reports["en"]
    assert "| genomförd 2023-05-01<br>Underlag: [https\\://sjoby.se/" in reports["sv"]


def test_open_recommendations_by_the_age_of_their_report(reports):
    assert table_rows(reports["en"], "| Age of the report |") == [
        ["Under 1 year", "1"], ["1–2 years", "2"], ["Over 2 years", "1"], ["Report date not stated", "1"],
    ]
    assert table_rows(reports["sv"], "| Rapportens ålder |") == [
        ["Under 1 år", "1"], ["1–2 år", "2"], ["Över 2 år", "1"], ["Rapportens datum saknas", "1"],
    ]


def test_share_implemented_and_median_time_to_close_per_report_year(reports):
    """2022: 365 and 731 days to the follow-ups that graded them implemented; the undated report: not stated."""
    assert table_rows(reports["en"], "| Report year |") == [
        ["2022", "3", "2", "67%", "548 days"],
        ["2024", "2", "0", "0%", "none implemented yet"],
        ["2025", "1", "0", "0%", "none implemented yet"],
        ["not stated", "2", "1", "50%", "not stated"],
    ]
    assert table_rows(reports["sv"], "| Rapportår |") == [
        ["2022", "3", "2", "67\u00a0%", "548 dagar"],
        ["2024", "2", "0", "0\u00a0%", "ingen åtgärdad ännu"],
        ["2025", "1", "0", "0\u00a0%", "ingen åtgärdad ännu"],
        ["uppgift saknas", "2", "1", "50\u00a0%", "uppgift saknas"],
    ]


def test_an_implemented_grade_that_a_later_follow_up_undid_does_not_close_it(tmp_path):
    """r1 implemented 2023-09-15, then not implemented, then implemented 2025-01-10: closed 2025-01-10, 848 days
    after the report (2022-09-15)."""
    root = build_sjoby(tmp_path)
    fu = root / f"recommendations/{ORG}/2022-hemtjanst/follow-up-2024.yaml"
    data = json.loads(fu.read_text(encoding="utf-8"))
    data["assessments"][0]["status"] = "not-implemented"
    fu.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (root / f"recommendations/{ORG}/2022-hemtjanst/follow-up-2025.yaml").write_text(json.dumps({
        "kind": "follow-up", "id": "hemtjanst-fu-2025", "organisation": ORG, "report": "hemtjanst", "date": "2025-01-10",
        "assessor": "KPMG AB", "assessments": [{"recommendation": "hemtjanst-r1", "status": "implemented"}]}), encoding="utf-8")
    # median of 848 (r1) and 731 (r2)
    assert table_rows(status(root, "en"), "| Report year |")[0] == ["2022", "3", "2", "67%", "789.5 days"]


DEVELOPER_WORDS = re.compile(r"edit by hand|do not edit|generated|auditrack|data files|redigera|datafil|yaml|\bid\b",
                             re.IGNORECASE)


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_no_developer_words_in_the_body_only_a_comment_says_it_is_generated(reports, lang):
    text = reports[lang]
    lines = text.splitlines()
    assert lines[2] == f"<!-- {i18n.label(lang, 'generated-comment').format(kind='status')} -->"
    body = "\n".join(lines[:2] + lines[3:])
    assert "<!--" not in body
    # the Id column's header is the one place an id is named; the ids themselves are code spans
    body = body.replace("| Id |", "|").replace(" Id |", "")
    assert not DEVELOPER_WORDS.findall(re.sub(r"`[^`]+`", "", body))


@pytest.mark.parametrize("value, shown", [
    ("https://evil.example/x)](javascript:alert(1))|<b>",
     "[https\\://evil.example/x)\\](javascript:alert(1))\\|&lt;b&gt;]"
     "(https://evil.example/x%29%5D%28javascript:alert%281%29%29%7C%3Cb%3E)"),
    ("javascript:alert(1)", "javascript:alert(1)"),
    ("https://a.example/two words", "https\\://a.example/two words"),
    ("KS 2023-12-12 § 201 @octocat", "KS 2023-12-12 § 201 @\u200doctocat"),
])
def test_evidence_cannot_break_out_of_its_link_or_cell(tmp_path, value, shown):
    """Only an http(s) address without spaces becomes a link; its text is escaped and its address percent-encoded."""
    root = build_sjoby(tmp_path)
    response = root / f"recommendations/{ORG}/2022-hemtjanst/response.yaml"
    data = json.loads(response.read_text(encoding="utf-8"))
    data["actions"][0]["evidence"] = [value]
    response.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    audit = section(status(root, "en"), "### Granskning av hemtjänsten")
    assert table_rows(audit, "| Recommendation | Action |")[0][4] == f"done 2023-05-01<br>Evidence: {shown}"
    from markdown_it import MarkdownIt

    hrefs = re.findall(r'href="([^"]*)"', MarkdownIt("commonmark").enable("table").render(audit))
    assert hrefs == (["https://evil.example/x%29%5D%28javascript:alert%281%29%29%7C%3Cb%3E"] if value.startswith("https://evil") else [])
