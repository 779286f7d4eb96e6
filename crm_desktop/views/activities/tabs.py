"""The Interactions and Tasks tabs of a card: what belongs to one record (a client, contact,
deal, lead or claim), newest first, read a page at a time ("Load more"); New buttons make ones
linked to the record; double-click (or Enter) opens the card.

Each tab is a widget of its own, given the record by :meth:`set_link` (``client_id=…``); a card
forwards its ``open_requested(kind, id)`` and ``new_requested(kind, preset)`` to its own
signals, which the main window connects.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from crm_desktop.db import Database
from crm_desktop.errors import UserError
from crm_desktop.services import interactions as it
from crm_desktop.services import tasks as t
from crm_desktop.services.interactions import InteractionRow
from crm_desktop.services.tasks import TaskRow
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.activities.labels import (
    OVERDUE_COLOR,
    duration_text,
    kind_with_direction,
    priority_label,
    status_label,
    task_status_label,
    when_text,
)
from crm_desktop.views.activities.register_dialog import RegisterInteractionDialog
from crm_desktop.views.cards.links import LinkTable

PAGE_SIZE = 50
LINK_NAMES = ("client_id", "contact_id", "deal_id", "lead_id", "claim_id")


def _first_line(text: str | None) -> str:
    return (text or "").strip().split("\n", 1)[0]


class _ActivityTab(QWidget):
    """What both tabs share: the record, the rows read so far, Load more.

    Signals:
        open_requested(kind, id): open the card of an interaction or task.
        new_requested(kind, preset): a new card of ``kind`` with ``preset`` keywords.
        changed(): something was written from the tab (registered, done).
    """

    open_requested = Signal(str, object)
    new_requested = Signal(str, object)
    changed = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        headers: list[str],
        widths: tuple[int, ...],
        parent: QWidget | None = None,
        *,
        page_size: int = PAGE_SIZE,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.page_size = page_size
        self._now = now or (lambda: datetime.now(UTC))
        self._link: dict[str, uuid.UUID] = {}
        self._rows: list[Any] = []
        self._more = False
        self.list = LinkTable(headers, widths=widths, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.list.activated.connect(self._on_activated)

    def _finish(self) -> None:
        self.open_button = self.list.add_button(self.tr("Open"), needs_row=True)
        self.open_button.clicked.connect(lambda: self._on_activated(self.list.current()))
        self.list.finish_buttons()
        self.more_button = self.list.add_button(self.tr("Load more"))
        self.more_button.setObjectName("loadMore")
        self.more_button.clicked.connect(self.load_more)
        self.more_button.hide()

    # --- own API -------------------------------------------------------------------------------

    @property
    def link(self) -> dict[str, uuid.UUID]:
        return dict(self._link)

    def set_link(self, **link: uuid.UUID | None) -> None:
        """The record whose activities to show (``client_id=…``); none: a saved record is
        needed first. Reads the first page."""
        unknown = set(link) - set(LINK_NAMES)
        if unknown:
            raise ValueError(f"unknown link {sorted(unknown)}")
        self._link = {k: v for k, v in link.items() if v is not None}
        self.setEnabled(bool(self._link))
        self.list.set_notice(None if self._link else self.tr("Save the card first."))
        self.reload()

    def reload(self) -> None:
        self._rows = []
        self._read(before=None)

    def load_more(self) -> None:
        if self._rows and self._more:
            self._read(before=self._rows[-1].key)

    def rows(self) -> list[Any]:
        return list(self._rows)

    # --- inside --------------------------------------------------------------------------------

    def fetch(self, before: Any) -> list[Any]:
        raise NotImplementedError

    def cells(self, row: Any) -> tuple[str | None, ...]:
        raise NotImplementedError

    def style_row(self, index: int, row: Any) -> None:
        """Colour a row after it is shown (overdue tasks)."""

    def _read(self, before: Any) -> None:
        if not self._link:
            self._rows, self._more = [], False
            self._show()
            return
        try:
            page = self.fetch(before)
        except UserError as error:
            self.list.error.show_error(messages.user_message(error))
            return
        self.list.error.clear_error()
        self._rows.extend(page)
        self._more = len(page) >= self.page_size
        self._show()

    def _show(self) -> None:
        self.list.set_rows([(self.cells(row), row.id) for row in self._rows])
        for index, row in enumerate(self._rows):
            self.style_row(index, row)
        self.more_button.setVisible(self._more)

    @Slot(object)
    def _on_activated(self, record_id: Any) -> None:
        raise NotImplementedError


class InteractionsTab(_ActivityTab):
    """A record's interactions, newest first; Register… (the quick dialog) and Plan… (a new
    planned interaction's card)."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        page_size: int = PAGE_SIZE,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(
            db,
            actor,
            [
                self.tr("When"),
                self.tr("Kind"),
                self.tr("Subject"),
                self.tr("Who"),
                self.tr("Duration"),
                self.tr("Status"),
                self.tr("Responsible"),
                self.tr("Result"),
            ],
            (120, 130, 240, 190, 70, 90, 180),
            parent,
            page_size=page_size,
            now=now,
        )
        self.list.table.setObjectName("interactionsTable")
        self.register_button = self.list.add_button(self.tr("Register…"))
        self.register_button.setObjectName("registerInteraction")
        self.register_button.setToolTip(self.tr("Register a call, meeting or e-mail"))
        self.plan_button = self.list.add_button(self.tr("Plan…"))
        self.plan_button.setObjectName("planInteraction")
        self.plan_button.setToolTip(self.tr("A planned interaction: a call or meeting to come"))
        self.register_button.clicked.connect(self.register)
        self.plan_button.clicked.connect(self._on_plan_clicked)
        self._finish()

    def fetch(self, before: Any) -> list[InteractionRow]:
        link = self._link
        return it.interactions_for(
            self.db,
            client_id=link.get("client_id"),
            contact_id=link.get("contact_id"),
            deal_id=link.get("deal_id"),
            lead_id=link.get("lead_id"),
            claim_id=link.get("claim_id"),
            limit=self.page_size,
            before=before,
        )

    def cells(self, row: InteractionRow) -> tuple[str | None, ...]:
        return (
            when_text(row.start_at),
            kind_with_direction(row.kind, row.direction),
            row.subject,
            row.participant,
            duration_text(row.duration_min),
            status_label(row.status),
            row.responsible,
            _first_line(row.result),
        )

    def style_row(self, index: int, row: InteractionRow) -> None:
        if row.status in it.OPEN_STATUSES and row.start_at < self._now():
            cell = self.list.table.item(index, 0)
            if cell is not None:
                cell.setForeground(QColor(OVERDUE_COLOR))

    def register(self) -> uuid.UUID | None:
        """The quick "Register interaction" dialog, linked to the record."""
        if not self._link:
            return None
        link = self._link
        dialog = RegisterInteractionDialog(
            self.db,
            self.actor,
            self,
            client_id=link.get("client_id"),
            contact_id=link.get("contact_id"),
            deal_id=link.get("deal_id"),
            lead_id=link.get("lead_id"),
            claim_id=link.get("claim_id"),
        )
        dialog.registered.connect(lambda _id: self._after_write())
        dialog.exec()
        return dialog.interaction_id

    def _after_write(self) -> None:
        self.reload()
        self.changed.emit()

    @Slot()
    def _on_plan_clicked(self) -> None:
        if self._link:
            self.new_requested.emit("interaction", {**self._link, "interaction_kind": "planned"})

    @Slot(object)
    def _on_activated(self, record_id: Any) -> None:
        if record_id is not None:
            self.open_requested.emit("interaction", record_id)


