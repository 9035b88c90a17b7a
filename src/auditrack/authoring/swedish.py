"""Field descriptions in Swedish, by 'Model.field'. A field missing here is described in English (its docstring)
wherever Swedish is asked for: an English description is better than an invented one. The fields an officer
fills in most (responses, actions, positions, follow-ups, audit reports, bodies, roles, and what every record
has) come first."""

from __future__ import annotations

_RECORD = {
    "id": "Ett stabilt id: små bokstäver a–z utan å, ä och ö, siffror, '.', '_' och '-'; unikt inom organisationen.",
    "source": "Varifrån uppgifterna i posten kommer, så att en läsare kan kontrollera dem.",
    "waivers": "Regler som posten undantas från, var och en med skäl, vem som godkänt undantaget och när det upphör.",
    "organisation": "Organisationen som posten hör till: id:t i dess organisationsfil.",
}
_KINDS_WITH_RECORD = (
    "Organisation", "AuditReport", "Recommendation", "Response", "Action", "FollowUp", "Programme", "Goal",
    "GoalFile", "Indicator", "Body", "Role", "Mandate", "ReportingRequirement", "Evaluation", "Intervention",
    "GoverningDocument",
)

DESCRIPTIONS_SV: dict[str, str] = {
    **{f"{model}.{key}": text for model in _KINDS_WITH_RECORD for key, text in _RECORD.items()},
    # Source and Waiver
    "Source.report": "Granskningsrapporten som uppgiften är hämtad ur.",
    "Source.document": "Ett annat källdokument, t.ex. 'KS protokoll 2018-06-26 § 138'.",
    "Source.section": "Avsnitt i källan, t.ex. '3.4.1'. Sätt citattecken om det kan läsas som ett tal.",
    "Source.page": "Sida i källan.",
    "Source.note": "Vad källan säger ordagrant, när det behöver sägas.",
    "Waiver.rule": "Koden för regeln som undantas, t.ex. G205.",
    "Waiver.reason": "Varför regeln inte gäller eller tills vidare godtas.",
    "Waiver.approved_by": "Rollen eller organet som godkände undantaget.",
    "Waiver.expires": "Dagen efter vilken undantaget inte längre gäller.",
    # Organisation
    "Organisation.name": "Det officiella namnet, t.ex. 'Ludvika kommun'.",
    "Organisation.type": "Vilken sorts organisation det är.",
    "Organisation.municipality_code": (
        "SCB:s kod för kommunen (kommunkod, fyra siffror, t.ex. \"2085\" för Ludvika) eller regionen (länskod, två "
        "siffror, t.ex. \"20\" för Region Dalarna), inom citattecken."),
    # Audit reports
    "AuditReport.title": "Rapportens titel, t.ex. 'Granskning av arbetet med självförsörjning'.",
    "AuditReport.audit_firm": "Revisionsbyrån som genomförde granskningen, t.ex. 'KPMG AB'; utelämna om källan inte anger den.",
    "AuditReport.auditors": "Revisionsbyråns revisorer som undertecknade rapporten, med sina titlar.",
    "AuditReport.commissioned_by": "Vem som beställde granskningen, t.ex. 'Ludvika kommuns revisorer'.",
    "AuditReport.date": "Rapportens datum, eller bara månad eller år; utelämna om källan inte anger något.",
    "AuditReport.audit_plan_year": "Året för revisionsplanen som granskningen hör till; utelämna om källan inte anger det.",
    "AuditReport.addressees": "Organen som rekommendationerna riktas till, t.ex. `[kommunstyrelsen]` eller styrelsen och nämnderna.",
    "AuditReport.programme": "Arbetet eller modellen som granskas.",
    "AuditReport.purpose": "Granskningens syfte; utelämna om källan inte anger det.",
    "AuditReport.criteria": "Revisionskriterier, t.ex. 'Kommunallagen (2017:725) 6 kap. 6 §'.",
    "AuditReport.method": "Hur granskningen gjordes.",
    "AuditReport.questions": "Revisionsfrågorna med bedömningar.",
    "AuditReport.overall_verdict": "Rapportens sammanfattande bedömning.",
    "AuditReport.recommendations": "Rekommendationerna, var och en med ett eget id som svar och uppföljningar hänvisar till.",
    "AuditReport.cover_letter": "Revisorernas missiv som skickar rapporten vidare.",
    "AuditReport.response_request": "Begäran om svar, om revisorerna begärde ett.",
    "Recommendation.text": "Rekommendationen ordagrant ur rapporten.",
    "Recommendation.section": "Avsnittet den kommer från, t.ex. '3.4.1'.",
    "Recommendation.addressees": "Organen den riktas till, när de är färre än rapportens; utelämna för alla rapportens mottagare.",
    "RevisionQuestion.text": "Frågan så som rapporten ställer den.",
    "RevisionQuestion.section": "Avsnittet i rapporten som besvarar den, t.ex. '3.2'.",
    "RevisionQuestion.sub_questions": "Delfrågor som rapporten ställer under frågan.",
    "RevisionQuestion.assessment": "Revisorernas bedömning, med deras ord.",
    "RevisionQuestion.verdict": "Den graderade bedömningen, när rapporten ger en; utelämna annars.",
    "Verdict.grade": "'yes', 'partly' eller 'no', när rapporten graderar sitt syfte; utelämna annars.",
    "Verdict.text": "Den sammanfattande bedömningen med rapportens ord.",
    "CoverLetter.date": "Missivets datum; utelämna om källan inte anger det.",
    "CoverLetter.addressed_to": "Organen som missivet skickas till, t.ex. `[kommunstyrelsen, socialnamnden]`.",
    "CoverLetter.for_information": "Organ som får missivet för kännedom, utan att behöva svara.",
    "ResponseRequest.requested_on": "När svaret begärdes (oftast missivets datum); utelämna om källan inte anger det.",
    "ResponseRequest.requested_from": "Organen som ombeds svara; vart och ett svarar för sig (kind: response, decided_by).",
    "ResponseRequest.due": "Dagen då svaret senast ska lämnas; utelämna om ingen anges.",
    # Responses
    "Response.report": "Granskningsrapporten som besvaras.",
    "Response.decided_by": "Organet som antog svaret.",
    "Response.date": "Beslutets datum; utelämna om källan inte anger det.",
    "Response.decision": "Beslutsreferensen, t.ex. 'KS 2022-05-17 § 93'.",
    "Response.memo": "Förvaltningens tjänsteskrivelse (tjänsteutlåtande) som föreslog svaret.",
    "Response.text": "Svarets text eller en sammanfattning av det.",
    "Response.actions": "Åtgärderna som organet åtar sig, var och en med de rekommendationer den besvarar.",
    "Response.positions": "Organets ställningstagande till varje rekommendation som riktas till det; ett motiverat 'disagree' besvarar rekommendationen.",
    "Memo.date": "Tjänsteskrivelsens datum; utelämna om källan inte anger det.",
    "Memo.reference": "Tjänsteskrivelsens diarienummer, t.ex. 'KS 2022/123'.",
    "Position.recommendation": "Id för rekommendationen som ställningstagandet gäller.",
    "Position.stance": "'agree' (instämmer), 'partly' (instämmer delvis) eller 'disagree' (instämmer inte).",
    "Position.reason": "Varför, med svarets ord; krävs för 'partly' och 'disagree' (R110).",
    "Action.recommendations": "Rekommendationerna som åtgärden besvarar.",
    "Action.text": "Vad som ska göras.",
    "Action.owner": "Rollen som ansvarar för åtgärden (en roll, inte en person).",
    "Action.due": "När åtgärden ska vara klar.",
    "Action.status": "'planned', 'in-progress', 'done' eller 'cancelled'; utelämna om källan inte anger det (okänd).",
    "Action.evidence": "Länkar eller hänvisningar som visar att åtgärden är genomförd.",
    "Action.done": "När åtgärden genomfördes.",
    # Follow-ups
    "FollowUp.report": "Granskningsrapporten vars rekommendationer följs upp.",
    "FollowUp.date": "Uppföljningens datum.",
    "FollowUp.assessor": "Vem som gjorde bedömningen, t.ex. 'KPMG AB på uppdrag av revisorerna'.",
    "FollowUp.follow_up_report": "Den senare rapport där uppföljningen redovisas, om någon.",
    "FollowUp.assessments": "Bedömningen av varje uppföljd rekommendation.",
    "Assessment.recommendation": "Id för rekommendationen som bedöms.",
    "Assessment.status": "'implemented' (åtgärdad), 'partly-implemented' (delvis åtgärdad) eller 'not-implemented' (ej åtgärdad).",
    "Assessment.comment": "Bedömarens kommentar.",
    # Bodies and roles
    "Body.name": "Organets namn, t.ex. 'Kommunstyrelsen'.",
    "Body.type": "Vilken sorts organ det är.",
    "Body.programme": "Programmet som organet hör till.",
    "Body.parent": "Organet som detta organ lyder under.",
    "Body.members": "Organets ledamöter eller medlemsfunktioner.",
    "Body.duties": "Organets uppgifter.",
    "Body.meetings": "Hur ofta organet sammanträder.",
    "Body.minutes": "Om organet för protokoll eller minnesanteckningar; utelämna om källan inte anger det.",
    "Body.active_from": "När organet började verka.",
    "Body.active_until": "När organet upphörde.",
    "Body.regulated_by": "Uppdragen eller styrdokumenten som inrättar och reglerar organet.",
    "Body.standing": ("true för organ som finns enligt lag eller kommunens reglementen (fullmäktige, styrelsen, "
                      "revisorerna) och som inget programuppdrag behöver reglera."),
    "Role.name": "Rollens namn, t.ex. 'Socialchef'.",
    "Role.programme": "Programmet som rollen hör till.",
    "Role.responsibilities": "Rollens ansvar.",
    "Role.holders": "Vem som innehar eller har innehaft rollen, och när.",
    "Role.regulated_by": "Uppdragen eller styrdokumenten som definierar rollen.",
    "Role.standing": ("true för roller som finns enligt lag eller ordinarie regler (t.ex. kommundirektören), som "
                      "inget programuppdrag behöver reglera och vars innehavare inte behöver registreras."),
    "Holder.name": "Personens namn; utelämna om källan inte anger det.",
    "Member.function": "Medlemmens funktion, t.ex. 'Förbundschef VBU'.",
    "Member.role": "Rollposten för funktionen, om det finns en.",
    "Member.organisation": "Organisationen som medlemmen företräder, när det inte är organets egen.",
    "Meetings.text": "Hur ofta organet sammanträder, med källans ord.",
}

