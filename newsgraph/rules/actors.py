"""Actor mentions in article bodies: gazetteer names, organisations, people and their short forms.

Three sources of names, merged longest-first (at equal length a gazetteer name wins over a
rule's, an organisation named by its shape over a person, and a person over an outlet guessed
from "told X"):

* the gazetteer: the built-in one (countries with their capitals, well-known organisations
  and media) plus a recipe's curated table; a capital counts for its government only when it is
  not used as a place ("talks in Paris", "PARIS (AP) -", "the Paris Agreement");
* organisation and outlet rules (``organisations``), with their short forms ("Meridian" for
  "Meridian Foods", "Commission" for "European Commission") and acronyms ("NLRB");
* person rules (``people``), with surnames and "Mr/Ms X" linked to the full name;

and, last, the names no rule found that reporting shows to be actors (``reporting_names``:
"NOVATEK has warned", a full name that reports and is then written by surname, the labels of
a transcript).

Only title, subheading and body segments are read (a headline in Title Case only for names
already known: its capitals say nothing), and the agency credit of a dateline
("CHICAGO, Feb. 20 (Reuters) -") is skipped: a name found only in boilerplate (captions,
credits, ads) never becomes an actor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from newsgraph.models.actor import MentionForm
from newsgraph.models.base import ActorKind
from newsgraph.rules.drafts import ActorDraft, ActorMentionDraft, ArticleDraft, RoleDraft, Span
from newsgraph.rules.forms import FormIndex, bounded
from newsgraph.rules.names import is_title_case
from newsgraph.rules.org_shapes import (
    MEDIA_RULE,
    ORG_RULE,
    OrgCandidate,
    initials,
    short_forms,
)
from newsgraph.rules.organisations import find_organisations
from newsgraph.rules.people import ROLE_RULE, SURNAME_RULE, find_people
from newsgraph.rules.reporting_names import find_reporting_names
from newsgraph.rules.segment import DATELINE, Segment

GAZETTEER_RULE = "rule:actors.gazetteer@2"
GAZETTEER_FILE = "gazetteer.yml"
ACRONYM_RULE = "rule:actors.acronym@1"
READ_KINDS = frozenset({"title", "subheading", "body"})

_LOCATIVE = re.compile(r"\b(in|at|outside|near|to|from|of|capital|city of|visit|visited|"
                       r"visiting)\s+$", re.I)
_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{2,8}(?![\w])")
#: Priority at equal length (lower wins).
_GAZETTEER, _ORG, _PERSON, _GUESS = range(4)


@dataclass(frozen=True)
class Gazetteer:
    """Known actors: canonical entries and a surface-form index (form -> (name, form type)).

    ``after_the`` forms stand for their actor only right after "the" ("the House").
    """

    entries: dict[str, ActorDraft]
    forms: dict[str, tuple[str, MentionForm]]
    after_the: frozenset[str] = field(default_factory=frozenset)

    def merged(self, extra: Iterable[ActorDraft]) -> Gazetteer:
        """A gazetteer with ``extra`` entries added or overriding (curated tables win)."""
        entries = dict(self.entries)
        forms = dict(self.forms)
        for draft in extra:
            entries[draft.name] = draft
            forms[draft.name] = (draft.name, "name")
            for alias in draft.aliases:
                forms[alias] = (draft.name, "acronym" if alias.isupper() else "alias")
        return Gazetteer(entries, forms, self.after_the)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """All forms, longest first (compiled once per gazetteer)."""
        return _gazetteer_regex(self.forms)

    @cached_property
    def media_names(self) -> frozenset[str]:
        return frozenset(f for f, (name, _) in self.forms.items()
                         if self.entries[name].kind == "media")


def builtin_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package (no Wikidata ids: those are curated)."""
    with resources.as_file(resources.files("newsgraph.resources").joinpath(GAZETTEER_FILE)) \
            as path:
        return read_gazetteer(path)


def read_gazetteer(path: Path) -> Gazetteer:
    """A gazetteer file, every entry validated with the curated-actor model (``curated``),
    so a bad entry fails with the file and line like a bad curated actor."""
    from newsgraph.rules.curated import load_gazetteer_entries

    entries: dict[str, ActorDraft] = {}
    forms: dict[str, tuple[str, MentionForm]] = {}
    after_the: set[str] = set()
    for item in load_gazetteer_entries(path):
        draft = ActorDraft(name=item.name, kind=item.kind, aliases=set(item.aliases),
                           description=item.description, method=GAZETTEER_RULE)
        entries[draft.name] = draft
        forms[draft.name] = (draft.name, "name")
        for alias in draft.aliases:
            forms[alias] = (draft.name, "acronym" if alias.isupper() else "alias")
        for metonym in item.metonyms:
            forms[metonym] = (draft.name, "metonym")
        for short in item.after_the:
            forms[short] = (draft.name, "alias")
            after_the.add(short)
    return Gazetteer(entries, forms, frozenset(after_the))


