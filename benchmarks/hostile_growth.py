"""How the per-article stage grows on hostile text: each generated article at n and 4n repeats.

    python benchmarks/hostile_growth.py [KIND,KIND,...|all] [N]

Each kind is a headline and a body made of one unit repeated n times: cue words ("He said"
+ " said" * n), cues with commas and pronouns, "according to", quotation marks (balanced,
unbalanced curly and straight, every kind opened and never closed, closers alone, mixed,
unattributed quotes), capitalised names, organisation names, dates, commas,
parentheses (nested and not), dashes, semicolons, paragraphs and lines without a full stop.
For each, the CPU seconds (``time.process_time``) of every step of the per-article stage
(segment, metadata, ``extract.ARTICLE_STAGES``) at n and at 4n, the growth of the whole, and
the steps that grew most. Linear work grows about 4 times; above about 5 is super-linear
(docs/performance.md, "Hostile text"). The claim sieves look back and ahead of a cue up to
``claim_spans.REACH`` characters, so below that a sentence's cost still grows as its square:
take n large enough (the default 500 makes "said" 2,500 characters). Run it with
``PYTHONPATH`` at two checkouts to compare.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable

from newsgraph.builder.extract import ARTICLE_STAGES
from newsgraph.rules.actors import builtin_gazetteer
from newsgraph.rules.drafts import ArticleDraft
from newsgraph.rules.metadata import apply_recipe, read_metadata
from newsgraph.rules.segment import segment
from newsgraph.rules.sources import Source

GAZETTEER = builtin_gazetteer()


def stage_seconds(text: str) -> dict[str, float]:
    """CPU seconds of each step of the per-article stage over ``text``."""
    raw = text.encode()
    source = Source("hostile.txt", hashlib.sha256(raw).hexdigest(), len(raw), "text", text)
    seconds = {}
    started = time.process_time()
    segments = segment(text)
    seconds["segment"] = time.process_time() - started
    started = time.process_time()
    meta = apply_recipe(read_metadata(segments, GAZETTEER), None)
    seconds["meta"] = time.process_time() - started
    draft = ArticleDraft(source, meta, segments)
    for name, stage in ARTICLE_STAGES:
        started = time.process_time()
        stage(draft, GAZETTEER, None)
        seconds[name] = time.process_time() - started
    return seconds


def _article(body: str) -> str:
    return "Headline here\n\n" + body + "\n"


def _joined(unit: str, n: int, sep: str = " ") -> str:
    """``unit`` n times; a ``{i}`` in it is the repeat's number modulo 13."""
    return sep.join(unit.format(i=i % 13) for i in range(n))


