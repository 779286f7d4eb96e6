"""Supervisor's reports on managers: the comparison over periods and card completeness.

**Manager comparison** (:func:`manager_comparison`), per user, for the period, the previous
period and the same period a year earlier, with the change in % against each (one decimal,
half up; ``None`` when the base is 0 or unknown):

* deals won — deals the user owns with status won and ``closed_on`` in the period; count and
  amount;
* conversion — of the user's deals that *entered the first stage* of the sale process in the
  period (a stage-history row moving the deal there, as the funnel counts), the share won in
  the period too (a stage-history row to "won");
* interactions done — interactions the user is responsible for, status done, ``start_at`` in
  the period;
* tasks overdue — tasks assigned to the user, due in the period, not cancelled, and either
  done after their due time (``done_at > due_at``) or still open with the due time passed
  (now); a task done on time, or open and not yet due, is not overdue;
* culprit claims — claims with the user as the culprit employee, ``claimed_on`` in the period.

Periods (:func:`comparison_periods`): a period of whole calendar months (from a 1st to a month's
last day) is compared with as many whole months right before it and with the same months a year
earlier (so February 2029 ↔ February 2028 with its 29th, January ↔ December of the year
before); any other period with the same number of days right before it and with the same dates
a year earlier, 29 February becoming the 28th.

**Card completeness** (:func:`card_completeness`): per client owner and circle, the share of
live clients (not deleted, merged or archived, with a circle) whose circle's mandatory fields
are all filled — the rule a client save is checked with
(:func:`crm_desktop.services.circles.missing`), judged a chunk of clients at a time.
:func:`incomplete_clients` is the drill-down.

Both are heavy: run them off the GUI thread with ``progress(done, total)`` and ``cancelled()``
(checked between steps; a cancel raises :class:`ReportCancelled`).
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from crm_desktop.db import Database
from crm_desktop.models import (
    Channel,
    Claim,
    Client,
    ClientCircle,
    ClientContact,
    Contact,
    Counterparty,
    Deal,
    DealStageChange,
    Interaction,
    Task,
    User,
)
from crm_desktop.services.circles import _rules as circle_rules
from crm_desktop.services.claim_reports import (
    CancelFn,
    ProgressFn,
    ReportCancelled,
    ReportSteps,
    _csv_number,
    _writer,
)
from crm_desktop.services.deal_stages import process_stages
from crm_desktop.services.parties import utc_now
from crm_desktop.services.reports import PERCENT, _bounds, _pct
from crm_desktop.services.uow import read_unit

__all__ = [
    "COMPARED",
    "CompletenessReport",
    "CompletenessRow",
    "FiguresChange",
    "IncompleteClient",
    "ManagerComparison",
    "ManagerFigures",
    "ManagerRow",
    "Period",
    "ReportCancelled",
    "card_completeness",
    "card_completeness_csv",
    "card_completeness_text",
    "change_pct",
    "comparison_periods",
    "incomplete_clients",
    "manager_comparison",
    "manager_comparison_csv",
    "manager_comparison_text",
]

KOPECK = Decimal("0.01")


# --- periods ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    date_from: date
    date_to: date

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    def __str__(self) -> str:
        return f"{self.date_from:%d.%m.%Y}–{self.date_to:%d.%m.%Y}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _whole_months(date_from: date, date_to: date) -> int | None:
    """How many calendar months the period is, if it is whole months; else None."""
    if date_from.day != 1 or date_to != _month_end(date_to.year, date_to.month):
        return None
    return (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1


def _add_months(day: date, months: int) -> date:
    """The 1st of the month ``months`` away from ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def comparison_periods(date_from: date, date_to: date) -> tuple[Period, Period, Period]:
    """(the period, the previous one of the same length, the same one a year earlier)."""
    _bounds(date_from, date_to)
    months = _whole_months(date_from, date_to)
    current = Period(date_from, date_to)
    if months is not None:
        start = _add_months(date_from, -months)
        previous = Period(start, date_from - timedelta(days=1))
        year_ago = Period(
            date(date_from.year - 1, date_from.month, 1),
            _month_end(date_to.year - 1, date_to.month),
        )
    else:
        previous = Period(date_from - timedelta(days=current.days), date_from - timedelta(days=1))
        year_ago = Period(_year_before(date_from), _year_before(date_to))
    return current, previous, year_ago


