"""Types of the compiled module ``parley._parley``; users call ``parley``.

Signatures only: what each function does is written once, as the ``///``
comments in ``python/src/lib.rs``, which PyO3 makes the functions'
docstrings (``help(parley._parley.Extractor)``).
"""

from typing import Any, Iterable, List, Optional, Tuple

__version__: str

def event_columns() -> List[str]: ...

class Extractor:
    def __init__(self) -> None: ...
    def extract_json(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str: ...
    def extract_nquads(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str: ...
    def extract_turtle(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str: ...
    def events_json(
        self,
        text: str,
        id: Optional[str] = None,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str: ...
    def extract_many(
        self, docs: Iterable[Any], jobs: int, formats: List[str]
    ) -> List[Tuple[Optional[str], Optional[List[str]]]]: ...
