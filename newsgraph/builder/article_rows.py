"""One article's provenance rows and its ``Contribution`` to the registries.

``assemble_article`` is the per-article half of ``Assembler.add``: it needs nothing of the
other articles but the id each actor name resolves to (``Resolve``, answered by the
``Assembler`` from ``link_actor_names`` and the first article of each name), and records
every name it asked for. The other half, ``Assembler.apply``, folds the contribution into
the registries. Rows are already in output order (char_start, then id).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from newsgraph.builder import contribution as co
from newsgraph.builder.contribution import Contribution, EventInfo
from newsgraph.models.ids import content_id, normalise_key
from newsgraph.package.tables import spec
from newsgraph.rules.drafts import ActorDraft, ArticleDraft, EventDraft
from newsgraph.rules.segment import RULE as SEGMENT_RULE
from newsgraph.rules.times import CONFIDENCE as TIME_CONFIDENCE
from newsgraph.rules.times import RULE as TIME_RULE
from newsgraph.rules.times import TimeExpr

Row = dict[str, Any]
#: Tables with one row per place in an article, emitted by ``Assembler.add``.
SPAN_TABLES = ("articles", "article_segments", "actor_mentions", "actor_roles",
               "quote_mentions", "claim_mentions", "event_mentions", "time_mentions")
#: A stated date before a resolved one before the publication date.
BASIS_RANK = {"stated": 0, "relative": 1, "publication_date": 2}
#: The name an actor name links to and that actor's id (the article's own record of the
#: actor is the last resort).
Resolve = Callable[[str, "ActorDraft | None"], tuple[str, str]]


def event_info(e: EventDraft) -> EventInfo:
    """What the event's row would take from report ``e``."""
    t = e.date
    date = None if t is None else co.EventDate(t.char_start, t.char_end, t.text, t.date_start,
                                               t.date_end, t.precision, t.basis)
    return EventInfo(e.event_type, e.label, e.status, date, e.location, e.method)


class _Article:
    """The state of one article's assembly: its rows and what it contributes."""

    def __init__(self, d: ArticleDraft, resolve: Resolve, omit_text: bool) -> None:
        self.d, self.resolve, self.omit_text = d, resolve, omit_text
        self.art = content_id("article", d.source.sha256)
        self.ids: dict[str, str] = {}
        self.names: list[co.NameUse] = []
        self.seen: dict[str, int] = {}
        self.surface: dict[str, dict[str, None]] = {}
        self.out: dict[str, list[Row]] = {name: [] for name in SPAN_TABLES}

    def aid(self, name: str | None, local: ActorDraft | None = None) -> str | None:
        if name is None:
            return None
        found = self.ids.get(name)
        if found is None:
            target, found = self.resolve(name, local)
            self.ids[name] = found
            self.names.append(co.NameUse(name, target, found, local))
        return found

    def see(self, record_id: str, start: int) -> None:
        if start < self.seen.get(record_id, start + 1):
            self.seen[record_id] = start

    def contribution(self, quotes: list[co.QuotePart], claims: list[co.ClaimPart],
                     events: list[co.EventPart]) -> Contribution:
        s = self.d.source
        return Contribution(s.key, s.file_name, s.position, self.art, self.names, self.seen,
                            {a: list(texts) for a, texts in self.surface.items()},
                            quotes, claims, events)


