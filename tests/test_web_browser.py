"""The web app in a real headless Chromium (Debian ``chromium``) driven by Playwright.

``parley serve`` runs in a subprocess on a free port over the web test database; the Node
script ``tests/browser/check_web.mjs`` clicks through the pages and prints a JSON report that
the test checks against the JSON twins of the same pages. Screenshots land in
``tests/browser/screenshots/``. Needs ``make browser`` (Chromium and playwright-core).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import httpx
import pytest
from conftest import REPO
from test_web_fixtures import XSS_ID, served_app, web_database

from parley.codebooks import PLOVER_QUAD

BROWSER_DIR = REPO / "tests" / "browser"
SCREENSHOTS = BROWSER_DIR / "screenshots"
CHROMIUM = os.environ.get("PARLEY_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def served():
    """``parley serve`` on the web test database, on a free port; yields ``(base_url, db_path)``."""
    db_path = web_database()
    with served_app(db_path) as (_, base):
        yield base, db_path


def _require_browser() -> None:
    missing = [what for what, ok in (("Debian chromium at " + CHROMIUM, os.path.exists(CHROMIUM)),
                                     ("node", shutil.which("node") is not None),
                                     ("playwright-core", (BROWSER_DIR / "node_modules" / "playwright-core").is_dir()))
               if not ok]
    if missing:
        pytest.fail(f"the browser test needs {', '.join(missing)}: run `make browser`", pytrace=False)


@pytest.fixture(scope="module")
def report(served):
    """Run the Playwright script once against the server and return its JSON report by step."""
    _require_browser()
    base, _ = served
    events = httpx.get(f"{base}/events.json", timeout=30).json()["events"]
    event_type = max({e["event_type"] for e in events}, key=lambda t: sum(e["event_type"] == t for e in events))
    process = httpx.get(f"{base}/processes.json", timeout=30).json()["processes"][0]["id"]
    SCREENSHOTS.mkdir(exist_ok=True)
    config = {"base": base, "out": str(SCREENSHOTS), "process": process, "event_type": event_type,
              "xss_doc": XSS_ID, "chromium": CHROMIUM}
    run = subprocess.run(["node", str(BROWSER_DIR / "check_web.mjs"), json.dumps(config)], cwd=BROWSER_DIR,
                         capture_output=True, text=True, timeout=180)
    assert run.stdout.strip(), f"no report from the browser script: {run.stderr[-3000:]}"
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert "error" not in result, result["error"]
    assert result["page_errors"] == [] and result["dialogs"] == []
    assert not [e for e in result["console_errors"] if "Content Security Policy" in e], result["console_errors"]
    return {"base": base, "process_id": process, "event_type": event_type,
            **{s["name"]: s for s in result["steps"]}}


def test_web_browser_timeline_shows_every_meeting(report):
    data = httpx.get(f"{report['base']}/processes/{report['process_id']}.json").json()
    dated = [m["id"] for m in data["timeline"] if m["start"]]
    assert [m["id"] for m in report["process"]["marks"]] == dated and dated
    assert all(m["width"] > 0 and m["status"] for m in report["process"]["marks"])
    assert report["process"]["meetings"] == [m["id"] for m in data["meetings"]]


def test_web_browser_clicks_through_meeting_and_actor(report):
    meeting = report["meeting"]
    assert meeting["url"].endswith(f"/meetings/{report['process']['marks'][0]['id']}")
    assert {"fact-start", "fact-venue", "fact-participants"} <= set(meeting["facts"])
    data = httpx.get(f"{report['base']}/meetings/{meeting['id']}.json").json()
    assert meeting["quotes"] == sum(min(4, len(f["evidence"])) for f in data["facts"])
    actor = report["actor"]
    assert actor["url"].endswith(actor["href"]) and "Not found" not in actor["heading"]
    page = httpx.get(f"{report['base']}{actor['href']}.json").json()
    assert actor["nodes"] == (len(page["network"]["nodes"]) if len(page["network"]["nodes"]) > 1 else 0)
    # one bar segment per month and class with events; together they are the actor's dated events
    dated = [e for e in httpx.get(f"{report['base']}/events.json", params={"actor": page["actor"]["id"],
                                                                          "limit": 100_000}).json()["events"]
             if e["date_start"]]
    assert actor["bars"] and sum(b["n"] for b in actor["bars"]) == len(dated)
    assert all(b["height"] > 0 for b in actor["bars"])


QUAD_NUMBERS = {"verbal-cooperation": 1, "material-cooperation": 2, "verbal-conflict": 3, "material-conflict": 4}


@pytest.mark.parametrize("step,key", [("actor_chart_click", "actor"), ("process_chart_click", "process")])
def test_web_browser_chart_bar_leads_to_its_events(report, step, key):
    """A click on a bar segment of the actor's or the process's chart opens the events of that
    actor or process in that PLOVER class, as many as the segment counts."""
    click = report[step]
    wanted = f"process={report['process_id']}" if key == "process" else "actor="
    assert wanted in click["url"] and f"quad={click['quad']}" in click["url"]
    assert len(click["types"]) == click["n"] and click["n"] >= 1
    assert {PLOVER_QUAD[t] for t in click["types"]} == {QUAD_NUMBERS[click["quad"]]}


def test_web_browser_maps_draw_places_and_lead_to_their_events(report):
    events_map = report["events_map"]
    places = httpx.get(f"{report['base']}/events.json").json()["places"]
    assert events_map["world"] > 0 and events_map["marks"]
    assert [m["geonameid"] for m in events_map["marks"]] == [str(p["geonameid"]) for p in places if p["lat"] is not None]
    assert all(m["r"] > 0 for m in events_map["marks"])
    assert f"place={events_map['geonameid']}" in events_map["url"]
    expected = next(m["events"] for m in events_map["marks"] if m["geonameid"] == events_map["geonameid"])
    assert events_map["rows"] == [events_map["geonameid"]] * expected
    process = report["process"]
    data = httpx.get(f"{report['base']}/processes/{report['process_id']}.json").json()
    assert process["bars"] == sum(len(b["segments"]) for b in data["chart"]["bars"]) > 0
    assert process["places"] == len(data["map"]["marks"]) > 0 and process["venues"] == len(data["map"]["venues"])
    click = report["process_map_click"]
    assert f"process={report['process_id']}" in click["url"] and f"place={click['geonameid']}" in click["url"]
    assert click["rows"] == [click["geonameid"]] * click["expected"]


def test_web_browser_events_filter_and_evidence_highlight(report):
    events = report["events"]
    expected = httpx.get(f"{report['base']}/events.json", params={"type": report["event_type"]}).json()["events"]
    assert events["types"] == [report["event_type"]] * len(expected) and expected
    assert events["before"] >= len(expected)
    assert 1 <= events["visible"] == events["shown"] <= len(expected)
    evidence = report["evidence"]
    assert evidence["targeted"]["text"].strip() == evidence["quoted"].strip()
    assert evidence["targeted"]["background"] == "rgb(255, 213, 79)" and evidence["targeted"]["inView"]


def test_web_browser_article_script_does_not_run(report):
    xss = report["xss"]
    assert xss["xss"] is None and xss["images"] == 0 and xss["javascript_links"] == 0
    assert xss["scripts"] == [f"{report['base']}/-/static/parley.js"]
    assert "<script>" in xss["text"] and "<img" in xss["title"]


def test_web_browser_claims_drawn_and_screenshots_saved(report):
    groups = httpx.get(f"{report['base']}/claims.json").json()["groups"]
    assert report["claims"]["groups"] == len(groups)
    assert report["claims"]["drawn"] == sum(len([c for c in g.get("claims") or []
                                                 if isinstance(c.get("low"), (int, float)) or
                                                 isinstance(c.get("high"), (int, float))])
                                            for g in groups if g.get("axis"))
    for name in ("process", "meeting", "actor", "events", "events-map", "document", "xss", "claims"):
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 5000
