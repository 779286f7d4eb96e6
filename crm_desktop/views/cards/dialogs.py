"""The small dialogs of the cards, each behind an ``ask(...)`` classmethod tests monkeypatch.

- :class:`UnsavedChanges`: "save, discard or cancel?" when a changed card is closed;
- :class:`Confirm`: a yes/no question (unlink, remove a relation, merge);
- :class:`CompareDialog`: the user's values beside the ones saved meanwhile;
- :class:`PartyPicker`: find a client, counterparty or contact (search through the index),
  optionally with the position and role of the link being made;
- :class:`LinkDialog`: a link's position and role;
- :class:`RelationDialog`: a relation to another client or contact, with its kind.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError
from crm_desktop.services import cards
from crm_desktop.services.parties import CatalogueItem
from crm_desktop.views import messages
from crm_desktop.views.cards.labels import contact_role_suggestions

SEARCH_DELAY_MS = 250
Answer = Literal["save", "discard", "cancel"]


class UnsavedChanges:
    """Closing a card with unsaved changes: save them, discard them, or stay."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> Answer:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("UnsavedChanges", "Unsaved changes"))
        box.setText(
            QCoreApplication.translate(
                "UnsavedChanges", "«{title}» has unsaved changes. Save them?"
            ).format(title=title)
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        save = box.button(QMessageBox.StandardButton.Save)
        discard = box.button(QMessageBox.StandardButton.Discard)
        if save is not None:
            save.setText(QCoreApplication.translate("UnsavedChanges", "Save"))
        if discard is not None:
            discard.setText(QCoreApplication.translate("UnsavedChanges", "Don't save"))
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"


class Confirm:
    """A yes/no question; No is the default."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class Difference:
    field: str
    label: str
    mine: str
    theirs: str


class CompareDialog(QDialog):
    """What the user typed beside what is saved now, for the fields that differ."""

    def __init__(self, differences: Sequence[Difference], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare with the saved version"))
        self.resize(760, 420)
        intro = QLabel(
            self.tr(
                "These fields differ between what you typed and what is saved now. "
                "Keep yours to save them over the other changes, or close and reload."
            )
            if differences
            else self.tr("What you typed does not differ from what is saved now."),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(differences), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Mine"), self.tr("Saved meanwhile")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, diff in enumerate(differences):
            for column, text in enumerate((diff.label, diff.mine, diff.theirs)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(self)
        self.keep_button = buttons.addButton(
            self.tr("Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # now that the columns have their widths

    @classmethod
    def ask(cls, parent: QWidget | None, differences: Sequence[Difference]) -> bool:
        """True when the user keeps their values (to save them over the newer version)."""
        return cls(differences, parent).exec() == QDialog.DialogCode.Accepted


class PartySearch(QWidget):
    """A search box over a results table of clients, counterparties or contacts.

    The search runs through the index (``services.cards.find_parties``), a moment after the
    user stops typing. Signals: ``chosen(PartyRef)`` on double-click or Enter in the table;
    ``current_changed()`` when the selection moves.
    """

    chosen = Signal(object)
    current_changed = Signal()

    def __init__(
        self,
        db: Database,
        kind: str,
        *,
        exclude: Sequence[uuid.UUID] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._kind = kind
        self._exclude = tuple(exclude)
        self._results: list[cards.PartyRef] = []
        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Name, INN, phone or e-mail"))
        self.table = QTableWidget(0, 2, self)
        detail = {
            "client": self.tr("Industry"),
            "counterparty": self.tr("INN"),
            "contact": self.tr("Position"),
        }[kind]
        self.table.setHorizontalHeaderLabels([self.tr("Name"), detail])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 240)
        self.table.itemSelectionChanged.connect(self.current_changed)
        self.table.itemActivated.connect(self._on_table_item_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self.search_now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table, 1)

    def search_now(self) -> None:
        self._timer.stop()
        try:
            self._results = cards.find_parties(
                self._db, self._kind, self.search_box.text(), exclude=self._exclude
            )
        except UserError as error:
            messages.report_error(self, error)
            self._results = []
        self.table.setRowCount(len(self._results))
        for row, ref in enumerate(self._results):
            self.table.setItem(row, 0, QTableWidgetItem(ref.name))
            self.table.setItem(row, 1, QTableWidgetItem(ref.detail or ""))
        if self._results:
            self.table.selectRow(0)
        self.current_changed.emit()

    def results(self) -> list[cards.PartyRef]:
        return list(self._results)

    def current(self) -> cards.PartyRef | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self._results[row] if selected and 0 <= row < len(self._results) else None

    def select(self, record_id: uuid.UUID) -> None:
        for row, ref in enumerate(self._results):
            if ref.id == record_id:
                self.table.selectRow(row)
                return

    @Slot(QTableWidgetItem)
    def _on_table_item_activated(self, item: QTableWidgetItem) -> None:
        if 0 <= item.row() < len(self._results):
            self.chosen.emit(self._results[item.row()])


@dataclass(frozen=True)
class Picked:
    party: cards.PartyRef
    position: str | None = None
    role: str | None = None


def role_combo(parent: QWidget, current: str | None = None) -> QComboBox:
    """An editable combo of typical roles; any text may be typed."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItem("")
    combo.addItems(contact_role_suggestions())
    combo.setCurrentText(current or "")
    return combo


def _text_or_none(text: str) -> str | None:
    return text.strip() or None


class PartyPicker(QDialog):
    """Choose a client, counterparty or contact; with ``with_link`` also the position and
    role the chosen contact has in the link being made."""

    def __init__(
        self,
        db: Database,
        kind: str,
        *,
        title: str,
        exclude: Sequence[uuid.UUID] = (),
        with_link: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 480)
        self.search = PartySearch(db, kind, exclude=exclude, parent=self)
        self.position = QLineEdit(self)
        self.role = role_combo(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.search.chosen.connect(lambda _ref: self.accept())
        self.search.current_changed.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search, 1)
        if with_link:
            form = QFormLayout()
            form.addRow(self.tr("Position:"), self.position)
            form.addRow(self.tr("Role:"), self.role)
            layout.addLayout(form)
        else:
            self.position.hide()
            self.role.hide()
        layout.addWidget(self.buttons)
        self.search.search_now()
        self.search.search_box.setFocus()

    def picked(self) -> Picked | None:
        party = self.search.current()
        if party is None:
            return None
        return Picked(
            party, _text_or_none(self.position.text()), _text_or_none(self.role.currentText())
        )

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(self.search.current() is not None)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db: Database,
        kind: str,
        *,
        title: str,
        exclude: Sequence[uuid.UUID] = (),
        with_link: bool = False,
    ) -> Picked | None:
        dialog = cls(db, kind, title=title, exclude=exclude, with_link=with_link, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.picked()


class LinkDialog(QDialog):
    """The position and role of a contact at a client or counterparty."""

    def __init__(
        self, name: str, position: str | None, role: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Position and role"))
        self.position = QLineEdit(position or "", self)
        self.role = role_combo(self, role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        title = QLabel(f"<b>{name}</b>", self)
        title.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(title)
        form.addRow(self.tr("Position:"), self.position)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    @classmethod
    def ask(
        cls, parent: QWidget | None, name: str, position: str | None, role: str | None
    ) -> tuple[str | None, str | None] | None:
        dialog = cls(name, position, role, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return _text_or_none(dialog.position.text()), _text_or_none(dialog.role.currentText())


@dataclass(frozen=True)
class RelationChoice:
    """``from_id`` is <kind> of ``to_id``."""

    from_id: uuid.UUID
    to_id: uuid.UUID
    kind_id: uuid.UUID
    comment: str | None


class RelationDialog(QDialog):
    """A relation of this client (contact) to another: "this one is <kind> of <that one>".

    The kind list holds each catalogue kind as read from this side, in both directions
    ("Управляющая компания" makes this one the holding; "Входит в холдинг" the other one).
    """

    def __init__(
        self,
        db: Database,
        kind: str,
        this_id: uuid.UUID,
        kinds: Sequence[CatalogueItem],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._this_id = this_id
        self.setWindowTitle(self.tr("New relation"))
        self.resize(640, 520)
        self.kind = QComboBox(self)
        for item in kinds:
            self.kind.addItem(item.name, (item.id, True))
            reverse = item.extra.get("reverse_name", "")
            if reverse and reverse != item.name:
                self.kind.addItem(reverse, (item.id, False))
        self.search = PartySearch(db, kind, exclude=[this_id], parent=self)
        self.comment = QLineEdit(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.search.current_changed.connect(self._update_ok)
        form = QFormLayout()
        form.addRow(
            self.tr("This client is:") if kind == "client" else self.tr("This person is:"),
            self.kind,
        )
        form.addRow(self.tr("Comment:"), self.comment)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Of whom:"), self))
        layout.addWidget(self.search, 1)
        layout.addWidget(self.buttons)
        self.search.search_now()

    def choice(self) -> RelationChoice | None:
        other = self.search.current()
        data = self.kind.currentData()
        if other is None or data is None:
            return None
        kind_id, forward = data
        comment = _text_or_none(self.comment.text())
        if forward:
            return RelationChoice(self._this_id, other.id, kind_id, comment)
        return RelationChoice(other.id, self._this_id, kind_id, comment)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(self.search.current() is not None)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db: Database,
        kind: str,
        this_id: uuid.UUID,
        kinds: Sequence[CatalogueItem],
    ) -> RelationChoice | None:
        dialog = cls(db, kind, this_id, kinds, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
