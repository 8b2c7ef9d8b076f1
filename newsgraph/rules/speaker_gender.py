"""The gender of a speaker, so that "he" and "she" resolve to a person of the same gender.

``attribution.Resolver`` learns each person's gender from the article alone, before any quote
is attributed (``known_genders``): from "Mr"/"Ms" and the other gendered honorifics of
``names``, from gendered nouns of the person's roles ("spokeswoman"), and from a pronoun
bound to the only person of a sentence ("Collins, 29, said he ..."); common given names
(``names.given_name_gender``) are its fallback. ``gender_of_word`` also reads the head of an
unnamed speaker ("a spokeswoman for the agency").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping

from newsgraph.rules.drafts import ActorMentionDraft, ArticleDraft
from newsgraph.rules.names import FEMALE_HONORIFICS, MALE_HONORIFICS
from newsgraph.rules.unnamed_speakers import UNNAMED

_MALE = frozenset("""spokesman man men father chairman businessman husband son brother king
prince councilman congressman grandfather uncle nephew boy""".split())
_FEMALE = frozenset("""spokeswoman woman women mother chairwoman businesswoman wife daughter
sister queen princess actress councilwoman congresswoman grandmother aunt niece girl""".split())
_HONORIFIC_GENDER = re.compile(
    r"^(?:(?P<m>" + "|".join(sorted(w.capitalize() for w in MALE_HONORIFICS)) + r")|(?P<f>"
    + "|".join(sorted(w.capitalize() for w in FEMALE_HONORIFICS)) + r"))\b")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)


def gender_of_word(word: str) -> str | None:
    w = word.lower()
    return "m" if w in _MALE or w in ("he", "him", "his") else (
        "f" if w in _FEMALE or w in ("she", "her") else None)


def known_genders(draft: ArticleDraft, mentions: list[ActorMentionDraft],
                  kind: Mapping[str, str], quoted: list[tuple[int, int]]) -> dict[str, str]:
    """The gender ("m" or "f") of each person the article tells, by actor: an honorific of a
    mention first, then a gendered word of a role, then a bound pronoun (``_bind``).

    ``mentions``: the article's actor mentions sorted by start; ``kind``: each actor's kind;
    ``quoted``: the spans inside quotation marks, sorted and disjoint.
    """
    gender: dict[str, str] = {}
    for m in mentions:
        g = _HONORIFIC_GENDER.match(m.span.text)
        if g and kind.get(m.actor) == "person":
            gender.setdefault(m.actor, "m" if g.group("m") else "f")
    for role in draft.roles:
        for word in role.role.split():
            if (g2 := gender_of_word(word)) is not None:
                gender.setdefault(role.actor, g2)
    _bind(draft, mentions, kind, quoted, gender)
    return gender


def _bind(draft: ArticleDraft, mentions: list[ActorMentionDraft], kind: Mapping[str, str],
          quoted: list[tuple[int, int]], gender: dict[str, str]) -> None:
    """A sentence that names one person and says 'he' (or 'she') tells that person's gender.

    Pronouns inside quotation marks (``quoted``: sorted, disjoint) do not count.
    """
    text = draft.source.text
    starts = [m.span.start for m in mentions]
    quote_ends = [b for _, b in quoted]
    for seg in draft.segments:
        if seg.kind != "body":
            continue
        for s in _SENTENCE.finditer(text, seg.char_start, seg.char_end):
            people = [m for m in mentions[bisect_left(starts, s.start()):
                                          bisect_left(starts, s.end())]
                      if kind.get(m.actor) == "person"]
            if len({m.actor for m in people}) != 1 or UNNAMED.search(s.group()):
                continue
            after = people[0].span.end
            first = bisect_right(quote_ends, s.start())
            inside = [q for q in quoted[first:first + 50] if q[0] < s.end()]
            he = [x for x in _HE.finditer(text, after, s.end()) if not _inside(x, inside)]
            she = [x for x in _SHE.finditer(text, after, s.end()) if not _inside(x, inside)]
            if bool(he) != bool(she):
                gender.setdefault(people[0].actor, "m" if he else "f")


def _inside(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(a <= match.start() < b for a, b in spans)
