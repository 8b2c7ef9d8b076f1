"""Compare language detectors on short news texts: accuracy and speed (issue 12, item 6).

Candidates ship their model inside the wheel (nothing is downloaded at run time): py3langid
and lingua-language-detector. Texts: the first 200 and 600 characters of every PolNeAR
training article (English, ``../shared/polnear/train/text``, read in place, never copied),
the seeds, the English fixtures and the paragraphs of the French, German and Spanish fixtures
(``tests/fixtures/languages``; paragraphs of 60+ characters). Run it with both installed:
``.venv/bin/python benchmarks/language_detectors.py``; it prints a Markdown table.
"""

from __future__ import annotations

import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def samples() -> list[tuple[str, str, str]]:
    """(set, expected code, text) for every sample."""
    out = []
    english = sorted((SHARED / "polnear" / "train" / "text").glob("*.txt"))
    english += sorted((SHARED / "seeds").glob("*.txt"))
    english += sorted((REPO / "tests" / "fixtures" / "articles").glob("*.txt"))
    for path in english:
        text = " ".join(path.read_text(encoding="utf-8", errors="replace").split())
        out += [("en-200", "en", text[:200]), ("en-600", "en", text[:600])]
    for path in sorted((REPO / "tests" / "fixtures" / "languages").glob("*.txt")):
        code = path.name[:2]
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            if len(para.strip()) >= 60:
                out.append((f"{code}-para", code, para.strip()))
    return out


def py3langid_detector():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return lambda text: ident.classify(text)[0]


def lingua_detector():  # type: ignore[no-untyped-def]
    from lingua import LanguageDetectorBuilder

    det = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def detect(text: str) -> str:
        found = det.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found is not None else "??"
    return detect


def main() -> None:
    data = samples()
    print("| detector | load s | texts/s | " + " | ".join(
        sorted({s for s, _, _ in data})) + " |")
    for name, make in (("py3langid", py3langid_detector), ("lingua (all languages)",
                                                           lingua_detector)):
        started = time.perf_counter()
        detect = make()
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        got = [(s, want, detect(text)) for s, want, text in data]
        rate = len(data) / (time.perf_counter() - started)
        cells = []
        for subset in sorted({s for s, _, _ in data}):
            rows = [(w, g) for s, w, g in got if s == subset]
            right = sum(w == g for w, g in rows)
            cells.append(f"{right}/{len(rows)}")
        print(f"| {name} | {loaded:.2f} | {rate:.0f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
