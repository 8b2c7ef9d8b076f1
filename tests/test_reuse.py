"""The fast shingles and text key give exactly what their first definitions gave."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.builder.reuse import _shingles, _shingles_reference
from newsgraph.models.ids import normalise_key, normalise_key_reference
from tests.conftest import examples

#: words, names with honorifics and dots, curly and straight quotation marks, every kind of
#: whitespace (tabs, no-break and em spaces, the separators \x1c-\x1f), non-ASCII letters that
#: encode to 2-4 bytes or change under NFKC and case folding
PIECES = ["the", "Okafor", "Ms.", "U.S.", "u.s.", "a.", "Dr", "said", "“", "”", "‘", "’", "„",
          "«", "»", "‚", '"', "'", ",", ".", ";", "!", "?", " ", "  ", "\t", "\n", "\r\n",
          "\u00a0", "\u2003", "\u3000", "\x1c", "\x1f", "Straße", "ß", "ﬁ", "Ａ", "ᴬ", "é",
          "e\u0301", "İ", "Σ", "日本", "😀", "x", "12"]
TEXT = st.one_of(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.text())


@settings(max_examples=examples(1500), deadline=None)
@given(TEXT)
@example("  “Ms. Okafor,” said the U.S. envoy.  ")
@example("\x1f. a\u2003b ")
def test_key_equals_its_first_definition(text: str) -> None:
    assert normalise_key(text) == normalise_key_reference(text)


@settings(max_examples=examples(1500), deadline=None)
@given(TEXT)
@example("The U.S. envoy Ms. Okafor said the talks in Straße 12 were over.")
@example("one two three")
@example("ein zwei drei vier")
def test_shingles_equal_their_first_definition(sentence: str) -> None:
    assert _shingles(sentence) == _shingles_reference(sentence)
