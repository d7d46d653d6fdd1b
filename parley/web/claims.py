"""The claims page: numeric claims grouped by quantity, drawn as intervals, disputed ones first."""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Query

from parley.api import Database
from parley.store.browse import BadCursor
from parley.web.views import invalid, page

router = APIRouter()
# A page shows at most PAGE_SIZE x MAX_CLAIMS claims: a large corpus repeats a quantity's claims
# in many articles and compares claims about more quantities (31 claims in 8 groups at 1,000
# articles, 389 in 24 at 10,000, where a page of 10 groups of up to 25 claims showed 164; now 46)
MAX_CLAIMS = 10     # claims drawn per group
PAGE_SIZE = 5       # groups a page shows


def axis(claims: list[dict]) -> dict | None:
    """The common axis of one group's claims: the lowest and highest values, or None if none is numeric.

    :param claims: ``[{"low", "high", ...}]``.
    """
    values = [v for c in claims for v in (c.get("low"), c.get("high")) if isinstance(v, (int, float))]
    return {"min": min(values), "max": max(values)} if values else None


@page(router, "/claims", "claims.html", tables=("groups",))
def claims_page(db: Database, after: Annotated[Optional[str], Query(
        max_length=240, description="page cursor from a 'next' link")] = None) -> dict:
    """Numeric claims grouped by quantity, each group on one axis, disputed groups first, a page
    of groups at a time."""
    try:
        page, cursor, start = db.claims_page(after=after, limit=PAGE_SIZE, claims=MAX_CLAIMS)
    except BadCursor as error:
        raise invalid("after", after, str(error)) from None
    every = db.claim_groups(MAX_CLAIMS)
    groups = [{**group, "axis": axis(group["claims"])} for group in page]
    return {"groups": groups, "disputed": sum(1 for g in every if g.get("verdict") not in (None, "consistent")),
            "after": after, "next": cursor, "total": len(every), "start": start}
