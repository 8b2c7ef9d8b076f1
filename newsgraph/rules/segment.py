"""Segment an article into title, byline, dateline, subheadings, body and boilerplate.

Rules look at one line (paragraph) at a time plus its place in the page, and a boilerplate
line never swallows what follows it (issue 12): web copies carry sign-up boxes, share bars,
cookie notices and comment headers above, inside and below the body, and the body is the
prose between them wherever they are. Nothing is removed:
each non-blank line becomes a segment with offsets into the verbatim text, and boilerplate
keeps the reason it was set aside ("parse destructively and audit the remainder"). Markdown
markers (``# ``, ``*...*``, list bullets) are looked through, not removed.

* title: a Markdown ``# `` heading, else the longest headline-like header line; a page title
  that is the headline plus a site name ("Headline | Riverton Ledger") gives way to the
  headline itself (the HTML ``<h1>``); photo captions are never titles;
* boilerplate, each line on its own: navigation, links, ads, site and cookie notices, photo
  captions and credits, sign-up boxes, share bars, comment headers, "Original url:" lines;
  two short runs only: a "Related" or "More from ..." list (its non-prose lines, up to the
  next prose paragraph or a line followed by a byline or date, which is a headline), and
  the entries after a comment header ("Name: text", "Reply", ...), up to the first line that
  is not one; after the last body paragraph, short lines that are not sentences are page
  footer;
* datelines: a line that is only a date ("Saturday 14 March 2026", "*Published 2 May 2026*",
  "Thursday 5 February 2026 16:02 GMT", "16:02 27.11.2019") or only a place and date
  ("LONDON, October 14 -"); ``DATELINE`` also finds one at the start of a body paragraph;
* body: prose paragraphs, and short lines that are a sentence or a quotation; other short
  lines after the body starts are subheadings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsgraph.models.article import SegmentKind
from newsgraph.models.quotation_marks import OPENING_MARK
from newsgraph.rules.timewords import MONTH_ABBREVIATIONS, MONTHS, NUMERIC_DATE, WEEKDAY_NAMES
from newsgraph.rules.webpage import OUTSIDE_MAIN

RULE = "rule:segment.lines@3"

_LINE = re.compile(r"[^\r\n]+")
_MARKUP = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+(?=\S))|^[*_]+|[*_]+$")
_URL_ONLY = re.compile(r"^<?\[?(https?://\S+|www\.\S+|[\w.-]+\.(com|ru|org|net|in|tr|uk))\]?"
                       r"(\(#?\S*\))?>?$", re.I)
_LINK_ITEM = re.compile(r"^\[[^\]]*\]\([^)]*\)$")
_EMAIL_OR_PHONE = re.compile(r"^\S+@\S+\.\w+$|^\(?\+?\d[\d ()-]{6,}$|^[\w.-]+\.(in|com)$")
_BYLINE = re.compile(r"^(?i:by|from)(?:\s+\S|(?=[A-Z\[]))")
#: Month names and abbreviations, from the one calendar vocabulary (longest first).
_MONTH = "(?:" + "|".join(sorted((w.capitalize() for w in (*MONTHS, *MONTH_ABBREVIATIONS)),
                                 key=lambda w: (-len(w), w))) + r")\.?"
#: A weekday as the dateline grammar has always read one: the first three letters of a weekday
#: name, then any letters ("Tues", "Thursday").
_WEEKDAY = "(?:" + "|".join(w[:3].capitalize() for w in WEEKDAY_NAMES) + ")[a-z]*"
_TIME = r"(?:\s*(?:,|\||-|–|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"
#: Numeric dates a date line may hold that the date grammar does not read (``NUMERIC_DATE``
#: wants one separator and a four-digit year): "12/03/19", "12.03/2019". Such a line is a
#: date line whose date is unknown (tests/test_vocabulary_homes.py lists them).
_UNREAD_NUMERIC_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{2,3}|\d{1,2}(?:\.\d{1,2}/|/\d{1,2}\.)\d{4}"
_DATE_LINE = re.compile(
    rf"^(\d{{1,2}}:\d{{2}}\s+)?(?:{NUMERIC_DATE}|{_UNREAD_NUMERIC_DATE})(\s+\d{{1,2}}:\d{{2}})?$"
    r"|^(?:(?:Published|Updated|Posted|First published)(?:\s+on)?:?\s*)?"
    rf"(?:{_WEEKDAY}\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?"
    rf"\s+\d{{4}}){_TIME}$"
    r"|^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}.*)?$",
    re.I,
)
#: "WARSAW, March 3 (Reuters) - ", "SAN JOSE, Calif. (AP) — ", "BOSTON — " at a paragraph start.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, +[A-Z][\w.]+(?: [A-Z][\w.]+)?)?)"
    r"(?:, +(?P<date>[A-Z][a-z]{2,8}\.? +\d{1,2}))? *(?:\((?P<agency>[^)\n]{1,40})\))? *[-–—]+ *"
)
#: "Berlin (dpa) - ", "Mexico City (AFP) – ": a place as written, then an agency (an agency is
#: required: a capitalised word and a dash alone are not a dateline). Read for the credit only.
AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2})(?:, +[A-Z][\w.]+)? *"
    r"\((?P<agency>[^)\n]{1,40})\) *[-–—]+ *")
_CAPTION = re.compile(r"(/\s*\(?[A-Z][\w .&-]*(Photos?|Images?|Pictures?)\)?\.?$)|"
                      r"^(Photo|Image|Picture|Caption)\s*:|\((AP|AFP|Reuters) Photo|"
                      r"\b(?:Photo|Photograph|Picture|Image)s?(?:\s+credit)?\s*:\s*\S|^!\[", re.I)
_CREDIT = re.compile(r"^\(?(With (input|inputs|reporting) from|Reporting by|Editing by|"
                     r"Source:|Photo credit)", re.I)
#: a heading that starts the comments; the comment entries after it are boilerplate too.
_COMMENTS = re.compile(r"^(Leave a (Reply|Comment)|Facebook Comments|(\d+\s+)?Comments?"
                       r"(\s*\(\d+\))?|(Show|View|Read) (all )?\d*\s*comments|Join the "
                       r"(conversation|discussion))\s*:?$", re.I)
#: one entry of a comment section: "Jo Bloggs: text", "Jo says:", "Reply", "3 hours ago".
_COMMENT_ENTRY = re.compile(r"^([A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,2}\s*(:|says:?|wrote:?)"
                            r"([*_]*\s|[*_]*$)|(Reply|Report|Like|Share)$|\d+\s+(minutes?|hours?|"
                            r"days?|weeks?|months?|years?)\s+ago$)")
#: footer-like lines, each boilerplate on its own (with the reason), never beyond itself.
_FOOTER_LINES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(Original|Source) url\b", re.I), "original url"),
    (re.compile(r"^(Subscribe\b|Sign up\b|Join (the|our) mailing list|Get (our|the) "
                r"newsletter)|\b(to|in) your inbox\b|\bunsubscribe\b", re.I), "sign-up"),
    (re.compile(r"^Share (this|on)\b|^Share\s*:", re.I), "share bar"),
)
#: a heading that starts a list of links to other stories, up to the next prose paragraph.
_RELATED = re.compile(r"^(Related|Related (stories|coverage|content|reading|links|articles|"
                      r"posts|news)|See also|Most (read|popular)|More on this story|Read next|"
                      r"Read more|More from\b.*)\s*:?$", re.I)
_NAV = re.compile(r"^[^|]{1,25}(\s\|\s[^|]{1,25}){2,}$")
_RULE_LINE = re.compile(r"^([-*_]\s*){3,}$")
_AD = re.compile(r"(Click Here\b|Advertisement$|Sponsored\b|ADVERTISEMENT|Read (also|more)\b|"
                 r"Also read\b|Recommended\b)", re.I)
_SITE_NOTE = re.compile(r"(Full Name$|Email Address|Name\s*\*?$|Copyright\b|©)", re.I)
_SITE_PHRASES = ("email address will not be published", "required fields are marked",
                 "indicates required", "views and opinions expressed", "all rights reserved",
                 "mailchimp")
_COOKIES = re.compile(r"cookies?\b.*\b(accept|policy|consent|preferences|settings)")
_CAPTION_WORDS = ("photo", "image", "picture", "caption", "![")
#: A site's name after a headline: " | Example News", " - Example".
_SITE_SUFFIX_AT = re.compile(r"\s*[|\-–—:]\s*\S")
_SEPARATOR = re.compile(r"[|\-–—:]")
_NAME_LINE = re.compile(r"^[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){1,2}$")
#: Lines longer than this (in words) are not checked for boilerplate: they are paragraphs.
_SHORT = 60


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


def plain(line: str) -> str:
    """A line without Markdown markers: '# Title' -> 'Title', '*Published 2 May*' -> ..."""
    if line[:1] in "#>-*+_" or line[-1:] in "*_":
        return _MARKUP.sub("", line).strip()
    return line


def _words(line: str) -> int:
    return len(line.split())


def _ends_sentence(line: str) -> bool:
    return line.rstrip("\"”’')]»")[-1:] in (".", "!", "?", "…")


def _is_prose(line: str) -> bool:
    """A body paragraph: a sentence of some length ending in sentence punctuation."""
    n = _words(line)
    return n >= 8 and (n >= 25 or _ends_sentence(line))


def _is_caption(line: str) -> bool:
    low = line.lower()
    return _words(line) <= _SHORT and any(k in low for k in _CAPTION_WORDS) \
        and _CAPTION.search(line) is not None


def _boilerplate_reason(line: str) -> str | None:
    if _words(line) > _SHORT:
        return None  # a long paragraph is prose, whatever words it holds
    for pattern, reason in _FOOTER_LINES:
        if pattern.search(line):
            return reason
    if _COMMENTS.match(line):
        return "comments"
    low = line.lower()
    if _AD.match(line) or "join now" in low or "join today" in low:
        return "advertisement"
    if _SITE_NOTE.match(line) or any(p in low for p in _SITE_PHRASES) or (
            "cookie" in low and _COOKIES.search(low)):
        return "site notice"
    if _URL_ONLY.match(line) or _EMAIL_OR_PHONE.match(line) or _LINK_ITEM.match(line):
        return "link or contact"
    if _NAV.match(line):
        return "navigation"
    if _RULE_LINE.match(line):
        return "horizontal rule"
    if line.isupper() and _words(line) >= 2:
        return "promotion (all capitals)"
    return None


def is_date_line(line: str) -> bool:
    """A line that is only a date (and time), or only a dateline ('LONDON, October 14 -')."""
    if len(line) > 80:
        return False
    line = plain(line)
    dateline = DATELINE.match(line)
    return bool(_DATE_LINE.match(line)) or (dateline is not None and dateline.end() == len(line))


def segment(text: str, main: tuple[tuple[int, int], ...] | None = None) -> list[Segment]:
    """Classify every non-blank line of ``text``; see the module docstring.

    ``main`` is a web page's main content (``webpage.Page.main``: spans of paragraphs): a
    line the rules read as body or subheading that lies in none of them is boilerplate
    ``webpage.OUTSIDE_MAIN``. A line is body only when both agree; the rules alone keep the
    title, byline and dateline wherever they are (trafilatura leaves those out of its text).
    """
    segments = _segment(text)
    if main is None:
        return segments
    return [Segment("boilerplate", s.char_start, s.char_end, s.text, OUTSIDE_MAIN)
            if s.kind in BODY_KINDS and not any(a <= s.char_start and s.char_end <= b
                                                for a, b in main) else s
            for s in segments]


def _segment(text: str) -> list[Segment]:
    lines = list(_lines(text))
    plains = [plain(line) for _, _, line in lines]
    reasons = [_boilerplate_reason(line) for line in plains]
    first_body = next((i for i, line in enumerate(plains)
                       if _is_prose(line) and not _is_caption(line) and reasons[i] is None),
                      len(lines))
    title_index = _pick_title(lines, plains, reasons, first_body)
    segments: list[Segment] = []
    seen: set[str] = set()
    in_comments = in_related = False
    for i, (start, end, line) in enumerate(lines):
        bare = plains[i]
        kind: SegmentKind = "body"
        reason: str | None = None
        # The two runs end by themselves: a related list at a prose paragraph or a headline
        # (a line followed by a byline or date), comments at the first line not an entry.
        in_related = in_related and not _is_prose(bare) and not _heads_article(plains, i)
        in_comments = in_comments and _COMMENT_ENTRY.match(bare) is not None
        if in_comments:
            kind, reason = "boilerplate", "comments"
        elif reasons[i] in _RUN_STARTS:
            kind, reason = "boilerplate", reasons[i]
            in_comments = reasons[i] == "comments"
        elif in_related or _RELATED.match(bare):
            in_related = True
            kind, reason = "boilerplate", "related links"
        elif line in seen:
            kind, reason = ("caption" if _is_caption(bare) else "boilerplate"), "duplicate"
        elif _is_caption(line):
            kind, reason = "caption", "photo caption"
        elif _CREDIT.match(bare):
            kind, reason = "credit", "agency credit"
        elif reasons[i] is not None:
            kind, reason = "boilerplate", reasons[i]
        elif i == title_index:
            kind = "title"
        elif is_date_line(bare):
            kind = "dateline"
        elif _BYLINE.match(bare) and not _is_prose(bare):
            kind = "byline"  # not "By sunrise on Tuesday, the crowd had grown to ..."
        elif i < first_body:
            kind, reason = "boilerplate", "page header"
            if _NAME_LINE.match(bare) and i > (title_index if title_index is not None else -1):
                kind, reason = "byline", None
        elif not _is_prose(bare) and not _ends_sentence(bare) and not OPENING_MARK.match(bare):
            kind = "subheading"  # a short line that is a sentence or a quote is a paragraph
        seen.add(line)
        segments.append(Segment(kind, start, end, line, reason))
    return _page_footer(segments, plains)


#: Boilerplate reasons checked before everything else (a comment header starts the comments).
_RUN_STARTS = frozenset({"original url", "sign-up", "share bar", "comments"})


def _heads_article(plains: list[str], i: int) -> bool:
    """Line ``i`` is followed by a byline or a date line: it is a headline, not a link."""
    following = plains[i + 1] if i + 1 < len(plains) else ""
    return bool(following) and (_BYLINE.match(following) is not None
                                or is_date_line(following))


def _page_footer(segments: list[Segment], plains: list[str]) -> list[Segment]:
    """Short lines that are not sentences after the last body paragraph are page footer
    (a book advert, a list of links without a heading), as such lines before the first body
    paragraph are page header."""
    last = max((i for i, s in enumerate(segments)
                if s.kind == "body" and _is_prose(plains[i])), default=len(segments))
    return [Segment("boilerplate", s.char_start, s.char_end, s.text, "page footer")
            if i > last and s.kind == "subheading" else s for i, s in enumerate(segments)]


def _pick_title(lines: list[tuple[int, int, str]], plains: list[str],
                reasons: list[str | None], first_body: int) -> int | None:
    """The headline (see the module docstring)."""
    for i in range(first_body):
        if lines[i][2].startswith("# "):
            return i
    candidates = [
        i for i in range(first_body)
        if _words(plains[i]) >= 3 and not is_date_line(plains[i])
        and not _BYLINE.match(plains[i]) and reasons[i] is None
        and not _is_caption(lines[i][2]) and not _ends_sentence(plains[i])
    ]
    with_site = _with_site(candidates, plains)
    candidates = [i for i in candidates if i not in with_site]
    if not candidates:
        return None
    return max(candidates, key=lambda i: (len(plains[i]), -i))


def _with_site(candidates: list[int], plains: list[str]) -> set[int]:
    """The candidates that are another one plus a site's name ("Talks resume | Example News"
    beside "Talks resume"): each line's cut points are read at its separators, not tried
    against every other line (the square of the lines: 7 s for 6,400 lines without a full
    stop)."""
    texts = {plains[j] for j in candidates}
    lengths = {len(t) for t in texts}
    found = set()
    for i in candidates:
        line = plains[i]
        for separator in _SEPARATOR.finditer(line):
            cut = separator.start()  # the suffix may open with spaces before the separator
            while cut > 0 and line[cut - 1].isspace():  # what ``\s`` matches
                cut -= 1
            if any(n in lengths and line[:n] in texts and _SITE_SUFFIX_AT.match(line, n)
                   for n in range(cut, separator.start() + 1)):
                found.add(i)
                break
    return found


BODY_KINDS = frozenset({"body", "subheading"})
