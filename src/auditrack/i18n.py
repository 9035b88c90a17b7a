"""Labels, headings and status words for the reports, in Swedish (sv) and English (en).

Labels are trusted Markdown: they may contain ``**bold**`` or a code span, and
``{name}`` placeholders that the report fills with escaped values. A label with
a singular and a plural form is a pair, chosen by the count ``n``. Words are the
names of enumerated values in the data (an action's status, a body's type …).

Both languages must hold the same keys; tests/test_reports.py checks it.
"""

from __future__ import annotations

LANGS = ("sv", "en")

Label = str | tuple[str, str]

LABELS: dict[str, dict[str, Label]] = {
    "sv": {
        # common
        "as-of-line": "Läget per {date}.",
        "only-organisation": "Endast organisationen {org}.",
        "generated": "Skapad med `auditrack report {kind}` ur datafilerna; redigera den inte för hand.",
        "generated-by-check": "Skapad av `auditrack check`.",
        "no-data": "Det finns inga data att redovisa.",
        "total": "Totalt",
        "x-of-y": "{x} av {y}",
        "yes": "ja",
        "no": "nej",
        "missing": "saknas",
        "not-stated": "uppgift saknas",
        "name-not-stated": "namn saknas",
        "standing": "permanent",
        "standing-rules": "ordinarie organisation (inget programuppdrag krävs)",
        "overdue": "försenad",
        "latest": "senast {date}",
        "months": ("ca {n} månad", "ca {n} månader"),
        "days": ("{n} dag", "{n} dagar"),
        "part-of-year": "del av år",
        "section": "avsnitt {section}",
        "owner": "ansvarig",
        "due": "klart senast",
        "earlier": "Tidigare",
        "hint": "Förslag",
        "kolada": "Kolada {id}",
        "aka": "även kallad {names}",
        "adopted": "antagen {date}",
        "from-date": "från {date}",
        "until-date": "till {date}",
        "until-further-notice": "tills vidare",
        "superseded-by": "ersatt av {title}",
        "not-done": "ej genomförd",
        "no-measurement": "ingen mätning",
        # recommendations, responses, follow-ups
        "response": "Svar",
        "response-line": "{body}, {date}",
        "no-response": "Inget svar",
        "no-response-recorded": "Inget svar är registrerat.",
        "response-requested": "Svar begärdes senast {date}.",
        "response-requested-undated": (
            "Svar begärdes {date} utan sista dag; det räknas som försenat efter {n} dag.",
            "Svar begärdes {date} utan sista dag; det räknas som försenat efter {n} dagar.",
        ),
        "response-overdue": "Svaret är försenat.",
        "follow-up": "Uppföljning",
        "follow-ups": "Uppföljningar",
        "no-action": "Ingen åtgärd redovisad",
        "not-followed-up": "Ej uppföljd",
        "no-recommendations": "Rapporten innehåller inga rekommendationer.",
        "general-actions": "Åtgärder som inte avser en viss rekommendation",
        "general-actions-id": "Alla",
        # status
        "status.title": "Status för revisionens rekommendationer",
        "status.overall": "Rekommendationer totalt: {recommendations}, varav uppföljda: {followed}. Genomförda åtgärder: {done} av {actions}.",
        "status.overdue-actions": ("**{n} åtgärd är försenad.**", "**{n} åtgärder är försenade.**"),
        "status.no-reports": "Inga granskningar är registrerade.",
        "status.report-line": "{firm}, {date}. Rekommendationerna riktas till {addressee}.",
        "status.pie-title": "Rekommendationernas status",
        # gaps
        "gaps.title": "Brister och datafel",
        "gaps.none": ("Inga brister eller fel i {n} fil.", "Inga brister eller fel i {n} filer."),
        "count.error": ("{n} fel", "{n} fel"),
        "count.warning": ("{n} varning", "{n} varningar"),
        "count.info": ("{n} upplysning", "{n} upplysningar"),
        "gaps.in-files": ("i {n} fil.", "i {n} filer."),
        "gaps.data-errors": (
            "⚠️ {n} fel gäller själva datafilerna (YAML, schema eller referenser). Posterna i den filen saknas i rapporterna tills felet är rättat.",
            "⚠️ {n} fel gäller själva datafilerna (YAML, schema eller referenser). Posterna i de filerna saknas i rapporterna tills felen är rättade.",
        ),
        "gaps.internal-errors": (
            "⛔ {n} internt fel i auditrack; rapportera det som en bugg.",
            "⛔ {n} interna fel i auditrack; rapportera dem som buggar.",
        ),
        "gaps.no-organisation": "Filer utan organisation",
        "gaps.omitted": ("… och {n} till. Kör `auditrack check` för att se alla.", "… och {n} till. Kör `auditrack check` för att se alla."),
        # follow-up
        "follow-up.title": "Uppföljning av tidigare granskningar",
        "follow-up.scale": "Bedömningsskala:",
        "follow-up.no-audits": "Inga granskningar med rekommendationer är registrerade.",
        "follow-up.verdict": "Sammanfattande bedömning: {verdict}.",
        "follow-up.done-by": "{date}, bedömd av {assessor}",
        "follow-up.published-in": "redovisad i {report}",
        "follow-up.not-yet": "Rekommendationerna har ännu inte följts upp.",
        # governance
        "governance.title": "Översikt över styrningen",
        "governance.programmes": "Program och arbetsmodeller",
        "governance.started": "Startade {date}.",
        "governance.started-not-stated": "Uppgift om när arbetet startade saknas.",
        "governance.ended": "Avslutades {date}.",
        "governance.form": "Bedrivs som {form}.",
        "governance.commissioned-by": "Uppdragsgivare: {name}.",
        "governance.research-used": "Metoderna bygger på tillgänglig forskning.",
        "governance.research-not-used": "Tillgänglig forskning användes inte när metoderna utformades.",
        "governance.uncovered": "Perioder utan uppdrag som reglerar roller och ansvar:",
        "governance.covered": "Ett uppdrag som reglerar roller och ansvar har gällt under hela perioden.",
        "governance.coverage-unknown": "Utan uppgift om när arbetet startade går det inte att avgöra vilka perioder som saknat uppdrag som reglerar roller och ansvar.",
        "governance.no-programmes": "Inga program är registrerade.",
        "governance.mandates": "Uppdrag och beslut",
        "governance.no-mandates": "Inga uppdrag eller beslut är registrerade.",
        "governance.goals": "Mål",
        "governance.unmeasured": (
            "{n} mål saknar nyckeltal eller målvärde med tidpunkt (streckad ram i diagrammet).",
            "{n} mål saknar nyckeltal eller målvärde med tidpunkt (streckad ram i diagrammet).",
        ),
        "governance.no-goals": "Inga mål är registrerade.",
        "governance.bodies": "Organ och roller",
        "governance.no-bodies": "Inga organ är registrerade.",
        "governance.reporting": "Återrapportering",
        "governance.reporting-line": "{reporter} ska rapportera till {to}.",
        "governance.times-per-year": ("{n} gång per år.", "{n} gånger per år."),
        "governance.due-dates": "Senast: {dates}.",
        "governance.validity": "Gäller från {start}.",
        "governance.validity-until": "Gäller från {start} till {end}.",
        "governance.decided-in": "Beslutat i {name}.",
        "governance.required-content": "Krävt innehåll",
        "governance.no-reports-given": "Inga lämnade rapporter är registrerade.",
        "governance.no-reporting": "Inga krav på återrapportering är registrerade.",
        "governance.indicators": "Nyckeltal och verksamhetsmått",
        "governance.no-goal-link": "inget mål",
        "governance.evaluations": "Utvärderingar",
        "governance.interventions": "Insatser",
        "governance.count-not-stated": "antal saknas",
        "governance.no-participant-data": "inga deltagaruppgifter",
        "governance.no-mandate": "Inget uppdrag",
        "governance.programme-start": "Start",
        "governance.section-covering": "Uppdrag med roller och ansvar",
        "governance.section-gaps": "Luckor",
        "governance.section-other": "Andra beslut",
        "governance.section-bodies": "Organ",
        "governance.section-marks": "Tidpunkter",
        "as-of-mark": "Per {date}",
        # columns
        "col.audit": "Granskning",
        "col.date": "Datum",
        "col.recommendations": "Rekommendationer",
        "col.not-followed-up": "Ej uppföljda",
        "col.actions-done": "Genomförda åtgärder",
        "col.actions-overdue": "Försenade åtgärder",
        "col.rec": "Id",
        "col.recommendation": "Rekommendation",
        "col.action": "Åtgärd",
        "col.owner": "Ansvarig",
        "col.due": "Klart senast",
        "col.status": "Status",
        "col.latest-follow-up": "Senaste uppföljning",
        "col.response-actions": "Svar och vidtagna åtgärder",
        "col.grade": "Bedömning",
        "col.comment": "Kommentar",
        "col.organisation": "Organisation",
        "col.code": "Kod",
        "col.finding": "Iakttagelse",
        "col.where": "Fil och rad",
        "col.mandate": "Uppdrag eller beslut",
        "col.type": "Typ",
        "col.decision": "Beslut",
        "col.valid": "Gäller",
        "col.regulates": "Reglerar",
        "col.covers-roles": "Roller och ansvar",
        "col.state": "Läge",
        "col.goal": "Mål",
        "col.indicator": "Nyckeltal",
        "col.target": "Målvärde",
        "col.outcome": "Utfall för perioden",
        "col.latest-measurement": "Senaste mätning",
        "col.goal-follow-up": "Uppföljning",
        "col.body": "Organ",
        "col.reports-to": "Lyder under",
        "col.meetings": "Sammanträden",
        "col.minutes": "Protokoll",
        "col.active": "Verksamt",
        "col.regulated-by": "Reglerat av",
        "col.role": "Roll",
        "col.responsibilities": "Ansvar",
        "col.holders": "Innehavare",
        "col.year": "År",
        "col.required": "Krav",
        "col.given": "Lämnade",
        "col.with-content": "Med krävt innehåll",
        "col.missing": "Saknas",
        "col.by": "Av",
        "col.covered": "Innehåll",
        "col.summary": "Sammanfattning",
        "col.goals": "Kopplat till mål",
        "col.measurements": "Mätningar",
        "col.analyses": "Analyser",
        "col.evaluation": "Utvärdering",
        "col.subject": "Avser",
        "col.required-eval": "Krävs",
        "col.planned": "Planerad",
        "col.done": "Genomförd",
        "col.intervention": "Insats",
        "col.provider": "Utförare",
        "col.participants": "Deltagare (senaste period)",
        # diff
        "diff.header": "auditrack diff {base} → {head}, per {date}",
        "diff.working-tree": "arbetskatalogen",
        "diff.in-working-tree": "arbetskatalogen",
        "diff.introduced": ("{n} ny brist", "{n} nya brister"),
        "diff.newly-recorded": ("{n} nyregistrerad", "{n} nyregistrerade"),
        "diff.resolved": ("{n} avhjälpt", "{n} avhjälpta"),
        "diff.unchanged": ("{n} oförändrad", "{n} oförändrade"),
        "diff.status-changes": ("{n} statusändring", "{n} statusändringar"),
        "diff.not-compared": (
            "bristerna hos {orgs} jämförs inte förrän felen i dess data är rättade",
            "bristerna hos {orgs} jämförs inte förrän felen i deras data är rättade",
        ),
        "diff.title.introduced": "Nya brister",
        "diff.title.newly-recorded": "Nyregistrerade, i poster som ändringen lägger till",
        "diff.title.resolved": "Avhjälpta",
        "diff.title.status-changes": "Ändrad status",
        "diff.title.not-compared": "Inte jämförda, eftersom uppgifterna innehåller fel",
        "diff.data-errors": ("{n} fel i datafilerna i {side}: {where}", "{n} fel i datafilerna i {side}; det första: {where}"),
        "diff.compared": "Jämförelse av {base} med {head}, per {date}: {headline}.",
        "diff.absent": "saknas",
        "diff.not-followed-up": "ej uppföljd",
        "diff.col.severity": "Allvarlighet",
        "diff.col.code": "Kod",
        "diff.col.where": "Var",
        "diff.col.finding": "Iakttagelse",
        "diff.col.record": "Post",
        "diff.col.before": "Före",
        "diff.col.after": "Efter",
        "diff.col.organisation": "Organisation",
        "diff.col.revision": "Version",
        "diff.col.errors": "Fel i data",
        "diff.col.first-error": "Första felet",
        "diff.no-organisation": "filer utan organisation",
        "diff.stderr.not-compared": (
            "auditrack: allt kunde inte jämföras eftersom uppgifterna innehåller fel ({orgs}); "
            "felen står i utskriften (slutkod 3)"
        ),
    },
    "en": {
        # common
        "as-of-line": "As of {date}.",
        "only-organisation": "Organisation {org} only.",
        "generated": "Generated by `auditrack report {kind}` from the data files; do not edit by hand.",
        "generated-by-check": "Generated by `auditrack check`.",
        "no-data": "There is no data to report.",
        "total": "Total",
        "x-of-y": "{x} of {y}",
        "yes": "yes",
        "no": "no",
        "missing": "missing",
        "not-stated": "not stated",
        "name-not-stated": "name not stated",
        "standing": "permanent",
        "standing-rules": "ordinary organisation (no programme mandate needed)",
        "overdue": "overdue",
        "latest": "latest {date}",
        "months": ("about {n} month", "about {n} months"),
        "days": ("{n} day", "{n} days"),
        "part-of-year": "part of the year",
        "section": "section {section}",
        "owner": "owner",
        "due": "due",
        "earlier": "Earlier",
        "hint": "Fix",
        "kolada": "Kolada {id}",
        "aka": "also called {names}",
        "adopted": "adopted {date}",
        "from-date": "from {date}",
        "until-date": "until {date}",
        "until-further-notice": "until further notice",
        "superseded-by": "superseded by {title}",
        "not-done": "not done",
        "no-measurement": "not measured",
        # recommendations, responses, follow-ups
        "response": "Response",
        "response-line": "{body}, {date}",
        "no-response": "No response",
        "no-response-recorded": "No response is recorded.",
        "response-requested": "A response was requested by {date}.",
        "response-requested-undated": (
            "A response was requested on {date} without a deadline; it counts as overdue after {n} day.",
            "A response was requested on {date} without a deadline; it counts as overdue after {n} days.",
        ),
        "response-overdue": "The response is overdue.",
        "follow-up": "Follow-up",
        "follow-ups": "Follow-ups",
        "no-action": "No action reported",
        "not-followed-up": "Not followed up",
        "no-recommendations": "The report makes no recommendations.",
        "general-actions": "Actions not tied to one recommendation",
        "general-actions-id": "All",
        # status
        "status.title": "Status of audit recommendations",
        "status.overall": "Recommendations in total: {recommendations}, followed up: {followed}. Actions done: {done} of {actions}.",
        "status.overdue-actions": ("**{n} action is overdue.**", "**{n} actions are overdue.**"),
        "status.no-reports": "No audits are recorded.",
        "status.report-line": "{firm}, {date}. The recommendations are addressed to {addressee}.",
        "status.pie-title": "Status of the recommendations",
        # gaps
        "gaps.title": "Gaps and data errors",
        "gaps.none": ("No gaps or errors in {n} file.", "No gaps or errors in {n} files."),
        "count.error": ("{n} error", "{n} errors"),
        "count.warning": ("{n} warning", "{n} warnings"),
        "count.info": ("{n} info", "{n} info"),
        "gaps.in-files": ("in {n} file.", "in {n} files."),
        "gaps.data-errors": (
            "⚠️ {n} error is in the data files themselves (YAML, schema or references). The records in that file are missing from the reports until it is fixed.",
            "⚠️ {n} errors are in the data files themselves (YAML, schema or references). The records in those files are missing from the reports until they are fixed.",
        ),
        "gaps.internal-errors": (
            "⛔ {n} internal error in auditrack; please report it as a bug.",
            "⛔ {n} internal errors in auditrack; please report them as bugs.",
        ),
        "gaps.no-organisation": "Files without an organisation",
        "gaps.omitted": ("… and {n} more. Run `auditrack check` to see them all.", "… and {n} more. Run `auditrack check` to see them all."),
        # follow-up
        "follow-up.title": "Follow-up of earlier audits",
        "follow-up.scale": "Grading scale:",
        "follow-up.no-audits": "No audits with recommendations are recorded.",
        "follow-up.verdict": "Overall verdict: {verdict}.",
        "follow-up.done-by": "{date}, assessed by {assessor}",
        "follow-up.published-in": "published in {report}",
        "follow-up.not-yet": "The recommendations have not been followed up yet.",
        # governance
        "governance.title": "Governance overview",
        "governance.programmes": "Programmes and working models",
        "governance.started": "Started {date}.",
        "governance.started-not-stated": "When the work started is not stated.",
        "governance.ended": "Ended {date}.",
        "governance.form": "Run as {form}.",
        "governance.commissioned-by": "Commissioned by {name}.",
        "governance.research-used": "The methods draw on available research.",
        "governance.research-not-used": "Available research was not used when the methods were designed.",
        "governance.uncovered": "Periods without a mandate that regulates roles and responsibilities:",
        "governance.covered": "A mandate that regulates roles and responsibilities has applied throughout.",
        "governance.coverage-unknown": "Without the date the work started, the periods without a mandate that regulates roles and responsibilities cannot be worked out.",
        "governance.no-programmes": "No programmes are recorded.",
        "governance.mandates": "Mandates and decisions",
        "governance.no-mandates": "No mandates or decisions are recorded.",
        "governance.goals": "Goals",
        "governance.unmeasured": (
            "{n} goal has no indicator or no dated target (dashed in the diagram).",
            "{n} goals have no indicator or no dated target (dashed in the diagram).",
        ),
        "governance.no-goals": "No goals are recorded.",
        "governance.bodies": "Bodies and roles",
        "governance.no-bodies": "No bodies are recorded.",
        "governance.reporting": "Reporting",
        "governance.reporting-line": "{reporter} reports to {to}.",
        "governance.times-per-year": ("{n} time a year.", "{n} times a year."),
        "governance.due-dates": "Due: {dates}.",
        "governance.validity": "Applies from {start}.",
        "governance.validity-until": "Applies from {start} to {end}.",
        "governance.decided-in": "Decided in {name}.",
        "governance.required-content": "Required content",
        "governance.no-reports-given": "No reports given are recorded.",
        "governance.no-reporting": "No reporting requirements are recorded.",
        "governance.indicators": "Indicators and activity measures",
        "governance.no-goal-link": "no goal",
        "governance.evaluations": "Evaluations",
        "governance.interventions": "Interventions",
        "governance.count-not-stated": "number not stated",
        "governance.no-participant-data": "no participant data",
        "governance.no-mandate": "No mandate",
        "governance.programme-start": "Start",
        "governance.section-covering": "Mandates with roles and responsibilities",
        "governance.section-gaps": "Gaps",
        "governance.section-other": "Other decisions",
        "governance.section-bodies": "Bodies",
        "governance.section-marks": "Milestones",
        "as-of-mark": "As of {date}",
        # columns
        "col.audit": "Audit",
        "col.date": "Date",
        "col.recommendations": "Recommendations",
        "col.not-followed-up": "Not followed up",
        "col.actions-done": "Actions done",
        "col.actions-overdue": "Overdue actions",
        "col.rec": "Id",
        "col.recommendation": "Recommendation",
        "col.action": "Action",
        "col.owner": "Owner",
        "col.due": "Due",
        "col.status": "Status",
        "col.latest-follow-up": "Latest follow-up",
        "col.response-actions": "Response and actions taken",
        "col.grade": "Assessment",
        "col.comment": "Comment",
        "col.organisation": "Organisation",
        "col.code": "Code",
        "col.finding": "Finding",
        "col.where": "File and line",
        "col.mandate": "Mandate or decision",
        "col.type": "Type",
        "col.decision": "Decision",
        "col.valid": "Applies",
        "col.regulates": "Regulates",
        "col.covers-roles": "Roles and responsibilities",
        "col.state": "State",
        "col.goal": "Goal",
        "col.indicator": "Indicator",
        "col.target": "Target",
        "col.outcome": "Outcome in the period",
        "col.latest-measurement": "Latest measurement",
        "col.goal-follow-up": "Follow-up",
        "col.body": "Body",
        "col.reports-to": "Answers to",
        "col.meetings": "Meetings",
        "col.minutes": "Minutes",
        "col.active": "Active",
        "col.regulated-by": "Regulated by",
        "col.role": "Role",
        "col.responsibilities": "Responsibilities",
        "col.holders": "Held by",
        "col.year": "Year",
        "col.required": "Required",
        "col.given": "Given",
        "col.with-content": "With required content",
        "col.missing": "Missing",
        "col.by": "By",
        "col.covered": "Covered",
        "col.summary": "Summary",
        "col.goals": "Linked goals",
        "col.measurements": "Measurements",
        "col.analyses": "Analyses",
        "col.evaluation": "Evaluation",
        "col.subject": "Covers",
        "col.required-eval": "Required",
        "col.planned": "Planned",
        "col.done": "Done",
        "col.intervention": "Intervention",
        "col.provider": "Provider",
        "col.participants": "Participants (latest period)",
        # diff
        "diff.header": "auditrack diff {base} → {head}, as of {date}",
        "diff.working-tree": "working tree",
        "diff.in-working-tree": "the working tree",
        "diff.introduced": ("{n} gap introduced", "{n} gaps introduced"),
        "diff.newly-recorded": ("{n} newly recorded", "{n} newly recorded"),
        "diff.resolved": ("{n} resolved", "{n} resolved"),
        "diff.unchanged": ("{n} unchanged", "{n} unchanged"),
        "diff.status-changes": ("{n} status change", "{n} status changes"),
        "diff.not-compared": (
            "gaps of {orgs} not compared until its data errors are fixed",
            "gaps of {orgs} not compared until their data errors are fixed",
        ),
        "diff.title.introduced": "Introduced",
        "diff.title.newly-recorded": "Newly recorded, on records the change adds",
        "diff.title.resolved": "Resolved",
        "diff.title.status-changes": "Status changes",
        "diff.title.not-compared": "Not compared, because the data has errors",
        "diff.data-errors": ("{n} data error at {side}: {where}", "{n} data errors at {side}; the first: {where}"),
        "diff.compared": "Compared {base} with {head}, as of {date}: {headline}.",
        "diff.absent": "absent",
        "diff.not-followed-up": "not followed up",
        "diff.col.severity": "Severity",
        "diff.col.code": "Code",
        "diff.col.where": "Where",
        "diff.col.finding": "Finding",
        "diff.col.record": "Record",
        "diff.col.before": "Before",
        "diff.col.after": "After",
        "diff.col.organisation": "Organisation",
        "diff.col.revision": "Revision",
        "diff.col.errors": "Data errors",
        "diff.col.first-error": "First error",
        "diff.no-organisation": "files without an organisation",
        "diff.stderr.not-compared": (
            "auditrack: not everything could be compared because the data has errors ({orgs}); "
            "the output lists them (exit code 3)"
        ),
    },
}