def assemble_article(d: ArticleDraft, resolve: Resolve, *,
                     omit_text: bool) -> tuple[dict[str, list[Row]], Contribution]:
    """The provenance rows of one article, sorted by char_start then id, and what it adds
    to the registries."""
    a = _Article(d, resolve, omit_text)
    for name, record in d.actors.items():
        a.aid(name, record)
    art, out, meta, aid = a.art, a.out, d.meta, a.aid
    out["articles"].append({
        "article_id": art, "source_file": d.source.file_name,
        "record_locator": d.source.record_locator, "sha256": d.source.sha256,
        "bytes": d.source.size, "source_format": d.source.source_format,
        "encoding": d.source.encoding, "title": meta.title, "publisher": meta.publisher,
        "original_publisher": meta.original_publisher, "publisher_basis": meta.publisher_basis,
        "agencies": meta.agencies, "authors": meta.authors, "published": meta.published,
        "published_precision": meta.published_precision,
        "published_basis": meta.published_basis, "url": meta.url,
        "fetched": d.source.fetched, "language": meta.language,
        "language_basis": meta.language_basis,
        "metadata_note": meta.note, "text": None if omit_text else d.source.text,
        "n_chars": len(d.source.text), "method": meta.method})
    for s in d.segments:
        out["article_segments"].append({
            "segment_id": content_id("segment", art, s.kind, s.char_start, s.char_end),
            "article_id": art, "char_start": s.char_start, "char_end": s.char_end,
            "text": None if omit_text else s.text, "confidence": 0.8,
            "method": SEGMENT_RULE,
            "segment_kind": s.kind, "reason": s.reason})
    for m in d.actor_mentions:
        actor = aid(m.actor)
        assert actor is not None
        if m.form != "pronoun":
            a.surface.setdefault(actor, {})[m.span.text] = None
        a.see(actor, m.span.start)
        out["actor_mentions"].append({
            "mention_id": content_id("actor_mention", actor, art, m.span.start, m.span.end),
            "article_id": art, "char_start": m.span.start, "char_end": m.span.end,
            "text": m.span.text, "confidence": m.confidence, "method": m.method,
            "actor_id": actor, "form": m.form})
    for r in d.roles:
        actor = aid(r.actor)
        assert actor is not None
        out["actor_roles"].append({
            "role_id": content_id("actor_role", actor, r.role, art, r.span.start),
            "article_id": art, "char_start": r.span.start, "char_end": r.span.end,
            "text": r.span.text, "confidence": 0.8 if r.method != "curated" else 1.0,
            "method": r.method, "actor_id": actor, "position": r.role,
            "organization_id": aid(r.organization), "as_of": meta.published,
            "valid_from": None, "valid_to": None})
    quotes, quote_ids = _quotes(a)
    claims = _claims(a, quote_ids)
    events = _events(a)
    out["time_mentions"] = [time_row(t, art) for t in d.times]
    _link_claims_to_events(claims, out["claim_mentions"], out["event_mentions"])
    for name in SPAN_TABLES[1:]:
        pk = spec(name).primary_key[0]
        out[name].sort(key=lambda r, pk=pk: (r["char_start"], r[pk]))  # type: ignore[misc]
    return out, a.contribution(quotes, list(claims.values()), events)


def _quotes(a: _Article) -> tuple[list[co.QuotePart], list[str]]:
    parts: dict[str, co.QuotePart] = {}
    quote_ids: list[str] = []
    for q in a.d.quotes:
        speaker = a.aid(q.speaker)
        qid = content_id("quote", normalise_key(q.span.text), speaker or q.speaker_text or "")
        quote_ids.append(qid)
        a.see(qid, q.span.start)
        if qid not in parts:
            parts[qid] = co.QuotePart(qid, q.span.text, speaker,
                                   None if speaker else q.speaker_text, q.quote_type, q.method)
        a.out["quote_mentions"].append({
            "mention_id": content_id("quote_mention", qid, a.art, q.span.start, q.span.end),
            "article_id": a.art, "char_start": q.span.start, "char_end": q.span.end,
            "text": q.span.text, "confidence": q.confidence, "method": q.method,
            "quote_id": qid, "quote_type": q.quote_type, "cue": q.cue,
            "speaker_text": q.speaker_text, "intermediary_id": a.aid(q.intermediary),
            "intermediary_text": q.intermediary_text})
    return list(parts.values()), quote_ids


