"""The faster word and line tests of ``names`` answer what their first definitions answered."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.rules import names
from tests.conftest import examples

#: headline and sentence words, honorifics, digits, punctuation, cased symbols that are not
#: letters (Ⅷ, Ⓐ: upper case but not alphabetic), every kind of whitespace
PIECES = ["Russian-Made", "S-400", "Systems", "for", "the", "Dr.", "Ms", "Okafor", "said", "12",
          "\"Quote", "“We", "(AP)", "Ⅷ", "Ⓐ", "é", "Élan", "ß", "日本", "_x", " ", "  ", "\t",
          "\n", "\u00a0", "\u2003", "\x1c", ",", "."]
LINE = st.one_of(st.lists(st.sampled_from(PIECES), max_size=16).map("".join), st.text())


@settings(max_examples=examples(2000), deadline=None)
@given(line=LINE, min_words=st.integers(0, 7))
@example(line="Harbour Town Votes To Condemn Alan Smith's Pier Plan.", min_words=6)
@example(line="Ⅷ Ⓐ Ⓑ x", min_words=2)
def test_title_case_equals_its_first_definition(line: str, min_words: int) -> None:
    assert names.is_title_case(line, min_words) == names.is_title_case_reference(line, min_words)

