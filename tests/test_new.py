"""`auditrack new KIND`: new files at their place, pre-filled from the repository, that check as written.

Each test works in a data repository on disk, as an officer would: it runs `new`, then `check`, and asserts that
the check finds no data error (YAML, schema or reference) in what was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Repo, check_json, run_cli, run_process

SOCIAL = """\
kind: body
id: sn
organisation: acme
name: Socialnämnden
type: committee
standing: true
"""

# Two recommendations: one to the board only, one to both bodies.
REPORT_TWO_BODIES = """\
kind: audit-report
id: r2023
organisation: acme
title: Granskning av uppföljning
date: 2023-03-15
addressees: [ks, sn]
recommendations:
  - id: r2023-1
    text: Analysera statistiken per insats.
    addressees: [ks]
  - id: r2023-2
    text: Utvärdera insatsernas effekter.
"""

ROLE = "kind: role\nid: socialchef\norganisation: acme\nname: Socialchef\n"

ROLE_SV = (
    '# yaml-language-server: $schema=../../../schemas/role.json\n'
    '# Fyll i det som källan anger och lämna resten tomt; skriv aldrig in en gissning.\n'
    '# `auditrack explain role FÄLT` förklarar ett fält, `auditrack check` kontrollerar filen.\n'
    'kind: role\n'
    'organisation: acme\n'
    'id: socialchef\n'
    'name: Socialchef\n'
    '# Programmet som rollen hör till. (id för program) Ännu finns ingen post av typen program.\n'
    'programme:\n'
    '# Rollens ansvar. (lista med: text)\n'
    'responsibilities: []\n'
    '# Vem som innehar eller har innehaft rollen, och när. Varje punkt har fälten name, from, until,\n'
    '# appointed_by, source (`auditrack explain role holders`).\n'
    'holders: []\n'
    '# Sant för en tjänst i linjeorganisationen (t.ex. enhetschef), som regleras av reglemente och\n'
    '# delegationsordning snarare än av ett eget uppdrag. (true eller false) Standardvärdet står här; ta\n'
    "# bort '# ' och ändra det vid behov.\n"
    '# line_post: false\n'
    '# Tjänsten är vakant enligt källan; ta bort uppgiften (och för in innehavaren) när någon utsetts.\n'
    '# Fälten är since, source (`auditrack explain role vacant`).\n'
    'vacant:\n'
    '# Uppdragen eller styrdokumenten som definierar rollen. (lista med: id för uppdrag eller\n'
    '# styrdokument) Ännu finns ingen post av typen uppdrag eller styrdokument.\n'
    'regulated_by: []\n'
    '# true för roller som finns enligt lag eller ordinarie regler (t.ex. kommundirektören), som inget\n'
    '# programuppdrag behöver reglera och vars innehavare inte behöver registreras. (true eller false)\n'
    "# Standardvärdet står här; ta bort '# ' och ändra det vid behov.\n"
    '# standing: false\n'
    '# Iakttagelserna (id) som posten åtgärdar; den ska passa deras kategori och föremål och vara antagen\n'
    '# eller genomförd efter rapporten. (lista med: id för iakttagelse) Ännu finns ingen post av typen\n'
    '# iakttagelse.\n'
    'resolves: []\n'
    '# Varifrån uppgifterna i posten kommer, så att en läsare kan kontrollera dem. Fälten är report,\n'
    '# document, section, page, note (`auditrack explain role source`).\n'
    'source:\n'
    '# Regler som posten undantas från, var och en med skäl, vem som godkänt undantaget och när det\n'
    '# upphör. Varje punkt har fälten rule*, reason*, approved_by*, expires*; * är obligatoriskt\n'
    '# (`auditrack explain role waivers`).\n'
    'waivers: []\n'
)

ROLE_EN = (
    '# yaml-language-server: $schema=../../../schemas/role.json\n'
    '# Fill in what the source gives and leave the rest empty; never write in a guess.\n'
    '# `auditrack explain role FIELD` explains a field, `auditrack check` checks the file.\n'
    'kind: role\n'
    'organisation: acme\n'
    'id: socialchef\n'
    'name: Socialchef\n'
    '# (id of a programme) No programme is recorded yet.\n'
    'programme:\n'
    '# (list of: text)\n'
    'responsibilities: []\n'
    '# Who holds or has held the role, and when. Each item has the fields name, from, until,\n'
    '# appointed_by, source (`auditrack explain role holders`).\n'
    'holders: []\n'
    '# True for a post in the line organisation (e.g. a unit manager, enhetschef), regulated by the\n'
    "# standing rules (reglemente, delegation order) rather than a programme's mandate. Unlike\n"
    '# `standing`, its holders are still asked for (G203). (true or false) The default is shown; remove\n'
    "# '# ' and change it if needed.\n"
    '# line_post: false\n'
    '# The post is vacant, as the source states; remove it (and add the holder) when someone is\n'
    '# appointed. Its fields are since, source (`auditrack explain role vacant`).\n'
    'vacant:\n'
    '# The mandates or governing documents that define the role. (list of: id of a mandate or governing\n'
    '# document) No mandate or governing document is recorded yet.\n'
    'regulated_by: []\n'
    '# True for roles that exist by law or standing rules (e.g. the municipal director), which no\n'
    '# programme mandate needs to regulate and whose holder need not be recorded. (true or false) The\n'
    "# default is shown; remove '# ' and change it if needed.\n"
    '# standing: false\n'
    '# The observations (iakttagelser, by id) this record remedies; it must fit their category and\n'
    '# subject and be adopted or done after the report. (list of: id of an observation) No observation is\n'
    '# recorded yet.\n'
    'resolves: []\n'
    '# Where the facts in this record come from. Its fields are report, document, section, page, note\n'
    '# (`auditrack explain role source`).\n'
    'source:\n'
    '# Rules this record is exempt from, each with a reason, an approver and an expiry date. Each item\n'
    '# has the fields rule*, reason*, approved_by*, expires*; * is required (`auditrack explain role\n'
    '# waivers`).\n'
    'waivers: []\n'
)


def new(repo: Repo, *args: str):
    return run_cli("new", *args, "--path", str(repo.root))


def no_data_errors(repo: Repo) -> None:
    run = check_json(repo.root)
    assert run.data_findings == [], run.data_findings


@pytest.fixture
def two_bodies(repo: Repo) -> Repo:
    repo.write("governance/acme/bodies/sn.yaml", SOCIAL)
    repo.write("recommendations/acme/2023-uppfoljning/report.yaml", REPORT_TWO_BODIES)
    return repo


def test_a_role_exactly_in_swedish_and_english(repo):
    path = repo.root / "governance/acme/roles/socialchef.yaml"
    out = new(repo, "role", "--id", "socialchef", "--name", "Socialchef")
    assert (out.code, out.stdout, out.stderr) == (0, f"skrev {path.as_posix()}\n", "")
    assert path.read_text(encoding="utf-8") == ROLE_SV
    out = new(repo, "role", "--id", "socialchef", "--name", "Socialchef", "--lang", "en", "--force")
    assert (out.code, out.stdout, out.stderr) == (0, f"wrote {path.as_posix()}\n", "")
    assert path.read_text(encoding="utf-8") == ROLE_EN
    no_data_errors(repo)


def test_a_report_asks_each_body_to_answer_by_a_date(repo):
    out = new(repo, "report", "--id", "r2024", "--title", "Granskning av styrning", "--body", "ks",
              "--date", "2024-02-01", "--requested-on", "2024-02-05", "--response-due", "2024-04-30", "--lang", "en")
    assert (out.code, out.stderr) == (0, "")
    text = (repo.root / "recommendations/acme/2024-r2024/report.yaml").read_text(encoding="utf-8")
    assert "response_request:\n  requested_on: 2024-02-05\n  requested_from: [ks]\n  due: 2024-04-30\n" in text
    run = check_json(repo.root, "--as-of", "2024-05-02")
    assert run.data_findings == []
    assert [f["message"] for f in run.findings if f["code"] == "R101" and "r2024" in f["file"]] == [
        "no response to 'Granskning av styrning' from Kommunstyrelsen (ks) is recorded; it was asked on 2024-02-05 "
        "and its response was due 2024-04-30"]
    refused = new(repo, "report", "--id", "r2025", "--title", "Granskning", "--body", "ks", "--response-due", "30/4")
    assert (refused.code, refused.stderr) == (
        2, "auditrack: --response-due '30/4' är inget datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-03-31\n")


def test_every_kind_checks_as_written(repo):
    repo.write("governance/acme/roles/socialchef.yaml", ROLE)
    commands = [
        ("organisation", "--id", "norrby", "--name", "Norrby kommun"),
        ("report", "--id", "r2024", "--title", "Granskning av styrning", "--body", "ks", "--date", "2024-02-01"),
        ("response", "--report", "r2022", "--body", "ks"),
        ("follow-up", "--round", "uppf-2022", "--report", "r2022", "--date", "2022-03-18", "--assessor", "KPMG AB"),
        ("programme", "--id", "p", "--name", "Samverkan"),
        ("goal", "--id", "mal", "--text", "Fler ska bli självförsörjande."),
        ("indicator", "--id", "deltagare", "--name", "Deltagare"),
        ("body", "--id", "styrgrupp", "--name", "Styrgrupp", "--type", "steering-group"),
        ("role", "--id", "processledare", "--name", "Processledare"),
        ("mandate", "--id", "uppdrag", "--title", "Uppdrag", "--type", "decision", "--adopted", "2021-06"),
        ("reporting-requirement", "--id", "rapport", "--title", "Återrapportering", "--reporter", "socialchef",
         "--to", "ks", "--valid-from", "2021"),
        ("evaluation", "--id", "utv", "--title", "Utvärdering"),
        ("intervention", "--id", "insats", "--name", "Arbetsträning"),
        ("document", "--id", "plan", "--title", "Processplan", "--type", "process-plan"),
    ]
    written = []
    for args in commands:
        org = () if args[0] == "organisation" else ("--org", "acme")
        out = new(repo, *args, *org)
        assert (out.code, out.stderr) == (0, ""), args
        written.append(Path(out.stdout.removeprefix("skrev ").rstrip("\n")))
    assert [p.relative_to(repo.root).as_posix() for p in written] == [
        "governance/norrby/organisation.yaml",
        "recommendations/acme/2024-r2024/report.yaml",
        "recommendations/acme/2022-malstyrning/response-ks.yaml",
        "recommendations/acme/2022-malstyrning/follow-up-2022.yaml",
        "governance/acme/programmes/p.yaml",
        "governance/acme/goals/mal.yaml",
        "governance/acme/indicators/deltagare.yaml",
        "governance/acme/bodies/styrgrupp.yaml",
        "governance/acme/roles/processledare.yaml",
        "governance/acme/mandates/uppdrag.yaml",
        "governance/acme/reporting/rapport.yaml",
        "governance/acme/evaluations/utv.yaml",
        "governance/acme/interventions/insats.yaml",
        "governance/acme/documents/plan.yaml",
    ]
    for path, args in zip(written, commands):
        kind = "audit-report" if args[0] == "report" else args[0]
        up = "../../" if kind == "organisation" else "../../../"
        assert path.read_text(encoding="utf-8").splitlines()[0] == f"# yaml-language-server: $schema={up}schemas/{kind}.json"
    no_data_errors(repo)


def _top_value(path: Path, key: str) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(f"{key}: ")).split()[1]


def test_an_officer_records_a_report_its_answer_and_a_follow_up(tmp_path):
    """As the issue tells it, in a repository made by `auditrack init`, with the CLI as a process, from inside
    the repository: a role, the audit, the board's answer and the follow-up, each checked when written."""
    project = Path(__file__).resolve().parents[1]
    root = tmp_path / "data"
    assert run_cli("init", str(root), "--org", "norrby", "--name", "Norrby kommun", "--source", str(project)).code == 0
    repo = Repo(root)
    example = next(root.glob("recommendations/norrby/*/follow-up-*.yaml"))
    followed_up = _top_value(example, "date")
    example.unlink()  # the year's follow-up is the officer's to write
    report_id = _top_value(next(root.glob("recommendations/norrby/*/report.yaml")), "id")
    steps = [
        ("role", "--id", "socialchef", "--name", "Socialchef"),
        ("report", "--id", "granskning-ekonomi", "--title", "Granskning av ekonomiskt bistånd",
         "--body", "kommunstyrelsen", "--date", "2025-06-01"),
        ("response", "--report", report_id, "--body", "styrgrupp"),
        ("follow-up", "--round", "uppfoljning", "--report", report_id, "--date", followed_up,
         "--assessor", "Revisionsbyrån AB"),
    ]
    for args in steps:
        out = run_process("new", *args, cwd=root)
        assert (out.code, out.stderr) == (0, ""), args
        assert out.stdout.startswith("skrev ")
        no_data_errors(repo)
    report = (root / "recommendations/norrby/2025-granskning-ekonomi/report.yaml").read_text(encoding="utf-8")
    assert "addressees: [kommunstyrelsen]\n" in report
    # The organisation's bodies to choose from, for each recommendation's own addressees and the cover letter.
    comments = " ".join(line.removeprefix("# ") for line in report.splitlines() if line.startswith("# "))
    listed = "Befintliga: kommunstyrelsen (Kommunstyrelsen), styrgrupp (Styrgrupp för samverkansmodellen)."
    # A recommendation's own addressees, the cover letter's two lists and the request's.
    assert comments.count(listed) == 4


