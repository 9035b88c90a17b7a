"""Rules for evaluations, interventions and the evidence behind methods."""

from __future__ import annotations

from auditrack.findings import Severity, named
from auditrack.rules.base import Context, rule


@rule("G401", "evaluation-not-done", Severity.ERROR, example="""
kind: evaluation
id: utvardering-effekter
required: true
required_by: [granskning-2022-r5]
# done: missing
""", fix_example="""
done: 2024-05
by: Extern utvärderare
result: Modellen minskade försörjningsstödet med ...
""")
def evaluation_not_done(ctx: Context):
    """A required evaluation has not been done.

    Why:
    Without an evaluation of effects and cost-effectiveness, the organisation
    cannot take improving action. No evaluation of the Ludvika model had been
    made (Ludvika 2022, 3.3), and Bräcke's interventions were not evaluated for
    their effect on the individual and their cost-effectiveness (Bräcke 2023, 3.4.1).
    While a planned date lies ahead the finding is a warning.


    Would the auditors call it right? Yes for an evaluation recorded as
    required: Ludvika (3.3.1) and Bräcke (3.4.1) both asked for one.
    Fix:
    Carry out the evaluation and record `done:` and `result:`; until then,
    record when it is `planned:`.
    """
    for evaluation in ctx.index.records("evaluation"):
        if not evaluation.required or evaluation.done is not None:
            continue
        title = named(evaluation.title)
        if evaluation.planned is not None and evaluation.planned.end >= ctx.as_of:
            yield ctx.hit(evaluation, f"the required evaluation '{title}' is not done yet; "
                                      f"it is planned for {evaluation.planned}", "planned", severity=Severity.WARNING,
                          hint="Record done and result when it has been carried out.",
                          sv=f"utvärderingen '{title}' ska göras men är ännu inte genomförd; "
                             f"den är planerad till {evaluation.planned}",
                          sv_hint="Registrera `done:` och `result:` när utvärderingen är genomförd.")
        elif evaluation.planned is not None:
            yield ctx.hit(evaluation, f"the required evaluation '{title}' was planned for "
                                      f"{evaluation.planned} but has not been done", "planned",
                          hint="Carry out the evaluation and record done and result, or re-plan it.",
                          sv=f"utvärderingen '{title}' var planerad till {evaluation.planned} "
                             "men är inte genomförd",
                          sv_hint="Genomför utvärderingen och registrera `done:` och `result:`, eller planera in den "
                                  "på nytt (`planned:`).")
        else:
            yield ctx.hit(evaluation, f"the required evaluation '{title}' has not been done, and none is planned",
                          "required", hint="Plan the evaluation (planned:) and record done and result when it is done.",
                          sv=f"utvärderingen '{title}' ska göras men är varken genomförd eller planerad",
                          sv_hint="Planera utvärderingen (`planned:`) och registrera `done:` och `result:` "
                                  "när den är genomförd.")


@rule("G402", "intervention-without-participant-data", Severity.WARNING, example="""
kind: intervention
id: praktik
name: Praktik
# participants: missing
""", fix_example="""
participants:
  - {period: "2023", count: 31}
""")
def intervention_without_participant_data(ctx: Context):
    """An intervention has no participant data.

    Why:
    Without the number of participants per intervention, nobody can judge
    which interventions are used, or what they achieve and cost. Bräcke had no
    data on the number of participants per intervention (Bräcke 2023, 3.4).


    Would the auditors call it right? Yes: Bräcke's auditors were
    told there is no data on participants per intervention (3.4). It is a
    warning, since a source may count participants elsewhere.
    Fix:
    Record participants per period under `participants:`.
    """
    for intervention in ctx.index.records("intervention"):
        if not intervention.participants:
            name = named(intervention.name)
            yield ctx.hit(intervention, f"no participant data is kept for the intervention '{name}'", "name",
                          hint="Record participants per period (participants: [{period: ..., count: ...}]).",
                          sv=f"det finns inga uppgifter om antalet deltagare i insatsen '{name}'",
                          sv_hint="Registrera antalet deltagare per period (participants: [{period: ..., count: ...}]).")


@rule("G403", "method-without-evidence", Severity.WARNING, example="""
kind: programme
id: samverkansmodellen
inspired_by: [Angeredsmodellen]
evidence_base: {research_used: false}
""", fix_example="""
evidence_base:
  research_used: true
  references: ["Forskningsöversikt om samverkan i kommunal arbetsmarknadspolitik (2023)"]
""")
def method_without_evidence(ctx: Context):
    """A working model was designed without using the research available, as the source records.

    Why:
    Methods designed without the available research miss perspectives on
    organisation, cooperation and the participants' view. Ludvika's model was
    designed from study visits (Angeredsmodellen, Växjölöftet) without using the
    research available (Ludvika 2022, 3.1).

    Would the auditors call it right? Only where the source says the research
    was not used (`evidence_base: {research_used: false}`): a data guide that
    leaves `evidence_base` out when the source is silent records an unknown,
    not a gap, so a missing `evidence_base` is not reported. An observation of
    category research-basis is reported by G501.

    Fix:
    Record the research or evaluations the methods rest on under
    `evidence_base.references`, or review the methods against them.
    """
    for programme in ctx.index.records("programme"):
        evidence = programme.evidence_base
        name = named(programme.name)
        if evidence is not None and evidence.research_used is False and not evidence.references:
            yield ctx.hit(programme, f"the working model '{name}' was designed without using available research",
                          "evidence_base", hint="Review the methods against the research, and record it under evidence_base.references.",
                          sv=f"arbetsmodellen '{name}' utformades utan stöd i tillgänglig forskning",
                          sv_hint="Pröva metoderna mot forskningen och ange källorna under `evidence_base.references`.")
