"""`auditrack init [DIR]`: a new municipality's data repository, ready for `auditrack check`.

It writes auditrack.yaml with every key explained, one valid example file of
each kind under recommendations/ and governance/, the JSON Schemas they point
at, a GitHub Actions workflow, a pre-commit configuration and a README. It
never overwrites a file unless told to with --force.

The organisation's id and municipality code come from SCB's list when the name
is in it ("Smedjebackens kommun" is smedjebacken, 2061); the CI workflow and
the pre-commit configuration install auditrack pinned to a revision the source
has (see scaffold/pinning.py). What init found and pinned, it says.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from auditrack import __version__
from auditrack.engine import EXIT_OK, EXIT_USAGE
from auditrack.io import write_atomic
from auditrack.models.base import ID_PATTERN
from auditrack.scaffold import Organisation
from auditrack.scaffold.pinning import Pin, SourceError, kept, resolve, tag

DEFAULT_ORG, DEFAULT_NAME = "exempel", "Exempel kommun"


def organisation_for(org: str | None, name: str) -> tuple[Organisation, object]:
    """The organisation `name` means, and the place in SCB's list it matched (None when it matched none)."""
    from auditrack.municipalities import match, says_region, slug, strip_words

    place = match(name)
    if org is None:
        org = place.id if place else slug(strip_words(name))
    region = place.is_region if place else says_region(name)
    organisation = Organisation(org, name, "region" if region else "municipality", place.code if place else None)
    return organisation, place


def files(organisation: Organisation, today: date, pin: Pin | None = None) -> dict[str, str]:
    """Every file init writes: path in the new repository → content."""
    from auditrack.commands.schema import generate
    from auditrack.scaffold import render

    out = render(organisation, today, pin)
    out.update({f"schemas/{file}": text for file, text in generate().items()})
    return out


def run(path: Path, org: str | None, name: str | None, force: bool, today: date | None = None,
        source: str | None = None) -> int:
    if name is not None and not name.strip():
        sys.stderr.write("auditrack: --name must not be empty\n")
        return EXIT_USAGE
    if name is None:
        org = org or DEFAULT_ORG
        name = DEFAULT_NAME if org == DEFAULT_ORG else f"{org.replace('-', ' ').capitalize()} kommun"
    name = name.strip()
    organisation, place = organisation_for(org, name)
    org = organisation.id
    if not re.match(ID_PATTERN, org) or len(org) > 80:
        sys.stderr.write(f"auditrack: '{org}' is not a valid organisation id: use lower-case letters, digits, "
                         "'.', '_' and '-', starting with a letter or digit (e.g. --org ludvika)\n")
        return EXIT_USAGE
    if path.exists() and not path.is_dir():
        sys.stderr.write(f"auditrack: {path} exists and is not a folder\n")
        return EXIT_USAGE
    today = today or date.today()
    content = files(organisation, today)
    existing = sorted(relative for relative in content if (path / relative).exists() or (path / relative).is_symlink())
    if existing and not force:
        sys.stderr.write(f"auditrack: {len(existing)} of the files to create already exist in {path}; "
                         "nothing was written (use --force to overwrite them):\n")
        for relative in existing:
            sys.stderr.write(f"  {relative}\n")
        return EXIT_USAGE
    try:
        pin = (force and source is None and kept(path / ".pre-commit-config.yaml")) or resolve(source)
    except SourceError as exc:
        sys.stderr.write(f"auditrack: {exc}; give the URL or folder of a git repository of auditrack\n")
        return EXIT_USAGE
    from auditrack.scaffold import render

    content.update(render(organisation, today, pin))
    there = _organisations_in(path)
    try:
        for relative, text in content.items():
            target = path / relative
            if target.is_symlink():  # --force replaces the link itself, never the file it points to
                target.unlink()
            write_atomic(target, text)
        _schemas_with_ids(path)
    except OSError as exc:
        sys.stderr.write(f"auditrack: cannot write {exc.filename or path}: {exc.strerror or exc}\n")
        return EXIT_USAGE
    if pin.checked == "no":
        sys.stderr.write(
            f"auditrack: warning: cannot read {pin.repository} ({pin.problem}): pinned to {pin.rev} without knowing "
            "that it exists; if pre-commit cannot find it, run init again with --source and a copy of auditrack "
            "that can be read, or change rev: in .pre-commit-config.yaml\n")
    replaced = f", {len(existing)} of them replacing files that were there" if existing else ""
    sys.stdout.write(
        f"created a data repository for {name} ({org}) in {path}: {len(content)} files{replaced}\n"
        f"{_matched(place)}\n"
        + "".join(f"{_already_there(found, organisation)}\n" for found in there)
        + f"the CI workflow and the pre-commit configuration install {_pinned(pin)}"
        + ("; give --source to use another copy\n" if source is None else "\n")
        + f"next: {_cd(path)}{'' if _in_git_repository(path) else 'git init && '}auditrack check\n"
    )
    return EXIT_OK


def _cd(path: Path) -> str:
    """'cd PATH && ', or nothing when PATH is where the command was run."""
    return "" if path.resolve() == Path.cwd().resolve() else f"cd {path} && "


def _schemas_with_ids(path: Path) -> None:
    """Rewrite schemas/ with the example's ids as completions, as the pre-commit hook keeps them."""
    from auditrack.commands.schema_repository import write_for
    from auditrack.config import load_config

    write_for(path, load_config(path / "auditrack.yaml"))


def _matched(place) -> str:
    if place is None:
        return ("not in SCB's list of municipalities and regions: the id is made from the name, and "
                "organisation.yaml has no municipality_code")
    return f"found in SCB's list: {place.name}, {place.kind} code {place.code}"


def _pinned(pin: Pin) -> str:
    if pin.checked == "tag":
        return f"auditrack {__version__} from {pin.repository}, pinned to its tag {pin.rev}"
    if pin.checked == "commit":
        return f"auditrack from {pin.repository}, pinned to its commit {pin.rev} (it has no tag {tag()})"
    if pin.checked == "kept":
        return f"auditrack from {pin.repository}, pinned to {pin.rev} as .pre-commit-config.yaml was"
    return f"auditrack {__version__} from {pin.repository}, pinned to {pin.rev} unchecked (it could not be read)"


def _organisations_in(path: Path) -> list[tuple[str, str | None, str | None]]:
    """The organisation files already in the repository: (path, id, name), as far as they can be read."""
    from auditrack.loader.yamlfile import load_bytes

    found = []
    for file in sorted((path / "governance").glob("*/organisation.yaml")) if path.is_dir() else []:
        relative = file.relative_to(path).as_posix()
        try:
            data = load_bytes(file.read_bytes(), relative).data
        except OSError:
            data = None
        data = data if isinstance(data, dict) else {}
        found.append((relative, *(value if isinstance(value := data.get(key), str) else None
                                  for key in ("id", "name"))))
    return found


def _already_there(found: tuple[str, str | None, str | None], organisation: Organisation) -> str:
    relative, org, name = found
    what = f"organisation {org or '(no id)'}" + (f" ({name})" if name else "")
    if relative == f"governance/{organisation.id}/organisation.yaml":
        return f"replaced: {what} in {relative}, now {organisation.id} ({organisation.name})"
    return f"already there: {what} in {relative}; the repository holds it beside {organisation.id}"


def _in_git_repository(path: Path) -> bool:
    """Whether `path` is inside a git work tree (a .git folder or file in it or above it)."""
    return any((folder / ".git").exists() for folder in (path.resolve(), *path.resolve().parents))
