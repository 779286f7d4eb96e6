"""A read-only list of linked records on a card tab (counterparties, contacts, relations) with
its buttons. Each row carries the object it shows; double-click or Enter activates it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.views.widgets.fields import ErrorLabel
from crm_desktop.views.widgets.flow import FlowLayout

PAYLOAD_ROLE = Qt.ItemDataRole.UserRole


class LinkTable(QWidget):
    """Rows of linked records; buttons that need a row are enabled only with one selected.

    Signals:
        activated(object): the user double-clicked (or pressed Enter on) a row's object.
        selection_changed(): the current row changed.
    """

    activated = Signal(object)
    selection_changed = Signal()

    def __init__(
        self,
        headers: Sequence[str],
        *,
        widths: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._payloads: list[Any] = []
        self._row_buttons: list[QPushButton] = []
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        if len(headers) == 1:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(self._on_table_item_activated)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        # the buttons wrap onto a second line rather than widen the card (a laptop's screen)
        self.button_bar = QWidget(self)
        self.buttons = FlowLayout(self.button_bar, spacing=6)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self.button_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self._stretch_added = False

    def add_button(self, text: str, *, needs_row: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        self.buttons.addWidget(button)
        if needs_row:
            self._row_buttons.append(button)
            button.setEnabled(False)
        return button

    def finish_buttons(self) -> None:
        """The buttons after this one form a second group (a wider gap before them)."""
        spacer = QWidget(self.button_bar)
        spacer.setFixedWidth(12)
        self.buttons.addWidget(spacer)

    def set_rows(self, rows: Sequence[tuple[Sequence[str | None], Any]]) -> None:
        """(cell texts, payload) per row; the selection is kept on the same payload."""
        current = self.current()
        self._payloads = [payload for _texts, payload in rows]
        self.table.setRowCount(len(rows))
        for r, (texts, _payload) in enumerate(rows):
            for c, text in enumerate(texts):
                self.table.setItem(r, c, QTableWidgetItem(text or ""))
        if current is not None and current in self._payloads:
            self.table.selectRow(self._payloads.index(current))
        self._on_table_item_selection_changed()

    def payloads(self) -> list[Any]:
        return list(self._payloads)

    def current(self) -> Any:
        row = self.table.currentRow()
        if not self.table.selectionModel().hasSelection():
            return None
        return self._payloads[row] if 0 <= row < len(self._payloads) else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def set_notice(self, text: str | None) -> None:
        """A note over the table ("save the card to add contacts"); None hides it."""
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    @Slot(QTableWidgetItem)
    def _on_table_item_activated(self, item: QTableWidgetItem) -> None:
        if 0 <= item.row() < len(self._payloads):
            self.activated.emit(self._payloads[item.row()])

    @Slot()
    def _on_table_item_selection_changed(self) -> None:
        has_row = self.current() is not None
        for button in self._row_buttons:
            button.setEnabled(has_row and self.isEnabled())
        self.selection_changed.emit()
