"""`auditrack import report`: both seed reports drafted and compared, field by field, with the repository's
hand-encoded data; a PDF made from the Bräcke text drafted the same way; the Bräcke draft passes `check` once
what it lists as not found is filled in. The thresholds are explained in docs/import.md."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli

SEEDS = Path("/work/shared/seeds")
if not SEEDS.is_dir():  # the seeds sit beside the repository when it is checked out elsewhere
    SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
REPO = Path(__file__).resolve().parents[1]
BRACKE_TEXT = SEEDS / "bracke-2023-03-24-kpmg-sjalvforsorjning.md"
LUDVIKA_TEXT = SEEDS / "ludvika-2022-03-15-kpmg-ludvikamodellen.txt"
BRACKE = REPO / "recommendations/bracke/2023-sjalvforsorjning/report.yaml"
LUDVIKA = REPO / "recommendations/ludvika/2022-ludvikamodellen/report.yaml"
THRESHOLDS = {"recommendations": 0.8, "questions": 0.8, "verdicts": 0.8, "sections": 0.7, "dates": 1.0}
"""The share of each field kind a draft must get right (docs/import.md says why)."""

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not beside the repository")


def _words(text) -> str | None:
    return " ".join(str(text).split()) if text is not None else None


def _questions(report: dict) -> list[dict]:
    return [q for top in report.get("questions", []) for q in (top, *top.get("sub_questions", []))]


def compare(draft: dict, hand: dict) -> dict[str, tuple[int, int]]:
    """Per field kind: (found and equal, in the hand-encoded data)."""
    def share(pairs):
        pairs = list(pairs)
        return sum(1 for a, b in pairs if a == b), len(pairs)

    hand_q, draft_q = _questions(hand), {q["id"]: q for q in _questions(draft)}
    hand_r, draft_r = hand.get("recommendations", []), {r["id"]: r for r in draft.get("recommendations", [])}
    letter, request = hand.get("cover_letter") or {}, hand.get("response_request") or {}
    dates = [(draft.get("date"), hand.get("date"))]
    if letter.get("date"):
        dates.append(((draft.get("cover_letter") or {}).get("date"), letter["date"]))
    for key in ("requested_on", "due"):
        if request.get(key):
            dates.append(((draft.get("response_request") or {}).get(key), request[key]))
    return {
        "recommendations": share((_words(draft_r.get(r["id"], {}).get("text")), _words(r["text"])) for r in hand_r),
        "questions": share((_words(draft_q.get(q["id"], {}).get("text")), _words(q["text"])) for q in hand_q),
        "verdicts": share([(draft_q.get(q["id"], {}).get("verdict"), q.get("verdict")) for q in hand_q]
                          + [((draft.get("overall_verdict") or {}).get("grade"),
                              (hand.get("overall_verdict") or {}).get("grade"))]),
        "sections": share([(draft_q.get(q["id"], {}).get("section"), q.get("section")) for q in hand_q]
                          + [(draft_r.get(r["id"], {}).get("section"), r.get("section")) for r in hand_r]),
        "dates": share(dates),
    }


def draft_of(text: Path, tmp_path: Path, *args: str) -> tuple[dict, str]:
    out = tmp_path / "draft.yaml"
    run = run_cli("import", "report", str(text), "--output", str(out), *args, cwd=tmp_path)
    assert run.code == 0, run.stderr
    written = out.read_text(encoding="utf-8")
    return yaml.safe_load(written), written


def assert_found_enough(name: str, draft: dict, hand: dict) -> None:
    shares = compare(draft, hand)
    for kind, (found, total) in shares.items():
        print(f"{name}: {kind}: {found}/{total} = {found / total:.0%} (threshold {THRESHOLDS[kind]:.0%})")
    low = {kind: (f, t) for kind, (f, t) in shares.items() if f / t < THRESHOLDS[kind]}
    assert not low, f"{name}: below the threshold: {low}"


@needs_seeds
@pytest.mark.parametrize(("text", "hand"), [(BRACKE_TEXT, BRACKE), (LUDVIKA_TEXT, LUDVIKA)], ids=["bracke", "ludvika"])
def test_seed_drafts_match_the_hand_encoded_data(text, hand, tmp_path):
    draft, _written = draft_of(text, tmp_path)
    assert_found_enough(text.name, draft, yaml.safe_load(hand.read_text(encoding="utf-8")))


@needs_seeds
def test_the_bracke_draft_is_exact_where_the_report_is_plain(tmp_path):
    draft, written = draft_of(BRACKE_TEXT, tmp_path)
    hand = yaml.safe_load(BRACKE.read_text(encoding="utf-8"))
    for key in ("id", "organisation", "title", "audit_firm", "auditors", "commissioned_by", "date",
                "audit_plan_year", "addressees", "purpose", "criteria"):
        assert draft[key] == hand[key], key
    assert draft["cover_letter"]["signed_by"] == hand["cover_letter"]["signed_by"]
    assert draft["response_request"]["requested_from"] == ["kommunfullmaktiges-presidium"]  # no repository here
    assert "title: Granskning av arbetet med självförsörjning  # line 28\n" in written
    assert "  - id: kpmg-2023-sjalvforsorjning-r1  # line 468\n" in written
    assert written.endswith("# Not found in the source; complete these:\n"
                            "#   - the date the response is due (leave out when the letter gives none)\n")


@needs_seeds
def test_ocr_damage_is_repaired_where_certain_and_marked_where_not(tmp_path):
    draft, written = draft_of(LUDVIKA_TEXT, tmp_path)
    assert draft["recommendations"][1]["text"] == ("Bryta ned det övergripande målet till verksamhetsspecifika, "
                                                   "mätbara mål i en processplan/måldokument.")
    assert draft["purpose"] == ("Syftet med granskningen har varit att bedöma om kommunstyrelsen har upprättat ett "
                                "tydligt och ändamålsenligt arbetssätt i arbetet med Vägen till egen försörjning.")
    # 'ar' may be 'år' or 'är': left as it is, and listed at the end with the line
    assert "#   - line 517: 'ar' (är / år?)\n" in written


@needs_seeds
def test_a_pdf_is_drafted_the_same_way_citing_pages(tmp_path):
    import fpdf

    pdf = fpdf.FPDF()
    pdf.core_fonts_encoding = "windows-1252"  # the core fonts' own encoding: å, ä, ö, ” and – print
    pdf.set_font("Helvetica", size=10)
    for page in BRACKE_TEXT.read_text(encoding="utf-8").split("\n\n\n\n"):  # the seed's page breaks
        pdf.add_page()
        for line in page.splitlines():
            line = re.sub(r"^#+ |\*\*|<sup>.*?</sup>|(?<!\w)\*|\*(?!\w)", "", line).replace("\t", " ")  # as printed
            pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "bracke.pdf"
    pdf.output(str(path))
    draft, written = draft_of(path, tmp_path)
    assert_found_enough(path.name, draft, yaml.safe_load(BRACKE.read_text(encoding="utf-8")))
    assert "title: Granskning av arbetet med självförsörjning  # page 2\n" in written


@needs_seeds
def test_the_bracke_draft_passes_check_once_the_missing_fields_are_filled(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "governance" / "bracke", data / "governance" / "bracke")
    run = run_cli("import", "report", str(BRACKE_TEXT), cwd=data)
    target = data / "recommendations/bracke/2023-kpmg-2023-sjalvforsorjning/report.yaml"
    assert (run.code, run.stderr) == (0, f"auditrack: drafted {target.relative_to(data)}; not found, to complete: 1\n"
                                         "  not found: the date the response is due (leave out when the letter "
                                         "gives none)\n")
    draft = yaml.safe_load(target.read_text(encoding="utf-8"))
    hand = yaml.safe_load(BRACKE.read_text(encoding="utf-8"))
    due = hand["response_request"].get("due")  # the one field listed; the letter gives none, nor does the data
    if due is not None:
        draft["response_request"]["due"] = due
    target.write_text(yaml.safe_dump(draft, allow_unicode=True, sort_keys=False), encoding="utf-8")
    checked = run_cli("check", str(data), "--format", "json", "--fail-on", "never")
    assert checked.code == 0
    assert checked.data_findings == []


def test_an_existing_draft_is_refused_without_force(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Granskning av delegering\n\nKPMG AB\n\n2024-05-02\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    out.write_text("kept\n", encoding="utf-8")
    run = run_cli("import", "report", str(report), "--output", str(out), cwd=tmp_path)
    assert (run.code, run.stderr) == (2, f"auditrack: {out} exists; give --force to overwrite it, or --output to "
                                         "write elsewhere\n")
    assert out.read_text(encoding="utf-8") == "kept\n"
    assert run_cli("import", "report", str(report), "--output", str(out), "--force", cwd=tmp_path).code == 0
    assert out.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_a_report_naming_no_organisation_needs_org(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Granskning av delegering\n", encoding="utf-8")
    run = run_cli("import", "report", str(report), "--lang", "sv", cwd=tmp_path)
    assert (run.code, run.stderr) == (2, "auditrack: kan inte avgöra vilken organisation rapporten gäller; ange --org\n")


def test_a_file_that_is_not_a_pdf_is_a_clear_error(tmp_path):
    bad = tmp_path / "r.pdf"
    bad.write_text("not a pdf", encoding="utf-8")
    run = run_cli("import", "report", str(bad), "--org", "x", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.startswith(f"auditrack: {bad} cannot be read as a PDF: ")


def test_a_missing_file(tmp_path):
    run = run_cli("import", "report", str(tmp_path / "nope.txt"), cwd=tmp_path)
    assert (run.code, run.stderr) == (2, f"auditrack: {tmp_path / 'nope.txt'} is not a file\n")


@pytest.mark.parametrize(("command", "module", "message"), [
    (["import", "report", "r.pdf", "--org", "x"], "pypdf",
     "auditrack: reading a PDF needs pypdf: pip install 'auditrack[pdf]' (or give the report's text as .txt or .md)\n"),
    (["export", "plan", "data", "--format", "xlsx"], "openpyxl",
     "auditrack: the xlsx format needs openpyxl: pip install 'auditrack[xlsx]' (or use --format csv)\n"),
])
def test_a_missing_optional_extra_is_a_clear_exit_2(tmp_path, repo, command, module, message):
    from tests.conftest import run_process

    hidden = tmp_path / "hidden" / module
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text(f"raise ImportError('{module} is not installed')\n", encoding="utf-8")
    (tmp_path / "r.pdf").write_bytes(b"%PDF-1.4\n")
    run = run_process(*command, cwd=tmp_path, env={"PYTHONPATH": f"{tmp_path / 'hidden'}:{REPO / 'src'}"})
    assert (run.code, run.stderr) == (2, message)
