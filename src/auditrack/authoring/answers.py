"""What the officer decides, given on the command line as REC=VALUE pairs (`--stance r1=agree --reason r1="…"`,
`--grade r1=implemented --comment r1="…"`), turned into a new file's positions or assessments as real data, so
that recording a board's answer or a follow-up needs no hand-editing. Only recommendations the file may speak of
are accepted; a partly or disagree without a reason (R110 would flag it) is refused."""

from __future__ import annotations

from auditrack.authoring.messages import say as _say

MESSAGES = {
    "pair": ("{option} takes REC=VALUE, not '{value}'", "{option} skrivs REK=VÄRDE, inte '{value}'"),
    "twice": ("{option} names '{rec}' twice", "{option} anger '{rec}' två gånger"),
    "not-here": ("{option}: '{rec}' is not a recommendation {what}; the ones that may be given are: {ids}",
                 "{option}: '{rec}' är inte en rekommendation {what}; de som kan anges är: {ids}"),
    "none-here": ("{option}: '{rec}' is not a recommendation {what}, and there is none",
                  "{option}: '{rec}' är inte en rekommendation {what}, och det finns ingen"),
    "value": ("{option}: '{value}' is not one of {values}", "{option}: '{value}' är inte något av {values}"),
    "alone": ("{option} {rec}=… is given without {needs} {rec}=…", "{option} {rec}=… anges utan {needs} {rec}=…"),
    "reason": ("--stance {rec}={stance} needs --reason {rec}=\"…\" (the board's reason for not agreeing in full)",
               "--stance {rec}={stance} behöver --reason {rec}=\"…\" (nämndens skäl till att inte instämma helt)"),
    "to-body": ("addressed to {body}", "riktad till {body}"),
    "open-in": ("open in {reports}", "öppen i {reports}"),
}


def say(lang: str, key: str, **values) -> str:
    return _say(MESSAGES, lang, key, **values)


def pairs(option: str, given: list[str], lang: str) -> dict[str, str]:
    """`REC=VALUE` texts as REC → VALUE, in the order given."""
    from auditrack.authoring.refusals import Refused

    result: dict[str, str] = {}
    for text in given:
        rec, sep, value = text.partition("=")
        rec, value = rec.strip(), value.strip()
        if not sep or not rec or not value:
            raise Refused(say(lang, "pair", option=option, value=text))
        if rec in result:
            raise Refused(say(lang, "twice", option=option, rec=rec))
        result[rec] = value
    return result


def items(main: tuple[str, str, tuple[str, ...]], extra: tuple[str, str, str], given: dict[str, list[str]],
          allowed: list[str], what: str, lang: str) -> list[dict]:
    """The list items (recommendation, MAIN, and EXTRA when given) for the pairs of the options `main` (option,
    key, allowed values) and `extra` (option, key, the main values that require it, comma-separated or '')."""
    from auditrack.authoring.refusals import Refused

    option, key, values = main
    extra_option, extra_key, needing = extra
    chosen, added = pairs(option, given.get(option, []), lang), pairs(extra_option, given.get(extra_option, []), lang)
    for opt, recs in ((option, chosen), (extra_option, added)):
        for rec in recs:
            if rec not in allowed:
                key_ = "not-here" if allowed else "none-here"
                raise Refused(say(lang, key_, option=opt, rec=rec, what=what, ids=", ".join(allowed)))
    for rec in added:
        if rec not in chosen:
            raise Refused(say(lang, "alone", option=extra_option, rec=rec, needs=option))
    result = []
    for rec, value in chosen.items():
        if value not in values:
            raise Refused(say(lang, "value", option=option, value=value, values=", ".join(values)))
        if value in needing.split(",") and rec not in added:
            raise Refused(say(lang, "reason", rec=rec, stance=value))
        item = {"recommendation": rec, key: value}
        if rec in added:
            item[extra_key] = added[rec]
        result.append(item)
    return result