def test_a_response_suggests_a_position_and_an_action_per_recommendation_to_its_body(two_bodies):
    two_bodies.write("governance/acme/roles/socialchef.yaml", ROLE)
    out = new(two_bodies, "response", "--report", "r2023", "--body", "sn", "--lang", "en")
    assert out.code == 0, out.stderr
    path = two_bodies.root / "recommendations/acme/2023-uppfoljning/response-sn.yaml"
    text = path.read_text(encoding="utf-8")
    # Only r2023-2 is addressed to sn (r2023-1 is to ks alone).
    suggested = [line for line in text.splitlines() if line.startswith(("# positions", "# actions", "#   "))]
    assert suggested == [
        "# actions:",
        "#   - id: r2023-svar-sn-a1",
        "#     recommendations: [r2023-2]",
        "#     text:",
        "#     owner:   # Existing: socialchef (Socialchef).",
        "#     due:",
        "# positions:",
        "#   - recommendation: r2023-2   # Utvärdera insatsernas effekter.",
        "#     stance:   # agree, partly, disagree",
        "#     reason:   # required for partly and disagree",
    ]
    assert "id: r2023-svar-sn\nreport: r2023\ndecided_by: sn\n" in text
    no_data_errors(two_bodies)
    # Taken in with the stance filled in, it still checks.
    taken = text.replace("# positions:\n#   - recommendation: r2023-2   # Utvärdera insatsernas effekter.\n"
                         "#     stance:   # agree, partly, disagree\n",
                         "positions:\n  - recommendation: r2023-2\n    stance: agree\n")
    assert taken != text
    path.write_text(taken, encoding="utf-8")
    no_data_errors(two_bodies)


