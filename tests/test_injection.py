"""No injection into CI or readers: invisible characters, workflow commands, autolinks and Mermaid keywords from
the data, through the real CLI in a subprocess (test_hostile.run_cli: bounded in time and memory), on real files.

Outputs are read as bytes, so a raw CR, NEL or line separator cannot hide behind Python's newline handling.
"""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from auditrack.escape import INVISIBLE, visible
from auditrack.reports.mermaid import KEYWORDS
from conftest import AS_OF, BOARD, BOARD_PATH, ORG_PATH, ORGANISATION
from test_diff import commit, dedent, git
from test_hostile import run_cli

# Every invisible character the issue names, as YAML escapes write them: NUL, ESC, CSI, NEL, line and paragraph
# separators, a bidi override, a bidi isolate, zero-width space and joiner, BOM, left-to-right mark.
HOSTILE_YAML = r"G\0a\eb\x9bc\Nd\Le\Pf\u202eg\u2066h\u200bi\u200dj\ufeffk\u200el"
HOSTILE = "G\0a\x1bb\x9bc\x85d\u2028e\u2029f\u202eg\u2066h\u200bi\u200dj\ufeffk\u200el"
SHOWN = r"G\x00a\x1bb\x9bc\x85d\u2028e\u2029f\u202eg\u2066h\u200bi\u200dj\ufeffk\u200el"
# A value that tries to end an annotation and start a command of its own.
COMMAND_YAML = r"%0A::error file=x,line=1::owned\r\n::warning::y"
COMMAND_SHOWN_GITHUB = r"%250A::error file=x,line=1::owned\x0d\x0a::warning::y"
G204_EN = "no mandate or governing document names it"
G204_HINT = "Add `regulated_by:` with a mandate or document in force, or list it in one."
GROUP_PATH = "governance/acme/bodies/grupp.yaml"


def write(root: Path, relpath: str, text: str) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def body(body_id: str, name_yaml: str, extra: str = "") -> str:
    """A work group (so G204 names it when nothing regulates it); `name_yaml` goes inside double quotes."""
    return f'kind: body\nid: {body_id}\norganisation: acme\nname: "{name_yaml}"\ntype: work-group\n{extra}'


def minimal(root: Path) -> Path:
    write(root, ORG_PATH, ORGANISATION)
    write(root, BOARD_PATH, BOARD)
    return root


def output(workdir: Path, *args: str, env: dict | None = None) -> tuple[int, str]:
    """Exit code and standard output, decoded from the bytes as written."""
    run = run_cli(workdir, *args, env=env)
    return run.code, (workdir / "stdout.txt").read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A repository with one work group nothing regulates, whose name holds every invisible character and a
    would-be workflow command: its one finding is G204, a warning that quotes the name."""
    root = minimal(tmp_path_factory.mktemp("hostile") / "repo")
    write(root, GROUP_PATH, body("grupp", HOSTILE_YAML + " " + COMMAND_YAML))
    return root


def check(root: Path, fmt: str) -> tuple[int, str]:
    """`check` as CI runs it: the repository is the workspace, so findings name files relative to it."""
    return output(root.parent, "check", str(root), "--format", fmt, "--as-of", AS_OF, env={"GITHUB_WORKSPACE": str(root)})


def assert_nothing_invisible(text: str) -> None:
    """Only the output's own line feeds: no other character of escape.INVISIBLE, raw."""
    assert {ch for ch in text if INVISIBLE.match(ch)} <= {"\n"}


# --------------------------------------------------------------------------- escape.visible


def test_visible_escapes_exactly_the_controls_format_characters_and_separators():
    categories = {"Cc", "Cf", "Zl", "Zp"}
    for code in (*range(0xD800), *range(0xE000, 0x110000)):
        ch = chr(code)
        category = unicodedata.category(ch)
        if category in categories:
            assert visible(ch) == (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000
                                   else f"\\U{code:08x}"), hex(code)
        elif category != "Cn":  # unassigned in this Python's Unicode, a format character in a later one
            assert visible(ch) == ch, hex(code)


# --------------------------------------------------------------------------- check formats


