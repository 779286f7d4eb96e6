"""A table view over a :class:`PagedTableModel`: read-only rows, sorting in SQL on click."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, Slot
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from crm_desktop.views.itemmodels.paged import PagedTableModel


class PagedTableView(QTableView):
    """Rows selectable, never edited; a header click sorts by the columns that have a sort key.

    The header (column widths, order, sort column) is kept in QSettings under
    ``<settings_key>/header``.
    """

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
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
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

    def paged_model(self) -> PagedTableModel[Any]:
        return self._paged

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
