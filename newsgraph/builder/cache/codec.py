"""Dataclass records <-> JSON values, driven by their type hints.

The build cache stores article drafts (``rules.drafts``) on disk, so it may only read
them back as data: JSON, never pickle. This codec walks a dataclass's annotated fields and
handles exactly the shapes drafts use (str, int, float, bool, None, dates, Literals, lists,
tuples, sets, dicts with str keys, optional values, nested dataclasses, written as lists of
their field values in field order); anything else is
refused when the value is encoded, so a new field of an unknown shape fails loudly in the
round-trip test instead of corrupting the cache. Fields declared with ``compare=False``
(caches of pure functions, like ``ArticleDraft.resolver``) are not stored and come back as
their default.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import sys
import types
import typing
from typing import Any, TypeVar

T = TypeVar("T")


class CodecError(ValueError):
    """A value that does not have the shape its type hint says (a corrupt or foreign entry)."""


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    module = sys.modules[cls.__module__]
    hints = typing.get_type_hints(cls, vars(module))
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.compare)


def encode(value: Any) -> Any:
    """A JSON value for ``value`` (a dataclass instance, or a value inside one)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # positional, in field order: half the bytes of an object, and faster to read back
        return [encode(getattr(value, name)) for name, _hint in _fields(type(value))]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(encode(v) for v in value)
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise CodecError("dict keys must be strings")
        return {k: encode(v) for k, v in value.items()}
    raise CodecError(f"cannot encode a {type(value).__name__}")


def decode(hint: Any, data: Any) -> Any:
    """The value of type ``hint`` that ``encode`` made ``data`` from; ``CodecError`` when
    ``data`` does not fit the hint."""
    try:
        return _decoder(hint)(data)
    except CodecError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise CodecError(f"{hint}: {error}") from error


def decode_as(cls: type[T], data: Any) -> T:
    """``decode`` for a dataclass, typed."""
    return typing.cast(T, decode(cls, data))


Decoder = typing.Callable[[Any], Any]


def _typed(kind: type | tuple[type, ...]) -> Decoder:
    def check(data: Any) -> Any:
        if not isinstance(data, kind) or (isinstance(data, bool) and kind is not bool):
            raise CodecError(f"expected {kind}, got {type(data).__name__}")
        return data
    return check


def _as_float(data: Any) -> float:
    if not isinstance(data, int | float) or isinstance(data, bool):
        raise CodecError(f"expected a number, got {type(data).__name__}")
    return float(data)


def _as_none(data: Any) -> None:
    if data is not None:
        raise CodecError("expected null")


def _as_date(data: Any) -> dt.date:
    return dt.date.fromisoformat(_typed(str)(data))


@functools.cache
def _decoder(hint: Any) -> Decoder:
    """A function from JSON value to ``hint``, built once per type (hints are read once)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return lambda data: data
    if origin is typing.Union or origin is types.UnionType:
        real = [o for o in args if o is not type(None)]
        if len(real) != 1:
            raise CodecError(f"unsupported union {hint}")
        inner = _decoder(real[0])
        return lambda data: None if data is None else inner(data)
    if origin is typing.Literal:
        allowed = frozenset(args)

        def literal(data: Any) -> Any:
            if isinstance(data, bool | dict | list) or data not in allowed:
                raise CodecError(f"{data!r} is not one of {args}")
            return data
        return literal
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        parts = [_decoder(a) for a in args]

        def fixed(data: Any) -> tuple[Any, ...]:
            if not isinstance(data, list) or len(data) != len(parts):
                raise CodecError(f"expected {len(parts)} items")
            return tuple(p(v) for p, v in zip(parts, data, strict=True))
        return fixed
    if origin in (list, tuple, set, frozenset):
        item, make = _decoder(args[0]), origin
        plain = _plain(args[0])
        if plain is not None and plain[1:] == (None, False, False):
            # a list of str, int or bool (JSON values have exact types): one pass, no calls
            kind = plain[0][0]

            def many_plain(data: Any) -> Any:
                if type(data) is not list or not all(type(v) is kind for v in data):
                    raise CodecError(f"expected a list of {kind.__name__}")
                return list(data) if make is list else make(data)
            return many_plain

        def many(data: Any) -> Any:
            if type(data) is not list:
                raise CodecError("expected a list")
            values = [item(v) for v in data]
            return values if make is list else make(values)
        return many
    if origin is dict:
        key, val = _decoder(args[0]), _decoder(args[1])

        def mapping(data: Any) -> dict[Any, Any]:
            if not isinstance(data, dict):
                raise CodecError("expected an object")
            return {key(k): val(v) for k, v in data.items()}
        return mapping
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    simple: dict[Any, Decoder] = {dt.date: _as_date, float: _as_float, str: _typed(str),
                                  int: _typed(int), bool: _typed(bool), type(None): _as_none}
    if hint in simple:
        return simple[hint]
    raise CodecError(f"unsupported type {hint}")


_PLAIN = {str: (str,), int: (int,), bool: (bool,), float: (int, float), type(None): ()}


def _plain(hint: Any) -> tuple[tuple[type, ...], frozenset[Any] | None, bool, bool] | None:
    """A field of plain values, checked inline by ``_dataclass_decoder`` without a call:
    (allowed types, allowed Literal values, null allowed, is float); None for other fields."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    nullable = False
    if origin is typing.Union or origin is types.UnionType:
        real = [a for a in args if a is not type(None)]
        if len(real) != 1 or len(args) != 2:
            return None
        hint, nullable = real[0], True
        origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal and all(isinstance(a, str) for a in args):
        return (str,), frozenset(args), nullable, False
    if hint in _PLAIN and hint is not type(None):
        return _PLAIN[hint], None, nullable, hint is float
    return None


