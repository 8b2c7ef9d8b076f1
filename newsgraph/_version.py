"""The package version (one of newsgraph's three version numbers; see ``newsgraph.versions``)."""

__version__ = "0.1.0"
