"""The list tabs and their models over a real database (SQLite and PostgreSQL): Qt's model
tester, sorting by every column, the search box and the filter widgets driving the model,
opening a record."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester

from crm_desktop.services import lists
from crm_desktop.services import parties as p
from crm_desktop.services.users import ensure_user
from crm_desktop.views.itemmodels import clients as client_models
from crm_desktop.views.itemmodels.clients import CLIENT_COLUMNS, clients_model
from crm_desktop.views.itemmodels.contacts import CONTACT_COLUMNS, contacts_model
from crm_desktop.views.itemmodels.counterparties import (
    COUNTERPARTY_COLUMNS,
    counterparties_model,
)
from crm_desktop.views.itemmodels.paged import ROW_STATE_ROLE, PagedTableModel
from crm_desktop.views.lists.clients import ClientListPage
from crm_desktop.views.lists.contacts import ContactListPage
from crm_desktop.views.lists.counterparties import CounterpartyListPage

ALL_COLUMNS = [
    *(("client", c, lists.CLIENT_SORT_KEYS) for c in CLIENT_COLUMNS),
    *(("counterparty", c, lists.COUNTERPARTY_SORT_KEYS) for c in COUNTERPARTY_COLUMNS),
    *(("contact", c, lists.CONTACT_SORT_KEYS) for c in CONTACT_COLUMNS),
]


@pytest.mark.parametrize(
    ("kind", "column", "whitelist"), ALL_COLUMNS, ids=[f"{k}-{c.header}" for k, c, _ in ALL_COLUMNS]
)
def test_every_column_sorts_by_a_key_of_the_services_whitelist(kind, column, whitelist):
    assert column.sort_key in whitelist


def test_the_columns():
    assert [c.header for c in CLIENT_COLUMNS] == [
        "Name",
        "Circle",
        "Owner",
        "Industry",
        "Phone",
        "E-mail",
        "Created",
    ]
    assert [c.header for c in COUNTERPARTY_COLUMNS] == [
        "Name",
        "Legal form",
        "INN",
        "KPP",
        "Client",
        "Legal address",
    ]
    assert [c.header for c in CONTACT_COLUMNS] == ["Name", "Position", "Client", "Phone", "E-mail"]


@dataclass
class Office:
    romashka: uuid.UUID
    vasilek: uuid.UUID
    archived: uuid.UUID
    deleted: uuid.UUID
    petrov: uuid.UUID
    contact: uuid.UUID
    counterparty: uuid.UUID


@pytest.fixture
def office(db, actor) -> Office:
    petrov = ensure_user(db, "petrov", "Петров Пётр Петрович")
    circles = {c.code: c.id for c in p.catalogue(db, "client_circle")}
    forms = {f.code: f.id for f in p.catalogue(db, "legal_form")}

    def client(name: str, **values: Any) -> uuid.UUID:
        return p.create_client(db, actor, p.ClientDraft(name=name, **values)).id

    romashka = client(
        "ООО «Ромашка»",
        circle_id=circles["contacted"],
        channels=(p.ChannelDraft(kind="phone", value="8 (495) 123-45-67", is_primary=True),),
    )
    vasilek = client("АО «Василёк»", roles=frozenset({"supplier"}), owner_id=petrov.user_id)
    for i in range(12):
        client(f"Клиент {i:02d}", industry="Торговля" if i % 2 else None)
    archived = client("ИП Архипов", is_archived=True)
    deleted = client("ООО «Удалённая»")
    gone = p.get_client(db, deleted)
    p.delete_client(db, actor, deleted, gone.version)
    counterparty = p.create_counterparty(
        db,
        actor,
        p.CounterpartyDraft(
            legal_form_id=forms["ooo"],
            full_name="Общество с ограниченной ответственностью «Ромашка»",
            short_name="ООО «Ромашка»",
            inn="7707083893",
            kpp="773601001",
            client_id=romashka,
        ),
    ).id
    p.create_counterparty(
        db,
        actor,
        p.CounterpartyDraft(
            legal_form_id=forms["ip"], full_name="ИП Архипов Архип Архипович", inn="500100732259"
        ),
    )
    contact = p.create_contact(
        db,
        actor,
        p.ContactDraft(
            "Иванова",
            "Мария",
            position="Главный бухгалтер",
            channels=(p.ChannelDraft(kind="phone", value="+7 916 111-22-33", is_primary=True),),
        ),
    ).id
    p.link_client_contact(db, actor, romashka, contact, is_primary=True)
    p.create_contact(db, actor, p.ContactDraft("Сидоров", "Олег"))
    return Office(romashka, vasilek, archived, deleted, petrov.user_id, contact, counterparty)


def settle(qtbot: Any, model: PagedTableModel[Any]) -> None:
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)


def all_rows(qtbot: Any, model: PagedTableModel[Any], column: int = 0) -> list[Any]:
    qtbot.waitUntil(
        lambda: all(model.index(r, column).data() is not None for r in range(model.rowCount())),
        timeout=10_000,
    )
    return [model.index(r, column).data() for r in range(model.rowCount())]


@pytest.mark.parametrize("make", [clients_model, counterparties_model, contacts_model])
def test_each_model_passes_the_model_tester_and_sorts_every_column(qtbot, db, office, make):
    model = make(db, page_size=5)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.refresh()
    qtbot.waitUntil(lambda: model.total_known, timeout=10_000)
    assert model.rowCount() >= 2
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


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_page(qtbot: Any, page_class: type, db: Any) -> Any:
    page = page_class(db)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def shown(qtbot: Any, page: Any) -> list[str]:
    settle(qtbot, page.model)
    return all_rows(qtbot, page.model)


def type_text(line_edit: Any, text: str) -> None:
    """Key by key, as a user types (QTest's keyClicks knows ASCII only)."""
    for char in text:
        line_edit.insert(char)


def type_search(qtbot: Any, page: Any, text: str) -> None:
    """Type as a user does; the search runs once typing pauses (and in the background)."""
    page.search_box.clear()
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        type_text(page.search_box, text)
    assert page.applied_filter.search == text.strip()


def test_client_page_search_as_you_type(qtbot, db, office):
    page = make_page(qtbot, ClientListPage, db)
    assert page.model.rowCount() == 14
    type_search(qtbot, page, "ромаш")
    assert shown(qtbot, page) == ["ООО «Ромашка»"]
    type_search(qtbot, page, "8 (495) 123-45-67")
    assert shown(qtbot, page) == ["ООО «Ромашка»"]
    type_search(qtbot, page, "никого такого")
    assert page.model.rowCount() == 0
    assert page.notice.text() == "Nothing found."
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        qtbot.keyClick(page.search_box, Qt.Key.Key_Escape)
    assert page.search_box.text() == ""
    assert page.model.rowCount() == 14
    assert page.notice.text() == ""


def test_typing_fast_searches_once(qtbot, db, office):
    page = make_page(qtbot, ClientListPage, db)
    sources: list[Any] = []
    real = page.model.set_source
    page.model.set_source = lambda source: (sources.append(source), real(source))  # type: ignore[method-assign]
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        type_text(page.search_box, "василёк")
    assert len(sources) == 1  # one search for seven keys, 250 ms after the last
    assert shown(qtbot, page) == ["АО «Василёк»"]


def test_client_page_filters_drive_the_model(qtbot, db, office):
    page = make_page(qtbot, ClientListPage, db)

    def choose(combo: Any, value: Any) -> None:
        index = combo.findData(None if value is None else str(value))
        assert index >= 0
        with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
            combo.setCurrentIndex(index)

    choose(page.owner, office.petrov)
    assert shown(qtbot, page) == ["АО «Василёк»"]
    choose(page.owner, None)
    choose(page.role, "supplier")
    assert shown(qtbot, page) == ["АО «Василёк»"]
    choose(page.role, None)
    circle = next(c.id for c in p.catalogue(db, "client_circle") if c.code == "contacted")
    choose(page.circle, circle)
    assert shown(qtbot, page) == ["ООО «Ромашка»"]
    choose(page.circle, None)
    assert page.model.rowCount() == 14

    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.show_archived.setChecked(True)
    assert "ИП Архипов" in shown(qtbot, page)
    row = shown(qtbot, page).index("ИП Архипов")
    assert page.model.index(row, 0).data(ROW_STATE_ROLE) == "archived"
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.show_deleted.setChecked(True)
    names = shown(qtbot, page)
    assert len(names) == 16
    assert page.model.index(names.index("ООО «Удалённая»"), 0).data(ROW_STATE_ROLE) == "deleted"
    # the filters and the search together
    type_search(qtbot, page, "удал")
    assert shown(qtbot, page) == ["ООО «Удалённая»"]


def test_client_page_owner_and_circle_choices_come_from_the_services(qtbot, db, office):
    page = make_page(qtbot, ClientListPage, db)
    owners = [page.owner.itemText(i) for i in range(page.owner.count())]
    assert owners[0] == "All managers"
    assert {"Иванов Иван Иванович", "Петров Пётр Петрович"} <= set(owners)
    circles = [page.circle.itemText(i) for i in range(page.circle.count())]
    assert circles[:3] == ["All circles", "Потенциальный", "Был контакт"]
    roles = [page.role.itemData(i) for i in range(page.role.count())]
    assert roles == [None, *lists.CLIENT_ROLES]


def test_a_capped_search_says_so(qtbot, db, office, monkeypatch):
    monkeypatch.setattr(
        client_models,
        "client_search",
        lambda db, flt: lists.client_search(db, flt, cap=3),
    )
    page = make_page(qtbot, ClientListPage, db)
    type_search(qtbot, page, "клиент")
    assert page.model.rowCount() == 3
    assert page.model.capped
    assert page.notice.text() == ("Only the first 3 matches are shown: type more to narrow them.")


def test_enter_and_double_click_ask_for_the_card(qtbot, db, office):
    page = make_page(qtbot, ClientListPage, db)
    type_search(qtbot, page, "ромаш")
    settle(qtbot, page.model)
    opened: list[tuple[str, Any]] = []
    page.open_requested.connect(lambda kind, record: opened.append((kind, record)))
    page.view.activated.emit(page.model.index(0, 2))  # a double click, as Qt reports it
    assert opened == [("client", office.romashka)]
    # Down in the search box goes to the rows; Enter there opens the row
    page.search_box.setFocus()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    assert page.view.hasFocus()
    assert page.view.currentIndex().row() == 0
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == [("client", office.romashka)] * 2


def test_counterparty_page(qtbot, db, office):
    page = make_page(qtbot, CounterpartyListPage, db)
    assert sorted(shown(qtbot, page)) == ["ИП Архипов Архип Архипович", "ООО «Ромашка»"]
    type_search(qtbot, page, "7707083893")
    assert shown(qtbot, page) == ["ООО «Ромашка»"]
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[:5] == ["ООО «Ромашка»", "ООО", "7707083893", "773601001", "ООО «Ромашка»"]
    type_search(qtbot, page, "")
    index = page.legal_kind.findData("individual")
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.legal_kind.setCurrentIndex(index)
    assert shown(qtbot, page) == ["ИП Архипов Архип Архипович"]
    opened: list[tuple[str, Any]] = []
    page.open_requested.connect(lambda kind, record: opened.append((kind, record)))
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.legal_kind.setCurrentIndex(0)
    type_search(qtbot, page, "ромаш")
    settle(qtbot, page.model)
    page.view.activated.emit(page.model.index(0, 0))
    assert opened == [("counterparty", office.counterparty)]


def test_contact_page(qtbot, db, actor, office):
    page = make_page(qtbot, ContactListPage, db)
    assert shown(qtbot, page) == ["Иванова Мария", "Сидоров Олег"]
    assert [page.model.index(0, c).data() for c in range(4)] == [
        "Иванова Мария",
        "Главный бухгалтер",
        "ООО «Ромашка»",
        "+7 916 111-22-33",
    ]
    type_search(qtbot, page, "8 916 111-22-33")
    assert shown(qtbot, page) == ["Иванова Мария"]
    type_search(qtbot, page, "")
    sidorov = next(r for r in range(2) if page.model.index(r, 0).data() == "Сидоров Олег")
    record = p.get_contact(db, page.model.row_id(sidorov))
    p.delete_contact(db, actor, record.id, record.version)
    page.refresh()
    assert shown(qtbot, page) == ["Иванова Мария"]
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.show_deleted.setChecked(True)
    assert shown(qtbot, page) == ["Иванова Мария", "Сидоров Олег"]
    opened: list[tuple[str, Any]] = []
    page.open_requested.connect(lambda kind, record: opened.append((kind, record)))
    page.view.activated.emit(page.model.index(0, 1))
    assert opened == [("contact", office.contact)]


def test_refresh_shows_new_records_at_once_unfiltered_and_in_the_background_filtered(
    qtbot, db, actor, office
):
    page = make_page(qtbot, ClientListPage, db)
    p.create_client(db, actor, p.ClientDraft(name="ООО «Новая»"))
    page.refresh()
    assert page.model.rowCount() == 15  # at once: the first page was short
    type_search(qtbot, page, "нов")
    p.create_client(db, actor, p.ClientDraft(name="ООО «Новейшая»"))
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.refresh()
    assert sorted(shown(qtbot, page)) == ["ООО «Новая»", "ООО «Новейшая»"]


def test_column_state_is_kept(qtbot, db, office, settings):
    page = make_page(qtbot, ClientListPage, db)
    header = page.view.horizontalHeader()
    with qtbot.waitSignal(page.model.modelReset, timeout=10_000):
        header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
    header.resizeSection(1, 111)
    page.save_state(settings)
    again = make_page(qtbot, ClientListPage, db)
    with qtbot.waitSignal(again.model.modelReset, timeout=10_000):
        again.restore_state(settings)
    assert again.model.sort_key == "phone"
    assert again.model.descending
    assert again.view.horizontalHeader().sectionSize(1) == 111
    assert shown(qtbot, again)[0] == "ООО «Ромашка»"  # the only phone, first when descending
