"""Provenance says what really happened (issue 13, items 5 to 7).

* every ``method`` of a build is ``curated`` or the value of a rule constant defined in the
  code (module-level names ``RULE``, ``RULE_*`` or ``*_RULE`` anywhere in ``newsgraph``), and
  no other ``"rule:..."`` string is written anywhere in the code, so a new rule is covered as
  soon as its constant exists;
* a date read from a byline has basis ``byline``;
* the stage order in ``newsgraph.builder``'s docstring is the order ``extract`` runs;
* the built-in gazetteer goes through the curated-actor model: a bad entry names file and line.
"""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import newsgraph
import newsgraph.builder
from newsgraph.builder.extract import ARTICLE_STAGES
from newsgraph.errors import InputError
from newsgraph.package.tables import TABLES
from newsgraph.rules.actors import GAZETTEER_RULE, builtin_gazetteer, read_gazetteer
from newsgraph.rules.metadata import RULE as METADATA_RULE
from newsgraph.rules.metadata import read_metadata
from newsgraph.rules.segment import segment
from tests.conftest import REPO, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

PACKAGE = REPO / "newsgraph"
RULE_NAME = re.compile(r"^(?:RULE|RULE_[A-Z0-9_]+|[A-Z0-9_]+_RULE)$")


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(newsgraph.__path__, "newsgraph."))


def rule_constants() -> dict[str, str]:
    """value -> ``module.NAME`` for every rule constant in the package."""
    found: dict[str, str] = {}
    for name in _modules():
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if RULE_NAME.match(attr) and isinstance(value, str) and value.startswith("rule:") \
                    and getattr(module, "__name__", "") == name:
                found.setdefault(value, f"{name}.{attr}")
    return found


def test_rule_strings_appear_only_as_rule_constants() -> None:
    stray = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed: set[int] = set()
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign) else []
            if any(isinstance(t, ast.Name) and RULE_NAME.match(t.id) for t in targets) \
                    and isinstance(node.value, ast.Constant):
                allowed.add(id(node.value))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and re.fullmatch(r"rule:[a-z0-9_.]+@[0-9]+", node.value) \
                    and id(node) not in allowed:
                stray.append(f"{path.relative_to(REPO)}:{node.lineno}: {node.value}")
    assert stray == []


def test_the_rule_constants_are_found() -> None:
    constants = rule_constants()
    assert constants[METADATA_RULE] == "newsgraph.rules.metadata.RULE"
    assert len(constants) >= 15


@pytest.fixture(scope="module")
def plain_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The team's fixture articles, rules only (every automatic rule gets its chance)."""
    out = tmp_path_factory.mktemp("methods") / "pkg"
    result = run_cli("build", REPO / "tests" / "fixtures" / "articles", "--out", out)
    assert result.returncode == 0, result.stderr
    return out


def _methods(root: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for spec in TABLES:
        with (root / "json" / f"{spec.name}.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if "method" in row:
                    found.setdefault(row["method"], set()).add(spec.name)
    return found


def test_every_method_of_a_build_is_a_rule_constant(plain_build: Path,
                                                    built_copy: Path) -> None:
    constants = rule_constants()
    methods = {**_methods(plain_build), **_methods(built_copy)}
    unknown = {m: sorted(t) for m, t in methods.items() if m != "curated" and m not in constants}
    assert unknown == {}
    assert "curated" in methods and METADATA_RULE in methods
    assert len(methods) >= 10, "too few methods to say much"


def test_a_date_read_from_a_byline_has_basis_byline() -> None:
    text = ("Talks resume in Warsaw\n\nBy Rachel Lin | April 21, 2025\n\nFinance Minister Anna "
            "Kowalski said on Tuesday that talks would continue with the partners.\n")
    meta = read_metadata(segment(text), builtin_gazetteer())
    assert (str(meta.published), meta.published_basis, meta.method) == \
        ("2025-04-21", "byline", METADATA_RULE)


def test_the_documented_stage_order_is_the_order_that_runs() -> None:
    doc = " ".join((newsgraph.builder.__doc__ or "").split())
    chain = doc[doc.index("sources ->"):doc.index(". ", doc.index("sources ->"))]
    assert [s.strip() for s in chain.split("->")] == [
        "sources", "segment", "metadata", *(name for name, _ in ARTICLE_STAGES),
        "cross-article linking", "validate", "write"]


@pytest.mark.parametrize(("entry", "expect"), [
    ("- {name: Mars, kind: planet}\n", "kind"),
    ("- {name: Mars, kind: country, capital: Olympus}\n", "capital"),
    ("- {name: Mars, kind: country, wikidata_id: Q111}\n", "wikidata_id"),
    ("- {kind: country}\n", "name"),
])
def test_a_bad_gazetteer_entry_names_file_and_line(tmp_path: Path, entry: str,
                                                   expect: str) -> None:
    path = tmp_path / "gazetteer.yml"
    path.write_text("# countries\n- {name: Turkey, kind: country, metonyms: [Ankara]}\n" + entry,
                    encoding="utf-8")
    with pytest.raises(InputError, match=rf"gazetteer\.yml:3: .*{expect}"):
        read_gazetteer(path)


def test_the_builtin_gazetteer_reads_with_its_forms() -> None:
    gazetteer = builtin_gazetteer()
    assert gazetteer.forms["Ankara"] == ("Turkey", "metonym")
    assert gazetteer.entries["Turkey"].method == GAZETTEER_RULE
