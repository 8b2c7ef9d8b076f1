"""Quotation marks: which mark closes which, and the straight mark each one stands for.

The one home of the quotation-mark vocabulary. The pairs (``QUOTE_PAIRS`` and the sets made
from it) are read by the quote rules (``rules.marks``, ``rules.pairs``, ``rules.segment``), the
brat gold reader and the build's quote check; the normalisation table (``STRAIGHT_MARKS``) by
content ids and matching keys (``models.ids.normalise_key``, which the evaluation's quote
matching uses too). It sits in models, the lowest layer that needs it, so the rules and the
consumers above import it from here.
"""

from __future__ import annotations

import re

#: Opening mark -> closing mark. Two apostrophes (or two backticks) stand for a double
#: quotation mark in many newspaper archives ("''We won't,'' she said."); « » (French,
#: Spanish, Russian...), „ “ and ‚ ‘ (German), 「 」 and 『 』 (Chinese, Japanese). The English
#: sieves open quotes with ``OPENING_MARK`` only; ``rules.marks`` reads every pair.
QUOTE_PAIRS: dict[str, str] = {
    "“": "”", '"': '"', "''": "''", "``": "''", "«": "»", "„": "“", "‘": "’",
    "‚": "‘", "「": "」", "『": "』",
}
#: Opening marks of single quotation marks (they nest inside double ones).
SINGLE_OPENING = frozenset({"‘", "‚"})
#: Marks that open a quotation, longest first (so "''" wins over a lone apostrophe).
OPENING = sorted(QUOTE_PAIRS, key=len, reverse=True)
#: The single characters of double quotation marks, for character classes: ``[^{DOUBLE}]``.
DOUBLE = "\"“”«»„"
#: A double opening mark (a mark of one character, or two apostrophes or backticks).
OPENING_MARK = re.compile(r"''|``|[\"“‘«„]")

#: The one-character marks of English quotations, straight and curly: those that open one
#: and those that close one (the apostrophe closes a single quotation but opens none: "the
#: '90s"). The English rules look for them around a sentence end (``rules.sentences``) and
#: strip them from the edges of a name (``rules.capital_runs``).
ENGLISH_OPENERS = "\"“‘"
ENGLISH_CLOSERS = "\"”’'"

#: Typographic mark -> the straight mark it stands for: curly, low-9 and angle double marks
#: -> ``"``, curly and low-9 single marks -> ``'``.
STRAIGHT_MARKS: dict[str, str] = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                                  "‘": "'", "’": "'", "‚": "'"}
#: The low-9 marks („ ‚) that open German quotations.
LOW_MARKS = frozenset({"„", "‚"})
