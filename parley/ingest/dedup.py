"""Near-duplicate detection: MinHash signatures over word shingles, an LSH index to find them.

Syndicated copies of one wire story are linked to the first copy seen, never dropped. The
signatures are deterministic (fixed seed, CRC-32 word hashes) so that a signature stored
in the database by one run is comparable with one computed by the next.
"""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING, Iterable, Sequence

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

DEFAULT_THRESHOLD = 0.8
DEFAULT_NUM_PERM = 64
SHINGLE_WORDS = 5
MIN_WORDS = 20           # shorter texts are not indexed: a few words say nothing about copying
SEED = 1
# LSH bands favour recall (false-negative weight 0.95): every candidate is then checked
# against the threshold by its estimated Jaccard similarity, so false candidates cost little.
LSH_WEIGHTS = (0.05, 0.95)
SCHEME = "affine32"
# The LSH bands datasketch picks for DEFAULT_THRESHOLD, DEFAULT_NUM_PERM and LSH_WEIGHTS: a pair
# of signatures is a candidate when any band's values are equal. The store keeps each stored
# document's bands (table near_duplicate_bands) so that this process need not hold them.
LSH_BANDS = 10
LSH_ROWS = 6
BAND_BYTES = LSH_ROWS * 4       # a band of a signature stored as little-endian 32-bit values
_WORD = re.compile(r"\w+")
WORD_CACHE_SIZE = 200_000
_WORD_HASHES: dict[str, int] = {}  # news vocabulary repeats: hash each word once per process
_MIXERS = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1], dtype=np.uint64)


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """Return 32-bit hashes of the word ``size``-grams of ``text`` (lower-cased).

    :param text: the text.
    :param size: words per shingle.
    """
    words = _WORD.findall(text.lower())
    if len(_WORD_HASHES) > WORD_CACHE_SIZE:
        _WORD_HASHES.clear()
    for word in set(words).difference(_WORD_HASHES):
        _WORD_HASHES[word] = zlib.crc32(word.encode("utf-8"))
    hashes = np.fromiter(map(_WORD_HASHES.__getitem__, words), dtype=np.uint64, count=len(words))
    if len(hashes) < size:
        return hashes
    count = len(hashes) - size + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        combined = (combined * np.uint64(31) + hashes[offset:offset + count] * _MIXERS[offset]) & np.uint64(0xFFFFFFFF)
    return np.unique(combined)


# a stored document that shares an LSH band with a new one: id, signature, original, indexing order
StoredCandidate = tuple[str, bytes, "str | None", int]


def signature_bands(signature: bytes) -> list[bytes]:
    """The LSH bands of a stored signature (``LSH_BANDS`` pieces of ``BAND_BYTES``); none for ``b""``."""
    if not signature:
        return []
    return [bytes(signature[band * BAND_BYTES:(band + 1) * BAND_BYTES]) for band in range(LSH_BANDS)]


def _identity(value: int) -> int:
    return value


