"""The scanner of the vocabularies: a regular-expression alternation of words, and ``Cues``,
which finds the forms of a vocabulary as that alternation would, by one scan for words.

The vocabularies themselves are in ``lexicon`` (reporting verbs), ``event_lexicon`` and
``names``; this module holds how a text is searched for them, so that a rule reads a
vocabulary without spelling out its own regex or its own word loop. ``lowered`` says when a
case-sensitive scan of a lower-cased text reads what a ``re.I`` pattern reads.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain, compress
from operator import itemgetter
from typing import NamedTuple


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
    lengths: no Python step per word (tests/test_scanner.py holds it equal to the loop over
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
    scan them all, the word scan 0.16 s. ``tests/test_scanner.py`` proves with hypothesis that
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
        looked up as written in the window. ``tests/test_scanner.py`` proves it equal to
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
