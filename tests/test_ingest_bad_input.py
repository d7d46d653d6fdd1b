"""Ingest on a hostile corpus built in tmp_path: each bad input rejected with its reason, the rest read."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from parley.document import Document
from parley.ingest import DEFAULT_MAX_BYTES, REJECT_REASONS, Record, Rejected, iter_records, prepare
from parley.ingest.encoding import DecodeError, decode

MAX_BYTES = 4096
REPORT = (
    "Envoys from the three guarantor states met for two days in the capital and agreed to keep "
    "the ceasefire commission working through the winter, according to a statement released "
    "after the closing session. The opposition delegation said it would study the proposal."
)
CP1251_TEXT = ("Sergei Lavrov (Сергей Лавров) said the talks were “useful” – and would resume soon. "
               "His deputy told reporters that the next round would follow in the spring.")
LATIN1_TEXT = ("The envoy met the délégation in the café near Zürich; the talks went on until señor Ruiz left. "
               "Both sides agreed to meet again after the holidays.")
UTF16_TEXT = ("Delegates said the “de-escalation” zones would stay in place – for now. "
              "The monitors will report to the joint commission every month.")
FRENCH = ("Les délégations se sont réunies mardi dans la capitale du Kazakhstan pour un nouveau cycle de "
          "pourparlers sur la Syrie, selon le ministère des Affaires étrangères, qui a salué des discussions "
          "constructives et annoncé une prochaine réunion au printemps.")
HTML = ("<!DOCTYPE html><html><head><title>Guarantors Keep Commission</title></head><body><article>"
        f"<h1>Guarantors Keep Commission</h1><p>{REPORT}</p></article></body></html>")
GOOD_JSONL = json.dumps({"id": "g1", "title": "Commission Stays", "text": REPORT}) + "\n"


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


# file name -> (bytes, expected: "ok" or a reject reason, for JSON Lines a list per line)
HOSTILE: dict[str, tuple[bytes, object]] = {
    "good.txt": (("Guarantors Keep Commission\n\n" + REPORT).encode(), "ok"),
    "good.html": (HTML.encode(), "ok"),
    "good.jsonl": (GOOD_JSONL.encode(), "ok"),
    "good.txt.gz": (gz(REPORT.encode()), "ok"),
    "good.html.gz": (gz(HTML.encode()), "ok"),
    "good.jsonl.gz": (gz(GOOD_JSONL.encode()), "ok"),
    "cp1251.txt": (CP1251_TEXT.encode("cp1251"), "ok"),
    "latin1.txt": (LATIN1_TEXT.encode("latin-1"), "ok"),
    "utf16.txt": (UTF16_TEXT.encode("utf-16"), "ok"),
    "empty.txt": (b"", "empty"),
    "blank.html": (b"  \n\n \t\n", "empty"),
    "empty.jsonl.gz": (gz(b""), "empty"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    "nul.txt": (b"Talks \x00\x00 resumed \x00 today" * 20, "binary"),
    "huge.txt": (REPORT.encode() * 40, "too_large"),
    "huge.html.gz": (gz(HTML.encode() * 40), "too_large"),
    "corrupt.txt.gz": (b"\x1f\x8b\x08\x00" + b"not really gzip" * 10, "bad_gzip"),
    "french.txt": (FRENCH.encode(), "non_english"),
    "french.jsonl": ((json.dumps({"id": "f", "text": FRENCH}) + "\n").encode(), "non_english"),
    "promo.txt": (b"Add new comment\n\nFollow us on Twitter\n\nADVERTISEMENT\n", "no_text"),
    "broken.jsonl": ((GOOD_JSONL + '{"id": "x", "text": "unterminated\n'
                      + '["a list", "not an object"]\n' + '{"id": "y", "title": "No text"}\n'
                      + json.dumps({"id": "z", "text": "   "}) + "\n"
                      + json.dumps({"id": "long", "text": "word " * 2000}) + "\n"
                      + GOOD_JSONL).encode(),
                     ["ok", "bad_json", "bad_record", "bad_record", "empty", "too_large", "ok"]),
}


@pytest.fixture
def hostile(tmp_path) -> Path:
    for name, (data, _) in HOSTILE.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "manifest.csv").write_text("file,date,outlet\ngood.txt,2024-01-25,Manifest Wire\n")
    return tmp_path


def outcomes(corpus: Path, *extra: str) -> dict[str, list]:
    """Every input's results in order: a Document or the reject reason, keyed by file name."""
    found: dict[str, list] = {}
    for item in iter_records([str(corpus), *extra], manifest=corpus / "manifest.csv", max_bytes=MAX_BYTES):
        result = prepare(item) if isinstance(item, Record) else item
        name = (item.source.split(":")[0] if isinstance(item, Record) else item.source).split("/")[-1]
        found.setdefault(name, []).append(result if isinstance(result, Document) else result.reason)
        if isinstance(result, Rejected):
            assert result.reason in REJECT_REASONS
            assert name in result.detail  # the message names the file
    return found


