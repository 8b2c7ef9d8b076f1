"""Reading brat standoff attribution gold (PolNeAR style) into plain records.

A gold folder holds either ``text/NAME.txt`` beside ``attributions/NAME_ANNOTATOR.ann``, or
``NAME.txt`` beside ``NAME.ann`` / ``NAME_ANNOTATOR.ann`` in one folder. An ``.ann`` file has
text-bound spans (``T12<TAB>Content 302 427;430 440<TAB>text``) and attribution events
(``E4<TAB>Attribution:T15 Cue:T14 Source:T13 Content:T12``). Only offsets are read; the text
column of a span may run over several lines and is ignored. Where an article has several
``.ann`` files (several annotators), the first annotator id in sort order is used.

Gold quotes are the quoted segments inside an attribution's Content: the characters between a
pair of double quotation marks (straight, curly, ``''``, « », „ “) of one paragraph, the marks
excluded; a quotation nested inside another is part of the outer one, and a quote left open at
the end of a paragraph (continued in the next) runs to the paragraph's end.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.models.quotation_marks import DOUBLE, QUOTE_PAIRS, SINGLE_OPENING
from newsgraph.rules.names import ADDRESS_TITLES, is_title_word

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    """One attribution: its Content, Source and Cue fragments (Source and Cue may be empty)."""

    content: Fragments
    source: Fragments
    cue: Fragments
    source_text: str

    @property
    def content_length(self) -> int:
        return sum(b - a for a, b in self.content)


@dataclass(frozen=True)
class GoldQuote:
    """A quoted segment inside an attribution's Content."""

    start: int
    end: int
    attribution: GoldAttribution


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    sha256: str
    attributions: tuple[GoldAttribution, ...]
    quotes: tuple[GoldQuote, ...]


_SPAN = re.compile(r"^(?P<type>[\w-]+) (?P<frags>\d+ \d+(?:;\d+ \d+)*)$")
#: Opening mark -> closing mark; "''" (two apostrophes) is one mark, as in many NYT texts.
#: The double marks of the builder's one table (single marks only nest inside them).
_DOUBLE_MARKS = {o: c for o, c in QUOTE_PAIRS.items() if o not in SINGLE_OPENING}
_MARK = re.compile(rf"''|``|[{DOUBLE}]")


def quoted_segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each outermost double-quoted segment, per paragraph."""
    segments: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        open_at: int | None = None
        closer = ""
        for m in _MARK.finditer(text, para.start(), para.end()):
            mark = m.group()
            if open_at is None:
                if mark in _DOUBLE_MARKS and _can_open(text, m.start(), m.end()):
                    open_at, closer = m.end(), _DOUBLE_MARKS[mark]
                continue
            if mark == closer or (closer == '"' and mark == "”") or (closer == "”" and mark == '"'):
                # three apostrophes: a single closing mark inside, then the double one
                stop = m.start() + (text[m.end():m.end() + 1] == "'" and mark == "''")
                if stop > open_at:
                    segments.append((open_at, stop))
                open_at = None
        if open_at is not None and para.end() > open_at:
            end = para.end()
            while end > open_at and text[end - 1].isspace():
                end -= 1
            if end > open_at:
                segments.append((open_at, end))
    return segments


def _can_open(text: str, start: int, end: int) -> bool:
    after = text[end:end + 1]
    return bool(after) and not after.isspace()


def _fragments(spec: str) -> Fragments:
    return tuple((int(a), int(b)) for a, b in (f.split() for f in spec.split(";")))


def read_ann(path: Path, text: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one ``.ann`` file (events whose Content is a known span)."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[tuple[int, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        parts = line.split("\t")
        if len(parts) < 2 or parts[0][:1] not in ("T", "E") or not parts[0][1:].isdecimal():
            continue  # notes, relations, or the next line of a multi-line span text
        if parts[0].startswith("T"):
            m = _SPAN.match(parts[1])
            if m is None:
                raise InputError("not a brat text-bound span; expected 'TYPE START END'",
                                 file=path, line=number)
            frags = _fragments(m.group("frags"))
            if any(not 0 <= a <= b <= len(text) for a, b in frags):
                raise InputError("span offsets outside the article text; is this the .ann of "
                                 "that .txt?", file=path, line=number)
            spans[parts[0]] = (m.group("type"), frags)
        else:
            events.append((number, parts[1]))
    out: list[GoldAttribution] = []
    for number, spec in events:
        roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Source": [], "Cue": []}
        for arg in spec.split():
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789")
            if role in roles:
                if ref not in spans:
                    raise InputError(f"event refers to an unknown span {ref!r}", file=path,
                                     line=number)
                roles[role].extend(spans[ref][1])
        if not roles["Content"]:
            continue
        source = tuple(sorted(roles["Source"]))
        out.append(GoldAttribution(tuple(sorted(roles["Content"])), source,
                                   tuple(sorted(roles["Cue"])),
                                   " ".join(text[a:b] for a, b in source)))
    return tuple(sorted(out, key=lambda a: a.content))


def _overlap(a: int, b: int, frags: Fragments) -> int:
    return sum(max(0, min(b, y) - max(a, x)) for x, y in frags)


def gold_quotes(text: str, attributions: tuple[GoldAttribution, ...]) -> tuple[GoldQuote, ...]:
    """Quoted segments at least half inside an attribution's Content; of nested attributions
    ("Okafor said the minister had told her the money was "secure""), the innermost one."""
    quotes = []
    for start, end in quoted_segments(text):
        holding = [a for a in attributions if 2 * _overlap(start, end, a.content) >= end - start]
        if holding:
            quotes.append(GoldQuote(start, end, min(holding, key=lambda a: a.content_length)))
    return tuple(quotes)


def quotation_share(text: str, attribution: GoldAttribution) -> float:
    """The share of a Content's characters that lie inside quotation marks."""
    if not attribution.content_length:
        return 0.0
    inside = sum(_overlap(a, b, attribution.content) for a, b in quoted_segments(text))
    return inside / attribution.content_length


