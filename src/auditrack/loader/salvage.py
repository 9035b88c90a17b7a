"""What can still be read from a file that does not parse: its top-level kind, id and organisation.

A YAML error late in a file should not make every reference to that file's
record an "unknown id" elsewhere; the file's own error is the one to fix.
"""

from __future__ import annotations

import re

_TOP_LEVEL = re.compile(rb"^(kind|id|organisation)[ \t]*:[ \t]*['\"]?([A-Za-z0-9._-]+)['\"]?[ \t]*(?:#.*)?\r?$", re.M)


def salvage_header(raw: bytes) -> dict[str, str]:
    """The first `kind:`, `id:` and `organisation:` written at the start of a line, when they are plain ids."""
    found: dict[str, str] = {}
    for key, value in _TOP_LEVEL.findall(raw[:65536]):
        found.setdefault(key.decode(), value.decode())
    return found
