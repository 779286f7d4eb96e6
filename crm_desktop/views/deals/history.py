"""What happened to a deal: its stage history (the Stages tab) and its audit trail (History).

The History tab is the cards' :class:`~crm_desktop.views.cards.history.HistoryView` reading
:func:`crm_desktop.services.deal_views.deal_history` (the deal with its lines, participants
and proposals), with the deal's codes (kind, status, VAT rate…) and amounts in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError
from crm_desktop.services.cards import HistoryLine
from crm_desktop.services.deal_views import deal_history
from crm_desktop.services.deals import StageChangeRow
from crm_desktop.views import messages
from crm_desktop.views.cards.history import HistoryModel, HistoryView
from crm_desktop.views.cards.labels import HISTORY_ACTIONS, date_text, datetime_text, history_value
from crm_desktop.views.deals.labels import (
    MONEY_FIELDS,
    NUMBER_FIELDS,
    deal_field_label,
    decimal_text,
    kind_label,
    part_label,
    percent_text,
    proposal_status_label,
    requirement_label,
    status_label,
    vat_label,
)

AnyIndex = QModelIndex | QPersistentModelIndex
DATE_FIELDS = frozenset(
    {"opened_on", "expected_on", "closed_on", "contract_date", "issued_on", "valid_until"}
)


def deal_value_text(line: HistoryLine, value: str | None) -> str:
    """A value of the deal's audit trail as people read it."""
    if value is None:
        return ""
    field = line.field or ""
    if field == "kind" and not line.part:
        return kind_label(value)
    if field == "status":
        return proposal_status_label(value) if line.part == "proposal" else status_label(value)
    if field == "vat_rate":
        return vat_label(value)
    if field == "probability":
        return percent_text(int(value)) if value.isdigit() else value
    if field in DATE_FIELDS:
        try:
            return date_text(date.fromisoformat(value))
        except ValueError:
            return value
    if field in MONEY_FIELDS or field in NUMBER_FIELDS:
        try:
            number = Decimal(value)
        except InvalidOperation:
            return value
        return decimal_text(number, 2 if field in MONEY_FIELDS else None)
    return history_value(line.field, value)


def deal_what_text(line: HistoryLine) -> str:
    """ "Changed: Stage", "Line «Гвозди»: created"."""
    action = QCoreApplication.translate("History", HISTORY_ACTIONS.get(line.action, line.action))
    subject = ""
    if line.part:
        part = part_label(line.part)
        subject = f"{part} «{line.part_text}»" if line.part_text else part
    if line.field:
        field = deal_field_label(line.field)
        return f"{subject}: {field}" if subject else field
    return f"{subject}: {action.lower()}" if subject else action


class DealHistoryModel(HistoryModel):
    """The cards' history model with the deal's own words for fields and values."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() < 2:
            return super().data(index, role)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        line = self.line(index.row())
        if index.column() == 2:
            return deal_what_text(line)
        return deal_value_text(line, line.old_value if index.column() == 3 else line.new_value)


class DealHistoryView(HistoryView):
    """The History tab of a deal card."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, "deal", parent)
        self.model = DealHistoryModel(self)
        self.view.setModel(self.model)

    def load(self) -> None:
        self.stale = False
        if self._record_id is None:
            self.model.set_lines([])
            return
        try:
            self.model.set_lines(deal_history(self._db, self._record_id))
            self.error.clear_error()
        except UserError as error:
            self.error.show_error(messages.user_message(error))


def _side(stage: str | None, status: str) -> str:
    if status != "open":
        return status_label(status)
    return stage or "—"


def change_text(row: StageChangeRow) -> str:
    """ "Первичный контакт → Выявление потребностей", "Договор → Выиграна", "Создана"."""
    if row.from_stage is None and row.from_status == row.to_status == "open":
        created = QCoreApplication.translate("StageHistory", "Deal created")
        return f"{created}: {row.to_stage}" if row.to_stage else created
    if row.from_status != "open" and row.to_status == "open":
        reopened = QCoreApplication.translate("StageHistory", "reopened")
        return f"{status_label(row.from_status)} → {_side(row.to_stage, 'open')} ({reopened})"
    return f"{_side(row.from_stage, row.from_status)} → {_side(row.to_stage, row.to_status)}"


class StageHistoryTable(QTableWidget):
    """The stage history: when, who, from → to, the requirements skipped (in words), comment.
    Newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("stageHistoryTable")
        self.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Change"),
                self.tr("Skipped requirements"),
                self.tr("Comment"),
            ]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((120, 230, 400, 260)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._rows: list[StageChangeRow] = []

    def set_changes(self, changes: Sequence[StageChangeRow]) -> None:
        self._rows = list(reversed(changes))
        self.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            skipped = ", ".join(requirement_label(code) for code in row.skipped)
            texts = (
                datetime_text(row.at),
                row.user_name or "",
                change_text(row),
                skipped,
                row.comment or "",
            )
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(r, c, item)
        self.resizeRowsToContents()

    def texts(self) -> list[list[str]]:
        """The table as shown, newest first (for tests)."""
        return [
            [self.item(r, c).text() for c in range(self.columnCount())]  # type: ignore[union-attr]
            for r in range(self.rowCount())
        ]
