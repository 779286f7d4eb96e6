"""The main window over a real database (SQLite and PostgreSQL), offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from crm_desktop.services import parties as p
from crm_desktop.views import i18n
from crm_desktop.views.main_window import (
    SECTIONS,
    ComingLaterPage,
    MainWindow,
    database_location,
)


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


def test_a_coming_later_section_shows_its_page(qtbot, db, actor, settings, clients):
    window = make_window(qtbot, db, actor, settings)
    deals_row = next(i for i, s in enumerate(SECTIONS) if s.key == "deals")
    window.navigation.setCurrentRow(deals_row)
    page = window.workspace.currentWidget()
    assert isinstance(page, ComingLaterPage)
    assert window.current_section() == "deals"
    assert page.isVisible()
    assert page.text.text() == "This section is coming in a later version."
    assert window.workspace.tabText(window.workspace.currentIndex()) == "Deals"

    qtbot.mouseClick(page.open_clients, Qt.MouseButton.LeftButton)
    assert window.current_section() == "clients"
    assert window.navigation.currentRow() == next(
        i for i, s in enumerate(SECTIONS) if s.key == "clients"
    )

    # the same section again: the same tab, not a second one
    tabs = window.workspace.count()
    assert window.open_section("deals") is page
    assert window.workspace.count() == tabs


def test_every_section_opens_something(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)
    for section in SECTIONS:
        page = window.open_section(section.key)
        assert page.isVisible()
        assert window.current_section() == section.key
        assert isinstance(page, ComingLaterPage) != section.live


def test_coming_later_tabs_close_the_clients_tab_stays(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)
    window.open_section("reports")
    index = window.workspace.currentIndex()
    window.workspace.tabCloseRequested.emit(index)
    assert window.section_page("reports") is None
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

    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # "Circle": no sort key
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


def test_window_speaks_russian(qtbot, db, actor, settings, clients, russian):
    assert len(russian) == 2  # ours and Qt's own
    window = make_window(qtbot, db, actor, settings)
    nav = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert nav[:3] == ["Сегодня", "Лиды", "Клиенты"]
    assert "Контактные лица" in nav
    assert window.count_label.text() == "Клиентов: 5"
    headers = [window.clients.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers[0] == "Наименование"
    assert all(h and not h.isascii() for h in headers)
    page = window.open_section("claims")
    assert isinstance(page, ComingLaterPage)
    assert page.text.text().startswith("Этот раздел")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Файл", "&Вид", "&Справка"]
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Отмена"  # Qt's own
