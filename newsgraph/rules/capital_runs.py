"""Runs of capitalised words: the words a name of an organisation or outlet is made of.

A stretch of text is cut into words with the punctuation around them noted (``tokens``), and
the words into maximal runs of capitalised words with the connectors inside a name ("Royal
College of Nursing", "Harland & Byrne"): ``runs`` for a whole stretch, ``run_at`` for the run
that starts at one position. What a run names is decided by ``org_shapes`` and
``org_context``; this module knows only capitals, connectors and punctuation.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsgraph.models.quotation_marks import ENGLISH_CLOSERS, ENGLISH_OPENERS
from newsgraph.rules.names import is_date_word, is_function_word

_TOKEN = re.compile(r"[^\s\u00a0]+")
#: What is stripped from the edges of a word of a name: quotation marks, brackets,
#: asterisks and underscores, stops and other punctuation.
_EDGE = "*_" + ENGLISH_OPENERS + ENGLISH_CLOSERS + "()[]{},.;:!?"
_EDGE_NOT_DOT = _EDGE.replace(".", "")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
#: Lower-case words that join the capitalised words of one name ("Bank of England").
CONNECTORS = frozenset({"of", "for", "and", "&", "on", "the", "de", "du", "des", "la", "le"})


class Token(NamedTuple):
    """A word of a capitalised stretch (a named tuple: 78,000 are made over the PolNeAR texts,
    at a third of a frozen dataclass's cost)."""

    start: int
    end: int
    text: str
    ends_run: bool  # punctuation or a possessive right after it
    possessive: bool = False
    opens: bool = False  # punctuation right before it ("(NLRB)")


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The words of ``text[start:end]`` without the punctuation around them ("U.S." keeps its
    dots, a possessive "'s" is cut off and noted)."""
    toks = []
    for m in _TOKEN.finditer(text, start, end):
        raw = m.group()
        core = raw.strip(_EDGE)
        if not core:
            continue
        lead = raw.index(core[0])
        if "." in raw and _INITIALS.fullmatch(raw.strip(_EDGE_NOT_DOT)):
            core = raw.strip(_EDGE_NOT_DOT)  # "U.S." keeps its dots
        possessive = len(core) > 2 and core[-2:] in ("'s", "’s")
        if possessive:
            core = core[:-2]
        trail = raw[lead + len(core) + (2 if possessive else 0):]
        toks.append(Token(m.start() + lead, m.start() + lead + len(core), core,
                          possessive or bool(trail.strip("*_")), possessive,
                          bool(raw[:lead].strip("*_"))))
    return toks


def capitalised(word: str) -> bool:
    return word[:1].isupper() or word == "&"


def joins(tok: Token, nxt: Token | None) -> bool:
    """A connector inside a name ("Royal College of Nursing"), not before a date or a clause."""
    return tok.text.lower() in CONNECTORS and nxt is not None and capitalised(nxt.text) \
        and not is_function_word(nxt.text) and not is_date_word(nxt.text) and not tok.ends_run


def runs(toks: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised words (with inner connectors)."""
    found: list[list[Token]] = []
    current: list[Token] = []
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if tok.opens and current:
            found.append(current)
            current = []
        if capitalised(tok.text) and tok.text != "&":
            current.append(tok)
        elif current and joins(tok, nxt) and not current[-1].ends_run:
            current.append(tok)
            continue
        else:
            if current:
                found.append(current)
            current = []
            continue
        if tok.ends_run:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return [trim_connectors(r) for r in found if r]


def trim_connectors(run: list[Token]) -> list[Token]:
    """The run without connectors at its ends and function words at its start."""
    hi = len(run)
    while hi and (run[hi - 1].text.lower() in CONNECTORS or run[hi - 1].text == "&"):
        hi -= 1
    lo = 0
    while lo < hi and (is_function_word(run[lo].text) or run[lo].text.lower() in CONNECTORS):
        lo += 1
    return run[lo:hi]


def lower_words(run: list[Token]) -> list[str]:
    return [t.text.lower() for t in run]


def run_text(run: list[Token], text: str) -> str:
    """The run as written, from its first word to its last."""
    return text[run[0].start:run[-1].end]


def run_at(text: str, pos: int, end: int, *, max_words: int = 6,
           possessive_names: bool = False) -> list[Token]:
    """The capitalised run that starts at character ``pos`` (empty if none).

    With ``possessive_names`` a possessive inside the run is kept ("Runner's World").
    """
    toks = tokens(text, pos, min(end, pos + 25 * max_words))
    run: list[Token] = []
    for i, tok in enumerate(toks):
        if tok.end <= pos:
            continue
        if not run and tok.start != pos:
            break
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if run and tok.opens:
            break
        if capitalised(tok.text) or (run and joins(tok, nxt)):
            run.append(tok)
        else:
            break
        glued = possessive_names and tok.possessive and nxt is not None \
            and nxt.text[:1].isupper()
        if (tok.ends_run and not glued) or len(run) >= max_words:
            break
    return trim_connectors(run)
