"""The determiners: the words that open a noun phrase ("the claims", "its board", "some say").

One home for the rules that ask whether a word opens a noun phrase: ``timex_direction``
("agreed to the merger": "to" is a preposition there, not the mark of an infinitive),
``claim_content`` (a two-word object is a content, "denied the claims") and
``claim_sources`` (the function words a subject noun phrase may hold) and ``unnamed_speakers``
(a speaker a noun phrase describes: "the statement said").
"""

from __future__ import annotations

#: The quantifiers that stand where a determiner does ("some claims", "both sides").
QUANTIFIERS = frozenset("some many most both all other".split())
#: Articles, demonstratives, the possessive determiners and the quantifiers.
DETERMINERS = frozenset("the a an this that these those his her their its our my your".split()) \
    | QUANTIFIERS
