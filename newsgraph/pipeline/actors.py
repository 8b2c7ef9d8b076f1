"""Actor mentions in article bodies: gazetteer names, titled persons, surnames and pronouns.

Two sources of names: a gazetteer (the built-in one of well-known countries, organisations and
media, plus a recipe's curated table) and rules for people ("Foreign Minister Mevlut Cavusoglu",
"Alexander Mikheev said"). Surname-only and "Mr X" mentions link to the full name in the same
article. Only title, subheading and body segments are read: a name found only in boilerplate
(captions, credits, ads) never becomes an actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from newsgraph.models.actor import MentionForm
from newsgraph.pipeline.drafts import ActorDraft, ActorMentionDraft, ArticleDraft, RoleDraft, Span

GAZETTEER_RULE = "rule:actors.gazetteer@1"
PERSON_RULE = "rule:actors.person_title@1"
SURNAME_RULE = "rule:actors.surname@1"
READ_KINDS = frozenset({"title", "subheading", "body"})

_NAME_WORD = r"[A-Z][a-zà-öø-ÿA-Z’'\-]+"
_PERSON_NAME = rf"(?:{_NAME_WORD}\s+){{1,3}}{_NAME_WORD}"
TITLES = (
    r"President|Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|"
    r"Defen[cs]e Minister|Interior Minister|Finance Minister|Minister|Secretary of State|"
    r"Secretary of Defen[cs]e|Defen[cs]e Secretary|Secretary|Chancellor|Director General|"
    r"Director|Chairman|Chief Executive|CEO|Senator|Sen\.|Representative|Rep\.|Governor|"
    r"Ambassador|Spokesman|Spokeswoman|spokesman|spokeswoman|General|Gen\.|Admiral|"
    r"King|Queen|Prince|Pope|Mayor|Speaker|Commissioner|Chief|Head|head"
)
HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Prof)\.?"
_ROLE_PERSON = re.compile(
    rf"(?P<role>(?:(?:U\.S\.|US|[A-Z][a-z]+(?:’s|'s)?)\s+)?(?:{TITLES}))\s+(?P<name>{_PERSON_NAME})"
)
_HONORIFIC_NAME = re.compile(rf"\b{HONORIFIC}\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?)")
_SPEAKER_NAME = re.compile(
    rf"(?<![\w’'])(?P<name>{_PERSON_NAME})(?:,[^,\"“”]{{3,80}},)?\s+(?:on \w+day\s+)?"
    r"(?:said|says|told|added|noted|warned|stressed|remarked|explained|insisted|argued)\b"
)
_APPOSITIVE = re.compile(rf"(?P<name>{_PERSON_NAME}),\s+(?P<role>[^,\"“”]{{3,60}}),\s+said")
_LOCATIVE = re.compile(r"\b(in|at|outside|near|to|from|capital|city of)\s+$", re.I)
#: Words that make a capitalised sequence an organisation or place, not a person.
_NOT_PERSON = re.compile(
    r"\b(Agency|Ministry|Department|Party|Organi[sz]ation|Council|Forces|Force|Army|Union|"
    r"Institute|Bank|Company|Corporation|Commission|Committee|Base|House|Summit|Air|News|"
    r"Times|Post|Act|Program|Programme|Office|Republic|State|States|Kingdom|Nations|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|The|A|An|In|On|But|And)\b"
)


_TITLE_WORD = re.compile(
    r"President|Vice|Prime|Deputy|Foreign|Defen[cs]e|Interior|Finance|Minister|Secretary|"
    r"Chancellor|Director|General|Chairman|Chief|Senator|Governor|Ambassador|Spokesman|"
    r"Spokeswoman|Admiral|King|Queen|Prince|Pope|Mayor|Speaker|Commissioner|Head|Mr|Mrs|Ms|Dr|"
    r"U\.S\.|US|Turkish|Russian|American|German|French|British|Chinese|Former|Then"
)


@dataclass(frozen=True)
class Gazetteer:
    """Known actors: canonical entries and a surface-form index (form -> (name, form type))."""

    entries: dict[str, ActorDraft]
    forms: dict[str, tuple[str, MentionForm]]

    def merged(self, extra: Iterable[ActorDraft]) -> Gazetteer:
        """A gazetteer with ``extra`` entries added or overriding (curated tables win)."""
        entries = dict(self.entries)
        forms = dict(self.forms)
        for draft in extra:
            entries[draft.name] = draft
            forms[draft.name] = (draft.name, "name")
            for alias in draft.aliases:
                forms[alias] = (draft.name, "acronym" if alias.isupper() else "alias")
        return Gazetteer(entries, forms)


def _entry_from_yaml(item: dict[str, Any], method: str) -> tuple[ActorDraft, list[str]]:
    draft = ActorDraft(name=item["name"], kind=item["kind"],
                       aliases=set(item.get("aliases") or []),
                       description=item.get("description"), method=method)
    return draft, list(item.get("metonyms") or [])


def builtin_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package (no Wikidata ids: those are curated)."""
    text = resources.files("newsgraph.resources").joinpath("gazetteer.yml").read_text("utf-8")
    entries: dict[str, ActorDraft] = {}
    forms: dict[str, tuple[str, MentionForm]] = {}
    for item in yaml.safe_load(text):
        draft, metonyms = _entry_from_yaml(item, GAZETTEER_RULE)
        entries[draft.name] = draft
        forms[draft.name] = (draft.name, "name")
        for alias in draft.aliases:
            forms[alias] = (draft.name, "acronym" if alias.isupper() else "alias")
        for metonym in metonyms:
            forms[metonym] = (draft.name, "metonym")
    return Gazetteer(entries, forms)


