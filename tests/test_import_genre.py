"""`auditrack import report` on three invented reports (tests/importing/) laid out as three other firms lay theirs
out, none of them a seed: EY's summary first with a table of the revision questions and a list of recommendations
per body, Deloitte's 'Revisionell bedömning' chapter with 'Uppfylld'/'Delvis uppfylld'/'Ej uppfylld' and numbered
lists after 'Vi rekommenderar att regionstyrelsen:', Grant Thornton's 'Rekommendation' under each section with
'Vi rekommenderar att nämnden:' and lettered items, a table of 'Revisionsfråga | Svar' and a verdict that is on
no scale ('Kan inte bedömas'). Each has a cover letter asking several bodies to answer by a date, page headers and
footers on every page, and words hyphenated across lines. Each draft is compared in full: every value, and exactly
what it lists as not found."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import run_cli

REPORTS = Path(__file__).parent / "importing"


def draft_of(name: str, cwd: Path, *args: str) -> tuple[dict, str, tuple[int, str]]:
    """The draft (every scalar as the text YAML holds, so a date stays '2024-05-14' and 'yes' stays 'yes'), its
    text, and the run's exit code and standard error."""
    out = cwd / "draft.yaml"
    run = run_cli("import", "report", str(REPORTS / name), "--output", str(out), *args, cwd=cwd)
    written = out.read_text(encoding="utf-8") if out.exists() else ""
    return yaml.load(written, Loader=yaml.BaseLoader), written, (run.code, run.stderr)


