"""auditrack.yaml: found from PATH upwards, every key optional, and any mistake in it is exit 2 with file and line."""

from __future__ import annotations

import pytest

INDICATOR_PATH = "governance/acme/indicators/deltagare.yaml"
INDICATOR = "kind: indicator\nid: deltagare\norganisation: acme\nname: Antal deltagare per insats\n"  # G105, a warning


def check_json(cli, root, *args):
    return cli("check", str(root), "--format", "json", *args)


# --------------------------------------------------------------------------- finding and using the file


def test_config_in_path_is_used(repo, cli):
    repo.write("auditrack.yaml", "as_of: 2021-06-01\n")
    run = check_json(cli, repo.root)
    assert run.json["as_of"] == "2021-06-01"
    assert run.json["files"] == 3  # the configuration is not a data file
    assert run.code == 0


def test_config_is_found_from_path_upwards(repo, cli):
    (repo.root.parent / "auditrack.yaml").write_text("as_of: 2021-06-01\nfail_on: warning\n", encoding="utf-8")
    repo.write(INDICATOR_PATH, INDICATOR)
    run = check_json(cli, repo.root)
    assert run.json["as_of"] == "2021-06-01"
    assert run.codes == ["G105"]
    assert run.code == 1  # fail_on: warning from the configuration


def test_nearest_config_wins(repo, cli):
    (repo.root.parent / "auditrack.yaml").write_text("as_of: 2019-01-01\n", encoding="utf-8")
    repo.write("auditrack.yaml", "as_of: 2021-06-01\n")
    assert check_json(cli, repo.root).json["as_of"] == "2021-06-01"


def test_as_of_option_overrides_config(repo, cli):
    repo.write("auditrack.yaml", "as_of: 2021-06-01\n")
    assert check_json(cli, repo.root, "--as-of", "2022-03-20").json["as_of"] == "2022-03-20"


def test_fail_on_option_overrides_config(repo, cli):
    repo.write("auditrack.yaml", "fail_on: warning\n")
    repo.write(INDICATOR_PATH, INDICATOR)
    assert check_json(cli, repo.root, "--as-of", repo.AS_OF).code == 1
    assert check_json(cli, repo.root, "--as-of", repo.AS_OF, "--fail-on", "error").code == 0


def test_paths_choose_the_data_folders(repo, cli):
    repo.write("auditrack.yaml", "paths:\n  - governance\n")
    run = check_json(cli, repo.root, "--as-of", repo.AS_OF)
    assert run.json["files"] == 2
    assert run.code == 0


@pytest.mark.parametrize("name", ["auditrack.yaml", ".auditrack.yaml", "auditrack.yml"])
def test_the_repository_itself_as_a_data_folder_does_not_check_the_configuration(repo, cli, name):
    repo.write(name, "paths: ['.']\n")
    repo.write("notes/other.yaml", "title: not a data file\n")
    run = check_json(cli, repo.root, "--as-of", repo.AS_OF)
    assert run.json["files"] == 4  # the three data files and notes/other.yaml, which is in a data folder now
    assert [(f["code"], f["file"]) for f in run.json["findings"]] == [("S001", "notes/other.yaml")]


@pytest.mark.parametrize("content", ["", "# every key is optional\n# fail_on: warning\n", "{}\n"])
def test_empty_config_means_defaults(repo, cli, content):
    repo.write("auditrack.yaml", content)
    run = check_json(cli, repo.root, "--as-of", repo.AS_OF)
    assert run.code == 0, run.stderr
    assert run.json["files"] == 3


def test_explicit_config_option(repo, cli, tmp_path):
    elsewhere = tmp_path / "settings" / "strikt.yaml"
    elsewhere.parent.mkdir()
    elsewhere.write_text("fail_on: warning\n", encoding="utf-8")
    repo.write("auditrack.yaml", "fail_on: error\n")
    repo.write(INDICATOR_PATH, INDICATOR)
    assert check_json(cli, repo.root, "--as-of", repo.AS_OF, "--config", str(elsewhere)).code == 1


def test_missing_explicit_config_is_a_usage_error(repo, cli, tmp_path):
    run = check_json(cli, repo.root, "--config", str(tmp_path / "finns-inte.yaml"))
    assert run.code == 2
    assert "finns-inte.yaml" in run.stderr


# --------------------------------------------------------------------------- mistakes in the file: exit 2, file and line


def test_unknown_key_gives_exit_2_with_file_and_line(repo, cli):
    repo.write("auditrack.yaml", "as_of: 2021-06-01\nfail_onn: warning\n")
    run = cli("check", str(repo.root))
    assert run.code == 2
    assert "auditrack.yaml:2:1  C001  " in run.stderr
    assert "did you mean 'fail_on'?" in run.stderr
    assert run.stdout == ""


