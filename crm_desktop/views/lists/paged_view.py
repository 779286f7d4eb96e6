"""A table view over a :class:`PagedTableModel`: read-only rows, sorting in SQL on click."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from crm_desktop.views.itemmodels.paged import ROW_STATE_ROLE, PagedTableModel


class RowStateDelegate(QStyledItemDelegate):
    """Archived and deleted rows in the disabled text colour; deleted ones struck through."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        state = index.data(ROW_STATE_ROLE)
        if state is None:
            return
        muted = option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        option.palette.setColor(QPalette.ColorRole.Text, muted)
        option.palette.setColor(QPalette.ColorRole.HighlightedText, muted.lighter(160))
        if state == "deleted":
            option.font.setStrikeOut(True)


class PagedTableView(QTableView):
    """Rows selectable, never edited; a header click sorts by the columns that have a sort key.

    The header (column widths, order, sort column) is kept in QSettings under
    ``<settings_key>/header``.

    Signals:
        row_activated(row): a row was activated: double-clicked, or Enter pressed on it
            (Qt's ``activated``, which follows the platform's rule).
    """

    row_activated = Signal(int)

    def __init__(
        self,
        model: PagedTableModel[Any],
        *,
        settings_key: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._paged = model
        self._settings_key = settings_key
        self.setModel(model)
        self.setItemDelegate(RowStateDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCornerButtonEnabled(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # a million rows, one height
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._default_widths()
        self._show_model_order()
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self.activated.connect(self._on_activated)
        model.modelReset.connect(self._show_model_order)

    def paged_model(self) -> PagedTableModel[Any]:
        return self._paged

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"{self._settings_key}/header", self.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Restore widths and order; sort the model as the saved header says."""
        state = settings.value(f"{self._settings_key}/header")
        header = self.horizontalHeader()
        if isinstance(state, QByteArray | bytes) and state:
            header.blockSignals(True)
            try:
                restored = header.restoreState(QByteArray(state))
            finally:
                header.blockSignals(False)
            if restored and header.count() == self._paged.columnCount():
                section, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
                if self._paged.is_sortable(section):
                    self._paged.sort(section, order)
            else:  # a saved header of another column set
                self._default_widths()
        self._show_model_order()

    def _default_widths(self) -> None:
        # the width of a typical Russian letter: averageCharWidth() is Latin and too narrow
        sample = "Наименование клиента"
        char = max(self.fontMetrics().horizontalAdvance(sample) / len(sample), 1.0)
        for i, column in enumerate(self._paged.columns):
            self.horizontalHeader().resizeSection(i, round(column.width_chars * char) + 12)

    @Slot()
    def _show_model_order(self) -> None:
        header = self.horizontalHeader()
        order = (
            Qt.SortOrder.DescendingOrder if self._paged.descending else Qt.SortOrder.AscendingOrder
        )
        header.blockSignals(True)
        try:
            header.setSortIndicator(self._paged.sort_column(), order)
        finally:
            header.blockSignals(False)

    @Slot(int, Qt.SortOrder)
    def _on_header_sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        if self._paged.is_sortable(section):
            self._paged.sort(section, order)
            self.scrollToTop()
        self._show_model_order()  # a column without a sort key keeps the old indicator

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_activated.emit(index.row())
