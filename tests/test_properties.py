"""Property-based tests (issue 8): whatever the data, a check ends with findings or a clean result, never an exception.

Records are generated from the JSON Schema of every kind (`model_json_schema()`, the same schemas editors use),
written out as YAML and checked through the whole pipeline: loader, validation, index, rules, every output
format and the CI job summary. Then they are mutated: wrong types, broken dates, missing keys, random Unicode,
random bytes and random YAML.

Settings are deterministic (derandomize=True, no example database) so CI sees the same examples every run;
there is no deadline, but every example runs under a hard time limit (TIME_LIMIT seconds, SIGALRM).
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from auditrack.codes import CODES
from auditrack.config import Config
from auditrack.deadline import time_limit
from auditrack.engine import check_sources
from auditrack.findings import Category
from auditrack.loader.owner import owner_of, read_header
from auditrack.loader.yamlfile import load_bytes
from auditrack.models.base import FIRST_YEAR, LAST_YEAR
from auditrack.formatters import FORMATS, get_formatter
from auditrack.models import FILE_KINDS
from auditrack.models.base import ID_PATTERN, PERIOD_PATTERN
from auditrack.rules import load_rules
from auditrack.validate import validate_file

AS_OF = date(2024, 6, 30)
ORG_FILE = ("governance/acme/organisation.yaml", b"kind: organisation\nid: acme\nname: Acme kommun\n")
BOARD_FILE = ("governance/acme/bodies/ks.yaml", b"kind: body\nid: ks\norganisation: acme\nname: KS\ntype: board\nstanding: true\n")
TIME_LIMIT = 10  # seconds per example; a hard bound, far above what one example takes (milliseconds)

SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# --------------------------------------------------------------------------- strategies from the JSON Schemas

_IDS = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,15}", fullmatch=True)
_ID_POOL = ["acme", "ks", "r1", "q1", "a1", "goal-1", "p1", "m1", "d1", "i1", "role-1"]
_IDS_OR_KNOWN = st.one_of(st.sampled_from(_ID_POOL), _IDS)  # known ids make references resolve sometimes


def _period() -> st.SearchStrategy:
    """Every written form of a date or period, as the loader would see it (text), or a bare year (a number)."""
    days = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31))
    return st.one_of(
        st.sampled_from([f"{FIRST_YEAR}-01-01", f"{LAST_YEAR}-12-31", str(LAST_YEAR), f"{LAST_YEAR}-Q4", f"{LAST_YEAR}-12"]),  # the ends of the range
        days.map(lambda d: d.isoformat()),
        days.map(lambda d: f"{d.year:04d}-{d.month:02d}"),
        st.tuples(st.integers(FIRST_YEAR, LAST_YEAR), st.integers(1, 4)).map(lambda t: f"{t[0]}-Q{t[1]}"),
        st.tuples(st.integers(FIRST_YEAR, LAST_YEAR), st.integers(1, 2)).map(lambda t: f"{t[0]}-H{t[1]}"),
        st.integers(FIRST_YEAR, LAST_YEAR).map(str),
        st.integers(FIRST_YEAR, LAST_YEAR),
    )


_FLOATS = st.one_of(st.integers(-10**9, 10**9), st.floats(allow_nan=False, allow_infinity=False, width=64))


def _pattern(pattern: str) -> st.SearchStrategy:
    if pattern == ID_PATTERN:
        return _IDS_OR_KNOWN
    # `$` in Python (and so in from_regex) allows a trailing newline, which the schema's regex engine does not.
    core = pattern.removeprefix("^").removesuffix("$")
    return st.from_regex(core, fullmatch=True).filter(lambda s: re.fullmatch(core, s) and "\n" not in s)


def from_schema(schema: dict, defs: dict, depth: int = 0) -> st.SearchStrategy:
    """Valid values for one JSON Schema node (the subset pydantic writes for auditrack's models)."""
    if "$ref" in schema:
        return st.deferred(lambda: from_schema(defs[schema["$ref"].rsplit("/", 1)[-1]], defs, depth + 1))
    if "anyOf" in schema:
        options = schema["anyOf"]
        if any(o.get("pattern") == PERIOD_PATTERN for o in options):
            return _period()
        return st.one_of([from_schema(o, defs, depth) for o in options])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(schema.get("minimum", -10**6), schema.get("maximum", 10**6))
    if kind == "number":
        return _FLOATS
    if kind == "string":
        if "pattern" in schema:
            return _pattern(schema["pattern"])
        return st.text(min_size=schema.get("minLength", 0), max_size=min(schema.get("maxLength", 30), 30))
    if kind == "array":
        least = schema.get("minItems", 0)
        return st.lists(from_schema(schema.get("items", {}), defs, depth + 1), min_size=least,
                        max_size=max(least, 0 if depth > 3 else 2))
    if kind == "object":
        properties = schema.get("properties")
        if properties is None:  # dict[str, float]
            extra = schema.get("additionalProperties") or {}
            return st.dictionaries(st.text(max_size=12), from_schema(extra, defs, depth + 1), max_size=0 if depth > 3 else 3)
        required = set(schema.get("required", ()))
        return _object(properties, required, defs, depth)
    return st.nothing()


@st.composite
def _object_draw(draw, properties: dict, required: set, defs: dict, depth: int) -> dict:
    out = {}
    for name, sub in properties.items():
        if name in required or (depth <= 3 and draw(st.integers(0, 3)) == 0):  # optional fields: one in four
            out[name] = draw(from_schema(sub, defs, depth + 1))
    return out


def _object(properties, required, defs, depth):
    return _object_draw(properties, required, defs, depth)


_SCHEMAS = {kind: model.model_json_schema() for kind, model in FILE_KINDS.items()}


@st.composite
def valid_record(draw, kind: str | None = None) -> tuple[str, dict]:
    kind = kind or draw(st.sampled_from(sorted(FILE_KINDS)))
    schema = _SCHEMAS[kind]
    record = draw(from_schema(schema, schema.get("$defs", {})))
    if "organisation" in record:
        record["organisation"] = "acme"
    return kind, record


def dump(record) -> bytes:
    return yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=80).encode("utf-8")


