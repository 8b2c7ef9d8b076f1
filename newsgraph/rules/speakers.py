"""Who said a quote, from the words around it: the attribution sieves of one quote.

``Attributor.after`` reads the attribution after the closing mark ('," X said', '," said X',
'," RIA cited X as saying', '," according to X'); ``before`` the one before the opening mark
('X said: "', 'X said the plan was "', 'Y cited X as saying "'); ``relayed`` adds the outlet
that relayed the words. Each names its sieve in the record's ``method`` and takes the
confidence measured for that sieve; ``newsgraph.rules.quotes`` decides which sieve runs
first for a quote and what a quote is.
"""

from __future__ import annotations

import re

from newsgraph.models.quotation_marks import DOUBLE
from newsgraph.rules.attribution import Attribution, Resolver, Subject
from newsgraph.rules.drafts import ActorMentionDraft, ArticleDraft
from newsgraph.rules.lexicon import AUXILIARY, PERSON_VERB_FORMS, SPEECH_FORMS
from newsgraph.rules.scanner import Cue
from newsgraph.rules.sentences import sentence_break
from newsgraph.rules.speech_cues import (
    APPOSITIVES,
    CUE,
    JOINT,
    RELATIVE,
    SUBORDINATE,
    governing_cue,
    last_match,
    pronoun_object,
    relay,
    reported_after,
)
from newsgraph.rules.unnamed_speakers import noun_phrase_speaker

RULE_AFTER = "rule:quotes.attribution_after@5"
RULE_BEFORE = "rule:quotes.attribution_before@5"
RULE_CONTINUATION = "rule:quotes.continuation@3"
RULE_PRECEDING = "rule:quotes.preceding_sentence@2"
RULE_NAMED_LATER = "rule:quotes.named_later@1"
RULE_CREDIT_LINE = "rule:quotes.credit_line@2"
RULE_UNATTRIBUTED = "rule:quotes.unattributed@1"
RULE_SUBJECT = "rule:quotes.clause_subject@3"
RULE_PREVIOUS_PARAGRAPH = "rule:quotes.previous_paragraph@2"

#: Confidence of a sieve's attribution to a named speaker, and (``PRONOUN_CONFIDENCE``) to a resolved
#: pronoun: the share of its quotes whose speaker was right on the PolNeAR training split,
#: rounded down to 0.05 (`make quality` prints the table; docs/quality.md; measured on this
#: branch: after 0.98, before 0.95, continuation 0.98, preceding sentence 0.85, previous
#: paragraph 0.86, clause subject 0.79; pronouns after 0.74, before 0.82). A speaker given only
#: in words (an unnamed "spokesman", an unresolved pronoun) takes ``UNNAMED``.
NAMED_CONFIDENCE = {RULE_AFTER: 0.95, RULE_BEFORE: 0.95, RULE_SUBJECT: 0.75,
                    RULE_CONTINUATION: 0.95, RULE_PRECEDING: 0.85, RULE_PREVIOUS_PARAGRAPH: 0.85,
                    RULE_NAMED_LATER: 0.7, RULE_CREDIT_LINE: 0.85}
PRONOUN_CONFIDENCE = {RULE_AFTER: 0.7, RULE_BEFORE: 0.8, RULE_SUBJECT: 0.5}
#: A speaker named only in words, with no actor: none of the 50 such quotes whose gold Source
#: is a name had it right (it cannot be: there is no actor to compare), so below every named
#: speaker and above a quote with no speaker at all.
UNNAMED = 0.4
#: A cue with nobody named, and a quote with no attribution at all: no speaker to be right.
NO_SPEAKER = 0.3
UNATTRIBUTED = 0.2
#: Small patterns, compiled once (the re module's cache is shared with per-article patterns).
_LEAD = re.compile(r"[\s,;:—–-]*")
COMMA_END = re.compile(r",\s*$")
COMMA_COLON_END = re.compile(r"[,:]\s*$")
_TOLD = re.compile(r"\btold\b")
#: 'with X saying', '– X saying': an -ing cue with a subject of its own (past a determiner
#: and title words: 'with Sen. Ann Roe calling it', 'with the Teachers' Union calling').
_WITH_END = re.compile(r"(?:\bwith|[–—])\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}$")
#: A second clause with a subject of its own: "... and Donald Trump says", "but he insisted".
_CLAUSE_AND = re.compile(r"\s(?:and|but|or)\s+(?:[A-Z]|(?:he|she|they|it)\b)")
#: Verbs of saying proper: a quote's cue among them with a subject of its own reports that
#: subject's words even inside another's ('X wrote that Y had told him "..."').
_SAY = frozenset({"say", "tell", "write"})
#: Nothing but auxiliaries and adverbs between a subject and its verb ("a supervisor had told").
_RIGHT_BEFORE = re.compile(AUXILIARY + r"*\s*")
#: A verb joined to the clause before it, sharing its subject: '..., but now said', 'and added'.
_SHARED_SUBJECT = re.compile(r",?\s+(?:and|but)(?:\s+(?:now|also|then|later|still|\w+ly))*\s+$")
#: Any double quotation mark (two apostrophes too).
_MARK = re.compile("''|[" + DOUBLE + "]")
#: A quote closed by a comma, an attribution of its own after it: 'X cannot say "that," Y added'.
_CLOSED_WITH_COMMA = re.compile("[,?!](?:''|[" + DOUBLE + "])")


