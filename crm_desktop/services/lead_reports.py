"""The lead-source report: where leads come from and how many of them become clients.

The leads received in the period (by the day they were registered, UTC days as the other
reports count) are grouped by source; for each source, how many of them are qualified
(converted), rejected and still open now, the conversion (qualified / received, in per cent
to 0.1) and the days from receipt to qualification (median and mean, to 0.1 of a day).
Leads without a source are a row of their own; totals cover every row.
"""

from __future__ import annotations

import csv
import io
import statistics
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, ValidationError
from crm_desktop.models import InfoSource, Lead
from crm_desktop.services.uow import read_unit

TENTH = Decimal("0.1")
NO_SOURCE = "Источник не указан"
SECONDS_A_DAY = 86_400


@dataclass(frozen=True)
class LeadSourceRow:
    source_id: uuid.UUID | None  # None: leads without a source (and the totals row)
    source: str
    received: int
    qualified: int
    rejected: int
    open: int  # new or in work
    conversion_pct: Decimal | None  # qualified / received × 100, one decimal; None: no leads
    median_days: Decimal | None  # receipt → qualification, one decimal; None: none qualified
    mean_days: Decimal | None


@dataclass(frozen=True)
class LeadSourceReport:
    date_from: date
    date_to: date
    owner_id: uuid.UUID | None
    rows: tuple[LeadSourceRow, ...]  # sources with leads, in the catalogue's order
    total: LeadSourceRow


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
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TENTH, rounding=ROUND_HALF_UP)


def _days(values: list[float]) -> tuple[Decimal | None, Decimal | None]:
    if not values:
        return None, None

    def tenth(x: float) -> Decimal:
        return Decimal(repr(x)).quantize(TENTH, rounding=ROUND_HALF_UP)

    return tenth(statistics.median(values)), tenth(statistics.fmean(values))


def _row(
    source_id: uuid.UUID | None, name: str, counts: dict[str, int], days: list[float]
) -> LeadSourceRow:
    received = sum(counts.values())
    qualified = counts.get("qualified", 0)
    median, mean = _days(days)
    return LeadSourceRow(
        source_id,
        name,
        received,
        qualified,
        counts.get("rejected", 0),
        counts.get("new", 0) + counts.get("in_work", 0),
        _pct(qualified, received),
        median,
        mean,
    )


def lead_sources(
    db: Database, date_from: date, date_to: date, owner_id: uuid.UUID | None = None
) -> LeadSourceReport:
    """The report for leads received from ``date_from`` to ``date_to`` inclusive (a reversed
    period is a ValidationError on "date_to"), of one owner or of everyone."""
    start, end = _bounds(date_from, date_to)
    where = [Lead.deleted_at.is_(None), Lead.created_at >= start, Lead.created_at < end]
    if owner_id is not None:
        where.append(Lead.owner_id == owner_id)
    with read_unit(db) as session:
        counts: dict[uuid.UUID | None, dict[str, int]] = {}
        for source_id, status, n in session.execute(
            select(Lead.source_id, Lead.status, func.count())
            .where(*where)
            .group_by(Lead.source_id, Lead.status)
        ):
            counts.setdefault(source_id, {})[status] = int(n)
        days: dict[uuid.UUID | None, list[float]] = {}
        for source_id, created_at, qualified_at in session.execute(
            select(Lead.source_id, Lead.created_at, Lead.qualified_at).where(
                *where, Lead.status == "qualified", Lead.qualified_at.is_not(None)
            )
        ):
            if qualified_at is None:
                continue
            seconds = max((qualified_at - created_at).total_seconds(), 0.0)
            days.setdefault(source_id, []).append(seconds / SECONDS_A_DAY)
        sources = list(
            session.execute(
                select(InfoSource.id, InfoSource.name)
                .where(InfoSource.id.in_([s for s in counts if s is not None]))
                .order_by(InfoSource.sort_order, InfoSource.name, InfoSource.id)
            )
        )
    rows = [
        _row(source_id, name, counts[source_id], days.get(source_id, []))
        for source_id, name in sources
    ]
    if None in counts:
        rows.append(_row(None, NO_SOURCE, counts[None], days.get(None, [])))
    everything: dict[str, int] = {}
    for by_status in counts.values():
        for status, n in by_status.items():
            everything[status] = everything.get(status, 0) + n
    total = _row(None, "Итого", everything, [d for values in days.values() for d in values])
    return LeadSourceReport(date_from, date_to, owner_id, tuple(rows), total)


def _num(value: Decimal | None) -> str:
    return "" if value is None else str(value).replace(".", ",")


def lead_sources_csv(report: LeadSourceReport) -> str:
    """The report as CSV (semicolon-separated, decimal commas, as Russian Excel expects)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(
        [
            "Источник",
            "Получено",
            "Квалифицировано",
            "Отклонено",
            "В работе",
            "Конверсия, %",
            "Дней до квалификации (медиана)",
            "Дней до квалификации (среднее)",
        ]
    )
    for r in (*report.rows, report.total):
        writer.writerow(
            [
                r.source,
                r.received,
                r.qualified,
                r.rejected,
                r.open,
                _num(r.conversion_pct),
                _num(r.median_days),
                _num(r.mean_days),
            ]
        )
    return out.getvalue()


def lead_sources_text(report: LeadSourceReport) -> str:
    lines = [f"Источники лидов {report.date_from:%d.%m.%Y} — {report.date_to:%d.%m.%Y}", ""]
    width = max((len(r.source) for r in (*report.rows, report.total)), default=10)
    lines.append(
        f"{'Источник':<{width}}  Получено  Квалиф.  Отклон.  В работе  Конв.%  Медиана  Среднее"
    )

    def shown(value: Decimal | None) -> str:
        return "—" if value is None else str(value)

    for r in (*report.rows, report.total):
        lines.append(
            f"{r.source:<{width}}  {r.received:>8}  {r.qualified:>7}  {r.rejected:>7}  "
            f"{r.open:>8}  {shown(r.conversion_pct):>6}  {shown(r.median_days):>7}  "
            f"{shown(r.mean_days):>7}"
        )
    lines.append("")
    lines.append("Медиана и среднее — дней от получения лида до квалификации.")
    return "\n".join(lines) + "\n"
