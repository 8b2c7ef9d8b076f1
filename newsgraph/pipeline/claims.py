"""Claims: propositions reported as an actor's, from quotes and from reported speech.

A direct quote carries a claim in the speaker's words (``reporting='direct'``, the quote as
evidence). A sentence "X said (that) P" without quotation marks carries the claim P
(``reporting='indirect'``). Modality comes from the cue and the proposition's auxiliaries;
polarity from negation.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsgraph.models.claim import Modality, Polarity
from newsgraph.pipeline.drafts import ArticleDraft, ClaimDraft, Span
from newsgraph.pipeline.sentences import sentence_spans

RULE_QUOTE = "rule:claims.from_quote@1"
RULE_INDIRECT = "rule:claims.reported_speech@1"

_INDIRECT = re.compile(
    r"\b(?P<cue>said|says|warned|claimed|insisted|denied|argued|stressed|noted|hoped|hopes|"
    r"urged|vowed|added)\s+(?P<prop>[^\"“”]{12,})$")
_NEGATION = re.compile(r"\b(not|no|never|n't|cannot|nor|without)\b", re.I)
#: Words between the cue and the proposition: "said in an interview on Tuesday that ...".
_LEAD_IN = re.compile(
    r"^(?:(?:in an? (?:interview|statement|speech|briefing|letter|address)|on \w+day|"
    r"last \w+|earlier this \w+|this \w+|,)\s*)*(?:that\s+)?"
)


def modality(cue: str | None, proposition: str) -> Modality:
    """assertion, denial, prediction, intention, hope, demand, warning or evaluation."""
    cue = (cue or "").lower()
    if cue in ("warned",):
        return "warning"
    if cue in ("denied", "rejected"):
        return "denial"
    if cue in ("urged", "demanded", "asked"):
        return "demand"
    if cue.startswith("hope") or re.search(r"\bwe hope\b|\bhopes?\b", proposition, re.I):
        return "hope"
    if re.search(r"\b(should|must|need to|needs to|needed to)\b", proposition, re.I):
        return "demand"
    if re.search(r"\b(plan|plans|intend|aim|will carry out|we will)\b", proposition, re.I):
        return "intention"
    if re.search(r"\b(will|would|expected|going to|could)\b", proposition, re.I):
        return "prediction"
    if re.search(r"\b(concerning|wrong|confident|outraged|vital|successful)\b", proposition, re.I):
        return "evaluation"
    return "assertion"


def polarity(proposition: str) -> Polarity:
    return "negative" if _NEGATION.search(proposition) else "positive"


def find_claims(draft: ArticleDraft) -> None:
    """Fill ``draft.claims`` from the article's quotes and reported-speech sentences."""
    text = draft.source.text
    for index, quote in enumerate(draft.quotes):
        if quote.quote_type != "direct" or len(quote.span.text.split()) < 4:
            continue
        prop = quote.span.text.strip().rstrip(",")
        draft.claims.append(ClaimDraft(
            quote.span, prop, quote.speaker, None if quote.speaker else quote.speaker_text,
            modality(quote.cue, prop), polarity(prop), "direct", quote.cue, quote.intermediary,
            index, RULE_QUOTE, round(quote.confidence * 0.9, 2)))
    speakers = sorted(draft.actor_mentions, key=lambda m: m.span.start)
    starts = [s.span.start for s in speakers]  # bisected per sentence: linear, not quadratic
    for seg in draft.segments:
        if seg.kind != "body":
            continue
        for s_start, s_end in sentence_spans(text, seg.char_start, seg.char_end):
            chunk = text[s_start:s_end]
            if any(mark in chunk for mark in "\"“”"):
                continue
            m = _INDIRECT.search(chunk)
            if m is None:
                continue
            cue_at = s_start + m.start()
            before = [s for s in speakers[bisect_left(starts, s_start):bisect_left(starts, cue_at)]
                      if draft.actors[s.actor].kind != "media"]
            people = [s for s in before if draft.actors[s.actor].kind == "person"]
            subject = (people or before)[-1:] if before else []
            if not subject:
                continue
            lead = _LEAD_IN.match(m.group("prop"))
            skip = lead.end() if lead else 0
            prop = m.group("prop")[skip:].rstrip(" .")
            if len(prop.split()) < 3 or not prop[:1].isalnum() or prop.startswith("as "):
                continue
            prop_start = s_start + m.start("prop") + skip
            span = Span(prop_start, prop_start + len(prop), prop)
            draft.claims.append(ClaimDraft(
                span, prop, subject[0].actor, None, modality(m.group("cue"), prop),
                polarity(prop), "indirect", m.group("cue"), None, None, RULE_INDIRECT, 0.6))
