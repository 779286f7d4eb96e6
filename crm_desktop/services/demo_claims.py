"""Demo claims: every state of the claim's life over the last ~14 months, consistent with the
status rules, against existing demo clients, their counterparties, deals and users.

The first claims made cover every state (registered with and without a plan, under
investigation with open, overdue and all-done actions, resolved with each result, closed);
the rest are drawn at random, older claims more often closed. Culprit departments are the
office's own (the warehouse, logistics and accounting, created if absent) and the sales
departments, whose managers are then the culprit employees. Written as ORM rows (so audited),
100 claims per transaction.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import Database
from crm_desktop.models import (
    Claim,
    ClaimReason,
    Client,
    Counterparty,
    Deal,
    Department,
    InvestigationAction,
    User,
)
from crm_desktop.services.numbering import next_number
from crm_desktop.services.uow import Actor, write_unit

BATCH = 100
SPAN_DAYS = 425  # about 14 months back
OPERATIONS = ("Склад", "Логистика", "Бухгалтерия")
# where a reason's culprit usually is: an operations department, or "sales" (the owner's)
CULPRITS = {
    "late_delivery": "Логистика",
    "damage": "Логистика",
    "defect": "Склад",
    "short_delivery": "Склад",
    "documents": "Бухгалтерия",
    "price": "sales",
    "service": "sales",
}
ESSENCES = {
    "late_delivery": "Поставка задержана на {n} дн., клиент сорвал сроки на объекте",
    "damage": "При доставке повреждено {n} упаковок, фото приложены к акту",
    "defect": "В партии обнаружен брак: {n} ед. не соответствуют сертификату",
    "short_delivery": "Недопоставка {n} ед. по накладной, пересорт по двум позициям",
    "documents": "Ошибки в счёте-фактуре и УПД, {n} документов на исправление",
    "price": "Цена в счёте выше согласованной в КП на {n} %",
    "service": "Менеджер не перезвонил {n} раз, клиент недоволен обслуживанием",
    "other": "Прочие замечания клиента к поставке ({n})",
}
ACTIONS = [
    "Запросить у клиента фото и акт о расхождениях",
    "Проверить остатки и отгрузку на складе",
    "Сверить накладные и маршрутный лист перевозчика",
    "Провести служебную проверку, взять объяснения",
    "Согласовать решение с руководителем",
    "Подготовить ответ клиенту на претензию",
    "Запросить заключение у поставщика",
]
ACTION_RESULTS = ["Сделано", "Факт подтверждён", "Факт не подтвердился", "Ответ получен"]
RESULT_COMMENTS = {
    "satisfied": "Претензия признана, возмещение в полном объёме",
    "partly": "Претензия признана частично, согласована скидка на следующую поставку",
    "rejected": "Нарушений с нашей стороны не выявлено, клиенту направлен мотивированный отказ",
}
# the states every demo shows, then the rest drawn with these weights
COVERED = (
    "registered",
    "registered_planned",
    "investigation_open",
    "investigation_overdue",
    "investigation_done",
    "resolved_satisfied",
    "resolved_partly",
    "resolved_rejected",
    "closed",
)
DRAWN = [
    ("registered", 6),
    ("registered_planned", 4),
    ("investigation_open", 8),
    ("investigation_overdue", 4),
    ("investigation_done", 4),
    ("resolved_satisfied", 6),
    ("resolved_partly", 5),
    ("resolved_rejected", 5),
    ("closed", 40),
]
# how old a claim of each state is, in days: (youngest, oldest)
AGES = {
    "registered": (0, 10),
    "registered_planned": (1, 12),
    "investigation_open": (3, 45),
    "investigation_overdue": (10, 60),
    "investigation_done": (10, 60),
    "resolved": (20, 240),
    "closed": (30, SPAN_DAYS),
}


class _Refs:
    """What claims are made against: partners with their counterparties and deals, users,
    departments and reasons."""

    def __init__(self, session: Session, actor: Actor | None) -> None:
        self.actor_id = actor.user_id if actor is not None else None
        self.partners = list(
            session.execute(
                select(Client.id, Client.owner_id)
                .where(Client.deleted_at.is_(None), Client.merged_into_id.is_(None))
                .order_by(Client.search_key, Client.id)
                .limit(5000)
            ).all()
        )
        self.users = list(
            session.execute(
                select(User.id, User.department_id, User.role)
                .where(User.deleted_at.is_(None), User.is_active.is_(True))
                .order_by(User.login)
            ).all()
        )
        self.departments = _ensure_departments(session)
        self.reasons = {
            r.code: r.id
            for r in session.scalars(select(ClaimReason).where(ClaimReason.deleted_at.is_(None)))
        }

    def department_of(self, user_id: uuid.UUID | None) -> uuid.UUID | None:
        return next((dept for uid, dept, _role in self.users if uid == user_id), None)


def _ensure_departments(session: Session) -> dict[str, uuid.UUID]:
    """The operations departments by name, created if absent."""
    found: dict[str, uuid.UUID] = {}
    for name in OPERATIONS:
        dept_id = session.scalars(
            select(Department.id)
            .where(Department.name == name, Department.deleted_at.is_(None))
            .order_by(Department.created_at, Department.id)
            .limit(1)
        ).first()
        if dept_id is None:
            dept = Department(name=name)
            session.add(dept)
            session.flush()
            dept_id = dept.id
        found[name] = dept_id
    return found


def _moment(day: date, rng: random.Random) -> datetime:
    """A working-hours moment of ``day``, never later than now."""
    moment = datetime.combine(day, time(rng.randint(7, 15), rng.randint(0, 59)), tzinfo=UTC)
    return min(moment, datetime.now(UTC))


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low, high) * 100)


def create_demo_claims(
    db: Database,
    actor: Actor | None,
    rng: random.Random,
    count: int,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Make ``count`` demo claims with plans in every state; returns how many were made (0
    when there are no clients or users yet)."""
    if count < 0:
        raise ValueError(f"count must not be negative: {count}")
    today = date.today()
    with write_unit(db, actor) as session:
        refs = _Refs(session, actor)
    if not refs.partners or not refs.users or not count:
        return 0
    states = list(COVERED[:count]) + rng.choices(
        [s for s, _ in DRAWN], [w for _, w in DRAWN], k=max(0, count - len(COVERED))
    )
    made = 0
    while made < count:
        if cancelled is not None and cancelled():
            break
        with write_unit(db, actor) as session:
            for state in states[made : made + BATCH]:
                _one_claim(session, rng, refs, state, today)
                made += 1
    return made


