"""``make quality``: attribution quality of the rules alone, written to docs/quality.md.

Measured on text nobody here wrote (the PolNeAR training split in ``../shared/polnear/``, when
it is there) and, as regression checks, on the team's own articles: the five seeds and the
fixture articles (JSON gold) and the invented brat cases of the tests. Every build is
``newsgraph build --no-curated`` into a temporary folder; every figure is what
``newsgraph evaluate`` computes. The page holds no timings and no paths of this machine, so
the same code and data give the same page.

PolNeAR holds one pair of byte-identical articles: the build folds the second into the first
(``article_duplicates``), and the evaluation scores its gold against the first copy's rows
(matched by hash).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.quality_timeml import timeml_section  # noqa: E402
from newsgraph.evaluate.brat import BratScore, evaluate_brat  # noqa: E402
from newsgraph.evaluate.gold import evaluate  # noqa: E402
from newsgraph.evaluate.plover import evaluate_plover  # noqa: E402
from newsgraph.evaluate.report import fmt  # noqa: E402
from tests.brat_cases import write_articles, write_gold  # noqa: E402

POLNEAR = REPO.parent / "shared" / "polnear" / "train"
TIMEBANK = REPO.parent / "shared" / "timebank"
PLOVER = REPO.parent / "shared" / "plover" / "dev.jsonl"
#: Issue 15's targets for the PLOVER records.
PLOVER_TARGETS = {"event_detection": 0.9, "plover_type_accuracy": 0.75, "source_accuracy": 0.8,
                  "target_accuracy": 0.7}
OUT = REPO / "docs" / "quality.md"
TARGETS = {"quote_f1": 0.95, "speaker_accuracy": 0.93, "speaker_coverage": 0.95,
           "claim_recall": 0.6, "claim_precision": 0.85, "claimant_accuracy": 0.85}
LABELS = {
    "quote_precision": "direct and partial quotes: precision",
    "quote_recall": "quotes: recall",
    "quote_f1": "quotes: F1",
    "speaker_accuracy": "speaker right, of matched quotes with a named Source",
    "speaker_coverage": "speaker given (actor or words), of those",
    "pronoun_coverage": "speaker given, of matched quotes whose Source is a pronoun",
    "nominal_coverage": "speaker given, of matched quotes whose Source is a noun phrase",
    "claim_precision": "reported claims: precision (inside an attributed Content)",
    "claim_recall": "reported claims: recall (attributions not mostly quotation)",
    "claim_f1": "reported claims: F1",
    "claimant_accuracy": "claimant right, of matched claims with a named Source",
}


def build(src: Path, out: Path) -> None:
    """``newsgraph build SRC --out OUT --no-curated``, failing loudly."""
    result = subprocess.run([sys.executable, "-m", "newsgraph.cli", "build", str(src), "--out",
                             str(out), "--no-curated"], capture_output=True, text=True,
                            cwd=REPO, check=False)
    if result.returncode != 0:
        raise SystemExit(f"quality: build of {src.name} failed:\n{result.stderr}")


def _count(package: Path, table: str) -> int:
    """Rows of one table of a built package."""
    with (package / "json" / f"{table}.jsonl").open(encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip())


def languages(package: Path) -> str:
    """'en 839 (detected)': the articles' languages and bases, for the page."""
    counts: dict[str, int] = {}
    with (package / "json" / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            key = f"{row['language']} ({row['language_basis']})"
            counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))


def _row(label: str, value: str, target: str = "") -> str:
    return f"| {label} | {value} | {target} |"


def brat_tables(total: BratScore) -> Iterator[str]:
    metrics = total.metrics()
    yield "| measure | value | target |"
    yield "| --- | --- | --- |"
    counts = {"speaker_accuracy": total.named, "pronoun_coverage": total.pronoun,
              "nominal_coverage": total.nominal, "claim_recall": total.claim_gold,
              "claim_precision": total.claim_pred, "claimant_accuracy": total.claim_named,
              "quote_recall": total.quote_tp + total.quote_fn,
              "quote_precision": total.quote_tp + total.quote_fp}
    for name, label in LABELS.items():
        n = f" (n = {counts[name]})" if name in counts else ""
        target = f">= {TARGETS[name]}" if name in TARGETS else ""
        yield _row(label, fmt(metrics[name]) + n, target)


def sieve_tables(total: BratScore) -> Iterator[str]:
    for title, counts, noun, share in (
            ("Quotes, by the sieve that attributed them (matched quotes with a named Source):",
             total.quote_methods, "quotes", "speaker right"),
            ("Reported claims, by sieve:", total.claim_methods, "claims",
             "inside an attributed Content")):
        yield from (title, "", f"| sieve (`method`) | {noun} | {share} |", "| --- | --- | --- |")
        for method, (right, n) in sorted(counts.items()):
            yield f"| `{method}` | {n} | {fmt(right / n if n else None)} |"
        yield ""
    yield ("Calibration: a quote mention's `confidence` comes from its sieve (and whether the "
           "speaker is a name, a pronoun or nobody); per band, the share of matched quotes with "
           "a named Source whose speaker was right:")
    yield ""
    yield "| confidence | quotes | speaker right |"
    yield "| --- | --- | --- |"
    bands = sorted(total.bands)
    for i, low in enumerate(bands):
        high = bands[i + 1] if i + 1 < len(bands) else 1.0
        right, n = total.bands[low]
        closing = "]" if high == 1.0 else ")"
        yield f"| [{low:.1f}, {high:.1f}{closing} | {n} | {fmt(right / n if n else None)} |"


