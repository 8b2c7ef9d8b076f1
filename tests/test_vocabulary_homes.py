"""Each vocabulary has one home: a word list, a mark table or a date pattern is defined in one
module and imported by the modules that read it (STYLE.md, "One home per vocabulary": two
copies drift, as two date grammars disagreed on "12/03/2019").

For each vocabulary the test names its home (module, attribute) and checks (a) that no other
module of ``newsgraph/`` or ``benchmarks/`` holds a literal of the same purpose (the source of
every module read with ``ast``: a string or a set, list, tuple or dict of strings that holds
enough of the vocabulary's words or marks; docstrings are prose and not read), and (b) that the
modules that use it import it from the home. ``KNOWN_COPIES`` lists the two named differences
left (the numeric date lines the date grammar does not read), each with its reason; a new copy
anywhere else fails.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsgraph.models.quotation_marks import QUOTE_PAIRS, STRAIGHT_MARKS
from newsgraph.rules.demonyms import DEMONYM_COUNTRIES, TITLE_DEMONYMS
from newsgraph.rules.lexicon import SPEECH_FORMS
from newsgraph.rules.names import HONORIFICS
from newsgraph.rules.segment import is_date_line
from newsgraph.rules.times import parse_publication_date
from newsgraph.rules.timewords import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
)
from tests.conftest import REPO

SOURCES = sorted([*(REPO / "newsgraph").rglob("*.py"), *(REPO / "benchmarks").glob("*.py")])
_WORD = re.compile(r"[a-z]+")
#: The typographic quotation marks (the straight " and ' are punctuation of every kind).
MARKS = frozenset({*STRAIGHT_MARKS, *QUOTE_PAIRS.values(), *QUOTE_PAIRS}) - {'"', "'", "''", "``"}


@dataclass(frozen=True)
class Literal:
    """A string literal, or a set, list, tuple or dict of them, where the source holds it."""

    path: str  # relative to the checkout, with "/"
    name: str  # the name assigned ("<expr>" outside an assignment)
    line: int
    text: str  # the strings, joined by spaces


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return [s for e in node.elts for s in _strings(e)]
    if isinstance(node, ast.Dict):
        return [s for e in (*node.keys, *node.values) if e is not None for s in _strings(e)]
    if isinstance(node, ast.BinOp):  # "..." "..." + "..."
        return [*_strings(node.left), *_strings(node.right)]
    return []


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            ids.add(id(body[0].value))
    return ids


def literals_of(source: str, path: str) -> Iterator[Literal]:
    """Every outermost string literal or collection of strings in ``source``, by the name
    it is assigned to."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    names: dict[int, str] = {}
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name) and node.value is not None:
                for inner in ast.walk(node.value):
                    names.setdefault(id(inner), target.id)
    seen: set[int] = set()
    for node in ast.walk(tree):
        if id(node) in seen or id(node) in skip:
            continue
        strings = _strings(node)
        if not strings:
            continue
        seen.update(id(inner) for inner in ast.walk(node))
        yield Literal(path, names.get(id(node), "<expr>"), getattr(node, "lineno", 0),
                      " ".join(strings))


def _words(vocabulary: frozenset[str], least: int) -> Callable[[str], bool]:
    return lambda text: len(set(_WORD.findall(text.lower())) & vocabulary) >= least


def _mostly_words(vocabulary: frozenset[str], least: int) -> Callable[[str], bool]:
    """At least ``least`` of the vocabulary's words, and they are half of the literal's words
    at least (a speech verb such as "offer" or "counter" is also a common noun in prose)."""
    def is_copy(text: str) -> bool:
        words = set(_WORD.findall(text.lower()))
        hits = words & vocabulary
        return len(hits) >= least and 2 * len(hits) >= len(words)
    return is_copy


def _marks(least: int) -> Callable[[str], bool]:
    return lambda text: len(MARKS & set(text)) >= least


def _pattern(regex: str) -> Callable[[str], bool]:
    return lambda text: re.search(regex, text) is not None


@dataclass(frozen=True)
class Vocabulary:
    name: str
    #: The home: module path and attribute.
    home: tuple[str, str]
    #: Does a literal hold a copy of this vocabulary?
    is_copy: Callable[[str], bool]
    #: (module path, attribute) that must be imported from the home.
    users: tuple[tuple[str, str], ...] = ()


_TIMEWORDS = "newsgraph/rules/timewords.py"
_DEMONYMS = frozenset(TITLE_DEMONYMS | {d.lower() for d in DEMONYM_COUNTRIES})

