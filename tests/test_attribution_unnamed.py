"""The unnamed-speaker test of a clause finds what its two patterns find, tried or not."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.rules.unnamed_speakers import UNNAMED, UNNAMED_START, unnamed_phrase
from tests.conftest import examples

#: Heads in several cases, words around them, the characters ``re.I`` folds apart from their
#: lower case ("ſ" reads as "s"), the Kelvin sign (a "k"), glue.
PIECES = ["a", "A", "the", "The", "two", "its", "Acme's", "Acme’s", "spokesman", "Spokesman",
          "SPOKESWOMAN", "officials", "Official", "chief executive", "Chief Executives",
          "chief", "executive", "people", "sources", "ſources", "witneſs", "Police", "man",
          "manager", "managers", "workers", "neighbours", "neighbors", "advisor", "advisers",
          "\u212aids", "ı", "İ", "senior", "local", "said", "é", "x", "-", "'", ".", ",", " ",
          "  ", "\n", "2"]
CLAUSE = st.lists(st.sampled_from(PIECES), max_size=16)


def _reference(clause: str) -> tuple[int, int, str] | None:
    m = UNNAMED.search(clause) or UNNAMED_START.match(clause)
    return None if m is None else (m.start("head"), m.end(), m.group())


@settings(max_examples=examples(3000), deadline=None)
@given(clause=st.one_of(CLAUSE.map(" ".join), CLAUSE.map("".join)))
@example(clause="a spokesman said")
@example(clause="the Chief Executive said")
@example(clause="Two ſources said")
@example(clause="  officials said")
def test_equals_the_patterns(clause: str) -> None:
    m = unnamed_phrase(clause)
    assert (None if m is None else (m.start("head"), m.end(), m.group())) == _reference(clause)
