"""``newsgraph build``: sources -> per-article extraction -> linking -> validate -> write.

Two passes keep memory flat at any corpus size:

1. every article goes through the per-article stage (``newsgraph.extract``, a pure function,
   in ``--workers`` processes or on Dask); its draft is spilled to a temporary file and only a
   summary stays in memory: actor names (for cross-article linking), sentence shingles (for
   text reuse, joined out of core) and the entry in ``sources``;
2. the drafts are read back in file order and turned into rows (``Assembler``), streamed into
   Parquet row groups and JSON Lines; the record tables (actors, quotes, claims, events) come
   last, from registries with one entry per distinct record.

The package is written into a staging folder, validated there in full, and only then swapped
in atomically; a failed build leaves the previous output untouched. The output is the same,
byte for byte, for any number of workers.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph import atomic, curated
from newsgraph.errors import DatasetError, InputError, UsageError
from newsgraph.extract import Context, Extracted, extract_local
from newsgraph.ids import content_id
from newsgraph.paths import bundled_recipe, repo_root
from newsgraph.pipeline.actors import builtin_gazetteer
from newsgraph.pipeline.assemble import RECORD_TABLES, Assembler, link_actor_names
from newsgraph.pipeline.drafts import ActorDraft
from newsgraph.pipeline.reuse import ReuseFinder
from newsgraph.recipe import CURATED_DIR, RECIPE_FILE, SOURCES_DIR, Recipe, SourceMeta, load_recipe
from newsgraph.sources import DEFAULT_MAX_BYTES, discover, ignored_in_subfolders, source_name
from newsgraph.spill import DraftSpill
from newsgraph.tables import DATAPACKAGE_FILE, TABLES
from newsgraph.validate import validate_package
from newsgraph.writer import TableWriter, finish_package, table_metadata

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


@dataclass(frozen=True)
class BuildResult:
    out: Path
    rows: dict[str, int]
    #: Article files in subfolders left out because ``recursive`` was off.
    ignored: int = 0


def _plain_recipe(folder: Path, names: list[str]) -> Recipe:
    slug = re.sub(r"[^a-z0-9]+", "_", folder.resolve().name.lower()).strip("_") or "articles"
    return Recipe(id=slug, title=f"Articles in {folder.resolve().name}",
                  description="Built by newsgraph from a folder of articles, rules only.",
                  version="0.1.0",
                  sources=[SourceMeta(file=name, copyright_holder="unknown (the publisher of "
                                      "the article)") for name in names])


def build(src: Path | None, out: Path | None, options: BuildOptions = BuildOptions(),
          progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Build a data package from a recipe folder or a plain folder of articles."""
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
    is_recipe = (src / RECIPE_FILE).is_file()
    folder = src / SOURCES_DIR if is_recipe else src
    if is_recipe and options.recursive:
        raise UsageError("--recursive is for a plain folder of articles; a recipe lists its "
                         f"sources in {RECIPE_FILE}", file=src)
    recipe = load_recipe(src) if is_recipe else None
    files = discover(folder, recursive=options.recursive)
    names = [source_name(p, folder) for p in files]
    ignored = 0 if options.recursive else ignored_in_subfolders(folder)
    if recipe is not None:
        listed = {s.file for s in recipe.sources}
        unlisted = [name for name in names if name not in listed]
        if unlisted:
            raise InputError(f"source {unlisted[0]!r} is not listed in {RECIPE_FILE}; add it",
                             file=src / RECIPE_FILE)
    else:
        recipe = _plain_recipe(src, names)
    known = {s.file: s for s in recipe.sources} if is_recipe else {}
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
        result = _build_locked(files, context, options, out, recipe, annotations, use_curated,
                               progress)
    return BuildResult(result.out, result.rows, ignored=ignored)


def _build_locked(files: list[Path], context: Context, options: BuildOptions, out: Path,
                  recipe: Recipe, annotations: curated.Annotations | None, use_curated: bool,
                  progress: Callable[[int, int], None] | None) -> BuildResult:
    """The build proper, run while this process holds the output's lock."""
    atomic.recover(out)
    atomic.check_replaceable(out, DATAPACKAGE_FILE)  # before the work, not after it
    with tempfile.TemporaryDirectory(prefix="newsgraph-build-") as tmp, DraftSpill() as spill:
        corpus = _first_pass(_extract(files, context, options), spill, Path(tmp),
                             len(files), progress)
        if annotations is not None:
            annotations.check_participants(set(corpus.first_actor))
        with atomic.replacing(out, DATAPACKAGE_FILE) as staged:
            written = _second_pass(staged, spill, corpus, recipe, options)
            counts = written.counts
            if use_curated:
                _check_counts(recipe, counts)
            finish_package(staged, counts, written.events, recipe, corpus.sources,
                           omit_text=options.omit_text, parquet_files=written.parquet_files)
            del written, corpus  # release the registries' rows before validation reads files
            # Small packages are checked row by row against JSON Schema and the models; large
            # ones with the vectorised check, which tests/test_fastcheck.py proves gives the
            # same verdicts.
            report = validate_package(staged, fast=sum(counts.values()) > ROWWISE_VALIDATION_LIMIT)
            if not report.ok:
                raise DatasetError(f"built package is invalid: {report.problems[0]}")
    return BuildResult(out, report.rows)


