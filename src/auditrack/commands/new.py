"""`auditrack new KIND`: a new data file at its place, ready to fill in, that checks as it is written.

The required fields the command cannot know are options (`--name`, `--title` …); references are checked
against the repository and an unknown id is refused with the ids that exist, closest first. What the
repository knows is pre-filled: a response gets a position and an action to take in for each recommendation
addressed to its body, a follow-up an assessment for each open recommendation, a report the organisation's
bodies to choose from. The file is checked with the rest of its organisation, as `check` would, before it is
written (atomically); a file that would bring a data error is never written.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from auditrack.authoring.catalogue import kind_fields
from auditrack.authoring.known import Known
from auditrack.authoring.new_file import Draft, render
from auditrack.authoring.refusals import Refused, language, missing, new_id, organisation_of, require
from auditrack.engine import EXIT_OK, EXIT_USAGE
from auditrack.models import FILE_KINDS

# Which option gives each required field (the rest are named after their field: --name, --title …).
OPTION_OF = {"id": "--id", "organisation": "--org", "report": "--report", "decided_by": "--body",
             "addressees": "--body", "valid_from": "--valid-from"}

MESSAGES = {
    "exists": ("{path} already exists; nothing was written (use --force to replace it)",
               "{path} finns redan; inget skrevs (använd --force för att ersätta den)"),
    "invalid": ("the new file would not check; nothing was written:", "den nya filen skulle inte klara kontrollen; "
                "inget skrevs:"),
    "wrote": ("wrote {path}", "skrev {path}"),
    "cannot": ("cannot write {path}: {reason}", "kan inte skriva {path}: {reason}"),
}


@dataclass
class Request:
    """What the officer asked for on the command line."""

    kind: str
    org: str | None = None
    id: str | None = None
    values: dict[str, object] = field(default_factory=dict)
    """Field → value given by an option named after the field (--name, --title, --type, --date …)."""
    reports: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    answers: dict[str, list[str]] = field(default_factory=dict)
    """Option → its REC=VALUE texts: --stance and --reason (response), --grade and --comment (follow-up)."""
    recommendations: list[str] = field(default_factory=list)
    """report: the recommendations' texts; action: the ids of the recommendations it answers."""


def say(lang: str, key: str, **values) -> str:
    from auditrack.authoring.messages import say as said

    return said(MESSAGES, lang, key, **values)


def run(request: Request, path: Path, lang: str | None, force: bool) -> int:
    from auditrack.authoring.known import open_repository
    from auditrack.authoring.messages import kind_named

    kind = kind_named(request.kind)
    if kind not in FILE_KINDS:
        sys.stderr.write(f"auditrack: {say(lang or 'sv', 'unknown-kind', kind=request.kind, kinds=', '.join(FILE_KINDS))}\n")
        return EXIT_USAGE
    known = open_repository(path, lang or "sv")
    if known is None:
        return EXIT_USAGE
    root, config = known.root, known.config
    lang = language(lang, config)
    try:
        relative, draft = plan(kind, request, known, lang, root)
    except Refused as exc:
        sys.stderr.write(f"auditrack: {exc}\n")
        return EXIT_USAGE
    target = root / relative
    shown = target.as_posix()
    if (target.exists() or target.is_symlink()) and not force:
        sys.stderr.write(f"auditrack: {say(lang, 'exists', path=shown)}\n")
        return EXIT_USAGE
    text = render(draft, known, lang)
    problems = new_data_errors(root, config, relative, text, draft.organisation, lang)
    if problems:
        sys.stderr.write(f"auditrack: {say(lang, 'invalid')}\n" + "".join(f"{p}\n" for p in problems))
        return EXIT_USAGE
    from auditrack.io import NotARegularFile, write_atomic

    try:
        write_atomic(target, text)
    except NotARegularFile as exc:
        sys.stderr.write(f"auditrack: {exc.message(lang)}\n")
        return EXIT_USAGE
    except OSError as exc:
        sys.stderr.write(f"auditrack: {say(lang, 'cannot', path=shown, reason=exc.strerror or exc)}\n")
        return EXIT_USAGE
    sys.stdout.write(say(lang, "wrote", path=shown) + "\n")
    return EXIT_OK


# --------------------------------------------------------------------------- planning


