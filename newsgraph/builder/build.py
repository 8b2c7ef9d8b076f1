"""``newsgraph build``: sources -> per-article extraction -> linking -> validate -> write.

Two passes keep memory flat at any corpus size:

1. every article goes through the per-article stage (``newsgraph.builder.extract``, a pure function,
   in ``--workers`` processes or on Dask); its draft is spilled to a temporary file and only a
   summary stays in memory: actor names (for cross-article linking), sentence shingles (for
   text reuse, joined out of core) and the entry in ``sources`` (up to
   ``source_list.LISTED_LIMIT`` articles; above it only counts and a digest);
2. the drafts are read back in file order and turned into rows (``Assembler``), streamed into
   Parquet row groups and JSON Lines; the record tables (actors, quotes, claims, events) come
   last, from registries with one entry per distinct record. With the build cache, an
   article whose rows an earlier build assembled under the same actor links reuses them
   and replays its registry contribution (``builder/cache/rows.py``).

The package is written into a staging folder, validated there in full, and only then swapped
in atomically; a failed build leaves the previous output untouched. The output is the same,
byte for byte, for any number of workers.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.builder.assemble import Assembler, link_actor_names
from newsgraph.builder.cache.rows import RowsCache
from newsgraph.builder.cache.session import cache_session
from newsgraph.builder.collection import ColumnMapping
from newsgraph.builder.digests import DigestSet
from newsgraph.builder.extract import Context, Item, Result, extract_local
from newsgraph.builder.records import BadRecord
from newsgraph.builder.reuse import ReuseFinder
from newsgraph.builder.spill import DraftSpill
from newsgraph.errors import DatasetError, InputError, UsageError
from newsgraph.models.ids import content_id
from newsgraph.package import atomic
from newsgraph.package.paths import bundled_recipe, repo_root
from newsgraph.package.source_list import SourceList
from newsgraph.package.tables import DATAPACKAGE_FILE, TABLES
from newsgraph.package.validate import validate_package
from newsgraph.package.writer import ROW_GROUP_SIZE, TableWriter, table_metadata
from newsgraph.publish.finish import finish_package
from newsgraph.publish.timeline import drawn_events
from newsgraph.recipe.manifest import CURATED_DIR, RECIPE_FILE, SOURCES_DIR, Recipe, load_recipe
from newsgraph.rules import curated
from newsgraph.rules.actors import builtin_gazetteer
from newsgraph.rules.drafts import ActorDraft
from newsgraph.rules.sources import DEFAULT_MAX_BYTES, discover, ignored_in_subfolders

#: The rule that folds byte-identical sources into the first copy (``article_duplicates``).
DUPLICATE_RULE = "rule:exact_duplicate@1"
#: Up to this many rows in all, a build validates its output row by row (the reference).
ROWWISE_VALIDATION_LIMIT = 20_000


@dataclass(frozen=True)
class BuildOptions:
    """Settings of one build (the build context)."""

    use_curated: bool = True
    workers: int = 1
    max_bytes: int = DEFAULT_MAX_BYTES
    omit_text: bool = False
    engine: str = "local"
    scheduler: str | None = None
    #: Search subfolders of a plain source folder too (``source_file`` is then a relative path).
    recursive: bool = False
    #: The columns of a collection file (``--text-column`` ...).
    columns: ColumnMapping = field(default_factory=ColumnMapping)
    #: Build the good records of a collection and list the bad ones in ``build-report.json``
    #: (without it, the first bad record stops the build).
    skip_bad: bool = False
    #: Reuse the per-article work of earlier builds (``newsgraph.builder.cache``; ``--no-cache``).
    use_cache: bool = True
    #: The cache folder (``--cache``); default a hidden sibling of the output.
    cache: Path | None = None
    #: Write each table as a folder of parts, ``parquet/<table>/part-NNNNN.parquet``
    #: (``--parts``), instead of one ``parquet/<table>.parquet``; any engine, same rows.
    parts: bool = False


@dataclass(frozen=True)
class BuildResult:
    out: Path
    rows: dict[str, int]
    #: Article files in subfolders left out because ``recursive`` was off.
    ignored: int = 0
    #: Records of a collection skipped as bad (with ``skip_bad``).
    skipped: int = 0
    #: Records of a WARC file that are not articles, by kind ('request': 3, ...).
    not_articles: dict[str, int] = field(default_factory=dict)
    #: "build cache: N reused, M extracted, K pruned" (None without a cache).
    cache_summary: str | None = None
    #: One line each: a cache ignored as corrupt, foreign or busy.
    warnings: list[str] = field(default_factory=list)


def _plain_recipe(folder: Path) -> Recipe:
    """The recipe of a folder or collection without ``recipe.yml``. It lists no sources: what
    is known of each article comes from the article (and its columns or WARC headers), and a
    ``SourceMeta`` per file (kept for the whole build) was 263 MB at 300,000 files."""
    slug = re.sub(r"[^a-z0-9]+", "_", folder.resolve().name.lower()).strip("_") or "articles"
    return Recipe(id=slug, title=f"Articles in {folder.resolve().name}",
                  description="Built by newsgraph from a folder of articles, rules only.",
                  version="0.1.0", sources=[])


def build(src: Path | None, out: Path | None, options: BuildOptions = BuildOptions(),
          progress: Callable[[int, int | None], None] | None = None) -> BuildResult:
    """Build a data package from a recipe folder, a plain folder of articles, or a collection
    file (JSON Lines, CSV, Parquet, WARC)."""
    if src is None:
        src = bundled_recipe()
        root = repo_root()
        if src is None or root is None:
            raise UsageError("no bundled recipe here (not a checkout); give SOURCES_DIR and --out")
        out = root / "dataset"
    elif out is None:
        raise UsageError("--out is required when SOURCES_DIR is given")
    if not src.exists():
        raise UsageError("source folder not found; check the path", file=src)
    if src.is_file():
        return _build_collection(src, out, options, progress)
    is_recipe = (src / RECIPE_FILE).is_file()
    folder = src / SOURCES_DIR if is_recipe else src
    if is_recipe and options.recursive:
        raise UsageError("--recursive is for a plain folder of articles; a recipe lists its "
                         f"sources in {RECIPE_FILE}", file=src)
    recipe = load_recipe(src) if is_recipe else None
    names = discover(folder, recursive=options.recursive)
    ignored = 0 if options.recursive else ignored_in_subfolders(folder)
    if recipe is not None:
        listed = {s.file for s in recipe.sources}
        unlisted = [name for name in names if name not in listed]
        if unlisted:
            raise InputError(f"source {unlisted[0]!r} is not listed in {RECIPE_FILE}; add it",
                             file=src / RECIPE_FILE)
    else:
        recipe = _plain_recipe(src)
    known = {s.file: s for s in recipe.sources}  # none for a plain folder
    gazetteer = builtin_gazetteer()
    curated_dir = src / CURATED_DIR
    use_curated = is_recipe and options.use_curated
    annotations = None
    if use_curated:
        gazetteer = gazetteer.merged(curated.load_actors(curated_dir))
        annotations = curated.load_annotations(curated_dir)
        annotations.check_articles(set(names))
    context = Context(gazetteer, options.max_bytes, known, annotations,
                      recipe.assertions if use_curated else None, root=folder)
    with atomic.exclusive(out):  # a second build into ``out`` fails here, at once
        files = (folder / name for name in names)
        result = _build_locked(files, len(names), context, options, out, recipe, annotations,
                               use_curated, progress)
    return BuildResult(result.out, result.rows, ignored=ignored,
                       cache_summary=result.cache_summary, warnings=result.warnings)


def _build_collection(src: Path, out: Path, options: BuildOptions,
                      progress: Callable[[int, int | None], None] | None) -> BuildResult:
    """Build from one collection file: JSON Lines, CSV or Parquet rows, or a WARC file."""
    from newsgraph.builder.collection import collection_kind, read_collection
    from newsgraph.builder.warc import WarcReader, is_warc

    warc = WarcReader(src, options.max_bytes) if is_warc(src) else None
    if warc is None and collection_kind(src) is None:
        raise UsageError("not a folder or a collection file; give a folder of articles, a "
                         ".jsonl, .csv or .parquet file of articles, or a .warc/.warc.gz file",
                         file=src)
    if options.recursive:
        raise UsageError("--recursive is for a folder of articles, not a collection file",
                         file=src)
    items = warc.records() if warc is not None else \
        read_collection(src, options.columns, options.max_bytes)
    recipe = _plain_recipe(src)
    context = Context(builtin_gazetteer(), options.max_bytes, root=src)
    with atomic.exclusive(out):
        result = _build_locked(items, None, context, options, out, recipe, None, False,
                               progress)
    result.not_articles.update(warc.skipped if warc is not None else {})
    return result


def _build_locked(items: Iterable[Item], total: int | None, context: Context,
                  options: BuildOptions, out: Path, recipe: Recipe,
                  annotations: curated.Annotations | None, use_curated: bool,
                  progress: Callable[[int, int | None], None] | None) -> BuildResult:
    """The build proper, run while this process holds the output's lock."""
    atomic.recover(out)
    atomic.check_replaceable(out, DATAPACKAGE_FILE)  # before the work, not after it
    with tempfile.TemporaryDirectory(prefix="newsgraph-build-") as tmp, DraftSpill() as spill, \
            cache_session(out, options.cache, context, enabled=options.use_cache,
                          use_curated=use_curated) as cache:
        results = cache.results(items, lambda todo, ctx: _extract(todo, ctx, options))
        corpus = _first_pass(results, spill, Path(tmp), total, progress,
                             skip_bad=options.skip_bad)
        if not corpus.sources:  # a collection of bad or skipped records only
            raise InputError("no articles found in the collection; check the file and its "
                             "columns", file=context.root)
        if annotations is not None:
            annotations.check_participants(set(corpus.first_actor))
        with atomic.replacing(out, DATAPACKAGE_FILE) as staged:
            written = _second_pass(staged, spill, corpus, recipe, options,
                                   cache.rows(omit_text=options.omit_text))
            counts = written.counts
            if use_curated:
                _check_counts(recipe, counts)
            finish_package(staged, counts, written.events, recipe, corpus.sources,
                           omit_text=options.omit_text, parquet_files=written.parquet_files,
                           build_report=_build_report(corpus) if options.skip_bad else None,
                           figures=cache.figures)
            skipped = len(corpus.skipped)
            del written, corpus  # release the registries' rows before validation reads files
            # Small packages are checked row by row against JSON Schema and the models; large
            # ones with the vectorised check, which tests/test_fastcheck.py proves gives the
            # same verdicts.
            report = validate_package(staged, fast=sum(counts.values()) > ROWWISE_VALIDATION_LIMIT)
            if not report.ok:
                raise DatasetError(f"built package is invalid: {report.problems[0]}")
        cache.finish()
    return BuildResult(out, report.rows, skipped=skipped, cache_summary=cache.summary,
                       warnings=cache.warnings)


