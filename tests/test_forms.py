"""The precompiled form scanner finds exactly what the per-article regex found."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.rules.forms import _WORD_START, FormIndex, _longest, form_regex
from newsgraph.rules.people import HONORIFIC, People
from newsgraph.rules.people import _add_forms as add_forms
from tests.conftest import examples

# pieces that make the boundary cases: words sharing prefixes, full stops, apostrophes, hyphens,
# spaces, a non-ASCII letter, a digit
PIECES = ["Okafor", "Oka", "Ms", "Ms.", "Ms. Okafor", "U", "U.S.", "S", "Reyes", "O'Brien",
          "Smith-Jones", "Smith", "é", "Élan", "1", "'", "-", ".", " ", ", ", "x", "_"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
FORMS = st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=3).map("".join),
                 max_size=6)


def _reference(forms: list[str], text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group())
            for m in form_regex(forms).finditer(text, start, end)]


@settings(max_examples=examples(2000), deadline=None)
@given(forms=FORMS, text=TEXT, data=st.data())
@example(forms=["Okafor", "Oka"], text="Ms. Okafor and Oka.", data=None)
@example(forms=["U"], text="the U.S. and U", data=None)
@example(forms=["'Bama", "Bama"], text="'Bama or Bama", data=None)
def test_scanner_equals_the_regex(forms: list[str], text: str, data: st.DataObject | None
                                  ) -> None:
    if data is None:
        start, end = 0, len(text)
    else:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
    assert list(FormIndex(forms).finditer(text, start, end)) == _reference(forms, text, start,
                                                                           end)


def _word_loop(forms: list[str], text: str, start: int, end: int
               ) -> list[tuple[int, int, str]]:
    """``FormIndex.finditer`` before the word index: a Python step per word of the window."""
    by_word: dict[str, list[str]] = {}
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        first = re.match(r"\w+", form)
        if first is not None:
            by_word.setdefault(first.group(), []).append(form)
    found, pos = [], start
    while pos < end:
        for word in _WORD_START.finditer(text, pos, end):
            options = by_word.get(word.group())
            stop = None if options is None else _longest(text, word.start(), end, options)
            if stop is not None:
                found.append((word.start(), stop, text[word.start():stop]))
                pos = stop
                break
        else:
            break
    return found


@settings(max_examples=examples(400), deadline=None)
@given(forms=FORMS.filter(lambda fs: all(re.match(r"\w", f) for f in fs)),
       text=st.lists(st.sampled_from(PIECES), max_size=200).map("".join),
       cuts=st.lists(st.tuples(st.integers(0, 2000), st.integers(0, 2000)), max_size=12))
@example(forms=["Oka", "Ms"], text="Ms Okafor. Ms.Oka", cuts=[(0, 6), (2, 17), (0, 9)])
def test_many_windows_of_one_text(forms: list[str], text: str,
                                  cuts: list[tuple[int, int]]) -> None:
    """One index asked window after window of the same text (its hits are kept), and of
    another text in between; each window as the regex and the old word loop read it."""
    index = FormIndex(forms)
    for a, b in cuts:
        start, end = sorted((min(a, len(text)), min(b, len(text))))
        expected = _reference(forms, text, start, end)
        assert _word_loop(forms, text, start, end) == expected
        assert list(index.finditer(text, start, end)) == expected
        other = text[start:]
        assert list(index.finditer(other, 0, len(other))) == _reference(forms, other, 0,
                                                                        len(other))


def test_longest_form_wins_and_full_stops_bound_words() -> None:
    found = list(FormIndex(["Ms. Okafor", "Okafor", "U"]).finditer(
        "Ms. Okafor met Okafor in the U.S.", 0, 33))
    assert found == [(0, 10, "Ms. Okafor"), (15, 21, "Okafor")]


def _titled_reference(people: People, text: str) -> dict[str, tuple[str, str]]:
    """The regex ``people._add_forms`` compiled per article before ``FormIndex``."""
    known = sorted((f for f in people.forms if " " not in f), key=lambda f: (-len(f), f))
    found: dict[str, tuple[str, str]] = {}
    if known:
        alternation = "|".join(re.escape(f) for f in known)
        for m in re.finditer(rf"\b{HONORIFIC}\.?\s+(?P<name>{alternation})(?![\w])", text):
            found.setdefault(m.group(), (people.forms[m.group("name")][0], "honorific"))
    return found


NAMES = st.lists(st.sampled_from(["Ada Okafor", "Tomas Reyes", "Li Smith-Jones", "Ana Judge",
                                  "Ana O'Brien", "Okafor", "Eva Oka", "Élan Mir"]),
                 max_size=4, unique=True)
#: titled names with what may follow them: pieces of "Ms. Judge Reyes", "Mr O'Briens", ...
UNIT = st.tuples(st.sampled_from(["", "Ms.", "Ms", "Mr.", "Judge", "Prof", "Professor", "x"]),
                 st.sampled_from(["", " ", "  ", ". "]),
                 st.sampled_from(["Okafor", "Oka", "Reyes", "Smith-Jones", "Smith", "O'Brien",
                                  "O", "Judge", "Mir", "Élan"]),
                 st.sampled_from(["", " ", "s", ".", "-x", "'s", ", "])).map("".join)
TITLED = st.lists(UNIT, max_size=6).map("".join)


@settings(max_examples=examples(1500), deadline=None)
@given(names=NAMES, text=TITLED)
@example(names=["Ana O'Brien"], text="Ms. O'Briens")
@example(names=["Ana Judge", "Tomas Reyes"], text="Ms. Judge Reyes")
def test_titled_forms_equal_the_regex(names: list[str], text: str) -> None:
    people = People(names=dict.fromkeys(names, "rule:test@1"))
    reference = People(names=dict(people.names))
    add_forms(people, text, set())
    add_forms(reference, "", set())  # the names and surnames, without titled forms
    expected = dict(reference.forms)
    for form, value in _titled_reference(reference, text).items():
        expected.setdefault(form, value)
    assert people.forms == expected
