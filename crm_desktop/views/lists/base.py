"""What every list tab has: a search box, filter widgets, the paged table, a notice line.

Typing in the search box starts a search 250 ms after the last key (search-as-you-type); a
filter widget applies at once. Either way the page builds the filter and hands the model a new
source: the model reads it on a worker thread and swaps the rows in when they are there, so the
GUI thread never waits for a search. Enter or a double click on a row asks for its card through
``open_requested(kind, id)``; the main window decides how to open it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.views.itemmodels.paged import PagedTableModel, PageSource
from crm_desktop.views.lists.paged_view import PagedTableView
from crm_desktop.views.widgets.flow import FlowLayout

F = TypeVar("F")
R = TypeVar("R")

SEARCH_DEBOUNCE_MS = 250
COMBO_CHARS = 13  # a filter combo shows this many characters; its popup is as wide as needed


def compact(combo: QComboBox) -> None:
    """A filter combo that does not grow with its longest item (a manager's full name)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARS)
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + 24)


class ListPage(QWidget, Generic[F, R]):
    """A list tab over a :class:`PagedTableModel`; subclasses add their filter widgets.

    Subclasses give ``kind`` (what ``open_requested`` names), ``settings_key``, and
    :meth:`current_filter` (the filter the widgets show, search text included).

    Signals:
        open_requested(kind, id): the user wants the card of that record.
    """

    open_requested = Signal(str, object)

    kind = ""
    settings_key = ""

    def __init__(
        self,
        model: PagedTableModel[R],
        make_source: Callable[[F], PageSource[R]],
        default_filter: F,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._make_source = make_source
        self._default_filter = default_filter
        self._applied: F = default_filter

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("search")
        self.search_box.setClearButtonEnabled(True)
        find = QKeySequence(QKeySequence.StandardKey.Find).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.search_box.setPlaceholderText(
            QCoreApplication.translate("ListPage", "Search ({shortcut})").format(shortcut=find)
        )
        self.search_box.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 30))
        self.search_box.installEventFilter(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.view = PagedTableView(model, settings_key=self.settings_key, parent=self)

        # the filters wrap onto a second line rather than widen the window
        self.filter_bar = QWidget(self)
        self.filter_bar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.filters = FlowLayout(self.filter_bar, spacing=8)
        top = QHBoxLayout()
        top.setContentsMargins(6, 6, 6, 0)
        top.setSpacing(12)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.filter_bar, 3)
        top.addWidget(self.notice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search_box.textChanged.connect(self._on_search_text_changed)
        self.search_box.returnPressed.connect(self.apply_filter)
        self.view.row_activated.connect(self._on_view_row_activated)
        model.loading_changed.connect(self._update_notice)
        model.total_changed.connect(self._update_notice)
        model.modelReset.connect(self._update_notice)

    # --- what subclasses give -------------------------------------------------------------------

    def current_filter(self) -> F:
        raise NotImplementedError

    # --- own API -------------------------------------------------------------------------------

    @property
    def applied_filter(self) -> F:
        """The filter the model shows (or is reading right now)."""
        return self._applied

    def apply_filter(self) -> None:
        """Show what the search box and the filter widgets say (read in the background)."""
        self._debounce.stop()
        flt = self.current_filter()
        if flt == self._applied:
            return
        self._applied = flt
        self.model.set_source(self._make_source(flt))

    def refresh(self) -> None:
        """Read the list again: at once when unfiltered, in the background otherwise."""
        self._debounce.stop()
        flt = self.current_filter()
        self._applied = flt
        if flt == self._default_filter:
            self.model.refresh(self._make_source(flt))
        else:
            self.model.set_source(self._make_source(flt))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def save_state(self, settings: QSettings) -> None:
        self.view.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        self.view.restore_state(settings)

    # --- events --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box goes to the rows; Escape clears the search."""
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.apply_filter()
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                if self.view.current_row() < 0:
                    self.view.selectRow(0)
                return True
            if event.key() == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                self.apply_filter()
                return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._debounce.start()

    @Slot(int)
    def _on_view_row_activated(self, row: int) -> None:
        record_id = self.model.row_id(row)
        if record_id is not None:
            self.open_requested.emit(self.kind, record_id)

    @Slot()
    def _update_notice(self, *_args: Any) -> None:
        # the base class's texts are in the "ListPage" context, whatever the subclass
        model = self.model
        searching = bool(self.search_box.text().strip())
        if model.loading:
            text = (
                QCoreApplication.translate("ListPage", "Searching…")
                if searching
                else QCoreApplication.translate("ListPage", "Reading…")
            )
        elif model.capped:
            text = QCoreApplication.translate(
                "ListPage", "Only the first {count} matches are shown: type more to narrow them."
            ).format(count=QLocale().toString(model.total()))
        elif model.total_known and model.total() == 0 and searching:
            text = QCoreApplication.translate("ListPage", "Nothing found.")
        else:
            text = ""
        self.notice.setText(text)