def test_text_shows_every_invisible_character_as_an_escape(hostile):
    code, out = check(hostile, "text")
    assert (code, out) == (0, (
        f"{GROUP_PATH}:4:1  G204  warning  nothing regulates the body '{SHOWN} "
        r"%0A::error file=x,line=1::owned\x0d\x0a::warning::y" f"': {G204_EN}\n"
        f"    help: {G204_HINT}\n"
        "0 errors, 1 warning, 0 info in 3 files (as of 2022-03-20)\n"
    ))


def test_github_shows_every_invisible_character_and_no_value_ends_the_annotation(hostile):
    code, out = check(hostile, "github")
    assert (code, out) == (0, (
        f"::warning file={GROUP_PATH},line=4,col=1,title=G204 unregulated-body-or-role::nothing regulates the body "
        f"'{SHOWN} {COMMAND_SHOWN_GITHUB}': {G204_EN}%0Ahelp: {G204_HINT}\n"
        "0 errors, 1 warning, 0 info in 3 files (as of 2022-03-20)\n"
    ))
    assert_nothing_invisible(out)


def test_github_escapes_percent_colon_and_comma_in_a_file_name(tmp_path):
    root = minimal(tmp_path / "repo")
    write(root, "governance/acme/bodies/a,b:c%0A::d.yaml", body("grupp", "G\\e"))
    code, out = check(root, "github")
    assert (code, out.splitlines()[0]) == (0, (
        "::warning file=governance/acme/bodies/a%2Cb%3Ac%250A%3A%3Ad.yaml,line=4,col=1,title=G204 "
        f"unregulated-body-or-role::nothing regulates the body 'G\\x1b': {G204_EN}%0Ahelp: {G204_HINT}"
    ))


def test_json_keeps_the_text_exactly_and_writes_invisible_characters_as_escapes(hostile):
    code, out = check(hostile, "json")
    (finding,) = json.loads(out)["findings"]
    assert code == 0
    assert finding["message"] == (
        f"nothing regulates the body '{HOSTILE} %0A::error file=x,line=1::owned\r\n::warning::y': {G204_EN}")
    assert_nothing_invisible(out)
    assert (r'"message": "nothing regulates the body '
            r"'G\u0000a\u001bb\u009bc\u0085d\u2028e\u2029f\u202eg\u2066h\u200bi\u200dj\ufeffk\u200el "
            r"%0A::error file=x,line=1::owned\r\n::warning::y': " f'{G204_EN}"') in out


def test_sarif_shows_every_invisible_character_in_its_message(hostile):
    code, out = check(hostile, "sarif")
    (result,) = json.loads(out)["runs"][0]["results"]
    assert code == 0
    assert result["message"]["text"] == (
        f"nothing regulates the body '{SHOWN} " r"%0A::error file=x,line=1::owned\x0d\x0a::warning::y" f"': {G204_EN}")
    assert result["properties"]["hint"] == G204_HINT
    assert_nothing_invisible(out)


def test_junit_shows_every_invisible_character(hostile):
    code, out = check(hostile, "junit")
    case = next(c for c in ET.fromstring(out.encode("utf-8")).iter("testcase") if c.get("name") == GROUP_PATH)
    failure = case.find("failure")
    shown = f"'{SHOWN} " r"%0A::error file=x,line=1::owned\x0d\x0a::warning::y" f"'"
    assert code == 0
    assert failure.get("message") == f"{GROUP_PATH}:4:1 G204: nothing regulates the body {shown}: {G204_EN}"
    assert failure.text == f"{GROUP_PATH}:4:1 G204 warning: nothing regulates the body {shown}: {G204_EN}\n    help: {G204_HINT}"
    assert_nothing_invisible(out)


# --------------------------------------------------------------------------- diff --format markdown


