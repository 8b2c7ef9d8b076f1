"""The language of an article's text, detected with py3langid (its model ships in the wheel).

Why py3langid: measured by ``benchmarks/language_detectors.py`` on short news texts (the first
200 and 600 characters of the 840 PolNeAR training articles, the seeds and the English
fixtures, and the paragraphs of the French, German and Spanish fixtures), py3langid and
lingua-language-detector (all languages) were equally right (one English 200-character
opening read as another language by py3langid, none by lingua; every non-English paragraph
right by both), but py3langid loads in 0.8 s and classifies about 3,100 texts a second,
lingua 11.7 s and about 500 a second, and a build's workers each load the model. Both are
maintained and need no download; fasttext-based detectors fetch their model at run time and
are ruled out. The one miss is why the text must be long enough and the probability high:
below ``MIN_CHARS`` or ``THRESHOLD`` nothing is detected and the recipe's language, or
English, stands.

py3langid is imported inside ``_identifier`` so that ``import newsgraph`` stays light.
"""

from __future__ import annotations

import functools
from typing import Any

#: Fewer characters than this are too few to tell a language by.
MIN_CHARS = 100
#: The (normalised) probability below which the detection is not used.
THRESHOLD = 0.9
#: How much of the text is read. The opening paragraphs tell the language as well as all: on
#: the 840 PolNeAR articles, the seeds and the test texts, 1,000 characters gave the same
#: language as 4,000 for every text, at a quarter of the time (0.42 against 1.68 ms a text;
#: py3langid walks the bytes in Python).
MAX_CHARS = 1000


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of ``text``'s language, or None when the text is too
    short or the detector not sure enough (``MIN_CHARS``, ``THRESHOLD``)."""
    sample = " ".join(text[:MAX_CHARS].split())
    if len(sample) < MIN_CHARS:
        return None
    code, probability = _identifier().classify(sample)
    if probability < THRESHOLD:
        return None
    return str(code).lower(), float(probability)
