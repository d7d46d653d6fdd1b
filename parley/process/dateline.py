"""The city a report was filed from, read from its dateline ("GENEVA (AP) -", "LIMA, Peru --").

Kept apart from the meeting focus and the venue rules, which both read it, so that neither
module needs the other to find it.
"""

from __future__ import annotations

import re
from typing import Any

# what follows a dateline's city: ", Country --", " --", " (AP)"
DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.' ]{1,30})?\s*(?:[\u2014\u2013-]{1,2}\s|\()")


def report_dateline(ctx: Any) -> dict | None:
    """The city of the report's dateline: a city name followed by a dash or an agency in brackets,
    at the start of one of the first lines ("GENEVA (AP) -", "LIMA, Peru --", "Beijing (CNN)") or,
    in upper case, after a photo credit that runs into the story on the same line ("... (Photo:
    X, epa)  HANNOVER, Germany --")."""
    text = ctx.doc.text
    for place in ctx.doc.places:
        if place["char_start"] > 600:
            break
        name = text[place["char_start"]:place["char_end"]]
        # a dateline names a city: one the place index read as the province of the same name
        # ("BUENOS AIRES, Argentina --") is its city
        if place.get("feature") not in ("city", "province") or len(name) < 3 \
                or not DATELINE_AFTER.match(text, place["char_end"]):
            continue
        line_start = text.rfind("\n", 0, place["char_start"]) + 1
        at_line_start = not text[line_start:place["char_start"]].strip()
        after_credit = text[max(place["char_start"] - 3, 0):place["char_start"]].endswith(")  ")
        agency = text[place["char_end"]:place["char_end"] + 2].strip().startswith("(")   # "Beijing (CNN)"
        if place.get("feature") == "province" and not name.isupper():
            continue
        if (name.isupper() and (at_line_start or after_credit)) or (at_line_start and agency):
            return {**{k: place.get(k) for k in ("text", "char_start", "char_end", "sentence", "name", "geonameid",
                                                 "country", "lat", "lon")}, "feature": "city", "via": "dateline"}
    return None


def filed_from(ctx: Any) -> dict | None:
    """The place a report is filed from (its dateline), read once per document: a reporter who
    travels with a leader files from the place visited, so a visit the report names without a place
    ("during his visit") is to the dateline's city."""
    if "_dateline" not in ctx.__dict__:
        ctx.__dict__["_dateline"] = report_dateline(ctx)
    return ctx.__dict__["_dateline"]