# --------------------------------------------------------------------------- hostile values and mutations

_NASTY_TEXT = [
    "", "~", "null", "yes", "NO", "on", "0x1F", "012345", "1e3", ".inf", "nan", "-0", "3.10", "<<", "*a", "&a", "!!str",
    "2022-02-30", "2022-13-01", "2022-Q5", "2022-H3", "0000-00-00", "99999-01-01", "1899-12-31", "2200-01-01", "٢٠٢٢-01-01", "2022-1-1", " 2022-01-01", "20220101",
    "9" * 5000, "a" * 10_000, "\u202e\u2066evil", "\x1b[31mred\x1b[0m", "::error::injected", "%0A", "line\nbreak",
    "\ud7ff\ue000\ufffd", "\U0010ffff", "\u0085\u2028\u2029", "\ufeff", "Bräcke åäö ÅÄÖ", "🎉" * 50,
]
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(), st.text(), st.sampled_from(_NASTY_TEXT), st.dates().map(str),
)
ANY_VALUE = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=12,
)


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, prefix + (i,))


def _set(data, path, value):
    if not path:
        return value
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return data


def _delete(data, path):
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]
    return data


@st.composite
def mutated_record(draw) -> bytes:
    """A valid record with one to three mutations: a value of the wrong type, a broken date, a key removed,
    a key added, a string replaced by random Unicode."""
    _, record = draw(valid_record())
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(record))
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(["type", "date", "delete", "add", "unicode"]))
        if how == "type":
            record = _set(record, path, draw(ANY_VALUE))
        elif how == "date":
            record = _set(record, path, draw(st.one_of(st.sampled_from(_NASTY_TEXT[17:26]), st.text(max_size=12), _period())))
        elif how == "delete" and path:
            record = _delete(record, path)
        elif how == "add":
            target = record
            for part in path:
                target = target[part]
            if isinstance(target, dict):
                target[draw(st.one_of(st.text(max_size=12), st.sampled_from(["kind", "id", "waivers", "<<", ""])))] = draw(ANY_VALUE)
        elif how == "unicode":
            record = _set(record, path, draw(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)))
    return dump(record)