def plan(kind: str, request: Request, known: Known, lang: str, root: Path) -> tuple[str, Draft]:
    """Where the new file goes (relative to the repository) and what it holds."""
    from auditrack.authoring.prefill import PREFILL

    given: dict[str, object] = {"kind": kind}
    if kind == "organisation":
        org = new_id(request.id, "--id", kind, lang)
        given["id"] = org
    else:
        org = organisation_of(request.org, known, lang)
        given["organisation"] = org
    blocks: dict[str, list[str]] = {}
    special = PREFILL.get(kind)
    if special is not None:
        given.update(special(request, known, org, lang, blocks))
    if "id" not in given:
        given["id"] = new_id(request.id, "--id", kind, lang)
    for f in kind_fields(kind):
        if f.key in given:
            continue
        if f.key in request.values:
            given[f.key] = request.values[f.key]
        elif f.required:
            option = OPTION_OF.get(f.key, "--" + f.key.replace("_", "-"))
            about = _about(f, lang)
            raise missing(request.kind, option, about, f.refers_to, known, org, lang)
    for f in kind_fields(kind):
        if f.refers_to and f.key != "organisation" and f.key in given:
            for value in given[f.key] if isinstance(given[f.key], list) else [given[f.key]]:
                require(known, f.refers_to, str(value), org, OPTION_OF.get(f.key, "--" + f.key), lang)
    relative = place(kind, given, known, org)
    schema = os.path.relpath(root / "schemas" / f"{kind}.json", (root / relative).parent).replace(os.sep, "/")
    return relative, Draft(kind, org, schema, given, blocks)


def _about(f, lang: str) -> str:
    """What a missing option holds: its allowed values (with their Swedish words in Swedish), else its type; and
    what it means."""
    if f.values:
        shown = [f"{v} ({f.value_word(v, lang)})" if lang == "sv" and f.value_word(v, lang) else v for v in f.values]
        about = ("en av: " if lang == "sv" else "one of: ") + ", ".join(shown)
    else:
        about = f.type_sv if lang == "sv" else f.type_en
    described = f.description(lang)
    return about + (f"; {described.rstrip('.')}" if described else "")


def place(kind: str, given: dict, known: Known, org: str) -> str:
    """The file's path, as docs/data-layout.md lays the data out."""
    from auditrack.suggest import home

    if kind == "organisation":
        return f"governance/{org}/organisation.yaml"
    if kind == "audit-report":
        year = str(given.get("date", ""))[:4]
        return f"recommendations/{org}/{year + '-' if year else ''}{given['id']}/report.yaml"
    if kind in ("response", "follow-up"):
        report = known.index.get(org, given.get("report") or given["reports"][0], "audit-report")
        folder = known.path_of(report).rsplit("/", 1)[0]
        name = f"response-{given['decided_by']}" if kind == "response" else f"follow-up-{str(given['date'])[:4]}"
        return f"{folder}/{name}.yaml"
    return f"{home(kind, org, 'en')}{given['id']}.yaml"


# --------------------------------------------------------------------------- validating


def new_data_errors(root: Path, config, relative: str, text: str, org: str, lang: str) -> list[str]:
    """The data errors the new file would bring to its organisation's check, as `check` prints them."""
    from auditrack.engine import check_sources, read_sources
    from auditrack.findings import Category, localize
    from auditrack.loader.owner import owner_of, read_header

    from auditrack.config import as_of_date

    def belongs(source) -> bool:
        if source[0] == relative or isinstance(source[1], OSError):
            return False
        header = read_header(source[1])
        return header.get("kind") == "organisation" or owner_of(header) == org

    sources, _, _ = read_sources(root, config)
    part = [source for source in sources if belongs(source)]
    as_of = as_of_date(config, None)

    def errors(files):
        result = check_sources(files, config, as_of, root)
        localize(result.findings, lang)
        return [f for f in result.findings if f.category is Category.DATA and f.code != "X003"]

    # Matched by place, not by message: an error elsewhere whose "did you mean" now names the new id is not new.
    def place(f):
        return f.code, f.location.file, f.location.line, f.location.column

    before = {place(f) for f in errors(part)}
    after = errors(part + [(relative, text.encode("utf-8"))])
    return [f"{f.location}  {f.code}  {f.message}" for f in after if place(f) not in before]
