"""YAML syntax errors in plain words (Y001): each test writes the mistake an officer would make, runs the real
`auditrack check --format json`, and pins the message, hint, line and column libyaml's report leads to."""

from __future__ import annotations

import pytest
from conftest import REPORT, REPORT_PATH

GOAL_PATH = "governance/acme/goals/mal.yaml"
GOAL = "kind: goal\nid: mal\norganisation: acme\nname: Mätbara mål\n"
BODY_PATH = "governance/acme/bodies/styrgrupp.yaml"
BODY = "kind: body\nid: styrgrupp\norganisation: acme\nname: Styrgrupp\ntype: steering-group\nstanding: true\n"
SAYS, SAYS_SV = " (the YAML reader says: ", " (YAML-läsaren säger: "


def y001(check, repo, lang: str = "en") -> tuple:
    run = check(repo.root, "--lang", lang)
    assert run.code == 3
    finding = run.only_finding
    assert finding["code"] == "Y001"
    return finding["file"], finding["line"], finding["column"], finding["message"], finding["hint"]


@pytest.mark.parametrize("path, text, line, column, english, swedish", [
    pytest.param(
        GOAL_PATH, GOAL + "text: Åtgärd: ta fram mål\n", 5, 13,
        ("the value of 'text' has a colon in it but is not in quotes, and YAML reads ': ' as the start of a new field",
         'Put the whole value in quotes: text: "Åtgärd: ta fram mål"'),
        ("värdet i 'text' innehåller ett kolon men står inte inom citattecken, och YAML läser ': ' som början på "
         "ett nytt fält",
         'Sätt hela värdet inom citattecken: text: "Åtgärd: ta fram mål"'),
        id="a colon inside an unquoted value"),
    pytest.param(
        REPORT_PATH, REPORT + "  id: rek-2\n    text: Följ upp målen.\n", 14, 3,
        ("this line is inside the list that starts on line 11, but it does not start with '- '"
         f"{SAYS}did not find expected '-' indicator)",
         "Start each item of the list with '- ' in column 3. If the line is not an item of the list, line it up "
         "with the fields it belongs with."),
        ("raden står i listan som börjar på rad 11, men den börjar inte med '- '"
         f"{SAYS_SV}did not find expected '-' indicator)",
         "Börja varje punkt i listan med '- ' i kolumn 3. Om raden inte är en punkt i listan, placera den i samma "
         "kolumn som de fält den hör till."),
        id="a list item missing its dash"),
    pytest.param(
        REPORT_PATH, REPORT.replace("  - id: rek-1\n    text:", "    id: rek-1\n    text:")
        + "  - id: rek-2\n    text: Följ upp målen.\n", 14, 3,
        (f"a list item ('- ') among fields: the list seems to start on line 11 without its '- '{SAYS}did not find "
         "expected key)",
         "Start every item of the list with '- ', the one on line 11 too; or, if this line is a field, remove its "
         "'- '."),
        (f"en punkt i en lista ('- ') bland fält: listan verkar börja på rad 11 utan sitt '- '{SAYS_SV}did not "
         "find expected key)",
         "Börja varje punkt i listan med '- ', även den på rad 11; eller, om raden är ett fält, ta bort dess '- '."),
        id="the first item of a list missing its dash"),
    pytest.param(
        REPORT_PATH, REPORT.replace("title:", " title:"), 4, 7,
        ("'title' is indented further than 'organisation' on line 3, so YAML reads it as part of the value of "
         f"'organisation'{SAYS}mapping values are not allowed in this context)",
         "Start 'title:' in column 1, like 'organisation:' on line 3. If the line continues the text on line 3, "
         "put that text in quotes."),
        ("'title' är indraget längre än 'organisation' på rad 3, så YAML läser det som en del av värdet i "
         f"'organisation'{SAYS_SV}mapping values are not allowed in this context)",
         "Börja 'title:' i kolumn 1, som 'organisation:' på rad 3. Om raden fortsätter texten på rad 3, sätt den "
         "texten inom citattecken."),
        id="a key indented one space too far"),
])
def test_the_common_mistakes_in_both_languages(repo, check, path, text, line, column, english, swedish):
    repo.write(path, text)
    assert y001(check, repo) == (path, line, column, f"YAML syntax error: {english[0]}", english[1])
    assert y001(check, repo, "sv") == (path, line, column, f"syntaxfel i YAML: {swedish[0]}", swedish[1])


