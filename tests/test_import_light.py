"""``import newsgraph`` stays light: heavy libraries load where they are used (STYLE habit 9)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEAVY = ("pandas", "pyarrow", "duckdb", "frictionless", "jsonschema", "hypothesis", "trafilatura",
         "htmldate", "lxml", "py3langid", "numpy")

_PROBE = """
import json, sys
{prelude}
import newsgraph
heavy = {heavy!r}
loaded = sorted(m for m in sys.modules if m.split(".")[0] in heavy)
print(json.dumps({{"file": getattr(newsgraph, "__file__", None),
                   "path": [str(p) for p in getattr(newsgraph, "__path__", [])],
                   "loaded": loaded}}))
"""


def _probe(prelude: str = "") -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY, prelude=prelude)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_import_newsgraph_loads_no_heavy_library() -> None:
    result = _probe()
    assert result["loaded"] == [], (
        f"`import newsgraph` loads {result['loaded']}; import them inside the functions "
        "that use them")


def test_probe_imports_the_checkout() -> None:
    """The subprocess imports this checkout's newsgraph, not some other installed copy."""
    result = _probe()
    places = [result["file"], *result["path"]]  # type: ignore[list-item]
    assert any(str(p).startswith(str(ROOT / "newsgraph")) for p in places if p), places


def test_probe_sees_heavy_imports() -> None:
    """The probe itself works: a heavy import before ``import newsgraph`` is reported."""
    assert _probe("import pyarrow")["loaded"] != []