_SOURCE_SV = "Var uppgiften kommer ifrån, så att en läsare kan kontrollera den."
_NESTED_WITH_SOURCE = ("RevisionQuestion", "CoverLetter", "ResponseRequest", "Event", "Target", "Measurement",
                       "Member", "Minutes", "Holder", "ReportGiven", "ParticipantCount")

_GOAL = {
    "text": "Målet med det styrande dokumentets ord.",
    "direction": "Riktningen som målet anger, t.ex. att försörjningsstödet 'ska minska'.",
    "indicator": "Nyckeltalet som mäter målet.",
    "targets": "Målvärden att nå vid slutet av en period.",
    "follow_ups": "Registrerade uppföljningar av målet: nåddes det?",
    "documented_in": "Måldokumentet, processplanen eller uppdraget där målet fastställs.",
    "sub_goals": "Delmål som bryter ned målet.",
}

GOVERNANCE_SV: dict[str, str] = {
    **{f"{model}.source": _SOURCE_SV for model in _NESTED_WITH_SOURCE},
    **{f"{model}.{key}": text for model in ("Goal", "GoalFile") for key, text in _GOAL.items()},
    "Person.title": "T.ex. 'Certifierad kommunal revisor'.",
    "RevisionQuestion.id": _RECORD["id"],
    "CoverLetter.signed_by": "De namngivna personer som undertecknade missivet, med de titlar källan anger.",
    # Programmes
    "Programme.aka": "Andra namn som arbetet går under.",
    "Programme.started": "När arbetet startade (t.ex. när styrelsen antog modellen); utelämna om källan inte anger det.",
    "Programme.form": "Om arbetet bedrivs som projekt eller som ordinarie verksamhet.",
    "Programme.commissioned_by": "Vem som är uppdragsgivare för arbetet.",
    "Programme.origin": "Var modellen kommer ifrån, t.ex. ett ESF-projekt.",
    "Programme.inspired_by": "Modeller som arbetet har inspirerats av.",
    "Programme.evidence_base": "Den forskning eller evidens som metoderna vilar på; utelämna om ingen anges.",
    "EvidenceBase.research_used": "Om tillgänglig forskning användes när metoderna utformades; utelämna om det är okänt.",
    "EvidenceBase.references": "Forskning, utvärderingar eller vägledningar som metoderna bygger på.",
    "Programme.process_steps": "Stegen i arbetsmodellens process.",
    "Programme.offers": "Exempel på vad deltagare kan erbjudas, när källan inte namnger några insatser som sådana.",
    "Programme.history": "Milstolpar i arbetet, med datum.",
    # Goals
    "Baseline.period": "Perioden då utgångsvärdet mättes.",
    "Target.unit": "T.ex. 'personer', 'procent', 'mnkr'.",
    "Target.period": "Perioden under vilken, eller dagen då, målvärdet ska nås.",
    "Target.text": "Målvärdet med källans ord.",
    "GoalFollowUp.period": "Perioden som följdes upp.",
    # Indicators
    "Indicator.level": "Om statistiken förs för hela verksamheten eller per individ.",
    "Indicator.kolada_id": "Nyckeltalets id i Kolada, t.ex. 'N03920'.",
    "Indicator.data_source": "Var siffrorna kommer ifrån, t.ex. 'Socialstyrelsens statistikdatabas'.",
    "Indicator.goals": "Målen som nyckeltalet följer upp.",
    "Indicator.measurements": "Uppmätta värden, ett per period.",
    "Measurement.value": "Värdet; utelämna om källan säger att siffran förs men inte anger den.",
    "Measurement.breakdown": "Delar av värdet, i samma enhet som värdet, t.ex. {'till studier': 21} av 74 personer.",
    "Indicator.analyses": "Analyser eller bedömningar av mätningarna: vad siffrorna betyder och vad som följer av dem.",
    "Minutes.type": "T.ex. 'protokoll' eller 'minnesanteckningar'.",
    # Mandates
    "Mandate.decision": "Beslutsreferensen, t.ex. 'KS 2018-06-26 § 138'.",
    "Mandate.valid_from": "Om det utelämnas gäller uppdraget från dagen då det antogs.",
    "Mandate.valid_until": "Sista dagen uppdraget gäller; utelämna om det gäller tills vidare.",
    "Mandate.commissioner": "Vem som är uppdragsgivare för arbetet.",
    "Mandate.regulates": "Vad uppdraget reglerar.",
    "Mandate.roles": "Rollerna som uppdraget definierar eller reglerar.",
    "Mandate.bodies": "Organen som uppdraget inrättar eller reglerar.",
    "Mandate.supersedes": "Tidigare uppdrag som detta ersätter.",
    "Mandate.assignments": "Uppdrag i en uppdragsmatris: vad, vem, hur och när.",
    # Reporting
    "ReportingRequirement.reporter": "Vem som ska rapportera.",
    "ReportingRequirement.to": "Organet som det rapporteras till.",
    "ReportingRequirement.decided_in": "Beslutet eller dokumentet som ställer kravet.",
    "ReportingRequirement.times_per_year": "Hur många rapporter per år som krävs.",
    "ReportingRequirement.due_dates": "Fasta datum då en rapport senast ska lämnas, i stället för eller utöver ett antal per år.",
    "ReportingRequirement.required_content": "Vad varje rapport ska omfatta.",
    "ReportingRequirement.reports": "De rapporter som har lämnats.",
    "ReportingRequirement.frequency_text": "Kravet med källans ord.",
    "ReportGiven.date": "När rapporten lämnades (sammanträdet), så exakt som källan anger.",
    "ReportGiven.decision": "Protokollsreferensen, t.ex. 'KS 2020-04-21 § 82'.",
    "ReportGiven.document_date": "Datum för den skriftliga rapporten, när det skiljer sig från sammanträdets.",
    "ReportGiven.covered": "Vad rapporten omfattade.",
    # Evaluations and interventions
    "Evaluation.subject": "Vad utvärderingen avser.",
    "Evaluation.required": "Om en utvärdering krävs (av ett beslut, ett dokument eller en rekommendation från revisionen).",
    "Evaluation.planned": "När den planeras att göras.",
    "Evaluation.done": "När den gjordes; utelämna så länge den inte är gjord.",
    "Intervention.provider": "Vem som utför insatsen, t.ex. 'AME' eller 'Jämtlands gymnasium'.",
    "Intervention.capacity": "Antal platser, när de är begränsade.",
    "Intervention.participants": "Deltagaruppgifter per period; tom när inga uppgifter förs.",
    "ParticipantCount.count": "Antalet, när det är känt; utelämna om källan säger att uppgifter förs men inte hur många.",
    "Intervention.follow_up": "Hur deltagarna följs upp.",
    # Governing documents
    "GoverningDocument.decision": "T.ex. 'KF 2021-12-15 § 116'.",
    "GoverningDocument.review_by": "När dokumentet ska revideras.",
    "GoverningDocument.valid_until": "När det upphör att gälla, om det gör det.",
    "GoverningDocument.parties": "För avtal: parterna.",
    "GoverningDocument.figures": "Siffror som dokumentet fastställer, t.ex. en budget.",
}
DESCRIPTIONS_SV.update(GOVERNANCE_SV)

