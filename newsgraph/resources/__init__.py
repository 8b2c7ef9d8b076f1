"""Data files the rules use (gazetteer of well-known actors); read via importlib.resources."""
