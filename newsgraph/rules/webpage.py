"""Web pages: HTML bytes (and an optional charset from an HTTP header) -> visible text,
main-content spans and the metadata the markup states.

``read_page`` is the one entry point (a folder's ``.html`` files and a WARC reader's HTML
payloads both call it):

* **decoding** by the declared charset: the HTTP header's (a WARC response carries one), else
  ``<meta charset>`` or ``<meta http-equiv="Content-Type">`` in the first 4 KB, else UTF-8;
  the encoding used is returned (``articles.encoding``);
* **visible text** with the standard-library parser below, not trafilatura: offsets must index
  exactly the text the package stores, and every visible character must stay accounted for,
  so the text is the whole page's, one paragraph per block element; ``<script>``,
  ``<style>`` and other hidden elements are never text; table cells, list items, form
  controls and the links of a navigation bar are separated, never glued ("Home World", not
  "HomeWorld");
* **main content** from trafilatura: its extracted paragraphs are aligned back to the visible
  paragraphs (``_align``); the segment stage marks what lies outside them as boilerplate with
  that reason instead of deleting it. Measured by ``benchmarks/html_extraction.py`` on the
  seven HTML fixtures (139 hand-checked lines: body or not), the line is right for 109 with
  the extraction this replaced (the stdlib parser with too few block elements, whose glued
  lines cannot be told apart), 125 with this visible text and the line rules, 122 with
  trafilatura alone (it drops the title, byline and dateline lines, which the rules keep),
  and 131 when a line is body only if both say so. So both are kept: the rules for title,
  byline, dateline and the boilerplate they know, trafilatura for the sidebars, teasers and
  author boxes that read like prose;
* **metadata** from trafilatura (Open Graph, Dublin Core, ``article:*`` meta tags, JSON-LD
  ``NewsArticle``) and htmldate (``article:published_time``, ``<time datetime>``), with its
  text search switched off: a date is taken from markup only, never guessed from prose.

Trafilatura is imported inside ``_trafilatura`` (``import newsgraph`` stays light). Pages
nested deeper than lxml parses (``MAX_DEPTH``), or that lxml cannot read, keep their visible
text and line rules only: no main-content decision, no markup metadata (a fallback, not an
error: such a page is awkward, not invalid).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError

#: Element depth past which trafilatura is not asked (libxml2 refuses documents nested deeper
#: than 256 levels and trafilatura then returns nothing; measured in 0.06 s at 100,000 levels,
#: so the guard saves little time but makes the fallback explicit).
MAX_DEPTH = 255
#: Why a visible paragraph outside trafilatura's main content is boilerplate.
OUTSIDE_MAIN = "outside the main content (trafilatura)"
_CHARSET_META = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", re.I)
_SITE_SEPARATORS = re.compile(r"\s+[|\-–—:·•]\s+")


@dataclass(frozen=True)
class PageMeta:
    """What the markup states about the article (each field None when it does not)."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class Page:
    """A decoded page: its visible ``text``, the ``encoding`` it was decoded with, the spans
    of ``text`` that are main content (None when no main-content decision was made) and the
    markup's metadata."""

    text: str
    encoding: str
    main: tuple[tuple[int, int], ...] | None
    meta: PageMeta = field(default_factory=PageMeta)


def declared_charset(raw: bytes, header: str | None = None) -> str | None:
    """The charset a page declares (the HTTP header's first), as a Python codec name."""
    candidates = []
    if header:
        found = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.-]+)", header, re.I)
        candidates.append(found.group(1) if found else header.strip())
    meta = _CHARSET_META.search(raw[:4096])
    if meta is not None:
        name = meta.group(1).decode("ascii", "replace")
        # bytes that spell "<meta charset=utf-16>" are not UTF-16: the HTML standard reads
        # such a declaration as UTF-8
        candidates.append("utf-8" if name.lower().startswith(("utf-16", "utf-32")) else name)
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue  # an unknown charset name: try the next declaration, then UTF-8
    return None