class TasksTab(_ActivityTab):
    """A record's tasks, the latest due first; New task…, Done."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        page_size: int = PAGE_SIZE,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(
            db,
            actor,
            [
                self.tr("Due"),
                self.tr("Task"),
                self.tr("Priority"),
                self.tr("Status"),
                self.tr("Assignee"),
                self.tr("Author"),
                self.tr("Done"),
            ],
            (120, 300, 90, 100, 160, 160),
            parent,
            page_size=page_size,
            now=now,
        )
        self.list.table.setObjectName("tasksTable")
        self.new_button = self.list.add_button(self.tr("New task…"))
        self.new_button.setObjectName("newTask")
        self.done_button = self.list.add_button(self.tr("Done"), needs_row=True)
        self.done_button.setObjectName("taskDone")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.done_button.clicked.connect(self.complete_current)
        self._finish()

    def fetch(self, before: Any) -> list[TaskRow]:
        link = self._link
        return t.tasks_for(
            self.db,
            client_id=link.get("client_id"),
            contact_id=link.get("contact_id"),
            deal_id=link.get("deal_id"),
            lead_id=link.get("lead_id"),
            claim_id=link.get("claim_id"),
            limit=self.page_size,
            before=before,
        )

    def cells(self, row: TaskRow) -> tuple[str | None, ...]:
        return (
            when_text(row.due_at),
            row.title,
            priority_label(row.priority),
            task_status_label(row.status),
            row.assignee,
            row.author,
            when_text(row.done_at),
        )

    def style_row(self, index: int, row: TaskRow) -> None:
        if row.status == "open" and row.due_at < self._now():
            for column in (0, 3):
                cell = self.list.table.item(index, column)
                if cell is not None:
                    cell.setForeground(QColor(OVERDUE_COLOR))
        elif row.status != "open":
            for column in range(self.list.table.columnCount()):
                cell = self.list.table.item(index, column)
                if cell is not None:
                    cell.setForeground(QColor("#777777"))

    def complete_current(self) -> bool:
        task_id = self.list.current()
        if task_id is None:
            return False
        try:
            t.complete_task(self.db, self.actor, task_id, now=self._now())
        except UserError as error:
            messages.report_error(self, error)
            return False
        self.reload()
        self.changed.emit()
        return True

    @Slot()
    def _on_new_clicked(self) -> None:
        if self._link:
            self.new_requested.emit("task", dict(self._link))

    @Slot(object)
    def _on_activated(self, record_id: Any) -> None:
        if record_id is not None:
            self.open_requested.emit("task", record_id)


__all__ = ["InteractionsTab", "TasksTab"]
