"""Typed records: the exact shape of what each stage writes on a :class:`~parley.document.Document`.

Stages still write plain JSON-ready dicts (``doc.mentions``, ``doc.places``, ``doc.times``,
``doc.events``, ``doc.claims``, ``doc.meetings``) -- the store, the exports and the web read
those dicts -- and the classes here are their contract: one dataclass per record, one field
per key, the key's type as the annotation. :func:`contract_problems` checks a real dict
against its class (``tests/test_records.py`` runs it on the pipeline's output, so the contract
cannot drift from the code), and :meth:`Record.from_dict` gives a typed view when one is wanted.

Why dataclasses with ``slots=True`` and not pydantic, attrs or msgspec: they are in the standard
library (no dependency to pin), an instance with slots is as small and as fast to read as a
tuple, and building one runs no validation. Records are made by the hundred per document on
the hot path (about 30 mentions, 25 places, 10 events per article at 20 articles a second a
core), so per-record validation (pydantic) would cost time for a check the contract test already
makes once; msgspec would be as fast but adds a compiled dependency for no gain while the
records travel as dicts.

A key that is present on every record of its kind is a field without a default; a key that a
stage writes only sometimes (``Mention.organ`` only for a government organ, ``Claim.base`` only
for a share) has a default and is listed in the class's ``OPTIONAL``.

The record types, by the stage that writes them (see ``docs/architecture.md``):

==================  ====================  ==========================================
stage               Document field        record
==================  ====================  ==========================================
``parley_nlp``      ``sentences``         :class:`parley.document.Sentence`
``parley_times``    ``times``             :class:`TimeSpan`
``parley_places``   ``places``            :class:`Place`
``parley_actors``   ``mentions``          :class:`Mention` (with :class:`KnownActor`)
``parley_events``   ``events``            :class:`Event` (:class:`EventMention`, ...)
``parley_claims``   ``claims``            :class:`Claim`
``parley_meetings`` ``meetings``          :class:`Meeting` or, ``kind == "process"``, :class:`ProcessRecord`
==================  ====================  ==========================================
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, Union

Json = Any          # a value kept as the stage wrote it (its own shape is documented where it is made)


@dataclass(slots=True)
class Record:
    """Base of the record types: builds a typed view from a stage's dict."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def from_dict(cls, data: dict) -> "Record":
        """Return the record for ``data`` (nested records stay dicts; unknown keys are an error)."""
        return cls(**data)


@dataclass(slots=True)
class Span(Record):
    """A stretch of ``Document.text``: the fields every span dict carries."""

    text: str
    char_start: int
    char_end: int
    sentence: int


@dataclass(slots=True)
class SpanRef(Record):
    """A span that may have lost its place in the text (participants named only by the lexicon)."""

    text: str | None
    char_start: int | None
    char_end: int | None
    sentence: int


# -- parley_actors --------------------------------------------------------------------------


@dataclass(slots=True)
class ActorRole(Record):
    """A role a person held, from the knowledge base (``parley/data/actors/people.yaml``, or a
    dated CAMEO code of the Phoenix dictionaries, which names no office: ``role`` None)."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"cameo"})

    role: str | None
    country: str | None
    sector: str | None
    start: str | None
    end: str | None
    source: str
    cameo: str | None = None        # the Phoenix code the role comes from (AZEGOVBUS)


@dataclass(slots=True)
class KnownActor(Record):
    """The knowledge-base actor behind a mention, when the mention names a known person."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"src", "default"})

    id: str
    name: str
    type: str
    aliases: list[str]
    country: str | None
    sector: str | None
    cameo: str | None
    roles: list[ActorRole]
    source: str                     # parley | phoenix | user | text
    src: str | None = None          # file:line of a Phoenix record
    default: bool = False           # a Phoenix record's undated code holds outside its roles


