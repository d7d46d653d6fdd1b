"""Draw benchmark-news sentences at random for a new hand-labelled event dev set.

Articles already used by another set (``--exclude``: JSONL files with ``article_id``, ``doc_id``
or ``id``, the mention tables ``tests/data/mentions_*.tsv``, or the process table
``processes.yaml``), or cited anywhere in the project at a commit (``--exclude-cited REF``: every
benchmark article id found in a file tracked at ``REF``, reports and tests included), are left
out. The articles are shuffled with ``--seed``; from each article in turn one sentence is drawn
at random (same seed):
the first ``--hard`` draws among the sentences holding a hard-news word (:data:`HARD_NEWS`:
conflict, protest, coercion, aid, arrests, sanctions, threats, refusals) in articles holding at
least ``--min-hits`` of them (with ``--any``: any sentence of such an article, whatever its
words), then ``--other`` draws among the sentences holding none, from further articles.
With ``--foreign`` every draw (hard and other) needs a sentence that names a state other than the
United States or an international organisation (:func:`foreign_pattern`), so that the set holds more
world news than the benchmark's mostly US-politics articles would give (the names are matched, not
resolved: a foreign name in a US story passes).
Sentences are split as parley splits them (line breaks, then spaCy's ``senter``), 20 to 400
characters, no more than one per article.

Writes JSON lines ``{"id", "article_id", "char_start", "char_end", "date", "events": []}`` to
``--out`` (to be labelled by hand; no article text) and prints each sentence with its id on
standard output, for the labeller only (keep that text out of the project).

Usage: python bench/sample_sentences.py --seed 19 --hard 72 --other 24 --prefix h
           --exclude bench/devsets/events_news_dev.jsonl --exclude tests/data/events_gold_bench.jsonl
           --exclude bench/devsets/places_dev.jsonl --out bench/devsets/events_hardnews_dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import BENCH_NEWS, bench_articles  # noqa: E402

HARD_NEWS = re.compile(
    r"\b(kill|attack|bomb|clash|fighting|troops|soldier|militant|rebel|insurgent|gunm[ae]n|protest|demonstrat"
    r"|riot|arrest|detain|sanction|tariff|embargo|boycott|threat|reject|aid\b|humanitarian|seiz|raid|wound|injur"
    r"|explosion|missile|rocket|air ?strike|shelling|siege|hostage|kidnap|abduct|curfew|expel|deport|evacuat"
    r"|cease-?fire|withdr|crackdown|police|strikes?\b)",
    re.IGNORECASE)
# Words reporting a hard-news act itself (a verb form or an event noun), for ``--acts``.
ACT_WORDS = re.compile(
    r"\b(killed|killing|attacked|attacks?|bomb(ed|ing|ings)?|clash(ed|es)|fighting|fought|shot|opened fire|shelled"
    r"|shelling|air ?strikes?|raid(ed|s)?|wounded|injured|explosion|exploded|protest(ed|ers|s)?"
    r"|demonstrat(ed|ors|ions?)"
    r"|rall(y|ies|ied)|marched|riot(s|ed)?|arrest(ed|s)?|detain(ed)?|jailed|sentenced|sanctions?|tariffs?|embargo"
    r"|boycott(ed)?|threaten(ed|s)?|warned|rejected|refused|aid|seized|captured|kidnapp?ed|abducted|hostages?"
    r"|expelled|deported|evacuated|deployed|troops|withdr[ae]w|withdrawn|cease-?fire|released|freed|curfew|crackdown)\b",
    re.IGNORECASE)


# International organisations (and their usual short names), foreign armed groups and a foreign seat of
# government named for its state, for ``--foreign``.
FOREIGN_BODIES = ("United Nations", "U.N.", "UN", "NATO", "European Union", "EU", "European Commission",
                  "Security Council", "World Health Organization", "WHO", "International Monetary Fund", "IMF",
                  "World Bank", "Arab League", "African Union", "OPEC", "ASEAN", "G7", "G-7", "G20", "G-20",
                  "International Criminal Court", "International Atomic Energy Agency", "IAEA", "Interpol",
                  "Red Cross", "Hamas", "Hezbollah", "Taliban", "Islamic State", "ISIS", "ISIL", "al-Qaida",
                  "al-Qaeda", "Kremlin")
# Country names left out of ``--foreign``: Georgia, Jordan and Chad are as often US places or people's
# names in the benchmark news; Guinea, Niger and Dominica went with them as a precaution the
# whole-word, case-sensitive match makes needless. fresh13, fresh14 and fresh15 were drawn with this
# set: keep it, so that their draws reproduce.
AMBIGUOUS_COUNTRY_NAMES = {"Georgia", "Jordan", "Chad", "Guinea", "Niger", "Dominica"}


def foreign_pattern() -> re.Pattern:
    """A pattern for a sentence that names a foreign state or an international organisation: the
    names of pycountry's countries (short, common and official, without the United States, its
    territories and :data:`AMBIGUOUS_COUNTRY_NAMES`), the demonyms of parley's places data (but American), and
    :data:`FOREIGN_BODIES`. Names are matched case-sensitively, as whole words."""
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        if country.alpha_3 in ("USA", "UMI", "VIR", "PRI", "GUM", "ASM", "MNP"):
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value and value not in AMBIGUOUS_COUNTRY_NAMES:
                names.add(value)
    demonyms = Path(__file__).resolve().parents[1] / "parley" / "data" / "places" / "demonyms.tsv"
    names.update(line.split("\t")[0] for line in demonyms.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#") and line.split("\t")[1].strip() != "USA")
    names.update(FOREIGN_BODIES)
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?<!New )({alternatives})(?![\w])")


def sentences(nlp, text: str):
    """Yield ``(start, end)`` of the sentences of ``text``: line breaks first, then the senter."""
    senter = nlp.get_pipe("senter")
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for sent in senter(nlp.tokenizer(line)).sents:
                start = offset + sent.start_char
                end = offset + sent.end_char
                yield start, end
        offset += len(line) + 1


def _used_articles(path: Path) -> set[str]:
    """Article ids a set uses: JSON lines (``article_id``, ``doc_id`` for times_gold.jsonl, or ``id``
    for places_dev.jsonl and places_gold.jsonl), tab-separated mentions (the ``article`` column) or
    the process table (``articles``, ``mentions`` and the ``id`` of each ``confusables`` row of
    processes.yaml)."""
    if path.suffix in (".yaml", ".yml"):
        import yaml

        found: set[str] = set()

        def walk(node) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in ("articles", "mentions", "confusables") and isinstance(value, list):
                        # confusables are ``{id, why, set}`` rows; articles and mentions plain ids
                        found.update(str(v["id"] if isinstance(v, dict) else v) for v in value
                                     if not isinstance(v, list) and (not isinstance(v, dict) or "id" in v))
                    walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
        return found
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if path.suffix == ".tsv":
        rows = [line.split("\t") for line in lines if not line.startswith("#")]
        column = rows[0].index("article")
        return {row[column] for row in rows[1:]}
    return {(lambda r: r.get("article_id") or r.get("doc_id") or r["id"])(json.loads(line)) for line in lines}


def cited_articles(ref: str, known: set[str]) -> set[str]:
    """Benchmark article ids (of ``known``) cited in any file tracked at the git commit ``ref``.

    Reading a commit rather than the working tree keeps the draw reproducible after the new set
    (whose ids would otherwise exclude themselves) is committed."""
    import subprocess

    done = subprocess.run(["git", "grep", "-h", "-o", "-I", "-E", r"\b[A-Za-z0-9]{16}\b", ref],
                          capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1])
    return {token.split(":")[-1] for token in done.stdout.split()} & known


def main() -> None:
    """Draw the sentences and write the unlabelled set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=BENCH_NEWS)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--hard", type=int, default=72)
    parser.add_argument("--other", type=int, default=24)
    parser.add_argument("--prefix", default="h")
    parser.add_argument("--min-hits", type=int, default=8,
                        help="hard-news words an article needs for a hard draw (not passing mentions)")
    parser.add_argument("--acts", action="store_true",
                        help="hard draws need a word reporting the act itself (ACT_WORDS), not any hard-news word")
    parser.add_argument("--any", action="store_true",
                        help="hard draws take any sentence of a hard-news article, with or without a hard-news "
                             "word (so that the draw does not favour the words the coder cues on)")
    parser.add_argument("--foreign", action="store_true",
                        help="every draw needs a sentence naming a foreign state or an international "
                             "organisation (foreign_pattern)")
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--exclude-cited", metavar="REF",
                        help="also leave out every benchmark article id cited in a file tracked at this commit")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if not args.news.exists():
        sys.exit(f"error: benchmark news not found at {args.news}; pass --news or set PARLEY_SHARED")
    from parley.model import load_model

    used = set().union(*(_used_articles(path) for path in args.exclude))
    articles = [a for a in bench_articles(path=args.news) if a.get("text")]
    if args.exclude_cited:
        used |= cited_articles(args.exclude_cited, {a["id"] for a in articles})
    articles = [a for a in articles if a["id"] not in used]
    rng = random.Random(args.seed)
    rng.shuffle(articles)
    nlp = load_model()
    words = ACT_WORDS if args.acts else HARD_NEWS
    foreign = foreign_pattern() if args.foreign else None
    rows: list[dict] = []
    for article in articles:
        if len(rows) >= args.hard + args.other:
            break
        hard = len(rows) < args.hard
        text = article["text"]
        if hard and len(HARD_NEWS.findall(text)) < args.min_hits:
            continue
        pool = [(s, e) for s, e in sentences(nlp, text)
                if 20 <= e - s <= 400
                and ((hard and args.any) or bool((words if hard else HARD_NEWS).search(text[s:e])) == hard)
                and (foreign is None or foreign.search(text[s:e]))]
        if not pool:
            continue
        start, end = rng.choice(pool)
        rows.append({"id": f"{args.prefix}{len(rows) + 1:03d}", "article_id": article["id"],
                     "char_start": start, "char_end": end, "date": article.get("date"), "events": []})
        print(f"{rows[-1]['id']}\t{'hard' if hard else 'other'}\t{text[start:end]}")
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