def test_an_ey_report_summary_first_in_a_repository_made_by_init(tmp_path):
    init = run_cli("init", "--org", "norrby", "--name", "Norrby kommun", cwd=tmp_path)
    assert init.code == 0, init.stderr
    draft, written, run = draft_of("ey-norrby-hemtjanst.txt", tmp_path, "--org", "norrby", "--lang", "sv")
    out = tmp_path / "draft.yaml"
    # init's repository has the municipal board but no social services committee: the names that match no body
    # are listed, once for each field they stand in
    assert run == (0, f"auditrack: skrev utkastet {out}; hittades inte, att fylla i: 4\n"
                      "  hittades inte: addressees: texten nämner 'socialnämnden', som inte är något organ i norrby: "
                      "skriv organets id\n"
                      "  hittades inte: addressed_to: texten nämner 'socialnämnden', som inte är något organ i "
                      "norrby: skriv organets id\n"
                      "  hittades inte: for_information: texten nämner 'kommunfullmäktige', som inte är något organ "
                      "i norrby: skriv organets id\n"
                      "  hittades inte: requested_from: texten nämner 'socialnämnden', som inte är något organ i "
                      "norrby: skriv organets id\n")
    assert draft ==     {'kind': 'audit-report',
     'id': 'ey-2024-bemanningsplaneringen',
     'organisation': 'norrby',
     'title': 'Granskning av bemanningsplaneringen inom hemtjänsten',
     'audit_firm': 'EY',
     'auditors': [{'name': 'Lena Holm', 'title': 'Certifierad kommunal revisor'},
                  {'name': 'Per Strand', 'title': 'Verksamhetsrevisor'}],
     'date': '2024-05-14',
     'audit_plan_year': '2024',
     'addressees': ['kommunstyrelsen'],
     'purpose': 'Syftet med granskningen är att bedöma om socialnämnden bedriver en ändamålsenlig '
                'bemanningsplanering inom hemtjänsten.',
     'criteria': ['Kommunallagen (2017:725) 6 kap. 6 §', 'Socialnämndens reglemente'],
     'method': ['Granskningen har genomförts genom dokumentstudier och intervjuer med enhetschefer, '
                'bemanningssamordnare och förvaltningens controller.'],
     'questions': [{'id': 'q1',
                    'text': 'Finns det en beslutad modell för bemanningsplanering?',
                    'section': '2.1',
                    'assessment': 'Vi bedömer att det finns en beslutad modell för bemanningsplanering som tillämpas '
                                  'i hela hemtjänsten.',
                    'verdict': 'yes'},
                   {'id': 'q2',
                    'text': 'Följer nämnden upp bemanningens kostnader?',
                    'section': '2.2',
                    'assessment': 'Vi bedömer att nämnden delvis följer upp bemanningens kostnader. Uppföljningen '
                                  'saknar analys av orsakerna till avvikelserna.',
                    'verdict': 'partly'},
                   {'id': 'q3',
                    'text': 'Har kommunstyrelsen säkerställt rekryteringsstödet?',
                    'section': '2.3',
                    'assessment': 'Vi bedömer att kommunstyrelsen inte har säkerställt rekryteringsstödet till '
                                  'hemtjänsten.',
                    'verdict': 'no'}],
     'overall_verdict': {'grade': 'partly',
                         'text': 'Vår sammanfattande bedömning är att socialnämnden delvis bedriver en ändamålsenlig '
                                 'bemanningsplanering inom hemtjänsten.'},
     'recommendations': [{'id': 'ey-2024-bemanningsplaneringen-r1',
                          'text': 'analysera avvikelserna mellan planerad och utförd tid i den månatliga '
                                  'uppföljningen',
                          'section': '2.2'},
                         {'id': 'ey-2024-bemanningsplaneringen-r2',
                          'text': 'dokumentera vilka åtgärder som vidtas när kostnaderna överstiger budget',
                          'section': '2.2'},
                         {'id': 'ey-2024-bemanningsplaneringen-r3',
                          'text': 'att säkerställa att rekryteringsstödet till hemtjänsten dokumenteras och följs upp',
                          'section': '2.3'}],
     'cover_letter': {'date': '2024-05-20',
                      'signed_by': [{'name': 'Gunilla Ek', 'title': 'Ordförande'}],
                      'addressed_to': ['kommunstyrelsen'],
                      'text': 'Granskning av bemanningsplaneringen inom hemtjänsten. På uppdrag av de '
                              'förtroendevalda revisorerna i Norrby kommun har EY granskat hur kommunstyrelsen och '
                              'socialnämnden planerar bemanningen inom hemtjänsten. Revisorerna har tagit del av '
                              'rapporten och delar dess bedömningar. Revisorerna önskar svar från kommunstyrelsen '
                              'och socialnämnden på vilka åtgärder som vidtas med anledning av rekommendationerna '
                              'senast den 30 september 2024.'},
     'response_request': {'requested_on': '2024-05-20',
                          'requested_from': ['kommunstyrelsen'],
                          'due': '2024-09-30',
                          'text': 'Revisorerna önskar svar från kommunstyrelsen och socialnämnden på vilka åtgärder '
                                  'som vidtas med anledning av rekommendationerna senast den 30 september 2024.'}}
    assert written.endswith("# Hittades inte i källan; fyll i dessa:\n"
                            "#   - addressees: texten nämner 'socialnämnden', som inte är något organ i norrby: skriv "
                            "organets id\n"
                            "#   - addressed_to: texten nämner 'socialnämnden', som inte är något organ i norrby: skriv "
                            "organets id\n"
                            "#   - for_information: texten nämner 'kommunfullmäktige', som inte är något organ i "
                            "norrby: skriv organets id\n"
                            "#   - requested_from: texten nämner 'socialnämnden', som inte är något organ i norrby: "
                            "skriv organets id\n")
    # the report's date, not the letter's
    assert "date: 2024-05-14  # rad 28\n" in written
    assert "  - id: q2  # rad 74\n" in written
    # the assessment a page breaks in the middle of a word goes on after the next page's header
    assert "    assessment: >-  # rader 109–110, 115\n" in written


