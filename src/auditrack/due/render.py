"""The deadline listing as text, JSON or Markdown (the weekly digest: overdue and due soon, per body)."""

from __future__ import annotations

import json

from auditrack.due.collect import Deadline
from auditrack.due.listing import Listing
from auditrack.due.words import say, summary, when_text, who_text
from auditrack.escape import visible
from auditrack.reports.markdown import md


def render_text(listing: Listing) -> str:
    lang = listing.lang
    lines = [say(lang, "title", as_of=listing.as_of.isoformat()), ""]
    for heading, items in _sections(listing):
        lines.append(heading)
        if not items:
            lines.append("  " + say(lang, "none"))
        for d in items:
            lines.append(f"  {d.day.isoformat()}  {when_text(lang, d, listing)}  {visible(summary(lang, d))}")
            lines.append(f"      {say(lang, 'who')}: {visible(who_text(lang, d.who))}")
            lines.append(f"      {d.record}  {visible(d.file)}:{d.line}")
        lines.append("")
    return "\n".join(lines)


def render_json(listing: Listing) -> str:
    def item(d: Deadline) -> dict:
        return {
            "date": d.day.isoformat(),
            "days_late": listing.days_late(d) if d.late else None,
            "days_left": None if d.late else listing.days_left(d),
            "kind": d.kind,
            "what": d.what[listing.lang],
            "who": {"id": d.who.id, "name": d.who.name or None, "kind": d.who.kind},
            "bodies": list(d.bodies),
            "organisation": d.organisation,
            "record": d.record,
            "file": d.file,
            "line": d.line,
            "uid": d.uid,
        }

    data = {"as_of": listing.as_of.isoformat(), "within_days": listing.within,
            "overdue": [item(d) for d in listing.overdue], "upcoming": [item(d) for d in listing.upcoming]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_markdown(listing: Listing, body_names: dict[tuple[str, str], str]) -> str:
    """The digest: per body (by name), its overdue deadlines and those due soon; deadlines of no body last."""
    lang = listing.lang
    out = [f"# {say(lang, 'title', as_of=listing.as_of.isoformat())}", "",
           f"<!-- {say(lang, 'generated')} -->", ""]
    groups = _by_body(listing, body_names)
    if not groups:
        out += [say(lang, "none"), ""]
    for name, (overdue, upcoming) in groups:
        out += [f"## {md(name)}", ""]
        for heading, items in ((say(lang, "overdue"), overdue),
                               (say(lang, "upcoming", within=listing.within), upcoming)):
            if not items:
                continue
            out += [f"### {heading}", "",
                    f"| {say(lang, 'date')} | {say(lang, 'when')} | {say(lang, 'what')} | {say(lang, 'who')} "
                    f"| {say(lang, 'record')} |", "| --- | --- | --- | --- | --- |"]
            out += [f"| {d.day.isoformat()} | {when_text(lang, d, listing)} | {md(summary(lang, d))} "
                    f"| {md(who_text(lang, d.who))} | `{d.record}` ({md(d.file)}:{d.line}) |" for d in items]
            out.append("")
    return "\n".join(out)


def _sections(listing: Listing):
    lang = listing.lang
    return ((say(lang, "overdue"), listing.overdue), (say(lang, "upcoming", within=listing.within), listing.upcoming))


def _by_body(listing: Listing, body_names: dict[tuple[str, str], str]):
    """(heading, (overdue, upcoming)) per body, in the order the bodies first appear (overdue first); the
    deadlines that concern no body last."""
    groups: dict[tuple[str, str] | None, tuple[list[Deadline], list[Deadline]]] = {}
    for position, items in enumerate((listing.overdue, listing.upcoming)):
        for d in items:
            key = (d.organisation, d.bodies[0]) if d.bodies else None
            groups.setdefault(key, ([], []))[position].append(d)
    ordered = [k for k in groups if k is not None] + ([None] if None in groups else [])
    return [(f"{body_names.get(k, k[1])} ({k[1]})" if k else say(listing.lang, "no-body"), groups[k])
            for k in ordered]
