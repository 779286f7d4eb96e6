"""Demo interactions, tasks and leads: every kind and state, for the acting user too, and the
same counts for the same seed."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crm_desktop.db import Database, open_database, sqlite_url
from crm_desktop.models import (
    Channel,
    Client,
    Counterparty,
    Deal,
    InfoSource,
    Interaction,
    Lead,
    LeadRejectReason,
    Task,
    User,
)
from crm_desktop.services import interactions as it
from crm_desktop.services import lead_reports, reminders
from crm_desktop.services import leads as ld
from crm_desktop.services import tasks as tk
from crm_desktop.services import validation as v
from crm_desktop.services.demo import generate
from crm_desktop.services.demo_activities import ActivitySummary, create_demo_activities
from crm_desktop.services.uow import Actor, read_unit
from crm_desktop.services.users import ensure_user


def _make(db: Database, actor: Actor, seed: int = 3) -> ActivitySummary:
    generate(db, actor, clients=60, seed=seed, extras=False)
    return create_demo_activities(db, actor, random.Random(seed), clients=60)


def _count(db: Database, model: type, *where: object) -> int:
    with read_unit(db) as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_demo_activities_cover_every_kind_and_state(db: Database, actor: Actor) -> None:
    generate(db, actor, clients=60, seed=3, extras=False)
    with read_unit(db) as session:
        # the demo clients' INNs, before any lead is converted
        inns = dict(session.execute(select(Counterparty.inn, Counterparty.client_id)).all())
    before = datetime.now(UTC)
    summary = create_demo_activities(db, actor, random.Random(3), clients=60)
    tz = datetime.now(UTC).astimezone().tzinfo
    assert tz is not None

    with read_unit(db) as session:
        rows = list(session.scalars(select(Interaction)))
        tasks = list(session.scalars(select(Task)))
        leads = list(session.scalars(select(Lead)))
        deal_client = dict(session.execute(select(Deal.id, Deal.client_id)).all())
        deal_owner = dict(session.execute(select(Deal.id, Deal.owner_id)).all())
        sources = set(session.scalars(select(InfoSource.id)))
        reasons = dict(session.execute(select(LeadRejectReason.id, LeadRejectReason.code)).all())
        phones = set(session.scalars(select(Channel.normalized).where(Channel.kind == "phone")))
        users = set(session.scalars(select(User.id)))
    assert summary.interactions == len(rows)
    assert summary.tasks == len(tasks)
    assert summary.leads == len(leads) == 20

    # interactions: every kind and status, chains, plans ahead and overdue, calls by number
    assert {r.kind for r in rows} == {"meeting", "call", "email", "planned"}
    assert {r.status for r in rows} == {"planned", "done", "postponed", "cancelled"}
    by_id = {r.id: r for r in rows}
    replies = [r for r in rows if r.parent_id is not None]
    assert replies
    assert any(by_id[r.parent_id].parent_id is not None for r in replies)  # three deep
    for reply in replies:
        parent = by_id[reply.parent_id]
        assert (reply.deal_id, reply.client_id, reply.subject) == (
            parent.deal_id,
            parent.client_id,
            parent.subject,
        )
        assert reply.start_at >= parent.start_at
    now = datetime.now(UTC)
    open_rows = [r for r in rows if r.status in ("planned", "postponed")]
    assert any(r.start_at > now for r in open_rows)
    assert any(r.start_at < before for r in open_rows)
    for row in rows:
        assert row.subject_key == v.fold_key(row.subject)
        assert row.responsible_id in users
        assert (row.direction is not None) == (row.kind in ("call", "email"))
        assert row.kind != "planned" or row.status in ("planned", "postponed")
        assert row.status in ("planned", "postponed") or row.start_at <= now
        assert row.start_at >= before - timedelta(days=200)
        if row.deal_id is not None:
            assert row.client_id == deal_client[row.deal_id]
            if row.lead_id is None and row.responsible_id != actor.user_id:
                assert row.responsible_id == deal_owner[row.deal_id]
    unlinked = [
        r for r in rows if r.contact_id is None and r.client_id is None and r.lead_id is None
    ]
    assert len(unlinked) >= 4
    assert all(r.participant_text and r.kind == "call" for r in unlinked)
    matched = [r for r in unlinked if it.participant_keys(r.participant_text)[0] & phones]
    assert matched
    assert it.match_participant(db, matched[0].id)  # "link later" finds the contact

    # tasks: the acting user's overdue, today, this week, done; the demo users' too
    mine = [t for t in tasks if t.assignee_id == actor.user_id]
    assert {"open", "done"} <= {t.status for t in mine}
    assert all(
        t.done_at is not None and t.done_by_id == t.assignee_id for t in tasks if t.status == "done"
    )
    assert all(t.done_at is None for t in tasks if t.status != "done")
    assert {t.priority for t in tasks} == {"low", "normal", "high"}
    assert len({t.assignee_id for t in tasks}) >= 8  # the demo users and the actor
    assert any(t.deal_id is not None for t in mine) and any(t.lead_id is not None for t in tasks)
    day = reminders.today(db, actor.user_id, before, tz)
    assert day.overdue_tasks and day.today_tasks
    assert day.today_interactions and day.overdue_interactions
    assert reminders.due_reminders(db, actor.user_id, now, tz=tz)
    week = tk.my_tasks(db, actor.user_id, before, tz)
    assert week.overdue and week.today
    assert week.this_week or before.astimezone(tz).weekday() == 6  # Sunday: the week is over

    # leads: every status and source, every reject reason, conversions linked both ways
    assert Counter(x.status for x in leads).keys() == {"new", "in_work", "qualified", "rejected"}
    assert {x.source_id for x in leads} == sources
    rejected = [x for x in leads if x.status == "rejected"]
    assert {reasons[x.reject_reason_id] for x in rejected} == set(reasons.values())
    assert all(x.reject_comment for x in rejected if reasons[x.reject_reason_id] == "other")
    assert all(x.rejected_at is not None and x.rejected_at >= x.created_at for x in rejected)
    qualified = [x for x in leads if x.status == "qualified"]
    assert 4 <= len(qualified) == summary.converted <= 30
    for lead in qualified:
        assert lead.converted_client_id is not None and lead.converted_contact_id is not None
        assert lead.qualified_at is not None and lead.created_at <= lead.qualified_at <= now
        assert ld.lead_of_client(db, lead.converted_client_id) is not None
    assert any(x.converted_deal_id is not None for x in qualified)
    assert any(x.converted_counterparty_id is not None for x in qualified)
    # a few carry a demo client's INN: one converted into that client, the others offer it
    same_inn = [x for x in leads if x.inn in inns and x.status != "qualified"]
    assert same_inn
    assert ld.conversion_defaults(db, same_inn[0].id).client_id == inns[same_inn[0].inn]
    assert any(x.converted_client_id in set(inns.values()) for x in qualified)
    assert _count(db, Client) > 60  # and the others became new clients
    assert any(r.lead_id is not None for r in rows)
    for lead in leads:
        assert before - timedelta(days=181) <= lead.created_at <= now
        assert lead.search_key == ld.lead_search_key(lead.name, lead.company)
    # the lead-source report has every source, conversions and days to qualification
    report = lead_reports.lead_sources(db, (before - timedelta(days=181)).date(), now.date())
    assert report.total.received == 20
    assert len(report.rows) == len(sources)
    assert report.total.qualified == len(qualified) and report.total.median_days is not None
    # interactions of a converted lead moved to its client
    assert all(r.client_id is not None for r in rows if r.lead_id in {x.id for x in qualified})


@pytest.fixture
def fresh_sqlite(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A second migrated SQLite database, independent of ``db``."""
    path = tmp_path / "second.sqlite3"
    source, target = sqlite3.connect(sqlite_template), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    database = open_database(sqlite_url(path))
    yield database
    database.dispose()


