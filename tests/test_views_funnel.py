"""The sales funnel page on a data set with known numbers (SQLite and PostgreSQL): built in a
worker, shown as exactly those numbers in its table, a chart with the stage names, CSV export."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt

from crm_desktop.views import messages
from crm_desktop.views.cards.base import set_combo_data
from crm_desktop.views.reports import funnel as funnel_view
from crm_desktop.views.reports.funnel import FunnelReportPage, period_of

# deal → the stages it reaches in order, then how it ends ("won", ("lost", reason) or "open")
NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def english_numbers():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def shown_errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, **kw: shown.append(text))
    return shown


def build(qtbot, page):
    with qtbot.waitSignal(page.built, timeout=20_000) as blocker:
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
        assert page.busy.isVisibleTo(page)  # busy until the worker reports back
        assert not page.build_button.isEnabled()
    qtbot.waitUntil(lambda: page.build_button.isEnabled())
    assert not page.busy.isVisibleTo(page)
    return blocker.args[0]


def make_page(qtbot, db, actor):
    page = FunnelReportPage(db, actor)
    qtbot.addWidget(page)
    page.resize(1200, 780)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_funnel_shows_exactly_the_known_numbers(
    qtbot, db, funnel_data, shown_errors, tmp_path, monkeypatch
):
    page = make_page(qtbot, db, funnel_data)
    today = date.today()
    page.set_period(today, today)
    set_combo_data(page.manager, funnel_data.user_id)
    report = build(qtbot, page)
    assert report.owner_id == funnel_data.user_id
    assert page.table_rows() == [
        ["Первичный контакт", "6", "5", f"83.3{NBSP}%", "1", "Высокая цена: 1"],
        ["Выявление потребностей", "5", "4", f"80.0{NBSP}%", "1", "Выбрали конкурента: 1"],
        ["Определение условий продажи", "4", "3", f"75.0{NBSP}%", "0", ""],
        ["Коммерческое предложение", "3", "2", f"66.7{NBSP}%", "1", "Высокая цена: 1"],
        ["Согласование условий", "2", "2", f"100.0{NBSP}%", "0", ""],
        ["Договор / заказ", "2", "1", f"50.0{NBSP}%", "0", ""],
    ]
    totals = {key: (c.text(), a.text()) for key, (c, a) in page.totals.items()}
    assert totals == {
        "won": ("1", f"1,000.00{NBSP}₽"),
        "lost": ("3", f"3,000.00{NBSP}₽"),
        "open": ("2", f"2,000.00{NBSP}₽"),
    }

    # the chart: one bar per stage, named on its axis, the first stage on top
    names = [row[0] for row in page.table_rows()]
    axis = page.chart.axes(Qt.Orientation.Vertical)[0]
    entered = (6, 5, 4, 3, 2, 2)
    assert axis.categories() == [f"{n} — {e}" for n, e in zip(names, entered, strict=True)][::-1]
    assert page.stage_names_on_chart() == names
    assert page.chart.series() == [page.series]
    sets = page.series.barSets()
    assert [s.label() for s in sets] == ["", "Moved on", "Remained at the stage", "Lost"]
    went_on, stayed, lost = ([s.at(i) for i in range(s.count())][::-1] for s in sets[1:])
    assert went_on == [5, 4, 3, 2, 2, 1]
    assert lost == [1, 1, 0, 1, 0, 0]
    assert stayed == [0, 0, 1, 0, 0, 1]

    # CSV export writes the service's CSV where the user said
    target = tmp_path / "funnel.csv"
    monkeypatch.setattr(
        funnel_view.CsvFileDialog, "ask", classmethod(lambda cls, parent, suggested: target)
    )
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Этап;Вошло сделок;Перешло дальше;Конверсия, %;Проиграно;Причины проигрыша"
    assert lines[1] == "Первичный контакт;6;5;83,3;1;Высокая цена: 1"
    assert "Выиграно;1;1000,00" in lines
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    assert shown_errors == []


def test_all_managers_and_an_empty_period(qtbot, db, funnel_data, shown_errors):
    page = make_page(qtbot, db, funnel_data)
    assert page.manager.currentData() is None  # all managers by default
    assert not page.export_button.isEnabled()
    today = date.today()
    page.set_period(today, today)
    report = build(qtbot, page)
    assert report.owner_id is None
    assert page.table_rows()[0][1] == "7"
    assert page.totals["open"][0].text() == "3"
    assert page.export_button.isEnabled()
    page.set_period(today - timedelta(days=400), today - timedelta(days=370))
    build(qtbot, page)
    assert {row[1] for row in page.table_rows()} == {"0"}
    assert {row[3] for row in page.table_rows()} == {"—"}


def test_a_reversed_period_is_refused_on_the_page(qtbot, db, actor, shown_errors):
    page = make_page(qtbot, db, actor)
    page.set_period(date(2026, 5, 1), date(2026, 4, 1))
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=20_000)
    assert page.error.text() == "The period ends before it begins."
    assert page.report is None
    qtbot.waitUntil(lambda: page.build_button.isEnabled())
    assert shown_errors == []


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("month", (date(2026, 11, 1), date(2026, 11, 30))),
        ("quarter", (date(2026, 10, 1), date(2026, 12, 31))),
        ("year", (date(2026, 1, 1), date(2026, 12, 31))),
    ],
)
def test_period_presets(preset, expected):
    assert period_of(preset, date(2026, 11, 23)) == expected
    assert period_of("quarter", date(2026, 2, 28)) == (date(2026, 1, 1), date(2026, 3, 31))
    assert period_of("month", date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
