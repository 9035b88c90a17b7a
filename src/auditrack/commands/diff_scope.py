"""What `auditrack diff` reads of each revision: only the files of the organisations the change touches, or all.

A check judges one organisation at a time (engine._check): an organisation's findings depend on its own files,
on the configuration and on the organisation files, which every organisation's part is indexed with (a record's
`organisation:` must name one, and an invalid organisation file's findings count wherever they point). Rules
see one organisation's index, and ids and references are per organisation; nothing else crosses organisations.
So an organisation whose files are the same at both revisions has the same findings at both, and the diff need
not judge it:

- git lists each revision's data files with their object ids (`git ls-tree`); for the working tree the ids are
  computed from the bytes read, as `git hash-object` does, so uncommitted, untracked and ignored files count
  as they do in a full reading. A path whose id differs, or that is on one side only, changed.
- Each file's organisation is read from its top-level `kind:`, `id:` and `organisation:` (loader.owner, the
  reading the check groups files by), once per object id: the same bytes belong to the same organisation at
  both revisions, so an unchanged file is read once and only that far.
- The organisations judged are those of the changed files at both revisions (a file may move to another
  organisation), each with all of its files at each revision, and the files that name no organisation.
- Everything is judged with --full, when a configuration file changed, when an organisation file changed,
  and while an organisation file has any finding (it is loaded for every part and may hold back the gaps of
  the organisation it names).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from auditrack.comparison import Scope
from auditrack.config import Config
from auditrack.engine import Source, file_limits, read_sources
from auditrack.findings import Finding
from auditrack.gitsource import Checkout, blob_id, config_candidates, config_entries, list_tree, stream_blobs
from auditrack.loader.owner import owner_of, read_header
from auditrack.loader.yamlfile import Limits, load_bytes
from auditrack.validate import validate_file


@dataclass
class Revision:
    """One side of the diff as the check reads it."""

    sources: list[Source]
    findings: list[Finding]
    """What listing the files found (links that cannot be followed): always about every file."""
    missing_folders: list[str]
    named: set[str] | None = None
    """The files whose organisations are judged (engine.check_sources); None: every organisation."""


@dataclass
class Reading:
    base: Revision
    head: Revision
    scope: Scope


@dataclass
class _Files:
    """A revision's data files before they are read: each path's object id, in the order the check reads them
    (None: a file that could not be read, which never counts as unchanged)."""

    ids: dict[str, str | None]
    findings: list[Finding]
    missing_folders: list[str]
    unreadable: dict[str, OSError]


def read_revisions(checkout: Checkout, path: Path, config: Config, base_commit: str, head_commit: str | None,
                   full: bool = False) -> Reading:
    """Both sides' data files, limited to the organisations the change touches unless `full` or unless
    something every organisation reads changed. `head_commit` None is the working tree under `path`."""
    cap = config.limits.max_file_bytes
    listed = list_tree(checkout, "", base_commit, config.paths)
    base = _Files(dict(listed.blobs), listed.findings, listed.missing_folders, {})
    like = base_commit  # object ids are all of one length: a commit's tells the repository's hash
    contents: dict[str, bytes] = {}  # by object id, at most one byte past the cap (as the check reads a file)
    if head_commit is None:
        sources, found, missing = read_sources(path, config)
        head = _Files({}, found, missing, {})
        for relative, raw in sources:
            if isinstance(raw, OSError):
                head.ids[relative] = None
                head.unreadable[relative] = raw
                continue
            # A file read past the cap has only its first cap + 1 bytes here: their id is not the blob's unless
            # the blob is exactly those bytes, and then both revisions are read the same.
            head.ids[relative] = blob_id(raw, like)
            contents[head.ids[relative]] = raw
    else:
        listed = list_tree(checkout, "", head_commit, config.paths, since=listed)
        head = _Files(dict(listed.blobs), listed.findings, listed.missing_folders, {})

    def everything(because: str) -> Reading:
        _read(checkout, contents, [*base.ids.values(), *head.ids.values()], cap)
        return Reading(_revision(base, contents), _revision(head, contents), Scope(because=because))

    if full:
        return everything("requested")
    if _configuration_changed(checkout, base_commit, head_commit, like):
        return everything("configuration")
    changed = [relative for relative in {**base.ids, **head.ids}
               if base.ids.get(relative) is None or base.ids.get(relative) != head.ids.get(relative)]
    # Every file's organisation is needed, to know which files the organisations judged have; an unchanged
    # file's object is the same at both revisions, so it is read once (from the working tree when it is one).
    header = _Headers(contents, file_limits(config))
    _read(checkout, contents, [*base.ids.values(), *head.ids.values()], cap, header)
    touched = {header.of(side.ids[relative]) for relative in changed for side in (base, head)
               if relative in side.ids}
    if any(organisation_file for organisation_file, _ in touched):
        return everything("organisation-files")
    if not _organisation_files_clean(base, header, contents, file_limits(config)):
        return everything("organisation-files")
    judged = {owner for _, owner in touched} | {None}  # the files that name no organisation are always judged
    every = {header.of(i)[1] for side in (base, head) for i in side.ids.values()} - {None}
    scope = Scope(organisations=sorted(judged - {None}), total=len(every))
    return Reading(_revision(base, contents, header, judged), _revision(head, contents, header, judged), scope)


def _read(checkout: Checkout, contents: dict[str, bytes], ids, cap: int, header: _Headers | None = None) -> None:
    """Add the objects `ids` not yet in `contents`, cut one byte past the cap as read_tree cuts them; with
    `header`, read each one's header as it comes, while git reads the next."""
    wanted = [i for i in dict.fromkeys(ids) if i is not None and i not in contents]
    for i, raw in stream_blobs(checkout, wanted):
        contents[i] = raw[: cap + 1]
        if header is not None:
            header.of(i)


