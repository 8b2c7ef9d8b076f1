"""Where the bundled dataset, schema and recipe live: a checkout or an installed wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

BUNDLED_RECIPE = "s400_turkey_2019"


def repo_root() -> Path | None:
    """The checkout root when running from a source tree (it has builders/ and pyproject)."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "builders").is_dir():
        return root
    return None


def bundled_dataset() -> Path:
    """The bundled dataset folder: ``dataset/`` in a checkout, package data when installed."""
    root = repo_root()
    if root is not None:
        return root / "dataset"
    return Path(str(resources.files("newsgraph").joinpath("_data/dataset")))


def bundled_recipe() -> Path | None:
    root = repo_root()
    return None if root is None else root / "builders" / BUNDLED_RECIPE
