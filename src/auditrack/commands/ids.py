"""`auditrack ids [KIND] [--org ID]`: the ids that exist, with their names, grouped by kind, so an officer can
find the role to name as an action's owner or the body that decided."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from auditrack.engine import EXIT_OK, EXIT_USAGE
from auditrack.models import FILE_KINDS

KIND_ALIASES = {"report": "audit-report", "reporting": "reporting-requirement"}
LISTED = ("organisation", *[k for k in FILE_KINDS if k != "organisation"][:3], "recommendation",
          *[k for k in FILE_KINDS if k != "organisation"][3:])
"""Every kind with ids, recommendations after the reports they are in."""


def run(kind: str | None, org: str | None, path: Path, output_format: str) -> int:
    from auditrack.authoring.known import load
    from auditrack.commands.check import load_settings
    from auditrack.commands.new import repository_root

    if kind is not None:
        kind = KIND_ALIASES.get(kind, kind)
        if kind not in LISTED:
            sys.stderr.write(f"auditrack: unknown kind '{kind}'; use one of: {', '.join(LISTED)}\n")
            return EXIT_USAGE
    if output_format not in ("text", "json"):
        sys.stderr.write(f"auditrack: unknown format '{output_format}'; use text or json\n")
        return EXIT_USAGE
    if not path.is_dir():
        sys.stderr.write(f"auditrack: {path} is not a folder\n")
        return EXIT_USAGE
    config = load_settings(path, None)
    if config is None:
        return EXIT_USAGE
    known = load(repository_root(path, None), config)
    if org is not None and org not in known.organisations():
        sys.stderr.write(f"auditrack: unknown organisation '{org}'; the organisations are: "
                         f"{', '.join(known.organisations()) or 'none'}\n")
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
        width = max((len(i) for _, i, _ in rows), default=0)
        several = len({o for o, _, _ in rows}) > 1
        lines = [f"  {(o + '/') if several else ''}{i:<{width}}  {n}".rstrip() for o, i, n in rows]
        blocks.append(f"{k}:\n" + ("\n".join(lines) if lines else "  (none)") + "\n")
    sys.stdout.write("\n".join(blocks))
    return EXIT_OK