def test_a_deloitte_report_with_a_revisionell_bedomning_chapter_and_fulfilment_verdicts(tmp_path):
    draft, written, run = draft_of("deloitte-vasterland-informationssakerhet.txt", tmp_path, "--org", "x")
    out = tmp_path / "draft.yaml"
    assert run == (0, f"auditrack: drafted {out}; not found, to complete: 1\n  not found: the audit plan's year\n")
    assert draft ==     {'kind': 'audit-report',
     'id': 'deloitte-2024-regionens',
     'organisation': 'x',
     'title': 'Granskning av regionens informationssäkerhetsarbete',
     'audit_firm': 'Deloitte AB',
     'auditors': [{'name': 'Jonas Berglund', 'title': 'Certifierad kommunal revisor'},
                  {'name': 'Sara Nyström', 'title': 'Uppdragsledare'}],
     'date': '2024-05-28',
     'addressees': ['regionstyrelsen', 'servicenamnden'],
     'purpose': 'Syftet med granskningen är att bedöma om regionstyrelsen och servicenämnden har säkerställt ett '
                'ändamålsenligt informationssäkerhetsarbete.',
     'criteria': ['Kommunallagen (2017:725)', 'Regionens informationssäkerhetspolicy'],
     'method': ['Granskningen har genomförts genom intervjuer och granskning av styrande dokument.'],
     'questions': [{'id': 'q1',
                    'text': 'Finns styrande dokument för informationssäkerhet?',
                    'section': '3.1',
                    'assessment': 'Vi bedömer att det finns ändamålsenliga styrande dokument.',
                    'verdict': 'yes',
                    'verdict_text': 'Uppfylld'},
                   {'id': 'q2',
                    'text': 'Genomförs riskanalyser av verksamhetens informationstillgångar?',
                    'section': '3.2',
                    'assessment': 'Vi bedömer att riskanalyser genomförs, men inte i alla verksamheter.',
                    'verdict': 'partly',
                    'verdict_text': 'Delvis uppfylld'},
                   {'id': 'q3',
                    'text': 'Får medarbetarna utbildning i informationssäkerhet?',
                    'section': '3.3',
                    'assessment': 'Vi bedömer att medarbetarna inte får tillräcklig utbildning i '
                                  'informationssäkerhet.',
                    'verdict': 'no',
                    'verdict_text': 'Ej uppfylld'}],
     'overall_verdict': {'grade': 'partly',
                         'text': 'Vår samlade bedömning är att regionstyrelsen och servicenämnden inte helt har '
                                 'säkerställt ett ändamålsenligt informationssäkerhetsarbete.'},
     'recommendations': [{'id': 'deloitte-2024-regionens-r1',
                          'text': 'fastställer en plan för när verksamheternas riskanalyser ska genomföras',
                          'section': '1.1',
                          'addressees': ['regionstyrelsen']},
                         {'id': 'deloitte-2024-regionens-r2',
                          'text': 'följer upp att riskanalyserna dokumenteras enligt regionens metod.',
                          'section': '1.1',
                          'addressees': ['regionstyrelsen']},
                         {'id': 'deloitte-2024-regionens-r3',
                          'text': 'inför en obligatorisk grundutbildning i informationssäkerhet för alla '
                                  'medarbetare.',
                          'section': '1.1',
                          'addressees': ['servicenamnden']}],
     'cover_letter': {'date': '2024-06-03',
                      'signed_by': [{'name': 'Olof Sandberg', 'title': 'Ordförande'},
                                    {'name': 'Maria Lund', 'title': 'Vice ordförande'}],
                      'addressed_to': ['regionstyrelsen', 'servicenamnden'],
                      'text': 'Granskning av regionens informationssäkerhetsarbete. Revisorerna har granskat '
                              'regionens arbete med informationssäkerhet. Granskningen har genomförts av Deloitte '
                              'AB. Revisorerna begär yttrande från regionstyrelsen och servicenämnden över '
                              'rapportens rekommendationer senast 2024-09-30.'},
     'response_request': {'requested_on': '2024-06-03',
                          'requested_from': ['regionstyrelsen', 'servicenamnden'],
                          'due': '2024-09-30',
                          'text': 'Revisorerna begär yttrande från regionstyrelsen och servicenämnden över '
                                  'rapportens rekommendationer senast 2024-09-30.'}}
    assert written.endswith("# Not found in the source; complete these:\n#   - the audit plan's year\n")
    # the verdict in the auditors' words is cited at the table's row; the overall verdict under the chapter that
    # follows the contents at once
    assert "    verdict_text: Delvis uppfylld  # line 51\n" in written
    assert "overall_verdict:  # lines 46–47\n" in written


