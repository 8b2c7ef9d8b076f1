"""The ``newsgraph`` command line (click).

Every error a user can cause prints one line, ``newsgraph: error: FILE:LINE: what; what to
do``, and exits with the code DESIGN.md gives (2 bad input or usage, 1 invalid data); a
traceback appears only with ``--debug``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from newsgraph.builder import interrupts
from newsgraph.errors import NewsgraphError, UsageError
from newsgraph.rules.sources import DEFAULT_MAX_BYTES

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int) -> None:
    click.echo(f"newsgraph: error: {message}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Turn newsgraph errors (and OS errors) into one-line messages with the right exit code.

    Exit 1 ("the data is invalid") belongs to ``validate``; every other command exits 2 for
    any error, as DESIGN.md's command table says. A Ctrl-C exits 130 with one line; a reader
    that closed the pipe ends the command quietly (``newsgraph.builder.interrupts``).
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        context = click.get_current_context()
        debug = context.find_root().params.get("debug", False)
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
            return result
        except KeyboardInterrupt:
            if debug:
                raise
            interrupts.commit()  # one line, whatever else arrives
            click.echo(interrupts.INTERRUPTED, err=True)
            sys.exit(interrupts.EXIT_INTERRUPTED)
        except BrokenPipeError:
            # the reader has gone (``| head``): no message; stdout points at /dev/null so the
            # interpreter's last flush cannot fail either
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(interrupts.EXIT_BROKEN_PIPE)
        except NewsgraphError as error:
            if debug:
                raise
            _fail(str(error), error.exit_code if context.info_name == "validate" else 2)
        except OSError as error:
            if debug:
                raise
            where = f"{error.filename}: " if error.filename else ""
            _fail(f"{where}{error.strerror or error}; check the path and permissions", 2)
        return None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.version_option(package_name="newsgraph")
def main(debug: bool) -> None:
    """newsgraph: a versioned schema and dataset of news coverage with exact provenance."""


@main.command()
@click.argument("src", required=False, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), help="Output package folder "
              "(required with SRC).")
@click.option("--no-curated", is_flag=True, help="Ignore curated annotations: rules only.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for per-article extraction.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Reject sources larger than this.")
@click.option("--omit-text", is_flag=True, help="Publish without the article texts.")
@click.option("--recursive", is_flag=True, help="Search subfolders of SRC too (source_file is "
              "then the path relative to SRC).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Run per-article extraction in local processes or on "
              "Dask (same package either way).")
@click.option("--parts", is_flag=True, help="Write each table as a folder of Parquet parts, "
              "parquet/<table>/part-NNNNN.parquet (one a row group), not one file.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786)"
              " for --engine dask; default: a local cluster of --workers processes.")
@click.option("--text-column", metavar="NAME", help="Collection column with the article text "
              "(default: text, content or body).")
@click.option("--id-column", metavar="NAME", help="Collection column with a record id (kept in "
              "record_locator; default: none).")
@click.option("--title-column", metavar="NAME", help="Collection column with the headline "
              "(default: title or headline).")
@click.option("--date-column", metavar="NAME", help="Collection column with the publication "
              "date (default: date, published or publish_date).")
@click.option("--url-column", metavar="NAME", help="Collection column with the URL (default: "
              "url or link).")
@click.option("--publisher-column", metavar="NAME", help="Collection column with the publisher "
              "(default: publisher, source or domain).")
@click.option("--author-column", metavar="NAME", help="Collection column with the authors, a "
              "list or ';'-separated (default: author or authors).")
@click.option("--language-column", metavar="NAME", help="Collection column with the language "
              "code (default: language or lang).")
@click.option("--skip-bad", is_flag=True, help="Build the good records of a collection, list "
              "the bad ones in build-report.json (default: stop at the first bad record).")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path), metavar="DIR",
              help="Build cache folder (default: .OUT.newsgraph-cache beside OUT); unchanged "
              "articles reuse the work of the previous build.")
@click.option("--no-cache", is_flag=True, help="Build from scratch; neither read nor write "
              "the build cache.")
@handle_errors
def build(src: Path | None, out: Path | None, no_curated: bool, workers: int, max_bytes: int,
          omit_text: bool, recursive: bool, engine: str, parts: bool, scheduler: str | None,
          text_column: str | None, id_column: str | None, title_column: str | None,
          date_column: str | None, url_column: str | None, publisher_column: str | None,
          author_column: str | None, language_column: str | None, skip_bad: bool,
          cache_dir: Path | None, no_cache: bool) -> None:
    """Build a data package from SRC: a recipe folder, a folder of articles, a collection
    (a .jsonl, .csv or .parquet file, one article a row) or a .warc/.warc.gz file.

    Without SRC, in a checkout: builds builders/s400_turkey_2019/ into dataset/.
    """
    from newsgraph.builder.build import BuildOptions
    from newsgraph.builder.build import build as run_build
    from newsgraph.builder.collection import ColumnMapping

    if scheduler is not None and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    columns = ColumnMapping(text=text_column, id=id_column, title=title_column,
                            date=date_column, url=url_column, publisher=publisher_column,
                            author=author_column, language=language_column)
    options = BuildOptions(use_curated=not no_curated, workers=workers, max_bytes=max_bytes,
                           omit_text=omit_text, engine=engine, scheduler=scheduler,
                           recursive=recursive, columns=columns, skip_bad=skip_bad,
                           use_cache=not no_cache, cache=cache_dir, parts=parts)
    if no_cache and cache_dir is not None:
        raise UsageError("--cache and --no-cache exclude each other; give one")
    if sys.stderr.isatty():  # a progress bar for people, nothing in logs and pipes
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("extracting articles", total=None)
            result = run_build(src, out, options, progress=lambda done, total: bar.update(
                task, completed=done, total=total))
    else:
        result = run_build(src, out, options)
    interrupts.commit()  # the new output is in place: report it, whatever arrives now
    if result.ignored:
        click.echo(f"newsgraph: note: {src}: {result.ignored} article "
                   f"file{'' if result.ignored == 1 else 's'} in subfolders ignored (not "
                   "searched without --recursive); add --recursive to build them", err=True)
    counts = ", ".join(f"{n} {t}" for t, n in result.rows.items() if t in
                       ("articles", "actors", "quotes", "claims", "events"))
    folded = result.rows.get("article_duplicates", 0)
    extra = ""
    if result.not_articles:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(result.not_articles.items()))
        n = sum(result.not_articles.values())
        extra += f"; {n} WARC record{'' if n == 1 else 's'} not articles skipped ({kinds})"
    if skip_bad:
        extra += (f"; {result.skipped} bad record{'' if result.skipped == 1 else 's'} skipped "
                  "(listed in build-report.json)")
    for warning in result.warnings:
        click.echo(f"newsgraph: warning: {warning}", err=True)
    click.echo(f"built {result.out}: {counts}; {folded} duplicate "
               f"source{'' if folded == 1 else 's'} folded{extra}")
    if result.cache_summary:
        click.echo(result.cache_summary)


@main.command()
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option("--all", "show_all", is_flag=True, help="List every problem, one per line.")
@click.option("--rowwise", is_flag=True,
              help="Check every row with JSON Schema and the models (slow reference) instead "
                   "of the vectorised check; both give the same verdicts.")
@handle_errors
def validate(directory: Path | None, show_all: bool, rowwise: bool) -> None:
    """Check a built package (default: the bundled one): files, hashes, schema, keys, spans."""
    from newsgraph.package.paths import bundled_dataset
    from newsgraph.package.validate import validate_package

    root = directory or bundled_dataset()
    report = validate_package(root, fast=not rowwise)
    if not report.ok:
        lines = [f"{root}/{problem}" for problem in report.problems]
        if not show_all and len(lines) > 1:
            lines = [f"{lines[0]} (and {len(lines) - 1} more; `--all` lists them)"]
        for line in lines:
            click.echo(f"newsgraph: error: {line}", err=True)
        sys.exit(1)
    click.echo(f"valid: {root} ({sum(report.rows.values())} rows in {len(report.rows)} tables)")


@main.command()
@click.option("--dataset", "dataset_dir", type=click.Path(path_type=Path),
              help="Package folder (default: the bundled dataset).")
@handle_errors
def info(dataset_dir: Path | None) -> None:
    """Print the dataset's versions, tables with row counts, and sources."""
    from newsgraph.package.descriptor import read_descriptor
    from newsgraph.package.paths import bundled_dataset
    from newsgraph.package.source_list import LISTED_LIMIT, article_sources
    from newsgraph.package.tables import TABLE_NAMES, jsonl_path

    root = dataset_dir or bundled_dataset()
    descriptor = read_descriptor(root)
    versions = descriptor.get("newsgraph", {})
    click.echo(f"{descriptor.get('title')} ({root})")
    for key in ("dataset_version", "schema_version", "package_version"):
        click.echo(f"  {key.replace('_', ' ')}: {versions.get(key)}")
    click.echo("  tables:")
    for name in TABLE_NAMES:
        path = root / jsonl_path(name)
        with path.open("rb") as handle:
            rows = sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
        click.echo(f"    {name:<20} {rows:>6} rows")
    click.echo("  sources (from the articles table):")
    shown = 0
    for source in article_sources(root, descriptor):
        shown += 1
        if shown > LISTED_LIMIT:
            continue  # counted, not printed
        who = source["publisher"] or source["original_publisher"] or "publisher unknown"
        where = source["source_file"] + (f" {source['record_locator']}"
                                         if source["record_locator"] else "")
        click.echo(f"    {where}: {who}, {source['published'] or 'date unknown'}")
    if shown > LISTED_LIMIT:
        click.echo(f"    ... and {shown - LISTED_LIMIT:,} more ({shown:,} in all); `newsgraph sql "
                   "\"select source_file, publisher, published from articles\"` lists them")


