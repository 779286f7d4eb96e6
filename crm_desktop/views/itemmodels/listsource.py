"""A :class:`PageSource` over a list of ``services.lists``: one filter, its search asked once.

The services take ``(db, filter, …, hits=…)``; the source binds the database and the filter,
looks the search up in the index on first use (on whichever thread reads first; a lock makes it
once) and hands the same hits to every page, count and anchors call, so a list under search is
paged within one fixed set of matches.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Generic, Protocol, TypeVar

from crm_desktop.db import Database
from crm_desktop.services.lists import Key, PageRequest, SearchHits
from crm_desktop.views.itemmodels.paged import PageSource

R = TypeVar("R")
F = TypeVar("F", bound="Searchable")


class Searchable(Protocol):
    @property
    def search(self) -> str: ...


class _Hits(Generic[F]):
    """The search's hits, looked up once (``None``: no search)."""

    def __init__(self, lookup: Callable[[], SearchHits | None]) -> None:
        self._lookup = lookup
        self._lock = threading.Lock()
        self._done = False
        self._hits: SearchHits | None = None

    def get(self) -> SearchHits | None:
        with self._lock:
            if not self._done:
                self._hits = self._lookup()
                self._done = True
            return self._hits


def service_source(
    db: Database,
    flt: F,
    *,
    page: Callable[..., Sequence[tuple[Key, R]]],
    count: Callable[..., int],
    anchors: Callable[..., Sequence[Key]],
    search: Callable[[Database, F], SearchHits | None],
) -> PageSource[R]:
    """The source of one list (``page``/``count``/``anchors``/``search`` from services.lists)."""
    hits = _Hits[F](lambda: search(db, flt))
    unsearched: Any = replace(flt, search="")  # type: ignore[type-var]

    def scoped() -> tuple[Any, SearchHits | None]:
        found = hits.get()
        return (flt if found is not None else unsearched), found

    def fetch_page(
        after: Key | None, skip: int, limit: int, sort: str, descending: bool
    ) -> Sequence[tuple[Key, R]]:
        current, found = scoped()
        request = PageRequest(sort=sort, descending=descending, after=after, limit=limit, skip=skip)
        return page(db, current, request, hits=found)

    def count_rows() -> int:
        current, found = scoped()
        return count(db, current, hits=found)

    def anchor_keys(sort: str, descending: bool, every: int) -> Sequence[Key]:
        current, found = scoped()
        return anchors(db, current, sort, descending, every=every, hits=found)

    def capped() -> bool:
        found = hits.get()
        return found is not None and found.capped

    return PageSource(fetch_page, count_rows, anchor_keys, capped)
