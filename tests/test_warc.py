"""WARC files: HTML responses are articles with their URL and fetch date; every other record
is counted and skipped (issue 12, item 3). The WARC.gz is written here with warcio."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.builder.warc import header_charset
from newsgraph.rules.sources import html_source
from tests.conftest import run_cli, table_rows

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

PAGE = ('<html><head><title>{title}</title></head><body><nav><a>Home</a> <a>World</a></nav>'
        '<article><h1>{title}</h1><p>{body}</p><p>"We will not accept any conditions," '
        'Foreign Minister Anna Kowalski said on Monday.</p></article></body></html>')
CAFE = "Caf\u00e9 owners in Ankara said prices rose \u2013 again \u2013 this winter."


def _response(writer: WARCWriter, url: str, payload: bytes, content_type: str,
              status: str = "200 OK", extra: list[tuple[str, str]] | None = None,
              date: str = "2019-11-27T10:00:00Z") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])],
                            protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                       http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def write_warc(path: Path) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "example.com")],
                                   is_http_request=True)
        writer.write_record(writer.create_warc_record(
            "https://example.com/a", "request", payload=io.BytesIO(b""), http_headers=request))
        _response(writer, "https://example.com/a",
                  PAGE.format(title="Talks resume", body="Talks resumed in Ankara.").encode(),
                  "text/html; charset=utf-8")
        _response(writer, "https://example.com/old", b"", "text/html", status="301 Moved "
                  "Permanently", extra=[("Location", "https://example.com/a")])
        _response(writer, "https://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
                  "image/png")
        _response(writer, "https://news.example.org/cafe",
                  PAGE.format(title="Prices", body=CAFE).encode("windows-1252"),
                  "text/html; charset=windows-1252", date="2019-11-28T23:59:59Z")
        # no charset in the header: the <meta charset> says it
        meta_page = PAGE.format(title="Meta", body=CAFE).replace(
            "<head>", '<head><meta charset="windows-1252">')
        _response(writer, "https://news.example.org/meta", meta_page.encode("windows-1252"),
                  "text/html")


def test_warc_builds_html_responses_and_counts_the_rest(tmp_path: Path) -> None:
    src = tmp_path / "crawl.warc.gz"
    write_warc(src)
    out = tmp_path / "out"
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "3 articles" in result.stdout
    assert ("4 WARC records not articles skipped (1 request, 1 response: HTTP 301, "
            "1 response: not HTML (image/png), 1 warcinfo)") in result.stdout, result.stdout
    articles = table_rows(out, "articles")
    assert [a["url"] for a in articles] == ["https://example.com/a",
                                            "https://news.example.org/cafe",
                                            "https://news.example.org/meta"]
    assert [a["fetched"] for a in articles] == ["2019-11-27", "2019-11-28", "2019-11-27"]
    assert {a["source_file"] for a in articles} == {"crawl.warc.gz"}
    assert all(a["source_format"] == "html" for a in articles)
    assert [a["publisher"] for a in articles] == ["example.com", "news.example.org",
                                                  "news.example.org"]
    assert {a["publisher_basis"] for a in articles} == {"warc"}
    locators = [a["record_locator"] for a in articles]
    assert all(loc.startswith("record <urn:uuid:") and " at offset " in loc for loc in locators)
    offsets = [int(loc.rsplit(" ", 1)[1]) for loc in locators]
    assert offsets == sorted(offsets) and offsets[0] > 0
    # windows-1252 decoded by the header's charset, and by <meta charset> without one
    assert CAFE in articles[1]["text"] and CAFE in articles[2]["text"]
    assert "Home World" in articles[0]["text"]
    # the pages go through the whole pipeline: the quote has its speaker
    speakers = {a["actor_id"]: a["name"] for a in table_rows(out, "actors")}
    quoted = {q["text"]: speakers.get(q["speaker_id"]) for q in table_rows(out, "quotes")}
    assert quoted.get("We will not accept any conditions,") == "Anna Kowalski", quoted
    assert run_cli("validate", out).returncode == 0


def test_payload_hash_is_of_the_payload_bytes(tmp_path: Path) -> None:
    import hashlib

    src = tmp_path / "one.warc"
    payload = PAGE.format(title="T", body="Body text here.").encode()
    with src.open("wb") as handle:
        _response(WARCWriter(handle, gzip=False), "https://example.com/t", payload,
                  "text/html")
    out = tmp_path / "out"
    assert run_cli("build", src, "--out", out).returncode == 0
    (article,) = table_rows(out, "articles")
    assert article["sha256"] == hashlib.sha256(payload).hexdigest()
    assert article["bytes"] == len(payload)


def test_not_a_warc_is_one_line(tmp_path: Path) -> None:
    src = tmp_path / "broken.warc.gz"
    src.write_bytes(b"this is not a WARC file at all\n" * 20)
    result = run_cli("build", src, "--out", tmp_path / "out")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "broken.warc.gz" in lines[0]


def test_charset_order_header_then_meta_then_utf8() -> None:
    where = Path("x.warc")
    cafe = "<p>caf\u00e9</p>"
    assert header_charset("text/html; charset=ISO-8859-1") == "ISO-8859-1"
    assert header_charset("text/html") is None
    assert "caf\u00e9" in html_source(cafe.encode("cp1252"), where, "windows-1252").text
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' + cafe
    assert "caf\u00e9" in html_source(meta.encode("cp1252"), where).text
    # the header wins over the page's own <meta>
    assert "caf\u00e9" in html_source(('<meta charset="koi8-r">' + cafe).encode("cp1252"),
                                       where, "windows-1252").text
    assert "caf\u00e9" in html_source(cafe.encode("utf-8"), where).text


def test_truncated_warc_is_one_line(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole)
    raw = whole.read_bytes()
    for cut in (len(raw) // 3, 2 * len(raw) // 3):
        src = tmp_path / f"cut{cut}.warc.gz"
        src.write_bytes(raw[:cut])
        result = run_cli("build", src, "--out", tmp_path / "out")
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert lines[-1].startswith(f"newsgraph: error: {src}: "), result.stderr


def test_a_warc_date_that_is_no_timestamp_names_the_record(tmp_path: Path) -> None:
    """Python 3.11 reads "2019-W01" as a day: a WARC-Date is a timestamp opening with
    YYYY-MM-DD, or the record is bad (one line naming the file and the record)."""
    for date, expect in (("2019-W01", "'2019-W01' is not"), ("20191127T100000Z", "'20191127T100000Z' is not"),
                         ("2019-02-30T10:00:00Z", "'2019-02-30' is no day")):
        src = tmp_path / f"{date[:8]}.warc.gz"
        with src.open("wb") as handle:
            _response(WARCWriter(handle, gzip=True), "https://example.com/a",
                      PAGE.format(title="Talks", body="Talks resumed.").encode(), "text/html",
                      date=date)
        result = run_cli("build", src, "--out", tmp_path / "out")
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
        assert lines[0].startswith(f"newsgraph: error: {src}: record <urn:uuid:"), lines[0]
        assert f"WARC-Date {expect}" in lines[0], lines[0]