def test_ingest_hostile_corpus_each_reason(hostile):
    found = outcomes(hostile, str(hostile / "missing.txt"), str(hostile / "nothing-*.html"))
    for name, (_, expected) in HOSTILE.items():
        got = ["ok" if isinstance(r, Document) else r for r in found[name]]
        assert got == (expected if isinstance(expected, list) else [expected]), name
    assert found["missing.txt"] == ["missing_path"] and found["nothing-*.html"] == ["missing_path"]
    assert "manifest.csv" not in found


@pytest.mark.parametrize("name, text", [("cp1251.txt", CP1251_TEXT), ("latin1.txt", LATIN1_TEXT),
                                        ("utf16.txt", UTF16_TEXT)])
def test_ingest_hostile_encodings_decoded(hostile, name, text):
    (doc,) = outcomes(hostile)[name]
    assert doc.text == text


def test_ingest_hostile_good_files_keep_metadata(hostile):
    found = outcomes(hostile)
    (txt,) = found["good.txt"]
    assert (txt.title, txt.outlet, str(txt.published)) == ("Guarantors Keep Commission", "Manifest Wire", "2024-01-25")
    (html,) = found["good.html.gz"]
    assert html.title == "Guarantors Keep Commission" and html.text == REPORT
    (record,) = found["good.jsonl.gz"]
    assert (record.source_id, record.title) == ("g1", "Commission Stays")


def test_ingest_malformed_jsonl_reports_line_numbers(hostile):
    rejected = [r for r in iter_records([str(hostile / "broken.jsonl")], max_bytes=MAX_BYTES)
                if isinstance(r, Rejected)]
    assert [(r.reason, r.line) for r in rejected] == [
        ("bad_json", 2), ("bad_record", 3), ("bad_record", 4), ("empty", 5), ("too_large", 6)]
    assert f"{hostile / 'broken.jsonl'}:2" in rejected[0].detail


@pytest.mark.parametrize("manifest_text, reason", [
    (None, "missing_path"),
    ("name,date\ngood.txt,2024-01-25\n", "bad_manifest"),
    ('{"file": "good.txt"}\n{oops\n', "bad_manifest"),
])
def test_ingest_bad_manifest_is_reported_and_files_still_read(hostile, manifest_text, reason):
    manifest = hostile / "other-manifest.jsonl"
    if manifest_text is not None:
        manifest.write_text(manifest_text)
    items = list(iter_records([str(hostile / "good.txt")], manifest=manifest))
    assert [i.reason for i in items if isinstance(i, Rejected)] == [reason]
    assert [i.format for i in items if isinstance(i, Record)] == ["txt"]


@pytest.mark.parametrize("data, reason", [
    (b"\xff\xfe" + b"\x00\xd8" * 20, "encoding"),          # a UTF-16 BOM, then lone surrogates
    (bytes(range(0x80, 0x100)) * 4, "encoding"),            # high bytes that read as no language
    (b"%PDF-1.7\n" + b"stream" * 20, "binary"),
    (bytes(range(1, 32)) * 20, "binary"),                  # control characters
])
def test_ingest_undecodable_bytes(data, reason):
    with pytest.raises(DecodeError) as error:
        decode(data)
    assert error.value.reason == reason


def test_ingest_200mb_file_rejected_without_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as stream:
        stream.truncate(200 * 1024 * 1024)  # sparse: no disk, no time
    tracemalloc.start()
    (rejected,) = iter_records([str(big)])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert rejected.reason == "too_large" and DEFAULT_MAX_BYTES < 200 * 1024 * 1024
    assert peak < 1024 * 1024


def test_ingest_200mb_jsonl_line_streamed(tmp_path):
    path = tmp_path / "feed.jsonl"
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(GOOD_JSONL + '{"id": "huge", "text": "')
        chunk = "talks " * (1024 * 1024 // 6 + 1)
        for _ in range(200):
            stream.write(chunk)
        stream.write('"}\n' + GOOD_JSONL)
    assert os.path.getsize(path) > 200 * 1024 * 1024
    tracemalloc.start()
    results = [(r.reason, r.line) if isinstance(r, Rejected) else "ok" for r in iter_records([str(path)])]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert results == ["ok", ("too_large", 2), "ok"]
    assert peak < 3 * DEFAULT_MAX_BYTES  # one capped line at a time, never the whole file
