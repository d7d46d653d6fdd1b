"""Fuzzing the ingest readers, manifests and the boilerplate filter (issue 10).

Whatever the bytes, :func:`iter_records` yields only records and quarantine entries with a
known reason, :func:`prepare` turns a record into a document or a rejection, and
:func:`clean_text` returns text made of the input's words.
"""

from __future__ import annotations

import gzip
import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz_strategies import (FUZZ, deep_html, huge_attribute_html, huge_line, mutated, texts,
                                  token_soup)

from parley.document import Document
from parley.ingest import REJECT_REASONS, Record, Rejected, clean_text, iter_records, prepare
from parley.ingest.clean import normalize_line

SUFFIXES = [".txt", ".html", ".jsonl", ".txt.gz", ".jsonl.gz", ".html.gz", ".gz", ".md", ".ndjson", ""]


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding == "utf-8" else "replace")


html_pages = st.one_of(
    texts.map(lambda t: f"<html><head><title>{t[:40]}</title></head><body><p>{t}</p></body></html>"),
    st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<!--", "-->", "<br/>",
                              "<table><tr><td>", "&amp;", "&#0;", "&#x110000;", "<![CDATA[", "<meta charset=x>",
                              "<title>", "</title>", "<article>", "<"]) | token_soup, max_size=40).map("".join),
)
jsonl_lines = st.one_of(
    st.fixed_dictionaries({"id": st.one_of(st.integers(), texts, st.none()), "text": texts},
                          optional={"date": st.one_of(texts, st.sampled_from(["1e309", "0000-00-00", "9999-12-31",
                                                                              "2024-02-30", "13/45/99"])),
                                    "title": st.one_of(texts, st.integers(), st.lists(st.integers(), max_size=3)),
                                    "outlet": texts, "meta": st.dictionaries(texts, texts, max_size=3)})
    .map(lambda d: json.dumps(d, ensure_ascii=False)),
    mutated(st.just('{"id": 1, "text": "Russia and Iran met in Astana.", "date": "2024-01-25"}')),
    st.sampled_from(["{", "[]", "null", "1e309", '{"text": 1e309}', '{"text": null}', '"text"', "{}" * 1000]),
)
file_contents = st.one_of(
    texts, html_pages, st.lists(jsonl_lines, max_size=6).map("\n".join), st.binary(max_size=400),
)


def _check_items(items: list) -> list[Record]:
    records = []
    for item in items:
        assert isinstance(item, (Record, Rejected)), item
        if isinstance(item, Rejected):
            assert item.reason in REJECT_REASONS, item
            assert item.detail
        else:
            assert isinstance(item.raw, str) and item.format in ("txt", "html", "jsonl"), item
            records.append(item)
    return records


def _check_prepared(record: Record) -> None:
    doc = prepare(record)
    assert isinstance(doc, (Document, Rejected)), doc
    if isinstance(doc, Rejected):
        assert doc.reason in REJECT_REASONS, doc
    else:
        assert doc.text.strip() and doc.id


@FUZZ
@given(content=file_contents, suffix=st.sampled_from(SUFFIXES), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]),
       zipped=st.booleans())
