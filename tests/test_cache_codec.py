"""The build cache's codec: a draft read back from JSON equals the draft extracted.

Real drafts of every kind of source (text, Markdown, HTML pages with their main-content
spans and markup metadata, records of a collection with stated metadata) go through
``encode`` -> JSON text -> ``decode``; hypothesis covers the value shapes field by field;
a table of malformed values is refused with ``CodecError``, never turned into a draft.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.builder.cache.codec import CodecError, decode, decode_as, encode
from newsgraph.builder.collection import ColumnMapping, read_collection
from newsgraph.builder.extract import extract_article, extract_source
from newsgraph.builder.records import RecordItem
from newsgraph.rules.actors import builtin_gazetteer
from newsgraph.rules.drafts import ActorDraft, ArticleDraft, Span
from newsgraph.rules.times import TimeExpr
from tests.conftest import RECIPE, REPO

FIXTURES = REPO / "tests" / "fixtures"
SOURCES = [*sorted((RECIPE / "sources").glob("*.txt")),
           *sorted((FIXTURES / "articles").iterdir()), *sorted((FIXTURES / "web").iterdir())]


def round_trip(draft: ArticleDraft) -> ArticleDraft:
    text = json.dumps(encode(draft), ensure_ascii=False)
    return decode_as(ArticleDraft, json.loads(text))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_a_draft_of_every_kind_of_source_round_trips(path: Path) -> None:
    draft = extract_article(path, None, builtin_gazetteer(), 20_000_000)
    back = round_trip(draft)
    assert back == draft
    assert back.source.page == draft.source.page  # HTML: main spans and markup metadata


def test_a_record_draft_with_stated_metadata_round_trips(tmp_path: Path) -> None:
    collection = tmp_path / "news.jsonl"
    text = (RECIPE / "sources" / "001_744b32cb9cf5273c.txt").read_text(encoding="utf-8")
    collection.write_text(json.dumps({"text": text, "title": "A title", "date": "2019-11-26",
                                      "url": "https://example.org/a", "author": "A; B"}) + "\n",
                          encoding="utf-8")
    (item,) = [i for i in read_collection(collection, ColumnMapping(), 20_000_000)
               if isinstance(i, RecordItem)]
    draft = extract_source(item.source(20_000_000), builtin_gazetteer(), None, item.meta.apply)
    assert draft.meta.published == dt.date(2019, 11, 26)
    assert round_trip(draft) == draft
    assert decode(type(item.meta), encode(item.meta)) == item.meta


texts = st.text(max_size=20)


@given(st.builds(Span, st.integers(0, 10**6), st.integers(0, 10**6), texts))
def test_spans_round_trip(span: Span) -> None:
    assert decode(Span, json.loads(json.dumps(encode(span)))) == span


@given(st.builds(TimeExpr, st.integers(0, 999), st.integers(0, 999), texts,
                 st.none() | st.dates(), st.none() | st.dates(),
                 st.sampled_from(["day", "month", "year", "unknown"]),
                 st.sampled_from(["stated", "relative", "unknown"])))
def test_time_expressions_round_trip(expr: TimeExpr) -> None:
    assert decode(TimeExpr, json.loads(json.dumps(encode(expr)))) == expr


@given(st.builds(ActorDraft, texts, st.sampled_from(["person", "country", "organization"]),
                 st.sets(texts, max_size=4), st.none() | texts, method=texts))
def test_actors_round_trip_with_their_sets(actor: ActorDraft) -> None:
    assert decode(ActorDraft, json.loads(json.dumps(encode(actor)))) == actor


#: The TIMEX3 fields of a time expression, well formed, after its first seven.
_TIMEX = ["DATE", "XXXX-XX-XX", "none", "unresolved", None]


@pytest.mark.parametrize(("hint", "data"), [
    (Span, [1, 2]),                      # a field missing
    (Span, [1, 2, "x", "y"]),            # a field too many
    (Span, {"start": 1, "end": 2, "text": "x"}),  # an object, not the positional list
    (Span, ["1", 2, "x"]),               # a string for an int
    (Span, [True, 2, "x"]),              # a bool for an int
    (TimeExpr, [0, 1, "x", "2019-13-01", None, "day", "stated", *_TIMEX]),  # not a date
    (TimeExpr, [0, 1, "x", None, None, "fortnight", "stated", *_TIMEX]),  # not a precision
    (ActorDraft, ["A", "person", "not a list", None, None, None, None, "rule"]),
    (dict[str, int], [1]),
    (list[int], {"a": 1}),
    # the checks the generated decoders make inline (builder/cache/codec.py, ``_generate``)
    (Span, [1, 2, None]),                # null for a str that is not optional
    (Span, [1.0, 2, "x"]),               # a float for an int
    (TimeExpr, [0, 1, "x", None, None, "day", True, *_TIMEX]),  # a bool for a Literal
    (ActorDraft, ["A", "person", ["x", 1], None, None, None, None, "rule"]),  # int in set[str]
    (ActorDraft, ["A", "person", [], None, None, None, None, 7]),  # an int for the method str
    (list[int], [1, True]),              # a bool in a list of ints
    (list[str], ["a", None]),            # null in a list of str
    (list[Span], [[1, 2, "x"], "y"]),    # a string for a nested record
])
def test_malformed_values_are_refused(hint: object, data: object) -> None:
    with pytest.raises(CodecError):
        decode(hint, data)


def test_an_unknown_shape_is_refused_when_encoded() -> None:
    with pytest.raises(CodecError):
        encode(object())
    with pytest.raises(CodecError):
        encode({1: "not a str key"})


def _leaves(data: object, path: tuple[int | str, ...] = ()) -> list[tuple[int | str, ...]]:
    """The paths of every scalar value in a JSON value."""
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _leaves(v, (*path, i))]
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _leaves(v, (*path, k))]
    return [path]


_ENCODED = json.loads(json.dumps(encode(extract_article(
    SOURCES[0], None, builtin_gazetteer(), 20_000_000)), ensure_ascii=False))
_LEAVES = _leaves(_ENCODED)
_KIND = {bool: 0, int: 1, float: 1, str: 2, type(None): 3, list: 4, dict: 5}


@given(st.sampled_from(_LEAVES), st.sampled_from([None, True, 7, 2.5, "x", [], {}]))
def test_a_value_of_another_type_anywhere_is_refused_or_kept_exactly(
        path: tuple[int | str, ...], replacement: object) -> None:
    """Any leaf of a real draft's JSON replaced by a value of another JSON type: a value
    (not null) in place of one of another type is refused (drafts have no ``Any`` field);
    null, or anything in place of a null (an optional field of another type), is refused
    or kept exactly: the draft encodes back to that JSON. The generated decoders never
    coerce a value into a field of another type (a bool for an int, a number for a str)."""
    data = json.loads(json.dumps(_ENCODED))
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    original = parent[path[-1]]
    if _KIND[type(original)] == _KIND[type(replacement)]:
        return
    parent[path[-1]] = replacement
    if original is not None and replacement is not None:
        with pytest.raises(CodecError):
            decode_as(ArticleDraft, data)
        return
    try:
        draft = decode_as(ArticleDraft, data)
    except CodecError:
        return
    assert json.dumps(encode(draft)) == json.dumps(data)
