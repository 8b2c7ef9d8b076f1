"""Who a reported claim is from: the source before a cue, or after "according to".

A named actor right before the cue is its subject, whatever else the clause names ("Alarmed by
the strike, Ana Ruiz, the panel's chairwoman, said"; of "Ruiz and Diaz said", the first);
otherwise the resolver's actors, unnamed people and pronouns come next
(``attribution.Resolver``); when it names nobody, a document or body ("the lawsuit says", "a
new poll shows"), a relative pronoun's antecedent ("voters who say") or another subject noun
phrase ("58 percent of Democrats say") is the source, kept as its words. ``reported`` decides
which cues make claims."""

from __future__ import annotations

import re

from newsgraph.rules.attribution import Resolver, Subject
from newsgraph.rules.determiners import DETERMINERS
from newsgraph.rules.lexicon import AUXILIARY, GOVERNING
from newsgraph.rules.names import is_function_word, is_title_word
from newsgraph.rules.speech_cues import CUE, JOINT

#: Documents and bodies that report: "the lawsuit says", "a new poll shows".
_NOMINAL_HEADS = (r"polls?|surveys?|reports?|study|studies|lawsuit|suit|statement|letter|memo|"
                  r"filing|complaint|ruling|analysis|data|documents?|emails?|ad|ads|article|"
                  r"editorial|column|book|website|campaign|group|committee|agency|court|"
                  r"sources?|officials?|indictment|order|release|platform|research|estimates?|"
                  r"figures|numbers|records|transcript|memoir|post|tweet|video|website|site")
NOMINAL_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|its|his|her|their|new|recent|latest|one|another)\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:" + _NOMINAL_HEADS + r")(?:\s+(?:released|published|obtained|"
    r"issued|conducted|filed|cited)\b[^,;]{0,40}?)?\s+(?:\w+ly\s+|also\s+)?$", re.I)
_NOMINAL_AFTER = re.compile(
    r"\s*(?:the|a|an|this|that|its|his|her|their)\s+(?:[\w’'-]+\s+){0,4}?(?:"
    + _NOMINAL_HEADS + r")\b", re.I)
#: Auxiliaries and adverbs between a subject and its cue ("has long said", "also argued").
_AUXILIARIES = re.compile(AUXILIARY + r"*\s*$")
_PERSON_PRONOUN = re.compile(r"\b(?:I|[Ww]e|[Yy]ou)" + AUXILIARY + r"*\s*$")
#: Words that end no subject noun phrase.
_NOT_HEADS = frozenset("""
is was has does his its this thus always perhaps yes less unless whereas not never even further
most more least
""".split())
#: Function words a subject noun phrase may hold after its first word ("58 percent of
#: Democrats", "nine out of 10", "the chairman and chief executive") or end with ("both").
_INSIDE_SUBJECT = DETERMINERS | frozenset("of and out than in for from at on with".split())
_QUANTITIES = frozenset("both some many most all others few several one another".split())
#: Words that open a subordinate or relative clause: a subject starts after them ("in an
#: election year in which a majority of Americans say").
_CLAUSE_OPENER = re.compile(r"\b(?:which|whom|where|when|that|because|if|while|although|though|"
                            r"since|after|before|until|unless|whether)\s+")
_MAX_SUBJECT_WORDS = 8
#: A relative pronoun as the subject of a cue: "voters who say", "the group that has argued".
_RELATIVE_SUBJECT = re.compile(r"\b(?:who|that)" + AUXILIARY + r"*\s*$")


def subject_before(text: str, resolver: Resolver, start: int, cue: int) -> Subject | None:
    """The source before a cue: an actor, unnamed person or pronoun, else a document or body
    ("the lawsuit says", "a new poll shows"), a relative pronoun's antecedent ("voters who
    say") or another noun phrase ("58 percent of Democrats say")."""
    subject = adjacent_subject(text, resolver, start, cue) or \
        resolver.subject(start, cue, cue_after=True)
    if subject is not None:
        return subject
    for pattern in (NOMINAL_BEFORE, _PERSON_PRONOUN):
        nominal = pattern.search(text, start, cue)
        if nominal is not None:
            return Subject(None, nominal.group().strip(), nominal.start())
    relative = _RELATIVE_SUBJECT.search(text, start, cue)
    if relative is not None:  # "the same number who said": the antecedent is the source
        return noun_phrase_before(text, start, relative.start())
    return noun_phrase_before(text, start, cue)


#: What may stand between a subject's name and its cue: a place or party after the name ("of
#: Texas", "(R-Ohio)"), one appositive between commas ("X, the party's chairwoman, said") and
#: auxiliaries or adverbs ("has long said"), or a group the subject leads ("X and his aides").
_GAP = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})?"
    r"(?:\s*\([^()]{1,30}\))?"
    r"(?:\s*,(?!\s*(?:has|have|had|is|are|was|were|will|would|and|but|or|then|\w+ed)\b)"
    r"[^,;:\"“”()]{1,150},|\s*,\s*(?:[A-Z]-[A-Z][\w.]*|\d{1,3}),"
    r"|\s+and\s+(?:his|her|their|its|other|fellow)\s+(?:[\w-]+\s+){0,3}?[a-z]+s)?"
    + AUXILIARY + r"*\s*$")
