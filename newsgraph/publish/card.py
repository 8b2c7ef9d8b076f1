"""The dataset card (``README.md`` in every package), generated from the recipe and the rows.

It doubles as a Hugging Face dataset card: the YAML front matter lists one ``configs`` entry
per table, so ``datasets.load_dataset(<package folder>, "<table>")`` works offline.
"""

from __future__ import annotations

from newsgraph.package.layout import parquet_parts_dir
from newsgraph.package.source_list import SourceList
from newsgraph.package.tables import TABLES, parquet_path
from newsgraph.package.views import VIEWS, view_columns
from newsgraph.recipe.manifest import Recipe
from newsgraph.rules.marks import MARKS_ONLY_RULE

CARD_FILE = "README.md"
TIMELINE_FILE = "timeline.png"

_LIMITATIONS = """\
- Records come from deterministic rules plus, where a recipe has them, curated annotations
  (`method` says which); rules miss unusual attribution patterns and may over-split actors
  that are named only by surname.
- Publication dates are recorded only where a source states them; relative dates ("on
  Tuesday") in undated articles stay unresolved, so some events have no date.
- Publisher attributions marked `inferred` rest on house style, not on a statement in the
  copy.
- Text reuse (`article_relations`) is detected by shared word 5-grams per sentence; it does
  not say which article copied which."""


#: What the builder extracts from an article, by the language it is in (``extract.RULE_LANGUAGES``
#: read English only).
EXTRACTED_ENGLISH = ("segments, title, byline, dateline and agencies, actors, quotes with "
                     "speakers and relaying agencies, reported claims, events with dates")
EXTRACTED_OTHER = ("segments, title, dateline agencies and markup metadata; quotation-mark "
                   f"spans as quotes with a null speaker (`{MARKS_ONLY_RULE}`)")
NOT_EXTRACTED_OTHER = "speakers, actors, reported claims and events (the rules read English only)"


def language_section(counts: dict[str, int]) -> list[str]:
    """Per language of the articles (code -> articles): how many, what was and was not
    extracted."""
    lines = ["## Languages", "",
             "Each article's language is detected from its text (`articles.language`, with "
             "`language_basis`); the attribution rules read English only.", "",
             "| language | articles | extracted | not extracted |", "| --- | ---: | --- | --- |"]
    for code in sorted(counts):
        if code == "en":
            lines.append(f"| en | {counts[code]} | {EXTRACTED_ENGLISH} | - |")
        else:
            lines.append(f"| {code} | {counts[code]} | {EXTRACTED_OTHER} | "
                         f"{NOT_EXTRACTED_OTHER} |")
    return lines


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


#: What a package built with ``--omit-text`` leaves out, and how to put the texts back.
OMITTED_TEXT = (
    "This package was built with `--omit-text`: it carries no article text beyond the mention "
    "texts (`text` of `actor_mentions`, `quote_mentions`, `claim_mentions`, `event_mentions`, "
    "`time_mentions` and `actor_roles`, with the utterances in `quotes.text` that repeat them), the "
    "`articles.title` and `articles.url` of each article, the short `date_text` of each event, and the names "
    "as written (`speaker_text`, `claimant_text`, `intermediary_text`, actor names and "
    "aliases). Left out: `articles.text` and `article_segments.text` (null; segments keep "
    "their offsets, kinds and reasons); `events.label` and `claims.text` are cut to the "
    "length of their longest mention. To re-attach the texts, take a copy of each source "
    "whose SHA-256 is `articles.sha256`, decode it with `bytes.decode(\"utf-8-sig\")` "
    "(line endings untouched; for HTML, the visible text as newsgraph extracts it) and "
    "slice it: `text[char_start:char_end]` is every span's text; or rebuild the package "
    "from those sources without `--omit-text`."
)


def sources_section(sources: SourceList) -> list[str]:
    """The card's list of sources, or (above the descriptor's limit) a summary of them."""
    lines = ["## Sources", ""]
    listed = sources.listed
    if listed is None:
        summary = sources.summary()
        dates = summary["published"]
        lines += [
            f"{summary['articles']:,} source articles ({summary['bytes']:,} bytes), more than "
            f"the {sources.limit:,} that `datapackage.json` lists one by one: the articles "
            "table is the list of sources (`source_file`, `record_locator`, `sha256`, "
            "`bytes`, `publisher`, `published`, `url`), and the descriptor's `sources` "
            f"carries this summary with a digest of those columns ({summary['digest']}).",
            "",
            f"Published {dates['first'] or 'not stated'} to {dates['last'] or 'not stated'} "
            f"({dates['undated']:,} articles undated). "
            f"{summary['distinct_publishers']:,} publishers and "
            f"{summary['distinct_copyright_holders']:,} copyright holders; the most frequent:",
            "", "| publisher of this copy | articles |", "| --- | ---: |",
            *[f"| {p['name']} | {p['articles']:,} |" for p in summary["publishers"][:10]],
            "", "| copyright | articles |", "| --- | ---: |",
            *[f"| {h['name']} | {h['articles']:,} |" for h in summary["copyright_holders"][:10]],
        ]
        return lines
    lines += ["| file | publisher of this copy | original publisher | credited agencies | "
              "published | copyright |",
              "| --- | --- | --- | --- | --- | --- |"]
    for s in listed:
        lines.append(
            f"| `{s['file']}` | {s.get('publisher') or 'unknown'} | "
            f"{s.get('original_publisher') or '-'} | {', '.join(s.get('agencies') or []) or '-'} "
            f"| {s.get('published') or 'not stated'} | {s.get('copyright_holder')} |")
    return lines


