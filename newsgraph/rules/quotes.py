"""Quotations and who said them.

1. Pair quotation marks inside each body paragraph (straight, curly double, curly single);
   an unclosed quote runs to the paragraph end (a quote continued in the next paragraph).
2. Decide what each pair is: a headline or subheading quote, a scare quote ("so-called",
   or a short phrase with no speech verb governing it) or a title is not a quote (kept as a
   decision, not silently dropped); otherwise direct or partial. A partial quote inside a
   reporting clause ("X said the plan was "reckless"", "called it "useful"") is a quote even
   when its speaker is not named.
3. Attribute (``attribution``): the quote's own sentence first ("..., X said", "said X",
   "X said: "..."", "X cited Y as saying", "as quoted by X", "according to X"); then the person
   the previous sentence is about ("Haddad smiled. "..."") or the previous quote of the same
   paragraph, or of the previous paragraph when that one ends with it and this one opens with
   the quote (continuation); the person a clause ending in a colon is about ("Harris was
   blunt: "..."). A cue with no nameable speaker still keeps the quote (speaker null). An
   unnamed speaker named in the next paragraph ("A federal judge ..." / "U.S. District Judge
   Harriet Lowell") is that person. A paragraph that is only a quote, followed by a credit
   line ("- Senator Ada Lowe." / "— Ada Lowe, in a tweet."), is the credited person's.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from newsgraph.models.base import QuoteType
from newsgraph.rules.attribution import Attribution, Resolver
from newsgraph.rules.drafts import ArticleDraft, QuoteDraft, Span
from newsgraph.rules.lexicon import BEFORE_SUBJECT_FORMS, PERSON_VERB_FORMS, UTTERANCE_FORMS
from newsgraph.rules.names import is_title_case
from newsgraph.rules.pairs import Pair, find_pairs
from newsgraph.rules.scanner import alternation
from newsgraph.rules.segment import DATELINE
from newsgraph.rules.sentences import sentence_spans
from newsgraph.rules.speakers import (
    COMMA_COLON_END,
    COMMA_END,
    NAMED_CONFIDENCE,
    RULE_BEFORE,
    RULE_CONTINUATION,
    RULE_CREDIT_LINE,
    RULE_NAMED_LATER,
    RULE_PRECEDING,
    RULE_PREVIOUS_PARAGRAPH,
    RULE_SUBJECT,
    RULE_UNATTRIBUTED,
    UNATTRIBUTED,
    UNNAMED,
    Attributor,
    carried,
)
from newsgraph.rules.speech_cues import CUE

_TITLE_CUE = re.compile(r"\b(titled|entitled|dubbed|named|nicknamed|book|memoir|novel|"
                        r"biography|film|movie|documentary|show|series|programme|program|"
                        r"podcast|song|album|single|play|musical|poem|essay|column|op-ed|"
                        r"operation|slogan|hashtag|headline|magazine|newspaper)\s*,?\s*$", re.I)
#: A possessive right before the marks: "the BBC's "Newsnight"" names a work when the words
#: inside are in title case.
_POSSESSIVE = re.compile(r"['’]s\s*$")
#: A determiner right before the marks: 'dismissed the "fake polls"' (a scare quote, unless a
#: cue says whose words they are).
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|this|that|these|those|his|her|our|your)\s*$",
                         re.I)
_SCARE_CUE = re.compile(r"\b(so-called|so called|the term|the word|what (?:he|she|they|it) "
                        r"calls?)\s*$", re.I)

#: Verbs whose complement is a whole utterance: '..., adding "where they are going ..."'.
_AFTER_VERB = re.compile(r"\b(?:" + alternation(UTTERANCE_FORMS) + r")\s*$")
_NAMED_LATER = re.compile(r"^(?:an?)\s+(?:[\w-]+\s+){0,2}?(?P<head>judge|minister|president|"
                          r"governor|mayor|coach|manager|prosecutor|senator|ambassador|"
                          r"chief executive|chairman|chairwoman|commissioner|general|envoy)$",
                          re.I)

#: A sentence adverb or conjunction before a quote: the quote still opens the sentence.
_ADVERB_LEAD = re.compile(r"\s*(?:Now|Still|But|And|Yet|So|Then|Later|Instead|Today|Also|"
                          r"Meanwhile|However|Indeed|Again|Finally|Otherwise)\s*,?\s*")
#: A closing mark followed by a comma: the attribution that follows is the quote's own.
_TIGHT_AFTER = re.compile(r"\s*,")
#: A sentence that is only an attribution: ' Trump said.', ' she added.', ' said Mr. Ruiz.'
_BARE_ATTRIBUTION = re.compile(
    r"\s*(?:(?:[A-Z][\w.’'-]*\s+){1,4}|(?:he|she|they)\s+)(?:" + alternation(PERSON_VERB_FORMS)
    + r")\.\s*|\s*(?:" + alternation(BEFORE_SUBJECT_FORMS)
    + r")\s+(?:[A-Z][\w.’'-]*\s*){1,4}\.\s*")
#: A credit line under a quotation: "- Ada Lowe." / "— Senator Lowe, in a speech."
_CREDIT_LINE = re.compile(r"\s*[-—–]+\s*(?P<who>[A-Z][^,.;:!?]{0,60})(?:[,.;]|\s*$)")
#: A paragraph made of one quotation: nothing but marks, punctuation and spaces outside it.
_BARE = re.compile(r"[\s\"“”'’.,…]*")
#: At most this many characters ('," he said in a statement.') after a quote that a following
#: paragraph may continue.
_TAIL = 60

@dataclass
class _Paragraph:
    start: int
    end: int
    pairs: list[Pair]
    sentences: list[tuple[int, int]]

    def __post_init__(self) -> None:
        # the sentences, and the pairs' marks, are in text order and do not overlap, so the
        # questions below are bisections: asked by going through the paragraph for every
        # quote, a paragraph of thousands of unattributed quotes cost their square
        self._ends = [e for _, e in self.sentences]
        self._sorted = all(a <= b for a, b in pairwise(self._ends))
        self._mark_starts = [p.outer_start for p in self.pairs]
        self._mark_ends = [p.outer_end for p in self.pairs]
        self._disjoint = all(p.outer_start <= p.outer_end for p in self.pairs) and \
            all(b <= a for b, a in zip(self._mark_ends, self._mark_starts[1:], strict=False))

    def sentence_ending_by(self, at: int) -> tuple[int, int] | None:
        """The last sentence that ends at or before ``at``, None if none does."""
        if not self._sorted:
            earlier = [(s, e) for s, e in self.sentences if e <= at]
            return earlier[-1] if earlier else None
        i = bisect_right(self._ends, at)
        return self.sentences[i - 1] if i else None

    def has_marks_in(self, start: int, end: int) -> bool:
        """Whether the marks of a pair (or its words) overlap ``[start, end)``."""
        if not self._disjoint:
            return any(p.outer_start < end and start < p.outer_end for p in self.pairs)
        i = bisect_left(self._mark_starts, end)  # the pairs before ``i`` open before ``end``
        return i > 0 and start < self._mark_ends[i - 1]


class _Before(NamedTuple):
    """The body paragraph before the current one, and its last quote."""

    para: _Paragraph | None
    last: QuoteDraft | None


def _paragraphs(draft: ArticleDraft) -> list[tuple[str, _Paragraph]]:
    text = draft.source.text
    out: list[tuple[str, _Paragraph]] = []
    for seg in draft.segments:
        if seg.kind in ("title", "subheading", "body"):
            pairs = find_pairs(text, seg.char_start, seg.char_end)
            sentences = sentence_spans(text, seg.char_start, seg.char_end) \
                if seg.kind == "body" else []
            out.append((seg.kind, _Paragraph(seg.char_start, seg.char_end, pairs, sentences)))
    return out


def find_quotes(draft: ArticleDraft) -> None:
    """Fill ``draft.quotes`` and ``draft.not_quotes`` (in place)."""
    text = draft.source.text
    paragraphs = _paragraphs(draft)
    quoted = [(p.start, p.end) for _, para in paragraphs for p in para.pairs]
    resolver = Resolver(draft, quoted, {(para.start, para.end): para.sentences
                                        for kind, para in paragraphs if kind == "body"})
    attributor = Attributor(draft, resolver)
    previous: QuoteDraft | None = None
    before: _Before = _Before(None, None)
    for kind, para in paragraphs:
        if kind != "body":
            for p in para.pairs:
                draft.not_quotes.append((Span(p.start, p.end, text[p.start:p.end]), kind))
            continue
        paragraph_quotes: list[QuoteDraft] = []
        for index, pair in enumerate(para.pairs):
            quote = _classify(text, para, index, attributor, previous, before)
            if isinstance(quote, str):
                draft.not_quotes.append((Span(pair.start, pair.end, text[pair.start:pair.end]),
                                         quote))
                continue
            draft.quotes.append(quote)
            paragraph_quotes.append(quote)
            previous = quote
        before = _Before(para, paragraph_quotes[-1] if paragraph_quotes else None)
        # a quote goes on in the next paragraph only if it (nearly) ends this one
        if previous is not None and para.end - previous.span.end > _TAIL:
            previous = None
    _named_later(draft)
    _credit_lines(draft, [para for kind, para in paragraphs if kind == "body"], resolver)
    draft.resolver = resolver


def _sentence_of(sentences: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The sentence holding position ``at`` (the last one if none does)."""
    i = bisect_right(sentences, (at, sys.maxsize)) - 1
    if i >= 0 and at < sentences[i][1]:
        return sentences[i]
    return sentences[-1] if sentences else (at, at)


