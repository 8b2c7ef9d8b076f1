"""Rates, the printed report and ``--fail-under`` bounds shared by every gold format.

A rate with nothing to count (0/0) is ``None`` and prints as "n/a": no quote found is not a
precision of 1.0.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

from newsgraph.errors import UsageError


class Scored(Protocol):
    errors: list[str]

    def metrics(self) -> Mapping[str, float | None]: ...


def ratio(num: int, den: int) -> float | None:
    """``num / den``, or None when there is nothing to count."""
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def report(per_article: Mapping[str, Scored], total: Scored, show_errors: bool) -> Iterator[str]:
    """One line per article (with its errors under it when asked) and an ``overall`` line."""
    names = list(total.metrics())
    short = [n.replace("_", " ") for n in names]
    width = max(map(len, [*per_article, "article"]))
    yield f"{'article':<{width}} " + " ".join(f"{n:>{max(len(n), 5)}}" for n in short)
    for name, score in [*per_article.items(), ("overall", total)]:
        values = score.metrics()
        yield f"{name:<{width}} " + " ".join(
            f"{fmt(values[n]):>{max(len(s), 5)}}" for n, s in zip(names, short, strict=True))
        if show_errors and name != "overall":
            yield from (f"    {error}" for error in score.errors)


def parse_bounds(spec: str) -> dict[str, float]:
    """``"quote_f1=0.95,speaker_accuracy=0.9"`` -> {name: bound}."""
    bounds: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        name, sep, value = item.partition("=")
        try:
            bounds[name.strip()] = float(value)
        except ValueError:
            raise UsageError(f"--fail-under {item!r}: expected NAME=NUMBER, for example "
                             "quote_f1=0.95") from None
        if not sep:
            raise UsageError(f"--fail-under {item!r}: expected NAME=NUMBER")
    return bounds


def check_bounds(metrics: Mapping[str, float | None], bounds: Mapping[str, float]) -> list[str]:
    """The figures below their bound (an n/a figure is short of any bound)."""
    unknown = sorted(set(bounds) - set(metrics))
    if unknown:
        raise UsageError(f"--fail-under: unknown figure {unknown[0]!r}; known: "
                         f"{', '.join(metrics)}")
    return [f"{name} {fmt(metrics[name])} < {bound}" for name, bound in bounds.items()
            if metrics[name] is None or metrics[name] < bound]  # type: ignore[operator]
