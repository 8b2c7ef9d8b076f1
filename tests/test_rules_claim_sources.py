"""Who a reported claim is from (``claim_sources``): the name right before the cue.

Made-up sentences, each standing for a pattern of real news: a subject after a lead-in clause
with an appositive, names joined by "and", a name leading a group ("X and his aides"), a
subject after a subordinate clause that names someone else, and the cases where the name next
to the cue is not its subject (a parenthetical speaker, a name after a preposition, a name
inside a relative clause).
"""

from __future__ import annotations

import pytest

from newsgraph.rules.claims import find_claims
from tests.rules_helpers import article, extract

OKAFOR = "Adaeze Okafor, the candidate for governor, spoke to supporters in Elmhurst on Monday."
REYES = "Senator Tomas Reyes met the ferry crews on Tuesday."
MARLOWE = "Professor Ines Marlowe joined them."


def _claimants(*paragraphs: str) -> dict[str, str | None]:
    draft = extract(article(OKAFOR, REYES, MARLOWE, *paragraphs))
    find_claims(draft)
    return {c.span.text: c.claimant for c in draft.claims if c.reporting == "indirect"}


@pytest.mark.parametrize(("paragraph", "content", "claimant"), [
    pytest.param("Alarmed by the strike in Elmhurst, Tomas Reyes, the chairman of the panel, "
                 "said the ferry would stop in March.", "the ferry would stop in March",
                 "Tomas Reyes", id="appositive-after-lead-in"),
    pytest.param("Okafor and Senator Tomas Reyes urged the council to keep the ferry public.",
                 "the council to keep the ferry public", "Adaeze Okafor", id="first-of-two"),
    pytest.param("Okafor, Reyes and Marlowe have all said the ferry must stay public.",
                 "the ferry must stay public", "Adaeze Okafor", id="first-of-three"),
    pytest.param("Okafor and her aides believe the ferry can still be saved.",
                 "the ferry can still be saved", "Adaeze Okafor", id="name-and-group"),
    pytest.param("Neither Reyes nor Marlowe has won a seat and Okafor strongly suggested they "
                 "should withdraw from the race.", "they should withdraw from the race",
                 "Adaeze Okafor", id="subject-after-and"),
    pytest.param("While Marlowe did not spell out the plan, Reyes says the crews agreed to it.",
                 "the crews agreed to it", "Tomas Reyes", id="after-subordinate-clause"),
    pytest.param("Tomas Reyes, who chairs the Harbour Board, which runs the ferry, said fares "
                 "would rise.", "fares would rise", "Tomas Reyes", id="name-in-relative-clause"),
    pytest.param("The council, Okafor said, ignored the warnings of the ferry crews.",
                 "ignored the warnings of the ferry crews", "Adaeze Okafor",
                 id="parenthetical-speaker"),
])
def test_the_name_next_to_the_cue(paragraph: str, content: str, claimant: str) -> None:
    claims = _claimants(paragraph)
    assert content in claims, list(claims)
    assert claims[content] == claimant


def test_a_name_after_a_preposition_is_not_the_source() -> None:
    claims = _claimants("Aides to Okafor and Reyes say the ferry will run all winter.")
    assert claims.get("the ferry will run all winter") not in ("Adaeze Okafor", "Tomas Reyes")


def test_a_source_written_as_the_first_word_of_a_name_is_that_actor() -> None:
    claims = _claimants("President Wen Lantao arrived in Elmhurst on Monday for two days of "
                        "talks.", "Wen said the two nations now have a chance to trade more.")
    assert claims["the two nations now have a chance to trade more"] == "Wen Lantao"