def _build_report(corpus: _Corpus) -> dict[str, Any]:
    """``build-report.json``: every record skipped as bad, with its locator and reason."""
    return {"skipped": len(corpus.skipped),
            "skipped_records": [bad.report_row() for bad in corpus.skipped]}


@dataclass
class _Corpus:
    """What the first pass keeps in memory: one entry per actor name and per article."""

    first_actor: dict[str, ActorDraft]
    #: Person name -> the number of articles that name the person so.
    people: Counter[str]
    #: Every kept article's ``sources`` entry, or above its limit their counts and digest.
    sources: SourceList
    reuse: ReuseFinder
    #: ``article_duplicates`` rows, in source order of the duplicates.
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    #: Records skipped as bad (``--skip-bad``), in source order.
    skipped: list[BadRecord] = field(default_factory=list)


@dataclass
class _Written:
    counts: dict[str, int]
    parquet_files: dict[str, list[str]] | None
    events: list[dict[str, Any]]


def _extract(files: Iterable[Item], context: Context, options: BuildOptions) -> Iterator[Result]:
    if options.engine == "dask":
        from newsgraph.builder.dask_engine import extract_dask, prepare_local_cluster

        if options.scheduler is None:
            prepare_local_cluster()  # now: the generator below runs after threads exist
        return extract_dask(files, context, options.workers, options.scheduler)
    return extract_local(files, context, options.workers)


