"""`auditrack ids [KIND] [--org ID]`: the ids that exist, with their names, grouped by kind, so an officer can
find the role to name as an action's owner or the body that decided."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from auditrack.authoring.messages import kind_named, say
from auditrack.engine import EXIT_OK, EXIT_USAGE
from auditrack.models import FILE_KINDS

LISTED = ("organisation", "audit-report", "recommendation",
          *[k for k in FILE_KINDS if k not in ("organisation", "audit-report")])
"""Every kind with ids, recommendations after the reports they are in."""
MESSAGES = {
    "unknown-format": ("unknown format '{format}'; use text or json", "okänt format '{format}'; använd text eller json"),
    "unknown-org": ("unknown organisation '{org}'; the organisations are: {orgs}",
                    "organisationen '{org}' finns inte; organisationerna är: {orgs}"),
    "none": ("(none)", "(inga)"),
}


def _say(lang: str, key: str, **values) -> str:
    return say(MESSAGES, lang, key, **values)


def run(kind: str | None, org: str | None, path: Path, output_format: str, lang: str = "en") -> int:
    from auditrack.authoring.known import open_repository

    if kind is not None:
        kind = kind_named(kind)
        if kind not in LISTED:
            sys.stderr.write(f"auditrack: {_say(lang, 'unknown-kind', kind=kind, kinds=', '.join(LISTED))}\n")
            return EXIT_USAGE
    if output_format not in ("text", "json"):
        sys.stderr.write(f"auditrack: {_say(lang, 'unknown-format', format=output_format)}\n")
        return EXIT_USAGE
    known = open_repository(path, lang)
    if known is None:
        return EXIT_USAGE
    if org is not None and org not in known.organisations():
        orgs = ", ".join(known.organisations()) or _say(lang, "none")
        sys.stderr.write(f"auditrack: {_say(lang, 'unknown-org', org=org, orgs=orgs)}\n")
        return EXIT_USAGE
    groups = {k: known.named(k, org) for k in ([kind] if kind else LISTED)}
    if output_format == "json":
        body = {k: [{"organisation": o, "id": i, "name": n} for o, i, n in rows] for k, rows in groups.items()}
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    blocks = []
    for k, rows in groups.items():
        if not rows and kind is None:
            continue
        several = len({o for o, _, _ in rows}) > 1
        labels = [f"{o}/{i}" if several else i for o, i, _ in rows]
        width = max(map(len, labels), default=0)
        lines = [f"  {label:<{width}}  {n}".rstrip() for label, (_, _, n) in zip(labels, rows)]
        blocks.append(f"{k}:\n" + ("\n".join(lines) if lines else f"  {_say(lang, 'none')}") + "\n")
    sys.stdout.write("\n".join(blocks))
    return EXIT_OK
