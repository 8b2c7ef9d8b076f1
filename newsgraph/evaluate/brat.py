"""``newsgraph evaluate --gold-format brat``: quotes, speakers and reported claims against brat gold.

What is scored (gold read by ``newsgraph.evaluate.brat_reader``):

* quotes: gold quotes (quoted segments inside an attribution's Content) against the package's
  quote mentions, matched one to one by span overlap of at least half of the shorter span;
* speakers, on matched quotes whose gold Source is named (``brat.source_head``): right when the
  predicted actor's name or an alias has that head as a word, or equals the Source text;
  coverage counts a matched quote with a ``speaker_id`` or a ``speaker_text``. Quotes whose
  Source is a pronoun, a noun phrase or absent are counted apart (coverage only);
* reported claims: attributions whose Content is not mostly quotation, against the package's
  indirect claim mentions, matched the same way; precision counts a prediction right when it
  overlaps any attribution's Content by that rule; claimants are scored as speakers are.

Rates with nothing to count are ``None`` (printed "n/a"), never 1.0.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import UsageError
from newsgraph.evaluate.brat_reader import (
    GoldArticle,
    GoldAttribution,
    quotation_share,
    read_gold,
    source_head,
)
from newsgraph.evaluate.report import f1, ratio
from newsgraph.package.tables import jsonl_path

_PRONOUNS = frozenset("i me we us you he him she her it they them one who this that".split())
#: Confidence bands for the calibration table (lower bounds).
BANDS = (0.0, 0.5, 0.7, 0.8, 0.9)


@dataclass
class BratScore:
    """Counts for one article or overall."""

    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    named: int = 0
    speaker_right: int = 0
    speaker_covered: int = 0
    pronoun: int = 0
    pronoun_covered: int = 0
    nominal: int = 0
    nominal_covered: int = 0
    claim_gold: int = 0
    claim_found: int = 0
    claim_pred: int = 0
    claim_pred_right: int = 0
    claim_named: int = 0
    claimant_right: int = 0
    bands: dict[float, list[int]] = field(default_factory=lambda: {b: [0, 0] for b in BANDS})
    #: per quote sieve: [speaker right, matched quotes with a named Source]
    quote_methods: dict[str, list[int]] = field(default_factory=dict)
    #: per claim sieve: [predictions inside an attributed Content, predictions]
    claim_methods: dict[str, list[int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, other: BratScore) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
        for band, (right, total) in other.bands.items():
            self.bands[band][0] += right
            self.bands[band][1] += total
        for mine, theirs in ((self.quote_methods, other.quote_methods),
                             (self.claim_methods, other.claim_methods)):
            for method, (right, total) in theirs.items():
                counts = mine.setdefault(method, [0, 0])
                counts[0] += right
                counts[1] += total

    def metrics(self) -> dict[str, float | None]:
        qp = ratio(self.quote_tp, self.quote_tp + self.quote_fp)
        qr = ratio(self.quote_tp, self.quote_tp + self.quote_fn)
        cp = ratio(self.claim_pred_right, self.claim_pred)
        cr = ratio(self.claim_found, self.claim_gold)
        return {
            "quote_precision": qp, "quote_recall": qr, "quote_f1": f1(qp, qr),
            "speaker_accuracy": ratio(self.speaker_right, self.named),
            "speaker_coverage": ratio(self.speaker_covered, self.named),
            "pronoun_coverage": ratio(self.pronoun_covered, self.pronoun),
            "nominal_coverage": ratio(self.nominal_covered, self.nominal),
            "claim_precision": cp, "claim_recall": cr, "claim_f1": f1(cp, cr),
            "claimant_accuracy": ratio(self.claimant_right, self.claim_named),
        }


@dataclass(frozen=True)
class _Predicted:
    start: int
    end: int
    text: str
    actor: dict[str, Any] | None
    speaker_text: str | None
    confidence: float
    method: str


def _rows(dataset: Path, table: str) -> Iterable[dict[str, Any]]:
    path = dataset / jsonl_path(table)
    if not path.is_file():
        raise UsageError(f"{table} table not found; is this a newsgraph package?", file=dataset)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _overlap(a: tuple[int, int], b: tuple[tuple[int, int], ...]) -> int:
    return sum(max(0, min(a[1], y) - max(a[0], x)) for x, y in b)


def _enough(pred: tuple[int, int], gold: tuple[tuple[int, int], ...]) -> int:
    """The overlap, if it is at least half of the shorter span; else 0."""
    shared = _overlap(pred, gold)
    shorter = min(pred[1] - pred[0], sum(y - x for x, y in gold))
    return shared if shared and 2 * shared >= shorter else 0


def match(pred: list[_Predicted], gold: list[tuple[tuple[int, int], ...]]) -> dict[int, int]:
    """One-to-one matching, largest overlaps first: predicted index -> gold index."""
    candidates = sorted(((_enough((p.start, p.end), g), i, j) for i, p in enumerate(pred)
                         for j, g in enumerate(gold) if _enough((p.start, p.end), g)),
                        key=lambda c: (-c[0], c[1], c[2]))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in candidates:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def _words(name: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[\w’'-]+", name)}


def speaker_right(actor: dict[str, Any] | None, head: str, source: str) -> bool:
    if actor is None:
        return False
    names = [actor["name"], *(actor.get("aliases") or [])]
    return any(head.casefold() in _words(n) or n.casefold() == source.casefold() for n in names)


def source_kind(attribution: GoldAttribution, article: str) -> tuple[str, str | None]:
    """('named', head), ('pronoun', None) or ('nominal', None) for an attribution's Source."""
    text = attribution.source_text.strip()
    head = source_head(text, article) if text else None
    if head is not None:
        return "named", head
    if text and all(w.casefold() in _PRONOUNS for w in re.findall(r"[\w’']+", text)):
        return "pronoun", None
    return "nominal", None


