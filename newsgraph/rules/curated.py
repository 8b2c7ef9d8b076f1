"""Curated annotations: what rules cannot decide, anchored to the text by exact quotation.

Files in a recipe's ``curated/`` folder:

* ``actors.yml``: canonical actors (name, kind, aliases, description) and verified Wikidata
  ids with their evidence; it extends the built-in gazetteer.
* ``quotes.yml``: per-article decisions on quotations: set or correct the speaker, type, cue
  or intermediary of a quote, add one the rules missed, or mark quotation marks as not a quote.
* ``events.yml``: the recipe's events, each with its type, status, normalised date (and the
  words that state it), participants and every mention; when present it replaces the rule
  events, since a curator has read every article.

An anchor is the exact text (``anchor``), optionally with ``prefix``/``suffix`` to make it
unique. The build fails with the file and line when an anchor is missing or ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field

from newsgraph.errors import InputError
from newsgraph.models.actor import WikidataVerification
from newsgraph.models.base import ActorKind, Date, DatePrecision, QuoteType
from newsgraph.models.event import DateBasis, EventStatus, EventType, ParticipantRole
from newsgraph.recipe.strict import Strict
from newsgraph.recipe.yamlio import line_of, load_yaml, validate_yaml
from newsgraph.rules.drafts import ActorDraft, ArticleDraft, EventDraft, QuoteDraft, Span
from newsgraph.rules.times import TimeExpr

CURATED = "curated"


class CuratedActor(Strict):
    name: str
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None
    wikidata_id: str | None = Field(None, pattern=r"^Q[1-9][0-9]*$")
    wikidata_verification: WikidataVerification | None = None
    wikidata_evidence: str | None = None


class ActorsFile(Strict):
    actors: list[CuratedActor]


class GazetteerEntry(CuratedActor):
    """An entry of the built-in gazetteer: a curated actor (the same model, so the same
    checks) plus the forms that stand for it only in context. No Wikidata ids: those are
    added by a recipe's curated actors, where each one is checked."""

    wikidata_id: None = None
    wikidata_verification: None = None
    wikidata_evidence: None = None

    #: Names that stand for the actor only when not used as a place (a capital for its
    #: government).
    metonyms: list[str] = Field(default_factory=list)
    #: Short forms that stand for the actor only right after "the" ("the House").
    after_the: list[str] = Field(default_factory=list)


def load_gazetteer_entries(path: Path) -> list[GazetteerEntry]:
    """The entries of a gazetteer file (a YAML list), each validated; a bad entry fails with
    the file and its line."""
    data = load_yaml(path)
    if not isinstance(data, list):
        raise InputError("a gazetteer is a YAML list of entries; fix the file", file=path,
                         line=line_of(data))
    return [validate_yaml(GazetteerEntry, item, path) for item in data]


class CuratedQuote(Strict):
    article: str
    anchor: str = Field(min_length=1)
    prefix: str = ""
    suffix: str = ""
    decision: Literal["quote", "not_a_quote"] = "quote"
    reason: str | None = None
    speaker: str | None = None
    speaker_text: str | None = None
    quote_type: QuoteType | None = None
    cue: str | None = None
    intermediary: str | None = None
    intermediary_text: str | None = None


class QuotesFile(Strict):
    quotes: list[CuratedQuote]


def load_actors(folder: Path) -> list[ActorDraft]:
    """Curated actors as gazetteer entries (empty if the recipe has none)."""
    path = folder / "actors.yml"
    if not path.exists():
        return []
    parsed = validate_yaml(ActorsFile, load_yaml(path), path)
    return [ActorDraft(name=a.name, kind=a.kind, aliases=set(a.aliases),
                       description=a.description, wikidata_id=a.wikidata_id,
                       wikidata_verification=a.wikidata_verification,
                       wikidata_evidence=a.wikidata_evidence, method=CURATED)
            for a in parsed.actors]


def resolve_anchor(text: str, anchor: str, prefix: str, suffix: str, *, file: Path,
                   line: int | None, article: str) -> Span:
    """The unique span of ``anchor`` (between ``prefix`` and ``suffix``) in ``text``."""
    needle = prefix + anchor + suffix
    first = text.find(needle)
    if first < 0:
        raise InputError(f"anchor {anchor[:60]!r} not found in {article}; quote the article "
                         "text exactly", file=file, line=line)
    if text.find(needle, first + 1) >= 0:
        raise InputError(f"anchor {anchor[:60]!r} matches {text.count(needle)} times in "
                         f"{article}; add a prefix or suffix to make it unique",
                         file=file, line=line)
    start = first + len(prefix)
    return Span(start, start + len(anchor), anchor)


class Anchor(Strict):
    """Exact text in one article, with optional context to make it unique."""

    article: str
    anchor: str = Field(min_length=1)
    prefix: str = ""
    suffix: str = ""


class CuratedDate(Anchor):
    start: Date | None = None
    end: Date | None = None
    precision: DatePrecision
    basis: DateBasis


class Participant(Strict):
    actor: str
    role: ParticipantRole


class CuratedEvent(Strict):
    key: str = Field(pattern=r"^[a-z0-9_]+$")
    event_type: EventType
    label: str = Field(min_length=1)
    status: EventStatus
    date: CuratedDate | None = None
    location: str | None = None
    participants: list[Participant] = Field(default_factory=list)
    mentions: list[Anchor] = Field(min_length=1)


class EventsFile(Strict):
    events: list[CuratedEvent]


