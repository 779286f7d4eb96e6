"""The main window: sections on the left, a workspace of tabs, menus, toolbar and status bar.

Choosing a section opens (or brings forward) its tab in the workspace: the Clients,
Counterparties, Contacts, Deals and Catalogue lists, the sales funnel report (Reports), Settings;
sections whose features come later open a short "coming in a later version" page. Cards (client,
counterparty, contact, deal, product) open as tabs of the same workspace; opening a card that is
already open brings its tab forward, and a card with unsaved changes asks before its tab (or the
window) closes. File → New deal presets the client whose card is current. Ctrl+N makes a new
client, or a new product while the Catalogue (or a product's card) is in front.

Dialogs that other parts of the program provide (the partner registration wizard, Settings)
are imported when first used, so the window works (with their actions disabled) without them.
"""

from __future__ import annotations

import importlib
import importlib.util
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLocale,
    QSettings,
    QSize,
    Qt,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTabBar,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from crm_desktop import __version__
from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, UserError
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.activities import (
    ACTIVITY_CARDS,
    RegisterInteractionDialog,
    ReminderController,
    TodayPage,
)
from crm_desktop.views.activities.lists import InteractionListPage
from crm_desktop.views.activities.tasks_list import TaskListPage
from crm_desktop.views.cards import CardPage, ClientCard, create_card
from crm_desktop.views.catalogue import ProductCard
from crm_desktop.views.claims import ClaimCard, ClaimListPage
from crm_desktop.views.deals import DealCard
from crm_desktop.views.leads.card import LeadCard
from crm_desktop.views.leads.list import LeadsList
from crm_desktop.views.lists.base import ListPage
from crm_desktop.views.lists.clients import ClientListPage
from crm_desktop.views.lists.contacts import ContactListPage
from crm_desktop.views.lists.counterparties import CounterpartyListPage
from crm_desktop.views.lists.deals import DealListPage
from crm_desktop.views.lists.products import ProductListPage
from crm_desktop.views.reports.hub import ReportsPage
from crm_desktop.views.tasks import TaskRunner


@dataclass(frozen=True)
class Section:
    """A section of the navigation; ``title`` is English, marked in the "Sections" context."""

    key: str
    title: str
    live: bool = False


SECTIONS: tuple[Section, ...] = (
    Section("today", QT_TRANSLATE_NOOP("Sections", "Today"), live=True),
    Section("leads", QT_TRANSLATE_NOOP("Sections", "Leads"), live=True),
    Section("clients", QT_TRANSLATE_NOOP("Sections", "Clients"), live=True),
    Section("counterparties", QT_TRANSLATE_NOOP("Sections", "Counterparties"), live=True),
    Section("contacts", QT_TRANSLATE_NOOP("Sections", "Contacts"), live=True),
    Section("deals", QT_TRANSLATE_NOOP("Sections", "Deals"), live=True),
    Section("interactions", QT_TRANSLATE_NOOP("Sections", "Interactions"), live=True),
    Section("tasks", QT_TRANSLATE_NOOP("Sections", "Tasks"), live=True),
    Section("claims", QT_TRANSLATE_NOOP("Sections", "Claims"), live=True),
    Section("catalogue", QT_TRANSLATE_NOOP("Sections", "Catalogue"), live=True),
    Section("reports", QT_TRANSLATE_NOOP("Sections", "Reports"), live=True),
    Section("settings", QT_TRANSLATE_NOOP("Sections", "Settings"), live=True),
)
SECTION_BY_KEY = {s.key: s for s in SECTIONS}
HOME_SECTION = "clients"


def _task_list_page(db: Database, parent: QWidget) -> ListPage[Any, Any]:
    """The Tasks section: whose tasks it shows depends on who works (the window's actor)."""
    assert isinstance(parent, MainWindow)
    return TaskListPage(db, parent.actor, parent, runner=parent.tasks)


# list sections → their page: (db, parent); .model, .view, .search_box, refresh(),
# save_state(settings), restore_state(settings), open_requested(kind, id)
LIST_PAGES: dict[str, Callable[[Database, QWidget], ListPage[Any, Any]]] = {
    "clients": ClientListPage,
    "counterparties": CounterpartyListPage,
    "contacts": ContactListPage,
    "deals": DealListPage,
    "leads": lambda db, parent: LeadsList(db, None, parent),
    "interactions": InteractionListPage,
    "tasks": _task_list_page,
    "claims": ClaimListPage,
    "catalogue": ProductListPage,
}
REGISTRATION_WIZARD = ("crm_desktop.views.wizards.registration", "RegistrationWizard")
SETTINGS_DIALOG = ("crm_desktop.views.dialogs.settings", "SettingsDialog")

