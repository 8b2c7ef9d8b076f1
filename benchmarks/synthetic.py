"""A deterministic synthetic corpus of news articles, for benchmarks and scale tests.

``write_corpus(folder, n, seed)`` writes ``n`` articles of realistic shape: a headline, a
dateline, paragraphs mixing reported speech in every attribution pattern the extractors
handle (quote before or after "X said", "according to", "told Reuters", "cited ... as
saying", continuations, pronouns, partial and scare quotes), titled and surname-only names,
relative and absolute dates, a photo caption and footer boilerplate. The same seed always
gives the same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

from newsgraph.rules.timewords import MONTH_NAMES, WEEKDAY_NAMES

FIRST = ["Anna", "Boris", "Chen", "Dalia", "Emre", "Fatima", "Gustav", "Hana", "Ivan", "Julia",
         "Kemal", "Lucia", "Marek", "Nadia", "Omar", "Petra", "Rafael", "Sofia", "Tomas", "Yuki"]
LAST = ["Kowalski", "Petrov", "Wang", "Haddad", "Yilmaz", "Rahman", "Lindqvist", "Novak",
        "Sokolov", "Meyer", "Demir", "Ferreira", "Horvat", "Karimi", "Nasser", "Dvorak",
        "Morales", "Rossi", "Varga", "Tanaka"]
TITLES = ["Finance Minister", "Foreign Minister", "Defence Minister", "Prime Minister",
          "President", "Senator", "Governor", "Mayor"]
COUNTRIES = ["Turkey", "Russia", "China", "India", "Germany", "France", "Japan", "Iran",
             "Poland", "Greece", "Egypt", "Brazil"]
AGENCIES = ["Reuters", "Interfax", "TASS", "Anadolu Agency", "Bloomberg", "AFP"]
TOPICS = ["the budget", "the pipeline deal", "the trade agreement", "the new airport",
          "the missile contract", "the election law", "the water treaty", "the rail project"]
MONTHS = [name.capitalize() for name in MONTH_NAMES]
#: The working days (Monday to Friday) of the rules' weekday names.
WEEKDAYS = [name.capitalize() for name in WEEKDAY_NAMES[:5]]
SAYINGS = [
    "We will not accept any conditions that harm our national interest",
    "The negotiations are moving in the right direction",
    "There is no reason to delay the decision any further",
    "Our partners know exactly where we stand on this issue",
    "We expect the first results before the end of the year",
    "This agreement will create thousands of new jobs",
    "Nobody should doubt our commitment to the process",
    "We have made our position clear many times",
]


def _person(rng: random.Random) -> tuple[str, str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", last, rng.choice(TITLES)


def _paragraphs(rng: random.Random) -> list[str]:
    country, other = rng.sample(COUNTRIES, 2)
    (name, surname, title), (name2, surname2, title2) = _person(rng), _person(rng)
    topic, agency = rng.choice(TOPICS), rng.choice(AGENCIES)
    day, month = rng.choice(WEEKDAYS), rng.choice(MONTHS)
    s1, s2, s3, s4 = rng.sample(SAYINGS, 4)
    return [
        f"{country} and {other} are close to a deal on {topic}, officials said on {day}, "
        f"after talks that began in {month}.",
        f'"{s1}," {title} {name} said at a news conference in the capital.',
        f'"{s2}. {s3}," {surname} added. "{s4}."',
        f'{title2} {name2} told {agency} that the plan was "premature" and warned of '
        f"delays until {rng.choice(MONTHS)}.",
        f'"We need more time," {surname2} said. According to {name2}, the so-called '
        f'"roadmap" would be revised in the first half of {rng.randint(2020, 2030)}.',
        f'{agency} cited {surname} as saying: "{rng.choice(SAYINGS)}."',
        f"A senior official said last week that {country} would sign the agreement in "
        f"{rng.choice(MONTHS)} {rng.randint(2019, 2029)}.",
    ]


def article_text(rng: random.Random, index: int) -> str:
    """One synthetic article (deterministic for the state of ``rng``)."""
    paragraphs = _paragraphs(rng)
    middle = paragraphs[3:]
    rng.shuffle(middle)
    paragraphs[3:] = middle
    headline = f"Talks on {rng.choice(TOPICS)} enter decisive phase, report {index}"
    dateline = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2018, 2024)}"
    footer = ["Photo: A view of the capital. /Reuters Photos", "Leave a Reply",
              "Your email address will not be published. Required fields are marked *"]
    return "\n\n".join([headline, f"By {rng.choice(AGENCIES)}", dateline, *paragraphs,
                        *footer]) + "\n"


def write_corpus(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` articles ``000000.txt``... into ``folder``; the same seed, the same bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(n):
        path = folder / f"{index:06d}.txt"
        path.write_text(article_text(rng, index), encoding="utf-8")
        paths.append(path)
    return paths