def decode_page(raw: bytes, header_charset: str | None = None, *,
                file: str | Path | None = None) -> tuple[str, str]:
    """(text, encoding): decoded by the declared charset, else UTF-8 (a BOM wins over both)."""
    if raw.startswith(codecs.BOM_UTF8):
        encoding = "utf-8"
    else:
        encoding = declared_charset(raw, header_charset) or "utf-8"
    if encoding in ("utf-8", "utf_8"):
        encoding = "utf-8"
        try:
            return raw.decode("utf-8-sig"), encoding
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            raise InputError(f"invalid UTF-8 at byte {error.start} and no other charset "
                             "declared; re-save the page as UTF-8 or declare its <meta "
                             "charset>", file=file, line=line) from None
    try:
        return raw.decode(encoding), encoding
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise InputError(f"bytes at {error.start} are not {encoding}, the charset the page "
                         "declares; fix the declaration or re-save the page", file=file,
                         line=line) from None


class _TextExtractor(HTMLParser):
    """Visible text: block elements become paragraph breaks; hidden elements are dropped;
    cells, controls, adjacent links and navigation items are kept apart by a space."""

    BLOCKS = frozenset({
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main",
        "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
        "thead", "title", "tr", "ul",
    })
    #: Elements shown side by side: a space at each edge keeps their words apart.
    SPACED = frozenset({"td", "th", "button", "label", "option", "select", "textarea"})
    #: Navigation and menus: every element inside is kept apart ("<a>Home</a><a>World</a>").
    NAV = frozenset({"nav", "menu"})
    HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe",
                        "object", "canvas", "math"})
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                      "meta", "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.title: list[str] = []
        self.in_title = False
        self.depth = 0
        self.max_depth = 0
        self.nav = 0
        #: A link just ended with no text since: a link that starts now is a neighbour.
        self.after_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        if tag == "title":
            self.in_title = True
        elif tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.NAV:
            self.nav += 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag in self.SPACED or self.nav or (tag == "a" and self.after_link):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:  # <br/>, <hr/>
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID:
            self.depth = max(0, self.depth - 1)
        if tag == "title":
            self.in_title = False
        elif tag in self.HIDDEN and self.hidden:
            self.hidden -= 1
        elif tag in self.NAV and self.nav:
            self.nav -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag in self.SPACED or self.nav:
            self.parts.append(" ")
        self.after_link = tag == "a" or (self.after_link and tag not in self.BLOCKS)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.parts.append(data)
            self.after_link = self.after_link and not data.strip()


def _normal(text: str) -> str:
    return " ".join(text.split())