def _check_source(i: int, plain: tuple[tuple[type, ...], frozenset[Any] | None, bool, bool],
                  ) -> list[str]:
    """Lines of the generated decoder that check plain field ``i`` (value ``v{i}``) inline.

    JSON values have exact types (``json.loads`` makes str, int, float, bool, None, list,
    dict), so ``type(v) is int`` is ``isinstance`` without its bool exception."""
    kinds, allowed, nullable, is_float = plain
    v = f"v{i}"
    test = " or ".join(f"type({v}) is {k.__name__}" for k in kinds)
    if allowed is not None:
        test = f"({test}) and {v} in allowed{i}"
    if nullable:
        test = f"{v} is None or {test}"
    lines = [f"    if not ({test}):", f"        bad({i}, {v})"]
    if is_float:
        lines.append(f"    if {v} is not None: {v} = float({v})")
    return lines


def _dataclass_decoder(cls: type) -> Decoder:
    """A decoder generated for ``cls`` (Python source compiled once per class): the list of
    field values is unpacked, plain fields (str, int, float, bool, string Literals, optional
    or not: most of a draft's values) are checked inline, the others go to their decoders,
    and the object's fields are set without calling ``__init__`` (drafts have no
    ``__post_init__``; a frozen dataclass's ``__init__`` would set them the same way). The
    fields that are not stored (``compare=False``) get their defaults. The checks are the
    same as a field-by-field walk would make; the generated code only saves the calls."""
    fields = _fields(cls)
    names = tuple(name for name, _ in fields)
    skipped = {f.name: f for f in dataclasses.fields(cls) if not f.compare}
    for name, f in skipped.items():
        if f.default_factory is dataclasses.MISSING and f.default is dataclasses.MISSING:
            raise CodecError(f"{cls.__name__}.{name} has no default")
    # built lazily: a dataclass may refer to itself through its fields
    built: list[Decoder] = []

    def record(data: Any) -> Any:
        if not built:
            built.append(_generate(cls, names, [h for _n, h in fields], skipped))
        return built[0](data)
    return record


def _generate(cls: type, names: tuple[str, ...], hints: list[Any],
              skipped: dict[str, dataclasses.Field[Any]]) -> Decoder:
    """Compile the decoder of ``cls`` (see ``_dataclass_decoder``)."""
    def bad(i: int, v: Any) -> None:
        raise CodecError(f"{cls.__name__}.{names[i]} is a {type(v).__name__}")

    def wrong(data: Any) -> None:
        raise CodecError(f"fields of {cls.__name__} differ: {len(data)} values for "
                         f"{len(names)} fields" if isinstance(data, list) else
                         f"fields of {cls.__name__} differ")

    scope: dict[str, Any] = {"cls": cls, "new": object.__new__, "bad": bad, "wrong": wrong,
                             "list": list, "len": len, "type": type, "float": float,
                             "str": str, "int": int, "bool": bool}
    n = len(names)
    lines = ["def decode_record(data):",
             f"    if type(data) is not list or len(data) != {n}:", "        wrong(data)"]
    if n:
        lines.append(f"    {', '.join(f'v{i}' for i in range(n))}{',' if n == 1 else ''} = data")
    for i, hint in enumerate(hints):
        plain = _plain(hint)
        if plain is None:
            scope[f"dec{i}"] = _decoder(hint)
            lines.append(f"    v{i} = dec{i}(v{i})")
        else:
            scope[f"allowed{i}"] = plain[1]
            lines.extend(_check_source(i, plain))
    lines.append("    obj = new(cls)")
    lines.append("    state = obj.__dict__")
    for i, name in enumerate(names):
        lines.append(f"    state[{name!r}] = v{i}")
    for j, (name, f) in enumerate(skipped.items()):
        if f.default_factory is not dataclasses.MISSING:
            scope[f"factory{j}"] = f.default_factory
            lines.append(f"    state[{name!r}] = factory{j}()")
        else:
            scope[f"default{j}"] = f.default
            lines.append(f"    state[{name!r}] = default{j}")
    lines.append("    return obj")
    # the source is made from the class's own field names and hints only: no byte of an
    # entry (data) ever reaches it
    exec(compile("\n".join(lines), f"<codec {cls.__qualname__}>", "exec"), scope)
    return typing.cast(Decoder, scope["decode_record"])
