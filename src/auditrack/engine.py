"""One check, end to end: files → loader → models → index → rules → findings."""

from __future__ import annotations

import functools
import gc
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from pydantic import BaseModel

from auditrack.codes import CODES
from auditrack.config import CONFIG_NAMES, Config
from auditrack.findings import Category, Finding, Location, Severity, internal_finding  # noqa: F401
from auditrack.i18n import number
from auditrack.index import Index, InvalidFile, Organisations
from auditrack.loader.discover import discover
from auditrack.loader.owner import owner_of, plain_header, read_header
from auditrack.loader.yamlfile import LoadedFile, Limits, load_bytes
from auditrack.validate import validate_file

EXIT_OK, EXIT_GAPS, EXIT_USAGE, EXIT_DATA, EXIT_INTERNAL = 0, 1, 2, 3, 4


@dataclass
class CheckResult:
    root: Path
    as_of: date
    config: Config
    files: int = 0
    findings: list[Finding] = field(default_factory=list)
    index: Index | None = None
    """Every record of the repository, for the reports: set by `load_repository`. A check indexes one
    organisation at a time and keeps none (see `check_sources`)."""
    documents: list[tuple[LoadedFile, BaseModel]] = field(default_factory=list)
    """The valid files and their records: set by `load_repository`, with `index`."""
    valid_files: list[str] = field(default_factory=list)
    """The path of every file that loaded and validated, in the order they were checked."""
    organisations: dict[str, str] = field(default_factory=dict)
    """Id → name of every organisation with an organisation file or records (the id when it has no valid file)."""
    file_organisation: dict[str, str] = field(default_factory=dict)
    """The organisation of every valid file, by path."""
    missing_folders: list[str] = field(default_factory=list)
    observations: dict[str, list[dict]] | None = None
    """Per organisation id, its audits' observations and how each stands (reports.observations.Collector), when
    the caller collected them for the gaps report; None when not."""
    lang: str = "en"
    """The language the findings' messages are in (set when they are localised)."""
    unjudged: set[str] = field(default_factory=set)
    """Organisations whose gaps were not judged because some of their files cannot be trusted."""
    data_errors: dict[str, list[Finding]] = field(default_factory=dict)
    """The data findings of each organisation in `unjudged`, in file order (the first is where X003 points)."""

    def exit_code(self, fail_on: str) -> int:
        categories = {f.category for f in self.findings}
        if Category.INTERNAL in categories:
            return EXIT_INTERNAL
        if Category.DATA in categories:
            return EXIT_DATA
        if fail_on == "never":
            return EXIT_OK
        threshold = Severity(fail_on).rank
        if any(f.severity.rank >= threshold for f in self.findings):
            return EXIT_GAPS
        return EXIT_OK


Source = tuple[str, "bytes | OSError"]
"""A data file as (path relative to the root, its bytes or the error that stopped reading it)."""


def read_sources(root: Path, config: Config, named: set[str] | None = None, jobs: int = 1,
                 ) -> tuple[list[Source], list[Finding], list[str]]:
    """The data files in the working tree under `root`: their bytes, discovery findings and missing folders.
    With `named`, only the files a check of the named files' organisations needs (`_needed`), read by `jobs`
    processes (0: as many as pay, auditrack.workers.jobs_for)."""
    found = discover(root, config.paths)
    cap = config.limits.max_file_bytes
    files = [(absolute, relative) for absolute, relative in found.files
             if relative not in CONFIG_NAMES]  # the configuration, when the repository itself is a data folder
    if named is not None:
        return _needed(files, named, file_limits(config), jobs), found.findings, found.missing_folders
    sources: list[Source] = []
    for absolute, relative in files:
        sources.append((relative, _read_or_error(absolute, cap)))
    return sources, found.findings, found.missing_folders


_READ_ONLY = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

_OPENING = 4096
"""How much of a file `check FILE...` reads to learn that it belongs to another organisation (loader.owner's
plain reading looks no further)."""

OPENINGS_IN_PARALLEL_FROM = 1000
"""From this many files to look into, `check FILE...` has another process read their openings (where there are
two cores) while it builds the validators and rules it needs next: at 3,000 files 0.257 → 0.232 s end to end,
at 1,000 no slower (starting the worker costs some 2 ms)."""


