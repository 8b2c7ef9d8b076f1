"""Events: a trigger word of the event lexicon, the clause that reports it, who did it to whom.

A body sentence whose words hold a trigger (``event_lexicon``: verbs and nouns by PLOVER type)
becomes an event of that type, read from the first trigger of the sentence that is not a
plain reporting verb (statements are attributions, not events). Its mention is the trigger's
clause (``event_clauses``), its label the clause's opening words, its participants the
clause's subject (agent) and object (target, or recipient where something is given), its
status the tense, modality and negation of the clause (``event_modality``). An intention to do
something cooperative ("will provide aid", "is ready to send troops") is PLOVER's AGREE (an
offer or an agreement); a conditional intention to do something hostile ("will withdraw ... unless") is a
threat. Its date is the time mention (``times``) of that sentence linked to it
(``event_dates``: of the same clause, next to the trigger or after a preposition, nearest
it); else the story's time (the date of the article's last event dated by its words); else
the publication date (basis ``publication_date``); else none. A sentence gives an event a
clause, up to ``MAX_EVENTS_PER_SENTENCE``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from newsgraph.models.event import EVENT_TYPES, EventType, ParticipantRole
from newsgraph.rules.demonyms import find_demonyms
from newsgraph.rules.drafts import ActorDraft, ActorMentionDraft, ArticleDraft, EventDraft, Span
from newsgraph.rules.event_clauses import Clause, Name, analyse, obligation
from newsgraph.rules.event_dates import PERIOD_END, PERIOD_NOUN, event_date, publication
from newsgraph.rules.event_lexicon import (
    OBLIGATION_CUES,
    TRIGGER_CUES,
    TRIGGER_FORMS,
    WEAK_TYPES,
)
from newsgraph.rules.event_modality import CONDITION, INTENT, event_status
from newsgraph.rules.names import FUNCTION_WORDS, ORG_WORDS
from newsgraph.rules.scanner import Cue
from newsgraph.rules.sentences import sentence_spans
from newsgraph.rules.times import TimeExpr

RULE = "rule:events.triggers@5"
#: The actor mentions the events stage adds for its participants: demonyms ("Turkish troops"
#: -> Turkey) and an organisation's name as a clause's subject that the actors stage left out.
DEMONYM_RULE = "rule:events.participants@1"

#: PLOVER types whose acts are cooperative: an intention to do one is an AGREE.
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
_MATERIAL = frozenset({"COOPERATE", "AID", "RETREAT"})
#: Hostile acts: an intention to do one on a condition is a threat.
_HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"})
#: Types whose object receives something: its role is ``recipient``.
_GIVING = frozenset({"offer", "aid", "humanitarian_aid", "asylum", "arms_delivery",
                     "extradition", "intelligence_sharing"})

_LABEL_WORDS = 14


#: A sentence that opens with a phrase of its own ("In a letter handed to the UN, Iraq ..."):
#: a trigger before its comma is not the sentence's event.
_OPENING_PHRASE = re.compile(r"(?:In|On|At|After|Before|During|Following|Despite|With|Under|"
                             r"Amid|Since|As)\b[^,]{0,120},")


def _trigger(text: str, start: int, end: int, names: list[Name]) -> Cue | None:
    """The sentence's first trigger outside an actor's name ("Ceasefire Committee"), in lower
    case unless it opens the sentence, and after an opening phrase when another follows."""
    opening = _OPENING_PHRASE.match(text, start, end)
    if opening is not None and TRIGGER_CUES.search(text, opening.end(), end) is not None:
        start = opening.end()
    for cue in TRIGGER_CUES.finditer(text, start, end):
        if any(n.start < cue.end() and cue.start() < n.end for n in names):
            continue
        if PERIOD_END.match(cue.group()) and PERIOD_NOUN.search(text, start, cue.start()):
            continue  # "the quarter ended Sept. 30" names a period, no event
        if cue.start() != start and cue.group()[:1].isupper():
            continue
        return cue
    return None


def refine(event_type: EventType, before: str, after: str) -> EventType:
    """PLOVER's reading of intentions (``before``: the clause's words before the trigger,
    ``after``: the sentence from it): a cooperative act intended is an offer or agreement; a
    hostile act (or a withdrawal) intended on a condition is a threat."""
    plover = EVENT_TYPES[event_type][0]
    if INTENT.search(before) is None:
        return event_type
    if (plover in _HOSTILE or event_type in ("withdrawal", "suspension")) and \
            CONDITION.search(after):
        return "threat"
    if plover in _COOPERATIVE:
        return "offer" if plover in _MATERIAL else "agreement"
    return event_type


def _names(draft: ArticleDraft, inside: list[ActorMentionDraft], start: int, end: int
           ) -> tuple[list[Name], dict[str, tuple[ActorMentionDraft, ActorDraft]]]:
    """The actor mentions of a sentence (``inside``; outlets left out), with demonyms the
    actors stage left out as mentions of their country (returned apart: they join the draft
    with the event)."""
    text = draft.source.text
    found = [m for m in inside if draft.actors[m.actor].kind != "media" and m.form != "pronoun"]
    names = [Name(m.span.start, m.span.end, m.actor) for m in found]
    taken = [(m.span.start, m.span.end) for m in inside]
    extra: dict[str, tuple[ActorMentionDraft, ActorDraft]] = {}
    for d_start, d_end, country in find_demonyms(text, start, end):
        if any(a < d_end and d_start < b for a, b in taken):
            continue
        names.append(Name(d_start, d_end, country))
        actor = draft.actors.get(country) or ActorDraft(country, "country", method=DEMONYM_RULE)
        mention = ActorMentionDraft(country, Span(d_start, d_end, text[d_start:d_end]),
                                    "demonym", DEMONYM_RULE, 0.6)
        extra[f"{d_start}"] = (mention, actor)
    names.sort(key=lambda n: (n.start, n.end))
    return names, extra


#: A capitalised run that opens a clause: "The European Community", "UNITA", "Homeland Union".
_ORG_RUN = re.compile(r"(?:[A-Z][\w'’.-]*|of|for|and)(?:\s+(?:[A-Z][\w'’.-]*|of|for|and))*")


#: The words that end an organisation's name here: the actors stage's, and heads of the names
#: of international bodies and factions ("European Community", "Arab League", "UNITA wing").
_ORG_HEADS = ORG_WORDS | frozenset({"community", "league", "conference", "wing", "organisation"})


#: An acronym that names an organisation ("UNITA", "NATO"): capitals only, no digits or hyphen
#: (not a weapon system, "S-400"), and short (not a dateline's city in capitals, "WASHINGTON").
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _organisation(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """An organisation's name that is the subject of a clause but no actor yet: a capitalised
    run (no function word) ending in an organisation word ("Union", "Committee") or an acronym
    of two or more capitals ("UNITA"). None when the words before the trigger hold none."""
    lead = re.match(r"\s*(?:[Tt]he\s+|[Aa]n?\s+)?", text[start:end])
    for m in _ORG_RUN.finditer(text, start + (lead.end() if lead else 0), end):
        words = m.group().rstrip(".").split()
        while words and words[-1] in ("of", "for", "and"):
            words.pop()
        if not words or words[0].lower() in FUNCTION_WORDS or words[0] in ("of", "for", "and"):
            return None
        if words[-1].lower() in _ORG_HEADS or (len(words) == 1 and _ACRONYM.fullmatch(words[0])):
            name = " ".join(words)
            return m.start(), m.start() + len(name), name
        return None
    return None


def _mention(text: str, clause: Clause, first: int) -> Span:
    """The words that report the event: from its first actor or trigger to the clause's end."""
    start = min(first, clause.end)
    end = clause.end
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.!?"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end, text[start:end])


