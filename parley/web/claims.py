"""The claims page: numeric claims grouped by quantity, drawn as intervals, disputed ones first."""

from __future__ import annotations

from fastapi import APIRouter

from parley.api import Database
from parley.web.views import page

router = APIRouter()
MAX_CLAIMS = 25     # claims drawn per group; a large corpus repeats a quantity's claims in many articles


def axis(claims: list[dict]) -> dict | None:
    """The common axis of one group's claims: the lowest and highest values, or None if none is numeric.

    :param claims: ``[{"low", "high", ...}]``.
    """
    values = [v for c in claims for v in (c.get("low"), c.get("high")) if isinstance(v, (int, float))]
    return {"min": min(values), "max": max(values)} if values else None


@page(router, "/claims", "claims.html", tables=("groups",))
def claims_page(db: Database) -> dict:
    """Numeric claims grouped by quantity, each group on one axis, disputed groups first."""
    groups = [{**group, "axis": axis(group["claims"])} for group in db.claim_groups(MAX_CLAIMS)]
    return {"groups": groups, "disputed": sum(1 for g in groups if g.get("verdict") not in (None, "consistent"))}