class NearDuplicateIndex:
    """Find documents that are near-copies of one already seen (MinHash LSH, Jaccard of shingles).

    Example::

        index = NearDuplicateIndex()            # this run's documents; stored ones are looked up
        signature = index.signature(doc.text)   # bytes, kept by the store with its LSH bands
        found = near_duplicate_candidates(conn, [signature])[0]     # stored documents sharing a band
        original = index.add(doc.id, doc.text, stored=found)        # id of the document it copies, or None
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = DEFAULT_NUM_PERM):
        """Make an empty index.

        :param threshold: the estimated Jaccard similarity from which a text is a near-duplicate.
        :param num_perm: MinHash permutations (signature length).
        """
        # imported here: datasketch pulls in scipy (~2 s), which only an ingest run needs
        from datasketch import MinHash, MinHashLSH

        self._minhash_class = MinHash
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=LSH_WEIGHTS)
        self._permutations = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations
        self._hashes: dict[str, MinHash] = {}
        self._original: dict[str, str] = {}
        self._order: dict[str, int] = {}
        self._added = 0
        self._last: tuple[str, MinHash | None] | None = None

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._hashes

    def minhash(self, text: str) -> MinHash | None:
        """Return the MinHash of ``text``, or None when it is too short to compare.

        :param text: the clean text.
        """
        hashes = shingle_hashes(text)
        if len(hashes) < MIN_WORDS - SHINGLE_WORDS + 1:
            return None
        minhash = self._minhash_class(num_perm=self.num_perm, seed=SEED, hashfunc=_identity, scheme=SCHEME,
                                      permutations=self._permutations)
        minhash.update_batch(hashes.tolist())
        return minhash

    def signature(self, text: str) -> bytes:
        """Return the serialisable signature of ``text`` (``b""`` for a text too short to compare).

        :param text: the clean text.
        """
        if self._last is not None and self._last[0] is text:
            minhash = self._last[1]  # just computed by add(): callers store what they indexed
        else:
            minhash = self.minhash(text)
        return minhash_signature(minhash)

    def _from_signature(self, signature: bytes) -> MinHash | None:
        if not signature:
            return None
        values = np.frombuffer(signature, dtype="<u4")
        if len(values) != self.num_perm:
            raise ValueError(f"signature has {len(values)} values, the index uses {self.num_perm}")
        return self._minhash_class(seed=SEED, hashvalues=values, scheme=SCHEME, permutations=self._permutations)

    def _insert(self, doc_id: str, minhash: MinHash, original: str | None) -> None:
        self._lsh.insert(doc_id, minhash)
        self._hashes[doc_id] = minhash
        self._order[doc_id] = self._added
        self._added += 1
        if original is not None:
            self._original[doc_id] = original

    def forget(self, doc_ids: Iterable[str]) -> None:
        """Take documents out of the index (stored since, their bands now in the database).

        :param doc_ids: ids of indexed documents; others are ignored.
        """
        for doc_id in doc_ids:
            if doc_id in self._hashes:
                self._lsh.remove(doc_id)
                del self._hashes[doc_id], self._order[doc_id]
                self._original.pop(doc_id, None)

    def load(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Index stored documents by their signatures.

        :param items: ``(doc_id, signature)`` pairs; empty signatures are skipped.
        """
        for doc_id, signature in items:
            minhash = self._from_signature(bytes(signature) if signature is not None else b"")
            if minhash is not None and doc_id not in self._hashes:
                self._insert(doc_id, minhash, None)

    def query(self, text: str) -> str | None:
        """Return the id of the original that ``text`` near-duplicates, without indexing it.

        :param text: the clean text.
        """
        minhash = self.minhash(text)
        return None if minhash is None else self._best(minhash)

    def _best(self, minhash: MinHash, exclude: str | None = None,
              stored: Sequence[StoredCandidate] = ()) -> str | None:
        candidates = []
        values = minhash.hashvalues.astype("<u4")
        for doc_id, signature, original, order in stored:
            if doc_id == exclude or doc_id in self._hashes:
                continue
            theirs = np.frombuffer(signature, dtype="<u4")
            similarity = float(np.count_nonzero(values == theirs)) / len(values)
            if similarity >= self.threshold:
                # stored documents were indexed before every one held here
                candidates.append((-similarity, (0, order), doc_id, original or doc_id))
        for key in self._lsh.query(minhash):
            if key == exclude:
                continue
            similarity = minhash.jaccard(self._hashes[key])
            if similarity >= self.threshold:
                candidates.append((-similarity, (1, self._order[key]), key, self._original.get(key, key)))
        if not candidates:
            return None
        return min(candidates)[3]

    def add(self, doc_id: str, text: str, stored: Sequence[StoredCandidate] = ()) -> str | None:
        """Index a document and say which earlier document it copies.

        :param doc_id: the document's id.
        :param text: its clean text.
        :param stored: stored documents that share a band with it and are not held here
            (:func:`parley.store.queries.near_duplicate_candidates`), compared as if indexed first.
        :returns: the id of the original (the first copy indexed) it near-duplicates, else None.
        """
        if doc_id in self._hashes:
            return self._original.get(doc_id)
        minhash = self.minhash(text)
        self._last = (text, minhash)
        return self.add_minhash(doc_id, minhash, stored)

    def add_minhash(self, doc_id: str, minhash: MinHash | None,
                    stored: Sequence[StoredCandidate] = ()) -> str | None:
        """:meth:`add` for a document whose MinHash (:meth:`minhash`) is already computed."""
        if doc_id in self._hashes:
            return self._original.get(doc_id)
        if minhash is None:
            return None
        original = self._best(minhash, exclude=doc_id, stored=stored)
        self._insert(doc_id, minhash, original)
        return original


def minhash_signature(minhash: MinHash | None) -> bytes:
    """The stored form of a MinHash (``b""`` for none): its values as little-endian 32-bit integers."""
    return b"" if minhash is None else minhash.hashvalues.astype("<u4").tobytes()
