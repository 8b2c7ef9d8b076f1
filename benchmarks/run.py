"""Benchmarks for newsgraph (``make bench``); writes docs/performance.md and a scaling plot.

Every ratio compares tools run side by side in the same run on the same machine and data:

1. validation of a large synthetic package: ``newsgraph validate`` (vectorised) vs
   ``frictionless validate`` vs JSON Schema + pydantic per row (``--rowwise``) vs the limit
   (one process: hash every listed file, read the Parquet files, run the same checks as
   compute kernels);
2. build throughput (articles/s, MB/s and MB/s per core) and peak RSS at several corpus
   sizes, on the synthetic corpus and on a realistic one (``benchmarks/corpora.py``: 2-8 KB
   articles, wire copy for the reuse join), with the reuse pairs and the descriptor's size;
   the same texts as one Parquet collection beside the folder (articles/s and peak RSS);
3. cold ``newsgraph.load("quotes")`` vs cold ``pandas.read_parquet`` of the same file;
4. incremental builds (``benchmarks/incremental.py``): N unique seed copies, then +1% added
   and 1% changed, each beside a from-scratch build of the same folder.

Each measurement runs in a fresh process; timings are wall-clock medians of ``--repeat`` runs.
``--quick`` runs tiny sizes once (a smoke test of the benchmark, not figures to publish).
Machine-dependent, so not under the drift test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
sys.path.insert(0, str(REPO / "benchmarks"))
from incremental import bench_incremental, incremental_report  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(REPO)}

# Runs a command in-process and prints wall time and peak RSS of this process (workers=1).
_HARNESS = """
import resource, runpy, sys, time
sys.argv = {argv!r}
start = time.perf_counter()
try:
    runpy.run_module({module!r}, run_name="__main__")
except SystemExit as done:
    if done.code not in (0, None):
        raise
