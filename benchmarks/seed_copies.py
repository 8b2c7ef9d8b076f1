"""N unique copies of the seed articles (../shared/seeds/), for the incremental benchmark.

Copy ``k`` is seed ``k % 5`` with its weapon system renumbered ("S-400" becomes
``S-<400 + k // 5 + 1>``, ``variant`` shifts the number further), so every copy has its own
bytes (its own sha256) and no two copies are duplicates, while each still reads like the
seed (same length, quotes, events).

    python benchmarks/seed_copies.py OUT_DIR N [--start K] [--variant V]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
_SYSTEM = re.compile(r"S-400")


def seeds(folder: Path = SEEDS) -> list[tuple[str, str]]:
    """(stem, text) of every seed article, sorted by file name."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def copy_text(text: str, k: int, variant: int = 0) -> str:
    """Copy ``k`` of a seed's ``text`` (a different ``variant`` changes its bytes again)."""
    number = 400 + k // 5 + 1 + 100_000 * variant
    return _SYSTEM.sub(f"S-{number}", text)


def file_name(k: int, stem: str) -> str:
    return f"{k:06d}_{stem}.txt"


def write_copies(out: Path, start: int, count: int, *, variant: int = 0,
                 folder: Path = SEEDS) -> list[Path]:
    """Write copies ``start`` .. ``start + count - 1`` into ``out``; their paths."""
    out.mkdir(parents=True, exist_ok=True)
    texts = seeds(folder)
    written = []
    for k in range(start, start + count):
        stem, text = texts[k % len(texts)]
        path = out / file_name(k, stem)
        path.write_text(copy_text(text, k, variant), encoding="utf-8", newline="")
        written.append(path)
    return written


def change_copies(out: Path, ks: list[int], *, variant: int = 1,
                  folder: Path = SEEDS) -> None:
    """Rewrite copies ``ks`` (already in ``out``) with other bytes."""
    texts = seeds(folder)
    for k in ks:
        stem, text = texts[k % len(texts)]
        (out / file_name(k, stem)).write_text(copy_text(text, k, variant), encoding="utf-8",
                                              newline="")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--variant", type=int, default=0)
    args = parser.parse_args()
    write_copies(args.out, args.start, args.n, variant=args.variant)


if __name__ == "__main__":
    main()
