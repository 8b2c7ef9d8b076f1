"""The three version numbers newsgraph states everywhere.

* the *package* version (code), from ``_version``;
* the *schema* version: the data model's contract, bumped per ``docs/schema-versioning.md``;
* the *dataset* version: a recipe's own number, read from its ``recipe.yml``.
"""

from newsgraph._version import __version__ as PACKAGE_VERSION

SCHEMA_VERSION = "2.0.1"

__all__ = ["PACKAGE_VERSION", "SCHEMA_VERSION"]
