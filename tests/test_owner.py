"""Reading a file's organisation before loading it (loader/owner.py)."""

from __future__ import annotations

import pytest

from auditrack.loader.owner import owner_of, read_header
from auditrack.loader.yamlfile import Limits


@pytest.mark.parametrize("text, header", [
    ("kind: body\nid: ks\norganisation: exempel\nname: KS\n", {"kind": "body", "id": "ks", "organisation": "exempel"}),
    # Nested values are skipped, whatever keys they hold; the top-level key decides.
    ("kind: response\nid: svar\nactions:\n  - organisation: annan\n    id: a1\norganisation: exempel\n",
     {"kind": "response", "id": "svar", "organisation": "exempel"}),
    # Keys in quotes and flow style are the same keys to YAML (the raw lines would miss them).
    ('"kind": goal\n"organisation": \'exempel\'\n', {"kind": "goal", "organisation": "exempel"}),
    ("{kind: goal, id: g, organisation: exempel}\n", {"kind": "goal", "id": "g", "organisation": "exempel"}),
    # A plain empty value is null, as in the loader, and names no organisation: the raw lines are read then.
    ("kind: goal\norganisation:\nid: g\n", {"kind": "goal", "id": "g"}),
    ("kind: goal\norganisation: ''\n", {"kind": "goal", "organisation": ""}),
    # A tag makes a plain null text, as in the loader: `null` is a valid id.
    ("kind: !!str organisation\nid: !!str null\n", {"kind": "organisation", "id": "null"}),
    ("kind: goal\norganisation: ! null\n", {"kind": "goal", "organisation": "null"}),
    # A value that is not text is not an organisation.
    ("kind: goal\norganisation: [a, b]\nid: g\n", {"kind": "goal", "id": "g"}),
    ("- kind: goal\n", {}),
    ("# only a comment\n", {}),
    # Only the first document counts: the loader refuses the second anyway.
    ("kind: goal\norganisation: a\n---\nkind: goal\norganisation: b\n", {"kind": "goal", "organisation": "a"}),
])
def test_the_top_level_keys_are_read_as_yaml_reads_them(text, header):
    assert read_header(text.encode("utf-8")) == header


def test_reading_stops_once_the_three_keys_are_known():
    # The broken list further down is never reached; the raw lines could not see the quoted key.
    raw = b'kind: goal\n"organisation": exempel\nid: g\ntargets: [not closed\n'
    assert read_header(raw) == {"kind": "goal", "organisation": "exempel", "id": "g"}


@pytest.mark.parametrize("raw", [
    b"Exempels kommun\nkind: body\nid: ks\norganisation: exempel\n",  # a stray first line
    b"kind body\nid: ks\norganisation: exempel\n",                     # a colon left out
    b"---\n---\nkind: body\nid: ks\norganisation: exempel\n",          # an empty first document
    b"- kind: body\norganisation: exempel\n",                           # YAML reads a list
])
def test_a_file_naming_no_organisation_where_yaml_looks_is_read_from_its_raw_lines(raw):
    assert owner_of(read_header(raw)) == "exempel"


def test_an_organisation_file_is_read_to_its_id():
    raw = b"kind: organisation\nname: Exempels kommun\ntype: municipality\nid: exempel\n"
    assert owner_of(read_header(raw)) == "exempel"


@pytest.mark.parametrize("raw", [
    b"kind: goal\norganisation: exempel\nid: [not closed\n",            # broken after the keys it needs
    b"kind: goal\n\torganisation: x\norganisation: exempel\n",          # broken before them: the raw lines
    b"kind: goal\norganisation: exempel\nname: \xff\xfe\n",             # not UTF-8
])
def test_a_file_yaml_cannot_read_that_far_is_read_from_its_raw_lines(raw):
    assert owner_of(read_header(raw)) == "exempel"


def test_a_file_within_the_limits_is_read_to_its_end():
    raw = b"kind: goal\nlist:\n" + b"  - x\n" * 49_000 + b"organisation: exempel\n"
    assert read_header(raw.replace(b"organisation:", b'"organisation":')) == {"kind": "goal", "organisation": "exempel"}


@pytest.mark.parametrize("limits", [Limits(max_nodes=100), Limits(max_bytes=1000)])
def test_past_the_limits_only_the_raw_lines_are_read(limits):
    raw = b"kind: goal\nlist:\n" + b"  - x\n" * 200 + b"organisation: exempel\n"
    assert read_header(raw, limits) == {"kind": "goal", "organisation": "exempel"}
    assert read_header(raw.replace(b"organisation:", b'"organisation":'), limits) == {"kind": "goal"}


