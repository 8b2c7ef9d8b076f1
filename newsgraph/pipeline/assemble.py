"""Cross-article linking and id assignment: drafts from every article become table rows.

* actors: a person named only by a shorter form ("Erdogan", "Tayyip Erdogan") in one article
  is the same actor as the one full name elsewhere that ends with it;
* quotes, claims and events reported by several articles become one record with several
  mentions (same speaker and normalised text; same event key);
* ids are content-derived; rows are sorted by source file, char_start, then id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsgraph import models
from newsgraph.ids import content_id, normalise_key
from newsgraph.models.base import Record
from newsgraph.models.event import ParticipantRole
from newsgraph.pipeline.drafts import ActorDraft, ArticleDraft, EventDraft
from newsgraph.pipeline.reuse import RULE as REUSE_RULE
from newsgraph.pipeline.reuse import Reuse
from newsgraph.pipeline.segment import RULE as SEGMENT_RULE
from newsgraph.tables import TABLES


@dataclass
class Tables:
    """Rows of every table, in output order."""

    rows: dict[str, list[Record]] = field(default_factory=dict)


def link_actor_names(drafts: list[ArticleDraft]) -> dict[str, str]:
    """Map every actor name to its canonical name across the corpus."""
    people = sorted({n for d in drafts for n, a in d.actors.items() if a.kind == "person"})
    canonical: dict[str, str] = {}
    for name in people:
        tokens = name.split()
        longer = [o for o in people if len(o.split()) > len(tokens)
                  and o.split()[-len(tokens):] == tokens]
        if len(longer) >= 1:
            longest = max(longer, key=lambda o: (len(o.split()), o))
            if all(longest.split()[-len(o.split()):] == o.split() for o in longer):
                canonical[name] = longest
    return canonical


def _actor_id(actor: ActorDraft) -> str:
    return content_id("actor", actor.kind, actor.name)


def assemble(drafts: list[ArticleDraft], reuse: list[Reuse], *, omit_text: bool = False
             ) -> dict[str, list[Record]]:
    """All tables from per-article drafts (see the module docstring)."""
    drafts = sorted(drafts, key=lambda d: d.source.file_name)
    canon = link_actor_names(drafts)
    actors: dict[str, ActorDraft] = {}
    for d in drafts:
        for name, a in d.actors.items():
            target = canon.get(name, name)
            if target not in actors:
                source = next((x.actors[target] for x in drafts if target in x.actors), a)
                actors[target] = source
    actor_ids = {name: _actor_id(a) for name, a in actors.items()}

    def aid(name: str | None) -> str | None:
        return None if name is None else actor_ids[canon.get(name, name)]

    art_ids = {d.source.file_name: content_id("article", d.source.sha256) for d in drafts}
    order = {d.source.file_name: i for i, d in enumerate(drafts)}
    out: dict[str, list[Any]] = defaultdict(list)
    first_seen: dict[str, tuple[int, int]] = {}
    surface: dict[str, set[str]] = defaultdict(set)

    def seen(record_id: str, file: str, start: int) -> None:
        pos = (order[file], start)
        if record_id not in first_seen or pos < first_seen[record_id]:
            first_seen[record_id] = pos

    quotes: dict[str, models.Quote] = {}
    claims: dict[str, dict[str, Any]] = {}
    events: dict[str, list[tuple[ArticleDraft, EventDraft]]] = defaultdict(list)
    for d in drafts:
        f, art = d.source.file_name, art_ids[d.source.file_name]
        meta = d.meta
        out["articles"].append(models.Article(
            article_id=art, source_file=f, sha256=d.source.sha256, bytes=d.source.size,
            source_format=d.source.source_format, title=meta.title, publisher=meta.publisher,
            original_publisher=meta.original_publisher, publisher_basis=meta.publisher_basis,
            agencies=meta.agencies, authors=meta.authors, published=meta.published,
            published_precision=meta.published_precision, published_basis=meta.published_basis,
            url=meta.url, language=meta.language, metadata_note=meta.note,
            text=None if omit_text else d.source.text, n_chars=len(d.source.text),
            method=meta.method))
        for s in d.segments:
            out["article_segments"].append(models.ArticleSegment(
                segment_id=content_id("segment", art, s.kind, s.char_start, s.char_end),
                article_id=art, char_start=s.char_start, char_end=s.char_end, text=s.text,
                confidence=0.8, method=SEGMENT_RULE, segment_kind=s.kind,
                reason=s.reason))
        for m in d.actor_mentions:
            actor = aid(m.actor)
            assert actor is not None
            if m.form != "pronoun":
                surface[actor].add(m.span.text)
            seen(actor, f, m.span.start)
            out["actor_mentions"].append(models.ActorMention(
                mention_id=content_id("actor_mention", actor, art, m.span.start, m.span.end),
                article_id=art, char_start=m.span.start, char_end=m.span.end, text=m.span.text,
                confidence=m.confidence, method=m.method, actor_id=actor, form=m.form))
        for r in d.roles:
            actor = aid(r.actor)
            assert actor is not None
            out["actor_roles"].append(models.ActorRole(
                role_id=content_id("actor_role", actor, r.role, art, r.span.start),
                article_id=art, char_start=r.span.start, char_end=r.span.end, text=r.span.text,
                confidence=0.8 if r.method != "curated" else 1.0, method=r.method,
                actor_id=actor, position=r.role, organization_id=aid(r.organization),
                as_of=meta.published, valid_from=None, valid_to=None))
        quote_ids: list[str] = []
        for q in d.quotes:
            speaker = aid(q.speaker)
            qid = content_id("quote", normalise_key(q.span.text), speaker or q.speaker_text or "")
            quote_ids.append(qid)
            seen(qid, f, q.span.start)
            if qid not in quotes:
                quotes[qid] = models.Quote(
                    quote_id=qid, text=q.span.text, speaker_id=speaker,
                    speaker_text=None if speaker else q.speaker_text, quote_type=q.quote_type,
                    method=q.method)
            out["quote_mentions"].append(models.QuoteMention(
                mention_id=content_id("quote_mention", qid, art, q.span.start, q.span.end),
                article_id=art, char_start=q.span.start, char_end=q.span.end, text=q.span.text,
                confidence=q.confidence, method=q.method, quote_id=qid, quote_type=q.quote_type,
                cue=q.cue, speaker_text=q.speaker_text, intermediary_id=aid(q.intermediary),
                intermediary_text=q.intermediary_text))
        for c in d.claims:
            claimant = aid(c.claimant)
            cid = content_id("claim", claimant or c.claimant_text or "", normalise_key(c.proposition))
            seen(cid, f, c.span.start)
            entry = claims.setdefault(cid, {
                "claim_id": cid, "claimant_id": claimant,
                "claimant_text": None if claimant else c.claimant_text, "text": c.proposition,
                "modality": c.modality, "polarity": c.polarity, "evidence_quote_ids": [],
                "event_ids": [], "method": c.method})
            if c.quote_index is not None and quote_ids[c.quote_index] not in entry["evidence_quote_ids"]:
                entry["evidence_quote_ids"].append(quote_ids[c.quote_index])
            out["claim_mentions"].append(models.ClaimMention(
                mention_id=content_id("claim_mention", cid, art, c.span.start, c.span.end),
                article_id=art, char_start=c.span.start, char_end=c.span.end, text=c.span.text,
                confidence=c.confidence, method=c.method, claim_id=cid, reporting=c.reporting,
                cue=c.cue, intermediary_id=aid(c.intermediary)))
        for e in d.events:
            events[e.key].append((d, e))
    for key, reports in events.items():
        eid = content_id("event", key)
        dated = [(d, e, e.date) for d, e in reports if e.date is not None and e.date.basis != "unknown"]
        dated.sort(key=lambda de: (de[2].basis != "stated", order[de[0].source.file_name]))
        first_d, first_e = (dated[0][0], dated[0][1]) if dated else reports[0]
        date = dated[0][2] if dated else None
        raw = first_e.date
        participants: dict[tuple[str, ParticipantRole], None] = {}
        for d, e in reports:
            f, art = d.source.file_name, art_ids[d.source.file_name]
            for span in e.spans:
                seen(eid, f, span.start)
                out["event_mentions"].append(models.EventMention(
                    mention_id=content_id("event_mention", eid, art, span.start, span.end),
                    article_id=art, char_start=span.start, char_end=span.end, text=span.text,
                    confidence=e.confidence, method=e.method, event_id=eid))
            for name, role in e.participants:
                actor = aid(name)
                assert actor is not None
                participants[(actor, role)] = None
        text_src = date or raw
        out["events"].append(models.Event(
            event_id=eid, event_type=first_e.event_type, label=first_e.label,
            status=first_e.status,
            date_start=date.date_start if date else None,
            date_end=date.date_end if date else None,
            date_precision=date.precision if date else "unknown",
            date_basis=date.basis if date else "unknown",
            date_text=text_src.text if text_src else None,
            date_article_id=art_ids[first_d.source.file_name] if text_src else None,
            date_char_start=text_src.char_start if text_src else None,
            date_char_end=text_src.char_end if text_src else None,
            location=first_e.location, method=first_e.method))
        for (actor, role) in participants:
            out["event_participants"].append(models.EventParticipant(
                event_id=eid, actor_id=actor, role=role, method=first_e.method))
    _link_claims_to_events(claims, out["claim_mentions"], out["event_mentions"], first_seen)
    for name, a in actors.items():
        actor = actor_ids[name]
        aliases = sorted((surface[actor] | a.aliases) - {a.name})
        aliases = [x for x in aliases if x in surface[actor] or a.method == "curated"]
        out["actors"].append(models.Actor(
            actor_id=actor, name=a.name, kind=a.kind, aliases=aliases,
            description=a.description, wikidata_id=a.wikidata_id,
            wikidata_verification=a.wikidata_verification,
            wikidata_evidence=a.wikidata_evidence, method=a.method))
    out["quotes"] = list(quotes.values())
    out["claims"] = [models.Claim(**c) for c in claims.values()]
    for pair in reuse:
        out["article_relations"].append(models.ArticleRelation(
            article_id=art_ids[pair.article], related_article_id=art_ids[pair.other],
            relation="shares_text_with", overlap=round(pair.shared / max(pair.total, 1), 4),
            shared_sentences=pair.shared, method=REUSE_RULE))
    return _sorted(out, first_seen, order, art_ids)


def _link_claims_to_events(claims: dict[str, dict[str, Any]], claim_mentions: list[Any],
                           event_mentions: list[Any],
                           first_seen: dict[str, tuple[int, int]]) -> None:
    """A claim is about the events whose mentions overlap one of its mentions."""
    by_article: dict[str, list[Any]] = defaultdict(list)
    for em in event_mentions:
        by_article[em.article_id].append(em)
    for cm in claim_mentions:
        about = claims[cm.claim_id]["event_ids"]
        for em in by_article.get(cm.article_id, ()):
            if em.char_start < cm.char_end and cm.char_start < em.char_end \
                    and em.event_id not in about:
                about.append(em.event_id)
    for claim in claims.values():
        claim["event_ids"].sort(key=lambda eid: (first_seen.get(eid, (0, 0)), eid))


def _sort_key(spec_name: str, pk: tuple[str, ...], is_span: bool,
              first_seen: dict[str, tuple[int, int]], art_order: dict[str, int]
              ) -> Callable[[Any], tuple[Any, ...]]:
    """Row order (DESIGN.md): source file, then char_start, then id; records by first mention."""
    far = (len(art_order), 0)
    if is_span:
        return lambda r: (art_order[r.article_id], r.char_start, getattr(r, pk[0]))
    if spec_name == "articles":
        return lambda r: (art_order[r.article_id], r.article_id)
    if spec_name == "article_relations":
        return lambda r: (art_order[r.article_id], art_order[r.related_article_id])
    if spec_name == "event_participants":
        return lambda r: (first_seen.get(r.event_id, far), r.event_id, r.actor_id, r.role)
    return lambda r: (first_seen.get(getattr(r, pk[0]), far), getattr(r, pk[0]))


def _sorted(out: dict[str, list[Any]], first_seen: dict[str, tuple[int, int]],
            order: dict[str, int], art_ids: dict[str, str]) -> dict[str, list[Record]]:
    art_order = {art_ids[f]: i for f, i in order.items()}
    return {
        spec.name: sorted(out.get(spec.name, []), key=_sort_key(
            spec.name, spec.primary_key, spec.is_span, first_seen, art_order))
        for spec in TABLES
    }
