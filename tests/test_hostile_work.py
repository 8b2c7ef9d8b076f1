"""Hostile text costs linear work in the organisation, headline and quotation rules, same answers.

A run of thousands of capitalised words ("the Ministry of Defence and NATO" repeated) cost the
organisation rules the square of its length, and "A of B of C of ..." a recursion deeper than
Python allows (a crash of the whole build); thousands of lines without a full stop cost the
headline rule the square of the lines, and one sentence of n cues and n unbalanced straight
quotation marks the claim sieves' quotation tests n times the pairs (their equality with the
old code: ``tests/test_quoted.py``). Each rewrite is proven equal, with hypothesis, to the
rule as it was written (kept here as the reference), and its work is counted or timed at n
and 4n.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.rules import (
    claim_according,
    claim_content,
    claim_inverted,
    claim_rejections,
    claim_sieves,
    org_context,
    org_shapes,
    reported,
)
from newsgraph.rules.capital_runs import CONNECTORS, Token, tokens, trim_connectors
from newsgraph.rules.claims import find_claims
from newsgraph.rules.names import ORG_WORDS, is_function_word, is_role, is_title_word
from newsgraph.rules.org_shapes import _ORG_OR_DESIGNATOR, split_run
from newsgraph.rules.pairs import find_pairs
from newsgraph.rules.quotes import find_quotes
from newsgraph.rules.segment import _SITE_SUFFIX_AT, _with_site, segment
from tests.conftest import examples
from tests.rules_helpers import article, extract


def _split_reference(run: list[Token]) -> list[Token]:
    """``split_run`` as it was written: recursive, the words before and after recomputed."""
    for i, tok in enumerate(run):
        if tok.text.lower() in ("of", "for", "and") and i > 0:
            left = [t.text.lower() for t in run[:i]]
            if not any(w in ORG_WORDS for w in left) and not (tok.text == "and" and i == 1):
                return _split_reference(_trim_reference(run[i + 1:]))
    for i, tok in enumerate(run):
        after = [t for t in run[i + 1:] if not is_title_word(t.text)]
        if i and is_role(tok.text) and after and \
                run[i - 1].text.lower() not in CONNECTORS and \
                any(w in _ORG_OR_DESIGNATOR for w in [t.text.lower() for t in run[:i]]):
            j = i
            while j > 1 and is_title_word(run[j - 1].text) and \
                    run[j - 1].text.lower() not in _ORG_OR_DESIGNATOR:
                j -= 1
            return _trim_reference(run[:j])
    return run


def _trim_reference(run: list[Token]) -> list[Token]:
    while run and (run[-1].text.lower() in CONNECTORS or run[-1].text == "&"):
        run = run[:-1]
    while run and (is_function_word(run[0].text)
                   or run[0].text.lower() in CONNECTORS):
        run = run[1:]
    return run


_RUN_WORDS = ["of", "for", "and", "And", "the", "The", "&", "Ministry", "Defence", "Senate",
              "Majority", "Leader", "Chief", "Executive", "Stein", "Acme", "Corp", "Bank",
              "University", "Senior", "Adviser", "President", "Party", "NATO", "Council"]


@settings(max_examples=examples(400), deadline=None)
@given(words=st.lists(st.sampled_from(_RUN_WORDS), max_size=25))
def test_split_and_trim_equal_the_rules_as_written(words: list[str]) -> None:
    text = " ".join(words)
    run = tokens(text, 0, len(text))
    assert trim_connectors(run) == _trim_reference(run)
    assert split_run(run) == _split_reference(run)


def test_a_chain_of_owners_is_no_recursion_error() -> None:
    """'Stein0 of Stein1 of ...' 3,000 times: the old recursion raised RecursionError."""
    text = " ".join(f"Stein{i % 9} of" for i in range(3000)) + " Smith"
    run = tokens(text, 0, len(text))
    assert [t.text for t in split_run(run)] == ["Smith"]
    extract(article(text + " said it."))  # the whole stage, too


def test_a_long_run_of_organisation_words_costs_linear_work(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Title-word tests over a run of n and 4n organisation names: 4 times as many (the rule
    as written made 16 times as many, per token a test of every token after it)."""
    def work(n: int) -> int:
        calls = [0]
        def counted(word: str) -> bool:
            calls[0] += 1
            return is_title_word(word)

        for module in (org_shapes, org_context):  # every caller of the organisation rules
            monkeypatch.setattr(module, "is_title_word", counted)
        extract(article(" ".join(["the Ministry of Defence and NATO"] * n) + "."))
        monkeypatch.undo()
        return calls[0]

    small, large = work(300), work(1200)
    assert large <= 6 * small, (small, large)