@main.command()
@click.argument("query")
@click.option("--dataset", "dataset_dir", type=click.Path(path_type=Path),
              help="Package folder (default: the bundled dataset).")
@click.option("--json", "as_json", is_flag=True, help="Print rows as JSON Lines.")
@handle_errors
def sql(query: str, dataset_dir: Path | None, as_json: bool) -> None:
    """Run a SQL QUERY (DuckDB) over the dataset's tables and views and print the result."""
    from newsgraph.loaders import connect

    con = connect(dataset_dir)
    try:
        result = con.sql(query)
    except Exception as error:
        _fail(f"query failed: {str(error).splitlines()[0]}; `newsgraph info` lists the tables", 2)
        return
    if result is None:
        return
    if as_json:
        columns = result.columns
        for row in result.fetchall():
            click.echo(json.dumps(dict(zip(columns, row, strict=True)), default=str,
                                  ensure_ascii=False))
    else:
        click.echo(str(result))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl", "csv", "duckdb"]),
              default="parquet", show_default=True, help="Output format.")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Output folder.")
@click.option("--dataset", "dataset_dir", type=click.Path(path_type=Path),
              help="Package folder (default: the bundled dataset).")
@handle_errors
def export(fmt: str, out: Path, dataset_dir: Path | None) -> None:
    """Export the dataset's tables to OUT as Parquet, JSON Lines, CSV or a DuckDB file."""
    from newsgraph.export import export as run_export
    from newsgraph.package.paths import bundled_dataset

    target = run_export(dataset_dir or bundled_dataset(), fmt, out)  # type: ignore[arg-type]
    click.echo(f"exported {fmt} to {target}")