@pytest.mark.parametrize("path, text, line, column, message, hint", [
    pytest.param(GOAL_PATH, GOAL + 'text: Mål: "fler i arbete" # enligt KS\n', 5, 10,
                 "the value of 'text' has a colon in it but is not in quotes, and YAML reads ': ' as the start of a "
                 "new field", """Put the whole value in quotes: text: 'Mål: "fler i arbete"'""",
                 id="a colon inside a value with quotes in it"),
    pytest.param(BODY_PATH, BODY + "duties:\n  - Leda arbetet\n  Följa upp målen\n", 9, 3,
                 "this line is in the list that the line above belongs to, but it does not start with "
                 f"'- '{SAYS}could not find expected ':')", "Start each item of the list with '- ' in column 3.",
                 id="a text item missing its dash"),
    pytest.param(REPORT_PATH, REPORT.replace("    text:", "     text:"), 12, 10,
                 "'text' is indented further than 'id' on line 11, so YAML reads it as part of the value of 'id'"
                 f"{SAYS}mapping values are not allowed in this context)",
                 "Start 'text:' in column 5, like 'id:' on line 11. If the line continues the text on line 11, put "
                 "that text in quotes.", id="a field of a list item one space too far"),
    pytest.param(REPORT_PATH, REPORT.replace("    text:", "   text:"), 12, 4,
                 "this line starts in column 4, in line neither with the '- ' of the list on line 11 (column 3) nor "
                 f"with the fields of its items (column 5){SAYS}did not find expected '-' indicator)",
                 "Start the line in column 5 if it belongs to the item above, or in column 3 with '- ' if it is a "
                 "new item.", id="a field of a list item one space too little"),
    pytest.param(GOAL_PATH, GOAL + "source:\n    report: r2022\n  page: 7\n", 7, 3,
                 "this line starts in column 3, in line with none of the fields above it (column 1 or 5)"
                 f"{SAYS}did not find expected key)", "Start the line in the same column as the fields it belongs with.",
                 id="a nested field between two levels"),
    # libyaml notices on the next line; the finding points at the line that lacks the colon.
    pytest.param(GOAL_PATH, GOAL.replace("name: Mätbara mål", "name Mätbara mål"), 4, 1,
                 f"this line has no ':' after a field's name{SAYS}could not find expected ':')",
                 "Write fields as `name: value`, with a colon and a space after the name. If the line continues the "
                 "text above it, indent it further than that field's name, or put the whole text in quotes.",
                 id="a line without its colon"),
    pytest.param(GOAL_PATH, GOAL.replace("kind: goal", "kind goal"), 2, 3,
                 "line 1 has no ':' after a field's name, so YAML reads it together with this line"
                 f"{SAYS}mapping values are not allowed in this context)",
                 "Write line 1 as `name: value`, with a colon and a space after the name, or delete it if it does "
                 "not belong in the file.", id="a line without its colon before a field"),
    pytest.param(GOAL_PATH, GOAL.replace("id: mal", "\tid: mal"), 2, 1,
                 "a tab is used for indentation; YAML allows only spaces",
                 "Replace the tab with spaces (most editors can be set to indent with spaces).", id="tab"),
    pytest.param(GOAL_PATH, GOAL + 'text: "Fler i arbete" enligt KS\n', 5, 23,
                 "the value of 'text' goes on after its closing quote; only the part in quotes can be the value",
                 """Put the whole value in quotes: text: '"Fler i arbete" enligt KS'""", id="text after a quote"),
    pytest.param(GOAL_PATH, GOAL + "duties: - Leda arbetet\n", 5, 9, "a list cannot start on the same line as 'duties:'",
                 "Put each item on a line of its own under 'duties:', indented and starting with '- '. If the value "
                 "is text that starts with '-', put it in quotes.", id="list on the key's line"),
    pytest.param(GOAL_PATH, GOAL.replace("id: mal", "id:mal"), 2, 4,
                 "'id:' has no space after its colon, so YAML reads 'id:mal' as one word, not as a field",
                 "Put a space after the colon: id: mal", id="no space after a colon"),
    pytest.param(REPORT_PATH, REPORT.replace("    text: Bryt", "    section: 3.1\n    text:Bryt"), 13, 10,
                 "'text:' has no space after its colon, so YAML reads 'text:Bryt ned det övergripande målet i mätbara "
                 "mål.' as one word, not as a field",
                 "Put a space after the colon: text: Bryt ned det övergripande målet i mät...",
                 id="no space after a colon in a list item"),
    pytest.param(GOAL_PATH, GOAL + "text: @kommunen\n", 5, 7, "a value cannot start with '@' unless it is in quotes",
                 'Put the whole value in quotes ("...").', id="at sign"),
])
def test_more_mistakes(repo, check, path, text, line, column, message, hint):
    repo.write(path, text)
    assert y001(check, repo) == (path, line, column, f"YAML syntax error: {message}", hint)


