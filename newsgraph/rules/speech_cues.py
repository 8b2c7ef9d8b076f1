"""The reporting cues and the clause grammar around them, shared by the quote and claim rules.

A cue is a speech verb of the lexicon ("said", "told"), "according to" or "as saying". Around
it, the rules that find a quote's speaker (``attribution``, ``speakers``) and a claim's source
(``claim_sources``, ``claim_ends``, ``claim_spans``) read the same marks: relative clauses
and appositives between commas, the joints between two clauses, subordinate conjunctions, the
pronoun right next to a cue, and the relays of an outlet ("cited X as saying", "as quoted
by", "..., Bloomberg News reported"). They are defined here once.
"""

from __future__ import annotations

import re

from newsgraph.rules.lexicon import AUXILIARY, FRONT_FORMS, RELAY_FORMS, SPEECH_FORMS
from newsgraph.rules.scanner import Cue, Cues, alternation

#: Every reporting cue: the speech verbs of the lexicon, "according to" and "as saying".
CUES = alternation(set(SPEECH_FORMS) | {"according to", "as saying", "According to"})
#: Cues that open a sentence before their subject: 'Said Comey, "..."'.
_FRONT_CUES = frozenset(form.capitalize() for form in FRONT_FORMS)
#: The scanner of every reporting cue (the regex ``\b(?:CUES)\b``, faster).
CUE = Cues(set(SPEECH_FORMS) | {"according to", "as saying", "According to"} | _FRONT_CUES)
_RELAY_SAYING = re.compile(rf"\b(?P<cue>{alternation(RELAY_FORMS)})\b(?P<subject>[^.\"“”]{{0,60}}?)"
                           r"\bas saying\b")
_RELAY_BY = re.compile(r"\bas (?:quoted|reported|cited) by\b|\b(?:quoted|cited) by\b")
_REPORTED_AFTER = re.compile(r"\breported\s*[.,;]?\s*$")
RELATIVE = re.compile(r",\s*(?:who|which|whose|whom|where)\b[^,;]*,")
JOINT = re.compile(r",\s*(?:and|but|while|although|whereas)\s+|;\s*")
RELATIVE_OPEN = re.compile(r",\s*(?:who|which|whose|whom|where)\b")
#: Relative clauses and appositives between commas ("X, who served as ..., told").
APPOSITIVES = re.compile(r",[^,;.!?\"“”]{1,120},")
#: A conjunction opening a subordinate clause ("When X said ..., Y replied", "Y left after X
#: told ..."): a cue after it has a subject of its own.
SUBORDINATE = re.compile(
    r"\b(?:[Aa]s|[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Aa]lthough|[Tt]hough|[Ii]f|[Bb]ecause|"
    r"[Ss]ince|[Uu]ntil|[Oo]nce|[Ww]hether|[Ww]henever|[Dd]espite|[Uu]nless|[Ww]hereas|Asked|"
    r"Speaking|Like|Unlike)\b")
#: The subject pronouns a cue's speaker may be ("it": an organisation).
SUBJECT_PRONOUNS = r"[Hh]e|[Ss]he|[Tt]hey|[Ii]t"
PRONOUN_BEFORE_CUE = re.compile(r"\b(?P<p>" + SUBJECT_PRONOUNS + ")" + AUXILIARY + r"*\s+$")
PRONOUN_AFTER_CUE = re.compile(r"^\s*(?P<p>he|she|they|it)\b")
_PRONOUN_OBJECT = re.compile(r"\s*(?P<p>him|her|them)\b")


def last_match(pattern: re.Pattern[str], text: str, start: int = 0,
               end: int | None = None) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``."""
    matches = list(pattern.finditer(text, start, len(text) if end is None else end))
    return matches[-1] if matches else None


def governing_cue(text: str, start: int, end: int) -> Cue | None:
    """The last cue in ``text[start:end]`` that still governs what follows ``end``.

    A cue followed by a relative clause that the quote sits in ("noted X, who rates Y a
    "hold."") does not govern the quote; a closed one ("told delegates that shipping, which
    produces 3% of emissions, could not be "...") does not matter.
    """
    cues = list(CUE.finditer(text, start, end))
    if not cues:
        return None
    last = cues[-1]
    between = RELATIVE.sub(",", text[last.end():end])
    if RELATIVE_OPEN.search(between):
        return None
    return last


def relay(text: str, start: int, end: int) -> re.Match[str] | None:
    """'cited X as saying' / 'as quoted by' inside ``text[start:end]``."""
    return _RELAY_SAYING.search(text, start, end) or _RELAY_BY.search(text, start, end)


def reported_after(text: str, start: int, end: int) -> bool:
    """'..., Bloomberg News reported.' after a quote."""
    return _REPORTED_AFTER.search(text[start:end]) is not None


def pronoun_object(text: str, start: int) -> re.Match[str] | None:
    return _PRONOUN_OBJECT.match(text, start)
