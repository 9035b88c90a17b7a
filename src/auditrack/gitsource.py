"""Reading the data as it was at a git revision, with git itself and without a checkout.

`git ls-tree -r -z` lists the files under the data folders at the revision;
one `git cat-file --batch` process streams their contents. The result is the
same (relative path, bytes) pairs that `engine.read_sources` gives for the
working tree, so `engine.check_sources` checks both the same way. The listing
alone (`list_tree`) gives each file's object id: a file whose id is the same at
two revisions has the same bytes at both, which is how `diff` tells what changed.
"""

from __future__ import annotations

import bisect
import hashlib
import posixpath
import re
import shlex
import subprocess
import threading
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

from auditrack.config import CONFIG_NAMES
from auditrack.escape import visible
from auditrack.findings import Category, Finding, Location, Severity
from auditrack.loader.discover import is_data_name
from auditrack.loader.links import GIT_FOLDER, REMOVE_THE_LINK, Leads, link_finding


class GitError(Exception):
    """git cannot give what was asked: not a repository, an unknown revision, git missing. A usage error."""


@dataclass(frozen=True)
class Checkout:
    """Where a data repository sits inside its git repository."""

    top: Path
    """The git repository's top folder."""
    prefix: str
    """The data repository's folder relative to `top`, '' or ending in '/'."""


@dataclass
class Tree:
    """The data files of one revision."""

    revision: str
    commit: str
    sources: list = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    missing_folders: list[str] = field(default_factory=list)
    blobs: list[tuple[str, str]] = field(default_factory=list)
    """(path relative to the data folder, object id of its contents) of every data file, in path order; a link's
    is the id of the file it points to."""
    listing: dict[str, tuple[str, str, str]] = field(default_factory=dict, repr=False)
    """git's own listing of the folders: (mode, type, object id) of every entry, by its path from the top."""


def git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH; `auditrack diff` needs it") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {' '.join(args)} failed with exit code {done.returncode}")
    return done.stdout


def locate(path: Path) -> Checkout:
    """The git repository that holds `path`; GitError when there is none."""
    if not path.is_dir():
        raise GitError(f"{path} is not a folder; give the data repository's folder")
    try:
        out = git(["rev-parse", "--show-toplevel", "--show-prefix"], path)
    except GitError as exc:
        why = "" if "not a git repository" in str(exc) else f" ({exc})"
        raise GitError(f"{path} is not inside a git repository{why}; `auditrack diff` compares git revisions") from None
    top, prefix = out.decode("utf-8").split("\n")[:2]
    return Checkout(Path(top), prefix)


def resolve(checkout: Checkout, revision: str) -> str:
    """The commit id a revision names; GitError with a plain message when it names none."""
    if revision.startswith("-"):
        raise GitError(f"'{revision}' is not a revision")
    try:
        return git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], checkout.top).decode().strip()
    except GitError:
        hint = ""
        if "/" in revision and _REF_NAME.fullmatch(revision):
            remote, _, branch = revision.partition("/")
            hint = f" (in a shallow clone, fetch it first: git fetch {shlex.quote(remote)} {shlex.quote(branch)})"
        raise GitError(f"unknown revision '{visible(revision)}': no commit, branch or tag of that name{hint}") from None


# What git allows in a branch name (git check-ref-format): no control characters, spaces or ~^:?*[\.
# Only such a name gets the fetch hint, and quoted, so what is offered to paste runs nothing but git fetch.
_REF_NAME = re.compile(r"[^\x00-\x20\x7f~^:?*\[\\]+")


def config_candidates(checkout: Checkout) -> list[str]:
    """Where a configuration file may be, nearest first: every name in CONFIG_NAMES in the data folder and in each
    folder above it up to the repository's top (paths from the top)."""
    folder = checkout.prefix.rstrip("/")
    candidates = []
    while True:
        candidates += [posixpath.join(folder, name) for name in CONFIG_NAMES]
        if not folder:
            break
        folder = posixpath.dirname(folder)
    return candidates


def config_entries(checkout: Checkout, commit: str) -> dict[str, tuple[str, str, str]]:
    """(mode, type, object id) of each configuration candidate that exists at `commit`, by its path."""
    return dict(_config_entries(checkout, commit))


@cache  # a commit's files never change; diff reads the head's configuration, then compares it with the base's
def _config_entries(checkout: Checkout, commit: str) -> dict[str, tuple[str, str, str]]:
    return _ls_tree(checkout, commit, config_candidates(checkout))