# Pieces of YAML syntax, so random YAML reaches deep into the parser instead of failing on the first byte.
_YAML_PIECES = [
    "kind: ", "id: ", "organisation: acme", "name: ", "- ", ": ", "? ", "\n", "\n  ", "\n    ", "  ", "[", "]", "{", "}",
    ", ", "&a ", "*a", "<<: ", "!!str ", "!!python/object ", "!x ", "'", '"', "|\n", ">-\n", "# c", "---\n", "...\n",
    "%YAML 1.1\n", "%TAG ! tag:x,2002:\n", "~", "null", "2022-03-15", "3.10", "yes", "\t", "\r\n", "\ufeff", "\\", "\x00",
    "\x85", "\u2028", "é", "🎉", "x",
]
RANDOM_YAML = st.lists(st.sampled_from(_YAML_PIECES), max_size=40).map(lambda pieces: "".join(pieces).encode("utf-8"))


@st.composite
def damaged_bytes(draw) -> bytes:
    """A valid record's bytes with bytes flipped, inserted, deleted or the file cut short."""
    _, record = draw(valid_record())
    raw = bytearray(dump(record))
    for _ in range(draw(st.integers(1, 4))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        how = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if how == "flip":
            raw[at] = draw(st.integers(0, 255))
        elif how == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=4))
        elif how == "delete":
            del raw[at]
        else:
            del raw[at:]
    return bytes(raw)


# --------------------------------------------------------------------------- the property


class TookTooLong(BaseException):
    """Not an Exception: the engine's own `except Exception` guards must not swallow it."""


_KNOWN_CODES = set(CODES) | set(load_rules())


def check_one(raw: bytes, path: str = "governance/acme/x.yaml", summary: bool = False):
    """Check one file (with organisation acme and its board) through the whole pipeline, as CI would:
    every output format, and with `summary` the Markdown job summary too (slower: it compiles templates)."""
    from auditrack.reports import render_gap_summary

    with time_limit(TIME_LIMIT, TookTooLong(f"one check took more than {TIME_LIMIT} s")):
        result = check_sources([ORG_FILE, BOARD_FILE, (path, raw)], Config(), AS_OF)
        for name in FORMATS:
            get_formatter(name)(result, io.StringIO())
        if summary:
            render_gap_summary(result)
    internal = [f for f in result.findings if f.category is Category.INTERNAL]
    assert internal == [], internal[0].message
    for f in result.findings:
        assert f.code in _KNOWN_CODES, f
        assert f.location.line >= 1 and f.location.column >= 1, f
        assert f.message and "\n" not in f.location.file
    assert result.exit_code("error") in (0, 1, 3)
    return result


def schema_findings(result) -> list:
    return [f for f in result.findings if f.code[0] in "YS"]


@pytest.mark.parametrize("kind", sorted(FILE_KINDS))
@SETTINGS
@given(data=st.data())
def test_valid_records_of_every_kind_have_no_schema_finding(kind, data):
    _, record = data.draw(valid_record(kind))
    raw = dump(record)
    result = check_one(raw)
    assert schema_findings(result) == [], (raw.decode(), schema_findings(result))


@settings(SETTINGS, max_examples=200)
@given(mutated_record())
def test_mutated_records_end_in_findings_not_exceptions(raw):
    check_one(raw)


@settings(SETTINGS, max_examples=40)
@given(st.one_of(mutated_record(), st.sampled_from(sorted(FILE_KINDS)).flatmap(valid_record).map(lambda kr: dump(kr[1]))))
def test_job_summary_never_fails(raw):
    check_one(raw, summary=True)


@settings(SETTINGS, max_examples=200)
@given(RANDOM_YAML)
def test_random_yaml_ends_in_findings_not_exceptions(raw):
    check_one(raw)


@settings(SETTINGS, max_examples=150)
@given(st.binary(max_size=300))
def test_random_bytes_end_in_findings_not_exceptions(raw):
    result = check_one(raw)
    assert result.exit_code("error") in (0, 1, 3)


@settings(SETTINGS, max_examples=150)
@given(damaged_bytes())
def test_damaged_files_end_in_findings_not_exceptions(raw):
    check_one(raw)


