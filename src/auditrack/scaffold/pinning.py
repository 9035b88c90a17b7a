"""Where a new data repository's CI and pre-commit install auditrack from, pinned to a revision that exists.

`auditrack init --source SOURCE` asks SOURCE (with `git ls-remote`) for the tag of this version, v0.1.0, and
pins that; a source without the tag is pinned to the commit its HEAD names. pre-commit takes the source as git
does (a URL, user@host:path, or a folder); pip takes only URLs, so a folder becomes git+file:///abs/path.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from auditrack import __version__

REPOSITORY = "https://github.com/auditrack/auditrack"
"""Where auditrack's source, and so its pre-commit hook, lives by default; `auditrack init --source` changes it."""

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# git's scp-like form, user@host:path or host:path; one letter before the colon is a Windows drive, not a host.
_SCP = re.compile(r"^(?P<host>(?:[^@/:\s]+@)?[^@/:\s]{2,}):(?!//)(?P<path>.*)$")
TIMEOUT = 30
"""Seconds to wait for a source to answer; one that does not is pinned unchecked, with a warning."""


class SourceError(Exception):
    """A local --source that is not a git repository: a usage error."""


@dataclass(frozen=True)
class Pin:
    """A revision of auditrack's source that the new repository installs."""

    repository: str
    """As pre-commit's `repo:` takes it: the URL, or a local folder's absolute path."""
    rev: str
    """The tag v<version>, or a commit."""
    checked: str
    """'tag' or 'commit' when the source answered; 'no' when it could not be read; 'kept' when taken from the
    repository's existing pre-commit configuration."""
    problem: str = ""
    """Why the source could not be read, as git said it."""

    @property
    def requirement(self) -> str:
        """What pip installs: `auditrack @ git+URL@REV`."""
        return f"auditrack @ {pip_url(self.repository, self.rev)}"

    @property
    def calendar_requirement(self) -> str:
        """The same with the calendar extra, for `auditrack due --format ics`."""
        return f"auditrack[calendar] @ {pip_url(self.repository, self.rev)}"


def tag(version: str = __version__) -> str:
    return f"v{version}"


def is_local(source: str) -> bool:
    return not _URL.match(source) and not _SCP.match(source)


def repository_for(source: str) -> str:
    """The source as pre-commit and git take it: a folder as an absolute path, anything else as given."""
    source = source.strip().removeprefix("git+")
    return str(Path(source).expanduser().resolve()) if is_local(source) else source


def pip_url(repository: str, rev: str) -> str:
    """A URL pip accepts for `repository` at `rev`: git+https://…@REV, git+ssh://…@REV, git+file:///…@REV."""
    if _URL.match(repository):
        return f"git+{repository}@{rev}"
    scp = _SCP.match(repository)
    if scp:
        return f"git+ssh://{scp['host']}/{scp['path'].lstrip('/')}@{rev}"
    return f"git+{Path(repository).resolve().as_uri()}@{rev}"


def unchecked(repository: str = REPOSITORY, problem: str = "") -> Pin:
    """This version's tag, not asked for: what init writes when the source cannot be read."""
    return Pin(repository, tag(), "no", problem)


def resolve(source: str | None) -> Pin:
    """Pin `source` (default: the project's repository) to this version's tag, else to its HEAD commit.

    Raises SourceError for a local folder that is not a git repository; a remote that cannot be read is pinned
    to the tag unchecked, with git's message in `problem`."""
    repository = repository_for(source or REPOSITORY)
    try:
        if _ls_remote("--tags", repository, f"refs/tags/{tag()}"):
            return Pin(repository, tag(), "tag")
        head = _ls_remote(repository, "HEAD").split()
        if head:
            return Pin(repository, head[0], "commit")
        problem = "it has no commits"
    except _GitFailed as exc:
        problem = str(exc)
    if is_local(repository):
        raise SourceError(f"--source {repository} is not a git repository with a commit ({problem})")
    return unchecked(repository, problem)


class _GitFailed(Exception):
    pass


def _ls_remote(*args: str) -> str:
    # No prompt for a password or a host key: a source that needs one is reported, not waited for.
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
    try:
        done = subprocess.run(["git", "ls-remote", *args], capture_output=True, text=True, env=env,
                              stdin=subprocess.DEVNULL, timeout=TIMEOUT, check=False)
    except FileNotFoundError:
        raise _GitFailed("git is not installed or not on PATH") from None
    except subprocess.TimeoutExpired:
        raise _GitFailed(f"no answer within {TIMEOUT} s") from None
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise _GitFailed(lines[0] if lines else f"git ls-remote failed with exit code {done.returncode}")
    return done.stdout.strip()


_KEPT_CONFIG_BYTES = 65_536
"""A pre-commit configuration is a few lines; a larger one is not read for its pin."""


def kept(pre_commit_config: Path) -> Pin | None:
    """The pin of an existing `.pre-commit-config.yaml`'s auditrack hook (its `repo:` and `rev:`), so that
    `init --force` does not replace a pin someone chose with the default; None when there is none to keep."""
    import yaml

    try:
        with pre_commit_config.open("rb") as handle:
            data = yaml.safe_load(handle.read(_KEPT_CONFIG_BYTES + 1)[:_KEPT_CONFIG_BYTES])
    except (OSError, yaml.YAMLError, RecursionError):
        return None
    repos = data.get("repos") if isinstance(data, dict) else None
    for repo in repos if isinstance(repos, list) else []:
        if not isinstance(repo, dict):
            continue
        hooks = repo.get("hooks")
        ids = {hook.get("id") for hook in hooks if isinstance(hook, dict)} if isinstance(hooks, list) else set()
        if "auditrack" in ids and isinstance(repo.get("repo"), str) and isinstance(repo.get("rev"), str):
            return Pin(repo["repo"], repo["rev"], "kept")
    return None
