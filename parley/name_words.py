"""The word lists of ``parley/data/names.yaml``: titles, organisation heads, calendar words, speech verbs.

They say how English writes names: which words stand before a person's name without being
part of it, which last words make a name an organisation's, which capitalised words are never
names, which verbs after a name show a person. The name finder (``parley/names.py``) and the
actors and places stages read them here, through the one knowledge loader, so that no stage
imports the name finder for a word list.
"""

from __future__ import annotations

from parley.knowledge import check, data_path, read_yaml

DATA = data_path("names.yaml")
NAMES_SCHEMA = {"source": str, "titles": [str], "more_titles": [str], "org_heads": [str], "calendar": [str],
                "speech": [str]}

_WORDS: dict[str, frozenset[str]] = {}


def words(kind: str) -> frozenset[str]:
    """A word list of ``parley/data/names.yaml`` in lower case.

    :param kind: ``titles``, ``more_titles``, ``org_heads``, ``calendar`` or ``speech``.
    :raises KeyError: for another kind.
    """
    if not _WORDS:
        data = check(read_yaml(DATA), NAMES_SCHEMA)
        _WORDS.update({k: frozenset(v) for k, v in data.items() if isinstance(v, list)})
    return _WORDS[kind]
