"""Claims: propositions reported as an actor's, from quotes and from reported speech.

A direct quote carries a claim in the speaker's words (``reporting='direct'``, the quote as
evidence). Reported speech, "according to X", inverted "P, X said" and the complements of
speech, cognition and stance verbs carry claims with their content as the span
(``reporting='indirect'``, see ``reported``). Modality comes from the cue and the
proposition's auxiliaries; polarity from negation, flipped by a cue that denies ("denied
that P").
"""

from __future__ import annotations

import re

from newsgraph.models.claim import Modality, Polarity
from newsgraph.rules.attribution import Resolver
from newsgraph.rules.drafts import ArticleDraft, ClaimDraft
from newsgraph.rules.lexicon import DENIAL_FORMS
from newsgraph.rules.names import is_function_word
from newsgraph.rules.quoted import Quoted
from newsgraph.rules.reported import Rejected, reported_contents
from newsgraph.rules.scanner import lowered

RULE_QUOTE = "rule:claims.from_quote@1"

#: The modality and negation words, each a case-insensitive alternation written once.
_NEGATION_WORDS = r"\b(not|no|never|n't|cannot|nor|without)\b"
_HOPE_WORDS = r"\bwe hope\b|\bhopes?\b"
_DEMAND_WORDS = r"\b(should|must|need to|needs to|needed to)\b"
_INTENTION_WORDS = r"\b(plan|plans|intend|aim|will carry out|we will)\b"
_PREDICTION_WORDS = r"\b(will|would|expected|going to|could)\b"
_EVALUATION_WORDS = r"\b(concerning|wrong|confident|outraged|vital|successful)\b"


class _Words:
    """One word list, searched in a proposition as ``re.compile(words, re.I).search`` does.

    The proposition is lowered once and searched by the case-sensitive pattern: with ``re.I``
    the engine folds every character it compares, twice the time (6.8 against 3.6 us a search
    of a 140-character proposition, lowering included; up to six per claim, 17,845 claims over
    the PolNeAR texts). Lowering is what ``re.I`` does to these ASCII words for every character
    but three (``scanner.FOLDS_APART``: "ſ" folds to "s" and "ı" to "i" but lower to
    themselves, "İ"
    lowers to two characters); a proposition holding one keeps the ``re.I`` pattern.
    ``tests/test_claims_words.py`` proves it over every code point, and with hypothesis.
    """

    def __init__(self, words: str) -> None:
        self.folded = re.compile(words, re.I)
        self.lower = re.compile(words)

    def found(self, proposition: str, lower: str | None) -> bool:
        """``lower``: the proposition in lower case (``scanner.lowered``), or None."""
        if lower is None:
            return self.folded.search(proposition) is not None
        return self.lower.search(lower) is not None


_NEGATION_IN = _Words(_NEGATION_WORDS)
_HOPE_IN = _Words(_HOPE_WORDS)
_DEMAND_IN = _Words(_DEMAND_WORDS)
_INTENTION_IN = _Words(_INTENTION_WORDS)
_PREDICTION_IN = _Words(_PREDICTION_WORDS)
_EVALUATION_IN = _Words(_EVALUATION_WORDS)


def modality(cue: str | None, proposition: str) -> Modality:
    """assertion, denial, prediction, intention, hope, demand, warning or evaluation."""
    cue = (cue or "").lower()
    if cue in ("warned",):
        return "warning"
    if cue.endswith("expected"):
        return "prediction"
    if cue.startswith(("seem", "appear")):
        return "evaluation"
    if cue in ("denied", "rejected"):
        return "denial"
    if cue in ("urged", "demanded", "asked"):
        return "demand"
    lower = lowered(proposition)
    if cue.startswith("hope") or _HOPE_IN.found(proposition, lower):
        return "hope"
    if _DEMAND_IN.found(proposition, lower):
        return "demand"
    if _INTENTION_IN.found(proposition, lower):
        return "intention"
    if _PREDICTION_IN.found(proposition, lower):
        return "prediction"
    if _EVALUATION_IN.found(proposition, lower):
        return "evaluation"
    return "assertion"


def polarity(cue: str | None, proposition: str) -> Polarity:
    """'negative' when the proposition is negated or the cue denies it ("denied that P")."""
    negative = _NEGATION_IN.found(proposition, lowered(proposition))
    if (cue or "").lower() in DENIAL_FORMS:
        negative = not negative
    return "negative" if negative else "positive"


