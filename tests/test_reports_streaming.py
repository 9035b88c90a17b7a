"""`report status`, `governance` and `follow-up` are built and rendered one organisation at a time
(reports/stream.py): the same text as rendering one index of everything, with each organisation's index let go
before the next is built.

The repository here has several organisations: the seed data's two, the fixture Acme of test_reports.py, a copy
of Acme under another id with the very same record ids, one with data errors, and records of an organisation
that has no organisation file.
"""

from __future__ import annotations

import copy
import dataclasses
import gc
import json
import shutil
import weakref
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditrack.commands.report import load
from auditrack.config import Config
from auditrack.engine import load_by_organisation
from auditrack.findings import Category, localize
from auditrack.reports import render, stream
from auditrack.reports.tidy import Tidy
from test_reports import records

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2024, 12, 31)
STREAMED = ("status", "governance", "follow-up")


def _copy_of_acme(org_id: str, name: str) -> dict[str, dict]:
    """Acme's files under another organisation id, every record with the same id as Acme's."""
    copied = {}
    for path, data in records().items():
        data = copy.deepcopy(data)
        if data["kind"] == "organisation":
            data.update(id=org_id, name=name)
        else:
            data["organisation"] = org_id
        copied[path.replace("/acme/", f"/{org_id}/")] = data
    return copied


@pytest.fixture(scope="module")
def country(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("country")
    for folder in ("governance", "recommendations"):
        shutil.copytree(ROOT / folder, root / folder)
    files = {**records(), **_copy_of_acme("acme2", "Acme två")}
    for path, data in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    broken = root / "governance" / "trasig"
    broken.mkdir()
    (broken / "organisation.yaml").write_text("kind: organisation\nid: trasig\nname: Trasig kommun\n", encoding="utf-8")
    (broken / "ks.yaml").write_text(  # valid
        "kind: body\nid: ks\norganisation: trasig\nname: Kommunstyrelsen\ntype: board\nstanding: true\n", encoding="utf-8")
    (broken / "bad-type.yaml").write_text(  # a schema error
        "kind: body\nid: nonsens\norganisation: trasig\nname: Nonsens\ntype: nonsense\n", encoding="utf-8")
    (broken / "bad-yaml.yaml").write_text("kind: body\nid: [unclosed\n", encoding="utf-8")  # a YAML error
    (broken / "dangling.yaml").write_text(  # a reference to nothing
        "kind: body\nid: utskott\norganisation: trasig\nname: Utskott\ntype: committee\nparent: finns-inte\n",
        encoding="utf-8")
    homeless = root / "governance" / "utan-fil"  # records of an organisation that has no organisation file
    homeless.mkdir()
    (homeless / "ks.yaml").write_text(
        "kind: body\nid: ks\norganisation: utan-fil\nname: Styrelsen\ntype: board\nstanding: true\n", encoding="utf-8")
    return root


def whole(root: Path, kind: str, lang: str, org: str | None = None, round_id: str | None = None) -> str:
    """The report rendered from one index of everything, as the command rendered every report before."""
    result = load(kind, root, Config(), AS_OF, org)
    result = dataclasses.replace(result, findings=localize([copy.copy(f) for f in result.findings], lang))
    return render(kind, result, lang=lang, org=org, data_root=root, round_id=round_id)


def data_errors(root: Path) -> int:
    return sum(1 for f in load("status", root, Config(), AS_OF, None).findings if f.category == Category.DATA)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("kind", STREAMED)
def test_the_streamed_report_is_the_whole_report(cli, country, kind, lang):
    done = cli("report", kind, str(country), "--as-of", AS_OF.isoformat(), "--lang", lang)
    assert done.code == 0
    assert done.stdout == whole(country, kind, lang)
    n = data_errors(country)
    assert n == 4  # bad-type, bad-yaml and dangling, and acme's own test data has none
    assert done.stderr == (f"auditrack: {n} data errors (YAML, schema or references); the report shows only the "
                           "valid records. `auditrack check` lists them.\n")


def test_every_organisation_is_in_the_report(cli, country):
    text = cli("report", "governance", str(country), "--as-of", AS_OF.isoformat(), "--lang", "sv").stdout
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Acme kommun", "## Acme två", "## Bräcke kommun", "## Ludvika kommun", "## Trasig kommun",
                        "## utan-fil"]


@pytest.mark.parametrize("org", ["acme2", "trasig", "ludvika", "utan-fil"])
@pytest.mark.parametrize("kind", STREAMED)
def test_one_organisation_streamed_is_the_whole_report_of_it(cli, country, kind, org):
    done = cli("report", kind, str(country), "--as-of", AS_OF.isoformat(), "--lang", "sv", "--org", org)
    assert done.code == 0
    assert done.stdout == whole(country, kind, "sv", org)


