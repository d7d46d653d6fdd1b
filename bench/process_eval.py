"""Dev-set evaluation of meeting and process discovery on real benchmark articles.

Reads the reference table ``bench/devsets/processes.yaml`` (negotiation tracks, their
meetings with dates, venue, parties and the ids of the benchmark articles that report each,
plus confusable articles that report no meeting of a track), runs the whole pipeline over
those articles, joins what it finds with :func:`parley.process.build_processes` and measures:

- ``clean``: share of reference meetings found cleanly: one merged meeting whose dates fall in
  the reference interval (start and end within a day of it), whose venue is the reference venue
  (or one of its names), and whose sources are only articles that report this meeting and
  include at least half of them;
- ``pairs``: share of same-track pairs of reference meetings whose found meetings share a
  process;
- ``cross_track_merges``: found processes holding found meetings of two or more tracks (each
  extra track counts one), plus found meetings whose sources report different tracks;
- ``unrelated_meetings``: found meetings made only from confusable articles.

The articles come from the benchmark news (``--news`` or ``$PARLEY_SHARED/bench/news-10k.jsonl.gz``);
processed documents are cached with ``--cache DIR`` so that re-runs only redo the meeting stage.

The tracks marked ``holdout: true`` in the table are left out (their articles are not even
processed) unless ``--holdout`` is given, which scores the held-out part only: the ``set`` of the
first held-out track in the table, with the shared confusables and its own. A held-out part is
written before parley runs on its articles, to be scored once. Two held-out parts can coexist: a
later one, written ahead, stays out of ``--holdout`` and of the dev figures, and is scored with
``--set NAME`` (alone, with its own confusables) once the earlier part has been scored and made a
dev part (until the seventeenth session ``--holdout`` took the last held-out set, which was then
always the only one). The first one (G7 summits, Trump-Abe,
Trump-Macron, Putin-Erdogan), scored in several sessions, is the dev part ``dev5``; the second
(``holdout2``: Ukraine crisis talks, US visits to Kiev, Kenya and Mongolia), scored once at the end
of the eighth session, is the dev part ``dev6`` since the fifteenth; the third (``holdout3``:
Pompeo-North Korea, Tillerson-Lavrov, US-France 2015, US-Mexico 2019, US-Turkey 2019, Trump-Juncker,
the Arab League on the US plan), written and scored once in the fifteenth session (6/12 clean, 5/7
pairs), is the dev part ``dev7`` since then. The fourth, ``holdout4`` (Kerry in Beijing and Tokyo
2013, Bolton in Moscow 2018, Trump-Zelensky 2019, Rice-Karzai in Kabul 2013, US talks with
Israel, Saudi Arabia and the UAE on Iran in June 2019, Kerry-Lavrov in Paris 2014, Obama-Erdogan 2013,
Trump-Netanyahu 2017), was written in the sixteenth session before parley ran on its articles and
scored once at its end (4/12 clean, 1/5 pairs, 0 cross-track merges): it is the dev part ``dev8``
since then. The fifth, ``holdout5`` (Tillerson in Tokyo and Seoul 2017, Mattis in Seoul and Tokyo
2017, Pence in Seoul 2017, Trump-Duda 2017, Pence-Zelensky 2019, Pompeo in Pyongyang at Easter 2018,
the North American Leaders' Summit 2014, Obama in Malaysia 2014), was written in the sixteenth
session before parley ran on its articles, scored once at the end of the seventeenth (1 of 10 clean,
0 of 2 pairs, no cross-track merge, 4 meetings from unrelated articles, as the session's starting code
scored it) and made the dev part ``dev9`` then. The sixth, ``holdout6`` (UK-EU Brexit meetings
2017-2019, the South Korean envoys to Pyongyang and Washington in March 2018, US presidents in Hanoi
2016 and 2017, the TPP ministers in Atlanta 2015, Merkel-Hollande on Greece in July 2015, Trump's
called-off visit to Denmark 2019), was written in the seventeenth session before parley ran on its
articles, scored once at the end of the eighteenth (1 of 11 clean, 1 of 8 pairs, no cross-track
merge, 2 meetings from unrelated articles; the session's starting code: the same but 1 unrelated)
and made the dev part ``dev10`` then. The seventh, ``holdout7`` (Romney's trip to Britain, Israel and
Poland 2012, the protests over NSA surveillance in 2013 with Rousseff's postponed state visit,
Putin-Xi in Moscow 2015 and 2019, Trump-Bolsonaro 2019 and 2020, Obama and Pope Francis 2015, the
Saudi-Turkish prosecutors on the Khashoggi killing 2018), was written in the eighteenth session
before parley ran on its articles, while holdout6 was still held out, scored once at the end of the
nineteenth (1 of 13 clean, 0 of 11 pairs, no cross-track merge, 2 meetings from unrelated articles,
exactly as the session's starting code scored it) and made the dev part ``dev11`` then.
The eighth, ``holdout8`` (US presidents with King Abdullah II of Jordan 2013 and 2017, Mattis in
Baghdad and Abadi at the White House 2017, the US-E3 talks on the Iran deal in Berlin and Vienna
2018, Obama in Mexico City and San José 2013, the called-off Morales visit to Washington 2019,
Senator Paul with the Guatemalan president 2014, López Obrador at the White House 2020, Maduro with
Putin in Moscow 2013, AUSMIN in Sydney 2014, Lavrov's called-off visit to Turkey 2015), was written
in the nineteenth session before parley ran on its articles, while holdout7 was still held out,
scored once at the end of the twentieth (1 of 14 clean, 0 of 4 pairs, no cross-track merge, 4
meetings from unrelated articles; the session's starting code: 1, 0, 0, 3) and made the dev part
``dev12`` then. The ninth, ``holdout9`` (Putin with Orban in Budapest 2015, Kerry in Rome and Doha
2013, Pope Francis in Mexico 2016, UN rapporteurs in Detroit 2014, the Security Council vote on
settlements 2016, Kerry in Christchurch 2016, Yatsenyuk with the pope 2014, Trump-Erdogan 2017, Ghani
in Washington 2015 and Pence at Bagram 2017, Iohannis at the White House 2019, the UN and US refugee
summits in New York 2016, the countering-violent-extremism summit 2015, the Spanish king's state
visit to Paris 2015, the St Petersburg forum 2018, the US president at Davos 2018 and 2020, Clapper
in Pyongyang 2014, the IPCC session in Incheon 2018), was written in the twentieth session before
parley ran on its articles, while holdout8 was still held out, scored once at the end of the
twenty-first (1 of 21 clean, 0 of 4 pairs, 1 cross-track merge, 4 meetings from unrelated articles,
exactly as the session's starting code scored it) and made the dev part ``dev13`` then. The tenth,
``holdout10`` (the Munich Security Conference 2018 and 2019, APEC leaders 2017 and 2019, a senator's
two 2016 meetings with the Russian ambassador, NATO defence ministers 2013 and other single
meetings of 2013-2020), was written in the twenty-first session before parley ran on its articles,
while holdout9 was still held out, scored once at the end of the twenty-second (4 of 18 clean, 0 of 3
pairs, 4 cross-track merges, 4 meetings from unrelated articles, exactly as the session's starting
code scored it) and made the dev part ``dev14`` then. The eleventh, ``holdout11`` (11 tracks of
2012-2020; named only in the table, so that rules are not steered toward them), was written in the
twenty-second session before parley ran on its articles, while holdout10 was still held out: it is
now the first held-out part, which ``--holdout`` and ``--set holdout11`` both score, once, in a later
session.

``--set dev1`` scores the first dev tracks only, ``--set dev2`` the tracks added in the third
session (``set: dev2``), ``--set dev3`` those added in the fourth (``set: dev3``), ``--set dev4``
those added in the sixth (``set: dev4``), each with the same confusables (dev4 also with its own,
marked ``set: dev4``), ``--set dev5`` the first held-out tracks, made a dev part in the eighth,
``--set dev6`` the second (formerly ``holdout2``), made a dev part in the fifteenth (with its own
confusables), ``--set dev7`` the third (formerly ``holdout3``), made a dev part in the fifteenth
(with its own confusables), ``--set dev8`` the fourth (formerly ``holdout4``), made a dev part in the
sixteenth (with its own confusables), ``--set dev9`` the fifth (formerly ``holdout5``), made a dev
part in the seventeenth (with its own confusables), ``--set dev10`` the sixth (formerly
``holdout6``), made a dev part in the eighteenth (with its own confusables), ``--set dev11`` the
seventh (formerly ``holdout7``), made a dev part in the nineteenth (with its own confusables),
``--set dev12`` the eighth (formerly ``holdout8``), made a dev part in the twentieth, and ``--set
dev13`` the ninth (formerly ``holdout9``), made a dev part in the twenty-first, and ``--set dev14``
the tenth (formerly ``holdout10``), made a dev part in the twenty-second (each with its own
confusables).

Usage: python bench/process_eval.py [--news PATH] [--cache DIR] [--show | --figures] [--holdout] [--set NAME]
``--figures`` prints the counts alone (no rows, meeting or article ids) and writes nothing: split-half
validation (session 18) develops on some parts and only scores the others, whose meetings stay unread.
Writes bench/reports/process_eval.json (``process_eval_PART.json`` for a part: with ``--holdout``
the held-out part's name, e.g. ``process_eval_holdout4.json`` in the sixteenth session;
``process_eval_dev2.json`` with ``--set dev2``, and so on).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import bench_articles, cached_documents, keep_document, record_date, write_report  # noqa: E402

DEVSET = Path(__file__).resolve().parent / "devsets" / "processes.yaml"


def news_path(arg: str | None) -> Path:
    """The benchmark news file: ``--news``, else under ``$PARLEY_SHARED``; a clear error when absent."""
    if arg:
        path = Path(arg)
    elif os.environ.get("PARLEY_SHARED"):
        path = Path(os.environ["PARLEY_SHARED"]) / "bench" / "news-10k.jsonl.gz"
    else:
        path = Path(__file__).resolve().parents[2] / "shared" / "bench" / "news-10k.jsonl.gz"
    if not path.exists():
        sys.exit(f"benchmark news not found at {path}: pass --news PATH or set PARLEY_SHARED")
    return path


def held_out_parts(tracks: list[dict]) -> list[str]:
    """The ``set`` of every track marked ``holdout: true``, each once, in the order of the table."""
    parts: list[str] = []
    for track in tracks:
        if track.get("holdout") and track.get("set", "dev1") not in parts:
            parts.append(track.get("set", "dev1"))
    return parts


def held_out_part(tracks: list[dict]) -> str | None:
    """The held-out part due to be scored: the first held-out set in the table (None if none is).

    A later held-out part may be written ahead, before the earlier one is scored; it stays out of
    ``--holdout`` (and of the dev figures) and is scored with ``--set NAME`` once the earlier part
    has been scored and made a dev part.
    """
    parts = held_out_parts(tracks)
    return parts[0] if parts else None


def load_devset(path: Path = DEVSET, holdout: bool = False, only_set: str | None = None) -> dict:
    """Read the reference table; every meeting gets ``track`` and an ``id`` (track/meeting).

    ``part`` names what is kept: ``only_set``, the held-out part's set, or ``dev``.

    :param holdout: keep only the tracks of the held-out part (:func:`held_out_part`) instead of
        the tracks not held out.
    :param only_set: keep only the tracks of that ``set`` (``dev1`` for tracks without one), held
        out or not.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if only_set is not None:
        data["tracks"] = [t for t in data["tracks"] if t.get("set", "dev1") == only_set]
        data["part"] = only_set
    elif holdout:
        data["part"] = held_out_part(data["tracks"])
        data["tracks"] = [t for t in data["tracks"] if t.get("holdout") and t.get("set", "dev1") == data["part"]]
    else:
        data["tracks"] = [t for t in data["tracks"] if not t.get("holdout")]
        data["part"] = "dev"
    held_sets = {t.get("set") for t in data["tracks"] if t.get("holdout")}
    meetings = []
    for track in data["tracks"]:
        for m in track["meetings"]:
            meetings.append({**m, "track": track["id"], "ref_id": f"{track['id']}/{m['id']}"})
    data["meetings"] = meetings
    # a confusable marked with a ``set`` belongs to that part only (those of dev4 came after the
    # other parts were scored, whose figures they would change)
    data["confusables"] = [c for c in data.get("confusables", [])
                           if c.get("set") is None or c["set"] == only_set or c["set"] in held_sets]
    return data


