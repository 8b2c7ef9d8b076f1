"""The tense of the words before a temporal expression: does "Friday" point back or ahead?

``timex_parse.scan`` gives each expression the direction of the tense cue nearest before it
in its sentence ("will meet on Friday": the coming Friday; "met on Friday": the last one),
which ``timex_values`` uses to resolve a relative date.
"""

from __future__ import annotations

from newsgraph.rules.determiners import DETERMINERS
from newsgraph.rules.timewords import FUTURE_BEFORE_TO, FUTURE_CUES, PAST_CUES
from newsgraph.rules.timex_tokens import _BACKSCAN, Token


def _abbreviation_stop(toks: list[Token], k: int) -> bool:
    """The full stop ``toks[k]`` closes an abbreviation, not a sentence: a comma follows it
    ("the Peoria, Ill., bank"), or a lower-case word follows a short capitalised word it
    ends ("the Okla. plant"); "The plant will close. eBay bought it" is two sentences."""
    nxt = toks[k + 1].raw if k + 1 < len(toks) else ""
    prev = toks[k - 1].raw if k else ""
    return nxt == "," or (nxt[:1].islower() and prev[:1].isupper() and prev.isalpha()
                          and len(prev) <= 4 and toks[k - 1].end == toks[k].start)


def _to_a_noun(toks: list[Token], k: int) -> bool:
    """The "to" at ``k`` heads a noun phrase, a preposition ("agreed to the merger", "an
    offer to its board"), not the mark of an infinitive ("agreed to buy"): a determiner
    follows it, and "is"/"are" do not stand before it ("is to resume trading" is never "is
    to the")."""
    return toks[k - 1].low not in ("is", "are") and k + 1 < len(toks) and \
        toks[k + 1].low in DETERMINERS


def _direction(toks: list[Token], at: int) -> str | None:
    """The tense cue nearest before token ``at`` within its sentence, as a direction:
    "before" right after "ended" ("the year ended March 31": the last March 31, however
    near the next one is), else "past" or "future"."""
    if at and toks[at - 1].low == "ended":
        return "before"
    for k in range(at - 1, max(-1, at - 1 - _BACKSCAN), -1):
        low = toks[k].low
        if low in ("?", "!", ";") or (low == "." and not _abbreviation_stop(toks, k)):
            break
        if low in FUTURE_CUES or (low == "to" and k and toks[k - 1].low in FUTURE_BEFORE_TO
                                  and not _to_a_noun(toks, k)):
            return "future"  # "will meet", "is to resume trading Tuesday"
        if low in PAST_CUES or (low.endswith("ed") and len(low) > 4):
            return "past"
    return None