VOCABULARIES: tuple[Vocabulary, ...] = (
    Vocabulary("month names", (_TIMEWORDS, "MONTH_NAMES"), _words(frozenset(MONTH_NAMES), 5),
               (("newsgraph/rules/timex_tokens.py", "MONTHS"),
                ("newsgraph/rules/segment.py", "MONTHS"),
                ("benchmarks/synthetic.py", "MONTH_NAMES"))),
    Vocabulary("month abbreviations", (_TIMEWORDS, "MONTH_ABBREVIATIONS"),
               _words(frozenset(MONTH_ABBREVIATIONS), 5),
               (("newsgraph/rules/timex_tokens.py", "MONTH_ABBREVIATIONS"),
                ("newsgraph/rules/segment.py", "MONTH_ABBREVIATIONS"),
                ("newsgraph/rules/sentences.py", "MONTH_ABBREVIATIONS"))),
    Vocabulary("weekday names", (_TIMEWORDS, "WEEKDAY_NAMES"),
               _words(frozenset(WEEKDAY_NAMES), 4),
               (("newsgraph/rules/names.py", "WEEKDAY_NAMES"),
                ("newsgraph/rules/segment.py", "WEEKDAY_NAMES"),
                ("newsgraph/rules/sentences.py", "WEEKDAY_NAMES"),
                ("benchmarks/synthetic.py", "WEEKDAY_NAMES"))),
    Vocabulary("weekday abbreviations", (_TIMEWORDS, "WEEKDAY_ABBREVIATIONS"),
               _words(frozenset(WEEKDAY_ABBREVIATIONS), 4),
               (("newsgraph/rules/timex_tokens.py", "WEEKDAY_ABBREVIATIONS"),)),
    Vocabulary("numeric date", (_TIMEWORDS, "NUMERIC_DATE"),
               _pattern(r"\\d\{1,2\}\)?\(?(?:\?P<\w+>)?\[\./\]"),
               (("newsgraph/rules/timex_parse.py", "NUMERIC_DATE"),
                ("newsgraph/rules/segment.py", "NUMERIC_DATE"))),
    Vocabulary("calendar date YYYY-MM-DD", ("newsgraph/models/calendar_dates.py", "CALENDAR_DATE"),
               _pattern(r"\[0-9\]\{4\}-|\\d\{4\}-"),
               (("newsgraph/package/fastcheck.py", "CALENDAR_DATE"),)),
    Vocabulary("demonyms", ("newsgraph/rules/demonyms.py", "DEMONYM_COUNTRIES"),
               _words(_DEMONYMS, 5),
               (("newsgraph/rules/names.py", "TITLE_DEMONYMS"),
                ("newsgraph/rules/events.py", "find_demonyms"))),
    Vocabulary("honorifics", ("newsgraph/rules/names.py", "HONORIFICS"),
               _words(HONORIFICS - {"professor"}, 3),
               (("newsgraph/rules/sentences.py", "TITLE_ABBREVIATIONS"),
                ("newsgraph/evaluate/brat_reader.py", "ADDRESS_TITLES"))),
    Vocabulary("quotation marks", ("newsgraph/models/quotation_marks.py", "STRAIGHT_MARKS"),
               _marks(4),
               (("newsgraph/models/ids.py", "STRAIGHT_MARKS"),
                ("newsgraph/rules/sentences.py", "ENGLISH_OPENERS"),
                ("newsgraph/rules/capital_runs.py", "ENGLISH_OPENERS"),
                ("newsgraph/rules/people.py", "ENGLISH_CLOSERS"))),
    Vocabulary("quotation-mark pairs", ("newsgraph/models/quotation_marks.py", "QUOTE_PAIRS"),
               _pattern("[「『]"),  # only a table of every pair holds the CJK marks
               (("newsgraph/rules/marks.py", "QUOTE_PAIRS"),
                ("newsgraph/rules/pairs.py", "QUOTE_PAIRS"),
                ("newsgraph/evaluate/brat_reader.py", "DOUBLE"),
                ("newsgraph/builder/extract.py", "DOUBLE"))),
    Vocabulary("speech verbs", ("newsgraph/rules/lexicon.py", "SPEECH_FORMS"),
               _mostly_words(frozenset(f for f in SPEECH_FORMS if " " not in f), 4),
               (("newsgraph/rules/speech_cues.py", "FRONT_FORMS"),
                ("newsgraph/rules/speech_cues.py", "RELAY_FORMS"),
                ("newsgraph/rules/claims.py", "DENIAL_FORMS"),
                ("newsgraph/rules/quotes.py", "UTTERANCE_FORMS"),
                ("newsgraph/rules/org_context.py", "ORG_SPEECH_FORMS"),
                ("newsgraph/rules/event_lexicon.py", "SPEECH_FORMS"),
                ("newsgraph/rules/people.py", "OBJECT_FORMS"),
                ("newsgraph/rules/claim_rejections.py", "NOT_CLAIM_FORMS"))),
    Vocabulary("intention cues", ("newsgraph/rules/event_modality.py", "INTENT"),
               _pattern(r"(?:ready|willing|prepared|going)\\s\+to.*(?:ready|willing|prepared|"
                        r"going)\\s\+to"),
               (("newsgraph/rules/events.py", "INTENT"),)),
)

