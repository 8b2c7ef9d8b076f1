"""Page segmentation and header metadata: titles, datelines, captions and related lists."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.rules.segment import segment
from newsgraph.rules.times import parse_publication_date
from tests.rules_helpers import extract

BODY = ("The council voted late on Monday to put protected bike lanes on a long stretch of the "
        "avenue, ending a year of argument.")


def _kinds(text: str) -> dict[str, str]:
    return {s.text: s.kind for s in segment(text)}


def test_markdown_headline_is_the_title_and_markers_are_looked_through() -> None:
    text = ("# Blood test spots cancer early, study finds\n\n*By Laura Whitfield, Science "
            "Correspondent*\n\n*Published 21 January 2026*\n\n![A lab. Photo: Owen Lacey](lab.jpg)"
            f"\n\n{BODY}\n")
    draft = extract(text)
    assert draft.meta.title == "Blood test spots cancer early, study finds"
    assert draft.meta.published == dt.date(2026, 1, 21)
    assert draft.meta.authors == ["Laura Whitfield"]
    assert _kinds(text)["![A lab. Photo: Owen Lacey](lab.jpg)"] == "caption"


def test_html_page_title_with_site_name_gives_way_to_the_headline() -> None:
    text = ("Council approves bike lanes | Riverton Ledger\n\nHome | News | Sports | Opinion\n\n"
            f"Council approves bike lanes\n\nBy Jordan Ellis\n\nApril 8, 2025\n\n{BODY}\n")
    kinds = _kinds(text)
    assert kinds["Council approves bike lanes"] == "title"
    assert kinds["Council approves bike lanes | Riverton Ledger"] == "boilerplate"
    assert kinds["Home | News | Sports | Opinion"] == "boilerplate"


def test_photo_caption_is_never_the_title() -> None:
    text = ("Harrow stun holders to reach first cup final\n\nSaturday 14 March 2026\n\n"
            "Harrow goalkeeper Ellie Grant celebrates at the final whistle. Photo: Mark Pearson/PA"
            f"\n\n{BODY}\n")
    kinds = _kinds(text)
    assert kinds["Harrow stun holders to reach first cup final"] == "title"
    assert kinds["Saturday 14 March 2026"] == "dateline"
    assert "caption" in kinds.values()


def test_related_list_is_boilerplate_up_to_the_next_paragraph() -> None:
    text = (f"A headline about the council vote\n\n{BODY}\n\nRelated:\nBrennan: 'We are nobody's "
            f"underdogs'\nArsenal's Kim Lindqvist out for three weeks\n\n{BODY} Again.\n")
    kinds = _kinds(text)
    assert kinds["Arsenal's Kim Lindqvist out for three weeks"] == "boilerplate"
    assert kinds[f"{BODY} Again."] == "body"


def test_short_quoted_paragraph_is_body_not_a_subheading() -> None:
    kinds = _kinds(f"A headline about the council vote\n\n{BODY}\n\n\"Probably. I'll survive.\"\n")
    assert kinds["\"Probably. I'll survive.\""] == "body"


@pytest.mark.parametrize(("line", "day"), [
    ("Saturday 14 March 2026", dt.date(2026, 3, 14)),
    ("Published 2 February 2026", dt.date(2026, 2, 2)),
    ("Thursday 5 February 2026 16:02 GMT", dt.date(2026, 2, 5)),
    ("November 26, 2019", dt.date(2019, 11, 26)),
    ("16:02 27.11.2019", dt.date(2019, 11, 27)),
])
def test_publication_dates(line: str, day: dt.date) -> None:
    assert parse_publication_date(line) == day
    assert _kinds(f"A headline about the council vote\n\n{line}\n\n{BODY}\n")[line] == "dateline"


@pytest.mark.parametrize("paragraph", [
    "By sunrise on Tuesday, the crowd outside the town hall had grown to several hundred people.",
    "From the start, the mayor said, the plan had been to reopen the bridge before the winter.",
])
def test_a_body_paragraph_opening_with_by_or_from_is_no_byline(paragraph: str) -> None:
    text = f"Bridge to reopen\n\nBy Jordan Ellis\n\n{BODY}\n\n{paragraph}\n"
    kinds = _kinds(text)
    assert kinds["By Jordan Ellis"] == "byline"
    assert kinds[paragraph] == "body"