# --- manager comparison ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ManagerFigures:
    deals_won: int = 0
    won_amount: Decimal = Decimal("0.00")
    entered_first_stage: int = 0  # deals that entered the first stage in the period
    converted: int = 0  # of those, won in the period
    interactions_done: int = 0
    tasks_overdue: int = 0
    culprit_claims: int = 0

    @property
    def conversion_pct(self) -> Decimal | None:
        """converted / entered_first_stage × 100, one decimal; None without deals."""
        return _pct(self.converted, self.entered_first_stage)

    def __add__(self, other: ManagerFigures) -> ManagerFigures:
        return ManagerFigures(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(ManagerFigures))
        )


# the figures compared between periods, in the order reports show them
COMPARED = (
    "deals_won",
    "won_amount",
    "conversion_pct",
    "interactions_done",
    "tasks_overdue",
    "culprit_claims",
)


@dataclass(frozen=True)
class FiguresChange:
    """The change of each compared figure against a base period, in % (None: base 0/unknown).
    For the conversion it is the relative change of the rate too, not percentage points."""

    deals_won: Decimal | None
    won_amount: Decimal | None
    conversion_pct: Decimal | None
    interactions_done: Decimal | None
    tasks_overdue: Decimal | None
    culprit_claims: Decimal | None


def change_pct(current: Decimal | int | None, base: Decimal | int | None) -> Decimal | None:
    """(current − base) / base × 100, one decimal, half up; None when the base is 0 or None."""
    if current is None or base is None or base == 0:
        return None
    return ((Decimal(current) - Decimal(base)) * 100 / Decimal(base)).quantize(
        PERCENT, rounding=ROUND_HALF_UP
    )


def _changes(current: ManagerFigures, base: ManagerFigures) -> FiguresChange:
    return FiguresChange(*(change_pct(getattr(current, m), getattr(base, m)) for m in COMPARED))


@dataclass(frozen=True)
class ManagerRow:
    user_id: uuid.UUID | None  # None: the total row
    name: str
    current: ManagerFigures
    previous: ManagerFigures
    year_ago: ManagerFigures
    vs_previous: FiguresChange
    vs_year_ago: FiguresChange


@dataclass(frozen=True)
class ManagerComparison:
    current: Period
    previous: Period
    year_ago: Period
    rows: tuple[ManagerRow, ...]  # by name
    total: ManagerRow

    def row(self, user_id: uuid.UUID) -> ManagerRow:
        return next(r for r in self.rows if r.user_id == user_id)


