"""`auditrack schema`: JSON Schemas for editors and other tools, generated from the models.

One schema per kind of data file (schemas/<kind>.json) and one for the
configuration (schemas/auditrack-config.json), draft 2020-12. Every field's
docstring becomes its `description`, so an editor shows it on hover. Files
are written atomically and only when their content changes; `--check`
writes nothing and lists the files that are missing or stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from auditrack.config import Config
from auditrack.io import NotARegularFile, write_atomic
from auditrack.models import FILE_KINDS
from auditrack.models.docstrings import describe

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_PREFIX = "urn:auditrack:schema:"
CONFIG_SCHEMA = "auditrack-config"


def schema_for(model: type[BaseModel], name: str) -> dict:
    body = describe(model.model_json_schema(), model)
    return {"$schema": DIALECT, "$id": f"{ID_PREFIX}{name}", **body}


def generate() -> dict[str, str]:
    """File name → content, for every schema auditrack publishes."""
    schemas = {kind: schema_for(model, kind) for kind, model in FILE_KINDS.items()}
    schemas[CONFIG_SCHEMA] = schema_for(Config, CONFIG_SCHEMA)
    return {f"{name}.json": json.dumps(body, ensure_ascii=False, indent=2) + "\n" for name, body in schemas.items()}


def write(output_dir: Path, files: dict[str, str] | None = None) -> list[str]:
    """Write every schema into `output_dir`; the names of the files that changed."""
    files = generate() if files is None else files
    return [name for name, text in files.items() if write_atomic(output_dir / name, text)]


def stale(output_dir: Path, files: dict[str, str] | None = None) -> list[str]:
    """The schema files in `output_dir` that are missing or differ from what the models generate."""
    out = []
    for name, text in (generate() if files is None else files).items():
        try:
            current = (output_dir / name).read_bytes()
        except OSError:
            current = None
        if current != text.encode("utf-8"):
            out.append(name)
    return out


def run(output_dir: Path, check_only: bool) -> int:
    if output_dir.exists() and not output_dir.is_dir():
        sys.stderr.write(f"auditrack: {output_dir} is not a folder\n")
        return 2
    files = generate()
    if check_only:
        outdated = stale(output_dir, files)
        if not outdated:
            sys.stdout.write(f"all {len(files)} schema files in {output_dir.as_posix()}/ are up to date\n")
            return 0
        for name in outdated:
            sys.stdout.write(f"{(output_dir / name).as_posix()}: {'missing' if not (output_dir / name).exists() else 'stale'}\n")
        sys.stdout.write(f"{len(outdated)} schema file{'s' if len(outdated) != 1 else ''} out of date; "
                         "run `auditrack schema` to regenerate\n")
        return 1
    try:
        changed = write(output_dir, files)
    except NotARegularFile as exc:
        sys.stderr.write(f"auditrack: {exc.message()}\n")
        return 2
    except OSError as exc:
        sys.stderr.write(f"auditrack: cannot write the schemas to {output_dir}: {exc.strerror or exc}\n")
        return 2
    for name in changed:
        sys.stdout.write(f"wrote {(output_dir / name).as_posix()}\n")
    total = len(files)
    sys.stdout.write(f"{len(changed)} of {total} schema files written, {total - len(changed)} unchanged\n")
    return 0
