"""`auditrack new action --response ID --recommendation REC… --text TEXT --owner ROLE --due DATE`: an action
added to an existing response's `actions:` through the editing layer, so nothing else in the file changes and
the result is checked before it is written (atomically).

The owner must be an existing role and each recommendation one addressed to the response's body; an unknown
one is refused with the ids that may be given (exit 2). A response file with data errors, before or after the
change, is refused with its findings, as `progress` refuses it (exit 3).
"""

from __future__ import annotations

import sys
from pathlib import Path

from auditrack.authoring.answers import say as said
from auditrack.authoring.catalogue import find
from auditrack.authoring.refusals import Refused, language, new_id, organisation_of, require
from auditrack.engine import EXIT_OK, EXIT_USAGE

MESSAGES = {
    "needs": ("`auditrack new action` needs {option} ({about})", "`auditrack new action` behöver {option} ({about})"),
    "added": ("added the action '{action}' to {file}", "lade till åtgärden '{action}' i {file}"),
    "taken": ("the action id '{action}' is already used in {file}", "åtgärds-id:t '{action}' används redan i {file}"),
}
ABOUT = {"--response": ("the response to add the action to", "svaret som åtgärden läggs till i"),
         "--recommendation": ("the recommendation the action answers", "rekommendationen som åtgärden besvarar"),
         "--text": ("what will be done", "vad som ska göras"), "--owner": ("the role that owns it", "rollen som äger den"),
         "--due": ("when it is due, YYYY-MM-DD", "när den ska vara klar, ÅÅÅÅ-MM-DD")}


def _say(lang: str, key: str, **values) -> str:
    from auditrack.authoring.messages import say as table_say

    return table_say(MESSAGES, lang, key, **values)


def run(request, path: Path, lang: str | None) -> int:
    from auditrack.authoring.known import open_repository

    known = open_repository(path, lang or "sv")
    if known is None:
        return EXIT_USAGE
    lang = language(lang, known.config)
    try:
        file, item = _plan(request, known, lang)
    except Refused as exc:
        sys.stderr.write(f"auditrack: {exc}\n")
        return EXIT_USAGE
    return _write(known, file, item, lang)


def _given(request, option: str, lang: str) -> str:
    values = request.values.get("text") if option == "--text" else (request.answers.get(option) or [None])[0]
    if not values:
        en, sv = ABOUT[option]
        raise Refused(_say(lang, "needs", option=option, about=sv if lang == "sv" else en))
    return values


def _plan(request, known, lang: str) -> tuple[str, dict]:
    """The response file and the action to append to it."""
    from auditrack.commands.options import BadOption, iso_date

    org = organisation_of(request.org, known, lang)
    response_id = _given(request, "--response", lang)
    require(known, ("response",), response_id, org, "--response", lang)
    response = known.index.get(org, response_id, "response")
    report = known.index.get(org, response.report, "audit-report")
    allowed = [r.id for r in report.recommendations if response.decided_by in report.addressees_of(r)] if report else []
    if not request.recommendations:
        _given(request, "--recommendation", lang)
    for rec in request.recommendations:
        if rec not in allowed:
            key = "not-here" if allowed else "none-here"
            raise Refused(said(lang, key, option="--recommendation", rec=rec, what=said(lang, "to-body",
                          body=response.decided_by), ids=", ".join(allowed)))
    text, owner = _given(request, "--text", lang), _given(request, "--owner", lang)
    require(known, ("role",), owner, org, "--owner", lang)
    try:
        due = iso_date("--due", _given(request, "--due", lang), lang)
    except BadOption as exc:
        raise Refused(exc.messages[lang]) from None
    used = {a.id for a in response.actions}
    file = known.path_of(response)
    if request.id is not None:
        action_id = new_id(request.id, "--id", "action", lang)
        if action_id in used:
            raise Refused(_say(lang, "taken", action=action_id, file=file))
    else:
        n = len(response.actions) + 1
        while f"{response_id}-a{n}" in used:
            n += 1
        action_id = f"{response_id}-a{n}"
    item = {"id": action_id, "recommendations": list(request.recommendations), "text": text, "owner": owner,
            "due": due}
    # An action recorded now is known to be planned unless said otherwise; a status left out means the source
    # does not say, and such an action is never called overdue.
    status = (request.answers.get("--status") or ["planned"])[0]
    values = find("response", "actions.status").values
    if status not in values:
        raise Refused(said(lang, "value", option="--status", value=status, values=", ".join(values)))
    item["status"] = status
    return file, item


def _write(known, file: str, item: dict, lang: str) -> int:
    from auditrack.commands.options import edit_file

    written = edit_file(known.root, known.config, file, lambda document: document.append_item((), "actions", item),
                        lang)
    if isinstance(written, int):
        return written
    sys.stdout.write(_say(lang, "added", action=item["id"], file=file) + "\n")
    return EXIT_OK
