"""Parley in Python: entities, events and RDF from news text.

The rules are compiled once, by :class:`Extractor`; reuse it for every
document (and from any thread: extraction releases the GIL)::

    import parley
    extractor = parley.Extractor()
    result = extractor.extract(text, id="a1", date="2025-05-16")
    result["events"][0]["type"]            # 'Meeting'
    extractor.extract_nquads(text)         # the document's named graph
    rows = extractor.events(text)          # the event table, one row per pair

The dict of :meth:`Extractor.extract` is the JSON line of ``parley extract
--format mentions``; the event rows are those of ``parley events``. Both are
documented in ``python/README.md`` and ``docs/events.md``.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _parley

__all__ = ["Extractor", "EVENT_COLUMNS", "to_frame", "__version__"]

__version__: str = _parley.__version__

#: The columns of the event table, in order (see ``docs/events.md``).
EVENT_COLUMNS: Tuple[str, ...] = tuple(_parley.event_columns())

_FORMATS = ("dict", "nquads", "turtle", "events")

Document = Union[str, Dict[str, Any]]


def _have_pandas() -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


def to_frame(rows: Sequence[Dict[str, Any]]) -> Any:
    """The event rows as a pandas DataFrame with the columns of
    :data:`EVENT_COLUMNS` in order (also when there are no rows); offsets
    are nullable integers. Raises ImportError without pandas."""
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=list(EVENT_COLUMNS))
    for column in ("evidence_start", "evidence_end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _rows_or_frame(rows: List[Dict[str, Any]], frame: Optional[bool]) -> Any:
    if frame or (frame is None and _have_pandas()):
        return to_frame(rows)
    return rows


class Extractor:
    """Parley's rules and gazetteers, compiled once (about a second).

    Every method takes a document's ``text`` and optionally its ``id`` (the
    document IRI's last segment; ``"text"`` when not given), its publication
    ``date`` (``YYYY-MM-DD``, which resolves "on Tuesday"; no date, no event
    dates), ``title`` and ``url``. Bad input (an empty text, a malformed date)
    raises ``ValueError`` with the message the command line prints.
    """

    def __init__(self) -> None:
        self._inner = _parley.Extractor()

    def extract(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Entities, mentions and events of one document, as a plain dict:
        ``{"id", "mentions", "entities", "events"}``, the shape of
        ``parley extract --format mentions``. Offsets count code points."""
        return json.loads(self._inner.extract_json(text, id, date, title, url))

    def extract_nquads(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str:
        """The document's named graph as N-Quads: the bytes ``parley extract
        --format nquads`` writes for it."""
        return self._inner.extract_nquads(text, id, date, title, url)

    def extract_turtle(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str:
        """The document's triples as Turtle, with Parley's prefixes."""
        return self._inner.extract_turtle(text, id, date, title, url)

    def events(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
        frame: Optional[bool] = None,
    ) -> Any:
        """The document's event table: one row per event and source/target
        pair, the rows ``parley events`` gives for it. A pandas DataFrame when
        pandas is installed (or ``frame=True``), else (or with
        ``frame=False``) a list of dicts keyed by :data:`EVENT_COLUMNS`."""
        rows = json.loads(self._inner.events_json(text, id, date, title, url))
        return _rows_or_frame(rows, frame)

    def extract_many(
        self,
        docs: Iterable[Document],
        jobs: Optional[int] = None,
        format: Union[str, Sequence[str]] = "dict",
        errors: str = "raise",
    ) -> List[Any]:
        """Many documents on ``jobs`` threads (default: every core), results
        in input order.

        Each item of ``docs`` is a dict with the keys of a JSONL line
        (``id`` and ``text``; ``date``, ``title``, ``url`` optional) or a
        plain string (its id is then its 1-based position). ``format`` is
        ``"dict"`` (as :meth:`extract`), ``"nquads"``, ``"turtle"``,
        ``"events"`` (a list of row dicts), or a sequence of them, which
        gives a tuple per document from one extraction.

        A bad item raises ``ValueError`` naming it (``<documents>:N: ...``)
        with ``errors="raise"``; with ``errors="return"`` the ValueError
        takes that document's place and the others are still extracted.
        """
        if errors not in ("raise", "return"):
            raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
        single = isinstance(format, str)
        formats = [format] if single else list(format)
        for name in formats:
            if name not in _FORMATS:
                raise ValueError(f"unknown format {name!r}, expected one of {', '.join(_FORMATS)}")
        if jobs is None:
            jobs = os.cpu_count() or 1
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        results: List[Any] = []
        for message, outputs in self._inner.extract_many(docs, jobs, formats):
            if message is not None:
                if errors == "raise":
                    raise ValueError(message)
                results.append(ValueError(message))
                continue
            parsed = tuple(
                json.loads(value) if name in ("dict", "events") else value
                for name, value in zip(formats, outputs)
            )
            results.append(parsed[0] if single else parsed)
        return results

    def events_table(
        self,
        docs: Iterable[Document],
        jobs: Optional[int] = None,
        frame: Optional[bool] = None,
    ) -> Any:
        """The event table of many documents (items as in
        :meth:`extract_many`; a bad one raises ValueError), in input order: a
        DataFrame when pandas is installed (or ``frame=True``), else a list
        of dicts."""
        rows: List[Dict[str, Any]] = []
        for doc_rows in self.extract_many(docs, jobs=jobs, format="events"):
            rows.extend(doc_rows)
        return _rows_or_frame(rows, frame)
