"""The two things the readers yield: a :class:`Record` to clean, or a :class:`Rejected` input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

# Formats tried after ISO 8601; the benchmark news carries US-style "10/18/16" dates.
DATE_FORMATS: tuple[str, ...] = ("%m/%d/%y", "%m/%d/%Y", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y")


@dataclass
class Record:
    """One input document as read, before cleaning.

    Example::

        record = Record(source="notes/talks.txt", raw="Talks resume\\n\\nThe envoys met.", format="txt")
    """

    source: str                      # file path, "<stdin>", or "path:LINE" for a JSON Lines record
    raw: str                         # decoded raw content (HTML or text)
    format: str                      # "txt" | "html" | "jsonl"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    source_id: str | None = None
    meta: dict = field(default_factory=dict)


@dataclass
class Rejected:
    """An input that cannot be read or kept; it goes to the quarantine table.

    ``reason`` is a short stable code (``empty``, ``binary``, ``encoding``, ``too_large``,
    ``bad_json``, ``bad_record``, ``missing_path``, ``bad_manifest``, ``bad_gzip``,
    ``non_english``, ``no_text``); ``detail`` is a message that names the file and line.
    """

    source: str
    line: int | None
    reason: str
    detail: str


REJECT_REASONS: tuple[str, ...] = (
    "empty", "binary", "encoding", "too_large", "bad_json", "bad_record", "missing_path",
    "bad_manifest", "bad_gzip", "non_english", "no_text", "stage_error", "timeout",
)


def parse_date(value: object) -> date | None:
    """Read a publication date from metadata: ISO 8601 first, then a few common formats.

    :param value: a ``date``, ``datetime`` or string such as ``"2024-01-25"``,
        ``"2024-01-25T10:00:00Z"`` or ``"1/25/24"``.
    :returns: the date, or None when ``value`` is empty or not a date.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
