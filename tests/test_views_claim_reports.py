"""The claims report pages and the managers' report pages (both backends): each builds in a
worker for a small data set, its chart renders, CSV export writes the file, Cancel works, and
the completeness drill-down lists the incomplete clients and asks for a client's card."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from crm_desktop.errors import ValidationError
from crm_desktop.services import circles
from crm_desktop.services import claims as c
from crm_desktop.services import parties as p
from crm_desktop.services.users import ensure_user
from crm_desktop.views import messages
from crm_desktop.views.reports import claims as claim_pages
from crm_desktop.views.reports.claims import (
    ClaimSatisfactionPage,
    ClaimsDynamicsPage,
    ClaimsStructurePage,
    ReportCsvDialog,
)
from crm_desktop.views.reports.managers import CardCompletenessPage, ManagerComparisonPage

TODAY = date.today()


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


@pytest.fixture
def claims_data(db, actor):
    """Three claims this month: one registered, one resolved satisfied, one rejected."""
    manager = ensure_user(db, "petrov", "Петров Пётр")
    partner = p.create_client(db, actor, p.ClientDraft(name="Ромашка"))
    reasons = {r.code: r.id for r in c.claim_reasons(db)}
    made = []
    for code, result in (("defect", None), ("defect", "satisfied"), ("documents", "rejected")):
        claim = c.create_claim(
            db,
            actor,
            c.ClaimDraft(
                claimed_on=TODAY,
                partner_id=partner.id,
                essence="Брак",
                reason_id=reasons[code],
                requested_amount=Decimal(1000),
            ),
            [c.ActionDraft("Проверить", manager.user_id, TODAY, TODAY if result else None)],
        )
        if result:
            claim = c.start_investigation(db, actor, claim.id, claim.version)
            amount = Decimal(800) if result == "satisfied" else None
            claim = c.resolve(db, actor, claim.id, claim.version, result, amount)
        made.append(claim)
    return made


def show(qtbot, page):
    qtbot.addWidget(page)
    page._built_once = True  # the test builds it itself
    page.resize(1300, 850)
    page.show()
    qtbot.waitExposed(page)
    return page


def build(qtbot, page):
    with qtbot.waitSignal(page.built, timeout=30_000) as blocker:
        task = page.build()
        assert task is not None
        assert page.progress.isVisibleTo(page)
        assert page.cancel_button.isVisibleTo(page)
        assert not page.build_button.isEnabled()
    qtbot.waitUntil(lambda: page.build_button.isEnabled())
    assert not page.progress.isVisibleTo(page)
    assert not page.cancel_button.isVisibleTo(page)
    return blocker.args[0]


def renders(page) -> None:
    pixmap = page.chart_view.grab() if page.with_chart else page.grab()
    assert not pixmap.isNull()
    assert pixmap.width() > 100


def exports(page, tmp_path, monkeypatch, name) -> str:
    target = tmp_path / name
    monkeypatch.setattr(
        ReportCsvDialog, "ask", classmethod(lambda cls, parent, title, suggested: target)
    )
    assert page.export_button.isEnabled()
    assert page.export_csv() == target
    return target.read_text(encoding="utf-8-sig")


PAGES = [ClaimsDynamicsPage, ClaimSatisfactionPage, ClaimsStructurePage]


@pytest.mark.parametrize("page_class", PAGES, ids=lambda x: x.__name__)
def test_each_claims_report_builds_renders_and_exports(
    qtbot, db, actor, claims_data, shown_errors, tmp_path, monkeypatch, page_class
):
    page = show(qtbot, page_class(db, actor))
    page.set_period(TODAY.replace(day=1), TODAY)
    report = build(qtbot, page)
    assert page.report is report
    renders(page)
    rows = page.table_rows()
    assert rows
    text = exports(page, tmp_path, monkeypatch, "report.csv")
    assert ";" in text
    assert not shown_errors
    if page_class is ClaimsDynamicsPage:
        assert rows[-1][:3] == ["Total", "3", "2"]
        assert page.chart.series()  # bars and the two lines
    elif page_class is ClaimSatisfactionPage:
        assert rows[-1][0] == "Total"
        assert rows[-1][1] == "2"
        assert rows[-1][6] == "800.00\u00a0₽"
        assert "Итого" in text
    else:
        assert rows[-1][0] == "Total"
        assert rows[-1][-1] == "3"


def test_the_structure_is_a_heat_map(qtbot, db, actor, claims_data):
    page = show(qtbot, ClaimsStructurePage(db, actor))
    page.set_period(TODAY.replace(day=1), TODAY)
    report = build(qtbot, page)
    department_row = len(report.departments) - 1  # "not specified": all three claims
    reason_column = 1 + [r.id for r in report.reasons].index(claims_data[0].reason_id)
    hot = page.table.item(department_row, reason_column)
    assert hot.text() == "2"
    cold = page.table.item(department_row, 1 + len(report.reasons) - 1)
    assert hot.background().color() != cold.background().color()


def test_cancel_before_the_work_runs(qtbot, db, actor, claims_data):
    page = show(qtbot, ClaimsDynamicsPage(db, actor))
    started = threading.Event()
    release = threading.Event()
    real = claim_pages.cr.claims_dynamics

    def slow(*args, **kwargs):
        started.set()
        release.wait(10)
        return real(*args, **kwargs)

    page.compute = lambda start, end, params, progress, cancelled: slow(  # type: ignore[method-assign]
        db, start, end, params["flt"], progress=progress, cancelled=cancelled
    )
    with qtbot.waitSignal(page.cancelled, timeout=20_000):
        page.build()
        assert started.wait(10)
        page.cancel()
        assert not page.cancel_button.isEnabled()
        release.set()
    qtbot.waitUntil(lambda: page.build_button.isEnabled())
    assert page.report is None
    assert not page.export_button.isEnabled()
    assert "Cancelled" in page.notice.text()


def test_the_manager_comparison_builds_and_switches_the_figure(
    qtbot, db, actor, claims_data, shown_errors, tmp_path, monkeypatch
):
    page = show(qtbot, ManagerComparisonPage(db, actor))
    page.set_period(TODAY.replace(day=1), TODAY)
    report = build(qtbot, page)
    renders(page)
    names = [row[0] for row in page.table_rows()]
    assert names[-1] == "Total"
    assert {r.name for r in report.rows} <= set(names)
    page.figure.setCurrentIndex(page.figure.findData("interactions_done"))
    assert page.chart.title() == "Interactions done"
    renders(page)
    text = exports(page, tmp_path, monkeypatch, "managers.csv")
    assert "Менеджер" in text
    assert not shown_errors


def test_completeness_drills_down_to_the_incomplete_clients(
    qtbot, db, actor, shown_errors, tmp_path, monkeypatch
):
    rules = circles.rules(db)
    circle = rules[0]
    circles.set_mandatory_fields(db, actor, circle.circle_id, ["industry"])
    done = p.create_client(
        db, actor, p.ClientDraft(name="Полная", circle_id=circle.circle_id, industry="Стройка")
    )
    with pytest.raises(ValidationError):  # a new client in the circle must be complete
        p.create_client(db, actor, p.ClientDraft(name="Пустая", circle_id=circle.circle_id))
    circles.set_mandatory_fields(db, actor, circle.circle_id, [])
    empty = p.create_client(db, actor, p.ClientDraft(name="Пустая", circle_id=circle.circle_id))
    circles.set_mandatory_fields(db, actor, circle.circle_id, ["industry"])
    assert done.id != empty.id

    page = show(qtbot, CardCompletenessPage(db, actor))
    report = build(qtbot, page)
    renders(page)
    row = next(i for i, r in enumerate(report.rows) if r.incomplete)
    assert report.rows[row].incomplete == 1
    with qtbot.waitSignal(page.drilled, timeout=20_000) as blocker:
        page.drill_down(row)
    clients = blocker.args[0]
    assert [x.name for x in clients] == ["Пустая"]
    assert page.drill_table.item(0, 1).text() == "industry"
    with qtbot.waitSignal(page.open_requested) as opened:
        page.open_client(0)
    assert opened.args == ["client", empty.id]
    text = exports(page, tmp_path, monkeypatch, "completeness.csv")
    assert "Заполнено" in text
    assert not shown_errors


def test_a_failed_period_is_shown_on_the_page(qtbot, db, actor, shown_errors):
    page = show(qtbot, ClaimSatisfactionPage(db, actor))
    page.set_period(TODAY, TODAY - timedelta(days=5))
    task = page.build()
    assert task is not None
    qtbot.waitUntil(lambda: page.build_button.isEnabled(), timeout=20_000)
    assert page.error.text()
    assert page.report is None


def test_the_drill_down_keeps_the_scope_of_the_shown_report(qtbot, db, actor, shown_errors):
    """Changing the period or «only registered in the period» after building must not change
    which clients a row's drill-down lists: it drills into the report on the screen."""
    rules = circles.rules(db)
    circle = rules[0]
    circles.set_mandatory_fields(db, actor, circle.circle_id, [])
    empty = p.create_client(db, actor, p.ClientDraft(name="Пустая", circle_id=circle.circle_id))
    circles.set_mandatory_fields(db, actor, circle.circle_id, ["industry"])

    page = show(qtbot, CardCompletenessPage(db, actor))
    assert not page.in_period.isChecked()
    report = build(qtbot, page)
    row = next(i for i, r in enumerate(report.rows) if r.incomplete)
    page.in_period.setChecked(True)
    page.set_period(date(2020, 1, 1), date(2020, 12, 31))  # no client was registered then
    with qtbot.waitSignal(page.drilled, timeout=20_000) as blocker:
        page.drill_down(row)
    assert [x.id for x in blocker.args[0]] == [empty.id]
    assert not shown_errors


def test_the_csv_file_is_named_after_the_shown_reports_period(
    qtbot, db, actor, claims_data, tmp_path, monkeypatch
):
    page = show(qtbot, ClaimsStructurePage(db, actor))
    page.set_period(TODAY.replace(day=1), TODAY)
    report = build(qtbot, page)
    page.set_period(date(2020, 1, 1), date(2020, 12, 31))  # changed, not built
    asked: list[str] = []

    def ask(cls, parent, title, suggested):
        asked.append(suggested)
        return tmp_path / suggested

    monkeypatch.setattr(ReportCsvDialog, "ask", classmethod(ask))
    assert page.export_csv() is not None
    assert asked == [f"claims structure {report.date_from:%Y%m%d}-{report.date_to:%Y%m%d}.csv"]
