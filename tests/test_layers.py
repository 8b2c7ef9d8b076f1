"""The package tree reads as data flow, and no module imports from a layer above its own.

The layers are stated in ``docs/architecture.md`` ("Layers"); this test holds the code to
them. Every ``import`` of a ``newsgraph`` module counts, wherever it stands (inside a function,
under ``TYPE_CHECKING``): a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "newsgraph"

#: Lowest first. A module may import its own layer and the layers before it.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("newsgraph._version", "newsgraph.versions", "newsgraph.errors")),
    ("models", ("newsgraph.models",)),
    ("recipe", ("newsgraph.recipe",)),
    ("rules", ("newsgraph.rules", "newsgraph.resources")),
    ("package", ("newsgraph.package",)),
    ("publish", ("newsgraph.publish",)),
    ("builder", ("newsgraph.builder",)),
    ("consumers", ("newsgraph.loaders", "newsgraph.export", "newsgraph.explain",
                   "newsgraph.evaluate", "newsgraph.cli", "newsgraph")),
]
#: The most modules the top of ``newsgraph/`` may hold (the issue's bound).
MAX_TOP_MODULES = 8


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    """The index in ``LAYERS`` of the most specific prefix that holds ``module``."""
    best, depth = None, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and prefix.count(".") > depth:
                best, depth = index, prefix.count(".")
    if best is None:
        raise AssertionError(f"{module} is in no layer of tests/test_layers.py")
    return best


def imports_of(path: Path, module: str | None = None) -> set[str]:
    """Every ``newsgraph`` module ``path`` (module ``module``, by default its place in the
    checkout) imports: ``from newsgraph.x import y`` counts ``newsgraph.x.y`` when ``y`` is a
    module, else ``newsgraph.x``."""
    module = module or _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "newsgraph")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != "newsgraph":
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                is_module = (REPO / (candidate.replace(".", "/") + ".py")).is_file() or \
                    (REPO / candidate.replace(".", "/") / "__init__.py").is_file()
                found.add(candidate if is_module else target)
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(REPO)))
def test_no_module_imports_from_a_layer_above_its_own(path: Path) -> None:
    own = layer_of(_module_name(path))
    above = sorted(m for m in imports_of(path) if layer_of(m) > own)
    assert not above, (f"{_module_name(path)} ({LAYERS[own][0]}) imports "
                       + ", ".join(f"{m} ({LAYERS[layer_of(m)][0]})" for m in above))


def test_the_light_entry_points_import_nothing_of_rules_builder_or_publish() -> None:
    """``import newsgraph`` and the loaders stay light: no rules, no builder, no publishing."""
    heavy = {i for i, (name, _) in enumerate(LAYERS) if name in ("rules", "publish", "builder")}
    for rel in ("newsgraph/__init__.py", "newsgraph/loaders.py"):
        bad = sorted(m for m in imports_of(REPO / rel) if layer_of(m) in heavy)
        assert not bad, f"{rel} imports {bad}"


def test_the_top_of_the_package_holds_few_modules() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top


#: The longest a module may be (the issue's bound): past it, a module holds two jobs.
MAX_MODULE_LINES = 400


def test_no_module_is_over_the_line_bound() -> None:
    long = {str(p.relative_to(REPO)): n for p in sorted(PACKAGE.rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}, f"split these modules (lines over {MAX_MODULE_LINES}): {long}"


def test_the_layers_are_the_ones_architecture_md_states() -> None:
    """docs/architecture.md names the layers in this order, each with its folder."""
    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Layers"):]
    section = section[: section.index("\n## ", 4)] if "\n## " in section[4:] else section
    stated = re.findall(r"^\d+\. \*\*(\w+)\*\*", section, flags=re.M)
    assert stated == [name for name, _ in LAYERS]


def test_the_layer_checker_sees_upward_and_relative_imports(tmp_path: Path) -> None:
    """The check can fail: a lazy import of the builder, and a relative import of the
    publishing layer, in a rules module are both read as imports from above."""
    probe = tmp_path / "probe.py"
    probe.write_text("from .. import publish\n"
                     "def f():\n    from newsgraph.builder import build\n", encoding="utf-8")
    found = imports_of(probe, "newsgraph.rules.probe")
    assert found == {"newsgraph.builder.build", "newsgraph.publish"}
    assert all(layer_of(m) > layer_of("newsgraph.rules.probe") for m in found)