def render_card(recipe: Recipe, sources: SourceList, rows: dict[str, int],
                versions: dict[str, str], *, has_timeline: bool, parts: bool = False,
                omit_text: bool = False) -> str:
    """Markdown text of the card (``omit_text``: say what was left out and how to re-attach
    it, instead of saying the texts are included)."""
    front = [
        "---",
        f"pretty_name: {_yaml_string(recipe.title)}",
        f"license: {recipe.licenses.records.lower()}",
        "language:",
        *sorted({f"- {s.language}" for s in recipe.sources}
                | {f"- {code}" for code in sources.languages}),
        "tags:",
        "- news",
        "- quotes",
        "- provenance",
        "configs:",
    ]
    for spec in TABLES:
        if not rows.get(spec.name, 0):
            continue  # Hugging Face `datasets` cannot load an empty split ("no data")
        files = f"{parquet_parts_dir(spec.name)}/*.parquet" if parts else parquet_path(spec.name)
        front += [f"- config_name: {spec.name}", f"  data_files: {files}"]
    front.append("---")
    lines = [
        f"# {recipe.title}",
        "",
        recipe.description,
        "",
        f"Dataset version {versions['dataset_version']}, schema version "
        f"{versions['schema_version']}, built by newsgraph {versions['package_version']}.",
        "",
        "## Tables",
        "",
        "| table | rows | what |",
        "| --- | ---: | --- |",
        *[f"| `{s.name}` | {rows.get(s.name, 0)} | {s.description} |" for s in TABLES],
        "",
        "Every span row (`*_mentions`, `article_segments`, `actor_roles`) satisfies "
        "`articles.text[char_start:char_end] == text`, offsets in Unicode code points.",
        *(["", "## Texts left out", "", OMITTED_TEXT] if omit_text else []),
        "",
        "## Views",
        "",
        "`newsgraph.connect(\"<this folder>\")` adds these DuckDB views over the tables:",
        "",
        "| view | what | columns |",
        "| --- | --- | --- |",
        *[f"| `{name}` | {VIEWS[name]} | {', '.join(f'`{c}`' for c, _ in columns)} |"
          for name, columns in view_columns().items()],
        "",
        *sources_section(sources),
    ]
    if has_timeline:
        lines += ["", "## Timeline", "", f"![Dated events]({TIMELINE_FILE})"]
    lines += [
        "",
        "## How the records were made",
        "",
        "Sources are segmented into title, byline, dateline, body and boilerplate (kept, with a "
        "reason). Rules find actors, quotations with their speakers and relaying agencies, "
        "reported claims and events with normalised dates; curated annotations, anchored to "
        "exact text, correct or complete them. Records reported by several articles are merged "
        "into one record with several mentions.",
        "",
        "Events are typed with an ontology whose finer types (`events.event_type`) each map to "
        "one of PLOVER's 16 event types (`events.plover_type`: AGREE, CONSULT, SUPPORT, "
        "CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, "
        "SANCTION, MOBILIZE, COERCE, ASSAULT; PLOVER is the ontology of POLECAT and the "
        "successor of CAMEO) and one CAMEO code (`events.cameo_code`, for joins with GDELT and "
        "ICEWS); what PLOVER leaves out (elections, votes, court rulings, disasters, economic "
        "releases, statements that are themselves the news) has a type of its own and no "
        "PLOVER type. Participants are the `agent` (PLOVER's source), the `target`, the "
        "`recipient` of what is given, or a `participant` acting with others. The table of "
        "types is in the data dictionary of the newsgraph package (docs/events.md).",
        "",
        *language_section(sources.languages),
        "",
        "## Known limitations",
        "",
        _LIMITATIONS,
        "",
        "## Licence",
        "",
        f"Derived records: {recipe.licenses.records}. Code and schema: "
        f"{recipe.licenses.code}. " + (
            "The article texts are the copyright of the holders named above and are not "
            "in this package (see Texts left out)." if omit_text else
            "The article texts in `articles.text` remain the copyright of the holders named "
            "above and are included for research; a package built with `--omit-text` leaves "
            "them out."),
        "",
        "## Load",
        "",
        "```python",
        "import newsgraph",
        'newsgraph.load("quotes", dataset_dir="<this folder>")',
        'newsgraph.connect("<this folder>").sql("select * from quotes_with_sources")',
        "```",
    ]
    return "\n".join(front) + "\n\n" + "\n".join(lines) + "\n"
