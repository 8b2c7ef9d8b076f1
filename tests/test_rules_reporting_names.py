"""Names that only reporting shows (``reporting_names``), on small invented articles.

Each positive case is a name with no title, role or organisation word, shown an actor by what
it reports; each negative one a capitalised word in the same place that is no name.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.rules.claims import find_claims
from newsgraph.rules.reporting_names import (
    _STAFF,
    _alone,
    _in_longer_name,
    _lower_too,
    _staffed,
)
from tests.conftest import examples
from tests.rules_helpers import article, extract

SHARES = "Shares in the ferry companies fell sharply on Tuesday morning."
VOTE = "The ferry vote on Tuesday was closer than anyone expected."
BACKED = "Dorota Kwiatkowska has backed the plan to cut fares by a third."


def _actors(*paragraphs: str) -> dict[str, str]:
    return {n: a.kind for n, a in extract(article(*paragraphs)).actors.items()}


@pytest.mark.parametrize(("paragraphs", "name", "kind"), [
    pytest.param([VOTE, BACKED, "The council thanked Kwiatkowska after the vote."],
                 "Dorota Kwiatkowska", "person", id="full-name-then-surname"),
    pytest.param([SHARES, "NOVATEK has warned that its sales will fall again this year."],
                 "NOVATEK", "organization", id="acronym"),
    pytest.param([SHARES, "Brightwave said it would close two plants in the north.",
                  "Later, BrightWave confirmed the plan to its staff in a letter."],
                 "BrightWave", "organization", id="capital-inside"),
    pytest.param([SHARES, "Alder-Ross reported a loss for the year on its ferry routes."],
                 "Alder-Ross", "organization", id="hyphen-between-capitals"),
    pytest.param([VOTE, "Whitfield argued that he had the votes to pass the plan.",
                  "Whitfield insisted the plan was sound and would save money."],
                 "Whitfield", "person", id="surname-that-reports-twice"),
    pytest.param([VOTE, "Pres. Whitfield argued that the fares must fall by a third."],
                 "Whitfield", "person", id="abbreviated-title"),
    pytest.param([SHARES, "A Marlin spokeswoman declined to comment on the ferry timetable.",
                  "Hours later, Marlin said the crossing would close for the winter."],
                 "Marlin", "organization", id="staff-named"),
    pytest.param([SHARES, "Ferry traffic fell by a fifth last year, according to Marinex."],
                 "Marinex", "organization", id="according-to-one-word"),
])
def test_a_name_that_reports_is_an_actor(paragraphs: list[str], name: str, kind: str) -> None:
    assert _actors(*paragraphs).get(name) == kind


@pytest.mark.parametrize("paragraphs", [
    pytest.param(["Polls show the race for the harbour seat is close.",
                  "The polls were taken on Monday among likely voters."], id="common-noun"),
    pytest.param(["Whitfield argued that the plan was sound and would save money."],
                 id="surname-once"),
    pytest.param(["Irish-Americans say the ferry matters to them more than taxes."],
                 id="a-people"),
    pytest.param(["Many voters in N.Y. say the ferry matters more than taxes."],
                 id="state-initials"),
    pytest.param([VOTE, BACKED], id="full-name-once"),
    pytest.param([VOTE, "Allies believe that he has broken his word on the ferry fares.",
                  "Allies fear he should resign before the vote in the spring."],
                 id="group-noun-at-sentence-start"),
])
def test_words_in_subject_position_that_are_no_actor(paragraphs: list[str]) -> None:
    found = _actors(*paragraphs)
    assert not found, found


def test_a_surname_after_according_to_is_no_organisation() -> None:
    found = _actors(VOTE, "The ferry board is chaired by the former pilot Tomasz Whitfield.",
                    "Fares will fall by a third next year, according to Whitfield.")
    assert "Whitfield" not in found, found


def test_a_roman_numeral_is_no_acronym() -> None:
    assert "III" not in _actors(VOTE, "Harry Whitfield III had hoped to reprint the book on "
                                      "ferries.")


def test_the_labels_of_a_transcript_are_speakers() -> None:
    draft = extract(article("What follows is a partial transcript of the radio interview "
                            "that was broadcast on Sunday.",
                            "DANA WHITFIELD: Welcome back to the show, and thank you for "
                            "coming.",
                            "KOWALSKA: Thank you for having me on the show today.",
                            "WHITFIELD: Will the ferry fares fall next year?"))
    assert {n: a.kind for n, a in draft.actors.items()} == {"DANA WHITFIELD": "person",
                                                            "KOWALSKA": "person"}
    find_claims(draft)
    claims = {c.span.text: c.claimant for c in draft.claims if c.reporting == "indirect"}
    assert claims["Will the ferry fares fall next year"] == "DANA WHITFIELD"


def test_one_label_is_no_transcript() -> None:
    assert _actors("UPDATED: The ferry will run on Sundays from the first of May.",
                   "CORRECTION: The vote on the ferry fares was held on Monday.",
                   "WHITFIELD: The fares will fall by a third from the first of May.") == {}


# The word tests without a regex of each word: equal to the expressions they replace.
_PIECES = ["Acme", "acme", "Acme's", "Acme’s", "-", "Acme-led", "the", " ", "  ", "\n", ",",
           "spokesman", "chief executive", "founder", "of", "at", "for", "board", "x", "'", "é"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@settings(max_examples=examples(1500), deadline=None)
@given(text=_TEXT, word=st.sampled_from(["Acme", "O'Neil", "Acme-Dyn"]))
@example(text="the founder of Acme", word="Acme")
@example(text="Acme's board", word="Acme")
@example(text="an acme-led push", word="Acme")
def test_word_tests_equal_their_regular_expressions(text: str, word: str) -> None:
    w = re.escape(word)
    staffed = re.search(rf"(?<![\w-]){w}(?:['’]s)?\s+(?:{_STAFF})\b|\b(?:{_STAFF})\s+"
                        rf"(?:of|at|for)\s+{w}(?![\w’'])", text) is not None
    lower = re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w])", text) is not None
    assert _staffed(text, word) == staffed
    assert _lower_too(text, word) == lower


def test_a_surname_that_reports_on_its_own_stays_the_full_names() -> None:
    actors = _actors(VOTE, BACKED, "Kwiatkowska rejected the harbour plan, and he said so twice.",
                     "Kwiatkowska opposed the levy, as he has for years.")
    assert "Kwiatkowska" not in actors and actors.get("Dorota Kwiatkowska") == "person", actors


_NAMED = st.lists(st.sampled_from(["Acme", "Nina", "Nina Acme", "Acme Group", "acme", " ", "  ",
                                   "\u00a0", "\t", "-", "x", "O'Neil", "NINA", ".", "é"]),
                  max_size=10).map("".join)


@settings(max_examples=examples(1500), deadline=None)
@given(text=_NAMED, word=st.sampled_from(["Acme", "O'Neil"]))
@example(text="Nina Acme", word="Acme")
@example(text="Acme Group", word="Acme")
@example(text="Nina \tAcme and Acme", word="Acme")
def test_name_tests_equal_their_regular_expressions(text: str, word: str) -> None:
    w = re.escape(word)
    longer = re.search(rf"[A-Z][\w’'.-]*[ \u00a0]+{w}(?![\w])|(?<![\w-]){w}[ \u00a0]+[A-Z]",
                       text) is not None
    alone = any(not text[:m.start()].rstrip().endswith("Nina")
                for m in re.finditer(rf"(?<![\w-]){w}(?![\w])", text))
    assert _in_longer_name(text, word) == longer
    assert _alone(text, word, f"Nina {word}") == alone
