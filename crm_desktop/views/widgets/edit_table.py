"""A small editable table for the parts of a card (phones and e-mails, bank accounts).

Rows are plain dicts (column field → value, plus ``id`` of an existing part), so a card binds
them to its draft explicitly. Text cells are edited in place, choice cells with a combo box,
flags with a check box. A service error for one row (``channels[1]`` or
``bank_accounts[0].bik``) is shown on that cell: a pale red background, the message as its
tooltip, and the message with the row number under the table.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.views.widgets.fields import ERROR_BACKGROUND, ErrorLabel

CODE_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
Choices = Callable[[dict[str, Any]], Sequence[tuple[str, str]]]  # row values → (code, label)


@dataclass(frozen=True)
class TableColumn:
    """A column: the row dict key, its header (English, translated in ``tr_context``), how it
    is edited ("text", "choice" or "check"), and for choices the (code, label) list."""

    field: str
    header: str
    kind: str = "text"
    choices: Choices | None = None
    width_chars: int = 14
    stretch: bool = False


class _ChoiceDelegate(QStyledItemDelegate):
    """Edits a choice cell with a combo box of the column's choices for that row."""

    def __init__(self, table: EditableTable) -> None:
        super().__init__(table.table)
        self._owner = table

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        column = self._owner.columns[index.column()]
        if column.kind != "choice" or column.choices is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for code, label in column.choices(self._owner.row_values(index.row())):
            combo.addItem(label, code)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(CODE_ROLE))
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), CODE_ROLE)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)
            return
        super().setModelData(editor, model, index)


