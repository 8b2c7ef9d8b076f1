"""The per-article stage of a build, and the engines that run it over a corpus.

``extract_article`` is a pure function of one source file and the build context (gazetteer,
curated annotations): read, segment, metadata, actors, quotes, events, curated decisions,
claims. ``extract_chunk`` runs it over a few files and returns, per article, the pickled
draft (for the second, streaming pass) and a small ``ArticleSummary`` (what the cross-article
stage needs). ``extract_local`` runs chunks in this process or in worker processes, a bounded
number in flight, and yields results in file order, so memory stays flat and the output is
the same for any number of workers; ``newsgraph.builder.dask_engine`` runs the same chunks on Dask.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import pickle
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.builder.interrupts import ignore_in_worker, shielded_forks
from newsgraph.builder.records import BadRecord, RecordItem
from newsgraph.builder.reuse import sentence_shingles
from newsgraph.errors import DatasetError, InputError, UsageError
from newsgraph.models.quotation_marks import DOUBLE
from newsgraph.recipe.manifest import Assertions, SourceMeta
from newsgraph.rules.actors import READ_KINDS, Gazetteer, find_actors
from newsgraph.rules.claims import find_claims
from newsgraph.rules.curated import Annotations
from newsgraph.rules.drafts import ActorDraft, ArticleDraft, ArticleMeta
from newsgraph.rules.events import add_event_actors, find_events
from newsgraph.rules.marks import find_marked_quotes
from newsgraph.rules.metadata import apply_language, apply_page, apply_recipe, read_metadata
from newsgraph.rules.quotes import find_quotes
from newsgraph.rules.segment import segment
from newsgraph.rules.sources import Source, read_source, source_name
from newsgraph.rules.times import find_article_times

#: The double quotation marks checked to border a quote: ``quotation_marks.DOUBLE`` but the low-9 „.
_MARKS = re.compile("[" + DOUBLE.replace("„", "") + "]")
#: Articles per task sent to a worker: large enough to amortise the round trip.
CHUNK = 16
#: Tasks in flight per worker: enough to keep every worker busy, few enough to bound memory.
WINDOW_PER_WORKER = 4


@functools.cache
def code_versions() -> tuple[str, str]:
    """This process's package version and a fingerprint of its rules: SHA-256 (12 hex digits)
    of the per-article code (``newsgraph/rules/*.py``, this module, text reuse's shingles,
    the gazetteer), so a worker whose rules differ in any byte is told apart even at the same
    version number."""
    from newsgraph.versions import PACKAGE_VERSION

    here = Path(__file__).parent
    package = here.parent
    digest = hashlib.sha256()
    for path in [*sorted((package / "rules").glob("*.py")), Path(__file__), here / "reuse.py",
                 package / "resources" / "gazetteer.yml"]:
        digest.update(path.name.encode() + b"\x00" + path.read_bytes() + b"\x00")
    return PACKAGE_VERSION, digest.hexdigest()[:12]


@dataclass(frozen=True)
class Context:
    """Everything the per-article stage reads besides the source file (sent once per worker).

    ``versions`` is the client's ``code_versions()``: a worker (a Dask worker may run another
    installation) refuses to extract with other code than the client's.
    """

    gazetteer: Gazetteer
    max_bytes: int
    known: dict[str, SourceMeta] = field(default_factory=dict)
    annotations: Annotations | None = None
    checks: Assertions | None = None
    #: The source folder: ``source_file`` is a path relative to it (``sources.source_name``);
    #: for a collection, the collection file.
    root: Path | None = None
    versions: tuple[str, str] = field(default_factory=code_versions)
    #: Also encode each draft for the build cache (``ArticleSummary.cached``), in the worker.
    cache_json: bool = False


def check_versions(context: Context) -> None:
    """Refuse to run the per-article stage with other code than the client that built the
    context (the rows would differ from a local build's)."""
    mine = code_versions()
    if context.versions != mine:
        raise UsageError(f"a worker runs newsgraph {mine[0]} (rules {mine[1]}) but the build "
                         f"was started with {context.versions[0]} (rules "
                         f"{context.versions[1]}); install the same newsgraph on every worker")


@dataclass(frozen=True)
class ArticleSummary:
    """What the cross-article stage needs of one article, without its text or spans."""

    file_name: str
    sha256: str
    #: ``Source.key``: unique in the build (the file name, with the locator for a record).
    key: str
    record_locator: str | None
    actors: dict[str, ActorDraft]
    shingles: list[list[int]]
    source: dict[str, Any]
    #: The draft as the build cache stores it (``cache.store.pack`` of ``cache.codec``), when
    #: the context asks for it.
    cached: bytes | None = None


Stage = Callable[[ArticleDraft, Gazetteer, "Annotations | None"], object]


def _apply_curated(draft: ArticleDraft, annotations: Annotations | None) -> None:
    """Curated decisions; they may change the actors, so the cached resolver goes."""
    if annotations is not None:
        annotations.apply(draft)
        draft.resolver = None

#: The languages the attribution rules (actors, quote sieves, events, claims) are written for.
RULE_LANGUAGES = frozenset({"en"})


def _english(d: ArticleDraft) -> bool:
    return d.meta.language in RULE_LANGUAGES


#: The stages that extend an article's draft, in the order they run (after the source is read,
#: segmented and its metadata set). Curated annotations come before claims, which are derived
#: from the (corrected) quotes. ``newsgraph.rules``'s docstring states this order; a test
#: holds the two together. The rules read English only: an article in another language gets
#: its quotation-mark spans as quotes with null speakers (``rules.marks``), its dateline
#: agency (in the metadata) and its curated annotations, nothing from the English rules.
ARTICLE_STAGES: tuple[tuple[str, Stage], ...] = (
    ("actors", lambda d, gazetteer, _a: find_actors(d, gazetteer) if _english(d) else None),
    ("quotes", lambda d, _g, _a: find_quotes(d) if _english(d) else find_marked_quotes(d)),
    ("times", lambda d, _g, _a: find_article_times(d) if _english(d) else None),
    ("events", lambda d, _g, _a: find_events(d, d.meta.published) if _english(d) else None),
    ("curated annotations", lambda d, _g, a: _apply_curated(d, a)),
    ("event actors", lambda d, _g, _a: add_event_actors(d)),
    ("claims", lambda d, _g, _a: find_claims(d) if _english(d) else None),
)


def extract_article(path: Path, known: SourceMeta | None, gazetteer: Gazetteer,
                    max_bytes: int, annotations: Annotations | None = None, *,
                    name: str | None = None) -> ArticleDraft:
    """Every per-article stage, in pipeline order (pure); ``name`` is the article's
    ``source_file`` (default: the file name)."""
    source = read_source(path, max_bytes=max_bytes, name=name)
    return extract_source(source, gazetteer, annotations,
                          lambda meta: apply_recipe(meta, known))


def extract_source(source: Source, gazetteer: Gazetteer, annotations: Annotations | None,
                   stated: Callable[[ArticleMeta], ArticleMeta]) -> ArticleDraft:
    """Every stage after reading: segment, metadata (``stated`` puts what the recipe or the
    record's columns state over what the rules read), then ``ARTICLE_STAGES``."""
    segments = segment(source.text, source.page.main if source.page else None)
    meta = stated(apply_page(read_metadata(segments, gazetteer), source.page))
    meta = apply_language(meta, segments)
    draft = ArticleDraft(source, meta, segments)
    for _name, stage in ARTICLE_STAGES:
        stage(draft, gazetteer, annotations)
    return draft


def check_article(draft: ArticleDraft, checks: Assertions) -> None:
    """The recipe's per-article quality assertions (the corpus-wide ones are in build)."""
    if len(draft.actors) < checks.min_actors_per_article:
        raise DatasetError(f"quality assertion failed: {draft.source.file_name} yields "
                           f"{len(draft.actors)} actors (min {checks.min_actors_per_article})")
    if checks.quotation_marks_accounted:
        _check_marks(draft)


def _check_marks(d: ArticleDraft) -> None:
    """Every quotation mark in the read text borders a quote or a 'not a quote' decision."""
    edges = {q.span.start - 1 for q in d.quotes} | {q.span.end for q in d.quotes}
    edges |= {s.start - 1 for s, _ in d.not_quotes} | {s.end for s, _ in d.not_quotes}
    text = d.source.text
    for seg in d.segments:
        if seg.kind not in READ_KINDS:
            continue
        for m in _MARKS.finditer(text, seg.char_start, seg.char_end):
            inside = any(q.span.start <= m.start() < q.span.end for q in d.quotes)
            if m.start() not in edges and not inside:
                line = text.count("\n", 0, m.start()) + 1
                raise DatasetError(f"quality assertion failed: quotation mark at line {line} is "
                                   "neither in a quote nor in a 'not a quote' decision; add one "
                                   "to curated/quotes.yml", file=d.source.file_name)


def source_entry(d: ArticleDraft, known: SourceMeta | None) -> dict[str, Any]:
    """The article's entry in the data package's ``sources``."""
    entry: dict[str, Any] = {
        "title": d.meta.title or d.source.file_name,
        "file": d.source.file_name,
        "hash": f"sha256:{d.source.sha256}",
        "bytes": d.source.size,
        "publisher": d.meta.publisher,
        "original_publisher": d.meta.original_publisher,
        "agencies": d.meta.agencies,
        "published": d.meta.published.isoformat() if d.meta.published else None,
        "language": d.meta.language,
        "copyright_holder": known.copyright_holder if known else "unknown",
    }
    if d.source.record_locator is not None:
        entry["record"] = d.source.record_locator
    if d.meta.url:
        entry["path"] = d.meta.url
    return entry


Extracted = tuple[bytes, ArticleSummary]
#: What the engines take: an article file, or a record of a collection (``newsgraph.builder.records``).
Item = Path | RecordItem | BadRecord
#: What they give back, in item order: an article, or a record that is not one.
Result = Extracted | BadRecord


def extract_chunk(items: list[Item], context: Context) -> list[Result]:
    """The per-article stage over a few items: pickled drafts and their summaries; a record
    that cannot be an article comes back as a ``BadRecord`` (the build decides whether that
    stops it)."""
    check_versions(context)
    found: list[Result] = []
    for item in items:
        if isinstance(item, BadRecord):
            found.append(item)
            continue
        known = None
        if isinstance(item, RecordItem):
            try:
                source = item.source(context.max_bytes)
            except InputError as error:
                found.append(item.bad(error.message))
                continue
            draft = extract_source(source, context.gazetteer, context.annotations,
                                   item.meta.apply)
        else:
            name = source_name(item, context.root)
            known = context.known.get(name)
            draft = extract_article(item, known, context.gazetteer, context.max_bytes,
                                    context.annotations, name=name)
        if context.checks is not None:
            check_article(draft, context.checks)
        summary = ArticleSummary(draft.source.file_name, draft.source.sha256, draft.source.key,
                                 draft.source.record_locator, draft.actors,
                                 sentence_shingles(draft), source_entry(draft, known),
                                 _cache_json(draft) if context.cache_json else None)
        found.append((pickle.dumps(draft, protocol=pickle.HIGHEST_PROTOCOL), summary))
    return found


def _cache_json(draft: ArticleDraft) -> bytes:
    from newsgraph.builder.cache.codec import encode
    from newsgraph.builder.cache.store import pack

    return pack(encode(draft))


def chunks(items: Iterable[Item], size: int = CHUNK) -> Iterator[list[Item]]:
    """``items`` in lists of ``size``, lazily (a collection is never held whole)."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


_worker_context: Context | None = None


def _init_worker(context: Context) -> None:
    global _worker_context
    ignore_in_worker()  # a Ctrl-C is the parent command's to handle (newsgraph.builder.interrupts)
    _worker_context = context


def _extract_in_worker(items: list[Item]) -> list[Result]:
    assert _worker_context is not None
    return extract_chunk(items, _worker_context)


def extract_local(files: Iterable[Item], context: Context, workers: int) -> Iterator[Result]:
    """Per-article results in item order: in this process, or in ``workers`` processes."""
    if workers <= 1 or (isinstance(files, list) and len(files) < 2):
        for chunk in chunks(files):
            yield from extract_chunk(chunk, context)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(context,)) as pool:
        yield from in_order(lambda chunk: _submit(pool, chunk), files,
                            WINDOW_PER_WORKER * workers)


def _submit(pool: ProcessPoolExecutor, chunk: list[Item]) -> Any:
    """``pool.submit``, which may fork a worker: forked with SIGINT shielded."""
    with shielded_forks():
        return pool.submit(_extract_in_worker, chunk)


def in_order(submit: Callable[[list[Item]], Any], files: Iterable[Item],
             window: int) -> Iterator[Result]:
    """Results of ``submit(chunk)`` (a future) for every chunk, in item order, with at most
    ``window`` chunks in flight: the results are consumed in order, so memory stays flat."""
    pending: deque[Any] = deque()
    for chunk in chunks(files):
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
