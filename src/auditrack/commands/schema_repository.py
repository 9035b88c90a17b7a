"""`auditrack schema --repository`: the data repository's schemas/, with its ids as completions.

Written to the `schemas/` folder of the data repository (the folder of its auditrack.yaml), which every data
file's first line points at. `init` writes them so, and the pre-commit hook `auditrack-schemas` writes them again
whenever a commit changes a data file, so a new role is offered as an owner once it is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from auditrack.authoring.messages import say
from auditrack.engine import EXIT_OK, EXIT_USAGE

MESSAGES = {
    "wrote": ("wrote {path}", "skrev {path}"),
    "summary": ("{changed} of {total} schema files written with the repository's ids, {same} unchanged",
                "{changed} av {total} schemafiler skrivna med förrådets id:n, {same} oförändrade"),
    "stale": ("{n} schema file{s} out of date; run `auditrack schema --repository` to regenerate",
              "{n} {files} inaktuella; kör `auditrack schema --repository` för att skriva om dem"),
    "current": ("all {n} schema files in {path}/ are up to date", "alla {n} schemafiler i {path}/ är aktuella"),
    "cannot": ("cannot write the schemas to {path}: {reason}", "kan inte skriva schemafilerna till {path}: {reason}"),
}


def write_for(root: Path, config) -> list[str]:
    """Write the repository's schemas into `root`/schemas; the names of the files that changed."""
    from auditrack.authoring.known import load
    from auditrack.authoring.repository_schemas import generate
    from auditrack.commands.schema import write

    return write(root / "schemas", generate(load(root, config)))


def run(path: Path, check_only: bool, lang: str = "en") -> int:
    from auditrack.authoring.known import open_repository
    from auditrack.authoring.repository_schemas import generate
    from auditrack.commands.schema import stale, write
    from auditrack.io import NotARegularFile

    known = open_repository(path, lang)
    if known is None:
        return EXIT_USAGE
    root = known.root
    folder = root / "schemas"
    files = generate(known)
    if check_only:
        outdated = stale(folder, files)
        for name in outdated:
            sys.stdout.write(f"{(folder / name).as_posix()}\n")
        if outdated:
            n = len(outdated)
            sys.stdout.write(say(MESSAGES, lang, "stale", n=n, s="" if n == 1 else "s",
                                 files="schemafil är" if n == 1 else "schemafiler är") + "\n")
            return 1
        sys.stdout.write(say(MESSAGES, lang, "current", n=len(files), path=folder.as_posix()) + "\n")
        return EXIT_OK
    try:
        changed = write(folder, files)
    except NotARegularFile as exc:
        sys.stderr.write(f"auditrack: {exc.message(lang)}\n")
        return EXIT_USAGE
    except OSError as exc:
        sys.stderr.write(f"auditrack: {say(MESSAGES, lang, 'cannot', path=folder, reason=exc.strerror or exc)}\n")
        return EXIT_USAGE
    for name in changed:
        sys.stdout.write(say(MESSAGES, lang, "wrote", path=(folder / name).as_posix()) + "\n")
    sys.stdout.write(say(MESSAGES, lang, "summary", changed=len(changed), total=len(files),
                         same=len(files) - len(changed)) + "\n")
    return EXIT_OK