@settings(SETTINGS, max_examples=100)
@given(st.text(max_size=300))
def test_random_unicode_text_ends_in_findings_not_exceptions(text):
    check_one(text.encode("utf-8"))


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["[", "{", "- ", "a: ", "? "]), st.integers(1, 200)), min_size=1, max_size=4))
def test_deep_nesting_of_any_shape_is_refused_or_read(shape):
    """Mixed flow and block nesting at any depth: a Y005 past 64 levels, never a crash."""
    text = "kind: organisation\nid: deep\nname: x\naka: "
    indent = 0
    for piece, count in shape:
        for _ in range(count):
            if piece in ("[", "{"):
                text += piece
            else:
                indent += 2
                text += "\n" + " " * indent + piece
    result = check_one(text.encode())
    assert result.findings, "nothing reported for a file that is at best misshapen"


@SETTINGS
@given(st.integers(1, 12), st.integers(1, 12))
def test_alias_bombs_of_any_size_are_refused(levels, width):
    lines = ['l0: &l0 "lol"']
    for n in range(1, levels + 1):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * width) + "]")
    result = check_one(("\n".join(lines) + "\n").encode())
    assert [(f.code, f.location.line) for f in schema_findings(result)] == [("Y004", 2)]


@settings(SETTINGS, max_examples=150)
@given(data=st.data())
def test_the_organisation_read_before_loading_is_the_one_the_record_names(data):
    """`check` groups files by loader/owner.py's reading before it loads them: for every file that loads and
    validates, in any key order and any YAML style, that reading must be the record's own organisation."""
    kind, record = data.draw(valid_record())
    owner = data.draw(st.from_regex(ID_PATTERN, fullmatch=True).filter(lambda s: len(s) <= 80))
    record["id" if kind == "organisation" else "organisation"] = owner
    shuffled = dict(data.draw(st.permutations(list(record.items()))))
    style = data.draw(st.sampled_from([False, None, True]))
    raw = yaml.safe_dump(shuffled, allow_unicode=True, sort_keys=False, default_flow_style=style).encode("utf-8")
    model, _ = validate_file(load_bytes(raw, "x.yaml"))
    assume(model is not None)
    assert owner_of(read_header(raw)) == owner


_REFERRING_REPORT = ("recommendations/acme/r/report.yaml", b"kind: audit-report\nid: r\norganisation: acme\ntitle: T\n"
                     b"audit_firm: F\ndate: 2024-01-10\naudit_plan_year: 2024\naddressees: [ks]\npurpose: P\n")
_SNIPPETS = [b"---\n", b"Stray line\n", b"- ", b"\t", b"[", b"{", b"'", b'"', b"#", b"\r", "\u2028".encode(), b"...\n",
             b": ", b"&a ", b"*a ", b"!!str ", b"? ", b"\n", b"\x00", b"\xff", b"organisation: other\n"]


@st.composite
def damaged_repository(draw) -> list[tuple[str, bytes]]:
    """The organisation, its board and a report addressed to the board, with one to three snippets of
    broken YAML put into the files at random places."""
    files = [list(ORG_FILE), list(BOARD_FILE), list(_REFERRING_REPORT)]
    for _ in range(draw(st.integers(1, 3))):
        target = files[draw(st.integers(0, 2))]
        at = draw(st.integers(0, len(target[1])))
        target[1] = target[1][:at] + draw(st.sampled_from(_SNIPPETS)) + target[1][at:]
    return [tuple(f) for f in files]


@settings(SETTINGS, max_examples=300)
@given(st.one_of(damaged_repository(), st.one_of(mutated_record(), damaged_bytes(), RANDOM_YAML).map(
    lambda raw: [ORG_FILE, BOARD_FILE, _REFERRING_REPORT, ("governance/acme/x.yaml", raw)])))
def test_checking_one_organisation_at_a_time_finds_what_one_index_of_everything_finds(sources):
    """`check` groups the files by organisation before loading them; whatever the files hold, the data
    findings must be those of loading every file into one index (`engine.load_sources`, as the reports do)."""
    from auditrack.engine import CheckResult, load_sources

    with time_limit(TIME_LIMIT, TookTooLong(f"one check took more than {TIME_LIMIT} s")):
        checked = check_sources(sources, Config(), AS_OF)
        whole = load_sources(sources, Config(), CheckResult(root=Path("."), as_of=AS_OF, config=Config()))

    def data(findings):
        return sorted((f.code, str(f.location), f.message, f.organisation) for f in findings
                      if f.category is Category.DATA and f.code != "X003")

    assert data(checked.findings) == data(whole.findings)