def _first_pass(results: Iterator[Result], spill: DraftSpill, workdir: Path,
                total: int | None, progress: Callable[[int, int | None], None] | None, *,
                skip_bad: bool = False) -> _Corpus:
    """Spill every draft; keep actor names, shingles (on disk) and source entries.

    A bad record of a collection stops the build with its one-line error, or with
    ``skip_bad`` is kept for the build report.
    """
    corpus = _Corpus({}, Counter(), SourceList(), ReuseFinder(workdir))
    first_with = DigestSet()  # the sha256 of every article kept (32 bytes, not hex)
    for done, result in enumerate(results, 1):
        if progress:
            progress(done, total)
        if isinstance(result, BadRecord):
            if not skip_bad:
                raise result.error()
            corpus.skipped.append(result)
            continue
        pickled, summary = result
        digest = bytes.fromhex(summary.sha256)
        if digest in first_with:
            # A byte-identical copy: recorded, not extracted again (DESIGN.md: exact
            # duplicates are folded into one article and recorded, never fatal).
            corpus.duplicates.append(duplicate_row(summary.sha256, summary.file_name,
                                                   summary.source["bytes"],
                                                   summary.record_locator))
            continue
        first_with.add(digest)
        for name, actor in summary.actors.items():
            corpus.first_actor.setdefault(name, actor)
            if actor.kind == "person":
                corpus.people[name] += 1
        corpus.sources.add(summary.source)
        corpus.reuse.add(summary.key, summary.shingles)
        spill.append(pickled)
    return corpus