def carried(method: str, speaker: str | None) -> float:
    """The confidence of a speaker carried over from another quote: the sieve's, or
    ``UNNAMED`` when the speaker is only words."""
    return NAMED_CONFIDENCE[method] if speaker is not None else UNNAMED


class Attributor:
    """Attribution of the quotes of one article, in reading order."""

    def __init__(self, draft: ArticleDraft, resolver: Resolver) -> None:
        self.text = draft.source.text
        self.resolver = resolver

    def speaker(self, subject: Subject, cue: str | None, method: str) -> Attribution:
        """The attribution of ``method`` to a subject, at that sieve's measured confidence."""
        base = NAMED_CONFIDENCE[method]
        if subject.pronoun:
            person = self.resolver.resolve_pronoun(subject.text, subject.start)
            return Attribution(person, subject.text, cue, None, None, method,
                               PRONOUN_CONFIDENCE.get(method, base - 0.2) if person else UNNAMED)
        if subject.actor is None:
            return Attribution(None, subject.text, cue, None, None, method, UNNAMED)  # unnamed
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
                found = self.speaker(subj, saying.group("cue"), RULE_AFTER)
                return with_media(found, media)
        first = CUE.match(text, c0)
        if first is not None:  # inverted: '," said Marta Lis, chief economist'
            subj = resolver.subject(first.end(), end, cue_after=False)
            found = self.speaker(subj, first.group(), RULE_AFTER) if subj \
                else Attribution(None, None, first.group(), None, None, RULE_AFTER, NO_SPEAKER,
                                 noun_phrase_speaker(text, first.end(), end, cue_after=False))
            return self.relayed(found, c0, end)
        cue = CUE.search(text, c0, end)
        if cue is None or len(APPOSITIVES.sub(",", text[c0:cue.start()]).split()) > 12 \
                or sentence_break(text, c0, cue.start()) or JOINT.search(text, c0, cue.start()):
            return None  # '"glow in the dark," for instance, and Trump vowed': another clause
        subj = resolver.subject(c0, cue.start(), cue_after=True)
        if subj is None and COMMA_END.search(text[c0:cue.start()]):
            # '"the beginning of the end" for the EU, said Geert Wilders': inverted after all
            subj = resolver.subject(cue.end(), end, cue_after=False)
            if subj is not None and subj.pronoun:
                subj = None
        if subj is None:  # a cue with no named speaker ("the crowd shouted"): still its own
            return self.relayed(Attribution(
                None, None, cue.group(), None, None, RULE_AFTER, NO_SPEAKER,
                noun_phrase_speaker(text, c0, cue.start(), cue_after=True)), c0, end)
        return self.relayed(self.speaker(subj, cue.group(), RULE_AFTER), c0,
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
        return with_media(found, media)

    def before(self, start: int, end: int, s_start: int) -> Attribution | None:
        """'X said: "..."', 'X said the plan was "..."', 'Y cited X as saying "..."'."""
        text, resolver = self.text, self.resolver
        saying = relay(text, start, end)
        if saying is not None and "subject" in (saying.groupdict() or {}):
            media = resolver.media_before(s_start, saying.start())
            subj = resolver.subject(saying.start("subject"), saying.end("subject"),
                                    cue_after=True)
            if subj is not None:
                return with_media(self.speaker(subj, saying.group("cue"), RULE_BEFORE),
                                   media)
        lead = _LEAD.match(text[start:end])
        first = CUE.match(text, start + (lead.end() if lead else 0))
        if first is not None and COMMA_COLON_END.search(text[start:end]):
            # between two parts of a quote: '," said X, "'
            subj = resolver.subject(first.end(), end, cue_after=False)
            if subj is not None:
                return self.relayed(self.speaker(subj, first.group(), RULE_BEFORE),
                                     first.start(), end)
        cue = governing_cue(text, start, end)
        if cue is None:
            # 'X said it was "reckless" and would "..."': the cue is before the last quote
            return self.before(s_start, end, s_start) if start > s_start else None
        if cue.group().lower() == "according to":  # 'According to X, "..."'
            subj = resolver.subject(cue.end(), end, cue_after=False)
            outlet = resolver.media_after(cue.end(), end) if subj is None else None
            if outlet is not None:  # 'According to the Daily Caller, "..."'
                subj = Subject(outlet.actor, outlet.span.text, outlet.span.start)
            elif subj is None and COMMA_COLON_END.search(text[cue.end():end]):
                words = text[cue.end():end].strip(" ,:")  # a source no stage made an actor of
                if 1 <= len(words.split()) <= 8:
                    subj = Subject(None, words, cue.end() + text[cue.end():end].index(words))
            if subj is not None:
                return self.speaker(subj, cue.group(), RULE_BEFORE)
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
                    not text[adjacent.start + len(adjacent.text):cue.start()].strip() and \
                    _WITH_END.search(text[max(s_start, adjacent.start - 40):adjacent.start]):
                return self.relayed(self.speaker(adjacent, cue.group(), RULE_BEFORE),
                                    start, end)
        matrix = self._matrix(cues, cue, s_start)
        if matrix is not None:
            return self.relayed(matrix, start, end)
        if not cue.group().endswith("ing"):
            spans.append((max((c.end() for c in in_clause), default=start), cue.start()))
        spans.append((start, in_clause[0].start() if in_clause else cue.start()))
        spans.append((s_start, cues[0].start() if cues else cue.start()))
        if cue.group().endswith("ing") and cues:
            # 'Continuing to explain his view, Carson rejected ..., saying': the subject of
            # the main clause, after a cue that governs nothing
            spans.append((cues[-1].end(), cue.start()))
        shared = _SHARED_SUBJECT.search(text, s_start, cue.start())
        if shared is not None:  # 'X backed Y for years, but now said ...': X said it
            spans.append((s_start, shared.start()))
        for a, b in spans:
            subj = resolver.subject(a, b, cue_after=True)
            if subj is not None:
                found = self.speaker(subj, cue.group(), RULE_BEFORE)
                return self.relayed(found, start, end)
        described = next((w for a, b in spans if (w := noun_phrase_speaker(
            text, a, b, cue_after=True)) is not None), None)
        return Attribution(None, None, cue.group(), None, None, RULE_BEFORE, NO_SPEAKER,
                           described)


    def _matrix(self, cues: list[Cue], cue: Cue, s_start: int) -> Attribution | None:
        """The speaker of the sentence's main speech verb, when the quote's cue sits in what
        that verb reports: 'Meeks said Clinton reassured them that Democrats "were not ..."',
        'Nance said she would like Trump to explain ... "no question"'. The person who spoke
        to the reporter is the source of the words, not the person they mention.

        The main verb is the sentence's first cue, right after its subject (past an
        appositive), outside quotation marks, not in a subordinate clause ("When X said ...,
        Y replied"), and the quote's cue is not in a clause of its own ("X accuses A of "..."
        and Y says ...").
        """
        if not cues:
            return None
        first = cues[0]
        if first.group() not in PERSON_VERB_FORMS or first.start() == cue.start():
            return None
        text = self.text
        joint = JOINT.search(text, first.end(), cue.start())
        if _MARK.search(text, s_start, first.end()) or \
                _CLOSED_WITH_COMMA.search(text, first.end(), cue.start()) or \
                (joint is not None and not text.startswith("that ", joint.end())) or \
                _CLAUSE_AND.search(text, first.end(), cue.start()):
            return None  # ', and that ...' goes on reporting what the main verb says
        subj = self.resolver.subject(s_start, first.start(), cue_after=True)
        if subj is None or not _adjacent(text, subj, first.start()):
            return None  # 'on WTMJ's show with X, while discussing a tweet': no subject
        own = self.resolver.subject(first.end(), cue.start(), cue_after=True)
        if SPEECH_FORMS.get(cue.group()) in _SAY and own is not None and not own.pronoun and \
                own.actor != subj.actor and \
                _RIGHT_BEFORE.fullmatch(text, own.start + len(own.text), cue.start()):
            return None  # 'X wrote that a supervisor had told him that "...": the supervisor's
        lead = text.rfind(",", s_start, subj.start) + 1 or s_start  # 'After ..., X said'
        if SUBORDINATE.search(text, lead, first.start()):
            return None
        clause = last_match(SUBORDINATE, text, first.end(), cue.start())
        if clause is not None:  # 'X left after Y told a crowd that it is "peanuts"'
            own = self.resolver.subject(clause.end(), cue.start(), cue_after=True)
            if own is not None and not own.pronoun and own.actor != subj.actor and \
                    _adjacent(text, own, cue.start()):
                return None
        return self.speaker(subj, first.group(), RULE_BEFORE)


def _adjacent(text: str, subject: Subject, cue: int) -> bool:
    """The subject stands right before the cue: at most three words (auxiliaries, adverbs)
    between them, past an appositive ("X, a senior aide, has also said")."""
    between = APPOSITIVES.sub(",", text[subject.start + len(subject.text):cue])
    return len(between.replace(",", " ").split()) <= 3


def with_media(found: Attribution, media: ActorMentionDraft | None) -> Attribution:
    if media is not None and media.actor != found.speaker:
        found.intermediary, found.intermediary_text = media.actor, media.span.text
    return found