def _read_spans(draft: ArticleDraft) -> list[tuple[int, int]]:
    """Read segments, without the agency credit of a dateline."""
    spans = []
    for s in draft.segments:
        if s.kind not in READ_KINDS:
            continue
        m = DATELINE.match(s.text)
        if s.kind == "body" and m is not None and m.group("agency"):
            spans.append((s.char_start, s.char_start + m.start("agency") - 1))
            spans.append((s.char_start + m.end("agency") + 1, s.char_end))
        else:
            spans.append((s.char_start, s.char_end))
    return spans


def _trie(forms: list[str]) -> str:
    """A regex alternation of ``forms`` as a prefix tree, longest match first (fast to scan)."""
    tree: dict[str, Any] = {}
    for form in forms:
        node = tree
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)


def _gazetteer_regex(forms: Iterable[str]) -> re.Pattern[str]:
    """Any of ``forms`` as a whole word, the longest one first where several start together
    (``forms.form_regex``'s rule), its alternation a prefix tree: the gazetteer's forms are
    many and fixed, so the tree is compiled once."""
    unique = sorted(set(forms), key=lambda f: (-len(f), f)) or ["(?!x)x"]
    # a prefix tree tries the longer continuation first, but backs off to a shorter form when
    # the word boundary fails ("Washington Post" before "Washington")
    return bounded(_trie(unique))


def _is_place_use(text: str, start: int, end: int, surface: str) -> bool:
    """A capital used as a place ('in London', 'MOSCOW (Sputnik) -', 'the Paris Agreement')."""
    before = text[max(0, start - 20):start]
    after = text[end:end + 2]
    named_thing = len(after) == 2 and after[0] == " " and after[1].isupper()
    return bool(_LOCATIVE.search(before)) or named_thing or (
        surface.isupper() and surface not in ("US", "UK"))


class _Candidate(NamedTuple):
    """A name found at ``start:end`` (a named tuple: 36,000 are made over the PolNeAR texts,
    at a third of a frozen dataclass's cost)."""

    start: int
    end: int
    name: str
    form: MentionForm
    method: str
    confidence: float
    priority: int


def _gazetteer_candidates(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer
                          ) -> list[_Candidate]:
    found = []
    for start, end in spans:
        for m in gazetteer.regex.finditer(text, start, end):
            name, form = gazetteer.forms[m.group()]
            if form == "metonym" and _is_place_use(text, m.start(), m.end(), m.group()):
                continue
            if m.group() in gazetteer.after_the and (
                    text[max(0, m.start() - 4):m.start()].lower() != "the "
                    or text.startswith(" of", m.end())):
                continue
            method = gazetteer.entries[name].method
            confidence = 0.95 if form in ("name", "alias", "acronym") else 0.85
            found.append(_Candidate(m.start(), m.end(), name, form, method,
                                    1.0 if method == "curated" else confidence, _GAZETTEER))
    return found


@dataclass
class _Organisations:
    kinds: dict[str, ActorKind] = field(default_factory=dict)
    strong: set[str] = field(default_factory=set)
    forms: dict[str, tuple[str, MentionForm]] = field(default_factory=dict)


def _organisations(found: list[OrgCandidate], gazetteer: Gazetteer) -> _Organisations:
    """Canonical organisations and outlets with their forms (strong shapes decide the kind).

    A name that is the short form of one longer organisation ("Bristol" for "Bristol City
    Women") is that organisation, whichever rule found it.
    """
    orgs = _Organisations()
    shorts: dict[str, set[str]] = {}
    for c in found:
        if c.strong and c.kind == "organization" and c.name not in gazetteer.forms:
            for short in short_forms(c.name):
                shorts.setdefault(short, set()).add(c.name)
    shorts = {s: o for s, o in shorts.items() if len(o) == 1 and s not in gazetteer.forms}
    for c in sorted(found, key=lambda c: (not c.strong, c.kind != "media", c.start)):
        if c.name in gazetteer.forms or c.name in orgs.kinds or c.name in shorts:
            continue
        orgs.kinds[c.name] = c.kind
        if c.strong:
            orgs.strong.add(c.name)
    for c in found:
        if c.acronym and c.name in orgs.kinds:
            orgs.forms.setdefault(c.acronym, (c.name, "acronym"))
    for name in orgs.kinds:
        orgs.forms[name] = (name, "name")
    for short, owners in shorts.items():
        owner = next(iter(owners))
        if owner in orgs.kinds and short not in orgs.forms:
            orgs.forms[short] = (owner, "alias")
    return orgs


