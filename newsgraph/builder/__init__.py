"""Layer 6, the builder: a corpus in, a package out.

sources -> segment -> metadata -> actors -> quotes -> times -> events -> curated annotations
-> event actors -> claims -> cross-article linking -> validate -> write.

The steps from segment to claims are the rules (``newsgraph.rules``), run per article in the
order of ``extract.ARTICLE_STAGES`` (curated annotations correct the quotes before claims are
derived from them; curated actors join the gazetteer before any article is read). ``build``
runs the two passes: ``extract`` runs the rules over every article (in local processes or on
Dask, ``dask_engine``), reading folders, collections (``collection``, ``records``) and WARC
files (``warc``), and ``spill`` keeps the drafts on disk; then ``assemble`` links actors
across articles, assigns ids and turns each article into rows (``article_rows``,
``contribution``, ``registry``), ``reuse`` finds text reuse, and ``cache`` reuses the work of
earlier builds.
"""
