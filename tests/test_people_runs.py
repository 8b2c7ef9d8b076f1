"""The person rules' one-word shortcut finds the occurrences the general path finds.

``people._occurrences`` reads a one-word capitalised run ("The", "Trump") without splitting
it into words and with its validity test cached; ``_occurrences_reference`` below is the loop
as it was, every run split and tested. On any text made of names, titles, speech verbs and
punctuation, both give the same occurrences with the same evidence.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.rules import people
from newsgraph.rules.names import NAME_RUN, WORD
from tests.conftest import examples


def _occurrences_reference(text: str, spans: list[tuple[int, int]]) -> list[people._Occurrence]:
    found: list[people._Occurrence] = []
    for seg_start, seg_end in spans:
        for m in NAME_RUN.finditer(text, seg_start, seg_end):
            run = [(m.start() + w.start(), m.start() + w.end(), w.group())
                   for w in WORD.finditer(m.group())]
            while len(run) > 1 and run[-1][2] in ("Jr", "Sr"):
                run.pop()
            first, words = people._name_words(run)
            if not people._valid([w for _, _, w in words if w[:1].isupper()]):
                continue
            start, end = words[0][0], words[-1][1]
            o = people._Occurrence(text[start:end], start, end,
                                   initial=people.opens_sentence(text, seg_start, start))
            left_start = max(seg_start, run[0][0] - 60)
            left = text[left_start:run[0][0]]
            people._left_evidence(o, text, left, left_start, run[:first])
            governed = not first and left.split()[-1:] in (["of"], ["at"], ["from"], ["for"])
            if people._right_evidence(o, text, left, text[end:min(seg_end, end + 120)],
                                      governed):
                found.append(o)
    return found


_PIECES = ["Trump", "Donald", "Mary", "Jones", "The", "But", "Okafor", "Dr.", "Dr", "Mr",
           "Sen.", "President", "Minister", "Finance", "German", "van", "Dijk", "al-Assad",
           "Jr", "Jr.", "J.M.", "U.S.", "Berger", "Reuters", "Corp", "North", "Carolina",
           "Republican", "Democrat", "said", "told", "who", "which", "aged", "71", "of", "at",
           "the", "spokesman", "envoy", "Kenya's", "O'Neil", "McCain", "É", "Élise", "İ",
           " ", " ", " ", "  ", "\u00a0", "\n", ",", ", ", ".", ". ", '"', "“", "”", "'", "(",
           ")", ":", "-"]


@settings(max_examples=examples(1500), deadline=None)
@given(parts=st.lists(st.sampled_from(_PIECES), max_size=40))
def test_one_word_runs_read_as_before(parts: list[str]) -> None:
    text = "".join(parts)
    spans = [(0, len(text))]
    assert people._occurrences(text, spans) == _occurrences_reference(text, spans)


@given(text=st.text(max_size=80))
def test_one_word_runs_read_as_before_on_any_text(text: str) -> None:
    assert people._occurrences(text, [(0, len(text))]) == \
        _occurrences_reference(text, [(0, len(text))])
