"""`auditrack schema`: JSON Schemas for editors and other tools, generated from the models.

One schema per kind of data file (schemas/<kind>.json) and one for the
configuration (schemas/auditrack-config.json), draft 2020-12. Every field's
docstring becomes its `description`, so an editor shows it on hover. Files
are written atomically and only when their content changes; `--check`
writes nothing and lists the files that are missing or stale.
"""

from __future__ import annotations

import ast
import inspect
import json
import sys
import textwrap
from functools import cache
from pathlib import Path

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from auditrack.config import Config
from auditrack.io import write_atomic
from auditrack.models import FILE_KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_PREFIX = "urn:auditrack:schema:"
CONFIG_SCHEMA = "auditrack-config"


@cache
def attribute_docstrings(cls: type) -> dict[str, str]:
    """Field name → the docstring written under it, for `cls` and its bases (nearest class wins)."""
    found: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass is object or not issubclass(klass, BaseModel) or klass.__module__.startswith("pydantic"):
            continue
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError, SyntaxError):
            continue
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for statement, following in zip(body, body[1:]):
            if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                    and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                    and isinstance(following.value.value, str)):
                found[statement.target.id] = inspect.cleandoc(following.value.value)
    return found


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, with each field's own docstring as its description.

    A field typed with a shared annotation that carries its own description (Text: 'Free text.')
    would otherwise show that generic text instead of what the field's docstring says.
    """

    def model_schema(self, schema):
        json_schema = super().model_schema(schema)
        cls = schema["cls"]
        target = json_schema
        if "$ref" in json_schema:  # the model's body lives in $defs
            target = self.definitions.get(json_schema["$ref"].split("/")[-1], json_schema)
        properties = target.get("properties", {})
        for name, doc in attribute_docstrings(cls).items():
            info = cls.model_fields.get(name)
            key = (info.alias or name) if info else name
            if key in properties:
                properties[key]["description"] = doc
        return json_schema


def schema_for(model: type[BaseModel], name: str) -> dict:
    body = model.model_json_schema(schema_generator=_Generator)
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
            sys.stdout.write(f"schemas in {output_dir} are up to date\n")
            return 0
        for name in outdated:
            sys.stdout.write(f"{(output_dir / name).as_posix()}: {'missing' if not (output_dir / name).exists() else 'stale'}\n")
        sys.stdout.write(f"{len(outdated)} schema file{'s' if len(outdated) != 1 else ''} out of date; "
                         "run `auditrack schema` to regenerate\n")
        return 1
    try:
        changed = write(output_dir, files)
    except OSError as exc:
        sys.stderr.write(f"auditrack: cannot write the schemas to {output_dir}: {exc.strerror or exc}\n")
        return 2
    for name in changed:
        sys.stdout.write(f"wrote {(output_dir / name).as_posix()}\n")
    total = len(files)
    sys.stdout.write(f"{len(changed)} of {total} schema files written, {total - len(changed)} unchanged\n")
    return 0
