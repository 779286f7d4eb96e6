"""Reports computed in SQL from the stage history: the sales funnel and deal efficiency.

A deal "enters" a stage when a stage-history row moves it there inside the period (a deal
counts once per stage). Conversion from a stage is the share of deals that entered it and then
entered the next one. Losses are counted at the stage the deal was at when it was lost, by
reason. Efficiency: deals won and lost in the period, and deals open at its end.
"""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import and_, distinct, func, or_, select

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, ValidationError
from crm_desktop.models import Deal, DealStage, DealStageChange, LossReason
from crm_desktop.services.uow import read_unit

PERCENT = Decimal("0.1")


@dataclass(frozen=True)
class FunnelStage:
    code: str
    name: str
    entered: int
    moved_on: int  # of those, how many entered the next stage (or were won from the last)
    conversion_pct: Decimal | None  # moved_on / entered × 100, one decimal
    lost: int
    lost_by_reason: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class FunnelReport:
    date_from: date
    date_to: date
    owner_id: uuid.UUID | None
    stages: tuple[FunnelStage, ...]
    won_count: int
    won_amount: Decimal
    lost_count: int
    lost_amount: Decimal
    open_count: int
    open_amount: Decimal


def _bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    if date_to < date_from:
        raise ValidationError.single(
            "date_to", QT_TRANSLATE_NOOP("UserErrors", "The period ends before it begins.")
        )
    start = datetime.combine(date_from, time.min, tzinfo=UTC)
    end = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=UTC)
    return start, end


def _pct(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(PERCENT, rounding=ROUND_HALF_UP)


def funnel(
    db: Database, date_from: date, date_to: date, owner_id: uuid.UUID | None = None
) -> FunnelReport:
    start, end = _bounds(date_from, date_to)
    owner = [Deal.owner_id == owner_id] if owner_id is not None else []
    in_period = and_(DealStageChange.at >= start, DealStageChange.at < end)
    with read_unit(db) as session:
        stages = list(
            session.scalars(
                select(DealStage)
                .where(DealStage.process == "sale", DealStage.deleted_at.is_(None))
                .order_by(DealStage.sort_order, DealStage.id)
            )
        )
        live_deal = and_(Deal.deleted_at.is_(None), Deal.kind != "non_process", *owner)
        entered: dict[uuid.UUID, set[uuid.UUID]] = {s.id: set() for s in stages}
        for stage_id, deal_id in session.execute(
            select(DealStageChange.to_stage_id, DealStageChange.deal_id)
            .join(Deal, Deal.id == DealStageChange.deal_id)
            .where(
                in_period,
                live_deal,
                DealStageChange.to_status == "open",
                DealStageChange.to_stage_id.is_not(None),
                or_(
                    DealStageChange.from_stage_id.is_(None),
                    DealStageChange.from_stage_id != DealStageChange.to_stage_id,
                ),
            )
        ):
            if stage_id in entered:
                entered[stage_id].add(deal_id)
        won_from: set[uuid.UUID] = set(
            session.scalars(
                select(DealStageChange.deal_id)
                .join(Deal, Deal.id == DealStageChange.deal_id)
                .where(in_period, live_deal, DealStageChange.to_status == "won")
                .distinct()
            )
        )
        lost_rows = session.execute(
            select(DealStageChange.to_stage_id, LossReason.name, func.count(distinct(Deal.id)))
            .join(Deal, Deal.id == DealStageChange.deal_id)
            .outerjoin(LossReason, LossReason.id == Deal.loss_reason_id)
            .where(
                in_period,
                live_deal,
                DealStageChange.to_status == "lost",
                DealStageChange.from_status == "open",
            )
            .group_by(DealStageChange.to_stage_id, LossReason.name)
        ).all()
        lost: dict[uuid.UUID | None, dict[str, int]] = {}
        for stage_id, reason, count in lost_rows:
            lost.setdefault(stage_id, {})[reason or ""] = int(count)

        rows = []
        for index, stage in enumerate(stages):
            here = entered[stage.id]
            after = entered[stages[index + 1].id] if index + 1 < len(stages) else won_from
            moved_on = len(here & after)
            by_reason = lost.get(stage.id, {})
            rows.append(
                FunnelStage(
                    stage.code,
                    stage.name,
                    len(here),
                    moved_on,
                    _pct(moved_on, len(here)),
                    sum(by_reason.values()),
                    dict(sorted(by_reason.items())),
                )
            )

        def total(*where: object) -> tuple[int, Decimal]:
            count, amount = session.execute(
                select(func.count(Deal.id), func.coalesce(func.sum(Deal.amount), 0)).where(
                    Deal.deleted_at.is_(None),
                    *owner,
                    *where,  # type: ignore[arg-type]
                )
            ).one()
            return int(count), Decimal(amount).quantize(Decimal("0.01"))

        won = total(Deal.status == "won", Deal.closed_on >= date_from, Deal.closed_on <= date_to)
        lost_total = total(
            Deal.status == "lost", Deal.closed_on >= date_from, Deal.closed_on <= date_to
        )
        still_open = total(Deal.status == "open", Deal.opened_on <= date_to)
    return FunnelReport(date_from, date_to, owner_id, tuple(rows), *won, *lost_total, *still_open)


def funnel_csv(report: FunnelReport) -> str:
    """The funnel as CSV (semicolon-separated, as Russian Excel expects), headers in Russian."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(
        ["Этап", "Вошло сделок", "Перешло дальше", "Конверсия, %", "Проиграно", "Причины проигрыша"]
    )
    for s in report.stages:
        reasons = ", ".join(f"{name or '—'}: {n}" for name, n in s.lost_by_reason.items())
        pct = "" if s.conversion_pct is None else str(s.conversion_pct).replace(".", ",")
        writer.writerow([s.name, s.entered, s.moved_on, pct, s.lost, reasons])
    writer.writerow([])
    writer.writerow(["Итог", "Количество", "Сумма"])
    for label, count, amount in (
        ("Выиграно", report.won_count, report.won_amount),
        ("Проиграно", report.lost_count, report.lost_amount),
        ("В работе", report.open_count, report.open_amount),
    ):
        writer.writerow([label, count, str(amount).replace(".", ",")])
    return out.getvalue()


def funnel_text(report: FunnelReport) -> str:
    lines = [f"Воронка продаж {report.date_from:%d.%m.%Y} — {report.date_to:%d.%m.%Y}", ""]
    width = max((len(s.name) for s in report.stages), default=10)
    lines.append(f"{'Этап':<{width}}  Вошло  Дальше  Конв.%  Проигр.")
    for s in report.stages:
        pct = "—" if s.conversion_pct is None else f"{s.conversion_pct}"
        lines.append(f"{s.name:<{width}}  {s.entered:>5}  {s.moved_on:>6}  {pct:>6}  {s.lost:>7}")
        for reason, n in s.lost_by_reason.items():
            lines.append(f"{'':<{width}}    проигрыш: {reason or '—'} — {n}")
    lines.append("")
    lines.append(f"Выиграно: {report.won_count} на {report.won_amount} ₽")
    lines.append(f"Проиграно: {report.lost_count} на {report.lost_amount} ₽")
    lines.append(f"В работе: {report.open_count} на {report.open_amount} ₽")
    return "\n".join(lines) + "\n"
