"""The attribution vocabulary: quotation marks and reporting verbs, each defined once.

Quotes, claims, people and attribution read these tables; none keeps a list of its own. Word
lists are general English news usage, never words taken from a particular article.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain, compress
from operator import itemgetter
from typing import NamedTuple

#: Opening mark -> closing mark. Two apostrophes (or two backticks) stand for a double
#: quotation mark in many newspaper archives ("''We won't,'' she said."); « » (French,
#: Spanish, Russian...), „ “ and ‚ ‘ (German), 「 」 and 『 』 (Chinese, Japanese). The English
#: sieves open quotes with ``OPENING_MARK`` only; ``rules.marks`` reads every pair.
QUOTE_PAIRS: dict[str, str] = {
    "“": "”", '"': '"', "''": "''", "``": "''", "«": "»", "„": "“", "‘": "’",
    "‚": "‘", "「": "」", "『": "』",
}
#: Opening marks of single quotation marks (they nest inside double ones).
SINGLE_OPENING = frozenset({"‘", "‚"})
#: Marks that open a quotation, longest first (so "''" wins over a lone apostrophe).
OPENING = sorted(QUOTE_PAIRS, key=len, reverse=True)
#: The single characters of double quotation marks, for character classes: ``[^{DOUBLE}]``.
DOUBLE = "\"“”«»„"
#: A double opening mark (a mark of one character, or two apostrophes or backticks).
OPENING_MARK = re.compile(r"''|``|[\"“‘«„]")

#: Speech verbs inflected regularly (lemma, -s, -ed, -ing; "admit=admitted" doubles).
_SPEECH_REGULAR = """
add argue warn deny acknowledge admit=admitted suggest respond reply interject implore sigh note
explain announce ask declare continue stress remark recall urge vow predict caution concede
complain testify shout yell scream whisper plead quip=quipped retort observe assert maintain
emphasize emphasise lament wonder muse conclude confirm describe accuse criticize criticise
boast exclaim recount reiterate contend allege proclaim insist claim tweet answer agree disagree
tout blast gush marvel mention scoff sneer summarize counter inform advise demand lash rebut=rebutted
chide scold mock deride concur joke brag=bragged snap=snapped slam=slammed opine vent fume
rave speculate surmise posit underscore assure reassure confide confess divulge disclose
insinuate blog=blogged remember
"""
#: Irregular speech verbs with every form.
_SPEECH_IRREGULAR = """
say says said saying | tell tells told telling | write writes wrote writing written | speak
speaks spoke speaking | cry cries cried crying
"""
#: Forms of verbs whose other forms are mostly nouns ("a post", "the report", "reports").
_SPEECH_PAST_ONLY = """
posted reported stated promised pledged commented protested chanted called calling quoted cited
emailed texted laughed smiled shrugged hinted grumbled groaned thundered interrupted charged
echoed pointed_out points_out shot_back fired_back chimed_in went_on believes put_it
issued_a_statement pressed barked exhorted elaborated retweeted questioned
"""
#: Cognition and stance verbs: a source's belief or wish, reported without quotation.
_COGNITION_REGULAR = """
believe expect hope fear worry doubt want estimate consider assume suspect reckon figure
realize realise recognize recognise imagine guess learn=learned
"""
_COGNITION_IRREGULAR = """
think thinks thought thinking | feel feels felt feeling | know knows knew knowing | find finds
found finding | understand understands understood understanding
"""

#: Stance verbs: what a source wants, supports or rejects ("X wants to ...", "X opposed the bill").
_STANCE_REGULAR = """
support oppose endorse reject refuse propose plan=planned defend blame dismiss question challenge
insist warn threaten vow urge offer demand recommend welcome condemn applaud pledge praise attack
denounce decry assail lambaste hail champion embrace congratulate thank favor favour
prefer=preferred highlight portray liken encourage request downplay decide decline promise
express discuss
"""
_STANCE_IRREGULAR = """
seek seeks sought seeking | show shows showed shown | call_for calls_for called_for calling_for |
call_on calls_on called_on calling_on | push_for pushes_for pushed_for pushing_for |
reveal reveals revealed | indicate indicates indicated | predict predicts predicted |
cite cites citing | backs backed backing | refer_to refers_to referred_to referring_to |
point_to points_to pointed_to pointing_to | talk_about talks_about talked_about talking_about |
see sees saw seen seeing | view views viewed viewing |
rail_against rails_against railed_against railing_against | lash_out_at lashed_out_at |
weigh_in_on weighs_in_on weighed_in_on | side_with sides_with sided_with siding_with |
agree_with agrees_with agreed_with | apologize_for apologizes_for apologized_for |
take_issue_with takes_issue_with took_issue_with | focus_on focuses_on focused_on focusing_on |
vote_for votes_for voted_for voting_for | vote_against votes_against voted_against |
made_clear made_it_clear makes_clear makes_it_clear | raised_concerns raised_questions |
speak_about speaks_about spoke_about speaking_about spoken_about |
speak_of speaks_of spoke_of speaking_of spoken_of | talk_of talks_of talked_of talking_of |
stating | remind reminds reminded reminding | signal signaled signalled signaling signalling |
hint_at hints_at hinted_at hinting_at | lay_out lays_out laid_out laying_out |
outline outlines outlined outlining
"""
#: Attitude adjectives: a source's stance, reported without a verb of speech ("she is eager to
#: run", "he is convinced that P", "they are critical of the plan").
_ATTITUDE = """
eager | confident | convinced | optimistic | pessimistic | adamant | determined | keen |
critical_of | skeptical_of | sceptical_of | wary_of | supportive_of | dismissive_of |
worried_about | concerned_about | proud_of | angry_at | angry_about | upset_about |
optimistic_about | opposed_to | in_favor_of | in_favour_of | quick_to
"""


def _inflect(entry: str) -> tuple[str, ...]:
    """'note' -> note notes noted noting; 'admit=admitted' doubles the consonant."""
    lemma, _, past = entry.partition("=")
    if lemma.endswith("e"):
        forms = (lemma + "s", past or lemma + "d", lemma[:-1] + "ing")
    elif lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        forms = (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms = (lemma + "es", past or lemma + "ed", lemma + "ing")
    else:
        forms = (lemma + "s", past or lemma + "ed", (past[:-2] if past else lemma) + "ing")
    return (lemma, *forms)


def inflections(entry: str) -> tuple[str, ...]:
    """The forms of one regular verb entry ('ban=banned' -> ban bans banned banning), for the
    other vocabularies built the same way (the event triggers)."""
    return _inflect(entry)


def _forms(regular: str, irregular: str, past_only: str = "") -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for entry in regular.split():
        forms = _inflect(entry)
        out[forms[0]] = forms
    for group in irregular.split("|"):
        words = [w.replace("_", " ") for w in group.split()]  # "call_for": two words
        if words:
            out[words[0]] = tuple(words)
    for word in past_only.split():
        out[word.replace("_", " ")] = (word.replace("_", " "),)  # "pointed_out": two words
    return out


#: Reporting verbs (lemma -> its forms). Speech: what a source says, writes or posts.
SPEECH_VERBS = _forms(_SPEECH_REGULAR, _SPEECH_IRREGULAR, _SPEECH_PAST_ONLY)
COGNITION_VERBS = _forms(_COGNITION_REGULAR, _COGNITION_IRREGULAR)
#: Every form of a speech verb -> its lemma.
SPEECH_FORMS = {form: lemma for lemma, forms in SPEECH_VERBS.items() for form in forms}
COGNITION_FORMS = {form: lemma for lemma, forms in COGNITION_VERBS.items() for form in forms}
STANCE_VERBS = _forms(_STANCE_REGULAR, _STANCE_IRREGULAR + "|" + _ATTITUDE)
STANCE_FORMS = {form: lemma for lemma, forms in STANCE_VERBS.items() for form in forms}
#: The attitude adjectives among them (after "is", "was", "has been": not passives).
ATTITUDE_FORMS = frozenset(w.replace("_", " ") for w in _ATTITUDE.replace("|", " ").split())

#: Prepositions whose object is no subject ("a spokesman for X said", "asked about X"), as a
#: regular-expression alternation: the resolver and the claim sources each add their extras.
GOVERNING = "of|for|from|at|by|with|to|against|on|in|about|over|than|into|after"

#: Auxiliaries, negations and adverbs that stand between a subject and its verb ("has long
#: said", "did not say", "hasn't endorsed", "He's now claiming", "have all attacked"): a regular
#: expression for one such word with the space or apostrophe before it, to be repeated. Each
#: repetition starts with a space or an apostrophe, so a long word cannot be split two ways.
AUXILIARY = (r"(?:\s+(?:has|have|had|also|still|now|will|would|could|should|must|may|might|can|"
             r"did|do|does|is|are|was|were|been|being|once|first|again|not|never|ever|even|"
             r"just|already|long|often|all|both|each|then|later|soon|\w+n[’']t|\w+ly)(?=\W)|[’'](?:s|ve|d|ll|re)"
             r"(?=\s))")

#: Paragraph labels that name no speaker: "Editor's Note:", "UPDATE:", "Photo:", "The Latest:",
#: "BREAKING:", "Exclusive:" (compared by their first word, case-folded).
NOT_SPEAKER_LABELS = frozenset(
    "editor’s editor's update updated note photo photos video watch related read see listen "
    "correction clarification source sources the breaking exclusive bombshell wow so analysis "
    "opinion news fix live".split())

#: Gestures that stand for speaking after a quote ('"No," she smiled.').
GESTURES = frozenset("laughed smiled shrugged nodded paused hesitated".split())
#: Forms of speech verbs that say a capitalised word before them is somebody ("Moran said").
PERSON_VERB_FORMS = frozenset(f for f in SPEECH_FORMS if not f.endswith("ing")) | GESTURES


def alternation(forms: set[str] | frozenset[str] | dict[str, str]) -> str:
    """A regular-expression alternation of words, longest first."""
    return "|".join(sorted((re.escape(f) for f in forms), key=lambda f: (-len(f), f)))


_WORD_AT = re.compile(r"\w+\b")


def expand_forms(alternation: str) -> frozenset[str]:
    """Every word a regular-expression alternation of plain forms stands for, where a form may
    hold a character class (``[eo]``) and an optional character or class (``s?``):
    ``"officials?|advis[eo]rs?"`` -> official, officials, adviser, advisers, advisor, advisors.
    For a vocabulary written once as a regex and also scanned by ``Cues``."""
    forms: set[str] = set()
    for branch in alternation.split("|"):
        words = [""]
        i = 0
        while i < len(branch):
            if branch[i] == "[":
                close = branch.index("]", i)
                options, i = list(branch[i + 1:close]), close + 1
                if "-" in options or "^" in options:
                    raise ValueError(f"not a plain form (a range or negated class): {branch!r}")
            elif branch[i].isalnum() or branch[i] in " -'’":
                options, i = [branch[i]], i + 1
            else:
                raise ValueError(f"not a plain form: {branch!r}")
            if branch[i:i + 1] == "?":
                options, i = [*options, ""], i + 1
            words = [w + o for w in words for o in options]
        forms.update(words)
    return frozenset(forms)


#: The characters whose ``re.I`` folding and ``str.lower`` disagree about an ASCII letter.
FOLDS_APART = ("İ", "ı", "ſ")


def lowered(text: str) -> str | None:
    """The text in lower case, or None where lowering is not what ``re.I`` reads: a
    case-sensitive pattern of ASCII words over it finds what the ``re.I`` pattern finds in
    ``text`` (``tests/test_claims_words.py``; the claim sieves' word lists and
    ``attribution``'s unnamed heads read it)."""
    if text.isascii() or not any(c in text for c in FOLDS_APART):
        return text.lower()
    return None


#: Texts shorter than this are scanned word by word (a quoted phrase, the words before a
#: quote); longer ones, an article's text, are indexed once (``Cues._indexed``).
_INDEXED = 512
_WORDS = re.compile(r"\w+")


class _Words(NamedTuple):
    """Every word (maximal run of word characters) of a text, in order."""

    starts: list[int]
    ends: list[int]
    words: list[str]


#: The text as pieces of (non-word characters, the word after them): they tile the whole
#: text (the last word may be empty), with no backtracking (the two classes are disjoint).
_PIECES = re.compile(r"(\W*+)(\w*+)")


@functools.lru_cache(maxsize=4)
def _words_of(text: str) -> _Words:
    """Where each word of ``text`` starts and ends (a bounded cache of a pure function: the
    few texts one article's stages scan). The offsets are the running sums of the pieces'
    lengths: no Python step per word (tests/test_lexicon.py holds it equal to the loop over
    ``\\w+`` matches it replaces)."""
    pieces = _PIECES.findall(text)
    while pieces and not pieces[-1][1]:
        pieces.pop()  # the end of the text (only there is a piece's word empty)
    offsets = list(accumulate(map(len, chain.from_iterable(pieces))))
    return _Words(offsets[0::2], offsets[1::2], list(map(itemgetter(1), pieces)))


class _Hits:
    """The words of a text that a vocabulary holds, or that open one of its longer forms."""

    __slots__ = ("ends", "starts", "words")

    def __init__(self, words: _Words, lookup: frozenset[str]) -> None:
        # the indices of the words ``lookup`` holds, without a Python step per word
        found = list(compress(range(len(words.words)), map(lookup.__contains__, words.words)))
        self.starts = list(map(words.starts.__getitem__, found))
        self.ends = list(map(words.ends.__getitem__, found))
        self.words = list(map(words.words.__getitem__, found))


class Cue(NamedTuple):
    """A vocabulary word found in a text, with the interface of the ``re.Match`` it replaces.

    A named tuple, not a frozen dataclass: made for every cue found (67,000 over the PolNeAR
    texts), and a frozen dataclass costs three times as much to make."""

    first: int
    last: int
    text: str

    def start(self) -> int:
        return self.first

    def end(self) -> int:
        return self.last

    def group(self) -> str:
        return self.text


class Cues:
    """Finds the forms of a vocabulary exactly as ``re.compile(r"\\b(?:f1|f2|...)\\b")`` would
    (leftmost, longest form first, case-sensitive), by one scan for words and set lookups.

    Written because Python's ``re`` tries a several-hundred-branch alternation at every
    position: on the 840 PolNeAR training texts the regex of the speech verbs took 0.91 s to
    scan them all, the word scan 0.16 s. ``tests/test_lexicon.py`` proves with hypothesis that
    both give the same matches for any text and window.
    """

    _TOKEN = re.compile(r"\b\w+\b")
    _WORD = _WORDS

    @classmethod
    def _first_word(cls, form: str) -> str:
        first = cls._WORD.match(form)
        if first is None:
            raise ValueError(f"a cue form must open with a word: {form!r}")
        return first.group()

    def __init__(self, forms: Iterable[str]) -> None:
        forms = set(forms)
        self._hits: dict[str, _Hits] = {}
        self.forms = frozenset(forms)
        # one word token each; forms of several tokens ("pointed out", "cease-fire") are
        # matched by a regex tried only at their first token
        self._single = frozenset(f for f in forms if self._WORD.fullmatch(f))
        multi = sorted((f for f in forms if f not in self._single), key=lambda f: (-len(f), f))
        self._first_words = frozenset(self._first_word(f) for f in multi)
        self._lookup = self._single | self._first_words
        self._multi = re.compile("(?:" + "|".join(map(re.escape, multi)) + r")\b") \
            if multi else None

    @classmethod
    def of_alternation(cls, alternation: str) -> Cues:
        """The cues of the words a plain alternation stands for (``expand_forms``)."""
        return cls(expand_forms(alternation))

    def first_words(self) -> frozenset[str]:
        """The words a match opens with: the one-word forms and the first words of the
        others (a text none of whose words is here holds no match)."""
        return self._lookup

    def pattern(self) -> re.Pattern[str]:
        """The regular expression ``finditer`` and ``search`` stand for (the tests' reference);
        ``match`` stands for the same alternation without the leading ``\\b``."""
        return re.compile(r"\b(?:" + alternation(self.forms) + r")\b")

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Cue]:
        end = len(text) if end is None else end
        if len(text) < _INDEXED:
            return self._scan(text, start, end)
        return self._indexed(text, start, end)

    def _scan(self, text: str, start: int, end: int) -> Iterator[Cue]:
        """The word scan of ``text[start:end]`` (short texts; the reference of ``_indexed``)."""
        skip = start
        single, first_words, multi = self._single, self._first_words, self._multi
        # most words are in neither set: test membership before anything else is asked of the
        # match (the claim cues over the 840 PolNeAR texts: 240 ms against 265 ms; the rest
        # is the word scan itself)
        for token in self._TOKEN.finditer(text, start, end):
            word = token.group()
            if word in first_words:  # only when ``multi`` is not None
                at = token.start()
                if at < skip:
                    continue
                m = multi.match(text, at, end)  # type: ignore[union-attr]
                if m is not None:
                    skip = m.end()
                    yield Cue(at, skip, m.group())
                    continue
                if word in single:
                    yield Cue(at, token.end(), word)
            elif word in single:
                at = token.start()
                if at >= skip:
                    yield Cue(at, token.end(), word)

    def _indexed(self, text: str, start: int, end: int) -> Iterator[Cue]:
        """``_scan``'s matches, read from where this vocabulary's words stand in the whole
        ``text`` (found once per text) instead of scanning every word of every window.

        The stages ask for cues sentence by sentence, clause by clause, in the same article
        text: on the 840 PolNeAR training texts 160,000 windows of 50-230 characters, 4.2 ms
        per article for the word scans, most of it Python's loop over words that are not cues.
        A window holds the text's words that start in it, as ``\\b\\w+\\b`` with ``pos``
        does (a word cut by ``start`` is skipped: ``\\b`` looks before ``pos``), and the
        word cut by ``end``, truncated (the search sees no text after ``endpos``): that one is
        looked up as written in the window. ``tests/test_lexicon.py`` proves it equal to
        ``_scan`` and to the regex with hypothesis, for many windows of one text.
        """
        words = _words_of(text)
        hits = self._hits.get(text)
        if hits is None:
            if len(self._hits) >= 4:
                self._hits.clear()  # bounded: the texts of one article at a time
            hits = self._hits[text] = _Hits(words, self._lookup)
        single, first_words, multi = self._single, self._first_words, self._multi
        skip = start
        i = bisect_left(hits.starts, start)
        n = len(hits.starts)
        while i < n:
            at, stop, word = hits.starts[i], hits.ends[i], hits.words[i]
            i += 1
            if stop > end:
                break  # cut by the window's end: looked up below, as written in the window
            if at < skip:
                continue
            if word in first_words:
                m = multi.match(text, at, end)  # type: ignore[union-attr]
                if m is not None:
                    skip = m.end()
                    yield Cue(at, skip, m.group())
                    continue
            if word in single:
                yield Cue(at, stop, word)
        j = bisect_right(words.ends, end)  # the first word that ends after the window
        if j < len(words.starts) and start <= words.starts[j] < end and words.starts[j] >= skip:
            at = words.starts[j]
            word = text[at:end]
            if word in first_words:
                m = multi.match(text, at, end)  # type: ignore[union-attr]
                if m is not None:
                    yield Cue(at, m.end(), m.group())
                    return
            if word in single:
                yield Cue(at, end, word)

    def search(self, text: str, start: int = 0, end: int | None = None) -> Cue | None:
        return next(self.finditer(text, start, end), None)

    def match(self, text: str, pos: int, end: int | None = None) -> Cue | None:
        """A form that starts exactly at ``pos``: ``re.compile(r"(?:forms)\\b").match``."""
        end = len(text) if end is None else end
        if self._multi is not None:
            m = self._multi.match(text, pos, end)
            if m is not None:
                return Cue(m.start(), m.end(), m.group())
        word = _WORD_AT.match(text, pos, end)
        if word is not None and word.group() in self._single:
            return Cue(pos, word.end(), word.group())
        return None