def test_fuzz_ingest_readers_yield_records_or_rejections(tmp_path_factory, content, suffix, encoding, zipped):
    data = content if isinstance(content, bytes) else _encode(content, encoding)
    if zipped or suffix.endswith(".gz"):
        data = gzip.compress(data)
        if zipped and not suffix.endswith(".gz"):
            data = data[: max(1, len(data) // 2)]  # a truncated gzip stream behind a plain name
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    for record in _check_items(list(iter_records([str(path)], max_bytes=4096))):
        _check_prepared(record)


@FUZZ
@given(rows=st.lists(st.lists(st.one_of(texts, st.sampled_from(["file", "date", "title", "input.txt", ",", '"'])),
                              max_size=5), max_size=6),
       as_jsonl=st.booleans(),
       odd_file=st.one_of(st.none(), st.integers(), st.lists(st.integers(), max_size=2), st.just({"x": 1}), texts))
def test_fuzz_ingest_manifest_never_breaks_the_batch(tmp_path_factory, rows, as_jsonl, odd_file):
    folder = tmp_path_factory.mktemp("manifest")
    (folder / "input.txt").write_text("Talks in Astana\n\nRussia and Iran met in Astana on Tuesday.\n", encoding="utf-8")
    if as_jsonl:
        body = "\n".join(json.dumps(dict(zip(["file", "date", "title", "outlet", "url"], row))) for row in rows)
        body += "\n" + json.dumps({"file": odd_file}) if odd_file is not None else ""
        manifest = folder / "manifest.jsonl"
    else:
        body = "\n".join(",".join(row) for row in rows)
        manifest = folder / "manifest.csv"
    manifest.write_bytes(body.encode("utf-8", errors="surrogatepass"))
    records = _check_items(list(iter_records([str(folder)], manifest=manifest)))
    assert len(records) == 1  # a broken manifest is quarantined; the article is still read


@FUZZ
@given(text=texts, title=st.one_of(st.none(), texts))
def test_fuzz_ingest_clean_text_keeps_only_input_words(text, title):
    cleaned = clean_text(text, title=title)
    assert isinstance(cleaned.text, str)
    assert "\n\n\n" not in cleaned.text and cleaned.text == cleaned.text.strip()
    # cleaning drops, cuts and rejoins lines; it never invents a word
    lines = unicodedata.normalize("NFC", text).replace("\r", "\n").split("\n")
    source = " ".join(normalize_line(line) for line in lines)
    for word in cleaned.text.split():
        assert word in source, word
    for removed in cleaned.removed:
        assert removed["rule"] and isinstance(removed["line"], int)


@pytest.mark.parametrize("page", [deep_html, huge_attribute_html], ids=["deep_nesting_10000", "huge_attribute"])
def test_fuzz_ingest_pathological_html(tmp_path, page):
    path = tmp_path / "page.html"
    path.write_text(page(), encoding="utf-8")
    for record in _check_items(list(iter_records([str(path)]))):
        _check_prepared(record)


def test_fuzz_ingest_five_million_character_line(tmp_path):
    text = huge_line()
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    (record,) = _check_items(list(iter_records([str(path)])))
    cleaned = clean_text(record.raw)
    assert 0.99 * len(text) < len(cleaned.text) <= len(text)
    feed = tmp_path / "line.jsonl.gz"
    with gzip.open(feed, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "long", "text": text}) + "\n" + json.dumps({"id": "short", "text": "Talks."}) + "\n")
    items = list(iter_records([str(feed)], max_bytes=1_000_000))
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["too_large"]
    assert [r.source_id for r in _check_items(items)] == ["short"]


@pytest.mark.parametrize("text", ["\x00" * 100, "\u202e\u200b\ufeff" * 50, "1e309 ½ million", "\ud800 lone surrogate",
                                  "ǅ ﬁ Ⅻ ١٢٣ ２０２３年 Россия سوريا", "\r\r\r\n\n\r"])
def test_fuzz_ingest_clean_text_odd_characters(text):
    assert isinstance(clean_text(text).text, str)


# Found by the fuzzer: a JSON Lines manifest entry whose file name holds a NUL character made
# iter_records raise ValueError; one whose file is a number, TypeError. Both are bad manifests now.
@pytest.mark.issue(10)
@pytest.mark.parametrize("entry", ['{"file": "\\u0000"}', '{"file": 5}', '{"file": ["input.txt"]}', '{"file": {"x": 1}}',
                                   '{"file": "input\\u0000.txt", "date": "2024-01-25"}'])
def test_fuzz_ingest_manifest_odd_file_names(tmp_path, entry):
    (tmp_path / "input.txt").write_text("Talks in Astana\n\nRussia and Iran met in Astana.\n", encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(entry + "\n", encoding="utf-8")
    items = list(iter_records([str(tmp_path)], manifest=manifest))
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["bad_manifest"]
    assert len(_check_items(items)) == 1