def _needed(files: list[tuple[Path | str, str]], named: set[str], limits: Limits, jobs: int = 1) -> list[Source]:
    """The sources a check of the named files' organisations needs: the named files, every organisation file,
    and every other file unless its opening lines say plainly that it belongs to another organisation; the
    rest is read only that far. What is kept is what the whole list would give `_check` for those
    organisations (tests/test_incremental.py compares `check FILE...` with a full check)."""
    from auditrack.workers import in_parallel, jobs_for

    cap = limits.max_bytes
    kept = {relative: _read_or_error(absolute, cap) for absolute, relative in files if relative in named}
    wanted = {owner_of(read_header(raw, limits)) for raw in kept.values() if isinstance(raw, bytes)}
    others = [(absolute, relative) for absolute, relative in files if relative not in named]
    processes = jobs_for(jobs, len(others)) if len(others) >= OPENINGS_IN_PARALLEL_FROM else 1
    if processes == 1:
        kept.update(_kept(others, wanted, cap))
    else:
        # The other processes read the openings while this one builds what judging needs next, which would
        # otherwise come after: at 3,000 files, both take about 40 ms.
        readers = processes - 1
        parts = [None, *(others[n::readers] for n in range(readers))]
        def work(part):
            return _prepare() if part is None else _kept(part, wanted, cap)

        for part in in_parallel(parts, work, processes):
            kept.update(part or {})
    return [(relative, kept[relative]) for _, relative in files if relative in kept]


def _prepare() -> None:
    """Build ahead what judging any organisation needs: the validator of every kind of file, and the rules. Each
    is otherwise built where it is first used, which is also where a failure to build it is met and reported."""
    from auditrack.models import FILE_KINDS
    from auditrack.rules import load_rules

    try:
        for model in FILE_KINDS.values():
            model.model_rebuild()
        load_rules()
    except Exception:  # noqa: S110 - met again where it is used, and reported there
        pass


def _kept(files: list[tuple[Path | str, str]], wanted: set[str | None], cap: int) -> dict[str, bytes | OSError]:
    """Of `files`, those a check of the organisations `wanted` needs, with their bytes: all but the files whose
    opening says plainly that they belong to another organisation."""
    kept: dict[str, bytes | OSError] = {}
    for absolute, relative in files:
        try:
            opening, complete = _read_opening(absolute)
            header = plain_header(opening) if complete or len(opening) > _OPENING else None
            if header is not None and header["kind"] != "organisation" and header["organisation"] not in wanted:
                continue
            kept[relative] = opening if complete and len(opening) <= cap else _read(absolute, cap)
        except OSError as exc:
            kept[relative] = exc
    return kept


def _read_or_error(path: Path | str, cap: int) -> bytes | OSError:
    try:
        return _read(path, cap)
    except OSError as exc:
        return exc


def _read_opening(path: Path | str) -> tuple[bytes, bool]:
    """The first `_OPENING` bytes of a file and one more, and whether that is the whole file."""
    handle = os.open(path, _READ_ONLY)
    try:
        size = os.fstat(handle).st_size
        opening = os.read(handle, min(size, _OPENING) + 1)
    finally:
        os.close(handle)
    return opening, len(opening) <= _OPENING and len(opening) == size


def _gc_paused(function):
    """Run `function` with the cyclic garbage collector paused. Loading keeps nearly every object it makes
    until the check ends, so collections during it find no garbage: they only re-scan the growing heap,
    a third of a large check's time. Reference counting still frees everything as usual."""

    @functools.wraps(function)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


