"""Content-derived identifiers.

Every id is a short prefix naming the record type plus the first 16 hex digits of a SHA-256
over the parts that make the record what it is. The same content always gives the same id, so
a rebuild, a different ``--workers`` count or another machine gives identical ids; there is no
counter, clock or random number anywhere.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

#: id prefix per record type; the pattern of every id is ``^<prefix>_[0-9a-f]{16}$``.
PREFIXES: dict[str, str] = {
    "article": "art",
    "segment": "seg",
    "article_duplicate": "dup",
    "actor": "act",
    "actor_mention": "am",
    "actor_role": "rol",
    "quote": "quo",
    "quote_mention": "qm",
    "claim": "clm",
    "claim_mention": "cm",
    "event": "evt",
    "event_mention": "em",
    "time_mention": "tm",
}

ID_HEX_DIGITS = 16


def whole_string(body: str) -> str:
    """A pattern matching ``body`` as the whole string, in every regex dialect we meet.

    Python's ``$`` (used by jsonschema and by pydantic's python-re engine) also matches before
    a final newline, so ``^abc$`` would accept ``"abc\n"``; the lookahead ``(?![\\s\\S])``
    ("no character follows") closes that gap and is valid ECMA-262 as JSON Schema requires.
    """
    return rf"^(?:{body})$(?![\s\S])"


def id_pattern(kind: str) -> str:
    """The regular expression every id of ``kind`` matches (ASCII only)."""
    return whole_string(rf"{PREFIXES[kind]}_[0-9a-f]{{{ID_HEX_DIGITS}}}")


def content_id(kind: str, *parts: object) -> str:
    """Derive the id of a ``kind`` record from the parts that identify it.

    Parts are joined with the ASCII unit separator, which cannot occur in the keys we hash, so
    ``("a b", "c")`` and ``("a", "b c")`` never collide.
    """
    payload = "\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8")
    return f"{PREFIXES[kind]}_{hashlib.sha256(payload).hexdigest()[:ID_HEX_DIGITS]}"


_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                              "‘": "'", "’": "'", "‚": "'"})
_SPACE = re.compile(r"\s+")


def normalise_key(text: str) -> str:
    """A matching key for text: NFKC, straight quotes, single spaces, case-folded.

    Used only to decide that two mentions say the same thing (cross-article linking) and to
    derive ids; stored text is never normalised.
    """
    # NFKC, fold, NFKC again: folding can undo NFKC ("ß" + accent -> "ss" + accent) and NFKC
    # can create foldable letters ("ᴬ" -> "A"); this order makes the key idempotent.
    folded = unicodedata.normalize(
        "NFKC", unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS).casefold())
    return _SPACE.sub(" ", folded).strip(" \t\n\r.,;:!?\"'")
