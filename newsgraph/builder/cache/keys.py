"""What an article's draft depends on, as a key: the article's bytes and everything else.

An entry's key is the SHA-256 of the build's fingerprint (``build_fingerprint``: cache
format, package version, the bytes of newsgraph's own code and resources, the versions of
the libraries that read text, the gazetteer with curated actors, the curated event policy,
the recipe's per-article assertions, the options that reach the per-article stage) and of
the article's own inputs (``item_key``: its name, the SHA-256 of its bytes, its entry in
``recipe.yml``, the curated quote and event decisions that anchor to it; for a record of a
collection its locator, position, format, charset and the metadata its columns or WARC
headers state). Two builds that agree on all of it make the same draft, because the
per-article stage is a pure function of exactly these inputs.

Hashing all of newsgraph's code, not only the rules, is deliberately conservative: an
upgrade re-extracts everything once, and no edit anywhere can make a stale entry look valid.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from newsgraph.builder.cache.codec import encode
from newsgraph.builder.cache.store import FORMAT
from newsgraph.builder.extract import Context, Item
from newsgraph.builder.records import BadRecord, RecordItem
from newsgraph.rules.sources import source_name

#: Libraries whose output reaches a draft (HTML text, language); their versions go in the key.
_LIBRARIES = ("trafilatura", "py3langid", "lxml", "justext", "htmldate", "charset-normalizer")


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def code_fingerprint() -> str:
    """SHA-256 of every file of the installed newsgraph package and the reading libraries'
    versions."""
    from importlib import metadata

    from newsgraph.versions import PACKAGE_VERSION

    here = Path(__file__).resolve().parents[2]
    digest = hashlib.sha256(f"{FORMAT}\x00{PACKAGE_VERSION}\x00".encode())
    for path in sorted(p for p in here.rglob("*") if p.is_file() and p.suffix in
                       (".py", ".yml", ".yaml", ".json", ".txt", ".csv", ".tsv")
                       and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(here)).encode() + b"\x00" + path.read_bytes())
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{name}={version}\x00".encode())
    return digest.hexdigest()


def build_fingerprint(context: Context, *, use_curated: bool) -> str:
    """Everything besides the article itself that the per-article stage reads."""
    annotations = context.annotations
    return _digest({
        "code": code_fingerprint(),
        "versions": list(context.versions),
        "gazetteer": _digest(encode(context.gazetteer)),
        "curated": use_curated,
        "curated_events": annotations is not None and annotations.events_path is not None,
        "checks": context.checks.model_dump(mode="json") if context.checks else None,
        "max_bytes": context.max_bytes,
    })


def item_key(item: Item, context: Context, fingerprint: str) -> str | None:
    """The cache key of ``item``'s draft, or None when it must be extracted (a bad record, a
    file that cannot be read or is over the size limit: extraction reports those)."""
    if isinstance(item, BadRecord):
        return None
    if isinstance(item, RecordItem):
        if len(item.raw) > context.max_bytes:
            return None
        return _digest([fingerprint, "record", item.file_name, item.locator, item.position,
                        item.source_format, item.charset, encode(item.meta),
                        hashlib.sha256(item.raw).hexdigest()])
    try:
        if item.stat().st_size > context.max_bytes:
            return None
        raw = item.read_bytes()
    except OSError:
        return None
    name = source_name(item, context.root)
    known = context.known.get(name)
    return _digest([fingerprint, "file", name, hashlib.sha256(raw).hexdigest(),
                    known.model_dump(mode="json") if known else None,
                    _curated_for(context, name)])


def _curated_for(context: Context, name: str) -> list[Any]:
    """The curated quote and event decisions that anchor to the article ``name``."""
    annotations = context.annotations
    if annotations is None:
        return []
    quotes = [q.model_dump(mode="json") for q, _line in annotations.quotes if q.article == name]
    events = [e.model_dump(mode="json") for e, _line in annotations.events
              if any(m.article == name for m in e.mentions)
              or (e.date is not None and e.date.article == name)]
    return [quotes, events]
