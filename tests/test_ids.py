"""Content-derived ids (``newsgraph.models.ids``): deterministic, well-formed, collision-free keys."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.models.ids import ID_HEX_DIGITS, PREFIXES, content_id, id_pattern, normalise_key
from newsgraph.package.schema_export import json_schema
from newsgraph.package.tables import TABLES
from tests.conftest import examples
from tests.strategies import split_nullable_schema, text_strategy

SETTINGS = settings(max_examples=examples(100), deadline=None)

KINDS = st.sampled_from(sorted(PREFIXES))
# The unit separator joins the parts; keys never contain it (normalise_key turns it into a space).
PART = st.one_of(text_strategy().filter(lambda s: "\x1f" not in s), st.integers())
PARTS = st.lists(PART, min_size=1, max_size=5)


@SETTINGS
@given(kind=KINDS, parts=PARTS)
def test_content_id_is_its_definition(kind: str, parts: list[object]) -> None:
    """The id is the kind's prefix and the first 16 hex digits of SHA-256 of the parts joined
    by the unit separator: computed here independently, so any other derivation fails."""
    payload = "\x1f".join(str(p) for p in parts).encode("utf-8")
    expected = f"{PREFIXES[kind]}_{hashlib.sha256(payload).hexdigest()[:16]}"
    assert content_id(kind, *parts) == expected
    assert content_id(kind, *[str(p) for p in parts]) == expected


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


# Characters that NFKC or case folding changes (Basic Multilingual Plane), and combining marks:
# where normalise_key can stop being idempotent (casefold after NFKC leaves 'ss' + U+0301
# decomposed; NFKC after casefold turns modifier letter 'ᴬ' into an uppercase 'A').
_CHANGING = [chr(c) for c in range(0x20, 0x10000)
             if not 0xD800 <= c <= 0xDFFF
             and (unicodedata.normalize("NFKC", chr(c)) != chr(c) or chr(c).casefold() != chr(c))]
_MARKS = [chr(c) for c in range(0x300, 0x370)]
_FOLDING = st.text(alphabet=st.one_of(st.sampled_from(_CHANGING), st.sampled_from(_MARKS),
                                      st.sampled_from(["a", "S", " ", ".", "“"])), max_size=8)


@settings(max_examples=examples(300), deadline=None)
@given(text=st.one_of(st.text(), text_strategy(), _FOLDING))
@example(text="ᴬ")
@example(text="ß\u0301")
@example(text="ϒ")
@example(text="İ\u0316")
def test_normalise_key_is_idempotent(text: str) -> None:
    once = normalise_key(text)
    assert normalise_key(once) == once


def test_normalise_key_examples() -> None:
    assert normalise_key("  “S-400”  missiles. ") == 's-400" missiles'
    assert normalise_key("Erdoğan’s  \r\n DEAL!") == "erdoğan's deal"
    assert normalise_key("«Triumf»") == "triumf"
    assert normalise_key("ﬁne") == "fine"
    assert normalise_key("a\x1fb") == "a b"
    assert normalise_key("STRASSE") == normalise_key("Straße")