def json_rows(name: str, gold: Path, package: Path) -> str:
    _, total = evaluate(gold, package)
    m = total.metrics()
    return (f"| {name} | {fmt(m['quote_precision'])} | {fmt(m['quote_recall'])} | "
            f"{fmt(m['quote_f1'])} | {fmt(m['speaker_accuracy'])} | {fmt(m['actor_f1'])} |")


def plover_section(root: Path) -> list[str]:
    """Events on PLOVER's gold-standard records (skipped with a line where they are absent)."""
    lines = ["## Events on text nobody here wrote: PLOVER gold-standard records", ""]
    if not PLOVER.is_file():
        return [*lines, "Skipped: the PLOVER records were not found at "
                "`../shared/plover/dev.jsonl` (put the development half there to measure).", ""]
    build(PLOVER, root / "plover-pkg")
    score = evaluate_plover(PLOVER, root / "plover-pkg")
    counts = {"event_detection": (score.detected, score.records),
              "plover_type_accuracy": (score.type_right, score.detected),
              "source_accuracy": (score.source_right, score.with_source),
              "target_accuracy": (score.target_right, score.with_target)}
    labels = {"event_detection": "an event found, of the records",
              "plover_type_accuracy": "PLOVER type right, of records with an event found",
              "source_accuracy": "source right, of those with a gold source",
              "target_accuracy": "target right, of those with a gold target"}
    lines += [f"{score.records} sentences of the CAMEO manual coded with one PLOVER event type "
              "and its source and target actors (the development half of PLOVER_GSR_CAMEO, "
              "openeventdata/PLOVER, CC BY-SA 4.0; `../shared/plover/`, texts not in this "
              "repository), built as a JSON Lines collection, one record an article. Command: "
              "`newsgraph evaluate --gold-format plover ../shared/plover/dev.jsonl PACKAGE`. "
              "An actor matches a gold source or target when one of its mention texts in the "
              "record is the gold text, lies inside it or holds it, as whole words "
              "(`newsgraph/evaluate/plover.py`); the event read is the record's first.", "",
              "| measure | value | target |", "| --- | --- | --- |"]
    for name, value in score.metrics().items():
        right, of = counts[name]
        lines.append(_row(labels[name], f"{fmt(value)} ({right} of {of})",
                          f">= {PLOVER_TARGETS[name]}"))
    return [*lines, ""]


def main() -> None:
    lines = ["# Quality of the rules, measured", "",
             "Generated by `make quality` (`benchmarks/quality.py`); do not edit by hand. Every "
             "build is `newsgraph build --no-curated` (rules alone, nothing curated); every "
             "figure is `newsgraph evaluate`. A rate with nothing to count is n/a.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        lines += ["## On text nobody here wrote: PolNeAR, training split", ""]
        if POLNEAR.is_dir():
            build(POLNEAR / "text", root / "polnear-pkg")
            per_article, total = evaluate_brat(POLNEAR, root / "polnear-pkg")
            folded = _count(root / "polnear-pkg", "article_duplicates")
            lines += [
                f"{len(per_article)} political news articles of 2015-2016 from seven US "
                "publishers with manual attribution annotations (PolNeAR v1.0.0, Newell, "
                "Margolin and Ruths, LREC 2018; `../shared/polnear/`, texts not in this "
                f"repository), built as the folder they come in: {folded} byte-identical "
                "copy folded into its first copy, whose rows its gold is scored against. "
                "Command: `newsgraph evaluate --gold-format brat ../shared/polnear/train "
                f"PACKAGE`. Languages: {languages(root / 'polnear-pkg')} (English articles "
                "labelled another language would skip the English rules).", "",
                *brat_tables(total), "", *sieve_tables(total), ""]
        else:
            lines += ["Skipped: PolNeAR was not found at `../shared/polnear/train` (put the "
                      "training split there to measure).", ""]
        lines += timeml_section(TIMEBANK, root, build)
        lines += plover_section(root)
        lines += ["## Regression checks on the team's own articles", "",
                  "Written by the team, so these are regression tests, not evidence of quality.",
                  "", "| articles (JSON gold) | quote P | R | F1 | speaker | actor F1 |",
                  "| --- | --- | --- | --- | --- | --- |"]
        build(REPO / "builders" / "s400_turkey_2019", root / "seeds")
        lines.append(json_rows("the five seeds (`tests/gold/seeds`)", REPO / "tests" / "gold" /
                               "seeds", root / "seeds"))
        build(REPO / "tests" / "fixtures" / "articles", root / "fixtures")
        fixtures = REPO / "tests" / "gold" / "fixtures"
        lines.append(json_rows(f"{len(list(fixtures.glob('*.json')))} fixture articles "
                               "(`tests/gold/fixtures`)", fixtures, root / "fixtures"))
        gold = write_gold(root / "brat-gold")
        build(write_articles(root / "brat-src"), root / "brat")
        _, cases = evaluate_brat(gold, root / "brat")
        lines += ["", "The invented brat cases of `tests/brat_cases.py`:", "",
                  *brat_tables(cases), ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