@dataclass(frozen=True)
class Annotations:
    """A recipe's curated quote and event decisions, parsed once and applied per article.

    ``apply`` is a pure function of one article's draft, so it runs in the worker processes;
    what needs the whole corpus (article names, participants) is checked by ``check``.
    """

    quotes_path: Path
    quotes: tuple[tuple[CuratedQuote, int | None], ...] = ()
    events_path: Path | None = None
    events: tuple[tuple[CuratedEvent, int | None], ...] = ()

    def check_articles(self, articles: set[str]) -> None:
        """Every annotated article is a source of the recipe."""
        for item, line in self.quotes:
            if item.article not in articles:
                raise InputError(f"article {item.article!r} is not a source of this recipe",
                                 file=self.quotes_path, line=line)
        for event, line in self.events:
            for anchor in ([event.date] if event.date else []) + list(event.mentions):
                if anchor.article not in articles:
                    raise InputError(f"article {anchor.article!r} is not a source of this recipe",
                                     file=self.events_path, line=line)

    def check_participants(self, actor_names: set[str]) -> None:
        """Every event participant is an actor found in some article (or curated)."""
        for event, line in self.events:
            for p in event.participants:
                if p.actor not in actor_names:
                    raise InputError(f"participant {p.actor!r} is not an actor of this recipe; "
                                     "add it to actors.yml", file=self.events_path, line=line)

    def apply(self, draft: ArticleDraft) -> None:
        """Apply the quote decisions, then (if the recipe has events.yml) its events."""
        for item, line in self.quotes:
            if item.article == draft.source.file_name:
                _apply_quote(item, line, draft, self.quotes_path)
        if self.events_path is not None:
            draft.events = [event for item, line in self.events
                            if (event := _event_in(item, line, draft, self.events_path))]


def load_annotations(folder: Path) -> Annotations:
    """Parse ``quotes.yml`` and ``events.yml`` (either may be missing)."""
    quotes: list[tuple[CuratedQuote, int | None]] = []
    path = folder / "quotes.yml"
    if path.exists():
        raw = load_yaml(path)
        parsed = validate_yaml(QuotesFile, raw, path)
        quotes = [(item, line_of(node))
                  for item, node in zip(parsed.quotes, raw.get("quotes", []), strict=True)]
    events_path = folder / "events.yml"
    if not events_path.exists():
        return Annotations(path, tuple(quotes))
    raw = load_yaml(events_path)
    events = validate_yaml(EventsFile, raw, events_path)
    seen: set[str] = set()
    found: list[tuple[CuratedEvent, int | None]] = []
    for item, node in zip(events.events, raw.get("events", []), strict=True):
        line = line_of(node)
        if item.key in seen:
            raise InputError(f"event key {item.key!r} is used twice; keys must be unique",
                             file=events_path, line=line)
        seen.add(item.key)
        if item.date is not None and item.date.article not in {m.article for m in item.mentions}:
            raise InputError("the date's article must be one of the event's mentions",
                             file=events_path, line=line)
        found.append((item, line))
    return Annotations(path, tuple(quotes), events_path, tuple(found))


def _apply_quote(item: CuratedQuote, line: int | None, draft: ArticleDraft, path: Path) -> None:
    """One quote decision on the rule output of its article (in place)."""
    span = resolve_anchor(draft.source.text, item.anchor, item.prefix, item.suffix,
                          file=path, line=line, article=item.article)
    existing = [q for q in draft.quotes if q.span.start < span.end and span.start < q.span.end]
    for q in existing:
        draft.quotes.remove(q)
    draft.not_quotes = [(s, r) for s, r in draft.not_quotes
                        if not (s.start < span.end and span.start < s.end)]
    if item.decision == "not_a_quote":
        draft.not_quotes.append((span, item.reason or "not a quote (curated)"))
        return
    if item.speaker is not None and item.speaker not in draft.actors:
        raise InputError(f"speaker {item.speaker!r} is not an actor found in {item.article}; "
                         "add it to actors.yml", file=path, line=line)
    if item.intermediary is not None and item.intermediary not in draft.actors:
        raise InputError(f"intermediary {item.intermediary!r} is not an actor found in "
                         f"{item.article}; add it to actors.yml", file=path, line=line)
    base = existing[0] if existing else None
    draft.quotes.append(QuoteDraft(
        span, item.quote_type or (base.quote_type if base else "direct"),
        item.cue or (base.cue if base else None), item.speaker,
        item.speaker_text or (base.speaker_text if base else None),
        item.intermediary, item.intermediary_text or item.intermediary,
        CURATED, 1.0))
    draft.quotes.sort(key=lambda q: q.span.start)


def _event_in(item: CuratedEvent, line: int | None, draft: ArticleDraft,
              path: Path) -> EventDraft | None:
    """The curated event's mentions in this article, or None when it has none here."""
    article = draft.source.file_name

    def span(anchor: Anchor) -> Span:
        return resolve_anchor(draft.source.text, anchor.anchor, anchor.prefix, anchor.suffix,
                              file=path, line=line, article=article)

    spans = [span(m) for m in item.mentions if m.article == article]
    if not spans:
        return None
    date = None
    if item.date is not None and item.date.article == article:
        d = item.date
        at = span(d)
        date = TimeExpr(at.start, at.end, at.text, d.start, d.end, d.precision, d.basis)
    return EventDraft(item.key, item.event_type, item.label, item.status, date, item.location,
                      [(p.actor, p.role) for p in item.participants], spans, CURATED, 1.0)