def _load_files(sources: list[Source], limits: Limits, result: CheckResult) -> tuple[list, list[InvalidFile]]:
    """Parse and validate `sources`: the valid files with their records, and the files that failed. Their
    findings go to `result`."""
    documents: list[tuple[LoadedFile, BaseModel]] = []
    invalid: list[InvalidFile] = []
    for relative, raw in sources:
        result.files += 1
        if isinstance(raw, OSError):
            result.findings.append(Finding(
                "Y013", Severity.ERROR, f"cannot read the file: {raw.strerror or raw}", Location(relative),
                category=Category.DATA, hint="Make the file readable (check its permissions).",
                translations={"sv": (f"filen går inte att läsa: {raw.strerror or raw}",
                                     "Gör filen läsbar (kontrollera behörigheterna).")},
            ))
            continue
        try:
            loaded = load_bytes(raw, relative, limits)
            model, problems = validate_file(loaded) if loaded.data is not None else (None, [])
            # The organisation of a file that failed is what `check` grouped it by: the same reading of the
            # same bytes, so its ids are known (and not "unknown") where the rest of its organisation is.
            header = read_header(raw, limits) if model is None else {}
        except Exception as exc:  # a bug of ours on one file must not hide what the other files hold
            result.findings.append(internal_finding(f"reading {relative}", exc, location=Location(relative)))
            continue
        if model is not None:
            # A file can validate and still have errors the loader found (a duplicate key, Y002): they hold
            # back the organisation's gaps like any other, so they carry its organisation too.
            _owned_by(loaded.findings, _model_owner(model))
            result.findings.extend(_capped(loaded.findings + problems))
            documents.append((loaded, model))
            continue
        owner = owner_of(header)
        _owned_by(loaded.findings, owner)
        result.findings.extend(_capped(loaded.findings + problems))
        held = loaded if loaded.data is not None else LoadedFile(relative, data=header)
        invalid.append(InvalidFile(held, header.get("kind"), owner))
    return documents, invalid


def _model_owner(model: BaseModel) -> str | None:
    """The organisation a valid file's record belongs to: its own id for an organisation file."""
    return owner_of({"kind": getattr(model, "kind", None), "id": getattr(model, "id", None),
                     "organisation": getattr(model, "organisation", None)})


def _owned_by(findings: list[Finding], owner: str | None) -> None:
    for finding in findings:
        finding.organisation = finding.organisation or owner


def file_limits(config: Config) -> Limits:
    """The loader's limits as auditrack.yaml sets them."""
    return Limits(max_bytes=config.limits.max_file_bytes, max_depth=config.limits.max_depth)


def _record(index: Index, documents: list, result: CheckResult) -> None:
    """Keep what the formatters and reports need of an index after it is gone."""
    result.valid_files.extend(loaded.path for loaded, _ in documents)
    result.organisations.update(index.named_organisations())
    result.file_organisation.update(index.file_organisation)


@_gc_paused
def load_sources(sources: list[Source], config: Config, result: CheckResult) -> CheckResult:
    """Parse and validate every source and index all records at once into `result` (for the reports, which
    look across the whole repository). No rules are run."""
    first = len(result.findings)
    documents, invalid = _load_files(sources, file_limits(config), result)
    try:
        index, problems = Index.build(documents, invalid)
        index.suggest_ids(result.findings[first:])
    except Exception as exc:
        index, problems = Index(), [internal_finding("building the index of records", exc)]
    result.index, result.documents = index, documents
    result.findings.extend(problems)
    _record(index, documents, result)
    return result


def load_repository(root: Path, config: Config, organisation: str | None = None) -> CheckResult:
    """Read, parse and validate every data file under `root` and index the records; with `organisation`,
    only that organisation's files and the organisation files (the report of one organisation of a
    national repository needs no other). No rules are run."""
    result = CheckResult(root=root, as_of=date.today(), config=config)
    sources, findings, missing = read_sources(root, config)
    result.findings.extend(findings)
    result.missing_folders = missing
    if organisation is None:
        return load_sources(sources, config, result)
    return _load_organisation(sources, organisation, result)


@_gc_paused
def _load_organisation(sources: list[Source], organisation: str, result: CheckResult) -> CheckResult:
    organisations, own_files, parts = _split(sources, result)
    index, documents = _index_part(parts.get(organisation, []), own_files.get(organisation, []), organisations, result)
    result.index, result.documents = index or Index(), documents
    for owner in parts:  # every organisation is known by name, so --org can say which there are
        if owner is not None:
            result.organisations.setdefault(owner, owner)
    return result


