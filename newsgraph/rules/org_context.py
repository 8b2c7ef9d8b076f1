"""Organisations and outlets named by the words around them, not by their own.

* a noun before the name ("chip-equipment maker Lumetra", "newspaper Het Financieele
  Dagblad", "the journal Nature Medicine"), a workplace ("analysts at Morgan Hartley");
* "a spokeswoman for NHS England", "as quoted by Politico", "told the Ledger";
* "X reported", "X cited ... as saying", "Unison, which ..., said";
* acronyms defined in brackets: "National Labor Relations Board (NLRB)".

The reporting verbs these rules read are named subsets of ``lexicon``'s speech verbs.
"""

from __future__ import annotations

import re

from newsgraph.models.base import ActorKind
from newsgraph.rules.capital_runs import lower_words, run_at, run_text
from newsgraph.rules.lexicon import ORG_SPEECH_FORMS, RELAY_FORMS
from newsgraph.rules.names import (
    LOWER,
    ORG_WORDS,
    PLACE_WORDS,
    UPPER,
    is_function_word,
    is_role,
    is_title_word,
)
from newsgraph.rules.org_shapes import (
    MEDIA_RULE,
    NON_ORG,
    ORG_RULE,
    OrgCandidate,
    initials,
    shape_kind,
    split_run,
)
from newsgraph.rules.scanner import alternation

_RELAY = alternation(RELAY_FORMS)
_RUN = rf"[{UPPER}][\w&'’.-]*(?:\s+(?:of|for|and|&|the|de)?\s*[{UPPER}][\w&'’.-]*){{0,6}}"
_ORG_NOUN = re.compile(
    r"\b(?:company|firm|(?:chip|car|drug|plane|aircraft|phone|toy|steel|tool|game|vaccine|arms)?"
    r"makers?|manufacturer|producer|exporter|importer|retailer|supermarket|"
    r"chain|carrier|airline|lender|bank|insurer|publisher|start-?up|giant|conglomerate|club|"
    r"charity|union|regulator|operator|developer|supplier|contractor|distributor|brand|label|"
    r"studio|party|watchdog|think tank|non-?profit|group|rivals?|holders)"
    r"(?P<comma>,)?\s+\*{0,2}(?=[" + UPPER + "])")
_MEDIA_NOUN = re.compile(
    r"\b(?:newspaper|paper|daily|tabloid|broadcaster|magazine|journal|outlet|website|channel|"
    r"network|news agency|wire service|radio station|news site)(?P<comma>,)?\s+\*{0,2}(?=[" +
    UPPER + "])")
#: "analysts at Morgan Hartley", "a professor at Imperial": a workplace.
_WORKPLACE = re.compile(r"\b(?i:analysts?|economists?|strategists?|lawyers?|attorneys?|"
                        r"professors?|researchers?|scientists?|doctors?|engineers?|executives?|"
                        r"officials?|employees?|workers?|staff|traders?|partners?)\s+(?:at|with)"
                        r"\s+(?:the\s+)?(?=[" + UPPER + "])")
_SPOKES_FOR = re.compile(r"\bspokes(?:man|woman|person)\s+for\s+(?:the\s+)?(?=[" + UPPER + "])")
_RELAY_BY = re.compile(r"\b(?:as (?:" + _RELAY + r") by|(?:" + _RELAY + r") by|"
                       r"told)\s+(?P<the>the\s+)?\*{0,2}(?=[" + UPPER + "])")
_RELAY_SUBJECT = re.compile(rf"(?<![\w'’.-])(?P<name>{_RUN})\s+(?:reported(?=\s*[.,;])|"
                            r"(?:" + _RELAY + r")\s+[^.;\"“”]{1,60}?\bas saying\b)")
_WHICH = re.compile(rf"(?<![\w'’.-])(?P<name>[{UPPER}][{LOWER}]+),\s+which\b[^,;]{{1,80}},"
                    r"\s+(?:" + alternation(ORG_SPEECH_FORMS) + r")\b")


def _keys(*words: str) -> tuple[str, ...]:
    return words


def holds_any(lower: str, keys: tuple[str, ...]) -> bool:
    """``lower`` holds one of ``keys``: what ``re.compile("|".join(map(re.escape, keys)))
    .search(lower)`` answered, by a C substring scan per key instead of trying an alternation
    at every position (PolNeAR: 0.9 s of 32 s under the profiler went to those searches;
    tests/test_org_context.py proves both agree with hypothesis), with no Python
    step per key."""
    return any(map(lower.__contains__, keys))