def test_diff_markdown_links_nothing_pings_nobody_and_shows_no_invisible_character(tmp_path):
    root = minimal(tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    commit(root, "base")
    name = r"See https://evil.example/x and www.evil.example, #1, owner/repo#4, @team \u202eevil\u200b."
    write(root, GROUP_PATH, body("grupp", name))
    commit(root, "a group nothing regulates")
    code, out = output(tmp_path, "diff", "HEAD~1", "HEAD", "--path", str(root), "--as-of", AS_OF, "--format", "markdown")
    assert code == 0
    assert out.splitlines()[-1] == (
        f"| warning | G204 | governance/acme/bodies/grupp.yaml:4:1 | nothing regulates the body 'See https\\://evil"
        f".example/x and www\\.evil.example, \\#\u200d1, owner/repo\\#\u200d4, @\u200dteam evil.': {G204_EN} |"
    )
    assert_nothing_invisible(out.replace("\u200d", ""))  # the joiners md() puts after '#' and '@' are its own


# --------------------------------------------------------------------------- Mermaid


def _cases(keyword: str) -> list[str]:
    return list(dict.fromkeys([keyword[0].upper() + keyword[1:], keyword.upper(), keyword.lower()]))


LABELS = [f"{variant} detaljer" for keyword in KEYWORDS for variant in _cases(keyword)] + [
    "Click för detaljer", "Excludes weekends", "Section X", "Title X", "topAxis", "2024-01-01 beslut",
]


def coded(label: str) -> str:
    """A label that starts with a keyword as Mermaid must get it: the first character as an entity code, and the
    space after 'direction' (which the flowchart lexer reads anywhere on a line) too."""
    label = re.sub("(?i)(?<=direction) ", "#32;", label)
    return f"#{ord(label[0])};{label[1:]}"


BODIES = [(label, label, coded(label)) for label in LABELS] + [
    ("Byt direction TB nu", "Byt direction TB nu", "Byt direction#32;TB nu"),
    (r"a %% b; c # d: e\nf", "a %% b; c # d: e\nf", "a #37;#37; b#59; c #35; d#58; e f"),
    (r"\u200b", "\u200b", "#160;"),  # a name of only a zero-width space: a gantt task needs text
]
"""(name as YAML writes it, the name, the label Mermaid must get) for every body, one work group each."""


def in_report_order() -> list[str]:
    """The bodies' labels in the order the report lists bodies: by name without regard to case, then by id."""
    return [shown for _, _, shown in sorted((name.casefold(), f"b{i:03}", shown)
                                            for i, (_, name, shown) in enumerate(BODIES))]


@pytest.fixture(scope="module")
def governance(tmp_path_factory) -> list[list[str]]:
    """`report governance` on a repository with one mandate titled 'Click för detaljer' and the BODIES (as of
    2024-06-30, all active since 2024-02-01); the report's Mermaid blocks, each as its lines."""
    root = minimal(tmp_path_factory.mktemp("mermaid") / "repo")
    write(root, "governance/acme/mandates/m1.yaml", dedent("""
        kind: mandate
        id: m1
        organisation: acme
        title: Click för detaljer
        type: steering-model
        decided_by: ks
        adopted: 2024-01-01
        valid_from: 2024-01-01
        regulates: [roles]
    """))
    for i, (name_yaml, _, _) in enumerate(BODIES):
        write(root, f"governance/acme/bodies/b{i:03}.yaml", body(f"b{i:03}", name_yaml, "active_from: 2024-02-01\n"))
    code, out = output(root.parent, "report", "governance", str(root), "--as-of", "2024-06-30", "--lang", "en")
    assert code == 0
    blocks = out.split("```mermaid\n")[1:]
    return [block.partition("\n```")[0].splitlines() for block in blocks]


def test_no_gantt_label_starts_with_a_mermaid_keyword(governance):
    labels = in_report_order()
    assert governance[0][1:] == [
        "gantt", "    title Mandates and decisions", "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m",
        "    inclusiveEndDates", "    todayMarker off", "    section Mandates with roles and responsibilities",
        "    #67;lick för detaljer :active, t1, 2024-01-01, 2024-06-30",
        "    section Bodies",
        *[f"    {label} :t{n}, 2024-02-01, 2024-06-30" for n, label in enumerate(labels, 2)],
        "    section Milestones",
        f"    As of 2024-06-30 :milestone, t{len(labels) + 2}, 2024-06-30, 0d",
    ]


def test_no_flowchart_label_starts_with_a_mermaid_keyword(governance):
    nodes = [line for line in governance[1] if line.startswith("    n") and '["' in line]
    assert nodes == ['    n1["Kommunstyrelsen"]'] + [f'    n{n}["{label}"]' for n, label in enumerate(in_report_order(), 2)]