SECTION_ROLE = Qt.ItemDataRole.UserRole
SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
SETTINGS_SPLITTER = "main_window/splitter"
TAB_TITLE_MAX = 40


def section_title(section: Section) -> str:
    return QCoreApplication.translate("Sections", section.title)


def database_location(db: Database) -> str:
    """Where the data lives, for people: the file path, or the URL without its password."""
    if db.sqlite_path is not None:
        return str(db.sqlite_path)
    return make_url(db.url).render_as_string(hide_password=True)


def available(module: str) -> bool:
    """Whether an optional part of the program is installed (without importing it)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def optional_class(module: str, name: str) -> Any:
    """``module.name``, imported now; None when the module is not there."""
    if not available(module):
        return None
    return getattr(importlib.import_module(module), name, None)


def section_is_live(section: Section) -> bool:
    """Live sections open a working page; the rest say what is coming."""
    return section.live


def tab_text(title: str) -> str:
    return title if len(title) <= TAB_TITLE_MAX else title[: TAB_TITLE_MAX - 1].rstrip() + "…"


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


class SettingsPage(QWidget):
    """The Settings section: what can be set, and the button that opens the dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        title = QLabel(section_title(SECTION_BY_KEY["settings"]), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.text = QLabel(
            self.tr(
                "The database (a file on this computer or the office server), the language, "
                "your name, and the mandatory fields of each client circle."
            ),
            self,
        )
        self.text.setWordWrap(True)
        self.open_settings = QPushButton(self.tr("Open settings…"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addWidget(self.open_settings, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    """Navigation, workspace tabs (lists and cards), menus, toolbar, status bar; state kept in
    QSettings.

    Everything it shows comes from service calls; long work goes through ``self.tasks``.
    """

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        settings: QSettings,
        parent: QWidget | None = None,
        start_reminders: bool = True,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self.tasks = TaskRunner(self)
        self.setObjectName("mainWindow")
        self._update_window_title()

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setUniformItemSizes(True)
        self.navigation.setSpacing(1)
        for section in SECTIONS:
            item = QListWidgetItem(section_title(section), self.navigation)
            item.setData(SECTION_ROLE, section.key)
            if not section_is_live(section):
                item.setToolTip(self.tr("Coming in a later version"))
        self.navigation.setMinimumWidth(self.navigation.sizeHintForColumn(0) + 24)

        self.workspace = QTabWidget(self)
        self.workspace.setObjectName("workspace")
        self.workspace.setDocumentMode(True)
        self.workspace.setTabsClosable(True)
        self.workspace.setMovable(True)
        self.workspace.setElideMode(Qt.TextElideMode.ElideNone)  # titles are cut at TAB_TITLE_MAX
        self.workspace.setUsesScrollButtons(True)
        self.workspace.tabCloseRequested.connect(self._on_workspace_tab_close_requested)
        self.workspace.currentChanged.connect(self._on_workspace_current_changed)
        self._section_pages: dict[str, QWidget] = {}
        self._cards: dict[tuple[str, uuid.UUID], CardPage] = {}
        self._stale_lists: set[str] = set()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.navigation.minimumWidth() + 24, 1000])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.clients = ClientListPage(db, self)
        self.clients.model.total_changed.connect(self._on_clients_total_changed)
        self._connect_list_page(self.clients)
        self._add_section_tab(SECTION_BY_KEY["clients"], self.clients, closable=False)

        self._create_actions()
        self._create_menus()
        self._create_tool_bar()
        self._create_status_bar()
        self.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self.open_section(HOME_SECTION)
        self._restore_state()
        self._update_actions()

        # due tasks, planned interactions and overdue plan actions pop up now and every minute
        self.reminders = ReminderController(self.db, self.actor, self, window_parent=self)
        self.reminders.open_requested.connect(self.open_card)
        if start_reminders:
            self.reminders.start()

    # --- sections ------------------------------------------------------------------------------

    def open_section(self, key: str) -> QWidget:
        """Bring the section's tab forward, opening it first if needed; returns its page."""
        page = self._section_pages.get(key)
        if page is None:
            section = SECTION_BY_KEY[key]
            page = self._create_section_page(section)
            self._add_section_tab(section, page, closable=True)
        self.workspace.setCurrentWidget(page)
        self._select_in_navigation(key)
        return page

    def current_section(self) -> str | None:
        return self._section_of(self.workspace.currentWidget())

    def section_page(self, key: str) -> QWidget | None:
        return self._section_pages.get(key)

    def refresh(self) -> None:
        """Read the current list (or the current card's lists) again; other lists when shown."""
        current = self.workspace.currentWidget()
        self._stale_lists.update(k for k in LIST_PAGES if k in self._section_pages)
        if isinstance(current, CardPage):
            current.refresh_related()
            current.history.stale = True
            if current.tabs.currentWidget() is current.history:
                current.history.load()
        if isinstance(current, TodayPage):
            current.refresh()
        self._refresh_list_if_shown()
        if current is not self.clients:  # the status bar count is always the clients'
            self.clients.refresh()
            self._stale_lists.discard("clients")

    def clients_status_text(self) -> str:
        return self.count_label.text()

    def _create_section_page(self, section: Section) -> QWidget:
        if section.key == "settings":
            settings_page = SettingsPage(self)
            settings_page.open_settings.clicked.connect(self.open_settings)
            settings_page.open_settings.setEnabled(self.settings_action.isEnabled())
            return settings_page
        if section.key == "reports":
            reports = ReportsPage(self.db, self.actor, self, runner=self.tasks)
            reports.open_requested.connect(self.open_card)
            return reports
        if section.key == "today":
            today = TodayPage(self.db, self.actor, self, runner=self.tasks)
            today.open_requested.connect(self.open_card)
            return today
        if section.key in LIST_PAGES:
            page = LIST_PAGES[section.key](self.db, self)
            self._connect_list_page(page)
            page.restore_state(self.settings)
            return page
        coming = ComingLaterPage(section, self)
        coming.open_clients.clicked.connect(lambda: self.open_section(HOME_SECTION))
        return coming

    def _connect_list_page(self, page: ListPage[Any, Any]) -> None:
        """Double-click / Enter on a row opens its card; a list's New button, a new card."""
        page.open_requested.connect(self.open_card)
        page.model.load_failed.connect(self._on_load_failed)
        if isinstance(page, ProductListPage | LeadsList):
            page.new_requested.connect(lambda kind: self.new_card(kind))
        if isinstance(page, ClaimListPage | TaskListPage):
            page.new_requested.connect(
                lambda kind, preset: self.new_card(kind, **dict(preset or {}))
            )

    # --- cards ---------------------------------------------------------------------------------

    def open_card(self, kind: str, record_id: Any) -> CardPage:
        """The record's card: its tab brought forward if open, else a new tab."""
        record_id = record_id if isinstance(record_id, uuid.UUID) else uuid.UUID(str(record_id))
        card = self._cards.get((kind, record_id))
        if card is None:
            card = self._create_card(kind, record_id)
            self._cards[(kind, record_id)] = card
            self._add_card(card)
        self.workspace.setCurrentWidget(card)
        return card

    def new_card(self, kind: str, **preset: Any) -> CardPage:
        """A card for a new record of ``kind`` (``preset``: e.g. ``client_id`` of a new
        counterparty)."""
        card = self._create_card(kind, None, **preset)
        self._add_card(card)
        self.workspace.setCurrentWidget(card)
        card.setFocus()
        return card

    def new_deal(self) -> CardPage:
        """A new deal's card; for the client whose card is current, if one is."""
        current = self.current_card()
        if isinstance(current, ClientCard) and current.record_id is not None:
            return self.new_card("deal", client_id=current.record_id)
        return self.new_card("deal")

    def new_product(self) -> CardPage:
        """A new product's card (Ctrl+N in the Catalogue)."""
        return self.new_card("product")

    def _create_card(self, kind: str, record_id: uuid.UUID | None, **preset: Any) -> CardPage:
        if kind in ACTIVITY_CARDS:
            activity: CardPage = ACTIVITY_CARDS[kind](
                self.db, self.actor, record_id, self, **preset
            )
            return activity
        if kind == "lead":
            lead = LeadCard(self.db, self.actor, record_id, self)
            lead.converted.connect(lambda _details: self._on_lead_converted())
            return lead
        if kind == "claim":
            return ClaimCard(self.db, self.actor, record_id, self, **preset)
        if kind == "deal":
            deal = DealCard(self.db, self.actor, record_id, self, **preset)
            deal.settings_requested.connect(lambda page: self.open_settings(page))
            return deal
        if kind == "product":
            return ProductCard(self.db, self.actor, record_id, self, **preset)
        return create_card(kind, self.db, self.actor, record_id, self, **preset)

    def cards(self) -> list[CardPage]:
        return [
            w
            for i in range(self.workspace.count())
            if isinstance(w := self.workspace.widget(i), CardPage)
        ]

    def current_card(self) -> CardPage | None:
        current = self.workspace.currentWidget()
        return current if isinstance(current, CardPage) else None

    def close_tab(self, index: int) -> bool:
        """Close the tab at ``index`` if it may close (a changed card asks). True if closed."""
        page = self.workspace.widget(index)
        if page is None:
            return False
        if isinstance(page, CardPage):
            return self.close_card(page)
        key = self._section_of(page)
        if key is None or key == HOME_SECTION:
            return False
        save = getattr(page, "save_state", None)
        if save is not None:
            save(self.settings)
        del self._section_pages[key]
        self.workspace.removeTab(index)
        page.deleteLater()
        return True

    def close_card(self, card: CardPage, *, ask: bool = True) -> bool:
        if ask:
            self.workspace.setCurrentWidget(card)
            if not card.confirm_close():
                return False
        for key, open_card in list(self._cards.items()):
            if open_card is card:
                del self._cards[key]
        index = self.workspace.indexOf(card)
        if index >= 0:
            self.workspace.removeTab(index)
        card.deleteLater()
        return True

    def _add_card(self, card: CardPage) -> None:
        card.title_changed.connect(lambda title: self._on_card_title_changed(card, title))
        card.saved.connect(lambda kind, record_id: self._on_card_saved(card, kind, record_id))
        card.open_requested.connect(self.open_card)
        card.new_requested.connect(lambda kind, preset: self.new_card(kind, **dict(preset or {})))
        card.close_requested.connect(lambda: self.close_card(card, ask=False))
        index = self.workspace.addTab(card, tab_text(card.title()))
        self.workspace.setTabToolTip(index, card.title())

    def _on_card_title_changed(self, card: CardPage, title: str) -> None:
        index = self.workspace.indexOf(card)
        if index >= 0:
            self.workspace.setTabText(index, tab_text(title))
            self.workspace.setTabToolTip(index, title)

    def _on_card_saved(self, card: CardPage, kind: str, record_id: uuid.UUID) -> None:
        if card.record_id is not None and (card.kind, card.record_id) not in self._cards:
            self._cards[(card.kind, card.record_id)] = card  # a new record got its id
        self._stale_lists.update(k for k in LIST_PAGES if k in self._section_pages)
        self.statusBar().showMessage(
            self.tr("Saved: {title}").format(title=card.plain_title()), 5000
        )
        for other in self.cards():
            if other is not card:
                other.refresh_related()
                other.history.stale = True

    # --- commands ------------------------------------------------------------------------------

    def save_current(self) -> bool:
        card = self.current_card()
        return card.save() if card is not None else False

    def close_current_tab(self) -> bool:
        return self.close_tab(self.workspace.currentIndex())

    def next_tab(self) -> None:
        count = self.workspace.count()
        if count:
            self.workspace.setCurrentIndex((self.workspace.currentIndex() + 1) % count)

    def previous_tab(self) -> None:
        count = self.workspace.count()
        if count:
            self.workspace.setCurrentIndex((self.workspace.currentIndex() - 1) % count)

    def focus_search(self) -> bool:
        """Focus the current list's search box, if it has one."""
        box = getattr(self.workspace.currentWidget(), "search_box", None)
        if box is None:
            return False
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()
        return True

    def register_partner(self) -> uuid.UUID | None:
        """The registration wizard; the new (or chosen existing) client's card opens."""
        wizard = optional_class(*REGISTRATION_WIZARD)
        if wizard is None:
            return None
        client_id: uuid.UUID | None = wizard.run(self, self.db, self.actor)
        if client_id is None:
            return None
        self.clients.refresh()
        self._stale_lists.update(k for k in LIST_PAGES if k in self._section_pages)
        self.open_card("client", client_id)
        return client_id

    def _on_lead_converted(self) -> None:
        self.clients.refresh()
        self._stale_lists.update(k for k in LIST_PAGES if k in self._section_pages)

    def register_interaction(self) -> uuid.UUID | None:
        """The quick "register interaction" dialog (Ctrl+Shift+I), linked to the record whose
        card is current."""
        card, links = self.current_card(), dict[str, Any]()
        if (
            card is not None
            and card.record_id is not None
            and card.kind
            in (
                "client",
                "contact",
                "deal",
                "lead",
                "claim",
            )
        ):
            links[f"{card.kind}_id"] = card.record_id
        dialog = RegisterInteractionDialog(self.db, self.actor, self, **links)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        for other in self.cards():
            other.refresh_related()
        self._stale_lists.update(k for k in LIST_PAGES if k in self._section_pages)
        self._refresh_list_if_shown()
        return dialog.interaction_id

    def open_settings(self, page: str | None = None) -> bool:
        """The Settings dialog (at ``page``: "email", "companies"); True when what was saved
        needs a restart."""
        dialog = optional_class(*SETTINGS_DIALOG)
        if dialog is None:
            return False
        kwargs: dict[str, Any] = {"on_renamed": self._on_actor_renamed}
        if page:
            kwargs["page"] = page
        restart = bool(dialog.ask(self, self.db, self.actor, self.settings, **kwargs))
        if restart:
            self.statusBar().showMessage(
                self.tr("Restart the program to use the new settings."), 15_000
            )
        return restart

    # --- building ------------------------------------------------------------------------------

    def _icon(self, theme: str, fallback: QStyle.StandardPixmap) -> QIcon:
        return QIcon.fromTheme(theme, self.style().standardIcon(fallback))

    def _create_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.new_client_action = QAction(
            self._icon("document-new", sp.SP_FileIcon), self.tr("New &client"), self
        )
        self.new_client_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_client_action.setStatusTip(self.tr("Open the card of a new client"))
        self.new_client_action.triggered.connect(lambda: self.new_card("client"))

        self.new_counterparty_action = QAction(self.tr("New c&ounterparty"), self)
        self.new_counterparty_action.triggered.connect(lambda: self.new_card("counterparty"))
        self.new_contact_action = QAction(self.tr("New contact &person"), self)
        self.new_contact_action.triggered.connect(lambda: self.new_card("contact"))
        self.new_deal_action = QAction(self.tr("New &deal"), self)
        self.new_deal_action.setStatusTip(
            self.tr("Open the card of a new deal (of the client whose card is open)")
        )
        self.new_deal_action.triggered.connect(self.new_deal)
        self.new_product_action = QAction(self.tr("New prod&uct"), self)
        self.new_product_action.setStatusTip(
            self.tr("Open the card of a new product or service of the catalogue")
        )
        self.new_product_action.triggered.connect(self.new_product)

        self.register_action = QAction(
            self._icon("contact-new", sp.SP_FileDialogNewFolder),
            self.tr("&Register partner…"),
            self,
        )
        self.register_action.setStatusTip(
            self.tr("The new partner registration wizard, with the duplicate check")
        )
        self.register_action.setEnabled(available(REGISTRATION_WIZARD[0]))
        self.register_action.triggered.connect(self.register_partner)

        self.save_action = QAction(
            self._icon("document-save", sp.SP_DialogSaveButton), self.tr("&Save"), self
        )
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.setStatusTip(self.tr("Save the current card"))
        self.save_action.triggered.connect(self.save_current)

        self.close_tab_action = QAction(self.tr("&Close tab"), self)
        self.close_tab_action.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_W),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_F4),
            ]
        )
        self.close_tab_action.triggered.connect(self.close_current_tab)

        self.find_action = QAction(
            self._icon("edit-find", sp.SP_FileDialogContentsView), self.tr("&Find"), self
        )
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setStatusTip(self.tr("Go to the search box of the list"))
        self.find_action.triggered.connect(self.focus_search)

        self.next_tab_action = QAction(self.tr("&Next tab"), self)
        self.next_tab_action.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Tab),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown),
            ]
        )
        self.next_tab_action.triggered.connect(self.next_tab)
        self.previous_tab_action = QAction(self.tr("&Previous tab"), self)
        self.previous_tab_action.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Tab),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Backtab),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp),
            ]
        )
        self.previous_tab_action.triggered.connect(self.previous_tab)

        self.refresh_action = QAction(
            self._icon("view-refresh", sp.SP_BrowserReload), self.tr("&Refresh"), self
        )
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.setStatusTip(self.tr("Read the list again from the database"))
        self.refresh_action.triggered.connect(self.refresh)

        self.settings_action = QAction(self.tr("Se&ttings…"), self)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.setEnabled(available(SETTINGS_DIALOG[0]))
        self.settings_action.triggered.connect(lambda: self.open_settings())

        self.register_interaction_action = QAction(self.tr("Register &interaction…"), self)
        self.register_interaction_action.setShortcut(
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_I)
        )
        self.register_interaction_action.setStatusTip(
            self.tr("Record a call, meeting or e-mail now, linked to the open card")
        )
        self.register_interaction_action.triggered.connect(self.register_interaction)

        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.about_action = QAction(self.tr("&About"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._on_about_triggered)

        for action in (
            self.next_tab_action,
            self.previous_tab_action,
            self.close_tab_action,
            self.register_interaction_action,
        ):
            self.addAction(action)  # work while the menu bar is hidden, too

    def _create_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_client_action)
        file_menu.addAction(self.new_counterparty_action)
        file_menu.addAction(self.new_contact_action)
        file_menu.addAction(self.new_deal_action)
        file_menu.addAction(self.new_product_action)
        file_menu.addAction(self.register_action)
        file_menu.addAction(self.register_interaction_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.close_tab_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.find_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        view_menu.addAction(self.next_tab_action)
        view_menu.addAction(self.previous_tab_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _create_tool_bar(self) -> None:
        self.tool_bar = QToolBar(self.tr("Main toolbar"), self)
        self.tool_bar.setObjectName("mainToolBar")
        self.tool_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.tool_bar.setIconSize(QSize(16, 16))
        self.tool_bar.setMovable(False)
        for action in (
            self.new_client_action,
            self.register_action,
            self.save_action,
            self.refresh_action,
        ):
            self.tool_bar.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.tool_bar)

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

    def _update_window_title(self) -> None:
        self.setWindowTitle(self.tr("Sales CRM — {user}").format(user=self.actor.full_name))

    def _update_actions(self) -> None:
        current = self.workspace.currentWidget()
        self.save_action.setEnabled(isinstance(current, CardPage))
        self.find_action.setEnabled(getattr(current, "search_box", None) is not None)
        key = self._section_of(current)
        self.close_tab_action.setEnabled(current is not None and key != HOME_SECTION)
        # Ctrl+N makes what the section in front holds: a product in the Catalogue
        in_catalogue = key == "catalogue" or isinstance(current, ProductCard)
        new = QKeySequence(QKeySequence.StandardKey.New)
        self.new_client_action.setShortcut(QKeySequence() if in_catalogue else new)
        self.new_product_action.setShortcut(new if in_catalogue else QKeySequence())

    def _refresh_list_if_shown(self) -> None:
        key = self._section_of(self.workspace.currentWidget())
        if key in self._stale_lists:
            self._stale_lists.discard(key)
            page = self._section_pages[key]
            refresh = getattr(page, "refresh", None)
            if refresh is not None:
                refresh()

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
        for page in self._section_pages.values():
            save = getattr(page, "save_state", None)
            if save is not None:
                save(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for card in self.cards():
            if card.is_dirty():
                self.workspace.setCurrentWidget(card)
                if not card.confirm_close():
                    event.ignore()
                    return
        self.reminders.stop()
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
            self._refresh_list_if_shown()
        if hasattr(self, "save_action"):
            self._update_actions()

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
        self.close_tab(index)

    @Slot(int)
    def _on_clients_total_changed(self, total: int) -> None:
        count = QLocale().toString(total)
        self.count_label.setText(self.tr("Clients: {count}").format(count=count))

    @Slot(object)
    def _on_load_failed(self, error: object) -> None:
        text = messages.user_message(error) if isinstance(error, UserError) else str(error)
        self.statusBar().showMessage(text)

    def _on_actor_renamed(self, actor: Actor) -> None:
        self.actor = actor
        self._update_window_title()
        self.user_label.setText(self.tr("User: {name}").format(name=actor.full_name))
        for card in self.cards():
            card.actor = actor

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
