"""Build pipeline stages: plain functions from records to records, sharing no hidden state.

sources -> segment -> metadata -> actors -> quotes -> times -> events -> curated annotations
-> event actors -> claims -> cross-article linking -> validate -> write.

The stages from actors to claims run per article in the order of
``newsgraph.extract.ARTICLE_STAGES`` (curated annotations correct the quotes before claims
are derived from them); curated actors join the gazetteer before any article is read.
"""