@dataclass
class _Corpus:
    """What the first pass keeps in memory: one entry per actor name and per article."""

    first_actor: dict[str, ActorDraft]
    people: set[str]
    sources: list[dict[str, Any]]
    reuse: ReuseFinder
    #: ``article_duplicates`` rows, in source order of the duplicates.
    duplicates: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Written:
    counts: dict[str, int]
    parquet_files: dict[str, list[str]] | None
    events: list[dict[str, Any]]


def _extract(files: list[Path], context: Context, options: BuildOptions) -> Iterator[Extracted]:
    if options.engine == "dask":
        from newsgraph.dask_engine import extract_dask, prepare_local_cluster

        if options.scheduler is None:
            prepare_local_cluster()  # now: the generator below runs after threads exist
        return extract_dask(files, context, options.workers, options.scheduler)
    return extract_local(files, context, options.workers)


def _first_pass(results: Iterator[Extracted], spill: DraftSpill, workdir: Path, total: int,
                progress: Callable[[int, int], None] | None) -> _Corpus:
    """Spill every draft; keep actor names, shingles (on disk) and source entries."""
    corpus = _Corpus({}, set(), [], ReuseFinder(workdir))
    first_with: dict[str, str] = {}  # sha256 -> the file name of its first copy
    for done, (pickled, summary) in enumerate(results, 1):
        if progress:
            progress(done, total)
        if summary.sha256 in first_with:
            # A byte-identical copy: recorded, not extracted again (DESIGN.md: exact
            # duplicates are folded into one article and recorded, never fatal).
            corpus.duplicates.append(duplicate_row(summary.sha256, summary.file_name,
                                                   summary.source["bytes"]))
            continue
        first_with[summary.sha256] = summary.file_name
        for name, actor in summary.actors.items():
            corpus.first_actor.setdefault(name, actor)
            if actor.kind == "person":
                corpus.people.add(name)
        corpus.sources.append(summary.source)
        corpus.reuse.add(summary.file_name, summary.shingles)
        spill.append(pickled)
    return corpus


def duplicate_row(sha256: str, file_name: str, size: int) -> dict[str, Any]:
    """The ``article_duplicates`` row of ``file_name``, a copy of the article with ``sha256``.

    The kept article's id is derived from the same hash, so it needs no lookup.
    """
    article = content_id("article", sha256)
    return {"duplicate_id": content_id("article_duplicate", article, file_name),
            "article_id": article, "duplicate_source_file": file_name, "sha256": sha256,
            "bytes": size, "method": DUPLICATE_RULE}


def _second_pass(staged: Path, spill: DraftSpill, corpus: _Corpus, recipe: Recipe,
                 options: BuildOptions) -> _Written:
    """Rows of every table streamed into ``staged``; row counts and the event rows."""
    assembler = Assembler(link_actor_names(corpus.people), corpus.first_actor,
                          omit_text=options.omit_text)
    reuse = corpus.reuse.pairs()
    meta = table_metadata(recipe, omit_text=options.omit_text)
    parts = options.engine == "dask"  # DESIGN.md: a Dask build writes folders of parts
    writers = {t.name: TableWriter(staged, t.name, meta, parts=parts) for t in TABLES}
    try:
        for draft in spill.drafts():
            for name, rows in assembler.add(draft).items():
                writers[name].add(rows)
        records = assembler.finish(reuse)
        for name in RECORD_TABLES:
            writers[name].add(records[name])
        writers["article_duplicates"].add(corpus.duplicates)
    finally:
        counts = {name: writer.close() for name, writer in writers.items()}
    return _Written(counts, {n: w.files for n, w in writers.items()} if parts else None,
                    records["events"])


def _check_counts(recipe: Recipe, counts: dict[str, int]) -> None:
    """The recipe's corpus-wide quality assertions."""
    for table, minimum in (("quotes", recipe.assertions.min_quotes),
                           ("events", recipe.assertions.min_events)):
        if counts[table] < minimum:
            raise DatasetError(f"quality assertion failed: {counts[table]} {table} "
                               f"(min {minimum})")
