"""Content-derived ids (``newsgraph.ids``): deterministic, well-formed, collision-free keys."""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ids import ID_HEX_DIGITS, PREFIXES, content_id, id_pattern, normalise_key
from newsgraph.schema_export import json_schema
from newsgraph.tables import TABLES
from tests.strategies import split_nullable_schema, text_strategy

SETTINGS = settings(max_examples=100, deadline=None)

KINDS = st.sampled_from(sorted(PREFIXES))
# The unit separator joins the parts; keys never contain it (normalise_key turns it into a space).
PART = st.one_of(text_strategy().filter(lambda s: "\x1f" not in s), st.integers())
PARTS = st.lists(PART, min_size=1, max_size=5)


@SETTINGS
@given(kind=KINDS, parts=PARTS)
def test_content_id_is_deterministic(kind: str, parts: list[object]) -> None:
    assert content_id(kind, *parts) == content_id(kind, *parts)
    assert content_id(kind, *parts) == content_id(kind, *[str(p) for p in parts])


@SETTINGS
@given(kind=KINDS, parts=PARTS)
def test_content_id_matches_its_pattern(kind: str, parts: list[object]) -> None:
    value = content_id(kind, *parts)
    assert re.fullmatch(id_pattern(kind), value)
    assert re.search(id_pattern(kind), value)
    assert len(value) == len(PREFIXES[kind]) + 1 + ID_HEX_DIGITS
    for other in PREFIXES:
        if other != kind:
            assert not re.search(id_pattern(other), value)


def test_content_id_is_a_prefix_of_sha256() -> None:
    """Pinned value, so a change of the derivation (which renames every id) is noticed."""
    digest = hashlib.sha256("Recep Tayyip Erdoğan\x1fperson".encode()).hexdigest()
    assert content_id("actor", "Recep Tayyip Erdoğan", "person") == f"act_{digest[:16]}"
    assert content_id("article", "x") == "art_2d711642b726b044"


@SETTINGS
@given(kind=KINDS, a=PARTS, b=PARTS)
def test_content_id_differs_when_parts_differ(kind: str, a: list[object],
                                              b: list[object]) -> None:
    if [str(p) for p in a] != [str(p) for p in b]:
        assert content_id(kind, *a) != content_id(kind, *b)
    else:
        assert content_id(kind, *a) == content_id(kind, *b)


@SETTINGS
@given(a=KINDS, b=KINDS, parts=PARTS)
def test_content_id_differs_between_kinds(a: str, b: str, parts: list[object]) -> None:
    if a != b:
        assert content_id(a, *parts) != content_id(b, *parts)


def test_part_boundaries_matter() -> None:
    assert content_id("quote", "a b", "c") != content_id("quote", "a", "b c")
    assert content_id("quote", "ab", "c") != content_id("quote", "a", "bc")
    assert content_id("quote", "a", "") != content_id("quote", "a")


def test_none_part_is_empty_string() -> None:
    """Documented behaviour: ``None`` hashes like ``""`` (an absent speaker, for example)."""
    assert content_id("quote", "x", None) == content_id("quote", "x", "")


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(KeyError):
        content_id("no_such_kind", "x")
    with pytest.raises(KeyError):
        id_pattern("no_such_kind")


def test_prefixes_are_unambiguous() -> None:
    prefixes = list(PREFIXES.values())
    assert len(set(prefixes)) == len(prefixes)
    assert all(re.fullmatch(r"[a-z]+", p) for p in prefixes)


def test_every_id_column_uses_an_id_pattern() -> None:
    """Every ``*_id`` column (Wikidata aside) is constrained by one of ``id_pattern``'s."""
    patterns = {id_pattern(kind) for kind in PREFIXES}
    for spec in TABLES:
        for name, prop in json_schema(spec)["properties"].items():
            if not name.endswith("_id") or name == "wikidata_id":
                continue
            _nullable, core = split_nullable_schema(prop)
            if core.get("type") == "array":
                core = core["items"]
            assert core.get("pattern") in patterns, (spec.name, name, core)


@SETTINGS
@given(text=st.one_of(st.text(), text_strategy()))
def test_normalise_key_is_idempotent(text: str) -> None:
    once = normalise_key(text)
    assert normalise_key(once) == once


# Characters whose case folding expands (ß -> ss, İ -> i + dot, ǰ, ΐ) next to combining marks:
# casefold() after NFKC can leave a string that is no longer in NFKC form.
_FOLDING = st.text(alphabet=st.sampled_from(
    ["ß", "ẞ", "İ", "ǰ", "ΐ", "ﬁ", "Σ", "ς", "\u0301", "\u0307", "\u0316", "\u0345", "a", "S",
     " ", ".", "“", "\u00a0"]), max_size=8)


@pytest.mark.xfail(strict=True, reason=(
    "bug in newsgraph.ids.normalise_key: casefold() runs after NFKC, so 'ß' + U+0301 gives "
    "'ss' + U+0301 (not NFKC) and a second call gives 's' + U+015B; apply NFKC after casefold"))
@settings(max_examples=200, deadline=None)
@given(text=_FOLDING)
def test_normalise_key_is_idempotent_around_case_folding(text: str) -> None:
    once = normalise_key(text)
    assert normalise_key(once) == once


def test_normalise_key_examples() -> None:
    assert normalise_key("  “S-400”  missiles. ") == 's-400" missiles'
    assert normalise_key("Erdoğan’s  \r\n DEAL!") == "erdoğan's deal"
    assert normalise_key("«Triumf»") == "triumf"
    assert normalise_key("ﬁne") == "fine"
    assert normalise_key("a\x1fb") == "a b"
    assert normalise_key("STRASSE") == normalise_key("Straße")