def test_a_follow_up_suggests_an_assessment_per_open_recommendation(two_bodies):
    two_bodies.write("recommendations/acme/2023-uppfoljning/follow-up-2023.yaml", """\
kind: follow-up
id: uppf-1
organisation: acme
report: r2023
date: 2023-11-01
assessor: KPMG AB
assessments:
  - {recommendation: r2023-1, status: implemented}
  - {recommendation: r2023-2, status: partly-implemented}
""")
    out = new(two_bodies, "follow-up", "--round", "uppf-2", "--report", "r2023", "--date", "2024-11-01",
              "--assessor", "KPMG AB")
    assert out.code == 0, out.stderr
    text = (two_bodies.root / "recommendations/acme/2023-uppfoljning/follow-up-2024.yaml").read_text(encoding="utf-8")
    suggested = [line for line in text.splitlines() if line.startswith(("# assessments", "#   "))]
    assert suggested == [
        "# assessments:",
        "#   - recommendation: r2023-2   # Utvärdera insatsernas effekter.",
        "#     status:   # implemented (Åtgärdad), partly-implemented (Delvis åtgärdad), "
        "not-implemented (Ej åtgärdad), not-assessed (Ej bedömd), no-longer-relevant (Ej längre aktuell), not-agreed (Ej accepterad)",
        "#     comment:",
    ]
    assert "id: uppf-2\nreport: r2023\ndate: 2024-11-01\nassessor: \"KPMG AB\"\n" in text
    no_data_errors(two_bodies)


