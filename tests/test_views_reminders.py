"""The reminder window and its controller over a real database, the clock in the test's hands.

Acceptance 1: a task due in the past pops up on start; Snooze hides it until the new time and it
comes back when the clock gets there; Done closes it and records who and when.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from crm_desktop.services import interactions as it
from crm_desktop.services import parties as p
from crm_desktop.services import tasks as t
from crm_desktop.views.activities.reminders import CHECK_EVERY_MS, ReminderController

MSK = ZoneInfo("Europe/Moscow")
START = datetime(2025, 3, 12, 15, 0, tzinfo=MSK).astimezone(UTC)  # Wednesday, 15:00 in Moscow


class Clock:
    """A clock the test moves."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def client(db, actor):
    return p.create_client(db, actor, p.ClientDraft(name="ООО «Ромашка»"))


def make_controller(qtbot, db, actor, clock) -> ReminderController:
    controller = ReminderController(db, actor, now=clock, tz=MSK, use_tray=False)
    qtbot.addWidget(controller.window)
    return controller


def shown(controller: ReminderController) -> list[tuple[str, object]]:
    return [(r.kind, r.id) for r in controller.window.reminders()]


def test_acceptance_overdue_task_pops_up_snoozes_and_is_done(qtbot, db, actor, clock, client):
    task = t.create_task(
        db,
        actor,
        t.TaskDraft(
            title="Перезвонить клиенту",
            due_at=START - timedelta(hours=2),
            client_id=client.id,
        ),
    )
    controller = make_controller(qtbot, db, actor, clock)
    controller.start()
    assert controller.timer.isActive() and controller.timer.interval() == CHECK_EVERY_MS
    window = controller.window
    assert window.isVisible()  # it popped up by itself
    assert shown(controller) == [("task", task.id)]
    assert controller.count == 1
    assert window.table.item(0, 1).text() == "Перезвонить клиенту"
    assert window.table.item(0, 2).text() == "ООО «Ромашка»"
    assert window.table.item(0, 0).text() == "12.03.2025 13:00"  # local (Moscow) time

    # Snooze → for 10 minutes: gone now, still gone 5 minutes later, back after 10
    assert window.current() is not None and window.current().id == task.id
    window.snooze_10.trigger()
    assert shown(controller) == []
    assert t.get_task(db, task.id).remind_at == START + timedelta(minutes=10)
    window.close()
    clock.advance(minutes=5)
    controller.timer.timeout.emit()  # what the timer does every minute
    assert shown(controller) == [] and not window.isVisible()
    clock.advance(minutes=5)
    controller.timer.timeout.emit()
    assert shown(controller) == [("task", task.id)]
    assert window.isVisible()  # it came back and popped up again

    # a check that finds nothing new does not bring a closed window back
    window.close()
    clock.advance(minutes=1)
    controller.check()
    assert not window.isVisible() and shown(controller) == [("task", task.id)]

    # Done: closed, with who and when
    assert window.select("task", task.id)
    window.done_button.click()
    assert shown(controller) == []
    assert controller.count == 0
    done = t.get_task(db, task.id)
    assert (done.status, done.done_by_id, done.done_at) == ("done", actor.user_id, clock.now)
    clock.advance(days=1)
    assert controller.check() == []


def test_snooze_until_tomorrow_morning_and_a_planned_interaction_done(
    qtbot, db, actor, clock, client
):
    planned = it.create_interaction(
        db,
        actor,
        it.InteractionDraft(
            kind="planned",
            subject="Встреча по договору",
            start_at=START - timedelta(minutes=30),
            status="planned",
            client_id=client.id,
        ),
    )
    task = t.create_task(
        db, actor, t.TaskDraft(title="Отправить КП", due_at=START - timedelta(minutes=1))
    )
    controller = make_controller(qtbot, db, actor, clock)
    controller.start()
    assert shown(controller) == [("interaction", planned.id), ("task", task.id)]

    assert controller.window.select("task", task.id)
    controller.window.snooze_tomorrow.trigger()
    tomorrow_9 = datetime(2025, 3, 13, 9, 0, tzinfo=MSK).astimezone(UTC)
    assert t.get_task(db, task.id).remind_at == tomorrow_9
    assert shown(controller) == [("interaction", planned.id)]

    # a planned interaction that took place: done as what it turned out to be
    assert controller.window.select("interaction", planned.id)
    assert controller.window.done_current(interaction_kind="meeting")
    stored = it.get_interaction(db, planned.id)
    assert (stored.kind, stored.status) == ("meeting", "done")
    assert shown(controller) == []

    clock.now = tomorrow_9
    controller.check()
    assert shown(controller) == [("task", task.id)]


def test_open_asks_for_the_card(qtbot, db, actor, clock):
    task = t.create_task(
        db, actor, t.TaskDraft(title="Позвонить", due_at=START - timedelta(minutes=5))
    )
    controller = make_controller(qtbot, db, actor, clock)
    controller.start()
    with qtbot.waitSignal(controller.open_requested) as opened:
        controller.window.open_button.click()
    assert opened.args == ["task", task.id]
