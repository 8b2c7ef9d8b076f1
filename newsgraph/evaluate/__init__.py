"""Consumers: ``newsgraph evaluate``, a package's rows scored against gold corpora.

``gold`` (newsgraph's JSON gold), ``brat`` (PolNeAR-style attribution, read by
``brat_reader``), ``timeml`` (TimeBank, read by ``timeml_reader``) and ``plover`` (event
codes); ``report`` has the rates, the printed report and the ``--fail-under`` bounds.
"""
