"""SCB's list of municipalities and regions (package data), the organisation a name means, and the check of an
organisation's `municipality_code`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from auditrack.municipalities import candidates, match, name_conflict, places

DATA = Path(__file__).resolve().parents[1] / "src" / "auditrack" / "data" / "municipalities.csv"

# SCB's county codes (länskoder): 02, 11, 15 and 16 went with the mergers into Skåne and Västra Götaland.
COUNTIES = ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21",
            "22", "23", "24", "25"]


def test_the_list_has_290_municipalities_and_21_regions():
    municipalities = [p for p in places().values() if not p.is_region]
    regions = [p for p in places().values() if p.is_region]
    assert (len(municipalities), len(regions)) == (290, 21)
    assert [p.code for p in regions] == COUNTIES
    assert len({p.name for p in places().values()}) == 311
    # Every municipality lies in a county of the list: its code starts with the county's code.
    assert {p.code[:2] for p in municipalities} == set(COUNTIES)


@pytest.mark.parametrize(("code", "name"), [
    ("0114", "Upplands Väsby"), ("0180", "Stockholm"), ("0330", "Knivsta"), ("0980", "Gotland"),
    ("1280", "Malmö"), ("1480", "Göteborg"), ("1880", "Örebro"), ("2023", "Malung-Sälen"), ("2061", "Smedjebacken"),
    ("2085", "Ludvika"), ("2305", "Bräcke"), ("2580", "Luleå"), ("2584", "Kiruna"),
    ("01", "Region Stockholm"), ("04", "Region Sörmland"), ("09", "Region Gotland"),
    ("14", "Västra Götalandsregionen"), ("20", "Region Dalarna"), ("23", "Region Jämtland Härjedalen"),
])
def test_known_codes(code, name):
    assert places()[code].name == name


def test_the_data_file_cites_its_source():
    header = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    text = "\n".join(header)
    assert "SCB (Statistiska centralbyrån)" in text
    assert "https://www.scb.se/hitta-statistik/regional-statistik-och-kartor/regionala-indelningar/lan-och-kommuner/" in text
    assert "https://github.com/sjbrg/swedish-geodata" in text
    assert "read\n#   2026-11-30" in text


@pytest.mark.parametrize(("name", "code", "id_"), [
    ("Smedjebackens kommun", "2061", "smedjebacken"),
    ("Göteborgs Stad", "1480", "goteborg"),
    ("Göteborgs stad", "1480", "goteborg"),
    ("Stockholms stad", "0180", "stockholm"),
    ("Ludvika kommun", "2085", "ludvika"),
    ("Kommunen Ludvika", "2085", "ludvika"),
    ("ludvika", "2085", "ludvika"),
    ("Borås Stad", "1490", "boras"),  # ends in s, and is not a genitive
    ("Bergs kommun", "2326", "berg"),
    ("Falu kommun", "2080", "falun"),  # an irregular genitive: was not matched
    ("Falun", "2080", "falun"),
    ("Dals-Eds kommun", "1438", "dals-ed"),
    ("Upplands  Väsby   kommun", "0114", "upplands-vasby"),
    ("Region Dalarna", "20", "region-dalarna"),
    ("Dalarnas län", "20", "region-dalarna"),
    ("Region Jönköping", "06", "region-jonkopings-lan"),
    ("Region Jönköpings län", "06", "region-jonkopings-lan"),
    ("Västra Götalandsregionen", "14", "vastra-gotalandsregionen"),
    ("Region Västra Götaland", "14", "vastra-gotalandsregionen"),
    ("Region Gotland", "09", "region-gotland"),
    ("Gotland", "0980", "gotland"),
])
def test_a_name_means_a_place(name, code, id_):
    place = match(name)
    assert (place.code, place.id) == (code, id_)


@pytest.mark.parametrize("name", ["Exempel kommun", "Exempels kommun", "Region Ängsö", "Kommun", "", "s"])
def test_a_name_that_means_no_place(name):
    assert (match(name), candidates(name)) == (None, [])


@pytest.mark.parametrize(("name", "code", "meant"), [
    ("Ludvika kommun", "2085", None),
    ("Ludvika kommun", "2061", "2085"),
    ("Stockholms stad", "01", "0180"),  # a municipality's name, a region's code
    ("Region Gotland", "09", None),
    ("Region Gotland", "0980", None),  # Region Gotland is also the municipality Gotland
    ("Region Dalarna", "2085", "20"),
    ("Samordningsförbundet Södra Dalarna", "2085", None),  # a name not in the list is not compared
])
def test_a_code_that_does_not_fit_the_name(name, code, meant):
    conflict = name_conflict(name, code)
    assert (conflict.code if conflict else None) == meant


def test_a_wheel_carries_the_list(wheel, tmp_path):
    assert "auditrack/data/municipalities.csv" in wheel.names
    probe = wheel.python("import auditrack.municipalities as m; print(m.__file__, len(m.places()))", tmp_path)
    assert probe.returncode == 0, probe.stderr
    module, count = probe.stdout.split()
    assert (Path(module).parent, count) == ((wheel.site / "auditrack").resolve(), "311")


# --------------------------------------------------------------------------- the organisation's municipality_code


def organisation(repo, code_line: str, name: str = "Ludvika kommun") -> None:
    repo.write(repo.ORG_PATH, f"kind: organisation\nid: acme\nname: {name}\n{code_line}")


@pytest.mark.parametrize(("code_line", "name"), [
    ('municipality_code: "2085"\n', "Ludvika kommun"),
    ("municipality_code: 2085\n", "Ludvika kommun"),  # the loader keeps a plain value as text
    ('municipality_code: "0180"\n', "Stockholms stad"),
    ('municipality_code: "20"\n', "Region Dalarna"),
    ('municipality_code: "2061"\n', "Acme kommun"),  # a name not in the list is not compared
    ("", "Ludvika kommun"),
])
def test_a_valid_code_or_none(repo, check, code_line, name):
    organisation(repo, code_line, name)
    assert check(repo.root).findings == []


@pytest.mark.parametrize(("code_line", "column", "message", "message_sv"), [
    ('municipality_code: "9999"\n', 20,
     "'9999' is not in SCB's list of Sweden's municipalities and regions",
     "'9999' finns inte i SCB:s lista över Sveriges kommuner och regioner"),
    ('municipality_code: "208"\n', 20,
     "'208' is not a code: SCB's codes have four digits for a municipality (\"2085\" Ludvika) and two for a region "
     "(\"20\" Region Dalarna)",
     "'208' är ingen kod: SCB:s koder har fyra siffror för en kommun (\"2085\" Ludvika) och två för en region "
     "(\"20\" Region Dalarna)"),
    ("municipality_code: [2085]\n", 20, 'write the code as text, e.g. "2061"',
     'skriv koden som text, till exempel "2061"'),
    ('municipality_code: "2061"\n', 20,
     "'2061' is Smedjebacken (municipality 2061), but the name 'Ludvika kommun' is Ludvika (municipality 2085)",
     "'2061' är Smedjebacken (kommun 2061), men namnet 'Ludvika kommun' är Ludvika (kommun 2085)"),
])
def test_a_bad_code_is_a_located_finding_in_english_and_swedish(repo, check, code_line, column, message, message_sv):
    organisation(repo, code_line)
    run = check(repo.root)
    assert run.code == 3  # a data error, as every schema finding is
    finding = run.only_finding
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == ("S004", repo.ORG_PATH, 4, column)
    assert finding["message"] == f"field 'municipality_code': {message}"
    assert finding["hint"] == ('Use the code of the organisation in SCB\'s list, in quotes: "2085" for Ludvika kommun, '
                               '"20" for Region Dalarna.')
    swedish = check(repo.root, "--lang", "sv").only_finding
    assert swedish["message"] == f"fältet 'municipality_code': {message_sv}"
    assert swedish["hint"] == ('Ange organisationens kod i SCB:s lista, inom citattecken: "2085" för Ludvika kommun, '
                               '"20" för Region Dalarna.')


PROBE = """
import sys
from auditrack.cli import main
sys.argv = ["auditrack", "check", sys.argv[1], "--format", "json"]
try:
    main()
except SystemExit:
    pass
print("auditrack.municipalities" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize(("code_line", "loaded"), [("", "False"), ('municipality_code: "2085"\n', "True")])
def test_the_list_is_read_only_when_an_organisation_gives_a_code(repo, code_line, loaded):
    organisation(repo, code_line)
    done = subprocess.run([sys.executable, "-c", PROBE, str(repo.root)], capture_output=True, text=True, timeout=60)
    assert done.stderr.strip().splitlines()[-1] == loaded, done.stderr
