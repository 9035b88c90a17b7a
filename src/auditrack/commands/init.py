"""`auditrack init [DIR]`: a new municipality's data repository, ready for `auditrack check`.

It writes auditrack.yaml with every key explained, one valid example file of
each kind under recommendations/ and governance/, the JSON Schemas they point
at, a GitHub Actions workflow, a pre-commit configuration and a README. It
never overwrites a file unless told to with --force.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

from auditrack import __version__
from auditrack.engine import EXIT_OK, EXIT_USAGE
from auditrack.io import write_atomic
from auditrack.models.base import ID_PATTERN
from auditrack.scaffold import REPOSITORY

DEFAULT_ORG, DEFAULT_NAME = "exempel", "Exempel kommun"


def org_from_name(name: str) -> str:
    """'Ludvika kommun' → 'ludvika'; 'Region Jämtland Härjedalen' → 'region-jamtland-harjedalen'."""
    text = re.sub(r"\s+(kommun|stad)$", "", name.strip(), flags=re.IGNORECASE)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80]


def files(org: str, name: str, today: date, source: str | None = None) -> dict[str, str]:
    """Every file init writes: path in the new repository → content."""
    from auditrack.commands.schema import generate
    from auditrack.scaffold import render

    out = render(org, name, today, source or REPOSITORY)
    out.update({f"schemas/{file}": text for file, text in generate().items()})
    return out


def run(path: Path, org: str | None, name: str | None, force: bool, today: date | None = None,
        source: str | None = None) -> int:
    if name is not None and not name.strip():
        sys.stderr.write("auditrack: --name must not be empty\n")
        return EXIT_USAGE
    if org is None:
        org = org_from_name(name) if name else DEFAULT_ORG
    if not re.match(ID_PATTERN, org) or len(org) > 80:
        sys.stderr.write(f"auditrack: '{org}' is not a valid organisation id: use lower-case letters, digits, "
                         "'.', '_' and '-', starting with a letter or digit (e.g. --org ludvika)\n")
        return EXIT_USAGE
    if name is None:
        name = DEFAULT_NAME if org == DEFAULT_ORG else f"{org.replace('-', ' ').capitalize()} kommun"
    name = name.strip()
    if path.exists() and not path.is_dir():
        sys.stderr.write(f"auditrack: {path} exists and is not a folder\n")
        return EXIT_USAGE
    content = files(org, name, today or date.today(), source)
    existing = sorted(relative for relative in content if (path / relative).exists() or (path / relative).is_symlink())
    if existing and not force:
        sys.stderr.write(f"auditrack: {len(existing)} of the files to create already exist in {path}; "
                         "nothing was written (use --force to overwrite them):\n")
        for relative in existing:
            sys.stderr.write(f"  {relative}\n")
        return EXIT_USAGE
    try:
        for relative, text in content.items():
            target = path / relative
            if target.is_symlink():  # --force replaces the link itself, never the file it points to
                target.unlink()
            write_atomic(target, text)
    except OSError as exc:
        sys.stderr.write(f"auditrack: cannot write {exc.filename or path}: {exc.strerror or exc}\n")
        return EXIT_USAGE
    sys.stdout.write(
        f"created a data repository for {name} ({org}) in {path}: {len(content)} files\n"
        f"next: cd {path} && git init && auditrack check\n"
        f"the CI workflow and the pre-commit configuration install auditrack {__version__} from "
        f"{source or REPOSITORY}; give --source to use another copy\n"
    )
    return EXIT_OK