@pytest.mark.parametrize("header, owner", [
    ({"kind": "organisation", "id": "exempel"}, "exempel"),
    ({"kind": "goal", "id": "g", "organisation": "exempel"}, "exempel"),
    ({"kind": "goal", "organisation": None}, None),
    ({"id": "exempel"}, None),
    ({}, None),
])
def test_owner_of(header, owner):
    assert owner_of(header) == owner


def test_nesting_is_bounded_as_the_loader_bounds_it():
    # The top-level mapping is the first level; with a limit of 3, a value may hold a list in a list.
    within = b'kind: goal\nx: [[a]]\n"organisation": exempel\n'
    beyond = b'kind: goal\nx: [[[a]]]\n"organisation": exempel\n'
    assert read_header(within, Limits(max_depth=3)) == {"kind": "goal", "organisation": "exempel"}
    assert read_header(beyond, Limits(max_depth=3)) == {"kind": "goal"}  # the raw lines: the quoted key is not seen


# The plain reading of a file's opening lines (owner.plain_header) answers for most files without libyaml;
# where it answers, it must say what libyaml says.

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from auditrack.loader.owner import plain_header, _yaml_header  # noqa: E402

_COMMON = "# yaml-language-server: $schema=../schemas/goal.json\nkind: goal\nid: g1\norganisation: ale\ntext: Mål\n".encode()


def test_the_common_opening_is_read_without_libyaml():
    assert plain_header(_COMMON) == {"kind": "goal", "id": "g1", "organisation": "ale"}
    assert plain_header(b"kind: goal\nid: g1\norganisation: ale\n") == {"kind": "goal", "id": "g1", "organisation": "ale"}
    assert plain_header(b"kind: goal\nid: g1  # a comment\n\n  # indented comment\norganisation: ale\n\ntext: x\n") == {
        "kind": "goal", "id": "g1", "organisation": "ale"}


@pytest.mark.parametrize("raw", [
    b"kind: goal\nid: g1\norganisation: ale\n  continued\n",       # the value goes on: 'ale continued'
    b"kind: goal\nid: g1\norganisation: ale\n\n  continued\n",     # over a blank line too
    b"kind: goal\nid: g1\norganisation: ale\n\tx: y\n",            # a tab where libyaml wants indentation
    b"kind: goal\nid: g1\norganisation: ale\n- x\n",               # not a key next
    b"kind: goal\r\nid: g1\r\norganisation: ale\r\n",              # CRLF: libyaml reads it
    b'title: "x\norganisation: b"\nkind: goal\nid: g1\norganisation: ale\n',  # a quoted value before the keys
    b"kind: goal\nid: g1\norganisation: null\ntext: x\n",          # a plain null
    b"---\nkind: goal\nid: g1\norganisation: ale\n",               # a document marker
    b"\xef\xbb\xbfkind: goal\nid: g1\norganisation: ale\n",        # a byte-order mark
    b"kind: organisation\nid: ale\nname: Ale kommun\n",            # no organisation key: read to the end
    b"kind: goal\nid: g1\n" + b"# " + b"x" * 5000 + b"\norganisation: ale\n",  # past the first 4 KB
])
def test_anything_else_is_left_to_libyaml(raw):
    assert plain_header(raw) is None


_FRAGMENTS = [
    b"kind: goal", b"kind: organisation", b"id: g1", b"id: ale", b"organisation: ale", b"organisation: bea",
    b"organisation: null", b"organisation: ~", b"organisation:", "title: Mål".encode(), b"text: x", b"# comment",
    b"  # indented comment", b"", b"  ", b"  continued", b"\tx: y", b"- item", b"---", b"...", b'"kind": goal',
    b"organisation: 'ale'", b"id: [a, b]", b"id: g1 # note", b"id: g1#x", b"x: |", b"  block", b"list:",
    b"  - a", b"kind: goal\r", b"\xff", b"organisation: ale  ", b"@x", b"key:\tvalue", b"organisation: a.b-c_1",
]


@settings(derandomize=True, database=None, deadline=None, max_examples=400,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=10), st.booleans())
def test_where_the_plain_reading_answers_it_agrees_with_libyaml(lines, final_newline):
    raw = b"\n".join(lines) + (b"\n" if final_newline else b"")
    plain = plain_header(raw)
    if plain is not None:
        assert plain == _yaml_header(raw, Limits())
