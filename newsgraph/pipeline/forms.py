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
from collections.abc import Iterable, Iterator

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

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, form) of every match in ``text[start:end]``, leftmost first."""
        if self._regex is not None:
            for m in self._regex.finditer(text, start, end):
                yield m.start(), m.end(), m.group()
            return
        by_word = self._by_word
        pos = start
        while pos < end:
            for word in _WORD_START.finditer(text, pos, end):
                forms = by_word.get(word.group())
                found = None if forms is None else _longest(text, word.start(), end, forms)
                if found is not None:
                    yield word.start(), found, text[word.start():found]
                    pos = found  # matches do not overlap: scan again after this one
                    break
            else:
                return

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
