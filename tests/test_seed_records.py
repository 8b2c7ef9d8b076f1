"""The bundled dataset against hand-made gold for the five seeds (tests/gold/seeds/).

Quotes: every gold quote is in quote_mentions with the gold speaker, type and intermediary,
and nothing else is. Actors: every gold actor exists under its canonical name and kind; names
that appear only in boilerplate (captions, ads, footers) are not actors.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATASET, GOLD

GOLD_FILES = sorted(GOLD.glob("*.json"))


def _table(name: str) -> list[dict]:  # type: ignore[type-arg]
    with (DATASET / "json" / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


ARTICLES = {a["article_id"]: a["source_file"] for a in _table("articles")}
ACTORS = {a["actor_id"]: a for a in _table("actors")}
QUOTES = {q["quote_id"]: q for q in _table("quotes")}


def _name(actor_id: str | None) -> str | None:
    return None if actor_id is None else ACTORS[actor_id]["name"]


def _mentions_of(article: str) -> dict[str, tuple[str | None, str, str | None]]:
    return {
        m["text"]: (_name(QUOTES[m["quote_id"]]["speaker_id"]), m["quote_type"],
                    _name(m["intermediary_id"]))
        for m in _table("quote_mentions") if ARTICLES[m["article_id"]] == article
    }


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem[:3])
def test_quotes_match_gold(gold_file: Path) -> None:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    got = _mentions_of(gold["article"])
    expected = {q["text"]: (q["speaker"], q["type"], q["intermediary"]) for q in gold["quotes"]}
    assert got == expected


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem[:3])
def test_gold_actors_present(gold_file: Path) -> None:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    mentioned = {ACTORS[m["actor_id"]]["name"]: ACTORS[m["actor_id"]]["kind"]
                 for m in _table("actor_mentions") if ARTICLES[m["article_id"]] == gold["article"]}
    for actor in gold["actors"]:
        assert mentioned.get(actor["name"]) == actor["kind"], actor["name"]


def test_boilerplate_only_names_are_not_actors() -> None:
    names = {a["name"] for a in ACTORS.values()}
    for outsider in ("Angela Merkel", "Matthew Yglesias", "The Kootneeti", "Germany"):
        assert outsider not in names


def test_mikheev_quote_is_one_record_in_two_articles() -> None:
    mentions = [m for m in _table("quote_mentions") if m["text"].startswith("We hope that")]
    assert len({m["article_id"] for m in mentions}) == 2
    assert len({m["quote_id"] for m in mentions}) == 1


def test_wikidata_ids_only_where_verified() -> None:
    for actor in ACTORS.values():
        if actor["wikidata_id"] is not None:
            assert actor["wikidata_verification"] is not None
            assert actor["wikidata_evidence"]
    pompeo = next(a for a in ACTORS.values() if a["name"] == "Mike Pompeo")
    assert pompeo["wikidata_verification"] == "single_automatic_source"
