"""Actor rules on small invented articles: people, organisations, outlets and their forms."""

from __future__ import annotations

import pytest

from tests.rules_helpers import article, extract

PEOPLE = [
    pytest.param("Corvant Chief Executive Raymond Teo told analysts the deal was good value.",
                 "Raymond Teo", id="org-title-name"),
    pytest.param("U.S. Secretary of Energy Kevin Marsh said the money would be spent quickly.",
                 "Kevin Marsh", id="title-of-department"),
    pytest.param("Harrow manager Sophie Brennan could barely speak after the final whistle blew.",
                 "Sophie Brennan", id="lowercase-role"),
    pytest.param("Germany's climate envoy, Katrin Vogel, said the proposal was only a start.",
                 "Katrin Vogel", id="role-appositive"),
    pytest.param("Lumetra Chief Executive Ingrid van Dijk said the board backed the offer.",
                 "Ingrid van Dijk", id="name-particle"),
    pytest.param("The rain had stopped by then, said Tuilagi Fa'amausili, who leads the team.",
                 "Tuilagi Fa'amausili", id="inverted-said"),
    pytest.param("Margaret Holt, 71, has been moved to a hotel with her husband since Sunday.",
                 "Margaret Holt", id="age"),
    pytest.param("The race was won by Kenya's Daniel Kiptoo in two hours and two minutes flat.",
                 "Daniel Kiptoo", id="country-possessive"),
    pytest.param("Prime Minister Claire Benton’s office said the talks would resume on Monday.",
                 "Claire Benton", id="possessive-is-not-a-name"),
    pytest.param("The magazine's Farmer of the Year Ann Lowe said the harvest was late again.",
                 "Ann Lowe", id="time-word-in-front"),
    pytest.param("Few cheers rang out at the Mary Quill South Dakota rally on Tuesday night.",
                 "Mary Quill", id="region-after-the-name"),
    pytest.param("Democrat Ann Lowe told the council that the budget was short by a third.",
                 "Ann Lowe", id="party-in-front"),
]


@pytest.mark.parametrize(("sentence", "person"), PEOPLE)
def test_people(sentence: str, person: str) -> None:
    draft = extract(article(sentence))
    people = {n for n, a in draft.actors.items() if a.kind == "person"}
    assert people == {person}


def test_surname_evidence_promotes_the_full_name() -> None:
    draft = extract(article(
        "In the women's race, Kelsey Moran became the first winner from the host city.",
        '"I have watched this race since I was six," said Moran, 31, after the finish.'))
    assert {n for n, a in draft.actors.items() if a.kind == "person"} == {"Kelsey Moran"}
    forms = {m.span.text: m.actor for m in draft.actor_mentions}
    assert forms["Moran"] == "Kelsey Moran"


def test_a_title_case_line_names_only_who_the_article_names_elsewhere() -> None:
    draft = extract(article(
        "Harbour Town Votes To Condemn Mary Quill's Pier Plan.",
        "The council on Monday backed a motion against candidate Mary Quill's pier plan.",
        "Several Harbour officials were not convinced, and Quill said she would wait."))
    assert {n for n, a in draft.actors.items() if a.kind == "person"} == {"Mary Quill"}


def test_a_word_that_only_opens_a_sentence_is_not_part_of_the_name() -> None:
    draft = extract(article(
        "The mayor, Mary Quill, said on Monday that the pier would be rebuilt.",
        "Afterwards Quill said the vote was fair. Beneath Quill's calm, doubts grew."))
    assert {n for n, a in draft.actors.items() if a.kind == "person"} == {"Mary Quill"}


def test_descriptions_and_armed_groups_are_not_people() -> None:
    draft = extract(article(
        "The Kentucky Republican said on Monday that the pier would be rebuilt soon.",
        "Islamic State said it carried out the attack, and the Kentucky Republican said "
        "nothing more."))
    assert not [n for n, a in draft.actors.items() if a.kind == "person"]
    assert draft.actors["Islamic State"].kind == "organization"


def test_places_and_events_are_not_people() -> None:
    draft = extract(article(
        "Water reached waist height on Mill Street and Kingfield Road on Sunday night.",
        "The Grid Resilience Act passed after Heartbreak Hill was closed for the marathon.",
        "Voters in North Dakota said little, and Southern Ontario said less, said its mayor."))
    assert not [n for n, a in draft.actors.items() if a.kind == "person"]


ORGANISATIONS = [
    pytest.param("The Royal College of Nursing said most members backed industrial action.",
                 "Royal College of Nursing", "organization", id="org-word"),
    pytest.param("The work was funded by Cancer Research UK, whose chief clinician spoke first.",
                 "Cancer Research UK", "organization", id="country-tail"),
    pytest.param("The film rights have been bought by the studio Northlight Pictures this week.",
                 "Northlight Pictures", "organization", id="designator"),
    pytest.param("Her publisher, Harland & Byrne, said it would reprint the novel next month.",
                 "Harland & Byrne", "organization", id="ampersand"),
    pytest.param("A robotic lander built by the Dutch chip-equipment maker Lumetra touched down.",
                 "Lumetra", "organization", id="org-noun"),
    pytest.param("Omar Haddad told Space News that the company had nearly run out of money.",
                 "Space News", "media", id="media-word"),
    pytest.param("The findings were published on Wednesday in the journal *Nature Medicine* here.",
                 "Nature Medicine", "media", id="journal"),
    pytest.param("Brennan told BBC Sport that she would speak to the player's parents first.",
                 "BBC Sport", "media", id="outlet-section"),
]


@pytest.mark.parametrize(("sentence", "name", "kind"), ORGANISATIONS)
def test_organisations(sentence: str, name: str, kind: str) -> None:
    draft = extract(article(sentence))
    assert draft.actors[name].kind == kind


def test_not_organisations() -> None:
    draft = extract(article(
        "The mission is part of NASA's Commercial Lunar Payload Services program this year.",
        "The Senate passed the Grid Resilience Act by 51 to 49 after an all-night session."))
    assert "Commercial Lunar Payload Services" not in draft.actors
    assert "Grid Resilience Act" not in draft.actors


def test_acronyms_and_short_forms_link_to_the_full_name() -> None:
    draft = extract(article(
        "Judges rarely act before the National Labor Relations Board has finished its review.",
        "The NLRB's regional office filed its own complaint against Meridian Foods last year.",
        "Meridian, based in Des Moines, has spent more than $2 million on consultants."))
    forms = {m.span.text: m.actor for m in draft.actor_mentions}
    assert forms["NLRB"] == "National Labor Relations Board"
    assert forms["Meridian"] == "Meridian Foods"


def test_capitals_stand_for_governments_only_when_not_places() -> None:
    draft = extract(article(
        "Berlin and Paris backed a flat charge while the talks in Tokyo dragged on all week.",
        "The International Maritime Organization will meet in London in October to decide."))
    assert {"Germany", "France"} <= set(draft.actors)
    assert "Japan" not in draft.actors and "United Kingdom" not in draft.actors


def test_dateline_agency_is_a_credit_not_an_actor() -> None:
    draft = extract(article(
        "CHICAGO, Feb. 20 (Reuters) – A federal judge ordered the company to rehire four "
        "workers on Thursday."))
    assert "Reuters" not in draft.actors
    assert draft.meta.agencies == ["Reuters"]
