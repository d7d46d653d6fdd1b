"""Pictures drawn on the server as SVG, from the summary tables: events over time by PLOVER
quad class (cooperation and conflict, verbal and material) and maps of where things happened.

Each builder returns plain data (coordinates, labels, links) that a Jinja macro in
``templates/_charts.html`` turns into SVG; every mark is a link to the events behind it, so
the pictures work without JavaScript. The map draws its marks over ``static/world-110m.svg``
(Natural Earth 1:110m, converted by :mod:`parley.convert.world`) in the same plate carrée
coordinates: no tile is fetched from anywhere.
"""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta
from urllib.parse import quote_plus, urlencode

from parley.codebooks import PLOVER_QUAD
from parley.store.browse import QUADS

CHART_WIDTH, CHART_HEIGHT, AXIS = 720, 160, 22
QUAD_LABELS = {"verbal-cooperation": "verbal cooperation", "material-cooperation": "material cooperation",
               "verbal-conflict": "verbal conflict", "material-conflict": "material conflict"}
MONTHS_PER_BAR_LIMIT = 120      # past ten years of months, one bar a year
MAX_BARS = 120                  # at most this many years drawn (the latest); earlier ones are counted
OUTLIER_SHARE = 0.01            # at most this share of the events left out at each end as stray dates


def _month(value) -> date | None:
    if value is None:
        return None
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return day.replace(day=1)


def _quad(event_type: str | None) -> str | None:
    return QUADS.get(PLOVER_QUAD.get(event_type or ""))


def _bin_span(start: date, yearly: bool) -> tuple[date, date]:
    if yearly:
        return date(start.year, 1, 1), date(start.year, 12, 31)
    return start, start.replace(day=calendar.monthrange(start.year, start.month)[1])


def _drawn_range(months: dict[date, int], outliers: float) -> tuple[date, date]:
    """The first and last month drawn: the dated months without the earliest and the latest
    ones that together hold at most ``outliers`` of the events on each side."""
    ordered = sorted(months)
    allowed = sum(months.values()) * outliers
    first, last, dropped = 0, len(ordered) - 1, 0
    while first < last and dropped + months[ordered[first]] <= allowed:
        dropped += months[ordered[first]]
        first += 1
    dropped = 0
    while last > first and dropped + months[ordered[last]] <= allowed:
        dropped += months[ordered[last]]
        last -= 1
    return ordered[first], ordered[last]


def _left_out(label: str, quads: dict[str, int], link: dict[str, str], since: date | None,
              until: date | None) -> dict:
    dates = {**({"since": since.isoformat()} if since else {}), **({"until": until.isoformat()} if until else {})}
    return {"period": label, **quads, "total": sum(quads.values()), "href": "/events?" + urlencode({**link, **dates})}


