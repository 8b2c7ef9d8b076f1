"""Reported claims: what a source is said to say, think or want, with its content as the span.

Each sentence of the body is read for attribution cues (the speech, cognition and stance verbs
of ``lexicon``, "according to" and a few nouns). The sieves, each named in the claim's
``method``; in a sentence the first three are tried in this order: a sentence that
``according_to`` fits is its claim alone; after ``inverted``, ``complement`` reads the cues
that follow the inverted one:

1. ``according_to``: "According to X, P." / "P, according to X." / "As reported by X, P."
   -> X claims P; ``in_poll``: "In a new Fox News poll, P." -> the poll (their code in
   ``claim_according``);
2. ``inverted``: "P, X said." / "P, said X." / "P, X, a spokesman, said." at the end of a
   sentence (a speech verb only, perhaps with an adverbial tail: "..., X said on Tuesday at
   ...") -> X claims P; "P, X said, Q" -> X claims the whole sentence; the cues after it
   ("..., X said, adding that Q") share X (its code in ``claim_inverted``);
3. ``complement``: "X said (that) P", "X denied the claims", "X wants to P" -> X claims the
   complement of the cue: the clause or noun phrase after it (lead-ins such as "in an
   interview" or "on Tuesday" and a "that" skipped), up to the end of the clause: the sentence
   end, a semicolon, a dash, a parenthesis, ", but/which/while/although/though/whereas", the
   comma after a stance cue's named object, the end of an opening participle clause, or the
   start of the next attributed clause (the content is cut in ``claim_content``, its end found
   in ``claim_ends``). A cue whose subject is left out shares the subject of
   the verb before it ("X denied the claims, and suggested P"; "he said, noting that P"), so
   one source can make several claims; a cue inside a content with a subject of its own is a
   nested claim ("X noted that Y says P": both). A cue left with no source at all takes the
   name or pronoun that opens its sentence, or the name after the opening participle clause it
   is in (``sentence_subject``: "Okafor ran on X and accused Y of P"; "Rattling off P, Okafor
   ..."), else the source of the sentence's claim before it (``earlier_source``); the
   sentence's subject is found in ``claim_subjects``. Still without one, the content is a
   claim with no claimant (``unsourced``: "About four in ten say P", "most believe that P")
   when its clause names nobody before the cue and the cue is no participle; otherwise no
   claim: a participle's source is the subject of the main clause ("After suggesting P, Ruiz
   ..."), and a capitalised word before the cue is mostly a source the rules did not make an
   actor.

Besides these, their code in ``claim_sieves``: in any sentence, ``question_put`` before the
three ("Asked whether P, X said": asked by somebody unnamed), then after them ``nominal`` ("his
criticism of X": the possessor claims X) and ``evidential`` ("X seemed to P", "X is expected
to P": the writer's assessment, no claimant), neither inside a content already found; a
headline in title case gets ``headline`` instead of all of them ("Trump Says He ..."); a
body sentence in title case too, unless ``headline`` makes no claim of it, when it is read as
any sentence ("Donald Trump said Hillary Clinton ..."); a headline in sentence case is read
as a sentence, its speech and cognition cues only ("Council rejects plan" reports a deed);
and a paragraph that opens with a speaker's label ``speaker_label`` ("TAPPER:
...", "Report: ...") before its sentences.

Before any sieve reads a cue, ``claim_rejections`` passes over the cues that are mostly not
attribution in their sense here ("remarks", "its support", "a group called X", the cue of a
quote), with the reason for ``newsgraph explain``.

Quotes inside a content stay in it ("X said the plan was "reckless"" is both a partial quote
and a claim); a content that is mostly one quotation is the quote's, not a claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsgraph.rules.attribution import Resolver, Subject
from newsgraph.rules.claim_according import CONFIDENCE as ACCORDING_CONFIDENCE
from newsgraph.rules.claim_according import according_claim
from newsgraph.rules.claim_content import cue_content
from newsgraph.rules.claim_ends import ContentEnds
from newsgraph.rules.claim_inverted import CONFIDENCE as INVERTED_CONFIDENCE
from newsgraph.rules.claim_inverted import inverted_claim
from newsgraph.rules.claim_rejections import cue_rejection
from newsgraph.rules.claim_sieves import (
    CONFIDENCE as SIEVE_CONFIDENCE,
)
from newsgraph.rules.claim_sieves import (
    RULE_LABEL,
    asked,
    evidential,
    headline,
    labelled,
    nominal,
)
from newsgraph.rules.claim_sources import subject_before
from newsgraph.rules.claim_spans import (
    CLAIM_CUES,
    Reported,
    clause_start_before,
    reach_limit,
)
from newsgraph.rules.claim_subjects import (
    may_be_unsourced,
    opening_clause_end,
    sentence_subject,
)
from newsgraph.rules.drafts import ArticleDraft, Span
from newsgraph.rules.lexicon import (
    COGNITION_FORMS,
    SPEECH_FORMS,
    STANCE_FORMS,
)
from newsgraph.rules.names import (
    is_function_word,
    is_title_case,
)
from newsgraph.rules.quoted import Quoted
from newsgraph.rules.scanner import Cue
from newsgraph.rules.sentences import sentence_spans

RULE_COMPLEMENT = "rule:claims.complement@4"
RULE_SENTENCE_SUBJECT = "rule:claims.sentence_subject@2"
RULE_EARLIER_SOURCE = "rule:claims.earlier_source@1"
RULE_UNSOURCED = "rule:claims.unsourced@1"
#: Each sieve's precision on the PolNeAR training split (its claims inside an attributed
#: Content), rounded down to 0.05: `make quality` prints it (docs/quality.md); the other
#: sieves' are in ``claim_according``, ``claim_inverted`` and ``claim_sieves``.
CONFIDENCE = {**ACCORDING_CONFIDENCE, RULE_COMPLEMENT: 0.85, **INVERTED_CONFIDENCE,
              RULE_SENTENCE_SUBJECT: 0.7, RULE_EARLIER_SOURCE: 0.85, RULE_UNSOURCED: 0.6,
              **SIEVE_CONFIDENCE}
#: Only a conjunction between two cues: the second shares the first one's source.
_SAME_SOURCE = re.compile(r"\s*(?:,\s*)?(?:and|but|then|also|while)?\s*(?:\w+ly\s+)?")
#: A comma, or "and", right before a cue without a subject: the clause goes on.
_JOINED_BEFORE = re.compile(r"(?:,|\band)\s*(?:\w+ly\s+)?$")
#: A noun phrase right before a participle ("super PACs supporting", "phone calls opposing").
_NOUN_BEFORE = re.compile(r"(?:\b[\w’'-]+\s+){0,2}(?P<head>[A-Za-z][\w’'-]*[a-z])\s+$")


#: A cue the sieves passed over, and why: (position, cue, reason), for ``newsgraph explain``.
Rejected = tuple[int, str, str]


def reported_contents(draft: ArticleDraft, resolver: Resolver, quoted: list[tuple[int, int]],
                      rejected: list[Rejected] | None = None) -> Iterator[Reported]:
    """Every reported content of the article's body, in text order.

    ``quoted``: the inner spans of the article's quotation-mark pairs, sorted; ``rejected``, if
    given, receives the cues that made no claim, with the reason.
    """
    notes: list[Rejected] = [] if rejected is None else rejected
    if not isinstance(quoted, Quoted):
        quoted = Quoted(quoted)
    text = draft.source.text
    for seg in draft.segments:
        if seg.kind == "title":
            titled = list(headline(text, seg.char_start, seg.char_end, resolver, quoted))
            yield from titled
            if not titled and not is_title_case(text[seg.char_start:seg.char_end]):
                # a headline in sentence case is read as a sentence ("Diplomat says P"), its
                # speech and cognition cues only: "Council rejects plan" reports a deed
                for s_start, s_end in sentence_spans(text, seg.char_start, seg.char_end):
                    yield from (r for r in _sentence(text, s_start, s_end, resolver, quoted, notes)
                                if r.cue.lower() in SPEECH_FORMS or r.cue.lower() in COGNITION_FORMS)
        if seg.kind != "body":
            continue
        label = labelled(text, seg.char_start, seg.char_end, resolver, quoted, RULE_LABEL)
        if label is not None:
            yield label
        spans = resolver.sentences.get((seg.char_start, seg.char_end))
        if spans is None:
            spans = sentence_spans(text, seg.char_start, seg.char_end)
        for s_start, s_end in spans:
            # the pairs that overlap the sentence (pairs are disjoint and sorted: bisected,
            # so an article of 100,000 quotation marks stays linear)
            inside = quoted.overlapping(s_start, s_end)
            # a body sentence full of names ("Donald Trump said Hillary Clinton ...") is in
            # title case too: read as a sentence when it is no title-case headline
            titled = list(headline(text, s_start, s_end, resolver, inside)) \
                if is_title_case(text[s_start:s_end]) else []
            yield from titled or _sentence(text, s_start, s_end, resolver, inside, notes)


def _sentence(text: str, s_start: int, s_end: int, resolver: Resolver,
              quoted: list[tuple[int, int]], notes: list[Rejected]) -> Iterator[Reported]:
    question = asked(text, s_start, s_end, quoted)
    if question is not None:
        yield question
    found = list(_attributed(text, s_start, s_end, resolver, quoted, notes))
    yield from found
    nominals = list(nominal(text, s_start, s_end, resolver, quoted, found))
    yield from nominals
    found += nominals
    yield from evidential(text, s_start, s_end, quoted, found)


def _attributed(text: str, s_start: int, s_end: int, resolver: Resolver,
                quoted: list[tuple[int, int]], notes: list[Rejected]) -> Iterator[Reported]:
    """The contents a source in the sentence is said to hold, by the first sieve that fits."""
    by = according_claim(text, quoted, s_start, s_end, resolver)
    if by is not None:
        yield by
        return
    cues = []
    found = list(CLAIM_CUES.finditer(text, s_start, s_end))
    limit = reach_limit(len(found), s_start, s_end)
    for c in found:
        why = cue_rejection(text, quoted, max(s_start, c.start() - limit), c)
        if why is None:
            cues.append(c)
        else:
            notes.append((c.start(), c.group(), why))
    if not cues:
        return
    previous: Subject | None = None
    previous_start = previous_end = s_start
    opening = opening_clause_end(text, s_start, s_end)
    inverted = inverted_claim(text, quoted, s_start, s_end, cues, resolver)
    if inverted is not None:
        claim, last = inverted
        yield claim
        # "P, he said, adding that Q": the cues after the inverted one share its source
        cues = [c for c in cues if c.start() >= last.end()]
        previous, previous_start, previous_end = claim.subject, last.start(), last.end()
    ends: ContentEnds | None = None  # made when the first content is cut
    for i, cue in enumerate(cues):
        reach = max(s_start, cue.start() - limit)
        nested = cue.start() < previous_end
        if nested:  # inside the content before: nested ("X noted that Y refers to it as Z")
            # when it has a named subject of its own at the start of its clause
            subject = subject_before(text, resolver, clause_start_before(
                text, max(previous_start, reach), cue.start()), cue.start())
            if subject is None or subject.start < previous_start or \
                    len(text[subject.start:cue.start()].split()) > 5:
                continue
        else:
            clause_start = max(previous_end, reach)
            subject = subject_before(text, resolver, clause_start, cue.start())
            if subject is None and previous is not None and \
                    _SAME_SOURCE.fullmatch(text, clause_start, cue.start()):
                subject = previous  # "denied the claims, and suggested ...": the same source
            if subject is None:
                subject = _shared_subject(text, resolver, reach, cue)
        if subject is None and nested:
            notes.append((cue.start(), cue.group(), "no source before the cue"))
            continue
        if ends is None:
            ends = ContentEnds(text, resolver, cues, s_start, s_end, limit)
        end = ends.end(i)
        if cue.start() < opening:  # "After saying P, X ...": P ends with the opening clause
            end = min(end, opening)
        span = cue_content(text, quoted, cue.end(), end,
                           stance=cue.group().lower() in STANCE_FORMS)
        if span is None:
            notes.append((cue.start(), cue.group(), "no content of three words outside quotes"))
            continue
        method = RULE_COMPLEMENT
        if subject is None:
            subject = sentence_subject(text, resolver, s_start, cue.start())
            if subject is None and previous is not None:
                subject = previous
                method = RULE_EARLIER_SOURCE  # "X said P on Monday, asking ..."
            if subject is None and may_be_unsourced(text, reach, cue):
                yield Reported(Span(span[0], span[1], text[span[0]:span[1]]), cue.group(), None,
                               RULE_UNSOURCED, CONFIDENCE[RULE_UNSOURCED])
                continue
            if subject is None:
                notes.append((cue.start(), cue.group(), "no source before the cue"))
                continue
            if method == RULE_COMPLEMENT:
                method = RULE_SENTENCE_SUBJECT
        yield Reported(Span(span[0], span[1], text[span[0]:span[1]]), cue.group(), subject,
                       method, CONFIDENCE[method])
        if not nested:
            previous, previous_start, previous_end = subject, span[0], span[1]


def _shared_subject(text: str, resolver: Resolver, s_start: int, cue: Cue) -> Subject | None:
    """The source of a cue that has none of its own but continues a clause: a participle
    after a comma ('he said, noting that P'; 'The campaign responded, saying P') or a verb
    after 'and' ('Palin called X, and encouraged her to P') shares the subject of the verb
    before it; a participle right after a noun modifies it ('super PACs supporting X')."""
    before = text[s_start:cue.start()]
    joined = _JOINED_BEFORE.search(before)
    if joined is not None:
        earlier = list(CLAIM_CUES.finditer(text, s_start, s_start + joined.start()))
        if earlier:
            return subject_before(text, resolver, s_start, earlier[-1].start())
        return resolver.clause_subject(s_start, s_start + joined.start())
    if cue.group().split()[0].endswith("ing"):
        noun = _NOUN_BEFORE.search(before)
        if noun is not None and not is_function_word(noun.group("head")):
            return Subject(None, noun.group().strip(), s_start + noun.start())
    return None