@main.command()
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.argument("dataset_dir", type=click.Path(path_type=Path))
@click.option("--gold-format", "gold_format",
              type=click.Choice(["json", "brat", "timeml", "plover"]), default="json",
              show_default=True, help="json: one gold file per article; brat: standoff "
              "attribution annotations (text/ and attributions/, or NAME.txt with NAME*.ann); "
              "timeml: TimeML 1.2 files (*.tml, or tml/*.tml); plover: PLOVER event records (a "
              "JSON Lines file, built as a collection into DATASET_DIR).")
@click.option("--errors", "show_errors", is_flag=True, help="List each miss and extra.")
@click.option("--fail-under", "fail_under", default="", metavar="NAME=X,...",
              help="Exit 1 when a figure is below its bound, e.g. quote_f1=0.95,speaker_accuracy=0.9.")
@handle_errors
def evaluate(gold_dir: Path, dataset_dir: Path, gold_format: str, show_errors: bool,
             fail_under: str) -> None:
    """Precision, recall and F1 of DATASET_DIR against the gold in GOLD_DIR.

    json: one gold JSON per article, {"article": file name, "quotes": [{"text", "speaker",
    "type"}], "actors": [{"name", "kind", "aliases"}]}; prints quote P/R/F1, speaker accuracy
    and actor P/R/F1. brat: quotes inside attributed Content, speakers of named Sources and
    reported claims with their claimants; timeml: time expressions (strict and relaxed span
    F1, value and type accuracy) and TimeML events linked to a date (found inside an event
    mention, dated right), for a package built from `python -m newsgraph.evaluate.timeml
    GOLD_DIR OUT.jsonl` (see docs/quality.md). plover: GOLD_DIR is a JSON Lines file of PLOVER
    records (or a folder of them) and DATASET_DIR its build (`newsgraph build GOLD.jsonl --out
    DIR`); prints event detection, PLOVER type accuracy and source/target accuracy
    (docs/events.md). Rates with nothing to count print "n/a". Exit 1 when a --fail-under
    figure is short (or n/a).
    """
    from newsgraph.evaluate.report import check_bounds, parse_bounds, report

    bounds = parse_bounds(fail_under)
    if not dataset_dir.is_dir():
        _fail(f"{dataset_dir}: package folder not found", 2)
    if gold_format == "plover":
        from newsgraph.evaluate.plover import evaluate_plover, plover_report

        score = evaluate_plover(gold_dir, dataset_dir)
        for line in plover_report(score, show_errors):
            click.echo(line)
        short = check_bounds(score.metrics(), bounds)
        if short:
            click.echo(f"newsgraph: below --fail-under: {', '.join(short)}", err=True)
            sys.exit(1)
        return
    if gold_format == "brat":
        from newsgraph.evaluate.brat import evaluate_brat

        per_article, total = evaluate_brat(gold_dir, dataset_dir)
    elif gold_format == "timeml":
        from newsgraph.evaluate.timeml import evaluate_timeml

        per_article, total = evaluate_timeml(gold_dir, dataset_dir)  # type: ignore[assignment]
    else:
        from newsgraph.evaluate.gold import evaluate as run

        per_article, total = run(gold_dir, dataset_dir)  # type: ignore[assignment]
    for line in report(per_article, total, show_errors):
        click.echo(line)
    short = check_bounds(total.metrics(), bounds)
    if short:
        click.echo(f"newsgraph: below --fail-under: {', '.join(short)}", err=True)
        sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse a source larger than this.")
@handle_errors
def explain(file: Path, max_bytes: int) -> None:
    """Every quotation-mark pair and reported-speech cue of one article, with the decision.

    Quotes show the sieve that attributed them, the speaker as written and the actor it
    resolved to; rejected marks show the reason (headline, title, scare quote); claims show
    their sieve and claimant; cues that made no claim say why. Rules only, as
    `newsgraph build --no-curated` reads the article.
    """
    from newsgraph.explain import explain as run

    for line in run(file, max_bytes=max_bytes):
        click.echo(line)


if __name__ == "__main__":  # pragma: no cover
    main()