def _claims(a: _Article, quote_ids: list[str]) -> dict[str, co.ClaimPart]:
    parts: dict[str, co.ClaimPart] = {}
    for c in a.d.claims:
        claimant = a.aid(c.claimant)
        cid = content_id("claim", claimant or c.claimant_text or "",
                         normalise_key(c.proposition))
        a.see(cid, c.span.start)
        part = parts.get(cid)
        if part is None:
            part = parts[cid] = co.ClaimPart(
                cid, claimant, None if claimant else c.claimant_text, c.proposition,
                c.modality, c.polarity, c.method, 0, [], [])
        part.longest = max(part.longest, len(c.span.text))
        if c.quote_index is not None and quote_ids[c.quote_index] not in \
                part.evidence_quote_ids:
            part.evidence_quote_ids.append(quote_ids[c.quote_index])
        a.out["claim_mentions"].append({
            "mention_id": content_id("claim_mention", cid, a.art, c.span.start, c.span.end),
            "article_id": a.art, "char_start": c.span.start, "char_end": c.span.end,
            "text": c.span.text, "confidence": c.confidence, "method": c.method,
            "claim_id": cid, "reporting": c.reporting, "cue": c.cue,
            "intermediary_id": a.aid(c.intermediary)})
    return parts


def _events(a: _Article) -> list[co.EventPart]:
    parts: dict[str, co.EventPart] = {}
    for e in a.d.events:
        eid = content_id("event", e.key)
        part = parts.get(eid)
        if part is None:
            part = parts[eid] = co.EventPart(eid, event_info(e), -1, None, 0, [])
        if e.date is not None and e.date.basis != "unknown":
            # The event's date: a stated one before an inferred one, then the first report.
            rank = BASIS_RANK.get(e.date.basis, 3)
            if part.dated_rank < 0 or rank < part.dated_rank:
                info = event_info(e)
                part.dated_rank, part.dated = rank, None if info == part.first else info
        for span in e.spans:
            part.longest = max(part.longest, len(span.text))
            a.see(eid, span.start)
            a.out["event_mentions"].append({
                "mention_id": content_id("event_mention", eid, a.art, span.start, span.end),
                "article_id": a.art, "char_start": span.start, "char_end": span.end,
                "text": span.text, "confidence": e.confidence, "method": e.method,
                "event_id": eid})
        for name, role in e.participants:
            actor = a.aid(name)
            assert actor is not None
            if (actor, role) not in part.participants:
                part.participants.append((actor, role))
    return list(parts.values())


def _link_claims_to_events(claims: dict[str, co.ClaimPart], claim_rows: list[Row],
                           event_rows: list[Row]) -> None:
    """A claim is about the events whose mentions overlap one of its mentions.

    Only the event mentions that start less than the longest one's length before the claim
    can reach it: a bisection finds them, so an article with tens of thousands of claims
    and events (a one-line text of repeated sentences) links in near-linear time. The
    article's candidates are kept in order; ``Assembler.apply`` adds the new ones."""
    events = sorted(event_rows, key=lambda em: (em["char_start"], em["event_id"]))
    starts = [em["char_start"] for em in events]
    longest = max((em["char_end"] - em["char_start"] for em in events),
                  default=0)
    known_by: dict[str, set[str]] = {}
    for cm in claim_rows:
        part = claims[cm["claim_id"]]
        known = known_by.setdefault(part.claim_id, set())
        start, end = cm["char_start"], cm["char_end"]
        lo = bisect.bisect_left(starts, start - longest)
        hi = bisect.bisect_left(starts, end)
        for em in events[lo:hi]:
            if start < em["char_end"] and em["event_id"] not in known:
                known.add(em["event_id"])
                part.event_ids.append(em["event_id"])


def time_row(t: TimeExpr, art: str) -> Row:
    """The ``time_mentions`` row of one expression of article ``art``."""
    return {
        "mention_id": content_id("time_mention", art, t.char_start, t.char_end),
        "article_id": art, "char_start": t.char_start, "char_end": t.char_end,
        "text": t.text, "confidence": TIME_CONFIDENCE, "method": TIME_RULE,
        "timex_type": t.timex_type, "value": t.value, "date_start": t.date_start,
        "date_end": t.date_end, "precision": t.precision, "granularity": t.granularity,
        "basis": t.time_basis}
