"""The claim sieves besides the verb sieves of ``reported``: headlines, speakers' labels,
reporting nouns, the writer's assessments and questions put to a source.

Each is named in its claims' ``method``:

* ``headline``: a headline (or a body sentence) in title case, "Trump Says He Never Pledged
  To ..." -> Trump claims the rest; or a headline opening with a label ("Report: ...");
* ``speaker_label``: a paragraph that opens with a speaker's label, "TAPPER: ..." -> the label
  claims the rest of the paragraph;
* ``nominal``: "his criticism of X", "Trump's calls for a ban" -> the possessor claims X;
* ``evidential``: "X seemed to P", "X is expected to P" -> the writer's assessment, no claimant;
  "X reportedly told Y P" (a hearsay adverb) -> somebody's unnamed report, no claimant;
* ``question_put``: "Asked whether P, X said ..." / "X was asked whether P" -> P, asked by
  somebody unnamed.

``reported`` decides where each runs (its docstring gives the order).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsgraph.rules.attribution import Resolver, Subject
from newsgraph.rules.claim_sources import subject_before
from newsgraph.rules.claim_spans import (
    CLAIM_CUES,
    CLAUSE_END,
    MIN_WORDS,
    Reported,
    clause_start_before,
    in_quote,
    quoted_share,
    trim,
)
from newsgraph.rules.drafts import Span
from newsgraph.rules.lexicon import NOT_SPEAKER_LABELS
from newsgraph.rules.names import is_date_word
from newsgraph.rules.needs import Needs
from newsgraph.rules.scanner import Cues

RULE_EVIDENTIAL = "rule:claims.evidential@2"
RULE_HEADLINE = "rule:claims.headline@2"
RULE_LABEL = "rule:claims.speaker_label@2"
RULE_NOMINAL = "rule:claims.nominal@2"
RULE_QUESTION = "rule:claims.question_put@3"
#: Each sieve's precision on the PolNeAR training split (its claims inside an attributed
#: Content), rounded down to 0.05: `make quality` prints it (docs/quality.md).
CONFIDENCE = {RULE_EVIDENTIAL: 0.8, RULE_HEADLINE: 0.75, RULE_LABEL: 0.75, RULE_NOMINAL: 0.85,
              RULE_QUESTION: 0.9}

#: The writer's assessment or expectation, with no source: "X seemed to P", "X appeared
#: choreographed", "X is widely expected to P". The content is the clause, subject included.
#: (Searched only in a sentence that holds "seem", "appear", "expected" or "said": ``needs``.)
_EVIDENTIAL = Needs(re.compile(
    r"\b(?:seems?|seemed|appears?|appeared|(?:is|are|was|were|(?:has|have|had) been)"
    r"(?:\s+(?:\w+ly|not|also|now|still))*\s+(?:expected|said(?=\s+to\s)))(?=\s+(?:to\s|\w+ed\b|(?:un)?likely\b|poised\b|ready\b|certain\b|sure\b))"),
    "seem", "appear", "expected", "said")
#: Hearsay adverbs: "X reportedly told aides P", "the money was allegedly spent on P": the
#: clause is somebody's unnamed report.
_HEARSAY = Needs(re.compile(r"\b(?:reportedly|allegedly|purportedly|supposedly)\b"), "edly")
#: A noun that reports, with what it reports: "his criticism of the plan", "their allegations
#: that P", "Trump's calls for an inquiry". The content runs to the next comma.
_NOMINAL_CUE = re.compile(
    r"\b(?P<cue>(?:criticism|endorsement|allegations?|accusations?|calls?|concerns?|views?|"
    r"questions?|complaints?|warnings?|praise|opposition|demands?|support|claims?|"
    r"suggestions?|assertions?|insistence|fears?|hopes?|promises?|pledges?)\s+"
    r"(?:of|for|about|that|to|against|over))\s+(?P<content>[^,;:.()—–\"“”]{3,200})")
#: Where the noun phrase after a reporting noun ends: its clause's verb ("his criticism of the
#: budget drew applause" -> "the budget").
_NOMINAL_STOP = re.compile(r"\s(?:is|was|are|were|has|have|had|will|would|could|can|may|might|"
                           r"should|must|did|does|do|drew|came|comes|\w+ed)\b")
_POSSESSOR = re.compile(r"(?:\b(?P<p>his|her|their|its)|(?P<name>(?:[A-Z][\w.-]*\s+){0,3}"
                        r"[A-Z][\w.-]*)[’']s?)\s+(?:\w+\s+)?$")
#: A question put to the sentence's subject by somebody unnamed: "Asked whether he would
#: run, Smith said ...", "When asked about the deal, ...". The content is the question.
_ASKED = re.compile(r"\s*(?:(?:But|And|When|If)\s+)?(?P<cue>[Aa]sked)\s+(?P<content>(?:whether|if|about|"
                    r"why|how|what|when|who|to)\b[^,;]{3,200}),")
#: The same question in the passive: "Smith was asked whether he would run and said ...".
_ASKED_PASSIVE = Needs(re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+|also\s+|again\s+)?"
                            r"(?P<cue>asked)\s+(?:by\s+[^,;.]{1,40}?\s+)?(?P<content>(?:whether|"
                            r"if|about|why|how|what|when|who)\b[^,;.]{3,200})"), "asked")
_JOINED = re.compile(r"\s+(?:and|but)\s+(?:\w+ly\s+)?$")
#: The cues of a headline in title case: "Trump Says He Never Pledged ...".
HEADLINE_CUES = Cues({f.capitalize() for f in CLAIM_CUES.forms if " " not in f})
#: A speaker's label at the start of a paragraph or headline: "TAPPER: ...", "Report: ...".
_LABEL = re.compile(r"\s*(?P<label>(?:[A-Z][\w.’'-]*(?: |(?=:))){1,4}):\s+(?=\S)")
def labelled(text: str, start: int, end: int, resolver: Resolver,
              quoted: list[tuple[int, int]], method: str) -> Reported | None:
    """'TAPPER: Donald Trump released a video ...' / 'Report: Half of ...': the label is the
    source of the rest of the paragraph."""
    label = _LABEL.match(text, start, end)
    if label is None or label.group("label").split()[0].casefold() in NOT_SPEAKER_LABELS or \
            is_date_word(label.group("label").split()[0]):
        return None
    span = trim(text, label.end(), end)
    if len(text[span[0]:span[1]].split()) < MIN_WORDS or quoted_share(quoted, *span) > 0.5:
        return None
    subject = resolver.subject(label.start("label"), label.end("label"), cue_after=True) or \
        Subject(None, label.group("label").strip(), label.start("label"))
    return Reported(Span(span[0], span[1], text[span[0]:span[1]]), ":", subject, method,
                    CONFIDENCE[method])


def headline(text: str, start: int, end: int, resolver: Resolver,
              quoted: list[tuple[int, int]]) -> Iterator[Reported]:
    """'Trump Says He Never Pledged To ...' and 'Report: Half of ...' in a headline."""
    label = labelled(text, start, end, resolver, quoted, RULE_HEADLINE)
    if label is not None:
        yield label
        return
    cue = HEADLINE_CUES.search(text, start, end)
    if cue is None or cue.start() == start or in_quote(quoted, cue.start()):
        return
    subject = subject_before(text, resolver, start, cue.start())
    span = trim(text, cue.end(), end)
    if subject is None or len(text[span[0]:span[1]].split()) < MIN_WORDS or \
            quoted_share(quoted, *span) > 0.5:
        return
    yield Reported(Span(span[0], span[1], text[span[0]:span[1]]), cue.group().lower(), subject,
                   RULE_HEADLINE, CONFIDENCE[RULE_HEADLINE])


def nominal(text: str, s_start: int, s_end: int, resolver: Resolver,
             quoted: list[tuple[int, int]], taken: list[Reported]) -> Iterator[Reported]:
    """'his criticism of the judge', "Trump's calls for a ban": a content reported by a noun
    whose possessor is its source."""
    for m in _NOMINAL_CUE.finditer(text, s_start, s_end):
        if in_quote(quoted, m.start()) or any(r.span.start <= m.start() < r.span.end
                                             for r in taken):
            continue
        verb = _NOMINAL_STOP.search(text, m.start("content"), m.end("content"))
        span = trim(text, m.start("content"), verb.start() if verb else m.end("content"))
        if not text[span[0]:span[1]].strip() or quoted_share(quoted, *span) > 0.5:
            continue
        owner = _POSSESSOR.search(text, max(s_start, m.start() - 60), m.start())
        if owner is None:
            continue  # "allegations that P" with nobody's: measured 0.73 inside a Content and
            # its named sources lie elsewhere in the sentence (claimant right 1 time in 6)
        subject: Subject | None = None
        if owner.group("p"):
            subject = Subject(None, owner.group("p"), owner.start("p"), pronoun=True)
        else:
            subject = resolver.subject(owner.start("name"), owner.end("name"), cue_after=True) \
                or Subject(None, owner.group("name"), owner.start("name"))
        yield Reported(Span(span[0], span[1], text[span[0]:span[1]]), m.group("cue"), subject,
                       RULE_NOMINAL, CONFIDENCE[RULE_NOMINAL])


def asked(text: str, s_start: int, s_end: int,
          quoted: list[tuple[int, int]]) -> Reported | None:
    """'Asked whether he would run, Smith said ...': the question, put by somebody unnamed."""
    m = _ASKED.match(text, s_start, s_end) or _ASKED_PASSIVE.search(text, s_start, s_end)
    if m is None or in_quote(quoted, m.start("cue")):
        return None
    end = m.end("content")
    for cue in CLAIM_CUES.finditer(text, m.start("content"), end):
        joint = _JOINED.search(text, m.start("content"), cue.start())
        if joint is not None:  # "was asked whether P and said Q": the question ends at "and"
            end = joint.start()
            break
    span = trim(text, m.start("content"), end)
    if len(text[span[0]:span[1]].split()) < MIN_WORDS or quoted_share(quoted, *span) > 0.5:
        return None  # "was asked about and said": no question of its own
    return Reported(Span(span[0], span[1], text[span[0]:span[1]]), "asked", None,
                    RULE_QUESTION, CONFIDENCE[RULE_QUESTION])


def evidential(text: str, s_start: int, s_end: int, quoted: list[tuple[int, int]],
               taken: list[Reported]) -> Iterator[Reported]:
    """'The plan seemed doomed': the writer's assessment, its clause (subject included) the
    content; none inside a content already ``taken``."""
    cues = sorted([*_EVIDENTIAL.finditer(text, s_start, s_end),
                   *_HEARSAY.finditer(text, s_start, s_end)], key=lambda m: m.start())
    for cue in cues:
        if in_quote(quoted, cue.start()) or any(
                r.span.start <= cue.start() < r.span.end for r in taken):
            continue
        start = clause_start_before(text, s_start, cue.start())
        start = start + len(text[start:cue.start()]) - len(text[start:cue.start()].lstrip(" ,;"))
        stop = CLAUSE_END.search(text, cue.end(), s_end)
        span = trim(text, start, stop.start() if stop is not None else s_end)
        if len(text[span[0]:span[1]].split()) >= MIN_WORDS and quoted_share(quoted, *span) <= 0.5:
            yield Reported(Span(span[0], span[1], text[span[0]:span[1]]), cue.group(), None,
                           RULE_EVIDENTIAL, CONFIDENCE[RULE_EVIDENTIAL])
