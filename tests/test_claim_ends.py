"""Content ends: ``ContentEnds`` is the literal rule (hypothesis), and does near-linear work.

The literal rule (``content_end_reference``) asks the resolver about the stretch from a cue
to every later cue of its sentence: cubic in the cues of a sentence of "said said said ...".
The work test counts the resolver's calls (and the stretch lengths it is asked about), not
time, on sentences of growing size.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.rules import claim_ends, reported
from newsgraph.rules.attribution import Resolver
from newsgraph.rules.claim_ends import ContentEnds, content_end_reference
from newsgraph.rules.claim_spans import CLAIM_CUES, REACH
from newsgraph.rules.claims import _quoted, find_claims
from newsgraph.rules.drafts import ArticleDraft
from newsgraph.rules.sentences import sentence_spans
from tests.conftest import examples
from tests.rules_helpers import article, extract

#: Cue words (one ends in "ly", as tests 1 and 2 can match across), the joints and commas the
#: tests stop at, names, pronouns and unnamed heads the resolver reads, possessors it does not.
_PIECES = ["said", "says", "argued", "reply", "noted", "demand", "and", "but", ",", ", ", ";",
           " ", "  ", "\n", "quickly", "Anna Kowalski", "Kowalski", "Tom Berg", "Berg's", "he",
           "He", "it", "they", "officials", "a spokesman", "the", "plan", "who", "that", "—",
           "(", "has", "also", "Mr.", "told", "the council"]
_sentences = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map(" ".join)


def _sentence_cues(text: str) -> tuple[ArticleDraft, Resolver, list[tuple[int, int]]]:
    """The draft of an article of ``text``, its resolver, and its body's sentences."""
    draft = extract(article(text))
    spans = [s for seg in draft.segments if seg.kind == "body"
             for s in sentence_spans(draft.source.text, seg.char_start, seg.char_end)]
    return draft, Resolver(draft, _quoted(draft)), spans


@settings(max_examples=examples(300), deadline=None)
@given(sentence=_sentences, data=st.data())
def test_content_ends_equal_the_literal_rule(sentence: str, data: st.DataObject) -> None:
    draft, resolver, spans = _sentence_cues(sentence)
    text = draft.source.text
    for s_start, s_end in spans:
        assert s_end - s_start < REACH  # the bound never applies here
        found = list(CLAIM_CUES.finditer(text, s_start, s_end))
        # the sieves drop some cues before cutting contents: any subset, in order
        cues = [c for c in found if data.draw(st.booleans())]
        ends = ContentEnds(text, resolver, cues, s_start, s_end)
        for i, cue in enumerate(cues):
            assert ends.end(i) == content_end_reference(text, resolver, cue, cues[i + 1:],
                                                        s_end), (text[s_start:s_end], i)


def test_a_cue_ending_in_ly_is_read_across() -> None:
    """Tests 1 and 2 can match across a cue ending in "ly" (", reply said": the comma before
    the last cue, past "reply"): every choice of cues gives the literal rule's ends."""
    sentence = "Kowalski said the deal works, reply said Berg and reply said Lane."
    draft, resolver, spans = _sentence_cues(sentence)
    text = draft.source.text
    (s_start, s_end), = spans
    found = list(CLAIM_CUES.finditer(text, s_start, s_end))
    assert [c.group() for c in found] == ["said", "reply", "said", "reply", "said"]
    for mask in range(1 << len(found)):
        cues = [c for k, c in enumerate(found) if mask >> k & 1]
        ends = ContentEnds(text, resolver, cues, s_start, s_end)
        assert [ends.end(i) for i in range(len(cues))] == [
            content_end_reference(text, resolver, c, cues[i + 1:], s_end)
            for i, c in enumerate(cues)]


class _TooMuch(Exception):
    pass


def _resolver_work(sentence: str, monkeypatch: pytest.MonkeyPatch,
                   budget: int | None = None) -> int:
    """Characters of stretch the resolver is asked about while the claims of an article of
    ``sentence`` are found; past ``budget``, ``_TooMuch`` (the literal rule would take
    minutes to finish)."""
    work = [0]
    subject = Resolver.subject

    def counted(self: Resolver, start: int, end: int, *, cue_after: bool) -> object:
        work[0] += max(0, end - start)
        if budget is not None and work[0] > budget:
            raise _TooMuch(work[0])
        return subject(self, start, end, cue_after=cue_after)

    monkeypatch.setattr(Resolver, "subject", counted)
    try:
        find_claims(extract(article(sentence)))
    finally:
        monkeypatch.undo()
    return work[0]


@pytest.mark.parametrize("unit", ["said", ", said", "and said", "said it, a", "that Berg said",
                                  "he, said it"])
def test_hostile_sentences_cost_linear_work(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolver work over 'He said' + unit * n, n = 400 and 1,600 (sentences far longer than
    ``REACH``): about 4 times as much for 4 times the text (linear; 6 allowed). The code
    before ``ContentEnds`` and ``REACH`` goes past 6 times on every unit (it is stopped at
    that budget: its cubic work would take minutes)."""
    small = _resolver_work("He said " + f" {unit}" * 400 + ".", monkeypatch)
    try:
        _resolver_work("He said " + f" {unit}" * 1600 + ".", monkeypatch, 6 * small)
    except _TooMuch as error:
        pytest.fail(f"{unit!r}: resolver work {error} > 6 x {small}")


def _searched(sentence: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Characters that tests 1 and 2 (``claim_ends._tail``) search while the claims of an
    article of ``sentence`` are found."""
    work = [0]
    tail = claim_ends._tail

    def counted(text: str, start: int, end: int) -> int | None:
        work[0] += max(0, end - start)
        return tail(text, start, end)

    monkeypatch.setattr(claim_ends, "_tail", counted)
    try:
        find_claims(extract(article(sentence)))
    finally:
        monkeypatch.undo()
    return work[0]


@pytest.mark.parametrize("unit", ["reply", "said reply", "reply, and said"])
def test_cues_ending_in_ly_cost_linear_search(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a cue ending in "ly" tests 1 and 2 may match across it; searching the stretch
    from every earlier cue made 'He said' + ' reply' * n cubic (49 s at n = 800). The text
    searched for n = 1,600 is about 4 times that for 400 (6 allowed; the old code searched 16
    times as much)."""
    small = _searched("He said " + f" {unit}" * 400 + ".", monkeypatch)
    large = _searched("He said " + f" {unit}" * 1600 + ".", monkeypatch)
    assert large <= 6 * small, f"{unit!r}: searched {large} > 6 x {small}"


def _claims(text: str) -> list[object]:
    draft = extract(article(text))
    find_claims(draft)
    return list(draft.claims)


def test_a_long_sentence_of_few_cues_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Look-backs are bounded by ``REACH`` only where reading the whole sentence would cost
    much (``reach_limit``): a 1,160-character sentence of two cues gets the claims of the
    rule as written (no bound at all). With every look-back cut at ``REACH`` its source,
    1,130 characters before "said", was lost and the claim called unsourced."""
    sentence = ("Erdogan, who spoke of the deal" + " and of the talks that had gone on for "
                "years with the partners in the alliance" * 14 + ", said that the deal would "
                "go ahead.")
    assert len(sentence) > 1.1 * REACH
    bounded = _claims(sentence)
    assert reported.RULE_COMPLEMENT in [c.method for c in bounded]  # type: ignore[attr-defined]
    monkeypatch.setattr(reported, "reach_limit", lambda cues, start, end: 10**9)
    assert _claims(sentence) == bounded