def _label(span: Span) -> str:
    words = span.text.split()
    return " ".join(words) if len(words) <= _LABEL_WORDS else \
        " ".join(words[:_LABEL_WORDS]) + " \u2026"


#: The most events one sentence gives (one a clause): a bound that keeps a sentence's cost
#: linear in its length whatever its number of clauses.
MAX_EVENTS_PER_SENTENCE = 4
#: Words of arms: a purchase without one in its sentence is a firm's acquisition, no arms deal.
_ARMS = re.compile(r"\b(?:arms|weapons?|missiles?|jets?|fighters?|aircraft|tanks?|"
                   r"helicopters?|rifles?|guns?|systems?|drones?|warships?|submarines?|"
                   r"ammunition|military|defen[cs]e|S-\d+)\b", re.I)

#: An accounting charge's words right before "charge": "$40 million", "pre-tax",
#: "restructuring"; a market's words in a rally's clause: "shares rallied 5%".
_ACCOUNTING = re.compile(r"(?:million|billion|\d|pre-?tax|after-?tax|one-time|restructuring|"
                         r"special|quarter|year)\W*(?:[\w-]+\s+)?$", re.I)
_MARKET = re.compile(r"\b(?:shares?|stocks?|index|prices?|bonds?|dollar|markets?|"
                     r"futures)\b|\d%", re.I)


