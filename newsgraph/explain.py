"""``newsgraph explain FILE``: every attribution decision of one article, and why.

For each pair of quotation marks: quote (direct or partial) with the sieve that attributed it,
the speaker as written, the actor it resolved to, the cue, the relaying outlet and the
confidence; or rejected, with the reason (headline, title, scare quote). For reported speech:
each claim with its sieve, cue and claimant, and each cue that made no claim with the reason.
The article is read with the built-in rules only (no recipe, no curated annotations), exactly
as ``newsgraph build --no-curated`` reads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.rules.sources import DEFAULT_MAX_BYTES, SUFFIX_FORMATS

_WIDTH = 60


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _WIDTH else flat[:_WIDTH - 1] + "…"


def explain(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[str]:
    """The report lines for one article file."""
    from newsgraph.builder.extract import extract_article
    from newsgraph.rules.actors import builtin_gazetteer
    from newsgraph.rules.claims import rejected_cues

    if not path.is_file():
        raise InputError("not a file; give one article (.txt, .md or .html)", file=path)
    if path.suffix.lower() not in SUFFIX_FORMATS:
        raise InputError(f"unsupported file type {path.suffix!r}; give a .txt, .md or .html "
                         "article", file=path)
    draft = extract_article(path, None, builtin_gazetteer(), max_bytes)
    decisions: list[tuple[int, str]] = []
    for q in draft.quotes:
        who = q.speaker or "no actor"
        said = f"{q.speaker_text!r} -> " if q.speaker_text else ""
        via = f"; via {q.intermediary}" if q.intermediary else ""
        decisions.append((q.span.start, (
            f"{q.span.start:>6}-{q.span.end:<6} quote ({q.quote_type}) {_short(q.span.text)!r}\n"
            f"{'':14}speaker {said}{who}; cue {q.cue or '-'}{via}; {q.method}; "
            f"confidence {q.confidence:.2f}")))
    for span, reason in draft.not_quotes:
        decisions.append((span.start, f"{span.start:>6}-{span.end:<6} rejected ({reason}) "
                                      f"{_short(span.text)!r}"))
    claims = [c for c in draft.claims if c.reporting == "indirect"]
    for c in claims:
        who = c.claimant or (f"{c.claimant_text!r} (no actor)" if c.claimant_text else "nobody")
        decisions.append((c.span.start, (
            f"{c.span.start:>6}-{c.span.end:<6} claim {_short(c.span.text)!r}\n"
            f"{'':14}claimant {who}; cue {c.cue or '-'}; {c.modality}, {c.polarity}; "
            f"{c.method}; confidence {c.confidence:.2f}")))
    for at, cue, reason in rejected_cues(draft):
        decisions.append((at, f"{at:>6}{'':7} cue {cue!r}: no claim ({reason})"))
    yield (f"{path.name}: {len(draft.quotes)} quotes, {len(draft.not_quotes)} rejected "
           f"quotation marks, {len(claims)} reported claims")
    for _, line in sorted(decisions, key=lambda d: d[0]):
        yield line
