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
   Harriet Lowell") is that person.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from newsgraph.models.base import QuoteType
from newsgraph.pipeline.attribution import (
    CUE,
    JOINT,
    RELATIVE,
    Attribution,
    Resolver,
    Subject,
    governing_cue,
    pronoun_object,
    relay,
    reported_after,
)
from newsgraph.pipeline.drafts import ActorMentionDraft, ArticleDraft, QuoteDraft, Span
from newsgraph.pipeline.lexicon import OPENING_MARK, QUOTE_PAIRS
from newsgraph.pipeline.segment import DATELINE
from newsgraph.pipeline.sentences import sentence_break, sentence_spans

RULE_AFTER = "rule:quotes.attribution_after@2"
RULE_BEFORE = "rule:quotes.attribution_before@2"
RULE_CONTINUATION = "rule:quotes.continuation@2"
RULE_PRECEDING = "rule:quotes.preceding_sentence@1"
RULE_NAMED_LATER = "rule:quotes.named_later@1"
RULE_UNATTRIBUTED = "rule:quotes.unattributed@1"
RULE_SUBJECT = "rule:quotes.clause_subject@1"
RULE_PREVIOUS_PARAGRAPH = "rule:quotes.previous_paragraph@1"

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
_AFTER_VERB = re.compile(r"\b(?:said|says|saying|added|adding|asked|asking|wrote|writing|declared|"
                         r"announced|stated|continued|replied|tweeted|posted|shouted)\s*$")
_NAMED_LATER = re.compile(r"^(?:an?)\s+(?:[\w-]+\s+){0,2}?(?P<head>judge|minister|president|"
                          r"governor|mayor|coach|manager|prosecutor|senator|ambassador|"
                          r"chief executive|chairman|chairwoman|commissioner|general|envoy)$",
                          re.I)

#: Confidence of a sieve's attribution to a named speaker, and (``_PRONOUN``) to a resolved
#: pronoun: the share of its quotes whose speaker was right on the PolNeAR training split,
#: rounded down to 0.05 (`make quality` prints the table; docs/quality.md). An unnamed speaker
#: ("a spokesman") takes 0.2 less, an unresolved pronoun 0.3 less.
_NAMED = {RULE_AFTER: 0.95, RULE_BEFORE: 0.9, RULE_SUBJECT: 0.85, RULE_CONTINUATION: 0.95,
          RULE_PRECEDING: 0.85, RULE_PREVIOUS_PARAGRAPH: 0.7, RULE_NAMED_LATER: 0.7}
_PRONOUN = {RULE_AFTER: 0.6, RULE_BEFORE: 0.65, RULE_SUBJECT: 0.5}
#: A cue with nobody named, and a quote with no attribution at all: no speaker to be right.
NO_SPEAKER = 0.3
UNATTRIBUTED = 0.2
#: Small patterns, compiled once (the re module's cache is shared with per-article patterns).
_LEAD = re.compile(r"[\s,;:—–-]*")
#: A sentence adverb or conjunction before a quote: the quote still opens the sentence.
_ADVERB_LEAD = re.compile(r"\s*(?:Now|Still|But|And|Yet|So|Then|Later|Instead|Today|Also|"
                          r"Meanwhile|However|Indeed|Again|Finally|Otherwise)\s*,?\s*")
_COMMA_END = re.compile(r",\s*$")
#: Relative clauses and appositives between commas ("X, who served as ..., told"): not
#: counted in the distance from a quote to its cue.
_APPOSITIVES = re.compile(r",[^,;.!?\"“”]{1,120},")
_COMMA_COLON_END = re.compile(r"[,:]\s*$")
_TOLD = re.compile(r"\btold\b")
_WITH_END = re.compile(r"\bwith\s+$")
#: A closing mark followed by a comma: the attribution that follows is the quote's own.
_TIGHT_AFTER = re.compile(r"\s*,")
#: At most this many characters ('," he said in a statement.') after a quote that a following
#: paragraph may continue.
_TAIL = 60

