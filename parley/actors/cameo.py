"""What CAMEO actor codes mean in parley's terms: countries (ISO 3166 alpha-3) and sectors.

A CAMEO actor code is read three letters at a time: a country or an international/regional
code first (``AZE``, ``IGO``, ``WEU``), then sector codes (``GOV``, ``MIL``, ``BUS``...);
``AZEGOVBUS`` is Azerbaijan's government (business portfolio). The tables are data files:
``countries.tsv`` (each country's own CAMEO code), ``cameo_countries.tsv`` (codes that are not
ISO 3166 alpha-3 codes) and ``cameo_sectors.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from parley.knowledge import read_tsv

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"


@dataclass
class CodeBook:
    """What three-letter CAMEO codes mean: countries (to ISO3) and sectors (to parley's)."""

    countries: dict[str, str | None]
    sectors: dict[str, str | None]
    _memo: dict[str, tuple] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> "CodeBook":
        """Read ``countries.tsv``, ``cameo_countries.tsv`` and ``cameo_sectors.tsv``."""
        countries: dict[str, str | None] = {}
        iso: set[str] = set()
        for row in read_tsv(data_dir / "countries.tsv"):
            countries[row["iso3"]] = row["iso3"]
            iso.add(row["iso3"])
            countries.setdefault(row["cameo"], row["iso3"])
        for row in read_tsv(data_dir / "cameo_countries.tsv"):
            if row["cameo"] not in iso:  # an ISO code keeps its meaning (MUS is Mauritius)
                countries[row["cameo"]] = row["iso3"] or None
        sectors = {row["cameo"]: row["sector"] or None
                   for row in read_tsv(data_dir / "cameo_sectors.tsv")}
        return cls(countries, sectors)

    def split(self, code: str) -> tuple[str | None, str | None, bool]:
        """``AZEGOVBUS`` -> ``("AZE", "GOV", True)``: ISO3 country, parley sector, and whether
        every part of the code is known."""
        found = self._memo.get(code)
        if found is None:
            found = self._memo[code] = self._split(code)
        return found

    def _split(self, code: str) -> tuple[str | None, str | None, bool]:
        chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
        country, known = None, True
        rest = chunks
        if chunks and chunks[0] in self.countries:
            country, rest = self.countries[chunks[0]], chunks[1:]
        elif chunks and chunks[0] not in self.sectors:
            known, rest = False, chunks[1:]
        sector = None
        for chunk in rest:
            if chunk in self.sectors:
                sector = sector or self.sectors[chunk]
        if sector is None and chunks and chunks[0] in self.sectors:
            sector = self.sectors[chunks[0]]
        return country, sector, known
