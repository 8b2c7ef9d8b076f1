"""Cross-article linking and id assignment, one article at a time.

* actors: a person named only by a shorter form ("Erdogan", "Tayyip Erdogan") in one article
  is the same actor as the one full name elsewhere that ends with it (``link_actor_names``,
  run once over every person name of the corpus before any row is made);
* quotes, claims and events reported by several articles become one record with several
  mentions (same speaker and normalised text; same event key);
* ids are content-derived; rows are sorted by source file, record locator (the record's
  position in a collection file), char_start, then id.

``Assembler.add`` turns one article's draft into its provenance rows (already in output
order, since articles arrive sorted by file name and position), so a build can stream them
to disk; the canonical records (actors, quotes, claims, events) accumulate in small
registries, one entry per distinct record, and ``Assembler.finish`` emits them sorted by
first mention.
Rows are plain dicts keyed by column; the writer gives them the table's Arrow schema and the
written package is validated as a whole.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from newsgraph.ids import content_id, normalise_key
from newsgraph.models.event import EVENT_TYPES, ParticipantRole
from newsgraph.pipeline.drafts import ActorDraft, ArticleDraft, EventDraft
from newsgraph.pipeline.event_lexicon import TYPE_MODES
from newsgraph.pipeline.reuse import RULE as REUSE_RULE
from newsgraph.pipeline.reuse import Reuse
from newsgraph.pipeline.segment import RULE as SEGMENT_RULE
from newsgraph.pipeline.times import CONFIDENCE as TIME_CONFIDENCE
from newsgraph.pipeline.times import RULE as TIME_RULE
from newsgraph.pipeline.times import TimeExpr
from newsgraph.tables import spec

Row = dict[str, Any]
#: Tables with one row per place in an article, emitted by ``Assembler.add``.
SPAN_TABLES = ("articles", "article_segments", "actor_mentions", "actor_roles",
               "quote_mentions", "claim_mentions", "event_mentions", "time_mentions")
#: Tables with one row per record, emitted by ``Assembler.finish``.
RECORD_TABLES = ("actors", "quotes", "claims", "events", "event_participants",
                 "article_relations")


def link_actor_names(people: Mapping[str, int]) -> dict[str, str]:
    """Map each person name to the canonical name of the one person it can stand for.

    ``people`` counts the articles that write each name. A name and the longer names that end
    with it are one person when those longer names are themselves one chain ("Erdogan",
    "Tayyip Erdogan", "Recep Tayyip Erdogan"); "Clinton", ending "Bill Clinton" and "Hillary
    Clinton", stands for neither. Every name of a chain maps to the chain's canonical name:
    the full name (several words) that most articles write, then the longest. So one
    article's "Vermonter Bernie Sanders", or a headline's "Votes To Condemn Donald Trump", is
    not the name two hundred articles give as "Bernie Sanders".

    An index from every proper token suffix to the names ending with it keeps this linear in
    the number of names (a pairwise comparison would be quadratic).
    """
    names = sorted(people)
    ending_with: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for other in names:
        tokens = other.split()
        for k in range(1, len(tokens)):
            ending_with[tuple(tokens[-k:])].append(other)
    # a name's chain is rooted at its shortest suffix whose longer names form one chain
    root: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (len(n.split()), n)):  # shorter names first
        longer = ending_with.get(tuple(name.split()), [])
        if not longer:
            continue
        longest = max(longer, key=lambda o: (len(o.split()), o))
        if all(longest.split()[-len(o.split()):] == o.split() for o in longer):
            top = root.setdefault(name, name)
            for other in longer:
                root.setdefault(other, top)
    chains: dict[str, list[str]] = defaultdict(list)
    for name, top in root.items():
        chains[top].append(name)
    canonical: dict[str, str] = {}
    for members in chains.values():
        best = max(members, key=lambda n: (" " in n, people[n], len(n.split()), n))
        canonical.update({n: best for n in members if n != best})
    return canonical


def _actor_id(actor: ActorDraft) -> str:
    return content_id("actor", actor.kind, actor.name)


#: A stated date before a resolved one before the publication date, then the first article.
_BASIS_RANK = {"stated": 0, "relative": 1, "publication_date": 2}


@dataclass
class _EventRecord:
    """What the event row needs from all its reports: the first, the best dated, who took part."""

    first: EventDraft
    first_article: str
    dated: tuple[tuple[int, int], EventDraft, str] | None = None
    participants: dict[tuple[str, ParticipantRole], None] = field(default_factory=dict)
    #: Length of the event's longest mention (the bound of its label under --omit-text).
    longest: int = 0


class Assembler:
    """Rows of every table from per-article drafts given in file-name order."""

    def __init__(self, canonical: dict[str, str], first_actor: dict[str, ActorDraft], *,
                 omit_text: bool = False, related: set[str] | None = None) -> None:
        """``related``: the keys of the articles in text-reuse pairs, the only ones whose ids
        ``finish`` needs (None: keep every article's id); memory then grows with the pairs,
        not with the articles."""
        self.canonical = canonical
        self.related = related
        #: Articles added so far (an article's position is its order number).
        self.count = 0
        self.first_actor = first_actor
        self.omit_text = omit_text
        self.actors: dict[str, ActorDraft] = {}
        self.actor_ids: dict[str, str] = {}
        #: Source key -> (position, article id), for the ``related`` articles.
        self.article_ids: dict[str, tuple[int, str]] = {}
        self.first_seen: dict[str, tuple[int, int]] = {}
        self.surface: dict[str, set[str]] = defaultdict(set)
        self.quotes: dict[str, Row] = {}
        self.claims: dict[str, Row] = {}
        self.claim_longest: dict[str, int] = {}
        self.events: dict[str, _EventRecord] = {}
        self.last: tuple[str, int] = ("", -1)

    def _register(self, name: str, local: ActorDraft | None = None) -> str:
        """The id of the actor ``name`` links to; its record comes from its first article."""
        target = self.canonical.get(name, name)
        if target not in self.actor_ids:
            actor = self.first_actor.get(target, local)
            if actor is None:
                raise KeyError(f"actor {name!r} is not found in any article")
            self.actors[target] = actor
            self.actor_ids[target] = _actor_id(actor)
        return self.actor_ids[target]

    def _aid(self, name: str | None) -> str | None:
        return None if name is None else self._register(name)

    def _seen(self, record_id: str, order: int, start: int) -> None:
        pos = (order, start)
        if record_id not in self.first_seen or pos < self.first_seen[record_id]:
            self.first_seen[record_id] = pos

    def add(self, d: ArticleDraft) -> dict[str, list[Row]]:
        """The provenance rows of one article, sorted by char_start then id."""
        f = d.source.file_name
        if d.source.order <= self.last:
            raise ValueError(f"articles must arrive sorted by file name and position: "
                             f"{d.source.key!r}")
        self.last = d.source.order
        order, self.count = self.count, self.count + 1
        art = content_id("article", d.source.sha256)
        if self.related is None or d.source.key in self.related:
            self.article_ids[d.source.key] = (order, art)
        for name, a in d.actors.items():
            self._register(name, a)
        aid, seen = self._aid, self._seen
        out: dict[str, list[Row]] = {name: [] for name in SPAN_TABLES}
        meta = d.meta
        out["articles"].append({
            "article_id": art, "source_file": f, "record_locator": d.source.record_locator,
            "sha256": d.source.sha256,
            "bytes": d.source.size, "source_format": d.source.source_format,
            "encoding": d.source.encoding, "title": meta.title, "publisher": meta.publisher,
            "original_publisher": meta.original_publisher, "publisher_basis": meta.publisher_basis,
            "agencies": meta.agencies, "authors": meta.authors, "published": meta.published,
            "published_precision": meta.published_precision,
            "published_basis": meta.published_basis, "url": meta.url,
            "fetched": d.source.fetched, "language": meta.language,
            "language_basis": meta.language_basis,
            "metadata_note": meta.note, "text": None if self.omit_text else d.source.text,
            "n_chars": len(d.source.text), "method": meta.method})
        for s in d.segments:
            out["article_segments"].append({
                "segment_id": content_id("segment", art, s.kind, s.char_start, s.char_end),
                "article_id": art, "char_start": s.char_start, "char_end": s.char_end,
                "text": None if self.omit_text else s.text, "confidence": 0.8,
                "method": SEGMENT_RULE,
                "segment_kind": s.kind, "reason": s.reason})
        for m in d.actor_mentions:
            actor = aid(m.actor)
            assert actor is not None
            if m.form != "pronoun":
                self.surface[actor].add(m.span.text)
            seen(actor, order, m.span.start)
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
        quote_ids = self._add_quotes(d, art, order, out["quote_mentions"])
        self._add_claims(d, art, order, quote_ids, out["claim_mentions"])
        self._add_events(d, art, order, out["event_mentions"])
        out["time_mentions"] = [time_row(t, art) for t in d.times]
        self._link_claims_to_events(out["claim_mentions"], out["event_mentions"])
        for name in SPAN_TABLES[1:]:
            pk = spec(name).primary_key[0]
            out[name].sort(key=lambda r, pk=pk: (r["char_start"], r[pk]))  # type: ignore[misc]
        return out

    def _add_quotes(self, d: ArticleDraft, art: str, order: int, rows: list[Row]) -> list[str]:
        quote_ids: list[str] = []
        for q in d.quotes:
            speaker = self._aid(q.speaker)
            qid = content_id("quote", normalise_key(q.span.text), speaker or q.speaker_text or "")
            quote_ids.append(qid)
            self._seen(qid, order, q.span.start)
            if qid not in self.quotes:
                self.quotes[qid] = {
                    "quote_id": qid, "text": q.span.text, "speaker_id": speaker,
                    "speaker_text": None if speaker else q.speaker_text,
                    "quote_type": q.quote_type, "method": q.method}
            rows.append({
                "mention_id": content_id("quote_mention", qid, art, q.span.start, q.span.end),
                "article_id": art, "char_start": q.span.start, "char_end": q.span.end,
                "text": q.span.text, "confidence": q.confidence, "method": q.method,
                "quote_id": qid, "quote_type": q.quote_type, "cue": q.cue,
                "speaker_text": q.speaker_text, "intermediary_id": self._aid(q.intermediary),
                "intermediary_text": q.intermediary_text})
        return quote_ids

    def _add_claims(self, d: ArticleDraft, art: str, order: int, quote_ids: list[str],
                    rows: list[Row]) -> None:
        for c in d.claims:
            claimant = self._aid(c.claimant)
            cid = content_id("claim", claimant or c.claimant_text or "",
                             normalise_key(c.proposition))
            self._seen(cid, order, c.span.start)
            entry = self.claims.setdefault(cid, {
                "claim_id": cid, "claimant_id": claimant,
                "claimant_text": None if claimant else c.claimant_text, "text": c.proposition,
                "modality": c.modality, "polarity": c.polarity, "evidence_quote_ids": [],
                "event_ids": [], "method": c.method})
            self.claim_longest[cid] = max(self.claim_longest.get(cid, 0), len(c.span.text))
            if c.quote_index is not None and quote_ids[c.quote_index] not in \
                    entry["evidence_quote_ids"]:
                entry["evidence_quote_ids"].append(quote_ids[c.quote_index])
            rows.append({
                "mention_id": content_id("claim_mention", cid, art, c.span.start, c.span.end),
                "article_id": art, "char_start": c.span.start, "char_end": c.span.end,
                "text": c.span.text, "confidence": c.confidence, "method": c.method,
                "claim_id": cid, "reporting": c.reporting, "cue": c.cue,
                "intermediary_id": self._aid(c.intermediary)})

    def _add_events(self, d: ArticleDraft, art: str, order: int, rows: list[Row]) -> None:
        for e in d.events:
            eid = content_id("event", e.key)
            record = self.events.get(eid)
            if record is None:
                record = self.events[eid] = _EventRecord(e, art)
            if e.date is not None and e.date.basis != "unknown":
                # The event's date: a stated one before an inferred one, then the first article.
                rank = (_BASIS_RANK.get(e.date.basis, 3), order)
                if record.dated is None or rank < record.dated[0]:
                    record.dated = (rank, e, art)
            for span in e.spans:
                record.longest = max(record.longest, len(span.text))
                self._seen(eid, order, span.start)
                rows.append({
                    "mention_id": content_id("event_mention", eid, art, span.start, span.end),
                    "article_id": art, "char_start": span.start, "char_end": span.end,
                    "text": span.text, "confidence": e.confidence, "method": e.method,
                    "event_id": eid})
            for name, role in e.participants:
                actor = self._aid(name)
                assert actor is not None
                record.participants[(actor, role)] = None

    def _link_claims_to_events(self, claim_rows: list[Row], event_rows: list[Row]) -> None:
        """A claim is about the events whose mentions overlap one of its mentions.

        Only the event mentions that start less than the longest one's length before the claim
        can reach it: a bisection finds them, so an article with tens of thousands of claims
        and events (a one-line text of repeated sentences) links in near-linear time."""
        events = sorted(event_rows, key=lambda em: (em["char_start"], em["event_id"]))
        starts = [em["char_start"] for em in events]
        longest = max((em["char_end"] - em["char_start"] for em in events), default=0)
        for cm in claim_rows:
            about = self.claims[cm["claim_id"]]["event_ids"]
            known = set(about)
            lo = bisect.bisect_left(starts, cm["char_start"] - longest)
            hi = bisect.bisect_left(starts, cm["char_end"])
            for em in events[lo:hi]:
                if cm["char_start"] < em["char_end"] and em["event_id"] not in known:
                    known.add(em["event_id"])
                    about.append(em["event_id"])

    def finish(self, reuse: list[Reuse]) -> dict[str, list[Row]]:
        """The record tables (and article relations), sorted by first mention then id."""
        far = (self.count, 0)

        def first(record_id: str) -> tuple[int, int]:
            return self.first_seen.get(record_id, far)

        out: dict[str, list[Row]] = {name: [] for name in RECORD_TABLES}
        for claim in self.claims.values():
            claim["event_ids"].sort(key=lambda eid: (first(eid), eid))
        for eid, rec in self.events.items():
            event = _event_row(eid, rec)
            if self.omit_text:
                event["label"] = within(event["label"], rec.longest)
            out["events"].append(event)
            out["event_participants"].extend(
                {"event_id": eid, "actor_id": actor, "role": role, "method": event["method"]}
                for actor, role in rec.participants)
        for name, a in self.actors.items():
            actor = self.actor_ids[name]
            aliases = sorted((self.surface[actor] | a.aliases) - {a.name})
            aliases = [x for x in aliases if x in self.surface[actor] or a.method == "curated"]
            out["actors"].append({
                "actor_id": actor, "name": a.name, "kind": a.kind, "aliases": aliases,
                "description": a.description, "wikidata_id": a.wikidata_id,
                "wikidata_verification": a.wikidata_verification,
                "wikidata_evidence": a.wikidata_evidence, "method": a.method})
        out["quotes"] = list(self.quotes.values())
        out["claims"] = list(self.claims.values())
        if self.omit_text:
            for claim in out["claims"]:
                claim["text"] = within(claim["text"], self.claim_longest[claim["claim_id"]])
        for pair in reuse:
            out["article_relations"].append({
                "article_id": self.article_ids[pair.article][1],
                "related_article_id": self.article_ids[pair.other][1],
                "relation": "shares_text_with",
                "overlap": round(pair.shared / max(pair.total, 1), 4),
                "shared_sentences": pair.shared, "method": REUSE_RULE})
        for name, pk in (("actors", "actor_id"), ("quotes", "quote_id"), ("claims", "claim_id"),
                         ("events", "event_id")):
            out[name].sort(key=lambda r, pk=pk: (first(r[pk]), r[pk]))  # type: ignore[misc]
        out["event_participants"].sort(key=lambda r: (first(r["event_id"]), r["event_id"],
                                                      r["actor_id"], r["role"]))
        order = {art: i for i, art in self.article_ids.values()}
        out["article_relations"].sort(key=lambda r: (order[r["article_id"]],
                                                     order[r["related_article_id"]]))
        return out


def time_row(t: TimeExpr, art: str) -> Row:
    """The ``time_mentions`` row of one expression of article ``art``."""
    return {
        "mention_id": content_id("time_mention", art, t.char_start, t.char_end),
        "article_id": art, "char_start": t.char_start, "char_end": t.char_end,
        "text": t.text, "confidence": TIME_CONFIDENCE, "method": TIME_RULE,
        "timex_type": t.timex_type, "value": t.value, "date_start": t.date_start,
        "date_end": t.date_end, "precision": t.precision, "granularity": t.granularity,
        "basis": t.time_basis}


def within(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters (an ellipsis marks the cut).

    Under ``--omit-text`` a derived text (an event's label, a claim's proposition) is never
    longer than the longest mention it comes from, so the package cannot carry more of an
    article than its mention spans do.
    """
    if len(text) <= limit:
        return text
    return text[:limit - 1].rstrip() + "\u2026" if limit > 1 else text[:1]


def _event_row(eid: str, rec: _EventRecord) -> Row:
    first_e, art = (rec.dated[1], rec.dated[2]) if rec.dated else (rec.first, rec.first_article)
    date: TimeExpr | None = rec.dated[1].date if rec.dated else None
    source = date or first_e.date
    words = source is not None and source.basis != "publication_date"
    return {
        "event_id": eid, "event_type": first_e.event_type,
        "plover_type": EVENT_TYPES[first_e.event_type][0], "plover_mode": TYPE_MODES.get(first_e.event_type),
        "cameo_code": EVENT_TYPES[first_e.event_type][1], "label": first_e.label,
        "status": first_e.status,
        "date_start": date.date_start if date else None,
        "date_end": date.date_end if date else None,
        "date_precision": date.precision if date else "unknown",
        "date_basis": date.basis if date else "unknown",
        "date_text": source.text if source and words else None,
        "date_article_id": art if source and words else None,
        "date_char_start": source.char_start if source and words else None,
        "date_char_end": source.char_end if source and words else None,
        "location": first_e.location, "method": first_e.method}
