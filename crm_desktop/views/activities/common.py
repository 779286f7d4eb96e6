"""Widgets the activity cards and dialogs share: a link to a client or contact shown by name
with Open / Choose… / Clear, a deal chosen among the client's deals, a local date and time."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QDateTime, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError
from crm_desktop.services import cards
from crm_desktop.services import parties as p
from crm_desktop.services.lists import DealFilter, PageRequest, deal_page
from crm_desktop.views.cards.base import combo_index
from crm_desktop.views.cards.dialogs import PartyPicker
from crm_desktop.views.qtconv import qt_datetime

DEALS_SHOWN = 200


class LinkField(QWidget):
    """A client or contact an activity concerns: its name, Open, Choose… and Clear.

    Signals:
        changed(): the user chose another record or cleared it.
        open_requested(kind, id): Open was pressed.
    """

    changed = Signal()
    open_requested = Signal(str, object)

    def __init__(self, db: Database, kind: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._kind = kind
        self._title = title
        self._id: uuid.UUID | None = None
        self.name = QLineEdit(self)
        self.name.setReadOnly(True)
        self.name.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.clear_button = QPushButton("✕", self)
        self.clear_button.setToolTip(self.tr("Clear"))
        self.clear_button.setFixedWidth(self.clear_button.sizeHint().height() + 4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self._update()

    def value(self) -> uuid.UUID | None:
        return self._id

    def set_value(self, record_id: uuid.UUID | None, name: str | None = None) -> None:
        """Show ``record_id``; its name is read when not given."""
        self._id = record_id
        if record_id is not None and name is None:
            try:
                name = cards.party_name(self._db, self._kind, record_id)
            except UserError:
                name = None
        self.name.setText(name or "" if record_id is not None else "")
        self._update()

    def set_editable(self, editable: bool) -> None:
        self.choose_button.setVisible(editable)
        self.clear_button.setVisible(editable)

    def choose(self) -> bool:
        picked = PartyPicker.ask(self, self._db, self._kind, title=self._title)
        if picked is None:
            return False
        self.set_value(picked.party.id, picked.party.name)
        self.changed.emit()
        return True

    def _update(self) -> None:
        self.open_button.setEnabled(self._id is not None)
        self.clear_button.setEnabled(self._id is not None)

    @Slot()
    def _on_open_clicked(self) -> None:
        if self._id is not None:
            self.open_requested.emit(self._kind, self._id)

    @Slot()
    def _on_clear_clicked(self) -> None:
        self.set_value(None)
        self.changed.emit()


class DealField(QWidget):
    """A deal of the chosen client (a combo of its deals, newest number first) and Open.

    Signals: ``open_requested("deal", id)``.
    """

    open_requested = Signal(str, object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._client_id: uuid.UUID | None = None
        self.combo = QComboBox(self)
        self.combo.addItem("", None)
        self.open_button = QPushButton(self.tr("Open"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.open_button)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.combo.currentIndexChanged.connect(self._update)
        self._update()

    def set_client(self, client_id: uuid.UUID | None, keep: uuid.UUID | None = None) -> None:
        """List the client's deals (none without a client), keeping ``keep`` chosen."""
        self._client_id = client_id
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            self.combo.addItem("", None)
            if client_id is not None:
                try:
                    rows = deal_page(
                        self._db,
                        DealFilter(client_id=client_id),
                        PageRequest("number", True, limit=DEALS_SHOWN),
                    )
                except UserError:
                    rows = []
                for _key, row in rows:
                    self.combo.addItem(f"{row.number} {row.title}", row.id)
        finally:
            self.combo.blockSignals(False)
        self.set_value(keep)

    def set_value(self, deal_id: uuid.UUID | None, label: str | None = None) -> None:
        index = combo_index(self.combo, deal_id)
        if index < 0 and deal_id is not None:
            self.combo.addItem(label or str(deal_id), deal_id)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))
        self._update()

    def value(self) -> uuid.UUID | None:
        data = self.combo.currentData()
        return data if isinstance(data, uuid.UUID) else None

    @Slot()
    def _update(self, *_args: object) -> None:
        self.open_button.setEnabled(self.value() is not None)

    @Slot()
    def _on_open_clicked(self) -> None:
        deal_id = self.value()
        if deal_id is not None:
            self.open_requested.emit("deal", deal_id)


class LocalDateTimeEdit(QDateTimeEdit):
    """An aware time edited in local time (``tz``; the computer's by default)."""

    def __init__(self, parent: QWidget | None = None, *, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.setMaximumWidth(180)

    def set_value(self, value: datetime) -> None:
        local = value.astimezone(self._tz).replace(tzinfo=None, second=0, microsecond=0)
        self.setDateTime(qt_datetime(local))

    def value(self) -> datetime:
        current: QDateTime = self.dateTime()
        d, t = current.date(), current.time()
        naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        if self._tz is None:
            return naive.astimezone().astimezone(UTC)
        return naive.replace(tzinfo=self._tz).astimezone(UTC)


def compact_table(table: QTableWidget, headers: Sequence[str]) -> None:
    """A read-only, whole-row-select table with left-aligned headers, the last column wide."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


def item(text: str | None, payload: object = None) -> QTableWidgetItem:
    cell = QTableWidgetItem(text or "")
    if payload is not None:
        cell.setData(Qt.ItemDataRole.UserRole, payload)
    return cell


def primary_client(db: Database, contact_id: uuid.UUID) -> uuid.UUID | None:
    """The client the contact works for (the first of its clients), if any."""
    try:
        links = p.clients_of_contact(db, contact_id)
    except UserError:
        return None
    return links[0].owner_id if links else None


def escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
