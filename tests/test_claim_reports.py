"""Claims reports on a fixture with known numbers, on both backends: dynamics by month and
department across a year boundary, satisfaction by reason, department × reason structure, an
empty period, filters, progress and cancel; and their CLI commands."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
from click.testing import CliRunner

from crm_desktop.cli import main
from crm_desktop.errors import ValidationError
from crm_desktop.models import Claim, Department
from crm_desktop.services import claim_reports as cr
from crm_desktop.services import claims as c
from crm_desktop.services import parties as p
from crm_desktop.services.uow import write_unit

FROM, TO = date(2026, 12, 15), date(2027, 1, 14)  # across the year boundary
DEC, JAN = date(2026, 12, 1), date(2027, 1, 1)


def noon(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(12), tzinfo=UTC)


DEPARTMENTS = {"Лог": "Логистика", "Скл": "Склад", "Бух": "Бухгалтерия"}
# number, claimed on, culprit department, reason, status, resolved on, result, requested, granted
# (№ 3 is back in investigation with its old result: not resolved, so not in the satisfaction)
# fmt: off
CLAIMS = [
    (1, "2026-11-20", "Лог", "late_delivery", "closed", "2026-12-16", "satisfied", 1000, 1000),
    (2, "2026-12-15", "Лог", "late_delivery", "resolved", "2026-12-20", "partly", 2000, 500),
    (3, "2026-12-31", "Скл", "defect", "investigation", None, "partly", 3000, 0),
    (4, "2027-01-01", "Скл", "defect", "resolved", "2027-01-10", "rejected", 400, 0),
    (5, "2027-01-14", None, "damage", "registered", None, None, 100, 0),
    (6, "2027-01-15", "Скл", "defect", "resolved", "2027-01-20", "satisfied", 100, 100),
    (7, "2026-12-10", "Лог", "defect", "resolved", "2027-01-05", "satisfied", 700, 700),
    (9, "2027-01-02", "Бух", "documents", "resolved", "2027-01-03", "satisfied", 300, 300),
    (10, "2027-01-02", "Бух", "documents", "resolved", "2027-01-03", "rejected", 300, 0),
    (11, "2027-01-02", "Бух", "documents", "closed", "2027-01-03", "rejected", 300, 0),
]
DELETED = (8, "2026-12-20", "Скл", "defect", "resolved", "2026-12-21", "satisfied", 5, 5)
# fmt: on


@pytest.fixture
def claims_data(db, actor):
    """The claims above (and a deleted one), written as rows with their dates; returns the
    department ids by name."""
    partner = p.create_client(db, actor, p.ClientDraft(name="Ромашка"))
    reasons = {r.code: r.id for r in c.claim_reasons(db)}
    with write_unit(db, actor) as session:
        departments = {}
        for name in ("Склад", "Логистика", "Бухгалтерия"):
            dept = Department(name=name)
            session.add(dept)
            session.flush()
            departments[name] = dept.id
        for row in (*CLAIMS, DELETED):
            number, claimed, dept, reason, status, resolved, result, asked, granted = row
            session.add(
                Claim(
                    number=f"Т-{number:06d}",
                    claimed_on=date.fromisoformat(claimed),
                    partner_id=partner.id,
                    essence="Претензия",
                    reason_id=reasons[reason],
                    culprit_department_id=departments[DEPARTMENTS[dept]] if dept else None,
                    requested_amount=Decimal(asked),
                    status=status,
                    result=result,
                    result_amount=Decimal(granted),
                    resolved_at=noon(resolved) if resolved else None,
                    closed_at=noon(resolved) if status == "closed" else None,
                    deleted_at=noon(claimed) if row is DELETED else None,
                )
            )
    return departments


def test_dynamics_by_month_and_department_across_the_year_boundary(db, claims_data):
    report = cr.claims_dynamics(db, FROM, TO)
    assert [d.name for d in report.departments] == ["Бухгалтерия", "Логистика", "Склад", ""]
    assert report.departments[-1].id is None  # "not specified": it has a claim
    assert [(m.month, m.date_from, m.date_to) for m in report.months] == [
        (DEC, FROM, date(2026, 12, 31)),
        (JAN, JAN, TO),
    ]
    cells = {
        (m.month, d.name): (c.registered, c.resolved, c.open_at_end)
        for m in report.months
        for d, c in zip(report.departments, m.by_department, strict=True)
    }
    assert cells == {
        (DEC, "Бухгалтерия"): (0, 0, 0),
        (DEC, "Логистика"): (1, 2, 1),  # № 2 registered; № 1, 2 resolved; № 7 open
        (DEC, "Склад"): (1, 0, 1),  # № 3
        (DEC, ""): (0, 0, 0),
        (JAN, "Бухгалтерия"): (3, 3, 0),
        (JAN, "Логистика"): (0, 1, 0),  # № 7 resolved
        (JAN, "Склад"): (1, 1, 1),  # № 4 in and out; № 3 still open
        (JAN, ""): (1, 0, 1),  # № 5
    }
    assert [(m.total.registered, m.total.resolved, m.total.open_at_end) for m in report.months] == [
        (2, 2, 2),
        (5, 5, 2),
    ]
    assert (report.registered, report.resolved, report.open_at_end) == (7, 7, 2)
    assert report.cell(JAN, claims_data["Склад"]) == cr.DynamicsCell(1, 1, 1)
    only = cr.claims_dynamics(
        db, FROM, TO, cr.ClaimReportFilter(culprit_department_id=claims_data["Склад"])
    )
    assert [d.name for d in only.departments] == ["Бухгалтерия", "Логистика", "Склад"]
    assert (only.registered, only.resolved, only.open_at_end) == (2, 1, 1)


def test_satisfaction_by_reason(db, claims_data):
    report = cr.claim_satisfaction(db, FROM, TO)
    rows = {r.reason: r for r in report.rows}
    assert len(report.rows) == 8  # every reason of the catalogue, zeros included
    late = rows["Срыв сроков поставки"]
    assert (late.count, late.satisfied, late.partly, late.rejected) == (2, 1, 1, 0)
    assert (late.satisfied_pct, late.partly_pct, late.rejected_pct) == (
        Decimal("50.0"),
        Decimal("50.0"),
        Decimal("0.0"),
    )
    assert (late.requested, late.granted) == (Decimal("3000.00"), Decimal("1500.00"))
    defect = rows["Брак, ненадлежащее качество"]  # № 4 rejected, № 7 satisfied; № 3 not resolved
    assert (defect.count, defect.satisfied_pct, defect.rejected_pct) == (
        2,
        Decimal("50.0"),
        Decimal("50.0"),
    )
    assert (defect.requested, defect.granted) == (Decimal("1100.00"), Decimal("700.00"))
    documents = rows["Ошибки в документах"]
    assert (documents.satisfied_pct, documents.partly_pct, documents.rejected_pct) == (
        Decimal("33.3"),
        Decimal("0.0"),
        Decimal("66.7"),
    )
    damage = rows["Повреждение при доставке"]
    assert (damage.count, damage.satisfied_pct, damage.requested) == (0, None, Decimal("0.00"))
    total = report.total
    assert (total.count, total.satisfied, total.partly, total.rejected) == (7, 3, 1, 3)
    assert (total.satisfied_pct, total.partly_pct, total.rejected_pct) == (
        Decimal("42.9"),
        Decimal("14.3"),
        Decimal("42.9"),
    )
    assert (total.requested, total.granted) == (Decimal("5000.00"), Decimal("2500.00"))
    warehouse = cr.claim_satisfaction(
        db, FROM, TO, cr.ClaimReportFilter(culprit_department_id=claims_data["Склад"])
    )
    assert (warehouse.total.count, warehouse.total.rejected_pct) == (1, Decimal("100.0"))


def test_structure_department_by_reason(db, claims_data):
    report = cr.claims_structure(db, FROM, TO)
    assert [d.name for d in report.departments] == ["Бухгалтерия", "Логистика", "Склад", ""]
    codes = {r.id: code for code, r in ((r.code, r) for r in c.claim_reasons(db))}
    assert [codes[r.id] for r in report.reasons] == [
        "late_delivery",
        "defect",
        "short_delivery",
        "damage",
        "documents",
        "price",
        "service",
        "other",
    ]
    reason = {code: rid for rid, code in codes.items()}
    assert report.count(claims_data["Бухгалтерия"], reason["documents"]) == 3
    assert report.count(claims_data["Логистика"], reason["late_delivery"]) == 1
    assert report.count(claims_data["Логистика"], reason["defect"]) == 0  # № 7: before
    assert report.count(claims_data["Склад"], reason["defect"]) == 2  # № 3, 4 (№ 8 deleted)
    assert report.count(None, reason["damage"]) == 1
    assert report.department_totals == (3, 1, 2, 1)
    assert report.reason_totals == (1, 2, 0, 1, 3, 0, 0, 0)
    assert report.total == 7


def test_an_empty_period_and_a_reversed_one(db, claims_data):
    dynamics = cr.claims_dynamics(db, date(2020, 1, 1), date(2020, 1, 31))
    assert [m.total for m in dynamics.months] == [cr.DynamicsCell(0, 0, 0)]
    assert [d.name for d in dynamics.departments] == ["Бухгалтерия", "Логистика", "Склад"]
    satisfaction = cr.claim_satisfaction(db, date(2020, 1, 1), date(2020, 1, 31))
    assert satisfaction.total.count == 0
    assert all(r.count == 0 and r.satisfied_pct is None for r in satisfaction.rows)
    assert satisfaction.total.satisfied_pct is None
    structure = cr.claims_structure(db, date(2020, 1, 1), date(2020, 1, 31))
    assert structure.total == 0 and set(structure.department_totals) == {0}
    for report in (cr.claims_dynamics, cr.claim_satisfaction, cr.claims_structure):
        with pytest.raises(ValidationError) as caught:
            report(db, TO, FROM)
        assert caught.value.field == "date_to"


def test_progress_and_cancel(db, claims_data):
    seen: list[tuple[int, int]] = []
    cr.claims_dynamics(db, date(2026, 1, 1), date(2026, 12, 31), progress=lambda *a: seen.append(a))
    assert seen[-1] == (13, 13) and len(seen) == 13
    calls = []

    def cancel_after_two() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(cr.ReportCancelled):
        cr.claims_dynamics(db, date(2026, 1, 1), date(2026, 12, 31), cancelled=cancel_after_two)
    with pytest.raises(cr.ReportCancelled):
        cr.claims_structure(db, FROM, TO, cancelled=lambda: True)


def test_renderers_and_cli_print_csv(db, claims_data):
    dynamics = cr.claims_dynamics_csv(cr.claims_dynamics(db, FROM, TO)).splitlines()
    assert dynamics[0] == "Месяц;Подразделение;Зарегистрировано;Решено;Открыто на конец"
    assert "12.2026;Логистика;1;2;1" in dynamics
    assert "01.2027;Не указано;1;0;1" in dynamics
    assert dynamics[-1] == "Итого за период;;7;7;2"
    satisfaction = cr.claim_satisfaction_csv(cr.claim_satisfaction(db, FROM, TO)).splitlines()
    assert "Итого;7;3;42,9;1;14,3;3;42,9;5000,00;2500,00" in satisfaction
    structure = cr.claims_structure_csv(cr.claims_structure(db, FROM, TO)).splitlines()
    assert structure[-1] == "Итого;1;2;0;1;3;0;0;0;7"
    assert "Итого" in cr.claims_dynamics_text(cr.claims_dynamics(db, FROM, TO))
    assert "42.9" in cr.claim_satisfaction_text(cr.claim_satisfaction(db, FROM, TO))
    assert "Бухгалтерия" in cr.claims_structure_text(cr.claims_structure(db, FROM, TO))

    def run(command: str, fmt: str = "csv") -> list[str]:
        result = CliRunner().invoke(
            main,
            ["--database", db.url, "report", command, "--from", FROM.isoformat(), "--to",
             TO.isoformat(), "--format", fmt],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        return result.output.splitlines()

    assert run("claims-dynamics") == dynamics
    assert run("claims-satisfaction") == satisfaction
    assert run("claims-structure") == structure
    assert run("claims-dynamics", "text")[0] == "Динамика претензий 15.12.2026 — 14.01.2027"
    result = CliRunner().invoke(
        main,
        ["--database", db.url, "report", "claims-structure", "--from", TO.isoformat(), "--to",
         FROM.isoformat()],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "The period ends before it begins." in result.output
