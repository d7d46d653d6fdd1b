"""HTML fragments that a page repeats for every row, written in Python instead of Jinja macros.

A Jinja macro call costs some ten microseconds before it writes anything; the events list
called one per actor of each of its hundred rows, and the map one per mark, which made the
HTML page cost about twice its JSON twin. These functions give the same markup as the macros
they replace (``actors`` of ``_macros.html``, the rows of ``place_map`` in ``_charts.html``),
every value escaped, and are registered as template filters by :mod:`parley.web.views`.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from markupsafe import Markup


def _escape(value) -> str:
    # markupsafe's escaping (the same five characters, the same entities), as plain string
    # replacements: a Markup object per piece cost more than the rest of a long document's text
    return (str(value).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


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
            out.append(f'<a class="actor" href="/actors/{_escape(actor_id)}">{_escape(label)}</a>')
        else:
            out.append(f'<span class="actor unknown" title="not in the actors table">{_escape(actor_id)}</span>')
    return Markup(", ".join(out))


def _dates(start, end) -> str:
    # the ``dates`` macro of _macros.html
    if start and end and end != start:
        return f"{_escape(start)} – {_escape(end)}"
    return _escape(start) if start else '<span class="muted">date unknown</span>'


def event_rows(events: Iterable[Mapping], names: Mapping[str, str] | None = None) -> Markup:
    """The rows of the events table (``events.html``): date, PLOVER type, CAMEO code, modality,
    actors, recipients, place, mentions and a link to the evidence, every value escaped.

    :param events: rows of :func:`parley.store.browse.events_page` with their ``cameo_name``.
    :param names: id -> display name of the stored actors the rows link to.
    """
    out = []
    for e in events:
        place = e.get("geonameid")
        country = f" <small>{_escape(e['place_country'])}</small>" if e.get("place_country") else ""
        out.append(
            f'\n<tr data-type="{_escape(e.get("event_type"))}" data-modality="{_escape(e.get("modality"))}" '
            f'data-place="{"" if place is None else _escape(place)}">\n'
            f'  <td>{_dates(e.get("date_start"), e.get("date_end"))}</td>\n'
            f'  <td class="type">{_escape(e.get("event_type"))}</td>\n'
            f'  <td><span title="{_escape(e.get("cameo_name") or "")}">{_escape(e.get("cameo") or "")}</span></td>\n'
            f'  <td>{_escape(e.get("modality") or "")}</td>\n'
            f'  <td>{actor_links(e.get("actor_ids"), names)}</td>'
            f'<td>{actor_links(e.get("recipient_ids"), names)}</td>\n'
            f'  <td>{_escape(e.get("place") or "")}{country}</td>\n'
            f'  <td>{_escape(e.get("n_mentions") or "")}</td>\n'
            f'  <td><a class="evidence-link" href="/events/{_escape(e.get("id"))}">evidence</a></td>\n'
            f'</tr>\n')
    return Markup("".join(out))


def actor_event_rows(events: Iterable[Mapping], names: Mapping[str, str] | None = None) -> Markup:
    """The rows of an actor page's events table (``actor.html``): dates linking to the event,
    the side the actor was on, PLOVER type, CAMEO code, modality, actors and recipients.

    :param events: rows of :func:`parley.store.browse.actor_overview`'s ``events``.
    :param names: id -> display name of the stored actors the rows link to.
    """
    return Markup("".join(
        f'\n<tr><td><a href="/events/{_escape(e.get("id"))}">{_dates(e.get("date_start"), e.get("date_end"))}</a></td>'
        f'<td>{_escape(e.get("as"))}</td><td>{_escape(e.get("event_type"))}</td>\n'
        f'    <td>{_escape(e.get("cameo") or "")}</td><td>{_escape(e.get("modality") or "")}</td>'
        f'<td>{actor_links(e.get("actor_ids"), names)}</td><td>{actor_links(e.get("recipient_ids"), names)}</td></tr>\n'
        for e in events))


def mention_items(mentions: Iterable[Mapping]) -> Markup:
    """The items of an actor page's list of mentions: date, document link, and the sentence
    linking to its place in the document (the mention's text when no sentence is stored)."""
    out = []
    for m in mentions:
        doc_id, sentence = _escape(m.get("doc_id")), m.get("sentence_idx")
        at = "" if sentence is None else f"?sentence={_escape(sentence)}#s-{_escape(sentence)}"
        out.append(f'\n<li><span class="date">{_escape(m.get("published") or "")}</span> '
                   f'<a class="doc" href="/documents/{doc_id}">{_escape(m.get("title") or m.get("doc_id"))}</a>: '
                   f'<a href="/documents/{doc_id}{at}"><q>{_escape(m.get("sentence") or m.get("text"))}</q></a></li>\n')
    return Markup("".join(out))


class ByIdentity:
    """Values computed from an object that the web app keeps per database state (a filter's
    choices, the map of every event), kept by the object's identity: the same list object
    while the state lasts gives the same markup without computing it again.

    The object is kept with its value, so that its id cannot name another object meanwhile;
    callers must not modify the object or the value.
    """

    def __init__(self, size: int = 32):
        self._kept: dict[tuple, tuple[object, object]] = {}
        self._size = size

    def get(self, source: object, extra: tuple, compute):
        """``compute()``'s value for ``source`` (and the hashable ``extra``), computed once."""
        key = (id(source), extra)
        found = self._kept.get(key)
        if found is not None and found[0] is source:
            return found[1]
        value = compute()
        if len(self._kept) >= self._size:
            self._kept.clear()
        self._kept[key] = (source, value)
        return value


# escaping a few hundred names again for every page cost more than the page's table of events;
# maps apart, so that the maps of filtered pages (a new one each) do not push the choices out
_RENDERED, _MAP_MARKUP = ByIdentity(), ByIdentity()


def options(choices: Iterable[Mapping], selected: str | None = None, value: str = "id", label: str = "name") -> Markup:
    """``<option>`` elements for a filter's choices, the ``selected`` one marked.

    :param choices: dicts with the option's ``value`` and ``label`` keys (a list that is not
        modified afterwards: the markup of the same list object is reused).
    """
    return _RENDERED.get(choices, ("options", selected, value, label),
                         lambda: _options(choices, selected, value, label))


def _options(choices: Iterable[Mapping], selected: str | None, value: str, label: str) -> Markup:
    out = []
    for choice in choices:
        key = choice.get(value)
        mark = " selected" if selected is not None and key == selected else ""
        out.append(f'<option value="{_escape(key)}"{mark}>{_escape(choice.get(label) or key)}</option>')
    return Markup("".join(out))


def map_marks(map_: Mapping) -> Markup:
    """The circles of :func:`parley.web.charts.place_map`'s marks, each a link to its events
    (the markup of a map kept per database state is reused)."""
    return _MAP_MARKUP.get(map_, ("marks",), lambda: _map_marks(map_))


def _map_marks(map_: Mapping) -> Markup:
    stroke = _escape(map_.get("stroke"))
    out = []
    for m in map_.get("marks") or ():
        country = f" ({_escape(m['country'])})" if m.get("country") else ""
        out.append(f'<a class="place" href="{_escape(m["href"])}" data-geonameid="{_escape(m["geonameid"])}" '
                   f'data-events="{_escape(m["events"])}"><circle cx="{m["x"]}" cy="{m["y"]}" r="{m["r"]}" '
                   f'stroke-width="{stroke}"><title>{_escape(m["name"])}{country}: {_escape(m["events"])} event(s)'
                   f'</title></circle></a>\n    ')
    return Markup("".join(out))


def map_rows(map_: Mapping) -> Markup:
    """The rows of the table beside a map: place, country, latitude, longitude and events
    (the markup of a map kept per database state is reused)."""
    return _MAP_MARKUP.get(map_, ("rows",), lambda: _map_rows(map_))


def _map_rows(map_: Mapping) -> Markup:
    out = []
    for m in map_.get("marks") or ():
        out.append(f'<tr><td><a href="{_escape(m["href"])}">{_escape(m["name"])}</a></td>'
                   f'<td>{_escape(m.get("country") or "")}</td><td>{90 - m["y"]:.2f}</td><td>{m["x"] - 180:.2f}</td>'
                   f'<td>{_escape(m["events"])}</td></tr>')
    return Markup("".join(out))


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
