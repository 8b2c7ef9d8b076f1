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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from newsgraph.rules.drafts import ActorMentionDraft, ArticleDraft
from newsgraph.rules.lexicon import (
    AUXILIARY,
    GOVERNING,
    SPEECH_FORMS,
    Cue,
    Cues,
    alternation,
    lowered,
)
from newsgraph.rules.names import (
    FEMALE_HONORIFICS,
    MALE_HONORIFICS,
    given_name_gender,
    is_modified_noun,
    is_role,
    is_title_word,
)
from newsgraph.rules.sentences import sentence_spans

#: Every reporting cue: the speech verbs of the lexicon, "according to" and "as saying".
CUES = alternation(set(SPEECH_FORMS) | {"according to", "as saying", "According to"})
#: Cues that open a sentence before their subject: 'Said Comey, "..."'.
_FRONT_CUES = frozenset("Said Says Added Asked Wrote Writes Noted Explained Recalled".split())
#: The scanner of every reporting cue (the regex ``\b(?:CUES)\b``, faster).
CUE = Cues(set(SPEECH_FORMS) | {"according to", "as saying", "According to"} | _FRONT_CUES)
_RELAY_SAYING = re.compile(r"\b(?P<cue>cited|quoted|reported)\b(?P<subject>[^.\"“”]{0,60}?)"
                           r"\bas saying\b")
_RELAY_BY = re.compile(r"\bas (?:quoted|reported|cited) by\b|\b(?:quoted|cited) by\b")
_REPORTED_AFTER = re.compile(r"\breported\s*[.,;]?\s*$")
RELATIVE = re.compile(r",\s*(?:who|which|whose|whom|where)\b[^,;]*,")
JOINT = re.compile(r",\s*(?:and|but|while|although|whereas)\s+|;\s*")
RELATIVE_OPEN = re.compile(r",\s*(?:who|which|whose|whom|where)\b")
#: A preposition right before a name: its object ("asked about Chen"), not a title ("Secretary
#: of Energy Chen").
_OBJECT_OF = re.compile(rf"\b(?:{GOVERNING})\s+(?:the\s+)?$")
#: Relative clauses and appositives between commas ("X, who served as ..., told").
APPOSITIVES = re.compile(r",[^,;.!?\"“”]{1,120},")
#: The start of a stretch, or a comma, then at most three capitalised (title) words: where a
#: name that heads an appositive stands ("..., Senator Ann Roe, the minority leader,").
_AFTER_COMMA = re.compile(r"(?:^|,)\s*((?:[A-Z][\w.’'-]*\s+){0,3})$")
#: A conjunction opening a subordinate clause ("When X said ..., Y replied", "Y left after X
#: told ..."): a cue after it has a subject of its own.
SUBORDINATE = re.compile(
    r"\b(?:[Aa]s|[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Aa]lthough|[Tt]hough|[Ii]f|[Bb]ecause|"
    r"[Ss]ince|[Uu]ntil|[Oo]nce|[Ww]hether|[Ww]henever|[Dd]espite|[Uu]nless|[Ww]hereas|Asked|"
    r"Speaking|Like|Unlike)\b")
_PREPOSITION = re.compile(rf"\b(?:{GOVERNING}|beat|beating)\s+(?:the\s+|an?\s+)?"
                          r"(?:[\w’'-]+\s+){0,2}$", re.I)
