"""Sentence boundaries that survive "U.S.", "Dec. 3-4" and "Mr. Smith".

A sentence ends at ``.``, ``!`` or ``?`` (plus closing quotes or brackets) followed by space and
an upper-case letter, a digit or an opening quote, unless the word before the period is a known
abbreviation ("Calif.") or a single initial; before an opening quotation mark only a title
("Dr.") keeps the sentence going.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.models.quotation_marks import ENGLISH_CLOSERS, ENGLISH_OPENERS
from newsgraph.rules.names import TITLE_ABBREVIATIONS
from newsgraph.rules.timewords import MONTH_ABBREVIATIONS, WEEKDAY_NAMES

#: A sentence end: stops, then closing marks or brackets, then space and what opens the next
#: sentence (two apostrophes or backticks, an opening mark or bracket, a capital or a digit).
_END = re.compile(rf"[.!?…]+[{ENGLISH_CLOSERS})\]]*(?=\s+(?:''|``|[{ENGLISH_OPENERS}(A-Z0-9]))")
#: Titles: never the end of a sentence, even before a quotation mark (the title
#: abbreviations of the name vocabulary, "St." and "Pres.").
_TITLES = TITLE_ABBREVIATIONS | frozenset({"st", "pres"})
#: Abbreviations a period does not end a sentence after: titles, company words, the month
#: abbreviations of the calendar vocabulary and the three-letter weekday ones ("Tue."),
#: places and the rest.
_ABBREVIATIONS = _TITLES | frozenset((
    "jr sr inc corp co ltd vs "
    "u.s u.k u.n e.u e.g i.e a.m p.m approx est vol fig ala ariz ark calif colo conn fla kan ky "
    "md mich minn mont neb nev okla tenn tex wis wyo"
).split()) | frozenset(MONTH_ABBREVIATIONS) | frozenset(name[:3] for name in WEEKDAY_NAMES)


_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
def _is_abbreviation(text: str, period: int) -> bool:
    """The period ends an abbreviation or initial; before an opening quotation mark only a
    title counts ("..., who trains in Flagstaff, Ariz. "To win it ..." starts a sentence)."""
    word_start = period
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:period].lower()
    if text[period + 1:period + 4].lstrip()[:1] in ("\"", "“", "'", "`"):
        return word in _TITLES
    initials = _INITIALS.fullmatch(word) is not None
    return word in _ABBREVIATIONS or len(word) == 1 or initials


#: Body paragraphs whose sentences are kept: the quote, event and text-reuse stages each ask
#: for the sentences of every body paragraph of one article, so two of three answers come from
#: here (a pure function of its arguments; a string's hash is computed once and kept, and
#: ``is`` settles the equality of the same text). Bounded: memory stays flat.
_PARAGRAPHS_KEPT = 1024


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``, leading spaces excluded."""
    return list(_sentence_spans(text, start, end))


@lru_cache(maxsize=_PARAGRAPHS_KEPT)
def _sentence_spans(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _END.finditer(text, start, end):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    result = []
    for s, e in spans:
        s, e = trim(text, s, e)
        if e > s:
            result.append((s, e))
    return tuple(result)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the whitespace at either edge of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_break(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` holds the end of a sentence or a semicolon ("Mr. Khan" does not)."""
    return ";" in text[start:end] or len(sentence_spans(text, start, end)) > 1 or \
        (text[start:end].rstrip()[-1:] in (".", "!", "?") and not _is_abbreviation(
            text, start + len(text[start:end].rstrip()) - 1))