#: What joins the last two names of one subject ("X and Y said", "Neither X nor Y") and the
#: names before them ("X, Y and Z"), past a party and the title of the next name ("X (D) and
#: former Gov. Y").
_AND = re.compile(r"(?:\s*\([^()]{1,30}\))?,?\s+(?:and|or|nor)\s+(?:the\s+)?(?P<title>(?:[\w.-]+\s+){0,4})")
_COMMA = re.compile(r"(?:\s*\([^()]{1,30}\))?,\s+(?:the\s+)?(?P<title>(?:[\w.-]+\s+){0,4})")
_RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which|that)\b")
_GOVERNED = re.compile(rf"\b(?:{GOVERNING}|like|including|as)\s+(?:the\s+|an?\s+)?"
                       r"(?:[\w’'-]+\s+){0,2}$", re.I)


def adjacent_subject(text: str, resolver: Resolver, start: int, cue: int) -> Subject | None:
    """The named actor right before a cue, as its subject: nothing but a place, a party, an
    appositive or auxiliaries stands between them ("Senator Ana Ruiz of Ohio, the panel's
    chairwoman, has said"); of several names joined by "and" ("Ruiz, Diaz and Moe said"), the
    first. A name after a preposition ("a spokesman for Ruiz said") or a possessor is not."""
    found = None
    mentions = resolver.within(start, cue)
    for i in range(len(mentions) - 1, -1, -1):
        m = mentions[i]
        if m.span.end > cue or not _GAP.match(text, m.span.end, cue):
            continue
        if CUE.search(text, m.span.end, cue):
            return None  # "Democrats, Reyes notes, applaud X": Reyes is the source
        if _names_someone(text, start, m.span.start, m.span.end):
            found = i
        break
    if found is None:
        return None
    joint = _AND
    while found > 0:  # "Ruiz, Diaz and Moe said": Ruiz
        before = mentions[found - 1]
        gap = joint.fullmatch(text, before.span.end, mentions[found].span.start)
        if gap is None or not all(is_title_word(w) or w[:1].isupper()
                                  for w in gap.group("title").split()):
            break
        if not _names_someone(text, start, before.span.start, before.span.end):
            return None  # "aides to Ruiz and Diaz said": neither speaks
        found -= 1
        joint = _COMMA
    m = mentions[found]
    return Subject(m.actor, m.span.text, m.span.start)


def _names_someone(text: str, start: int, at: int, end: int) -> bool:
    """A mention that can be a subject: not a possessor, not after a preposition, not in a
    relative clause ("X, who heads the Y, said")."""
    clause = max(start, text.rfind(",", start, at) + 1)
    return text[end:end + 2] not in ("'s", "’s") and not _GOVERNED.search(
        text, max(start, at - 40), at) and not _RELATIVE_WORD.search(text, clause, at)


def noun_phrase_before(text: str, start: int, cue: int) -> Subject | None:
    """The words between the clause start and the cue, when they can be a subject noun phrase
    ("The Democratic presidential candidate said", "veteran Republicans say", "Nearly nine
    out of 10 say"); a subject followed by an appositive is taken before it ("Teck, the
    Canadian mining company, says")."""
    end = _AUXILIARIES.search(text, start, cue)
    stop = end.start() if end is not None else cue
    clause = max(text.rfind(",", start, stop) + 1, start)
    if not text[clause:stop].strip() and clause > start:  # "X, an appositive, says"
        opening = text.rfind(",", start, clause - 1)
        if opening != -1:
            stop = opening
            clause = max(text.rfind(",", start, stop) + 1, start)
    for joint in JOINT.finditer(text, clause, stop):
        clause = joint.end()
    for opener in _CLAUSE_OPENER.finditer(text, clause, stop):
        clause = opener.end()
    words = text[clause:stop].split()
    if not 1 <= len(words) <= _MAX_SUBJECT_WORDS or not words[-1][:1].isalnum():
        return None
    last = words[-1].lower().strip("’'")
    if (is_function_word(last) and last not in _QUANTITIES) or last in _NOT_HEADS or \
            last.endswith(("ly", "ing")) or words[0].endswith("ing") or \
            any(is_function_word(w) and w.lower() not in _INSIDE_SUBJECT for w in words[1:]):
        return None
    at = clause + len(text[clause:stop]) - len(text[clause:stop].lstrip())
    return Subject(None, " ".join(words), at)


def source_phrase(text: str, start: int, end: int) -> Subject | None:
    """The words after "according to" up to the comma: "its annual report", "a new poll"."""
    words = text[start:end].split()
    if not 1 <= len(words) <= 12:
        return None
    at = start + len(text[start:end]) - len(text[start:end].lstrip())
    phrase = " ".join(words).rstrip(".")
    return Subject(None, phrase, at) if phrase else None


def nominal_after(text: str, start: int, end: int) -> Subject | None:
    nominal = _NOMINAL_AFTER.match(text, start, end)
    if nominal is None:
        return None
    return Subject(None, nominal.group().strip(), nominal.start())
