"""Same output: save everything the pipeline extracts from the benchmark news and the seeds, and
compare two such saves.

A change that makes the pipeline faster must not change what it finds. ``--out FILE`` runs the
default pipeline (or ``--parse all``) over the first ``--articles`` benchmark articles, as
``bench/pipeline.py`` builds them, and the seed articles, as ingest reads and cleans them, in one
stream, and writes one JSON line a document: every field the stages set (sentences, times,
places, mentions, events, claims, meetings, the publication date and what was inferred of it,
meta) and a digest of the spaCy doc's token annotations (tags, parts of speech, morphology,
lemmas, heads, labels, entities, sentence starts, which sentences were parsed).
``--compare BEFORE AFTER`` counts the documents whose fields differ, field by field, prints the
first differences, and exits 1 if any record differs.

Usage: python bench/pipeline_output.py --out FILE [--articles 200] [--parse all]
       python bench/pipeline_output.py --compare BEFORE AFTER
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from _common import SHARED, bench_articles, record_date

from parley.document import Document
from parley.pipeline import Pipeline

SEEDS = SHARED / "corpus" / "seeds"
FIELDS = ("published", "published_inferred", "published_window", "meta", "sentences", "times", "places",
          "mentions", "events", "claims", "meetings")
TOKEN_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, SENT_START]


def documents(articles: int) -> list[Document]:
    """The benchmark articles (as bench/pipeline.py builds them) and the seeds (as ingest does)."""
    from parley.ingest.clean import prepare
    from parley.ingest.readers import iter_records

    docs = [Document.from_text(r["text"], published=record_date(r.get("date")))
            for r in bench_articles(articles) if (r.get("text") or "").strip()]
    seeds = [prepare(r) for r in iter_records(sorted(str(p) for p in SEEDS.glob("*.txt")))]
    return docs + [d for d in seeds if isinstance(d, Document)]


def token_digest(sdoc) -> str:
    """SHA-256 of the token annotations of a spaCy doc and the list of its parsed sentences."""
    digest = hashlib.sha256(sdoc.to_array(TOKEN_ATTRS).tobytes())
    digest.update(json.dumps(sdoc.user_data.get("parsed_sentences")).encode())
    return digest.hexdigest()


def row(doc: Document) -> dict:
    """The record of one processed document."""
    out = {"id": doc.id, "title": doc.title}
    for name in FIELDS:
        value = getattr(doc, name)
        out[name] = [s.as_dict() for s in value] if name == "sentences" else value
    out["tokens"] = token_digest(doc.spacy_doc)
    return out


def save(path: Path, articles: int, parse: str) -> None:
    pipeline = Pipeline.build(config={"parley_nlp": {"parse": parse}})
    with open(path, "w", encoding="utf-8") as out:
        for doc in pipeline.pipe(documents(articles)):
            out.write(json.dumps(row(doc), default=str, sort_keys=True) + "\n")


def compare(before: Path, after: Path) -> int:
    """Print the fields that differ between two saves; return the number of differing documents."""
    old = [json.loads(line) for line in before.read_text(encoding="utf-8").splitlines()]
    new = [json.loads(line) for line in after.read_text(encoding="utf-8").splitlines()]
    if [r["id"] for r in old] != [r["id"] for r in new]:
        print(f"different documents: {len(old)} before, {len(new)} after")
        return max(len(old), len(new))
    by_field: dict[str, int] = {}
    differing = 0
    for a, b in zip(old, new):
        fields = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        for name in fields:
            by_field[name] = by_field.get(name, 0) + 1
            if by_field[name] <= 2:
                print(f"{a['id']} {name}:\n  before {json.dumps(a.get(name))[:600]}"
                      f"\n  after  {json.dumps(b.get(name))[:600]}")
        differing += bool(fields)
    print(f"{len(old)} documents, {differing} differ" + (f"; by field {by_field}" if by_field else ""))
    return differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--parse", default="candidates", choices=["candidates", "all"])
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        sys.exit(1 if compare(*args.compare) else 0)
    if not args.out:
        parser.error("give --out FILE or --compare BEFORE AFTER")
    save(args.out, args.articles, args.parse)


if __name__ == "__main__":
    main()
