"""The cue scanner is the regular expression it replaces, on any text and window (hypothesis)."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsgraph.rules import scanner
from newsgraph.rules.claim_spans import CLAIM_CUES
from newsgraph.rules.lexicon import SPEECH_FORMS
from newsgraph.rules.scanner import Cues, expand_forms
from newsgraph.rules.speech_cues import CUE
from newsgraph.rules.unnamed_speakers import UNNAMED_HEAD, UNNAMED_HEADS
from tests.conftest import examples

_PIECES = ["said", "says", "According", "according", "to", "pointed", "out", "called", "for",
           "told", "x", "Xsaid", "said_", "_", "1", "é", "saidé", "sai", "d", " ", "  ", ",",
           ".", "\n", "'", "’", "-", "points out", "called for", "according to", "went on", "cease",
           "fire", "cease-fire", "re-elected", "elected", "re"]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _as_tuples(found: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in found]  # type: ignore[attr-defined]


@settings(max_examples=examples(400))
@given(text=texts, data=st.data())
def test_scanner_equals_the_regex(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for cues in (CUE, CLAIM_CUES, Cues({"said", "pointed out", "pointed"}),
                 Cues({"fire", "cease-fire", "elected", "re-elected", "cease"})):
        regex = cues.pattern()
        assert _as_tuples(cues.finditer(text, start, end)) == \
            _as_tuples(regex.finditer(text, start, end))
        first = regex.search(text, start, end)
        found = cues.search(text, start, end)
        assert (found is None) == (first is None)
        if found is not None and first is not None:
            assert (found.start(), found.end(), found.group()) == (*first.span(), first.group())
        at = re.compile("(?:" + regex.pattern[5:]).match(text, start, end)  # no leading \b
        got = cues.match(text, start, end)
        assert (got is None) == (at is None)
        if got is not None and at is not None:
            assert (got.start(), got.end(), got.group()) == (*at.span(), at.group())


def test_the_vocabulary_has_the_forms_news_uses() -> None:
    for form in ("says", "say", "said", "saying", "interjected", "implored", "sighed",
                 "responded", "suggests", "tweeted", "acknowledged", "pointed out"):
        assert form in SPEECH_FORMS, form


def _scan_reference(cues: Cues, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The word scan every window had before the index (kept as the reference)."""
    return _as_tuples(cues._scan(text, start, end))


_LONG_VOCABULARIES = (CUE, CLAIM_CUES, Cues({"said", "pointed out", "pointed"}),
                      Cues({"fire", "cease-fire", "elected", "re-elected", "cease"}))


@settings(max_examples=examples(150))
@given(pieces=st.lists(st.sampled_from(_PIECES), min_size=150, max_size=400),
       data=st.data())
def test_the_indexed_scan_of_a_long_text_equals_the_word_scan(
        pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    assume(len(text) >= scanner._INDEXED)  # else finditer is the word scan it is compared with
    windows = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 80)),
                                 min_size=1, max_size=12))
    for start, width in [(0, len(text)), *windows]:
        end = min(len(text), start + width) if width < 80 else len(text)
        for cues in _LONG_VOCABULARIES:
            got = _as_tuples(cues.finditer(text, start, end))
            assert got == _scan_reference(cues, text, start, end)
            assert got == _as_tuples(cues.pattern().finditer(text, start, end))


def test_expand_forms_reads_classes_and_optional_characters() -> None:
    assert expand_forms("officials?|advis[eo]rs?|chief executives?") == {
        "official", "officials", "adviser", "advisers", "advisor", "advisors",
        "chief executive", "chief executives"}
    with pytest.raises(ValueError):
        expand_forms("(?:a|b)c")
    for ranged in ("[a-c]at", "[^x]at"):
        with pytest.raises(ValueError):
            expand_forms(ranged)


_HEAD_PIECES = ["spokesman", "spokeswoman", "official", "officials", "neighbour", "neighbors",
                "adviser", "advisors", "organisers", "organizer", "chief", "executive",
                "executives", "chief executive", "man", "manager", "managers", "men", "witness",
                "witnesses", "people", "police", "xman", "man_", "mané", "é", "s", " ", "  ",
                ",", ".", "-", "'", "\n", "1", "the"]


@settings(max_examples=examples(300))
@given(pieces=st.lists(st.sampled_from(_HEAD_PIECES), max_size=200), data=st.data())
def test_the_unnamed_heads_scanner_equals_the_alternation(
        pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    regex = re.compile(r"\b(?:" + UNNAMED_HEADS + r")\b")  # what the heads were searched by
    assert _as_tuples(UNNAMED_HEAD.finditer(text, start, end)) == \
        _as_tuples(regex.finditer(text, start, end))


@settings(max_examples=examples(500))
@given(text=st.one_of(texts, st.text(max_size=60)))
def test_the_words_of_a_text_are_the_word_loop(text: str) -> None:
    """``_words_of`` (running sums of one ``findall``) is the loop over ``\\w+`` matches."""
    spans = [m.span() for m in re.finditer(r"\w+", text)]  # the loop it replaced
    assert scanner._words_of(text) == scanner._Words(
        [s for s, _ in spans], [e for _, e in spans], re.findall(r"\w+", text))
