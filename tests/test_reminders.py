"""Reminders and the "today" page on both backends, with the clock in the test's hands."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from crm_desktop.models import Claim, InvestigationAction
from crm_desktop.services import deals as d
from crm_desktop.services import interactions as it
from crm_desktop.services import parties as p
from crm_desktop.services import reminders as r
from crm_desktop.services import tasks as t
from crm_desktop.services.uow import write_unit
from crm_desktop.services.users import ensure_user

MSK = ZoneInfo("Europe/Moscow")
NOW = datetime(2025, 3, 12, 15, 0, tzinfo=MSK).astimezone(UTC)  # Wednesday, 15:00 in Moscow
TODAY = date(2025, 3, 12)


@pytest.fixture
def petrov(db, actor):
    return ensure_user(db, "petrov", "Петров")


@pytest.fixture
def client(db, actor):
    return p.create_client(db, actor, p.ClientDraft(name="Ромашка"))


def kinds_and_titles(reminders):
    return [(x.kind, x.title) for x in reminders]


def test_acceptance_overdue_task_reminds_snooze_hides_it_complete_records_who(
    db, actor, petrov, client
):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    task = t.create_task(
        db,
        actor,
        t.TaskDraft(
            title="Перезвонить клиенту",
            due_at=NOW - timedelta(hours=2),
            assignee_id=petrov.user_id,
            deal_id=deal.id,
        ),
    )
    [reminder] = r.due_reminders(db, petrov.user_id, NOW)
    assert (reminder.kind, reminder.id, reminder.title, reminder.due, reminder.overdue) == (
        "task",
        task.id,
        "Перезвонить клиенту",
        NOW - timedelta(hours=2),
        True,
    )
    assert reminder.link == f"Ромашка · {deal.number} Поставка"
    assert (reminder.client_id, reminder.deal_id) == (client.id, deal.id)
    assert r.due_reminders(db, actor.user_id, NOW) == []  # not the author's to be reminded of

    until = NOW + timedelta(minutes=30)
    t.snooze(db, petrov, "task", task.id, until, now=NOW)
    assert r.due_reminders(db, petrov.user_id, NOW) == []
    assert r.due_reminders(db, petrov.user_id, until - timedelta(seconds=1)) == []
    [back] = r.due_reminders(db, petrov.user_id, until)
    assert (back.id, back.snoozed_until, back.due) == (task.id, until, NOW - timedelta(hours=2))

    done = t.complete_task(db, petrov, task.id, now=until + timedelta(minutes=1))
    assert (done.done_by_id, done.done_by, done.done_at) == (
        petrov.user_id,
        "Петров",
        until + timedelta(minutes=1),
    )
    assert r.due_reminders(db, petrov.user_id, until + timedelta(days=1)) == []


def test_a_task_reminds_when_it_is_due_not_before(db, actor):
    t.create_task(db, actor, t.TaskDraft(title="Позже", due_at=NOW + timedelta(hours=1)))
    assert r.due_reminders(db, actor.user_id, NOW) == []
    [due] = r.due_reminders(db, actor.user_id, NOW + timedelta(hours=1))
    assert (due.title, due.overdue) == ("Позже", False)


def test_planned_interactions_remind_at_their_start_and_can_be_snoozed(db, actor, client):
    planned = it.create_interaction(
        db,
        actor,
        it.InteractionDraft(
            kind="planned",
            subject="Встреча с ЛПР",
            status="planned",
            start_at=NOW - timedelta(minutes=10),
            client_id=client.id,
        ),
    )
    it.create_interaction(
        db,
        actor,
        it.InteractionDraft(
            kind="meeting",
            subject="Будущая",
            status="planned",
            start_at=NOW + timedelta(days=1),
        ),
    )
    it.create_interaction(  # done: nothing to remind of
        db,
        actor,
        it.InteractionDraft(
            kind="call", direction="in", subject="Было", start_at=NOW - timedelta(hours=1)
        ),
    )
    [due] = r.due_reminders(db, actor.user_id, NOW)
    assert (due.kind, due.id, due.title, due.overdue, due.link) == (
        "interaction",
        planned.id,
        "Встреча с ЛПР",
        True,
        "Ромашка",
    )
    t.snooze(db, actor, "interaction", planned.id, NOW + timedelta(hours=1), now=NOW)
    assert r.due_reminders(db, actor.user_id, NOW) == []
    assert len(r.due_reminders(db, actor.user_id, NOW + timedelta(hours=1))) == 1


def add_claim(db, actor, client, actions):
    """A claim with investigation actions (action text, responsible, planned on, done on)."""
    with write_unit(db, actor) as session:
        claim = Claim(
            number="П-000001",
            claimed_on=TODAY - timedelta(days=10),
            partner_id=client.id,
            essence="Недопоставка",
        )
        session.add(claim)
        session.flush()
        for line_no, (text, user, planned_on, done_on) in enumerate(actions, 1):
            session.add(
                InvestigationAction(
                    claim_id=claim.id,
                    line_no=line_no,
                    action=text,
                    responsible_id=user.user_id,
                    planned_on=planned_on,
                    done_on=done_on,
                )
            )
        return claim.id


def test_overdue_investigation_actions_remind_and_all_come_by_due(db, actor, petrov, client):
    claim_id = add_claim(
        db,
        actor,
        client,
        [
            ("Запросить накладные\nу склада", petrov, TODAY - timedelta(days=2), None),
            ("Сделано", petrov, TODAY - timedelta(days=3), TODAY - timedelta(days=1)),
            ("Сегодняшнее", petrov, TODAY, None),
            ("Чужое", actor, TODAY - timedelta(days=2), None),
        ],
    )
    t.create_task(
        db,
        actor,
        t.TaskDraft(title="Дело", due_at=NOW - timedelta(days=1), assignee_id=petrov.user_id),
    )
    reminders = r.due_reminders(db, petrov.user_id, NOW, tz=MSK)
    assert kinds_and_titles(reminders) == [
        ("investigation", "Запросить накладные"),
        ("task", "Дело"),
    ]
    action = reminders[0]
    assert (action.overdue, action.claim_id, action.client_id, action.link) == (
        True,
        claim_id,
        client.id,
        "П-000001 · Ромашка",
    )
    assert action.due == datetime(2025, 3, 10, tzinfo=MSK)


def test_today_summary(db, actor, petrov, client):
    def task(title, due, who=actor):
        t.create_task(db, actor, t.TaskDraft(title=title, due_at=due, assignee_id=who.user_id))

    task("Просрочено", NOW - timedelta(days=1))
    task("Сегодня", datetime(2025, 3, 12, 18, 0, tzinfo=MSK))
    task("Завтра", datetime(2025, 3, 13, 10, 0, tzinfo=MSK))
    task("Петрову", NOW + timedelta(hours=1), who=petrov)

    def planned(subject, start):
        it.create_interaction(
            db,
            actor,
            it.InteractionDraft(kind="planned", subject=subject, status="planned", start_at=start),
        )

    planned("Утренняя встреча", datetime(2025, 3, 12, 9, 0, tzinfo=MSK))
    planned("Вечерний звонок", datetime(2025, 3, 12, 19, 0, tzinfo=MSK))
    planned("Забытая", datetime(2025, 3, 11, 12, 0, tzinfo=MSK))
    planned("Завтрашняя", datetime(2025, 3, 13, 9, 0, tzinfo=MSK))

    late = d.create_deal(
        db,
        actor,
        d.DealDraft(title="Просроченная", client_id=client.id, expected_on=TODAY - timedelta(1)),
    )
    d.create_deal(db, actor, d.DealDraft(title="В срок", client_id=client.id, expected_on=TODAY))
    d.create_deal(db, actor, d.DealDraft(title="Без даты", client_id=client.id))
    d.create_deal(
        db,
        petrov,
        d.DealDraft(title="Чужая", client_id=client.id, expected_on=TODAY - timedelta(5)),
    )

    summary = r.today(db, actor.user_id, NOW, MSK)
    assert [x.title for x in summary.overdue_tasks] == ["Просрочено"]
    assert [x.title for x in summary.today_tasks] == ["Сегодня"]
    assert [x.subject for x in summary.today_interactions] == [
        "Утренняя встреча",
        "Вечерний звонок",
    ]
    assert [x.subject for x in summary.overdue_interactions] == ["Забытая"]
    assert [(x.id, x.title, x.client) for x in summary.overdue_deals] == [
        (late.id, "Просроченная", "Ромашка")
    ]


def test_today_has_the_users_overdue_investigation_actions(db, actor, petrov, client):
    claim_id = add_claim(
        db,
        actor,
        client,
        [
            ("Запросить накладные\nу склада", petrov, TODAY - timedelta(days=2), None),
            ("Сделано", petrov, TODAY - timedelta(days=3), TODAY - timedelta(days=1)),
            ("Сегодняшнее", petrov, TODAY, None),
            ("Чужое", actor, TODAY - timedelta(days=2), None),
        ],
    )
    summary = r.today(db, petrov.user_id, NOW, MSK)
    assert [
        (a.claim_id, a.claim_number, a.partner_name, a.action, a.days_overdue)
        for a in summary.overdue_actions
    ] == [(claim_id, "П-000001", "Ромашка", "Запросить накладные\nу склада", 2)]
    assert [a.action for a in r.today(db, actor.user_id, NOW, MSK).overdue_actions] == ["Чужое"]
    assert r.today(db, petrov.user_id, NOW, MSK, limit=0).overdue_actions == ()
    # a resolved claim's plan is not to be done any more
    with write_unit(db, actor) as session:
        session.get(Claim, claim_id).status = "resolved"
    assert r.today(db, petrov.user_id, NOW, MSK).overdue_actions == ()