def read_config(checkout: Checkout, commit: str) -> tuple[str, bytes] | None:
    """The nearest configuration file at a commit, looking from the data folder upwards: (path in the repo, bytes)."""
    found = config_entries(checkout, commit)
    for candidate in config_candidates(checkout):
        entry = found.get(candidate)
        if entry and entry[1] == "blob" and entry[0] != "120000":
            return candidate, read_blobs(checkout, [entry[2]])[entry[2]]
    return None


def read_tree(checkout: Checkout, revision: str, commit: str, folders: list[str], max_bytes: int) -> Tree:
    """The data files under `folders` (relative to the data folder) at `commit`, like engine.read_sources."""
    tree = list_tree(checkout, revision, commit, folders)
    contents = read_blobs(checkout, [blob for _, blob in tree.blobs])
    # Like engine._read: one byte past the cap is enough to recognise an oversized file.
    tree.sources = [(relative, contents[blob][: max_bytes + 1]) for relative, blob in tree.blobs]
    return tree


def list_tree(checkout: Checkout, revision: str, commit: str, folders: list[str], since: Tree | None = None) -> Tree:
    """The data files under `folders` at `commit` as `read_tree` finds them, without their contents: each file's
    object id (`Tree.blobs`), the findings about links and the missing folders. With `since`, the same folders'
    tree at another commit, git is asked only what changed between the two."""
    tree = Tree(revision, commit)
    # Each folder's path from the repository top, as git lists paths: "data/." is "data", and "." the top.
    tree_paths = {folder: posixpath.normpath(checkout.prefix + folder.strip("/")) for folder in folders}
    tops = list(tree_paths.values())
    listing = tree.listing = _ls_tree(checkout, commit, tops) if since is None else _changed(checkout, since, commit, tops)
    paths = sorted(listing)
    tree.missing_folders = [folder for folder, top in tree_paths.items() if not _holds(paths, listing, top)]
    wanted: list[tuple[str, str]] = []  # (relative path, blob id)
    start = len(checkout.prefix)
    for path in paths:
        mode, kind, blob = listing[path]
        relative = path[start:]
        if kind != "blob" or not is_data_name(relative) or relative.startswith(".") or "/." in relative:
            continue  # a hidden file, or one in a hidden folder, is not data (as discovery skips it)
        if relative in CONFIG_NAMES:  # the configuration, when the repository itself is a data folder
            continue
        if mode == "120000":  # a symbolic link: git stores the target as the blob
            target, problem = _link_target(checkout, commit, path, blob, listing)
            if target is None:
                tree.findings.append(problem(relative))
                continue
            blob = target
        wanted.append((relative, blob))
    tree.blobs = wanted
    return tree


def _changed(checkout: Checkout, since: Tree, commit: str, paths: list[str]) -> dict[str, tuple[str, str, str]]:
    """The listing of `paths` at `commit`, made from their listing at `since.commit` and what changed between the
    two (git diff-tree): a week's changes are listed in a fraction of the time a national repository's files are."""
    if not paths:
        return {}
    out = git(["--literal-pathspecs", "diff-tree", "-r", "-z", "--no-renames", "--ignore-submodules=none",
               since.commit, commit, "--", *paths], checkout.top)
    listing = dict(since.listing)
    fields = out.decode("utf-8", "surrogateescape").split("\0")
    # Each change is ":old-mode new-mode old-id new-id status", then its path.
    for meta, path in zip(fields[0:-1:2], fields[1::2]):
        _, mode, _, blob, status = meta.split(" ")
        if status == "D":
            listing.pop(path, None)
        else:
            listing[path] = (mode, _TYPES.get(mode, "blob"), blob)
    return listing


_TYPES = {"040000": "tree", "160000": "commit"}
"""The object type of an entry by its mode, as git ls-tree names it (a file or a link: blob)."""


def _holds(paths: list[str], listing: dict, top: str) -> bool:
    """Whether the sorted `paths` hold the folder `top` (a path from the repository top): anything in it, or a
    file of that name."""
    if top == ".":
        return bool(paths)
    if top in listing:
        return True
    first = bisect.bisect_left(paths, top + "/")
    return first < len(paths) and paths[first].startswith(top + "/")


