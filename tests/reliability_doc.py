"""Write docs/reliability.md from what the bad-input cases actually print.

    PYTHONPATH=. python -m tests.reliability_doc [docs/reliability.md]

Runs ``tests/test_bad_input.py`` and ``tests/test_reliability_*.py`` under pytest with a small
plugin that records, for every case, the command it runs (``run_cli``) or the Python call it
makes (``api_error``), the exit code or exception, and the error line, then renders one table
row per case. Nothing in the table is typed by hand except the short case descriptions of
``test_bad_input.py`` (whose tests carry no descriptions of their own); temporary paths are
shown from the case's temporary folder, ``$TMP``.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
FILES = ("tests/test_bad_input.py",
         *sorted(str(p.relative_to(REPO)) for p in (REPO / "tests").glob("test_reliability_*.py")))
NOT_CASES = {"test_clean_package_is_valid"}  # controls, not bad input

BAD_INPUT_WHAT: dict[str, Callable[[dict[str, Any]], str]] = {
    "test_bad_sources_fail_cleanly": lambda p: {
        "empty.txt": "an empty source file", "blank.txt": "a source of blank lines only",
        "binary.txt": "a binary source (an ELF header, NUL bytes)",
        "latin1.txt": "a source in Latin-1 (invalid UTF-8)"}[p["name"]],
    "test_invalid_utf8_names_the_line": lambda p: "invalid UTF-8 on line 3",
    "test_source_over_size_limit": lambda p: "a source over the size limit (--max-bytes)",
    "test_folder_without_articles": lambda p: "a source folder with no articles",
    "test_src_without_out_is_usage_error": lambda p: "SOURCES_DIR given without --out",
    "test_bad_curated_anchor_names_file_and_line": lambda p: {
        "not found": "a curated anchor that is not found",
        "matches": "a curated anchor found more than once",
        "quote_type": "a curated record that breaks the schema (quote_type: shouted)",
    }[p["expect"]],
    "test_yaml_tags_that_construct_objects_are_refused":
        lambda p: "YAML with a tag that would construct a Python object",
    "test_awkward_but_valid_input_builds": lambda p: "valid: " + {
        "bom.txt": "UTF-8 with BOM", "crlf.txt": "CRLF line endings",
        "lone cr.txt": "lone CR line endings, file name with a space",
        "unbalanced.txt": "unbalanced quotation marks",
    }.get(p["name"], "non-ASCII file name (Markdown)"),
}


@dataclass
class Row:
    file: str
    what: str
    events: list[tuple[str, Any]] = field(default_factory=list)
    status: str = "pass"
    tmp: str = ""


class Recorder:
    """Pytest plugin: wraps ``run_cli`` and ``api_error`` of each test module during the call."""

    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}

    @staticmethod
    def _what(item: pytest.Function) -> str:
        params = item.callspec.params if hasattr(item, "callspec") else {}
        name = item.originalname
        if name in BAD_INPUT_WHAT:
            return BAD_INPUT_WHAT[name](params)
        case = params.get("case")
        if case is not None and hasattr(case, "what"):
            return str(case.what)
        doc = (item.function.__doc__ or name).strip().splitlines()[0].rstrip(".")
        if hasattr(item, "callspec") and "case" not in params:
            doc += f" [{item.callspec.id}]"
        return doc

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item: pytest.Function) -> Generator[None, None, None]:
        row = Row(Path(str(item.fspath)).name, self._what(item))
        tmp = item.funcargs.get("tmp_path")
        row.tmp = str(tmp) if tmp is not None else ""
        self.rows[item.nodeid] = row
        module = item.module
        saved = {name: getattr(module, name) for name in ("run_cli", "api_error")
                 if hasattr(module, name)}
        if "run_cli" in saved:
            def run_cli(*args: Any, **kwargs: Any) -> subprocess.CompletedProcess[str]:
                result = saved["run_cli"](*args, **kwargs)
                row.events.append(("cli", (args, result)))
                return result
            module.run_cli = run_cli
        if "api_error" in saved:
            def api_error(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
                try:
                    error = saved["api_error"](func, *args, **kwargs)
                except AssertionError:
                    row.events.append(("api", (func, args, kwargs, None)))
                    raise
                row.events.append(("api", (func, args, kwargs, error)))
                return error
            module.api_error = api_error
        try:
            yield
        finally:
            for name, value in saved.items():
                setattr(module, name, value)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        row = self.rows.get(report.nodeid)
        if report.skipped and report.when in ("setup", "call"):
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
            if hasattr(report, "wasxfail"):
                if row is not None:
                    row.status = f"known bug: {report.wasxfail}"
                return
            self.rows.setdefault(report.nodeid, Row(report.nodeid.split("::")[0], ""))
            self.rows[report.nodeid].status = f"skipped: {reason.removeprefix('Skipped: ')}"
        elif report.failed and row is not None:
            row.status = "FAILED"


def _show(value: Any, tmp: str) -> str:
    text = str(value)
    if tmp:
        text = text.replace(tmp, "$TMP")
    text = re.sub(r"\.tmp-[a-z0-9_]{8}\b", ".tmp-XXXXXXXX", text)  # mkdtemp's random suffix
    return text.replace(f"{REPO}/", "")


def _cli_cell(args: tuple[Any, ...], tmp: str) -> str:
    return "newsgraph " + " ".join(_show(shlex.quote(str(a)), tmp) for a in args)


def _api_cell(func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
              tmp: str) -> str:
    shown = [repr(_show(a, tmp)) if isinstance(a, Path) else repr(a) for a in args]
    shown += [f"{k}={_show(v, tmp)!r}" if isinstance(v, Path) else f"{k}={v!r}"
              for k, v in kwargs.items()]
    return f"newsgraph.{func.__name__}({', '.join(shown)})"


def _primary(row: Row) -> tuple[str, str, str]:
    """(command, exit, error line) of the case: its API call, else its failing command."""
    for kind, event in row.events:
        if kind == "api":
            func, args, kwargs, error = event
            outcome = f"raises `{type(error).__name__}`" if error is not None else "no error"
            return _api_cell(func, args, kwargs, row.tmp), outcome, \
                _show(f"{type(error).__name__}: {error}", row.tmp) if error else ""
    cli = [event for kind, event in row.events if kind == "cli"]
    if not cli:
        return "", "", ""
    failing = [e for e in cli if e[1].returncode != 0]
    args, result = failing[-1] if failing else cli[0]
    lines = result.stderr.strip().splitlines()
    if "Traceback" in result.stderr:
        line = f"(traceback) {lines[-1]}" if lines else "(traceback)"
    else:
        line = " / ".join(lines)
    return _cli_cell(args, row.tmp), str(result.returncode), _show(line, row.tmp)


def _code(text: str) -> str:
    if not text:
        return ""
    text = text.replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(rows: dict[str, Row]) -> str:
    cases = {k: r for k, r in rows.items() if k.split("::")[-1].split("[")[0] not in NOT_CASES}
    known = sum(r.status.startswith("known bug") for r in cases.values())
    skipped = sum(r.status.startswith("skipped") for r in cases.values())
    failed = sum(r.status == "FAILED" for r in cases.values())
    out = [
        "# Reliability: every bad input and the error it gives",
        "",
        "Generated by `PYTHONPATH=. python -m tests.reliability_doc` from a real run of "
        "`tests/test_bad_input.py` (bad sources and curated files) and "
        "`tests/test_reliability_*.py` (damaged packages, table names, output folders, the Python "
        "API). Do not edit by hand. `$TMP` is each case's temporary folder; `$TMP/pkg` is a "
        "package built from one seed article, then damaged as the case says.",
        "",
        "The contract (`docs/architecture.md`): `validate` exits 1 when the data is invalid and 2 when the "
        "folder is missing; `build`, `info` and `sql` exit 2 on bad input or usage; stderr is "
        "one line, `FILE[:LINE]: what is wrong; what to do`, with no traceback; `load`, "
        "`load_arrow` and `connect` raise a `newsgraph.NewsgraphError` subclass with the same "
        "message. Awkward but valid input builds (exit 0). Fuzzing of the validator is in "
        "`tests/test_fuzz_validate.py`.",
        "",
        f"**{len(cases)} cases**: {len(cases) - known - skipped - failed} pass, "
        f"{known} known bugs (strict xfail, listed with their reason), {skipped} skipped, "
        f"{failed} failing.",
        "",
        "| # | case | command | exit | error line | status |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for number, row in enumerate(cases.values(), 1):
        command, code, line = _primary(row)
        what = f"{row.what} (`{row.file}`)".replace("|", "\\|")
        status = row.status.replace("|", "\\|")
        out.append(f"| {number} | {what} | {_code(command)} | {code} | {_code(line)} | "
                   f"{status} |")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else REPO / "docs" / "reliability.md"
    recorder = Recorder()
    code = pytest.main(["-q", "-p", "no:cacheprovider", "-o", "addopts=",
                        *[str(REPO / f) for f in FILES]], plugins=[recorder])
    target.write_text(render(recorder.rows), encoding="utf-8")
    print(f"wrote {target} ({len(recorder.rows)} tests, pytest exit {code})")
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
