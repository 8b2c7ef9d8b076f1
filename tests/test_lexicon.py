"""The named subsets of the speech verbs are drawn from the one vocabulary of ``lexicon``."""

from __future__ import annotations

import pytest

from newsgraph.rules import lexicon

SUBSETS = [lexicon.UTTERANCE_FORMS, lexicon.BEFORE_SUBJECT_FORMS, lexicon.ORG_SPEECH_FORMS,
           lexicon.RELAY_FORMS]


@pytest.mark.parametrize("subset", SUBSETS)
def test_a_named_subset_holds_forms_of_the_speech_verbs(subset: frozenset[str]) -> None:
    assert subset and subset <= lexicon.SPEECH_FORMS.keys()


def test_a_word_that_is_no_form_fails_where_the_subset_is_named() -> None:
    with pytest.raises(ValueError, match="saaid"):
        lexicon._named(lexicon.SPEECH_FORMS, "said saaid")
    assert lexicon._named(lexicon.SPEECH_FORMS, "pointed_out said") == {"pointed out", "said"}
