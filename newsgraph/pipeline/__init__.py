"""Build pipeline stages: plain functions from records to records, sharing no hidden state.

sources -> segment -> metadata -> actors -> quotes -> claims -> events -> cross-article
linking -> curated annotations -> validate -> write.
"""
