"""`auditrack explain KIND [FIELD]` and docs/fields.md, which is generated from the same lines and kept current."""

from __future__ import annotations

from pathlib import Path

from auditrack.commands.explain import markdown
from conftest import run_cli, run_process

ROOT = Path(__file__).resolve().parents[1]


def test_docs_fields_md_is_current():
    committed = (ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    assert committed == markdown(), "docs/fields.md is stale: run `auditrack explain --format markdown > docs/fields.md`"


def test_one_field_in_english_and_swedish():
    out = run_process("explain", "response", "owner")
    assert (out.code, out.stderr) == (0, "")
    assert out.stdout == (
        "actions.owner: id of a role, optional\n"
        "  The role responsible for the action (a role, not a person).\n"
        "  Example: owner: processledare\n"
    )
    out = run_cli("explain", "response", "actions.status", "--lang", "sv")
    assert (out.code, out.stdout) == (0, (
        "actions.status: ett av värdena nedan, valfritt\n"
        "  'planned', 'in-progress', 'done' eller 'cancelled'; utelämna om källan inte anger det (okänd).\n"
        "  Värden: planned (planerad), in-progress (pågår), done (genomförd), cancelled (avbruten)\n"
        "  Exempel: status: done\n"
    ))


def test_every_set_of_values_the_reports_have_words_for_is_explained_with_them():
    """An observation's category, a recommendation's priority, an update's status: their Swedish words are shown."""
    out = run_cli("explain", "audit-report", "observations.category", "--lang", "sv")
    assert out.stdout.splitlines()[1].startswith("  Värden: goals (mål), measurable-targets (mätbara mål), budget, ")
    out = run_cli("explain", "response", "actions.updates.status", "--lang", "sv")
    assert "  Värden: planned (planerad), in-progress (pågår), done (genomförd), cancelled (avbruten)" in (
        out.stdout.splitlines())


def test_a_field_without_a_swedish_description_is_described_in_english():
    """Every field with an English description has a Swedish one today; one added without is shown in English."""
    from dataclasses import replace

    from auditrack.authoring.catalogue import find

    decision = find("mandate", "decision")
    assert decision.description("sv") == "Beslutsreferensen, t.ex. 'KS 2018-06-26 § 138'."
    untranslated = replace(decision, description_sv=None)
    assert untranslated.description("sv") == "The decision reference, e.g. 'KS 2018-06-26 § 138'."
    out = run_cli("explain", "mandate", "decision", "--lang", "sv")
    assert out.stdout == (
        "decision: text, valfritt\n"
        "  Beslutsreferensen, t.ex. 'KS 2018-06-26 § 138'.\n"
        "  Exempel: decision: KS 2023-12-14 § 210\n"
    )


def test_a_whole_kind_lists_nested_fields_after_their_parent():
    lines = run_cli("explain", "follow-up").stdout.splitlines()
    keys = [line.split(":")[0] for line in lines[2:] if line and not line.startswith(" ")]
    assert keys == ["kind", "organisation", "id", "report", "date", "assessor", "follow_up_report", "assessments",
                    "assessments.recommendation", "assessments.status", "assessments.comment", "source",
                    "source.report", "source.document", "source.section", "source.page", "source.note", "waivers",
                    "waivers.rule", "waivers.reason", "waivers.approved_by", "waivers.expires"]


def test_unknown_kind_and_field():
    out = run_cli("explain", "response", "ownr", "--lang", "sv")
    assert (out.code, out.stdout) == (2, "")
    assert out.stderr == ("auditrack: 'response' har inget fält 'ownr'; dess fält är: kind, organisation, id, report, "
                          "decided_by, date, decision, memo, text, actions, positions, source, waivers\n")
    out = run_cli("explain", "svar")
    assert (out.code, out.stderr) == (2, "auditrack: unknown kind 'svar'; use one of: organisation, audit-report, "
                                         "response, follow-up, programme, goal, indicator, body, role, mandate, "
                                         "reporting-requirement, evaluation, intervention, document\n")
