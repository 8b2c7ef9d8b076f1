"""``newsgraph evaluate GOLD_DIR DATASET_DIR``: precision and recall against gold files.

Gold format (one JSON file per article)::

    {"article": "<source file name>",
     "quotes": [{"text": "...", "speaker": "Name" | null, "type": "direct" | "partial"}],
     "actors": [{"name": "...", "kind": "...", "aliases": ["..."]}]}

Quotes match on their text after normalising quotation marks, whitespace and edge
punctuation. A speaker is right when the gold name (or one of the gold actor's aliases)
equals the predicted actor's name or one of its aliases, or both are null. Actors match the
same way, per article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.evaluate.report import f1, ratio
from newsgraph.models.ids import normalise_key
from newsgraph.package.tables import jsonl_path


def normalise_quote(text: str) -> str:
    """Quote text for matching a prediction with gold: the matching key of every other
    comparison (``ids.normalise_key``: NFKC, straight quotation marks, single spaces,
    case-folded), with dashes at the edges stripped too ("-- we will," is "we will")."""
    return normalise_key(text).strip(_EDGE)


#: What the edges of a quote may carry that its text does not: the key's own edge
#: characters and dashes.
_EDGE = " \"'.,;:!?-\u2014\u2013"


@dataclass
class Score:
    """Counts for one article or overall."""

    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    speaker_right: int = 0
    actor_tp: int = 0
    actor_fp: int = 0
    actor_fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("quote_tp", "quote_fp", "quote_fn", "speaker_right", "actor_tp",
                     "actor_fp", "actor_fn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float | None]:
        """Rates; 0/0 is None ("n/a"), never 1.0."""
        qp = ratio(self.quote_tp, self.quote_tp + self.quote_fp)
        qr = ratio(self.quote_tp, self.quote_tp + self.quote_fn)
        ap = ratio(self.actor_tp, self.actor_tp + self.actor_fp)
        ar = ratio(self.actor_tp, self.actor_tp + self.actor_fn)
        return {"quote_precision": qp, "quote_recall": qr, "quote_f1": f1(qp, qr),
                "speaker_accuracy": ratio(self.speaker_right, self.quote_tp),
                "actor_precision": ap, "actor_recall": ar, "actor_f1": f1(ap, ar)}


def _rows(dataset: Path, table: str) -> list[dict[str, Any]]:
    path = dataset / jsonl_path(table)
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _names(actor: dict[str, Any] | None) -> set[str]:
    if actor is None:
        return set()
    return {actor["name"].casefold(), *(a.casefold() for a in actor.get("aliases") or [])}


def evaluate(gold_dir: Path, dataset: Path) -> tuple[dict[str, Score], Score]:
    """Per-article and overall scores of ``dataset`` against the gold files."""
    articles = {a["source_file"]: a["article_id"] for a in _rows(dataset, "articles")}
    actors = {a["actor_id"]: a for a in _rows(dataset, "actors")}
    quotes = {q["quote_id"]: q for q in _rows(dataset, "quotes")}
    mentions = _rows(dataset, "quote_mentions")
    actor_mentions = _rows(dataset, "actor_mentions")
    per_article: dict[str, Score] = {}
    total = Score()
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError("no gold files (*.json) found", file=gold_dir)
    for path in files:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
            article = gold["article"]
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise InputError(f"not a gold file ({type(error).__name__}); see "
                             "`newsgraph evaluate --help` for the format", file=path) from None
        score = Score()
        art_id = articles.get(article)
        predicted = [m for m in mentions if m["article_id"] == art_id]
        gold_actors = gold.get("actors", [])
        gold_names = {a["name"].casefold(): {a["name"].casefold(), *(x.casefold() for x in
                      a.get("aliases", []))} for a in gold_actors}
        by_text = {normalise_quote(m["text"]): m for m in predicted}
        matched: set[str] = set()
        for q in gold.get("quotes", []):
            key = normalise_quote(q["text"])
            m = by_text.get(key)
            if m is None:
                score.quote_fn += 1
                score.errors.append(f"missed quote: {q['text'][:60]!r}")
                continue
            matched.add(key)
            score.quote_tp += 1
            speaker = actors.get(quotes[m["quote_id"]]["speaker_id"] or "")
            gold_speaker = q.get("speaker")
            if gold_speaker is None:
                right = speaker is None
            else:
                wanted = gold_names.get(gold_speaker.casefold(), {gold_speaker.casefold()})
                right = bool(wanted & _names(speaker))
            if right:
                score.speaker_right += 1
            else:
                score.errors.append(f"speaker of {q['text'][:40]!r}: got "
                                    f"{speaker['name'] if speaker else None}, want {gold_speaker}")
        for key in by_text:
            if key not in matched:
                score.quote_fp += 1
                score.errors.append(f"extra quote: {by_text[key]['text'][:60]!r}")
        found = {m["actor_id"] for m in actor_mentions if m["article_id"] == art_id}
        found_names = {aid: _names(actors[aid]) for aid in found}
        used: set[str] = set()
        for name, variants in gold_names.items():
            hit = next((aid for aid, names in found_names.items() if names & variants
                        and aid not in used), None)
            if hit is None:
                score.actor_fn += 1
                score.errors.append(f"missed actor: {name}")
            else:
                used.add(hit)
                score.actor_tp += 1
        for aid in sorted(found - used):
            score.actor_fp += 1
            score.errors.append(f"extra actor: {actors[aid]['name']}")
        per_article[article] = score
        total.add(score)
    return per_article, total
