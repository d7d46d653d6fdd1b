"""Benchmark: the meeting stage on a battery of short news reports written for it (issue 20).

Runs the real pipeline (every stage, the meeting stage last) on each report of
``tests/process_battery20_reports.py`` (session 20: visits, "hosted", "received", summits, numbered
rounds, ministers, sidelines, summonses, cancelled, postponed and planned meetings, relative dates,
venues named as a residence, a meeting named in a headline, armed groups and organisations, and
reports that tell no meeting) and prints, per construction class, the expected meetings, those
found, those found cleanly (dates, venue and parties right) and those found wrong, with the status
right and the meetings found beyond the expected ones; ``--failures`` prints each report that fails.
Writes ``bench/reports/process_battery20.json``.

Usage: ``PYTHONPATH=. python bench/process_battery20.py [--failures]``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conftest import meeting_reader  # noqa: E402
from tests.process_battery20_reports import REPORTS, REVISED_AFTER_RUN, judge, report_passes, told  # noqa: E402

OUT = Path(__file__).resolve().parent / "reports" / "process_battery20.json"


def main() -> None:
    """Read every battery report and print the counts per construction class."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="print each failing report")
    args = parser.parse_args()
    read = meeting_reader()
    counts: dict[str, Counter] = defaultdict(Counter)
    results = []
    for item in REPORTS:
        verdict = judge(item, told(read(item.text, item.published)))
        passed = report_passes(item, verdict)
        c = counts[item.construction]
        c["reports"] += 1
        c["passed"] += passed
        c["meetings"] += len(item.meetings)
        for row in verdict["rows"]:
            c["found"] += row["found"]
            c["clean"] += row["clean"]
            c["wrong"] += row["found"] and not row["clean"]
            c["status"] += row["status"]
            for check in ("dates", "venue", "parties"):
                c[f"{check}_wrong"] += row["found"] and not row[check]
        c["extra"] += len(verdict["extra"])
        results.append({"name": item.name, "construction": item.construction, "passed": passed,
                        "revised_after_run": REVISED_AFTER_RUN.get(item.name), **verdict})
        if args.failures and not passed:
            print(f"FAIL {item.construction:12s} {item.name}")
            for row in verdict["rows"]:
                print(f"     want {row['want']['start']} {row['want']['end']} {row['want']['venue']} "
                      f"{list(row['want']['parties'])} {row['want']['status']}\n     got  {row['got']}")
            for m in verdict["extra"]:
                print(f"     extra {m}")
    columns = ("reports", "meetings", "found", "clean", "wrong", "dates_wrong", "venue_wrong", "parties_wrong",
               "status", "extra", "passed")
    print(f"{'construction':13s}" + "".join(f"{c[:8]:>9s}" for c in columns))
    total: Counter = Counter()
    for construction, c in counts.items():
        total.update(c)
        print(f"{construction:13s}" + "".join(f"{c[k]:9d}" for k in columns))
    print(f"{'all':13s}" + "".join(f"{total[k]:9d}" for k in columns))
    revised = [r["name"] for r in results if r["revised_after_run"]]
    print(f"expectations revised after a run: {len(revised)} reports, "
          f"{sum(r['passed'] for r in results if r['revised_after_run'])} of them passed")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"by_construction": {k: dict(v) for k, v in counts.items()}, "total": dict(total),
                               "reports": results}, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"report written to {OUT.relative_to(OUT.parents[2])}")


if __name__ == "__main__":
    main()
