"""The key-word test of the organisation context rules answers what its regex answered."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.rules.org_context import CONTEXT_RULES, holds_any
from tests.conftest import examples

KEYS = [keys for _, _, _, keys in CONTEXT_RULES]
#: pieces of the key words and their neighbours: prefixes, spaces, case, non-ASCII
PIECES = ["compan", "company", "firm", "maker", "spokes", "spokeswoman", " at ", " with ", "at",
          "with", " by ", "by", "told", "tol", "think tank", "think", " tank", "start", "news",
          "agency", "site", "paper", "Ms. Okafor", "é", " ", "\u00a0", ",", ".", "x", "Told"]
TEXT = st.one_of(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), st.text())


@settings(max_examples=examples(1500), deadline=None)
@given(text=TEXT, which=st.integers(0, len(KEYS) - 1))
@example(text="the think tank said", which=0)
@example(text="spoke with", which=2)
def test_keys_answer_as_their_regex(text: str, which: int) -> None:
    keys = KEYS[which]
    regex = re.compile("|".join(re.escape(w) for w in keys))
    assert holds_any(text, keys) == bool(regex.search(text))
