"""The hand-made fixture gold (issue 5) is consistent with its articles.

Every gold quote, `not_quotes` entry, speaker text and alias is an exact substring of the article
text as newsgraph reads it (for HTML: the extracted text). Every opening double quotation mark in
an article starts a listed quote or not-quote. Speakers and intermediaries are gold actors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.rules.sources import read_source

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
GOLD = Path(__file__).parent / "gold" / "fixtures"
GOLD_FILES = sorted(GOLD.glob("*.json"))


def _load(path: Path) -> tuple[dict[str, Any], str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, read_source(FIXTURES / gold["article"]).text


def test_every_fixture_article_has_gold() -> None:
    articles = {p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html")}
    articles.discard("README.md")
    assert articles == {json.loads(p.read_text(encoding="utf-8"))["article"] for p in GOLD_FILES}
    assert len(articles) >= 10


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_strings_are_exact_substrings(path: Path) -> None:
    gold, text = _load(path)
    names = {a["name"] for a in gold["actors"]}
    for quote in gold["quotes"]:
        assert quote["text"] in text, quote["text"]
        for key in ("speaker_text", "cue"):
            assert quote.get(key) is None or quote[key] in text, quote[key]
        for key in ("speaker", "intermediary"):
            assert quote.get(key) is None or quote[key] in names, quote[key]
    for item in gold.get("not_quotes", []):
        assert item["text"] in text, item["text"]
    for actor in gold["actors"]:
        assert actor["kind"] in {"person", "organization", "country", "group", "media"}
        for alias in actor["aliases"]:
            assert alias in text, alias


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_quoted_segment_is_annotated(path: Path) -> None:
    gold, text = _load(path)
    listed = [q["text"] for q in gold["quotes"]] + [q["text"] for q in gold.get("not_quotes", [])]
    for line in text.splitlines():
        inside = False
        for i, char in enumerate(line):
            opening = char == "“" or (char == '"' and not inside)
            if char == '"':
                inside = not inside
            if opening:
                assert any(line[i + 1:].startswith(t) for t in listed), line[i:i + 60]
