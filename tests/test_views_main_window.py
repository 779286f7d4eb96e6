"""The main window over a real database (SQLite and PostgreSQL), offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from crm_desktop.services import deals as d
from crm_desktop.services import parties as p
from crm_desktop.views import i18n
from crm_desktop.views import main_window as mw
from crm_desktop.views.cards import ClientCard, CounterpartyCard
from crm_desktop.views.cards.dialogs import UnsavedChanges
from crm_desktop.views.deals import DealCard
from crm_desktop.views.lists.deals import DealListPage
from crm_desktop.views.main_window import (
    SECTIONS,
    ComingLaterPage,
    MainWindow,
    Section,
    database_location,
    section_is_live,
)
from crm_desktop.views.reports.funnel import FunnelReportPage
from crm_desktop.views.reports.hub import ReportsPage


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def clients(db, actor) -> list[str]:
    names = ["ООО «Альфа»", "АО «Бета»", "ИП Гамма", "ООО «Дельта»", "ПАО «Эпсилон»"]
    for i, name in enumerate(names):
        p.create_client(
            db,
            actor,
            p.ClientDraft(
                name=name,
                industry="Торговля" if i % 2 else None,
                channels=(p.ChannelDraft(kind="email", value=f"info{i}@example.ru"),),
            ),
        )
    return names


def make_window(qtbot, db, actor, settings) -> MainWindow:
    window = MainWindow(db, actor, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_window_shows_the_clients(qtbot, db, actor, settings, clients):
    window = make_window(qtbot, db, actor, settings)
    assert window.current_section() == "clients"
    assert window.workspace.currentWidget() is window.clients
    model = window.clients.view.model()
    assert model.rowCount() == 5
    shown = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert shown == set(clients)
    emails = {model.index(r, 5).data() for r in range(model.rowCount())}
    assert "info0@example.ru" in emails
    assert window.count_label.text() == "Clients: 5"
    assert window.location_label.text() == f"Database: {database_location(db)}"
    assert "password" not in window.location_label.text().lower()
    nav = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert nav == [s.title for s in SECTIONS]
    assert window.navigation.currentItem().text() == "Clients"
    assert actor.full_name in window.windowTitle()


def test_table_is_read_only_row_selection_alternating(qtbot, db, actor, settings, clients):
    window = make_window(qtbot, db, actor, settings)
    view = window.clients.view
    assert view.alternatingRowColors()
    assert view.editTriggers() == view.EditTrigger.NoEditTriggers
    assert view.selectionBehavior() == view.SelectionBehavior.SelectRows
    view.selectRow(1)
    assert {i.column() for i in view.selectionModel().selectedIndexes()} == set(range(7))


@pytest.fixture
def later_section(monkeypatch) -> Section:
    """A section that is not live (every real one is by now), added at the end."""
    section = Section("forecasts", "Forecasts")
    sections = (*mw.SECTIONS, section)
    monkeypatch.setattr(mw, "SECTIONS", sections)
    monkeypatch.setattr(mw, "SECTION_BY_KEY", {s.key: s for s in sections})
    return section


def test_a_coming_later_section_shows_its_page(qtbot, db, actor, settings, clients, later_section):
    window = make_window(qtbot, db, actor, settings)
    later_row = next(i for i, s in enumerate(mw.SECTIONS) if s.key == later_section.key)
    assert window.navigation.item(later_row).toolTip() == "Coming in a later version"
    window.navigation.setCurrentRow(later_row)
    page = window.workspace.currentWidget()
    assert isinstance(page, ComingLaterPage)
    assert window.current_section() == later_section.key
    assert page.isVisible()
    assert page.text.text() == "This section is coming in a later version."
    assert window.workspace.tabText(window.workspace.currentIndex()) == "Forecasts"

    qtbot.mouseClick(page.open_clients, Qt.MouseButton.LeftButton)
    assert window.current_section() == "clients"
    assert window.navigation.currentRow() == next(
        i for i, s in enumerate(mw.SECTIONS) if s.key == "clients"
    )

    # the same section again: the same tab, not a second one
    tabs = window.workspace.count()
    assert window.open_section(later_section.key) is page
    assert window.workspace.count() == tabs


def test_every_section_opens_something(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)
    for section in SECTIONS:
        page = window.open_section(section.key)
        assert page.isVisible()
        assert window.current_section() == section.key
        assert isinstance(page, ComingLaterPage) != section_is_live(section)


def test_coming_later_tabs_close_the_clients_tab_stays(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)
    window.open_section("claims")
    index = window.workspace.currentIndex()
    window.workspace.tabCloseRequested.emit(index)
    assert window.section_page("claims") is None
    clients_index = window.workspace.indexOf(window.clients)
    window.workspace.tabCloseRequested.emit(clients_index)
    assert window.workspace.indexOf(window.clients) == clients_index


def test_refresh_shows_new_clients_and_the_new_count(qtbot, db, actor, settings, clients):
    window = make_window(qtbot, db, actor, settings)
    p.create_client(db, actor, p.ClientDraft(name="ООО «Новый»"))
    assert window.clients.model.rowCount() == 5
    window.refresh_action.trigger()
    assert window.clients.model.rowCount() == 6
    assert window.count_label.text() == "Clients: 6"
    assert window.refresh_action.shortcut().toString() == "F5"


def test_header_click_sorts_only_sortable_columns(qtbot, db, actor, settings, clients):
    window = make_window(qtbot, db, actor, settings)
    model = window.clients.model
    header = window.clients.view.horizontalHeader()
    assert header.sortIndicatorSection() == 0

    header.setSortIndicator(6, Qt.SortOrder.DescendingOrder)  # "Created": sortable
    assert model.sort_key == "created_at"
    assert model.descending

    unsortable = [c for c in range(model.columnCount()) if not model.is_sortable(c)]
    for column in unsortable:  # a column without a sort key keeps the old order
        header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)
        assert model.sort_key == "created_at"
        assert header.sortIndicatorSection() == 6
        assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    # a real click on the Name header
    x = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert model.sort_key == "name"


def test_window_and_header_state_are_kept(qtbot, db, actor, settings, clients):
    window = make_window(qtbot, db, actor, settings)
    window.clients.view.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)
    window.clients.view.horizontalHeader().resizeSection(2, 123)
    window.close()
    assert settings.contains("main_window/geometry")
    assert settings.contains("lists/clients/header")

    again = make_window(qtbot, db, actor, settings)
    assert again.clients.model.sort_key == "industry"
    assert again.clients.model.descending
    assert again.clients.view.horizontalHeader().sectionSize(2) == 123
    assert again.clients.view.horizontalHeader().sortIndicatorSection() == 3


@pytest.fixture
def russian(qapp):
    default = QLocale()
    translators = i18n.install_translators(qapp, "ru")
    yield translators
    i18n.remove_translators(qapp, translators)
    QLocale.setDefault(default)


def test_window_speaks_russian(qtbot, db, actor, settings, clients, russian, later_section):
    assert len(russian) == 2  # ours and Qt's own
    window = make_window(qtbot, db, actor, settings)
    nav = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert nav[:3] == ["Сегодня", "Лиды", "Клиенты"]
    assert "Контактные лица" in nav
    assert window.count_label.text() == "Клиентов: 5"
    headers = [window.clients.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers[0] == "Наименование"
    assert all(h and not h.isascii() for h in headers)
    page = window.open_section(later_section.key)
    assert isinstance(page, ComingLaterPage)
    assert page.text.text().startswith("Этот раздел")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Файл", "&Правка", "&Вид", "&Справка"]
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Отмена"  # Qt's own


# --- cards in the workspace -------------------------------------------------------------------


def client_id(db, name: str):
    from crm_desktop.services.cards import find_parties

    return next(r.id for r in find_parties(db, "client", "") if r.name == name)


def test_opening_an_open_card_focuses_its_tab(qtbot, db, actor, settings, clients):
    window = make_window(qtbot, db, actor, settings)
    record = client_id(db, clients[0])
    card = window.open_card("client", record)
    assert isinstance(card, ClientCard)
    assert window.workspace.currentWidget() is card
    assert window.workspace.tabText(window.workspace.currentIndex()) == f"{clients[0]} (Client)"
    tabs = window.workspace.count()
    window.open_section("clients")
    assert window.open_card("client", str(record)) is card
    assert window.workspace.count() == tabs
    assert window.workspace.currentWidget() is card
    assert window.save_action.isEnabled()
    window.open_section("clients")
    assert not window.save_action.isEnabled()  # Save acts on cards only


def test_activating_a_list_row_opens_its_card(qtbot, db, actor, settings, clients):
    window = make_window(qtbot, db, actor, settings)
    view = window.clients.view
    view.activated.emit(view.model().index(2, 0))
    card = window.current_card()
    assert isinstance(card, ClientCard)
    assert card.name.text() == view.model().index(2, 0).data()


def test_the_actions_have_their_shortcuts(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)

    def keys(action) -> list[str]:
        return [s.toString() for s in action.shortcuts()]

    assert keys(window.new_client_action) == ["Ctrl+N"]
    assert keys(window.save_action) == ["Ctrl+S"]
    assert keys(window.close_tab_action) == ["Ctrl+W", "Ctrl+F4"]
    assert keys(window.find_action) == ["Ctrl+F"]
    assert keys(window.next_tab_action) == ["Ctrl+Tab", "Ctrl+PgDown"]
    assert keys(window.previous_tab_action)[0] == "Ctrl+Shift+Tab"
    assert "Ctrl+PgUp" in keys(window.previous_tab_action)
    assert keys(window.refresh_action) == ["F5"]
    assert keys(window.quit_action) == ["Ctrl+Q"]
    toolbar = [a for a in window.tool_bar.actions() if not a.isSeparator()]
    assert toolbar == [
        window.new_client_action,
        window.register_action,
        window.save_action,
        window.refresh_action,
    ]


def test_new_client_save_and_reopen(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)
    window.new_client_action.trigger()
    card = window.current_card()
    assert isinstance(card, ClientCard)
    assert window.workspace.tabText(window.workspace.currentIndex()) == "New client"
    card.name.setText("ООО «Новый»")
    assert window.workspace.tabText(window.workspace.currentIndex()) == "New client*"
    window.save_action.trigger()  # Ctrl+S
    assert card.record_id is not None
    assert window.workspace.tabText(window.workspace.currentIndex()) == "ООО «Новый» (Client)"
    assert window.open_card("client", card.record_id) is card
    window.open_section("clients")  # the list was read again when shown
    assert window.clients.model.rowCount() == 1
    assert window.count_label.text() == "Clients: 1"


def test_a_card_opens_cards_it_asks_for(qtbot, db, actor, settings, clients):
    window = make_window(qtbot, db, actor, settings)
    card = window.open_card("client", client_id(db, clients[1]))
    card.new_counterparty_button.click()
    new = window.current_card()
    assert isinstance(new, CounterpartyCard)
    assert new.client_id() == card.record_id
    new.full_name.setText("ООО «Бета-Трейд»")
    new.save_close_button.click()  # saved, and the tab closes without a question
    assert new not in window.cards()
    assert [r.full_name for r in p.counterparties_of_client(db, card.record_id)] == [
        "ООО «Бета-Трейд»"
    ]
    assert card.counterparties.table.rowCount() == 1  # the open client card was told
    card.counterparties.select_row(0)
    card.open_counterparty_button.click()
    assert isinstance(window.current_card(), CounterpartyCard)


@pytest.mark.parametrize(("answer", "closed"), [("cancel", False), ("discard", True)])
def test_closing_a_changed_card_tab_asks(
    qtbot, db, actor, settings, clients, monkeypatch, answer, closed
):
    window = make_window(qtbot, db, actor, settings)
    card = window.open_card("client", client_id(db, clients[0]))
    asked: list[str] = []
    monkeypatch.setattr(
        UnsavedChanges, "ask", classmethod(lambda cls, parent, title: asked.append(title) or answer)
    )
    card.industry.setText("Связь")
    window.close_tab_action.trigger()  # Ctrl+W
    assert asked == [f"{clients[0]} (Client)"]
    assert (card in window.cards()) is not closed


def test_the_window_does_not_close_over_unsaved_changes(
    qtbot, db, actor, settings, clients, monkeypatch
):
    window = make_window(qtbot, db, actor, settings)
    card = window.open_card("client", client_id(db, clients[0]))
    window.open_section("clients")
    card.industry.setText("Связь")
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda cls, parent, title: "cancel"))
    assert not window.close()
    assert window.isVisible()
    assert window.workspace.currentWidget() is card  # shown to the user when asked
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda cls, parent, title: "discard"))
    assert window.close()


def test_next_and_previous_tab(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)
    window.open_section("deals")
    window.open_section("clients")
    first = window.workspace.currentIndex()
    window.next_tab_action.trigger()
    assert window.workspace.currentIndex() == (first + 1) % window.workspace.count()
    window.previous_tab_action.trigger()
    assert window.workspace.currentIndex() == first


def test_counterparty_and_contact_lists_open_their_cards(qtbot, db, actor, settings):
    person = p.create_contact(db, actor, p.ContactDraft(last_name="Зайцев"))
    cp = p.create_counterparty(
        db,
        actor,
        p.CounterpartyDraft(
            legal_form_id=p.catalogue_item_id(db, "legal_form", "ip"), full_name="ИП Зайцев"
        ),
    )
    window = make_window(qtbot, db, actor, settings)
    for key, kind, record in (
        ("counterparties", "counterparty", cp.id),
        ("contacts", "contact", person.id),
    ):
        page = window.open_section(key)
        assert not isinstance(page, ComingLaterPage)
        qtbot.waitUntil(lambda page=page: page.model.rowCount() == 1)
        page.view.activated.emit(page.model.index(0, 0))
        card = window.current_card()
        assert (card.kind, card.record_id) == (kind, record)


def test_find_focuses_the_search_box_of_the_list(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)
    if getattr(window.clients, "search_box", None) is None:
        window.clients.search_box = QLineEdit(window.clients)
        window.clients.search_box.show()
    window.open_section("today")
    window.open_section("clients")
    assert window.find_action.isEnabled()
    window.find_action.trigger()
    assert window.clients.focusWidget() is window.clients.search_box
    window.open_section("today")  # no search box there
    assert not window.find_action.isEnabled()
    window.open_section("deals")
    assert window.find_action.isEnabled()  # the Deals list has a search box too


def test_register_partner_opens_the_new_client(qtbot, db, actor, settings, clients, monkeypatch):
    from crm_desktop.views.wizards import registration

    record = client_id(db, clients[3])
    calls: list[tuple] = []

    def run(cls, parent, db_, actor_):
        calls.append((parent, db_, actor_))
        return record

    monkeypatch.setattr(registration.RegistrationWizard, "run", classmethod(run))
    window = make_window(qtbot, db, actor, settings)
    assert window.register_action.isEnabled()
    window.register_action.trigger()
    assert calls == [(window, db, actor)]
    card = window.current_card()
    assert isinstance(card, ClientCard)
    assert card.record_id == record


def test_settings_open_from_the_menu_and_the_section(qtbot, db, actor, settings, monkeypatch):
    from crm_desktop.views.dialogs import settings as settings_dialog

    calls: list[tuple] = []

    def ask(cls, parent, db_, actor_, settings_, **kwargs):
        calls.append((parent, db_, actor_, settings_))
        kwargs["on_renamed"](actor_.__class__(actor_.user_id, actor_.login, "Новое Имя"))
        return True

    monkeypatch.setattr(settings_dialog.SettingsDialog, "ask", classmethod(ask))
    window = make_window(qtbot, db, actor, settings)
    window.settings_action.trigger()
    assert calls == [(window, db, actor, settings)]
    assert "Новое Имя" in window.windowTitle()
    assert "Restart" in window.statusBar().currentMessage()
    page = window.open_section("settings")
    page.open_settings.click()
    assert len(calls) == 2


# --- deals and reports ------------------------------------------------------------------------


def make_deal(db, actor, client_name: str, title: str):
    client = p.create_client(db, actor, p.ClientDraft(name=client_name))
    return d.create_deal(db, actor, d.DealDraft(title=title, client_id=client.id))


def test_the_deals_section_lists_deals_and_a_deal_opens_once(qtbot, db, actor, settings):
    deal = make_deal(db, actor, "ООО «Ромашка»", "Поставка гвоздей")
    window = make_window(qtbot, db, actor, settings)
    deals_row = next(i for i, s in enumerate(SECTIONS) if s.key == "deals")
    window.navigation.setCurrentRow(deals_row)
    page = window.workspace.currentWidget()
    assert isinstance(page, DealListPage)
    assert window.current_section() == "deals"
    assert window.workspace.tabText(window.workspace.currentIndex()) == "Deals"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row(0) is not None)
    assert page.model.index(0, 1).data() == "Поставка гвоздей"

    page.view.activated.emit(page.model.index(0, 0))  # a double click on the row
    card = window.current_card()
    assert isinstance(card, DealCard)
    assert (card.kind, card.record_id) == ("deal", deal.id)
    tabs = window.workspace.count()
    window.open_section("deals")
    page.view.activated.emit(page.model.index(0, 0))  # again: the same tab comes forward
    assert window.current_card() is card
    assert window.open_card("deal", str(deal.id)) is card
    assert window.workspace.count() == tabs


def test_every_report_tab_makes_its_page(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)
    page = window.open_section("reports")
    assert isinstance(page, ReportsPage)
    titles = [page.tabText(i) for i in range(page.count())]
    assert titles == [
        "Sales funnel",
        "Claims by month",
        "Claim satisfaction",
        "Claims structure",
        "Managers",
        "Card completeness",
        "Lead sources",
    ]
    pages = [page.page_at(i) for i in range(page.count())]
    assert len({id(p) for p in pages}) == page.count()
    assert page.page_at(5) is pages[5]  # made once
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)


def test_activity_sections_cards_and_the_register_shortcut(qtbot, db, actor, settings, monkeypatch):
    window = make_window(qtbot, db, actor, settings)
    for key in ("today", "leads", "interactions", "tasks", "claims"):
        assert not isinstance(window.open_section(key), ComingLaterPage)
    assert window.register_interaction_action.shortcut().toString() == "Ctrl+Shift+I"
    assert window.register_interaction_action in window.actions()  # works from anywhere
    for kind in ("interaction", "task", "lead", "claim"):
        card = window.new_card(kind)
        assert card.kind == kind
        assert window.close_card(card, ask=False)
    deal = window.new_card("deal")
    asked = []
    monkeypatch.setattr(window, "open_settings", lambda page=None: asked.append(page) or False)
    deal.settings_requested.emit("email")
    assert asked == ["email"]
    tabs = [deal.tabs.tabText(i) for i in range(deal.tabs.count())]
    assert {"Interactions", "Tasks", "Claims"} <= set(tabs)
    window.reminders.stop()


def test_the_reports_section_shows_the_funnel(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)
    page = window.open_section("reports")
    assert isinstance(page, ReportsPage)
    assert isinstance(page.page_at(0), FunnelReportPage)
    assert page.runner is window.tasks
    assert window.current_section() == "reports"
    assert window.workspace.tabText(window.workspace.currentIndex()) == "Reports"
    assert window.open_section("reports") is page
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)


def test_new_deal_presets_the_client_of_the_current_card(qtbot, db, actor, settings, clients):
    window = make_window(qtbot, db, actor, settings)
    window.new_deal_action.trigger()  # no client card: chosen on the deal card
    card = window.current_card()
    assert isinstance(card, DealCard)
    assert card.record_id is None
    assert card._client_id is None
    client_card = window.open_card("client", client_id(db, clients[2]))
    window.new_deal_action.trigger()
    card = window.current_card()
    assert isinstance(card, DealCard)
    assert card.record_id is None and card._client_id == client_card.record_id


def test_the_client_card_lists_its_deals_and_makes_new_ones(qtbot, db, actor, settings):
    deal = make_deal(db, actor, "ООО «Ромашка»", "Поставка гвоздей")
    make_deal(db, actor, "АО «Василёк»", "Чужая сделка")
    window = make_window(qtbot, db, actor, settings)
    card = window.open_card("client", deal.client_id)
    assert isinstance(card, ClientCard)
    titles = [card.tabs.tabText(i) for i in range(card.tabs.count())]
    assert titles[-3:] == ["Deals", "Claims", "History"]
    deals = card.deals
    assert deals is not None and deals.client_id == deal.client_id
    qtbot.waitUntil(lambda: not deals.model.busy)
    assert deals.model.rowCount() == 1
    assert deals.model.index(0, 1).data() == "Поставка гвоздей"
    deals.view.activated.emit(deals.model.index(0, 1))
    opened = window.current_card()
    assert isinstance(opened, DealCard) and opened.record_id == deal.id

    window.workspace.setCurrentWidget(card)
    card.new_deal_button.click()
    new = window.current_card()
    assert isinstance(new, DealCard)
    assert new.record_id is None and new._client_id == deal.client_id


def test_a_new_client_card_has_no_deals_until_saved(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)
    window.new_client_action.trigger()
    card = window.current_card()
    assert isinstance(card, ClientCard)
    assert card.deals is None
    assert not card.new_deal_button.isEnabled()
    card.name.setText("ООО «Новый»")
    window.save_action.trigger()
    assert card.deals is not None and card.deals.client_id == card.record_id
    assert card.new_deal_button.isEnabled()