def _sentence_before(para: _Paragraph, s_start: int) -> int:
    """Where the sentence before the one starting at ``s_start`` starts (``s_start`` if none)."""
    earlier = para.sentence_ending_by(s_start)
    return earlier[0] if earlier else s_start


def _classify(text: str, para: _Paragraph, index: int, attributor: Attributor,
              previous: QuoteDraft | None, before_para: _Before) -> QuoteDraft | str:
    """A quote draft, or the reason the marks are not a quote."""
    pairs = para.pairs
    pair = pairs[index]
    inner = text[pair.start:pair.end]
    s_start = _sentence_of(para.sentences, pair.outer_start)[0]
    s_end = _sentence_of(para.sentences, min(pair.end, para.end - 1))[1]
    if s_end <= pair.outer_end and s_end < para.end:
        # '"Where is it?" Trump asked.', '"... are missing." Trump said.': the attribution
        # after a question, or a sentence of nothing else, is the quote's sentence too
        next_end = _sentence_of(para.sentences, min(s_end + 1, para.end - 1))[1]
        if inner.rstrip().rstrip("’'\"”")[-1:] in ("?", "!") or \
                _BARE_ATTRIBUTION.fullmatch(text, s_end, next_end):
            s_end = next_end
    before_start = max(s_start, pairs[index - 1].outer_end if index else s_start)
    before = text[before_start:pair.outer_start]
    after_end = min(s_end, pairs[index + 1].outer_start if index + 1 < len(pairs) else s_end)
    after_start = min(pair.outer_end, after_end)
    lead = text[s_start:pair.outer_start]
    dateline = DATELINE.match(lead)
    starts_sentence = not before.strip(" \t—–-*") or (dateline is not None
                                                        and dateline.end() == len(lead)) \
        or _ADVERB_LEAD.fullmatch(before) is not None  # 'Now, "...' / 'But "...'

    n_words = len(inner.split())
    after_verb = _AFTER_VERB.search(before) is not None and n_words >= 4
    embedded = not starts_sentence and not COMMA_COLON_END.search(before) and not after_verb
    if _SCARE_CUE.search(before):
        return "scare quote"
    if ((embedded or is_title_case(inner, 2)) and _TITLE_CUE.search(before)) or \
            (_POSSESSIVE.search(before) and all(w[:1].isupper() for w in inner.split()
                                               if w[:1].isalpha()) and n_words <= 6):
        return "title"
    # sieves in order of precision; the first that names a speaker wins, else the first cue
    tight = _TIGHT_AFTER.match(text, pair.outer_end) is not None or inner.rstrip()[-1:] in ",?!"
    order = ("after", "before") if tight or not embedded else ("before", "after")
    found = None
    outlet: Attribution | None = None  # '..., the Times reported': kept if nobody else speaks
    for sieve in order:
        if sieve == "after":
            got = attributor.after(after_start, after_end)
        else:
            got = attributor.before(before_start, pair.outer_start, s_start) \
                if before.strip() else None
        if got is not None and got.speaker is not None and \
                attributor.resolver.kind.get(got.speaker) == "media":
            outlet = outlet or got
            continue
        if got is not None and (got.speaker is not None or got.speaker_text is not None):
            found = got
            if outlet is not None and found.intermediary is None:
                found.intermediary, found.intermediary_text = outlet.speaker, outlet.speaker_text
            break
        found = found or got
    else:
        found = outlet or found
    if found is not None and found.intermediary is None and embedded:
        found = attributor.relayed(found, after_start, after_end)
    if found is None and embedded:
        if is_title_case(inner, 2):
            return "title"
        subject = attributor.resolver.clause_subject(s_start, pair.outer_start)
        if subject is None or (_DETERMINER.search(before) and n_words <= 4):
            return "scare quote"
        # 'Gibbs derided "the professional left"': the subject's words, quoted in passing
        found = attributor.speaker(subject, None, RULE_SUBJECT)
    elif found is not None and found.speaker is None and found.speaker_text is None and embedded:
        # 'Bush referred to Rubio as "a bright leader" but described ...': a cue that names
        # nobody; the subject of the quote's clause said it
        subject = attributor.resolver.clause_subject(s_start, pair.outer_start)
        if subject is not None:
            found = attributor.speaker(subject, found.cue, RULE_SUBJECT)
    if found is not None and found.speaker is None and found.speaker_text is None and \
            found.noun_phrase is not None:  # '"...," the statement said': nobody named
        found.speaker_text, found.confidence = found.noun_phrase, UNNAMED
    if found is None and starts_sentence:
        found = _context(text, para, pair, s_start, attributor.resolver, previous)
    if found is None and pair.outer_start == para.start:
        found = _previous_paragraph(attributor, before_para)
    if found is None and before.rstrip().endswith(":"):  # 'Smith was blunt: "We failed."'
        person = attributor.resolver.person_subject_of_sentence(before_start, pair.outer_start)
        if person is not None:
            found = Attribution(person, None, None, None, None, RULE_BEFORE, NAMED_CONFIDENCE[RULE_PRECEDING])
    if found is None and n_words > 4 and not starts_sentence and not embedded and \
            previous is not None and \
            previous.span.start >= para.start and \
            (previous.speaker is not None or previous.speaker_text is not None) and \
            previous.span.end >= _sentence_before(para, s_start):
        # '"...," Ruiz said. Unless rivals quit, "it is over."': the same speaker goes on
        found = Attribution(previous.speaker, previous.speaker_text, previous.cue,
                            previous.intermediary, previous.intermediary_text,
                            RULE_CONTINUATION, carried(RULE_CONTINUATION, previous.speaker))
    if found is None:
        if n_words <= 4:
            return "scare quote"
        found = Attribution(None, None, None, None, None, RULE_UNATTRIBUTED, UNATTRIBUTED)
    # '"We were the better side," said X, "and then we stopped ..."': one utterance, direct
    interrupted = index > 0 and pairs[index - 1].closed and COMMA_END.search(before) \
        is not None and CUE.search(before) is not None
    fragment = inner[:1].islower() and not starts_sentence and not after_verb and not interrupted
    quote_type: QuoteType = "partial" if embedded or fragment else "direct"
    return QuoteDraft(Span(pair.start, pair.end, inner), quote_type, found.cue, found.speaker,
                      found.speaker_text, found.intermediary, found.intermediary_text,
                      found.method, found.confidence)


