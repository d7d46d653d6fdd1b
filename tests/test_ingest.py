"""Ingest: readers, metadata, cleaning (on the real seed articles), near-duplicates."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date

import pytest

from conftest import SEEDS, seed_path
from parley.document import Document
from parley.ingest import (
    BoilerplateFilter, NearDuplicateIndex, Record, Rejected, clean_text, iter_records, load_boilerplate,
    parse_date, prepare,
)
from parley.ingest.clean import DEFAULT_BOILERPLATE, looks_like_headline, normalize_line, self_repeat

# Boilerplate lines of the seed articles, named by how they start.
SEED_BOILERPLATE = {
    "000": ["This holiday season", "Truth and understanding", "The Media Line's intrepid",
            "They all said they", "We see it", "We report with just"],
    "001": [],
    "002": [],
    "003": ["Add new comment", "Read our comment policy"],
    "004": ["Syrian talks in Astana.", "Representatives of Türkiye.", "Iran at Astana process",
            "UN representatives.", "Representatives of Russia.", "Get The Astana Times"],
}
# How each seed's headline starts (None: the seed has no headline line).
SEED_TITLES = {"000": "Astana Pulls Out", "001": None, "002": None,
               "003": "Astana Talks Focused", "004": "Kazakhstan Ends Astana"}

REPORT = (
    "Envoys from the three guarantor states met for two days in the capital and agreed to keep "
    "the ceasefire commission working through the winter, according to a statement released "
    "after the closing session. The opposition delegation said it would study the proposal "
    "before the next round, which the hosts expect to hold in the spring. Observers from the "
    "United Nations attended both sessions and urged the sides to release detainees."
)

FOLLOW_UP = (
    "Diplomats familiar with the talks said the hardest questions, including the fate of the "
    "northern border crossings and the sequencing of any prisoner exchange, were left for "
    "working groups that will meet in the coming weeks. A spokesman for the host government "
    "said it was ready to offer the venue again if all parties asked, and thanked the "
    "delegations for what he called a businesslike atmosphere. Aid agencies welcomed the "
    "commitment on detainees but warned that convoys still faced long delays at checkpoints."
)
ARTICLE = REPORT + "\n\n" + FOLLOW_UP


def seed_lines(prefix: str) -> list[str]:
    return [normalize_line(line) for line in seed_path(prefix).read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def seed_docs() -> dict[str, Document]:
    docs = {}
    for item in iter_records([str(SEEDS)]):
        doc = prepare(item)
        assert isinstance(doc, Document), doc
        docs[doc.source.split("/")[-1][:3]] = doc
    return docs


@pytest.mark.parametrize("prefix, start", [(p, s) for p, starts in SEED_BOILERPLATE.items() for s in starts])
def test_ingest_seed_boilerplate_line_removed(seed_docs, prefix, start):
    matching = [line for line in seed_lines(prefix) if line.startswith(start)]
    assert len(matching) == 1, f"seed {prefix} should have one line starting {start!r}"
    assert matching[0] not in seed_docs[prefix].text
    assert matching[0] in [r["text"] for r in seed_docs[prefix].meta["boilerplate"]]


@pytest.mark.parametrize("prefix", sorted(SEED_BOILERPLATE))
def test_ingest_seed_reporting_lines_kept(seed_docs, prefix):
    doc = seed_docs[prefix]
    title = SEED_TITLES[prefix]
    reporting = [line for line in seed_lines(prefix)
                 if line and not line.startswith(tuple(SEED_BOILERPLATE[prefix]))
                 and not (title and line.startswith(title))]
    assert len(reporting) >= 9
    for line in reporting:
        assert line in doc.text
    # nothing but the named lines (and the headline with its repeats) was removed
    removed = [r for r in doc.meta.get("boilerplate", []) if r["category"] != "title"]
    assert len(removed) == len(SEED_BOILERPLATE[prefix])


@pytest.mark.parametrize("prefix", sorted(SEED_TITLES))
def test_ingest_seed_headline_becomes_title(seed_docs, prefix):
    doc = seed_docs[prefix]
    start = SEED_TITLES[prefix]
    if start is None:
        assert doc.title is None
        return
    headline = next(line for line in seed_lines(prefix) if line.startswith(start))
    assert doc.title == headline
    assert headline not in doc.text  # neither the headline nor a copy glued to itself stays


@pytest.mark.parametrize("line, rule", [
    ("Please give today!", "donation_give"),
    ("Support our independent journalism", "donation_support_journalism"),
    ("Sign up for our weekly newsletter here", "newsletter_sign_up"),
    ("Get the best of our coverage delivered to your inbox every morning.", "newsletter_sent_to_you"),
    ("Follow us on Telegram and Instagram", "social_follow_us"),
    ("Follow @example_desk", "social_follow_handle"),
    ("Delegates at the venue. Photo credit: Press Office.", "photo_credit"),
    ("(Photo: Jane Roe/Agency)", "photo_label"),
    ("Photographer: Jane Roe/Agency", "photo_photographer"),
    ("Leave a comment", "comment_add"),
    ("Please read our community guidelines before you post.", "comment_policy"),
    ("12 comments", "comment_count"),
    ("ADVERTISEMENT", "ad_label"),
    ("Story continues below", "ad_continue_reading"),
    ("Copyright © 2021 Example Media Ltd.", "copyright_notice"),
    ("Related stories:", "nav_read_more"),
])
def test_ingest_boilerplate_rule_matches(line, rule):
    assert load_boilerplate().match(line).id == rule


@pytest.mark.parametrize("line", [
    "Police said the suspect agreed to make a contribution of $10,000 to a local charity.",
    "The campaign urged supporters to donate today to fund its field offices in three states:",
    "Officials asked residents to sign up for evacuation alerts before the storm arrived.",
    "Subscribers to the wire service received the statement on Tuesday evening.",
    "The photo credit on the leaflet named the ministry as the source of the pictures.",
    "We will not negotiate while the shelling continues, the rebel commander told reporters.",
    "Leave a comment on the draft was all the envoy would say when asked about the text.",
    "More than 300 delegates attended the opening session.",
])
def test_ingest_boilerplate_keeps_reporting(line):
    assert load_boilerplate().match(normalize_line(line)) is None


def test_ingest_donation_block_stops_at_reporting():
    text = "\n".join(["The talks ended on Friday.", "Please give today!", "Facts matter.",
                      "Our reporters cover the region.", REPORT])
    cleaned = clean_text(text, title="Talks end")
    assert cleaned.text.split("\n\n") == ["The talks ended on Friday.", REPORT]
    assert [r["rule"] for r in cleaned.removed] == ["donation_give"] * 3


@pytest.mark.parametrize("line, next_blank, expected", [
    ("Guarantors Agree to Meet Again in Spring", False, True),
    ("Guarantors agree to meet again in spring", True, True),
    ("Will the ceasefire hold?", True, True),
    ("Guarantors agree to meet again in spring", False, False),
    ("The guarantors agreed on Friday to meet again in the spring.", True, False),
    ("ASTANA – The Guarantors Agreed To Meet", True, False),
    ("Talks", True, False),
])
def test_ingest_headline_detection(line, next_blank, expected):
    assert looks_like_headline(line, next_blank) is expected


@pytest.mark.parametrize("line, unit", [
    ("Talks Resume in the CapitalTalks Resume in the Capital", "Talks Resume in the Capital"),
    ("Talks resume in the capital. Talks resume in the capital.", "Talks resume in the capital."),
    ("Talks resume in the capital, officials said on Friday.", None),
])
def test_ingest_self_repeat(line, unit):
    assert self_repeat(line) == unit


def test_ingest_title_repeat_only_at_head_or_glued():
    title = "Envoys Meet Again"
    text = f"{title}\n\n{title}{title}\n\n{REPORT}\n\n{title}\n\nThe next round is due in May."
    cleaned = clean_text(text)
    assert cleaned.title == title
    # a later line that equals the title is a section heading of the report: it stays
    assert cleaned.text.split("\n\n") == [REPORT, title, "The next round is due in May."]


def test_ingest_hard_wrapped_lines_are_joined():
    wrapped = REPORT[:90] + "\n" + REPORT[90:]
    assert wrapped[91].islower()
    assert clean_text(wrapped, detect_title=False).text == REPORT


def test_ingest_text_is_nfc_normalized():
    decomposed = "The envoy met the de\u0301le\u0301gation in Zu\u0308rich on Monday."
    assert clean_text(decomposed).text == "The envoy met the délégation in Zürich on Monday."


def test_ingest_rules_file_validates(tmp_path):
    rules = BoilerplateFilter.from_data(DEFAULT_BOILERPLATE).rules
    assert len({r.id for r in rules}) == len(rules)
    bad = tmp_path / "rules.yaml"
    bad.write_text("version: 1\nrules:\n  - id: broken\n    category: x\n    pattern: '('\n    max_words: 3\n")
    with pytest.raises(ValueError, match="broken"):
        BoilerplateFilter.from_data(bad)


@pytest.mark.parametrize("value, expected", [
    ("2024-01-25", date(2024, 1, 25)),
    ("2024-01-25T10:30:00Z", date(2024, 1, 25)),
    ("1/25/24", date(2024, 1, 25)),
    ("25 January 2024", date(2024, 1, 25)),
    ("", None),
    ("soon", None),
    ("2024-13-45", None),
])
def test_ingest_parse_date(value, expected):
    assert parse_date(value) == expected


def test_ingest_jsonl_fields_and_metadata(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    records = [
        {"id": 7, "title": "Envoys Meet", "date": "2024-01-25", "outlet": "Wire", "url": "https://w.example/1",
         "text": REPORT, "section": "world"},
        {"id": "b", "text": REPORT.replace("winter", "summer"), "date": "next week"},
    ]
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write("\n".join(json.dumps(r) for r in records) + "\n")
    first, second = iter_records([str(path)])
    assert (first.source, first.source_id, first.title, first.outlet, first.url, first.published) == (
        f"{path}:1", "7", "Envoys Meet", "Wire", "https://w.example/1", date(2024, 1, 25))
    assert first.meta == {"section": "world"} and first.format == "jsonl"
    assert second.source == f"{path}:2" and second.published is None
    assert second.meta["date_unparsed"] == "next week"
    doc = prepare(first)
    assert doc.text == REPORT and doc.source_id == "7" and doc.lang == "en"


HTML = """<!DOCTYPE html><html><head><title>Envoys Meet Again | The Example Post</title>
<meta property="og:title" content="Envoys Meet Again">
<meta property="og:site_name" content="The Example Post">
<meta property="article:published_time" content="2024-01-25T09:00:00Z">
<link rel="canonical" href="https://post.example/envoys-meet-again">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Envoys Meet Again</h1>{paragraphs}</article>
<footer>Copyright 2024 The Example Post. Contact us. Privacy policy.</footer></body></html>"""


def html_page() -> str:
    sentences = REPORT.split(". ")
    return HTML.format(paragraphs="".join(f"<p>{s.rstrip('.')}.</p>" for s in sentences))


def test_ingest_html_body_and_head_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(html_page(), encoding="utf-8")
    (record,) = iter_records([str(path)])
    doc = prepare(record)
    assert (doc.title, doc.outlet, doc.url, doc.published) == (
        "Envoys Meet Again", "The Example Post", "https://post.example/envoys-meet-again", date(2024, 1, 25))
    assert "ceasefire commission" in doc.text and "Sport" not in doc.text and "Privacy" not in doc.text


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_ingest_manifest_wins_over_the_file(tmp_path, kind):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text(html_page(), encoding="utf-8")
    (tmp_path / "plain.txt").write_text(REPORT, encoding="utf-8")
    rows = [{"file": "sub/page.html", "title": "Manifest Title", "date": "2024-02-01", "outlet": "Manifest Wire"},
            {"file": "plain.txt", "date": "2023-06-21", "url": "https://m.example/p", "desk": "east"}]
    manifest = tmp_path / f"manifest.{kind}"
    if kind == "csv":
        manifest.write_text("file,title,date,outlet,url,desk\n" + "\n".join(
            ",".join(r.get(k, "") for k in ("file", "title", "date", "outlet", "url", "desk")) for r in rows) + "\n")
    else:
        manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    items = list(iter_records([str(tmp_path)], manifest=manifest))
    docs = {d.source.split("/")[-1]: d for d in map(prepare, items)}
    assert set(docs) == {"page.html", "plain.txt"}  # the manifest itself is not an input
    page, plain = docs["page.html"], docs["plain.txt"]
    assert (page.title, page.outlet, page.published) == ("Manifest Title", "Manifest Wire", date(2024, 2, 1))
    assert page.url == "https://post.example/envoys-meet-again"  # from the head: the manifest had none
    assert (plain.published, plain.url, plain.meta["desk"]) == (date(2023, 6, 21), "https://m.example/p", "east")


@pytest.mark.parametrize("content, fmt, title", [
    ("Envoys Meet Again\n\n" + REPORT, "txt", "Envoys Meet Again"),
    (json.dumps({"id": "s1", "title": "Envoys Meet Again", "text": REPORT}) + "\n", "jsonl", "Envoys Meet Again"),
    (html_page(), "html", "Envoys Meet Again"),
])
def test_ingest_stdin(content, fmt, title):
    (record,) = iter_records(["-"], stdin=io.StringIO(content))
    assert record.format == fmt and record.source.startswith("<stdin>")
    doc = prepare(record)
    assert doc.title == title and "ceasefire commission" in doc.text


def test_ingest_folders_globs_and_paths_read_each_file_once(tmp_path):
    for name in ("a.txt", "b.htm", "nested/c.txt", ".hidden/d.txt", "notes.csv"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(REPORT, encoding="utf-8")
    items = list(iter_records([str(tmp_path), str(tmp_path / "*.txt"), str(tmp_path / "a.txt")]))
    assert sorted(r.source.removeprefix(str(tmp_path) + "/") for r in items) == ["a.txt", "b.htm", "nested/c.txt"]
    assert all(isinstance(r, Record) for r in items)


def variant(text: str, swaps: dict[str, str]) -> str:
    for old, new in swaps.items():
        text = text.replace(old, new)
    return text


def test_ingest_near_duplicates_link_to_the_original():
    index = NearDuplicateIndex()
    copy = variant(ARTICLE, {"two days": "two full days", "businesslike": "constructive"})
    copy_of_copy = variant(copy, {"Aid agencies": "Relief agencies"})
    other = REPORT.replace("Envoys", "Ministers") + "\n\n" + " ".join(reversed(FOLLOW_UP.split()))
    assert index.add("orig", ARTICLE) is None
    assert index.add("copy", copy) == "orig"
    assert index.add("copy2", copy_of_copy) == "orig"   # linked to the first copy seen, not to a copy
    assert index.add("other", other) is None            # shares one paragraph only
    assert index.add("short", "Talks resumed.") is None and index.signature("Talks resumed.") == b""


def test_ingest_near_duplicate_signatures_round_trip():
    signature = NearDuplicateIndex().signature(ARTICLE)
    assert signature == NearDuplicateIndex().signature(ARTICLE)  # deterministic across instances
    assert len(signature) == 64 * 4
    index = NearDuplicateIndex()
    index.load([("stored", signature), ("too-short", b"")])
    assert len(index) == 1
    assert index.add("new", variant(ARTICLE, {"winter": "cold winter"})) == "stored"
    assert index.add("stored", ARTICLE) is None  # already indexed: no self-link


def test_ingest_rejected_has_file_and_line_for_jsonl_records():
    record = Record(source="feed.jsonl:12", raw="Avis\n\nLes délégations se sont réunies mardi dans la capitale "
                    "pour un nouveau cycle de pourparlers, selon le ministère, qui a salué des discussions "
                    "constructives avec les garants.", format="jsonl")
    rejected = prepare(record)
    assert isinstance(rejected, Rejected)
    assert (rejected.source, rejected.line, rejected.reason) == ("feed.jsonl", 12, "non_english")
    assert "feed.jsonl:12" in rejected.detail
