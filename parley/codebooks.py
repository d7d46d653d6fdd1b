"""CAMEO event codebook facts: code names, quad classes, Goldstein scores, PLOVER crosswalk.

The table ``parley/data/cameo_codes.tsv`` holds codebook facts (CAMEO 1.1b3 codes with the
GDELT Goldstein scale and the PLOVER crosswalk) and ``parley/data/plover.yaml`` the PLOVER
event types; this module only loads and looks them up.

Example::

    code = cameo_code("046")
    code["name"], code["quad_class"], code["goldstein"]
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from parley.knowledge import KnowledgeError, check, data_path, one_of, read_tsv, read_yaml

CAMEO_PATH = data_path("cameo_codes.tsv")
CAMEO_COLUMNS = ("code", "name", "level", "root_code", "quad_class", "goldstein_gdelt", "plover_event",
                 "plover_mode", "plover_context")

PLOVER_PATH = data_path("plover.yaml")
_PLOVER = check(read_yaml(PLOVER_PATH), {"source": str, "event_types": {str: one_of(1, 2, 3, 4)},
                                         "modalities": [str]})
# PLOVER's event types in the manual's order, and the quad class of each (manual, section 1).
PLOVER_TYPES: tuple[str, ...] = tuple(_PLOVER["event_types"])
PLOVER_QUAD: dict[str, int] = dict(_PLOVER["event_types"])
# parley's event modality labels, in the order a filter lists them.
MODALITIES: tuple[str, ...] = tuple(_PLOVER["modalities"])


class UnknownCameoCode(KeyError):
    """A CAMEO event code that is not in the codebook."""


@lru_cache(maxsize=1)
def cameo_codes(path: Path = CAMEO_PATH) -> dict[str, dict]:
    """Load the CAMEO codebook keyed by code.

    :param path: the TSV file (default: the packaged ``cameo_codes.tsv``).
    :returns: ``{code: {"code", "name", "level", "root", "quad_class", "goldstein",
      "plover_event", "plover_mode", "plover_context"}}``.
    :raises parley.knowledge.KnowledgeError: on a missing column or a malformed number, with its line.
    """
    table: dict[str, dict] = {}
    for row in read_tsv(path, CAMEO_COLUMNS):
        goldstein = row["goldstein_gdelt"].strip()
        quad = row["quad_class"].strip()
        try:
            table[row["code"]] = {
                "code": row["code"],
                "name": row["name"],
                "level": row["level"],
                "root": row["root_code"],
                "quad_class": int(quad) if quad else None,
                "goldstein": float(goldstein) if goldstein else None,
                "plover_event": row["plover_event"] or None,
                "plover_mode": row["plover_mode"] or None,
                "plover_context": [c.strip() for c in row["plover_context"].split("|") if c.strip()],
            }
        except ValueError as err:
            raise KnowledgeError(path, f"code {row['code']}: {err}", row.line) from None
    return table


def cameo_code(code: str) -> dict:
    """Return the codebook row for one CAMEO event code.

    :param code: a CAMEO event code such as ``"046"`` or ``"1053"``.
    :raises UnknownCameoCode: if the code is not in the codebook.
    """
    try:
        return cameo_codes()[code]
    except KeyError:
        raise UnknownCameoCode(code) from None


def goldstein(code: str) -> float | None:
    """Return the Goldstein score of a CAMEO code (GDELT's scale), or None if it has none.

    :param code: a CAMEO event code.
    """
    return cameo_code(code)["goldstein"]
