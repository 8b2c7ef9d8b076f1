"""Typographic quotation marks and the straight mark each one stands for.

The one table of quotation-mark normalisation: content ids and matching keys
(``models.ids.normalise_key``) and the evaluation's quote matching (``evaluate.gold``) read
curly, low and angle marks as the straight ``"`` and ``'``. It sits in models, the lowest
layer that needs it, so the rules and the consumers above import it from here.
"""

from __future__ import annotations

#: Typographic mark -> the straight mark it stands for: curly, low-9 and angle double marks
#: -> ``"``, curly and low-9 single marks -> ``'``.
STRAIGHT_MARKS: dict[str, str] = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                                  "‘": "'", "’": "'", "‚": "'"}
#: The low-9 marks („ ‚) that open German quotations.
LOW_MARKS = frozenset({"„", "‚"})