def blob_id(raw: bytes, like: str) -> str:
    """The object id git gives a file with the bytes `raw`, in the repository's hash (SHA-1, or SHA-256 in a
    repository made with --object-format=sha256): `like` is any object id of that repository."""
    digest = hashlib.sha256 if len(like) == 64 else hashlib.sha1
    return digest(b"blob %d\0" % len(raw) + raw).hexdigest()


def _ls_tree(checkout: Checkout, commit: str, paths: list[str], recursive: bool = True) -> dict[str, tuple[str, str, str]]:
    """{path: (mode, type, object id)} for every file at or under `paths` at `commit` (or, not recursive, for
    the entries named by `paths` themselves); paths from the repository top."""
    if not paths:
        return {}
    flags = ["-r"] if recursive else []
    out = git(["--literal-pathspecs", "ls-tree", *flags, "-z", "--full-tree", commit, "--", *paths], checkout.top)
    # Decoded at once: the separators are ASCII, so each name decodes as it would alone. A national repository
    # lists tens of thousands of files, and this runs once for each side of a diff.
    listing = {}
    for record in out.decode("utf-8", "surrogateescape").split("\0"):
        if record:
            meta, _, name = record.partition("\t")
            mode, kind, blob = meta.split(" ")
            listing[name] = (mode, kind, blob)
    return listing


def _link_target(checkout: Checkout, commit: str, path: str, blob: str, listing: dict):
    """The blob a symbolic link points to when it is a file inside the data repository (as the working tree's
    discovery follows it), else None and how to make the finding for its path; the messages are the working
    tree's, so `auditrack diff` finds the same finding on both sides."""
    target = read_blobs(checkout, [blob])[blob].decode("utf-8", "replace")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
    if target.startswith("/") or resolved == ".." or resolved.startswith("../") or not resolved.startswith(checkout.prefix):
        return None, partial(_refused, Leads.OUTSIDE)
    if GIT_FOLDER in resolved.split("/"):
        return None, partial(_refused, Leads.GIT)
    entry = listing.get(resolved) or _ls_tree(checkout, commit, [resolved], recursive=False).get(resolved)
    if entry is None or entry[0] == "120000":
        return None, partial(_refused, Leads.BROKEN)
    if entry[1] != "blob":
        return None, lambda relative: Finding(
            "Y012", Severity.ERROR, "the symbolic link points to a folder; linked folders are not followed",
            Location(relative), category=Category.DATA, hint=REMOVE_THE_LINK[0],
        )
    return entry[2], None


def _refused(leads: Leads, relative: str) -> Finding:
    return link_finding(leads, relative, *REMOVE_THE_LINK)


def read_blobs(checkout: Checkout, blobs: list[str]) -> dict[str, bytes]:
    """The contents of `blobs`, read by one `git cat-file --batch`."""
    return dict(stream_blobs(checkout, blobs))


def stream_blobs(checkout: Checkout, blobs: list[str]):
    """(object id, contents) of each of `blobs`, once each, as `git cat-file --batch` gives them: what the caller
    does with one object runs while git reads the next (on another core, when there is one)."""
    unique = list(dict.fromkeys(blobs))
    if not unique:
        return
    try:
        process = subprocess.Popen(["git", "cat-file", "--batch"], cwd=checkout.top, stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH; `auditrack diff` needs it") from None
    # The list of ids is written by a thread: written whole first, it could fill the pipe while git waits for
    # its answers to be read.
    asked = "".join(f"{b}\n" for b in unique).encode()
    writer = threading.Thread(target=_write_and_close, args=(process.stdin, asked), daemon=True)
    writer.start()
    try:
        for blob in unique:
            header = process.stdout.readline().decode(errors="replace").split()
            if len(header) != 3:
                raise GitError(f"git cat-file: unexpected answer for {blob}: {' '.join(header)}")
            size = int(header[2])
            yield blob, process.stdout.read(size)
            process.stdout.read(1)  # the newline after the contents
    finally:
        process.stdout.close()  # first: a git still writing (the caller stopped early) then stops, and the writer
        writer.join()
        problem = process.stderr.read().decode("utf-8", "replace").strip()
        process.stderr.close()
        if process.wait() != 0 and problem:
            raise GitError(problem.splitlines()[-1])


def _write_and_close(stream, data: bytes) -> None:
    try:
        stream.write(data)
        stream.close()
    except BrokenPipeError:  # git stopped early; its exit status says why
        pass