def wanted_ids(dev: dict) -> list[str]:
    """Every article id the reference table names, in first-seen order."""
    ids: list[str] = []
    for m in dev["meetings"]:
        ids.extend(a for a in m["articles"] + m.get("mentions", []) if a not in ids)
    for track in dev["tracks"]:
        ids.extend(a for a in track.get("articles", []) if a not in ids)
    ids.extend(a for a in (c["id"] for c in dev.get("confusables", [])) if a not in ids)
    return ids


def processed_docs(ids: list[str], news: Path, cache: Path | None) -> list:
    """The pipeline's documents (all stages but the meeting stage) for the articles ``ids``."""
    from parley.document import Document
    from parley.pipeline import DEFAULT_PIPELINE, Pipeline

    cached = cached_documents(cache, ids)
    missing = set(ids) - set(cached)
    if missing:
        records = {r["id"]: r for r in bench_articles(path=news) if r["id"] in missing}
        unknown = missing - set(records)
        if unknown:
            sys.exit(f"{news}: no article with id {sorted(unknown)}")
        before = Pipeline.build([n for n in DEFAULT_PIPELINE if n != "parley_meetings"])
        docs = [Document.from_text(r["text"], published=record_date(r.get("date")), source_id=i,
                                   title=r.get("title"), outlet=r.get("outlet")) for i, r in records.items()]
        for doc in before.pipe(docs):
            cached[doc.source_id] = doc
            keep_document(cache, doc)
    return [cached[i] for i in ids]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def dates_match(found: dict, ref: dict) -> bool:
    """Start and end (where found) within a day of the reference interval."""
    start, end = _day(found.get("start")), _day(found.get("end"))
    r0, r1 = _day(str(ref["start"])), _day(str(ref.get("end") or ref["start"]))
    if not (start or end):
        return False
    lo, hi = r0 - timedelta(days=1), r1 + timedelta(days=1)
    return all(lo <= d <= hi for d in (start, end) if d)