def _names(draft: ArticleDraft) -> dict[str, str]:
    """The last word of each actor's name and aliases, case-folded ("TAPPER:" in a transcript
    is Jake Tapper) -> the actor. A word two actors share ("Clinton") goes to the one the
    article mentions most, then the one it names first, as a reader takes a bare surname."""
    owners: dict[str, set[str]] = {}
    for name, actor in draft.actors.items():
        for form in (name, *actor.aliases):
            owners.setdefault(form.split()[-1].casefold(), set()).add(name)
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in draft.actor_mentions:
        count[m.actor] = count.get(m.actor, 0) + 1
        first.setdefault(m.actor, m.span.start)
    return {word: min(names, key=lambda n: (-count.get(n, 0), first.get(n, 1 << 62), n))
            for word, names in owners.items()}


def _first_words(draft: ArticleDraft) -> dict[str, str]:
    """The first word of each longer actor name, case-folded, when one actor owns it: a
    source written as that word alone is that actor ("Xi" for Xi Jinping, "Acme" for Acme
    Foods)."""
    owners: dict[str, set[str]] = {}
    for name, actor in draft.actors.items():
        for form in (name, *actor.aliases):
            words = form.split()
            if len(words) >= 2 and words[0][:1].isupper() and not is_function_word(words[0]):
                owners.setdefault(words[0].casefold(), set()).add(name)
    return {word: next(iter(names)) for word, names in owners.items() if len(names) == 1}


def _one_word(text: str) -> str:
    """A source written as one capitalised word ("Acme", "the Acme"), else ""."""
    words = text.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    return words[0].strip(",.:’'") if len(words) == 1 and words[0][:1].isupper() else ""


def _last_name(text: str) -> str:
    """The last capitalised word of a source's words ("Sanders", "the Post" -> "Post")."""
    words = [w.strip(",.’'") for w in text.split() if w[:1].isupper()]
    return words[-1] if words else ""


def _quoted(draft: ArticleDraft) -> Quoted:
    """The inner spans of the article's quotation-mark pairs, sorted and indexed once, so
    that every sieve's quote tests bisect (``rules/quoted.py``)."""
    return Quoted(sorted({(q.span.start, q.span.end) for q in draft.quotes}
                         | {(span.start, span.end) for span, _ in draft.not_quotes}))


def rejected_cues(draft: ArticleDraft) -> list[Rejected]:
    """The cues of a finished draft that made no claim, with the reason (``explain``)."""
    quoted = _quoted(draft)
    rejected: list[Rejected] = []
    for _ in reported_contents(draft, Resolver(draft, quoted), quoted, rejected):
        pass
    return rejected


def find_claims(draft: ArticleDraft) -> None:
    """Fill ``draft.claims`` from the article's quotes and reported-speech sentences."""
    for index, quote in enumerate(draft.quotes):
        if quote.quote_type != "direct" or len(quote.span.text.split()) < 4:
            continue
        prop = quote.span.text.strip().rstrip(",")
        draft.claims.append(ClaimDraft(
            quote.span, prop, quote.speaker, None if quote.speaker else quote.speaker_text,
            modality(quote.cue, prop), polarity(None, prop), "direct", quote.cue,
            quote.intermediary, index, RULE_QUOTE, round(quote.confidence * 0.9, 2)))
    quoted = _quoted(draft)
    resolver = draft.resolver if isinstance(draft.resolver, Resolver) else \
        Resolver(draft, quoted)
    seen: set[tuple[int, int]] = set()
    by_name = _names(draft)
    by_first = _first_words(draft)
    for found in reported_contents(draft, resolver, quoted):
        key = (found.span.start, found.span.end)
        if key in seen:
            continue
        seen.add(key)
        subject = found.subject
        claimant: str | None = None
        if subject is not None:
            claimant = subject.actor
            if subject.pronoun:
                claimant = resolver.resolve_pronoun(subject.text, subject.start)
            elif claimant is None:
                claimant = by_name.get(_last_name(subject.text).casefold()) or \
                    by_first.get(_one_word(subject.text).casefold())
        pronoun = subject is not None and subject.pronoun
        prop = found.span.text
        draft.claims.append(ClaimDraft(
            found.span, prop, claimant, None if claimant or subject is None else subject.text,
            modality(found.cue, prop), polarity(found.cue, prop), "indirect", found.cue, None,
            None, found.method, round(found.confidence - (0.1 if pronoun else 0), 2)))
