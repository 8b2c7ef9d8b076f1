"""Reading a package's ``datapackage.json`` safely, without heavy imports.

Used by the loaders (which must stay fast to import), the validator, ``info`` and ``export``:
resource paths are confined to the package folder, an empty table's inline resource is
recognised, and files are hashed in blocks.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePosixPath
from typing import Any

from newsgraph.errors import DatasetError, UsageError
from newsgraph.package.layout import DATAPACKAGE_FILE, TABLE_NAMES, parquet_parts_dir, parquet_path

MAX_MESSAGE = 200
REBUILD = "rebuild the package"


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def short(text: str) -> str:
    """One line of at most ``MAX_MESSAGE`` characters (values in messages can be huge)."""
    line = " ".join(text.split())
    return line if len(line) <= MAX_MESSAGE else line[:MAX_MESSAGE - 3] + "..."


def safe_resource_path(root: Path, rel: object) -> Path:
    """Resolve a resource path, refusing absolute paths, '..' and anything outside ``root``."""
    where = root / DATAPACKAGE_FILE
    if not isinstance(rel, str) or not rel:
        raise DatasetError("a resource path is missing or not a string; " + REBUILD, file=where)
    pure = PurePosixPath(rel)
    if not pure.parts or pure.is_absolute() or ".." in pure.parts or "\\" in rel \
            or ":" in pure.parts[0] \
            or "\x00" in rel:
        raise DatasetError(f"resource path {short(repr(rel))} points outside the package "
                           "folder; use a relative path inside it", file=where)
    try:
        base = root.resolve()
        path = (root / pure).resolve()
    except (OSError, RuntimeError) as error:  # a symlink loop (RuntimeError before 3.13)
        raise DatasetError(f"resource path {short(repr(rel))} cannot be resolved "
                           f"({short(str(error))}); replace it with the file itself",
                           file=where) from None
    if base not in path.parents:
        raise DatasetError(f"resource path {rel!r} resolves outside the package folder "
                           "(a symlink?); replace it with the file itself", file=where)
    return path


def read_descriptor(root: Path) -> dict[str, Any]:
    """The parsed ``datapackage.json`` of a package folder, its resource paths checked."""
    if not root.is_dir():
        raise UsageError("package folder not found; build it first or give the right path",
                         file=root)
    path = root / DATAPACKAGE_FILE
    try:
        descriptor = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise DatasetError("datapackage.json is missing; " + REBUILD, file=path) from None
    except OSError as error:
        raise DatasetError(f"cannot read datapackage.json ({error.strerror or error}); "
                           "check the file and its permissions", file=path) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        line = getattr(error, "lineno", None)
        raise DatasetError("datapackage.json is not valid JSON; " + REBUILD,
                           file=path, line=line) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise DatasetError("datapackage.json has no resources list; " + REBUILD, file=path)
    for number, resource in enumerate(descriptor["resources"], 1):
        if not isinstance(resource, dict):
            raise DatasetError(f"resource {number} is not a JSON object; " + REBUILD, file=path)
        if is_empty_table(resource):
            continue
        safe_resource_path(root, resource.get("path"))
    return descriptor


def is_empty_table(resource: dict[str, Any]) -> bool:
    """An empty table is declared with inline header-only data (see ``writer``), no path."""
    fields = resource.get("schema", {}).get("fields") if isinstance(resource.get("schema"),
                                                                     dict) else None
    names = [f.get("name") for f in fields if isinstance(f, dict)] if isinstance(fields, list) \
        else None
    return ("path" not in resource and resource.get("name") in TABLE_NAMES and names is not None
            and resource.get("data") == [names])


def listed_parquet(descriptor: dict[str, Any], table: str) -> list[dict[str, Any]]:
    """The resources of ``table``'s Parquet files that the descriptor lists, in its order.

    A table is one file (``parquet/<table>.parquet``) or a folder of parts
    (``parquet/<table>/*.parquet``); readers take exactly these files, so a stray copy left
    in a parts folder is never read twice.
    """
    single, folder = parquet_path(table), parquet_parts_dir(table) + "/"
    return [r for r in descriptor["resources"]
            if isinstance(r.get("path"), str) and r.get("format", "parquet") == "parquet"
            and (r["path"] == single or (r["path"].startswith(folder)
                                         and r["path"].endswith(".parquet")
                                         and "/" not in r["path"][len(folder):]))]


def verify_file(root: Path, resource: dict[str, Any]) -> Path:
    """The resource's file, after checking that it exists with its declared size and hash."""
    path = safe_resource_path(root, resource.get("path"))
    try:
        size = path.stat().st_size if path.is_file() else None
        if size is None:
            raise DatasetError("file is missing; " + REBUILD + " or reinstall", file=path)
        digest = sha256_file(path)
    except OSError as error:
        raise DatasetError(f"cannot read ({error.strerror or error}); check its permissions",
                           file=path) from None
    if f"sha256:{digest}" != resource.get("hash") or size != resource.get("bytes"):
        raise DatasetError("sha256 or size does not match datapackage.json; the file was "
                           "changed or corrupted, rebuild or reinstall", file=path)
    return path