def test_an_unknown_body_is_refused_with_the_ids_that_exist_closest_first(two_bodies):
    out = new(two_bodies, "response", "--report", "r2023", "--body", "kommunstyrelse")
    assert (out.code, out.stdout) == (2, "")
    assert out.stderr == ("auditrack: 'kommunstyrelse' finns inte som organ i organisationen 'acme'; de som finns "
                          "är: ks (Kommunstyrelsen), sn (Socialnämnden)\n")
    out = new(two_bodies, "response", "--report", "r2023", "--body", "snn", "--lang", "en")
    assert (out.code, out.stdout) == (2, "")
    assert out.stderr == ("auditrack: unknown body 'snn' in organisation 'acme'; the existing ones are: "
                          "sn (Socialnämnden), ks (Kommunstyrelsen)\n")
    assert not list(two_bodies.root.glob("recommendations/acme/*/response-*.yaml"))


def test_unknown_report_and_organisation_are_refused(repo):
    out = new(repo, "response", "--report", "r2021", "--body", "ks", "--lang", "en")
    assert (out.code, out.stderr) == (2, "auditrack: unknown audit report 'r2021' in organisation 'acme'; "
                                         "the existing ones are: r2022 (Granskning av målstyrning)\n")
    out = new(repo, "role", "--id", "x", "--name", "X", "--org", "acne", "--lang", "en")
    assert (out.code, out.stderr) == (2, "auditrack: unknown organisation 'acne'; the existing ones are: "
                                         "acme (Acme kommun)\n")


