"""Languages (issue 12, item 6): detected per article; non-English articles get their
quotation-mark quotes with null speakers and their dateline agency, nothing of the English
rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.rules.drafts import ArticleMeta
from newsgraph.rules.language import detect
from newsgraph.rules.marks import MARKS_ONLY_RULE, marked_spans
from newsgraph.rules.metadata import RULE, apply_language
from newsgraph.rules.segment import segment
from tests.conftest import REPO, build_into

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

LANGUAGES = REPO / "tests" / "fixtures" / "languages"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_into(tmp_path_factory, LANGUAGES, "languages")


def _rows(pkg: Path, table: str) -> list[dict[str, object]]:
    with (pkg / "json" / f"{table}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_each_fixture_gets_its_language_detected(built: Path) -> None:
    found = {r["source_file"]: (r["language"], r["language_basis"]) for r in
             _rows(built, "articles")}
    assert found == {"fr_greve_transports.txt": ("fr", "detected"),
                     "de_haushalt_streit.txt": ("de", "detected"),
                     "es_incendios_forestales.txt": ("es", "detected")}


def test_quotes_are_recorded_by_their_marks_with_null_speakers(built: Path) -> None:
    articles = {r["article_id"]: r["source_file"] for r in _rows(built, "articles")}
    mentions = _rows(built, "quote_mentions")
    per_file: dict[object, list[str]] = {}
    for m in mentions:
        assert m["method"] == MARKS_ONLY_RULE and m["speaker_text"] is None and m["cue"] is None
        per_file.setdefault(articles[m["article_id"]], []).append(str(m["text"]))
    assert all(q["speaker_id"] is None for q in _rows(built, "quotes"))
    assert per_file["fr_greve_transports.txt"][0].startswith("Nous ne céderons pas")
    assert per_file["de_haushalt_streit.txt"] == [
        "Wir werden die Schuldenbremse nicht aufweichen, das haben wir den Wählern versprochen",
        "Es gibt noch Spielraum, und wir werden ihn nutzen",
        "nur den Mut zu klaren Prioritäten"]
    assert len(per_file["es_incendios_forestales.txt"]) == 2
    assert len(per_file["fr_greve_transports.txt"]) == 3


def test_the_dateline_agency_is_credited_and_no_english_rule_runs(built: Path) -> None:
    rows = _rows(built, "articles")
    assert {r["source_file"]: r["authors"] for r in rows} == {
        "fr_greve_transports.txt": ["Claire Dubois"], "de_haushalt_streit.txt": ["Thomas Becker"],
        "es_incendios_forestales.txt": ["Lucía Martínez"]}  # "Par", "Von", "Por" bylines
    agencies = {r["source_file"]: r["agencies"] for r in rows}
    assert agencies == {"fr_greve_transports.txt": ["Agence France-Presse"],
                        "de_haushalt_streit.txt": ["Deutsche Presse-Agentur"],
                        "es_incendios_forestales.txt": ["Agencia EFE"]}
    # "Berlin (dpa)": no actor Germany by metonymy, no claims or events from English rules
    assert [a["name"] for a in _rows(built, "actors")] == []
    assert _rows(built, "claims") == [] and _rows(built, "events") == []


@pytest.mark.parametrize(("text", "inside"), [
    ("Il a dit : « Nous ne céderons pas », puis il est parti.", ["Nous ne céderons pas"]),
    ("Er sagte: „Wir bleiben hart“ und ging.", ["Wir bleiben hart"]),
    ("Sie nannte es ‚nur den Anfang‘ der Reform.", ["nur den Anfang"]),
    ("彼は「明日は晴れるでしょう」と言った。", ["明日は晴れるでしょう"]),
    ("L’homme a dit “c’est fini” hier.", ["c’est fini"]),
    ("Un « guillemet jamais fermé", []),
])
def test_marked_spans_read_every_pair_of_the_lexicon(text: str, inside: list[str]) -> None:
    assert [text[a:b] for a, b in marked_spans(text, 0, len(text))] == inside


def test_a_short_or_unsure_text_keeps_the_stated_language() -> None:
    assert detect("Berlin (dpa) - Hallo") is None
    meta = ArticleMeta(method=RULE, language="de", language_basis="recipe")
    assert (apply_language(meta, segment("Kurz.\n")).language, meta.language_basis) == \
        ("de", "recipe")
    meta = ArticleMeta(method=RULE)
    assert (apply_language(meta, segment("Short.\n")).language, meta.language_basis) == \
        ("en", "none")


def test_english_is_detected_on_the_fixtures() -> None:
    for path in sorted((REPO / "tests" / "fixtures" / "articles").glob("*.txt")):
        found = detect(path.read_text(encoding="utf-8"))
        assert found is not None and found[0] == "en", path.name
