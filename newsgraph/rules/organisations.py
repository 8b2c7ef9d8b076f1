"""Organisations and news outlets found by rules, without a gazetteer entry.

* name shape: a capitalised run holding an organisation word ("Royal College of Nursing",
  "Ohio Department of Transportation", "Halvorsen Securities"), a firm with "&" ("Harland &
  Byrne"), a branch named after a country ("Cancer Research UK", "NHS England"); a run that
  ends in a newspaper word is an outlet ("Hindustan Times", "Bloomberg News"); a known outlet
  with a section after it is that section ("BBC Sport");
* context: a noun before the name ("chip-equipment maker Lumetra", "newspaper Het Financieele
  Dagblad", "the journal Nature Medicine"), "a spokeswoman for NHS England", "as quoted by
  Politico", "X reported", "X cited ... as saying", "told the Ledger", "Unison, which ...";
* acronyms defined in brackets: "National Labor Relations Board (NLRB)".

Runs that name laws, programmes, prizes and places ("Grid Resilience Act", "Commercial Lunar
Payload Services program") are not organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from newsgraph.models.base import ActorKind
from newsgraph.rules.names import (
    DEPARTMENTS,
    DESIGNATORS,
    LOWER,
    MEDIA_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    UPPER,
    given_name_gender,
    is_date_word,
    is_function_word,
    is_role,
    is_title_word,
)

ORG_RULE = "rule:actors.organisation@1"
MEDIA_RULE = "rule:actors.media@1"

_TOKEN = re.compile(r"[^\s\u00a0]+")
_EDGE = "*_\"“”‘’'()[]{},.;:!?"
_EDGE_NOT_DOT = "*_\"“”‘’'()[]{},;:!?"
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
#: Stretches of capitalised words (with the connectors between them) where runs are looked for.
_REGION = re.compile(rf"(?<![^\s\u00a0])[^\s\u00a0{UPPER}&]*[{UPPER}&][^\s\u00a0]*"
                     rf"(?:[ \u00a0]+(?:(?:of|for|and|on|the|de|du|des|la|le)[ \u00a0]+)?"
                     rf"[^\s\u00a0]*[{UPPER}&][^\s\u00a0]*)*")
_CONNECTORS = frozenset({"of", "for", "and", "&", "on", "the", "de", "du", "des", "la", "le"})
_COUNTRY_TAILS = frozenset({"UK", "US", "USA", "England", "Scotland", "Wales", "Ireland",
                            "International"})
#: Words after a run that make it the name of a thing, not of an organisation.
_THING_AFTER = re.compile(r"\s+(program|programme|scheme|project|initiative|act|law|award|"
                          r"prize|building|headquarters|campus|report|study|index|survey)\b")
_NON_ORG = frozenset({"act", "bill", "treaty", "prize", "award", "awards", "cup", "league",
                      "marathon", "games", "olympics", "festival", "program", "programme",
                      "project", "summit", "conference", "forum", "war", "street", "road",
                      "avenue", "square", "airport", "stadium", "arena"})
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
_RELAY_BY = re.compile(r"\b(?:as (?:quoted|reported|cited) by|cited by|quoted by|reported by|"
                       r"told)\s+(?P<the>the\s+)?\*{0,2}(?=[" + UPPER + "])")
_RELAY_SUBJECT = re.compile(rf"(?<![\w'’.-])(?P<name>{_RUN})\s+(?:reported(?=\s*[.,;])|"
                            r"(?:cited|quoted|reported)\s+[^.;\"“”]{1,60}?\bas saying\b)")
_WHICH = re.compile(rf"(?<![\w'’.-])(?P<name>[{UPPER}][{LOWER}]+),\s+which\b[^,;]{{1,80}},"
                    r"\s+(?:said|says|told|added|warned|announced|called)\b")


#: Vocabularies the rules combine, made once (not for every word a generator tests).
_ORG_OR_DESIGNATOR = ORG_WORDS | DESIGNATORS
_DESIGNATORS_NOT_TOWNS = DESIGNATORS - {"city", "town"}
_PLACES_NOT_ORGS = PLACE_WORDS - ORG_WORDS
_NOT_PERSON_WORDS = ORG_WORDS | PLACE_WORDS | MEDIA_WORDS
_ORGS_NOT_DESIGNATORS = ORG_WORDS - DESIGNATORS


def _keys(*words: str) -> tuple[str, ...]:
    return words


def holds_any(lower: str, keys: tuple[str, ...]) -> bool:
    """``lower`` holds one of ``keys``: what ``re.compile("|".join(map(re.escape, keys)))
    .search(lower)`` answered, by a C substring scan per key instead of trying an alternation
    at every position (PolNeAR: 0.9 s of 32 s under the profiler went to those searches;
    tests/test_organisations_keys.py proves both agree with hypothesis), with no Python
    step per key."""
    return any(map(lower.__contains__, keys))


#: (pattern, kind, rule, words one of which the paragraph must hold for the pattern to apply)
_CONTEXT_RULES: list[tuple[re.Pattern[str], ActorKind, str, tuple[str, ...]]] = [
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


@dataclass(frozen=True)
class OrgCandidate:
    """An organisation or outlet named at ``start:end``; ``strong`` if its shape says so."""

    start: int
    end: int
    name: str
    kind: ActorKind
    rule: str
    strong: bool
    acronym: str | None = None


class _Tok(NamedTuple):
    """A word of a capitalised stretch (a named tuple: 78,000 are made over the PolNeAR texts,
    at a third of a frozen dataclass's cost)."""

    start: int
    end: int
    text: str
    ends_run: bool  # punctuation or a possessive right after it
    possessive: bool = False
    opens: bool = False  # punctuation right before it ("(NLRB)")


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    toks = []
    for m in _TOKEN.finditer(text, start, end):
        raw = m.group()
        core = raw.strip(_EDGE)
        if not core:
            continue
        lead = raw.index(core[0])
        if "." in raw and _INITIALS.fullmatch(raw.strip(_EDGE_NOT_DOT)):
            core = raw.strip(_EDGE_NOT_DOT)  # "U.S." keeps its dots
        possessive = len(core) > 2 and core[-2:] in ("'s", "’s")
        if possessive:
            core = core[:-2]
        trail = raw[lead + len(core) + (2 if possessive else 0):]
        toks.append(_Tok(m.start() + lead, m.start() + lead + len(core), core,
                         possessive or bool(trail.strip("*_")), possessive,
                         bool(raw[:lead].strip("*_"))))
    return toks


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word == "&"


def _joins(tok: _Tok, nxt: _Tok | None) -> bool:
    """A connector inside a name ("Royal College of Nursing"), not before a date or a clause."""
    return tok.text.lower() in _CONNECTORS and nxt is not None and _capitalised(nxt.text) \
        and not is_function_word(nxt.text) and not is_date_word(nxt.text) and not tok.ends_run


def _runs(toks: list[_Tok]) -> list[list[_Tok]]:
    """Maximal runs of capitalised words (with inner connectors)."""
    runs: list[list[_Tok]] = []
    current: list[_Tok] = []
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if tok.opens and current:
            runs.append(current)
            current = []
        if _capitalised(tok.text) and tok.text != "&":
            current.append(tok)
        elif current and _joins(tok, nxt) and not current[-1].ends_run:
            current.append(tok)
            continue
        else:
            if current:
                runs.append(current)
            current = []
            continue
        if tok.ends_run:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [_trim_connectors(r) for r in runs if r]


def _trim_connectors(run: list[_Tok]) -> list[_Tok]:
    hi = len(run)
    while hi and (run[hi - 1].text.lower() in _CONNECTORS or run[hi - 1].text == "&"):
        hi -= 1
    lo = 0
    while lo < hi and (is_function_word(run[lo].text) or run[lo].text.lower() in _CONNECTORS):
        lo += 1
    return run[lo:hi]


def _lower(run: list[_Tok]) -> list[str]:
    return [t.text.lower() for t in run]


def _split(run: list[_Tok]) -> list[_Tok]:
    """The organisation part of a run: after "Stein of", before "Chief Executive".

    A loop, not recursion, and what the words before and after a token hold is carried
    along, not recomputed per token: a run of thousands of capitalised words ("the Ministry
    of Defence and NATO" repeated) took the square of its length, and a deeper recursion
    than Python allows on "A of B of C of ..." (``tests/test_organisations_keys.py``)."""
    cut = True
    while cut:  # "Stein of Acme": the part after the first owner-less connector
        cut = False
        owner = False  # an organisation word before the token
        for i, tok in enumerate(run):
            word = tok.text.lower()
            if word in ("of", "for", "and") and i > 0 and not owner and \
                    not (tok.text == "and" and i == 1):
                run, cut = _trim_connectors(run[i + 1:]), True
                break
            owner = owner or word in ORG_WORDS
    plain = [i for i, t in enumerate(run) if not is_title_word(t.text)]
    last_plain = plain[-1] if plain else -1  # a word after the token that is no title
    owner = False  # an organisation word or designator before the token
    for i, tok in enumerate(run):
        if i and is_role(tok.text) and last_plain > i and \
                run[i - 1].text.lower() not in _CONNECTORS and owner:
            j = i  # "Senate Majority Leader": the title starts at "Majority"
            while j > 1 and is_title_word(run[j - 1].text) and run[j - 1].text.lower() not in \
                    _ORG_OR_DESIGNATOR:
                j -= 1
            return _trim_connectors(run[:j])
        owner = owner or tok.text.lower() in _ORG_OR_DESIGNATOR
    return run


def _shape(run: list[_Tok], text: str, media_names: frozenset[str]) -> ActorKind | None:
    """organization / media if the run's own words say so."""
    words = _lower(run)
    if len(run) == 1 and words[0] in MEDIA_WORDS and \
            text[max(0, run[0].start - 4):run[0].start].lower() == "the ":
        return "media"  # "wrote The Courier", "the Post reported"
    if len(run) < 2 or any(w in _NON_ORG for w in words[-1:]):
        return None
    if _THING_AFTER.match(text, run[-1].end):
        return None
    if words[-1] in MEDIA_WORDS or run[0].text in media_names:
        return "media"
    if (any(w in ORG_WORDS for w in words) or words[-1] in _DESIGNATORS_NOT_TOWNS) \
            and words[-1] not in _PLACES_NOT_ORGS:
        return "organization"
    if "&" in words:
        return "organization"
    if run[-1].text in _COUNTRY_TAILS and (len(run) >= 3 or run[0].text.isupper()) \
            and not any(w in _CONNECTORS for w in words) and not is_title_word(run[0].text):
        return "organization"  # "Cancer Research UK", "NHS England"
    return None


def _name(run: list[_Tok], text: str) -> str:
    return text[run[0].start:run[-1].end]


def _run_at(text: str, pos: int, end: int, *, max_words: int = 6,
            possessive_names: bool = False) -> list[_Tok]:
    """The capitalised run that starts at character ``pos`` (empty if none).

    With ``possessive_names`` a possessive inside the run is kept ("Runner's World").
    """
    toks = _tokens(text, pos, min(end, pos + 25 * max_words))
    run: list[_Tok] = []
    for i, tok in enumerate(toks):
        if tok.end <= pos:
            continue
        if not run and tok.start != pos:
            break
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if run and tok.opens:
            break
        if _capitalised(tok.text) or (run and _joins(tok, nxt)):
            run.append(tok)
        else:
            break
        glued = possessive_names and tok.possessive and nxt is not None \
            and nxt.text[:1].isupper()
        if (tok.ends_run and not glued) or len(run) >= max_words:
            break
    return _trim_connectors(run)


def _before_title(run: list[_Tok], text: str) -> OrgCandidate | None:
    """'Corvant Chief Executive Raymond Teo': the words before a title name an organisation."""
    for i, tok in enumerate(run[:4]):
        if is_title_word(tok.text):
            if i == 0 or (not is_role(tok.text) and tok.text.lower() not in DEPARTMENTS):
                return None
            head = run[:i]
            rest = [t for t in run[i:] if not is_title_word(t.text) and t.text not in ("Jr", "Sr")]
            person_like = rest and not any(w in _NOT_PERSON_WORDS
                                           for w in _lower(rest))
            if person_like and given_name_gender(head[0].text) is None and not any(
                    is_title_word(t.text) or is_function_word(t.text) for t in head):
                return OrgCandidate(head[0].start, head[-1].end, _name(head, text),
                                    "organization", ORG_RULE, False)
            return None
    return None


def find_organisations(text: str, spans: list[tuple[int, int]],
                       media_names: frozenset[str]) -> list[OrgCandidate]:
    """Organisation and outlet candidates in the ``spans`` of ``text`` where names are new."""
    found: list[OrgCandidate] = []
    for start, end in spans:
        for region in _REGION.finditer(text, start, end):
            if " " in region.group() or "\u00a0" in region.group():  # one word names nothing here
                found.extend(_in_region(text, region.start(), region.end(), media_names))
        found.extend(_by_context(text, start, end))
    return found


def _in_region(text: str, start: int, end: int, media_names: frozenset[str]
               ) -> list[OrgCandidate]:
    found = []
    for run in _runs(_tokens(text, start, end)):
        titled = _before_title(run, text)
        if titled is not None:
            found.append(titled)
        run = _split(run)
        kind = _shape(run, text, media_names) if run else None
        if kind is not None:
            first = run[0].start
            if len(run) == 1 and text[max(0, first - 4):first] == "The ":
                first -= 4  # "The Courier": the article belongs to a one-word title
            found.append(OrgCandidate(first, run[-1].end, text[first:run[-1].end], kind,
                                      MEDIA_RULE if kind == "media" else ORG_RULE, True))
    return found


def _by_context(text: str, start: int, end: int) -> list[OrgCandidate]:
    found: list[OrgCandidate] = []
    chunk = text[start:end]
    lower = chunk.lower()
    for regex, kind, rule, keys in _CONTEXT_RULES:
        if not holds_any(lower, keys):
            continue  # cheap test first: most paragraphs hold none of the nouns
        for m in regex.finditer(text, start, end):
            run = _run_at(text, m.end(), end, max_words=4, possessive_names=regex is _RELAY_BY)
            run = run[:next((i for i, t in enumerate(run) if t.text == "and"), len(run))]
            if not run or (is_role(run[0].text) and not run[0].possessive) \
                    or is_function_word(run[0].text) or all(is_title_word(t.text) for t in run):
                continue
            word_before = text[max(start, m.start() - 30):m.start()].split()[-1:]
            if regex in (_ORG_NOUN, _MEDIA_NOUN) and word_before and word_before[0][:1].isupper() \
                    and word_before[0][-1:].isalpha() and not is_title_word(word_before[0]):
                continue  # "RIA news agency Moscow ...": the noun belongs to a name
            if regex is _RELAY_BY and _lower(run)[-1] in ORG_WORDS:
                continue  # "told the Council": an organisation, not an outlet
            if (regex is _ORG_NOUN and len(run) > 3) or any(w in PLACE_WORDS for w in _lower(run)):
                continue
            found.append(OrgCandidate(run[0].start, run[-1].end, _name(run, text), kind, rule,
                                      regex not in (_RELAY_BY, _SPOKES_FOR)))
    relayed = "reported" in chunk or "as saying" in chunk
    for m in _RELAY_SUBJECT.finditer(text, start, end) if relayed else ():
        run = _run_at(text, m.start("name"), end, max_words=4)
        if run and not is_function_word(run[0].text):
            found.append(OrgCandidate(run[0].start, run[-1].end, _name(run, text), "media",
                                      MEDIA_RULE, False))
    for m in _WHICH.finditer(text, start, end) if ", which" in chunk else ():
        found.append(OrgCandidate(m.start("name"), m.end("name"), m.group("name"),
                                  "organization", ORG_RULE, False))
    for m in _ACRONYM_DEF.finditer(text, start, end) if " (" in chunk else ():
        run = _split(_run_at(text, m.start("name"), end, max_words=8) or [])
        if run and not any(w in _NON_ORG for w in _lower(run)) and (
                _initials(_name(run, text)) == m.group("acr")
                or _shape(run, text, frozenset()) == "organization"):
            found.append(OrgCandidate(run[0].start, run[-1].end, _name(run, text),
                                      "organization", ORG_RULE, True, m.group("acr")))
    return found


def _initials(name: str) -> str:
    """'National Labor Relations Board' -> 'NLRB' (connectors skipped)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _CONNECTORS]
    return "".join(w[0] for w in words if w[0].isupper())


def initials(name: str) -> str:
    """Public form of the initials rule, for linking acronyms to names."""
    return _initials(name)


def short_forms(name: str) -> list[str]:
    """Other ways a detected organisation is written alone: without its company or club
    designators ("Meridian" for "Meridian Foods") or as its head noun ("Commission")."""
    words = name.split()
    forms = []
    core = list(words)
    while len(core) > 1 and core[-1].lower() in DESIGNATORS:
        core.pop()  # "Applied Orchard Inc" -> "Applied Orchard", "Meridian Foods" -> "Meridian"
    if len(core) < len(words):
        forms.append(" ".join(core))
    if len(words) >= 2 and words[-1].lower() in _ORGS_NOT_DESIGNATORS and words[-1][:1].isupper():
        forms.append(words[-1])
    return forms
