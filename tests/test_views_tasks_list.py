"""The Tasks section over a real database (SQLite and PostgreSQL), offscreen, the clock in the
test's hands: the buckets in the user's local days, a manager sees only his own tasks, the title
search, Done, New task, a double click opens the card."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from crm_desktop.services import parties as p
from crm_desktop.services import tasks as t
from crm_desktop.services.users import ensure_user
from crm_desktop.views.activities.tasks_list import TaskListPage
from crm_desktop.views.cards.base import set_combo_data
from crm_desktop.views.itemmodels.paged import ROW_STATE_ROLE

MSK = ZoneInfo("Europe/Moscow")
NOW = datetime(2025, 3, 12, 15, 0, tzinfo=MSK).astimezone(UTC)  # Wednesday, 15:00 in Moscow


def local(day, hour, minute=0):
    return datetime(2025, 3, day, hour, minute, tzinfo=MSK)


@pytest.fixture
def petrov(db, actor):
    return ensure_user(db, "petrov", "Петров Пётр")


@pytest.fixture
def tasks(db, actor, petrov):
    client = p.create_client(db, actor, p.ClientDraft(name="ООО «Ромашка»"))

    def make(title, due, who, **links):
        return t.create_task(
            db, actor, t.TaskDraft(title=title, due_at=due, assignee_id=who.user_id, **links)
        )

    return {
        "late": make("Перезвонить утром", local(12, 9), petrov, client_id=client.id),
        "today": make("Перезвонить вечером", local(12, 18), petrov),
        "week": make("Отправить счёт", local(14, 10), petrov),
        "later": make("Сверка", local(20, 10), petrov),
        "boss": make("Отчёт директору", local(11, 10), actor),
        "client": client,
    }


def make_page(qtbot, db, user, **kw) -> TaskListPage:
    page = TaskListPage(db, user, now=lambda: NOW, tz=MSK, background=False, **kw)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def shown(page: TaskListPage) -> list[str]:
    model = page.model
    return [model.row(i).title for i in range(model.rowCount())]


def wait_rows(qtbot, page: TaskListPage, count: int) -> None:
    qtbot.waitUntil(
        lambda: (
            not page.model.busy
            and page.model.rowCount() == count
            and (count == 0 or page.model.is_cached(0))
        ),
        timeout=10_000,
    )


def test_the_model_passes_qt_model_tester(qtbot, qtmodeltester, db, actor, tasks):
    page = make_page(qtbot, db, actor)
    set_combo_data(page.assignee, None)  # all managers
    wait_rows(qtbot, page, 5)
    qtmodeltester.check(page.model)


def test_buckets_in_local_days_with_counts(qtbot, db, actor, petrov, tasks):
    page = make_page(qtbot, db, petrov)
    with qtbot.waitSignal(page.counts_loaded, timeout=10_000) as loaded:
        page.refresh_counts()
    assert loaded.args[0] == {"overdue": 1, "today": 1, "week": 1, "later": 1, "open": 4}
    assert page.bucket_buttons["overdue"].text() == "Overdue (1)"
    assert page.bucket == "open"
    wait_rows(qtbot, page, 4)
    assert shown(page) == ["Перезвонить утром", "Перезвонить вечером", "Отправить счёт", "Сверка"]
    # the overdue one is marked, the rest are not
    assert page.model.index(0, 0).data(ROW_STATE_ROLE) == "overdue"
    assert page.model.index(1, 0).data(ROW_STATE_ROLE) is None
    assert page.model.index(0, 3).data() == "ООО «Ромашка»"
    for bucket, titles in (
        ("overdue", ["Перезвонить утром"]),
        ("today", ["Перезвонить вечером"]),
        ("week", ["Отправить счёт"]),
        ("later", ["Сверка"]),
    ):
        page.bucket_buttons[bucket].click()
        wait_rows(qtbot, page, len(titles))
        assert shown(page) == titles, bucket

    # Done on the selected one: it leaves the bucket and shows under Done
    page.view.selectRow(0)
    assert page.done_button.isEnabled()
    assert page.complete_selected() == 1
    wait_rows(qtbot, page, 0)
    assert t.get_task(db, tasks["later"].id).status == "done"
    qtbot.waitUntil(lambda: page.counts["later"] == 0, timeout=10_000)  # counted again
    page.set_bucket("done")
    wait_rows(qtbot, page, 1)
    assert shown(page) == ["Сверка"]
    assert page.model.sort_key == "done_at" and page.model.descending
    assert page.model.index(0, 0).data(ROW_STATE_ROLE) == "closed"
    page.view.selectRow(0)
    assert not page.done_button.isEnabled()  # already done
    page.set_bucket("open")
    assert page.model.sort_key == "due_at" and not page.model.descending


def test_a_manager_sees_only_his_own_a_supervisor_chooses(qtbot, db, actor, petrov, tasks):
    page = make_page(qtbot, db, petrov)
    assert not page.assignee.isEnabled() and page.assignee.count() == 1
    wait_rows(qtbot, page, 4)
    assert "Отчёт директору" not in shown(page)

    boss = make_page(qtbot, db, actor)
    assert boss.assignee.isEnabled()
    wait_rows(qtbot, boss, 1)  # his own by default
    assert shown(boss) == ["Отчёт директору"]
    set_combo_data(boss.assignee, str(petrov.user_id))
    wait_rows(qtbot, boss, 4)
    set_combo_data(boss.assignee, None)
    wait_rows(qtbot, boss, 5)


def test_search_by_the_beginning_of_the_title(qtbot, db, actor, petrov, tasks):
    page = make_page(qtbot, db, petrov)
    wait_rows(qtbot, page, 4)
    page.search_box.setText("перезвонить")
    page.apply_filter()
    wait_rows(qtbot, page, 2)
    assert shown(page) == ["Перезвонить утром", "Перезвонить вечером"]
    qtbot.waitUntil(lambda: page.counts.get("open") == 2, timeout=10_000)
    page.search_box.setText("вечером")  # not the beginning
    page.apply_filter()
    wait_rows(qtbot, page, 0)
    assert page.notice.text() == "Nothing found."


def test_new_task_and_double_click_open_cards(qtbot, db, actor, petrov, tasks):
    page = make_page(qtbot, db, petrov)
    page.set_client(tasks["client"].id, "ООО «Ромашка»")
    wait_rows(qtbot, page, 1)
    assert page.client_button.text() == "ООО «Ромашка»"
    with qtbot.waitSignal(page.new_requested) as new:
        page.new_button.click()
    assert new.args == ["task", {"client_id": tasks["client"].id}]
    with qtbot.waitSignal(page.open_requested) as opened:
        page.view.activated.emit(page.model.index(0, 1))
    assert opened.args == ["task", tasks["late"].id]
    page.set_client(None)
    wait_rows(qtbot, page, 4)
    assert page.client_button.text() == "All clients"
