"""Type stubs of the compiled module; use the wrappers in ``parley``."""

from typing import Any, Iterable, List, Optional, Tuple

__version__: str

def event_columns() -> List[str]:
    """The event table's columns, in order."""

class Extractor:
    """Parley's rules and gazetteers, compiled once."""

    def __init__(self) -> None: ...
    def extract_json(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str:
        """The extraction of one document as JSON text."""
    def extract_nquads(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str:
        """The document's named graph as N-Quads."""
    def extract_turtle(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str:
        """The document's triples as Turtle."""
    def events_json(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str:
        """The document's event rows as a JSON array."""
    def extract_many(
        self, docs: Iterable[Any], jobs: int, formats: List[str]
    ) -> List[Tuple[Optional[str], Optional[List[str]]]]:
        """For each document, (None, outputs in the order of formats) or
        (the input error's message, None)."""
