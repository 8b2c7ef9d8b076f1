"""Small invented articles with brat attribution gold, written to a folder by the tests.

The gold spans are anchored by quoting the text (never typed offsets): each attribution names
its Source, Cue and Content by the exact words, and ``write_gold`` finds them and writes the
standoff offsets, the way an annotation tool would. A Content given as a tuple is
discontinuous (one span with several fragments).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Anchor = str | tuple[str, ...]


@dataclass(frozen=True)
class Gold:
    content: Anchor
    cue: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    attributions: tuple[Gold, ...]


CASES = (
    Case(
        "harbour_vote",
        "Harbour council rejects ferry plan\n\n"
        "The Kelbrook harbour council voted 7-2 on Tuesday to reject a plan to cut the winter "
        "ferry service, after a long and often angry meeting.\n\n"
        "''We won't abandon the islands,'' the council leader, Tomas Lindqvist, said after the "
        "vote.\n\n"
        "''The budget is tight,'' Mr. Lindqvist said, ''but the ferry is a lifeline.''\n\n"
        "The ferry operator said the service would lose money for a fifth year running.\n",
        (
            Gold("We won't abandon the islands,", "said", "the council leader, Tomas Lindqvist"),
            Gold(("The budget is tight,", "but the ferry is a lifeline."), "said",
                 "Mr. Lindqvist"),
            Gold("the service would lose money for a fifth year running", "said",
                 "The ferry operator"),
        ),
    ),
    Case(
        "clinic_funding",
        "Clinic wins three-year grant\n\n"
        "Adaeze Okafor, the director of the Marsh Lane clinic, said on Monday that the grant "
        "would pay for two more nurses.\n\n"
        "Okafor said the health minister had told her the money was \"secure until 2029.\"\n\n"
        "The clinic treated 4,100 patients last year, according to its annual report.\n\n"
        "\"I doubt it,\" Ms. Okafor said when asked whether the waiting list would vanish.\n",
        (
            Gold("the grant would pay for two more nurses", "said",
                 "Adaeze Okafor, the director of the Marsh Lane clinic,"),
            Gold("the health minister had told her the money was \"secure until 2029.\"", "said",
                 "Okafor"),
            Gold("the money was \"secure until 2029.\"", "told", "the health minister"),
            Gold("The clinic treated 4,100 patients last year", "according to",
                 "its annual report"),
            Gold("\"I doubt it,\"", "said", "Ms. Okafor"),
            # the question put to her: an attribution without a Source
            Gold("whether the waiting list would vanish", "asked"),
        ),
    ),
)


def _find(text: str, words: str, lo: int, hi: int) -> tuple[int, int]:
    """The one place of ``words`` in ``text[lo:hi]``."""
    at = text.find(words, lo, hi)
    if at == -1:
        raise ValueError(f"anchor not found: {words!r}")
    if text.find(words, at + 1, hi) != -1:
        raise ValueError(f"anchor is ambiguous: {words!r}")
    return at, at + len(words)


def _spans(text: str, anchor: Anchor, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    parts = (anchor,) if isinstance(anchor, str) else anchor
    spans: list[tuple[int, int]] = []
    for part in parts:
        spans.append(_find(text, part, spans[-1][1] if spans else lo,
                           len(text) if hi is None else hi))
    return spans


def _paragraph(text: str, at: int) -> tuple[int, int]:
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end == -1 else end


def ann_lines(case: Case) -> list[str]:
    """The brat standoff lines of one case (T spans and E events)."""
    lines: list[str] = []
    t = 0
    for e, gold in enumerate(case.attributions, 1):
        args = []
        lo, hi = _paragraph(case.text, _spans(case.text, gold.content)[0][0])
        trigger = _spans(case.text, gold.cue or gold.content, lo, hi)
        t += 1
        lines.append(f"T{t}\tAttribution {trigger[0][0]} {trigger[0][1]}\t"
                     f"{case.text[trigger[0][0]:trigger[0][1]]}")
        trigger_id = t
        for role, anchor in (("Content", gold.content), ("Cue", gold.cue),
                             ("Source", gold.source)):
            if anchor is None:
                continue
            spans = _spans(case.text, anchor, lo, hi)
            t += 1
            frags = ";".join(f"{a} {b}" for a, b in spans)
            words = " ".join(case.text[a:b] for a, b in spans)
            lines.append(f"T{t}\t{role} {frags}\t{words}")
            args.append(f"{role}:T{t}")
        lines.append(f"E{e}\tAttribution:T{trigger_id} " + " ".join(args))
    return lines


def write_gold(root: Path, *, layout: str = "split", cases: tuple[Case, ...] = CASES) -> Path:
    """Write every case as brat gold under ``root``: ``split`` gives text/ and attributions/
    (PolNeAR's layout), ``paired`` gives NAME.txt beside NAME_a1.ann in one folder."""
    for case in cases:
        text_dir = root / "text" if layout == "split" else root
        ann_dir = root / "attributions" if layout == "split" else root
        text_dir.mkdir(parents=True, exist_ok=True)
        ann_dir.mkdir(parents=True, exist_ok=True)
        (text_dir / f"{case.name}.txt").write_text(case.text, encoding="utf-8")
        (ann_dir / f"{case.name}_a1.ann").write_text("\n".join(ann_lines(case)) + "\n",
                                                     encoding="utf-8")
    return root


def write_articles(folder: Path, cases: tuple[Case, ...] = CASES) -> Path:
    """The case texts as a plain folder of articles for ``newsgraph build``."""
    folder.mkdir(parents=True, exist_ok=True)
    for case in cases:
        (folder / f"{case.name}.txt").write_text(case.text, encoding="utf-8")
    return folder