def load_by_organisation(root: Path, config: Config, organisation: str | None = None,
                         ) -> tuple[CheckResult, Iterator[tuple[str | None, Index]]]:
    """`load_repository` one organisation at a time, for the reports (reports/stream.py): a national
    repository's records together do not fit in bounded memory, one organisation's do.

    Returns at once the result, with the organisation files loaded (and their findings) and every
    organisation named in `organisations` (as `load_repository` with an organisation names them), and an
    iterator that loads and indexes one organisation's files at a time (only `organisation`'s, when given),
    in id order, the files that name none last (owner None). Each step gives the organisation and its index,
    and adds its files' findings and counts to the result; the index is the caller's to let go before the
    next step. The parts are `_check`'s, so the records and findings are those of one index of everything
    (tests/test_by_organisation.py). No rules are run.

    A file's bytes are kept only until its organisation is known, and read again when that organisation is
    loaded: a national repository's bytes together (80 MB at 30,000 files) are more than the rest of a
    report needs."""
    result = CheckResult(root=root, as_of=date.today(), config=config)
    found = discover(root, config.paths)
    result.findings.extend(found.findings)
    result.missing_folders = found.missing_folders
    cap, limits = config.limits.max_file_bytes, file_limits(config)

    def read(absolute) -> bytes | OSError:
        try:
            return _read(absolute, cap)
        except OSError as exc:
            return exc

    organisation_files: list[Source] = []
    parts: dict[str | None, list[tuple[str, object]]] = {}
    for absolute, relative in found.files:
        if relative in CONFIG_NAMES:  # as read_sources
            continue
        files, grouped = _by_organisation([(relative, read(absolute))], limits)  # one file: its owner and kind
        organisation_files += files
        for owner, part in grouped.items():
            parts.setdefault(owner, []).extend((path, absolute) for path, _ in part)
    organisations, own_files, _ = _split(organisation_files, result)
    result.organisations.update((id_, entry.record.name) for id_, entry in organisations.valid.items())
    for owner in parts:
        if owner is not None:
            result.organisations.setdefault(owner, owner)
    owners = [organisation] if organisation is not None else sorted(parts, key=lambda o: (o is None, o or ""))

    def indexes() -> Iterator[tuple[str | None, Index]]:
        for owner in owners:
            sources = [(path, read(absolute)) for path, absolute in parts.pop(owner, [])]
            index = _index_part(sources, own_files.get(owner, []), organisations, result)[0]
            del sources
            if index is not None:
                yield owner, index
            del index  # before the next one is built

    return result, indexes()


def _read(path: Path | str, cap: int) -> bytes:
    # Read one byte past the cap so an oversized file is recognised without reading all of it. In chunks:
    # read(n) sets aside n bytes at once, and a configured cap can be huge (read(10**12) is a MemoryError).
    # The first chunk is the file's size and one byte more, so most files take one read and one that finds
    # the end, rather than a 1 MiB buffer each. With the system's calls and no file object: a national
    # repository is tens of thousands of small files, and `check FILE...` reads them all to find the
    # organisations.
    chunks, left = [], cap + 1
    handle = os.open(path, _READ_ONLY)
    try:
        size = min(os.fstat(handle).st_size, 1 << 20) + 1
        while left > 0:
            chunk = os.read(handle, min(left, size))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
            size = 1 << 20
    finally:
        os.close(handle)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


EachIndex = Callable[[Index], None]
"""Called with each organisation's index once its rules have run: what a command needs of the records beyond
the findings (`diff` takes the status of every recommendation and action)."""


def hands_over(each_index: EachIndex | None) -> bool:
    """Whether `each_index` can be called in a worker process: after each organisation, its `hand_over()` gives
    what it collected from that organisation (plain data, pickled back to this process) and forgets it, and
    `take_over(collected)` adds it here, in the order a one-process check would have collected it. (A duck
    test rather than a typing.Protocol: building a runtime-checkable protocol costs every process 5 ms.)"""
    return callable(getattr(each_index, "hand_over", None)) and callable(getattr(each_index, "take_over", None))


def check_sources(sources: list[Source], config: Config, as_of: date, root: Path = Path("."),
                  each_index: EachIndex | None = None, named: set[str] | None = None) -> CheckResult:
    """Run a whole check on data that is already in memory (e.g. read from a git revision). With `named` (paths
    of `sources`), only the organisations of those files are checked and reported, as in `run_check`."""
    result = CheckResult(root=root, as_of=as_of, config=config)
    return _check(sources, result, each_index, named)