@dataclass(slots=True)
class Mention(Span):
    """One actor mention, resolved (``doc.mentions``; ``parley/actors/resolve.py``)."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset(
        {"country_inferred", "actor", "locative", "metonym", "organ", "organ_name", "adjective", "group", "org"})

    actor_id: str
    name: str
    type: str                       # state | person | group | igo | organ | other ...
    country: str | None             # ISO 3166 alpha-3
    sector: str
    cameo: str
    role: str | None
    via: str                        # how it was resolved: kb, surname, demonym, capital, ...
    confidence: float
    country_inferred: bool = False
    actor: KnownActor | None = None
    locative: bool = False          # "in Syria": a place, not an agent
    metonym: bool = False           # "Ankara said": a capital for its state
    organ: str | None = None
    organ_name: str | None = None
    adjective: bool = False         # "an Indian proposal": a demonym before a noun of acting
    group: str | None = None        # the words of an ethnic or national group ("Kurdish") for its civilians
    org: str | None = None          # the organisation whose office a person holds on the day (its actor id)


# -- parley_places --------------------------------------------------------------------------


@dataclass(slots=True)
class Place(Span):
    """One place mention, resolved to GeoNames (``doc.places``; ``parley/places/mentions.py``)."""

    geonameid: int | None
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str                    # country | region (US state, world region) | province | county | city | other
    aliases: list[str]
    within: int | None              # the geonameid of the region an unknown area is named after
    label: str | None               # the entity label the span came from, if any
    via: str                        # ner | gazetteer | dateline | cue | compound
    derived: bool                   # coordinates derived (a region's member towns, a county's state)
    reason: str | None              # the evidence that chose this candidate ("qualified by Texas")
    metonymic: bool                 # a place that speaks for its government ("Washington said")


# -- parley_times ---------------------------------------------------------------------------


@dataclass(slots=True)
class TimeSpan(Span):
    """One temporal expression resolved into an interval (``doc.times``; ``parley/times``)."""

    start: str                      # ISO date, first day
    end: str                        # ISO date, last day
    precision: str                  # day | week | month | season | year | decade ...
    kind: str
    anchor: str                     # absolute | publication | tense
    tense: str | None


# -- parley_events --------------------------------------------------------------------------


@dataclass(slots=True)
class EventActor(Record):
    """An actor or recipient of an event: the mention's actor and where it was named."""

    text: str
    id: str
    name: str
    country: str | None
    sector: str | None
    cameo: str | None
    type: str
    char_start: int
    char_end: int


@dataclass(slots=True)
class EventDate(Record):
    """The date of an event: the time span it was attached to, if any."""

    text: str | None
    start: str | None
    end: str | None
    precision: str


@dataclass(slots=True)
class EventPlace(Record):
    """Where an event happened: the place it was attached to."""

    text: str
    geonameid: int | None
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str


@dataclass(slots=True)
class Evidence(Record):
    """The sentence that reports an event (``start``/``end`` are character offsets)."""

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Trigger(Span):
    """The words that made an event: the predicate's pattern and its content word."""

    pattern: str
    content: str | None


@dataclass(slots=True)
class EventMention(Record):
    """One sentence's report of an event (an event clusters one or more)."""

    event_id: str
    evidence: Evidence
    trigger: Trigger
    modality: str
    confidence: float
    reported_by: list[EventActor] | None
    date: EventDate


@dataclass(slots=True)
class Event(Record):
    """One happening in a document, PLOVER and CAMEO coded (``doc.events``; ``parley/events``)."""

    event_id: str
    event_type: str                 # PLOVER type (parley/data/plover.yaml)
    mode: str | None
    context: list[str]
    cameo: str
    quad_class: int
    goldstein: float | None
    modality: str                   # one of parley.codebooks.MODALITIES
    modalities: list[str]
    planned: bool
    underlying_type: str | None
    underlying_mode: str | None
    actor: list[EventActor]
    recipient: list[EventActor]
    reported_by: list[EventActor] | None
    date: EventDate
    location: EventPlace | None
    evidence: Evidence
    trigger: Trigger
    confidence: float
    mentions: list[EventMention]
    mention_count: int
    source_count: int


