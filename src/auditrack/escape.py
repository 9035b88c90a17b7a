"""Text from a data repository made safe to print: nothing in it can move the cursor, start a new line,
colour the terminal, begin a CI workflow command (a line starting `::`) or hide and reorder what a reader sees.

The characters treated so are every character of the Unicode categories Cc (C0 controls, DEL, C1 controls such
as NEL U+0085 and CSI U+009B), Cf (format characters: bidirectional embeddings, overrides and isolates, zero-width
spaces and joiners, the byte-order mark U+FEFF, the soft hyphen, tag characters) and Zl/Zp (U+2028, U+2029).
YAML's double-quoted escapes (`"\\0"`, `"\\e"`, `"\\u202e"`) put any of them into a value even where the file's
bytes may not hold them.
"""

from __future__ import annotations

import re

_C0 = "\x00-\x1f"
_BEYOND_C0 = (
    "\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
INVISIBLE = re.compile(f"[{_C0}{_BEYOND_C0}]")
"""Categories Cc, Cf, Zl and Zp as of Unicode 15 (tests/test_injection.py checks them against `unicodedata`)."""
_INVISIBLE_IN_JSON = re.compile(f"[{_BEYOND_C0}]")
"""What json.dumps leaves raw: it escapes C0 inside strings itself, and C0 outside them is the indentation."""


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` with undecodable bytes (from file names) and invisible characters as escapes: `\\x0a`, `\\u202e`."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return INVISIBLE.sub(_escape, text)


def _json_escape(match: re.Match) -> str:
    import json

    return json.dumps(match.group())[1:-1]


def json_text(document: object) -> str:
    """`document` as indented JSON, lossless (a parser reads back exactly the same strings), with every invisible
    character written as a `\\uXXXX` escape, so no raw ESC, CSI, line separator or bidirectional override reaches
    a terminal or a viewer that shows the file itself. Such characters occur only inside JSON strings, where an
    escape means the same character."""
    import json  # here: a check that writes text does not need it

    return _INVISIBLE_IN_JSON.sub(_json_escape, json.dumps(document, ensure_ascii=False, indent=2))
