"""The modality and negation word searches equal their case-insensitive regexes (hypothesis)."""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.rules import claims, scanner
from tests.conftest import examples

_PIECES = ["not", "NOT", "No", "never", "n't", "N'T", "don't", "cannot", "nor", "without",
           "we hope", "We Hope", "hopes", "hope", "hoped", "should", "Must", "need to",
           "NEEDS TO", "needed  to", "plan", "plans", "planned", "intend", "aim", "aims",
           "will carry out", "we will", "will", "would", "Would", "expected", "going to",
           "could", "concerning", "wrong", "confident", "outraged", "vital", "successful",
           "x", "_", "1", "é", "ſ", "muſt", "K", "İ", "ı", " ", ",", ".", "'", "’", "-", "\n"]
texts = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)
_ALL = [(claims._NEGATION_IN, claims._NEGATION_WORDS), (claims._HOPE_IN, claims._HOPE_WORDS),
        (claims._DEMAND_IN, claims._DEMAND_WORDS),
        (claims._INTENTION_IN, claims._INTENTION_WORDS),
        (claims._PREDICTION_IN, claims._PREDICTION_WORDS),
        (claims._EVALUATION_IN, claims._EVALUATION_WORDS)]


@settings(max_examples=examples(500))
@given(text=texts)
def test_each_word_list_is_found_as_its_case_insensitive_regex_finds_it(text: str) -> None:
    lower = scanner.lowered(text)
    for words, source in _ALL:
        reference = re.compile(source, re.I).search(text) is not None  # what was searched
        assert words.found(text, lower) is reference


def test_only_three_characters_fold_apart_from_their_lower_case() -> None:
    """Over every code point: the ASCII letter ``re.I`` folds it to is its lower case, and its
    lower case is one character as wordy as itself, but for ``scanner.FOLDS_APART``."""
    letter, word = re.compile("[a-z]", re.I), re.compile(r"\w")
    apart = []
    for point in range(0x110000):
        if 0xD800 <= point < 0xE000:
            continue  # surrogates
        c = chr(point)
        low = c.lower()
        folds = letter.fullmatch(c) is not None
        lowers = len(low) == 1 and low in string.ascii_lowercase
        if len(low) != 1 or folds != lowers or \
                (word.fullmatch(c) is None) != (word.fullmatch(low) is None):
            apart.append(c)
    assert tuple(apart) == scanner.FOLDS_APART


def test_unicode_folding_keeps_the_case_insensitive_regex() -> None:
    assert scanner.lowered("they muſt go") is None
    assert scanner.lowered("“They must,” she said’s") == "“they must,” she said’s"
    assert claims.modality(None, "they muſt go") == "demand"  # "ſ" folds to "s" under re.I
    assert claims.modality(None, "They MUST go") == "demand"
    assert claims.polarity(None, "It is NOT so") == "negative"
