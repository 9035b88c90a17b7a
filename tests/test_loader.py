"""The loader (issue part 3): safe YAML, exact locations, no duplicate keys, no YAML 1.1 surprises, encodings.

Every test writes real files and reads them through the real code: the CLI for findings,
`load_repository` where the loaded values themselves must be looked at.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from datetime import date

import pytest
import yaml

from auditrack.config import Config
from auditrack.engine import load_repository

BODY_PATH = "governance/acme/bodies/styrgrupp.yaml"
OTHER_PATH = "governance/acme/roles/other.yaml"  # a file no other file refers to


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def loaded(repo, organisation: str, record_id: str):
    """The validated record with `record_id`, loaded from the repository on disk."""
    result = load_repository(repo.root, Config())
    assert result.findings == [], result.findings
    if organisation == record_id:
        return result.index.organisations[organisation].record
    record = result.index.get(organisation, record_id)
    assert record is not None
    return record


# --------------------------------------------------------------------------- YAML 1.1 surprises


def test_section_3_10_stays_text(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace('section: "3.1"', "section: 3.10"))
    assert check(repo.root).findings == []
    report = loaded(repo, "acme", "r2022")
    assert report.recommendations[0].section == "3.10"


def test_no_off_yes_and_leading_zero_stay_text_where_text_is_expected(repo, check):
    repo.write(
        BODY_PATH,
        dedent("""
            kind: body
            id: styrgrupp
            organisation: acme
            name: Styrgrupp
            type: steering-group
            members:
              - function: NO
              - function: off
              - function: yes
              - function: 012345
              - function: 0x1A
              - function: 1_000
              - function: 2022-03-15
              - function: ~text
            """),
    )
    run = check(repo.root)
    assert run.data_findings == []
    assert run.code == 0
    body = loaded(repo, "acme", "styrgrupp")
    assert [m.function for m in body.members] == ["NO", "off", "yes", "012345", "0x1A", "1_000", "2022-03-15", "~text"]


def test_organisation_name_012345_is_not_octal(repo, check):
    repo.write(repo.ORG_PATH, "kind: organisation\nid: acme\nname: 012345\n")
    assert check(repo.root).findings == []
    assert loaded(repo, "acme", "acme").name == "012345"


def test_leading_zero_number_is_decimal_where_a_number_is_expected(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT + "source:\n  page: 012\n")
    assert check(repo.root).findings == []
    assert loaded(repo, "acme", "r2022").source.page == 12


def test_dates_parse_only_where_the_schema_wants_a_date(repo, check):
    text = repo.REPORT.replace("title: Granskning av målstyrning", "title: 2022-03-15")
    text = text.replace("date: 2022-03-15", "date: 2021-H2")
    repo.write(repo.REPORT_PATH, text)
    assert check(repo.root).findings == []
    report = loaded(repo, "acme", "r2022")
    assert report.title == "2022-03-15"
    assert (report.date.start, report.date.end) == (date(2021, 7, 1), date(2021, 12, 31))


def test_full_date_and_bare_year_are_dates_where_a_date_is_expected(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT + "cover_letter:\n  date: 2018\n  addressed_to: [ks]\n  text: Missiv.\n")
    assert check(repo.root).findings == []
    report = loaded(repo, "acme", "r2022")
    assert (report.date.start, report.date.end) == (date(2022, 3, 15), date(2022, 3, 15))
    assert (report.cover_letter.date.start, report.cover_letter.date.end) == (date(2018, 1, 1), date(2018, 12, 31))


def test_yes_no_are_booleans_where_a_boolean_is_expected(repo, check):
    repo.write(
        BODY_PATH,
        dedent("""
            kind: body
            id: styrgrupp
            organisation: acme
            name: Styrgrupp
            type: steering-group
            minutes:
              kept: no
            """),
    )
    assert check(repo.root).data_findings == []
    assert loaded(repo, "acme", "styrgrupp").minutes.kept is False


def test_plain_null_is_none_but_quoted_null_is_text(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace('section: "3.1"', "section: ~") + 'commissioned_by: "null"\n')
    assert check(repo.root).findings == []
    report = loaded(repo, "acme", "r2022")
    assert report.recommendations[0].section is None
    assert report.commissioned_by == "null"


# --------------------------------------------------------------------------- unsafe or ambiguous YAML


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml")
def test_libyaml_c_parser_is_used_where_available():
    from auditrack.loader import yamlfile

    from yaml._yaml import CParser

    assert yamlfile._Parser is CParser


@pytest.mark.parametrize(
    "value",
    ['!!python/object/apply:os.system ["echo owned"]', "!!python/name:os.system", "!custom Acme kommun"],
)
def test_object_and_unknown_tags_are_rejected(repo, check, value):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("title: Granskning av målstyrning", f"title: {value}"))
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == ("Y003", repo.REPORT_PATH, 4, 8)
    assert value.split()[0] in finding["message"]
    assert run.code == 3


def test_duplicate_key_is_an_error_at_the_second_key(repo, check):
    repo.write(repo.ORG_PATH, "kind: organisation\nid: acme\nname: Acme kommun\nname: Bcme kommun\n")
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == ("Y002", repo.ORG_PATH, 4, 1)
    assert "'name'" in finding["message"]
    assert "line 3" in finding["message"]
    assert run.code == 3


def test_duplicate_key_in_a_nested_mapping(repo, check):
    text = repo.REPORT.replace('    section: "3.1"\n', '    section: "3.1"\n    text: Igen.\n')
    repo.write(repo.REPORT_PATH, text)
    finding = check(repo.root).only_finding
    assert (finding["code"], finding["line"], finding["column"]) == ("Y002", 14, 5)
    assert "'text'" in finding["message"]


SECOND_ITEM_WITHOUT_ITS_DASH = """\
  - id: rek-1
    text: Bryt ned det övergripande målet i mätbara mål.
    section: "3.1"
    id: rek-2
    text: Följ upp målen.
    section: "3.2"