def duplicate_row(sha256: str, file_name: str, size: int,
                  locator: str | None = None) -> dict[str, Any]:
    """The ``article_duplicates`` row of ``file_name`` (at ``locator`` in a collection), a
    copy of the article with ``sha256``.

    The kept article's id is derived from the same hash, so it needs no lookup; a file's
    duplicate id is derived from its name, a record's from its name and locator.
    """
    article = content_id("article", sha256)
    where = (file_name,) if locator is None else (file_name, locator)
    return {"duplicate_id": content_id("article_duplicate", article, *where),
            "article_id": article, "duplicate_source_file": file_name,
            "duplicate_record_locator": locator, "sha256": sha256, "bytes": size,
            "method": DUPLICATE_RULE}


def _second_pass(staged: Path, spill: DraftSpill, corpus: _Corpus, recipe: Recipe,
                 options: BuildOptions, rows_cache: RowsCache | None = None) -> _Written:
    """Rows of every table streamed into ``staged``; row counts and the events the timeline
    draws (the record registries spill to an unnamed sqlite3 file above their limit).

    With the build cache (``rows_cache``), an article whose rows an earlier build assembled
    under the same actor links reuses them (``builder/cache/rows.py``); the others are assembled."""
    reuse = corpus.reuse.pairs()
    assembler = Assembler(link_actor_names(corpus.people), corpus.first_actor,
                          omit_text=options.omit_text,
                          related={key for pair in reuse for key in (pair.article, pair.other)})
    meta = table_metadata(recipe, omit_text=options.omit_text)
    parts = options.parts
    writers = {t.name: TableWriter(staged, t.name, meta, parts=parts) for t in TABLES}
    try:
        for spilled in spill.records():
            if rows_cache is not None:
                rows_cache.add(spilled, assembler, writers)
                continue
            for name, rows in assembler.add(spilled.draft()).items():
                writers[name].add(rows)
        drawn: list[dict[str, Any]] = []
        for name, rows in assembler.finish(reuse, batch=ROW_GROUP_SIZE):
            writers[name].add(rows)
            if name == "events":
                drawn = drawn_events(drawn + rows)
        writers["article_duplicates"].add(corpus.duplicates)
    finally:
        assembler.close()
        counts = {name: writer.close() for name, writer in writers.items()}
    return _Written(counts, {n: w.files for n, w in writers.items()} if parts else None,
                    drawn)


def _check_counts(recipe: Recipe, counts: dict[str, int]) -> None:
    """The recipe's corpus-wide quality assertions."""
    for table, minimum in (("quotes", recipe.assertions.min_quotes),
                           ("events", recipe.assertions.min_events)):
        if counts[table] < minimum:
            raise DatasetError(f"quality assertion failed: {counts[table]} {table} "
                               f"(min {minimum})")
