"""Generate the data dictionary (``docs/data-dictionary.md``) from the models (``make docs``).

Every table with its description, keys, and per field: type, whether it may be null, its
constraints, description and an example value taken from the bundled dataset.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from newsgraph.models.event import EVENT_TYPES
from newsgraph.package.schema_export import table_schema
from newsgraph.package.source_list import LISTED_LIMIT
from newsgraph.package.tables import TABLES, jsonl_path
from newsgraph.package.views import VIEWS, view_columns
from newsgraph.versions import SCHEMA_VERSION

EXAMPLE_WIDTH = 48
#: How the articles table and the descriptor's ``sources`` relate (``source_list``).
SOURCES_NOTE = (
    f"The articles are the package's sources. Up to {LISTED_LIMIT:,} articles, "
    "`datapackage.json` also lists each one in `sources` (file, record, hash, bytes, publisher, "
    "date, copyright holder); above that, this table is the list of sources and `sources` "
    "holds one entry with a `summary`: the number of articles, their bytes, languages, "
    "dates, most frequent publishers and copyright holders, and a `digest`, the SHA-256 of "
    "the lines `<column> <sha256 of json.dumps(column)>` for `source_file`, `record_locator`, "
    "`sha256` and `bytes` in row order. `newsgraph validate` checks the list or the summary "
    "against this table.")


def _examples(dataset: Path, table: str) -> dict[str, Any]:
    """The first non-empty value of each column in the dataset's JSON Lines file."""
    found: dict[str, Any] = {}
    path = dataset / jsonl_path(table)
    if not path.exists():
        return found
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            for key, value in json.loads(line).items():
                if key not in found and value not in (None, [], ""):
                    found[key] = value
    return found


def _cell(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    if len(text) > EXAMPLE_WIDTH:
        text = text[: EXAMPLE_WIDTH - 1] + "…"
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"


def _constraints(field: dict[str, Any]) -> str:
    c = field.get("constraints", {})
    parts = []
    if "enum" in c:
        parts.append("one of " + ", ".join(f"`{v}`" for v in c["enum"]))
    if "pattern" in c:
        parts.append(f"pattern `{c['pattern']}`".replace("|", "\\|"))
    for key in ("minimum", "maximum", "minLength"):
        if key in c:
            parts.append(f"{key} {c[key]}")
    return "; ".join(parts)


def render(dataset: Path) -> str:
    """The whole data dictionary as Markdown."""
    out = [
        "# Data dictionary",
        "",
        f"Schema version {SCHEMA_VERSION}. Generated from the models by `make docs`; do not "
        "edit by hand. Examples come from the bundled dataset.",
        "",
        "Offsets (`char_start`, `char_end`) count Unicode code points of `articles.text`; for "
        "every span row `articles.text[char_start:char_end] == text`.",
        "",
    ]
    for spec in TABLES:
        schema = table_schema(spec)
        examples = _examples(dataset, spec.name)
        out += [f"## `{spec.name}`", "", spec.description, ""]
        if spec.name == "articles":
            out += [SOURCES_NOTE, ""]
        out.append(f"Primary key: {', '.join(f'`{k}`' for k in spec.primary_key)}.")
        for fk in schema.get("foreignKeys", []):
            out.append(f"Foreign key: `{fk['fields'][0]}` -> "
                       f"`{fk['reference']['resource']}.{fk['reference']['fields'][0]}`.")
        out += ["", "| field | type | null | constraints | description | example |",
                "| --- | --- | --- | --- | --- | --- |"]
        for field in schema["fields"]:
            name = field["name"]
            required = field.get("constraints", {}).get("required", False)
            example = _cell(examples[name]) if name in examples else ""
            description = field["description"].replace("|", "\\|")
            out.append(f"| `{name}` | {field['type']} | {'no' if required else 'yes'} | "
                       f"{_constraints(field)} | {description} | {example} |")
        out.append("")
    out += ["## Views", "", "`newsgraph.connect()` (and `export --format duckdb`) adds these "
            "views over the tables; their columns come from DuckDB.", ""]
    for name, columns in view_columns().items():
        out += [f"### `{name}`", "", VIEWS[name], "", "| column | DuckDB type |",
                "| --- | --- |", *(f"| `{c}` | {t} |" for c, t in columns), ""]
    out += ["## Event types", "", "Each `events.event_type` with the PLOVER type "
            "(`events.plover_type`) and CAMEO code (`events.cameo_code`) it maps to; a type "
            "PLOVER leaves out has none (see events.md).", "",
            "| event_type | PLOVER | CAMEO | CAMEO label | covers |",
            "| --- | --- | --- | --- | --- |"]
    for name, (plover, code, label, covers) in EVENT_TYPES.items():
        out.append(f"| `{name}` | {plover or '-'} | {code or '-'} | {label or '-'} | {covers} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m newsgraph.publish.dictionary [DATASET_DIR] [OUT]``."""
    args = sys.argv[1:] if argv is None else argv
    dataset = Path(args[0] if args else "dataset")
    target = Path(args[1] if len(args) > 1 else "docs/data-dictionary.md")
    target.write_text(render(dataset), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
