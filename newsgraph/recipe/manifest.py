"""A recipe: one dataset's metadata, sources and curated annotations in ``builders/<name>/``.

``recipe.yml`` is validated by ``Recipe``; every source file it lists must exist in
``sources/`` and every file there must be listed, so the data package can cite each one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import Field

from newsgraph.errors import InputError
from newsgraph.models.article import MetadataBasis
from newsgraph.models.base import DatePrecision
from newsgraph.recipe.strict import Strict
from newsgraph.recipe.yamlio import load_yaml, validate_yaml

RECIPE_FILE = "recipe.yml"
SOURCES_DIR = "sources"
CURATED_DIR = "curated"


class SourceMeta(Strict):
    """What is known about one source file; unknown stays null with a note, never invented."""

    file: str = Field(description="The source file's name in sources/.")
    title: str | None = Field(None, description="Headline, when the text does not carry it.")
    publisher: str | None = Field(None, description="Publisher of this copy, if known.")
    original_publisher: str | None = Field(None, description="First publisher of a repost.")
    publisher_basis: MetadataBasis = "none"
    agencies: list[str] = Field(default_factory=list, description="Agencies the source credits.")
    authors: list[str] = Field(default_factory=list)
    url: str | None = None
    published: dt.date | None = None
    published_precision: DatePrecision = "unknown"
    published_basis: MetadataBasis = "none"
    language: str = "en"
    copyright_holder: str = Field(description="Who holds the copyright of the text.")
    note: str | None = Field(None, description="How the metadata was established.")


class Licenses(Strict):
    """Code and derived records are licensed separately; source texts stay their owners'."""

    code: str = "Apache-2.0"
    records: str = "CC-BY-4.0"


class Assertions(Strict):
    """Quality checks the build enforces on its own output (zavod-style)."""

    min_actors_per_article: int = 1
    min_quotes: int = 0
    min_events: int = 0
    quotation_marks_accounted: bool = True


class Recipe(Strict):
    """A dataset recipe."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str
    description: str
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    homepage: str | None = None
    licenses: Licenses = Licenses()
    sources: list[SourceMeta]
    assertions: Assertions = Assertions()


def load_recipe(folder: Path) -> Recipe:
    """Load and check ``folder/recipe.yml`` against the files in ``folder/sources``."""
    path = folder / RECIPE_FILE
    recipe = validate_yaml(Recipe, load_yaml(path), path)
    listed = [s.file for s in recipe.sources]
    present = sorted(p.name for p in (folder / SOURCES_DIR).iterdir() if p.is_file()) \
        if (folder / SOURCES_DIR).is_dir() else []
    for name in listed:
        if name not in present:
            raise InputError(f"source {name!r} is listed but not in {SOURCES_DIR}/; add the file "
                             "or remove the entry", file=path)
    if len(set(listed)) != len(listed):
        raise InputError("a source is listed twice; keep one entry per file", file=path)
    return recipe
