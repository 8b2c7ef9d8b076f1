"""Body versus boilerplate, line by line (issue 12, item 1).

A footer-like line (a sign-up box, a share bar, a cookie notice, a comment header, a photo
credit, an "Original url:" line, a related-story list) is boilerplate on its own and never
swallows what follows: the title, byline, date and body around it survive wherever it is,
above, inside or below the body. The fixtures ``14_council_tax_web_copy.txt`` and
``15_ferry_strike_web_copy.md`` are realistic web copies (invented) with such lines in all
three places; their gold is in ``tests/gold/fixtures``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsgraph.evaluate.gold import evaluate
from newsgraph.rules.segment import segment
from tests.conftest import REPO, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

ARTICLES = REPO / "tests" / "fixtures" / "articles"
GOLD = REPO / "tests" / "gold" / "fixtures"
SET_ASIDE = {"boilerplate", "caption", "credit"}

TITLE = "Harbour board approves new ferry terminal after two-year wait"
BYLINE = "By Sam Okafor, Transport Correspondent"
DATE = "Friday 6 March 2026"
BODY = ['The harbour board voted on Thursday to approve a new ferry terminal at Eastquay, '
        'ending a two-year dispute over the site. "This is the right decision for the town," '
        'said Ruth Adeyemi, who chairs the board.',
        'Work is due to start in the autumn and to take eighteen months, the board said in a '
        'statement published after the vote on Thursday evening.',
        'Local traders welcomed the decision. "We have waited long enough for this," said '
        'Colin Marsh, who runs a cafe on the quay.']

#: One footer-like line of each kind a web copy carries.
FOOTER_LINES = [
    "Subscribe for £1 a week",
    "Share this article",
    "Sign up to our daily newsletter",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Leave a comment",
    "3 Comments",
    "Original url: https://www.example.org/news/harbour-terminal",
    "Related stories",
    "More from the Eastquay Gazette",
    "Photo: Lena Brooks/Eastquay Gazette",
    "Share this: Facebook | X | Email",
]


def _page(line: str) -> str:
    """The footer-like ``line`` above, inside and below the body."""
    parts = [line, TITLE, BYLINE, DATE, BODY[0], line, BODY[1], BODY[2], line]
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("line", FOOTER_LINES)
def test_a_footer_like_line_swallows_nothing(line: str) -> None:
    segments = segment(_page(line))
    kinds = {s.text: s.kind for s in segments}
    assert kinds[TITLE] == "title", segments
    assert kinds[BYLINE] == "byline", segments
    assert kinds[DATE] == "dateline", segments
    for paragraph in BODY:
        assert kinds[paragraph] == "body", (paragraph, segments)
    footer = [s for s in segments if s.text == line]
    assert len(footer) == 3
    assert all(s.kind in SET_ASIDE and s.reason for s in footer), footer


def test_comment_entries_after_a_comment_header_are_boilerplate() -> None:
    text = "\n\n".join([*BODY, "2 Comments", "Jo Parry: Took them long enough.", "Reply",
                        "Ken Hall: Good news for the quay at last, I think."]) + "\n"
    segments = segment(text)
    assert [s.kind for s in segments] == ["body"] * 3 + ["boilerplate"] * 4
    assert [s.reason for s in segments[3:]] == ["comments"] * 4


def test_a_comment_header_above_the_title_does_not_take_it() -> None:
    text = "\n\n".join(["Comments (12)", TITLE, BYLINE, DATE, *BODY]) + "\n"
    kinds = [s.kind for s in segment(text)]
    assert kinds == ["boilerplate", "title", "byline", "dateline", "body", "body", "body"]


# --- the fixtures, end to end ------------------------------------------------------------

#: What the two web copies must keep: title, authors, date, and every line set aside.
EXPECTED = {
    "14_council_tax_web_copy.txt": {
        "title": "Ashford council tax to rise by 4.9% as reserves run low",
        "authors": ["Priya Desai"], "published": "2026-03-10",
        "set_aside": [
            "Subscribe for £1 a week", "Share this article",
            "We use cookies to improve your experience. By continuing to browse you accept "
            "our cookie policy.",
            "Home | News | Business | Sport | Weather", "Share this article", "Related stories",
            "Ashford bin collections to move to a fortnightly schedule",
            "Town centre car park fees frozen for another year",
            "Photo: Ben Wright/Kent Echo", "Subscribe for £1 a week",
            "Get unlimited access to local news from our reporters, including Tom Sharpe, "
            "straight to your inbox.",
            "3 Comments", "Dave Collins: Another rise and the potholes are still there.",
            "Reply", "Maureen Ellis: At least the libraries stay open, which is something.",
            "Original url: https://www.kentecho.example/news/ashford-council-tax-rise"]},
    "15_ferry_strike_web_copy.md": {
        "title": "Ferry crews walk out as Solent talks collapse",
        "authors": ["Marcus Webb"], "published": "2026-06-03",
        "set_aside": [
            "[Skip to content](#main)", "**Sign up for our morning briefing**",
            "Share this story: [Facebook](https://facebook.example/share) | "
            "[X](https://x.example/share) | [Email](mailto:news@example.org)",
            "> Advertisement",
            "**Read more:** [Island hotels report a wave of cancellations](/hotels)",
            "![Passengers queue at the Cowes terminal. Photo: Jane Ortiz](queue.jpg)",
            "---", "**Comments (2)**",
            "**Gary Stone:** Every summer it is the same story with this company.",
            "**Ann Loftus:** Good luck to the crews, they deserve a fair deal.",
            "We use cookies to personalise content and ads. Accept all cookies | Manage "
            "preferences"]},
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("web") / "src"
    src.mkdir()
    for name in EXPECTED:
        (src / name).write_bytes((ARTICLES / name).read_bytes())
    out = src.parent / "pkg"
    result = run_cli("build", src, "--out", out, "--no-curated")
    assert result.returncode == 0, result.stderr
    return out


def _rows(out: Path, table: str) -> list[dict[str, object]]:
    lines = (out / "json" / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_web_copy_keeps_title_byline_date_and_body(built: Path, name: str) -> None:
    want = EXPECTED[name]
    article = next(a for a in _rows(built, "articles") if a["source_file"] == name)
    assert article["title"] == want["title"]
    assert article["authors"] == want["authors"]
    assert article["published"] == want["published"]
    dt.date.fromisoformat(str(article["published"]))
    segments = [s for s in _rows(built, "article_segments")
                if s["article_id"] == article["article_id"]]
    set_aside = [s["text"] for s in segments if s["segment_kind"] in SET_ASIDE]
    assert set_aside == want["set_aside"]  # no body paragraph among them, none missed
    assert all(s["reason"] for s in segments if s["segment_kind"] in SET_ASIDE)


def test_web_copies_keep_every_quote_with_its_speaker(built: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in EXPECTED:
        stem = name.rsplit(".", 1)[0]
        (gold / f"{stem}.json").write_bytes((GOLD / f"{stem}.json").read_bytes())
    per_article, total = evaluate(gold, built)
    assert sorted(per_article) == sorted(EXPECTED)
    metrics = total.metrics()
    assert total.quote_tp >= 6
    assert metrics["quote_f1"] == 1.0, total.errors
    assert metrics["speaker_accuracy"] == 1.0, total.errors