def _pairs(gold_dir: Path) -> list[tuple[str, Path, Path]]:
    """(article name, text file, first annotator's .ann file) for every annotated article."""
    text_dir, ann_dir = gold_dir / "text", gold_dir / "attributions"
    if not (text_dir.is_dir() and ann_dir.is_dir()):
        text_dir = ann_dir = gold_dir
    texts = {p.stem: p for p in text_dir.glob("*.txt")}
    anns: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem if ann.stem in texts else ann.stem.rsplit("_", 1)[0]
        if name in texts:
            anns.setdefault(name, []).append(ann)
    return [(name, texts[name], anns[name][0]) for name in sorted(anns)]


def read_gold(gold_dir: Path) -> list[GoldArticle]:
    """Every annotated article of a brat gold folder, in name order."""
    if not gold_dir.is_dir():
        raise InputError("gold folder not found; give a folder of brat .txt and .ann files",
                         file=gold_dir)
    pairs = _pairs(gold_dir)
    if not pairs:
        raise InputError("no brat gold found (NAME.txt with NAME*.ann, or text/ and "
                         "attributions/ folders)", file=gold_dir)
    articles = []
    for name, text_path, ann_path in pairs:
        try:
            raw = text_path.read_bytes()
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InputError(f"not UTF-8 (byte {error.start}); save it as UTF-8",
                             file=text_path) from None
        attributions = read_ann(ann_path, text)
        articles.append(GoldArticle(name, text, hashlib.sha256(raw).hexdigest(), attributions,
                                    gold_quotes(text, attributions)))
    return articles


_FUNCTION = frozenset("""
the a an this that these those his her its their our my your he she it they we i you him them
us me who whom which what some many several one two three another other others both all each
most more dr and or of for in on at by with from to as but if himself herself
themselves itself myself ourselves
""".split()) | ADDRESS_TITLES
_DEPENDENT = frozenset("of for from at by with to in on about against among between within "
                       "under over behind like than".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_WORD = re.compile(r"[\w’'.-]+")


def source_head(source: str, article: str = "") -> str | None:
    """The head of a named Source: the last word of its first proper name, or None.

    A proper name is a run of capitalised words that is neither a modifier ("the Okafor
    campaign", "Okafor's aide": followed by a lower-case word, or possessive) nor inside a
    dependent phrase ("a spokesman for Okafor": after a preposition). Titles before a name
    belong to its run ("Sen. Adaeze Okafor" -> Okafor). A single capitalised word that the
    ``article`` also writes in lower case is a common noun at a sentence start ("Officials").
    """
    words = [(m.group(), m.start()) for m in _WORD.finditer(source)]
    i = 0
    dependent = False
    while i < len(words):
        word = words[i][0]
        low = word.lower().strip(".")
        if low in _DEPENDENT and i and not words[i - 1][0][:1].isupper():
            dependent = True  # "a spokesman for X", not "Secretary of State X"
        if source[words[i][1] - 1:words[i][1]] == "," and i:
            dependent = False  # an appositive starts afresh: "Reyes, a spokesman for X"
        if not word[:1].isupper() or low in _FUNCTION:
            i += 1
            continue
        j = i
        while j + 1 < len(words) and words[j + 1][0][:1].isupper() and \
                words[j + 1][0].lower().strip(".") not in _FUNCTION and \
                not re.search(r"[,;:()\[\]]", source[words[j][1]:words[j + 1][1]]):
            j += 1
        last = words[j][0]
        possessive = last.endswith(("'s", "’s")) or last.endswith(("'", "’"))
        follower = words[j + 1][0] if j + 1 < len(words) else ""
        gap = source[words[j][1] + len(last):words[j + 1][1]] if j + 1 < len(words) else ""
        modifier = possessive or (follower[:1].islower() and follower.lower() not in _FUNCTION
                                  and "," not in gap and follower.lower() not in _DEPENDENT)
        run = [w for w, _ in words[i:j + 1]]
        while run and is_title_word(run[0]):
            run.pop(0)  # "Former Secretary of State", "Sen."
        while len(run) > 1 and run[-1].strip(".,").lower() in _SUFFIXES:
            run.pop()  # "Brent Bozell III"
        if not run:
            i = j + 1
            continue
        last = run[-1]
        common = i == j and re.search(rf"(?<![\w’'-]){re.escape(word.lower())}(?![\w’'-])",
                                      article) is not None
        if not dependent and not modifier and not common:
            return re.sub(r"[’'.,-]+$", "", last) or None
        i = j + 1
    return None