#: (pattern, kind, rule, words one of which the paragraph must hold for the pattern to apply)
CONTEXT_RULES: list[tuple[re.Pattern[str], ActorKind, str, tuple[str, ...]]] = [
    (_ORG_NOUN, "organization", ORG_RULE, _keys(
        "compan", "firm", "maker", "manufacturer", "producer", "exporter", "importer", "retailer",
        "supermarket", "chain", "carrier", "airline", "lender", "bank", "insurer", "publisher",
        "start", "giant", "conglomerate", "club", "charity", "union", "regulator", "operator",
        "developer", "supplier", "contractor", "distributor", "brand", "label", "studio",
        "party", "watchdog", "think tank", "profit", "group", "rival", "holders")),
    (_SPOKES_FOR, "organization", ORG_RULE, _keys("spokes",)),
    (_WORKPLACE, "organization", ORG_RULE, _keys(" at ", " with ")),
    (_MEDIA_NOUN, "media", MEDIA_RULE, _keys(
        "newspaper", "paper", "daily", "tabloid", "broadcaster", "magazine", "journal", "outlet",
        "website", "channel", "network", "agency", "service", "station", "site")),
    (_RELAY_BY, "media", MEDIA_RULE, _keys(" by ", "told")),
]
_ACRONYM_DEF = re.compile(rf"(?P<name>{_RUN})\s+\((?P<acr>[A-Z]{{2,8}})\)")


def by_context(text: str, start: int, end: int) -> list[OrgCandidate]:
    """Organisation and outlet candidates in ``text[start:end]`` named by the words around
    them (each rule tried only where the paragraph holds one of its key words)."""
    found: list[OrgCandidate] = []
    chunk = text[start:end]
    lower = chunk.lower()
    for regex, kind, rule, keys in CONTEXT_RULES:
        if not holds_any(lower, keys):
            continue  # cheap test first: most paragraphs hold none of the nouns
        for m in regex.finditer(text, start, end):
            run = run_at(text, m.end(), end, max_words=4, possessive_names=regex is _RELAY_BY)
            run = run[:next((i for i, t in enumerate(run) if t.text == "and"), len(run))]
            if not run or (is_role(run[0].text) and not run[0].possessive) \
                    or is_function_word(run[0].text) or all(is_title_word(t.text) for t in run):
                continue
            word_before = text[max(start, m.start() - 30):m.start()].split()[-1:]
            if regex in (_ORG_NOUN, _MEDIA_NOUN) and word_before and word_before[0][:1].isupper() \
                    and word_before[0][-1:].isalpha() and not is_title_word(word_before[0]):
                continue  # "RIA news agency Moscow ...": the noun belongs to a name
            if regex is _RELAY_BY and lower_words(run)[-1] in ORG_WORDS:
                continue  # "told the Council": an organisation, not an outlet
            if (regex is _ORG_NOUN and len(run) > 3) or \
                    any(w in PLACE_WORDS for w in lower_words(run)):
                continue
            found.append(OrgCandidate(run[0].start, run[-1].end, run_text(run, text), kind, rule,
                                      regex not in (_RELAY_BY, _SPOKES_FOR)))
    relayed = "reported" in chunk or "as saying" in chunk
    for m in _RELAY_SUBJECT.finditer(text, start, end) if relayed else ():
        run = run_at(text, m.start("name"), end, max_words=4)
        if run and not is_function_word(run[0].text):
            found.append(OrgCandidate(run[0].start, run[-1].end, run_text(run, text), "media",
                                      MEDIA_RULE, False))
    for m in _WHICH.finditer(text, start, end) if ", which" in chunk else ():
        found.append(OrgCandidate(m.start("name"), m.end("name"), m.group("name"),
                                  "organization", ORG_RULE, False))
    for m in _ACRONYM_DEF.finditer(text, start, end) if " (" in chunk else ():
        run = split_run(run_at(text, m.start("name"), end, max_words=8) or [])
        if run and not any(w in NON_ORG for w in lower_words(run)) and (
                initials(run_text(run, text)) == m.group("acr")
                or shape_kind(run, text, frozenset()) == "organization"):
            found.append(OrgCandidate(run[0].start, run[-1].end, run_text(run, text),
                                      "organization", ORG_RULE, True, m.group("acr")))
    return found
