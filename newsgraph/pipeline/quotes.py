"""Quotations and who said them.

1. Pair quotation marks inside each body paragraph (straight, curly double, curly single);
   an unclosed quote runs to the paragraph end (a quote continued in the next paragraph).
2. Decide what each pair is: a headline or subheading quote, a scare quote or a title is not a
   quote (kept as a decision, not silently dropped); otherwise direct or partial.
3. Attribute: "..., X said", "said X", "X said ... "..."", "X cited Y as saying", "X reported
   Y as saying", "as quoted by X", "X told Y"; pronouns resolve to the last named person;
   an unattributed quote right after an attributed one continues it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.models.base import QuoteType
from newsgraph.pipeline.drafts import ActorMentionDraft, ArticleDraft, QuoteDraft, Span

RULE_AFTER = "rule:quotes.attribution_after@1"
RULE_BEFORE = "rule:quotes.attribution_before@1"
RULE_CONTINUATION = "rule:quotes.continuation@1"
RULE_UNATTRIBUTED = "rule:quotes.unattributed@1"

CUES = (r"said|says|told|tells|added|adds|warned|noted|stressed|remarked|explained|insisted|"
        r"argued|asked|declared|announced|stated|wrote|claimed|continued|called|described|"
        r"urged|vowed|admitted|acknowledged|replied|responded|cited|quoted|reported|"
        r"according to|as saying")
_CUE = re.compile(rf"\b({CUES})\b")
_RELAY = re.compile(r"\b(?P<cue>cited|quoted|reported)\b[^.\"“”]{0,60}?\bas saying\b"
                    r"|\bas (?:quoted|reported|cited) by\b|\btold\b|\baccording to\b")
_PRONOUN = re.compile(r"\b(he|she|him|her|they|them)\b", re.I)
_UNNAMED = re.compile(
    r"\b(?:an?|the|one|two|three|several)\s+(?:[\w.’'-]+\s+){0,6}?(?:official|officials|"
    r"spokesman|spokeswoman|spokesperson|source|sources|diplomat|diplomats|aide|analyst|"
    r"expert|minister|lawmaker|senators?|officer|representative|person|people)\b", re.I)
_TITLE_CUE = re.compile(r"\b(titled|entitled|dubbed|named|book|film|song|operation|slogan|"
                        r"hashtag|headline)\s*$", re.I)
_SCARE_CUE = re.compile(r"\b(so-called|so called|the term|the word|what (?:he|she|they|it) "
                        r"calls?)\s*$", re.I)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z])")

OPEN_CLOSE = {"“": "”", '"': '"', "‘": "’", "«": "»"}


@dataclass(frozen=True)
class Pair:
    """A pair of quotation marks: inner text from ``start`` to ``end``; ``closed`` if it was."""

    start: int
    end: int
    closed: bool


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def find_pairs(text: str, start: int, end: int) -> list[Pair]:
    """Quotation-mark pairs inside ``text[start:end]`` (a paragraph); nested quotes skipped."""
    pairs: list[Pair] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in OPEN_CLOSE and _opens(text, i):
            close = OPEN_CLOSE[ch]
            j = i + 1
            while j < end:
                if text[j] == close and (ch != "‘" or j + 1 >= end or not text[j + 1].isalpha()):
                    break
                j += 1
            if j < end:
                if j > i + 1:
                    pairs.append(Pair(i + 1, j, True))
                i = j + 1
                continue
            if ch != "‘" and end > i + 1:  # unclosed: runs to the paragraph end
                inner_end = end
                while inner_end > i + 1 and text[inner_end - 1].isspace():
                    inner_end -= 1
                pairs.append(Pair(i + 1, inner_end, False))
                return pairs
        i += 1
    return pairs


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Sentence starts inside paragraph ``text[start:end]`` (the paragraph start included)."""
    return [start, *(m.end() for m in _SENTENCE_SPLIT.finditer(text, start, end)), end]


def _mentions_in(mentions: list[ActorMentionDraft], start: int, end: int) -> list[ActorMentionDraft]:
    return [m for m in mentions if start <= m.span.start and m.span.end <= end]


class _Resolver:
    """Looks up who a stretch of text names, and who 'he' is at a point of the article."""

    def __init__(self, draft: ArticleDraft) -> None:
        self.draft = draft
        self.mentions = sorted(draft.actor_mentions, key=lambda m: m.span.start)
        self.kind = {name: a.kind for name, a in draft.actors.items()}

    def speaker_in(self, start: int, end: int, *, prefer_last: bool) -> ActorMentionDraft | None:
        found = [m for m in _mentions_in(self.mentions, start, end)
                 if self.kind.get(m.actor) != "media"]
        people = [m for m in found if self.kind.get(m.actor) == "person"]
        pool = people or found
        if not pool:
            return None
        return pool[-1] if prefer_last else pool[0]

    def media_in(self, start: int, end: int) -> ActorMentionDraft | None:
        found = [m for m in _mentions_in(self.mentions, start, end)
                 if self.kind.get(m.actor) == "media"]
        return found[0] if found else None

    def last_person_before(self, at: int) -> str | None:
        people = [m for m in self.mentions
                  if m.span.end <= at and self.kind.get(m.actor) == "person"]
        return people[-1].actor if people else None

    def last_media_before(self, at: int) -> ActorMentionDraft | None:
        media = [m for m in self.mentions if m.span.end <= at and self.kind.get(m.actor) == "media"]
        return media[-1] if media else None


@dataclass
class _Attribution:
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    intermediary: str | None
    intermediary_text: str | None
    method: str
    confidence: float


