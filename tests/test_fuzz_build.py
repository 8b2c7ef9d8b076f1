"""Fuzzing the builder: arbitrary text and bytes never crash it, and what it outputs is valid.

Each example runs the per-article stages and the assembly on one generated source; every
record is then a validated model, and every span must slice the text exactly. Bytes that are
not usable text must raise the package's own InputError. ``make fuzz`` runs a long profile.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.extract import extract_article
from newsgraph.pipeline.actors import builtin_gazetteer
from newsgraph.pipeline.assemble import assemble
from newsgraph.pipeline.reuse import find_reuse
from newsgraph.tables import spec

EXAMPLES = int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "60"))
GAZETTEER = builtin_gazetteer()
NEWSY = st.sampled_from([
    '"', "“", "”", "‘", "’", " said ", " told Reuters ", ", he added. ", "\n\n", "\r\n",
    "President Anna Kowalski", "Mr Kowalski", "Turkey", "on Tuesday", "in July 2019",
    "according to ", " cited Mikheev as saying ", "Ankara", "—", "U.S.", "Dec. 3-4",
    "Москва", "北京", "مرحبا", "🙂", "\u0301", "\t", "*", "#", "<p>", "&amp;",
])
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=60).map("".join),
    st.just('"' * 50), st.just("“" * 7 + "”"), st.just(""),
)


def _run(path: Path) -> None:
    draft = extract_article(path, None, GAZETTEER, 10**7)
    tables = assemble([draft], find_reuse([draft]))
    text = draft.source.text
    for name, rows in tables.items():
        model = spec(name).model
        for row in rows:
            model.model_validate(row)  # every row is a valid record
            if spec(name).is_span:
                assert text[row["char_start"]:row["char_end"]] == row["text"]


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_arbitrary_text_never_crashes(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"article{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        _run(path)
    except InputError:
        # Refused only when there is no text (blank, a BOM, HTML with nothing visible) or a
        # NUL byte makes it look binary.
        assert not text.removeprefix("\ufeff").strip() or "\x00" in text or suffix == ".html"


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_give_valid_records_or_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    try:
        _run(path)
    except InputError as error:
        assert error.file is not None


def test_very_long_article(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(('"We will win," said Anna Kowalski on Tuesday. ' * 20_000), encoding="utf-8")
    _run(path)