class EditableTable(QWidget):
    """Rows of a card part with Add / Remove buttons and per-cell error marks.

    Signals:
        changed(): the user edited, added or removed a row.
        cell_edited(row, field): the user edited that cell.
    """

    changed = Signal()
    cell_edited = Signal(int, str)

    def __init__(
        self,
        columns: Sequence[TableColumn],
        *,
        tr_context: str,
        new_row: Callable[[], dict[str, Any]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._tr_context = tr_context
        self._new_row: Callable[[], dict[str, Any]] = new_row or dict
        self._filling = False
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate(tr_context, c.header) for c in self.columns]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setItemDelegate(_ChoiceDelegate(self))
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        sample = "Наименование клиента"
        char = max(self.fontMetrics().horizontalAdvance(sample) / len(sample), 1.0)
        for i, column in enumerate(self.columns):
            header.resizeSection(i, round(column.width_chars * char) + 12)
            if column.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._on_table_item_changed)

        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.error = ErrorLabel(self)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)

    # --- rows ----------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Show these rows (the card's load); does not count as an edit."""
        self._filling = True
        try:
            self.table.setRowCount(0)
            for values in rows:
                self._append(values)
        finally:
            self._filling = False
        self.clear_errors()

    def rows(self) -> list[dict[str, Any]]:
        """The rows as the user left them, each with ``id`` (None for a new row)."""
        return [self.row_values(r) for r in range(self.table.rowCount())]

    def row_values(self, row: int) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for c, column in enumerate(self.columns):
            item = self.table.item(row, c)
            if item is None:
                values[column.field] = False if column.kind == "check" else None
            elif column.kind == "check":
                values[column.field] = item.checkState() == Qt.CheckState.Checked
            elif column.kind == "choice":
                values[column.field] = item.data(CODE_ROLE)
            else:
                values[column.field] = item.text()
        first = self.table.item(row, 0)
        values["id"] = first.data(ID_ROLE) if first is not None else None
        return values

    def add_row(self, values: dict[str, Any] | None = None) -> int:
        """Append a row (the defaults of a new row, overridden by ``values``); an edit."""
        row = self._append({**self._new_row(), **(values or {})})
        self.table.setCurrentCell(row, 0)
        self.changed.emit()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.removeRow(row)
            self.changed.emit()

    def set_cell(self, row: int, field: str, value: Any) -> None:
        """Set one cell as the user would (a choice by its code); an edit."""
        c = next(i for i, col in enumerate(self.columns) if col.field == field)
        column = self.columns[c]
        item = self.table.item(row, c)
        if item is None:
            item = self._item(column, None, row)
            self.table.setItem(row, c, item)
        if column.kind == "check":
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        elif column.kind == "choice":
            labels = dict(column.choices(self.row_values(row))) if column.choices else {}
            item.setData(CODE_ROLE, value)
            item.setText(labels.get(value, "") if value is not None else "")
        else:
            item.setText("" if value is None else str(value))

    # --- errors --------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self._filling = True
        try:
            for r in range(self.table.rowCount()):
                for c in range(self.table.columnCount()):
                    item = self.table.item(r, c)
                    if item is not None and item.toolTip():
                        item.setBackground(QBrush())
                        item.setToolTip("")
        finally:
            self._filling = False
        self.error.clear_error()

    def mark_error(self, row: int, field: str | None, text: str) -> None:
        """Highlight the cell of ``field`` in ``row`` (the row's first text cell when None)."""
        column = self._column_for(field)
        line = self.tr("Row {row}: {text}").format(row=row + 1, text=text)
        self._append_error_line(line)
        if not 0 <= row < self.table.rowCount():
            return
        self._filling = True
        try:
            item = self.table.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(row, column, item)
            item.setBackground(QBrush(QColor(ERROR_BACKGROUND)))
            item.setToolTip(text)
        finally:
            self._filling = False

    def show_message(self, text: str) -> None:
        """An error about the table as a whole ("a client in this circle needs a phone")."""
        self._append_error_line(text)

    def error_cells(self) -> list[tuple[int, str]]:
        """(row, field) of every highlighted cell."""
        cells = []
        for r in range(self.table.rowCount()):
            for c, column in enumerate(self.columns):
                item = self.table.item(r, c)
                if item is not None and item.toolTip():
                    cells.append((r, column.field))
        return cells

    def focus_cell(self, row: int, field: str | None) -> None:
        self.table.setFocus()
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, self._column_for(field))

    # --- inside --------------------------------------------------------------------------------

    def _append_error_line(self, line: str) -> None:
        current = self.error.text()
        self.error.show_error(f"{current}\n{line}" if current else line)

    def _column_for(self, field: str | None) -> int:
        if field is not None:
            for i, column in enumerate(self.columns):
                if column.field == field:
                    return i
        return next((i for i, c in enumerate(self.columns) if c.kind == "text"), 0)

    def _append(self, values: dict[str, Any]) -> int:
        row = self.table.rowCount()
        filling, self._filling = self._filling, True
        try:
            self.table.insertRow(row)
            for c, column in enumerate(self.columns):
                self.table.setItem(
                    row, c, self._item(column, values.get(column.field), row, values)
                )
            first = self.table.item(row, 0)
            record_id = values.get("id")
            if first is not None and isinstance(record_id, uuid.UUID):
                first.setData(ID_ROLE, record_id)
        finally:
            self._filling = filling
        return row

    def _item(
        self,
        column: TableColumn,
        value: Any,
        row: int,
        values: dict[str, Any] | None = None,
    ) -> QTableWidgetItem:
        item = QTableWidgetItem()
        if column.kind == "check":
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        elif column.kind == "choice":
            row_values = values if values is not None else self.row_values(row)
            choices = column.choices(row_values) if column.choices else ()
            labels = dict(choices)
            item.setData(CODE_ROLE, value)
            item.setText(labels.get(value, "") if value is not None else "")
        else:
            item.setText("" if value is None else str(value))
        if row < self.table.rowCount():
            old = self.table.item(row, 0)
            if old is not None and column is self.columns[0]:
                item.setData(ID_ROLE, old.data(ID_ROLE))
        return item

    @Slot(QTableWidgetItem)
    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        if item.toolTip():  # the user is fixing a marked cell
            self._filling = True
            try:
                item.setBackground(QBrush())
                item.setToolTip("")
            finally:
                self._filling = False
        self.cell_edited.emit(item.row(), self.columns[item.column()].field)
        self.changed.emit()

    @Slot()
    def _on_add_button_clicked(self) -> None:
        row = self.add_row()
        first_text = self._column_for(None)
        self.table.setCurrentCell(row, first_text)
        item = self.table.item(row, first_text)
        if item is not None:
            self.table.editItem(item)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        self.remove_row(self.table.currentRow())
