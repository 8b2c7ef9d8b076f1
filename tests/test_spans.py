"""Every span in the bundled dataset slices its article text exactly (DESIGN.md invariant)."""

from __future__ import annotations

import json

from newsgraph.package.tables import TABLES
from tests.conftest import DATASET


def _rows(table: str) -> list[dict]:  # type: ignore[type-arg]
    with (DATASET / "json" / f"{table}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_every_mention_slices_its_article() -> None:
    texts = {a["article_id"]: a["text"] for a in _rows("articles")}
    checked = 0
    for spec in TABLES:
        if not spec.is_span:
            continue
        for row in _rows(spec.name):
            text = texts[row["article_id"]]
            assert text[row["char_start"]:row["char_end"]] == row["text"], (spec.name, row)
            checked += 1
    assert checked > 300


def test_article_text_is_the_source_verbatim() -> None:
    import hashlib

    from tests.conftest import RECIPE

    for article in _rows("articles"):
        raw = (RECIPE / "sources" / article["source_file"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == article["sha256"]
        assert raw.decode("utf-8-sig") == article["text"]
        assert len(article["text"]) == article["n_chars"]