def test_unknown_key_in_json_mode_still_exit_2_and_nothing_on_stdout(repo, cli):
    repo.write("auditrack.yaml", "fail_onn: warning\n")
    run = check_json(cli, repo.root)
    assert run.code == 2
    assert "auditrack.yaml:1:1  C001  " in run.stderr
    assert run.stdout == ""


def test_unknown_key_in_a_config_found_upwards_names_that_file(repo, cli):
    (repo.root.parent / "auditrack.yaml").write_text("fail_on: error\nselct: [G]\n", encoding="utf-8")
    run = cli("check", str(repo.root))
    assert run.code == 2
    assert "auditrack.yaml:2:1  C001  " in run.stderr
    assert "did you mean 'select'?" in run.stderr


def test_unknown_nested_key(repo, cli):
    repo.write("auditrack.yaml", "horizons:\n  mandate_expiry_dayz: 30\n")
    run = cli("check", str(repo.root))
    assert run.code == 2
    assert "auditrack.yaml:2:3  C001  " in run.stderr
    assert "did you mean 'mandate_expiry_days'?" in run.stderr


@pytest.mark.parametrize(
    ("content", "where", "key_part"),
    [
        ("fail_on: sometimes\n", "1:10", "'sometimes'"),
        ("as_of: 2022-13-01\n", "1:8", "'2022-13-01' is not a valid date"),
        ("horizons:\n  response_days: nittio\n", "2:18", "'nittio'"),
        ("paths: governance\n", "1:8", "list"),
    ],
)
def test_invalid_value_gives_exit_2_with_file_and_line(repo, cli, content, where, key_part):
    repo.write("auditrack.yaml", content)
    run = cli("check", str(repo.root))
    assert run.code == 2
    assert f"auditrack.yaml:{where}  C001  " in run.stderr
    assert key_part in run.stderr


@pytest.mark.parametrize(
    ("content", "where", "code"),
    [
        ("fail_on: warning\nfail_on: error\n", "2:1", "Y002"),
        ("fail_on: [warning\n", "2:1", "Y001"),
        ("- fail_on\n", "1:1", "Y010"),
        ("fail_on: !!python/name:os.system\n", "1:10", "Y003"),
    ],
)
def test_broken_yaml_in_config_gives_exit_2_with_file_and_line(repo, cli, content, where, code):
    repo.write("auditrack.yaml", content)
    run = cli("check", str(repo.root))
    assert run.code == 2
    assert f"auditrack.yaml:{where}  {code}  " in run.stderr
    assert run.stdout == ""


def test_unknown_rule_codes_in_the_configuration_are_errors(tmp_path):
    import subprocess
    import sys

    (tmp_path / "governance").mkdir()
    (tmp_path / "auditrack.yaml").write_text("ignore: [G999]\nseverity:\n  G2O5: error\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "auditrack", "check", str(tmp_path)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines[0] == "auditrack.yaml:1:10  C001  'G999' in ignore matches no rule code"
    assert lines[2] == "auditrack.yaml:3:3  C001  'G2O5' in severity is not a rule code"
    assert lines[3] == "    help: did you mean 'G205'? `auditrack rules` lists every code."


@pytest.mark.parametrize("command", [("check",), ("report", "status"), ("due",), ("export", "plan")])
def test_an_invalid_configuration_is_explained_in_the_language_asked_for(tmp_path, command):
    """A configuration that cannot be read cannot give its own `lang:`; --lang still decides."""
    import subprocess
    import sys

    (tmp_path / "governance").mkdir()
    (tmp_path / "auditrack.yaml").write_text("fail_on: ibland\nignore: [G999]\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "auditrack", *command, str(tmp_path), "--lang", "sv"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "auditrack.yaml:1:10  C001  fältet 'fail_on': 'ibland' är inte ett av de tillåtna värdena: error, warning, "
        "info eller never",
        "    help: Använd ett av de uppräknade värdena, stavat exakt som det står.",
        "auditrack: konfigurationen är ogiltig (slutkod 2)",
    ]
    (tmp_path / "auditrack.yaml").write_text("ignore: [G999]\nseverity:\n  G2O5: error\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "auditrack", *command, str(tmp_path), "--lang", "sv"],
                          capture_output=True, text=True, timeout=60)
    assert done.stderr.splitlines() == [
        "auditrack.yaml:1:10  C001  'G999' i ignore motsvarar ingen regelkod",
        "    help: `auditrack rules` visar alla koder.",
        "auditrack.yaml:3:3  C001  'G2O5' i severity är ingen regelkod",
        "    help: menade du 'G205'? `auditrack rules` visar alla koder.",
        "auditrack: konfigurationen är ogiltig (slutkod 2)",
    ]
