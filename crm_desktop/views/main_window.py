"""The main window: sections on the left, a workspace of tabs, menus and a status bar.

Choosing a section opens (or brings forward) its tab in the workspace. Only Clients is live in
this version; the other sections open a short "coming in a later version" page. Cards and more
list tabs will open in the same workspace.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QCoreApplication, QLocale, QSettings, QSize, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from crm_desktop import __version__
from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, UserError
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.lists.clients import ClientListPage
from crm_desktop.views.tasks import TaskRunner


@dataclass(frozen=True)
class Section:
    """A section of the navigation; ``title`` is English, marked in the "Sections" context."""

    key: str
    title: str
    live: bool = False


SECTIONS: tuple[Section, ...] = (
    Section("today", QT_TRANSLATE_NOOP("Sections", "Today")),
    Section("leads", QT_TRANSLATE_NOOP("Sections", "Leads")),
    Section("clients", QT_TRANSLATE_NOOP("Sections", "Clients"), live=True),
    Section("counterparties", QT_TRANSLATE_NOOP("Sections", "Counterparties")),
    Section("contacts", QT_TRANSLATE_NOOP("Sections", "Contacts")),
    Section("deals", QT_TRANSLATE_NOOP("Sections", "Deals")),
    Section("interactions", QT_TRANSLATE_NOOP("Sections", "Interactions")),
    Section("tasks", QT_TRANSLATE_NOOP("Sections", "Tasks")),
    Section("claims", QT_TRANSLATE_NOOP("Sections", "Claims")),
    Section("catalogue", QT_TRANSLATE_NOOP("Sections", "Catalogue")),
    Section("reports", QT_TRANSLATE_NOOP("Sections", "Reports")),
    Section("settings", QT_TRANSLATE_NOOP("Sections", "Settings")),
)
SECTION_BY_KEY = {s.key: s for s in SECTIONS}
HOME_SECTION = "clients"

SECTION_ROLE = Qt.ItemDataRole.UserRole
SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
SETTINGS_SPLITTER = "main_window/splitter"


def section_title(section: Section) -> str:
    return QCoreApplication.translate("Sections", section.title)


def database_location(db: Database) -> str:
    """Where the data lives, for people: the file path, or the URL without its password."""
    if db.sqlite_path is not None:
        return str(db.sqlite_path)
    return make_url(db.url).render_as_string(hide_password=True)


class ComingLaterPage(QWidget):
    """A section that is not in this version yet: says so, and offers the way to Clients.

    Signals: none; ``open_clients`` is the button that leads to the Clients section.
    """

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"comingLater_{section.key}")
        title = QLabel(section_title(section), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.text = QLabel(self.tr("This section is coming in a later version."), self)
        self.text.setWordWrap(True)
        hint = QLabel(
            self.tr("Meanwhile, clients and their contact details are in the Clients section."),
            self,
        )
        hint.setWordWrap(True)
        self.open_clients = QPushButton(self.tr("Open Clients"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addWidget(hint)
        layout.addWidget(self.open_clients, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    """Navigation, workspace tabs, menus, status bar; state kept in QSettings.

    Everything it shows comes from service calls; long work goes through ``self.tasks``.
    """

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self.tasks = TaskRunner(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Sales CRM — {user}").format(user=actor.full_name))

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setUniformItemSizes(True)
        self.navigation.setSpacing(1)
        for section in SECTIONS:
            item = QListWidgetItem(section_title(section), self.navigation)
            item.setData(SECTION_ROLE, section.key)
            if not section.live:
                item.setToolTip(self.tr("Coming in a later version"))
        self.navigation.setMinimumWidth(self.navigation.sizeHintForColumn(0) + 24)

        self.workspace = QTabWidget(self)
        self.workspace.setObjectName("workspace")
        self.workspace.setDocumentMode(True)
        self.workspace.setTabsClosable(True)
        self.workspace.setMovable(True)
        self.workspace.tabCloseRequested.connect(self._on_workspace_tab_close_requested)
        self.workspace.currentChanged.connect(self._on_workspace_current_changed)
        self._section_pages: dict[str, QWidget] = {}

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.navigation.minimumWidth() + 24, 1000])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.clients = ClientListPage(db, self)
        self.clients.model.total_changed.connect(self._on_clients_total_changed)
        self.clients.model.load_failed.connect(self._on_load_failed)
        self._add_section_tab(SECTION_BY_KEY["clients"], self.clients, closable=False)

        self._create_actions()
        self._create_menus()
        self._create_status_bar()
        self.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self.open_section(HOME_SECTION)
        self._restore_state()

    # --- own API -------------------------------------------------------------------------------

    def open_section(self, key: str) -> QWidget:
        """Bring the section's tab forward, opening it first if needed; returns its page."""
        page = self._section_pages.get(key)
        if page is None:
            section = SECTION_BY_KEY[key]
            coming = ComingLaterPage(section, self)
            coming.open_clients.clicked.connect(lambda: self.open_section(HOME_SECTION))
            page = coming
            self._add_section_tab(section, page, closable=True)
        self.workspace.setCurrentWidget(page)
        self._select_in_navigation(key)
        return page

    def current_section(self) -> str | None:
        return self._section_of(self.workspace.currentWidget())

    def section_page(self, key: str) -> QWidget | None:
        return self._section_pages.get(key)

    def refresh(self) -> None:
        """Read the lists again (after the data changed underneath, or on F5)."""
        self.clients.refresh()

    def clients_status_text(self) -> str:
        return self.count_label.text()

    # --- building ------------------------------------------------------------------------------

    def _create_actions(self) -> None:
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.setStatusTip(self.tr("Read the list again from the database"))
        self.refresh_action.triggered.connect(self.refresh)

        self.about_action = QAction(self.tr("&About"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._on_about_triggered)

    def _create_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _create_status_bar(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("clientsCount")
        self.user_label = QLabel(self.tr("User: {name}").format(name=self.actor.full_name), self)
        location = database_location(self.db)
        self.location_label = QLabel(self.tr("Database: {location}").format(location=location))
        self.location_label.setObjectName("databaseLocation")
        self.location_label.setToolTip(location)
        bar = self.statusBar()
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.location_label)
        self._on_clients_total_changed(self.clients.model.total())

    def _add_section_tab(self, section: Section, page: QWidget, *, closable: bool) -> None:
        self._section_pages[section.key] = page
        index = self.workspace.addTab(page, section_title(section))
        if not closable:
            bar = self.workspace.tabBar()
            for side in (QTabBar.ButtonPosition.LeftSide, QTabBar.ButtonPosition.RightSide):
                if bar.tabButton(index, side) is not None:
                    bar.setTabButton(index, side, None)

    def _section_of(self, page: QWidget | None) -> str | None:
        return next((k for k, p in self._section_pages.items() if p is page), None)

    # --- state ---------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(QSize(1280, 800))
        state = self.settings.value(SETTINGS_STATE)
        if isinstance(state, QByteArray | bytes) and state:
            self.restoreState(QByteArray(state))
        splitter = self.settings.value(SETTINGS_SPLITTER)
        if isinstance(splitter, QByteArray | bytes) and splitter:
            self.splitter.restoreState(QByteArray(splitter))
        self.clients.restore_state(self.settings)

    def save_state(self) -> None:
        self.settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self.settings.setValue(SETTINGS_STATE, self.saveState())
        self.settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        self.clients.save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

    # --- slots ---------------------------------------------------------------------------------

    @Slot(int)
    def _on_navigation_current_row_changed(self, row: int) -> None:
        item = self.navigation.item(row)
        if item is not None:
            self.open_section(str(item.data(SECTION_ROLE)))

    @Slot(int)
    def _on_workspace_current_changed(self, _index: int) -> None:
        key = self._section_of(self.workspace.currentWidget())
        if key is not None:
            self._select_in_navigation(key)

    def _select_in_navigation(self, key: str) -> None:
        row = next(i for i, s in enumerate(SECTIONS) if s.key == key)
        if self.navigation.currentRow() != row:
            self.navigation.blockSignals(True)
            try:
                self.navigation.setCurrentRow(row)
            finally:
                self.navigation.blockSignals(False)

    @Slot(int)
    def _on_workspace_tab_close_requested(self, index: int) -> None:
        page = self.workspace.widget(index)
        key = self._section_of(page)
        if page is None or key is None or SECTION_BY_KEY[key].live:
            return
        del self._section_pages[key]
        self.workspace.removeTab(index)
        page.deleteLater()

    @Slot(int)
    def _on_clients_total_changed(self, total: int) -> None:
        count = QLocale().toString(total)
        self.count_label.setText(self.tr("Clients: {count}").format(count=count))

    @Slot(object)
    def _on_load_failed(self, error: object) -> None:
        text = messages.user_message(error) if isinstance(error, UserError) else str(error)
        self.statusBar().showMessage(text)

    @Slot()
    def _on_about_triggered(self) -> None:
        AboutBox.show(self)


class AboutBox:
    """Help → About."""

    @classmethod
    def show(cls, parent: QWidget | None) -> None:
        title = QCoreApplication.translate("AboutBox", "About")
        text = QCoreApplication.translate(
            "AboutBox",
            "<b>Sales CRM</b> {version}<br>Clients, counterparties, contacts and deals of a B2B "
            "sales office.",
        ).format(version=__version__)
        QMessageBox.about(parent, title, text)