#: Opening marks that some texts close with the other double mark ('"Frozen“', '“no"').
_MIXED = {'"': "”", "“": '"'}


@dataclass(frozen=True)
class Pair:
    """A pair of quotation marks: inner text from ``start`` to ``end``; ``closed`` if it was."""

    start: int
    end: int
    closed: bool
    opening: int = 1  # width of the opening mark
    closing: int = 1  # width of the closing mark (0 when unclosed)

    @property
    def outer_start(self) -> int:
        """Where the opening mark starts."""
        return self.start - self.opening

    @property
    def outer_end(self) -> int:
        """Where the closing mark ends."""
        return self.end + self.closing


def _opens(text: str, i: int, width: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-/:*,;") and not after.isspace()


def find_pairs(text: str, start: int, end: int) -> list[Pair]:
    """Quotation-mark pairs inside ``text[start:end]`` (a paragraph); nested quotes skipped.

    Marks are those of ``lexicon.QUOTE_PAIRS`` (a closing mark is searched from the opening
    one, so a quotation inside a quotation is part of the outer one).
    """
    pairs: list[Pair] = []
    i = start
    while True:
        found = OPENING_MARK.search(text, i, end)
        if found is None:
            return pairs
        i, mark = found.start(), found.group()
        width = len(mark)
        if not _opens(text, i, width):
            i += 1
            continue
        close = QUOTE_PAIRS[mark]
        j = text.find(close, i + width, end)
        while mark == "‘" and j != -1 and j + 1 < end and text[j + 1].isalpha():
            j = text.find(close, j + 1, end)  # "it’s": an apostrophe, not the closing mark
        while close == "''" and j != -1 and text[j + 2:j + 3] == "'":
            j += 1  # three apostrophes: a single closing mark inside, then the double one
        mixed = _MIXED.get(mark)
        if mixed is not None:  # a straight mark closed by a curly one, or the reverse
            k = text.find(mixed, i + width, j if j != -1 else end)
            if k != -1:
                j, close = k, mixed
        if j != -1:
            if j > i + width:
                pairs.append(Pair(i + width, j, True, width, len(close)))
            i = j + len(close)
            continue
        if mark != "‘" and end > i + width:  # unclosed: runs to the paragraph end
            inner_end = end
            while inner_end > i + width and text[inner_end - 1].isspace():
                inner_end -= 1
            pairs.append(Pair(i + width, inner_end, False, width, 0))
            return pairs
        i += 1


@dataclass
class _Paragraph:
    start: int
    end: int
    pairs: list[Pair]
    sentences: list[tuple[int, int]]


class _Before(NamedTuple):
    """The body paragraph before the current one, and its last quote."""

    para: _Paragraph | None
    last: QuoteDraft | None


class _Attributor:
    """Attribution of the quotes of one article, in reading order."""

    def __init__(self, draft: ArticleDraft, resolver: Resolver) -> None:
        self.text = draft.source.text
        self.resolver = resolver

    def speaker(self, subject: Subject, cue: str | None, method: str, base: float) -> Attribution:
        if subject.pronoun:
            person = self.resolver.resolve_pronoun(subject.text, subject.start)
            return Attribution(person, subject.text, cue, None, None, method,
                               _PRONOUN.get(method, base - 0.2) if person else base - 0.3)
        if subject.actor is None:
            return Attribution(None, subject.text, cue, None, None, method, base - 0.2)  # unnamed
        return Attribution(subject.actor, subject.text, cue, None, None, method, base)

    def after(self, start: int, end: int) -> Attribution | None:
        """'..., X said', '," said X', '," RIA cited X as saying', '," according to X'."""
        text, resolver = self.text, self.resolver
        lead = _LEAD.match(text[start:end])
        c0 = start + (lead.end() if lead else 0)
        if c0 >= end:
            return None
        saying = relay(text, c0, end)
        if saying is not None and "subject" in (saying.groupdict() or {}):
            media = resolver.media_before(c0, saying.start())
            subj = resolver.subject(saying.start("subject"), saying.end("subject"),
                                    cue_after=True)
            pronoun = pronoun_object(text, saying.start("subject"))
            if subj is None and pronoun is not None:
                subj = Subject(None, pronoun.group("p"), pronoun.start("p"), pronoun=True)
            if subj is not None:
                found = self.speaker(subj, saying.group("cue"), RULE_AFTER, _NAMED[RULE_AFTER])
                return _with_media(found, media)
        first = CUE.match(text, c0)
        if first is not None:  # inverted: '," said Marta Lis, chief economist'
            subj = resolver.subject(first.end(), end, cue_after=False)
            found = self.speaker(subj, first.group(), RULE_AFTER, _NAMED[RULE_AFTER]) if subj \
                else Attribution(None, None, first.group(), None, None, RULE_AFTER, NO_SPEAKER)
            return self.relayed(found, c0, end)
        cue = CUE.search(text, c0, end)
        if cue is None or len(_APPOSITIVES.sub(",", text[c0:cue.start()]).split()) > 12 \
                or sentence_break(text, c0, cue.start()) or JOINT.search(text, c0, cue.start()):
            return None  # '"glow in the dark," for instance, and Trump vowed': another clause
        subj = resolver.subject(c0, cue.start(), cue_after=True)
        if subj is None and _COMMA_END.search(text[c0:cue.start()]):
            # '"the beginning of the end" for the EU, said Geert Wilders': inverted after all
            subj = resolver.subject(cue.end(), end, cue_after=False)
            if subj is not None and subj.pronoun:
                subj = None
        if subj is None:  # a cue with no named speaker ("the crowd shouted"): still its own
            return self.relayed(Attribution(None, None, cue.group(), None, None, RULE_AFTER,
                                             NO_SPEAKER), c0, end)
        return self.relayed(self.speaker(subj, cue.group(), RULE_AFTER, _NAMED[RULE_AFTER]), c0,
                            end)

    def relayed(self, found: Attribution, start: int, end: int) -> Attribution:
        """Add the outlet of 'told Reuters', 'as quoted by Politico', ', CNN reported'."""
        if found.intermediary is not None:
            return found
        clause = self.text[start:end]
        by = relay(self.text, start, end)
        media = None
        if by is not None and "subject" not in (by.groupdict() or {}):
            # "as quoted by the Turkish newspaper": the outlet named before
            media = self.resolver.media_after(by.end(), end) \
                or self.resolver.media_before(max(0, start - 3000), start)
        elif (told := _TOLD.search(clause)) is not None:
            media = self.resolver.media_after(start + told.end(), end)
            if media is not None and self.text[start + told.end():media.span.start].strip(
                    " *") not in ("", "the", "The"):
                media = None
        if media is None and reported_after(self.text, start, end):
            media = self.resolver.media_before(start, end)
        return _with_media(found, media)

    def before(self, start: int, end: int, s_start: int) -> Attribution | None:
        """'X said: "..."', 'X said the plan was "..."', 'Y cited X as saying "..."'."""
        text, resolver = self.text, self.resolver
        saying = relay(text, start, end)
        if saying is not None and "subject" in (saying.groupdict() or {}):
            media = resolver.media_before(s_start, saying.start())
            subj = resolver.subject(saying.start("subject"), saying.end("subject"),
                                    cue_after=True)
            if subj is not None:
                return _with_media(self.speaker(subj, saying.group("cue"), RULE_BEFORE, _NAMED[RULE_BEFORE]),
                                   media)
        lead = _LEAD.match(text[start:end])
        first = CUE.match(text, start + (lead.end() if lead else 0))
        if first is not None and _COMMA_COLON_END.search(text[start:end]):
            # between two parts of a quote: '," said X, "'
            subj = resolver.subject(first.end(), end, cue_after=False)
            if subj is not None:
                return self.relayed(self.speaker(subj, first.group(), RULE_BEFORE, _NAMED[RULE_BEFORE]),
                                     first.start(), end)
        cue = governing_cue(text, start, end)
        if cue is None:
            # 'X said it was "reckless" and would "..."': the cue is before the last quote
            return self.before(s_start, end, s_start) if start > s_start else None
        if cue.group().lower() == "according to":  # 'According to X, "..."'
            subj = resolver.subject(cue.end(), end, cue_after=False)
            if subj is not None:
                return self.speaker(subj, cue.group(), RULE_BEFORE, _NAMED[RULE_BEFORE])
        # cues inside a relative clause ("Clinton, who did not say ..., said") govern nothing
        relative = [(r.start(), r.end()) for r in RELATIVE.finditer(text, s_start, cue.start())]
        cues = [c for c in CUE.finditer(text, s_start, cue.start())
                if not any(a <= c.start() < b for a, b in relative)]
        in_clause = [c for c in cues if c.start() >= start]
        spans = []
        if cue.group().endswith("ing"):  # 'saying', 'adding': the main subject, unless
            adjacent = resolver.subject(max(start, cue.start() - 40), cue.start(),
                                        cue_after=True)  # 'with Gorka noting'
            if adjacent is not None and not adjacent.pronoun and \
                    text[adjacent.start:cue.start()].count(" ") <= 2 and \
                    _WITH_END.search(text[max(s_start, adjacent.start - 6):adjacent.start]):
                return self.relayed(self.speaker(adjacent, cue.group(), RULE_BEFORE, _NAMED[RULE_BEFORE]),
                                    start, end)
        else:
            spans.append((max((c.end() for c in in_clause), default=start), cue.start()))
        spans.append((start, in_clause[0].start() if in_clause else cue.start()))
        spans.append((s_start, cues[0].start() if cues else cue.start()))
        for a, b in spans:
            subj = resolver.subject(a, b, cue_after=True)
            if subj is not None:
                found = self.speaker(subj, cue.group(), RULE_BEFORE, _NAMED[RULE_BEFORE])
                return self.relayed(found, start, end)
        return Attribution(None, None, cue.group(), None, None, RULE_BEFORE, NO_SPEAKER)


def _with_media(found: Attribution, media: ActorMentionDraft | None) -> Attribution:
    if media is not None and media.actor != found.speaker:
        found.intermediary, found.intermediary_text = media.actor, media.span.text
    return found


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
    attributor = _Attributor(draft, resolver)
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
    draft.resolver = resolver


def _sentence_of(sentences: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The sentence holding position ``at`` (the last one if none does)."""
    i = bisect_right(sentences, (at, sys.maxsize)) - 1
    if i >= 0 and at < sentences[i][1]:
        return sentences[i]
    return sentences[-1] if sentences else (at, at)


def _classify(text: str, para: _Paragraph, index: int, attributor: _Attributor,
              previous: QuoteDraft | None, before_para: _Before) -> QuoteDraft | str:
    """A quote draft, or the reason the marks are not a quote."""
    pairs = para.pairs
    pair = pairs[index]
    inner = text[pair.start:pair.end]
    s_start = _sentence_of(para.sentences, pair.outer_start)[0]
    s_end = _sentence_of(para.sentences, min(pair.end, para.end - 1))[1]
    if s_end <= pair.outer_end and inner.rstrip().rstrip("’'\"”")[-1:] in ("?", "!") and \
            s_end < para.end:
        # '"Where is it?" Trump asked.': the attribution after a question is the same sentence
        s_end = _sentence_of(para.sentences, min(s_end + 1, para.end - 1))[1]
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
    embedded = not starts_sentence and not _COMMA_COLON_END.search(before) and not after_verb
    if _SCARE_CUE.search(before):
        return "scare quote"
    if ((embedded or _title_case(inner)) and _TITLE_CUE.search(before)) or \
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
        if _title_case(inner):
            return "title"
        subject = attributor.resolver.clause_subject(s_start, pair.outer_start)
        if subject is None or (_DETERMINER.search(before) and n_words <= 4):
            return "scare quote"
        # 'Gibbs derided "the professional left"': the subject's words, quoted in passing
        found = attributor.speaker(subject, None, RULE_SUBJECT, _NAMED[RULE_SUBJECT])
    if found is None and starts_sentence:
        found = _context(text, para, pair, s_start, attributor.resolver, previous)
    if found is None and pair.outer_start == para.start:
        found = _previous_paragraph(attributor, before_para)
    if found is None and before.rstrip().endswith(":"):  # 'Smith was blunt: "We failed."'
        person = attributor.resolver.person_subject_of_sentence(before_start, pair.outer_start)
        if person is not None:
            found = Attribution(person, None, None, None, None, RULE_BEFORE, _NAMED[RULE_PRECEDING])
    if found is None:
        if n_words <= 4:
            return "scare quote"
        found = Attribution(None, None, None, None, None, RULE_UNATTRIBUTED, UNATTRIBUTED)
    # '"We were the better side," said X, "and then we stopped ..."': one utterance, direct
    interrupted = index > 0 and pairs[index - 1].closed and _COMMA_END.search(before) \
        is not None and CUE.search(before) is not None
    fragment = inner[:1].islower() and not starts_sentence and not after_verb and not interrupted
    quote_type: QuoteType = "partial" if embedded or fragment else "direct"
    return QuoteDraft(Span(pair.start, pair.end, inner), quote_type, found.cue, found.speaker,
                      found.speaker_text, found.intermediary, found.intermediary_text,
                      found.method, found.confidence)


def _title_case(inner: str) -> bool:
    words = [w for w in inner.split() if w[:1].isalpha()]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _context(text: str, para: _Paragraph, pair: Pair, s_start: int, resolver: Resolver,
             previous: QuoteDraft | None) -> Attribution | None:
    """A quote with no attribution of its own: the sentence before, or the previous quote."""
    earlier = [(s, e) for s, e in para.sentences if e <= s_start]
    if earlier:
        s, e = earlier[-1]
        if not any(s <= p.start < e for p in para.pairs):
            person = resolver.person_subject_of_sentence(s, e)
            if person is not None:
                return Attribution(person, None, None, None, None, RULE_PRECEDING,
                                   _NAMED[RULE_PRECEDING])
    if previous is None or (previous.speaker is None and previous.speaker_text is None):
        return None
    same_paragraph = previous.span.start >= para.start
    opens_paragraph = pair.outer_start == para.start
    if same_paragraph or opens_paragraph:
        return Attribution(previous.speaker, previous.speaker_text, previous.cue,
                           previous.intermediary, previous.intermediary_text,
                           RULE_CONTINUATION, _NAMED[RULE_CONTINUATION])
    return None


def _previous_paragraph(attributor: _Attributor, before: _Before) -> Attribution | None:
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
        if cue is not None:
            subject = attributor.resolver.subject(s, cue.start(), cue_after=True)
            if subject is not None and not subject.pronoun:
                return attributor.speaker(subject, cue.group(), RULE_PREVIOUS_PARAGRAPH,
                                          _NAMED[RULE_PREVIOUS_PARAGRAPH])
    if last is not None and (last.speaker is not None or last.speaker_text is not None):
        return Attribution(last.speaker, last.speaker_text, last.cue, last.intermediary,
                           last.intermediary_text, RULE_PREVIOUS_PARAGRAPH,
                           _NAMED[RULE_PREVIOUS_PARAGRAPH])
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
            quote.method, quote.confidence = RULE_NAMED_LATER, _NAMED[RULE_NAMED_LATER]
