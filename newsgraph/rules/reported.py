"""Reported claims: what a source is said to say, think or want, with its content as the span.

Each sentence of the body is read for attribution cues (the speech, cognition and stance verbs
of ``lexicon``, "according to" and a few nouns). The sieves, each named in the claim's
``method``; in a sentence the first three are tried in this order: a sentence that
``according_to`` fits is its claim alone; after ``inverted``, ``complement`` reads the cues
that follow the inverted one:

1. ``according_to``: "According to X, P." / "P, according to X." / "As reported by X, P."
   -> X claims P; ``in_poll``: "In a new Fox News poll, P." -> the poll;
2. ``inverted``: "P, X said." / "P, said X." / "P, X, a spokesman, said." at the end of a
   sentence (a speech verb only, perhaps with an adverbial tail: "..., X said on Tuesday at
   ...") -> X claims P; "P, X said, Q" -> X claims the whole sentence; the cues after it
   ("..., X said, adding that Q") share X (its code in ``claim_inverted``);
3. ``complement``: "X said (that) P", "X denied the claims", "X wants to P" -> X claims the
   complement of the cue: the clause or noun phrase after it (lead-ins such as "in an
   interview" or "on Tuesday" and a "that" skipped), up to the end of the clause: the sentence
   end, a semicolon, a dash, a parenthesis, ", but/which/while/although/though/whereas", the
   comma after a stance cue's named object, the end of an opening participle clause, or the
   start of the next attributed clause. A cue whose subject is left out shares the subject of
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

Quotes inside a content stay in it ("X said the plan was "reckless"" is both a partial quote
and a claim); a content that is mostly one quotation is the quote's, not a claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsgraph.rules.attribution import Resolver, Subject
from newsgraph.rules.claim_ends import ContentEnds
from newsgraph.rules.claim_inverted import CONFIDENCE as INVERTED_CONFIDENCE
from newsgraph.rules.claim_inverted import inverted_claim
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
from newsgraph.rules.claim_sources import (
    NOMINAL_BEFORE,
    source_phrase,
    subject_before,
)
from newsgraph.rules.claim_spans import (
    CLAIM_CUES,
    CLAUSE_END,
    MIN_WORDS,
    Reported,
    clause_start_before,
    in_quote,
    quoted_share,
    reach_limit,
    trim,
)
from newsgraph.rules.claim_subjects import (
    may_be_unsourced,
    opening_clause_end,
    sentence_subject,
)
from newsgraph.rules.drafts import ArticleDraft, Span
from newsgraph.rules.lexicon import (
    ATTITUDE_FORMS,
    COGNITION_FORMS,
    SPEECH_FORMS,
    STANCE_FORMS,
    Cue,
)
from newsgraph.rules.names import (
    is_date_word,
    is_function_word,
    is_title_case,
)
from newsgraph.rules.needs import Needs
from newsgraph.rules.quoted import Quoted
from newsgraph.rules.sentences import sentence_break, sentence_spans

RULE_ACCORDING = "rule:claims.according_to@2"
RULE_COMPLEMENT = "rule:claims.complement@4"
RULE_POLL = "rule:claims.in_poll@2"
RULE_SENTENCE_SUBJECT = "rule:claims.sentence_subject@2"
RULE_EARLIER_SOURCE = "rule:claims.earlier_source@1"
RULE_UNSOURCED = "rule:claims.unsourced@1"
#: Each sieve's precision on the PolNeAR training split (its claims inside an attributed
#: Content), rounded down to 0.05: `make quality` prints it (docs/quality.md); the other
#: sieves' are in ``claim_sieves``.
CONFIDENCE = {RULE_ACCORDING: 0.9, RULE_COMPLEMENT: 0.85, RULE_POLL: 0.9, **INVERTED_CONFIDENCE,
              RULE_SENTENCE_SUBJECT: 0.7, RULE_EARLIER_SOURCE: 0.85, RULE_UNSOURCED: 0.6,
              **SIEVE_CONFIDENCE}

_ACCORDING = Needs(re.compile(r"\b[Aa]ccording to\b|\b[Aa]s (?:first |previously )?reported (?:by|in)\b"),
                   "ccording to", "reported ")
#: "In a new Fox News poll, P" at the start of a sentence: the poll is the source.
_IN_POLL = re.compile(r"\s*(?:(?:But|And|Yet|Still)\s+)?(?P<cue>[Ii]n)(?= (?:the|a|an|this|that|"
                      r"its|their|his|her|new|recent|latest|exit|one|another)\s+(?:[\w’'/.-]+\s+){0,6}?(?:polls?|surveys?)\b)")
#: Words between a cue and its content: "said in an interview on Tuesday that ...".
#: Possessive quantifiers (``*+``): each word and each run of spaces can be read one way
#: only, so a long capitalised word or a long run of spaces cannot make the engine try every
#: way to split it (0.44 s for 120 capitals after "in" before; the same for any length now).
_LEAD_IN_WORDS = (
    r"(?:\s*+,?\s*+(?:in an? (?:interview|statement|speech|briefing|letter|email|post|tweet|"
    r"address|op-ed|news conference|press conference|radio interview|television interview)"
    r"(?: (?:with|on|to) [^,]{1,40}?)?|on \w+day|last \w+|earlier this \w+|this \w+|"
    r"(?:on|at|in) [A-Z][\w.]*+(?:\s[A-Z][\w.]*+){0,3}|yesterday|today|recently|previously|"
    r"repeatedly|publicly|privately|again|also|later|once|often|[a-z]+ly)(?=[\s,])\s*+,?)*"
    r"\s*")
_LEAD_IN = re.compile(_LEAD_IN_WORDS + r"(?:that\s+)?")
#: Only a conjunction between two cues: the second shares the first one's source.
_SAME_SOURCE = re.compile(r"\s*(?:,\s*)?(?:and|but|then|also|while)?\s*(?:\w+ly\s+)?")
_THAT = re.compile(r"\bthat\b")
_SUBORDINATE = re.compile(r"\b(?:after|when|because|while|before|since|as|but)\b")
_THAT_AFTER = re.compile(r"\s*(?:that\b|,\s*that\b)")
#: A relay or agent phrase, not a content: "as saying", "as reported by", "by Ankara".
_NOT_CONTENT = re.compile(r"(?:as|by|when|after|before|while)\b")
#: A name as the whole object of a stance cue, a comma after it.
_NAME_OBJECT = re.compile(r"\s*(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)\s*,")
#: Pronouns that stand for a content already given ("Okafor denied it", "she said so").
_CONTENT_PRONOUNS = frozenset("it that this so".split())
_ENDS_HERE = re.compile(r"\s*(?:[.!?;]|,\s+(?:but|and)\b|$)")
_DETERMINERS = frozenset("the a an this that these those his her their its our some many most "
                         "both all other".split())
#: A passive participle: "was shown", "has been confirmed" (not the progressive "is planning").
_PASSIVE = re.compile(r"\b(?:was|were|be|been|being|is|are)\s+(?:\w+ly\s+)?$")
#: Cue forms that, in the claims' wider net, are mostly not attribution (nouns such as
#: "support", "remarks", "questions"; "wrote a book"; "went on"), measured on PolNeAR train.
_NOT_CLAIM_CUES = frozenset(w.replace("_", " ") for w in """
posted maintained charged offer offers finding go went cried speaking spoke speak speaks continue
continues continued remarks remark questions question respond responds
responded responding went_on comment comments answer
answers demands demand counter counters put_it issued_a_statement attack attacks thanks thank
tweet figure challenge challenges
""".split())
#: Cue forms that are verbs only after a subject ("two-thirds support", "they support"), not
#: after a determiner or preposition ("its support", "with support").
_NEEDS_SUBJECT = frozenset("support supports".split())
_SUBJECT_BEFORE = re.compile(r"(?:\b(?:they|we|I|you|who|that|would|will|do|does|did|not|also|"
                             r"strongly|still|[A-Z][\w-]*|\w+[^s\W]s|\d+%?|percent))\s+$")
#: "a group called", "the website called": a participle naming the noun before it.
_NAMING = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|so)[\s-]+"
                     r"(?:[\w-]+\s+){0,2}?[a-z][\w-]*\s+$|\bso-$")
#: Cue forms that report what a document or poll says: "the survey found", "polls show".
_NOMINAL_CUES = frozenset("found finds find show".split())
_BARE_NOMINAL = re.compile(r"\b(?:[Pp]olls|[Ss]urveys|[Dd]ata|[Ff]igures|[Nn]umbers|[Rr]esults|"
                           r"[Ss]tudies|[Rr]ecords|[Dd]ocuments|[Rr]eports)\s+(?:also\s+)?$")
#: Cue forms that report only with what follows them: "wants to", "called for", "found that",
#: "sees X as Y", "declined to"; elsewhere they are mostly not attribution ("wrote a book", "a
#: poll found", "saw a drop").
_NEEDS_AFTER = {
    **dict.fromkeys("plan plans pledged offered decided decide decides declined decline declines "
                    "promising promises promise".split(), re.compile(r"\s+(?:not\s+)?to\s+\w")),
    #: "feel that P", "feels strongly that P", "felt like P" (not "feel tired")
    **dict.fromkeys("feel feels felt".split(),
                    re.compile(r"\s+(?:\w+ly\s+)?(?:that|like|as\s+if|as\s+though)\b")),
    #: "seeking to P" (not "seeking the nomination")
    "seeking": re.compile(r"\s+to\s+\w"),
    #: "want Congress to act", "wanted the council to vote": an object, then what it should do
    **dict.fromkeys("wants want wanted".split(),
                    re.compile(r"\s+(?:not\s+)?(?:to\s+\w|(?:the\s+|their\s+|his\s+|her\s+)?"
                               r"(?:[A-Z][\w’'-]*\s+){1,3}to\s+\w|(?:the|his|her|their|its)\s+"
                               r"(?:[\w’'-]+\s+){0,2}?to\s+[a-z]\w+\b|(?:him|her|them|us|me|"
                               r"it|you)\s+to\s+\w)")),
    **dict.fromkeys("wrote writes write writing find learned show claim claims note "
                    "notes report reports".split(),
                    re.compile(_LEAD_IN_WORDS + r"that\b")),
    #: the one-word attitudes ("eager to P", "confident that P") and "remind", "signal"
    **dict.fromkeys(sorted({f for f in ATTITUDE_FORMS if " " not in f}
                           | {"remind", "reminds", "reminded", "reminding", "signal"}),
                    re.compile(r"\s+(?:\w+\s+)?(?:to\s+\w|that\b)")),
    **dict.fromkeys("called calling calls".split(),
                    re.compile(r"\s+(?!(?:for|on|off|up|in|out|back|upon|to|it|him|her|them|me|"
                               r"us)\b)\S")),
    **dict.fromkeys("see sees saw seen seeing view views viewed viewing".split(),
                    re.compile(r"\s+[^,.;]{1,60}?\bas\s")),
}
#: A comma, or "and", right before a cue without a subject: the clause goes on.
_JOINED_BEFORE = re.compile(r"(?:,|\band)\s*(?:\w+ly\s+)?$")
#: A noun phrase right before a participle ("super PACs supporting", "phone calls opposing").
_NOUN_BEFORE = re.compile(r"(?:\b[\w’'-]+\s+){0,2}(?P<head>[A-Za-z][\w’'-]*[a-z])\s+$")


def _content(text: str, quoted: list[tuple[int, int]], start: int, end: int,
             stance: bool = False) -> tuple[int, int] | None:
    """The content after a cue: lead-ins skipped, up to the clause end; None if too short or
    more than 60% quoted (the quote's then: 'said the plan was "a disaster"' is a claim too).

    A stance cue ("praised", "blasted", "rejected") may take a content of one or two words
    when they are a name or a noun phrase ("blasted congressional Republicans", "praised
    CNN"), never a date ("praised Tuesday").
    """
    lead = _LEAD_IN.match(text, start, end)
    if lead is not None:
        start = lead.end()
    stop = CLAUSE_END.search(text, start, end)
    if stop is not None:
        end = stop.start()
    if stance:  # "endorsed Jeb Bush, spent $1 million": the name is the object
        name = _NAME_OBJECT.match(text, start, end)
        if name is not None:
            end = name.end("name")
    start, end = trim(text, start, end)
    words = text[start:end].split()
    short_object = len(words) == 2 and (words[0].lower() in _DETERMINERS  # "denied the claims"
                                        or words[0] == "to")  # "declined to comment"
    if stance and 1 <= len(words) <= 2 and not any(is_date_word(w) or is_function_word(w)
                                                   for w in words):
        short_object = True
    if len(words) == 1 and words[0].lower() in _CONTENT_PRONOUNS and \
            _ENDS_HERE.match(text, end):  # "Okafor denied it.", "she said so."
        short_object = True
    if (len(words) < MIN_WORDS and not short_object) or quoted_share(quoted, start, end) > 0.6 or \
            _NOT_CONTENT.match(text, start, end):
        return None
    return start, end


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


def _cue_rejection(text: str, quoted: list[tuple[int, int]], s_start: int,
                   cue: Cue) -> str | None:
    """Why a cue cannot make a claim, or None."""
    if in_quote(quoted, cue.start()):
        return "inside a quotation"
    word = cue.group().lower()
    if word in _NOT_CLAIM_CUES:
        return "a sense that is mostly not attribution"
    if word in _NEEDS_SUBJECT and not _SUBJECT_BEFORE.search(text, max(s_start,
                                                                     cue.start() - 30),
                                                                 cue.start()):
        return "a noun here, not a verb"
    if word == "called" and _NAMING.search(text, max(s_start, cue.start() - 40), cue.start()):
        return "a name given, not a claim ('a group called X')"
    needs = _NEEDS_AFTER.get(word)
    if needs is not None and not needs.match(text, cue.end()) and not (
            word in _NOMINAL_CUES and (NOMINAL_BEFORE.search(text, s_start, cue.start()) or
                                       _BARE_NOMINAL.search(text, s_start, cue.start()))):
        return "a sense that is mostly not attribution without a complement"
    if not cue.group().split()[0].endswith("ing") and word not in ATTITUDE_FORMS and \
            _PASSIVE.search(text, max(s_start, cue.start() - 12), cue.start()):
        return "passive"
    if _attributes_quote(text, quoted, s_start, cue):
        return "the cue of a quote"
    return None


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
    according: Cue | re.Match[str] | None = _ACCORDING.search(text, s_start, s_end)
    method = RULE_ACCORDING
    if according is None:
        poll = _IN_POLL.match(text, s_start, s_end)
        if poll is not None:
            according = Cue(poll.start("cue"), poll.end("cue"), poll.group("cue"))
            method = RULE_POLL
    if according is not None and not in_quote(quoted, according.start()):
        by = _according(text, quoted, s_start, s_end, according, resolver, method)
        if by is not None:
            yield by
            return
    cues = []
    found = list(CLAIM_CUES.finditer(text, s_start, s_end))
    limit = reach_limit(len(found), s_start, s_end)
    for c in found:
        why = _cue_rejection(text, quoted, max(s_start, c.start() - limit), c)
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
        span = _content(text, quoted, cue.end(), end, stance=cue.group().lower() in STANCE_FORMS)
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


def _attributes_quote(text: str, quoted: list[tuple[int, int]], s_start: int,
                      cue: Cue) -> bool:
    """The cue is a quote's own attribution ('"...," Reid said in an interview'), not a cue of
    its own after the quote's ('"...," Trump said after Nabisco announced it was ...')."""
    last = (quoted if isinstance(quoted, Quoted) else Quoted(quoted)).last_end(s_start,
                                                                                cue.start())
    if last is None or quoted_share(quoted, *trim(text, s_start, cue.start())) <= 0.5:
        return False  # 'The debt is a "burden," he said': mostly no quote, a claim as well
    gap = text[last:cue.start()]
    return len(gap.split()) <= 8 and not _THAT.search(gap) and \
        not _SUBORDINATE.search(gap) and CLAIM_CUES.search(gap) is None and \
        not sentence_break(text, last, cue.start()) and \
        not _THAT_AFTER.match(text, cue.end(), cue.end() + 8)


def _according(text: str, quoted: list[tuple[int, int]], s_start: int, s_end: int,
               cue: Cue | re.Match[str], resolver: Resolver, method: str) -> Reported | None:
    """'According to X, P.' or 'P, according to X.' (and 'In a new poll, P')."""
    comma = text.find(",", cue.end(), s_end)
    source_end = comma if comma != -1 else s_end
    subject = resolver.subject(cue.end(), source_end, cue_after=False) or \
        source_phrase(text, cue.end(), source_end)
    if subject is None:
        return None
    before = text[s_start:cue.start()]
    clause_start = max(before.rfind(":"), before.rfind(";"), before.rfind("—"))
    if clause_start != -1 and not before[clause_start + 1:].strip(" ,"):
        before = ""  # 'It has not gone unnoticed: According to X, P': P follows
    if (before.strip(" ,") and comma == -1) or \
            (before.strip(" ,") and len(before.split()) >= 3):
        span = trim(text, s_start, cue.start())  # 'P, according to X.'
    else:
        span = trim(text, comma + 1 if comma != -1 else s_end, s_end)
    if len(text[span[0]:span[1]].split()) < MIN_WORDS or quoted_share(quoted, *span) > 0.5:
        return None
    return Reported(Span(span[0], span[1], text[span[0]:span[1]]), cue.group(), subject,
                    method, CONFIDENCE[method])
