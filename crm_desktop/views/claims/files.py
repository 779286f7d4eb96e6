"""The Files tab: documents attached to a claim (an act, photos, the client's letter).

Add… reads a file the user picks (at most 20 MB) into the database; Save a copy… writes the
chosen file where the user says; Remove takes it off the list (a soft delete, kept for the
history). Each is one service call of :mod:`crm_desktop.services.attachments`.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from crm_desktop.db import Database
from crm_desktop.errors import UserError
from crm_desktop.services import attachments as att
from crm_desktop.services.attachments import AttachmentRow
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.cards.dialogs import Confirm
from crm_desktop.views.cards.labels import datetime_text
from crm_desktop.views.cards.links import LinkTable


def size_text(size: int) -> str:
    """«820 B», «12.3 KB», «4.1 MB» in the UI locale."""
    locale = QLocale()
    if size < 1024:
        return QCoreApplication.translate("ClaimFiles", "{n} B").format(n=size)
    if size < 1024 * 1024:
        return QCoreApplication.translate("ClaimFiles", "{n} KB").format(
            n=locale.toString(size / 1024, "f", 1)
        )
    return QCoreApplication.translate("ClaimFiles", "{n} MB").format(
        n=locale.toString(size / (1024 * 1024), "f", 1)
    )


class FileDialogs:
    """Which file to attach and where to save a copy (tests monkeypatch these)."""

    @classmethod
    def open_path(cls, parent: QWidget | None) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("ClaimFiles", "Attach a file")
        )
        return Path(path) if path else None

    @classmethod
    def save_path(cls, parent: QWidget | None, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("ClaimFiles", "Save a copy of the file"), suggested
        )
        return Path(path) if path else None


class FilesTab(QWidget):
    """The attachments of one record (``owner_kind`` "claim" by default).

    Signals:
        changed(): a file was added or removed.
    """

    changed = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        owner_kind: str = "claim",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filesTab")
        self.db = db
        self.actor = actor
        self.owner_kind = owner_kind
        self.owner_id: uuid.UUID | None = None
        self._read_only = False
        self.files = LinkTable(
            [self.tr("File"), self.tr("Size"), self.tr("Added"), self.tr("By")],
            widths=(360, 90, 130),
            parent=self,
        )
        self.files.table.setObjectName("filesTable")
        self.add_button = self.files.add_button(self.tr("Add…"))
        self.add_button.setObjectName("addFile")
        self.save_button = self.files.add_button(self.tr("Save a copy…"), needs_row=True)
        self.save_button.setObjectName("saveFile")
        self.remove_button = self.files.add_button(self.tr("Remove"), needs_row=True)
        self.remove_button.setObjectName("removeFile")
        self.files.finish_buttons()
        self.add_button.clicked.connect(self._on_add_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.files.activated.connect(self._on_files_activated)
        self.files.selection_changed.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.files)
        self.set_owner(None)

    # --- own API -------------------------------------------------------------------------------

    def set_owner(self, owner_id: uuid.UUID | None) -> None:
        self.owner_id = owner_id
        self.refresh()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._update_buttons()

    def rows(self) -> list[AttachmentRow]:
        rows: list[AttachmentRow] = self.files.payloads()
        return rows

    def refresh(self) -> None:
        self.files.error.clear_error()
        if self.owner_id is None:
            self.files.set_rows([])
            self.files.set_notice(self.tr("Save the claim first to attach files."))
            self._update_buttons()
            return
        self.files.set_notice(None)
        try:
            rows = att.list_attachments(self.db, self.owner_kind, self.owner_id)
        except UserError as error:
            self.files.error.show_error(messages.user_message(error))
            return
        self.files.set_rows(
            [
                (
                    (x.file_name, size_text(x.size), datetime_text(x.created_at), x.created_by),
                    x,
                )
                for x in rows
            ]
        )
        for row in range(self.files.table.rowCount()):
            item = self.files.table.item(row, 1)
            if item is not None:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._update_buttons()

    def add_file(self, path: Path | None = None) -> AttachmentRow | None:
        """Attach ``path`` (asked for when None); refusals show under the list."""
        if self.owner_id is None or self._read_only:
            return None
        path = path or FileDialogs.open_path(self)
        if path is None:
            return None
        self.files.error.clear_error()
        try:
            row = att.add_attachment_file(self.db, self.actor, self.owner_kind, self.owner_id, path)
        except UserError as error:
            self.files.error.show_error(messages.user_message(error))
            return None
        except OSError as error:
            self.files.error.show_error(
                self.tr("Could not read {path}: {error}").format(
                    path=path, error=error.strerror or error
                )
            )
            return None
        self.refresh()
        self.changed.emit()
        return row

    def save_copy(self, path: Path | None = None) -> Path | None:
        """Write the chosen file to ``path`` (asked for when None)."""
        current: AttachmentRow | None = self.files.current()
        if current is None:
            return None
        path = path or FileDialogs.save_path(self, current.file_name)
        if path is None:
            return None
        self.files.error.clear_error()
        try:
            content = att.attachment_content(self.db, current.id)
            path.write_bytes(content.content)
        except UserError as error:
            self.files.error.show_error(messages.user_message(error))
            return None
        except OSError as error:
            self.files.error.show_error(
                self.tr("Could not write {path}: {error}").format(
                    path=path, error=error.strerror or error
                )
            )
            return None
        return path

    def remove_file(self, *, confirm: bool = True) -> bool:
        current: AttachmentRow | None = self.files.current()
        if current is None or self._read_only:
            return False
        question = self.tr("Remove the file «{name}» from the claim?").format(
            name=current.file_name
        )
        if confirm and not Confirm.ask(self, self.tr("Remove"), question):
            return False
        try:
            att.remove_attachment(self.db, self.actor, current.id)
        except UserError as error:
            self.files.error.show_error(messages.user_message(error))
            return False
        self.refresh()
        self.changed.emit()
        return True

    # --- inside --------------------------------------------------------------------------------

    @Slot()
    def _update_buttons(self) -> None:
        has_row = self.files.current() is not None
        self.add_button.setEnabled(self.owner_id is not None and not self._read_only)
        self.save_button.setEnabled(has_row)
        self.remove_button.setEnabled(has_row and not self._read_only)

    @Slot()
    def _on_add_clicked(self) -> None:
        self.add_file()

    @Slot()
    def _on_save_clicked(self) -> None:
        self.save_copy()

    @Slot()
    def _on_remove_clicked(self) -> None:
        self.remove_file()

    @Slot(object)
    def _on_files_activated(self, _row: object) -> None:
        self.save_copy()


__all__ = ["FileDialogs", "FilesTab", "size_text"]