def _period_figures(
    session: Session,
    period: Period,
    first_stage_id: uuid.UUID | None,
    now: datetime,
    steps: ReportSteps,
) -> dict[uuid.UUID, ManagerFigures]:
    start, end = _bounds(period.date_from, period.date_to)
    values: dict[uuid.UUID, dict[str, Any]] = {}

    def put(user_id: uuid.UUID | None, **figures: Any) -> None:
        if user_id is not None:
            values.setdefault(user_id, {}).update(figures)

    live_deal = and_(Deal.deleted_at.is_(None), Deal.owner_id.is_not(None))
    for owner, count, amount in session.execute(
        select(Deal.owner_id, func.count(Deal.id), func.coalesce(func.sum(Deal.amount), 0))
        .where(
            live_deal,
            Deal.status == "won",
            Deal.closed_on >= period.date_from,
            Deal.closed_on <= period.date_to,
        )
        .group_by(Deal.owner_id)
    ):
        put(owner, deals_won=int(count), won_amount=Decimal(amount).quantize(KOPECK))
    steps.step()

    if first_stage_id is not None:
        in_period = and_(DealStageChange.at >= start, DealStageChange.at < end)
        cohort = session.execute(
            select(Deal.owner_id, DealStageChange.deal_id)
            .join(Deal, Deal.id == DealStageChange.deal_id)
            .where(
                in_period,
                live_deal,
                Deal.kind != "non_process",
                DealStageChange.to_status == "open",
                DealStageChange.to_stage_id == first_stage_id,
                or_(
                    DealStageChange.from_stage_id.is_(None),
                    DealStageChange.from_stage_id != DealStageChange.to_stage_id,
                ),
            )
            .distinct()
        ).all()
        won = set(
            session.scalars(
                select(DealStageChange.deal_id)
                .join(Deal, Deal.id == DealStageChange.deal_id)
                .where(in_period, live_deal, DealStageChange.to_status == "won")
                .distinct()
            )
        )
        entered: dict[uuid.UUID | None, set[uuid.UUID]] = {}
        for owner, deal_id in cohort:
            entered.setdefault(owner, set()).add(deal_id)
        for owner, deals in entered.items():
            put(owner, entered_first_stage=len(deals), converted=len(deals & won))
    steps.step()

    for user_id, count in session.execute(
        select(Interaction.responsible_id, func.count(Interaction.id))
        .where(
            Interaction.deleted_at.is_(None),
            Interaction.status == "done",
            Interaction.start_at >= start,
            Interaction.start_at < end,
        )
        .group_by(Interaction.responsible_id)
    ):
        put(user_id, interactions_done=int(count))
    steps.step()

    for user_id, count in session.execute(
        select(Task.assignee_id, func.count(Task.id))
        .where(
            Task.deleted_at.is_(None),
            Task.due_at >= start,
            Task.due_at < end,
            or_(
                and_(Task.status == "done", Task.done_at > Task.due_at),
                and_(Task.status == "open", Task.due_at < now),
            ),
        )
        .group_by(Task.assignee_id)
    ):
        put(user_id, tasks_overdue=int(count))
    steps.step()

    for user_id, count in session.execute(
        select(Claim.culprit_user_id, func.count(Claim.id))
        .where(
            Claim.deleted_at.is_(None),
            Claim.claimed_on >= period.date_from,
            Claim.claimed_on <= period.date_to,
        )
        .group_by(Claim.culprit_user_id)
    ):
        put(user_id, culprit_claims=int(count))
    steps.step()
    return {user_id: ManagerFigures(**figures) for user_id, figures in values.items()}