#: The subject pronouns a cue's speaker may be ("it": an organisation).
SUBJECT_PRONOUNS = r"[Hh]e|[Ss]he|[Tt]hey|[Ii]t"
PRONOUN_BEFORE_CUE = re.compile(r"\b(?P<p>" + SUBJECT_PRONOUNS + ")" + AUXILIARY + r"*\s+$")
_PRONOUN_AFTER_CUE = re.compile(r"^\s*(?P<p>he|she|they|it)\b")
_PRONOUN_OBJECT = re.compile(r"\s*(?P<p>him|her|them)\b")
#: The head nouns of an unnamed speaker ("a spokesman", "officials"), as an alternation.
UNNAMED_HEADS = (
    r"spokesman|spokeswoman|spokesperson|spokespeople|officials?|sources?|diplomats?|aides?|"
    r"analysts?|experts?|ministers?|lawmakers?|senators?|officers?|representatives?|person|"
    r"people|judges?|supervisors?|managers?|chief executives?|executives?|man|men|woman|women|"
    r"residents?|witness|witnesses|workers?|employees?|members?|spectators?|fans?|doctors?|"
    r"nurses?|teachers?|students?|parents?|mother|father|neighbou?rs?|advis[eo]rs?|insiders?|"
    r"directors?|bankers?|economists?|traders?|lawyers?|voters?|protesters?|campaigners?|"
    r"activists?|organi[sz]ers?|critics?|opponents?|supporters?|observers?|customers?|"
    r"shoppers?|passengers?|patients?|survivors?|villagers?|locals?|owners?|investors?|"
    r"researchers?|scientists?|police|authorities"
)
_UNNAMED = re.compile(
    r"\b(?:an?|the|one|two|three|several|some|many|another|its|their|his|her|our|"
    r"[A-Z][\w’'.-]*(?:['’]s))\s+(?:[\w.’'-]+\s+){0,4}?(?P<head>" + UNNAMED_HEADS + r")\b",
    re.I)
#: The heads as words, searched in lower case (``Cues``: a word scan, not the alternation
#: tried at every position: 0.43 s against 0.05 s over the 840 PolNeAR texts' paragraphs).
UNNAMED_HEAD = Cues.of_alternation(UNNAMED_HEADS)
#: The words one of which a clause must hold for ``_UNNAMED`` or ``_UNNAMED_START`` to find a
#: head in it (a head's first word: "chief" of "chief executive"), in lower case.
_HEAD_WORDS = UNNAMED_HEAD.first_words()
_WORDS = re.compile(r"\w+")
_UNNAMED_NEAR_CUE = re.compile(
    r"\b(?P<head>" + UNNAMED_HEADS + r")\s+(?:(?:have|has|had|also|were|was|\w+ly)\s+)*$")
_UNNAMED_START = re.compile(
    r"^\s*(?:[A-Z][\w’'-]*\s+){0,2}?(?P<head>" + UNNAMED_HEADS + r")\b", re.I)
_MALE = frozenset("""spokesman man men father chairman businessman husband son brother king
prince councilman congressman grandfather uncle nephew boy""".split())
_FEMALE = frozenset("""spokeswoman woman women mother chairwoman businesswoman wife daughter
sister queen princess actress councilwoman congresswoman grandmother aunt niece girl""".split())
_HONORIFIC_GENDER = re.compile(
    r"^(?:(?P<m>" + "|".join(sorted(w.capitalize() for w in MALE_HONORIFICS)) + r")|(?P<f>"
    + "|".join(sorted(w.capitalize() for w in FEMALE_HONORIFICS)) + r"))\b")
_TOLD_TO = re.compile(r"\b(?:told|to|on|in)\s+(?:the\s+)?$")
_SUBJECT_PRONOUN = re.compile(r"(?:^|,\s+)(?P<p>[Hh]e|[Ss]he)\s+[a-z]")
_CLAUSE_PRONOUN = re.compile(r"\s*(?:\w+ly,?\s+)?(?P<p>[Hh]e|[Ss]he|[Tt]hey)\s+[a-z]")
_NEXT_WORDS = re.compile(r"[ \u00a0-]+((?:[a-z][\w-]*[ \u00a0]*){1,4})")
_NEXT_TITLE = re.compile(r"[ \u00a0]+((?:[A-Z][a-z]+[ \u00a0]+){1,3})(?=[A-Z])")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_REACH = 3000
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+")
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)


@dataclass
class Attribution:
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    intermediary: str | None
    intermediary_text: str | None
    method: str
    confidence: float


@dataclass(frozen=True)
class Subject:
    """Who a subject stretch names: an actor, or only words (unnamed speaker, pronoun)."""

    actor: str | None
    text: str
    start: int
    pronoun: bool = False