def _read_spans(draft: ArticleDraft) -> list[tuple[int, int]]:
    return [(s.char_start, s.char_end) for s in draft.segments if s.kind in READ_KINDS]


def _form_regex(forms: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    alternation = "|".join(re.escape(f) for f in ordered)
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w]|\.\w)")


def _is_place_use(text: str, start: int, surface: str) -> bool:
    """A capital used as a place ('in London', 'MOSCOW (Sputnik) -'), not a government."""
    before = text[max(0, start - 20):start]
    return bool(_LOCATIVE.search(before)) or (surface.isupper() and surface not in ("US", "UK"))


def find_actors(draft: ArticleDraft, gazetteer: Gazetteer) -> None:
    """Fill ``draft.actors``, ``draft.actor_mentions`` and ``draft.roles`` (in place)."""
    text = draft.source.text
    spans = _read_spans(draft)
    people: dict[str, str] = {}  # person name -> rule
    roles: list[tuple[str, str, Span]] = []
    for start, end in spans:
        chunk = text[start:end]
        for regex in (_ROLE_PERSON, _SPEAKER_NAME, _APPOSITIVE):
            for m in regex.finditer(chunk):
                name = _trim_name(m.group("name"))
                if name is None:
                    continue
                if name not in gazetteer.forms:
                    people.setdefault(name, PERSON_RULE)
                if regex is not _SPEAKER_NAME:
                    role_start = start + m.start("role")
                    role = m.group("role")
                    roles.append((name, role, Span(role_start, role_start + len(role), role)))
    # Person forms: full name, surname, "Mr Surname".
    forms: dict[str, tuple[str, MentionForm]] = dict(gazetteer.forms)
    surname_owner: dict[str, set[str]] = {}
    known_people = [n for n, d in gazetteer.entries.items() if d.kind == "person"] + list(people)
    for name in known_people:
        forms.setdefault(name, (name, "name"))
        parts = name.split()
        if len(parts) >= 2:
            surname_owner.setdefault(parts[-1], set()).add(name)
            if len(parts) >= 3:
                short = f"{parts[-2]} {parts[-1]}"
                surname_owner.setdefault(short, set()).add(name)
    for surname, owners in surname_owner.items():
        if len(owners) == 1 and surname not in forms:
            (owner,) = owners
            forms[surname] = (owner, "surname")
    for m in _HONORIFIC_NAME.finditer(text):
        surname = m.group("name").split()[-1]
        known = forms.get(surname)
        if known:
            forms[m.group()] = (known[0], "honorific")
    regex = _form_regex(forms)
    used: set[str] = set()
    for start, end in spans:
        for m in regex.finditer(text, start, end):
            name, form = forms[m.group()]
            if form == "metonym" and _is_place_use(text, m.start(), m.group()):
                continue
            method = PERSON_RULE if name in people else (
                SURNAME_RULE if form in ("surname", "honorific") else gazetteer_method(gazetteer, name))
            confidence = 0.95 if form in ("name", "alias", "acronym") else 0.85
            draft.actor_mentions.append(ActorMentionDraft(
                name, Span(m.start(), m.end(), m.group()), form, method,
                1.0 if method == "curated" else confidence))
            used.add(name)
    for name in sorted(used):
        entry = gazetteer.entries.get(name)
        draft.actors[name] = entry if entry is not None else ActorDraft(
            name=name, kind="person", method=people.get(name, PERSON_RULE))
    for name, role, span in roles:
        owner = forms.get(name, (name, "name"))[0]
        if owner in used and draft.actors[owner].kind == "person":
            draft.roles.append(RoleDraft(owner, role.strip(), None, span, "rule:actors.role@1"))


def gazetteer_method(gazetteer: Gazetteer, name: str) -> str:
    entry = gazetteer.entries.get(name)
    return entry.method if entry is not None else GAZETTEER_RULE


def _trim_name(name: str) -> str | None:
    """Drop leading words that cannot start a person's name; None if nothing person-like is left."""
    words = name.split()
    while words and (_NOT_PERSON.fullmatch(words[0]) or _TITLE_WORD.fullmatch(words[0])
                     or words[0].endswith(("'s", "’s"))):
        words.pop(0)
    if len(words) < 2 or any(_NOT_PERSON.fullmatch(w) for w in words):
        return None
    return " ".join(words)