WORDS: dict[str, dict[str, dict[str, str]]] = {
    "sv": {
        "action-status": {"planned": "planerad", "in-progress": "pågår", "done": "genomförd", "cancelled": "avbruten"},
        "grade": {
            "implemented": "Åtgärdad", "partly-implemented": "Delvis åtgärdad",
            "not-implemented": "Ej åtgärdad", "not-assessed": "Ej bedömd",
        },
        "rec-state": {
            "implemented": "Åtgärdade", "partly-implemented": "Delvis åtgärdade", "not-implemented": "Ej åtgärdade",
            "not-assessed": "Ej bedömda", "actions-done": "Åtgärder genomförda, ej uppföljda",
            "actions-under-way": "Åtgärder pågår", "no-actions": "Inga åtgärder i svaret", "no-response": "Svar saknas",
        },
        "verdict": {"yes": "ja", "partly": "till viss del", "no": "nej"},
        "severity": {"error": "fel", "warning": "varning", "info": "upplysning"},
        "severity-plural": {"error": "Fel", "warning": "Varningar", "info": "Upplysningar"},
        "severity": {"error": "fel", "warning": "varning", "info": "info"},
        "form": {"project": "projekt", "ordinary": "ordinarie verksamhet", "permanent": "permanent verksamhet"},
        "mandate-type": {
            "decision": "beslut", "steering-model": "styrmodell", "mandate-description": "uppdragsbeskrivning",
            "assignment-matrix": "uppdragsmatris",
        },
        "mandate-state": {"in-force": "gäller", "expired": "har upphört", "superseded": "ersatt", "not-yet": "gäller ännu inte"},
        "topic": {
            "purpose": "syfte", "roles": "roller", "responsibilities": "ansvar", "bodies": "organ och grupper",
            "goals": "mål", "follow-up-content": "uppföljningens innehåll", "follow-up-method": "hur uppföljning görs",
            "follow-up-timing": "när uppföljning görs", "reporting": "återrapportering", "evaluation": "utvärdering",
            "interventions": "insatser", "individual-follow-up": "uppföljning av individer", "cooperation": "samverkan",
            "budget": "budget", "financial-assistance": "ekonomiskt bistånd", "minutes": "protokoll och minnesanteckningar",
        },
        "content": {
            "cooperation": "samverkan", "organisation": "organisation", "status": "lägesbeskrivning", "effects": "effekter",
            "goal-attainment": "måluppfyllelse", "costs": "kostnader", "statistics": "statistik", "steering": "styrning",
            "other": "övrigt",
        },
        "body-type": {
            "council": "fullmäktige", "board": "styrelse", "committee": "nämnd", "presidium": "presidium",
            "auditors": "revisorer", "political-steering-group": "politisk styrgrupp", "steering-group": "styrgrupp",
            "work-group": "arbetsgrupp", "cooperation-group": "samverkansgrupp", "federation": "förbund", "other": "övrigt",
        },
        "cadence": {
            "weekly": "varje vecka", "fortnightly": "varannan vecka", "monthly": "varje månad", "quarterly": "varje kvartal",
            "half-yearly": "varje halvår", "yearly": "varje år", "as-needed": "vid behov",
        },
        "subject": {
            "effects": "effekter", "cost-effectiveness": "kostnadseffektivitet",
            "participant-experience": "deltagarnas upplevelse", "implementation": "genomförande", "process": "process",
        },
        "reached": {"true": "✅ uppnått", "false": "❌ ej uppnått"},
        "direction": {"increase": "öka", "decrease": "minska", "maintain": "ligga kvar"},
        "kind": {
            "organisation": "organisation", "audit-report": "granskningsrapport", "recommendation": "rekommendation",
            "response": "svar", "action": "åtgärd", "follow-up": "uppföljning", "programme": "program", "goal": "mål",
            "indicator": "nyckeltal", "body": "organ", "role": "roll", "mandate": "uppdrag",
            "reporting-requirement": "krav på återrapportering", "evaluation": "utvärdering", "intervention": "insats",
            "document": "styrdokument",
        },
    },
    "en": {
        "action-status": {"planned": "planned", "in-progress": "in progress", "done": "done", "cancelled": "cancelled"},
        "grade": {
            "implemented": "Implemented", "partly-implemented": "Partly implemented",
            "not-implemented": "Not implemented", "not-assessed": "Not assessed",
        },
        "rec-state": {
            "implemented": "Implemented", "partly-implemented": "Partly implemented", "not-implemented": "Not implemented",
            "not-assessed": "Not assessed", "actions-done": "Actions done, not followed up",
            "actions-under-way": "Actions under way", "no-actions": "No actions in the response", "no-response": "No response",
        },
        "verdict": {"yes": "yes", "partly": "partly", "no": "no"},
        "severity": {"error": "error", "warning": "warning", "info": "info"},
        "severity-plural": {"error": "Errors", "warning": "Warnings", "info": "Info"},
        "severity": {"error": "error", "warning": "warning", "info": "info"},
        "form": {"project": "a project", "ordinary": "ordinary operations", "permanent": "a permanent activity"},
        "mandate-type": {
            "decision": "decision", "steering-model": "steering model", "mandate-description": "mandate description",
            "assignment-matrix": "assignment matrix",
        },
        "mandate-state": {"in-force": "in force", "expired": "expired", "superseded": "superseded", "not-yet": "not yet in force"},
        "topic": {
            "purpose": "purpose", "roles": "roles", "responsibilities": "responsibilities", "bodies": "bodies",
            "goals": "goals", "follow-up-content": "what follow-up covers", "follow-up-method": "how follow-up is done",
            "follow-up-timing": "when follow-up is done", "reporting": "reporting", "evaluation": "evaluation",
            "interventions": "interventions", "individual-follow-up": "follow-up of individuals", "cooperation": "cooperation",
            "budget": "budget", "financial-assistance": "financial assistance", "minutes": "minutes",
        },
        "content": {
            "cooperation": "cooperation", "organisation": "organisation", "status": "status", "effects": "effects",
            "goal-attainment": "goal attainment", "costs": "costs", "statistics": "statistics", "steering": "steering",
            "other": "other",
        },
        "body-type": {
            "council": "council", "board": "board", "committee": "committee", "presidium": "presidium",
            "auditors": "auditors", "political-steering-group": "political steering group", "steering-group": "steering group",
            "work-group": "work group", "cooperation-group": "cooperation group", "federation": "federation", "other": "other",
        },
        "cadence": {
            "weekly": "weekly", "fortnightly": "fortnightly", "monthly": "monthly", "quarterly": "quarterly",
            "half-yearly": "half-yearly", "yearly": "yearly", "as-needed": "as needed",
        },
        "subject": {
            "effects": "effects", "cost-effectiveness": "cost-effectiveness",
            "participant-experience": "participants' experience", "implementation": "implementation", "process": "process",
        },
        "reached": {"true": "✅ reached", "false": "❌ not reached"},
        "direction": {"increase": "increase", "decrease": "decrease", "maintain": "maintain"},
        "kind": {
            "organisation": "organisation", "audit-report": "audit report", "recommendation": "recommendation",
            "response": "response", "action": "action", "follow-up": "follow-up", "programme": "programme", "goal": "goal",
            "indicator": "indicator", "body": "body", "role": "role", "mandate": "mandate",
            "reporting-requirement": "reporting requirement", "evaluation": "evaluation", "intervention": "intervention",
            "document": "governing document",
        },
    },
}

