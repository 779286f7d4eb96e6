"""A read-only table model over keyset pages: never a whole table, never SQL in ``data()``.

The model knows its rows only through a :class:`PageSource` of callables built by whoever creates
it (so tests hand it fakes and it never touches a session):

- ``fetch_page(after, skip, limit, sort, descending) -> [(key, row)]``: ``limit`` rows in this
  order after the row whose keyset position is ``after`` (``None``: from the start), passing over
  ``skip`` rows first; ``key`` is each row's position, handed back to read on from it.
- ``count() -> int``: how many rows there are.
- ``anchors(sort, descending, every) -> [key]``: the key of every ``every``-th row (rows
  ``every-1``, ``2*every-1``…): how a jump far down becomes one keyset seek.
- ``capped() -> bool``: asked after ``count()``; the source (a search) showed only the first
  matches.

``rowCount()`` is the count, so the scrollbar is true from the start. ``data()`` answers from a
bounded LRU cache of pages of ``page_size`` rows; a row whose page is not there shows empty and
its page is asked for: a zero-timer hands the request to a worker thread (or, with
``background=False``, runs it on the GUI thread a moment later), and ``dataChanged`` follows. Page
``p`` is read after the last key of page ``p-1`` when that is cached, else after the nearest
anchor with a skip shorter than the anchor spacing: a jump to row 900,000 costs one anchor seek
and one page. Anchors are read once per order and filter, in the background, as soon as the list
is longer than the spacing.

:meth:`refresh` reads the first page on the calling thread (a few milliseconds on an index) and the
count in the background when the first page is full. :meth:`set_source` (new filter or search)
and :meth:`sort` read the first page and, if needed, the count in the background and then reset
the model; until then the rows shown stay as they were.

Columns are data: :class:`Column` holds the header text (English, marked for translation with
``QT_TRANSLATE_NOOP(context, ...)`` and translated when shown), the sort key name (a key of the
service's whitelist), the getter on the row dataclass and the alignment.
"""

from __future__ import annotations

import atexit
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

from crm_desktop.errors import UserError
from crm_desktop.views.qtconv import qt_date, qt_datetime

log = logging.getLogger(__name__)

R = TypeVar("R")
T = TypeVar("T")
Key = Any  # a keyset position, opaque to the model: (sort value, id)
FetchPage = Callable[[Key | None, int, int, str, bool], Sequence[tuple[Key, R]]]
Count = Callable[[], int]
Anchors = Callable[[str, bool, int], Sequence[Key]]
AnyIndex = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 100
CACHE_PAGES = 64  # pages kept: 6,400 rows at the default page size, whatever the table size
ANCHOR_EVERY = 500  # the skip after an anchor stays under 500 rows
MAX_WANTED = 8  # pages asked for and not read yet; older requests give way to newer ones
ROW_STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # "archived", "deleted" or None, for delegates
ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def _not_capped() -> bool:
    return False


@dataclass(frozen=True)
class PageSource(Generic[R]):
    """Where a paged model's rows come from; the callables may run on a worker thread."""

    fetch_page: FetchPage[R]
    count: Count
    anchors: Anchors | None = None  # without it, far pages are read with OFFSET (small lists)
    capped: Callable[[], bool] = _not_capped


class _Relay(QObject):
    """Carries a finished read back to the GUI thread (it lives there; workers emit it)."""

    finished = Signal(object)

    @Slot(object)
    def _on_finished(self, _callback: object) -> None:
        _IN_FLIGHT.discard(self)


class _Read(QRunnable):
    def __init__(self, run: Callable[[], Callable[[], None]], relay: _Relay) -> None:
        super().__init__()
        self._run = run
        self._relay = relay

    def run(self) -> None:
        callback = self._run()
        try:
            self._relay.finished.emit(callback)
        except RuntimeError:  # the application is shutting down: nobody is waiting
            log.debug("a list read finished after its relay was deleted")


_IN_FLIGHT: set[_Relay] = set()  # relays of running reads, kept until they report back
_pool: QThreadPool | None = None


