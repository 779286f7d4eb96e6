"""The Today section («Сегодня»): my overdue and today's tasks, today's planned interactions,
planned ones of earlier days still not done, my deals whose expected close date has passed, and
my overdue investigation plan actions of claims.

Each is a compact table; double-click (Enter) opens the card (an action: its claim's), Done
completes a task, Done today an investigation action. The page reads itself off the GUI thread
when shown and on F5.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError
from crm_desktop.services import claims, reminders
from crm_desktop.services import tasks as t
from crm_desktop.services.claims import OverdueAction
from crm_desktop.services.interactions import InteractionRow
from crm_desktop.services.lists import DealRow
from crm_desktop.services.reminders import TodaySummary
from crm_desktop.services.tasks import TaskRow
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.activities.common import compact_table, item
from crm_desktop.views.activities.labels import (
    OVERDUE_COLOR,
    kind_with_direction,
    local_tz,
    priority_label,
    when_text,
)
from crm_desktop.views.tasks import Task, TaskRunner
from crm_desktop.views.widgets.fields import ErrorLabel

ROWS_SHOWN = 8  # a section grows to this many rows, then scrolls
PAYLOAD = Qt.ItemDataRole.UserRole


class Section(QGroupBox):
    """One compact table of the page with its own buttons.

    Signals: ``activated(kind, id)`` on double-click or Enter.
    """

    activated = Signal(str, object)

    def __init__(
        self, title: str, headers: Sequence[str], widths: Sequence[int], parent: QWidget
    ) -> None:
        super().__init__(title, parent)
        self._title = title
        self._payloads: list[tuple[str, Any]] = []
        self.table = QTableWidget(0, 0, self)
        compact_table(self.table, headers)
        for column, width in enumerate(widths):
            self.table.horizontalHeader().resizeSection(column, width)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.itemActivated.connect(self._on_item_activated)
        self.empty = QLabel(self.tr("Nothing here."), self)
        self.empty.setStyleSheet("color: #777777;")
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addLayout(self.buttons)

    def set_rows(
        self,
        rows: Sequence[tuple[Sequence[str | None], tuple[str, Any]]],
        *,
        alert: Callable[[int], bool] | None = None,
    ) -> None:
        """(cell texts, (kind, id)) per row; ``alert(row)`` colours a row's first cell red."""
        self._payloads = [payload for _cells, payload in rows]
        self.table.setRowCount(len(rows))
        for r, (cells, _payload) in enumerate(rows):
            for c, text in enumerate(cells):
                cell = item(text)
                if c == 0 and alert is not None and alert(r):
                    cell.setForeground(QColor(OVERDUE_COLOR))
                self.table.setItem(r, c, cell)
        shown = min(len(rows), ROWS_SHOWN)
        height = (
            self.table.horizontalHeader().height()
            + shown * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
            + 2
        )
        self.table.setFixedHeight(height)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.setTitle(f"{self._title} ({len(rows)})" if rows else self._title)

    def current(self) -> tuple[str, Any] | None:
        row = self.table.currentRow()
        if not self.table.selectionModel().hasSelection():
            return None
        return self._payloads[row] if 0 <= row < len(self._payloads) else None

    def payloads(self) -> list[tuple[str, Any]]:
        return list(self._payloads)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    @Slot()
    def _on_item_activated(self, cell: Any) -> None:
        row = cell.row()
        if 0 <= row < len(self._payloads):
            self.activated.emit(*self._payloads[row])


