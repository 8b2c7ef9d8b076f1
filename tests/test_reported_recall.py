"""Reported claims in the shapes the verb sieves first missed: sentences full of names, a
source after a partly quoted content, a source with a long tail after it, and a source inside
its content. Every sentence is made up."""

from __future__ import annotations

import pytest

from newsgraph.rules.attribution import Resolver
from newsgraph.rules.claim_subjects import sentence_subject
from newsgraph.rules.claims import find_claims
from tests.rules_helpers import article, extract

OKAFOR = "Adaeze Okafor, the candidate for governor, spoke to supporters in Elmhurst on Monday."


def _claims(*paragraphs: str) -> dict[str, str | None]:
    draft = extract(article(OKAFOR, *paragraphs))
    find_claims(draft)
    return {c.span.text: c.claimant for c in draft.claims if c.reporting == "indirect"}


@pytest.mark.parametrize(("paragraph", "content"), [
    # capitals of names, not of a headline: read as a sentence
    ('Adaeze Okafor said Tomas Reyes "caused the delays" at Harbour Point.',
     'Tomas Reyes "caused the delays" at Harbour Point'),
    # the cue of a partial quote is the cue of a claim too
    ('The ferry debt is a "burden" on every family, Okafor said.',
     'The ferry debt is a "burden" on every family'),
    # a long adverbial tail after the source
    ("The ferry will run all winter, Okafor said on Tuesday at a rally in the harbour town.",
     "The ferry will run all winter"),
    # the source inside its content
    ("The ferry to the island, Okafor said, will run all winter.",
     "The ferry to the island, Okafor said, will run all winter"),
])
def test_claims_of_okafor(paragraph: str, content: str) -> None:
    claims = _claims(paragraph)
    assert claims.get(content) == "Adaeze Okafor", claims


def test_a_participle_after_an_inverted_source_is_a_claim_of_the_same_source() -> None:
    claims = _claims("The fares will fall, Okafor said, adding that the crews would be paid.")
    assert claims == {"The fares will fall": "Adaeze Okafor",
                      "the crews would be paid": "Adaeze Okafor"}


def test_a_second_clause_is_not_a_source_after_its_content() -> None:
    claims = _claims("The crews met at noon in the harbour, and Okafor vowed to keep the ferry "
                     "public.")
    assert "The crews met at noon in the harbour" not in claims
    assert claims.get("to keep the ferry public") == "Adaeze Okafor"


def test_a_quote_after_a_parenthetical_source_is_not_the_claims() -> None:
    claims = _claims('Asked about the fares, Okafor said, "We will cut them by a third."')
    assert not any("cut them" in c for c in claims)


def test_a_cue_without_a_subject_takes_the_name_that_opens_the_sentence() -> None:
    claims = _claims("Okafor ran on the ferry budget last year and accused the council of "
                     "wasting the harbour fund.")
    assert claims.get("the council of wasting the harbour fund") == "Adaeze Okafor", claims


def test_a_cue_in_an_opening_participle_clause_takes_the_name_after_it() -> None:
    claims = _claims("Rattling off promises to cut the fares, Okafor cast her rival as a friend "
                     "of the ferry owners.")
    assert claims.get("to cut the fares") == "Adaeze Okafor", claims


def test_a_cue_without_any_subject_makes_no_claim() -> None:
    claims = _claims("The harbour report came out on Monday and surprised the crews by "
                     "recommending that the ferry be sold.")
    assert "that the ferry be sold" not in claims and "the ferry be sold" not in claims


@pytest.mark.parametrize(("paragraph", "content"), [
    ("Okafor spoke about the ferry strike at the harbour.", "the ferry strike at the harbour"),
    ("Okafor is eager to cut ferry fares by a third.", "to cut ferry fares by a third"),
    ("Okafor is convinced that the ferry will pay for itself.",
     "the ferry will pay for itself"),
    ("Okafor has been critical of the harbour budget for years.",
     "the harbour budget for years"),
    ("Okafor laid out a plan for cheaper ferry fares.", "a plan for cheaper ferry fares"),
])
def test_prepositional_verbs_and_attitude_adjectives(paragraph: str, content: str) -> None:
    assert _claims(paragraph).get(content) == "Adaeze Okafor"


def test_an_attitude_adjective_without_a_complement_is_no_cue() -> None:
    assert _claims("Okafor was confident and calm at the harbour on Tuesday.") == {}


def test_a_headline_in_sentence_case_is_read_as_a_sentence() -> None:
    draft = extract("Ferry captain says the new harbour budget is too small\n\n" + "\n\n".join([
        OKAFOR, "The ferry crews met the council on Tuesday to talk about the winter timetable.",
        "The harbour budget will be voted on next month, after a long debate."]) + "\n")
    find_claims(draft)
    assert "the new harbour budget is too small" in [c.span.text for c in draft.claims]