def manager_comparison(
    db: Database,
    date_from: date,
    date_to: date,
    *,
    user_ids: Sequence[uuid.UUID] | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> ManagerComparison:
    """Each user's figures for the period, the previous period and the same period a year
    earlier (see the module's notes). Rows: ``user_ids`` if given, else every active user and
    every inactive one with a figure in any of the periods; the total row sums them."""
    periods = comparison_periods(date_from, date_to)
    steps = ReportSteps(len(periods) * 5 + 1, progress, cancelled)
    steps.check()
    now = utc_now()
    with read_unit(db) as session:
        stages = process_stages(session)
        first_stage_id = stages[0].id if stages else None
        figures = [_period_figures(session, p, first_stage_id, now, steps) for p in periods]
        users = session.execute(
            select(User.id, User.full_name, User.is_active)
            .where(User.deleted_at.is_(None))
            .order_by(User.full_name, User.id)
        ).all()
    wanted = set(user_ids) if user_ids is not None else None
    empty = ManagerFigures()
    rows = []
    for user_id, name, is_active in users:
        if wanted is not None and user_id not in wanted:
            continue
        current, previous, year_ago = (f.get(user_id, empty) for f in figures)
        if wanted is None and not is_active and current == previous == year_ago == empty:
            continue
        rows.append(
            ManagerRow(
                user_id,
                name,
                current,
                previous,
                year_ago,
                _changes(current, previous),
                _changes(current, year_ago),
            )
        )
    totals = [
        sum((getattr(r, which) for r in rows), empty)
        for which in ("current", "previous", "year_ago")
    ]
    total = ManagerRow(
        None,
        "",
        totals[0],
        totals[1],
        totals[2],
        _changes(totals[0], totals[1]),
        _changes(totals[0], totals[2]),
    )
    steps.step()
    return ManagerComparison(*periods, tuple(rows), total)


METRIC_NAMES = {
    "deals_won": "Выиграно сделок",
    "won_amount": "Сумма выигранных, ₽",
    "conversion_pct": "Конверсия в выигрыш, %",
    "interactions_done": "Взаимодействий проведено",
    "tasks_overdue": "Задач просрочено",
    "culprit_claims": "Претензий по вине",
}


def manager_comparison_csv(report: ManagerComparison) -> str:
    out, writer = _writer()
    writer.writerow(
        [
            "Менеджер",
            "Показатель",
            f"Период {report.current}",
            f"Предыдущий {report.previous}",
            "Изм. к предыдущему, %",
            f"Год назад {report.year_ago}",
            "Изм. к году назад, %",
        ]
    )
    for row in (*report.rows, report.total):
        name = row.name if row.user_id is not None else "Итого"
        for metric in COMPARED:
            writer.writerow(
                [
                    name,
                    METRIC_NAMES[metric],
                    _csv_number(getattr(row.current, metric)),
                    _csv_number(getattr(row.previous, metric)),
                    _csv_number(getattr(row.vs_previous, metric)),
                    _csv_number(getattr(row.year_ago, metric)),
                    _csv_number(getattr(row.vs_year_ago, metric)),
                ]
            )
    return out.getvalue()


def manager_comparison_text(report: ManagerComparison) -> str:
    lines = [
        f"Сравнение менеджеров: {report.current}",
        f"  предыдущий период: {report.previous}; год назад: {report.year_ago}",
        "",
    ]

    def show(value: Any) -> str:
        return "—" if value is None else str(value)

    def change(value: Decimal | None) -> str:
        return "—" if value is None else f"{value:+}%"

    width = max(len(n) for n in METRIC_NAMES.values())
    lines.append(
        f"  {'Показатель':<{width}}  {'Период':>12}  {'Предыдущий':>12} {'Изм.':>9}"
        f"  {'Год назад':>12} {'Изм.':>9}"
    )
    lines.append("")
    for row in (*report.rows, report.total):
        lines.append(row.name if row.user_id is not None else "Итого")
        for metric in COMPARED:
            lines.append(
                f"  {METRIC_NAMES[metric]:<{width}}  {show(getattr(row.current, metric)):>12}"
                f"  {show(getattr(row.previous, metric)):>12}"
                f" {change(getattr(row.vs_previous, metric)):>9}"
                f"  {show(getattr(row.year_ago, metric)):>12}"
                f" {change(getattr(row.vs_year_ago, metric)):>9}"
            )
        lines.append("")
    return "\n".join(lines)


# --- card completeness ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CompletenessRow:
    owner_id: uuid.UUID | None  # None: clients without an owner
    owner: str
    circle_id: uuid.UUID
    circle: str
    clients: int
    complete: int
    share_pct: Decimal | None  # complete / clients × 100, one decimal

    @property
    def incomplete(self) -> int:
        return self.clients - self.complete


@dataclass(frozen=True)
class CompletenessReport:
    date_from: date | None  # clients registered (created) in this period; None: all
    date_to: date | None
    rows: tuple[CompletenessRow, ...]  # by owner name, then the circles' order
    clients: int
    complete: int
    share_pct: Decimal | None


@dataclass(frozen=True)
class IncompleteClient:
    id: uuid.UUID
    name: str
    missing: tuple[str, ...]  # requirement names of circles.REQUIREMENTS: "phone", "email"…


def _client_scope(
    date_from: date | None,
    date_to: date | None,
    owner: tuple[uuid.UUID | None] | None,
    circle_id: uuid.UUID | None,
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [
        Client.deleted_at.is_(None),
        Client.merged_into_id.is_(None),
        Client.is_archived.is_(False),
        Client.circle_id.is_not(None),
    ]
    if date_from is not None or date_to is not None:
        start, end = _bounds(date_from or date(1900, 1, 1), date_to or date(9998, 12, 31))
        where += [Client.created_at >= start, Client.created_at < end]
    if owner is not None:
        where.append(Client.owner_id.is_(None) if owner[0] is None else Client.owner_id == owner[0])
    if circle_id is not None:
        where.append(Client.circle_id == circle_id)
    return where


def _missing_in_bulk(session: Session, batch: Sequence[Client]) -> dict[uuid.UUID, list[str]]:
    """:func:`crm_desktop.services.circles.missing` for a chunk of clients in a few grouped
    reads (not four per client): each client's unmet requirements of its circle."""
    circle_ids = {c.circle_id for c in batch if c.circle_id is not None}
    if not circle_ids:
        return {}
    rules = {
        circle.id: circle_rules(circle)
        for circle in session.scalars(select(ClientCircle).where(ClientCircle.id.in_(circle_ids)))
    }
    judged = [
        c
        for c in batch
        if c.circle_id is not None and c.circle_id in rules and rules[c.circle_id].mandatory
    ]
    if not judged:
        return {}
    ids = [c.id for c in judged]
    kinds: dict[uuid.UUID | None, set[str]] = {}
    for client_id, kind in session.execute(
        select(Channel.client_id, Channel.kind)
        .where(Channel.client_id.in_(ids), Channel.deleted_at.is_(None))
        .distinct()
    ):
        kinds.setdefault(client_id, set()).add(kind)
    for client_id, kind in session.execute(
        select(ClientContact.client_id, Channel.kind)
        .join(Channel, Channel.contact_id == ClientContact.contact_id)
        .where(
            ClientContact.client_id.in_(ids),
            ClientContact.deleted_at.is_(None),
            Channel.deleted_at.is_(None),
        )
        .distinct()
    ):
        kinds.setdefault(client_id, set()).add(kind)
    with_counterparty = set(
        session.scalars(
            select(Counterparty.client_id)
            .where(Counterparty.client_id.in_(ids), Counterparty.deleted_at.is_(None))
            .distinct()
        )
    )
    with_contact = set(
        session.scalars(
            select(ClientContact.client_id)
            .join(Contact, Contact.id == ClientContact.contact_id)
            .where(
                ClientContact.client_id.in_(ids),
                ClientContact.deleted_at.is_(None),
                Contact.deleted_at.is_(None),
            )
            .distinct()
        )
    )
    result: dict[uuid.UUID, list[str]] = {}
    for client in judged:
        assert client.circle_id is not None
        found = kinds.get(client.id, set())
        have = {
            "phone": "phone" in found,
            "email": "email" in found,
            "industry": bool(client.industry),
            "source_id": client.source_id is not None,
            "head_count": client.head_count is not None,
            "owner_id": client.owner_id is not None,
            "notes": bool(client.notes),
            "counterparty": client.id in with_counterparty,
            "contact": client.id in with_contact,
        }
        result[client.id] = [n for n in rules[client.circle_id].mandatory if not have[n]]
    return result


def _scan(
    db: Database,
    where: list[ColumnElement[bool]],
    steps_of: Callable[[int], ReportSteps],
    chunk: int,
    visit: Callable[[Client, list[str]], None],
) -> None:
    """Judge every client in ``where`` by its circle's rules, ``chunk`` clients per read unit
    (keyset by id), calling ``visit(client, missing requirement names)``."""
    if chunk < 1:
        raise ValueError(f"chunk must be positive: {chunk}")
    with read_unit(db) as session:
        total = int(session.scalar(select(func.count()).select_from(Client).where(*where)) or 0)
    steps = steps_of((total + chunk - 1) // chunk + 1)
    steps.check()
    last: uuid.UUID | None = None
    while True:
        with read_unit(db) as session:
            query = select(Client).where(*where).order_by(Client.id).limit(chunk)
            if last is not None:
                query = query.where(Client.id > last)
            batch = list(session.scalars(query))
            judged = _missing_in_bulk(session, batch)
            for client in batch:
                visit(client, judged.get(client.id, []))
        if not batch:
            break
        last = batch[-1].id
        steps.step()
        if len(batch) < chunk:
            break
    steps.step()


def card_completeness(
    db: Database,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    owner_id: uuid.UUID | None = None,
    circle_id: uuid.UUID | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    chunk: int = 500,
) -> CompletenessReport:
    """Per owner and circle: live clients with a circle, and how many have every mandatory
    field of their circle filled. ``date_from``/``date_to``: only clients registered then."""
    owner = (owner_id,) if owner_id is not None else None
    where = _client_scope(date_from, date_to, owner, circle_id)
    counts: dict[tuple[uuid.UUID | None, uuid.UUID], list[int]] = {}

    def visit(client: Client, absent: list[str]) -> None:
        assert client.circle_id is not None
        cell = counts.setdefault((client.owner_id, client.circle_id), [0, 0])
        cell[0] += 1
        cell[1] += not absent

    _scan(db, where, lambda total: ReportSteps(total, progress, cancelled), chunk, visit)
    with read_unit(db) as session:
        names = {u.id: u.full_name for u in session.scalars(select(User))}
        circle_rows = {c.id: c for c in session.scalars(select(ClientCircle))}
    rows = []
    for (owner_key, circle_key), (clients, complete) in counts.items():
        circle = circle_rows[circle_key]
        rows.append(
            CompletenessRow(
                owner_key,
                names.get(owner_key, "") if owner_key is not None else "",
                circle_key,
                circle.name,
                clients,
                complete,
                _pct(complete, clients),
            )
        )
    rows.sort(
        key=lambda r: (
            r.owner_id is None,
            r.owner,
            str(r.owner_id),
            circle_rows[r.circle_id].sort_order,
            r.circle,
        )
    )
    clients = sum(r.clients for r in rows)
    complete = sum(r.complete for r in rows)
    return CompletenessReport(
        date_from, date_to, tuple(rows), clients, complete, _pct(complete, clients)
    )


def incomplete_clients(
    db: Database,
    owner_id: uuid.UUID | None,
    circle_id: uuid.UUID,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    limit: int = 1000,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    chunk: int = 500,
) -> list[IncompleteClient]:
    """The drill-down of a completeness row: that owner's (None: no owner) clients in that
    circle whose mandatory fields are not all filled, by name, at most ``limit``."""
    where = _client_scope(date_from, date_to, (owner_id,), circle_id)
    found: list[IncompleteClient] = []

    def visit(client: Client, absent: list[str]) -> None:
        if absent:
            found.append(IncompleteClient(client.id, client.name, tuple(absent)))

    _scan(db, where, lambda total: ReportSteps(total, progress, cancelled), chunk, visit)
    found.sort(key=lambda x: (x.name.casefold(), str(x.id)))
    return found[:limit]


def card_completeness_csv(report: CompletenessReport) -> str:
    out, writer = _writer()
    writer.writerow(["Менеджер", "Круг", "Клиентов", "Заполнено", "Не заполнено", "Заполнено, %"])
    for row in report.rows:
        writer.writerow(
            [
                row.owner or "Без менеджера",
                row.circle,
                row.clients,
                row.complete,
                row.incomplete,
                _csv_number(row.share_pct),
            ]
        )
    writer.writerow(
        [
            "Итого",
            "",
            report.clients,
            report.complete,
            report.clients - report.complete,
            _csv_number(report.share_pct),
        ]
    )
    return out.getvalue()


def card_completeness_text(report: CompletenessReport) -> str:
    if report.date_from is not None or report.date_to is not None:
        since = f"{report.date_from:%d.%m.%Y}" if report.date_from else "…"
        until = f"{report.date_to:%d.%m.%Y}" if report.date_to else "…"
        title = f"Заполненность карточек (клиенты, зарегистрированные {since} — {until})"
    else:
        title = "Заполненность карточек"
    lines = [title, ""]
    owners = [r.owner or "Без менеджера" for r in report.rows]
    width = max([len(o) for o in owners] + [len("Итого"), len("Менеджер")])
    circle_width = max([len(r.circle) for r in report.rows] + [len("Круг")])
    lines.append(f"{'Менеджер':<{width}}  {'Круг':<{circle_width}}  Клиентов  Заполнено      %")
    for owner, row in zip(owners, report.rows, strict=True):
        pct = "—" if row.share_pct is None else str(row.share_pct)
        lines.append(
            f"{owner:<{width}}  {row.circle:<{circle_width}}  {row.clients:>8}"
            f"  {row.complete:>9}  {pct:>5}"
        )
    pct = "—" if report.share_pct is None else str(report.share_pct)
    lines.append(
        f"{'Итого':<{width}}  {'':<{circle_width}}  {report.clients:>8}"
        f"  {report.complete:>9}  {pct:>5}"
    )
    return "\n".join(lines) + "\n"
