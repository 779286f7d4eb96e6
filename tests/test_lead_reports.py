"""The lead-source report on a data set with known numbers, on both backends."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import update

from crm_desktop.errors import ValidationError
from crm_desktop.models import Lead, catalogue_id
from crm_desktop.services import lead_reports as lr
from crm_desktop.services import leads as ld
from crm_desktop.services import parties as p
from crm_desktop.services.uow import write_unit
from crm_desktop.services.users import ensure_user

DAY = date(2026, 3, 10)
RECEIVED = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)

# source code (None: no source) → how each lead ends: hours to qualification, "rejected",
# "new" or "in_work"
LEADS: list[tuple[str | None, object]] = [
    ("site", 24),
    ("site", 48),
    ("site", 144),
    ("site", "rejected"),
    ("site", "new"),
    ("fair", 12),
    ("fair", "in_work"),
    ("fair", "in_work"),
    (None, "rejected"),
]


def _shift(db, actor, lead_id: uuid.UUID, received: datetime, hours: object) -> None:
    values: dict[str, object] = {"created_at": received}
    if isinstance(hours, int):
        values["qualified_at"] = received + timedelta(hours=hours)
    with write_unit(db, actor) as session:
        session.execute(update(Lead).where(Lead.id == lead_id).values(**values))


@pytest.fixture
def lead_data(db, actor):
    """LEADS received on DAY by ``actor``; plus one lead of another manager on DAY, one
    received a month before and one deleted, which the report for ``actor`` leaves out."""
    other = ensure_user(db, "other", "Другой Менеджер")

    def make(index: int, code: str | None, end: object, owner=actor) -> ld.LeadDetails:
        lead = ld.create_lead(
            db,
            owner,
            ld.LeadDraft(
                name=f"Лид {index}",
                company=f"Компания {index}",
                source_id=p.catalogue_item_id(db, "info_source", code) if code else None,
            ),
        )
        if isinstance(end, int):
            plan = ld.ConversionPlan(with_contact=False, with_counterparty=False)
            lead = ld.convert(db, owner, lead.id, lead.version, plan)
        elif end == "rejected":
            reason = catalogue_id("lead_reject_reason", "no_need")
            lead = ld.reject(db, owner, lead.id, lead.version, reason)
        elif end == "in_work":
            lead = ld.take_in_work(db, owner, lead.id, lead.version)
        return lead

    for index, (code, end) in enumerate(LEADS):
        lead = make(index, code, end)
        _shift(db, actor, lead.id, RECEIVED, end)
    foreign = make(100, "site", 24, owner=other)
    _shift(db, actor, foreign.id, RECEIVED, 24)
    early = make(101, "site", 24)
    _shift(db, actor, early.id, RECEIVED - timedelta(days=30), 24)
    gone = make(102, "fair", "new")
    _shift(db, actor, gone.id, RECEIVED, "new")
    ld.delete_lead(db, actor, gone.id, ld.get_lead(db, gone.id).version)
    return actor, other


def test_counts_conversion_and_days(db, lead_data):
    actor, _ = lead_data
    report = lr.lead_sources(db, DAY, DAY, owner_id=actor.user_id)
    got = [
        (
            r.source,
            r.received,
            r.qualified,
            r.rejected,
            r.open,
            r.conversion_pct,
            r.median_days,
            r.mean_days,
        )
        for r in (*report.rows, report.total)
    ]
    assert got == [
        ("Сайт", 5, 3, 1, 1, Decimal("60.0"), Decimal("2.0"), Decimal("3.0")),
        ("Выставка", 3, 1, 0, 2, Decimal("33.3"), Decimal("0.5"), Decimal("0.5")),
        ("Источник не указан", 1, 0, 1, 0, Decimal("0.0"), None, None),
        ("Итого", 9, 4, 2, 3, Decimal("44.4"), Decimal("1.5"), Decimal("2.4")),
    ]
    site = p.catalogue_item_id(db, "info_source", "site")
    assert [r.source_id for r in report.rows] == [
        site,
        p.catalogue_item_id(db, "info_source", "fair"),
        None,
    ]


def test_everyone_and_a_longer_period(db, lead_data):
    everyone = lr.lead_sources(db, DAY, DAY)
    assert (everyone.total.received, everyone.total.qualified) == (10, 5)
    assert everyone.rows[0].received == 6
    month = lr.lead_sources(db, DAY - timedelta(days=30), DAY)
    assert (month.total.received, month.total.qualified) == (11, 6)
    assert month.total.conversion_pct == Decimal("54.5")


def test_empty_period_and_reversed_period(db, lead_data):
    report = lr.lead_sources(db, DAY + timedelta(days=1), DAY + timedelta(days=30))
    assert report.rows == ()
    total = report.total
    assert (total.received, total.qualified, total.rejected, total.open) == (0, 0, 0, 0)
    assert (total.conversion_pct, total.median_days, total.mean_days) == (None, None, None)
    assert "Итого;0;0;0;0;;;" in lr.lead_sources_csv(report)
    assert "Итого" in lr.lead_sources_text(report)
    with pytest.raises(ValidationError) as caught:
        lr.lead_sources(db, DAY, DAY - timedelta(days=1))
    assert caught.value.field == "date_to"


def test_csv_and_text(db, lead_data):
    actor, _ = lead_data
    report = lr.lead_sources(db, DAY, DAY, owner_id=actor.user_id)
    lines = lr.lead_sources_csv(report).splitlines()
    assert lines[0].startswith("Источник;Получено;Квалифицировано;Отклонено;В работе;Конверсия, %")
    assert lines[1] == "Сайт;5;3;1;1;60,0;2,0;3,0"
    assert lines[3] == "Источник не указан;1;0;1;0;0,0;;"
    assert lines[4] == "Итого;9;4;2;3;44,4;1,5;2,4"
    text = lr.lead_sources_text(report)
    assert text.startswith("Источники лидов 10.03.2026 — 10.03.2026\n")
    row = next(line for line in text.splitlines() if line.startswith("Выставка"))
    assert row.split() == ["Выставка", "3", "1", "0", "2", "33.3", "0.5", "0.5"]
    none_row = next(line for line in text.splitlines() if line.startswith("Источник не"))
    assert none_row.split()[-2:] == ["—", "—"]


def test_cli_prints_the_lead_sources(db, lead_data):
    from click.testing import CliRunner

    from crm_desktop.cli import main

    result = CliRunner().invoke(
        main,
        [
            "--database",
            db.url,
            "report",
            "lead-sources",
            "--from",
            DAY.isoformat(),
            "--to",
            DAY.isoformat(),
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("Источник;Получено;Квалифицировано")
    assert any(line.startswith("Сайт;") for line in result.output.splitlines())
