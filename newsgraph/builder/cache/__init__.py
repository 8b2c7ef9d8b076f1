"""The build cache: per-article work of earlier builds, reused by ``newsgraph build``.

``codec`` turns drafts into JSON values and back (no pickle: the cache is data on disk),
``store`` keeps entries in a folder beside the output (hashed, versioned, locked), ``keys``
says what an article's draft depends on, ``reuse`` runs the per-article stage only for
the articles the cache does not hold, ``rows`` reuses an article's assembled rows while its
actor links hold (level 2), and ``figures`` keeps the last timeline figure.
docs/scaling.md, "Incremental builds", has the design.
"""
