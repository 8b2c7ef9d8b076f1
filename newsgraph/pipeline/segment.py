"""Segment an article into title, byline, dateline, subheadings, body and boilerplate.

Rules look at one line (paragraph) at a time plus its place in the page. Nothing is removed:
each non-blank line becomes a segment with offsets into the verbatim text, and boilerplate
keeps the reason it was set aside ("parse destructively and audit the remainder").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsgraph.models.article import SegmentKind

RULE = "rule:segment.lines@1"

_LINE = re.compile(r"[^\r\n]+")
_URL_ONLY = re.compile(r"^<?\[?(https?://\S+|www\.\S+|[\w.-]+\.(com|ru|org|net|in|tr|uk))\]?"
                       r"(\(#?\S*\))?>?$", re.I)
_EMAIL_OR_PHONE = re.compile(r"^\S+@\S+\.\w+$|^\(?\+?\d[\d ()-]{6,}$|^[\w.-]+\.(in|com)$")
_BYLINE = re.compile(r"^(by|from)\s+\S", re.I)
_DATE_LINE = re.compile(
    r"^(\d{1,2}:\d{2}\s+)?\d{1,2}[./]\d{1,2}[./]\d{2,4}(\s+\d{1,2}:\d{2})?$"
    r"|^(Published:?\s*)?(Mon|Tue|Wed|Thu|Fri|Sat|Sun)?[a-z]*,?\s*"
    r"(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2},?\s+\d{4}"
    r"(\s*[,|-]?\s*\d{1,2}:\d{2}.*)?$"
    r"|^\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{4}.*$|^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}.*)?$",
    re.I,
)
_CAPTION = re.compile(r"(/\s*\(?[A-Z][\w .&-]*(Photos?|Images?|Pictures?)\)?\.?$)|"
                      r"^(Photo|Image|Picture|Caption)\s*:|\((AP|AFP|Reuters) Photo", re.I)
_CREDIT = re.compile(r"^\(?(With (input|inputs|reporting) from|Reporting by|Editing by|"
                     r"Source:|Photo credit)", re.I)
#: lines after which the rest of the page is footer (comments, sign-up forms, links).
_FOOTER = re.compile(r"^(Leave a (Reply|Comment)|Original url:?|Subscribe\b|Join (the|our) "
                     r"mailing list|Facebook Comments|Related (Articles|Posts|News)|Read more:?$|"
                     r"Share this:?|Comments?$|Sign up for)", re.I)
_AD = re.compile(r"^(Click Here\b|Advertisement$|Sponsored\b|ADVERTISEMENT)|\bJOIN NOW\b|"
                 r"\bJOIN TODAY\b|^Read (also|more)\b|^Also read\b|^Recommended\b", re.I)
_SITE_NOTE = re.compile(r"(email address will not be published|required fields are marked|"
                        r"indicates required|views and opinions expressed|all rights reserved|"
                        r"made with\s+mailchimp|^Full Name$|^Email Address|^Name\s*\*?$|"
                        r"cookies?\b.*\b(accept|policy)|^Copyright\b|^©)", re.I)
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*$")


@dataclass(frozen=True)
class Segment:
    """A line of the article with its role; offsets are code points into the verbatim text."""

    kind: SegmentKind
    char_start: int
    char_end: int
    text: str
    reason: str | None = None


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            yield start, start + len(stripped), stripped


def _words(line: str) -> int:
    return len(line.split())


def _is_prose(line: str) -> bool:
    """A body paragraph: a sentence of some length ending in sentence punctuation."""
    return _words(line) >= 8 and (_SENTENCE_END.search(line) is not None or _words(line) >= 25)


def _boilerplate_reason(line: str) -> str | None:
    if _AD.search(line):
        return "advertisement"
    if _SITE_NOTE.search(line):
        return "site notice"
    if _URL_ONLY.match(line) or _EMAIL_OR_PHONE.match(line):
        return "link or contact"
    if line.isupper() and _words(line) >= 2:
        return "promotion (all capitals)"
    return None


def segment(text: str) -> list[Segment]:
    """Classify every non-blank line of ``text``; see the module docstring."""
    lines = list(_lines(text))
    first_body = next((i for i, (_, _, line) in enumerate(lines)
                       if _is_prose(line) and not _CAPTION.search(line)
                       and _boilerplate_reason(line) is None), len(lines))
    header = [i for i in range(first_body)]
    title_index = _pick_title(lines, header)
    segments: list[Segment] = []
    seen: set[str] = set()
    in_footer = False
    for i, (start, end, line) in enumerate(lines):
        kind: SegmentKind = "body"
        reason: str | None = None
        if in_footer or _FOOTER.search(line):
            in_footer = True
            kind, reason = "boilerplate", "footer (comments, sign-up, links)"
        elif line in seen:
            kind, reason = ("caption" if _CAPTION.search(line) else "boilerplate"), "duplicate"
        elif _CAPTION.search(line):
            kind, reason = "caption", "photo caption"
        elif _CREDIT.search(line):
            kind, reason = "credit", "agency credit"
        elif (reason := _boilerplate_reason(line)) is not None:
            kind = "boilerplate"
        elif i == title_index:
            kind = "title"
        elif _DATE_LINE.match(line):
            kind = "dateline"
        elif _BYLINE.match(line):
            kind = "byline"
        elif i < first_body:
            kind, reason = "boilerplate", "page header"
            if _words(line) <= 3 and i > (title_index if title_index is not None else -1):
                kind, reason = "byline", None
        elif not _is_prose(line):
            kind = "subheading"
        seen.add(line)
        segments.append(Segment(kind, start, end, line, reason))
    return segments


def _pick_title(lines: list[tuple[int, int, str]], header: list[int]) -> int | None:
    """The headline: the longest header line of 3+ words that is not a date, byline or ad."""
    candidates = [
        i for i in header
        if _words(lines[i][2]) >= 3 and not _DATE_LINE.match(lines[i][2])
        and not _BYLINE.match(lines[i][2]) and _boilerplate_reason(lines[i][2]) is None
        and not _CAPTION.search(lines[i][2]) and not _SENTENCE_END.search(lines[i][2])
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda i: (len(lines[i][2]), -i))


BODY_KINDS = frozenset({"body", "subheading"})
