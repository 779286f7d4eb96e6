"""What every card shares: tabs, Save / Save and close / Reload, the dirty flag, field errors
next to their fields, the stale-card banner, the unsaved-changes question.

A card binds its DTO to its widgets explicitly: :meth:`CardPage.fill` puts a ``*Details`` into
the widgets, :meth:`CardPage.collect` reads them back into a ``*Draft``, :meth:`show_errors`
puts each message of a service's ValidationError next to the field it names. Saving is one
service call on the GUI thread (a single short transaction). Links, relations and history are
read and changed by their own service calls, apart from the card's Save.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import ConcurrencyError, Message, UserError, ValidationError
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.cards.dialogs import CompareDialog, Confirm, Difference, UnsavedChanges
from crm_desktop.views.cards.history import HistoryView
from crm_desktop.views.cards.labels import field_label
from crm_desktop.views.widgets.edit_table import EditableTable
from crm_desktop.views.widgets.fields import (
    ERROR_COLOR,
    Banner,
    ErrorLabel,
    FieldBox,
    OptionalDateEdit,
)

_PART = re.compile(r"^(?P<name>[a-z_]+)\[(?P<row>\d+)\](?:\.(?P<field>[a-z_]+))?$")


class CardPage(QWidget):
    """A record's card in a workspace tab.

    Signals:
        title_changed(title): the tab title changed (the name, or the dirty mark).
        saved(kind, id): the record was saved (created: ``id`` is new).
        open_requested(kind, id): the user wants another record's card.
        new_requested(kind, preset): the user wants a new card of ``kind``; ``preset`` is a dict
            of the new card's constructor keywords (``client_id=…``).
        close_requested(): "Save and close" saved; the tab may go without asking.
    """

    title_changed = Signal(str)
    saved = Signal(str, object)
    open_requested = Signal(str, object)
    new_requested = Signal(str, object)
    close_requested = Signal()

    kind: ClassVar[str] = ""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.record_id = record_id
        self.version: int | None = None
        self.stale_error: ConcurrencyError | None = None
        self._dirty = False
        self._loading = False
        self._fields: dict[str, FieldBox] = {}
        self._tables: dict[str, EditableTable] = {}
        self._labels: dict[str, tuple[ErrorLabel, QWidget]] = {}
        self._order: list[str] = []
        self._error_tabs: set[int] = set()
        self.setObjectName(f"{self.kind}Card")

        self.save_close_button = QPushButton(self.tr("Save and close"), self)
        self.save_close_button.setObjectName("saveAndClose")
        self.save_close_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setToolTip(self.tr("Read the card again from the database"))
        self.more_button = QToolButton(self)
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        self.more_button.hide()
        self.save_close_button.clicked.connect(self._on_save_close_button_clicked)
        self.save_button.clicked.connect(self.save)
        self.reload_button.clicked.connect(self._on_reload_button_clicked)

        self.banner = Banner(self)
        self.banner_reload = self.banner.add_button(self.tr("Reload (discard mine)"))
        self.banner_compare = self.banner.add_button(self.tr("Compare…"))
        self.banner_reload.clicked.connect(self._on_banner_reload_clicked)
        self.banner_compare.clicked.connect(self.compare)
        self.general_error = ErrorLabel(self)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("cardTabs")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.history = HistoryView(db, self.kind, self)

        commands = QHBoxLayout()
        commands.setSpacing(6)
        commands.addWidget(self.save_close_button)
        commands.addWidget(self.save_button)
        commands.addWidget(self.reload_button)
        commands.addStretch(1)
        commands.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(commands)
        layout.addWidget(self.banner)
        layout.addWidget(self.general_error)
        layout.addWidget(self.tabs, 1)

        self.build()
        self.tabs.addTab(self.history, self.tr("History"))
        if record_id is None:
            self._loading = True
            try:
                self.fill_new()
            finally:
                self._loading = False
            self._after_load()
        else:
            self.reload(ask=False)

    # --- what a card provides ------------------------------------------------------------------

    def build(self) -> None:
        """Create the tabs and fields (:meth:`field`, :meth:`table`, :meth:`label_for`)."""
        raise NotImplementedError

    def fetch(self) -> Any:
        """The record's ``*Details`` from its service."""
        raise NotImplementedError

    def fill(self, details: Any) -> None:
        """Put ``details`` into the widgets."""
        raise NotImplementedError

    def fill_new(self) -> None:
        """Defaults of a new record."""

    def collect(self) -> Any:
        """The widgets as a ``*Draft`` (may raise ValidationError for what cannot be parsed)."""
        raise NotImplementedError

    def write(self, draft: Any) -> Any:
        """Create or update through the service; returns the new ``*Details``."""
        raise NotImplementedError

    def draft_of(self, details: Any) -> Any:
        """A draft with the values of ``details`` (for comparing with the user's draft)."""
        raise NotImplementedError

    def describe(self, draft: Any) -> list[tuple[str, str]]:
        """(field, text as shown) of a draft's values, for the compare dialog."""
        raise NotImplementedError

    def record_name(self) -> str:
        """The record's name for the tab title ("" while new)."""
        raise NotImplementedError

    def kind_title(self) -> str:
        """What the card is ("Client"), for the tab title."""
        raise NotImplementedError

    def new_title(self) -> str:
        raise NotImplementedError

    def refresh_related(self) -> None:
        """Read the linked lists again (after a save, or when another card saved)."""

    def after_created(self) -> None:
        """Called once after the first save of a new record."""

    # --- building helpers ----------------------------------------------------------------------

    def field(self, name: str, editor: QWidget) -> FieldBox:
        """Register ``editor`` as the widget of draft field ``name``: it gets an error line and
        its edits make the card dirty."""
        box = FieldBox(editor, self)
        self._fields[name] = box
        self._order.append(name)
        self.watch(editor)
        return box

    def table(self, name: str, table: EditableTable) -> EditableTable:
        """Register an editable table whose rows are the draft's ``name[i]`` parts."""
        self._tables[name] = table
        self._order.append(name)
        table.changed.connect(self._on_edited)
        return table

    def label_for(self, name: str, label: ErrorLabel, focus: QWidget) -> None:
        """Errors about ``name`` (a list on another tab) go to ``label``; ``focus`` gets focus."""
        self._labels[name] = (label, focus)
        self._order.append(name)

    def watch(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(self._on_edited)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._on_edited)
            if widget.isEditable():
                widget.currentTextChanged.connect(self._on_edited)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self._on_edited)
        elif isinstance(widget, OptionalDateEdit):
            widget.value_changed.connect(self._on_edited)
        elif isinstance(widget, EditableTable):
            widget.changed.connect(self._on_edited)

    def field_box(self, name: str) -> FieldBox:
        return self._fields[name]

    def add_more_action(self, text: str) -> Any:
        action = self.more_menu.addAction(text)
        self.more_button.show()
        return action

    # --- state ---------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self._dirty

    def is_new(self) -> bool:
        return self.record_id is None

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.title_changed.emit(self.title())

    def title(self) -> str:
        """The tab title: "<name> (<kind>)", with "*" while there are unsaved changes."""
        name = self.record_name()
        text = f"{name} ({self.kind_title()})" if name and not self.is_new() else self.new_title()
        return f"{text}*" if self._dirty else text

    def plain_title(self) -> str:
        return self.title().rstrip("*")

    # --- commands ------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save through the service; on refusal show why and keep everything typed."""
        self.clear_errors()
        try:
            draft = self.collect()
            details = self.write(draft)
        except ValidationError as error:
            self.show_errors(error.field_errors)
            return False
        except ConcurrencyError as error:
            self.show_stale(error)
            return False
        except UserError as error:
            messages.report_error(self, error)
            return False
        created = self.record_id is None
        self._take(details)
        if created:
            self.after_created()
        self.saved.emit(self.kind, self.record_id)
        return True

    def _link_call(self, fn: Any, *args: Any, **kwargs: Any) -> bool:
        """A link service call (``fn(db, actor, …)``); the lists are read again afterwards."""
        try:
            fn(self.db, self.actor, *args, **kwargs)
        except UserError as error:
            messages.report_error(self, error)
            return False
        self.refresh_related()
        self.history.stale = True
        self.saved.emit(self.kind, self.record_id)
        return True

    def reload(self, *, ask: bool = True) -> bool:
        """Read the record again; with ``ask``, a changed card asks before dropping the edits."""
        if self.record_id is None:
            return False
        if ask and self._dirty:
            question = self.tr("Discard your changes and read the card again?")
            if not Confirm.ask(self, self.plain_title(), question):
                return False
        try:
            details = self.fetch()
        except UserError as error:
            self.general_error.show_error(messages.user_message(error))
            self.tabs.setEnabled(False)
            self.save_button.setEnabled(False)
            self.save_close_button.setEnabled(False)
            return False
        self.clear_errors()
        self._take(details)
        return True

    def confirm_close(self) -> bool:
        """May the tab close? A changed card asks: save (and close if that worked), discard,
        or stay."""
        if not self._dirty:
            return True
        answer = UnsavedChanges.ask(self, self.plain_title())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def compare(self) -> None:
        """Show the user's values beside the saved ones; "keep mine" lets them save over."""
        try:
            fresh = self.fetch()
            mine = self.collect()
        except UserError as error:
            messages.report_error(self, error)
            return
        theirs = dict(self.describe(self.draft_of(fresh)))
        differences = [
            Difference(name, field_label(name), text, theirs.get(name, ""))
            for name, text in self.describe(mine)
            if text != theirs.get(name, "")
        ]
        if CompareDialog.ask(self, differences):
            self.version = fresh.version
            self.stale_error = None
            self.banner.hide()
            self.set_dirty(True)

    # --- errors --------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for box in self._fields.values():
            box.clear_error()
        for table in self._tables.values():
            table.clear_errors()
        for label, _focus in self._labels.values():
            label.clear_error()
        self.general_error.clear_error()
        bar = self.tabs.tabBar()
        for index in self._error_tabs:
            bar.setTabTextColor(index, QColor())
        self._error_tabs.clear()

    def show_errors(self, field_errors: Mapping[str, Message]) -> None:
        """Each message next to its field, translated; the first bad field gets focus."""
        first: tuple[tuple[int, int], QWidget, Any] | None = None
        general: list[str] = []
        for name, message in field_errors.items():
            text = messages.message_text(message)
            target = self._show_error(name, text)
            if target is None:
                general.append(text)
                continue
            rank, widget, focus = target
            self._mark_tab_of(widget)
            if first is None or rank < first[0]:
                first = (rank, widget, focus)
        if general:
            self.general_error.show_error("\n".join(general))
        if first is not None:
            _rank, widget, focus = first
            index = self._tab_of(widget)
            if index is not None:
                self.tabs.setCurrentIndex(index)
            focus()

    def errors_shown(self) -> dict[str, str]:
        """What is shown now: field (or ``name[row].field``) → text. For tests and debugging."""
        shown = {n: b.error.text() for n, b in self._fields.items() if b.error.text()}
        for name, table in self._tables.items():
            for row, field in table.error_cells():
                item = table.table.item(row, table._column_for(field))
                shown[f"{name}[{row}].{field}"] = item.toolTip() if item else ""
            if table.error.text():
                shown[name] = table.error.text()
        for name, (label, _focus) in self._labels.items():
            if label.text():
                shown[name] = label.text()
        if self.general_error.text():
            shown[""] = self.general_error.text()
        return shown

    def _rank(self, name: str, row: int = 0) -> tuple[int, int]:
        return (self._order.index(name) if name in self._order else len(self._order), row)

    def _show_error(self, name: str, text: str) -> tuple[tuple[int, int], QWidget, Any] | None:
        box = self._fields.get(name)
        if box is not None:
            box.show_error(text)
            return self._rank(name), box.editor, box.editor.setFocus
        part = _PART.match(name)
        if part is not None and part["name"] in self._tables:
            table = self._tables[part["name"]]
            row = int(part["row"])
            table.mark_error(row, part["field"], text)
            return (
                self._rank(part["name"], row),
                table,
                lambda: table.focus_cell(row, part["field"]),
            )
        if name in self._tables:
            table = self._tables[name]
            table.show_message(text)
            return self._rank(name), table, table.table.setFocus
        if name in self._labels:
            label, focus = self._labels[name]
            label.show_error(text)
            return self._rank(name), focus, focus.setFocus
        return None

    def _tab_of(self, widget: QWidget) -> int | None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                return index
        return None

    def _mark_tab_of(self, widget: QWidget) -> None:
        index = self._tab_of(widget)
        if index is not None:
            self.tabs.tabBar().setTabTextColor(index, QColor(ERROR_COLOR))
            self._error_tabs.add(index)

    def show_stale(self, error: ConcurrencyError) -> None:
        """Someone saved the record meanwhile: say who and when; keep what was typed."""
        self.stale_error = error
        self.banner.show_text(messages.user_message(error))

    # --- inside --------------------------------------------------------------------------------

    def _take(self, details: Any) -> None:
        """Show saved ``details``: the card is clean and up to date again."""
        self.record_id = details.id
        self.version = details.version
        self.stale_error = None
        self.banner.hide()
        self._loading = True
        try:
            self.fill(details)
        finally:
            self._loading = False
        self._dirty = False
        self._after_load()

    def _after_load(self) -> None:
        self.reload_button.setEnabled(self.record_id is not None)
        self.history.set_record(self.record_id)
        self.refresh_related()
        if self.tabs.currentWidget() is self.history:
            self.history.load()
        self.title_changed.emit(self.title())

    @Slot()
    def _on_edited(self, *_args: Any) -> None:
        if not self._loading:
            self.set_dirty(True)

    @Slot()
    def _on_save_close_button_clicked(self) -> None:
        if self.save():
            self.close_requested.emit()

    @Slot()
    def _on_reload_button_clicked(self) -> None:
        self.reload(ask=True)

    @Slot()
    def _on_banner_reload_clicked(self) -> None:
        self.reload(ask=False)

    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.history and self.history.stale:
            self.history.load()


def combo_index(combo: QComboBox, value: Any) -> int:
    """The index of the item whose data equals ``value``, or -1 (by value: ``findData``
    compares Python objects such as UUIDs by identity)."""
    if value is None:
        return -1
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


def set_combo_data(combo: QComboBox, value: Any) -> None:
    """Select the item whose data is ``value`` (the empty first item for None/unknown)."""
    index = combo_index(combo, value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, Any]], *, empty: bool) -> None:
    """(text, data) items, after an empty "not chosen" item when ``empty``."""
    combo.clear()
    if empty:
        combo.addItem("", None)
    for text, data in items:
        combo.addItem(text, data)


def form_layout() -> QFormLayout:
    """A form with room between labels and fields, labels on the left like 1C forms."""
    form = QFormLayout()
    form.setHorizontalSpacing(12)
    form.setVerticalSpacing(6)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return form


def text_or_none(text: str) -> str | None:
    return text.strip() or None


__all__ = [
    "CardPage",
    "combo_index",
    "fill_combo",
    "form_layout",
    "set_combo_data",
    "text_or_none",
]
