"""Cross-article linking and id assignment, one article at a time.

* actors: a person named only by a shorter form ("Erdogan", "Tayyip Erdogan") in one article
  is the same actor as the one full name elsewhere that ends with it (``link_actor_names``,
  run once over every person name of the corpus before any row is made);
* quotes, claims and events reported by several articles become one record with several
  mentions (same speaker and normalised text; same event key);
* ids are content-derived; rows are sorted by source file, record locator (the record's
  position in a collection file), char_start, then id.

``Assembler.add`` turns one article's draft into its provenance rows (already in output
order, since articles arrive sorted by file name and position; ``article_rows``), so a
build can stream them to disk, and applies what the article contributes to the registries
(``contribution``); the canonical records (actors, quotes, claims, events) accumulate in
registries, one entry per distinct record, and ``Assembler.finish`` streams them sorted by
first mention. Above a size the quote, claim, event and first-mention registries are merged
into a store on disk (``builder/registry.py``), so their memory is bounded at any corpus
size; the rows are the same either way.
Rows are plain dicts keyed by column; the writer gives them the table's Arrow schema and the
written package is validated as a whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newsgraph.builder import registry
from newsgraph.builder.article_rows import SPAN_TABLES, assemble_article
from newsgraph.builder.contribution import Contribution, EventDate
from newsgraph.builder.registry import (
    ClaimRecord,
    EventRecord,
    RecordStore,
    claim_state,
    event_state,
    merge_claim,
    merge_event,
)
from newsgraph.builder.reuse import RULE as REUSE_RULE
from newsgraph.builder.reuse import Reuse
from newsgraph.models.event import EVENT_TYPES
from newsgraph.models.ids import content_id
from newsgraph.rules.drafts import ActorDraft, ArticleDraft
from newsgraph.rules.event_lexicon import TYPE_MODES

Row = dict[str, Any]
__all__ = ["RECORD_TABLES", "SPAN_TABLES", "Assembler", "link_actor_names", "within"]
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


class Assembler:
    """Rows of every table from per-article drafts given in file-name order.

    ``add`` is ``assemble`` (the article's rows and ``Contribution``, which need only the
    id each of its actor names resolves to) followed by ``apply`` (the contribution folded
    into the registries at the article's position). An article assembled in an earlier
    build can skip the first half: its contribution is applied again as long as ``holds``
    says every name it used still resolves to the same actor.
    """

    def __init__(self, canonical: dict[str, str], first_actor: dict[str, ActorDraft], *,
                 omit_text: bool = False, related: set[str] | None = None,
                 spill_limit: int | None = None) -> None:
        """``related``: the keys of the articles in text-reuse pairs, the only ones whose ids
        ``finish`` needs (None: keep every article's id); memory then grows with the pairs,
        not with the articles. Above ``spill_limit`` entries (default
        ``registry.SPILL_LIMIT``) the quote, claim, event and first-mention registries go to
        a ``RecordStore`` (an unnamed temporary sqlite3 file), so their memory is bounded
        whatever the corpus size."""
        self.canonical = canonical
        self.related = related
        #: Articles added so far (an article's position is its order number).
        self.count = 0
        self.first_actor = first_actor
        self.omit_text = omit_text
        self.actors: dict[str, ActorDraft] = {}
        self.actor_ids: dict[str, str] = {}
        #: Target name -> the id of its first article's record of it (computed once).
        self._target_ids: dict[str, str] = {}
        #: Source key -> (position, article id), for the ``related`` articles.
        self.article_ids: dict[str, tuple[int, str]] = {}
        self.surface: dict[str, set[str]] = defaultdict(set)
        #: The registries of the current run (every article since the last spill).
        self.first_seen: dict[str, tuple[int, int]] = {}
        self.quotes: dict[str, Row] = {}
        self.claims: dict[str, ClaimRecord] = {}
        self.events: dict[str, EventRecord] = {}
        self.spill_limit = registry.SPILL_LIMIT if spill_limit is None else spill_limit
        self.store: RecordStore | None = None
        self.last: tuple[str, int] = ("", -1)

    def resolve(self, name: str, local: ActorDraft | None = None) -> tuple[str, str]:
        """The name ``name`` links to and that actor's id: its record comes from the first
        article that has it (``local``, the asking article's, only when none has)."""
        target = self.canonical.get(name, name)
        found = self.actor_ids.get(target) or self._target_id(target)
        if found is None:
            if local is None:
                raise KeyError(f"actor {name!r} is not found in any article")
            found = _actor_id(local)
        return target, found

    def _target_id(self, target: str) -> str | None:
        found = self._target_ids.get(target)
        if found is None and target in self.first_actor:
            found = self._target_ids[target] = _actor_id(self.first_actor[target])
        return found

    def holds(self, contribution: Contribution) -> bool:
        """Whether every actor name of a contribution made in an earlier build still links
        to the same name and actor id (its rows are then the rows ``assemble`` would make)."""
        canonical, ids = self.canonical, self.actor_ids
        for use in contribution.names:
            target = canonical.get(use.name, use.name)
            if target != use.target or (ids.get(target) or self._target_id(target)) \
                    != use.actor_id:
                return False
        return True

    def assemble(self, d: ArticleDraft) -> tuple[dict[str, list[Row]], Contribution]:
        """The provenance rows of one article and its contribution (not yet applied)."""
        return assemble_article(d, self.resolve, omit_text=self.omit_text)

    def add(self, d: ArticleDraft) -> dict[str, list[Row]]:
        """The provenance rows of one article, sorted by char_start then id."""
        rows, contribution = self.assemble(d)
        self.apply(contribution)
        return rows

    def apply(self, c: Contribution) -> None:
        """Fold one article's contribution into the registries, as the next article."""
        if (c.file_name, c.position) <= self.last:
            raise ValueError(f"articles must arrive sorted by file name and position: "
                             f"{c.key!r}")
        self.last = (c.file_name, c.position)
        order, self.count = self.count, self.count + 1
        art = c.article_id
        if self.related is None or c.key in self.related:
            self.article_ids[c.key] = (order, art)
        for use in c.names:
            if use.target not in self.actor_ids:
                actor = self.first_actor.get(use.target, use.local)
                if actor is None:
                    raise KeyError(f"actor {use.name!r} is not found in any article")
                self.actors[use.target] = actor
                self.actor_ids[use.target] = use.actor_id
        first_seen = self.first_seen
        for record_id, start in c.seen.items():
            pos = (order, start)
            if record_id not in first_seen or pos < first_seen[record_id]:
                first_seen[record_id] = pos
        for actor_id, texts in c.surface.items():
            self.surface[actor_id].update(texts)
        for q in c.quotes:
            if q.quote_id not in self.quotes:
                self.quotes[q.quote_id] = {
                    "quote_id": q.quote_id, "text": q.text, "speaker_id": q.speaker_id,
                    "speaker_text": q.speaker_text, "quote_type": q.quote_type,
                    "method": q.method}
        claims, events = self.claims, self.events
        for p in c.claims:
            claim = claim_state(p)
            if p.claim_id in claims:
                merge_claim(claims[p.claim_id], claim)
            else:
                claims[p.claim_id] = claim
        for e in c.events:
            event = event_state(e, order, art)
            if e.event_id in events:
                merge_event(events[e.event_id], event)
            else:
                events[e.event_id] = event
        if len(first_seen) + len(self.quotes) + len(claims) + len(events) > self.spill_limit:
            self.spill()

    def spill(self) -> None:
        """Merge the current run of the registries into the on-disk store; start a new run."""
        if self.store is None:
            self.store = RecordStore()
        self.store.add_run(self.first_seen, self.quotes, self.claims, self.events)
        self.first_seen, self.quotes, self.claims, self.events = {}, {}, {}, {}

    def close(self) -> None:
        """Remove the on-disk store (``finish`` does when its rows are all read)."""
        if self.store is not None:
            self.store.close()
            self.store = None

    def finish(self, reuse: list[Reuse],
               batch: int = 64_000) -> Iterator[tuple[str, list[Row]]]:
        """The record tables (and article relations) as ``(table, rows)`` batches of
        ``batch`` rows (the last of a table shorter), each table sorted by first mention then
        id. After a spill the records are read back from disk one batch at a time."""
        try:
            if self.store is not None:
                self.spill()
            yield from self._records(reuse, batch)
        finally:
            self.close()

    def _records(self, reuse: list[Reuse], batch: int) -> Iterator[tuple[str, list[Row]]]:
        far, store, first_seen = self.count, self.store, self.first_seen

        def first(record_id: str) -> tuple[int, int]:
            found = first_seen.get(record_id) if store is None else store.first(record_id)
            return (far, 0) if found is None else found

        def states(table: str) -> Iterable[tuple[str, Any]]:
            if store is not None:
                return store.sorted_states(table, far)
            records: dict[str, Any] = getattr(self, table)
            return sorted(records.items(), key=lambda kv: (first(kv[0]), kv[0]))

        actors: list[Row] = []
        for name, a in self.actors.items():
            actor, surface = self.actor_ids[name], self.surface.get(self.actor_ids[name], set())
            aliases = sorted((surface | a.aliases) - {a.name})
            aliases = [x for x in aliases if x in surface or a.method == "curated"]
            actors.append({
                "actor_id": actor, "name": a.name, "kind": a.kind, "aliases": aliases,
                "description": a.description, "wikidata_id": a.wikidata_id,
                "wikidata_verification": a.wikidata_verification,
                "wikidata_evidence": a.wikidata_evidence, "method": a.method})
        actors.sort(key=lambda r: (first(r["actor_id"]), r["actor_id"]))
        yield from _batches("actors", actors, batch)
        yield from _batches("quotes", (row for _, row in states("quotes")), batch)
        yield from _batches("claims", self._claims(states("claims"), first), batch)
        out: dict[str, list[Row]] = {"events": [], "event_participants": []}
        for eid, rec in states("events"):
            event = _event_row(eid, rec)
            if self.omit_text:
                event["label"] = within(event["label"], rec.longest)
            out["events"].append(event)
            out["event_participants"].extend(
                {"event_id": eid, "actor_id": actor, "role": role, "method": event["method"]}
                for actor, role in sorted(rec.participants))
            for name, rows in out.items():
                while len(rows) >= batch:
                    yield name, rows[:batch]
                    del rows[:batch]
        for name, rows in out.items():
            yield name, rows
        relations: list[Row] = [{
            "article_id": self.article_ids[pair.article][1],
            "related_article_id": self.article_ids[pair.other][1],
            "relation": "shares_text_with",
            "overlap": round(pair.shared / max(pair.total, 1), 4),
            "shared_sentences": pair.shared, "method": REUSE_RULE} for pair in reuse]
        order = {art: i for i, art in self.article_ids.values()}
        relations.sort(key=lambda r: (order[r["article_id"]], order[r["related_article_id"]]))
        yield from _batches("article_relations", relations, batch)

    def _claims(self, states: Iterable[tuple[str, Any]],
                first: Any) -> Iterator[Row]:
        """Claim rows: event ids by first mention, texts cut under ``--omit-text``."""
        for _, rec in states:
            claim = rec.row
            if len(claim["event_ids"]) > 1:
                claim["event_ids"].sort(key=lambda eid: (first(eid), eid))
            if self.omit_text:
                claim["text"] = within(claim["text"], rec.longest)
            yield claim


def _batches(table: str, rows: Iterable[Row], size: int) -> Iterator[tuple[str, list[Row]]]:
    """``rows`` as ``(table, batch)`` pairs of ``size`` rows (at least one, maybe empty)."""
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield table, chunk
            chunk = []
    yield table, chunk


def within(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters (an ellipsis marks the cut).

    Under ``--omit-text`` a derived text (an event's label, a claim's proposition) is never
    longer than the longest mention it comes from, so the package cannot carry more of an
    article than its mention spans do.
    """
    if len(text) <= limit:
        return text
    return text[:limit - 1].rstrip() + "\u2026" if limit > 1 else text[:1]


def _event_row(eid: str, rec: EventRecord) -> Row:
    first_e, art = (rec.dated[1], rec.dated[2]) if rec.dated else (rec.first, rec.first_article)
    date: EventDate | None = rec.dated[1].date if rec.dated else None
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