def _read_pool() -> QThreadPool:
    """The threads list reads run on (a few: an anchors scan must not hold up a page)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("list reads")
        _pool.setMaxThreadCount(4)
        atexit.register(wait_for_reads)  # before Qt and the interpreter are torn down
    return _pool


def wait_for_reads(timeout_ms: int = 30_000) -> bool:
    """Wait for the list reads still running (at exit, and in tests). True if none is left."""
    return _pool is None or _pool.waitForDone(timeout_ms)


def _start_in_worker(
    run: Callable[[], Callable[[], None]], receiver: Callable[[Callable[[], None]], None]
) -> None:
    relay = _Relay()
    relay.finished.connect(receiver)  # a model's bound method: disconnected if it is deleted
    relay.finished.connect(relay._on_finished)
    _IN_FLIGHT.add(relay)
    _read_pool().start(_Read(run, relay))


def display_text(value: Any) -> str:
    """A cell value as the user reads it, in the UI locale (dates in local time)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    locale = QLocale()
    if isinstance(value, datetime):
        local = value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value
        if locale.language() == QLocale.Language.C:  # no locale set up: ISO, not "23 11 2026"
            return local.strftime("%Y-%m-%d %H:%M")
        return locale.toString(qt_datetime(local), QLocale.FormatType.ShortFormat)
    if isinstance(value, date):
        if locale.language() == QLocale.Language.C:
            return value.isoformat()
        return locale.toString(qt_date(value), QLocale.FormatType.ShortFormat)
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int):
        return locale.toString(value)
    if isinstance(value, Decimal):
        return locale.toString(float(value), "f", max(0, -int(value.as_tuple().exponent)))
    return str(value)


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of a paged table, declared as data."""

    header: str  # English source text, marked with QT_TRANSLATE_NOOP(<model context>, ...)
    getter: Callable[[R], Any]
    sort_key: str | None = None  # a key of the service's sort whitelist; None: not sortable
    alignment: Qt.AlignmentFlag = ALIGN_LEFT
    width_chars: int = 16  # a starting width for views, in average characters
    display: Callable[[Any], str] = display_text

    @property
    def sortable(self) -> bool:
        return self.sort_key is not None


@dataclass(frozen=True)
class _Plan:
    """How to read one page: after this key, skipping this many rows."""

    after: Key | None
    skip: int


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Rows read page by page through a :class:`PageSource`; flat, read-only.

    Signals:
        load_failed(error): a page, the count or the anchors could not be read (a UserError
            such as a StorageError); the model keeps what it shows and reads nothing more
            until :meth:`refresh` or :meth:`set_source`.
        total_changed(total): the row count is known anew (after a refresh, filter, search).
        loading_changed(loading): a filter, search or order is being read in the background.
    """

    load_failed = Signal(object)
    total_changed = Signal(int)
    loading_changed = Signal(bool)

    def __init__(
        self,
        columns: Sequence[Column[R]],
        source: PageSource[R],
        *,
        tr_context: str,
        default_sort: str,
        row_id: Callable[[R], Any] = lambda row: row.id,  # type: ignore[attr-defined]
        row_state: Callable[[R], str | None] | None = None,
        page_size: int = PAGE_SIZE,
        cache_pages: int = CACHE_PAGES,
        anchor_every: int = ANCHOR_EVERY,
        background: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        sort_keys = {c.sort_key for c in columns if c.sort_key is not None}
        if default_sort not in sort_keys:
            raise ValueError(f"default sort {default_sort!r} is not a column's sort key")
        if page_size < 1 or cache_pages < 2 or anchor_every < 1:
            raise ValueError("page_size, cache_pages and anchor_every must be positive")
        self._columns = tuple(columns)
        self._source = source
        self._tr_context = tr_context
        self._row_id = row_id
        self._row_state = row_state
        self._page_size = page_size
        self._cache_pages = cache_pages
        self._anchor_every = anchor_every
        self._background = background
        self._sort = default_sort
        self._descending = False
        self._generation = 0
        self._total = 0
        self._total_known = False
        self._capped = False
        self._pages: OrderedDict[int, list[tuple[Key, R]]] = OrderedDict()
        self._anchors: list[Key] | None = None
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._page_in_flight: int | None = None  # generation of the running page read
        self._anchors_in_flight: int | None = None
        self._count_in_flight: int | None = None
        self._reload_in_flight: int | None = None
        self._failed = False
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)

    # --- own API -------------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[Column[R], ...]:
        return self._columns

    @property
    def source(self) -> PageSource[R]:
        return self._source

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def page_size(self) -> int:
        return self._page_size

    @property
    def capped(self) -> bool:
        """The source showed only its first matches (a search with too many hits)."""
        return self._capped

    @property
    def total_known(self) -> bool:
        return self._total_known

    @property
    def loading(self) -> bool:
        """A reload (filter, search, order) is being read in the background."""
        return self._reload_in_flight is not None

    @property
    def busy(self) -> bool:
        """Anything is being read: a reload, a page, the count or the anchors."""
        return any(
            flight is not None
            for flight in (
                self._reload_in_flight,
                self._page_in_flight,
                self._count_in_flight,
                self._anchors_in_flight,
            )
        ) or bool(self._wanted and not self._failed)

    def sort_column(self) -> int:
        """The column the rows are ordered by."""
        return next(i for i, c in enumerate(self._columns) if c.sort_key == self._sort)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sortable

    def total(self) -> int:
        """How many rows the list has (``rowCount()``; the count once it is known)."""
        return self._total

    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def is_cached(self, row: int) -> bool:
        return row // self._page_size in self._pages

    def row(self, row: int) -> R | None:
        """The row dataclass at ``row`` if its page is cached (never reads)."""
        page = self._pages.get(row // self._page_size)
        offset = row % self._page_size
        if page is None or not 0 <= row < self._total or offset >= len(page):
            return None
        return page[offset][1]

    def row_id(self, row: int) -> Any:
        item = self.row(row)
        return None if item is None else self._row_id(item)

    def request_rows(self, first: int, last: int) -> None:
        """Ask for the pages holding rows ``first..last`` (what a view is about to show)."""
        first, last = max(first, 0), min(last, self._total - 1)
        for page in range(first // self._page_size, last // self._page_size + 1):
            if page not in self._pages:
                self._want(page)

    def refresh(self, source: PageSource[R] | None = None) -> None:
        """Read the list again (from ``source`` if given): the first page now, on the calling
        thread; the count in the background when the first page is full."""
        if source is not None:
            self._source = source
        self._generation += 1
        generation = self._generation
        self._failed = False
        self._set_loading(None)
        try:
            first = list(
                self._source.fetch_page(None, 0, self._page_size, self._sort, self._descending)
            )
        except UserError as exc:
            self._fail(exc)
            return
        known = len(first) < self._page_size
        self._install(first, len(first), known=known, capped=self._source.capped())
        if not known:  # a long list: count it (then read its anchors, see _start_count)
            self._start_count(generation)

    def set_source(self, source: PageSource[R]) -> None:
        """Show another filter or search: read in the background, then reset."""
        self._source = source
        self._total_known = False
        self._reload()

    def set_order(self, sort_key: str, descending: bool = False) -> None:
        """Order by a sort key of the columns (in SQL): read in the background, then reset."""
        if sort_key not in {c.sort_key for c in self._columns}:
            raise ValueError(f"unknown sort key {sort_key!r}")
        self._sort = sort_key
        self._descending = descending
        self._reload()

    # --- QAbstractItemModel --------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """All the rows of the list (the count), read or not; a table has no children."""
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """From the cached pages only; a row not read yet is empty and its page is asked for."""
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self._total and 0 <= column < len(self._columns)):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._columns[column].alignment.value)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.UserRole,
            ROW_STATE_ROLE,
        ):
            return None
        number = row // self._page_size
        page = self._pages.get(number)
        if page is None:
            self._want(number)
            return None
        self._pages.move_to_end(number)
        offset = row - number * self._page_size
        if offset >= len(page):  # fewer rows than counted: the list changed meanwhile
            return None
        item = page[offset][1]
        if role == Qt.ItemDataRole.UserRole:
            return self._row_id(item)
        if role == ROW_STATE_ROLE:
            return None if self._row_state is None else self._row_state(item)
        col = self._columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(col.getter(item))
        value = col.getter(item)  # the tooltip: the whole text, where the cell is too narrow
        text = value if isinstance(value, str) else col.display(value)
        return text or None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        col = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self._tr_context, col.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.alignment.value)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by ``column`` in SQL; columns without a sort key are ignored."""
        if not self.is_sortable(column):
            return
        sort_key = self._columns[column].sort_key
        assert sort_key is not None
        descending = order == Qt.SortOrder.DescendingOrder
        if sort_key == self._sort and descending == self._descending:
            return
        self.set_order(sort_key, descending)

    # --- reading -------------------------------------------------------------------------------

    def _submit(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run ``work`` on a worker (or on the GUI thread a moment later); ``done`` or ``failed``
        then runs on the GUI thread, unless the model is gone by then."""

        def run() -> Callable[[], None]:
            try:
                result = work()
            except Exception as exc:  # handed back like a result: never lost
                return partial(failed, exc)
            return partial(done, result)

        if self._background:
            _start_in_worker(run, self._on_job_done)
        else:
            QTimer.singleShot(0, self, lambda: self._on_job_done(run()))

    def _on_job_done(self, callback: Callable[[], None]) -> None:
        callback()

    def _reload(self) -> None:
        """First page (and the count, unless known) in the background, then a reset."""
        self._generation += 1
        generation = self._generation
        self._failed = False
        self._wanted.clear()
        self._set_loading(generation)
        source, sort, descending, size = self._source, self._sort, self._descending, self._page_size
        known_total = self._total if self._total_known else None

        def work() -> tuple[list[tuple[Key, R]], int, bool]:
            first = list(source.fetch_page(None, 0, size, sort, descending))
            if len(first) < size:
                total = len(first)
            elif known_total is not None:
                total = known_total
            else:
                total = source.count()
            return first, total, source.capped()

        def done(result: tuple[list[tuple[Key, R]], int, bool]) -> None:
            if generation != self._generation:
                return
            self._set_loading(None)
            first, total, capped = result
            self._install(first, total, known=True, capped=capped)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._set_loading(None)
            self._on_failed(generation, error)

        self._submit(work, done, failed)

    def _install(
        self, first: list[tuple[Key, R]], total: int, *, known: bool, capped: bool
    ) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._wanted.clear()
        self._anchors = None
        self._pages[0] = first
        self._total = total
        self._total_known = known
        self._capped = capped
        self.endResetModel()
        if known:
            self.total_changed.emit(total)
            self._prefetch_anchors()

    def _start_count(self, generation: int) -> None:
        source = self._source
        self._count_in_flight = generation

        def work() -> tuple[int, bool]:
            return source.count(), source.capped()

        def done(result: tuple[int, bool]) -> None:
            if self._count_in_flight == generation:
                self._count_in_flight = None
            if generation != self._generation:
                return
            total, capped = result
            self._capped = capped
            self._total_known = True
            self._set_total(total)
            self.total_changed.emit(total)
            self._prefetch_anchors()
            self._schedule()

        def failed(error: BaseException) -> None:
            if self._count_in_flight == generation:
                self._count_in_flight = None
            self._on_failed(generation, error)

        self._submit(work, done, failed)

    def _set_total(self, total: int) -> None:
        old = self._total
        if total > old:
            self.beginInsertRows(QModelIndex(), old, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < old:
            self.beginRemoveRows(QModelIndex(), total, old - 1)
            self._total = total
            last_page = (total - 1) // self._page_size if total else -1
            for number in [n for n in self._pages if n > last_page]:
                del self._pages[number]
            self.endRemoveRows()

    def _prefetch_anchors(self) -> None:
        if self._total_known and self._total > self._anchor_every:
            self._ensure_anchors()

    def _ensure_anchors(self) -> None:
        anchors_of = self._source.anchors
        generation = self._generation
        if anchors_of is None or self._anchors is not None or self._failed:
            return
        if self._anchors_in_flight == generation:
            return
        self._anchors_in_flight = generation
        sort, descending, every = self._sort, self._descending, self._anchor_every

        def work() -> list[Key]:
            return list(anchors_of(sort, descending, every))

        def done(anchors: list[Key]) -> None:
            if self._anchors_in_flight == generation:
                self._anchors_in_flight = None
            if generation != self._generation:
                return
            self._anchors = anchors
            self._schedule()

        def failed(error: BaseException) -> None:
            if self._anchors_in_flight == generation:
                self._anchors_in_flight = None
            self._on_failed(generation, error)

        self._submit(work, done, failed)

    def _want(self, page: int) -> None:
        if page in self._wanted:
            self._wanted.move_to_end(page)
        else:
            self._wanted[page] = None
            while len(self._wanted) > MAX_WANTED:
                self._wanted.popitem(last=False)
        self._schedule()

    def _schedule(self) -> None:
        if self._wanted and not self._pump_timer.isActive():
            self._pump_timer.start()

    def _plan(self, page: int) -> _Plan | None:
        """Where page ``page`` starts; ``None`` until the anchors are known."""
        start = page * self._page_size
        if page == 0:
            return _Plan(None, 0)
        before = self._pages.get(page - 1)
        if before is not None and len(before) == self._page_size:
            return _Plan(before[-1][0], 0)
        if start < self._anchor_every:
            return _Plan(None, start)
        if self._source.anchors is None:  # a source without anchors: small lists only
            return _Plan(None, start)
        if self._anchors is None:
            return None
        anchor = start // self._anchor_every
        if anchor - 1 >= len(self._anchors):  # the list got shorter than counted
            return _Plan(self._anchors[-1], start - len(self._anchors) * self._anchor_every)
        return _Plan(self._anchors[anchor - 1], start - anchor * self._anchor_every)

    def _pump(self) -> None:
        """Start reading the most recently wanted page, one page at a time."""
        if self._failed or self._reload_in_flight is not None or self._page_in_flight is not None:
            return
        while self._wanted:
            page = next(reversed(self._wanted))
            if page in self._pages or page * self._page_size >= self._total:
                del self._wanted[page]
                continue
            plan = self._plan(page)
            if plan is None:
                self._ensure_anchors()
                return
            del self._wanted[page]
            self._read_page(page, plan)
            return

    def _read_page(self, page: int, plan: _Plan) -> None:
        generation = self._generation
        self._page_in_flight = generation
        source, sort, descending, size = self._source, self._sort, self._descending, self._page_size

        def work() -> list[tuple[Key, R]]:
            return list(source.fetch_page(plan.after, plan.skip, size, sort, descending))

        def done(rows: list[tuple[Key, R]]) -> None:
            self._page_in_flight = None
            if generation == self._generation:
                self._store(page, rows)
            self._schedule()

        def failed(error: BaseException) -> None:
            self._page_in_flight = None
            self._on_failed(generation, error)
            self._schedule()

        self._submit(work, done, failed)

    def _store(self, page: int, rows: list[tuple[Key, R]]) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self._cache_pages:
            self._pages.popitem(last=False)
        start = page * self._page_size
        last = min(start + len(rows), self._total) - 1
        if last >= start:
            right = len(self._columns) - 1
            self.dataChanged.emit(self.index(start, 0), self.index(last, right))

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if not isinstance(error, UserError):
            raise error  # a bug: not hidden (sys.excepthook, and tests fail)
        if generation == self._generation:
            self._fail(error)

    def _fail(self, error: UserError) -> None:
        log.warning("cannot read the list: %s", error)
        self._failed = True
        self._wanted.clear()
        self.load_failed.emit(error)

    def _set_loading(self, generation: int | None) -> None:
        was = self._reload_in_flight is not None
        self._reload_in_flight = generation
        if was != (generation is not None):
            self.loading_changed.emit(generation is not None)
