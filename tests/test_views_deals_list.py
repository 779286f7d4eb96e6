"""The Deals list tab and its model over a real database (SQLite and PostgreSQL): Qt's model
tester, sorting by every column, the search box and the filters driving the model, opening a
deal, one client's deals."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester
from sqlalchemy import update

from crm_desktop.models import Deal
from crm_desktop.services import deals as d
from crm_desktop.services import lists
from crm_desktop.services import parties as p
from crm_desktop.services.uow import write_unit
from crm_desktop.services.users import ensure_user
from crm_desktop.views.itemmodels.deals import DEAL_COLUMNS, deals_model
from crm_desktop.views.itemmodels.paged import ROW_STATE_ROLE, PagedTableModel
from crm_desktop.views.lists.deals import DealListPage


@pytest.fixture(autouse=True)
def english_numbers():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@dataclass
class Office:
    romashka: uuid.UUID
    vasilek: uuid.UUID
    petrov: uuid.UUID
    deals: dict[str, uuid.UUID]
    numbers: dict[str, str]


@pytest.fixture
def office(db, actor) -> Office:
    petrov = ensure_user(db, "petrov", "Петров Пётр Петрович")
    stages = {s.code: s.id for s in p.catalogue(db, "deal_stage")}
    romashka = p.create_client(db, actor, p.ClientDraft(name="ООО «Ромашка»")).id
    vasilek = p.create_client(db, actor, p.ClientDraft(name="АО «Василёк»")).id
    specs: list[tuple[str, str, uuid.UUID, dict[str, Any]]] = [
        ("nails", "Поставка гвоздей", romashka, {"amount": Decimal("1234.50")}),
        (
            "rent",
            "Аренда склада",
            vasilek,
            {"stage_id": stages["needs"], "owner_id": petrov.user_id},
        ),
        ("won", "Монтаж", romashka, {"status": "won", "opened_on": date(2026, 1, 15)}),
        ("lost", "Поставка кирпича", vasilek, {"status": "lost", "opened_on": date(2025, 12, 1)}),
        ("gone", "Удалённая", romashka, {"deleted_at": p.utc_now()}),
    ]
    for i in range(8):
        specs.append((f"more{i}", f"Сделка {i:02d}", vasilek, {}))
    deals: dict[str, uuid.UUID] = {}
    numbers: dict[str, str] = {}
    for key, title, client, values in specs:
        made = d.create_deal(db, actor, d.DealDraft(title=title, client_id=client))
        deals[key], numbers[key] = made.id, made.number
        values = {"opened_on": date(2026, 2, 1), **values}
        with write_unit(db, actor) as session:
            session.execute(update(Deal).where(Deal.id == made.id).values(**values))
    return Office(romashka, vasilek, petrov.user_id, deals, numbers)


def settle(qtbot: Any, model: PagedTableModel[Any]) -> None:
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)


def all_rows(qtbot: Any, model: PagedTableModel[Any], column: int = 1) -> list[Any]:
    qtbot.waitUntil(
        lambda: all(model.index(r, column).data() is not None for r in range(model.rowCount())),
        timeout=10_000,
    )
    return [model.index(r, column).data() for r in range(model.rowCount())]


def shown(qtbot: Any, page: Any) -> list[str]:
    """The titles the page shows."""
    settle(qtbot, page.model)
    return all_rows(qtbot, page.model)


def make_page(qtbot: Any, db: Any, **kwargs: Any) -> DealListPage:
    page = DealListPage(db, **kwargs)
    qtbot.addWidget(page)
    page.resize(1400, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def type_search(qtbot: Any, page: Any, text: str) -> None:
    page.search_box.clear()
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        for char in text:
            page.search_box.insert(char)
    assert page.applied_filter.search == text.strip()


def test_every_column_sorts_by_a_key_of_the_services_whitelist():
    assert [c.header for c in DEAL_COLUMNS] == [
        "Number",
        "Title",
        "Client",
        "Stage",
        "Status",
        "Amount",
        "Owner",
        "Opened",
        "Expected close",
    ]
    assert [c.sort_key for c in DEAL_COLUMNS] == list(lists.DEAL_SORT_KEYS)


def test_the_model_passes_the_model_tester_and_sorts_every_column(qtbot, db, office):
    model = deals_model(db, page_size=5)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.refresh()
    qtbot.waitUntil(lambda: model.total_known, timeout=10_000)
    assert model.rowCount() == 12
    first = all_rows(qtbot, model)
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            with qtbot.waitSignal(model.modelReset, timeout=10_000):
                model.sort(column, order)
            rows = all_rows(qtbot, model)
            assert sorted(rows) == sorted(first)
            ids = [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(len(rows))]
            assert len(set(ids)) == len(rows)
    settle(qtbot, model)
    del tester


def test_a_row_shows_the_deal(qtbot, db, office):
    page = make_page(qtbot, db)
    type_search(qtbot, page, "поставка гв")
    assert shown(qtbot, page) == ["Поставка гвоздей"]
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row == [
        office.numbers["nails"],
        "Поставка гвоздей",
        "ООО «Ромашка»",
        "Первичный контакт",
        "In progress",
        "1,234.50\u00a0₽",
        "Иванов И. И.",
        QLocale().toString(QDate(2026, 2, 1), QLocale.FormatType.ShortFormat),
        "",
    ]


def test_search_by_number_and_title(qtbot, db, office):
    page = make_page(qtbot, db)
    assert page.model.rowCount() == 12
    type_search(qtbot, page, office.numbers["rent"])
    assert shown(qtbot, page) == ["Аренда склада"]
    type_search(qtbot, page, "поставка")
    assert sorted(shown(qtbot, page)) == ["Поставка гвоздей", "Поставка кирпича"]
    type_search(qtbot, page, "нет такой")
    assert page.model.rowCount() == 0
    assert page.notice.text() == "Nothing found."
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        qtbot.keyClick(page.search_box, Qt.Key.Key_Escape)
    assert page.model.rowCount() == 12


def test_filters_drive_the_model(qtbot, db, office):
    page = make_page(qtbot, db)

    def choose(combo: Any, value: Any) -> None:
        index = combo.findData(None if value is None else str(value))
        assert index >= 0
        with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
            combo.setCurrentIndex(index)

    needs = next(s.id for s in p.catalogue(db, "deal_stage") if s.code == "needs")
    choose(page.stage, needs)
    assert shown(qtbot, page) == ["Аренда склада"]
    choose(page.stage, None)
    choose(page.status, "won")
    assert shown(qtbot, page) == ["Монтаж"]
    choose(page.status, "lost")
    assert shown(qtbot, page) == ["Поставка кирпича"]
    choose(page.status, None)
    choose(page.owner, office.petrov)
    assert shown(qtbot, page) == ["Аренда склада"]
    choose(page.owner, None)
    assert page.model.rowCount() == 12

    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.opened_from.set_value(date(2026, 1, 1))
    assert "Поставка кирпича" not in shown(qtbot, page)
    assert page.model.rowCount() == 11
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.opened_to.set_value(date(2026, 1, 31))
    assert shown(qtbot, page) == ["Монтаж"]
    for edit in (page.opened_from, page.opened_to):
        edit.set_value(None)
    settle(qtbot, page.model)
    assert page.model.rowCount() == 12

    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.show_deleted.setChecked(True)
    titles = shown(qtbot, page)
    assert len(titles) == 13
    assert page.model.index(titles.index("Удалённая"), 0).data(ROW_STATE_ROLE) == "deleted"


def test_status_choices_are_translated_labels(qtbot, db, office):
    page = make_page(qtbot, db)
    assert [page.status.itemData(i) for i in range(page.status.count())] == [
        None,
        *lists.DEAL_STATUSES,
    ]
    assert [page.status.itemText(i) for i in range(page.status.count())] == [
        "All statuses",
        "In progress",
        "Won",
        "Lost",
    ]
    stages = [page.stage.itemText(i) for i in range(page.stage.count())]
    assert stages[:2] == ["All stages", "Первичный контакт"]


def test_enter_and_double_click_ask_for_the_deal(qtbot, db, office):
    page = make_page(qtbot, db)
    type_search(qtbot, page, "аренда")
    settle(qtbot, page.model)
    opened: list[tuple[str, Any]] = []
    page.open_requested.connect(lambda kind, record: opened.append((kind, record)))
    page.view.activated.emit(page.model.index(0, 1))
    assert opened == [("deal", office.deals["rent"])]


def test_one_clients_deals(qtbot, db, office):
    page = make_page(qtbot, db, client_id=office.romashka)
    assert sorted(shown(qtbot, page)) == ["Монтаж", "Поставка гвоздей"]
    assert page.view.isColumnHidden(2)
    type_search(qtbot, page, "аренда")  # another client's deal: not here
    assert page.model.rowCount() == 0
    assert page.applied_filter.client_id == office.romashka


def test_column_state_is_kept(qtbot, db, office, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = make_page(qtbot, db)
    header = page.view.horizontalHeader()
    with qtbot.waitSignal(page.model.modelReset, timeout=10_000):
        header.setSortIndicator(5, Qt.SortOrder.DescendingOrder)
    page.save_state(settings)
    again = make_page(qtbot, db)
    with qtbot.waitSignal(again.model.modelReset, timeout=10_000):
        again.restore_state(settings)
    assert (again.model.sort_key, again.model.descending) == ("amount", True)
    assert shown(qtbot, again)[0] == "Поставка гвоздей"
