"""Who said a quote: the subject of the speech verb that governs it.

* In a stretch of text where the subject stands (before the cue, or after it in "said X"),
  the speaker is, in order: a named person (not a possessor, "Meridian’s spokesman"; not inside
  a closed relative clause, "Vogel, who met Tanaka ..., remarked"); an unnamed speaker ("a
  spokesman for X", "one man", "Residents of Kelbrook": speaker null, the words kept); a named
  organisation or country; the pronoun right next to the cue ("Asked whether she ..., he said").
* Pronouns resolve to a person or unnamed speaker of the same gender, the first one named in
  the last sentence that names one (its subject, usually): gender comes from
  "Mr"/"Ms", from gendered nouns (spokeswoman), from a pronoun bound to the only person of a
  sentence ("Collins, 29, said he ...") and from common given names; organisations are never
  "he" or "she", and "it" is an organisation or country named in this or the last sentence.
* Outlets that relayed the words are intermediaries ("told Reuters", "as quoted by Politico",
  "RIA cited X as saying", "..., Bloomberg News reported").

The speech cues and the clause grammar around them are in ``speech_cues``, the unnamed
speakers in ``unnamed_speakers``, and what tells a person's gender in ``speaker_gender``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from newsgraph.rules.drafts import ActorMentionDraft, ArticleDraft
from newsgraph.rules.lexicon import GOVERNING
from newsgraph.rules.names import (
    given_name_gender,
    is_modified_noun,
    is_role,
    is_title_word,
)
from newsgraph.rules.sentences import sentence_spans
from newsgraph.rules.speaker_gender import gender_of_word, known_genders
from newsgraph.rules.speech_cues import (
    APPOSITIVES,
    CUE,
    JOINT,
    PRONOUN_AFTER_CUE,
    PRONOUN_BEFORE_CUE,
    RELATIVE,
    RELATIVE_OPEN,
    SUBORDINATE,
    last_match,
)
from newsgraph.rules.unnamed_speakers import UNNAMED_HEAD, UNNAMED_NEAR_CUE, unnamed_phrase

#: A preposition right before a name: its object ("asked about Chen"), not a title ("Secretary
#: of Energy Chen").
_OBJECT_OF = re.compile(rf"\b(?:{GOVERNING})\s+(?:the\s+)?$")
#: The start of a stretch, or a comma, then at most three capitalised (title) words: where a
#: name that heads an appositive stands ("..., Senator Ann Roe, the minority leader,").
_AFTER_COMMA = re.compile(r"(?:^|,)\s*((?:[A-Z][\w.’'-]*\s+){0,3})$")
_PREPOSITION = re.compile(rf"\b(?:{GOVERNING}|beat|beating)\s+(?:the\s+|an?\s+)?"
                          r"(?:[\w’'-]+\s+){0,2}$", re.I)
_TOLD_TO = re.compile(r"\b(?:told|to|on|in)\s+(?:the\s+)?$")
_SUBJECT_PRONOUN = re.compile(r"(?:^|,\s+)(?P<p>[Hh]e|[Ss]he)\s+[a-z]")
_CLAUSE_PRONOUN = re.compile(r"\s*(?:\w+ly,?\s+)?(?P<p>[Hh]e|[Ss]he|[Tt]hey)\s+[a-z]")
_NEXT_WORDS = re.compile(r"[ \u00a0-]+((?:[a-z][\w-]*[ \u00a0]*){1,4})")
_NEXT_TITLE = re.compile(r"[ \u00a0]+((?:[A-Z][a-z]+[ \u00a0]+){1,3})(?=[A-Z])")
_REACH = 3000
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+")


@dataclass
class Attribution:
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    intermediary: str | None
    intermediary_text: str | None
    method: str
    confidence: float
    #: Words next to the cue that describe its speaker without naming them ("the statement
    #: said"), the quote's speaker words when no sieve names anyone (``quotes``).
    noun_phrase: str | None = None


@dataclass(frozen=True)
class Subject:
    """Who a subject stretch names: an actor, or only words (unnamed speaker, pronoun)."""

    actor: str | None
    text: str
    start: int
    pronoun: bool = False



class Resolver:
    """Looks up who a stretch of text names, and who 'he' or 'she' is at a point.

    Every answer is a function of the article alone: nothing it learns while quotes are being
    attributed changes a later answer, so a quote's speaker never depends on the quotes
    before it.
    """

    def __init__(self, draft: ArticleDraft, quoted: list[tuple[int, int]],
                 sentences: dict[tuple[int, int], list[tuple[int, int]]] | None = None) -> None:
        self.text = draft.source.text
        self.mentions = sorted(draft.actor_mentions, key=lambda m: m.span.start)
        self.starts = [m.span.start for m in self.mentions]
        #: The sentences of each body paragraph, split once for every stage that needs them.
        self.sentences = sentences if sentences is not None else {
            (seg.char_start, seg.char_end): sentence_spans(self.text, seg.char_start,
                                                           seg.char_end)
            for seg in draft.segments if seg.kind == "body"}
        self.sentence_starts = [a for seg in draft.segments if seg.kind == "body"
                                for a, _ in self.sentences[(seg.char_start, seg.char_end)]]
        self.kind = {name: a.kind for name, a in draft.actors.items()}
        self.body = [(seg.char_start, seg.char_end) for seg in draft.segments
                     if seg.kind == "body"]
        #: Learnt from the text before any attribution.
        self.gender = known_genders(draft, self.mentions, self.kind, quoted)

    def within(self, start: int, end: int) -> list[ActorMentionDraft]:
        """Mentions that start inside ``text[start:end]``."""
        return self.mentions[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def _usable(self, m: ActorMentionDraft, start: int, end: int) -> bool:
        """Not a possessor ("Meridian’s spokesman"), not a modifier ("the Okafor campaign"),
        and not inside a closed relative clause."""
        if self.text[m.span.end:m.span.end + 2] in ("'s", "’s"):
            return False
        if _modifies(self.text, m.span.end):
            return False  # "Okafor campaign manager Tomas Reyes": Reyes speaks, not Okafor
        title = _NEXT_TITLE.match(self.text, m.span.end)
        if title is not None and all(is_title_word(w) for w in title.group(1).split()) and \
                any(is_role(w) for w in title.group(1).split()):
            return False  # "Former Clinton Senior Adviser Sidney Blumenthal"
        clause = self.text[start:end]
        return not any(start + r.start() <= m.span.start < start + r.end()
                       for r in RELATIVE.finditer(clause))

    def _dependent(self, m: ActorMentionDraft) -> bool:
        """A possessor ("Chen's"), a modifier ("the Chen campaign") or the object of a
        preposition ("asked about Chen"): not the subject of its sentence."""
        return self.text[m.span.end:m.span.end + 2] in ("'s", "’s") or \
            _modifies(self.text, m.span.end) or \
            _OBJECT_OF.search(self.text, max(0, m.span.start - 20), m.span.start) is not None

    def _heads_appositive(self, m: ActorMentionDraft, start: int) -> bool:
        """The mention opens the stretch or follows a comma, past title words only ("...,
        Senator Ann Roe, the minority leader,"), and is no possessor ("Roe's aide")."""
        lead = _AFTER_COMMA.search(self.text, start, m.span.start)
        return lead is not None and all(is_title_word(w) for w in lead.group(1).split()) and \
            self.text[m.span.end:m.span.end + 1] not in ("'", "’")

    def subject(self, start: int, end: int, *, cue_after: bool) -> Subject | None:
        """The speaker named in ``text[start:end]`` (see the module docstring).

        ``cue_after``: the cue follows the stretch (so a pronoun next to it sits at its end).
        """
        if end <= start:
            return None
        if cue_after:  # after the cue ("said X, a professor ... and a co-editor") no joint
            for joint in JOINT.finditer(self.text, start, end):
                start = joint.end()  # 'Beijing has blocked ..., and a spokesman for X said'
        everyone = [m for m in self.within(start, end) if m.span.end <= end
                    and self._usable(m, start, end)]
        found = [m for m in everyone if self.kind.get(m.actor) != "media"]
        clause = self.text[start:end]
        near = UNNAMED_NEAR_CUE.search(clause) if cue_after else None
        if near is not None and not any(m.span.start >= start + near.start() for m in found):
            return Subject(None, near.group("head"), start + near.start())  # "critics have"
        unnamed = unnamed_phrase(clause)
        if unnamed is not None and any(m.span.start <= start + unnamed.start("head") < m.span.end
                                       for m in found):
            unnamed = None  # "the National Union of Teachers": a name, not "teachers"
        after_unnamed = start + unnamed.end() if unnamed is not None else end
        # "a spokesman for Park": Park is not the speaker
        people = [m for m in found if self.kind.get(m.actor) == "person" and not (
            m.span.start >= after_unnamed and _PREPOSITION.search(
                self.text[max(start, m.span.start - 40):m.span.start]))]
        if people:
            best = people[0]
            if cue_after:  # 'When asked by X about Y, de Blasio said': the name by the cue
                last_comma = clause.rstrip().rfind(",")
                nearest = [m for m in people if m.span.start > start + last_comma
                           and not _PREPOSITION.search(
                               self.text[max(start, m.span.start - 40):m.span.start])]
                if last_comma >= 0 and nearest:
                    best = nearest[-1]
                if clause.rstrip().endswith(","):  # 'In reply, her lawyer, Ann Roe, wrote'
                    heads = [m for m in people if self._heads_appositive(m, start)]
                    if heads:
                        best = heads[0]
                sub = last_match(SUBORDINATE, clause)
                own = [m for m in people if sub is not None and m.span.start >= start + sub.end()
                       and m.span.start > start + last_comma
                       and "," not in self.text[start + sub.end():m.span.start]
                       and _words_between(self.text, m.span.end, end) <= 3]
                if own:  # 'X left after Y told the crowd': Y
                    best = own[-1]
            return Subject(best.actor, best.span.text, best.span.start)
        named = [m for m in found
                 if not _PREPOSITION.search(self.text[max(start, m.span.start - 40):m.span.start])]
        if unnamed is not None and (not named or start + unnamed.start() <= named[0].span.start):
            return Subject(None, unnamed.group().strip(), start + unnamed.start())
        if named:
            return Subject(named[0].actor, named[0].span.text, named[0].span.start)
        outlets = [m for m in everyone if self.kind.get(m.actor) == "media" and not
                   _PREPOSITION.search(self.text[max(start, m.span.start - 40):m.span.start])
                   and not _TOLD_TO.search(self.text[max(start, m.span.start - 12):m.span.start])]
        if outlets:  # 'The Washington Post reported that', '," NBC announced'
            return Subject(outlets[0].actor, outlets[0].span.text, outlets[0].span.start)
        pronoun = (PRONOUN_BEFORE_CUE.search(clause) if cue_after
                   else PRONOUN_AFTER_CUE.match(clause))
        if pronoun is not None:
            return Subject(None, pronoun.group("p"), start + pronoun.start("p"), pronoun=True)
        return None

    def _gender(self, person: str) -> str | None:
        return self.gender.get(person) or given_name_gender(person.split()[0])

    def resolve_pronoun(self, pronoun: str, at: int) -> str | None:
        """The actor (None: an unnamed speaker, or nobody) a pronoun at ``at`` refers to.

        'he'/'she': a person or unnamed speaker of that gender (or of unknown gender), the first
        named in the last sentence that names one;
        'it': an organisation or country named in this or the last sentence; 'they': nobody.
        """
        if pronoun.lower() == "it":
            ends = [m.end() for m in _SENTENCE_END.finditer(self.text, max(0, at - 400), at)]
            since = ends[-2] if len(ends) >= 2 else max(0, at - 400)  # this and the last sentence
            near = [m for m in self.within(since, at)
                    if self.kind.get(m.actor) not in ("person", "media", None)]
            return near[-1].actor if near else None
        want = gender_of_word(pronoun)
        if want is None:
            return None
        found: list[tuple[int, str | None, bool]] = []  # (position, person, dependent)
        for i in range(bisect_left(self.starts, at) - 1, bisect_left(self.starts, at - _REACH) - 1,
                       -1):
            m = self.mentions[i]
            if self.kind.get(m.actor) == "person" and (self._gender(m.actor) or want) == want:
                found.append((m.span.start, m.actor, self._dependent(m)))
        found += [(pos, None, False) for pos, gender in self.unnamed
                  if at - _REACH <= pos < at and (gender or want) == want]
        if not found:
            return None
        # the most recent sentence that names a candidate; in it, the first one named (the
        # subject, usually: "Later, Chen met the farmer Joe Black." -> Chen), not a possessor,
        # a modifier ("Chen spokesman Li said ..., he said" -> Li) or a preposition's object
        latest = max(pos for pos, _, _ in found)
        since = self.sentence_starts[max(0, bisect_right(self.sentence_starts, latest) - 1)] \
            if self.sentence_starts else 0
        since = min(since, latest)  # a candidate outside the body's sentences
        in_sentence = sorted((c for c in found if c[0] >= since),
                             key=lambda c: (c[0], c[1] or "", c[2]))
        best = next((c for c in in_sentence if not c[2]), in_sentence[0])
        return best[1]

    @cached_property
    def lower(self) -> str:
        """The text in lower case (same length: used only to find positions)."""
        low = self.text.lower()
        return low if len(low) == len(self.text) else self.text

    @cached_property
    def unnamed(self) -> list[tuple[int, str | None]]:
        """(position, gender) of each unnamed speaker of the article: an unnamed phrase that is
        the subject of a cue ("a spokeswoman for the agency warned"). Computed from the text
        alone, once, so that resolving a pronoun never depends on which quotes came first."""
        found: list[tuple[int, str | None]] = []
        for a, b in self.body:
            for phrase in UNNAMED_HEAD.finditer(self.lower, a, b):  # cheap: the heads first
                cue = CUE.search(self.text, phrase.end(), min(b, phrase.end() + 60))
                if cue is None:
                    continue
                subject = self.subject(max(a, cue.start() - 80), cue.start(), cue_after=True)
                if subject is not None and subject.actor is None and not subject.pronoun:
                    words = subject.text.split()
                    found.append((subject.start, gender_of_word(words[-1]) if words else None))
        return sorted(set(found), key=lambda f: (f[0], f[1] or ""))

    def media_after(self, start: int, end: int) -> ActorMentionDraft | None:
        found = [m for m in self.within(start, end) if m.span.end <= end
                 and self.kind.get(m.actor) == "media"]
        return found[0] if found else None

    def media_before(self, start: int, end: int) -> ActorMentionDraft | None:
        found = [m for m in self.within(start, end) if m.span.end <= end
                 and self.kind.get(m.actor) == "media"]
        return found[-1] if found else None

    def clause_subject(self, start: int, end: int) -> Subject | None:
        """Who a clause is about, from its start to ``end``: a person, else an organisation or
        country, else a leading 'he'/'she'/'they' ("Gibbs derided "the professional left"")."""
        for joint in JOINT.finditer(self.text, start, end):
            start = joint.end()
        found = [m for m in self.within(start, end) if m.span.end <= end
                 and self.kind.get(m.actor) not in ("media", None) and self._usable(m, start, end)
                 and not _PREPOSITION.search(self.text[max(start, m.span.start - 40):m.span.start])]
        people = [m for m in found if self.kind.get(m.actor) == "person"]
        best = (people or found)[:1]
        if best and RELATIVE_OPEN.search(RELATIVE.sub(",", self.text[best[0].span.end:end])):
            return None  # 'X, who rates Y a "hold."': the quote is in a relative clause
        if best:
            return Subject(best[0].actor, best[0].span.text, best[0].span.start)
        lead = _CLAUSE_PRONOUN.match(self.text, start, end)
        if lead is not None:
            return Subject(None, lead.group("p"), lead.start("p"), pronoun=True)
        return None

    def person_subject_of_sentence(self, start: int, end: int) -> str | None:
        """The person a sentence without quotes is about ("Haddad smiled.", "..., she smiled.")."""
        found = [m for m in self.within(start, end)
                 if self.kind.get(m.actor) == "person" and self._usable(m, start, end)]
        if found:
            return found[0].actor
        for p in _SUBJECT_PRONOUN.finditer(self.text[start:end]):
            return self.resolve_pronoun(p.group("p"), start + p.start("p"))
        return None


def _words_between(text: str, start: int, end: int) -> int:
    """Words in ``text[start:end]`` past any appositive ("X, a senior aide, has said")."""
    return len(APPOSITIVES.sub(",", text[start:end]).replace(",", " ").split())


def _modifies(text: str, end: int) -> bool:
    """The name ending at ``end`` modifies a role or group noun after it, maybe past title
    words ("Okafor campaign manager", "Trump senior communications adviser", "Idaho
    nutritional-supplement executive"), not the subject of a verb ("Trump said officials")."""
    words = _NEXT_WORDS.match(text, end)
    if words is None:
        return False
    for word in words.group(1).split():
        if is_modified_noun(word):
            return True
        if not (is_title_word(word) or "-" in word):
            return False
    return False
