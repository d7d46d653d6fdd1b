"""Server-drawn pictures: the events chart adds up, its links filter what they show, map marks
sit where their coordinates say, and the world outline is Natural Earth converted faithfully."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from parley.convert.world import TopologyError, convert, world_svg
from parley.web.charts import event_chart, place_map, project

REPO = Path(__file__).resolve().parents[1]
WORLD_ATLAS = REPO / "tests" / "browser" / "node_modules" / "world-atlas" / "countries-110m.json"


def test_chart_stacks_months_by_class_and_links_each_segment():
    counts = [{"period": "2017-01-01", "event_type": "CONSULT", "n": 3},
              {"period": "2017-01-01", "event_type": "AGREE", "n": 2},
              {"period": "2017-01-01", "event_type": "ASSAULT", "n": 4},
              {"period": "2017-03-01", "event_type": "ACCUSE", "n": 1},
              {"period": None, "event_type": "CONSULT", "n": 5}]
    chart = event_chart(counts, {"actor": "TUR"})
    assert [b["label"] for b in chart["bars"]] == ["2017-01", "2017-02", "2017-03"]
    january = chart["bars"][0]
    assert {s["quad"]: s["n"] for s in january["segments"]} == {"verbal-cooperation": 5, "material-conflict": 4}
    assert chart["max"] == 9 and chart["undated"] == 5 and chart["bars"][1]["segments"] == []
    # segments stack from the baseline up to the top of the chart for the tallest bar
    assert january["segments"][0]["y"] + january["segments"][0]["height"] == pytest.approx(160)
    assert january["segments"][-1]["y"] == pytest.approx(0)
    query = parse_qs(urlparse(january["segments"][1]["href"]).query)
    assert query == {"actor": ["TUR"], "quad": ["material-conflict"], "since": ["2017-01-01"],
                     "until": ["2017-01-31"]}
    assert [r["total"] for r in chart["rows"]] == [9, 1]


def test_chart_uses_years_past_ten_years_of_months():
    counts = [{"period": date(2001, 5, 1), "event_type": "AID", "n": 1},
              {"period": date(2013, 2, 1), "event_type": "REJECT", "n": 2}]
    chart = event_chart(counts, {"process": "x"})
    assert chart["yearly"] and len(chart["bars"]) == 13
    assert chart["bars"][-1]["until"] == "2013-12-31"
    assert event_chart([], {})["bars"] == []


def test_map_places_marks_at_their_coordinates_and_frames_them():
    places = [{"geonameid": 1526273, "place": "Astana", "country": "KAZ", "lat": 51.18, "lon": 71.45,
               "events": 8, "types": {"CONSULT": 8}},
              {"geonameid": 170654, "place": "Damascus", "country": "SYR", "lat": 33.51, "lon": 36.29,
               "events": 2, "types": {"ASSAULT": 2}},
              {"geonameid": 1, "place": "nowhere", "lat": None, "lon": None, "events": 1}]
    drawn = place_map(places, {"process": "astana"})
    assert [m["name"] for m in drawn["marks"]] == ["Astana", "Damascus"]
    assert (drawn["marks"][0]["x"], drawn["marks"][0]["y"]) == project(51.18, 71.45) == (251.45, 38.82)
    assert drawn["marks"][0]["r"] > drawn["marks"][1]["r"]
    x, y, w, h = map(float, drawn["view"].split())
    assert w == 2 * h and all(x <= m["x"] <= x + w and y <= m["y"] <= y + h for m in drawn["marks"])
    assert parse_qs(urlparse(drawn["marks"][1]["href"]).query) == {"process": ["astana"], "place": ["170654"]}
    assert place_map([], {})["view"] == "0 0 360 180"


def test_world_outline_decodes_topojson_arcs():
    # one square country from two arcs, the second used backwards; quantized on a 10-degree grid
    topology = {"type": "Topology", "transform": {"scale": [10, 10], "translate": [-180, -90]},
                "arcs": [[[0, 0], [1, 0], [0, 1]], [[0, 0], [0, 1], [1, 0]]],
                "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "arcs": [[0, ~1]], "id": "999", "properties": {"name": "A & B"}}]}}}
    svg = world_svg(topology)
    assert 'data-name="A &amp; B"' in svg and 'd="M0 180L10 180L10 170L0 170L0 180Z"' in svg
    with pytest.raises(TopologyError):
        world_svg({"type": "Topology", "arcs": [], "objects": {}})


def test_world_outline_committed_is_natural_earth_as_converted(tmp_path):
    if not WORLD_ATLAS.exists():
        pytest.skip("world-atlas is not installed (make browser)")
    target = tmp_path / "world.svg"
    assert convert(WORLD_ATLAS, target) > 170
    assert target.read_text(encoding="utf-8") == (REPO / "parley" / "web" / "static" / "world-110m.svg").read_text(
        encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"type": "Topology"}), encoding="utf-8")
    with pytest.raises(TopologyError, match="bad.json"):
        convert(bad, tmp_path / "x.svg")


def test_chart_counts_stray_dates_beside_the_bars_not_as_bars():
    """A few events dated centuries away (a history paragraph) are counted in 'earlier' and
    'later' rows with their own links, not drawn as hundreds of empty yearly bars."""
    counts = [{"period": date(1648, 10, 1), "event_type": "AGREE", "n": 1},
              {"period": date(1919, 6, 1), "quad": "material-conflict", "n": 2},
              {"period": date(2090, 1, 1), "event_type": "CONSULT", "n": 1}]
    counts += [{"period": date(2012 + k // 12, k % 12 + 1, 1), "event_type": "CONSULT", "n": 3} for k in range(108)]
    chart = event_chart(counts, {"actor": "USA"})
    # nine years of months are drawn month by month, from the first to the last of them
    assert not chart["yearly"] and len(chart["bars"]) == 108
    assert (chart["bars"][0]["label"], chart["bars"][-1]["label"]) == ("2012-01", "2020-12")
    assert chart["earlier"]["total"] == 3 and chart["earlier"]["material-conflict"] == 2
    assert chart["later"]["total"] == 1 and chart["later"]["verbal-cooperation"] == 1
    assert parse_qs(urlparse(chart["earlier"]["href"]).query) == {"actor": ["USA"], "until": ["2011-12-31"]}
    assert parse_qs(urlparse(chart["later"]["href"]).query) == {"actor": ["USA"], "since": ["2021-01-01"]}
    drawn = sum(r["total"] for r in chart["rows"])
    assert drawn + chart["earlier"]["total"] + chart["later"]["total"] == sum(c["n"] for c in counts)
    # a small actor keeps every event drawn: one percent of a handful is no event
    few = event_chart(counts[1:2] + counts[3:5], {"actor": "X"})
    assert few["earlier"] is None and few["later"] is None
    assert [few["bars"][0]["label"], few["bars"][-1]["label"], len(few["bars"])] == ["1919", "2012", 94]


def test_chart_draws_at_most_max_bars_years():
    from parley.web.charts import MAX_BARS

    # events every other year for 220 years, the first and last years too busy to be stray
    counts = [{"period": date(1800 + k, 1, 1), "event_type": "CONSULT", "n": 5 if k in (0, 218) else 1}
              for k in range(0, 220, 2)]
    chart = event_chart(counts, {})
    assert len(chart["bars"]) == MAX_BARS and chart["bars"][-1]["label"] == "2018"
    assert chart["earlier"]["total"] == sum(c["n"] for c in counts if c["period"].year < 2018 - MAX_BARS + 1)
