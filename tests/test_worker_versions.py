"""A worker refuses to extract with other code than the client's (issue 13.18).

The build context carries the client's package version and rules fingerprint; the
per-article stage checks them first, on whatever worker runs it (a local process or a Dask
worker that may have another installation).
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from newsgraph.builder.extract import Context, code_versions, extract_chunk
from newsgraph.errors import UsageError
from newsgraph.rules.actors import builtin_gazetteer
from tests.conftest import SEED

STALE = ("0.0.1", "000000000000")


def _context(versions: tuple[str, str] | None = None) -> Context:
    context = Context(builtin_gazetteer(), 20_000_000)
    return context if versions is None else dataclasses.replace(context, versions=versions)


def test_the_context_carries_the_client_versions() -> None:
    package, rules = _context().versions
    assert (package, rules) == code_versions()
    assert re.fullmatch(r"[0-9a-f]{12}", rules)
    assert extract_chunk([SEED], _context())  # same code: extracts


def test_a_worker_with_other_code_refuses() -> None:
    mine = code_versions()
    with pytest.raises(UsageError, match=(
            rf"a worker runs newsgraph {mine[0]} \(rules {mine[1]}\) but the build was "
            r"started with 0\.0\.1 \(rules 000000000000\); install the same newsgraph on "
            "every worker")):
        extract_chunk([SEED], _context(STALE))


def test_a_dask_worker_with_other_code_refuses() -> None:
    from newsgraph.builder.dask_engine import extract_dask

    with pytest.raises(UsageError, match="install the same newsgraph on every worker"):
        list(extract_dask([SEED], _context(STALE), 1, None))
