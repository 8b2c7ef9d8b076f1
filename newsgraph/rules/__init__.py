"""Layer 3, the rules: one article, read and extracted, knowing nothing of the corpus.

Reading (``sources``, ``webpage``, ``language``), then ``segment``, ``metadata`` and the
per-article stages in the order of ``newsgraph.builder.extract.ARTICLE_STAGES`` (actors,
quotes, times, events, curated annotations, event actors, claims). Each is a plain function
from an article's text and drafts (``drafts``) to more drafts, sharing no hidden state. The
vocabularies they share are defined once: ``lexicon`` (quotation marks, reporting verbs),
``names`` (titles, honorifics, place words), ``timewords`` (months, weekdays, units), and
searched for by one scanner (``scanner``).
``docs/architecture.md`` states the layers.
"""
