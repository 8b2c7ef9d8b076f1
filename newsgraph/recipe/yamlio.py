"""Safe YAML reading that remembers line numbers, for errors that point at the line.

Only ``yaml.SafeLoader`` is used: tags that would construct Python objects are refused. Every
mapping gets a ``__line__`` key (1-based) that ``validate_yaml`` strips before pydantic sees it
and uses to name the line of a bad record.

Resource bombs are bad input: aliases (``*name``) are refused outright, since a few hundred
bytes of nested aliases ("billion laughs") expand into billions of values for every step
after parsing; recipes and annotations never need them. Nesting deeper than ``MAX_DEPTH`` is
refused too. Both are caught while the document is composed, before anything is expanded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from newsgraph.errors import InputError

LINE_KEY = "__line__"
#: Deepest nesting of lists and mappings accepted (recipes and annotations use under 10).
MAX_DEPTH = 50
M = TypeVar("M", bound=BaseModel)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records each mapping's line and refuses aliases and deep nesting."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            _refuse(f"alias *{event.anchor} refused (aliases can expand without bound); "
                    "write the value out", event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                _refuse(f"nested more than {MAX_DEPTH} levels deep; flatten the file",
                        event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Refused(yaml.MarkedYAMLError):
    """Parseable YAML that is refused as a resource bomb (its message says what to do)."""


def _refuse(problem: str, mark: Any) -> None:
    raise _Refused(problem=problem, problem_mark=mark)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file safely; a syntax error or unsafe tag becomes a one-line InputError."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read YAML ({error.__class__.__name__}); check the file",
                         file=path) from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        advice = "" if isinstance(error, _Refused) else \
            "; only plain YAML (no tags, no aliases) is accepted"
        raise InputError(f"invalid YAML: {problem}{advice}", file=path, line=line) from None


def line_of(data: Any) -> int | None:
    """The line a loaded mapping started on, if known."""
    return data.get(LINE_KEY) if isinstance(data, dict) else None


def strip_lines(data: Any) -> Any:
    """A copy of loaded YAML without the ``__line__`` bookkeeping keys."""
    if isinstance(data, dict):
        return {k: strip_lines(v) for k, v in data.items() if k != LINE_KEY}
    if isinstance(data, list):
        return [strip_lines(v) for v in data]
    return data


def _deepest_line(data: Any, loc: tuple[int | str, ...]) -> int | None:
    line = line_of(data)
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        line = line_of(node) or line
    return line


def validate_yaml(model: type[M], data: Any, path: Path) -> M:
    """Validate loaded YAML against ``model``; the first error names its file, line and field."""
    try:
        return model.model_validate(strip_lines(data))
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise InputError(f"{field}: {first['msg']}; fix this entry",
                         file=path, line=_deepest_line(data, tuple(first["loc"]))) from None