def _attribute_clause(text: str, start: int, end: int, resolver: _Resolver, at: int,
                      method: str, *, speaker_first: bool) -> _Attribution | None:
    """Find cue, speaker and intermediary in the clause ``text[start:end]``."""
    clause = text[start:end]
    cue_match = _CUE.search(clause)
    if cue_match is None:
        return None
    intermediary = intermediary_text = None
    relay = _RELAY.search(clause)
    cue = cue_match.group()
    speaker_start, speaker_end = start, end
    if relay is not None:
        media = resolver.media_in(start, end)
        if media is None and "by" in relay.group():
            media = resolver.last_media_before(start)
        if media is not None:
            intermediary, intermediary_text = media.actor, media.span.text
            cue = relay.group("cue") or relay.group().strip()
            if "as saying" in relay.group():  # "RIA cited Mikheev as saying": speaker is inside
                speaker_start = media.span.end if media.span.start >= start else start
    if method == RULE_BEFORE and relay is None:
        speaker_end = start + cue_match.start()  # the subject precedes the cue
    speaker = resolver.speaker_in(speaker_start, speaker_end, prefer_last=not speaker_first)
    if speaker is not None and speaker.actor == intermediary:
        speaker = None
    if speaker is not None:
        return _Attribution(speaker.actor, speaker.span.text, cue, intermediary,
                            intermediary_text, method, 0.9)
    pronoun = _PRONOUN.search(clause)
    if pronoun is not None:
        person = resolver.last_person_before(at)
        return _Attribution(person, pronoun.group(), cue, intermediary, intermediary_text,
                            method, 0.8 if person else 0.4)
    unnamed = _UNNAMED.search(clause)
    if unnamed is not None:
        return _Attribution(None, unnamed.group(), cue, intermediary, intermediary_text,
                            method, 0.7)
    return None


def find_quotes(draft: ArticleDraft) -> None:
    """Fill ``draft.quotes`` and ``draft.not_quotes`` (in place)."""
    text = draft.source.text
    resolver = _Resolver(draft)
    previous: QuoteDraft | None = None
    for seg in draft.segments:
        pairs = find_pairs(text, seg.char_start, seg.char_end)
        if seg.kind in ("title", "subheading"):
            for p in pairs:
                draft.not_quotes.append((Span(p.start, p.end, text[p.start:p.end]), seg.kind))
            continue
        if seg.kind != "body":
            continue
        for index, pair in enumerate(pairs):
            quote = _classify(text, seg.char_start, seg.char_end, pairs, index, resolver, previous)
            if isinstance(quote, str):
                draft.not_quotes.append((Span(pair.start, pair.end, text[pair.start:pair.end]), quote))
                continue
            draft.quotes.append(quote)
            previous = quote
        if not pairs:
            previous = None if _CUE.search(seg.text) is None else previous


def _classify(text: str, p_start: int, p_end: int, pairs: list[Pair], index: int,
              resolver: _Resolver, previous: QuoteDraft | None) -> QuoteDraft | str:
    """A quote draft, or the reason the marks are not a quote."""
    pair = pairs[index]
    inner = text[pair.start:pair.end]
    bounds = _boundaries(text, p_start, p_end)
    s_start = max(b for b in bounds if b <= pair.start)
    s_end = min(b for b in bounds if b >= min(pair.end + 1, p_end))
    before_start = max(s_start, pairs[index - 1].end + 1 if index else s_start)
    before = text[before_start:pair.start - 1]
    after_end = min(s_end, pairs[index + 1].start - 1 if index + 1 < len(pairs) else s_end)
    after_start = min(pair.end + 1, after_end)
    starts_sentence = not before.strip(" \t—–-")
    # "..., adding "where they are going ... direction."": a clause right after the speech
    # verb is the verb's complement, i.e. direct speech, not a fragment of the reporter's words.
    after_verb = re.search(rf"\b({CUES}|adding|saying)\s*$", before) is not None \
        and len(inner.split()) >= 4
    embedded = not starts_sentence and not re.search(r"[,:]\s*$", before) and not after_verb
    n_words = len(inner.split())
    attribution = None
    if not embedded:
        attribution = _attribute_clause(text, after_start, after_end, resolver, pair.start,
                                        RULE_AFTER, speaker_first=True)
    if attribution is None and before.strip():
        attribution = _attribute_clause(text, before_start, pair.start - 1, resolver,
                                        pair.start, RULE_BEFORE, speaker_first=True)
        if (attribution is None or attribution.speaker is None) and before_start > s_start:
            # "X said A "..." but said B "..."": the subject is at the sentence start.
            wider = _attribute_clause(text, s_start, pair.start - 1, resolver, pair.start,
                                      RULE_BEFORE, speaker_first=True)
            attribution = wider or attribution
    if attribution is None and not embedded and starts_sentence and previous is not None \
            and previous.speaker is not None and pair.start - previous.span.end < 400:
        attribution = _Attribution(previous.speaker, previous.speaker_text, previous.cue,
                                   previous.intermediary, previous.intermediary_text,
                                   RULE_CONTINUATION, 0.75)
    if embedded and _TITLE_CUE.search(before):
        return "title"
    if _SCARE_CUE.search(before):
        return "scare quote"
    if attribution is None:
        if n_words <= 4 or embedded:
            return "scare quote"
        attribution = _Attribution(None, None, None, None, None, RULE_UNATTRIBUTED, 0.5)
    fragment = inner[:1].islower() and not starts_sentence and not after_verb
    quote_type: QuoteType = "partial" if embedded or fragment else "direct"
    return QuoteDraft(Span(pair.start, pair.end, inner), quote_type, attribution.cue,
                      attribution.speaker, attribution.speaker_text, attribution.intermediary,
                      attribution.intermediary_text, attribution.method, attribution.confidence)
