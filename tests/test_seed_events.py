"""Events of the bundled dataset: the dated happenings a careful reader finds, and the
rule that a relative date is resolved only against a stated publication date."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import DATASET


def _table(name: str) -> list[dict]:  # type: ignore[type-arg]
    with (DATASET / "json" / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


EVENTS = _table("events")
ARTICLES = {a["article_id"]: a for a in _table("articles")}
MENTIONS = _table("event_mentions")
ACTORS = {a["actor_id"]: a["name"] for a in _table("actors")}
PARTICIPANTS = [(p["event_id"], ACTORS[p["actor_id"]]) for p in _table("event_participants")]


def _find(event_type: str, start: str | None, end: str | None,
          who: str | None) -> dict:  # type: ignore[type-arg]
    found = [e for e in EVENTS if e["event_type"] == event_type and e["date_start"] == start
             and e["date_end"] == end
             and (who is None or (e["event_id"], who) in PARTICIPANTS)]
    assert len(found) == 1, (event_type, start, end, [e["label"] for e in found])
    return found[0]


@pytest.mark.parametrize(
    ("event_type", "who", "start", "end", "precision", "status", "min_articles"),
    [
        ("statement", "Alexander Mikheev", "2019-11-26", "2019-11-26", "day", "occurred", 4),
        ("statement", "Mike Pompeo", "2019-11-26", "2019-11-26", "day", "occurred", 2),
        ("statement", "Recep Tayyip Erdogan", "2019-11-26", "2019-11-26", "day", "occurred", 1),
        ("statement", "Mevlut Cavusoglu", "2019-11-27", "2019-11-27", "day", "occurred", 1),
        ("contract_signing", None, "2017-12-01", "2017-12-31", "month", "occurred", 2),
        ("contract_signing", None, "2020-01-01", "2020-06-30", "half", "expected", 4),
        ("arms_delivery", None, "2019-07-01", "2019-07-31", "month", "occurred", 4),
        ("meeting", None, "2019-12-03", "2019-12-04", "day", "occurred", 2),  # NATO summit
        ("coup_attempt", None, "2016-07-01", "2016-07-31", "month", "occurred", 2),
    ],
)
def test_dated_happenings(event_type: str, who: str | None, start: str, end: str,
                          precision: str, status: str, min_articles: int) -> None:
    event = _find(event_type, start, end, who)
    assert event["date_precision"] == precision
    assert event["status"] == status
    articles = {m["article_id"] for m in MENTIONS if m["event_id"] == event["event_id"]}
    assert len(articles) >= min_articles


def test_relative_dates_rest_on_a_stated_publication_date() -> None:
    for event in EVENTS:
        if event["date_basis"] == "relative":
            article = ARTICLES[event["date_article_id"]]
            assert article["published"] is not None, event["label"]


def test_dates_are_ordered_and_precision_is_consistent() -> None:
    for event in EVENTS:
        start, end = event["date_start"], event["date_end"]
        if start and end:
            assert dt.date.fromisoformat(start) <= dt.date.fromisoformat(end)
        if start is None and end is None:
            assert event["date_precision"] == "unknown"
        else:
            assert event["date_precision"] != "unknown"
            assert event["date_text"]


def test_every_event_has_a_mention() -> None:
    assert {e["event_id"] for e in EVENTS} == {m["event_id"] for m in MENTIONS}


def test_claims_point_at_the_events_they_are_about() -> None:
    claims = _table("claims")
    events = {e["event_id"]: e for e in EVENTS}
    linked = [(c, events[eid]) for c in claims for eid in c["event_ids"]]
    assert all(eid in events for c in claims for eid in c["event_ids"])
    assert any(c["text"].startswith("We hope that in the first half of 2020")
               and e["event_type"] == "contract_signing" for c, e in linked)


def test_plover_mode_follows_the_event_type() -> None:
    from newsgraph.rules.event_lexicon import TYPE_MODES
    assert all(e["plover_mode"] == TYPE_MODES.get(e["event_type"]) for e in EVENTS)
