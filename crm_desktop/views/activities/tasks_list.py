"""The Tasks section («Мои задачи»): the keyset-paged list of tasks by bucket — Overdue, Today,
This week, Later (the user's local days), All open, Done — with the open buckets' counts, a title
search, a client filter and, for a supervisor, whose tasks (a manager sees only his own).

New task opens a new task's card; Done completes the selected open tasks; Enter or a double click
opens the task's card. The rows and the counts are read off the GUI thread.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings, Signal, Slot
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError
from crm_desktop.services import tasks as t
from crm_desktop.services.tasks import TASK_BUCKETS, TaskFilter, TaskRow
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.activities.itemmodels import TasksModel, task_source, tasks_model
from crm_desktop.views.activities.labels import OVERDUE_COLOR, local_tz
from crm_desktop.views.cards.dialogs import PartyPicker
from crm_desktop.views.itemmodels.paged import ROW_STATE_ROLE
from crm_desktop.views.lists.base import ListPage, compact
from crm_desktop.views.lists.paged_view import RowStateDelegate
from crm_desktop.views.tasks import Task, TaskRunner

SETTINGS_KEY = "lists/tasks"
DEFAULT_BUCKET = "open"


class TaskRowDelegate(RowStateDelegate):
    """An overdue task's due time in red; done and cancelled ones muted, deleted struck out."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if index.data(ROW_STATE_ROLE) != "overdue":
            super().initStyleOption(option, index)
            return
        QStyledItemDelegate.initStyleOption(self, option, index)  # not muted: only marked
        if index.column() == 0:
            option.palette.setColor(QPalette.ColorRole.Text, QColor(OVERDUE_COLOR))


