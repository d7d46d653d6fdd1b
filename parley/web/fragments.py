"""HTML fragments that a page repeats for every row, written in Python instead of Jinja macros.

A Jinja macro call costs some ten microseconds before it writes anything; the events list
called one per actor of each of its hundred rows, and the map one per mark, which made the
HTML page cost about twice its JSON twin. These functions give the same markup as the macros
they replace (``actors`` of ``_macros.html``, the rows of ``place_map`` in ``_charts.html``),
every value escaped, and are registered as template filters by :mod:`parley.web.views`.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from markupsafe import Markup, escape


def actor_links(ids: Iterable[str] | None, names: Mapping[str, str] | None = None) -> Markup:
    """Actor ids as links to their pages, comma-separated; an id not among ``names`` as plain text.

    :param ids: actor ids (``None`` or empty gives nothing).
    :param names: id -> display name of the stored actors; ``None`` links every id by its id.
    """
    out = []
    for actor_id in ids or ():
        if not actor_id:
            out.append("")      # as the macro: an empty id writes nothing but keeps its comma
        elif names is None or actor_id in names:
            label = (names or {}).get(actor_id, actor_id)
            out.append(f'<a class="actor" href="/actors/{escape(actor_id)}">{escape(label)}</a>')
        else:
            out.append(f'<span class="actor unknown" title="not in the actors table">{escape(actor_id)}</span>')
    return Markup(", ".join(out))


def options(choices: Iterable[Mapping], selected: str | None = None, value: str = "id", label: str = "name") -> Markup:
    """``<option>`` elements for a filter's choices, the ``selected`` one marked.

    :param choices: dicts with the option's ``value`` and ``label`` keys.
    """
    out = []
    for choice in choices:
        key = choice.get(value)
        mark = " selected" if selected is not None and key == selected else ""
        out.append(f'<option value="{escape(key)}"{mark}>{escape(choice.get(label) or key)}</option>')
    return Markup("".join(out))


def map_marks(map_: Mapping) -> Markup:
    """The circles of :func:`parley.web.charts.place_map`'s marks, each a link to its events."""
    stroke = escape(map_.get("stroke"))
    out = []
    for m in map_.get("marks") or ():
        country = f" ({escape(m['country'])})" if m.get("country") else ""
        out.append(f'<a class="place" href="{escape(m["href"])}" data-geonameid="{escape(m["geonameid"])}" '
                   f'data-events="{escape(m["events"])}"><circle cx="{m["x"]}" cy="{m["y"]}" r="{m["r"]}" '
                   f'stroke-width="{stroke}"><title>{escape(m["name"])}{country}: {escape(m["events"])} event(s)'
                   f'</title></circle></a>\n    ')
    return Markup("".join(out))


def map_rows(map_: Mapping) -> Markup:
    """The rows of the table beside a map: place, country, latitude, longitude and events."""
    out = []
    for m in map_.get("marks") or ():
        out.append(f'<tr><td><a href="{escape(m["href"])}">{escape(m["name"])}</a></td>'
                   f'<td>{escape(m.get("country") or "")}</td><td>{90 - m["y"]:.2f}</td><td>{m["x"] - 180:.2f}</td>'
                   f'<td>{escape(m["events"])}</td></tr>')
    return Markup("".join(out))


def _escape(value) -> str:
    # markupsafe's escaping (the same five characters, the same entities), as plain string
    # replacements: a Markup object per piece cost more than the rest of a long document's text
    return (str(value).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def text_html(pieces: list[dict]) -> Markup:
    """A document's text with its highlights, in one pass over the pieces of
    :func:`parley.web.documents.segments`: the anchors where each piece starts, then the piece
    (a link or a span when highlighted).

    Written in Python: a template loop over the thousands of pieces of a long document cost
    more than everything else on its page. Every text and attribute is escaped.
    """
    out = []
    for piece in pieces:
        for anchor in piece["anchors"]:
            out.append(f'<a class="anchor" id="{_escape(anchor)}"></a>')
        if not piece["kinds"]:
            out.append(_escape(piece["text"]))
            continue
        tag = "a" if piece["href"] else "span"
        attributes = f' class="hl {_escape(" ".join(piece["kinds"]))}"'
        if piece["label"]:
            attributes += f' title="{_escape(piece["label"])}"'
        if piece["href"]:
            attributes += f' href="{_escape(piece["href"])}"'
        if piece["evidence"]:
            attributes += f' data-ev="{_escape(" ".join(str(e) for e in piece["evidence"]))}"'
        out.append(f"<{tag}{attributes}>{_escape(piece['text'])}</{tag}>")
    return Markup("".join(out))


def chart_bars(chart: Mapping) -> Markup:
    """The bars of :func:`parley.web.charts.event_chart` (each segment a link to its events), the
    markup of the loop in ``_charts.html`` that they replace: a frequent actor's chart has some
    two hundred segments of ten attributes each."""
    out = []
    for bar in chart.get("bars") or ():
        since, until, x, width, label = (_escape(bar["since"]), _escape(bar["until"]), _escape(bar["x"]),
                                         _escape(bar["width"]), _escape(bar["label"]))
        for s in bar["segments"]:
            quad, n = _escape(s["quad"]), _escape(s["n"])
            out.append(f'\n    <a class="bar" href="{_escape(s["href"])}" data-quad="{quad}" data-n="{n}" '
                       f'data-since="{since}" data-until="{until}"><rect class="q-{quad}" x="{x}" '
                       f'y="{_escape(s["y"])}" width="{width}" height="{_escape(s["height"])}"><title>{label}: '
                       f'{n} {_escape(str(s["quad"]).replace("-", " "))}</title></rect></a>\n    ')
    return Markup("".join(out))
