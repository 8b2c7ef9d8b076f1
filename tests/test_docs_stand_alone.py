"""The project's docs stand on their own (issue 13.21): no page points to a file that is not
in the repository, and the architecture page states the contract the code keeps."""

from __future__ import annotations

import re

from newsgraph.builder.extract import ARTICLE_STAGES
from newsgraph.package.layout import TABLE_NAMES
from tests.conftest import REPO

PAGES = sorted([REPO / "README.md", *(REPO / "docs").glob("*.md")])


def test_no_page_points_outside_the_repository() -> None:
    missing = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        if "DESIGN.md" in text:
            missing.append(f"{page.name}: DESIGN.md")
        for target in re.findall(r"`((?:docs|newsgraph|tests|schema|builders)/[\w./-]+)`", text):
            if "<" not in target and "*" not in target and not (REPO / target).exists():
                missing.append(f"{page.name}: {target}")
        for target in re.findall(r"\]\(((?:\.\./)?[\w./-]+\.md)\)", text):
            if not (page.parent / target).exists():
                missing.append(f"{page.name}: {target}")
    assert missing == []


def test_the_architecture_page_names_every_table_and_stage() -> None:
    text = " ".join((REPO / "docs" / "architecture.md").read_text(encoding="utf-8").split())
    assert [t for t in TABLE_NAMES if f"`{t}`" not in text] == []
    chain = " -> ".join(["sources", "segment", "metadata", *(n for n, _ in ARTICLE_STAGES),
                         "cross-article linking", "validate", "write"])
    assert chain in text
