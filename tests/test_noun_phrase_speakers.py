"""A speaker a noun phrase describes without naming ('"...," the statement said'): kept as words.

Before, such a quote had a cue and no speaker at all (on the PolNeAR training texts, 42% of the
matched quotes whose gold Source is a noun phrase). The phrase is taken only where no sieve
names anyone, and only when it is the whole subject stretch of the cue.
"""

from __future__ import annotations

import pytest

from newsgraph.rules.speakers import RULE_AFTER, RULE_BEFORE
from newsgraph.rules.unnamed_speakers import noun_phrase_speaker
from tests.rules_helpers import article, extract


@pytest.mark.parametrize(("stretch", "cue_after", "words"), [
    (" the statement ", True, "the statement"),
    (" the report also ", True, "the report"),  # adverbs between the phrase and the cue
    (" the New Jersey governor ", True, "the New Jersey governor"),
    (" his longtime personal physician ", True, "his longtime personal physician"),
    (" one user ", True, "one user"),
    (" the statement.", False, "the statement"),  # after the cue, up to a stop or comma
    (" the former president, who", False, "the former president"),
    (" The White House ", True, None),  # a capitalised head is a name, not a description
    (" that it ", True, None),  # function words: no noun phrase
    (" the two ", True, None),
    (" the company this week ", True, None),  # a date word: not one noun phrase
    (" some say ", True, None),  # a quantifier: nobody in particular
    (" the company in a statement.", False, None),  # more than the phrase after the cue
    (" the\nstatement ", True, None),  # one line only
    (" A self-", True, None),  # a head ends in a letter or digit
])
def test_the_noun_phrase_of_a_stretch(stretch: str, cue_after: bool, words: str | None) -> None:
    assert noun_phrase_speaker(stretch, 0, len(stretch), cue_after=cue_after) == words


@pytest.mark.parametrize(("paragraph", "quote", "words", "method"), [
    ('"We regret the error and will correct it," the statement said on Tuesday.',
     "We regret the error and will correct it,", "the statement", RULE_AFTER),
    ('"Our members will not accept these terms at all," said the union.',
     "Our members will not accept these terms at all,", "the union", RULE_AFTER),
    ('"The figures show a clear decline over a decade," the report concluded.',
     "The figures show a clear decline over a decade,", "the report", RULE_AFTER),
    ('The company said the delays were "entirely outside our control."',
     "entirely outside our control.", "The company", RULE_BEFORE),
])
def test_a_quote_keeps_the_words_of_its_described_speaker(paragraph: str, quote: str,
                                                          words: str, method: str) -> None:
    draft = extract(article("The council met on Monday to discuss the budget.", paragraph))
    found = {q.span.text: q for q in draft.quotes}
    assert found[quote].speaker is None
    assert found[quote].speaker_text == words
    assert found[quote].method == method


def test_a_named_speaker_still_wins() -> None:
    """The words are a last resort: a name the sieves find is the speaker."""
    draft = extract(article('"We regret the error and will correct it," Maria Lopez said.'))
    (quote,) = draft.quotes
    assert quote.speaker == "Maria Lopez"
    assert quote.speaker_text == "Maria Lopez"