# Symbols are the same in both languages.
_ICONS = {
    "grade-icon": {"implemented": "🟢", "partly-implemented": "🟡", "not-implemented": "🔴", "not-assessed": "⚪"},
    "severity-icon": {"error": "🔴", "warning": "🟠", "info": "🔵"},
}
for _lang in LANGS:
    WORDS[_lang].update(_ICONS)


def label(lang: str, key: str, n: int | None = None) -> str:
    """The label `key` in `lang`; for a singular/plural pair, the form for `n`. Unknown keys are errors."""
    table = LABELS.get(lang, LABELS["en"])
    try:
        value = table[key]
    except KeyError:
        raise KeyError(f"no label '{key}' for language '{lang}'") from None
    if isinstance(value, tuple):
        return value[0] if n == 1 else value[1]
    return value


def word(lang: str, group: str, value) -> str:
    """The word for an enumerated value; the value itself when there is none (e.g. a newer schema value)."""
    if value is None:
        return ""
    key = str(value).lower() if isinstance(value, bool) else str(value)
    return WORDS.get(lang, WORDS["en"]).get(group, {}).get(key, key)


_CONJUNCTIONS = {"sv": {"and": "och", "or": "eller"}, "en": {"and": "and", "or": "or"}}


def listing(lang: str, items, conjunction: str = "and") -> str:
    """Items as a sentence lists them: 'a, b och c' (sv) or 'a, b and c' (en)."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {_CONJUNCTIONS.get(lang, _CONJUNCTIONS['en'])[conjunction]} {items[-1]}"


MAX_LISTED = 10
"""The most items one message lists; the rest are counted ('and 12 more')."""


def at_most(lang: str, items, limit: int = MAX_LISTED) -> list[str]:
    """The first `limit` items, and one more that counts the rest ('12 more', sv '12 till'), so a list from the
    data cannot make a message grow without bound. Give the result to `listing` or `', '.join`."""
    items = [str(item) for item in items]
    if len(items) <= limit:
        return items
    rest = number(lang, len(items) - limit)
    return [*items[:limit], f"{rest} till" if lang == "sv" else f"{rest} more"]


def number(lang: str, n: int) -> str:
    """A whole number with thousands grouped as the language writes it: 1 048 576 (sv), 1,048,576 (en)."""
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if lang == "sv" else text