def test_a_grant_thornton_report_with_a_recommendation_under_each_section(tmp_path):
    draft, written, run = draft_of("grant-thornton-soderas-placeringar.txt", tmp_path, "--org", "x")
    out = tmp_path / "draft.yaml"
    assert run == (0, f"auditrack: drafted {out}; not found, to complete: 1\n  not found: the audit plan's year\n")
    assert draft ==     {'kind': 'audit-report',
     'id': 'grant-2024-socialnamndens',
     'organisation': 'x',
     'title': 'Granskning av socialnämndens styrning av externa placeringar',
     'audit_firm': 'Grant Thornton Sweden AB',
     'auditors': [{'name': 'Karin Åberg', 'title': 'Certifierad kommunal revisor'},
                  {'name': 'Erik Sjöberg', 'title': 'Revisor'}],
     'date': '2024-06-12',
     'addressees': ['socialnamnden'],
     'purpose': 'Syftet med granskningen är att bedöma om socialnämnden har en ändamålsenlig styrning och '
                'uppföljning av externa placeringar av barn och unga.',
     'criteria': ['Granskningen utgår från socialtjänstlagen (2001:453), nämndens reglemente och nämndens riktlinjer '
                  'för placeringar'],
     'method': ['Granskningen har genomförts genom intervjuer med förvaltningens ledning och handläggare samt genom '
                'en genomgång av tio placeringsärenden.'],
     'questions': [{'id': 'q1',
                    'text': 'Har nämnden ändamålsenliga riktlinjer för placeringar?',
                    'section': '2.1',
                    'assessment': 'Riktlinjerna är tydliga, men de omfattar inte placeringar i kommunens egna '
                                  'familjehem.',
                    'verdict': 'yes',
                    'verdict_text': 'Ja, i huvudsak'},
                   {'id': 'q2',
                    'text': 'Följer nämnden upp placeringarnas kostnader?',
                    'section': '2.2',
                    'assessment': 'Nämnden följer inte upp placeringarnas kostnader på ett sätt som ger underlag för '
                                  'styrning.',
                    'verdict': 'no'},
                   {'id': 'q3',
                    'text': 'Säkerställer nämnden att placerade barn får sin hälsa bedömd?',
                    'section': '2.3',
                    'assessment': 'Underlaget räcker inte för att bedöma om placerade barn får sin hälsa bedömd.',
                    'verdict_text': 'Kan inte bedömas'}],
     'overall_verdict': {'grade': 'yes',
                         'text': 'Vår sammanfattande bedömning är att socialnämnden i huvudsak har en ändamålsenlig '
                                 'styrning av externa placeringar, men att uppföljningen av kostnaderna behöver '
                                 'utvecklas.'},
     'recommendations': [{'id': 'grant-2024-socialnamndens-r1',
                          'text': 'att nämnden kompletterar riktlinjerna så att de även omfattar placeringar i '
                                  'kommunens egna familjehem.',
                          'section': '2.1'},
                         {'id': 'grant-2024-socialnamndens-r2',
                          'text': 'begär en kvartalsvis redovisning av kostnaderna för externa placeringar',
                          'section': '2.2'},
                         {'id': 'grant-2024-socialnamndens-r3',
                          'text': 'analyserar orsakerna till kostnadsökningen och redovisar en åtgärdsplan.',
                          'section': '2.2'}],
     'cover_letter': {'date': '2024-06-20',
                      'signed_by': [{'name': 'Ingrid Falk', 'title': 'Ordförande'}],
                      'addressed_to': ['socialnamnden'],
                      'for_information': ['kommunstyrelsen'],
                      'text': 'Granskning av socialnämndens styrning av externa placeringar. Revisorerna har låtit '
                              'Grant Thornton granska socialnämndens styrning och uppföljning av externa placeringar '
                              'av barn och unga. Revisorerna vill särskilt fästa socialnämndens uppmärksamhet på '
                              'rapportens bedömning av uppföljningen av placeringarnas kostnader. Revisorerna önskar '
                              'ett skriftligt svar från socialnämnden och kommunstyrelsen senast den 15 oktober '
                              '2024.'},
     'response_request': {'requested_on': '2024-06-20',
                          'requested_from': ['socialnamnden', 'kommunstyrelsen'],
                          'due': '2024-10-15',
                          'text': 'Revisorerna önskar ett skriftligt svar från socialnämnden och kommunstyrelsen '
                                  'senast den 15 oktober 2024.'}}
    # the letter dated above its signature, after its text: the report's date is the title page's
    assert "  date: 2024-06-20  # line 17\n" in written
    assert "date: 2024-06-12  # line 28\n" in written