def test_the_repository_s_language_is_used_when_it_sets_one(repo):
    out = new(repo, "mandate", "--id", "m", "--title", "Uppdrag")
    assert out.stderr.startswith("auditrack: `auditrack new mandate` behöver --type")  # officers' default: Swedish
    (repo.root / "auditrack.yaml").write_text("lang: en\n", encoding="utf-8")
    out = new(repo, "mandate", "--id", "m", "--title", "Uppdrag")
    assert out.stderr.startswith("auditrack: `auditrack new mandate` needs --type")
    out = new(repo, "action", "--response", "nothing-here")
    assert out.stderr == "auditrack: unknown response 'nothing-here' in organisation 'acme': none is recorded yet\n"
    assert new(repo, "mandate", "--id", "m", "--lang", "sv").stderr.startswith("auditrack: `auditrack new mandate` "
                                                                                 "behöver")


def test_a_missing_option_is_asked_for(repo):
    out = new(repo, "report", "--id", "r2024", "--title", "Granskning", "--lang", "en")
    assert (out.code, out.stderr) == (2, "auditrack: `auditrack new report` needs --body (list of: id of a body; The "
                                         "bodies the recommendations are addressed to, e.g. `[kommunstyrelsen]` or the "
                                         "board and committees). Existing: ks (Kommunstyrelsen).\n")
    # a field with a fixed set of values lists them, with their Swedish words in Swedish
    out = new(repo, "mandate", "--id", "m", "--title", "Uppdrag")
    assert (out.code, out.stderr) == (2, "auditrack: `auditrack new mandate` behöver --type (en av: decision (beslut), "
                                         "steering-model (styrmodell), mandate-description (uppdragsbeskrivning), "
                                         "assignment-matrix (uppdragsmatris))\n")
    out = new(repo, "mandate", "--id", "m", "--title", "Uppdrag", "--lang", "en")
    assert out.stderr == ("auditrack: `auditrack new mandate` needs --type (one of: decision, steering-model, "
                          "mandate-description, assignment-matrix)\n")
    out = new(repo, "mandate", "--id", "m", "--title", "Uppdrag", "--type", "decision")
    assert (out.code, out.stderr) == (2, "auditrack: `auditrack new mandate` behöver --adopted (datum)\n")
    out = new(repo, "role", "--name", "X", "--lang", "en")
    assert (out.code, out.stderr) == (2, "auditrack: `auditrack new role` needs --id (the new record's id)\n")
    out = new(repo, "minutes", "--id", "x")
    assert out.code == 2
    assert out.stderr == ("auditrack: okänd typ 'minutes'; använd någon av: organisation, audit-report, response, "
                          "follow-up, programme, goal, indicator, body, role, mandate, reporting-requirement, "
                          "evaluation, intervention, document\n")