def _context(text: str, para: _Paragraph, pair: Pair, s_start: int, resolver: Resolver,
             previous: QuoteDraft | None) -> Attribution | None:
    """A quote with no attribution of its own: the sentence before, or the previous quote."""
    earlier = para.sentence_ending_by(s_start)
    if earlier:
        s, e = earlier  # a sentence that ends a quote ('... Lowe," Ruiz said.') is no narration
        if not para.has_marks_in(s, e):
            person = resolver.person_subject_of_sentence(s, e)
            if person is not None:
                return Attribution(person, None, None, None, None, RULE_PRECEDING,
                                   NAMED_CONFIDENCE[RULE_PRECEDING])
    if previous is None or (previous.speaker is None and previous.speaker_text is None):
        return None
    same_paragraph = previous.span.start >= para.start
    opens_paragraph = pair.outer_start == para.start
    if same_paragraph or opens_paragraph:
        return Attribution(previous.speaker, previous.speaker_text, previous.cue,
                           previous.intermediary, previous.intermediary_text,
                           RULE_CONTINUATION, carried(RULE_CONTINUATION, previous.speaker))
    return None


def _previous_paragraph(attributor: Attributor, before: _Before) -> Attribution | None:
    """A paragraph that opens with an unattributed quote goes on with the source of the
    paragraph before: the speaker of its last reported-speech sentence ("Viguerie said Cruz
    would win." / ""Not only can ...""), else of its last attributed quote."""
    para, last = before
    if para is None:
        return None
    text = attributor.text
    s, e = para.sentences[-1] if para.sentences else (para.start, para.end)
    if not any(s <= p.start < e for p in para.pairs):
        cue = CUE.search(text, s, e)
        colon = text[s:e].rstrip().endswith(":")
        if cue is not None:
            subject = attributor.resolver.subject(s, cue.start(), cue_after=True)
            if subject is not None and (colon or not subject.pronoun):
                return attributor.speaker(subject, cue.group(), RULE_PREVIOUS_PARAGRAPH)
        if colon:  # 'President Clinton released the following statement:' / '"Hillary and I'
            subject = attributor.resolver.subject(s, e, cue_after=True)
            if subject is not None:
                return attributor.speaker(subject, None, RULE_PREVIOUS_PARAGRAPH)
    if last is not None and (last.speaker is not None or last.speaker_text is not None):
        return Attribution(last.speaker, last.speaker_text, last.cue, last.intermediary,
                           last.intermediary_text, RULE_PREVIOUS_PARAGRAPH,
                           carried(RULE_PREVIOUS_PARAGRAPH, last.speaker))
    return None