def test_a_cue_without_a_subject_shares_the_source_of_the_claim_before_it() -> None:
    draft = extract(article(OKAFOR, "On Monday, Okafor said the fares would fall by a third; "
                                    "in a later interview predicted that the crews would be paid."))
    find_claims(draft)
    claims = {c.span.text: (c.claimant, c.method) for c in draft.claims}
    assert claims["the crews would be paid"] == ("Adaeze Okafor", "rule:claims.earlier_source@1")


def test_a_source_with_an_appositive_after_its_content() -> None:
    claims = _claims("Two ferries were placed in dry dock for the winter, Tomas Reyes, the "
                     "harbour master, said in a memo to the council.")
    assert claims.get("Two ferries were placed in dry dock for the winter") == "Tomas Reyes"


@pytest.mark.parametrize(("paragraph", "content"), [
    ("Okafor wants the council to cut ferry fares by a third.",
     "the council to cut ferry fares by a third"),
    ("Okafor feels strongly that the ferry should stay public.", "the ferry should stay public"),
    ("Okafor is seeking to cut ferry fares by a third.", "to cut ferry fares by a third"),
])
def test_cues_that_need_their_complement(paragraph: str, content: str) -> None:
    assert _claims(paragraph).get(content) == "Adaeze Okafor"


@pytest.mark.parametrize("paragraph", [
    "Okafor felt tired after the long ferry crossing on Monday.",
    "Okafor is seeking the nomination of the harbour party.",
])
def test_the_same_cues_without_a_complement(paragraph: str) -> None:
    assert _claims(paragraph) == {}


def test_a_question_put_in_the_passive() -> None:
    draft = extract(article(OKAFOR, "Okafor was asked whether the ferry would run in winter and "
                                    "said she hoped so."))
    find_claims(draft)
    claims = {c.span.text: (c.claimant, c.method) for c in draft.claims}
    assert claims["whether the ferry would run in winter"] == (None, "rule:claims.question_put@3")
    assert claims["she hoped so"] == ("Adaeze Okafor", "rule:claims.complement@4")


def test_a_short_infinitive_is_a_content() -> None:
    assert _claims("Okafor declined to comment.") == {"to comment": "Adaeze Okafor"}


def test_hearsay_adverbs_report_the_clause_with_no_claimant() -> None:
    draft = extract(article(OKAFOR, "The harbour fund was reportedly spent on the new ferry."))
    find_claims(draft)
    [claim] = [c for c in draft.claims if c.reporting == "indirect"]
    assert (claim.span.text, claim.claimant, claim.method) == (
        "The harbour fund was reportedly spent on the new ferry", None,
        "rule:claims.evidential@2")


def test_a_content_half_quoted_is_a_claim_too() -> None:
    claims = _claims('Okafor said the new ferry plan was "a disaster for the islands."')
    assert claims.get('the new ferry plan was "a disaster for the islands."') == "Adaeze Okafor" \
        or claims.get('the new ferry plan was "a disaster for the islands') == "Adaeze Okafor", \
        claims


def _methods(*paragraphs: str) -> dict[str, tuple[str | None, str]]:
    draft = extract(article(OKAFOR, *paragraphs))
    find_claims(draft)
    return {c.span.text: (c.claimant, c.method) for c in draft.claims
            if c.reporting == "indirect"}


@pytest.mark.parametrize(("paragraph", "content"), [
    ("About four in ten now say the ferry fares are too high.", "the ferry fares are too high"),
    ("In Elmhurst, about four in ten now say the levy is unfair.", "the levy is unfair"),
])
def test_a_content_whose_source_is_nobody_named_is_a_claim_without_claimant(
        paragraph: str, content: str) -> None:
    assert _methods(paragraph).get(content) == (None, "rule:claims.unsourced@1")


@pytest.mark.parametrize("paragraph", [
    # a participle: its source is the main clause's subject, not nobody
    "Hours after insisting that the levy was fair, the ferry board met again.",
    # a capitalised word in the clause: mostly a source the rules do not know
    "Castellano further alleges that the harbour levy is unfair.",
])
def test_no_unsourced_claim_where_a_source_is_likely_named(paragraph: str) -> None:
    assert all(method != "rule:claims.unsourced@1"
               for _, method in _methods(paragraph).values()), _methods(paragraph)


def test_a_cue_after_an_opening_participle_clause_looks_at_its_own_clause() -> None:
    """The opening clause ends at its first comma: a cue after it is not given a name that
    stands after a later comma."""
    sentence = "Citing the costs, many accused the harbour board of waste, Tomas Reyes among them."
    text = article(OKAFOR, "Tomas Reyes spoke first.", sentence)
    draft = extract(text)
    s_start = text.index(sentence)
    assert sentence_subject(text, Resolver(draft, []), s_start, text.index("accused")) is None
