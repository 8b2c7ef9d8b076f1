"""Old versus new web-page extraction, measured on the HTML fixtures (issue 12, item 2).

Gold (``tests/gold/web/body.json``, each visible line of each page reviewed by hand): which
paragraphs are article body and which are not (navigation, cookie banner, related lists,
comments, footer, captions, title, byline, dateline). A gold paragraph is right when the
segment that holds its first character has the right side (body or subheading, versus any
other kind); a paragraph that cannot be found in the extracted text at all (glued to a
neighbour) is wrong. Four extractions:

* ``old``: the stdlib extractor of ``REV`` (default ``main``) and the line rules;
* ``new text, line rules``: ``webpage.read_page``'s visible text and the line rules;
* ``new text, line rules and trafilatura``: a line is body when both say so (what builds use);
* ``trafilatura alone``: body is what lies in trafilatura's main content.

Run: ``.venv/bin/python benchmarks/html_extraction.py [REV]``; prints a Markdown table.
"""

from __future__ import annotations

import json
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsgraph.rules.segment import BODY_KINDS, Segment, segment  # noqa: E402
from newsgraph.rules.webpage import read_page  # noqa: E402

GOLD = REPO / "tests" / "gold" / "web" / "body.json"
FOLDERS = (REPO / "tests" / "fixtures" / "web", REPO / "tests" / "fixtures" / "articles")


def _old_html_to_text(rev: str) -> Callable[[str], str]:
    code = subprocess.run(["git", "show", f"{rev}:newsgraph/rules/sources.py"], cwd=REPO,
                          check=True, capture_output=True, text=True).stdout
    module = types.ModuleType("old_sources")
    sys.modules["old_sources"] = module  # dataclasses look their module up
    exec(compile(code, "old_sources.py", "exec"), module.__dict__)  # our own code at REV
    return module.html_to_text  # type: ignore[no-any-return]


def _score(text: str, segs: list[Segment], body: Callable[[Segment], bool],
           gold: dict[str, list[str]]) -> tuple[int, int]:
    right = total = 0
    for side, wanted in (("body", True), ("not_body", False)):
        for para in gold[side]:
            total += 1
            at = text.find(para)
            # a paragraph counts only when found as a whole line of its own
            whole = at != -1 and (at == 0 or text[at - 1] == "\n") and \
                text[at + len(para):at + len(para) + 1] in ("\n", "")
            if not whole:
                continue
            seg = next((s for s in segs if s.char_start <= at < s.char_end), None)
            right += seg is not None and body(seg) == wanted
    return right, total


def main() -> None:
    rev = sys.argv[1] if len(sys.argv) > 1 else "main"
    old = _old_html_to_text(rev)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    totals: dict[str, list[int]] = {}
    rows = []
    for name, want in gold.items():
        path = next(f / name for f in FOLDERS if (f / name).exists())
        raw = path.read_bytes()
        page = read_page(raw, file=path)
        main = page.main or ()
        old_text = old(raw.decode("utf-8", errors="replace"))
        results = {
            "old": _score(old_text, segment(old_text), lambda s: s.kind in BODY_KINDS, want),
            "new text, line rules": _score(page.text, segment(page.text),
                                           lambda s: s.kind in BODY_KINDS, want),
            "new text, line rules and trafilatura": _score(
                page.text, segment(page.text, page.main), lambda s: s.kind in BODY_KINDS, want),
            "trafilatura alone": _score(
                page.text, segment(page.text),
                lambda s, main=main: any(a <= s.char_start and s.char_end <= b for a, b in main),
                want),
        }
        rows.append((name, results))
        for key, (r, t) in results.items():
            totals.setdefault(key, [0, 0])
            totals[key][0] += r
            totals[key][1] += t
    keys = list(totals)
    print("| page | " + " | ".join(keys) + " |")
    print("| --- |" + " ---: |" * len(keys))
    for name, results in rows:
        print(f"| `{name}` | " + " | ".join(f"{r}/{t}" for r, t in results.values()) + " |")
    print("| all | " + " | ".join(f"{r}/{t} ({r / t:.3f})" for r, t in totals.values()) + " |")


if __name__ == "__main__":
    main()
