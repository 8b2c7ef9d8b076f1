"""A timeline figure of the dated events (PNG), reproducible byte for byte.

matplotlib renders with the Agg backend and the bundled DejaVu font, and the PNG carries no
software or time metadata, so the same events give the same bytes with pinned versions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

MAX_LABEL = 58
#: Large corpora: draw the most reported dated events only, so the figure stays legible.
MAX_EVENTS = 40


def render_timeline(events: list[dict[str, Any]], path: Path) -> bool:
    """Draw events (rows of the events table) with a date as bars; False if none is dated."""
    dated = sorted((e for e in events if e["date_start"] is not None or e["date_end"] is not None),
                   key=lambda e: (e["date_start"] or e["date_end"], e["event_id"]))
    if not dated:
        return False
    if len(dated) > MAX_EVENTS:
        dated = dated[:MAX_EVENTS]
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
    return True