class TaskListPage(ListPage[TaskFilter, TaskRow]):
    """The tasks of a bucket, soonest due first (the Done bucket: the latest done first).

    ``runner`` reads the counts off the GUI thread (the main window's ``tasks``; one of its own
    if not given); ``now`` and ``tz``: the clock and the user's time zone.

    Signals:
        open_requested("task", id): a row was double-clicked or Enter pressed on it.
        new_requested("task", preset): New task was pressed (``preset``: the client filter).
        counts_loaded(counts): the open buckets' counts were read ({bucket: count}).
        changed(): tasks were completed from the list.
    """

    new_requested = Signal(str, object)
    counts_loaded = Signal(object)
    changed = Signal()

    kind = "task"
    settings_key = SETTINGS_KEY

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        now: Callable[[], datetime] | None = None,
        tz: tzinfo | None = None,
        background: bool = True,
    ) -> None:
        self.db = db
        self.actor = actor
        self._now = now or (lambda: datetime.now(UTC))
        self._tz = tz or local_tz()
        self._client_id: uuid.UUID | None = None
        self._bucket = DEFAULT_BUCKET
        self._counting: Task | None = None
        self._count_again = False
        self.counts: dict[str, int] = {}
        default = t.visible_filter(
            actor,
            t.bucket_filter(
                TaskFilter(assignee_id=actor.user_id), DEFAULT_BUCKET, self._now(), self._tz
            ),
        )
        model: TasksModel = tasks_model(db, default, now=self._now, background=background)
        super().__init__(model, lambda flt: task_source(db, flt), default, parent)
        model.setParent(self)
        self.model: TasksModel = model
        self.runner = runner or TaskRunner(self)
        self.setObjectName("tasksPage")
        self.view.setObjectName("tasksTable")
        self.view.setItemDelegate(TaskRowDelegate(self.view))
        self.search_box.setToolTip(self.tr("Search by the beginning of the task"))

        # whose tasks: a supervisor chooses, a manager sees his own
        self.assignee = QComboBox(self)
        self.assignee.setObjectName("assigneeFilter")
        if actor.is_supervisor:
            self.assignee.addItem(self.tr("All managers"), None)
            for user in list_users(db):
                self.assignee.addItem(user.full_name, str(user.id))
            self.assignee.setToolTip(self.tr("Whose tasks"))
        else:
            self.assignee.addItem(actor.full_name, str(actor.user_id))
            self.assignee.setEnabled(False)
            self.assignee.setToolTip(self.tr("A manager sees his own tasks"))
        self.assignee.setCurrentIndex(max(self.assignee.findData(str(actor.user_id)), 0))
        compact(self.assignee)
        self.assignee.currentIndexChanged.connect(self._on_filter_changed)
        self.client_button = QToolButton(self)
        self.client_button.setObjectName("clientFilter")
        self.client_button.setText(self.tr("All clients"))
        self.client_button.setToolTip(self.tr("Only one client's tasks (click to choose)"))
        self.client_button.clicked.connect(self.choose_client)
        self.filters.addWidget(self.assignee)
        self.filters.addWidget(self.client_button)

        # the buckets, New task and Done under the search line
        self.bucket_titles = {
            "overdue": self.tr("Overdue"),
            "today": self.tr("Today"),
            "week": self.tr("This week"),
            "later": self.tr("Later"),
            "open": self.tr("All open"),
            "done": self.tr("Completed"),
        }
        self.buckets = QButtonGroup(self)
        self.buckets.setExclusive(True)
        self.bucket_buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 0, 6, 0)
        bar.setSpacing(4)
        for bucket in TASK_BUCKETS:
            button = QToolButton(self)
            button.setObjectName(f"bucket_{bucket}")
            button.setCheckable(True)
            button.setText(self.bucket_titles[bucket])
            button.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 12))
            self.buckets.addButton(button)
            self.bucket_buttons[bucket] = button
            button.toggled.connect(
                lambda checked, b=bucket: self._on_bucket_toggled(b) if checked else None
            )
            bar.addWidget(button)
        self.bucket_buttons[DEFAULT_BUCKET].setChecked(True)
        bar.addStretch(1)
        self.new_button = QPushButton(self.tr("New task"), self)
        self.new_button.setObjectName("newTask")
        self.new_button.setToolTip(self.tr("Open the card of a new task"))
        self.new_button.clicked.connect(self._on_new_clicked)
        self.done_button = QPushButton(self.tr("Done"), self)
        self.done_button.setObjectName("taskDone")
        self.done_button.setToolTip(self.tr("Mark the selected tasks done"))
        self.done_button.clicked.connect(self.complete_selected)
        bar.addWidget(self.new_button)
        bar.addWidget(self.done_button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, bar)

        self._update_columns()
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        self.model.refresh()  # the first page now: a few milliseconds on an index
        self.refresh_counts()

    # --- own API -------------------------------------------------------------------------------

    @property
    def bucket(self) -> str:
        return self._bucket

    def set_bucket(self, bucket: str) -> None:
        """Show ``bucket`` (one of TASK_BUCKETS)."""
        if bucket not in self.bucket_buttons:
            raise ValueError(f"unknown task bucket {bucket!r}")
        self.bucket_buttons[bucket].setChecked(True)

    def current_filter(self) -> TaskFilter:
        # whole minutes: the same bucket asked twice within a minute is the same filter
        now = self._now().replace(second=0, microsecond=0)
        assignee = self.assignee.currentData()
        flt = TaskFilter(
            assignee_id=uuid.UUID(str(assignee)) if assignee else None,
            client_id=self._client_id,
            search=self.search_box.text().strip(),
        )
        return t.visible_filter(self.actor, t.bucket_filter(flt, self._bucket, now, self._tz))

    def apply_filter(self) -> None:
        super().apply_filter()
        self.refresh_counts()

    def refresh(self) -> None:
        super().refresh()
        self.refresh_counts()

    def restore_state(self, settings: QSettings) -> None:
        super().restore_state(settings)
        self._update_columns()

    def refresh_counts(self) -> Task | None:
        """Read the open buckets' counts in the background (once more after the read under way)."""
        if self._counting is not None:
            self._count_again = True
            return None
        db, flt, now, tz = self.db, self.current_filter(), self._now(), self._tz
        task = self.runner.start(
            lambda _state: t.bucket_counts(db, flt, now, tz), name="task bucket counts"
        )
        self._counting = task
        task.succeeded.connect(self._on_counts_read)
        task.failed.connect(self._on_counts_failed)
        task.finished.connect(self._on_counts_finished)
        return task

    def selected_tasks(self) -> list[TaskRow]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        found = [self.model.row(r) for r in rows]
        return [row for row in found if row is not None]

    def complete_selected(self) -> int:
        """Mark the selected open tasks done; how many were."""
        done = 0
        for row in self.selected_tasks():
            if row.status != "open":
                continue
            try:
                t.complete_task(self.db, self.actor, row.id, now=self._now())
            except UserError as error:
                messages.report_error(self, error)
                break
            done += 1
        if done:
            self.refresh()
            self.changed.emit()
        return done

    def choose_client(self) -> bool:
        picked = PartyPicker.ask(self, self.db, "client", title=self.tr("Only this client"))
        self.set_client(picked.party.id if picked else None, picked.party.name if picked else None)
        return picked is not None

    def set_client(self, client_id: uuid.UUID | None, name: str | None = None) -> None:
        self._client_id = client_id
        shown = name if client_id is not None and name else None
        self.client_button.setText(shown or self.tr("All clients"))
        self.apply_filter()

    def new_preset(self) -> dict[str, Any]:
        return {"client_id": self._client_id} if self._client_id is not None else {}

    # --- events --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.counts:  # shown again: the day may have moved on
            self.refresh_counts()

    # --- inside --------------------------------------------------------------------------------

    def _show_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        for bucket, button in self.bucket_buttons.items():
            title = self.bucket_titles[bucket]
            count = counts.get(bucket)
            button.setText(f"{title} ({count})" if count else title)
        overdue = self.bucket_buttons["overdue"]
        overdue.setStyleSheet(
            f"QToolButton {{ color: {OVERDUE_COLOR}; }}" if counts.get("overdue") else ""
        )

    def _update_columns(self) -> None:
        """ "Done at" only under Done; "Assignee" only when the list is of several people."""
        keys = [column.sort_key for column in self.model.columns]
        self.view.setColumnHidden(keys.index("done_at"), self._bucket != "done")
        self.view.setColumnHidden(keys.index("assignee"), self.assignee.currentData() is not None)

    @Slot()
    def _update_buttons(self, *_args: Any) -> None:
        self.done_button.setEnabled(any(r.status == "open" for r in self.selected_tasks()))

    def _on_bucket_toggled(self, bucket: str) -> None:
        if bucket == self._bucket:
            return
        self._bucket = bucket
        if bucket == "done":  # the latest done first
            self.model.set_order("done_at", True)
        elif self.model.sort_key == "done_at":
            self.model.set_order("due_at", False)
        self._update_columns()
        self.apply_filter()

    @Slot()
    def _on_filter_changed(self, *_args: Any) -> None:
        self._update_columns()
        self.apply_filter()

    @Slot()
    def _on_new_clicked(self) -> None:
        self.new_requested.emit("task", self.new_preset())

    @Slot(object)
    def _on_counts_read(self, counts: dict[str, int]) -> None:
        self._show_counts(counts)
        self.counts_loaded.emit(counts)

    @Slot(object)
    def _on_counts_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.notice.setText(messages.user_message(error))
        else:
            messages.report_error(self, error)

    @Slot()
    def _on_counts_finished(self) -> None:
        self._counting = None
        if self._count_again:
            self._count_again = False
            self.refresh_counts()


__all__ = ["TaskListPage", "TaskRowDelegate"]
