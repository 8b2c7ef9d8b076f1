"""A regular expression searched only in windows that hold a piece of text every match holds.

The claim sieves search each sentence with patterns that open with ``\\b`` and an alternation
("seems", "reportedly", "according to"): Python's ``re`` tries them at every position, 5 to
12 us a sentence, and most sentences hold no match. Every match of these patterns contains
one of a few fixed strings (each of the evidential sieve's contains "seem", "appear",
"expected" or "said"); ``str.find`` over the window, in C, tells first whether one is there.

Exact by construction: a match of ``regex.search(text, pos, endpos)`` lies inside
``text[pos:endpos]`` (the engine reads no character at or past ``endpos``, and the pieces are
characters a match consumes or looks ahead at, never behind), so where no piece is written
in that window the search finds nothing, and elsewhere it is the regex's own answer.
``tests/test_needs.py`` compares each with its bare regex with hypothesis, on texts made of
its own words.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator


class Needs:
    """``regex`` with the pieces one of which every match contains (``search``, ``finditer``
    as ``re.Pattern``'s, with ``pos`` and ``endpos``)."""

    __slots__ = ("pieces", "regex")

    def __init__(self, regex: re.Pattern[str], *pieces: str) -> None:
        if not pieces or not all(pieces):
            raise ValueError("a Needs takes at least one non-empty piece")
        self.regex = regex
        self.pieces = pieces

    def holds(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether ``text[pos:endpos]`` holds one of the pieces (a match may be there)."""
        find = text.find
        for piece in self.pieces:  # noqa: SIM110 (a loop: no generator made per window)
            if find(piece, pos, endpos) >= 0:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos) if self.holds(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize
                 ) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, endpos) if self.holds(text, pos, endpos) \
            else iter(())
