"""``make test-fast`` stays fast: a test module that runs the builder or the CLI end to end is
marked ``slow`` (or ``serial``) for the whole module, so the quick loop never builds a package.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import REPO

#: What an end-to-end test module uses: the CLI in a subprocess, the build, or a built package.
END_TO_END = re.compile(r"\brun_cli\(|\bbuild_into\(|\bclean_package\b|\bbuilt_copy\b|"
                        r"\bbuild\(|\bsubprocess\.(?:run|Popen)\(")
#: Modules that start a subprocess but build nothing (an import in a fresh interpreter), and
#: this one, whose probes spell the calls.
LIGHT = {"test_import_light.py", Path(__file__).name}


def marked_slow(source: str) -> bool:
    """The module assigns ``pytestmark`` to the slow or serial mark at its top level."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "pytestmark"
                                                for t in node.targets):
            return re.search(r"\bmark\.(?:slow|serial)\b", ast.unparse(node.value)) is not None
    return False


def unmarked(paths: list[Path]) -> list[str]:
    return [p.name for p in paths if p.name not in LIGHT
            and END_TO_END.search(p.read_text(encoding="utf-8"))
            and not marked_slow(p.read_text(encoding="utf-8"))]


def test_every_end_to_end_module_is_left_out_of_the_fast_loop() -> None:
    assert unmarked(sorted((REPO / "tests").glob("test_*.py"))) == []


def test_an_unmarked_end_to_end_module_is_found(tmp_path: Path) -> None:
    probe = tmp_path / "test_probe.py"
    probe.write_text("def test_x(tmp_path):\n    run_cli('build', tmp_path)\n", encoding="utf-8")
    assert unmarked([probe]) == ["test_probe.py"]
    probe.write_text("import pytest\npytestmark = pytest.mark.slow\n"
                     "def test_x(tmp_path):\n    run_cli('build', tmp_path)\n", encoding="utf-8")
    assert unmarked([probe]) == []