def venue_match(found: dict, ref: dict) -> bool:
    """The found venue is the reference venue or one of its other names."""
    names = {str(ref["venue"]).lower(), *(v.lower() for v in ref.get("venue_names", []))}
    return str(found.get("venue") or "").lower() in names


def evaluate(dev: dict, result: dict) -> dict:
    """Score the merged meetings and processes of ``result`` against the reference table."""
    refs = dev["meetings"]
    reports: dict[str, set[str]] = {}          # article -> reference meetings it reports
    for ref in refs:
        for a in ref["articles"] + ref.get("mentions", []):
            reports.setdefault(a, set()).add(ref["ref_id"])
    track_of = {r["ref_id"]: r["track"] for r in refs}
    confusable = {c["id"] for c in dev.get("confusables", [])}
    found = [m for m in result["meetings"] if m.get("kind") != "side"]
    process_of = {m["id"]: m.get("process") for m in found}

    def sources(m: dict) -> set[str]:
        return {s["doc_id"] for s in m["sources"]}

    rows, match = [], {}
    for ref in refs:
        own = set(ref["articles"])
        # the found meeting that shares most of its articles, then agrees on dates, then on venue
        best = max(found, key=lambda m: (len(sources(m) & own), dates_match(m, ref), venue_match(m, ref),
                                         -len(sources(m) - own)), default=None)
        if best is None or not sources(best) & own:
            rows.append({"ref": ref["ref_id"], "found": None, "clean": False})
            continue
        match[ref["ref_id"]] = best
        srcs = sources(best)
        clean_sources = all(ref["ref_id"] in reports.get(s, set()) for s in srcs) and len(srcs & own) * 2 >= len(own)
        ok = dates_match(best, ref) and venue_match(best, ref) and clean_sources
        rows.append({"ref": ref["ref_id"], "found": best["id"], "process": best.get("process"), "clean": ok,
                     "dates": dates_match(best, ref), "venue": venue_match(best, ref), "sources_ok": clean_sources,
                     "got": [best.get("start"), best.get("end"), best.get("venue"), sorted(srcs)],
                     "want": [str(ref["start"]), str(ref.get("end") or ref["start"]), ref["venue"], sorted(own)]})
    pairs = grouped = 0
    for track in dev["tracks"]:
        ids = [f"{track['id']}/{m['id']}" for m in track["meetings"]]
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                pairs += 1
                ma, mb = match.get(a), match.get(b)
                if ma and mb and ma is not mb and process_of.get(ma["id"]) and \
                        process_of[ma["id"]] == process_of.get(mb["id"]):
                    grouped += 1
    tracks_by_process: dict[str, set[str]] = {}
    for ref_id, m in match.items():
        if m.get("process"):
            tracks_by_process.setdefault(m["process"], set()).add(track_of[ref_id])
    merges = [{"process": p, "tracks": sorted(t)} for p, t in tracks_by_process.items() if len(t) > 1]
    mixed = []
    for m in found:
        tracks = {track_of[r] for s in sources(m) for r in reports.get(s, set())}
        if len(tracks) > 1 and all(reports.get(s) for s in sources(m)):
            told = [{track_of[r] for r in reports[s]} for s in sources(m)]
            if not set.intersection(*told):
                mixed.append({"meeting": m["id"], "tracks": sorted(tracks)})
    unrelated = [{"meeting": m["id"], "sources": sorted(sources(m))} for m in found
                 if sources(m) and sources(m) <= confusable]
    n = len(refs)
    return {
        "reference_meetings": n, "tracks": len(dev["tracks"]),
        "clean": round(sum(r["clean"] for r in rows) / n, 3) if n else None,
        "clean_count": sum(r["clean"] for r in rows),
        "found_with_own_article": sum(1 for r in rows if r["found"]),
        "pairs": pairs, "pairs_grouped": grouped, "pairs_share": round(grouped / pairs, 3) if pairs else None,
        "cross_track_merges": sum(len(x["tracks"]) - 1 for x in merges) + len(mixed),
        "cross_track_processes": merges, "mixed_meetings": mixed,
        "unrelated_meetings": len(unrelated), "unrelated": unrelated,
        "meetings_found": len(found), "processes_found": len(result["processes"]),
        "rows": rows,
    }


