"""Pairs of quotation marks in a paragraph: where each quotation starts and ends.

The marks are those of ``models.quotation_marks.QUOTE_PAIRS`` (straight and curly, two apostrophes, « », „ “);
a closing mark is searched from the opening one, so a quotation inside a quotation is part of
the outer one, and a quotation left open at the end of a paragraph runs to its end.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.models.quotation_marks import OPENING_MARK, QUOTE_PAIRS

#: Opening marks that some texts close with the other double mark ('"Frozen“', '“no"').
_MIXED = {'"': "”", "“": '"'}


@dataclass(frozen=True)
class Pair:
    """A pair of quotation marks: inner text from ``start`` to ``end``; ``closed`` if it was."""

    start: int
    end: int
    closed: bool
    opening: int = 1  # width of the opening mark
    closing: int = 1  # width of the closing mark (0 when unclosed)

    @property
    def outer_start(self) -> int:
        """Where the opening mark starts."""
        return self.start - self.opening

    @property
    def outer_end(self) -> int:
        """Where the closing mark ends."""
        return self.end + self.closing


def _opens(text: str, i: int, width: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-/:*,;") and not after.isspace()


class _SingleCloser:
    """Where the first closing single mark at or after a position is: a ’ not followed by a
    letter ("it’s" holds an apostrophe, not the closing mark), before ``end``.

    It keeps its last answer: asked again from a later position not past that answer, the
    answer is the same (no closing mark lies between). Each unclosed ‘ searched the rest of
    its paragraph, so a paragraph of thousands of them ("‘it’s ‘it’s ...") cost their square.
    """

    def __init__(self, text: str, end: int) -> None:
        self.text, self.end = text, end
        self.asked, self.found = end + 1, -1

    def at(self, start: int) -> int:
        """The first closing mark in ``text[start:end]``, -1 if none."""
        if self.asked <= start and (self.found == -1 or start <= self.found):
            return self.found
        text, end = self.text, self.end
        j = text.find("’", start, end)
        while j != -1 and j + 1 < end and text[j + 1].isalpha():
            j = text.find("’", j + 1, end)
        self.asked, self.found = start, j
        return j


def find_pairs(text: str, start: int, end: int) -> list[Pair]:
    """Quotation-mark pairs inside ``text[start:end]`` (a paragraph); nested quotes skipped.

    Marks are those of ``models.quotation_marks.QUOTE_PAIRS`` (a closing mark is searched from the opening
    one, so a quotation inside a quotation is part of the outer one).
    """
    pairs: list[Pair] = []
    single = _SingleCloser(text, end)
    i = start
    while True:
        found = OPENING_MARK.search(text, i, end)
        if found is None:
            return pairs
        i, mark = found.start(), found.group()
        width = len(mark)
        if not _opens(text, i, width):
            i += 1
            continue
        close = QUOTE_PAIRS[mark]
        j = single.at(i + width) if mark == "‘" else text.find(close, i + width, end)
        while close == "''" and j != -1 and text[j + 2:j + 3] == "'":
            j += 1  # three apostrophes: a single closing mark inside, then the double one
        mixed = _MIXED.get(mark)
        if mixed is not None:  # a straight mark closed by a curly one, or the reverse
            k = text.find(mixed, i + width, j if j != -1 else end)
            if k != -1:
                j, close = k, mixed
        if j != -1:
            if j > i + width:
                pairs.append(Pair(i + width, j, True, width, len(close)))
            i = j + len(close)
            continue
        if mark != "‘" and end > i + width:  # unclosed: runs to the paragraph end
            inner_end = end
            while inner_end > i + width and text[inner_end - 1].isspace():
                inner_end -= 1
            pairs.append(Pair(i + width, inner_end, False, width, 0))
            return pairs
        i += 1
