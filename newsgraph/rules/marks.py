"""Quotes of an article in a language the attribution rules do not read: the marks only.

The speaker sieves, reported speech, claims and events are English rules (their cue verbs,
titles and sentence patterns are English). For an article in any other language the builder
still records every span it can delimit with a pair of quotation marks of
``models.quotation_marks.QUOTE_PAIRS`` (« », „ “, ‚ ‘, 「 」, straight and curly marks) as a direct quote with
a null speaker, method ``MARKS_ONLY_RULE``: who said it is left to a reader or a curated file.

The pairing is simpler than ``pairs.find_pairs``'s, on purpose: French puts a (no-break)
space inside guillemets ("« Nous ne céderons pas »"), and Chinese and Japanese put no space
before 「, so an opening mark is any mark of the table, the closing mark the first matching
one in the same paragraph; the span is trimmed of the spaces just inside the marks. A mark
left open is not a quote (without the English cues there is no way to tell where it ends).
"""

from __future__ import annotations

import re

from newsgraph.models.quotation_marks import OPENING, QUOTE_PAIRS
from newsgraph.rules.actors import READ_KINDS
from newsgraph.rules.drafts import ArticleDraft, QuoteDraft, Span
from newsgraph.rules.sentences import trim

#: Method of a quote found by its marks alone, with a null speaker.
MARKS_ONLY_RULE = "rule:quotes.marks_only@1"
#: Confidence of such a quote: the marks delimit it; whether it is speech is not checked.
CONFIDENCE = 0.6
_ANY_OPENING = re.compile("|".join(re.escape(m) for m in OPENING))
#: Fewest letters inside the marks for a quote (a quoted word is a title or a term).
_MIN_WORDS = 3


def marked_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the text inside each closed quotation-mark pair of ``text[start:end]``
    (marks and the spaces just inside them excluded; nested pairs are part of the outer)."""
    spans = []
    i = start
    while (found := _ANY_OPENING.search(text, i, end)) is not None:
        mark = found.group()
        inner = found.end()
        close = QUOTE_PAIRS[mark]
        j = text.find(close, inner, end)
        while close == "’" and j != -1 and j + 1 < end and text[j + 1].isalpha():
            j = text.find(close, j + 1, end)  # "l’homme", "it’s": an apostrophe
        if j == -1:
            i = inner
            continue
        a, b = trim(text, inner, j)
        if b > a:
            spans.append((a, b))
        i = j + len(close)
    return spans


def find_marked_quotes(draft: ArticleDraft) -> None:
    """Every marked span of at least ``_MIN_WORDS`` words in the subheadings and body (a
    headline's marks are not a quote) as a quote with a null speaker; shorter ones are 'not
    a quote' (a term or a title)."""
    text = draft.source.text
    for seg in draft.segments:
        if seg.kind not in READ_KINDS or seg.kind == "title":
            continue
        for a, b in marked_spans(text, seg.char_start, seg.char_end):
            span = Span(a, b, text[a:b])
            if len(span.text.split()) < _MIN_WORDS:
                draft.not_quotes.append((span, "too short to be an utterance (marks only)"))
                continue
            draft.quotes.append(QuoteDraft(
                span=span, quote_type="direct", cue=None, speaker=None, speaker_text=None,
                intermediary=None, intermediary_text=None, method=MARKS_ONLY_RULE,
                confidence=CONFIDENCE))