def _named_later(draft: ArticleDraft) -> None:
    """'A federal judge ... "..."' then 'U.S. District Judge Harriet Lowell': her quote."""
    for quote in draft.quotes:
        if quote.speaker is not None or quote.speaker_text is None:
            continue
        m = _NAMED_LATER.match(quote.speaker_text.strip())
        if m is None:
            continue
        head = m.group("head").lower()
        later = [r for r in draft.roles if quote.span.end < r.span.start < quote.span.end + 600
                 and head.title() in r.role]  # a title in capitals: "U.S. District Judge"
        if later:
            quote.speaker = later[0].actor
            quote.method, quote.confidence = RULE_NAMED_LATER, NAMED_CONFIDENCE[RULE_NAMED_LATER]


def _credit_lines(draft: ArticleDraft, body: list[_Paragraph], resolver: Resolver) -> None:
    """'"We will win." / - Ada Lowe.': a paragraph that is one quote with no attribution of its
    own, and a credit line as the next paragraph, gives the quote to the person credited."""
    text = draft.source.text
    own = (RULE_UNATTRIBUTED, RULE_CONTINUATION, RULE_PREVIOUS_PARAGRAPH)
    for para, after in pairwise(body):
        credit = _CREDIT_LINE.match(text, after.start, after.end)
        if credit is None or len(para.pairs) != 1 or len(text[after.start:after.end].split()) > 12 \
                or "—" in credit.group("who") or "–" in credit.group("who"):
            continue
        pair = para.pairs[0]
        if not (_BARE.fullmatch(text, para.start, pair.outer_start)
                and _BARE.fullmatch(text, pair.outer_end, para.end)):
            continue
        who = [m for m in resolver.within(credit.start("who"), credit.end("who"))
               if resolver.kind.get(m.actor) in ("person", "organization", "group", "country")]
        words = credit.group("who").split()
        if not who and not (len(words) <= 6 and all(w[:1].isupper() for w in words)):
            continue  # "- Polls open at 7 a.m." credits nobody
        for quote in draft.quotes:
            if quote.span.start == pair.start and quote.method in own:
                quote.speaker = who[0].actor if who else None
                quote.speaker_text = who[0].span.text if who else credit.group("who").strip()
                quote.cue = quote.intermediary = quote.intermediary_text = None
                quote.method = RULE_CREDIT_LINE
                quote.confidence = carried(RULE_CREDIT_LINE, quote.speaker)
