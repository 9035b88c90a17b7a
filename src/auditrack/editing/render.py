"""Values as YAML text: scalars plain unless YAML needs quotes, dates as YYYY-MM-DD, mappings in block or flow
style to match where they go."""

from __future__ import annotations

import json
import re
from datetime import date

import yaml.resolver

_RESOLVER = yaml.resolver.Resolver()
_NOT_TEXT = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:null"}
# A plain scalar may not start with an indicator, contain ': ' or ' #', or end in ':'.
_UNSAFE_PLAIN = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: |\s#|:$|\s$|[\x00-\x1f\x7f\x85\u2028\u2029\ufeff]")
_FLOW_INDICATORS = re.compile(r"[,\[\]{}]")


def scalar(value: str | date, *, flow: bool = False) -> str:
    """`value` as a YAML scalar: plain when YAML reads it back as the same text, else in double quotes.

    Text another YAML reader would take for a number, a boolean or null ('12', 'yes', '~') is quoted too, so the
    file means the same to every tool. In a flow collection, text with a comma or bracket is quoted as well."""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    needs_quotes = (
        not text
        or _UNSAFE_PLAIN.search(text) is not None
        or (flow and _FLOW_INDICATORS.search(text) is not None)
        or _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) in _NOT_TEXT
    )
    return json.dumps(text, ensure_ascii=False) if needs_quotes else text


def flow(value) -> str:
    """`value` on one line, in flow style: `[a, b]`, `{key: value}`."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k, flow=True)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value, flow=True)


def block_item(value, indent: int, newline: str) -> str:
    """A block sequence item `- value` at column `indent` (0-based), ending with `newline`; a mapping's keys line
    up under its first key."""
    pad = " " * indent
    if isinstance(value, dict) and value:
        lines = [f"{scalar(k)}: {flow(v)}" for k, v in value.items()]
        inner = " " * (indent + 2)
        return pad + "- " + lines[0] + newline + "".join(inner + line + newline for line in lines[1:])
    return f"{pad}- {flow(value)}{newline}"