def _band(confidence: float) -> float:
    return max(b for b in BANDS if confidence >= b)


def _score_article(gold: GoldArticle, quotes: list[_Predicted], claims: list[_Predicted],
                   score: BratScore) -> None:
    text = gold.text
    gq = list(gold.quotes)
    matched = match(quotes, [((q.start, q.end),) for q in gq])
    score.quote_tp += len(matched)
    score.quote_fp += len(quotes) - len(matched)
    score.quote_fn += len(gq) - len(matched)
    hit = set(matched.values())
    for j, q in enumerate(gq):
        if j not in hit:
            score.errors.append(f"missed quote {q.start}: {text[q.start:q.end][:70]!r}")
    for i, p in enumerate(quotes):
        if i not in matched:
            score.errors.append(f"extra quote {p.start}: {p.text[:70]!r}")
            continue
        attribution = gq[matched[i]].attribution
        kind, head = source_kind(attribution, text)
        covered = p.actor is not None or p.speaker_text is not None
        if kind == "named" and head is not None:
            score.named += 1
            score.speaker_covered += covered
            right = speaker_right(p.actor, head, attribution.source_text)
            score.speaker_right += right
            for counts in (score.bands[_band(p.confidence)],
                           score.quote_methods.setdefault(p.method, [0, 0])):
                counts[0] += right
                counts[1] += 1
            if not right:
                got = p.actor["name"] if p.actor is not None else p.speaker_text
                score.errors.append(f"speaker {p.start}: got {got!r}, want "
                                    f"{attribution.source_text!r} ({p.text[:40]!r})")
        elif kind == "pronoun":
            score.pronoun += 1
            score.pronoun_covered += covered
        else:
            score.nominal += 1
            score.nominal_covered += covered
    _score_claims(gold, claims, score)


def _score_claims(gold: GoldArticle, claims: list[_Predicted], score: BratScore) -> None:
    text = gold.text
    reported = [a for a in gold.attributions if quotation_share(text, a) < 0.5]
    score.claim_gold += len(reported)
    score.claim_pred += len(claims)
    contents = [a.content for a in gold.attributions]
    for p in claims:
        inside = any(_enough((p.start, p.end), c) for c in contents)
        counts = score.claim_methods.setdefault(p.method, [0, 0])
        counts[0] += inside
        counts[1] += 1
        if inside:
            score.claim_pred_right += 1
        else:
            score.errors.append(f"extra claim {p.start}: {p.text[:70]!r}")
    matched = match(claims, [a.content for a in reported])
    score.claim_found += len(matched)
    hit = set(matched.values())
    for j, a in enumerate(reported):
        if j not in hit:
            first = a.content[0]
            score.errors.append(f"missed claim {first[0]}: {text[first[0]:first[1]][:70]!r}")
    for i, j in matched.items():
        kind, head = source_kind(reported[j], text)
        if kind == "named" and head is not None:
            score.claim_named += 1
            right = speaker_right(claims[i].actor, head, reported[j].source_text)
            score.claimant_right += right
            if not right:
                actor = claims[i].actor
                got = actor["name"] if actor is not None else claims[i].speaker_text
                score.errors.append(f"claimant {claims[i].start}: got {got!r}, want "
                                    f"{reported[j].source_text!r}")


def evaluate_brat(gold_dir: Path, dataset: Path) -> tuple[dict[str, BratScore], BratScore]:
    """Per-article and overall scores of the package ``dataset`` against brat gold."""
    golds = read_gold(gold_dir)
    rows = list(_rows(dataset, "articles"))
    articles = {r["article_id"]: r["source_file"] for r in rows}
    by_hash = {r["sha256"]: r["source_file"] for r in rows}
    actors = {r["actor_id"]: r for r in _rows(dataset, "actors")}
    speakers = {r["quote_id"]: r["speaker_id"] for r in _rows(dataset, "quotes")}
    claimants = {r["claim_id"]: (r["claimant_id"], r.get("claimant_text"))
                 for r in _rows(dataset, "claims")}
    quotes: dict[str, list[_Predicted]] = {}
    for r in _rows(dataset, "quote_mentions"):
        actor = actors.get(speakers.get(r["quote_id"]) or "")
        quotes.setdefault(articles[r["article_id"]], []).append(_Predicted(
            r["char_start"], r["char_end"], r["text"], actor, r.get("speaker_text"),
            r["confidence"], r["method"]))
    claims: dict[str, list[_Predicted]] = {}
    for r in _rows(dataset, "claim_mentions"):
        if r.get("reporting") == "direct":
            continue
        claimant, claimant_text = claimants[r["claim_id"]]
        claims.setdefault(articles[r["article_id"]], []).append(_Predicted(
            r["char_start"], r["char_end"], r["text"], actors.get(claimant or ""),
            claimant_text, r["confidence"], r["method"]))
    by_name = {Path(f).stem: f for f in articles.values()}
    per_article: dict[str, BratScore] = {}
    total = BratScore()
    for gold in golds:
        score = BratScore()
        # an article folded into an identical copy is scored against that copy
        file_name = by_name.get(gold.name) or by_hash.get(gold.sha256)
        if file_name is None:
            score.errors.append("article not in the package")
        _score_article(gold, quotes.get(file_name or "", []), claims.get(file_name or "", []),
                       score)
        per_article[gold.name] = score
        total.add(score)
    return per_article, total