def run_check(root: Path, config: Config, as_of: date, each_index: EachIndex | None = None,
              named: set[str] | None = None, jobs: int = 1) -> CheckResult:
    """Check the repository under `root`: load it and run every selected rule against it. With `named` (data
    files by their path relative to `root`), only the organisations of those files are checked and reported,
    with every file of theirs; a named file that is not a data file is left out. `jobs` is how many processes
    judge the organisations; 0 lets the size of the repository decide (auditrack.workers.jobs_for)."""
    result = CheckResult(root=root, as_of=as_of, config=config)
    sources, findings, missing = read_sources(root, config, named, jobs)
    result.findings.extend(f for f in findings if named is None or _concerns(f.location.file, named))
    result.missing_folders = missing
    _check(sources, result, each_index, named, jobs)
    result.findings = _at_most(result.findings, config.limits.max_findings)
    return result


def check_edited(root: Path, config: Config, as_of: date, relative: str, raw: bytes | None = None) -> CheckResult:
    """`run_check` of the organisation of the data file `relative`, with that file's bytes replaced by `raw` when
    given: an edit is checked before it is written (auditrack.editing)."""
    result = CheckResult(root=root, as_of=as_of, config=config)
    sources, _, _ = read_sources(root, config)
    if raw is not None:
        sources = [(path, raw if path == relative else data) for path, data in sources]
    return _check(sources, result, None, {relative})


def _concerns(path: str, named: set[str]) -> bool:
    """Whether a finding about a file or folder is about a named file or a folder that holds one."""
    return path in named or path == "." or any(name.startswith(path + "/") for name in named)


@_gc_paused
def _check(sources: list[Source], result: CheckResult, each_index: EachIndex | None,
           named: set[str] | None = None, jobs: int = 1) -> CheckResult:
    """Load, index and judge one organisation at a time, so memory holds one organisation's records rather
    than the whole repository's (a national view is tens of thousands of files). Ids and references are
    per organisation and so are the rules; only the organisation files are needed by every part, and they
    are loaded first. The result is the same as indexing everything at once: tests/test_by_organisation.py.
    With `named`, only the parts of the named files' organisations are loaded and judged. With `jobs` above
    one (or 0, and enough files: auditrack.workers.jobs_for), the organisations are judged by that many forked
    processes, with the same result (tests/test_workers.py); when `each_index` is given, only if it can hand
    over what it collected in a worker (`hands_over`)."""
    from auditrack.workers import Outcome, jobs_for, judge_all

    owners: dict[str, str | None] | None = {} if named is not None else None
    organisations, own_files, parts = _split(sources, result, owners)
    if owners is not None:
        wanted = {owners[name] for name in named if name in owners}
        parts = {owner: part for owner, part in parts.items() if owner in wanted}
    config, as_of = result.config, result.as_of

    def judge(owner) -> Outcome:
        # Each organisation is judged into an outcome of its own and merged in order below, by this process or a
        # worker alike; its files and index are let go before the next is loaded.
        part = CheckResult(root=result.root, as_of=as_of, config=config)
        gaps = _check_organisation(parts.pop(owner), own_files.get(owner, []), organisations, part, each_index)
        collected = each_index.hand_over() if hands_over(each_index) else None
        return Outcome(part.files, part.findings, gaps, part.valid_files, part.organisations, part.file_organisation,
                       collected)

    order = sorted(parts, key=lambda o: (o is None, o or ""))
    weights = {owner: sum(len(raw) for _, raw in parts[owner] if isinstance(raw, bytes)) for owner in order}
    gaps: list[Finding] = []
    spreadable = each_index is None or hands_over(each_index)
    jobs = jobs_for(jobs, sum(len(parts[owner]) for owner in order)) if spreadable else 1
    for _, outcome in judge_all(order, weights, judge, jobs):
        _merge(result, outcome)
        if hands_over(each_index):
            each_index.take_over(outcome.collected)
        gaps += outcome.gaps
    if owners is not None:
        _only_organisations(result, owners, wanted)
    result.findings.extend(_judged(result, gaps))
    result.findings.sort(key=Finding.sort_key)
    return result