def _fingerprint(db: Database) -> tuple[object, ...]:
    with read_unit(db) as session:
        return (
            Counter(
                session.execute(select(Interaction.kind, Interaction.status, Interaction.subject))
            ),
            Counter(session.execute(select(Task.status, Task.priority, Task.title))),
            Counter(session.execute(select(Lead.status, Lead.name, Lead.company, Lead.inn))),
            _count(db, Interaction, Interaction.parent_id.is_not(None)),
            _count(db, Interaction, Interaction.participant_text.is_not(None)),
        )


def test_same_seed_same_data(db: Database, actor: Actor, fresh_sqlite: Database) -> None:
    first = _make(db, actor)
    other_actor = ensure_user(fresh_sqlite, actor.login, actor.full_name)
    second = _make(fresh_sqlite, other_actor)
    assert first == second
    assert first.interactions > 90 and first.tasks > 100
    assert _fingerprint(db) == _fingerprint(fresh_sqlite)


def test_nothing_without_clients_or_when_cancelled(db: Database, actor: Actor) -> None:
    empty = ActivitySummary(0, 0, 0)
    assert create_demo_activities(db, actor, random.Random(1), clients=0) == empty
    generate(db, actor, clients=20, seed=1, deals=5, extras=False)
    stopped = create_demo_activities(
        db, actor, random.Random(1), clients=20, cancelled=lambda: True
    )
    assert stopped == empty
    assert _count(db, Interaction) == _count(db, Task) == _count(db, Lead) == 0