# -- parley_claims --------------------------------------------------------------------------


@dataclass(slots=True)
class Claim(Span):
    """A numeric claim with its interval (``doc.claims``; ``parley/claims/extract.py``)."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"source_actor", "base"})

    quantity: str                   # the key claims are compared by across documents
    subject: str
    measure: str
    context: str
    scope: str | None
    value: float | None
    low: float
    high: float
    high_literal: float | None
    qualifier: str | None
    unit: str
    as_of: str | None
    source: str | None
    source_kind: str | None
    specific: bool
    doc_id: str
    source_actor: str | None = None
    base: str | None = None


# -- parley_meetings ------------------------------------------------------------------------


@dataclass(slots=True)
class Participant(Record):
    """A participant of a meeting or a process, with the role the text gives it."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"org"})

    actor: str
    name: str
    type: str
    country: str | None
    sector: str | None
    role: str                       # guarantor | party | delegation | observer | host | mediator | participant
    roles: list[str]
    cue: Span | None
    evidence: list[SpanRef]
    org: str | None = None          # the organisation whose office the person holds


@dataclass(slots=True)
class Outcome(Record):
    """Something a meeting produced (a memorandum, a working group) and its status."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"more_evidence"})

    type: str
    name: str
    status: str
    evidence: Span
    more_evidence: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Change(Record):
    """A change the text reports in a meeting (moved, postponed)."""

    field: str
    status: str
    evidence: Span
    from_: str | None = None        # the key is "from" (a Python keyword); see from_dict
    to: str | None = None

    @classmethod
    def from_dict(cls, data: dict) -> "Change":
        """Return the record for ``data``, reading its ``from`` key into ``from_``."""
        data = dict(data)
        data["from_"] = data.pop("from", None)
        return cls(**data)


@dataclass(slots=True)
class DatedSpan(Span):
    """A span with the interval it resolved to (a meeting's date evidence)."""

    start: str
    end: str


@dataclass(slots=True)
class Meeting(Record):
    """A meeting as one document tells it (``doc.meetings``; ``parley/process/meetings.py``)."""

    key: str                        # "astana#20": process and round, or a phrase key
    doc_id: str
    kind: str                       # round | talks | summit | conference | consultations | side
    process: str | None
    process_name: str | None
    ordinal: int | None
    relative: str | None            # next | last | ... when the round is named relative to another
    start: str | None
    end: str | None
    precision: str | None
    date_evidence: list[DatedSpan]
    venue: str | None
    venue_place: dict | None        # a Place dict, or the lexicon's venue (then "via")
    host: str | None
    status: str | None              # planned | held | postponed | cancelled
    status_evidence: Span | None
    changes: list[Change]
    participants: list[Participant]
    outcomes: list[Outcome]
    parties: list[str]              # actor ids of the meeting's parties (for finding unnamed processes)
    sentence_parties: list[str]     # actor ids named in the meeting's sentences
    party_names: dict[str, str]     # actor id -> name, for the ids above
    doc_parties: list[list[Any]]    # [actor id, mentions] the document names most (host left out)
    format: str | None              # the body whose own meeting this is ("the G7 summit"), if any
    subject: str | None             # what the talks are about, from the lexicon's subjects
    level: str | None
    parent: str | None
    flags: list[str]
    flag_evidence: dict[str, Span]
    evidence: list[Span]
    side_meetings: list[str]


@dataclass(slots=True)
class Decision(Record):
    """A decision about a process (stop hosting, a condition to resume, a venue move)."""

    kind: str
    status: str
    actor: str | None
    actor_name: str | None
    country: str | None
    date: str | None
    precision: str | None
    reported: str | None
    date_from: str | None
    after_ordinal: int | None
    condition: Span | None
    members: list[str]
    cue: Span
    evidence: Span


@dataclass(slots=True)
class ProcessRecord(Record):
    """What one document says of a process as a whole (a ``doc.meetings`` entry of kind "process")."""

    kind: str                       # always "process"
    process: str
    process_name: str
    subject: str
    aliases: list[str]
    decisions: list[Decision]
    doc_id: str
    participants: list[Participant]
    outcomes: list[Outcome]
    evidence: list[Span]
    ordinal: None
    start: None
    end: None
    venue: None
    host: None
    status: None


# The record class of each Document field a stage fills.
FIELD_RECORDS: dict[str, type[Record]] = {
    "mentions": Mention, "places": Place, "times": TimeSpan, "events": Event, "claims": Claim,
    "meetings": Meeting,
}


def record_class(field_name: str, data: dict) -> type[Record]:
    """Return the record class for one dict of the Document field ``field_name``."""
    if field_name == "meetings" and data.get("kind") == "process":
        return ProcessRecord
    return FIELD_RECORDS[field_name]


def _key(name: str) -> str:
    return "from" if name == "from_" else name


def _fits(value: Any, hint: Any, where: str, problems: list[str]) -> None:
    """Append to ``problems`` where ``value`` does not fit the type ``hint``."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return
        others = [option for option in options if option is not type(None)]
        if len(others) == 1:            # X | None: say what is wrong with the X
            _fits(value, others[0], where, problems)
            return
        for option in others:
            trial: list[str] = []
            _fits(value, option, where, trial)
            if not trial:
                return
        problems.append(f"{where}: {value!r} fits none of {hint}")
    elif hint is type(None):
        if value is not None:
            problems.append(f"{where}: expected None, found {value!r}")
    elif hint is Any:
        return
    elif origin is list:
        if not isinstance(value, list):
            problems.append(f"{where}: expected a list, found {type(value).__name__}")
            return
        (item,) = typing.get_args(hint) or (Any,)
        for index, element in enumerate(value):
            _fits(element, item, f"{where}[{index}]", problems)
    elif origin is dict:
        if not isinstance(value, dict):
            problems.append(f"{where}: expected a mapping, found {type(value).__name__}")
            return
        _, item = typing.get_args(hint) or (Any, Any)
        for key, element in value.items():
            _fits(element, item, f"{where}.{key}", problems)
    elif isinstance(hint, type) and issubclass(hint, Record):
        if not isinstance(value, dict):
            problems.append(f"{where}: expected a {hint.__name__} dict, found {type(value).__name__}")
            return
        problems.extend(contract_problems(hint, value, where))
    elif hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(f"{where}: expected a number, found {value!r}")
    elif hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{where}: expected an integer, found {value!r}")
    elif isinstance(hint, type) and not isinstance(value, hint):
        problems.append(f"{where}: expected {hint.__name__}, found {value!r}")


def contract_problems(cls: type[Record], data: dict, where: str = "") -> list[str]:
    """Return how ``data`` breaks the record contract ``cls`` (empty when it fits).

    Checks that every key is a field, that every field not in ``cls.OPTIONAL`` is present, and
    that each value has the field's type, nested records and lists included.

    :param cls: a record class, e.g. :class:`Mention`.
    :param data: one dict a stage wrote.
    :param where: a prefix for the messages (e.g. ``"mentions[3]"``).
    """
    hints = typing.get_type_hints(cls)
    fields = {_key(f.name): f.name for f in dataclasses.fields(cls)}
    label = where or cls.__name__
    problems = [f"{label}: key {key!r} is not a field of {cls.__name__}" for key in data if key not in fields]
    problems += [f"{label}: missing {key!r}" for key in fields
                 if key not in data and fields[key] not in cls.OPTIONAL and key not in cls.OPTIONAL]
    for key, name in fields.items():
        if key in data:
            _fits(data[key], hints[name], f"{label}.{key}", problems)
    return problems