def visible_text(html: str) -> tuple[str, list[tuple[int, int]], str | None, int]:
    """(text, paragraph spans, page title, element depth) of an HTML page.

    The text is one paragraph per block element, whitespace collapsed inside a paragraph,
    paragraphs separated by a blank line; the ``<title>`` comes first when the body does not
    start with it (the segment stage reads it as the headline or sets it aside).
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    title = _normal("".join(parser.title))
    paragraphs = [p for p in (_normal(p) for p in "".join(parser.parts).split("\n\n")) if p]
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    spans, at = [], 0
    for p in paragraphs:
        spans.append((at, at + len(p)))
        at += len(p) + 2
    return "\n\n".join(paragraphs) + "\n", spans, title or None, parser.max_depth


def _align(text: str, spans: list[tuple[int, int]], extracted: str) -> tuple[tuple[int, int], ...]:
    """The visible paragraphs that trafilatura's extracted text is made of.

    Trafilatura returns the main content as lines of normalised text, in page order, but not
    always cut where our block elements cut (it may join inline blocks or split at ``<br>``,
    and it writes list items, headings, quotations and table rows the Markdown way: "- ",
    "# ", "> ", "| a | b |", which ``_plain_line`` undoes). So the alignment is monotone and by containment:
    each extracted line (whitespace collapsed) is looked for from the last matched paragraph
    onwards (at most ``_LOOKAHEAD`` paragraphs, so the cost stays linear), and the first
    paragraph that contains it, or that it contains, is main content.
    A line found nowhere (trafilatura rewrote it) marks nothing; a paragraph no line lands on
    is outside the main content. Lines under 3 characters are ignored (a stray bullet would
    match any paragraph).
    """
    main: set[int] = set()
    cursor = 0
    paragraphs = [text[a:b] for a, b in spans]
    for raw_line in extracted.splitlines():
        line = _plain_line(raw_line)
        if len(line) < 3:
            continue
        for i in range(cursor, min(cursor + _LOOKAHEAD, len(paragraphs))):
            if line in paragraphs[i] or paragraphs[i] in line:
                # a line that spans several paragraphs marks those it contains too
                j = i
                while j + 1 < len(paragraphs) and paragraphs[j + 1] in line \
                        and len(paragraphs[j + 1]) < len(line):
                    j += 1
                main.update(range(i, j + 1))
                # the next line starts after a paragraph a line matched whole or contained;
                # a paragraph only partly matched (split at a <br>) may hold the next line
                cursor = j + 1 if line == paragraphs[j] or paragraphs[j] in line else j
                break
    return tuple(spans[i] for i in sorted(main))


#: How many paragraphs ahead a line is looked for (a line found nowhere costs no more).
_LOOKAHEAD = 400
_MARKDOWN_PREFIX = re.compile(r"^(?:[-*] |#{1,6} |> )+")
_TABLE_RULE = re.compile(r"^\|?[-:| ]+\|?$")


def _plain_line(line: str) -> str:
    """A line of trafilatura's text without its Markdown: a table row's cells joined by a
    space (as the visible text keeps them), a rule row dropped."""
    line = _normal(line)
    if line.startswith("|") and line.endswith("|"):
        if _TABLE_RULE.match(line):
            return ""
        return _normal(" ".join(c for c in line.strip("|").split("|")))
    return _MARKDOWN_PREFIX.sub("", line)


def _strip_site(title: str, site: str | None) -> str:
    """'Headline | Site' -> 'Headline' (only the site name the page states is cut)."""
    if site:
        for part in _SITE_SEPARATORS.split(title):
            if part.strip().lower() == site.strip().lower():
                pieces = [p for p in _SITE_SEPARATORS.split(title)
                          if p.strip().lower() != site.strip().lower()]
                return " - ".join(pieces).strip() or title
    return title


def _trafilatura(html: str) -> tuple[str, PageMeta] | None:
    """Trafilatura's main text and metadata, or None when it extracts nothing."""
    try:
        from trafilatura import bare_extraction

        doc: Any = bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            output_format="python", date_extraction_params={
                "extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"})
    except Exception:  # lxml on hostile markup: no decision, the line rules still apply
        return None
    if doc is None:
        return None
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    site = doc.sitename or None
    title = _strip_site(_normal(doc.title), site) if doc.title else None
    authors = tuple(a for a in (_normal(x) for x in (doc.author or "").split(";")) if a)
    meta = PageMeta(title=title or None, authors=authors, publisher=site, url=doc.url or None,
                    published=published)
    return doc.text or "", meta


def read_page(raw: bytes, header_charset: str | None = None, *, file: str | Path | None = None) -> Page:
    """A web page's visible text, main-content spans and metadata (see the module docstring).

    ``header_charset`` is the ``Content-Type`` header (or its charset) when the page came
    with one; ``file`` names the source in errors.
    """
    html, encoding = decode_page(raw, header_charset, file=file)
    text, spans, _title, depth = visible_text(html)
    if not text.strip():
        raise InputError("HTML source has no visible text; remove it or give the article text",
                         file=file)
    found = _trafilatura(html) if depth <= MAX_DEPTH else None
    if found is None:
        return Page(text, encoding, None)
    extracted, meta = found
    main = _align(text, spans, extracted) if extracted.strip() else None
    return Page(text, encoding, main or None, meta)
