"""Layer 4, the package: a data package folder, whatever made its rows.

Where things are (``layout``, ``paths``), the table registry (``tables``) and the artifacts
made from it (``schema_export``, ``arrow_schema``, ``views``), the descriptor and its list of
sources (``descriptor``, ``source_list``), writing (``writer``, ``atomic``) and checking
(``fastcheck``, ``validate``). Nothing here imports the rules or the builder, so a package is
loaded, validated and exported without them. Keep this module empty: ``import newsgraph``
reads ``layout`` and ``descriptor`` and must stay light.
"""