def _clause_trigger(text: str, match: Cue, s_start: int, s_end: int, names: list[Name]
                    ) -> tuple[Cue, Clause]:
    """The trigger of ``match``'s clause: a broad one (``WEAK_TYPES``: "rose", "sales")
    gives way to a trigger of another type later in the same clause."""
    clause = analyse(text, s_start, s_end, (match.start(), match.end()), names)
    if TRIGGER_FORMS[match.group()] not in WEAK_TYPES:
        return match, clause
    for cue in TRIGGER_CUES.finditer(text, match.end(), clause.end):
        if TRIGGER_FORMS[cue.group()] in WEAK_TYPES or cue.group()[:1].isupper() or \
                any(n.start < cue.end() and cue.start() < n.end for n in names):
            continue
        return cue, analyse(text, s_start, s_end, (cue.start(), cue.end()), names)
    return match, clause


def find_events(draft: ArticleDraft, published: dt.date | None) -> None:
    """Fill ``draft.events`` with the events of the body sentences: one a clause that holds
    a trigger (at most ``MAX_EVENTS_PER_SENTENCE`` a sentence)."""
    text = draft.source.text
    time_starts = [t.char_start for t in draft.times]
    # The mentions by start, so each sentence finds its own by bisection (linear overall).
    mentions = sorted(draft.actor_mentions, key=lambda m: (m.span.start, m.span.end, m.actor))
    starts = [m.span.start for m in mentions]
    #: The date of the last event dated by words of the text: the time the story is at.
    focus: list[TimeExpr | None] = [None]
    for seg in draft.segments:
        if seg.kind != "body":
            continue
        for s_start, s_end in sentence_spans(text, seg.char_start, seg.char_end):
            chunk = text[s_start:s_end]
            if len(chunk.split()) < 4:
                continue
            if TRIGGER_CUES.search(text, s_start, s_end) is None:
                continue
            inside = mentions[bisect.bisect_left(starts, s_start):
                              bisect.bisect_left(starts, s_end)]
            names, extra = _names(draft, inside, s_start, s_end)
            pos = s_start
            for _ in range(MAX_EVENTS_PER_SENTENCE):
                match = _trigger(text, pos, s_end, names)
                if match is None:
                    break
                end = _sentence_event(draft, published, (s_start, s_end), pos, match,
                                      (names, extra, inside), time_starts, focus)
                pos = max(end, match.end())
                if pos >= s_end:
                    break


