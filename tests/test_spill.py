"""The build's spill files: the only places ``pickle`` is used, and why it is safe (issue 13.19).

The spill has no name in the file system (nobody else can open or replace it), gives back
exactly what this process appended, and the exception is written down where the rule is.
"""

from __future__ import annotations

import os
import pickle

from newsgraph.builder.spill import DraftSpill
from tests.conftest import REPO


def test_the_spill_file_has_no_name_and_returns_what_was_written() -> None:
    with DraftSpill() as spill:
        assert os.fstat(spill._file.fileno()).st_nlink == 0
        for value in ({"a": 1}, ["b"], "c"):
            spill.append(pickle.dumps(value))
        assert list(spill.drafts()) == [{"a": 1}, ["b"], "c"]


def test_the_exception_is_documented_where_the_rule_is() -> None:
    architecture = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert "Never `pickle`" in architecture
    assert "newsgraph/builder/spill.py" in architecture and "unlinked" in architecture
    source = (REPO / "newsgraph" / "builder" / "spill.py").read_text(encoding="utf-8")
    assert "no byte that a user or a source file supplies is ever unpickled" in " ".join(source.split())
    users = sorted(str(p.relative_to(REPO)) for p in (REPO / "newsgraph").rglob("*.py")
                   if "pickle.loads" in p.read_text(encoding="utf-8"))
    assert users == ["newsgraph/builder/registry.py", "newsgraph/builder/spill.py"]
    assert "newsgraph/builder/registry.py" in architecture
    store = (REPO / "newsgraph" / "builder" / "registry.py").read_text(encoding="utf-8")
    assert 'sqlite3.connect("",' in store, "the record store must be SQLite's unnamed file"
