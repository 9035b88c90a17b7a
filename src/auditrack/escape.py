"""Text from a data repository made safe to print: nothing in it can move the cursor, start a new line,
colour the terminal or begin a CI workflow command (a line starting `::`)."""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """`text` with undecodable bytes (from file names) and control characters (C0, DEL, C1) as escapes: `\\x0a`."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
