"""Name keys: how the actor knowledge base and the text meet whatever the spelling.

A name is split into tokens exactly as spaCy's English tokenizer splits text
(:func:`split_name`), and each token is reduced to a transliteration key (:func:`token_key`),
so that ``Lavrentyev`` and ``Lavrentiev``, ``Nazarbayev`` and ``Nazarbaev`` meet. Every module
of the actors stage that indexes or looks up a name uses these; they depend on nothing else in
parley, so the loaders (``kb.py``, ``layers.py``, ``user_kb.py``) and the matchers
(``mentions.py``) can all import them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l",
                       "’": "'", "‘": "'", "`": "'"})
_TRANSLIT = [("kh", "k"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("ou", "u"), ("y", "i"),
             ("j", "i"), ("w", "v"), ("zh", "i")]
_DOUBLE = re.compile(r"(.)\1+")
_I_BETWEEN_VOWELS = re.compile(r"(?<=[aeou])i(?=[aeou])")


@lru_cache(maxsize=200_000)
def token_key(text: str) -> str:
    """Return the transliteration key of one token.

    Case, diacritics, dots and apostrophes go; spellings that transliterate one sound
    differently meet (y/i/j, kh/k, q/k, ou/u, doubled letters): ``Lavrentyev`` and
    ``Lavrentiev`` both give ``lavrentiev``, ``Nazarbayev`` and ``Nazarbaev`` ``nazarbaev``.

    :param text: a token.
    :returns: the key; "" for dots and quotes (skipped when matching), the token itself for
        other punctuation (which breaks a match).
    """
    if len(text) == 2 and text[0].isupper() and text[1] == ".":
        return ""  # a middle initial: "John F. Kerry" is John Kerry
    if not any(c.isalnum() for c in text):
        return "" if all(c in ".'’‘\"`“”" for c in text) else text
    s = unicodedata.normalize("NFKD", text.translate(_FOLD))
    s = "".join(c for c in s if c.isalnum()).lower()
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    s = _DOUBLE.sub(r"\1", s)
    return _I_BETWEEN_VOWELS.sub("", s)


_TOKENIZER = None
_SPECIAL: frozenset[str] = frozenset()


@lru_cache(maxsize=200_000)
def _split_chunk(chunk: str) -> tuple[str, ...]:
    """Tokens of one whitespace-free chunk; plain words skip the tokenizer (most names)."""
    global _TOKENIZER, _SPECIAL
    if _TOKENIZER is None:
        import spacy

        _TOKENIZER = spacy.blank("en").tokenizer
        _SPECIAL = frozenset(_TOKENIZER.rules or ())
    if chunk.isalpha() and chunk not in _SPECIAL and chunk.lower() not in _SPECIAL:
        return (chunk,)
    return tuple(t.text for t in _TOKENIZER(chunk) if not t.is_space)


@lru_cache(maxsize=50_000)
def split_name(name: str) -> tuple[str, ...]:
    """Split a name into tokens exactly as spaCy's English tokenizer splits text.

    ``U.N.`` stays one token; ``Nur-Sultan`` is ``Nur``, ``-``, ``Sultan``; ``People's`` is
    ``People``, ``'s``. The tokenizer splits on whitespace first, so chunks are split (and
    memoised) one by one.

    :param name: a name from the knowledge base or from text.
    """
    return tuple(t for chunk in name.split() for t in _split_chunk(chunk))


def name_key(name: str) -> tuple[str, ...]:
    """Return the key tuple of a multi-word name (see :func:`token_key`).

    :param name: a name.
    """
    return tuple(k for k in (token_key(t) for t in split_name(name)) if k)


def person_id(name: str) -> str:
    """Return the stable actor id of the person called ``name``.

    :param name: the person's full name.
    """
    return "p-" + "-".join(k for k in name_key(name) if k != "-")