class _Headers:
    """Whether a file is an organisation file and the organisation it belongs to, by object id: read as
    engine._by_organisation reads it, so the files selected here are the parts the check makes of them."""

    def __init__(self, contents: dict[str, bytes], limits: Limits) -> None:
        self.contents, self.limits = contents, limits
        self.known: dict[str | None, tuple[bool, str | None]] = {None: (False, None)}  # unreadable: no organisation

    def of(self, i: str | None) -> tuple[bool, str | None]:
        found = self.known.get(i)
        if found is None:
            try:
                values = read_header(self.contents[i], self.limits)
            except Exception:  # a bug of ours: the check meets it again on this file and reports it (I001)
                values = {}
            found = self.known[i] = (values.get("kind") == "organisation", owner_of(values))
        return found


def _revision(files: _Files, contents: dict[str, bytes], header: _Headers | None = None,
              judged: set[str | None] | None = None) -> Revision:
    """The sources of a revision: all of them, or (with `judged`) the files of the organisations judged and every
    organisation file, which each organisation's part is indexed with."""
    sources: list[Source] = []
    named: set[str] | None = None if judged is None else set()
    for relative, i in files.ids.items():
        if header is not None and named is not None:
            organisation_file, owner = header.of(i)
            if owner in judged:
                named.add(relative)
            elif not organisation_file:
                continue
        sources.append((relative, contents[i] if i is not None else files.unreadable[relative]))
    return Revision(sources, files.findings, files.missing_folders, named)


def _organisation_files_clean(files: _Files, header: _Headers, contents: dict[str, bytes], limits: Limits) -> bool:
    """Whether every organisation file loads and validates without a finding and has an id of its own. Only
    then are the organisation files' findings (none) the same whichever organisations are judged: an invalid
    one's findings may name another organisation, whose gaps they hold back, or none."""
    seen: set[str] = set()
    for relative, i in files.ids.items():
        if not header.of(i)[0]:
            continue
        try:
            loaded = load_bytes(contents[i], relative, limits)
            if loaded.findings or loaded.data is None:
                return False
            model, problems = validate_file(loaded)
        except Exception:
            return False
        if model is None or problems or model.id in seen:
            return False
        seen.add(model.id)
    return True


def _configuration_changed(checkout: Checkout, base_commit: str, head_commit: str | None, like: str) -> bool:
    """Whether any configuration file the diff could read (auditrack.yaml and its other names, in the data folder
    and above it up to the repository's top) differs between the two revisions."""
    before = {path: _entry(mode, kind, i) for path, (mode, kind, i) in config_entries(checkout, base_commit).items()}
    if head_commit is not None:
        after = {path: _entry(mode, kind, i) for path, (mode, kind, i) in config_entries(checkout, head_commit).items()}
        return before != after
    for candidate in config_candidates(checkout):
        file = checkout.top / candidate
        try:
            if file.is_symlink():
                now = ("link", blob_id(os.fsencode(os.readlink(file)), like))
            elif file.is_file():
                now = ("file", blob_id(file.read_bytes(), like))
            else:
                now = ("other", None) if os.path.lexists(file) else None
        except OSError:
            return True
        if now != before.get(candidate):
            return True
    return False


def _entry(mode: str, kind: str, i: str) -> tuple[str, str | None]:
    if mode == "120000":
        return ("link", i)
    return ("file", i) if kind == "blob" else ("other", None)