_LINE_PIECES = ["Talks resume", " | ", " - ", " — ", ":", " ", "  ", "Example News", "-", "|",
                "a", "Talks", "resume", "x:y"]


@settings(max_examples=examples(300), deadline=None)
@given(lines=st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=6).map("".join),
                      max_size=8))
def test_site_suffixes_equal_every_pair_compared(lines: list[str]) -> None:
    candidates = list(range(len(lines)))
    pairs = {i for i in candidates for j in candidates
             if j != i and lines[i].startswith(lines[j])
             and _SITE_SUFFIX_AT.match(lines[i][len(lines[j]):])}
    assert _with_site(candidates, lines) == pairs


@pytest.mark.serial
def test_many_lines_without_a_full_stop_take_linear_time() -> None:
    def cost(n: int) -> float:
        text = "\n".join(f"Kowalski said it would work {i % 7}" for i in range(n)) + "\n"
        start = time.process_time()  # this process's CPU: other processes' load does not count
        segment(text)
        return time.process_time() - start
    cost(50)  # warm the caches before timing
    small = min(cost(800) for _ in range(3))
    large = cost(3200)
    assert large < 8 * small + 0.5  # linear: about 4 times; quadratic: 16 times


@pytest.mark.serial
def test_unbalanced_straight_quotes_cost_linear_time_in_the_quote_tests(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """'Kowalski said "we will win' n and 4n times (one sentence of n cues and n/2 pairs): the
    CPU time of the quotation tests of the claim sieves (``quoted_share``, ``in_quote``,
    ``_attributes_quote``) grows about 4 times; going through every pair per cue, 16 times."""
    spent = [0.0]

    def timed(function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args)
            finally:
                spent[0] += time.process_time() - start
        return run

    def cost(n: int) -> float:
        draft = extract(article(" ".join(['Kowalski said "we will win'] * n) + "."))
        spent[0] = 0.0
        for module in (reported, claim_according, claim_content, claim_rejections, claim_sieves,
                       claim_inverted):
            for name in ("quoted_share", "in_quote", "_attributes_quote"):
                if hasattr(module, name):
                    monkeypatch.setattr(module, name, timed(getattr(module, name)))
        find_claims(draft)
        monkeypatch.undo()
        return spent[0]

    cost(20)  # warm the caches before timing
    small, large = cost(250), cost(1000)
    print(f"quotation tests: {small:.4f} s at 250, {large:.4f} s at 1000")
    assert large < 8 * small + 0.05, (small, large)  # linear: about 4 times; per pair: 16


@pytest.mark.serial
def test_unclosed_single_marks_and_unattributed_quotes_take_linear_time() -> None:
    """A paragraph of n '‘it’s a win' (no ‘ closed: each searched the rest of the paragraph)
    pairs in about 4 times the time at 4n, and one of n unattributed quotes (each went
    through every sentence and pair before it for its narration) is read in about 4 times."""
    def pairing(n: int) -> float:
        text = " ".join(["Kowalski said ‘it’s a win"] * n) + "."
        start = time.process_time()
        find_pairs(text, 0, len(text))
        return time.process_time() - start

    def reading(n: int) -> float:
        draft = extract(article(" ".join(["“We will win the vote today.”"] * n)))
        draft.quotes.clear()
        draft.not_quotes.clear()
        start = time.process_time()
        find_quotes(draft)
        return time.process_time() - start

    for cost in (pairing, reading):
        cost(20)  # warm the caches before timing
        small = min(cost(400) for _ in range(3))
        large = cost(1600)
        assert large < 8 * small + 0.05, (cost.__name__, small, large)  # linear: about 4
