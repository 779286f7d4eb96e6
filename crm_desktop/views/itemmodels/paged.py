"""A read-only table model over keyset pages: never a whole table, never SQL in ``data()``.

The model knows its rows only through two callables built by whoever creates it (so tests can
hand it fakes and it never touches a session):

- ``fetch_page(after_key, limit, sort, descending) -> list[(key, row)]``: the next ``limit`` rows
  after the row whose keyset position is ``after_key`` (``None``: from the start), ordered by the
  sort key named ``sort``; ``key`` is the position of each row, handed back for the next page.
- ``count() -> int``: how many rows there are in all (for the status bar; ``total()``).

``rowCount()`` is what has been fetched so far; views ask for more through
``canFetchMore()``/``fetchMore()`` as they scroll. ``sort()`` asks for pages in another order (the
sorting happens in SQL) and resets the model. ``data()`` answers from the fetched rows only.

Columns are data: :class:`Column` holds the header text (English, marked for translation with
``QT_TRANSLATE_NOOP(context, ...)`` and translated when shown), the sort key name or ``None`` when
the column cannot be sorted, the getter on the row dataclass and the alignment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from crm_desktop.errors import UserError

log = logging.getLogger(__name__)

R = TypeVar("R")
Key = Any  # a keyset position, opaque to the model: (sort value, id)
FetchPage = Callable[[Key | None, int, str, bool], Sequence[tuple[Key, R]]]
Count = Callable[[], int]
AnyIndex = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 100
ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


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
        return locale.toString(QDateTime(local), QLocale.FormatType.ShortFormat)
    if isinstance(value, date):
        if locale.language() == QLocale.Language.C:
            return value.isoformat()
        return locale.toString(QDate(value), QLocale.FormatType.ShortFormat)
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


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Rows fetched page by page through ``fetch_page``; flat (no children), read-only.

    Signals:
        load_failed(error): a page or the count could not be read (a UserError such as a
            StorageError); the model keeps what it has and stops fetching until refreshed.
        total_changed(total): ``total()`` was recounted.
    """

    load_failed = Signal(object)
    total_changed = Signal(int)

    def __init__(
        self,
        columns: Sequence[Column[R]],
        fetch_page: FetchPage[R],
        count: Count,
        *,
        tr_context: str,
        default_sort: str,
        row_id: Callable[[R], Any] = lambda row: row.id,  # type: ignore[attr-defined]
        page_size: int = PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        sort_keys = {c.sort_key for c in columns if c.sort_key is not None}
        if default_sort not in sort_keys:
            raise ValueError(f"default sort {default_sort!r} is not a column's sort key")
        self._columns = tuple(columns)
        self._fetch_page = fetch_page
        self._count = count
        self._tr_context = tr_context
        self._row_id = row_id
        self._page_size = page_size
        self._default_sort = default_sort
        self._sort = default_sort
        self._descending = False
        self._keys: list[Key] = []
        self._rows: list[R] = []
        self._exhausted = False
        self._total: int | None = None
        self._fetching = False

    # --- own API -------------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[Column[R], ...]:
        return self._columns

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def sort_column(self) -> int:
        """The column the rows are ordered by."""
        return next(i for i, c in enumerate(self._columns) if c.sort_key == self._sort)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sortable

    def total(self) -> int:
        """How many rows there are in all (``count()``, cached until :meth:`refresh`)."""
        if self._total is None:
            self._recount()
        return self._total or 0

    def row(self, row: int) -> R | None:
        """The fetched row dataclass at ``row``, if it has been fetched."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_id(self, row: int) -> Any:
        item = self.row(row)
        return None if item is None else self._row_id(item)

    def refresh(self) -> None:
        """Forget the fetched rows, recount and read the first page again (same order)."""
        self.beginResetModel()
        self._clear()
        self.endResetModel()
        self._recount()
        self.fetchMore(QModelIndex())

    def set_order(self, sort_key: str, descending: bool = False) -> None:
        """Order by a sort key of the columns (in SQL): the model is reset."""
        if sort_key not in {c.sort_key for c in self._columns}:
            raise ValueError(f"unknown sort key {sort_key!r}")
        self.beginResetModel()
        self._sort = sort_key
        self._descending = descending
        self._clear()
        self.endResetModel()
        self.fetchMore(QModelIndex())

    # --- QAbstractItemModel --------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Rows fetched so far; a table has no children."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """From the fetched rows only; never fetches."""
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._columns)):
            return None
        col = self._columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(col.getter(self._rows[row]))
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text, where the cell is too narrow
            value = col.getter(self._rows[row])
            text = value if isinstance(value, str) else col.display(value)
            return text or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.alignment.value)
        if role == Qt.ItemDataRole.UserRole:
            return self._row_id(self._rows[row])
        return None

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

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex) -> None:
        """Read the next page and append it; a short page means the end."""
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetching = True
        try:
            after = self._keys[-1] if self._keys else None
            try:
                page = list(self._fetch_page(after, self._page_size, self._sort, self._descending))
            except UserError as exc:  # the database went away: say so, keep what we have
                log.warning("cannot fetch a page: %s", exc)
                self._exhausted = True
                self.load_failed.emit(exc)
                return
            if len(page) < self._page_size:
                self._exhausted = True
            if page:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                for key, item in page:
                    self._keys.append(key)
                    self._rows.append(item)
                self.endInsertRows()
        finally:
            self._fetching = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by ``column`` in SQL; columns without a sort key are ignored."""
        if not self.is_sortable(column):
            return
        sort_key = self._columns[column].sort_key
        assert sort_key is not None
        descending = order == Qt.SortOrder.DescendingOrder
        if sort_key == self._sort and descending == self._descending and self._rows:
            return
        self.set_order(sort_key, descending)

    # --- internals -----------------------------------------------------------------------------

    def _clear(self) -> None:
        self._keys = []
        self._rows = []
        self._exhausted = False

    def _recount(self) -> None:
        try:
            total = int(self._count())
        except UserError as exc:
            log.warning("cannot count rows: %s", exc)
            self._total = len(self._rows)
            self.load_failed.emit(exc)
            return
        self._total = total
        self.total_changed.emit(total)
