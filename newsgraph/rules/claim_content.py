"""The content of a claim cue: the clause or noun phrase after it, as ``reported`` cuts it.

After the cue, lead-ins are skipped ("said in an interview on Tuesday that ..."), the content
runs to the end of its clause (``claim_spans.CLAUSE_END``), and it must be three words or
more and mostly outside quotation marks. Short objects are let through where they are the
whole content: "denied the claims", "declined to comment", a stance cue's name or noun
phrase ("blasted congressional Republicans"), a pronoun that stands for a content already
given ("Okafor denied it.").
"""

from __future__ import annotations

import re

from newsgraph.rules.claim_spans import CLAUSE_END, MIN_WORDS, quoted_share, trim
from newsgraph.rules.determiners import DETERMINERS
from newsgraph.rules.names import is_date_word, is_function_word

#: Words between a cue and its content: "said in an interview on Tuesday that ...".
#: Possessive quantifiers (``*+``): each word and each run of spaces can be read one way
#: only, so a long capitalised word or a long run of spaces cannot make the engine try every
#: way to split it (0.44 s for 120 capitals after "in" before; the same for any length now).
LEAD_IN_WORDS = (
    r"(?:\s*+,?\s*+(?:in an? (?:interview|statement|speech|briefing|letter|email|post|tweet|"
    r"address|op-ed|news conference|press conference|radio interview|television interview)"
    r"(?: (?:with|on|to) [^,]{1,40}?)?|on \w+day|last \w+|earlier this \w+|this \w+|"
    r"(?:on|at|in) [A-Z][\w.]*+(?:\s[A-Z][\w.]*+){0,3}|yesterday|today|recently|previously|"
    r"repeatedly|publicly|privately|again|also|later|once|often|[a-z]+ly)(?=[\s,])\s*+,?)*"
    r"\s*")
_LEAD_IN = re.compile(LEAD_IN_WORDS + r"(?:that\s+)?")
#: A relay or agent phrase, not a content: "as saying", "as reported by", "by Ankara".
_NOT_CONTENT = re.compile(r"(?:as|by|when|after|before|while)\b")
#: A name as the whole object of a stance cue, a comma after it.
_NAME_OBJECT = re.compile(r"\s*(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)\s*,")
#: Pronouns that stand for a content already given ("Okafor denied it", "she said so").
_CONTENT_PRONOUNS = frozenset("it that this so".split())
_ENDS_HERE = re.compile(r"\s*(?:[.!?;]|,\s+(?:but|and)\b|$)")


def cue_content(text: str, quoted: list[tuple[int, int]], start: int, end: int,
                stance: bool = False) -> tuple[int, int] | None:
    """The content after a cue: lead-ins skipped, up to the clause end; None if too short or
    more than 60% quoted (the quote's then: 'said the plan was "a disaster"' is a claim too).

    A stance cue ("praised", "blasted", "rejected") may take a content of one or two words
    when they are a name or a noun phrase ("blasted congressional Republicans", "praised
    CNN"), never a date ("praised Tuesday").
    """
    lead = _LEAD_IN.match(text, start, end)
    if lead is not None:
        start = lead.end()
    stop = CLAUSE_END.search(text, start, end)
    if stop is not None:
        end = stop.start()
    if stance:  # "endorsed Jeb Bush, spent $1 million": the name is the object
        name = _NAME_OBJECT.match(text, start, end)
        if name is not None:
            end = name.end("name")
    start, end = trim(text, start, end)
    words = text[start:end].split()
    short_object = len(words) == 2 and (words[0].lower() in DETERMINERS  # "denied the claims"
                                        or words[0] == "to")  # "declined to comment"
    if stance and 1 <= len(words) <= 2 and not any(is_date_word(w) or is_function_word(w)
                                                   for w in words):
        short_object = True
    if len(words) == 1 and words[0].lower() in _CONTENT_PRONOUNS and \
            _ENDS_HERE.match(text, end):  # "Okafor denied it.", "she said so."
        short_object = True
    if (len(words) < MIN_WORDS and not short_object) or quoted_share(quoted, start, end) > 0.6 or \
            _NOT_CONTENT.match(text, start, end):
        return None
    return start, end