def _merge(result: CheckResult, outcome) -> None:
    result.files += outcome.files
    result.findings.extend(outcome.findings)
    result.valid_files.extend(outcome.valid_files)
    result.organisations.update(outcome.organisations)
    result.file_organisation.update(outcome.file_organisation)


def _check_organisation(sources: list[Source], own_files: list, organisations: Organisations, result: CheckResult,
                        each_index: EachIndex | None) -> list[Finding]:
    """Load and index one organisation's files and run the rules: the data findings go to `result`, the gap
    findings are returned to be judged with the others."""
    index, _ = _index_part(sources, own_files, organisations, result)
    if index is None:
        return []
    gaps = _rule_findings(index, result.config, result.as_of)
    if each_index is not None:
        each_index(index)
    return gaps


def _only_organisations(result: CheckResult, owners: dict[str, str | None], wanted: set[str | None]) -> None:
    """Keep to the files of the `wanted` organisations. Every organisation file was loaded (each part needs
    them all), so the findings about other organisations' files are dropped, and the files counted are theirs."""
    shown = {path for path, owner in owners.items() if owner in wanted}
    result.findings = [f for f in result.findings if f.location.file in shown or f.location.file not in owners]
    result.files = len(shown)


def _split(sources: list[Source], result: CheckResult,
           owners: dict[str, str | None] | None = None) -> tuple[Organisations, dict[str, list], dict]:
    """Load the organisation files, which every part needs, and group the other sources by organisation: the
    organisations, each organisation's own loaded files by id, and the parts (see `_by_organisation`).
    `owners`, when given, gets the organisation of every source by its path."""
    limits = file_limits(result.config)
    organisation_files, parts = _by_organisation(sources, limits, owners)
    loaded, failed = _load_files(organisation_files, limits, result)
    organisations, problems = Organisations.collect(loaded, failed)
    result.findings.extend(problems)
    own_files: dict[str, list] = {}
    for document in loaded:
        own_files.setdefault(document[1].id, []).append(document)
    return organisations, own_files, parts


def _index_part(sources: list[Source], own_files: list, organisations: Organisations,
                result: CheckResult) -> tuple[Index | None, list]:
    """Load one organisation's files (its organisation files are loaded already) and index them with them;
    the findings go to `result`, and what the formatters need of the index is kept there (`_record`)."""
    first = len(result.findings)
    documents, invalid = _load_files(sources, file_limits(result.config), result)
    documents = own_files + documents
    try:
        index, problems = Index.build(documents, invalid, organisations)
        index.suggest_ids(result.findings[first:])
    except Exception as exc:
        result.findings.append(internal_finding("building the index of records", exc))
        return None, documents
    result.findings.extend(problems)
    _record(index, documents, result)
    return index, documents


def _by_organisation(sources: list[Source], limits: Limits, owners: dict[str, str | None] | None = None,
                     ) -> tuple[list[Source], dict[str | None, list[Source]]]:
    """The organisation files, and every other file by the organisation it names (None: it names none), each
    in the order given. Every organisation with an organisation file has a part, if only an empty one."""
    organisation_files: list[Source] = []
    parts: dict[str | None, list[Source]] = {}
    for source in sources:
        try:
            header = {} if isinstance(source[1], OSError) else read_header(source[1], limits)
        except Exception:  # a bug of ours: the file's own load meets it again and reports it (I001)
            header = {}
        if owners is not None:
            owners[source[0]] = owner_of(header)
        part = parts.setdefault(owner_of(header), [])
        (organisation_files if header.get("kind") == "organisation" else part).append(source)
    return organisation_files, parts


def _rule_findings(index: Index, config: Config, as_of: date) -> list[Finding]:
    from auditrack.rules import run_rules

    try:
        return run_rules(index, config, as_of)
    except Exception as exc:  # each rule is guarded in run_rules; this catches the runner itself
        return [internal_finding("running the rules", exc)]


