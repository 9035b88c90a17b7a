"""The editing layer (auditrack.editing): an edit changes only the lines it must, in every data file of the seed
data, with LF, CRLF and a BOM; forms it cannot edit safely are refused with a message; a file with data errors
is refused with its findings; the write is atomic and refuses links."""

from __future__ import annotations

import difflib
import os
from datetime import date
from pathlib import Path

import pytest

from auditrack.config import Config
from auditrack.editing import Document, EditError, Refused, open_document, save
from auditrack.editing.render import scalar
from auditrack.editing.tree import Node, parse_tree
from auditrack.io import NotARegularFile
from rulekit import KS, REPORT, RESPONSE_HEAD, ROLE, write_repo

ROOT = Path(__file__).resolve().parent.parent
SEED_FILES = sorted(str(p.relative_to(ROOT)) for folder in ("recommendations", "governance")
                    for p in (ROOT / folder).rglob("*.yaml"))
VARIANTS = {
    "lf": lambda raw: raw,
    "crlf": lambda raw: raw.replace(b"\n", b"\r\n"),
    "bom": lambda raw: b"\xef\xbb\xbf" + raw,
}


def changed_lines(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    """The lines a diff removes and adds, line endings included."""
    diff = difflib.unified_diff(before.decode("utf-8").splitlines(keepends=True),
                                after.decode("utf-8").splitlines(keepends=True), n=0)
    lines = [line for line in diff if not line.startswith(("---", "+++", "@@"))]
    return [line[1:] for line in lines if line[0] == "-"], [line[1:] for line in lines if line[0] == "+"]


def first_list(node: Node) -> tuple[tuple, Node, Node] | None:
    """The path of the first mapping (breadth first) with a list of plain one-line values, its key and the list."""
    pending: list[tuple[tuple, Node]] = [((), node)]
    while pending:
        path, node = pending.pop(0)
        for key, value in node.pairs:
            if value.kind == "sequence" and value.items and all(
                    item.kind == "scalar" and item.style == "" for item in value.items):
                return path, key, value
        children = [(path + (k.value,), v) for k, v in node.pairs] + [(path + (i,), v) for i, v in enumerate(node.items)]
        pending.extend(child for child in children if child[1].kind != "scalar")
    return None


def line_of(text: str, index: int) -> str:
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    end = text.index("\n", index) + 1
    return text[start:end]


def test_the_seed_data_has_files_to_edit():
    assert len(SEED_FILES) == 109


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", SEED_FILES)
def test_an_edit_changes_only_its_lines_in_every_seed_file(name, variant):
    raw = VARIANTS[variant]((ROOT / name).read_bytes())
    newline = "\r\n" if variant == "crlf" else "\n"
    prefix = "\ufeff" if variant == "bom" else ""

    # Replace a value: the one line of `id:` (or `kind:`) changes, and only the value on it.
    document = Document(name, raw)
    key = "id" if document.tree.get("id") else "kind"
    key_node, value_node = document.tree.get(key)
    old_line = line_of(document.text, value_node.start)
    document.set_value((), key, "ändrat-värde")
    removed, added = changed_lines(raw, document.raw)
    first = prefix if key_node.line == 1 else ""
    assert removed == [first + old_line]
    assert added == [first + old_line[:value_node.column - 1] + "ändrat-värde"
                     + old_line[value_node.column - 1 + value_node.end - value_node.start:]]

    # Add a key: one new line after the last one of the mapping, nothing else.
    document = Document(name, raw)
    document.set_value((), "tillagd", date(2024, 1, 2))
    removed, added = changed_lines(raw, document.raw)
    assert removed == [] and added == ["tillagd: 2024-01-02" + newline]
    assert document.raw.startswith(raw[: document.raw.find(b"tillagd")])

    # Append to the first list of plain values, where the file has one.
    document = Document(name, raw)
    found = first_list(document.tree)
    if found is None:
        return
    path, key_node, sequence = found
    last = sequence.items[-1]
    line = line_of(document.text, last.start)
    document.append_item(path, key_node.value, "ny punkt, med komma")
    removed, added = changed_lines(raw, document.raw)
    if sequence.flow:
        at = last.column - 1 + last.end - last.start
        assert removed == [line] and added == [line[:at] + ', "ny punkt, med komma"' + line[at:]]
    else:
        assert removed == [] and added == [" " * (sequence.column - 1) + '- "ny punkt, med komma"' + newline]


LAYOUT = """\
kind: response # a comment stays
id: svar
actions:
  - id: a1
    text: 'Citerad: text'   # and this one
    evidence: []
    owner:

  # a comment between the items
  - {id: a2, text: Kort}
notes: |
  Ett textblock.
list:
- indentless
"""


def edited(text: str, edit) -> str:
    document = Document("f.yaml", text.encode())
    edit(document)
    return document.raw.decode()


def test_each_form_in_block_and_flow_style():
    assert edited(LAYOUT, lambda d: d.set_value(("actions", 0), "text", "Ny text")) == LAYOUT.replace(
        "'Citerad: text'", "Ny text")
    assert edited(LAYOUT, lambda d: d.set_value(("actions", 0), "owner", "chef")) == LAYOUT.replace(
        "owner:\n", "owner: chef\n")
    assert edited(LAYOUT, lambda d: d.append_item(("actions", 0), "evidence", "KS § 1")) == LAYOUT.replace(
        "evidence: []", "evidence: [KS § 1]")
    assert edited(LAYOUT, lambda d: d.set_value(("actions", 1), "status", "done")) == LAYOUT.replace(
        "text: Kort}", "text: Kort, status: done}")
    assert edited(LAYOUT, lambda d: d.append_item(("actions", 1), "evidence", "a, b")) == LAYOUT.replace(
        "text: Kort}", 'text: Kort, evidence: ["a, b"]}')
    assert edited(LAYOUT, lambda d: d.append_item((), "list", "två")) == LAYOUT + "- två\n"
    assert edited(LAYOUT, lambda d: d.append_item(("actions", 0), "updates", {"date": date(2024, 1, 2), "note": "Ja: nej"})) \
        == LAYOUT.replace("    owner:\n", "    owner:\n    updates:\n      - date: 2024-01-02\n        note: \"Ja: nej\"\n")
    assert edited(LAYOUT, lambda d: d.set_value(("actions", 0), "due", "2024-06-30", before="evidence")) \
        == LAYOUT.replace("    evidence: []", "    due: 2024-06-30\n    evidence: []")
    assert edited(LAYOUT, lambda d: d.set_value(("actions", 0), "due", "2024-06-30", before="id")) \
        == LAYOUT.replace("    owner:\n", "    owner:\n    due: 2024-06-30\n")
    assert edited(LAYOUT, lambda d: d.append_item(("actions", 0), "owner", "x")) \
        == LAYOUT.replace("    owner:\n", "    owner:\n      - x\n")


def test_a_last_line_without_a_line_break():
    assert edited("kind: x\nid: y", lambda d: d.set_value((), "status", "done")) == "kind: x\nid: y\nstatus: done"


@pytest.mark.parametrize("edit, message", [
    (lambda d: d.set_value((), "notes", "x"),
     "f.yaml:11:8: 'notes' is a block of text (| or >), not a single value; auditrack does not rewrite it: edit it by hand"),
    (lambda d: d.append_item(("actions", 0), "text", "x"),
     "f.yaml:5:11: 'text' is a single value, not a list; auditrack can only add to a list"),
    (lambda d: d.set_value((), "actions", "x"),
     "f.yaml:4:3: 'actions' is a list, not a single value; auditrack does not rewrite it: edit it by hand"),
    (lambda d: d.set_value(("actions", 0, "id"), "x", "y"),
     "f.yaml:4:9: a single value is here where a mapping of fields is expected"),
])
def test_a_form_that_cannot_be_edited_safely_is_refused(edit, message):
    document = Document("f.yaml", LAYOUT.encode())
    with pytest.raises(EditError) as refused:
        edit(document)
    assert refused.value.message() == message
    assert document.raw == LAYOUT.encode()


def test_the_refusal_in_swedish():
    document = Document("f.yaml", LAYOUT.encode())
    with pytest.raises(EditError) as refused:
        document.append_item(("actions", 0), "text", "x")
    assert refused.value.message("sv") == (
        "f.yaml:5:11: 'text' är ett enskilt värde, inte en lista; auditrack kan bara lägga till i en lista")


def test_an_edit_that_would_not_mean_what_it_says_is_refused_and_undone():
    # A tree that places an edit wrongly stands for a form this module would misread: here the key `id` is not
    # found, so a second `id:` would be added; reading the result back shows a duplicate key, and the edit is undone.
    text = 'kind: x\n"id": y\n'
    document = Document("f.yaml", text.encode())
    document.tree.pairs[1][0].value = "other"
    with pytest.raises(EditError) as refused:
        document.set_value((), "id", "z")
    assert refused.value.message() == ("f.yaml:1:1: auditrack cannot make this change safely in the way the file "
                                       "is written; the file is left as it was: edit it by hand")
    assert document.raw == text.encode()


@pytest.mark.parametrize("value, written", [
    ("Arbetet har börjat.", "Arbetet har börjat."),
    ("KS 2024-03-12 § 40", "KS 2024-03-12 § 40"),
    ("https://example.se/a.pdf#sida=2", "https://example.se/a.pdf#sida=2"),
    (date(2024, 3, 31), "2024-03-31"),
    ("2024-03-31", "2024-03-31"),
    ("yes", '"yes"'),
    ("12", '"12"'),
    ("3.10", '"3.10"'),
    ("~", '"~"'),
    ("", '""'),
    ("Ja: nej", '"Ja: nej"'),
    ("text # inte en kommentar", '"text # inte en kommentar"'),
    ("- punkt", '"- punkt"'),
    ("'citat'", "\"'citat'\""),
    ("två\nrader", '"två\\nrader"'),
    (" blanksteg", '" blanksteg"'),
])
def test_a_value_is_quoted_only_when_yaml_needs_it(value, written):
    assert scalar(value) == written


def test_flow_context_quotes_commas_and_brackets():
    assert scalar("a, b", flow=True) == '"a, b"'
    assert scalar("a, b") == "a, b"


def test_the_tree_knows_where_each_value_ends():
    text = "a: 'x y'\nb: [1, {c: d}]\n"
    tree = parse_tree(text)
    _, a = tree.get("a")
    _, b = tree.get("b")
    assert text[a.start:a.end] == "'x y'" and (a.line, a.column) == (1, 4)
    assert text[b.start:b.end] == "[1, {c: d}]" and b.flow


RESPONSE = RESPONSE_HEAD + """\
actions:
  - id: a1
    recommendations: [granskning-r1]
    text: Mål tas fram.
    owner: socialchef
    due: 2023-12-31
    status: planned
"""
RESPONSE_PATH = "recommendations/exempel/2023-granskning/response.yaml"


@pytest.fixture
def repository(tmp_path) -> Path:
    return write_repo(tmp_path, {
        "governance/exempel/bodies/ks.yaml": KS,
        "governance/exempel/roles/socialchef.yaml": ROLE,
        "recommendations/exempel/2023-granskning/report.yaml": REPORT,
        RESPONSE_PATH: RESPONSE,
    })


def test_save_writes_the_checked_edit_atomically_and_keeps_the_mode(repository):
    target = repository / RESPONSE_PATH
    os.chmod(target, 0o640)
    document = open_document(repository, Config(), date(2024, 1, 1), RESPONSE_PATH)
    document.set_value(("actions", 0), "status", "in-progress")
    assert save(repository, Config(), date(2024, 1, 1), document) is True
    assert target.read_text(encoding="utf-8") == RESPONSE.replace("status: planned", "status: in-progress")
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.yaml", "response.yaml"]


def test_an_edit_that_makes_an_error_is_refused_with_its_findings(repository):
    document = open_document(repository, Config(), date(2024, 1, 1), RESPONSE_PATH)
    document.set_value(("actions", 0), "status", "klar")
    with pytest.raises(Refused) as refused:
        save(repository, Config(), date(2024, 1, 1), document)
    assert [(str(f.location), f.code, f.message) for f in refused.value.findings] == [
        (f"{RESPONSE_PATH}:12:13", "S004",
         "field 'actions › item 1 › status': 'klar' is not one of the allowed values: planned, in-progress, done "
         "or cancelled")]
    assert (repository / RESPONSE_PATH).read_text(encoding="utf-8") == RESPONSE


def test_a_file_with_errors_is_refused_before_any_edit(repository):
    (repository / RESPONSE_PATH).write_text(RESPONSE.replace("owner: socialchef", "owner: okand"),
                                            encoding="utf-8")
    with pytest.raises(Refused) as refused:
        open_document(repository, Config(), date(2024, 1, 1), RESPONSE_PATH)
    assert [(str(f.location), f.code) for f in refused.value.findings] == [(f"{RESPONSE_PATH}:10:12", "X001")]


def test_a_linked_file_is_refused_and_left_alone(repository, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    (repository / RESPONSE_PATH).rename(outside)
    (repository / RESPONSE_PATH).symlink_to(outside)
    with pytest.raises(NotARegularFile) as refused:
        open_document(repository, Config(), date(2024, 1, 1), RESPONSE_PATH)
    assert refused.value.message() == (f"cannot write {repository / RESPONSE_PATH}: it is a symbolic link, not a "
                                       "regular file; auditrack writes only to regular files and has not touched it")
    assert (repository / RESPONSE_PATH).is_symlink() and outside.read_text(encoding="utf-8") == RESPONSE
