"""The Files tab («Файлы») of the interaction and task cards: the claim card's Files tab
(:mod:`crm_desktop.views.claims.files`) for another owner kind, with its own wording, and the
helper that keeps the tab disabled until the record is saved."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QTabWidget, QWidget

from crm_desktop.db import Database
from crm_desktop.services.uow import Actor
from crm_desktop.views.cards.dialogs import Confirm
from crm_desktop.views.claims.files import FilesTab


class ActivityFilesTab(FilesTab):
    """The attachments of an interaction (``owner_kind`` "interaction") or a task ("task").

    Signals: ``changed()`` (a file was added or removed), as :class:`FilesTab`.
    """

    def __init__(
        self, db: Database, actor: Actor, owner_kind: str, parent: QWidget | None = None
    ) -> None:
        if owner_kind not in ("interaction", "task"):
            raise ValueError(f"not an activity: {owner_kind!r}")
        super().__init__(db, actor, owner_kind, parent)

    def save_first_text(self) -> str:
        if self.owner_kind == "task":
            return self.tr("Save the task first to attach files.")
        return self.tr("Save the interaction first to attach files.")

    def refresh(self) -> None:
        super().refresh()
        if self.owner_id is None:
            self.files.set_notice(self.save_first_text())

    def remove_file(self, *, confirm: bool = True) -> bool:
        current = self.files.current()
        if current is None or self._read_only:
            return False
        if self.owner_kind == "task":
            question = self.tr("Remove the file «{name}» from the task?")
        else:
            question = self.tr("Remove the file «{name}» from the interaction?")
        if confirm and not Confirm.ask(
            self, self.tr("Remove"), question.format(name=current.file_name)
        ):
            return False
        return super().remove_file(confirm=False)

    def show_in(self, tabs: QTabWidget, owner_id: uuid.UUID | None) -> None:
        """Show ``owner_id``'s files; the tab is disabled (with a tooltip) until it is saved,
        and its title counts the files."""
        self.set_owner(owner_id)
        index = tabs.indexOf(self)
        if index < 0:
            return
        saved = owner_id is not None
        tabs.setTabEnabled(index, saved)
        tabs.setTabToolTip(index, "" if saved else self.save_first_text())
        count = len(self.rows())
        tabs.setTabText(
            index, self.tr("Files ({count})").format(count=count) if count else self.tr("Files")
        )


__all__ = ["ActivityFilesTab"]
