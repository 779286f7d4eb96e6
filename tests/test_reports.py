"""The sales funnel on a data set with known numbers, on both backends; and its CLI."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from click.testing import CliRunner

from crm_desktop.cli import main
from crm_desktop.services import reports

# deal → the stages it reaches in order, then how it ends ("won", ("lost", reason) or "open")


def test_funnel_counts_and_conversions(db, funnel_data):
    today = date.today()
    report = reports.funnel(db, today, today, owner_id=funnel_data.user_id)
    got = [(s.code, s.entered, s.moved_on, s.conversion_pct, s.lost) for s in report.stages]
    assert got == [
        ("primary_contact", 6, 5, Decimal("83.3"), 1),
        ("needs", 5, 4, Decimal("80.0"), 1),
        ("conditions", 4, 3, Decimal("75.0"), 0),
        ("proposal", 3, 2, Decimal("66.7"), 1),
        ("negotiation", 2, 2, Decimal("100.0"), 0),
        ("contract", 2, 1, Decimal("50.0"), 0),
    ]
    assert report.stages[0].lost_by_reason == {"Высокая цена": 1}
    assert report.stages[1].lost_by_reason == {"Выбрали конкурента": 1}
    assert (report.won_count, report.won_amount) == (1, Decimal("1000.00"))
    assert (report.lost_count, report.lost_amount) == (3, Decimal("3000.00"))
    assert (report.open_count, report.open_amount) == (2, Decimal("2000.00"))
    everyone = reports.funnel(db, today, today)
    assert everyone.stages[0].entered == 7
    assert everyone.open_count == 3


def test_empty_period_and_reversed_period(db, funnel_data):
    long_ago = date.today() - timedelta(days=400)
    report = reports.funnel(db, long_ago, long_ago + timedelta(days=30))
    assert all(s.entered == 0 and s.conversion_pct is None for s in report.stages)
    assert (report.won_count, report.lost_count, report.open_count) == (0, 0, 0)
    from crm_desktop.errors import ValidationError

    with pytest.raises(ValidationError):
        reports.funnel(db, date.today(), long_ago)


def test_funnel_csv_and_cli(db, funnel_data):
    today = date.today()
    text = reports.funnel_csv(reports.funnel(db, today, today, owner_id=funnel_data.user_id))
    assert text.splitlines()[1] == "Первичный контакт;6;5;83,3;1;Высокая цена: 1"
    result = CliRunner().invoke(
        main,
        [
            "--database",
            db.url,
            "report",
            "funnel",
            "--from",
            today.isoformat(),
            "--to",
            today.isoformat(),
            "--manager",
            funnel_data.login,
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == "Первичный контакт;6;5;83,3;1;Высокая цена: 1"
    result = CliRunner().invoke(
        main,
        [
            "--database",
            db.url,
            "report",
            "funnel",
            "--from",
            today.isoformat(),
            "--to",
            today.isoformat(),
            "--format",
            "text",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Выиграно: 1 на 1000.00 ₽" in result.output
