"""`auditrack import report FILE`: draft an audit-report file from a report's text (PDF, Markdown or text).

Exit codes: 0 drafted (what was not found is listed at the end of the file and on stderr); 2 usage error (the
file cannot be read, pypdf is not installed for a PDF, the organisation is not known and --org is not given,
the draft's file exists and --force is not given, an --output that is not a regular file).
"""

from __future__ import annotations

import sys
from pathlib import Path

from auditrack.engine import EXIT_OK, EXIT_USAGE
from auditrack.importing.extract import Found

MESSAGES = {
    "no-file": ("{0} is not a file", "{0} är ingen fil"),
    "no-pypdf": ("reading a PDF needs pypdf: pip install 'auditrack[pdf]' (or give the report's text as .txt or .md)",
                 "för att läsa en PDF behövs pypdf: pip install 'auditrack[pdf]' (eller ange rapportens text som .txt "
                 "eller .md)"),
    "bad-pdf": ("{0} cannot be read as a PDF: {1}", "{0} går inte att läsa som PDF: {1}"),
    "no-text": ("{0} holds no text (a scanned PDF needs OCR first)",
                "{0} innehåller ingen text (en skannad PDF behöver OCR först)"),
    "no-org": ("cannot tell which organisation the report is about; give --org", 
               "kan inte avgöra vilken organisation rapporten gäller; ange --org"),
    "exists": ("{0} exists; give --force to overwrite it, or --output to write elsewhere",
               "{0} finns redan; ange --force för att skriva över den, eller --output för att skriva någon annanstans"),
    "wrote": ("drafted {0}; not found, to complete: {1}", "skrev utkastet {0}; hittades inte, att fylla i: {1}"),
    "wrote-all": ("drafted {0}", "skrev utkastet {0}"),
    "missing": ("  not found: {0}", "  hittades inte: {0}"),
    "doubt": ("  OCR, not repaired: {0}", "  OCR, inte rättat: {0}"),
    "cannot-write": ("cannot write {0}: {1}", "kan inte skriva {0}: {1}"),
}


def say(lang: str, key: str, *values) -> str:
    english, swedish = MESSAGES[key]
    return (swedish if lang == "sv" else english).format(*values)


def run(file: Path, org: str | None, output: Path | None, lang: str | None, force: bool,
        root: Path = Path(".")) -> int:
    from auditrack.importing.compose import compose
    from auditrack.importing.extract import HEADINGS, extract
    from auditrack.importing.paragraphs import paragraphs
    from auditrack.importing.source import SourceError, read

    repository, config = _repository(root)
    lang = lang or (config.lang if config is not None else "en")
    if not file.is_file():
        return _fail(say(lang, "no-file", file))
    try:
        source = read(file)
    except SourceError as exc:
        return _fail(say(lang, exc.key, file, exc.detail))
    if not any(line.text for line in source.lines):
        return _fail(say(lang, "no-text", file))
    paras = paragraphs(source.lines, HEADINGS)
    draft = extract(paras, source.lines)
    organisation = _organisation(org, draft)
    if organisation is None and output is None:
        return _fail(say(lang, "no-org"))
    bodies = _bodies(repository, config, organisation.value if organisation else None)
    cited = {n for found in _everything(draft) for n in found.where}
    doubts = sorted({(line.number, d) for line in source.lines if line.number in cited for d in line.doubts},
                    key=lambda pair: (pair[0], pair[1].word))
    composed = compose(draft, organisation, bodies, file.name, source.unit, lang, doubts)
    target = output or repository / "recommendations" / str(organisation.value) / \
        f"{composed.year + '-' if composed.year else ''}{composed.id}" / "report.yaml"
    return _write(target, composed, force, lang)


def _organisation(org: str | None, draft) -> Found | None:
    from auditrack.municipalities import match

    if org is not None:
        return Found(org, [])
    named = draft.fields.get("municipality")
    place = match(str(named.value)) if named is not None else None
    return Found(place.id, named.where) if place is not None else None


def _repository(start: Path):
    """The data repository the draft belongs in (the folder of the nearest auditrack.yaml, else `start`) and its
    configuration; None for a configuration that is invalid, which `check` reports."""
    from auditrack.config import ConfigError, find_config, load_config

    found = find_config(start)
    try:
        config = load_config(found)
    except ConfigError:
        config = None
    return (found.parent if found is not None else start), config


def _bodies(root: Path, config, org: str | None) -> dict[str, str]:
    """The organisation's bodies by lower-case name (and id), to turn the names in the text into ids."""
    if org is None or config is None:
        return {}
    from auditrack.engine import load_repository

    result = load_repository(root, config, org)  # a file that fails to load only leaves its bodies unmatched
    bodies = {}
    for body in result.index.records("body", org):
        bodies[body.name.lower()] = body.id
        bodies[body.id] = body.id
    return bodies


def _everything(draft):
    yield from draft.fields.values()
    for top in draft.questions:
        for question in (top, *top.sub):
            yield question.text
            if question.assessment is not None:
                yield question.assessment
    yield from (recommended.text for recommended in draft.recommendations)
    yield from draft.auditors


def _write(target: Path, composed, force: bool, lang: str) -> int:
    from auditrack.io import NotARegularFile, write_atomic

    if target.exists() and not force:
        return _fail(say(lang, "exists", target))
    try:
        write_atomic(target, composed.text)
    except NotARegularFile as exc:
        return _fail(exc.message(lang))
    except OSError as exc:
        return _fail(say(lang, "cannot-write", target, exc.strerror or exc))
    if composed.missing:
        sys.stderr.write(f"auditrack: {say(lang, 'wrote', target, len(composed.missing))}\n")
    else:
        sys.stderr.write(f"auditrack: {say(lang, 'wrote-all', target)}\n")
    for line in composed.missing:
        sys.stderr.write(say(lang, "missing", line) + "\n")
    for line in composed.doubts:
        sys.stderr.write(say(lang, "doubt", line) + "\n")
    return EXIT_OK


def _fail(message: str) -> int:
    sys.stderr.write(f"auditrack: {message}\n")
    return EXIT_USAGE
