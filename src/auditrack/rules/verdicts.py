"""Rules for verdicts written in the report's own words."""

from __future__ import annotations

from auditrack.findings import Severity
from auditrack.rules.base import Context, rule
from auditrack.verdicts import on_scale, questions_with_paths


@rule("R114", "verdict-not-on-scale", Severity.ERROR, example="""
questions:
  - id: q2
    text: Finns det mätbara mål?
    verdict_text: kan förbättras   # no verdict:, and auditrack.yaml maps no such words
""", fix_example="""
    verdict: partly
    verdict_text: kan förbättras
# or, for every report in the repository, in auditrack.yaml:
verdict_words: {"kan förbättras": partly}
""")
def verdict_not_on_scale(ctx: Context):
    """A verdict is given only in the report's own words, and they map to nothing on the scale.

    Why:
    Reports grade in their own words ("i huvudsak", "kan förbättras", a
    traffic light such as "gul"); the reports and comparisons need the verdict
    on one scale: yes, partly or no. A question's `verdict_text:` without
    `verdict:` (an overall verdict's without `grade:`) takes its verdict from
    auditrack.yaml's `verdict_words:`; words found there are not reported.

    Fix:
    Add `verdict:` (`grade:` for the overall verdict) beside the words, or map
    the words once for the repository in auditrack.yaml's `verdict_words:`.
    """
    words = ctx.config.verdict_words
    for report in ctx.index.records("audit-report"):
        graded = [(q.verdict, q.verdict_text, (*path, "verdict_text"), "verdict", f"the question '{q.id}'",
                   f"frågan '{q.id}'") for q, path in questions_with_paths(report.questions)]
        overall = report.overall_verdict
        if overall is not None:
            graded.append((overall.grade, overall.verdict_text, ("overall_verdict", "verdict_text"), "grade",
                           "the overall verdict", "den sammanfattande bedömningen"))
        for verdict, text, path, key, what, what_sv in graded:
            if text is None or on_scale(verdict, text, words) is not None:
                continue
            yield ctx.hit(report, f"{what} gives its verdict only as '{text}', which is not on the scale "
                                  f"(yes, partly or no) and which auditrack.yaml's verdict_words does not map",
                          path,
                          hint=f"Add `{key}: yes`, `partly` or `no` beside `verdict_text:`, whichever the auditors "
                               f"meant, or map the words in auditrack.yaml: `verdict_words: {{\"{text}\": no}}` "
                               "(or yes, or partly).",
                          sv=f"{what_sv} anger sin bedömning bara som '{text}', som inte finns på skalan "
                             f"(yes, partly eller no) och som verdict_words i auditrack.yaml inte översätter",
                          sv_hint=f"Lägg till `{key}: yes`, `partly` eller `no` bredvid `verdict_text:`, det som "
                                  f"revisorerna menade, eller översätt orden i auditrack.yaml: `verdict_words: "
                                  f"{{\"{text}\": no}}` (eller yes, eller partly).")