GEN: dict[str, Callable[[int], str]] = {
    "said": lambda n: _article("He said" + " said" * n + "."),
    "xsaid": lambda n: _article(_joined("X{i} said.", n)),
    "para_cues": lambda n: _article(_joined("officials said the plan would work", n, ", ")),
    "according": lambda n: _article(" according to" * n + " him."),
    "acc_many": lambda n: _article(_joined("according to Smith{i} the plan works", n, ", ") + "."),
    "curly": lambda n: _article("He said “" + "word “" * n + "end."),
    "curly_close": lambda n: _article("He said " + "word ” " * n + "end."),
    "straight": lambda n: _article('He said "' + 'word " ' * n + "end."),
    "straight_odd": lambda n: _article(_joined('Kowalski said "we will win', n) + "."),
    "quote_pairs": lambda n: _article(_joined("“We will win,” Kowalski said, “and go.”", n)),
    "quote_open": lambda n: _article(_joined("Kowalski said “we will win", n) + "."),
    # unbalanced and unusual marks: every kind opened and never closed, closers alone, a
    # straight mark closed by a curly one, apostrophes inside single quotes, marks alone
    "single_open": lambda n: _article(_joined("Kowalski said ‘we will win", n) + "."),
    "single_apos": lambda n: _article(_joined("Kowalski said ‘it’s a win", n) + "."),
    "apos_open": lambda n: _article(_joined("Kowalski said ''we will win", n) + "."),
    "ticks_open": lambda n: _article(_joined("Kowalski said ``we will win", n) + "."),
    "guil_open": lambda n: _article(_joined("Kowalski said «we will win", n) + "."),
    "low_open": lambda n: _article(_joined("Kowalski said „we will win", n) + "."),
    "curly_closers": lambda n: _article(_joined("Kowalski said we will win”", n) + "."),
    "mixed_pairs": lambda n: _article(_joined('Kowalski said "we will win”', n) + "."),
    "straight_marks": lambda n: _article(_joined('"a', n) + "."),
    "plain_cues": lambda n: _article(_joined("Kowalski said we will win", n) + "."),
    "straight_sents": lambda n: _article(_joined('Kowalski said "we will win.', n)),
    "unattributed": lambda n: _article(_joined("“We will win the vote today.”", n)),
    "named_later": lambda n: _article(_joined("“We will win the vote today,” a federal judge "
                                              "said. U.S. District Judge Ann Lowe{i} agreed.",
                                              n)),
    "names": lambda n: _article(_joined("Anna Kowalski{i}", n) + "."),
    "caps": lambda n: _article(_joined("Anna Kowalski Smith", n) + "."),
    "mr_names": lambda n: _article(_joined("Mr. Berg{i} met Ms. Lane{i}.", n)),
    "names_said": lambda n: _article(_joined("Anna Kowalski said it and Tom Berg argued", n)
                                     + " it."),
    "smith_comma": lambda n: _article(_joined("Smith said a, b", n) + "."),
    "it_comma": lambda n: _article(_joined("said it, a", n) + "."),
    "officials": lambda n: _article(_joined("officials said the, spokesman", n) + "."),
    "who": lambda n: _article("Kowalski said" + " that Smith said" * n + " it."),
    "and": lambda n: _article("He said" + " and said" * n + " it."),
    "comma_said": lambda n: _article("He said" + ", said" * n + " it."),
    "wants": lambda n: _article("He wants" + " Smith to want" * n + " it."),
    "asked": lambda n: _article(_joined("Asked whether he would, said", n) + " no."),
    "dates": lambda n: _article(_joined("on Tuesday, March 3, 2015", n) + "."),
    "isodates": lambda n: _article(_joined("on 2015-03-1{i} at 3 p.m.", n)),
    "times_words": lambda n: _article(_joined("last week next month two days ago", n) + "."),
    "commas": lambda n: _article("He said" + ", x" * n + "."),
    "parens": lambda n: _article("He said " + "(x " * n + "end."),
    "parens2": lambda n: _article("He said " + "(x) " * n + "end."),
    "nest_paren": lambda n: _article("He said " + "(" * n + "x" + ")" * n + " today."),
    "dashes": lambda n: _article("He said " + " - x" * n + "."),
    "semis": lambda n: _article("He said " + "; x said" * n + "."),
    "title_case": lambda n: _article(_joined("Donald Trump Said Hillary Clinton", n) + "."),
    "events": lambda n: _article(_joined("troops attacked and killed protesters,", n)
                                 + " today."),
    "orgs": lambda n: _article(_joined("the Ministry of Defence and NATO", n) + "."),
    "owners": lambda n: _article(_joined("Stein{i} of", n) + " Smith said it."),
    "acronyms": lambda n: _article(_joined("ABC DEF GHI", n) + "."),
    "paras": lambda n: _article(_joined("Kowalski said it would work.", n, "\n\n")),
    "lines": lambda n: _article(_joined("Kowalski said it would work", n, "\n")),
    "one_line": lambda n: _article(_joined("President Anna Kowalski said on Tuesday that "
                                           "talks would continue.", n)),
}

def main() -> None:
    kinds = list(GEN) if len(sys.argv) < 2 or sys.argv[1] == "all" else sys.argv[1].split(",")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    stage_seconds("Headline\n\nAnna Kowalski said on Tuesday that it works.\n")  # warm up
    for kind in kinds:
        small, large = stage_seconds(GEN[kind](n)), stage_seconds(GEN[kind](4 * n))
        total_small, total_large = sum(small.values()), sum(large.values())
        worst = sorted(((large[s] / max(small[s], 1e-4), s) for s in small if large[s] > 0.05),
                       reverse=True)[:3]
        print(f"{kind:12} n={n}: {total_small:7.3f} s  4n: {total_large:7.3f} s  "
              f"x{total_large / max(total_small, 1e-4):5.1f}  "
              + " ".join(f"{s}:{small[s]:.3f}->{large[s]:.3f}(x{r:.1f})" for r, s in worst),
              flush=True)


if __name__ == "__main__":
    main()
