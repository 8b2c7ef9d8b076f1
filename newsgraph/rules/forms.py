"""Find an article's own name forms as whole words, without compiling a regex per article.

The actor stage looks up the forms it learnt from one article ("Okafor", "Ms. Okafor",
"Meridian Foods") in that article. A regular expression of their alternation did it, but it
had to be compiled for every article, which cost more than the search: 0.8 ms of 3.7 ms per
article on the synthetic corpus of ``make bench`` (issue "Incremental builds and a faster build
per core"). ``FormIndex`` gives the same matches from one precompiled scanner and dictionary
lookups; ``tests/test_forms.py`` proves it equal to ``form_regex`` with hypothesis.

The matching rule, in both: a form matches where it is not preceded by a word character or a
full stop and not followed by a word character or by a full stop and a word character ("U.S."
is not "U"); of the forms that match at one place the longest wins; matches do not overlap,
leftmost first.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import compress

from newsgraph.rules.scanner import _Words, _words_of

#: A form starts a word: not after a word character or a full stop.
_WORD_START = re.compile(r"(?<![\w.])\w+")
_WORD = re.compile(r"\w+")


def bounded(alternation: str, not_after: str = r"\w.") -> re.Pattern[str]:
    """``alternation`` as whole words: not right after a character of ``not_after`` (a class
    body), not before a word character or '.x'. The one boundary of every form search: this
    module's, the gazetteer's prefix tree and the names that only reporting shows."""
    return re.compile(rf"(?<![{not_after}])(?:{alternation})(?![\w]|\.\w)")


def form_regex(forms: Iterable[str], not_after: str = r"\w.") -> re.Pattern[str]:
    """The regular expression that ``FormIndex`` stands for (any form as a whole word, the
    longest first); kept as the reference of the equality test and for fixed form sets."""
    unique = sorted(set(forms), key=lambda f: (-len(f), f)) or ["(?!x)x"]
    return bounded("|".join(re.escape(f) for f in unique), not_after)


class FormIndex:
    """Forms indexed by their first word, longest first, searched at every word start."""

    def __init__(self, forms: Iterable[str]) -> None:
        unique = sorted(set(forms), key=lambda f: (-len(f), f))
        by_word: dict[str, list[str]] = {}
        for form in unique:
            first = _WORD.match(form)
            if first is not None:
                by_word.setdefault(first.group(), []).append(form)
        self._by_word = by_word
        # a form that does not start with a word character may start where no word does: the
        # few form sets with one ("'Bama") keep the regex, which is exact for any form
        odd = len(unique) != sum(len(v) for v in by_word.values())
        self._regex = form_regex(unique) if odd else None
        self._hits_of: tuple[str, tuple[list[int], list[int], list[str]]] | None = None

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, form) of every match in ``text[start:end]``, leftmost first.

        The words of ``text`` are found once (``scanner._words_of``, shared with the cue
        scanners) and the ones that open a form kept (``_hits``): a window bisects them
        instead of a Python step per word of every window (``find_actors`` asks for one
        window per read paragraph). A window holds the words that start in it and are not
        after a full stop, as ``(?<![\\w.])\\w+`` with ``pos`` reads them (a word cut by
        ``start`` has a word character before it), and the word cut by ``end``, looked up
        as written in the window. ``tests/test_forms.py`` holds it equal to ``form_regex``
        and to the word loop it replaces."""
        if self._regex is not None:
            for m in self._regex.finditer(text, start, end):
                yield m.start(), m.end(), m.group()
            return
        by_word = self._by_word
        words = _words_of(text)
        starts, ends, found_words = self._hits(text, words)
        pos = start
        for i in range(bisect_left(starts, start), len(starts)):
            at = starts[i]
            if ends[i] > end:
                break  # cut by the window's end (or after it): looked up below
            if at < pos or (at and text[at - 1] == "."):
                continue
            found = _longest(text, at, end, by_word[found_words[i]])
            if found is not None:
                yield at, found, text[at:found]
                pos = found  # matches do not overlap
        j = bisect_right(words.ends, end)  # the first word that ends after the window
        if j < len(words.starts):
            at = words.starts[j]
            if max(start, pos) <= at < end and not (at and text[at - 1] == "."):
                forms = by_word.get(text[at:end])
                found = None if forms is None else _longest(text, at, end, forms)
                if found is not None:
                    yield at, found, text[at:found]

    def _hits(self, text: str, words: _Words) -> tuple[list[int], list[int], list[str]]:
        """Starts, ends and words of the words of ``text`` that open a form (kept for the
        last text asked: one article's, window after window)."""
        if self._hits_of is not None and self._hits_of[0] is text:
            return self._hits_of[1]
        keep = list(compress(range(len(words.words)), map(self._by_word.__contains__,
                                                           words.words)))
        hits = (list(map(words.starts.__getitem__, keep)), list(map(words.ends.__getitem__, keep)),
                list(map(words.words.__getitem__, keep)))
        self._hits_of = (text, hits)
        return hits

    def longest_at(self, text: str, at: int) -> str | None:
        """The longest form that starts at ``at`` and is not followed by a word character
        (looser than ``finditer``: the form's start is the caller's business)."""
        word = _WORD.match(text, at)
        if word is None:
            return None
        for form in self._by_word.get(word.group(), ()):
            stop = at + len(form)
            if text.startswith(form, at) and _WORD.match(text, stop, stop + 1) is None:
                return form
        return None


def _longest(text: str, at: int, end: int, forms: list[str]) -> int | None:
    """Where the first (longest) of ``forms`` that matches at ``at`` ends, or None."""
    for form in forms:
        stop = at + len(form)
        if stop <= end and text.startswith(form, at) and _ends_word(text, stop, end):
            return stop
    return None


def _ends_word(text: str, stop: int, end: int) -> bool:
    """Nothing of a word follows ``stop`` before ``end``: no word character, no '.x'."""
    if stop >= end:
        return True
    if _WORD.match(text, stop, end) is not None:
        return False
    return text[stop] != "." or _WORD.match(text, stop + 1, end) is None