def _sentence_event(draft: ArticleDraft, published: dt.date | None, sentence: tuple[int, int],
                    pos: int, match: Cue,
                    found: tuple[list[Name], dict[str, tuple[ActorMentionDraft, ActorDraft]],
                                 list[ActorMentionDraft]],
                    time_starts: list[int], focus: list[TimeExpr | None]) -> int:
    """The event of the clause of ``match`` (a trigger at or after ``pos`` of the sentence):
    added to the draft; returns where its clause ends."""
    text = draft.source.text
    s_start, s_end = sentence
    names, extra, inside = found
    must = OBLIGATION_CUES.search(text, pos, match.start())
    demand = None if must is None else \
        obligation(text, s_start, s_end, (must.start(), must.end()), names)
    if demand is None:
        match, clause = _clause_trigger(text, match, s_start, s_end, names)
    else:
        clause = demand
    if demand is None and not clause.agents and not clause.passive and \
            (org := _organisation(text, clause.start, match.start())) is not None \
            and text[org[0]:org[1]] == org[2] \
            and not any(m.span.start < org[1] and org[0] < m.span.end for m in inside):
        o_start, o_end, o_name = org
        actor = draft.actors.get(o_name) or ActorDraft(o_name, "organization",
                                                       method=DEMONYM_RULE)
        extra[f"{o_start}"] = (ActorMentionDraft(o_name, Span(o_start, o_end, o_name),
                                                 "name", DEMONYM_RULE, 0.5), actor)
        names[:] = sorted([*names, Name(o_start, o_end, o_name)], key=lambda n: (n.start, n.end))
        clause = analyse(text, s_start, s_end, (match.start(), match.end()), names)
    before = text[clause.start:match.start()]
    found_type = TRIGGER_FORMS[match.group()]
    if found_type == "arms_purchase" and _ARMS.search(text, s_start, s_end) is None:
        found_type = "acquisition"
    elif match.group().lower() in ("charge", "charges") and \
            _ACCOUNTING.search(text, max(s_start, match.start() - 30), match.start()):
        found_type = "economic_release"  # "a $40 million charge", "restructuring charges"
    elif match.group().lower().startswith("rall") and \
            _MARKET.search(text, clause.start, clause.end):
        found_type = "market_move"  # "shares rallied 5%"
    event_type = "demand" if demand is not None else refine(
        found_type, before, text[match.start():s_end])
    object_role: ParticipantRole = "recipient" if event_type in _GIVING else "target"
    participants: list[tuple[str, ParticipantRole]] = \
        [(a, "agent") for a in clause.agents] + [(o, object_role) for o in clause.objects]
    span = _mention(text, clause, min(clause.start, match.start()))
    if not span.text.strip():  # a clause cut before its trigger: the trigger alone
        span = Span(match.start(), match.end(), match.group())
    date = event_date(text, draft.times, time_starts, s_start, s_end, match.start())
    if date is not None and pos == s_start:  # the sentence's first clause sets the time
        focus[0] = date
    date = date or focus[0] or publication(published)
    # the same type, date and participants is the same event in any article; without
    # participants ("a bomb exploded on Friday") nothing says two reports are of one event
    if participants and date is not None and date.date_start is not None and \
            date.basis != "publication_date":
        key = f"{event_type}|{date.date_start}|{date.date_end}|" + \
              ",".join(sorted(p for p, _ in participants))
    else:
        key = f"{event_type}|{draft.source.sha256}|{span.start}"
    used = {p for p, _ in participants}
    event = EventDraft(key, event_type, _label(span), event_status(before, match.group()),
                       date, None, participants, [span], RULE, 0.6)
    event.actor_mentions = [pair for pair in extra.values() if pair[0].actor in used]
    draft.events.append(event)
    return clause.end


def add_event_actors(draft: ArticleDraft) -> None:
    """The demonym mentions of the events that stayed (after curated annotations) join the
    article's actors, so every participant is an actor with a mention."""
    added = False
    taken = {(m.span.start, m.span.end) for m in draft.actor_mentions}
    for event in draft.events:
        for mention, actor in event.actor_mentions:
            if (mention.span.start, mention.span.end) in taken:
                if actor.name not in draft.actors:  # never: the events stage skips taken spans
                    event.participants = [p for p in event.participants if p[0] != actor.name]
                continue
            taken.add((mention.span.start, mention.span.end))
            draft.actors.setdefault(actor.name, actor)
            draft.actor_mentions.append(mention)
            added = True
        event.actor_mentions = []
    if added:
        draft.actor_mentions.sort(key=lambda m: (m.span.start, m.span.end, m.actor))