_RESOLVES = ("Iakttagelserna (id) som posten åtgärdar; den ska passa deras kategori och föremål och vara antagen "
             "eller genomförd efter rapporten.")
FINDINGS_AND_PROGRESS_SV = {
    **{f"{model}.resolves": _RESOLVES for model in (
        "Programme", "GoalFile", "Goal", "Indicator", "Body", "Role", "Mandate", "ReportingRequirement", "Evaluation",
        "GoverningDocument")},
    "GoalFile.adopted": "När målet antogs; utelämna när källan inte anger det.",
    "Goal.adopted": "När målet antogs; utelämna när källan inte anger det.",
    "RevisionQuestion.verdict_text": ("Bedömningen med rapportens egna ord, t.ex. 'i huvudsak' eller 'gul'; utan "
                                      "`verdict:` placerar auditrack.yaml:s `verdict_words:` den på skalan."),
    "Verdict.verdict_text": ("Den sammanfattande bedömningen med rapportens egna ord, t.ex. 'i huvudsak'; utan "
                             "`grade:` placerar auditrack.yaml:s `verdict_words:` den på skalan."),
    "Recommendation.priority": "'high' (hög), 'medium' (medel) eller 'low' (låg) när rapporten anger en prioritet.",
    "Recommendation.repeats": "Id för tidigare rapporters rekommendationer (samma organisation) som denna upprepar.",
    "AuditReport.observations": ("Revisorernas iakttagelser: vad de fann saknas eller brister; var och en är öppen "
                                 "tills den är åtgärdad."),
    "Observation.id": "Ett stabilt id för iakttagelsen, unikt inom organisationen.",
    "Observation.source": "Varifrån uppgifterna i posten kommer, så att en läsare kan kontrollera dem.",
    "Observation.waivers": ("Regler som posten undantas från, var och en med skäl, vem som godkänt undantaget och "
                            "när det upphör."),
    "Observation.about": "Programmet, organet, rollen, processen eller dokumentet som iakttagelsen gäller.",
    "Observation.text": "Iakttagelsen med rapportens ord.",
    "Observation.section": "Avsnittet i rapporten där iakttagelsen görs, t.ex. '3.2.1'.",
    "Observation.recommendations": "Rekommendationerna som tar upp iakttagelsen.",
    "Action.updates": ("Åtgärdens historik, äldst först; `status`, `done` och `due` ovanför är de aktuella "
                       "värdena."),
    "Action.reporting": ("Återrapporteringskravet som åtgärden uppfyller (ett löfte att återrapportera): den första "
                         "rapporten under kravet genomför åtgärden."),
    "Update.date": "När arbetet gjordes eller noterades.",
    "Update.status": "Åtgärdens status från detta datum.",
    "Update.note": "Vad som gjordes eller beslutades, i en mening.",
    "Update.by": "Vem som förde in uppgiften.",
    "Update.due": "Ett nytt datum för när åtgärden ska vara klar; kräver beslutet som flyttade det (`decision`, R111).",
    "Update.moved_from": "Datumet som `due` ersatte (`auditrack progress --due` anger det): det datum som gällde innan.",
    "Update.decision": "Beslutet som flyttade datumet, t.ex. 'KS 2024-02-13 § 22'.",
    "Role.line_post": ("Sant för en tjänst i linjeorganisationen (t.ex. enhetschef), som regleras av reglemente och "
                       "delegationsordning snarare än av ett eget uppdrag."),
    "Role.vacant": "Tjänsten är vakant enligt källan; ta bort uppgiften (och för in innehavaren) när någon utsetts.",
    "Vacancy.since": "Sedan när tjänsten är vakant; utelämna när källan inte anger datum ('sedan länge').",
    "Vacancy.source": "Varifrån uppgiften om vakansen kommer.",
}
DESCRIPTIONS_SV.update(FINDINGS_AND_PROGRESS_SV)
