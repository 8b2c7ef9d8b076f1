"""``--omit-text`` leaves the source texts out of every file (issue 13.1).

No run of ``RUN`` characters of any source that lies outside the article's mention spans and
its title (and URL, recipe metadata that a page may print) appears anywhere in the package:
not in a Parquet or JSON cell, not in a text file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from newsgraph.package.tables import TABLES
from tests.conftest import RECIPE, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

RUN = 40
#: Tables whose rows' text is a mention of the article (kept under --omit-text).
MENTION_TABLES = ("actor_mentions", "quote_mentions", "claim_mentions", "event_mentions", "time_mentions",
                  "actor_roles")


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled recipe built with and without ``--omit-text``."""
    root = tmp_path_factory.mktemp("omit")
    full, omitted = root / "full", root / "omitted"
    for out, extra in ((full, []), (omitted, ["--omit-text"])):
        result = run_cli("build", RECIPE, "--out", out, *extra)
        assert result.returncode == 0, result.stderr
    return full, omitted


def _rows(root: Path, table: str) -> list[dict[str, Any]]:
    with (root / "json" / f"{table}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _windows(text: str, keep: list[bool]) -> set[str]:
    """Every RUN-character window of ``text`` whose characters all have ``keep`` false."""
    found, run = set(), 0
    for end in range(len(text)):
        run = 0 if keep[end] else run + 1
        if run >= RUN and text[end - RUN + 1:end + 1].strip():
            found.add(text[end - RUN + 1:end + 1])
    return found


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)
    elif value is not None:
        yield str(value)


def _package_strings(root: Path) -> Iterator[tuple[str, str]]:
    """(file, string) for every Parquet cell, every JSON value and every text file."""
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.suffix == ".parquet":
            for row in pq.read_table(path).to_pylist():
                for s in _strings(row):
                    yield rel, s
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                for s in _strings(json.loads(line)):
                    yield rel, s
        elif path.suffix == ".json":
            for s in _strings(json.loads(path.read_text(encoding="utf-8"))):
                yield rel, s
        elif path.is_file() and path.suffix != ".png":
            yield rel, path.read_text(encoding="utf-8")


def _leaks(full: Path, omitted: Path) -> list[str]:
    articles = {a["article_id"]: a for a in _rows(full, "articles")}
    keep = {aid: [False] * len(a["text"]) for aid, a in articles.items()}
    for table in MENTION_TABLES:
        for row in _rows(omitted, table):
            for i in range(row["char_start"], row["char_end"]):
                keep[row["article_id"]][i] = True
    for aid, article in articles.items():
        for shown in (article["title"], article["url"]):
            text, start = article["text"], 0
            while shown and (at := text.find(shown, start)) >= 0:
                for i in range(at, at + len(shown)):
                    keep[aid][i] = True
                start = at + 1
    secret, allowed = set(), set()
    for aid, article in articles.items():
        secret |= _windows(article["text"], keep[aid])
        allowed |= _windows(article["text"], [not k for k in keep[aid]])
    secret -= allowed  # the same characters are a mention elsewhere (reused text)
    assert secret, "the check has nothing to look for"
    leaks = []
    for rel, s in _package_strings(omitted):
        for i in range(len(s) - RUN + 1):
            if s[i:i + RUN] in secret:
                leaks.append(f"{rel}: {s[i:i + RUN]!r}")
                break
    return leaks


def test_no_run_of_source_text_outside_mentions_and_title(packages: tuple[Path, Path]) -> None:
    full, omitted = packages
    assert _leaks(full, omitted) == []


def test_the_check_finds_the_texts_of_a_full_package(packages: tuple[Path, Path]) -> None:
    full, _ = packages
    assert any(rel == "json/articles.jsonl" for rel in
               (leak.split(":")[0] for leak in _leaks(full, full)))
    assert {t.name for t in TABLES} >= set(MENTION_TABLES)


def test_segments_keep_offsets_and_derived_texts_fit_their_mentions(
        packages: tuple[Path, Path]) -> None:
    full, omitted = packages
    segments = _rows(omitted, "article_segments")
    assert segments and all(s["text"] is None for s in segments)
    assert [(s["char_start"], s["char_end"], s["reason"]) for s in segments] == \
        [(s["char_start"], s["char_end"], s["reason"]) for s in _rows(full, "article_segments")]
    for record, mentions, key, field in (("events", "event_mentions", "event_id", "label"),
                                         ("claims", "claim_mentions", "claim_id", "text")):
        longest: dict[str, int] = {}
        for m in _rows(omitted, mentions):
            longest[m[key]] = max(longest.get(m[key], 0), len(m["text"]))
        for row in _rows(omitted, record):
            assert len(row[field]) <= longest[row[key]], (record, row[key])
    assert any(len(e["label"]) > longest_label for e, longest_label in (
        (e, max(len(m["text"]) for m in _rows(full, "event_mentions")
                if m["event_id"] == e["event_id"])) for e in _rows(full, "events"))), \
        "no label of the full build is longer than its mentions: the bound is never tested"


def test_the_card_says_what_was_left_out(packages: tuple[Path, Path]) -> None:
    full, omitted = packages
    card = (omitted / "README.md").read_text(encoding="utf-8")
    assert "## Texts left out" in card and "are included for research" not in card
    assert "`articles.text` and `article_segments.text` (null" in card
    assert "whose SHA-256 is `articles.sha256`" in card
    assert "are included for research" in (full / "README.md").read_text(encoding="utf-8")
    assert run_cli("validate", omitted).returncode == 0
