"""Claims reports, computed in SQL: dynamics by month, satisfaction by reason, structure.

* :func:`claims_dynamics` — per calendar month of the period (the first and last months clipped
  to it), by culprit department and in total: claims registered (``claimed_on`` in the month),
  resolved (``resolved_at`` in the month, UTC) and still open at the month's end (registered by
  then and not resolved by then). A claim returned to investigation or reopened has no
  ``resolved_at`` until it is resolved again, so it counts as open in the months before that.
* :func:`claim_satisfaction` — per reason, the claims *resolved in the period* (resolved or
  closed now, with a result): how many, the share satisfied / partly / rejected (%, one decimal,
  half up; ``None`` when there are none) and the requested and granted amounts.
* :func:`claims_structure` — claims *registered in the period*: culprit department × reason
  counts, with row, column and grand totals.

Every report lists all live departments / reasons (zeros included), plus a deleted one or
"not specified" (``id`` None, empty name) only when it has claims. Deleted claims never count.
Each takes a :class:`ClaimReportFilter`, and ``progress(done, total)`` / ``cancelled()`` for a
run off the GUI thread (checked between steps; a cancel raises :class:`ReportCancelled`).
Each has ``*_csv`` (semicolon-separated, decimal comma, Russian headers, as Russian Excel
expects) and ``*_text`` renderers.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from crm_desktop.db import Database
from crm_desktop.models import Claim, ClaimReason, Department
from crm_desktop.services.reports import _bounds, _pct
from crm_desktop.services.uow import read_unit

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]
KOPECK = Decimal("0.01")
RESOLVED_STATUSES = ("resolved", "closed")
NOT_SPECIFIED = "Не указано"  # how the renderers show a missing department or reason


class ReportCancelled(Exception):  # noqa: N818 - the name says what happened
    """The user cancelled a report while it ran; nothing was written, nothing to show."""


class ReportSteps:
    """Progress and cancellation for a report run in ``total`` steps."""

    def __init__(self, total: int, progress: ProgressFn | None, cancelled: CancelFn | None):
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        """Raise :class:`ReportCancelled` if the user asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise ReportCancelled()

    def step(self) -> None:
        """One step is done: report it, then stop here if cancelled."""
        self.done = min(self.done + 1, self.total)
        if self._progress is not None:
            self._progress(self.done, self.total)
        self.check()


@dataclass(frozen=True)
class ClaimReportFilter:
    owner_id: uuid.UUID | None = None
    partner_id: uuid.UUID | None = None
    reason_id: uuid.UUID | None = None
    culprit_department_id: uuid.UUID | None = None
    culprit_user_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Ref:
    """A department or a reason as a report shows it; ``id`` None: not specified."""

    id: uuid.UUID | None
    name: str


def _where(flt: ClaimReportFilter | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Claim.deleted_at.is_(None)]
    if flt is None:
        return where
    for column, value in (
        (Claim.owner_id, flt.owner_id),
        (Claim.partner_id, flt.partner_id),
        (Claim.reason_id, flt.reason_id),
        (Claim.culprit_department_id, flt.culprit_department_id),
        (Claim.culprit_user_id, flt.culprit_user_id),
    ):
        if value is not None:
            where.append(column == value)
    return where


