"""``newsgraph build``: sources -> per-article extraction -> linking -> validate -> write.

Per-article extraction is a pure function of the source and the gazetteer, so it runs in
worker processes (``--workers``) and the output is identical for any number of them. The
package is written into a staging folder, validated there in full, and only then swapped in
atomically; a failed build leaves the previous output untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph import atomic, curated
from newsgraph.errors import DatasetError, InputError, UsageError
from newsgraph.models.base import Record
from newsgraph.paths import bundled_recipe, repo_root
from newsgraph.pipeline.actors import READ_KINDS, Gazetteer, builtin_gazetteer, find_actors
from newsgraph.pipeline.assemble import assemble
from newsgraph.pipeline.claims import find_claims
from newsgraph.pipeline.drafts import ArticleDraft
from newsgraph.pipeline.events import find_events
from newsgraph.pipeline.metadata import apply_recipe, read_metadata
from newsgraph.pipeline.quotes import find_quotes
from newsgraph.pipeline.reuse import find_reuse
from newsgraph.pipeline.segment import segment
from newsgraph.recipe import CURATED_DIR, RECIPE_FILE, SOURCES_DIR, Recipe, SourceMeta, load_recipe
from newsgraph.sources import DEFAULT_MAX_BYTES, discover, read_source
from newsgraph.tables import DATAPACKAGE_FILE
from newsgraph.validate import validate_package
from newsgraph.writer import to_arrow, write_package

_MARKS = re.compile(r"[\"“”«»]")
#: Up to this many rows in all, a build validates its output row by row (the reference).
ROWWISE_VALIDATION_LIMIT = 20_000


@dataclass(frozen=True)
class BuildOptions:
    """Settings of one build (the build context)."""

    use_curated: bool = True
    workers: int = 1
    max_bytes: int = DEFAULT_MAX_BYTES
    omit_text: bool = False


@dataclass(frozen=True)
class BuildResult:
    out: Path
    rows: dict[str, int]


def extract_article(path: Path, known: SourceMeta | None, gazetteer: Gazetteer,
                    max_bytes: int) -> ArticleDraft:
    """The per-article stages (pure): read, segment, metadata, actors, quotes."""
    source = read_source(path, max_bytes=max_bytes)
    segments = segment(source.text)
    meta = apply_recipe(read_metadata(segments, gazetteer), known)
    draft = ArticleDraft(source, meta, segments)
    find_actors(draft, gazetteer)
    find_quotes(draft)
    return draft


def _plain_recipe(folder: Path, files: list[Path]) -> Recipe:
    slug = re.sub(r"[^a-z0-9]+", "_", folder.resolve().name.lower()).strip("_") or "articles"
    return Recipe(id=slug, title=f"Articles in {folder.resolve().name}",
                  description="Built by newsgraph from a folder of articles, rules only.",
                  version="0.1.0",
                  sources=[SourceMeta(file=p.name, copyright_holder="unknown (the publisher of "
                                      "the article)") for p in files])


def _check_assertions(recipe: Recipe, drafts: list[ArticleDraft],
                      tables: dict[str, list[Record]]) -> None:
    checks = recipe.assertions
    for d in drafts:
        if len(d.actors) < checks.min_actors_per_article:
            raise DatasetError(f"quality assertion failed: {d.source.file_name} yields "
                               f"{len(d.actors)} actors (min {checks.min_actors_per_article})")
        if checks.quotation_marks_accounted:
            _check_marks(d)
    for table, minimum in (("quotes", checks.min_quotes), ("events", checks.min_events)):
        if len(tables[table]) < minimum:
            raise DatasetError(f"quality assertion failed: {len(tables[table])} {table} "
                               f"(min {minimum})")


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


def _sources(drafts: list[ArticleDraft], recipe: Recipe) -> list[dict[str, Any]]:
    known = {s.file: s for s in recipe.sources}
    result = []
    for d in drafts:
        meta = known.get(d.source.file_name)
        entry: dict[str, Any] = {
            "title": d.meta.title or d.source.file_name,
            "file": d.source.file_name,
            "hash": f"sha256:{d.source.sha256}",
            "bytes": d.source.size,
            "publisher": d.meta.publisher,
            "original_publisher": d.meta.original_publisher,
            "agencies": d.meta.agencies,
            "published": d.meta.published.isoformat() if d.meta.published else None,
            "copyright_holder": meta.copyright_holder if meta else "unknown",
        }
        if d.meta.url:
            entry["path"] = d.meta.url
        result.append(entry)
    return result


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
    if is_recipe:
        recipe = load_recipe(src)
        files = discover(src / SOURCES_DIR)
        listed = {s.file for s in recipe.sources}
        unlisted = [p.name for p in files if p.name not in listed]
        if unlisted:
            raise InputError(f"source {unlisted[0]!r} is not listed in {RECIPE_FILE}; add it",
                             file=src / RECIPE_FILE)
    else:
        files = discover(src)
        recipe = _plain_recipe(src, files)
    known = {s.file: s for s in recipe.sources} if is_recipe else {}
    gazetteer = builtin_gazetteer()
    curated_dir = src / CURATED_DIR
    if is_recipe and options.use_curated:
        gazetteer = gazetteer.merged(curated.load_actors(curated_dir))
    atomic.recover(out)
    atomic.check_replaceable(out, DATAPACKAGE_FILE)  # before the work, not after it
    drafts = _extract_all(files, known, gazetteer, options, progress)
    by_file = {d.source.file_name: d for d in drafts}
    if len({d.source.sha256 for d in drafts}) != len(drafts):
        raise InputError("two sources have identical bytes; remove the duplicate", file=src)
    for d in drafts:
        find_events(d, d.meta.published)
    if is_recipe and options.use_curated:
        curated.apply_quotes(curated_dir, by_file)
        curated.apply_events(curated_dir, by_file)
    for d in drafts:
        find_claims(d)
    tables = assemble(drafts, find_reuse(drafts), omit_text=options.omit_text)
    if is_recipe and options.use_curated:
        _check_assertions(recipe, drafts, tables)
    with atomic.replacing(out, DATAPACKAGE_FILE) as staged:
        # Each table's records are released once converted, and the Arrow tables once written:
        # validation reads the files, so at most one copy of the rows is held at a time.
        arrow = {name: to_arrow(name, tables.pop(name)) for name in list(tables)}
        sources = _sources(drafts, recipe)
        del drafts, by_file
        total = sum(table.num_rows for table in arrow.values())
        write_package(staged, arrow, recipe, sources, omit_text=options.omit_text)
        del arrow
        # Small packages are checked row by row against JSON Schema and the models; large ones
        # with the vectorised check, which tests/test_fastcheck.py proves gives the same verdicts.
        report = validate_package(staged, fast=total > ROWWISE_VALIDATION_LIMIT)
        if not report.ok:
            raise DatasetError(f"built package is invalid: {report.problems[0]}")
    return BuildResult(out, report.rows)


def _extract_all(files: list[Path], known: dict[str, SourceMeta], gazetteer: Gazetteer,
                 options: BuildOptions, progress: Callable[[int, int], None] | None
                 ) -> list[ArticleDraft]:
    drafts: list[ArticleDraft] = []
    if options.workers <= 1 or len(files) < 2:
        for i, path in enumerate(files, 1):
            drafts.append(extract_article(path, known.get(path.name), gazetteer, options.max_bytes))
            if progress:
                progress(i, len(files))
        return drafts
    with ProcessPoolExecutor(max_workers=options.workers) as pool:
        futures = [pool.submit(extract_article, p, known.get(p.name), gazetteer, options.max_bytes)
                   for p in files]
        for i, future in enumerate(futures, 1):
            drafts.append(future.result())
            if progress:
                progress(i, len(files))
    return drafts
