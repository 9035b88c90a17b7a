"""Issue 16's "Done when": a report with three recommendations, the board's answer, its actions, one action done
and a follow-up, recorded in a repository made by `auditrack init` with commands only, as an officer would."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import check_json, run_cli, run_process

FOLDER = "recommendations/norrby/2025-ekonomi"
RESPONSE = f"{FOLDER}/response-kommunstyrelsen.yaml"
ANSWER = "ekonomi-svar-kommunstyrelsen"


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def _step(root: Path, *args: str) -> str:
    out = run_process(*args, cwd=root)
    assert (out.code, out.stderr) == (0, ""), args
    run = check_json(root)
    assert run.data_findings == [], (args, run.data_findings)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", " ".join(args[:2]))
    return out.stdout


def _action(*args: str) -> tuple[str, ...]:
    return ("new", "action", "--response", ANSWER, *args)


@pytest.fixture
def audited(tmp_path) -> Path:
    """A repository from `init`, with a role and an audit of three recommendations recorded by `new report`."""
    project = Path(__file__).resolve().parents[1]
    root = tmp_path / "data"
    assert run_cli("init", str(root), "--org", "norrby", "--name", "Norrby kommun", "--source", str(project)).code == 0
    for example in root.glob("recommendations/norrby/*/follow-up-*.yaml"):
        example.unlink()  # the year's follow-up is the officer's to write
    _git(root, "init", "-q")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--allow-empty", "-q", "-m", "empty")
    _git(root, "config", "user.name", "Officer")
    _git(root, "config", "user.email", "officer@norrby.se")
    _step(root, "new", "role", "--id", "socialchef", "--name", "Socialchef")
    _step(root, "new", "report", "--id", "ekonomi", "--title", "Granskning av ekonomiskt bistånd", "--body",
          "kommunstyrelsen", "--date", "2025-06-01", "--recommendation", "Analysera statistiken.",
          "--recommendation", "Utvärdera effekterna årligen.", "--recommendation", "Dokumentera rutinerna: vem gör vad.")
    return root


def test_recording_an_audit_to_its_follow_up_takes_only_commands(audited):
    root = audited
    report = (root / FOLDER / "report.yaml").read_text(encoding="utf-8")
    assert ("recommendations:\n  - id: ekonomi-r1\n    text: Analysera statistiken.\n  - id: ekonomi-r2\n"
            "    text: Utvärdera effekterna årligen.\n  - id: ekonomi-r3\n"
            "    text: \"Dokumentera rutinerna: vem gör vad.\"\n") in report
    _step(root, "new", "response", "--report", "ekonomi", "--body", "kommunstyrelsen", "--date", "2025-09-15",
          "--decision", "KS 2025-09-15 § 101", "--stance", "ekonomi-r1=agree",
          "--stance", "ekonomi-r2=partly", "--reason", "ekonomi-r2=Görs vartannat år.", "--stance", "ekonomi-r3=agree")
    response = (root / RESPONSE).read_text(encoding="utf-8")
    assert "decided_by: kommunstyrelsen\ndate: 2025-09-15\ndecision: \"KS 2025-09-15 § 101\"\n" in response
    assert ("positions:\n  - recommendation: ekonomi-r1\n    stance: agree\n  - recommendation: ekonomi-r2\n"
            "    stance: partly\n    reason: Görs vartannat år.\n  - recommendation: ekonomi-r3\n    stance: agree\n#") in response
    # The actions are still suggested, commented out, until `new action` records them.
    assert f"# actions:\n#   - id: {ANSWER}-a1\n" in response
    actions = [("ekonomi-r1", "Ta fram statistik per insats.", "processledare", "2026-03-31"),
               ("ekonomi-r2", "Utvärdera 2026.", "socialchef", "2026-12-31"),
               ("ekonomi-r3", "Skriv rutinerna.", "socialchef", "2026-06-30")]
    for n, (rec, text, owner, due) in enumerate(actions, 1):
        before = (root / RESPONSE).read_bytes()
        said = _step(root, *_action("--recommendation", rec, "--text", text, "--owner", owner, "--due", due))
        assert said == f"lade till åtgärden '{ANSWER}-a{n}' i {RESPONSE}\n"
        after = (root / RESPONSE).read_bytes()
        added = (("actions:\n" if n == 1 else "") + f"  - id: {ANSWER}-a{n}\n    recommendations: [{rec}]\n"
                 f"    text: {text}\n    owner: {owner}\n    due: {due}\n    status: planned\n").encode()
        assert after == before + added  # only the appended lines: `git diff` shows nothing else
        lines = len(added.splitlines())
        assert _git(root, "show", "--format=", "--numstat", "HEAD") == f"{lines}\t0\t{RESPONSE}\n"
    _step(root, "progress", f"{ANSWER}-a1", "--done", "--evidence", "KS 2026-03-20 § 45", "--date", "2026-03-20")
    _step(root, "new", "follow-up", "--round", "uppf-2026", "--report", "ekonomi", "--date", "2026-11-01",
          "--assessor", "Revisionsbyrån AB", "--grade", "ekonomi-r1=implemented", "--grade",
          "ekonomi-r2=not-implemented", "--comment", "ekonomi-r2=Ingen utvärdering ännu.")
    follow_up = (root / FOLDER / "follow-up-2026.yaml").read_text(encoding="utf-8")
    assert ("assessments:\n  - recommendation: ekonomi-r1\n    status: implemented\n"
            "  - recommendation: ekonomi-r2\n    status: not-implemented\n    comment: Ingen utvärdering ännu.\n") in follow_up
    assert "#   - recommendation: ekonomi-r3" in follow_up  # not graded: still a suggestion
    status = run_cli("report", "status", str(root), "--lang", "en", "--as-of", "2026-12-01")
    assert status.code == 0
    rows = {line.rsplit("`", 2)[1]: line for line in status.stdout.splitlines() if line.endswith("` |")}
    assert rows["ekonomi-r1"] == (
        "| Analysera statistiken. (to Kommunstyrelsen)<br>Kommunstyrelsen agrees | Ta fram statistik per insats. | "
        "Processledare för samverkansmodellen | 2026-03-31 | done 2026-03-20<br>Evidence: KS 2026-03-20 § 45 | "
        "🟢 Implemented (2026-11-01) | `ekonomi-r1` |")
    assert "Kommunstyrelsen partly agrees: Görs vartannat år." in rows["ekonomi-r2"]
    assert "🔴 Not implemented (2026-11-01)" in rows["ekonomi-r2"]


@pytest.fixture
def answered(audited) -> Path:
    _step(audited, "new", "response", "--report", "ekonomi", "--body", "kommunstyrelsen")
    return audited


def test_an_action_recorded_without_a_status_is_planned_and_so_can_be_overdue(answered):
    _step(answered, *_action("--recommendation", "ekonomi-r1", "--text", "Ta fram statistik.", "--owner",
                             "socialchef", "--due", "2025-09-30"))
    assert (answered / RESPONSE).read_text(encoding="utf-8").endswith("    due: 2025-09-30\n    status: planned\n")
    run = check_json(answered, "--as-of", "2025-12-01")
    assert [(f["code"], f["message"]) for f in run.findings if f["code"] == "R104"] == [
        ("R104", f"the action '{ANSWER}-a1' was due 2025-09-30 and is still planned (62 days late)")]


@pytest.mark.parametrize("args, en, sv", [
    (("--recommendation", "ekonomi-r9", "--text", "X", "--owner", "socialchef", "--due", "2026-06-30"),
     "--recommendation: 'ekonomi-r9' is not a recommendation addressed to kommunstyrelsen; the ones that may be "
     "given are: ekonomi-r1, ekonomi-r2, ekonomi-r3",
     "--recommendation: 'ekonomi-r9' är inte en rekommendation riktad till kommunstyrelsen; de som kan anges är: "
     "ekonomi-r1, ekonomi-r2, ekonomi-r3"),
    (("--recommendation", "ekonomi-r1", "--text", "X", "--owner", "socialchf", "--due", "2026-06-30"),
     "unknown role 'socialchf' in organisation 'norrby'; the existing ones are: socialchef (Socialchef), "
     "processledare (Processledare för samverkansmodellen)",
     "'socialchf' finns inte som roll i organisationen 'norrby'; de som finns är: socialchef (Socialchef), "
     "processledare (Processledare för samverkansmodellen)"),
    (("--recommendation", "ekonomi-r1", "--text", "X", "--owner", "socialchef", "--due", "2026-6-30"),
     "--due '2026-6-30' is not a date: write it as YYYY-MM-DD, e.g. 2024-03-31",
     "--due '2026-6-30' är inget datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-03-31"),
    (("--recommendation", "ekonomi-r1", "--text", "X", "--owner", "socialchef"),
     "`auditrack new action` needs --due (when it is due, YYYY-MM-DD)",
     "`auditrack new action` behöver --due (när den ska vara klar, ÅÅÅÅ-MM-DD)"),
])
def test_new_action_refusals_leave_the_response_as_it_was(answered, args, en, sv):
    before = (answered / RESPONSE).read_bytes()
    for lang, message in (("en", en), ("sv", sv)):
        out = run_process(*_action(*args), "--lang", lang, cwd=answered)
        assert (out.code, out.stdout, out.stderr) == (2, "", f"auditrack: {message}\n")
    assert (answered / RESPONSE).read_bytes() == before


@pytest.mark.parametrize("args, en", [
    (("--stance", "ekonomi-r2=partly"),
     "--stance ekonomi-r2=partly needs --reason ekonomi-r2=\"…\" (the board's reason for not agreeing in full)"),
    (("--stance", "ekonomi-r7=agree"),
     "--stance: 'ekonomi-r7' is not a recommendation addressed to kommunstyrelsen; the ones that may be given are: "
     "ekonomi-r1, ekonomi-r2, ekonomi-r3"),
    (("--stance", "ekonomi-r1=yes"), "--stance: 'yes' is not one of agree, partly, disagree"),
    (("--stance", "ekonomi-r1"), "--stance takes REC=VALUE, not 'ekonomi-r1'"),
])
def test_a_response_with_a_stance_that_would_not_check_is_refused(audited, args, en):
    out = run_process("new", "response", "--report", "ekonomi", "--body", "kommunstyrelsen", *args, "--lang", "en",
                      cwd=audited)
    assert (out.code, out.stderr) == (2, f"auditrack: {en}\n")
    assert not (audited / RESPONSE).exists()


def test_a_grade_for_a_recommendation_not_open_is_refused_in_swedish(audited):
    out = run_process("new", "follow-up", "--round", "u", "--report", "ekonomi", "--date", "2026-11-01",
                      "--assessor", "A", "--grade", "ekonomi-r4=implemented", cwd=audited)
    assert (out.code, out.stderr) == (2, "auditrack: --grade: 'ekonomi-r4' är inte en rekommendation öppen i ekonomi; "
                                         "de som kan anges är: ekonomi-r1, ekonomi-r2, ekonomi-r3\n")