def _moment(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _refs(session: Session, model: Any, seen: Iterable[uuid.UUID | None], order: Any) -> list[Ref]:
    """All live rows of ``model`` in ``order``, then deleted ones that were ``seen``, then
    "not specified" if None was seen."""
    seen = set(seen)
    rows = list(
        session.execute(
            select(model.id, model.name, model.deleted_at).order_by(*order, model.id)
        ).all()
    )
    refs = [Ref(i, n) for i, n, deleted in rows if deleted is None or i in seen]
    if None in seen:
        refs.append(Ref(None, ""))
    return refs


def _departments(session: Session, seen: Iterable[uuid.UUID | None]) -> list[Ref]:
    return _refs(session, Department, seen, (Department.name,))


def _reasons(session: Session, seen: Iterable[uuid.UUID | None]) -> list[Ref]:
    return _refs(session, ClaimReason, seen, (ClaimReason.sort_order, ClaimReason.name))


def _money(value: Any) -> Decimal:
    return Decimal(value or 0).quantize(KOPECK)


def _csv_number(value: Decimal | int | None) -> str:
    return "" if value is None else str(value).replace(".", ",")


def _label(ref: Ref) -> str:
    return ref.name or NOT_SPECIFIED


def _writer() -> tuple[io.StringIO, Any]:
    out = io.StringIO()
    return out, csv.writer(out, delimiter=";", lineterminator="\n")


def months_of(date_from: date, date_to: date) -> list[tuple[date, date, date]]:
    """(first day of the month, slice start, slice end) for each calendar month the period
    touches; the slices are the months clipped to the period."""
    months = []
    month = date(date_from.year, date_from.month, 1)
    while month <= date_to:
        following = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        months.append((month, max(month, date_from), min(following - timedelta(days=1), date_to)))
        month = following
    return months


# --- 1. dynamics ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DynamicsCell:
    registered: int = 0
    resolved: int = 0
    open_at_end: int = 0


@dataclass(frozen=True)
class DynamicsMonth:
    month: date  # the first day of the calendar month
    date_from: date  # the month clipped to the period
    date_to: date
    by_department: tuple[DynamicsCell, ...]  # in the order of DynamicsReport.departments
    total: DynamicsCell


@dataclass(frozen=True)
class DynamicsReport:
    date_from: date
    date_to: date
    departments: tuple[Ref, ...]
    months: tuple[DynamicsMonth, ...]
    registered: int  # over the whole period
    resolved: int
    open_at_end: int  # at the period's end

    def cell(self, month: date, department_id: uuid.UUID | None) -> DynamicsCell:
        """The figures of one month (its first day) and culprit department (None: not given)."""
        row = next(m for m in self.months if m.month == month)
        index = next(i for i, d in enumerate(self.departments) if d.id == department_id)
        return row.by_department[index]


def claims_dynamics(
    db: Database,
    date_from: date,
    date_to: date,
    flt: ClaimReportFilter | None = None,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> DynamicsReport:
    _bounds(date_from, date_to)
    where = _where(flt)
    months = months_of(date_from, date_to)
    steps = ReportSteps(len(months) + 1, progress, cancelled)
    steps.check()
    counted: list[tuple[date, date, date, dict[uuid.UUID | None, list[int]]]] = []
    with read_unit(db) as session:

        def grouped(*conditions: Any) -> dict[uuid.UUID | None, int]:
            rows = session.execute(
                select(Claim.culprit_department_id, func.count(Claim.id))
                .where(*where, *conditions)
                .group_by(Claim.culprit_department_id)
            ).all()
            return {dept: int(n) for dept, n in rows}

        for month, start, end in months:
            after_end = _moment(end + timedelta(days=1))
            figures = (
                grouped(Claim.claimed_on >= start, Claim.claimed_on <= end),
                grouped(Claim.resolved_at >= _moment(start), Claim.resolved_at < after_end),
                grouped(
                    Claim.claimed_on <= end,
                    or_(Claim.resolved_at.is_(None), Claim.resolved_at >= after_end),
                ),
            )
            cells: dict[uuid.UUID | None, list[int]] = {}
            for index, counts in enumerate(figures):
                for dept, n in counts.items():
                    cells.setdefault(dept, [0, 0, 0])[index] = n
            counted.append((month, start, end, cells))
            steps.step()
        seen = {dept for *_rest, cells in counted for dept in cells}
        departments = _departments(session, seen)
    result = []
    for month, start, end, cells in counted:
        row = tuple(DynamicsCell(*cells.get(d.id, [0, 0, 0])) for d in departments)
        total = DynamicsCell(
            sum(c.registered for c in row),
            sum(c.resolved for c in row),
            sum(c.open_at_end for c in row),
        )
        result.append(DynamicsMonth(month, start, end, row, total))
    steps.step()
    return DynamicsReport(
        date_from,
        date_to,
        tuple(departments),
        tuple(result),
        sum(m.total.registered for m in result),
        sum(m.total.resolved for m in result),
        result[-1].total.open_at_end if result else 0,
    )


def claims_dynamics_csv(report: DynamicsReport) -> str:
    out, writer = _writer()
    writer.writerow(["Месяц", "Подразделение", "Зарегистрировано", "Решено", "Открыто на конец"])
    for month in report.months:
        label = f"{month.month:%m.%Y}"
        for dept, cell in zip(report.departments, month.by_department, strict=True):
            writer.writerow([label, _label(dept), cell.registered, cell.resolved, cell.open_at_end])
        total = month.total
        writer.writerow([label, "Итого", total.registered, total.resolved, total.open_at_end])
    writer.writerow(["Итого за период", "", report.registered, report.resolved, report.open_at_end])
    return out.getvalue()


def claims_dynamics_text(report: DynamicsReport) -> str:
    lines = [
        f"Динамика претензий {report.date_from:%d.%m.%Y} — {report.date_to:%d.%m.%Y}",
        "",
    ]
    width = max([len(_label(d)) for d in report.departments] + [len("Итого"), len("Подразделение")])
    header = f"{'Месяц':<8}  {'Подразделение':<{width}}  Зарег.  Решено  Открыто"
    lines.append(header)
    for month in report.months:
        label = f"{month.month:%m.%Y}"
        rows = [*zip(report.departments, month.by_department, strict=True)]
        for dept, cell in rows:
            if cell == DynamicsCell():
                continue
            lines.append(
                f"{label:<8}  {_label(dept):<{width}}  {cell.registered:>6}  {cell.resolved:>6}"
                f"  {cell.open_at_end:>7}"
            )
        t = month.total
        lines.append(
            f"{label:<8}  {'Итого':<{width}}  {t.registered:>6}  {t.resolved:>6}"
            f"  {t.open_at_end:>7}"
        )
    lines.append("")
    lines.append(
        f"За период: зарегистрировано {report.registered}, решено {report.resolved}, "
        f"открыто на конец периода {report.open_at_end}"
    )
    return "\n".join(lines) + "\n"


# --- 2. satisfaction --------------------------------------------------------------------------


@dataclass(frozen=True)
class SatisfactionRow:
    reason_id: uuid.UUID | None  # None: not specified (or the total row)
    reason: str
    count: int  # claims with a result
    satisfied: int
    partly: int
    rejected: int
    satisfied_pct: Decimal | None  # share of ``count``, one decimal; None when count is 0
    partly_pct: Decimal | None
    rejected_pct: Decimal | None
    requested: Decimal
    granted: Decimal


@dataclass(frozen=True)
class SatisfactionReport:
    date_from: date
    date_to: date
    rows: tuple[SatisfactionRow, ...]
    total: SatisfactionRow


def _satisfaction_row(
    reason_id: uuid.UUID | None, name: str, figures: dict[str, tuple[int, Decimal, Decimal]]
) -> SatisfactionRow:
    counts = {
        result: figures.get(result, (0, Decimal(0), Decimal(0)))[0]
        for result in ("satisfied", "partly", "rejected")
    }
    count = sum(counts.values())
    return SatisfactionRow(
        reason_id,
        name,
        count,
        counts["satisfied"],
        counts["partly"],
        counts["rejected"],
        _pct(counts["satisfied"], count),
        _pct(counts["partly"], count),
        _pct(counts["rejected"], count),
        _money(sum((f[1] for f in figures.values()), Decimal(0))),
        _money(sum((f[2] for f in figures.values()), Decimal(0))),
    )


def claim_satisfaction(
    db: Database,
    date_from: date,
    date_to: date,
    flt: ClaimReportFilter | None = None,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> SatisfactionReport:
    start, end = _bounds(date_from, date_to)
    steps = ReportSteps(2, progress, cancelled)
    steps.check()
    by_reason: dict[uuid.UUID | None, dict[str, tuple[int, Decimal, Decimal]]] = {}
    with read_unit(db) as session:
        rows = session.execute(
            select(
                Claim.reason_id,
                Claim.result,
                func.count(Claim.id),
                func.coalesce(func.sum(Claim.requested_amount), 0),
                func.coalesce(func.sum(Claim.result_amount), 0),
            )
            .where(
                *_where(flt),
                Claim.status.in_(RESOLVED_STATUSES),
                Claim.result.is_not(None),
                Claim.resolved_at >= start,
                Claim.resolved_at < end,
            )
            .group_by(Claim.reason_id, Claim.result)
        ).all()
        for reason_id, result, n, requested, granted in rows:
            by_reason.setdefault(reason_id, {})[str(result)] = (
                int(n),
                Decimal(requested),
                Decimal(granted),
            )
        steps.step()
        reasons = _reasons(session, by_reason)
    result_rows = tuple(_satisfaction_row(r.id, r.name, by_reason.get(r.id, {})) for r in reasons)
    everything: dict[str, tuple[int, Decimal, Decimal]] = {}
    for figures in by_reason.values():
        for result, (n, requested, granted) in figures.items():
            old = everything.get(result, (0, Decimal(0), Decimal(0)))
            everything[result] = (old[0] + n, old[1] + requested, old[2] + granted)
    steps.step()
    return SatisfactionReport(
        date_from, date_to, result_rows, _satisfaction_row(None, "", everything)
    )


def claim_satisfaction_csv(report: SatisfactionReport) -> str:
    out, writer = _writer()
    writer.writerow(
        [
            "Причина",
            "С результатом",
            "Удовлетворено",
            "Удовлетворено, %",
            "Частично",
            "Частично, %",
            "Отклонено",
            "Отклонено, %",
            "Запрошено, ₽",
            "Возмещено, ₽",
        ]
    )
    for row in (*report.rows, report.total):
        name = "Итого" if row is report.total else _label(Ref(row.reason_id, row.reason))
        writer.writerow(
            [
                name,
                row.count,
                row.satisfied,
                _csv_number(row.satisfied_pct),
                row.partly,
                _csv_number(row.partly_pct),
                row.rejected,
                _csv_number(row.rejected_pct),
                _csv_number(row.requested),
                _csv_number(row.granted),
            ]
        )
    return out.getvalue()


def claim_satisfaction_text(report: SatisfactionReport) -> str:
    lines = [
        f"Удовлетворённость претензий {report.date_from:%d.%m.%Y} — {report.date_to:%d.%m.%Y}",
        "",
    ]
    names = [_label(Ref(r.reason_id, r.reason)) for r in report.rows]
    width = max([len(n) for n in names] + [len("Итого"), len("Причина")])
    lines.append(
        f"{'Причина':<{width}}  Всего  Удовл.%  Част.%  Откл.%"
        f"  {'Запрошено':>12}  {'Возмещено':>12}"
    )

    def pct(value: Decimal | None) -> str:
        return "—" if value is None else str(value)

    for name, row in (*zip(names, report.rows, strict=True), ("Итого", report.total)):
        lines.append(
            f"{name:<{width}}  {row.count:>5}  {pct(row.satisfied_pct):>7}  "
            f"{pct(row.partly_pct):>6}  {pct(row.rejected_pct):>6}  {row.requested:>12}  "
            f"{row.granted:>12}"
        )
    return "\n".join(lines) + "\n"


# --- 3. structure ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StructureReport:
    date_from: date
    date_to: date
    departments: tuple[Ref, ...]  # the rows
    reasons: tuple[Ref, ...]  # the columns
    counts: tuple[tuple[int, ...], ...]  # counts[row][column]
    department_totals: tuple[int, ...]
    reason_totals: tuple[int, ...]
    total: int

    def count(self, department_id: uuid.UUID | None, reason_id: uuid.UUID | None) -> int:
        row = next(i for i, d in enumerate(self.departments) if d.id == department_id)
        column = next(i for i, r in enumerate(self.reasons) if r.id == reason_id)
        return self.counts[row][column]


def claims_structure(
    db: Database,
    date_from: date,
    date_to: date,
    flt: ClaimReportFilter | None = None,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> StructureReport:
    _bounds(date_from, date_to)
    steps = ReportSteps(2, progress, cancelled)
    steps.check()
    with read_unit(db) as session:
        rows = session.execute(
            select(Claim.culprit_department_id, Claim.reason_id, func.count(Claim.id))
            .where(*_where(flt), Claim.claimed_on >= date_from, Claim.claimed_on <= date_to)
            .group_by(Claim.culprit_department_id, Claim.reason_id)
        ).all()
        cells = {(dept, reason): int(n) for dept, reason, n in rows}
        steps.step()
        departments = _departments(session, {dept for dept, _ in cells})
        reasons = _reasons(session, {reason for _, reason in cells})
    counts = tuple(tuple(cells.get((d.id, r.id), 0) for r in reasons) for d in departments)
    steps.step()
    return StructureReport(
        date_from,
        date_to,
        tuple(departments),
        tuple(reasons),
        counts,
        tuple(sum(row) for row in counts),
        tuple(sum(row[i] for row in counts) for i in range(len(reasons))),
        sum(cells.values()),
    )


def claims_structure_csv(report: StructureReport) -> str:
    out, writer = _writer()
    writer.writerow(["Подразделение \\ Причина", *(_label(r) for r in report.reasons), "Итого"])
    for dept, row, total in zip(
        report.departments, report.counts, report.department_totals, strict=True
    ):
        writer.writerow([_label(dept), *row, total])
    writer.writerow(["Итого", *report.reason_totals, report.total])
    return out.getvalue()


def claims_structure_text(report: StructureReport) -> str:
    lines = [
        f"Структура претензий {report.date_from:%d.%m.%Y} — {report.date_to:%d.%m.%Y}",
        "",
    ]
    width = max([len(_label(d)) for d in report.departments] + [len("Итого"), len("Подразделение")])
    lines.append("Причины:")
    for index, reason in enumerate(report.reasons, 1):
        lines.append(f"  {index}. {_label(reason)}")
    lines.append("")
    columns = [f"{i:>5}" for i in range(1, len(report.reasons) + 1)]
    lines.append(f"{'Подразделение':<{width}}  {' '.join(columns)}  Итого")
    for dept, row, total in zip(
        report.departments, report.counts, report.department_totals, strict=True
    ):
        cells = " ".join(f"{n:>5}" for n in row)
        lines.append(f"{_label(dept):<{width}}  {cells}  {total:>5}")
    cells = " ".join(f"{n:>5}" for n in report.reason_totals)
    lines.append(f"{'Итого':<{width}}  {cells}  {report.total:>5}")
    return "\n".join(lines) + "\n"
