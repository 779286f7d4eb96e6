"""Reminders and the "today" page: what is due for a user at a given moment.

Nothing here reads the clock: the caller passes ``now`` (an aware datetime) and, where local days
matter, the user's time zone as a ``tzinfo``. Each list is bounded and comes from an index
(``task (assignee_id, status, due_at)``, ``interaction (responsible_id, status, start_at)``,
``investigation_action (responsible_id, done_on, planned_on)``, ``deal (owner_id, status)``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from decimal import Decimal
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from crm_desktop.db import Database
from crm_desktop.models import Claim, Client, Deal, DealStage, InvestigationAction, Task, User
from crm_desktop.models import Interaction as InteractionModel
from crm_desktop.services.claims import OPEN_STATUSES as OPEN_CLAIM_STATUSES
from crm_desktop.services.claims import OverdueAction
from crm_desktop.services.interactions import (
    OPEN_STATUSES,
    InteractionRow,
    deal_label,
    interaction_rows,
    read_rows,
)
from crm_desktop.services.lists import DealRow
from crm_desktop.services.tasks import TaskRow, day_start, open_tasks_between
from crm_desktop.services.uow import read_unit

__all__ = [
    "REMINDER_KINDS",
    "Reminder",
    "TodaySummary",
    "due_reminders",
    "today",
]

REMINDER_KINDS: Final = ("task", "interaction", "investigation")
CLOSED_CLAIM_STATUSES: Final = ("closed",)


@dataclass(frozen=True)
class Reminder:
    """Something that is due: a task, a planned interaction or an investigation action.

    ``due`` is the task's due time, the interaction's start, or the start of the action's
    planned day (local); ``overdue`` says it has passed. ``link`` is what it concerns, for
    display ("Ромашка · А-000042 Поставка", a claim "П-000007 · Ромашка"); the ids open it.
    """

    kind: str  # one of REMINDER_KINDS
    id: uuid.UUID
    title: str
    due: datetime
    overdue: bool
    link: str | None
    client_id: uuid.UUID | None = None
    deal_id: uuid.UUID | None = None
    claim_id: uuid.UUID | None = None
    snoozed_until: datetime | None = None
    priority: str | None = None  # tasks only


@dataclass(frozen=True)
class TodaySummary:
    """A user's day: overdue and today's open tasks, today's planned interactions (and planned
    ones of earlier days still not done), his open deals whose expected date has passed, and
    his investigation plan actions planned before today and not done, of claims not resolved
    yet (the oldest first; ``days_overdue`` counts local days)."""

    overdue_tasks: tuple[TaskRow, ...]
    today_tasks: tuple[TaskRow, ...]
    today_interactions: tuple[InteractionRow, ...]
    overdue_interactions: tuple[InteractionRow, ...]
    overdue_deals: tuple[DealRow, ...]
    overdue_actions: tuple[OverdueAction, ...] = ()


def _aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"{name} must be an aware datetime, got {value!r}")
    return value.astimezone(UTC)


def _link(*parts: str | None) -> str | None:
    shown = [part for part in parts if part]
    return " · ".join(shown) if shown else None


_RClient = aliased(Client, name="reminder_client")
_RDeal = aliased(Deal, name="reminder_deal")


def due_reminders(
    db: Database,
    user_id: uuid.UUID,
    now: datetime,
    *,
    tz: tzinfo | None = None,
    limit: int = 200,
) -> list[Reminder]:
    """What to remind the user of at ``now``, by due time: his open tasks whose reminder time
    (a snooze, else the due time) has come, his planned or postponed interactions likewise (a
    snooze, else the start), and his investigation actions planned before today and not done.

    "Today" is ``now``'s date in ``tz`` (default: ``now``'s own zone). At most ``limit`` of each
    kind.
    """
    current = _aware(now, "now")
    local_today = now.astimezone(tz).date() if tz is not None else now.date()
    zone = tz if tz is not None else now.tzinfo or UTC
    reminders: list[Reminder] = []
    with read_unit(db) as session:
        tasks = session.execute(
            select(
                Task.id,
                Task.title,
                Task.due_at,
                Task.remind_at,
                Task.priority,
                Task.client_id,
                _RClient.name,
                Task.deal_id,
                _RDeal.number,
                _RDeal.title,
                Task.claim_id,
            )
            .outerjoin(_RClient, _RClient.id == Task.client_id)
            .outerjoin(_RDeal, _RDeal.id == Task.deal_id)
            .where(
                Task.assignee_id == user_id,
                Task.status == "open",
                Task.deleted_at.is_(None),
                func.coalesce(Task.remind_at, Task.due_at) <= current,
            )
            .order_by(Task.due_at, Task.id)
            .limit(limit)
        ).all()
        for row in tasks:
            (row_id, title, due, remind, priority, client_id, client, deal_id) = row[:8]
            deal_number, deal_title, claim_id = row[8:]
            reminders.append(
                Reminder(
                    "task",
                    row_id,
                    title,
                    due,
                    due < current,
                    _link(client, deal_label(deal_number, deal_title)),
                    client_id,
                    deal_id,
                    claim_id,
                    remind,
                    priority,
                )
            )
        planned = session.execute(
            select(
                InteractionModel.id,
                InteractionModel.subject,
                InteractionModel.start_at,
                InteractionModel.remind_at,
                InteractionModel.client_id,
                _RClient.name,
                InteractionModel.deal_id,
                _RDeal.number,
                _RDeal.title,
                InteractionModel.claim_id,
            )
            .outerjoin(_RClient, _RClient.id == InteractionModel.client_id)
            .outerjoin(_RDeal, _RDeal.id == InteractionModel.deal_id)
            .where(
                InteractionModel.responsible_id == user_id,
                InteractionModel.status.in_(OPEN_STATUSES),
                InteractionModel.deleted_at.is_(None),
                func.coalesce(InteractionModel.remind_at, InteractionModel.start_at) <= current,
            )
            .order_by(InteractionModel.start_at, InteractionModel.id)
            .limit(limit)
        ).all()
        for item in planned:
            start = item.start_at
            reminders.append(
                Reminder(
                    "interaction",
                    item.id,
                    item.subject,
                    start,
                    start < current,
                    _link(item.name, deal_label(item.number, item.title)),
                    item.client_id,
                    item.deal_id,
                    item.claim_id,
                    item.remind_at,
                )
            )
        actions = session.execute(
            select(
                InvestigationAction.id,
                InvestigationAction.action,
                InvestigationAction.planned_on,
                Claim.id,
                Claim.number,
                Claim.partner_id,
                _RClient.name,
                Claim.deal_id,
            )
            .join(Claim, Claim.id == InvestigationAction.claim_id)
            .outerjoin(_RClient, _RClient.id == Claim.partner_id)
            .where(
                InvestigationAction.responsible_id == user_id,
                InvestigationAction.done_on.is_(None),
                InvestigationAction.planned_on < local_today,
                InvestigationAction.deleted_at.is_(None),
                Claim.deleted_at.is_(None),
                Claim.status.not_in(CLOSED_CLAIM_STATUSES),
            )
            .order_by(InvestigationAction.planned_on, InvestigationAction.id)
            .limit(limit)
        ).all()
        for row_id, action, planned_on, claim_id, number, partner_id, partner, deal_id in actions:
            reminders.append(
                Reminder(
                    "investigation",
                    row_id,
                    _first_line(action),
                    _start_of(planned_on, zone),
                    True,
                    _link(number, partner),
                    partner_id,
                    deal_id,
                    claim_id,
                )
            )
    reminders.sort(key=lambda r: (r.due, REMINDER_KINDS.index(r.kind), r.id))
    return reminders


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= 255 else line[:254] + "…"


def _start_of(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)


_DClient = aliased(Client, name="today_deal_client")
_DOwner = aliased(User, name="today_deal_owner")


def today(
    db: Database, user_id: uuid.UUID, now: datetime, tz: tzinfo, *, limit: int = 200
) -> TodaySummary:
    """The user's "today" page at ``now``, days taken in ``tz``; at most ``limit`` of each."""
    current = _aware(now, "now")
    start, tomorrow = day_start(current, tz), day_start(current, tz, 1)
    local_today = current.astimezone(tz).date()
    open_planned = (
        InteractionModel.responsible_id == user_id,
        InteractionModel.status.in_(OPEN_STATUSES),
        InteractionModel.deleted_at.is_(None),
    )
    order = (InteractionModel.start_at, InteractionModel.id)
    with read_unit(db) as session:
        overdue_tasks = open_tasks_between(session, user_id, None, current, limit)
        today_tasks = open_tasks_between(session, user_id, current, tomorrow, limit)
        today_interactions = read_rows(
            session,
            interaction_rows(InteractionModel.start_at)
            .where(
                *open_planned,
                InteractionModel.start_at >= start,
                InteractionModel.start_at < tomorrow,
            )
            .order_by(*order)
            .limit(limit),
        )
        overdue_interactions = read_rows(
            session,
            interaction_rows(InteractionModel.start_at)
            .where(*open_planned, InteractionModel.start_at < start)
            .order_by(*order)
            .limit(limit),
        )
        deals = session.execute(
            select(
                Deal.id,
                Deal.number,
                Deal.title,
                _DClient.name,
                DealStage.name,
                Deal.status,
                Deal.amount,
                _DOwner.full_name,
                Deal.opened_on,
                Deal.expected_on,
            )
            .join(_DClient, _DClient.id == Deal.client_id)
            .outerjoin(DealStage, DealStage.id == Deal.stage_id)
            .outerjoin(_DOwner, _DOwner.id == Deal.owner_id)
            .where(
                Deal.owner_id == user_id,
                Deal.status == "open",
                Deal.deleted_at.is_(None),
                Deal.expected_on < local_today,
            )
            .order_by(Deal.expected_on, Deal.id)
            .limit(limit)
        ).all()
        actions = session.execute(
            select(
                InvestigationAction.id,
                InvestigationAction.version,
                Claim.id,
                Claim.number,
                func.coalesce(_DClient.name, ""),
                InvestigationAction.action,
                InvestigationAction.planned_on,
            )
            .join(Claim, Claim.id == InvestigationAction.claim_id)
            .outerjoin(_DClient, _DClient.id == Claim.partner_id)
            .where(
                InvestigationAction.responsible_id == user_id,
                InvestigationAction.done_on.is_(None),
                InvestigationAction.planned_on < local_today,
                InvestigationAction.deleted_at.is_(None),
                Claim.deleted_at.is_(None),
                Claim.status.in_(OPEN_CLAIM_STATUSES),
            )
            .order_by(InvestigationAction.planned_on, Claim.number, InvestigationAction.line_no)
            .limit(limit)
        ).all()
    return TodaySummary(
        overdue_tasks=tuple(overdue_tasks),
        today_tasks=tuple(today_tasks),
        today_interactions=tuple(today_interactions),
        overdue_interactions=tuple(overdue_interactions),
        overdue_deals=tuple(
            DealRow(
                id=row[0],
                number=row[1],
                title=row[2],
                client=row[3],
                stage=row[4],
                status=row[5],
                amount=Decimal(row[6]),
                owner=row[7],
                opened_on=row[8],
                expected_on=row[9],
            )
            for row in deals
        ),
        overdue_actions=tuple(
            OverdueAction(
                a_id, version, c_id, number, partner, text, planned, (local_today - planned).days
            )
            for a_id, version, c_id, number, partner, text, planned in actions
        ),
    )
