"""Write the hostile files that are too big to keep in git.

    python tests/hostile/generate.py OUTDIR

tests/test_hostile.py calls `generate(folder)` in a fixture at test time, so
nothing here has to be committed as data. Each file is a single case; the test
module lists the finding each one must give.
"""

from __future__ import annotations

import sys
from pathlib import Path

DEPTH = 50_000
MAX_FILE_BYTES = 1_048_576  # auditrack's default limits.max_file_bytes
MAX_NODES = 50_000  # auditrack's default limit on keys, values and list items in one file


def nested_flow() -> bytes:
    """50,000 levels of flow sequences on one line: `data: [[[[...]]]]`."""
    return b"# 50,000 levels of flow-style nesting\ndata: " + b"[" * DEPTH + b"x" + b"]" * DEPTH + b"\n"


def nested_flow_to_the_size_limit() -> bytes:
    """Flow sequences opened to the size limit, never closed: libyaml's time grows with the square of this
    depth, so any reader that follows it further than the depth limit takes minutes."""
    head = b"# flow-style nesting up to the size limit\ndata: "
    return head + b"[" * (MAX_FILE_BYTES - len(head))


def nested_block() -> bytes:
    """50,000 levels of block sequences, each `- ` opening a new one: `- - - - ... x`."""
    return b"# 50,000 levels of block-style nesting\ndata:\n" + b"- " * DEPTH + b"x\n"


def nested_block_mappings() -> bytes:
    """1,000 levels of block mappings, each indented one space more (about 500 kB)."""
    return b"".join(b" " * level + b"k:\n" for level in range(1_000)) + b" " * 1_000 + b"end: x\n"


def too_large() -> bytes:
    """One byte over the size limit; valid YAML otherwise."""
    head = b"kind: organisation\nid: large\nname: Acme kommun\n"
    filler = b"# " + b"x" * 97 + b"\n"
    body = head + filler * ((MAX_FILE_BYTES - len(head)) // len(filler) + 1)
    return body[: MAX_FILE_BYTES + 1]


def huge_line() -> bytes:
    """A whole valid record on one line of about 1,000,000 characters (under the size limit)."""
    return b'{kind: organisation, id: huge-line, name: "' + b"a" * 1_000_000 + b'"}\n'


def huge_line_too_large() -> bytes:
    """A single line of 2,000,000 characters: over the size limit."""
    return b"kind: organisation\nid: huge\nname: " + b"a" * 2_000_000 + b"\n"


def too_many_values() -> bytes:
    """60,000 list items in 360 kB: under the size limit, over the limit on values."""
    return b"kind: organisation\nid: many\nname: Acme kommun\naka:\n" + b"- a\n" * 60_000


def invalid_items() -> bytes:
    """40,000 list items that are all invalid: 40,000 schema errors, of which only the first 100 are shown."""
    head = b"kind: body\nid: board\norganisation: acme\nname: Styrelsen\ntype: board\n"
    return head + b"duties: [" + b"{}, " * 40_000 + b"{}]\n"


def duplicate_keys() -> bytes:
    """20,000 duplicate keys in one mapping (under the limit on values): 20 are listed, then one summary."""
    return b"kind: organisation\nid: duplicates\nname: Acme kommun\n" + b"id: again\n" * 20_000


FILES = {
    "nested-flow-50000.yaml": nested_flow,
    "nested-flow-to-the-size-limit.yaml": nested_flow_to_the_size_limit,
    "nested-block-50000.yaml": nested_block,
    "nested-block-mappings.yaml": nested_block_mappings,
    "too-large.yaml": too_large,
    "huge-line.yaml": huge_line,
    "huge-line-too-large.yaml": huge_line_too_large,
    "too-many-values.yaml": too_many_values,
    "invalid-items.yaml": invalid_items,
    "duplicate-keys.yaml": duplicate_keys,
}


def generate(folder: Path) -> dict[str, Path]:
    """Write every generated file into `folder`; returns name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, make in FILES.items():
        path = folder / name
        path.write_bytes(make())
        written[name] = path
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for name, path in generate(Path(sys.argv[1])).items():
        print(f"{path}  {path.stat().st_size:,} bytes")
