"""The base of every model of a file a publisher writes (``recipe.yml``, ``curated/*.yml``).

Closed and immutable: an unknown key is an error naming it (a typo never passes as a silent
default), and a loaded recipe or annotation cannot be changed by the build that reads it.
Unlike ``models.base.Record`` it is not strict: YAML's ``2019-11-26`` arrives as a date and
``1`` for a float is fine in a file people write by hand.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """A closed, immutable model of a publisher's file."""

    model_config = ConfigDict(extra="forbid", frozen=True)