def event_chart(counts: list[dict], link: dict[str, str]) -> dict:
    """A stacked bar chart of events by period and quad class, with a link on every segment.

    The bars cover the months that hold nearly all the events: the earliest and the latest
    months that together hold at most :data:`OUTLIER_SHARE` of them on each side (dates read
    from a history paragraph, a treaty of 1648) are counted in an ``earlier`` and a ``later``
    row instead, so that a few stray dates neither squeeze the bars nor multiply them; and at
    most :data:`MAX_BARS` bars are drawn (the latest), by month up to ten years, else by year.

    :param counts: ``[{"period", "event_type" or "quad", "n"}]`` (months; ``period`` None when undated).
    :param link: the events-page filters every link carries, e.g. ``{"actor": "TUR"}``.
    :returns: ``{"width", "height", "bars": [{"label", "since", "until", "x", "width", "total",
        "segments": [{"quad", "n", "y", "height", "href"}]}], "ticks", "max", "undated",
        "earlier", "later", "rows"}``; ``rows`` is the same numbers as a table (one row a bar with
        events), ``earlier`` and ``later`` the rows of the events left out (or None).
    """
    by_month: dict[date, dict[str, int]] = {}
    undated = 0
    for c in counts:
        month = _month(c["period"])
        if month is None:
            undated += c["n"]
            continue
        quad = c.get("quad") or _quad(c.get("event_type"))
        if quad is not None:
            quads = by_month.setdefault(month, dict.fromkeys(QUAD_LABELS, 0))
            quads[quad] += c["n"]
    chart = {"width": CHART_WIDTH, "height": CHART_HEIGHT + AXIS, "bars": [], "ticks": [], "max": 0,
             "undated": undated, "earlier": None, "later": None, "rows": [], "quads": list(QUAD_LABELS.items()),
             "yearly": False}
    if not by_month:
        return chart
    first, last = _drawn_range({m: sum(q.values()) for m, q in by_month.items()}, OUTLIER_SHARE)
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    yearly = span > MONTHS_PER_BAR_LIMIT
    if yearly:
        keys = [date(y, 1, 1) for y in range(max(first.year, last.year - MAX_BARS + 1), last.year + 1)]
    else:
        keys = [date(first.year + (first.month - 1 + k) // 12, (first.month - 1 + k) % 12 + 1, 1)
                for k in range(span)]
    totals: dict[date, dict[str, int]] = {k: dict.fromkeys(QUAD_LABELS, 0) for k in keys}
    before, after = dict.fromkeys(QUAD_LABELS, 0), dict.fromkeys(QUAD_LABELS, 0)
    for month, quads in by_month.items():
        key = date(month.year, 1, 1) if yearly else month
        target = totals.get(key) or (before if key < keys[0] else after)
        for quad, n in quads.items():
            target[quad] += n
    peak = max((sum(v.values()) for v in totals.values()), default=0) or 1
    step = CHART_WIDTH / len(keys)
    # every segment's link is the page's filters then quad and dates, which need no quoting:
    # urlencode once (what urlencode of the whole dict gives, for links without those keys)
    shared = urlencode(link) if not {"quad", "since", "until"} & set(link) else None
    for i, key in enumerate(keys):
        since, until = _bin_span(key, yearly)
        label = str(key.year) if yearly else key.strftime("%Y-%m")
        y = float(CHART_HEIGHT)
        segments = []
        for quad, n in totals[key].items():
            if not n:
                continue
            height = CHART_HEIGHT * n / peak
            y -= height
            query = {"quad": quad, "since": since.isoformat(), "until": until.isoformat()}
            href = ("/events?" + "&".join(p for p in (shared, f"quad={quad}&since={query['since']}"
                                                       f"&until={query['until']}") if p)
                    if shared is not None else "/events?" + urlencode({**link, **query}))
            segments.append({"quad": quad, "n": n, "y": round(y, 2), "height": round(height, 2), "href": href})
        bar = {"label": label, "since": since.isoformat(), "until": until.isoformat(), "x": round(i * step, 2),
               "width": round(max(step - 1, 0.6), 2), "total": sum(totals[key].values()), "segments": segments}
        chart["bars"].append(bar)
        if bar["total"]:
            dates = f"since={bar['since']}&until={bar['until']}"
            chart["rows"].append({"period": label, **totals[key], "total": bar["total"],
                                  "href": "/events?" + ("&".join(p for p in (shared, dates) if p)
                                                        if shared is not None
                                                        else urlencode({**link, "since": bar["since"],
                                                                        "until": bar["until"]}))})
    drawn_since = _bin_span(keys[0], yearly)[0]
    drawn_until = _bin_span(keys[-1], yearly)[1]
    if sum(before.values()):
        chart["earlier"] = _left_out(f"before {chart['bars'][0]['label']}", before, link, None,
                                     drawn_since - timedelta(days=1))
    if sum(after.values()):
        chart["later"] = _left_out(f"after {chart['bars'][-1]['label']}", after, link,
                                   drawn_until + timedelta(days=1), None)
    every = max(1, math.ceil(len(keys) / 8))
    chart["ticks"] = [{"x": b["x"], "label": b["label"]} for b in chart["bars"][::every]]
    chart["max"] = peak
    chart["yearly"] = yearly
    return chart


def project(lat: float, lon: float) -> tuple[float, float]:
    """Plate carrée: a (latitude, longitude) as (x, y) in the world map's 360 by 180 box."""
    return round(lon + 180, 3), round(90 - lat, 3)


def _view(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """A 2:1 box around ``points`` with a margin, at least 60 by 30 degrees, inside the world."""
    if not points:
        return 0.0, 0.0, 360.0, 180.0
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    width = max(60.0, max(xs) - min(xs) + 30, 2 * (max(ys) - min(ys) + 20))
    width = min(width, 360.0)
    height = width / 2
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    x = min(max(cx - width / 2, 0.0), 360.0 - width)
    y = min(max(cy - height / 2, 0.0), 180.0 - height)
    return round(x, 2), round(y, 2), round(width, 2), round(height, 2)


def place_map(places: list[dict], link: dict[str, str], venues: list[dict] | None = None) -> dict:
    """A map of event places (circles sized by events) and meeting venues (diamonds).

    :param places: :func:`parley.store.browse.event_places` rows.
    :param link: the events-page filters every mark's link carries (all but ``place``, the mark's own).
    :param venues: ``[{"name", "lat", "lon", "meetings": [ids], "href"}]``, drawn on top.
    :returns: ``{"view": "x y w h", "marks": [...], "venues": [...], "radius"}``.
    """
    marks = []
    # the filters encoded once: every mark's link is them and its place
    prefix = "/events?" + (f"{urlencode(link)}&" if link else "") + "place="
    for place in places:
        if place.get("lat") is None or place.get("lon") is None:
            continue
        x, y = project(place["lat"], place["lon"])
        marks.append({"x": x, "y": y, "events": place["events"], "name": place.get("place") or str(place["geonameid"]),
                      "country": place.get("country"), "geonameid": place["geonameid"], "types": place.get("types"),
                      "href": prefix + quote_plus(str(place["geonameid"]))})
    drawn_venues = []
    for venue in venues or []:
        x, y = project(venue["lat"], venue["lon"])
        drawn_venues.append({**venue, "x": x, "y": y})
    view = _view([(m["x"], m["y"]) for m in marks] + [(v["x"], v["y"]) for v in drawn_venues])
    scale = view[2] / 360
    peak = max((m["events"] for m in marks), default=1)
    for mark in marks:
        mark["r"] = round(scale * (1.2 + 6 * math.sqrt(mark["events"] / peak)), 3)
    marks.sort(key=lambda m: -m["events"])      # the big ones first, so small ones stay clickable on top
    return {"view": " ".join(f"{v:g}" for v in view), "marks": marks, "venues": drawn_venues,
            "venue_size": round(scale * 4, 3), "stroke": round(scale * 0.4, 3)}
