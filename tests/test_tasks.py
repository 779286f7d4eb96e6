"""Tasks on both backends: who may set them for whom, completing, snoozing, "my tasks" by day."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from crm_desktop.errors import ConcurrencyError, PermissionDeniedError, ValidationError
from crm_desktop.models import Task
from crm_desktop.services import deals as d
from crm_desktop.services import interactions as it
from crm_desktop.services import parties as p
from crm_desktop.services import tasks as t
from crm_desktop.services.lists import PageRequest
from crm_desktop.services.uow import read_unit
from crm_desktop.services.users import ensure_user

MSK = ZoneInfo("Europe/Moscow")
# Wednesday 12 March 2025, 15:00 in Moscow
NOW = datetime(2025, 3, 12, 15, 0, tzinfo=MSK).astimezone(UTC)


@pytest.fixture
def petrov(db, actor):
    """A plain manager (the ``actor`` fixture is the first user: an administrator)."""
    return ensure_user(db, "petrov", "Петров")


@pytest.fixture
def client(db, actor):
    return p.create_client(db, actor, p.ClientDraft(name="Ромашка"))


def count_tasks(db):
    with read_unit(db) as session:
        return session.scalar(select(func.count()).select_from(Task))


def local(day, hour, minute=0):
    return datetime(2025, 3, day, hour, minute, tzinfo=MSK)


def test_a_manager_sets_tasks_only_for_himself(db, actor, petrov):
    own = t.create_task(db, petrov, t.TaskDraft(title="Перезвонить", due_at=NOW))
    assert (own.assignee_id, own.author_id, own.status, own.priority) == (
        petrov.user_id,
        petrov.user_id,
        "open",
        "normal",
    )
    with pytest.raises(PermissionDeniedError) as caught:
        t.create_task(db, petrov, t.TaskDraft(title="Тебе", due_at=NOW, assignee_id=actor.user_id))
    assert caught.value.field == "assignee_id"
    assert count_tasks(db) == 1
    # a supervisor sets a task for anyone; he is its author
    given = t.create_task(
        db, actor, t.TaskDraft(title="Отправить КП", due_at=NOW, assignee_id=petrov.user_id)
    )
    assert (given.assignee_id, given.author_id, given.author) == (
        petrov.user_id,
        actor.user_id,
        "Иванов Иван Иванович",
    )
    # the assignee may edit it, but not hand it to someone else
    edited = t.update_task(
        db, petrov, given.id, given.version, replace(given.as_draft(), priority="high")
    )
    assert edited.priority == "high"
    with pytest.raises(PermissionDeniedError):
        t.update_task(
            db,
            petrov,
            given.id,
            edited.version,
            replace(edited.as_draft(), assignee_id=actor.user_id),
        )
    with pytest.raises(ConcurrencyError):
        t.update_task(db, petrov, given.id, given.version, given.as_draft())


def test_someone_elses_task_is_not_a_managers_to_change(db, actor, petrov):
    sidorov = ensure_user(db, "sidorov", "Сидоров")
    task = t.create_task(db, sidorov, t.TaskDraft(title="Своё", due_at=NOW))
    for change in (
        lambda: t.complete_task(db, petrov, task.id),
        lambda: t.cancel_task(db, petrov, task.id),
        lambda: t.snooze(db, petrov, "task", task.id, NOW + timedelta(hours=1), now=NOW),
        lambda: t.update_task(db, petrov, task.id, task.version, task.as_draft()),
    ):
        with pytest.raises(PermissionDeniedError):
            change()
    assert t.complete_task(db, actor, task.id, now=NOW).done_by_id == actor.user_id


def test_bad_input_names_each_field_and_writes_nothing(db, actor, client):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    with pytest.raises(ValidationError) as caught:
        t.create_task(
            db,
            actor,
            t.TaskDraft(
                title=" ",
                due_at=NOW,
                priority="urgent",
                deal_id=deal.id,
                contact_id=client.id,  # not a contact
                assignee_id=client.id,  # not a user
            ),
        )
    assert set(caught.value.field_errors) == {
        "title",
        "priority",
        "contact_id",
        "assignee_id",
    }
    assert count_tasks(db) == 0
    with pytest.raises(ValueError, match="aware"):
        t.create_task(db, actor, t.TaskDraft(title="Без пояса", due_at=datetime(2025, 3, 12)))


def test_links_fill_the_client_and_come_from_an_interaction(db, actor, client):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    call = it.create_interaction(
        db,
        actor,
        it.InteractionDraft(kind="call", direction="in", subject="Звонок", deal_id=deal.id),
    )
    task = t.create_task(
        db, actor, t.TaskDraft(title="Перезвонить", due_at=NOW, interaction_id=call.id)
    )
    assert (task.interaction_id, task.deal_id, task.client_id) == (call.id, deal.id, client.id)
    assert [r.id for r in t.tasks_for(db, client_id=client.id)] == [task.id]
    assert [r.id for r in t.tasks_for(db, deal_id=deal.id)] == [task.id]
    assert [r.id for r in t.tasks_for(db, interaction_id=call.id)] == [task.id]
    [row] = t.tasks_for(db, client_id=client.id)
    assert (row.client, row.deal, row.assignee) == (
        "Ромашка",
        f"{deal.number} Поставка",
        "Иванов Иван Иванович",
    )


def test_complete_records_who_and_when_and_reopen_clears_it(db, actor, petrov):
    task = t.create_task(db, actor, t.TaskDraft(title="Отправить КП", due_at=NOW))
    done = t.complete_task(db, actor, task.id, now=NOW + timedelta(minutes=5))
    assert (done.status, done.done_at, done.done_by_id, done.done_by) == (
        "done",
        NOW + timedelta(minutes=5),
        actor.user_id,
        "Иванов Иван Иванович",
    )
    with pytest.raises(ValidationError) as caught:
        t.complete_task(db, actor, task.id)
    assert caught.value.field == "status"
    reopened = t.reopen_task(db, actor, task.id)
    assert (reopened.status, reopened.done_at, reopened.done_by_id) == ("open", None, None)
    cancelled = t.cancel_task(db, actor, task.id, expected_version=reopened.version)
    assert cancelled.status == "cancelled" and cancelled.done_at is None
    before = datetime.now(UTC)
    again = t.complete_task(db, actor, t.reopen_task(db, actor, task.id).id)
    assert again.done_at is not None and again.done_at >= before - timedelta(seconds=1)


def test_snooze_needs_a_future_time_and_an_open_task(db, actor):
    task = t.create_task(db, actor, t.TaskDraft(title="Перезвонить", due_at=NOW))
    with pytest.raises(ValidationError) as caught:
        t.snooze(db, actor, "task", task.id, NOW - timedelta(minutes=1), now=NOW)
    assert caught.value.field == "remind_at"
    t.snooze(db, actor, "task", task.id, NOW + timedelta(hours=2), now=NOW)
    snoozed = t.get_task(db, task.id)
    assert (snoozed.remind_at, snoozed.due_at) == (NOW + timedelta(hours=2), NOW)
    # a new due time drops the snooze
    moved = t.update_task(
        db,
        actor,
        task.id,
        snoozed.version,
        replace(snoozed.as_draft(), due_at=NOW + timedelta(days=1)),
    )
    assert moved.remind_at is None
    t.complete_task(db, actor, task.id, now=NOW)
    with pytest.raises(ValidationError):
        t.snooze(db, actor, "task", task.id, NOW + timedelta(hours=1), now=NOW)
    done_call = it.create_interaction(
        db, actor, it.InteractionDraft(kind="call", direction="out", subject="Звонок")
    )
    with pytest.raises(ValidationError):
        t.snooze(db, actor, "interaction", done_call.id, NOW + timedelta(hours=1), now=NOW)
    with pytest.raises(ValueError, match="kind"):
        t.snooze(db, actor, "deal", task.id, NOW + timedelta(hours=1), now=NOW)


def test_my_tasks_in_the_users_local_days(db, actor, petrov):
    def make(title, due, who=petrov):
        return t.create_task(
            db, actor, t.TaskDraft(title=title, due_at=due, assignee_id=who.user_id)
        )

    make("Вчера", local(11, 10))
    make("Сегодня утром", local(12, 9))  # before 15:00: already overdue
    make("Сегодня вечером", local(12, 18))
    make("Сегодня поздно", local(12, 23, 59))
    make("Завтра", local(13, 0, 0))
    make("Воскресенье", local(16, 23, 0))
    make("Понедельник", local(17, 0, 0))
    make("Чужое сегодня", local(12, 18), who=actor)
    closed = make("Сделано", local(12, 16))
    t.complete_task(db, petrov, closed.id, now=NOW)

    mine = t.my_tasks(db, petrov.user_id, NOW, MSK)
    assert [r.title for r in mine.overdue] == ["Вчера", "Сегодня утром"]
    assert [r.title for r in mine.today] == ["Сегодня вечером", "Сегодня поздно"]
    assert [r.title for r in mine.this_week] == ["Завтра", "Воскресенье"]
    # the same moment in Vladivostok (+10) is 22:00: Moscow's evening is tomorrow there, and
    # the week ends at 17:00 on Moscow's Sunday
    far = t.my_tasks(db, petrov.user_id, NOW, ZoneInfo("Asia/Vladivostok"))
    assert [r.title for r in far.today] == []
    assert [r.title for r in far.this_week] == ["Сегодня вечером", "Сегодня поздно", "Завтра"]


def test_tasks_for_pages_latest_due_first(db, actor, client):
    made = [
        t.create_task(
            db,
            actor,
            t.TaskDraft(title=f"Дело {i}", due_at=NOW + timedelta(days=i), client_id=client.id),
        )
        for i in range(5)
    ]
    first = t.tasks_for(db, client_id=client.id, limit=3)
    rest = t.tasks_for(db, client_id=client.id, limit=3, before=first[-1].key)
    assert [r.id for r in first + rest] == [m.id for m in reversed(made)]
    t.complete_task(db, actor, made[0].id, now=NOW)
    assert len(t.tasks_for(db, client_id=client.id, status="open")) == 4
    t.delete_task(db, actor, made[1].id, made[1].version)
    assert len(t.tasks_for(db, client_id=client.id)) == 4
    with pytest.raises(ValueError, match="needs a record"):
        t.tasks_for(db)


# --- the Tasks list -------------------------------------------------------------------------------


def titles(db, flt, **page):
    return [row.title for _key, row in t.task_page(db, flt, PageRequest("due_at", **page))]


@pytest.fixture
def week_of_tasks(db, actor, petrov):
    """Petrov's tasks around Wednesday 12 March 2025, 15:00 in Moscow, and one of the actor's."""

    def make(title, due, who=petrov, **links):
        return t.create_task(
            db, actor, t.TaskDraft(title=title, due_at=due, assignee_id=who.user_id, **links)
        )

    made = {
        "Вчера": make("Вчера", local(11, 10)),
        "Перезвонить утром": make("Перезвонить утром", local(12, 9)),
        "Перезвонить вечером": make("Перезвонить вечером", local(12, 18)),
        "Завтра": make("Завтра", local(13, 0, 0)),
        "Воскресенье": make("Воскресенье", local(16, 23, 0)),
        "Понедельник": make("Понедельник", local(17, 0, 0)),
        "Через месяц": make("Через месяц", local(31, 10)),
        "Чужое": make("Чужое", local(12, 18), who=actor),
        "Сделано": make("Сделано", local(12, 16)),
    }
    t.complete_task(db, petrov, made["Сделано"].id, now=NOW)
    return made


def test_task_list_buckets_in_the_users_local_days(db, actor, petrov, week_of_tasks):
    mine = t.TaskFilter(assignee_id=petrov.user_id)

    def bucket(name, tz=MSK):
        return titles(db, t.bucket_filter(mine, name, NOW, tz))

    assert bucket("overdue") == ["Вчера", "Перезвонить утром"]
    assert bucket("today") == ["Перезвонить вечером"]
    assert bucket("week") == ["Завтра", "Воскресенье"]
    assert bucket("later") == ["Понедельник", "Через месяц"]
    assert bucket("open") == [
        "Вчера",
        "Перезвонить утром",
        "Перезвонить вечером",
        "Завтра",
        "Воскресенье",
        "Понедельник",
        "Через месяц",
    ]
    assert bucket("done") == ["Сделано"]
    # 22:00 in Vladivostok: Moscow's evening is tomorrow there
    assert bucket("today", ZoneInfo("Asia/Vladivostok")) == []
    counts = t.bucket_counts(db, mine, NOW, MSK)
    assert counts == {"overdue": 2, "today": 1, "week": 2, "later": 2, "open": 7}
    assert t.task_count(db, t.bucket_filter(mine, "open", NOW, MSK)) == 7
    everyone = t.bucket_filter(t.TaskFilter(), "today", NOW, MSK)
    assert sorted(titles(db, everyone)) == ["Перезвонить вечером", "Чужое"]
    with pytest.raises(ValueError, match="bucket"):
        t.bucket_filter(mine, "someday", NOW, MSK)


def test_task_list_pages_by_keyset_and_sorts_in_sql(db, actor, petrov, week_of_tasks):
    flt = t.TaskFilter(assignee_id=petrov.user_id)
    first = t.task_page(db, flt, PageRequest("due_at", limit=3))
    rest = t.task_page(db, flt, PageRequest("due_at", after=first[-1][0], limit=10))
    assert [r.title for _k, r in first + rest] == titles(db, flt)
    anchors = t.task_anchors(db, flt, "due_at", every=3)
    assert anchors == [first[-1][0], rest[2][0]]
    for sort in t.TASK_SORT_KEYS:
        for descending in (False, True):
            rows = t.task_page(db, flt, PageRequest(sort, descending, limit=100))
            assert len(rows) == 7, sort
    done = t.task_page(db, t.bucket_filter(flt, "done", NOW, MSK), PageRequest("done_at", True))
    assert [(r.title, r.done_at) for _k, r in done] == [("Сделано", NOW)]


def test_a_manager_sees_only_his_own_tasks(db, actor, petrov, week_of_tasks):
    anyone = t.TaskFilter(assignee_id=None)
    assert t.visible_filter(actor, anyone) == anyone  # a supervisor: everyone's
    assert t.visible_filter(petrov, anyone).assignee_id == petrov.user_id
    theirs = t.TaskFilter(assignee_id=actor.user_id)
    assert t.visible_filter(petrov, theirs).assignee_id == petrov.user_id
    assert "Чужое" not in titles(db, t.visible_filter(petrov, anyone))
    assert "Чужое" in titles(db, t.visible_filter(actor, anyone))


def test_task_list_searches_the_beginning_of_the_title(db, actor, petrov, client, week_of_tasks):
    flt = t.TaskFilter(assignee_id=petrov.user_id)
    found = t.task_search(db, replace(flt, search="перезвонить"))
    assert found is not None and not found.capped and len(found.ids) == 2
    assert titles(db, replace(flt, search="Перезвонить в")) == ["Перезвонить вечером"]
    assert titles(db, replace(flt, search="звонить")) == []  # the beginning only
    assert titles(db, replace(flt, search="100%")) == []
    assert t.task_search(db, replace(flt, search="  ")) is None
    hits = t.task_search(db, replace(flt, search="Пере"), cap=1)
    assert hits is not None and hits.capped and len(hits.ids) == 1
    searched = replace(flt, search="пере")
    assert t.bucket_counts(db, searched, NOW, MSK)["open"] == 2
    assert t.task_count(db, searched) == 2
    # the client filter
    t.create_task(
        db,
        actor,
        t.TaskDraft(
            title="Отгрузка", due_at=local(12, 17), assignee_id=petrov.user_id, client_id=client.id
        ),
    )
    assert titles(db, replace(flt, client_id=client.id)) == ["Отгрузка"]