#: Copies left where they are, each with its reason: (vocabulary, module path, attribute).
KNOWN_COPIES: dict[tuple[str, str, str], str] = {
    ("numeric date", "newsgraph/rules/segment.py", "_UNREAD_NUMERIC_DATE"):
        "the named difference: numeric dates a date line holds that the grammar does not read",
    ("calendar date YYYY-MM-DD", "newsgraph/rules/segment.py", "_DATE_LINE"):
        "a date line 'YYYY-MM-DD...' in any script's digits (\\d), as the date grammar's tokens",
}


def _all_literals() -> list[Literal]:
    return [lit for path in SOURCES
            for lit in literals_of(path.read_text(encoding="utf-8"),
                                   path.relative_to(REPO).as_posix())]


LITERALS = _all_literals()


def copies(vocabulary: Vocabulary, literals: list[Literal]) -> list[Literal]:
    """The literals outside the home module that hold a copy of ``vocabulary``."""
    return [lit for lit in literals
            if lit.path != vocabulary.home[0] and vocabulary.is_copy(lit.text)
            and (vocabulary.name, lit.path, lit.name) not in KNOWN_COPIES
            and (vocabulary.name, lit.path, "<any>") not in KNOWN_COPIES]


def imported_names(path: Path) -> set[tuple[str, str]]:
    """(module, name) of every ``from module import name`` in ``path``, lazy ones too."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.update((node.module, alias.name) for alias in node.names)
    return found


def _module(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.name)
def test_the_home_defines_the_vocabulary(vocabulary: Vocabulary) -> None:
    path, name = vocabulary.home
    assert name in {lit.name for lit in LITERALS if lit.path == path} or \
        name in dir(__import__(_module(path), fromlist=[name])), f"{path} defines no {name}"


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.name)
def test_no_other_module_defines_a_copy(vocabulary: Vocabulary) -> None:
    found = copies(vocabulary, LITERALS)
    assert not found, (f"{vocabulary.name} is defined in {vocabulary.home[0]} "
                       f"({vocabulary.home[1]}); import it from there instead of: "
                       + "; ".join(f"{c.path}:{c.line} {c.name}" for c in found))


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.name)
def test_the_users_import_it_from_the_home(vocabulary: Vocabulary) -> None:
    home = _module(vocabulary.home[0])
    if home.startswith("benchmarks."):
        home = home.removeprefix("benchmarks.")
    missing = [f"{path} ({name})" for path, name in vocabulary.users
               if (home, name) not in imported_names(REPO / path)]
    assert not missing, f"not imported from {home}: {missing}"


def test_the_known_copies_are_still_there() -> None:
    """A copy that is gone leaves ``KNOWN_COPIES``: the list names only what is left."""
    by_name = {v.name: v for v in VOCABULARIES}
    stale = [key for key in KNOWN_COPIES
             if not any(lit.path == key[1] and (key[2] in ("<any>", lit.name))
                        and by_name[key[0]].is_copy(lit.text) for lit in LITERALS)]
    assert not stale, stale


@pytest.mark.parametrize("probe", [
    ('_MY_MONTHS = ["January", "February", "March", "April", "May"]\n', "month names"),
    ('DAYS = "monday tuesday wednesday thursday".split()\n', "weekday names"),
    ('_T = frozenset({"mr", "mrs", "dr"})\n', "honorifics"),
    ("_Q = str.maketrans({'“': '\"', '”': '\"', '«': '\"', '»': '\"'})\n",
     "quotation marks"),
    ('_D = {"Turkish": "Turkey", "German": "Germany", "French": "France", "Greek": "Greece",'
     ' "Polish": "Poland"}\n', "demonyms"),
    ('_X = re.compile(r"(\\d{1,2})([./])(\\d{1,2})")\n', "numeric date"),
    ('_ISO = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"\n', "calendar date YYYY-MM-DD"),
    ('_I = re.compile(r"\\b(?:ready\\s+to|willing\\s+to)\\b")\n', "intention cues"),
    ('_V = re.compile(r"\\b(?:said|says|told|added|warned)\\s+")\n', "speech verbs"),
    ('_FRONT = frozenset("Said Says Added Asked Wrote".split())\n', "speech verbs"),
], ids=lambda p: p[1] if isinstance(p, tuple) else str(p))
def test_a_planted_copy_fails(probe: tuple[str, str]) -> None:
    """The check can fail: a copy planted in a rules module is found."""
    source, name = probe
    vocabulary = next(v for v in VOCABULARIES if v.name == name)
    planted = list(literals_of(source, "newsgraph/rules/probe.py"))
    assert copies(vocabulary, planted), source


def test_a_user_that_keeps_its_own_list_fails(tmp_path: Path) -> None:
    """The import check can fail: a module that defines MONTH_NAMES imports nothing."""
    probe = tmp_path / "probe.py"
    probe.write_text("MONTH_NAMES = ('january',)\n", encoding="utf-8")
    assert ("newsgraph.rules.timewords", "MONTH_NAMES") not in imported_names(probe)


#: A date line in every shape the dateline detector's grammar has (``segment._DATE_LINE``),
#: and the day the resolver's grammar (``times.parse_publication_date``) reads from it.
DATE_LINES: list[tuple[str, dt.date]] = [
    ("12/03/2019", dt.date(2019, 12, 3)),
    ("27.11.2019", dt.date(2019, 11, 27)),
    ("11/26/2019 10:00", dt.date(2019, 11, 26)),
    ("16:02 27.11.2019", dt.date(2019, 11, 27)),
    ("Dec. 3, 2019", dt.date(2019, 12, 3)),
    ("Sept 3, 2019", dt.date(2019, 9, 3)),
    ("3 December 2019", dt.date(2019, 12, 3)),
    ("3rd December 2019", dt.date(2019, 12, 3)),
    ("Tuesday, Dec 3 2019", dt.date(2019, 12, 3)),
    ("Tue. Dec 3, 2019", dt.date(2019, 12, 3)),
    ("Tues Dec 3 2019", dt.date(2019, 12, 3)),
    ("Saturday 14 March 2026", dt.date(2026, 3, 14)),
    ("Thursday 5 February 2026 16:02 GMT", dt.date(2026, 2, 5)),
    ("*Published 2 May 2026*", dt.date(2026, 5, 2)),
    ("Updated on Jan 5, 2020 at 3:00 p.m. EST", dt.date(2020, 1, 5)),
    ("First published: December 3, 2019 | 10:30", dt.date(2019, 12, 3)),
    ("MAY 3, 2019", dt.date(2019, 5, 3)),
    ("2019-11-26", dt.date(2019, 11, 26)),
    ("2019-11-26T10:00:00Z", dt.date(2019, 11, 26)),
]
#: Date lines the detector accepts whose date the resolver does not read, kept as they are
#: (a mechanical refactor); each a later decision: read them, or no longer call them dates.
UNREAD_DATE_LINES: list[tuple[str, str]] = [
    ("12/03/19", "a two-digit year (segment._UNREAD_NUMERIC_DATE)"),
    ("12.03/2019", "two separators (segment._UNREAD_NUMERIC_DATE)"),
    ("december 3, 2019", "a month in lower case: the detector ignores case, the resolver not"),
    ("3 dec 2019", "an abbreviation in lower case"),
    ("31/02/2019", "no such day"),
    ("2019-13-45", "no such month"),
]


@pytest.mark.parametrize(("line", "day"), DATE_LINES, ids=[d[0] for d in DATE_LINES])
def test_a_date_line_has_the_date_the_resolver_reads(line: str, day: dt.date) -> None:
    assert is_date_line(line)
    assert parse_publication_date(line) == day


@pytest.mark.parametrize(("line", "why"), UNREAD_DATE_LINES, ids=[d[0] for d in UNREAD_DATE_LINES])
def test_the_date_lines_the_resolver_does_not_read_are_the_listed_ones(line: str, why: str
                                                                       ) -> None:
    assert is_date_line(line), why
    assert parse_publication_date(line) is None, f"now read: move {line!r} to DATE_LINES"
