"""The incremental-build benchmark (issue 14): N unique seed copies, then +added, then changed.

For each repeat, side by side in one run on the same machine:

1. the output and build cache of a build of N copies are restored from a template;
   ``added`` new copies are written, and ``newsgraph build`` (reusing the cache) is timed;
   then the same folder is built from scratch (``--no-cache``) into another output and timed;
   the two packages must be byte-identical;
2. the same with ``changed`` of the N copies rewritten instead of new ones added.

Times are the wall clock of the whole command (a fresh ``python -m newsgraph.cli`` process,
interpreter start-up included), one worker. The ratio is incremental / from scratch, the
issue's target is at most 0.25.

    python benchmarks/incremental.py [--n 10000] [--added 100] [--changed 100] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from seed_copies import change_copies, write_copies

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def timed_build(src: Path, out: Path, *extra: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "newsgraph.cli", "build", str(src), "--out",
                           str(out), *extra], env=ENV, capture_output=True, text=True,
                          check=True)
    return time.perf_counter() - start, done.stdout.strip().splitlines()[-1]


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


def _restore(template: Path, work: Path) -> None:
    for name in ("out", ".out.newsgraph-cache"):
        shutil.rmtree(work / name, ignore_errors=True)
        shutil.copytree(template / name, work / name, symlinks=True)


def bench_incremental(work: Path, n: int, added: int, changed: int,
                      repeat: int) -> dict[str, Any]:
    """Seconds of each build, the ratios, and whether every output matched scratch."""
    src, template = work / "src", work / "template"
    write_copies(src, 0, n)
    first, _ = timed_build(src, template / "out")  # cold: extracts and fills the cache
    times: dict[str, list[float]] = {k: [] for k in
                                     ("added_s", "added_scratch_s", "changed_s",
                                      "changed_scratch_s")}
    summaries: dict[str, str] = {}
    identical = True
    for _ in range(repeat):
        for case in ("added", "changed"):
            _restore(template, work)
            if case == "added":
                new = write_copies(src, n, added)
            else:
                change_copies(src, list(range(0, n, max(n // changed, 1)))[:changed])
            seconds, summaries[case] = timed_build(src, work / "out")
            times[f"{case}_s"].append(seconds)
            seconds, _ = timed_build(src, work / "scratch", "--no-cache")
            times[f"{case}_scratch_s"].append(seconds)
            identical &= snapshot(work / "out") == snapshot(work / "scratch")
            shutil.rmtree(work / "scratch")
            if case == "added":
                for path in new:
                    path.unlink()
            else:
                change_copies(src, list(range(0, n, max(n // changed, 1)))[:changed],
                              variant=0)
    med = {k: statistics.median(v) for k, v in times.items()}
    return {"articles": n, "added": added, "changed": changed, "repeat": repeat,
            "first_build_with_cache": first, **med,
            "added_ratio": med["added_s"] / med["added_scratch_s"],
            "changed_ratio": med["changed_s"] / med["changed_scratch_s"],
            "runs": times, "summaries": summaries, "identical": identical}


def incremental_report(r: dict[str, Any]) -> list[str]:
    """The docs/performance.md section."""
    return [
        f"## Incremental builds ({r['articles']:,} unique seed copies)",
        "",
        f"`benchmarks/incremental.py`: a build of {r['articles']:,} unique copies of the seed "
        "articles, then the same output built again after adding "
        f"{r['added']} copies, or after changing {r['changed']}; each beside a build of the "
        "same folder from scratch (`--no-cache`), whole command, one worker, medians of "
        f"{r['repeat']} interleaved runs. The first build (cold cache) took "
        f"{r['first_build_with_cache']:.1f} s.",
        "",
        "| case | incremental (s) | from scratch (s) | ratio (target <= 0.25) |",
        "| --- | ---: | ---: | ---: |",
        f"| +{r['added']} added | {r['added_s']:.1f} | {r['added_scratch_s']:.1f} | "
        f"{r['added_ratio']:.2f} |",
        f"| {r['changed']} changed | {r['changed_s']:.1f} | {r['changed_scratch_s']:.1f} | "
        f"{r['changed_ratio']:.2f} |",
        "",
        f"Outputs byte-identical to the from-scratch builds: {'yes' if r['identical'] else 'NO'}."
        f" Cache summaries: {r['summaries'].get('added')}; {r['summaries'].get('changed')}.",
        "",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--added", type=int, default=100)
    parser.add_argument("--changed", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = bench_incremental(Path(tmp), args.n, args.added, args.changed, args.repeat)
    print("\n".join(incremental_report(result)))
    print(json.dumps(result, indent=1))
    return 0 if result["identical"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