def _judged(result: CheckResult, gaps: list[Finding]) -> list[Finding]:
    """The gap findings worth reporting. While an organisation's files have YAML, schema or reference errors,
    its records are partly missing from the index, and rules would report gaps that are only those errors
    seen again (a response that "does not exist" because its file has a typo). Such an organisation's gap
    findings are held back until its data can be trusted; one X003, at its first error, says how many."""
    errors: dict[str, list[Finding]] = {}
    for f in result.findings:
        if f.category is Category.DATA and f.organisation:
            errors.setdefault(f.organisation, []).append(f)
    for found in errors.values():
        found.sort(key=Finding.sort_key)
    first_error = {organisation: found[0] for organisation, found in errors.items()}  # X003 points at it
    result.unjudged, result.data_errors = set(errors), errors
    kept: list[Finding] = []
    held: dict[str, int] = {}
    for f in gaps:
        if f.category is Category.GAP and f.organisation in first_error:
            held[f.organisation] = held.get(f.organisation, 0) + 1
        else:
            kept.append(f)
    for organisation, count in sorted(held.items()):
        kept.append(Finding(
            "X003", CODES["X003"].severity,
            f"{count} gap finding{'s' if count != 1 else ''} of organisation '{organisation}' "
            f"{'are' if count != 1 else 'is'} held back while some of its files have errors",
            first_error[organisation].location, None, organisation, Category.DATA,
            "Fix this organisation's data errors first; its gaps are reported once its data can be trusted.",
            translations={"sv": (
                f"{count} {'brist' if count == 1 else 'brister'} hos organisationen '{organisation}' visas inte "
                "så länge några av organisationens filer innehåller fel",
                "Rätta först felen i organisationens datafiler; bristerna visas när uppgifterna går att lita på.",
            )},
        ))
    return kept


_CATEGORY_RANK = {Category.GAP: 0, Category.DATA: 1, Category.INTERNAL: 2}


def _at_most(findings: list[Finding], limit: int) -> list[Finding]:
    """At most `limit` findings of a whole check, in file order: the most serious are kept (internal errors,
    then data errors, then by severity), and one X004 counts the others. X004 has the highest category and
    severity among them, so the exit code is the one all of them give."""
    if len(findings) <= limit:
        return findings
    def rank(f: Finding):
        return -_CATEGORY_RANK[f.category], -f.severity.rank
    ranked = sorted(findings, key=rank)  # stable: file order within each rank
    kept, left = ranked[:limit], ranked[limit:]
    worst = min(left, key=rank)
    n = len(left)
    kept.sort(key=Finding.sort_key)
    kept.append(Finding(
        "X004", worst.severity,
        f"{n:,} more finding{'s' if n != 1 else ''} of this check {'are' if n != 1 else 'is'} not shown "
        f"(only {limit:,} are: `limits.max_findings`)",
        Location("."), category=worst.category,
        hint="Fix the findings shown and check again, or raise `limits.max_findings` in auditrack.yaml.",
        translations={"sv": (
            f"ytterligare {number('sv', n)} {'iakttagelse' if n == 1 else 'iakttagelser'} från kontrollen visas inte "
            f"(bara {number('sv', limit)} visas: `limits.max_findings`)",
            "Åtgärda de iakttagelser som visas och kontrollera igen, eller höj `limits.max_findings` i auditrack.yaml.",
        )},
    ))
    return kept


MAX_FINDINGS_PER_FILE = 100
"""One file reports at most this many loader and schema findings, so a hostile file cannot flood the output."""


def _capped(findings: list[Finding]) -> list[Finding]:
    if len(findings) <= MAX_FINDINGS_PER_FILE:
        return findings
    shown, rest = findings[:MAX_FINDINGS_PER_FILE], findings[MAX_FINDINGS_PER_FILE:]
    first = rest[0]
    shown.append(Finding(
        first.code, first.severity,
        f"{len(rest):,} more findings in this file are not shown (only the first {MAX_FINDINGS_PER_FILE} are); "
        "fix those and check again",
        first.location, first.subject, first.organisation, first.category,
        translations={"sv": (
            f"ytterligare {number('sv', len(rest))} {'iakttagelse' if len(rest) == 1 else 'iakttagelser'} i filen "
            f"visas inte (bara de första {MAX_FINDINGS_PER_FILE} visas); rätta dem som visas och kontrollera igen",
            None,
        )},
    ))
    return shown
