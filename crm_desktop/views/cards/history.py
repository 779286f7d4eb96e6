"""The History tab of a card: who changed what and when, old → new, newest first."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, UserError
from crm_desktop.services.cards import HistoryLine, card_history
from crm_desktop.views import messages
from crm_desktop.views.cards.labels import (
    HISTORY_ACTIONS,
    HISTORY_PART_ACTIONS,
    HISTORY_PART_CHANGE,
    HISTORY_PARTS,
    datetime_text,
    field_label,
    history_value,
)
from crm_desktop.views.widgets.fields import ErrorLabel

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = (
    QT_TRANSLATE_NOOP("History", "When"),
    QT_TRANSLATE_NOOP("History", "Who"),
    QT_TRANSLATE_NOOP("History", "What"),
    QT_TRANSLATE_NOOP("History", "Was"),
    QT_TRANSLATE_NOOP("History", "Became"),
)


def what_text(entity: str, line: HistoryLine) -> str:
    """ "INN", "Record created", "Added: contact person «Иванов И. И.»",
    "Contact information «+7 495…»: Value" — as the card of ``entity`` reads it."""
    if not line.part:
        if line.field:
            return field_label(line.field)
        return QCoreApplication.translate("History", HISTORY_ACTIONS.get(line.action, line.action))
    part_text = HISTORY_PARTS.get((entity, line.part)) or HISTORY_PARTS.get(line.part, line.part)
    part = QCoreApplication.translate("History", part_text)
    template = HISTORY_PART_ACTIONS.get(line.action)
    text = (
        QCoreApplication.translate("History", template) if template else HISTORY_PART_CHANGE
    ).format(part=part, name=line.part_text or "", field=field_label(line.field or ""))
    return text[:1].upper() + text[1:]


class HistoryModel(QAbstractTableModel):
    """A card's history lines (a card's history is short: fully loaded, newest first)."""

    def __init__(self, parent: QWidget | None = None, *, entity: str = "") -> None:
        super().__init__(parent)
        self._entity = entity
        self._lines: list[HistoryLine] = []

    def set_lines(self, lines: Sequence[HistoryLine]) -> None:
        self.beginResetModel()
        self._lines = list(reversed(lines))
        self.endResetModel()

    def line(self, row: int) -> HistoryLine:
        return self._lines[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if column == 0:
            return datetime_text(line.at)
        if column == 1:
            return line.user_name or ""
        if column == 2:
            return what_text(self._entity, line)
        value = line.old_value if column == 3 else line.new_value
        return history_value(line.field, value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("History", HEADERS[section])
        return None


class HistoryView(QWidget):
    """The tab: the table, read when first shown and again after each save."""

    def __init__(self, db: Database, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._entity = entity
        self._record_id: uuid.UUID | None = None
        self.stale = True
        self.model = HistoryModel(self, entity=entity)
        self.view = QTableView(self)
        self.view.setObjectName("historyTable")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((125, 190, 400, 200)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)

    def set_record(self, record_id: uuid.UUID | None) -> None:
        self._record_id = record_id
        self.stale = True

    def load(self) -> None:
        """Read the history now (one indexed query; fine on the GUI thread)."""
        self.stale = False
        if self._record_id is None:
            self.model.set_lines([])
            return
        try:
            self.model.set_lines(card_history(self._db, self._entity, self._record_id))
            self.error.clear_error()
        except UserError as error:
            self.error.show_error(messages.user_message(error))
