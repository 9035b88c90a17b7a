"""JSON Schemas that know a data repository: every reference field lists the ids that exist as `examples`.

An editor with the YAML language server offers a schema's `examples` as completions, so `owner:` completes to
the repository's roles and `decided_by:` to its bodies. They are `examples`, not `enum`: an enum would make an
id invalid in the editor until its file exists (a response written before its new role's file), and would
mark as wrong the ids of another organisation in the same repository, where `check` is the judge of references.
"""

from __future__ import annotations

import json

from auditrack.authoring.known import Known

REF_KEY = "x-auditrack-ref"
MAX_EXAMPLES = 1000
"""Ids listed per field at most (the first in order), so a national repository's schemas stay a size an editor
reads at once; `auditrack ids KIND` lists them all."""


def ids_by_kind(known: Known) -> dict[str, list[str]]:
    """Kind → the sorted ids of that kind in the whole repository."""
    from auditrack.commands.ids import LISTED

    return {kind: sorted({id_ for _, id_, _ in known.named(kind, None)}) for kind in LISTED}


def with_examples(schema: object, ids: dict[str, list[str]]) -> object:
    """`schema` with `examples` on every reference field: the existing ids of the kinds it refers to."""
    if isinstance(schema, list):
        return [with_examples(item, ids) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: with_examples(value, ids) for key, value in schema.items()}
    kinds = schema.get(REF_KEY)
    if isinstance(kinds, list):
        found = sorted({i for kind in kinds for i in ids.get(kind, [])})[:MAX_EXAMPLES]
        if found:
            out = dict(sorted({**out, "examples": found}.items()))
    return out


def generate(known: Known) -> dict[str, str]:
    """File name → content: auditrack's schemas, with the repository's ids as examples."""
    from auditrack.commands.schema import generate as generic

    ids = ids_by_kind(known)
    return {name: json.dumps(with_examples(json.loads(text), ids), ensure_ascii=False, indent=2) + "\n"
            for name, text in generic().items()}