"""


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", "the key 'id' appears twice in the list item that starts on line 11: the item starting here probably lacks "
           "its `- `, so YAML reads both as one item and keeps only the last values",
     "If line 14 starts a new item of the list, write `- ` before `id:` (the dash at column 3, under the other items' "
     "dashes); delete nothing. The keys repeated after it are not listed separately."),
    ("sv", "nyckeln 'id' står två gånger i listposten som börjar på rad 11: posten som börjar här saknar troligen sitt "
           "`- `, så YAML läser båda som en post och behåller bara de sista värdena",
     "Om rad 14 börjar en ny post i listan, skriv `- ` före `id:` (strecket i kolumn 3, under de andra posternas "
     "streck); ta inte bort något. Nycklarna som upprepas efter den visas inte var för sig."),
])
def test_a_list_item_without_its_dash_is_one_finding_that_says_to_add_it(repo, check, lang, message, hint):
    """A missing `- ` gave one Y002 per repeated key, each advising to delete one entry: that deletes an item."""
    text = repo.REPORT.replace(repo.REPORT.split("recommendations:\n")[1], SECOND_ITEM_WITHOUT_ITS_DASH)
    repo.write(repo.REPORT_PATH, text)
    run = check(repo.root, "--lang", lang)
    assert [(f["code"], f["line"], f["column"], f["message"], f["hint"]) for f in run.findings
            if f["code"] != "X003"] == [("Y002", 14, 5, message, hint)]
    assert run.code == 3


def test_a_repeated_first_key_in_a_flow_item_is_an_ordinary_duplicate(repo, check):
    text = repo.REPORT.replace(repo.REPORT.split("recommendations:\n")[1],
                               '  - {id: rek-1, text: Bryt ned målet., section: "3.1", id: rek-2}\n')
    repo.write(repo.REPORT_PATH, text)
    finding = check(repo.root).only_finding
    assert (finding["code"], finding["line"], finding["column"]) == ("Y002", 11, 56)
    assert finding["message"] == ("the key 'id' appears twice in the same mapping (first on line 11); YAML would "
                                  "silently keep only the last value")


def test_duplicate_key_does_not_stop_the_other_checks_of_the_file(repo, check):
    text = repo.REPORT.replace("date: 2022-03-15", "date: 2022-13-01") + "title: Igen\n"
    repo.write(repo.REPORT_PATH, text)
    run = check(repo.root)
    assert [(f["code"], f["line"], f["column"]) for f in run.findings] == [("S004", 6, 7), ("Y002", 14, 1)]
    assert run.code == 3


def test_alias_is_rejected(repo, check):
    text = repo.REPORT.replace("addressees: [ks]", "addressees: [&board ks]") + "cover_letter:\n  date: 2022-04-20\n  addressed_to: *board\n  text: Missiv.\n"
    repo.write(repo.REPORT_PATH, text)
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["line"], finding["column"]) == ("Y004", 16, 17)
    assert run.code == 3


def test_nesting_too_deep(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT + "method: " + "[" * 100 + "x" + "]" * 100 + "\n")
    run = check(repo.root)
    finding = run.only_finding
    assert finding["code"] == "Y005"
    assert finding["line"] == 14
    assert run.code == 3


def test_nesting_past_libyaml_own_limit_is_reported_where_ours_is_crossed(repo, check):
    """Newer libyaml builds refuse 1,000 levels of flow nesting while scanning ahead; whichever libyaml is
    installed, the finding is Y005 at the list that crosses our limit (the 65th level counting the record
    itself), and the column counts characters, not bytes, after text with å, ä and ö."""
    prefix = "method: [Åtgärd för åtgärd, "  # the record and this list are levels 1 and 2
    repo.write(repo.REPORT_PATH, repo.REPORT + prefix + "[" * 5000 + "\n")
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["line"], finding["column"]) == ("Y005", 14, len(prefix) + 63)
    assert finding["message"] == "the data is nested more than 64 levels deep"
    assert run.code == 3


def test_nesting_at_the_highest_configurable_limit(repo, check):
    """With limits.max_depth at its maximum (1,000, libyaml's own limit in newer builds), the finding is still
    Y005 at the level that crosses the configured limit, not a syntax error."""
    repo.write("auditrack.yaml", "limits:\n  max_depth: 1000\n")
    repo.write(repo.REPORT_PATH, repo.REPORT + "method: " + "[" * 3000 + "\n")
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["line"], finding["column"]) == ("Y005", 14, len("method: ") + 1000)  # level 1,001
    assert finding["message"] == "the data is nested more than 1000 levels deep"
    assert run.code == 3


@pytest.mark.parametrize("content", [b"", b"\n\n", b"# only a comment\n", b"---\n", b"~\n", b"--- # nothing\n...\n"])
def test_empty_file(repo, check, content):
    repo.write(OTHER_PATH, content)
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == ("Y009", OTHER_PATH, 1, 1)
    assert run.code == 3


@pytest.mark.parametrize("content", ["- kind: role\n- id: other\n", "Acme kommun\n"])
def test_file_that_is_not_a_mapping(repo, check, content):
    repo.write(OTHER_PATH, content)
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == ("Y010", OTHER_PATH, 1, 1)
    assert run.code == 3


def test_several_documents(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT + "---\n" + repo.REPORT)
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["line"], finding["column"]) == ("Y011", 14, 1)
    assert run.code == 3


def test_unclosed_quote_is_located_at_the_opening_quote(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace('section: "3.1"', 'section: "3.1'))
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == ("Y001", repo.REPORT_PATH, 13, 14)
    assert "quote" in finding["message"]
    assert run.code == 3


def test_yaml_syntax_error_at_bad_indentation(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("title:", "  title:"))
    finding = check(repo.root).only_finding
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == ("Y001", repo.REPORT_PATH, 4, 8)


# --------------------------------------------------------------------------- encodings and line endings


def test_utf8_with_bom_is_read_and_columns_are_not_shifted(repo, check):
    repo.write(repo.ORG_PATH, b"\xef\xbb\xbfnaem: Acme kommun\nkind: organisation\nid: acme\n")
    run = check(repo.root)
    misspelt = [f for f in run.findings if f["code"] == "S003"]
    assert [(f["line"], f["column"]) for f in misspelt] == [(1, 1)]
    repo.write(repo.ORG_PATH, b"\xef\xbb\xbf" + "kind: organisation\nid: acme\nname: Bräcke kommun\n".encode())
    assert check(repo.root).findings == []
    assert loaded(repo, "acme", "acme").name == "Bräcke kommun"


def test_crlf_line_endings(repo, check):
    text = repo.REPORT.replace("addressees: [ks]", "adressees: [ks]").replace("\n", "\r\n")
    repo.write(repo.REPORT_PATH, text)
    finding = check(repo.root).only_finding
    assert (finding["code"], finding["line"], finding["column"]) == ("S003", 8, 1)
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("\n", "\r\n"))
    assert check(repo.root).findings == []
    report = loaded(repo, "acme", "r2022")
    assert report.purpose == "Att granska om styrningen är ändamålsenlig."
    assert report.recommendations[0].section == "3.1"


def test_latin1_file_gets_a_clear_error_at_the_bad_byte(repo, check):
    repo.write(OTHER_PATH, "kind: role\nid: other\norganisation: acme\nname: Bräcke kommun\n".encode("latin-1"))
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == ("Y008", OTHER_PATH, 4, 9)
    assert "UTF-8" in finding["message"]
    assert run.code == 3


def test_utf16_file_gets_a_clear_error(repo, check):
    repo.write(OTHER_PATH, "kind: role\nid: other\norganisation: acme\nname: Roll\n".encode("utf-16"))
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == ("Y008", OTHER_PATH, 1, 1)
    assert "UTF-16" in finding["message"]
    assert run.code == 3


def test_binary_file_is_refused(repo, check):
    repo.write(OTHER_PATH, b"kind: role\nid: other\x00\x01\x02\n")
    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == ("Y007", OTHER_PATH, 2, 10)
    assert run.code == 3


# --------------------------------------------------------------------------- every value is located


def test_nested_value_is_located_exactly(repo, check):
    text = repo.REPORT + dedent("""
        questions:
          - id: q1
            text: Finns mätbara mål?
            verdict: kanske
        """)
    repo.write(repo.REPORT_PATH, text)
    finding = check(repo.root).only_finding
    assert (finding["code"], finding["line"], finding["column"]) == ("S004", 17, 14)
    assert "kanske" in finding["message"]


def test_missing_field_in_a_list_item_is_located_at_the_item(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT + "  - id: rek-2\n    section: '3.2'\n")
    finding = check(repo.root).only_finding
    assert (finding["code"], finding["line"], finding["column"]) == ("S002", 14, 5)
    assert "text" in finding["message"]


@pytest.mark.parametrize("paths, expected", [
    (["governance"], ["governance/acme/bodies/ks.yaml", "governance/acme/organisation.yaml", "governance/x y/ä.yml"]),
    (["."], ["governance/acme/bodies/ks.yaml", "governance/acme/organisation.yaml", "governance/x y/ä.yml",
             "recommendations/acme/2022-malstyrning/report.yaml"]),
])
def test_files_are_found_with_their_paths_relative_to_the_repository(repo, paths, expected):
    from auditrack.loader.discover import discover

    (repo.root / "governance" / "x y").mkdir()
    (repo.root / "governance" / "x y" / "ä.yml").write_text("kind: goal\n", encoding="utf-8")
    (repo.root / "governance" / ".hidden.yaml").write_text("kind: goal\n", encoding="utf-8")
    (repo.root / "governance" / "notes.txt").write_text("not data\n", encoding="utf-8")
    found = discover(repo.root, paths)
    assert [relative for _, relative in found.files] == expected
    assert all(Path(absolute) == repo.root.resolve() / relative for absolute, relative in found.files)
    assert found.findings == []


def test_upper_case_suffixes_are_data_files_too(repo, check):
    """.YAML and .YML are what some systems save; such a file was silently skipped, and its duplicate id with it."""
    repo.write("governance/acme/roles/a.yaml", "kind: role\nid: samordnare\norganisation: acme\nname: Samordnare\n")
    repo.write("governance/acme/roles/b.YML", "kind: role\nid: samordnare\norganisation: acme\nname: Samordnare\n")
    repo.write("governance/acme/roles/c.YAML", "kind: role\nid: chef\norganisation: acme\nnamn: Chef\n")
    run = check(repo.root)
    assert run.json["files"] == 6
    assert [(f["code"], f["file"], f["line"], f["column"], f["message"]) for f in run.findings] == [
        ("X002", "governance/acme/roles/b.YML", 2, 5, "the id 'samordnare' is already used by the role in "
         "governance/acme/roles/a.yaml; ids must be unique within organisation 'acme'"),
        ("X003", "governance/acme/roles/b.YML", 2, 5,
         "2 gap findings of organisation 'acme' are held back while some of its files have errors"),
        ("S003", "governance/acme/roles/c.YAML", 4, 1, "unknown field 'namn'; did you mean 'name'?"),
    ]
    assert run.code == 3
