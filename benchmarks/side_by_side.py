"""Build speed of this checkout against an earlier commit, side by side on the same corpus.

    python benchmarks/side_by_side.py BASE_REV CORPUS_DIR [--repeat 3]

Checks BASE_REV out into a temporary git worktree, then times ``newsgraph build CORPUS
--out ... --no-curated`` (one worker) for the base and for this checkout, alternating runs so
that both see the same machine load, and prints the median seconds, articles per second and
the ratio. Both run with this checkout's virtual environment (the dependencies are pinned, so
only the package code differs). Machine-dependent figures: nothing is written to the repo.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _build(code: Path, corpus: Path, out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(code)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsgraph.cli", "build", str(corpus), "--out",
                    str(out), "--no-curated", "--workers", "1"], cwd=code, env=env, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = sum(1 for p in args.corpus.iterdir() if p.suffix in (".txt", ".md", ".html"))
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", str(base), args.base], cwd=REPO,
                       check=True, capture_output=True)
        try:
            times: dict[str, list[float]] = {"base": [], "head": []}
            for i in range(args.repeat):
                for name, code in (("base", base), ("head", REPO)):
                    times[name].append(_build(code, args.corpus, Path(tmp) / f"{name}{i}"))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=REPO,
                           check=False, capture_output=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    for name in ("base", "head"):
        print(f"{name:5} {med[name]:7.2f} s  {n / med[name]:7.1f} articles/s  "
              f"({', '.join(f'{t:.2f}' for t in times[name])})")
    print(f"head / base time: {med['head'] / med['base']:.2f} ({n} articles, "
          f"{args.repeat} runs each, alternating)")


if __name__ == "__main__":
    main()
