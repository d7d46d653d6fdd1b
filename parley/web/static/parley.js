/* parley's charts, hand-written SVG in plain JavaScript (no library, no network).
 *
 * Each chart is an element with data-chart="timeline|network|intervals"
 * (events over time and maps are drawn on the server: templates/_charts.html) and
 * data-source naming a <script type="application/json"> element that holds its data.
 * Text from articles is only ever set with textContent, never parsed as HTML.
 */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var STATUS_COLOURS = {held: "#2e7d32", planned: "#1565c0", postponed: "#ef6c00", cancelled: "#c62828"};
  var DAY = 86400000;

  function el(tag, attrs, parent, text) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined) { node.setAttribute(k, attrs[k]); }
    });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function title(node, text) { el("title", {}, node, text); }

  function day(iso) {
    if (!iso) { return null; }
    var t = Date.parse(String(iso).slice(0, 10) + "T00:00:00Z");
    return isNaN(t) ? null : t;
  }

  function scale(d0, d1, r0, r1) {
    var span = (d1 - d0) || 1;
    return function (v) { return r0 + (v - d0) / span * (r1 - r0); };
  }

  function niceStep(span, count) {
    var raw = span / Math.max(1, count), power = Math.pow(10, Math.floor(Math.log10(raw))), n = raw / power;
    return (n >= 5 ? 10 : n >= 2 ? 5 : n >= 1 ? 2 : 1) * power;
  }

  function dateTicks(t0, t1) {
    var ticks = [], y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
    if (y1 - y0 >= 2) {
      var step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
      for (var y = y0; y <= y1 + 1; y += step) { ticks.push({t: Date.UTC(y, 0, 1), label: String(y)}); }
    } else {
      var names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
      var d = new Date(t0), m = d.getUTCMonth(), yr = d.getUTCFullYear();
      var months = (y1 - yr) * 12 + new Date(t1).getUTCMonth() - m + 1, mstep = Math.max(1, Math.ceil(months / 12));
      for (var i = 0; i <= months; i += mstep) {
        var t = Date.UTC(yr, m + i, 1), dt = new Date(t);
        ticks.push({t: t, label: names[dt.getUTCMonth()] + " " + dt.getUTCFullYear()});
      }
    }
    return ticks.filter(function (k) { return k.t >= t0 && k.t <= t1; });
  }

  function axis(svg, x, ticks, y, width) {
    var g = el("g", {"class": "axis"}, svg);
    el("line", {x1: 0, x2: width, y1: y, y2: y}, g);
    ticks.forEach(function (k) {
      var tg = el("g", {"class": "tick"}, g);
      el("line", {x1: x(k.t), x2: x(k.t), y1: y, y2: y + 5}, tg);
      el("text", {x: x(k.t), y: y + 17, "text-anchor": "middle"}, tg, k.label);
    });
  }

  /* The process timeline: one mark per meeting, lanes to keep marks apart, host changes and decisions. */
  function timeline(node, data) {
    var marks = (data.marks || []).filter(function (m) { return day(m.start) !== null; });
    var decisions = (data.decisions || []).filter(function (d) { return day(d.date) !== null; });
    var width = Math.max(node.clientWidth || 900, 600), pad = 40, laneH = 46, top = 34;
    if (!marks.length) { node.textContent = "No dated meeting to draw."; return; }
    var times = marks.map(function (m) { return day(m.start); })
      .concat(marks.map(function (m) { return day(m.end) || day(m.start); }))
      .concat(decisions.map(function (d) { return day(d.date); }));
    var t0 = Math.min.apply(null, times), t1 = Math.max.apply(null, times);
    var margin = Math.max(20 * DAY, (t1 - t0) * 0.04);
    t0 -= margin; t1 += margin;
    var x = scale(t0, t1, pad, width - pad), laneEnds = [];
    marks.forEach(function (m) {
      var x0 = x(day(m.start)), lane = 0;
      while (laneEnds[lane] !== undefined && laneEnds[lane] > x0 - 6) { lane += 1; }
      laneEnds[lane] = Math.max(x(day(m.end) || day(m.start)), x0 + 10) + 64;
      m._lane = lane;
    });
    var lanes = laneEnds.length, axisY = top + lanes * laneH + 8, height = axisY + 44;
    var svg = el("svg", {width: width, height: height, viewBox: "0 0 " + width + " " + height,
                         role: "img", "aria-label": "Timeline of " + marks.length + " meetings"}, null);
    marks.forEach(function (m) {
      if (!m.host_changed) { return; }
      var hx = x(day(m.start)) - 3;
      el("line", {"class": "host-change", x1: hx, x2: hx, y1: 12, y2: axisY}, svg);
      el("text", {"class": "host-label", x: hx + 3, y: 10}, svg, "host: " + (m.host || "?"));
    });
    marks.forEach(function (m) {
      var x0 = x(day(m.start)), x1 = Math.max(x(day(m.end) || day(m.start)), x0 + 10);
      var y = top + m._lane * laneH, colour = STATUS_COLOURS[m.status] || "#757575";
      var g = el("g", {"class": "mark status-" + m.status, "data-id": m.id, "data-status": m.status,
                       tabindex: 0}, svg);
      var planned = m.status === "planned";
      el("rect", {x: x0, y: y, width: x1 - x0, height: 16, rx: 3, fill: planned ? "#fff" : colour,
                  stroke: colour, "stroke-width": 2, "stroke-dasharray": planned ? "3 2" : null}, g);
      el("text", {x: x0, y: y - 4, "font-weight": 600}, g, m.label);
      if (m.venue) { el("text", {x: x0, y: y + 29, fill: "#6b7280"}, g, m.venue); }
      title(g, [m.label, m.start + (m.end && m.end !== m.start ? " to " + m.end : ""), m.venue || "venue unknown",
                m.status, m.host ? "host " + m.host : "", m.sources + " source(s)"].filter(Boolean).join(" · "));
      g.addEventListener("click", function () { window.location.href = "/meetings/" + encodeURIComponent(m.id); });
      g.addEventListener("keydown", function (e) { if (e.key === "Enter") { window.location.href = "/meetings/" + encodeURIComponent(m.id); } });
    });
    decisions.forEach(function (d) {
      var dx = x(day(d.date)), s = 6;
      var p = el("path", {"class": "decision", d: "M" + dx + " " + (axisY - s) + " l" + s + " " + s + " l" + (-s) + " " + s +
                          " l" + (-s) + " " + (-s) + " z"}, svg);
      title(p, d.date + ": " + (d.text || d.decision || d.kind || "decision"));
    });
    axis(svg, x, dateTicks(t0, t1), axisY, width);
    node.appendChild(svg);
  }

  /* The actors one actor interacts with: the actor in the middle, the others on a circle. */
  function network(node, data) {
    var nodes = data.nodes || [], edges = data.edges || [];
    if (nodes.length < 2) { node.textContent = "No interaction recorded."; return; }
    var width = Math.max(node.clientWidth || 420, 320), height = 300, cx = width / 2, cy = height / 2;
    var r = Math.min(width, height) / 2 - 40, pos = {}, maxW = 1;
    edges.forEach(function (e) { maxW = Math.max(maxW, e.weight); });
    var others = nodes.filter(function (n) { return !n.center; });
    nodes.forEach(function (n) {
      if (n.center) { pos[n.id] = [cx, cy]; return; }
      var a = 2 * Math.PI * others.indexOf(n) / others.length - Math.PI / 2;
      pos[n.id] = [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    });
    var svg = el("svg", {width: width, height: height, role: "img", "aria-label": "Network of " + others.length + " actors"});
    edges.forEach(function (e) {
      var l = el("line", {x1: pos[e.source][0], y1: pos[e.source][1], x2: pos[e.target][0], y2: pos[e.target][1],
                          stroke: "#9aa3af", "stroke-width": 1 + 5 * e.weight / maxW}, svg);
      title(l, e.weight + " events: " + Object.keys(e.types).map(function (k) { return k + " " + e.types[k]; }).join(", "));
    });
    nodes.forEach(function (n) {
      var g = el("g", {"class": "mark node"}, svg), p = pos[n.id];
      el("circle", {cx: p[0], cy: p[1], r: n.center ? 12 : 8, fill: n.center ? "#1d2330" : "#2357a6"}, g);
      el("text", {x: p[0], y: p[1] - (n.center ? 16 : 12), "text-anchor": "middle"}, g, n.name);
      title(g, n.name + " (" + n.id + ")");
      if (!n.center) { g.addEventListener("click", function () { window.location.href = "/actors/" + encodeURIComponent(n.id); }); }
    });
    node.appendChild(svg);
  }

  function formatNumber(v) {
    var a = Math.abs(v);
    if (a >= 1e6) { return (v / 1e6).toFixed(a >= 1e7 ? 0 : 1) + "M"; }
    if (a >= 1e3) { return (v / 1e3).toFixed(a >= 1e4 ? 0 : 1) + "k"; }
    return String(Math.round(v * 100) / 100);
  }

  /* A group of claims about one quantity: each claim's interval on one shared axis. */
  function intervals(node, data) {
    var claims = (data.claims || []).filter(function (c) { return typeof c.low === "number" || typeof c.high === "number"; });
    if (!claims.length || !data.axis) { node.textContent = "No numeric value to draw."; return; }
    var width = Math.max(node.clientWidth || 700, 400), rowH = 26, left = 10, right = 220;
    var lo = Math.min(0, data.axis.min), hi = data.axis.max === lo ? lo + 1 : data.axis.max;
    var step = niceStep(hi - lo, 6), end = Math.ceil(hi / step) * step;
    var x = scale(lo, end, left + 10, width - right), height = claims.length * rowH + 40;
    var svg = el("svg", {width: width, height: height, role: "img", "aria-label": claims.length + " claims"});
    claims.forEach(function (c, i) {
      var low = typeof c.low === "number" ? c.low : c.high, high = typeof c.high === "number" ? c.high : c.low;
      var y = 14 + i * rowH, g = el("g", {"class": "mark claim"}, svg);
      if (high > low) {
        el("line", {x1: x(low), x2: x(high), y1: y, y2: y, stroke: "#8e24aa", "stroke-width": 8, "stroke-linecap": "round",
                    "stroke-opacity": 0.75}, g);
      } else {
        el("circle", {cx: x(low), cy: y, r: 6, fill: "#8e24aa"}, g);
      }
      el("text", {x: width - right + 10, y: y + 4}, g, (c.source || "unknown source") + (c.as_of ? " (" + c.as_of + ")" : ""));
      title(g, (c.text || "") + " → " + formatNumber(low) + (high > low ? "–" + formatNumber(high) : "") + " " + (c.unit || ""));
    });
    var ticks = [];
    for (var v = lo; v <= end + step / 2; v += step) { ticks.push({t: v, label: formatNumber(v)}); }
    axis(svg, x, ticks, height - 24, width - right + 5);
    node.appendChild(svg);
  }

  var CHARTS = {timeline: timeline, network: network, intervals: intervals};

  function drawCharts() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), function (node) {
      var source = document.getElementById(node.getAttribute("data-source"));
      var draw = CHARTS[node.getAttribute("data-chart")];
      if (!source || !draw) { return; }
      draw(node, JSON.parse(source.textContent));
    });
  }

  /* Events page: narrow the rows shown to those containing some text (the server filters the rest). */
  function quickFilter() {
    var input = document.getElementById("quick-filter"), table = document.getElementById("events-table");
    if (!input || !table) { return; }
    input.addEventListener("input", function () {
      var needle = input.value.toLowerCase(), shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var keep = !needle || row.textContent.toLowerCase().indexOf(needle) >= 0;
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      document.getElementById("event-count").textContent = String(shown);
    });
  }

  /* Document page: #ev-START highlights the whole evidence span that starts there. */
  function targetEvidence() {
    Array.prototype.forEach.call(document.querySelectorAll(".targeted"), function (n) { n.classList.remove("targeted"); });
    var match = /^#ev-(\d+)$/.exec(window.location.hash);
    if (!match) { return; }
    var pieces = document.querySelectorAll('[data-ev~="' + match[1] + '"]');
    Array.prototype.forEach.call(pieces, function (n) { n.classList.add("targeted"); });
    if (pieces.length) { pieces[0].scrollIntoView({block: "center"}); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    quickFilter();
    targetEvidence();
    window.addEventListener("hashchange", targetEvidence);
  });
}());