class TodayPage(QWidget):
    """The Today section page.

    ``runner`` reads off the GUI thread (the main window's ``tasks``; one of its own if not
    given); ``now`` and ``tz``: the clock and the user's time zone.

    Signals:
        open_requested(kind, id): the card of a task, interaction or deal.
        loaded(): the page shows a fresh read.
    """

    open_requested = Signal(str, object)
    loaded = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        now: Callable[[], datetime] | None = None,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.runner = runner or TaskRunner(self)
        self._now = now or (lambda: datetime.now(UTC))
        self._tz = tz or local_tz()
        self._reading: Task | None = None
        self._again = False
        self.summary: TodaySummary | None = None
        self.setObjectName("todayPage")

        self.heading = QLabel(self)
        self.heading.setObjectName("todayHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("todayStatus")
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.error = ErrorLabel(self)

        self.overdue_tasks = Section(
            self.tr("Overdue tasks"),
            [self.tr("Due"), self.tr("Task"), self.tr("Concerns"), self.tr("Priority")],
            (130, 340, 300),
            self,
        )
        self.overdue_tasks.setObjectName("overdueTasks")
        self.overdue_tasks.setStyleSheet(f"QGroupBox#overdueTasks {{ color: {OVERDUE_COLOR}; }}")
        self.today_tasks = Section(
            self.tr("Today's tasks"),
            [self.tr("Due"), self.tr("Task"), self.tr("Concerns"), self.tr("Priority")],
            (130, 340, 300),
            self,
        )
        self.today_tasks.setObjectName("todayTasks")
        interaction_headers = [
            self.tr("When"),
            self.tr("Subject"),
            self.tr("Kind"),
            self.tr("Who"),
            self.tr("Client"),
        ]
        self.today_interactions = Section(
            self.tr("Planned for today"),
            interaction_headers,
            (130, 300, 150, 190),
            self,
        )
        self.today_interactions.setObjectName("todayInteractions")
        self.overdue_interactions = Section(
            self.tr("Planned earlier, not done"),
            interaction_headers,
            (130, 300, 150, 190),
            self,
        )
        self.overdue_interactions.setObjectName("overdueInteractions")
        self.overdue_deals = Section(
            self.tr("Deals past their expected close date"),
            [
                self.tr("Expected close"),
                self.tr("Deal"),
                self.tr("Client"),
                self.tr("Stage"),
                self.tr("Amount"),
            ],
            (130, 300, 200, 160),
            self,
        )
        self.overdue_deals.setObjectName("overdueDeals")
        self.overdue_actions = Section(
            self.tr("Overdue claim investigation actions"),
            [
                self.tr("Planned"),
                self.tr("Action"),
                self.tr("Claim"),
                self.tr("Client"),
                self.tr("Days overdue"),
            ],
            (130, 340, 110, 220),
            self,
        )
        self.overdue_actions.setObjectName("overdueActions")
        self.overdue_actions.setVisible(False)
        self.sections = (
            self.overdue_tasks,
            self.today_tasks,
            self.overdue_actions,
            self.today_interactions,
            self.overdue_interactions,
            self.overdue_deals,
        )
        self.done_buttons: dict[Section, QPushButton] = {}
        for section in (self.overdue_tasks, self.today_tasks):
            button = QPushButton(self.tr("Done"), section)
            button.setObjectName("taskDone")
            button.setToolTip(self.tr("Mark the selected task done"))
            button.clicked.connect(lambda _=False, s=section: self.complete_selected(s))
            section.buttons.addWidget(button)
            section.buttons.addStretch(1)
            self.done_buttons[section] = button
        self.action_done_button = QPushButton(self.tr("Done today"), self.overdue_actions)
        self.action_done_button.setObjectName("actionDone")
        self.action_done_button.setToolTip(
            self.tr("Mark the selected action done today (write its result on the claim's card)")
        )
        self.action_done_button.clicked.connect(self.complete_selected_action)
        self.overdue_actions.buttons.addWidget(self.action_done_button)
        self.overdue_actions.buttons.addStretch(1)
        for section in self.sections:
            section.activated.connect(self.open_requested.emit)

        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addWidget(self.status, 1)
        header.addWidget(self.refresh_button)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(10)
        for section in self.sections:
            body_layout.addWidget(section)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        self._show_heading()

    # --- reading -------------------------------------------------------------------------------

    def refresh(self) -> Task | None:
        """Read the page again in the background (once more after the read under way)."""
        if self._reading is not None:
            self._again = True
            return None
        db, user_id, now, tz = self.db, self.actor.user_id, self._now(), self._tz
        self.status.setText(self.tr("Reading…"))
        task = self.runner.start(
            lambda _state: reminders.today(db, user_id, now, tz), name="today page"
        )
        self._reading = task
        task.succeeded.connect(self._on_read)
        task.failed.connect(self._on_failed)
        task.finished.connect(self._on_finished)
        return task

    def show_summary(self, summary: TodaySummary) -> None:
        self.summary = summary
        now = self._now()
        self._show_heading()

        def task_rows(rows: Sequence[TaskRow]) -> list[Any]:
            return [
                (
                    (
                        when_text(r.due_at, self._tz),
                        r.title,
                        " · ".join(x for x in (r.client, r.deal, r.contact) if x),
                        priority_label(r.priority),
                    ),
                    ("task", r.id),
                )
                for r in rows
            ]

        def interaction_rows(rows: Sequence[InteractionRow]) -> list[Any]:
            return [
                (
                    (
                        when_text(r.start_at, self._tz),
                        r.subject,
                        kind_with_direction(r.kind, r.direction),
                        r.participant,
                        r.client,
                    ),
                    ("interaction", r.id),
                )
                for r in rows
            ]

        def deal_rows(rows: Sequence[DealRow]) -> list[Any]:
            return [
                (
                    (
                        _date_text(r.expected_on),
                        f"{r.number} {r.title}",
                        r.client,
                        r.stage,
                        money_text(r.amount),
                    ),
                    ("deal", r.id),
                )
                for r in rows
            ]

        self.overdue_tasks.set_rows(task_rows(summary.overdue_tasks), alert=lambda _r: True)
        self.today_tasks.set_rows(task_rows(summary.today_tasks))
        today = summary.today_interactions
        self.today_interactions.set_rows(
            interaction_rows(today), alert=lambda r: today[r].start_at < now
        )
        self.overdue_interactions.set_rows(
            interaction_rows(summary.overdue_interactions), alert=lambda _r: True
        )
        self.overdue_deals.set_rows(deal_rows(summary.overdue_deals), alert=lambda _r: True)
        self.overdue_actions.set_rows(
            [
                (
                    (
                        _date_text(a.planned_on),
                        _first_line(a.action),
                        a.claim_number,
                        a.partner_name,
                        QLocale().toString(a.days_overdue),
                    ),
                    ("claim", a.claim_id),
                )
                for a in summary.overdue_actions
            ],
            alert=lambda _r: True,
        )
        for section, button in self.done_buttons.items():
            button.setEnabled(bool(section.payloads()))
        self.action_done_button.setEnabled(bool(summary.overdue_actions))
        # most managers have no claims to investigate: the section shows only when needed
        self.overdue_actions.setVisible(bool(summary.overdue_actions))
        self.status.setText(
            self.tr("Updated at {time}").format(
                time=self._now().astimezone(self._tz).strftime("%H:%M")
            )
        )

    def complete_selected(self, section: Section) -> bool:
        payload = section.current()
        if payload is None or payload[0] != "task":
            return False
        try:
            t.complete_task(self.db, self.actor, payload[1], now=self._now())
        except UserError as error:
            messages.report_error(self, error)
            return False
        self.refresh()
        return True

    def selected_action(self) -> OverdueAction | None:
        """The investigation action selected in its section, if any."""
        if self.summary is None or not self.overdue_actions.table.selectionModel().hasSelection():
            return None
        row = self.overdue_actions.table.currentRow()
        actions = self.summary.overdue_actions
        return actions[row] if 0 <= row < len(actions) else None

    def complete_selected_action(self) -> bool:
        """Mark the selected investigation action done today (the computer's date)."""
        action = self.selected_action()
        if action is None:
            return False
        try:
            claims.complete_action(self.db, self.actor, action.action_id, action.action_version)
        except UserError as error:
            messages.report_error(self, error)
            return False
        self.refresh()
        return True

    # --- events --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F5:
            self.refresh()
            return
        super().keyPressEvent(event)

    # --- inside --------------------------------------------------------------------------------

    def _show_heading(self) -> None:
        day = self._now().astimezone(self._tz).date()
        self.heading.setText(self.tr("Today, {date}").format(date=_date_text(day)))

    @Slot(object)
    def _on_read(self, summary: TodaySummary) -> None:
        self.error.clear_error()
        self.show_summary(summary)
        self.loaded.emit()

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.status.setText("")
        if isinstance(error, UserError):
            self.error.show_error(messages.user_message(error))
        else:
            messages.report_error(self, error)

    @Slot()
    def _on_finished(self) -> None:
        self._reading = None
        if self._again:
            self._again = False
            self.refresh()


def money_text(value: Decimal) -> str:
    """«1 234,50 ₽» in the UI locale."""
    return f"{QLocale().toString(float(value), 'f', 2)}\u00a0₽"


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0].strip()


def _date_text(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else ""


__all__ = ["TodayPage"]
