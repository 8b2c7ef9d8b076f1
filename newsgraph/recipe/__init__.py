"""Layer 2, the recipe: what a publisher writes, read safely.

``manifest`` reads ``recipe.yml`` (the dataset's metadata and its sources' metadata) and
``yamlio`` is the safe YAML reader that remembers line numbers for errors.
"""