def gender_of_word(word: str) -> str | None:
    w = word.lower()
    return "m" if w in _MALE or w in ("he", "him", "his") else (
        "f" if w in _FEMALE or w in ("she", "her") else None)


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
        self.gender: dict[str, str] = {}  # learnt from the text before any attribution
        for m in self.mentions:
            g = _HONORIFIC_GENDER.match(m.span.text)
            if g and self.kind.get(m.actor) == "person":
                self.gender.setdefault(m.actor, "m" if g.group("m") else "f")
        for role in draft.roles:
            for word in role.role.split():
                if (g2 := gender_of_word(word)) is not None:
                    self.gender.setdefault(role.actor, g2)
        self._bind(draft, quoted)

    def _bind(self, draft: ArticleDraft, quoted: list[tuple[int, int]]) -> None:
        """A sentence that names one person and says 'he' (or 'she') tells that person's gender.

        Pronouns inside quotation marks (``quoted``: sorted, disjoint) do not count.
        """
        quote_ends = [b for _, b in quoted]
        for seg in draft.segments:
            if seg.kind != "body":
                continue
            for s in _SENTENCE.finditer(self.text, seg.char_start, seg.char_end):
                people = [m for m in self.within(s.start(), s.end())
                          if self.kind.get(m.actor) == "person"]
                if len({m.actor for m in people}) != 1 or _UNNAMED.search(s.group()):
                    continue
                after = people[0].span.end
                first = bisect_right(quote_ends, s.start())
                inside = [q for q in quoted[first:first + 50] if q[0] < s.end()]
                he = [x for x in _HE.finditer(self.text, after, s.end()) if not _inside(x, inside)]
                she = [x for x in _SHE.finditer(self.text, after, s.end())
                       if not _inside(x, inside)]
                if bool(he) != bool(she):
                    self.gender.setdefault(people[0].actor, "m" if he else "f")

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
        near = _UNNAMED_NEAR_CUE.search(clause) if cue_after else None
        if near is not None and not any(m.span.start >= start + near.start() for m in found):
            return Subject(None, near.group("head"), start + near.start())  # "critics have"
        unnamed = _unnamed(clause)
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
                   else _PRONOUN_AFTER_CUE.match(clause))
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


def last_match(pattern: re.Pattern[str], text: str, start: int = 0,
               end: int | None = None) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``."""
    matches = list(pattern.finditer(text, start, len(text) if end is None else end))
    return matches[-1] if matches else None


def _words_between(text: str, start: int, end: int) -> int:
    """Words in ``text[start:end]`` past any appositive ("X, a senior aide, has said")."""
    return len(APPOSITIVES.sub(",", text[start:end]).replace(",", " ").split())


def _unnamed(clause: str) -> re.Match[str] | None:
    """``_UNNAMED.search(clause) or _UNNAMED_START.match(clause)``, not tried when no word of
    the clause in lower case opens a head (both need one: 17 us a clause against 2 us for
    the words, and most clauses name no unnamed speaker). Exact: the head they match, with
    ``re.I``, after a space or the clause's start and before a word boundary, is that word
    in lower case (``lowered`` says when lowering is what ``re.I`` reads; lowering keeps
    every character as wordy as it was). ``tests/test_attribution_unnamed.py`` compares."""
    low = lowered(clause)
    if low is not None and _HEAD_WORDS.isdisjoint(_WORDS.findall(low)):
        return None
    return _UNNAMED.search(clause) or _UNNAMED_START.match(clause)


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


def _inside(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(a <= match.start() < b for a, b in spans)


def governing_cue(text: str, start: int, end: int) -> Cue | None:
    """The last cue in ``text[start:end]`` that still governs what follows ``end``.

    A cue followed by a relative clause that the quote sits in ("noted X, who rates Y a
    "hold."") does not govern the quote; a closed one ("told delegates that shipping, which
    produces 3% of emissions, could not be "...") does not matter.
    """
    cues = list(CUE.finditer(text, start, end))
    if not cues:
        return None
    last = cues[-1]
    between = RELATIVE.sub(",", text[last.end():end])
    if RELATIVE_OPEN.search(between):
        return None
    return last


def relay(text: str, start: int, end: int) -> re.Match[str] | None:
    """'cited X as saying' / 'as quoted by' inside ``text[start:end]``."""
    return _RELAY_SAYING.search(text, start, end) or _RELAY_BY.search(text, start, end)


def reported_after(text: str, start: int, end: int) -> bool:
    """'..., Bloomberg News reported.' after a quote."""
    return _REPORTED_AFTER.search(text[start:end]) is not None


def pronoun_object(text: str, start: int) -> re.Match[str] | None:
    return _PRONOUN_OBJECT.match(text, start)