def _partner_links(
    session: Session, partner_id: uuid.UUID
) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    counterparties = list(
        session.scalars(
            select(Counterparty.id).where(
                Counterparty.client_id == partner_id, Counterparty.deleted_at.is_(None)
            )
        )
    )
    deals = list(
        session.scalars(
            select(Deal.id).where(Deal.client_id == partner_id, Deal.deleted_at.is_(None))
        )
    )
    return counterparties, deals


def _one_claim(session: Session, rng: random.Random, refs: _Refs, state: str, today: date) -> None:
    """One claim in ``state`` with its plan, written in its final state (one history entry)."""
    partner_id, partner_owner = refs.partners[rng.randrange(len(refs.partners))]
    counterparties, deals = _partner_links(session, partner_id)
    owner_id = partner_owner or refs.actor_id or refs.users[0][0]
    stage = state.split("_")[0]
    youngest, oldest = AGES.get(state, AGES.get(stage, (0, SPAN_DAYS)))
    claimed = today - timedelta(days=rng.randint(youngest, oldest))
    code = rng.choice(sorted(refs.reasons)) if refs.reasons else None
    culprit_kind = CULPRITS.get(code or "")
    culprit_department: uuid.UUID | None = None
    culprit_user: uuid.UUID | None = None
    if culprit_kind == "sales":
        culprit_user = owner_id
        culprit_department = refs.department_of(owner_id)
    elif culprit_kind is not None:
        culprit_department = refs.departments[culprit_kind]
    requested = Decimal(0) if code == "documents" and rng.random() < 0.6 else _money(rng, 5, 1500)
    # a registered claim may not know its reason yet; a resolved one always does
    known = stage != "registered" or rng.random() < 0.7
    claim = Claim(
        number=next_number(session, "claim"),
        claimed_on=claimed,
        partner_id=partner_id,
        counterparty_id=rng.choice(counterparties) if counterparties else None,
        deal_id=rng.choice(deals) if deals and rng.random() < 0.7 else None,
        essence=ESSENCES.get(code or "other", ESSENCES["other"]).format(n=rng.randint(2, 12)),
        reason_id=refs.reasons.get(code or "") if known else None,
        culprit_department_id=culprit_department,
        culprit_user_id=culprit_user,
        requested_amount=requested,
        status=stage,
        result=None,
        result_amount=Decimal(0),
        owner_id=owner_id,
    )

    plan = []
    responsible = [owner_id] + [uid for uid, _dept, role in refs.users if role == "supervisor"]
    age = (today - claimed).days
    lines = 0 if state == "registered" else rng.randint(1, 3)  # a fresh claim may have no plan
    last_done = claimed
    for line_no in range(1, lines + 1):
        done: date | None = None
        if stage == "registered":
            planned = today + timedelta(days=rng.randint(0, 7))
        elif state == "investigation_overdue" and line_no == lines:
            planned = today - timedelta(days=rng.randint(1, max(1, min(age, 10))))
        elif state == "investigation_open" and line_no == lines:
            planned = today + timedelta(days=rng.randint(0, 10))
        else:
            planned = min(today, claimed + timedelta(days=rng.randint(1, max(1, age // 2))))
            done = max(claimed, min(today, planned + timedelta(days=rng.randint(-1, 3))))
            last_done = max(last_done, done)
        plan.append(
            InvestigationAction(
                line_no=line_no,
                action=rng.choice(ACTIONS),
                responsible_id=rng.choice(responsible),
                planned_on=planned,
                done_on=done,
                result=rng.choice(ACTION_RESULTS) if done else None,
            )
        )

    if stage in ("resolved", "closed"):
        result = (
            state.split("_")[1]
            if stage == "resolved"
            else rng.choice(["satisfied", "satisfied", "partly", "rejected"])
        )
        # after the last action, before today where possible
        yesterday = today - timedelta(days=1)
        resolved_on = max(last_done, min(yesterday, last_done + timedelta(days=rng.randint(0, 5))))
        claim.resolved_at = _moment(resolved_on, rng)
        claim.result = result
        if result == "satisfied":
            claim.result_amount = requested
        elif result == "partly":
            share = Decimal(rng.randint(20, 80)) / 100
            claim.result_amount = (requested * share).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        claim.result_comment = RESULT_COMMENTS[result]
        if stage == "closed":
            closed_on = min(today, resolved_on + timedelta(days=rng.randint(1, 10)))
            claim.closed_at = max(claim.resolved_at, _moment(closed_on, rng))
    session.add(claim)
    session.flush()
    for action in plan:
        action.claim_id = claim.id
    session.add_all(plan)