def test_what_is_not_recognised_keeps_libyamls_words(repo, check):
    repo.write(GOAL_PATH, GOAL + "source: {report: r2022, page: 7\n")
    assert y001(check, repo)[1:] == (
        6, 1,
        "YAML syntax error: did not find expected ',' or '}' while parsing a flow mapping",
        "Check indentation (spaces, not tabs) and that text containing ': ' or '#' is in quotes.",
    )


def test_every_explanation_has_a_swedish_text(repo, check):
    from test_swedish import english_in

    for text in (GOAL.replace("id: mal", "\tid: mal"), GOAL + 'text: "a" b\n', GOAL + "duties: - a\n",
                 GOAL + "text: @a\n", GOAL.replace("name: Mätbara mål", "name Mätbara mål"),
                 GOAL + "source:\n    report: r2022\n  page: 7\n", GOAL.replace("kind: goal", "kind goal")):
        repo.write(GOAL_PATH, text)
        _, _, _, message, hint = y001(check, repo, "sv")
        assert message.startswith("syntaxfel i YAML: ")
        assert not english_in(message.split(SAYS_SV)[0]) and not english_in(hint), (message, hint)


def test_the_pure_python_parsers_words_are_explained_alike():
    """Without libyaml, PyYAML's own parser reads the files, in other words for the same mistakes."""
    import yaml
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    from auditrack.loader.yaml_words import plain_words

    class PurePython(Reader, Scanner, Parser):
        def __init__(self, text: str) -> None:
            Reader.__init__(self, text)
            Scanner.__init__(self)
            Parser.__init__(self)

    def explained(text: str):
        parser = PurePython(text)
        with pytest.raises(yaml.MarkedYAMLError) as caught:
            while not isinstance(parser.get_event(), yaml.StreamEndEvent):
                pass
        return caught.value, plain_words(caught.value, text)

    exc, plain = explained("kind: response\nactions:\n  id: a1\n  text: a\n  - id: a2\n")
    assert (exc.problem, plain.line, plain.column) == ("expected <block end>, but found '-'", 5, 3)
    assert plain.message == ("YAML syntax error: a list item ('- ') among fields: the list seems to start on line 3 "
                             "without its '- ' (the YAML reader says: expected <block end>, but found '-')")
    exc, plain = explained("kind: response\nactions:\n    id: a1\n    text: a\n  - id: a2\n")
    found = "expected <block end>, but found '<block sequence start>'"
    assert (exc.problem, plain.line, plain.column) == (found, 5, 3)
    assert plain.message == ("YAML syntax error: a list item ('- ') among fields: the list seems to start on line 3 "
                             f"without its '- ' (the YAML reader says: {found})")
    exc, plain = explained(GOAL + "text: Åtgärd: ta fram mål\n")
    assert (exc.problem, plain.line, plain.column) == ("mapping values are not allowed here", 5, 13)
    assert plain.hint == 'Put the whole value in quotes: text: "Åtgärd: ta fram mål"'


@pytest.mark.parametrize("line", [
    pytest.param("   a" + " " * 900_000 + "b: c", id="a long indented line"),
    pytest.param("a" + " " * 900_000 + "b: c: d", id="a long key"),
    pytest.param("purpose: Mål: " + "x" * 900_000, id="a long value"),
])
def test_a_hostile_long_line_is_explained_quickly_and_briefly(repo, check, line):
    """Reading the line again must take linear time, and a message repeats no more of it than a reader needs."""
    import time

    repo.write(GOAL_PATH, GOAL + "text: x\n" + line + "\n")
    started = time.monotonic()
    _, row, _, message, hint = y001(check, repo)
    assert time.monotonic() - started < 10  # a quadratic reading takes hours
    assert row == 6 and len(message) < 300 and len(hint) < 300, (message, hint)