def test_a_file_that_would_not_check_is_not_written(repo):
    out = new(repo, "mandate", "--id", "m", "--title", "Uppdrag", "--type", "decision", "--adopted", "31-12-2021",
              "--lang", "en")
    assert (out.code, out.stdout) == (2, "")
    assert out.stderr.splitlines() == [
        "auditrack: the new file would not check; nothing was written:",
        "governance/acme/mandates/m.yaml:15:10  S004  field 'adopted': '31-12-2021' is not a valid date: write "
        "YYYY-MM-DD (2022-03-31), or only YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY when the source gives no more",
    ]
    assert not (repo.root / "governance/acme/mandates/m.yaml").exists()
    # An id another record has: the duplicate is an error the new file would bring.
    out = new(repo, "role", "--id", "r2022", "--name", "X", "--lang", "en")
    assert out.code == 2
    assert out.stderr.splitlines()[0] == "auditrack: the new file would not check; nothing was written:"
    assert not (repo.root / "governance/acme/roles/r2022.yaml").exists()


def test_an_existing_file_is_kept_unless_forced(repo):
    path = repo.root / "governance/acme/roles/socialchef.yaml"
    repo.write("governance/acme/roles/socialchef.yaml", ROLE)
    out = new(repo, "role", "--id", "socialchef", "--name", "Socialchef", "--lang", "en")
    assert (out.code, out.stderr) == (2, f"auditrack: {path.as_posix()} already exists; nothing was written "
                                         "(use --force to replace it)\n")
    assert path.read_text(encoding="utf-8") == ROLE
    assert new(repo, "role", "--id", "socialchef", "--name", "Socialchef", "--force").code == 0
    assert path.read_text(encoding="utf-8") == ROLE_SV


def test_the_organisation_must_be_named_when_there_are_several(repo):
    repo.org("norrby", "Norrby kommun")
    out = new(repo, "role", "--id", "x", "--name", "X", "--lang", "en")
    assert (out.code, out.stderr) == (2, "auditrack: give --org: the organisations are acme, norrby\n")


def test_errors_already_in_the_repository_do_not_stop_a_new_file(repo):
    """A response names an owner no role has yet: an error before and after the new role, whose "did you mean"
    now names the new id. The new file brings no error of its own, so it is written."""
    repo.write("recommendations/acme/2022-malstyrning/response.yaml", """\
kind: response
id: svar
organisation: acme
report: r2022
decided_by: ks
actions:
  - id: a1
    recommendations: [rek-1]
    text: Ta fram mätbara mål.
    owner: socialchf
""")
    before = check_json(repo.root).data_findings
    assert [(f["code"], f["line"]) for f in before] == [("X001", 10), ("X003", 10)]
    out = new(repo, "role", "--id", "socialchef", "--name", "Socialchef", "--lang", "en")
    assert (out.code, out.stderr) == (0, "")
    after = check_json(repo.root).data_findings
    assert [(f["code"], f["line"]) for f in after] == [("X001", 10), ("X003", 10)]
    assert after[0]["message"].endswith("did you mean 'socialchef'?")