print("BENCH", time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def measure(module: str, argv: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of ``python -m module argv`` in a fresh process."""
    code = _HARNESS.format(argv=[module, *argv], module=module)
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=ENV, check=True)
    line = next(x for x in out.stdout.splitlines() if x.startswith("BENCH"))
    _, seconds, rss_kb = line.split()
    return float(seconds), float(rss_kb) / 1024


def median_time(module: str, argv: list[str], repeat: int) -> float:
    return statistics.median(measure(module, argv)[0] for _ in range(repeat))


def pyarrow_limit(package: Path) -> float:
    """Seconds, in one process, to hash every file the package lists (as any validator of
    its hashes must), read every Parquet file and run the same checks as Arrow/DuckDB
    kernels: what validation cannot go below."""
    code = f"""
import time
start = time.perf_counter()
import hashlib, json
import pyarrow.parquet as pq
from pathlib import Path
from newsgraph.package.fastcheck import _column_ok, package_if_valid
from newsgraph.package.schema_export import json_schema
from newsgraph.package.tables import TABLES, parquet_path
root = Path({str(package)!r})
for resource in json.loads((root / "datapackage.json").read_bytes())["resources"]:
    if "path" in resource:
        digest = hashlib.sha256()
        with (root / resource["path"]).open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        assert "sha256:" + digest.hexdigest() == resource["hash"]
tables = {{}}
for spec in TABLES:
    t = pq.read_table(root / parquet_path(spec.name))
    props = json_schema(spec)["properties"]
    not_dates = [n for n in spec.columns if str(t.schema.field(n).type) != "date32[day]"]
    assert all(_column_ok(t.column(n), props[n]) for n in not_dates)
    tables[spec.name] = t
assert package_if_valid(tables)
print("BENCH", time.perf_counter() - start)
"""
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=ENV, check=True)
    return float(next(x for x in out.stdout.splitlines() if x.startswith("BENCH")).split()[1])


def bench_validation(work: Path, mentions: int, repeat: int,
                     rowwise: bool = True) -> dict[str, float]:
    sys.path.insert(0, str(REPO))
    from synthetic_tables import write_large_package

    package = write_large_package(work / "large", n_mentions=mentions,
                                  n_articles=min(10_000, mentions // 2))
    rows = sum(1 for p in (package / "json").glob("*.jsonl") for _ in p.open("rb"))
    results = {"rows": rows,
               "newsgraph": median_time("newsgraph.cli", ["validate", str(package)], repeat),
               "limit": statistics.median(pyarrow_limit(package) for _ in range(repeat))}
    results["frictionless"] = measure("frictionless", ["validate", str(package / "datapackage.json")])[0]
    if rowwise:
        results["rowwise"] = measure("newsgraph.cli", ["validate", "--rowwise",
                                                       str(package)])[0]
    return results


def _corpus(work: Path, kind: str, n: int) -> Path:
    """The benchmark corpus of ``kind`` ('synthetic': about 1 KB articles; 'news': 2-8 KB
    with wire copy, ``benchmarks/corpora.py``) and size ``n``, written once per run."""
    from synthetic import write_corpus

    src = work / f"{kind}{n}"
    if not src.exists():
        if kind == "news":
            sys.path.insert(0, str(REPO / "benchmarks"))
            from corpora import write_news_corpus

            write_news_corpus(src, n, seed=1)
        else:
            write_corpus(src, n, seed=1)
    return src


def bench_build(work: Path, sizes: list[int], news_sizes: list[int] | None = None,
                parallel: bool = True) -> list[dict[str, Any]]:
    """One worker at every size (throughput per core, peak RSS), on the synthetic and the
    realistic corpus, then the engines in parallel."""
    import shutil

    results = []
    runs = [("synthetic", n, ["--workers", "1"], "1 process", 1) for n in sizes]
    runs += [("news", n, ["--workers", "1"], "1 process", 1) for n in news_sizes or []]
    parallel_n = min(sizes[1:] or sizes)
    runs += [("synthetic", parallel_n, ["--workers", "2"], "2 processes", 2),
             ("synthetic", parallel_n, ["--engine", "dask", "--workers", "2"],
              "Dask LocalCluster, 2 workers", 2)] if parallel else []
    for kind, n, flags, engine, cores in runs:
        src = _corpus(work, kind, n)
        megabytes = sum(p.stat().st_size for p in src.iterdir()) / 1e6
        out = work / f"out{n}"
        seconds, rss = measure("newsgraph.cli", ["build", str(src), "--out", str(out), *flags])
        with (out / "json" / "article_relations.jsonl").open("rb") as relations:
            pairs = sum(1 for _ in relations)
        descriptor_kb = (out / "datapackage.json").stat().st_size / 1e3
        shutil.rmtree(out)
        results.append({"corpus": kind, "articles": n, "engine": engine, "seconds": seconds,
                        "articles_per_s": n / seconds, "mb_per_s": megabytes / seconds,
                        "mb_per_s_per_core": megabytes / seconds / cores,
                        "kb_per_article": 1000 * megabytes / n,
                        "ms_per_article": 1000 * seconds / n, "peak_rss_mb": rss,
                        "reuse_pairs": pairs, "descriptor_kb": descriptor_kb})
    return results


def parquet_corpus(folder: Path, path: Path) -> Path:
    """The texts of a synthetic folder as a Parquet collection (one ``text`` row per file, in
    file-name order), written in row groups so no step holds the whole corpus twice."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = sorted(folder.iterdir())
    schema = pa.schema([("id", pa.string()), ("text", pa.string())])
    with pq.ParquetWriter(path, schema) as writer:
        for start in range(0, len(files), 10_000):
            group = files[start:start + 10_000]
            writer.write_table(pa.table({"id": [p.stem for p in group],
                                         "text": [p.read_text(encoding="utf-8")
                                                  for p in group]}, schema=schema))
    return path


def bench_collections(work: Path, sizes: list[int],
                      folders: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same synthetic texts as a folder of files and as one Parquet file, one worker,
    side by side (the folder figures are reused from ``bench_build`` where it ran that size)."""
    import shutil

    results = []
    for n in sizes:
        src = _corpus(work, "synthetic", n)
        folder = next((b for b in folders if b["articles"] == n and b["engine"] == "1 process"
                       and b["corpus"] == "synthetic"), None)
        if folder is None:
            out = work / f"out{n}"
            seconds, rss = measure("newsgraph.cli", ["build", str(src), "--out", str(out),
                                                     "--workers", "1"])
            shutil.rmtree(out)
            folder = {"seconds": seconds, "peak_rss_mb": rss}
        parquet = parquet_corpus(src, work / f"synthetic{n}.parquet")
        out = work / f"parquet-out{n}"
        seconds, rss = measure("newsgraph.cli", ["build", str(parquet), "--out", str(out),
                                                 "--workers", "1"])
        shutil.rmtree(out)
        parquet.unlink()
        results.append({"articles": n,
                        "folder_articles_per_s": n / folder["seconds"],
                        "folder_peak_rss_mb": folder["peak_rss_mb"],
                        "parquet_articles_per_s": n / seconds, "parquet_peak_rss_mb": rss})
    return results


def collections_report(rows: list[dict[str, Any]]) -> list[str]:
    """The side-by-side table of ``bench_collections``."""
    if not rows:
        return []
    return [
        "## Collections: a Parquet file against a folder of the same texts",
        "",
        "The same synthetic articles built from a folder of `.txt` files and from one Parquet "
        "file with a `text` column (read in batches of rows), one worker each.",
        "",
        "| articles | folder articles/s | Parquet articles/s | Parquet / folder speed | "
        "folder peak RSS (MB) | Parquet peak RSS (MB) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        *[f"| {r['articles']:,} | {r['folder_articles_per_s']:.0f} | "
          f"{r['parquet_articles_per_s']:.0f} | "
          f"{r['parquet_articles_per_s'] / r['folder_articles_per_s']:.2f}x | "
          f"{r['folder_peak_rss_mb']:.0f} | {r['parquet_peak_rss_mb']:.0f} |" for r in rows],
        "",
    ]


def bench_load(repeat: int) -> dict[str, float]:
    quotes = REPO / "dataset" / "parquet" / "actor_mentions.parquet"
    load = ("import time; s = time.perf_counter(); import newsgraph; "
            "newsgraph.load('actor_mentions'); print('BENCH', time.perf_counter() - s)")
    pandas = (f"import time; s = time.perf_counter(); import pandas; "
              f"pandas.read_parquet({str(quotes)!r}, dtype_backend='pyarrow'); "
              "print('BENCH', time.perf_counter() - s)")

    def run(code: str) -> float:
        out = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=ENV,
                             check=True, cwd=tempfile.gettempdir())
        return float(out.stdout.split()[-1])

    return {"load": statistics.median(run(load) for _ in range(repeat)),
            "read_parquet": statistics.median(run(pandas) for _ in range(repeat))}


def plot(build: list[dict[str, float]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    build = [b for b in build if b["engine"] == "1 process" and b["corpus"] == "synthetic"]
    fig, ax = plt.subplots(figsize=(6, 3.5), dpi=100)
    ax.plot([b["articles"] for b in build], [b["ms_per_article"] for b in build], marker="o")
    ax.set_xscale("log")
    ax.set_xlabel("articles in the corpus")
    ax.set_ylabel("ms per article (1 worker)")
    ax.set_ylim(bottom=0)
    ax.set_title("Build time per article vs corpus size")
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})


def report(validation: dict[str, float], build: list[dict[str, float]],
           load: dict[str, float], collections: list[dict[str, Any]] | None = None,
           incremental: dict[str, Any] | None = None) -> str:
    v = validation
    lines = [
        "# Performance",
        "",
        "Generated by `make bench` (benchmarks/run.py); machine-dependent, not under the drift "
        "test. Wall-clock medians, each in a fresh process, side by side in one run.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}.",
        "",
        f"## Validation of a {v['rows']:,}-row package",
        "",
        "| validator | seconds | vs newsgraph |",
        "| --- | ---: | ---: |",
        f"| limit (hash every file, read Parquet, same checks as kernels) | {v['limit']:.2f} | "
        f"{v['limit'] / v['newsgraph']:.2f}x |",
        f"| **newsgraph validate** (vectorised) | {v['newsgraph']:.2f} | 1.00x |",
        *([f"| newsgraph validate --rowwise (JSON Schema + pydantic per row) | "
           f"{v['rowwise']:.2f} | {v['rowwise'] / v['newsgraph']:.1f}x |"]
          if "rowwise" in v else []),
        f"| frictionless validate | {v['frictionless']:.2f} | "
        f"{v['frictionless'] / v['newsgraph']:.1f}x |",
        "",
        f"newsgraph is {v['newsgraph'] / v['limit']:.2f}x the limit (target: within 2x) "
        f"and {v['frictionless'] / v['newsgraph']:.1f}x faster than frictionless. The limit is "
        "one process that hashes every file the descriptor lists, reads every Parquet file and "
        "runs the same checks as pyarrow/DuckDB kernels; newsgraph also parses the JSON Lines "
        "copy, compares it with the Parquet copy and checks the sources summary, which the "
        "limit does not.",
        "",
        "## Build throughput",
        "",
        "The whole `newsgraph build`: both passes, writing, and validating the package. Peak "
        "RSS is the main process's (in the parallel runs the workers' memory comes on top). "
        "Corpora: `synthetic` is `benchmarks/synthetic.py` (about 1 KB an article, sentences "
        "from small vocabularies, so the reuse join finds little); `news` is "
        "`benchmarks/corpora.py` (2-8 KB an article, 30% of them reprinting two to five "
        "paragraphs of an earlier one, as wire copy is). MB/s per core divides by the "
        "processes that extract.",
        "",
        "| corpus | articles | KB/article | engine | seconds | articles/s | MB/s | MB/s per core "
        "| peak RSS (MB) | reuse pairs | datapackage.json (KB) |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *[f"| {b['corpus']} | {b['articles']:,} | {b['kb_per_article']:.1f} | {b['engine']} | "
          f"{b['seconds']:.1f} | {b['articles_per_s']:.0f} | {b['mb_per_s']:.2f} | "
          f"{b['mb_per_s_per_core']:.2f} | {b['peak_rss_mb']:.0f} | {b['reuse_pairs']:,} | "
          f"{b['descriptor_kb']:.0f} |" for b in build],
        "",
        *_scaling(build),
        "![Build time per article](performance-build.png)",
        "",
        *collections_report(collections or []),
        *(incremental_report(incremental) if incremental else []),
        "## Cold load",
        "",
        f"`newsgraph.load('actor_mentions')` {load['load'] * 1000:.0f} ms vs "
        f"`pandas.read_parquet` of the same file {load['read_parquet'] * 1000:.0f} ms: "
        f"{load['load'] / load['read_parquet']:.2f}x (target: within 1.3x).",
    ]
    return "\n".join(lines) + "\n"


def _scaling(build: list[dict[str, Any]]) -> list[str]:
    one = [b for b in build if b["engine"] == "1 process" and b["corpus"] == "synthetic"]
    if len(one) < 2:
        return []
    small, large = one[0], one[-1]
    lines = [f"Time per article at {large['articles']:,} articles is "
             f"{large['ms_per_article'] / small['ms_per_article']:.2f}x that at "
             f"{small['articles']:,} (target: within 1.2x); peak RSS at {large['articles']:,}: "
             f"{large['peak_rss_mb']:.0f} MB (target: under 1 GB)."]
    for b in build:
        if b["engine"] != "1 process":
            same = next((o for o in one if o["articles"] == b["articles"]), None)
            if same:
                lines.append(f"{b['engine']} at {b['articles']:,} articles: "
                             f"{same['seconds'] / b['seconds']:.2f}x the speed of one process.")
    return [" ".join(lines), ""]


#: The heading of the hand-measured section of ``docs/performance.md`` that a run keeps.
KEPT_SECTION = "\n## Per-article profile"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=250_000,
                        help="rows per mention table of the validation package")
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes to build")
    parser.add_argument("--collection-sizes", default="1000,100000",
                        help="corpus sizes to build as a Parquet collection beside the folder")
    parser.add_argument("--news-sizes", default="1000,10000",
                        help="sizes of the realistic corpus (2-8 KB articles with wire copy)")
    parser.add_argument("--incremental", type=int, default=10_000,
                        help="seed copies of the incremental case (0: skip it); +1%% added "
                        "and 1%% changed")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "performance.md")
    parser.add_argument("--skip-rowwise", action="store_true",
                        help="leave out the row-by-row reference validator (minutes)")
    parser.add_argument("--skip-parallel", action="store_true",
                        help="leave out the 2-process and Dask builds")
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes, one repeat (a smoke test of the benchmark itself)")
    args = parser.parse_args()
    if args.quick:
        args.mentions, args.sizes, args.news_sizes = 5_000, "100,200", "100"
        args.collection_sizes, args.repeat, args.incremental = "100", 1, 100
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        validation = bench_validation(work, args.mentions, args.repeat,
                                      rowwise=not args.skip_rowwise)
        build = bench_build(work, [int(s) for s in args.sizes.split(",")],
                            [int(s) for s in args.news_sizes.split(",") if s],
                            parallel=not args.skip_parallel)
        collections = bench_collections(
            work, [int(s) for s in args.collection_sizes.split(",") if s], build)
        load = bench_load(args.repeat * 2)
        incremental = None
        if args.incremental:
            (work / "incremental").mkdir()
            step = max(args.incremental // 100, 1)
            incremental = bench_incremental(work / "incremental", args.incremental, step, step,
                                            max(args.repeat - 1, 1))
    plot(build, args.out.with_name("performance-build.png"))
    # the per-article profile below the generated report is measured by another script
    # (benchmarks/profile_stages.py, side by side with the previous commit): keep it
    previous = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    kept = previous[previous.index(KEPT_SECTION):] if KEPT_SECTION in previous else ""
    args.out.write_text(report(validation, build, load, collections, incremental) + kept,
                        encoding="utf-8")
    print(json.dumps({"validation": validation, "build": build, "collections": collections,
                      "load": load, "incremental": incremental}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
