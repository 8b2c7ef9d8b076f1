"""A timeline figure of the dated events (PNG), reproducible byte for byte.

matplotlib renders with the Agg backend and the bundled DejaVu font, and the PNG carries no
software or time metadata, so the same events give the same bytes with pinned versions.
That is what lets a build reuse the figure an earlier build drew from the same events
(``figures``: the build cache's ``FigureCache``), without importing matplotlib at all.
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

MAX_LABEL = 58
#: Large corpora: draw the most reported dated events only, so the figure stays legible.
MAX_EVENTS = 40


#: The fields of an event row the figure draws.
_DRAWN = ("date_start", "date_end", "status", "label", "date_precision")


class Figures(Protocol):
    """Figures drawn by earlier builds, by the key of what they draw."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, png: bytes) -> None: ...


def render_timeline(events: list[dict[str, Any]], path: Path,
                    figures: Figures | None = None) -> bool:
    """Draw events (rows of the events table) with a date as bars; False if none is dated.

    With ``figures``, a figure of the same drawn values, this code and this matplotlib is
    copied instead of drawn again."""
    dated = drawn_events(events)
    if not dated:
        return False
    if figures is None:
        _draw(dated, path)
        return True
    key = _figure_key(dated)
    png = figures.get(key)
    if png is None:
        _draw(dated, path)
        figures.put(key, path.read_bytes())
    else:
        path.write_bytes(png)
    return True


def drawn_events(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events the figure draws, in drawing order: the ``MAX_EVENTS`` earliest dated.

    A build passes every batch of event rows through it with the events kept so far, so
    only those stay in memory."""
    return heapq.nsmallest(MAX_EVENTS, (e for e in events if e["date_start"] is not None
                                        or e["date_end"] is not None),
                           key=lambda e: (e["date_start"] or e["date_end"], e["event_id"]))


def _figure_key(dated: list[dict[str, Any]]) -> str:
    """SHA-256 of the drawn values, this module and the matplotlib version (the build
    cache's fingerprint covers the rest of newsgraph)."""
    from importlib import metadata

    drawn = [[str(e[f]) if e[f] is not None else None for f in _DRAWN] for e in dated]
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(metadata.version("matplotlib").encode() + b"\x00")
    digest.update(json.dumps(drawn, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def _draw(dated: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 8, "svg.hashsalt": "newsgraph"})
    fig, ax = plt.subplots(figsize=(11, 0.3 * len(dated) + 1.2), dpi=100)
    labels = []
    for row, event in enumerate(dated):
        start = event["date_start"] or event["date_end"]
        end = event["date_end"] or event["date_start"]
        assert start is not None and end is not None
        left = mdates.date2num(start)
        width = max(mdates.date2num(end) - left + 1, 6)
        ax.barh(row, width, left=left, height=0.6,
                color="#4c72b0" if event["status"] == "occurred" else "#dd8452")
        label = event["label"]
        label = label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "…"
        labels.append(f"{label} [{event['date_precision']}]")
    ax.set_yticks(range(len(dated)), labels)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#dddddd")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.set_title("Dated events (blue: occurred; orange: expected, planned or ongoing)")
    fig.tight_layout()
    fig.savefig(path, format="png", metadata={"Software": None})
    plt.close(fig)
