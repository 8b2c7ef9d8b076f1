"""Why a claim cue makes no claim: the senses of a cue word that are mostly not attribution.

``reported`` asks ``cue_rejection`` about every cue of a sentence before its sieves read
them; the reason goes to ``newsgraph explain``. A cue is passed over inside a quotation, in a
sense that is mostly not attribution ("remarks", "went on"), as a noun ("its support"), as a
name given ("a group called X"), without the complement its sense needs ("wants to", "found
that"), in the passive ("was shown") and as the cue of a quote ('"...," Reid said').
The word lists were measured on the PolNeAR training split.
"""

from __future__ import annotations

import re

from newsgraph.rules.claim_content import LEAD_IN_WORDS
from newsgraph.rules.claim_sources import NOMINAL_BEFORE
from newsgraph.rules.claim_spans import CLAIM_CUES, in_quote, quoted_share, trim
from newsgraph.rules.lexicon import ATTITUDE_FORMS, NOT_CLAIM_FORMS
from newsgraph.rules.quoted import Quoted
from newsgraph.rules.scanner import Cue
from newsgraph.rules.sentences import sentence_break

#: Between a quote and a cue, words that make the cue one of its own: "that", a subordinate
#: conjunction ('"...," Trump said after Nabisco announced'), or a "that" right after the cue.
_THAT = re.compile(r"\bthat\b")
_SUBORDINATE = re.compile(r"\b(?:after|when|because|while|before|since|as|but)\b")
_THAT_AFTER = re.compile(r"\s*(?:that\b|,\s*that\b)")
#: A passive participle: "was shown", "has been confirmed" (not the progressive "is planning").
_PASSIVE = re.compile(r"\b(?:was|were|be|been|being|is|are)\s+(?:\w+ly\s+)?$")
#: Cue forms that are verbs only after a subject ("two-thirds support", "they support"), not
#: after a determiner or preposition ("its support", "with support").
_NEEDS_SUBJECT = frozenset("support supports".split())
_SUBJECT_BEFORE = re.compile(r"(?:\b(?:they|we|I|you|who|that|would|will|do|does|did|not|also|"
                             r"strongly|still|[A-Z][\w-]*|\w+[^s\W]s|\d+%?|percent))\s+$")
#: "a group called", "the website called": a participle naming the noun before it.
_NAMING = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|so)[\s-]+"
                     r"(?:[\w-]+\s+){0,2}?[a-z][\w-]*\s+$|\bso-$")
#: Cue forms that report what a document or poll says: "the survey found", "polls show".
_NOMINAL_CUES = frozenset("found finds find show".split())
_BARE_NOMINAL = re.compile(r"\b(?:[Pp]olls|[Ss]urveys|[Dd]ata|[Ff]igures|[Nn]umbers|[Rr]esults|"
                           r"[Ss]tudies|[Rr]ecords|[Dd]ocuments|[Rr]eports)\s+(?:also\s+)?$")
#: Cue forms that report only with what follows them: "wants to", "called for", "found that",
#: "sees X as Y", "declined to"; elsewhere they are mostly not attribution ("wrote a book", "a
#: poll found", "saw a drop").
_NEEDS_AFTER = {
    **dict.fromkeys("plan plans pledged offered decided decide decides declined decline declines "
                    "promising promises promise".split(), re.compile(r"\s+(?:not\s+)?to\s+\w")),
    #: "feel that P", "feels strongly that P", "felt like P" (not "feel tired")
    **dict.fromkeys("feel feels felt".split(),
                    re.compile(r"\s+(?:\w+ly\s+)?(?:that|like|as\s+if|as\s+though)\b")),
    #: "seeking to P" (not "seeking the nomination")
    "seeking": re.compile(r"\s+to\s+\w"),
    #: "want Congress to act", "wanted the council to vote": an object, then what it should do
    **dict.fromkeys("wants want wanted".split(),
                    re.compile(r"\s+(?:not\s+)?(?:to\s+\w|(?:the\s+|their\s+|his\s+|her\s+)?"
                               r"(?:[A-Z][\w’'-]*\s+){1,3}to\s+\w|(?:the|his|her|their|its)\s+"
                               r"(?:[\w’'-]+\s+){0,2}?to\s+[a-z]\w+\b|(?:him|her|them|us|me|"
                               r"it|you)\s+to\s+\w)")),
    **dict.fromkeys("wrote writes write writing find learned show claim claims note "
                    "notes report reports".split(),
                    re.compile(LEAD_IN_WORDS + r"that\b")),
    #: the one-word attitudes ("eager to P", "confident that P") and "remind", "signal"
    **dict.fromkeys(sorted({f for f in ATTITUDE_FORMS if " " not in f}
                           | {"remind", "reminds", "reminded", "reminding", "signal"}),
                    re.compile(r"\s+(?:\w+\s+)?(?:to\s+\w|that\b)")),
    **dict.fromkeys("called calling calls".split(),
                    re.compile(r"\s+(?!(?:for|on|off|up|in|out|back|upon|to|it|him|her|them|me|"
                               r"us)\b)\S")),
    **dict.fromkeys("see sees saw seen seeing view views viewed viewing".split(),
                    re.compile(r"\s+[^,.;]{1,60}?\bas\s")),
}


def cue_rejection(text: str, quoted: list[tuple[int, int]], s_start: int,
                  cue: Cue) -> str | None:
    """Why a cue cannot make a claim, or None."""
    if in_quote(quoted, cue.start()):
        return "inside a quotation"
    word = cue.group().lower()
    if word in NOT_CLAIM_FORMS:
        return "a sense that is mostly not attribution"
    if word in _NEEDS_SUBJECT and not _SUBJECT_BEFORE.search(text, max(s_start,
                                                                     cue.start() - 30),
                                                                 cue.start()):
        return "a noun here, not a verb"
    if word == "called" and _NAMING.search(text, max(s_start, cue.start() - 40), cue.start()):
        return "a name given, not a claim ('a group called X')"
    needs = _NEEDS_AFTER.get(word)
    if needs is not None and not needs.match(text, cue.end()) and not (
            word in _NOMINAL_CUES and (NOMINAL_BEFORE.search(text, s_start, cue.start()) or
                                       _BARE_NOMINAL.search(text, s_start, cue.start()))):
        return "a sense that is mostly not attribution without a complement"
    if not cue.group().split()[0].endswith("ing") and word not in ATTITUDE_FORMS and \
            _PASSIVE.search(text, max(s_start, cue.start() - 12), cue.start()):
        return "passive"
    if _attributes_quote(text, quoted, s_start, cue):
        return "the cue of a quote"
    return None


def _attributes_quote(text: str, quoted: list[tuple[int, int]], s_start: int,
                      cue: Cue) -> bool:
    """The cue is a quote's own attribution ('"...," Reid said in an interview'), not a cue of
    its own after the quote's ('"...," Trump said after Nabisco announced it was ...')."""
    last = (quoted if isinstance(quoted, Quoted) else Quoted(quoted)).last_end(s_start,
                                                                                cue.start())
    if last is None or quoted_share(quoted, *trim(text, s_start, cue.start())) <= 0.5:
        return False  # 'The debt is a "burden," he said': mostly no quote, a claim as well
    gap = text[last:cue.start()]
    return len(gap.split()) <= 8 and not _THAT.search(gap) and \
        not _SUBORDINATE.search(gap) and CLAIM_CUES.search(gap) is None and \
        not sentence_break(text, last, cue.start()) and \
        not _THAT_AFTER.match(text, cue.end(), cue.end() + 8)
