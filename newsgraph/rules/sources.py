"""Reading source articles: discovery, size limits, decoding and HTML text extraction.

``articles.text`` is ``source_bytes.decode("utf-8-sig")`` with line endings untouched, so every
offset in the package counts code points of exactly that string; the SHA-256 is of the raw
bytes. HTML is read by ``newsgraph.rules.webpage`` (visible text, main content, markup metadata; no remote
resource is ever fetched). A PDF, image or archive is refused by its magic bytes, whatever
its suffix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.models.article import SourceFormat
from newsgraph.rules.webpage import Page, read_page

SUFFIX_FORMATS: dict[str, SourceFormat] = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """One input article: its file name, raw bytes' hash and size, and decoded text.

    A record of a collection file (``newsgraph.builder.collection``, ``newsgraph.builder.warc``) also has its
    ``record_locator`` ("line 12") and ``position`` (line, row or byte offset), which orders
    the records of one file.
    """

    file_name: str
    sha256: str
    size: int
    source_format: SourceFormat
    text: str
    #: The character encoding the bytes were decoded with ('utf-8'; for a page, the charset
    #: it declares, as Python's codec name, e.g. 'cp1252').
    encoding: str = "utf-8"
    #: A web page's main-content spans and markup metadata (``webpage.Page``); None for text.
    page: Page | None = None
    record_locator: str | None = None
    position: int = -1
    #: The day a crawler fetched it (a WARC record's ``WARC-Date``).
    fetched: dt.date | None = None

    @property
    def order(self) -> tuple[str, int]:
        """Output order: by source file, then position in it (DESIGN.md)."""
        return self.file_name, self.position

    @property
    def key(self) -> str:
        """A name unique in the build: the file name, with the locator for a record."""
        if self.record_locator is None:
            return self.file_name
        return f"{self.file_name} ({self.record_locator})"


def discover(folder: Path, *, recursive: bool = False) -> list[str]:
    """The ``source_name`` of every article file in ``folder`` (with ``recursive``, in its
    subfolders too), sorted: the order rows are written in. ``folder / name`` is the file.

    Names, not paths: held for the whole build, 300,000 ``Path`` objects were 103 MB and
    their names 7 MB (measured).

    Hidden files and folders (a leading dot) are skipped; symlinked folders are not entered.
    A symlink that resolves outside the folder is refused: a source folder must not be a way
    to read arbitrary files. So is an article name that is not a regular file or a folder (a
    named pipe, a socket, a device): reading it could block for ever or never end.
    """
    if not folder.is_dir():
        raise InputError("not a folder; give a folder of *.txt, *.md or *.html articles",
                         file=folder)
    root = folder.resolve()
    candidates = _walk(folder) if recursive else \
        [n for n in os.listdir(folder) if _is_article_name(n)]
    found = []
    for name in sorted(candidates):
        path = folder / name
        if path.is_symlink() and root not in path.resolve().parents:
            raise InputError("symlink points outside the source folder; copy the file in instead",
                             file=path)
        if path.is_file():
            found.append(name)
        elif path.exists() and not path.is_dir():
            raise InputError("not a regular file (a named pipe, socket or device?); replace it "
                             "with the article's file or remove it", file=path)
    if not found:
        raise InputError("no articles found (*.txt, *.md, *.html); check the folder", file=folder)
    return found


def _is_article_name(name: str) -> bool:
    return Path(name).suffix.lower() in SUFFIX_FORMATS and not name.startswith(".")


def _walk(folder: Path) -> list[str]:
    """The POSIX names relative to ``folder`` of the article names in it and its subfolders
    (hidden and symlinked folders skipped)."""
    found = []
    for here, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        prefix = Path(here).relative_to(folder).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        found += [prefix + n for n in names if _is_article_name(n)]
    return found


def ignored_in_subfolders(folder: Path) -> int:
    """How many article files lie in subfolders of ``folder`` (a build without
    ``--recursive`` leaves them out and says so)."""
    return sum(1 for name in _walk(folder) if "/" in name)


def source_name(path: Path, folder: Path | None) -> str:
    """``articles.source_file`` of ``path``: its path relative to the source ``folder`` with
    POSIX separators ('2019/nov/a.txt'), so equal names in subfolders never collide; the bare
    file name when there is no folder (or the path is not under it)."""
    if folder is None:
        return path.name
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(folder)).as_posix()
    except ValueError:
        return path.name


#: Magic bytes of documents, images and archives that are not articles whatever their name
#: says (a PDF renamed .html would otherwise be read as text). Each signature holds bytes no
#: article starts with, so a text, Markdown or HTML source is never refused by mistake.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),  # an empty zip
    (b"\x1f\x8b", "a gzip archive"),
)


def sniff(raw: bytes, path: Path) -> None:
    """Refuse a source whose first bytes are a document's, image's or archive's magic."""
    for magic, kind in MAGIC:
        if raw.startswith(magic):
            raise InputError(f"content is {kind}, not an article; convert it to text, Markdown "
                             "or HTML, or remove it", file=path)


def _first_bad_line(raw: bytes, error: UnicodeDecodeError) -> int:
    return raw.count(b"\n", 0, error.start) + 1


def decode(raw: bytes, path: Path) -> str:
    """Decode source bytes as UTF-8 (BOM dropped), refusing empty, binary and invalid input."""
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise InputError("source looks binary (NUL byte); give a text, Markdown or HTML file",
                         file=path, line=line)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"invalid UTF-8 at byte {error.start}; re-save the file as UTF-8",
                         file=path, line=_first_bad_line(raw, error)) from None
    if not text.strip():  # also a file holding only a BOM or Unicode spaces
        raise InputError("source is empty; remove it or add the article text", file=path)
    return text


def read_source(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                name: str | None = None) -> Source:
    """Read one article file into a ``Source``, enforcing the size limit before reading.

    ``name`` is its ``source_file`` (default: the file name; see ``source_name``).
    """
    size = os.stat(path).st_size
    if size > max_bytes:
        raise InputError(f"source is {size} bytes, over the {max_bytes}-byte limit; "
                         "split it or raise --max-bytes", file=path)
    raw = path.read_bytes()
    sniff(raw, path)
    fmt = SUFFIX_FORMATS[path.suffix.lower()]
    digest = hashlib.sha256(raw).hexdigest()
    if fmt == "html":
        page = html_source(raw, path)
        return Source(name or path.name, digest, len(raw), fmt, page.text, page.encoding, page)
    return Source(name or path.name, digest, len(raw), fmt, decode(raw, path))


def html_source(raw: bytes, path: Path, header_charset: str | None = None) -> Page:
    """A web page read as ``webpage.read_page`` reads it, with the checks every source gets
    (binary and empty content refused)."""
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise InputError("source looks binary (NUL byte); give a text, Markdown or HTML file",
                         file=path, line=line)
    if not raw.strip():
        raise InputError("source is empty; remove it or add the article text", file=path)
    return read_page(raw, header_charset, file=path)
