"""Reminders: a window of what is due now (tasks, planned interactions, investigation actions)
with Snooze, Open and Done, and the controller that checks every minute.

The controller reads ``due_reminders`` at start and then once a minute, with a clock it is given
(``now``), so tests move time themselves. When something is due that the window has not shown
yet (a new reminder, or one whose snooze ran out), the window comes up; the tray icon's tooltip
says how many are due.

    controller = ReminderController(db, actor, parent=main_window)
    controller.open_requested.connect(main_window.open_card)
    controller.start()
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError
from crm_desktop.services import interactions as it
from crm_desktop.services import tasks as t
from crm_desktop.services.reminders import Reminder, due_reminders
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.activities.common import compact_table, item
from crm_desktop.views.activities.labels import (
    OVERDUE_COLOR,
    kind_label,
    local_tz,
    tomorrow_at,
    when_text,
)

CHECK_EVERY_MS = 60_000
PAYLOAD = Qt.ItemDataRole.UserRole
DONE_KINDS = ("meeting", "call", "email")  # what a planned interaction turns out to have been


def reminder_key(reminder: Reminder) -> tuple[str, uuid.UUID, datetime]:
    """What makes a reminder "new": the record and the time it reminds at."""
    return (reminder.kind, reminder.id, reminder.snoozed_until or reminder.due)


class ReminderWindow(QWidget):
    """The due reminders, soonest first, with Snooze (a menu), Open and Done on the selected
    one (double-click opens).

    Signals:
        open_requested(kind, id): the card of a task or interaction, or a claim.
        changed(): a reminder was snoozed or done (read the list again).
    """

    open_requested = Signal(str, object)
    changed = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.db = db
        self.actor = actor
        self._now = now or (lambda: datetime.now(UTC))
        self._tz = tz or local_tz()
        self._reminders: list[Reminder] = []
        self.setObjectName("reminderWindow")
        self.setWindowTitle(self.tr("Reminders"))
        self.resize(880, 340)
        self.heading = QLabel(self)
        self.heading.setObjectName("reminderHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.table = QTableWidget(0, 0, self)
        self.table.setObjectName("remindersTable")
        compact_table(
            self.table,
            [self.tr("Due"), self.tr("What"), self.tr("Concerns"), self.tr("Kind")],
        )
        header = self.table.horizontalHeader()
        for column, width in enumerate((130, 260, 200, 150)):
            header.resizeSection(column, width)
        # «What» takes the room the window has; the others keep their width
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.itemActivated.connect(lambda _item: self.open_current())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("openReminder")
        self.done_button = QPushButton(self.tr("Done"), self)
        self.done_button.setObjectName("doneReminder")
        self.snooze_button = QToolButton(self)
        self.snooze_button.setObjectName("snoozeReminder")
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_10 = self.snooze_menu.addAction(self.tr("For 10 minutes"))
        self.snooze_hour = self.snooze_menu.addAction(self.tr("For an hour"))
        self.snooze_tomorrow = self.snooze_menu.addAction(self.tr("Until tomorrow 9:00"))
        self.snooze_button.setMenu(self.snooze_menu)
        self.snooze_10.triggered.connect(lambda: self.snooze_current(timedelta(minutes=10)))
        self.snooze_hour.triggered.connect(lambda: self.snooze_current(timedelta(hours=1)))
        self.snooze_tomorrow.triggered.connect(lambda: self.snooze_current(None))
        self.open_button.clicked.connect(self.open_current)
        self.done_button.clicked.connect(lambda: self.done_current())
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.close)
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {OVERDUE_COLOR};")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- own API -------------------------------------------------------------------------------

    def reminders(self) -> list[Reminder]:
        return list(self._reminders)

    def set_reminders(self, reminders: list[Reminder]) -> None:
        current = self.current()
        self._reminders = list(reminders)
        self.table.setRowCount(len(reminders))
        for row, reminder in enumerate(reminders):
            due = item(when_text(reminder.due, self._tz))
            if reminder.overdue:
                due.setForeground(QColor(OVERDUE_COLOR))
                due.setToolTip(self.tr("Overdue"))
            title = item(reminder.title)
            if reminder.priority == "high":
                font = title.font()
                font.setBold(True)
                title.setFont(font)
            self.table.setItem(row, 0, due)
            self.table.setItem(row, 1, title)
            self.table.setItem(row, 2, item(reminder.link))
            self.table.setItem(row, 3, item(self._kind_text(reminder)))
        keys = [(r.kind, r.id) for r in reminders]
        if current is not None and (current.kind, current.id) in keys:
            self.table.selectRow(keys.index((current.kind, current.id)))
        elif reminders:
            self.table.selectRow(0)
        overdue = sum(1 for r in reminders if r.overdue)
        self.heading.setText(
            self.tr("%n reminder(s)", None, len(reminders))
            + (self.tr(", %n overdue", None, overdue) if overdue else "")
            if reminders
            else self.tr("Nothing is due.")
        )
        self._update_buttons()

    def current(self) -> Reminder | None:
        row = self.table.currentRow()
        if not self.table.selectionModel().hasSelection():
            return None
        return self._reminders[row] if 0 <= row < len(self._reminders) else None

    def select(self, kind: str, record_id: uuid.UUID) -> bool:
        for row, reminder in enumerate(self._reminders):
            if (reminder.kind, reminder.id) == (kind, record_id):
                self.table.selectRow(row)
                return True
        return False

    def snooze_current(self, delay: timedelta | None) -> bool:
        """Remind again after ``delay`` (None: tomorrow at 9:00 local time)."""
        reminder = self.current()
        if reminder is None or reminder.kind not in t.SNOOZE_KINDS:
            return False
        now = self._now()
        until = now + delay if delay is not None else tomorrow_at(now, self._tz, 9)
        try:
            t.snooze(self.db, self.actor, reminder.kind, reminder.id, until, now=now)
        except UserError as error:
            self._show_error(error)
            return False
        self._drop(reminder)
        return True

    def open_current(self) -> bool:
        reminder = self.current()
        if reminder is None:
            return False
        if reminder.kind == "investigation":
            if reminder.claim_id is None:
                return False
            self.open_requested.emit("claim", reminder.claim_id)
        else:
            self.open_requested.emit(reminder.kind, reminder.id)
        return True

    def done_current(self, interaction_kind: str | None = None) -> bool:
        """A task: complete it (who and when are recorded). A planned interaction: mark it
        done; one of the kind "planned" asks what it turned out to be (``interaction_kind``)."""
        reminder = self.current()
        if reminder is None:
            return False
        try:
            if reminder.kind == "task":
                t.complete_task(self.db, self.actor, reminder.id, now=self._now())
            elif reminder.kind == "interaction":
                details = it.get_interaction(self.db, reminder.id)
                kind: str | None = details.kind
                if kind == "planned":
                    kind = interaction_kind or self._ask_kind()
                if kind is None:
                    return False
                draft = replace(
                    details.as_draft(),
                    kind=kind,
                    status="done",
                    direction=(details.direction or "out") if kind in ("call", "email") else None,
                )
                it.update_interaction(self.db, self.actor, reminder.id, details.version, draft)
            else:
                self.open_current()  # an investigation action is done on the claim's card
                return False
        except UserError as error:
            self._show_error(error)
            return False
        self._drop(reminder)
        return True

    # --- inside --------------------------------------------------------------------------------

    def _kind_text(self, reminder: Reminder) -> str:
        if reminder.kind == "task":
            return self.tr("Task")
        if reminder.kind == "interaction":
            return kind_label("planned")
        return self.tr("Claim investigation")

    def _ask_kind(self) -> str | None:
        menu = QMenu(self)
        for code in DONE_KINDS:
            action = menu.addAction(kind_label(code))
            action.setData(code)
        chosen: QAction | None = menu.exec(
            self.done_button.mapToGlobal(self.done_button.rect().bottomLeft())
        )
        return str(chosen.data()) if chosen is not None else None

    def _drop(self, reminder: Reminder) -> None:
        self.error.hide()
        self.set_reminders([r for r in self._reminders if r is not reminder])
        self.changed.emit()

    def _show_error(self, error: UserError) -> None:
        self.error.setText(messages.user_message(error))
        self.error.show()

    @Slot()
    def _update_buttons(self) -> None:
        reminder = self.current()
        self.open_button.setEnabled(reminder is not None)
        self.done_button.setEnabled(reminder is not None and reminder.kind != "investigation")
        self.snooze_button.setEnabled(reminder is not None and reminder.kind in t.SNOOZE_KINDS)


class ReminderController(QObject):
    """Checks what is due at start and every minute; shows the window when something new is
    due; keeps the tray icon's tooltip (where there is a tray) up to date.

    ``now``: the clock (aware); ``tz``: the user's time zone ("tomorrow 9:00", days).

    Signals:
        due_changed(count): how many reminders are due, after each check.
        open_requested(kind, id): the window asks for a card (connect to the main window).
    """

    due_changed = Signal(int)
    open_requested = Signal(str, object)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QObject | None = None,
        *,
        now: Callable[[], datetime] | None = None,
        tz: tzinfo | None = None,
        interval_ms: int = CHECK_EVERY_MS,
        window_parent: QWidget | None = None,
        use_tray: bool = True,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.now = now or (lambda: datetime.now(UTC))
        self.tz = tz or local_tz()
        self._seen: set[tuple[str, uuid.UUID, datetime]] = set()
        self._count = 0
        self.window = ReminderWindow(db, actor, window_parent, now=self.now, tz=self.tz)
        self.window.open_requested.connect(self.open_requested.emit)
        self.window.changed.connect(self._on_window_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.tray: QSystemTrayIcon | None = None
        if use_tray and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = self._make_tray()

    def start(self) -> None:
        """Check now, then every minute."""
        self.check()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()
        self.window.close()

    @property
    def count(self) -> int:
        return self._count

    def check(self) -> list[Reminder]:
        """Read what is due now; bring the window up if something new is."""
        try:
            reminders = due_reminders(self.db, self.actor.user_id, self.now(), tz=self.tz)
        except UserError:
            return self.window.reminders()  # the database is away: try again next minute
        keys = {reminder_key(r) for r in reminders}
        new = keys - self._seen
        self._seen = keys
        self.window.set_reminders(reminders)
        self._set_count(len(reminders))
        if new:
            self.show_window()
        elif not reminders:
            self.window.hide()
        return reminders

    def show_window(self) -> None:
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    # --- inside --------------------------------------------------------------------------------

    def _make_tray(self) -> QSystemTrayIcon:
        icon = QIcon.fromTheme(
            "appointment-soon",
            self.window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        )
        tray = QSystemTrayIcon(icon, self)
        menu = QMenu()
        show = menu.addAction(self.tr("Show reminders"))
        show.triggered.connect(self.show_window)
        tray.setContextMenu(menu)
        self._tray_menu = menu
        tray.activated.connect(lambda _reason: self.show_window())
        tray.setToolTip(self.tr("Nothing is due."))
        tray.show()
        return tray

    def _set_count(self, count: int) -> None:
        self._count = count
        if self.tray is not None:
            self.tray.setToolTip(
                self.tr("%n reminder(s) due", None, count) if count else self.tr("Nothing is due.")
            )
        self.due_changed.emit(count)

    @Slot()
    def _on_window_changed(self) -> None:
        self._set_count(len(self.window.reminders()))


__all__ = ["ReminderController", "ReminderWindow", "reminder_key"]