# the counts of a report: what may be read of a part scored without looking at its meetings
FIGURES = ("part", "articles", "reference_meetings", "tracks", "clean_count", "found_with_own_article", "pairs",
           "pairs_grouped", "cross_track_merges", "unrelated_meetings", "meetings_found", "processes_found")


def figures(report: dict) -> dict:
    """The counts of ``report`` alone, without its rows, meeting ids or article ids: a part held back
    to confirm a change (split-half validation) is scored with these only."""
    return {k: report[k] for k in FIGURES if k in report}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", help="the benchmark news (JSON Lines, gzipped)")
    parser.add_argument("--cache", type=Path, help="a directory to keep processed documents in")
    parser.add_argument("--show", action="store_true", help="print every reference row and found meeting")
    parser.add_argument("--no-report", action="store_true", help="do not write bench/reports/process_eval.json")
    parser.add_argument("--figures", action="store_true", help="print the counts only (no rows, meeting or article "
                        "ids) and write no report: for a part kept to confirm changes, whose meetings are not read")
    parser.add_argument("--holdout", action="store_true", help="score the held-out part only (the first held-out "
                        "set in the table; a later one, written ahead, only with --set NAME)")
    parser.add_argument("--set", dest="only_set", help="score the tracks of one set only (dev1: the first "
                        "dev tracks, dev2: those added in the third session, dev3: those added in the fourth, "
                        "dev4: in the sixth, dev5: the first held-out tracks, dev6: the second (holdout2 until "
                        "the fifteenth session), dev7: the third (holdout3, scored once and made a dev part in "
                        "the fifteenth), dev8: the fourth (holdout4, scored once and made a dev part in the "
                        "sixteenth), dev9: the fifth (holdout5, scored once and made a dev part in the seventeenth), "
                        "dev10: the sixth (holdout6, scored once and made a dev part in the eighteenth), "
                        "dev11: the seventh (holdout7, scored once and made a dev part in the nineteenth), "
                        "dev12: the eighth (holdout8, scored once and made a dev part in the twentieth), "
                        "dev13: the ninth (holdout9, scored once and made a dev part in the twenty-first), "
                        "dev14: the tenth (holdout10, scored once and made a dev part in the twenty-second), "
                        "holdout11: the held-out part, to be scored once)")
    args = parser.parse_args()

    from parley.process import build_processes, make_meetings

    dev = load_devset(holdout=args.holdout, only_set=args.only_set)
    if args.holdout and args.only_set is None and dev["part"] is None:
        sys.exit(f"no held-out part in {DEVSET}: no track is marked 'holdout: true'; "
                 "score a dev part with --set NAME, or write a new held-out part first")
    if not dev["tracks"]:
        sys.exit(f"no tracks in part {dev['part']!r} of {DEVSET}")
    ids = wanted_ids(dev)
    docs = processed_docs(ids, news_path(args.news), args.cache)
    component = make_meetings()
    for doc in docs:
        component(doc)
    result = build_processes([({"doc_id": d.source_id, "published": d.published, "title": d.title},
                               d.meetings) for d in docs])
    report = evaluate(dev, result)
    report["articles"] = len(docs)
    report["part"] = dev["part"]
    if args.figures:
        print(json.dumps(figures(report)))
        return
    if args.show:
        for row in report["rows"]:
            print(json.dumps(row))
        for m in result["meetings"]:
            print(m["id"], m.get("process"), m.get("ordinal"), m.get("start"), m.get("end"), m.get("venue"),
                  m.get("status"), sorted(s["doc_id"] for s in m["sources"]))
        for p in result["processes"]:
            print("PROCESS", p["id"], p.get("name"), len(p["meetings"]))
    if args.no_report:
        print(json.dumps({k: v for k, v in report.items() if k != "rows"}, indent=1))
    else:
        write_report("process_eval" if dev["part"] == "dev" else f"process_eval_{dev['part']}", report)


if __name__ == "__main__":
    main()
