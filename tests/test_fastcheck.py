"""The vectorised validator gives the reference's verdicts (and messages) on every package.

Each corrupted package plants one violation; ``validate_package(fast=True)`` must report
exactly what the row-by-row reference (``fast=False``, JSON Schema + pydantic per row) does.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from synthetic_tables import write_large_package

from newsgraph.package import fastcheck
from newsgraph.package.descriptor import sha256_file
from newsgraph.package.fastcheck import re2
from newsgraph.package.validate import validate_package
from tests.reliability_cases import INVALID_PACKAGES, Case

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def small_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_large_package(tmp_path_factory.mktemp("fast") / "pkg", n_mentions=300,
                               n_articles=20)


def _rehash(pkg: Path, rel: str) -> None:
    path = pkg / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource.get("path") == rel:
            resource["hash"] = f"sha256:{sha256_file(pkg / rel)}"
            resource["bytes"] = (pkg / rel).stat().st_size
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def _edit_row(table: str, line: int, change: Callable[[dict], None]) -> Callable[[Path], None]:  # type: ignore[type-arg]
    """Change one JSON row (the Parquet copy stays: the JSON/Parquet comparison must catch it,
    unless the row check does first)."""
    def corrupt(pkg: Path) -> None:
        rel = f"json/{table}.jsonl"
        lines = (pkg / rel).read_text(encoding="utf-8").splitlines()
        row = json.loads(lines[line])
        change(row)
        lines[line] = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
        (pkg / rel).write_text("\n".join(lines) + "\n", encoding="utf-8")
        _rehash(pkg, rel)
    return corrupt


PLANTED: dict[str, Callable[[Path], None]] = {
    "bad-pattern": _edit_row("actors", 3, lambda r: r.update(actor_id="act_XYZ")),
    "trailing-newline-id": _edit_row("actors", 3, lambda r: r.update(actor_id=r["actor_id"] + "\n")),
    "bad-enum": _edit_row("actors", 0, lambda r: r.update(kind="planet")),
    "empty-name": _edit_row("actors", 0, lambda r: r.update(name="")),
    "null-required": _edit_row("quotes", 2, lambda r: r.update(text=None)),
    "missing-key": _edit_row("quotes", 2, lambda r: r.pop("speaker_text")),
    "negative-offset": _edit_row("actor_mentions", 5, lambda r: r.update(char_start=-1)),
    "float-offset": _edit_row("actor_mentions", 5, lambda r: r.update(char_start=1.5)),
    "string-offset": _edit_row("actor_mentions", 5, lambda r: r.update(char_start="7")),
    "confidence-high": _edit_row("quote_mentions", 1, lambda r: r.update(confidence=1.01)),
    "bad-date": _edit_row("events", 0, lambda r: r.update(date_start="2019-02-30")),
    "numeric-date": _edit_row("events", 0, lambda r: r.update(date_start="0")),
    "list-item-empty": _edit_row("actors", 1, lambda r: r.update(aliases=[""])),
    "list-item-pattern": _edit_row("claims", 1, lambda r: r.update(evidence_quote_ids=["x"])),
    "unknown-key": _edit_row("claims", 1, lambda r: r.update(colour="red")),
    "span-shifted": _edit_row("actor_mentions", 7, lambda r: r.update(
        char_start=r["char_start"] + 1, char_end=r["char_end"] + 1)),
    "dangling-fk": _edit_row("quotes", 4, lambda r: r.update(speaker_id="act_0000000000000000")),
    "dangling-list-item": _edit_row("claims", 2, lambda r: r.update(
        event_ids=["evt_0000000000000000"])),
    "duplicate-id": _edit_row("actors", 4, lambda r: None),
}


def _duplicate(pkg: Path) -> None:
    rel = "json/actors.jsonl"
    lines = (pkg / rel).read_text(encoding="utf-8").splitlines()
    (pkg / rel).write_text("\n".join([*lines, lines[0]]) + "\n", encoding="utf-8")
    _rehash(pkg, rel)


PLANTED["duplicate-id"] = _duplicate


@pytest.mark.parametrize("block", [None, 300], ids=["one-block", "300-byte-blocks"])
@pytest.mark.parametrize("name", sorted(PLANTED))
def test_planted_violation_same_verdict(small_package: Path, tmp_path: Path, name: str,
                                        block: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if block is not None:  # the violation lands in a later block of the file
        monkeypatch.setattr(fastcheck, "BLOCK_BYTES", block)
    pkg = tmp_path / "pkg"
    shutil.copytree(small_package, pkg)
    PLANTED[name](pkg)
    reference = validate_package(pkg, fast=False)
    fast = validate_package(pkg, fast=True)
    assert not reference.ok, f"{name}: the planted violation went unnoticed"
    assert fast.problems == reference.problems


@pytest.mark.parametrize("case", INVALID_PACKAGES, ids=str)
def test_reliability_battery_same_verdict(tmp_path: Path, small_package: Path,
                                          case: Case) -> None:
    pkg = tmp_path / "pkg"
    shutil.copytree(small_package, pkg)
    case.corrupt(pkg)
    from newsgraph.errors import DatasetError

    try:
        reference = validate_package(pkg, fast=False).problems
    except DatasetError as error:
        with pytest.raises(DatasetError, match=None) as raised:
            validate_package(pkg, fast=True)
        assert str(raised.value) == str(error)
        return
    assert validate_package(pkg, fast=True).problems == reference


@pytest.mark.parametrize("block", [None, 300, 1])
def test_valid_package_is_certified_by_the_fast_path(small_package: Path, block: int | None,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    if block is not None:
        monkeypatch.setattr(fastcheck, "BLOCK_BYTES", block)
    report = validate_package(small_package, fast=True)
    assert report.ok and len(report.fast_tables) == len(report.rows)
    assert report.rows == validate_package(small_package, fast=False).rows


@pytest.mark.parametrize(("pattern", "expected"), [
    ("^(?:act_[0-9a-f]{16})$(?![\\s\\S])", r"^(?:act_[0-9a-f]{16})\z"),
    ("^plain$", "^plain$"),
])
def test_re2_translation(pattern: str, expected: str) -> None:
    assert re2(pattern) == expected