def _acronym_forms(text: str, spans: list[tuple[int, int]], orgs: _Organisations) -> None:
    """An all-capitals word that spells a detected organisation's initials is its acronym."""
    by_initials: dict[str, set[str]] = {}
    for name in orgs.strong:
        if len(name.split()) >= 2:
            by_initials.setdefault(initials(name), set()).add(name)
    for start, end in spans:
        for m in _ACRONYM.finditer(text, start, end):
            owners = by_initials.get(m.group(), set())
            if len(owners) == 1 and m.group() not in orgs.forms:
                orgs.forms[m.group()] = (next(iter(owners)), "acronym")


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first, then by priority."""
    starts: list[int] = []  # taken spans, sorted and disjoint
    ends: list[int] = []
    chosen = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        i = bisect_right(starts, c.start)
        if (i and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


#: An opening body paragraph of this many words or more in title case is a headline the
#: segmenter did not mark ("Harbour Town Votes To Condemn Alan Smith's Pier Plan."); fewer
#: words are as likely a short sentence of names ("Professor Ines Marlowe joined them.").
_HEADLINE_WORDS = 6


def _headlines(segments: list[Segment]) -> list[tuple[int, int]]:
    """Lines in title case, where capitals say nothing about names: new names are not read
    there ("Votes To Condemn Alan Smith" is no name), only names the article gives elsewhere.
    A title or subheading in title case, and the first body paragraph when it has at least
    ``_HEADLINE_WORDS`` words in title case."""
    found = [(s.char_start, s.char_end) for s in segments
             if s.kind in ("title", "subheading") and is_title_case(s.text)]
    first = next((s for s in segments if s.kind == "body"), None)
    if first is not None and is_title_case(first.text, _HEADLINE_WORDS):
        found.append((first.char_start, first.char_end))
    return found


def find_actors(draft: ArticleDraft, gazetteer: Gazetteer) -> None:
    """Fill ``draft.actors``, ``draft.actor_mentions`` and ``draft.roles`` (in place)."""
    text = draft.source.text
    spans = _read_spans(draft)
    headlines = _headlines(draft.segments)
    fresh = [span for span in spans if span not in headlines]  # where new names are found
    candidates = _gazetteer_candidates(text, spans, gazetteer)
    orgs = _organisations(find_organisations(text, fresh, gazetteer.media_names), gazetteer)
    _acronym_forms(text, spans, orgs)
    people = find_people(text, fresh, set(gazetteer.forms) | orgs.strong)
    forms: dict[str, tuple[str, MentionForm, int]] = {}
    for form, (name, how) in orgs.forms.items():
        forms[form] = (name, how, _ORG if name in orgs.strong else _GUESS)
    for form, (name, how) in people.forms.items():
        if form not in forms or forms[form][2] == _GUESS:
            forms[form] = (name, how, _PERSON)
    if forms:
        index = FormIndex(forms)
        for start, end in spans:
            for at, stop, form in index.finditer(text, start, end):
                name, how, priority = forms[form]
                method = people.names.get(name) or (
                    MEDIA_RULE if orgs.kinds.get(name) == "media" else ORG_RULE)
                if how == "acronym":
                    method = ACRONYM_RULE
                elif how in ("surname", "honorific") and priority == _PERSON:
                    method = SURNAME_RULE
                confidence = {_ORG: 0.85, _PERSON: 0.9, _GUESS: 0.7}[priority]
                if how not in ("name", "acronym"):
                    confidence -= 0.05
                candidates.append(_Candidate(at, stop, name, how, method, confidence, priority))
    used: set[str] = set()
    for c in _select(candidates):
        draft.actor_mentions.append(ActorMentionDraft(
            c.name, Span(c.start, c.end, text[c.start:c.end]), c.form, c.method, c.confidence))
        used.add(c.name)
    for name in sorted(used):
        entry = gazetteer.entries.get(name)
        if entry is not None:
            draft.actors[name] = entry
        elif name in people.names:
            draft.actors[name] = ActorDraft(name=name, kind="person", method=people.names[name])
        else:
            kind = orgs.kinds.get(name, "organization")
            draft.actors[name] = ActorDraft(name=name, kind=kind,
                                            method=MEDIA_RULE if kind == "media" else ORG_RULE)
    for written, role, span in people.roles:
        known = people.forms.get(written) or gazetteer.forms.get(written)
        name = known[0] if known else written
        if name in used and draft.actors[name].kind == "person":
            draft.roles.append(RoleDraft(name, role.strip(), None, span, ROLE_RULE))
    find_reporting_names(draft, spans)
