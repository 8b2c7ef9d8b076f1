"""Quote attribution rules on small invented articles: who said what, and what is no quote."""

from __future__ import annotations

import pytest

from tests.rules_helpers import article, extract, speakers

CASES = [
    pytest.param(
        ['"We will appeal the ruling," said John Smith, a lawyer for the residents of the town.'],
        {"We will appeal the ruling,": "John Smith"}, id="said-X-appositive"),
    pytest.param(
        ["The minister's deputy, Ahmed Khan, told reporters on Monday: \"We are ready to govern.\""],
        {"We are ready to govern.": "Ahmed Khan"}, id="role-appositive-colon"),
    pytest.param(
        ['According to police spokeswoman Jane Doe, "the suspect fled on foot towards the river."'],
        {"the suspect fled on foot towards the river.": "Jane Doe"}, id="according-to"),
    pytest.param(
        ['"This is a disaster for everyone," a senior official said on condition of anonymity.'],
        {"This is a disaster for everyone,": None}, id="unnamed-official"),
    pytest.param(
        ["Mary Jones arrived late to the hearing in the town hall on Monday afternoon.",
         "Later, John Brown spoke to the council about the flooding on his street.",
         "Jones took the microphone again after the break. \"It's over for us,\" she said."],
        {"It's over for us,": "Mary Jones"}, id="she-skips-a-man"),
    pytest.param(
        ["Prime Minister Claire Benton’s spokesman said she was “disappointed” by the vote.",
         "Asked whether she would meet the union, he said: “The minister is leading on this.”"],
        {"disappointed": None, "The minister is leading on this.": None},
        id="he-is-the-spokesman"),
    pytest.param(
        ["A spokesman for Park said the mayor had not been contacted by investigators yet.",
         '"We will cooperate fully with any review," he said after the meeting on Tuesday.'],
        {"We will cooperate fully with any review,": None}, id="spokesman-for-person"),
    pytest.param(
        ['Senator Maria Delgado, who chairs the committee, said the deal "deserves a hard look."'],
        {"deserves a hard look.": "Maria Delgado"}, id="partial-in-reporting-clause"),
    pytest.param(
        ['"We were the better side for an hour," said head coach Daniel Whitaker, "and then we '
         'stopped playing."'],
        {"We were the better side for an hour,": "Daniel Whitaker",
         "and then we stopped playing.": "Daniel Whitaker"}, id="interrupted"),
    pytest.param(
        ["WASHINGTON — \"This is the most important vote in a decade.\" By morning the line was "
         "a running joke in the press gallery."],
        {"This is the most important vote in a decade.": None}, id="after-dateline-dash"),
    pytest.param(
        ["Greenfield Construction Ltd said it would \"vigorously defend\" its record in court.",
         '"We built what the city asked us to build," it added in a statement on Friday.'],
        {"vigorously defend": "Greenfield Construction Ltd",
         "We built what the city asked us to build,": "Greenfield Construction Ltd"},
        id="organisation-and-it"),
    pytest.param(
        ["Emergency manager Tom Baker said crews would begin clearing roads on Wednesday.",
         '"We have two thousand linemen on standby," Baker said. "We will not stop until every '
         'home has power.',
         '"People need to be patient with us."'],
        {"We have two thousand linemen on standby,": "Tom Baker",
         "We will not stop until every home has power.": "Tom Baker",
         "People need to be patient with us.": "Tom Baker"}, id="continued-paragraph"),
]


@pytest.mark.parametrize(("paragraphs", "expected"), CASES)
def test_speakers(paragraphs: list[str], expected: dict[str, str | None]) -> None:
    assert speakers(extract(article(*paragraphs))) == expected


NOT_QUOTES = [
    pytest.param("He starred as a young officer in \"The Long Goodbye\" in the summer of 1973.",
                 "The Long Goodbye", id="title"),
    pytest.param('The so-called "Brexit dividend" never arrived, according to the latest report.',
                 "Brexit dividend", id="so-called"),
    pytest.param('"The strategic logic is obvious," noted Priya Raman, who rates the shares a '
                 '"hold."', "hold.", id="label-in-relative-clause"),
    pytest.param("The word \"unprecedented\" was used fourteen times in the council's report.",
                 "unprecedented", id="the-word"),
]


@pytest.mark.parametrize(("paragraph", "marked"), NOT_QUOTES)
def test_not_quotes(paragraph: str, marked: str) -> None:
    draft = extract(article(paragraph))
    assert marked not in {q.span.text for q in draft.quotes}
    assert marked in {span.text for span, _ in draft.not_quotes}


def test_intermediaries() -> None:
    draft = extract(article(
        'Dutch newspaper Het Parool cited Economy Minister Pieter Jansen as saying the deal '
        'would be "examined closely."',
        'Senator Maria Delgado said the merger "deserves a very hard look," as quoted by '
        "Politico on Tuesday."))
    relayed = {q.span.text: (q.speaker, q.intermediary) for q in draft.quotes}
    assert relayed == {"examined closely.": ("Pieter Jansen", "Het Parool"),
                       "deserves a very hard look,": ("Maria Delgado", "Politico")}


def test_unnamed_judge_named_in_the_next_paragraph() -> None:
    draft = extract(article(
        "A federal judge on Thursday ordered the company to rehire four workers, saying its "
        'reasons were "not credible."',
        "U.S. District Judge Harriet Lowell, in a 38-page ruling, wrote that the firings broke "
        "the law."))
    assert speakers(draft) == {"not credible.": "Harriet Lowell"}