@pytest.mark.parametrize("org", [None, "acme2"])
def test_a_follow_up_round_streamed_is_the_whole_round(cli, country, org):
    args = ("--org", org) if org else ()
    done = cli("report", "follow-up", str(country), "--as-of", AS_OF.isoformat(), "--round", "fu-2024", *args)
    assert done.code == 0
    assert done.stdout == whole(country, "follow-up", "en", org, "fu-2024")
    assert done.stdout.count("### Follow-up round fu-2024:") == (1 if org else 2)  # Acme's and Acme två's, the same id


def test_an_unknown_round_lists_the_rounds(cli, country):
    done = cli("report", "follow-up", str(country), "--as-of", AS_OF.isoformat(), "--round", "ingen")
    assert done.code == 2 and done.stdout == ""
    assert done.stderr == ("auditrack: unknown follow-up round 'ingen'; the rounds (follow-up ids) in the data are: "
                           "fu-2023, fu-2024\n")


def test_the_same_ids_in_two_organisations_are_two_organisations(cli, country):
    """Acme and Acme två have every id in common: each organisation's part is its own records."""
    text = cli("report", "status", str(country), "--as-of", AS_OF.isoformat(), "--lang", "sv").stdout
    acme, acme2 = text.split("\n## Acme kommun\n")[1].split("\n## Acme två\n")
    acme2 = acme2.split("\n## Bräcke kommun\n")[0]
    assert acme.strip() == acme2.strip()
    assert "Kommunstyrelsen" in acme


@pytest.mark.parametrize("kind", STREAMED)
def test_each_index_is_let_go_before_the_next_is_built(country, kind):
    """With the collector paused, as the command builds. Each index must be gone before any file of the next
    organisation is loaded: when it dies, the count of files loaded is still the count when it was built. An
    index kept a step too long (a frame still naming it) dies later, one kept by a reference cycle (a recursive
    closure in a builder, say) not at all."""
    result, indexes = load_by_organisation(country, Config())
    result.as_of = AS_OF
    files_when_built: list[int] = []
    files_when_gone: dict[int, int] = {}
    refs: list[weakref.ref] = []

    def watched():
        for owner, index in indexes:
            step = len(files_when_built)
            files_when_built.append(result.files)
            refs.append(weakref.ref(index, lambda _, step=step: files_when_gone.setdefault(step, result.files)))
            yield owner, index
            del index

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        built = stream.build(kind, result, watched(), None, "sv")
    finally:
        if was_enabled:
            gc.enable()
    built.spool.close()
    assert len(files_when_built) == 7  # six organisations, and the file that names none
    assert files_when_gone == dict(enumerate(files_when_built))


def test_a_template_may_walk_the_organisations_in_any_order(cli, country):
    (country / "templates").mkdir()
    try:
        (country / "templates" / "status.md.j2").write_text(
            "{% for org in organisations|reverse %}{{ org.name }}: {{ org.reports|length }} {{ org.states.total }}\n"
            "{% endfor %}{% for org in organisations %}{{ org|length }} {{ 'pie' in org }} {{ org['reports']|length }}"
            " {{ org.states_by_name|length }}\n{% endfor %}{{ organisations[1].name }} {{ organisations[0].reports|length }}\n",
            encoding="utf-8")
        done = cli("report", "status", str(country), "--as-of", AS_OF.isoformat(), "--lang", "sv")
        assert done.code == 0
        assert done.stdout == whole(country, "status", "sv")
        assert done.stdout.startswith("utan-fil: 0 0\nTrasig kommun: 0 0\n")
    finally:
        shutil.rmtree(country / "templates")


def test_the_file_is_the_standard_output(cli, country, tmp_path):
    target = tmp_path / "status.md"
    done = cli("report", "status", str(country), "--as-of", AS_OF.isoformat(), "-o", str(target))
    assert done.code == 0 and done.stdout == ""
    assert target.read_text(encoding="utf-8") == whole(country, "status", "en")


# --------------------------------------------------------------------------- tidying text that comes in pieces


def tidy_at_once(text: str) -> str:
    """What reports._tidy did before it was written for pieces (kept here as the reference)."""
    lines = text.splitlines()
    out: list[str] = []
    fenced = False
    for line in lines:
        stripped = line.rstrip()
        if stripped.startswith("```"):
            fenced = not fenced
        if not fenced and not stripped and out and not out[-1]:
            continue
        out.append(stripped if not fenced else line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


PIECES = st.lists(st.sampled_from(["a", "b ", " ", "\n", "\r", "\r\n", "```", "```mermaid", "\u2028", "\x0c", "\t"]),
                  max_size=40)


@settings(max_examples=400, deadline=None)
@given(pieces=PIECES, cuts=st.lists(st.integers(min_value=0, max_value=80), max_size=8))
def test_tidy_in_pieces_is_tidy_at_once(pieces, cuts):
    text = "".join(pieces)
    out: list[str] = []
    tidy = Tidy(out.append)
    start = 0
    for cut in sorted(cuts):
        tidy.feed(text[start:cut])
        start = max(start, cut)
    tidy.feed(text[start:])
    tidy.close()
    assert "".join(out) == tidy_at_once(text)
