"""The ``inverted`` claim sieve: a source after its content, "P, X said." / "P, said X.".

``reported`` tries it on a sentence after ``according_to`` and before ``complement``; the cues
after the one it takes ("..., X said, adding that Q") are then read by ``complement`` with the
same source.
"""

from __future__ import annotations

import re

from newsgraph.rules.attribution import Resolver, Subject
from newsgraph.rules.claim_sources import nominal_after, subject_before
from newsgraph.rules.claim_spans import MIN_WORDS, Reported, quoted_share, trim
from newsgraph.rules.drafts import Span
from newsgraph.rules.lexicon import SPEECH_FORMS
from newsgraph.rules.scanner import Cue

RULE_INVERTED = "rule:claims.inverted@4"
#: The sieve's precision on the PolNeAR training split, rounded down to 0.05.
CONFIDENCE = {RULE_INVERTED: 0.8}

_THAT = re.compile(r"\bthat\b")
#: What may follow "P, X said" however long: a participle or adverbial clause ("..., he said,
#: adding that Q", "..., she said in a video message to ...", "..., he said after meeting ...").
_TRAILER = re.compile(r"\s*(?:,|(?:in|on|at|during|after|before|while|when|last|this|earlier|"
                      r"\w+day)\b)")
#: "It is his job, he said, to talk to Congress": the source inside its content, which goes on
#: after the comma (not a participle or an adverbial clause: "..., he said, adding that Q").
_PARENTHETICAL = re.compile(r"\s*,\s*(?!(?:\w+ing|in|on|at|during|after|before|while|when|as|"
                            r"because|a|an)\b)[a-z]")
#: "P, and she vowed Q": a clause of its own, not a source after its content.
_COORDINATE = re.compile(r"\s*(?:and|but|or|so|yet)\b")
#: A fronted adverbial: the words before its comma are not a content ("In her speech, ...").
_FRONTED = re.compile(r"\s*(?:In|At|On|For|As|After|Before|When|While|With|Without|During|"
                      r"Since|Despite|Although|Though|If|Because|Asked|Speaking|Weighing|"
                      r"Writing|Responding|Like|Unlike|Amid|Following|According)\b")


def _appositive_source(text: str, resolver: Resolver, s_start: int,
                       comma: int) -> tuple[int, Subject | None]:
    """'P, Sen. Okafor (D-Elmhurst), said' / 'P, Okafor, the candidate, said': the source set
    off by commas before its cue, and the comma where its content ends."""
    second = text.rfind(",", s_start, comma)
    if second == -1:
        return comma, None
    subject = resolver.subject(second + 1, comma, cue_after=True)
    if subject is not None and len(text[second + 1:comma].split()) <= 6 and \
            len(text[s_start:second].split()) >= MIN_WORDS:
        return second, subject
    third = text.rfind(",", s_start, second)
    if third == -1 or len(text[second + 1:comma].split()) > 12 or \
            len(text[s_start:third].split()) < MIN_WORDS:
        return comma, None
    subject = resolver.subject(third + 1, second, cue_after=True)
    if subject is None or len(text[third + 1:second].split()) > 6:
        return comma, None
    return third, subject


def inverted_claim(text: str, quoted: list[tuple[int, int]], s_start: int, s_end: int,
              cues: list[Cue], resolver: Resolver) -> tuple[Reported, Cue] | None:
    """'P, X said.' / 'P, said X, a ...' : X claims P (the sentence before that comma); with
    the cue.

    The cue stands after the sentence's last clause comma with at most a short subject before
    it (or the subject after it), and nothing after it but the subject, an appositive or a
    short adverbial ("on Tuesday", "in a statement").
    """
    for cue in reversed(cues):
        if cue.group().lower() not in SPEECH_FORMS:
            continue  # "..., though there is still lingering Sanders support": not inverted
        comma = text.rfind(",", s_start, cue.start())
        if comma == -1 or len(text[s_start:comma].split()) < MIN_WORDS:
            continue
        head = text[comma + 1:cue.start()]
        after = text[cue.end():s_end].rstrip(" .!?\"”'")
        if _FRONTED.match(text, s_start) and "," not in text[s_start:comma]:
            return None  # "In her speech, X declared": not content before the comma
        if head.strip():  # "P, X said (on Tuesday)."
            if len(head.split()) > 8 or "," in head or _COORDINATE.match(head) or (
                    len(after.split()) > 4 and not (
                    _TRAILER.match(after) and not _THAT.search(after.split(",")[0]))):
                continue
            subject = subject_before(text, resolver, comma + 1, cue.start())
        else:  # "P, said X(, a ...)."
            name_end = after.find(",")
            name_end = len(after) if name_end == -1 else name_end
            if len(after[:name_end].split()) > 7:
                continue
            subject = resolver.subject(cue.end(), cue.end() + name_end, cue_after=False) or \
                nominal_after(text, cue.end(), cue.end() + name_end)
            if subject is not None and (subject.pronoun or len(
                    text[subject.start + len(subject.text):cue.end() + name_end].split()) > 1):
                continue  # "..., said it would reprint": a complement, not an inverted source
            if subject is None and (len(after.split()) <= 4 or _TRAILER.match(after)) and \
                    not _THAT.search(after.split(",")[0]):  # "P, X, a spokesman, said."
                comma, subject = _appositive_source(text, resolver, s_start, comma)
        if subject is None:
            continue
        span = trim(text, s_start, comma)
        if head.strip() and _PARENTHETICAL.match(text, cue.end(), s_end):
            span = trim(text, s_start, s_end)  # "P, he said, to talk to Q": one content
        if len(text[span[0]:span[1]].split()) < MIN_WORDS or quoted_share(quoted, *span) > 0.5:
            return None
        return Reported(Span(span[0], span[1], text[span[0]:span[1]]), cue.group(), subject,
                        RULE_INVERTED, CONFIDENCE[RULE_INVERTED]), cue
    return None
