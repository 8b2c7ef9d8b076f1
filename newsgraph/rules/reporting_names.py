"""Names that report: actors known only as the subject of a reporting verb, or by a label.

``people`` and ``organisations`` need evidence around a name (a title, a role, an
organisation word, a speech verb twice). A name also shows what it is by reporting, in shapes
a reader takes without hesitation; these make actors of names no other rule found:

* a full name as the subject of a speech, cognition or stance verb ("Dana Whitfield has backed
  the plan"), whose last word the article also writes alone ("Whitfield"): a person, as
  journalists name a person in full once and by surname after;
* one word shaped as a brand or an acronym, capitals inside it, initials or a hyphen between
  capitals ("Voltrex said" is not enough; "FICO found", "F.B.I. said", "NovaTel says",
  "Alder-Ross reported"): an organisation;
* one word after "according to" and before the end of the clause, never part of a longer name
  ("according to Statista,"): an organisation, since people are named in full first; so is
  a word that reports once when the article names its staff ("an Acme spokeswoman");
* one plain word that is the subject of such verbs twice in the article ("Whitfield rejected
  ... Whitfield argued"), with "he" or "she" after it in one of those sentences (a person) or
  "it"/"its" (an organisation);
* the labels of a transcript: paragraphs that open with a name in capitals and a colon
  ("JANE DOE: Thank you."), when two different labels open paragraphs of the article (a
  label whose last word is a known person's surname is that person).

A subject starts its clause (the sentence, or after a comma, "and", "but", "as", "that"); a
word the article also writes in lower case is a common noun ("Polls show"), never a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from newsgraph.models.actor import MentionForm
from newsgraph.models.base import ActorKind
from newsgraph.rules.drafts import ActorDraft, ActorMentionDraft, ArticleDraft, Span
from newsgraph.rules.forms import form_regex
from newsgraph.rules.lexicon import (
    AUXILIARY,
    COGNITION_FORMS,
    NOT_SPEAKER_LABELS,
    SPEECH_FORMS,
    STANCE_FORMS,
)
from newsgraph.rules.names import (
    GROUP_NOUNS,
    MEDIA_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    is_date_word,
    is_function_word,
    is_title_word,
)
from newsgraph.rules.needs import Needs
from newsgraph.rules.scanner import Cues

SUBJECT_RULE = "rule:actors.reporting_subject@1"
LABEL_RULE = "rule:actors.transcript_label@1"

_CUES = Cues(set(SPEECH_FORMS) | set(COGNITION_FORMS) | set(STANCE_FORMS))
_TOKEN = r"[A-Z][\w’'.&-]*"
#: A capitalised run right before a cue, past an appositive and auxiliaries.
_SUBJECT = re.compile(rf"(?P<name>{_TOKEN}(?:[ \u00a0]+{_TOKEN}){{0,3}})"
                      r"(?:\s*,[^,;:\"“”()]{1,120},)?" + AUXILIARY + r"*\s+$")
#: What may stand before a subject: a clause start.
_CLAUSE_START = re.compile(r"(?:^|[.!?:;][\"”’']?\s+|[,—–(]\s*|\b(?:and|but|while|as|As|that|"
                           r"when|When|because|although|though|if|so|yet|then|Then)\s+)$")
#: One word shaped as a brand or acronym: "F.B.I.", "FICO", "NovaTel", "Alder-Ross".
_BRAND = re.compile(r"(?:[A-Z]\.){3,}|[A-Z]{2,}|[A-Z][a-z]+[A-Z]\w*|[A-Z]\w*-[A-Z]\w*")
#: An abbreviated title in front of a name ("Pres.", "Supt."): the name is a person's.
_ABBREVIATED_TITLE = re.compile(r"[A-Z][a-z]{1,4}\.")
_ROMAN = re.compile(r"[IVX]+")
_MAC = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O’|O')[A-Z]")
_LABEL = re.compile(r"\s*(?P<label>[A-Z][A-Z.’'-]+(?:[ \u00a0][A-Z][A-Z.’'-]+){0,3}):\s+\S")
_ACCORDING = Needs(re.compile(
    r"\b[Aa]ccording to (?:the )?(?P<name>[A-Z][\w’'.&-]*?)\.?(?=[,;)]|\.(?:\s|$)|$)"), "ccording to ")
_STAFF = (r"spokes(?:man|woman|person)|chief executive|executives?|chairman|chairwoman|"
          r"founder|employees|board|shareholders")
_STAFF_AFTER = re.compile(rf"(?:['’]s)?\s+(?:{_STAFF})\b")  # "Acme's chief executive"
_STAFF_BEFORE = re.compile(rf"\b(?:{_STAFF})\s+(?:of|at|for)\s+$")  # "the founder of Acme"
#: How far before a word ``_STAFF_BEFORE`` looks (its longest match, with room for spaces).
_STAFF_REACH = 120
_NOT_WORD_AFTER = re.compile(r"(?![\w’'])")
_W = re.compile(r"\w")
_NAME_CHAR = re.compile(r"[\w’'.-]")
_NAME_AFTER = re.compile(r"[ \u00a0]+[A-Z]")
_W_OR_HYPHEN = re.compile(r"[\w-]")
_PLAIN = re.compile(r"[A-Z][a-z]+(?:[-’'][A-Za-z][a-z]+)*")
_INITIAL = re.compile(r"[A-Z]\.")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_HE_SHE = re.compile(r"\b(?:he|she|his|her|him)\b")
_IT = re.compile(r"\b(?:it|its)\b")
_NOT_NAMES = ORG_WORDS | MEDIA_WORDS | PLACE_WORDS | GROUP_NOUNS
_WINDOW = 160


def find_reporting_names(draft: ArticleDraft, spans: list[tuple[int, int]]) -> None:
    """Add the actors that only reporting shows (see the module docstring) and their mentions
    in the read ``spans``; names other actors already hold are left to them."""
    text = draft.source.text
    body = [(s.char_start, s.char_end) for s in draft.segments if s.kind == "body"]
    taken = _taken(draft)
    new: dict[str, tuple[ActorKind, str, set[str]]] = {}  # name -> (kind, rule, short forms)
    for name, kind, shorts in _subject_names(text, body, taken):
        new.setdefault(name, (kind, SUBJECT_RULE, shorts))
    for name in _according_names(text, body, taken):
        new.setdefault(name, ("organization", SUBJECT_RULE, set()))
    for name, shorts in _labels(text, draft, body, taken):
        new.setdefault(name, ("person", LABEL_RULE, shorts))
    # a surname that also reports on its own is the short form of its full name, not a second
    # person ("Dorota Kwiatkowska has backed ... Kwiatkowska rejected ...")
    shorts = {short for _, _, forms_of in new.values() for short in forms_of}
    new = {name: found for name, found in new.items() if name not in shorts}
    if not new:
        return
    forms: dict[str, tuple[str, MentionForm]] = {name: (name, "name") for name in new}
    for name, (_, _, shorts_of) in new.items():
        for short in shorts_of:
            forms.setdefault(short, (name, "surname"))
    occupied = sorted((m.span.start, m.span.end) for m in draft.actor_mentions)
    pattern = form_regex(forms, not_after=r"\w.-")  # rare: only where new names were found
    used: set[str] = set()
    for start, end in spans:
        for m in pattern.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in occupied):
                continue
            name, form = forms[m.group()]
            rule = new[name][1]
            draft.actor_mentions.append(ActorMentionDraft(
                name, Span(m.start(), m.end(), m.group()), form, rule,
                0.8 if form == "name" else 0.75))
            used.add(name)
    for name in sorted(used):
        kind, rule, _ = new[name]
        draft.actors[name] = ActorDraft(name=name, kind=kind, method=rule)
    draft.actor_mentions.sort(key=lambda m: (m.span.start, m.span.end))


def _taken(draft: ArticleDraft) -> set[str]:
    """Every word of the names and mentions other rules found."""
    words: set[str] = set()
    for name in draft.actors:
        words.update(name.split())
    for m in draft.actor_mentions:
        words.update(m.span.text.split())
    return words


def _name_words(run: str, taken: set[str]) -> tuple[list[str], bool]:
    """The words of a capitalised run without the title, sentence words and the labels of
    other actors ("Democrat" of the Democrats) in front; True if an abbreviated title was
    among them ("Pres.": people's titles are ``people``'s evidence)."""
    words = run.split()
    titled = False
    while words and (is_function_word(words[0]) or is_title_word(words[0]) or
                     _ABBREVIATED_TITLE.fullmatch(words[0]) or words[0] in taken or
                     words[0] + "s" in taken):
        titled = titled or bool(_ABBREVIATED_TITLE.fullmatch(words[0]))
        words.pop(0)
    return words, titled


def _brand(word: str) -> bool:
    """A brand or acronym, not a surname ("McAllister") nor a people ("Irish-Americans")."""
    return _BRAND.fullmatch(word) is not None and not _MAC.match(word) and \
        not _ROMAN.fullmatch(word) and len(word) > 2 and \
        not any(is_title_word(part) or is_title_word(part.rstrip("s"))
                for part in word.split("-"))


def _subject_names(text: str, body: list[tuple[int, int]], taken: set[str]
                   ) -> Iterable[tuple[str, ActorKind, set[str]]]:
    single: dict[str, list[int]] = {}  # plain one-word subject -> its cue positions
    for start, end in body:
        for cue in _CUES.finditer(text, start, end):
            subject = _SUBJECT.search(text, max(start, cue.start() - _WINDOW), cue.start())
            if subject is None:
                continue
            at = subject.start("name")
            if at > start and not _CLAUSE_START.search(text, max(start, at - 12), at):
                continue
            words, titled = _name_words(subject.group("name"), taken)
            if not words:
                continue
            if any(w.lower().strip(".") in _NOT_NAMES or is_date_word(w) or w in taken
                   for w in words) or (words[-1].endswith(("’s", "'s", ".", "’", "'")) and
                                                          not _brand(words[-1])):
                continue
            if len(words) >= 2:
                name = " ".join(words)
                last = words[-1]
                if all(_plain(w) or _INITIAL.fullmatch(w) for w in words) and \
                        _alone(text, last, name) and not _lower_too(text, last):
                    yield name, "person", {last}
            elif titled and _plain(words[0]):
                yield words[0], "person", set()  # "Pres. Whitfield argued"
            elif _brand(words[0]):
                yield words[0], "organization", set()
            elif _plain(words[0]) and not _lower_too(text, words[0]):
                single.setdefault(words[0], []).append(cue.start())
    for word, cues in single.items():
        if _staffed(text, word):
            yield word, "organization", set()  # "an Acme spokeswoman ... Acme said"
            continue
        if len(cues) < 2:
            continue
        kind = _pronoun_kind(text, word, cues)
        if kind is not None:
            yield word, kind, set()


def _according_names(text: str, body: list[tuple[int, int]], taken: set[str]) -> Iterable[str]:
    """'according to Statista,': one word, never part of a longer name in the article (a
    person is named in full before a surname stands alone), is an organisation."""
    for start, end in body:
        for m in _ACCORDING.finditer(text, start, end):
            word = m.group("name")
            if word in taken or _lower_too(text, word) or is_date_word(word) or \
                    word.lower() in _NOT_NAMES or is_title_word(word) or _ROMAN.fullmatch(word):
                continue
            if _brand(word) or (_plain(word) and not _in_longer_name(text, word)):
                yield word


def _in_longer_name(text: str, word: str) -> bool:
    """The article writes the word inside a longer capitalised name: after a capitalised
    word ("Nina Statista") or before one ("Statista Group")."""
    end = len(word)
    for at in _occurrences(text, word, None):
        if _NAME_AFTER.match(text, at + end) and (at == 0 or not _W_OR_HYPHEN.match(text, at - 1)):
            return True
        if _W.match(text, at + end) is None and _capitalised_before(text, at):
            return True
    return False


def _capitalised_before(text: str, at: int) -> bool:
    """Spaces right before ``at``, and before them a word with a capital in it."""
    i = at
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    if i == at:
        return False
    while i > 0 and _NAME_CHAR.match(text, i - 1):
        i -= 1
        if "A" <= text[i] <= "Z":
            return True
    return False


def _staffed(text: str, word: str) -> bool:
    """The article names the word's staff ("an Acme spokeswoman", "Acme's chief executive",
    "the chief executive of Acme"): the word is an organisation."""
    end = len(word)
    return any(_STAFF_AFTER.match(text, at + end)
               for at in _occurrences(text, word, _W_OR_HYPHEN)) or any(
        _NOT_WORD_AFTER.match(text, at + end) and _STAFF_BEFORE.search(
            text, max(0, at - _STAFF_REACH), at) for at in _occurrences(text, word, None))


def _plain(word: str) -> bool:
    """A name word: a capital, then lower-case letters (hyphens and apostrophes inside)."""
    return _PLAIN.fullmatch(word) is not None


def _alone(text: str, last: str, full: str) -> bool:
    """The article writes ``last`` without the rest of ``full`` in front of it."""
    previous = full[:-len(last)].split()[-1]
    for at in _occurrences(text, last, _W_OR_HYPHEN):
        if _W.match(text, at + len(last)) is not None:
            continue
        i = at
        while i > 0 and text[i - 1].isspace():  # text[:at].rstrip(), without the copy
            i -= 1
        if not text.endswith(previous, 0, i):
            return True
    return False


def _lower_too(text: str, word: str) -> bool:
    """The article also writes the word in lower case, as a word of its own."""
    lower = word.lower()
    return any(_W.match(text, at + len(lower)) is None
               for at in _occurrences(text, lower, _W_OR_HYPHEN))


def _occurrences(text: str, word: str, not_after: re.Pattern[str] | None) -> Iterator[int]:
    """Where ``word`` is written, not right after a character ``not_after`` matches.

    ``str.find`` instead of a regular expression of the word: compiling one for every
    candidate word took half the time of this module on PolNeAR (1.8 of 3.6 s profiled);
    ``tests/test_rules_reporting_names.py`` proves the tests equal to those expressions.
    """
    at = text.find(word)
    while at >= 0:
        if not_after is None or at == 0 or not_after.match(text, at - 1) is None:
            yield at
        at = text.find(word, at + 1)


def _pronoun_kind(text: str, word: str, cues: list[int]) -> ActorKind | None:
    """'person' if "he" or "she" follows one of the word's cues in its sentence, 'organization'
    if "it" or "its" does, else None."""
    kinds: set[ActorKind] = set()
    for at in cues:
        stop = _SENTENCE_END.search(text, at)
        rest = text[at:stop.start() if stop else at + 200]
        if _HE_SHE.search(rest):
            kinds.add("person")
        elif _IT.search(rest):
            kinds.add("organization")
    return kinds.pop() if len(kinds) == 1 else None


def _labels(text: str, draft: ArticleDraft, body: list[tuple[int, int]], taken: set[str]
            ) -> Iterable[tuple[str, set[str]]]:
    labels: list[str] = []
    for start, end in body:
        m = _LABEL.match(text, start, end)
        if m is not None and m.group("label").split()[0].casefold() not in NOT_SPEAKER_LABELS \
                and not is_date_word(m.group("label").split()[0]):
            labels.append(m.group("label"))
    if len(set(labels)) < 2:
        return
    people = {name.split()[-1].casefold() for name, a in draft.actors.items()
              if a.kind == "person"}
    by_last: dict[str, set[str]] = {}
    for label in set(labels):
        if label.split()[-1].casefold() not in people and label not in taken:
            by_last.setdefault(label.split()[-1], set()).add(label)
    for last, forms in by_last.items():
        name = max(forms, key=lambda f: (len(f), f))  # "JANE DOE" over "DOE"
        yield name, {last} - {name}
