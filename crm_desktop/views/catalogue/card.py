"""The product card («Номенклатура»): Main (SKU, name, kind, VAT, the three units), Prices,
History.

Main is saved with the card (Save, Ctrl+S); a price is saved at once when added or removed
(``set_price`` / ``remove_price``), apart from the card's Save. The units read in plain words
under them: «1 упак = 5 кг; 1 пал = 100 упак = 500 кг».
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, UserError, ValidationError
from crm_desktop.services import catalogue as c
from crm_desktop.services import parties as p
from crm_desktop.services.cards import HistoryLine, card_history
from crm_desktop.services.catalogue import PriceRow, ProductDetails, ProductDraft, UnitRow
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.cards.base import (
    CardPage,
    fill_combo,
    form_layout,
    set_combo_data,
    text_or_none,
)
from crm_desktop.views.cards.dialogs import CompareDialog, Confirm, Difference
from crm_desktop.views.cards.history import HistoryModel, HistoryView
from crm_desktop.views.cards.labels import HISTORY_ACTIONS, date_text, history_value, yes_no
from crm_desktop.views.cards.links import LinkTable
from crm_desktop.views.deals.labels import money_text, parse_decimal
from crm_desktop.views.itemmodels.products import (
    KIND_LABELS,
    VAT_CODES,
    count_text,
    kind_label,
    vat_label,
)
from crm_desktop.views.widgets.fields import FieldBox, IntLineEdit

AnyIndex = QModelIndex | QPersistentModelIndex
FIELDS_CONTEXT = "ProductFields"

# the product's fields as the History tab and the compare dialog name them
FIELD_LABELS: dict[str, str] = {
    "sku": QT_TRANSLATE_NOOP("ProductFields", "SKU"),
    "name": QT_TRANSLATE_NOOP("ProductFields", "Name"),
    "kind": QT_TRANSLATE_NOOP("ProductFields", "Kind"),
    "vat_rate": QT_TRANSLATE_NOOP("ProductFields", "VAT rate"),
    "price_unit_id": QT_TRANSLATE_NOOP("ProductFields", "Price unit"),
    "sales_unit_id": QT_TRANSLATE_NOOP("ProductFields", "Sales unit"),
    "sales_factor": QT_TRANSLATE_NOOP("ProductFields", "Price units in a sales unit"),
    "storage_unit_id": QT_TRANSLATE_NOOP("ProductFields", "Storage unit"),
    "storage_factor": QT_TRANSLATE_NOOP("ProductFields", "Sales units in a storage unit"),
    "description": QT_TRANSLATE_NOOP("ProductFields", "Description"),
    "archived": QT_TRANSLATE_NOOP("ProductFields", "Archived"),
    "search_key": QT_TRANSLATE_NOOP("ProductFields", "Name for search"),
}
UNIT_FIELDS = frozenset({"price_unit_id", "sales_unit_id", "storage_unit_id"})
MAX_FACTOR = c.MAX_FACTOR


def product_field_label(name: str) -> str:
    text = FIELD_LABELS.get(name)
    return QCoreApplication.translate(FIELDS_CONTEXT, text) if text else name


def units_hint(
    price_unit: str,
    sales_unit: str,
    sales_factor: int | None,
    storage_unit: str | None = None,
    storage_factor: int | None = None,
) -> str:
    """The units in plain words: «1 упак = 5 кг; 1 пал = 100 упак = 500 кг» (numbers in the
    locale's digit groups); a unit whose size is not typed yet is left out."""
    parts: list[str] = []
    same = sales_unit == price_unit
    if not same and sales_factor:
        parts.append(f"1 {sales_unit} = {count_text(sales_factor)} {price_unit}")
    if storage_unit and storage_factor:
        text = f"1 {storage_unit} = {count_text(storage_factor)} {sales_unit}"
        if not same and sales_factor:
            text += f" = {count_text(storage_factor * sales_factor)} {price_unit}"
        parts.append(text)
    return "; ".join(parts)


def valid_today(prices: Sequence[PriceRow], today: date) -> set[uuid.UUID]:
    """The prices valid on ``today``: per price type, the latest ``valid_from`` not after it."""
    best: dict[uuid.UUID, PriceRow] = {}
    for row in prices:
        if row.valid_from > today:
            continue
        held = best.get(row.price_type_id)
        if held is None or row.valid_from > held.valid_from:
            best[row.price_type_id] = row
    return {row.id for row in best.values()}


def parse_price(text: str) -> Decimal | None:
    """A price as people type it: «1 450,50», «1450.5», «1,450.50» (with both marks, the last
    one is the decimal point); None when it is not a number."""
    clean = "".join(text.split()).replace("\u202f", "").replace("₽", "")
    if "," in clean and "." in clean:
        grouping = "." if clean.rfind(",") > clean.rfind(".") else ","
        clean = clean.replace(grouping, "")
    return parse_decimal(clean)


class ProductHistoryModel(HistoryModel):
    """The cards' history model with the product's own words for fields and values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, entity="product")
        self.unit_names: dict[str, str] = {}  # unit id (as the audit trail writes it) → «кг»

    def value_text(self, line: HistoryLine, value: str | None) -> str:
        if value is None:
            return ""
        field = line.field or ""
        if field in UNIT_FIELDS:
            return self.unit_names.get(value, value)
        if field == "kind":
            return kind_label(value)
        if field == "vat_rate":
            return vat_label(value)
        return history_value(line.field, value)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() < 2:
            return super().data(index, role)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        line = self.line(index.row())
        if index.column() == 2:
            if line.field:
                return product_field_label(line.field)
            action = HISTORY_ACTIONS.get(line.action, line.action)
            return QCoreApplication.translate("History", action)
        return self.value_text(line, line.old_value if index.column() == 3 else line.new_value)


class ProductHistoryView(HistoryView):
    """The History tab of a product card (the product's own fields; prices are on Prices)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, "product", parent)
        self.product_model = ProductHistoryModel(self)
        self.model = self.product_model
        self.view.setModel(self.model)

    def set_units(self, units: Sequence[UnitRow]) -> None:
        self.product_model.unit_names = {str(u.id): u.name for u in units}

    def load(self) -> None:
        self.stale = False
        if self._record_id is None:
            self.model.set_lines([])
            return
        try:
            lines = card_history(self._db, "product", self._record_id)
            self.model.set_lines([x for x in lines if x.field != "search_key"])
            self.error.clear_error()
        except UserError as error:
            self.error.show_error(messages.user_message(error))


def _unit_combo(parent: QWidget, units: Sequence[UnitRow], *, empty: bool) -> QComboBox:
    combo = QComboBox(parent)
    fill_combo(combo, [(u.name, u.id) for u in units], empty=empty)
    offset = 1 if empty else 0
    for i, unit in enumerate(units):
        combo.setItemData(i + offset, unit.full_name, Qt.ItemDataRole.ToolTipRole)
    combo.setMinimumContentsLength(8)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def _factor_edit(parent: QWidget) -> IntLineEdit:
    edit = IntLineEdit(parent, maximum=MAX_FACTOR)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0" * 10) + 16)
    return edit


def _row(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets side by side, as wide as they need; the error lines of the fields among them
    move under the whole row (under a narrow number field a message would wrap at every word)."""
    row = QWidget(parent)
    layout = QVBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    line = QHBoxLayout()
    line.setSpacing(8)
    for widget in widgets:
        line.addWidget(widget)
    line.addStretch(1)
    layout.addLayout(line)
    for widget in widgets:
        if isinstance(widget, FieldBox):
            box_layout = widget.layout()
            if box_layout is not None:
                box_layout.removeWidget(widget.error)
            widget.error.setParent(row)
            layout.addWidget(widget.error)
    return row


class ProductCard(CardPage):
    """A product or service of the catalogue: its fields and units on Main (saved with the
    card), its prices per price type and date on Prices (each saved at once), its history."""

    kind = "product"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._details: ProductDetails | None = None
        self._units: list[UnitRow] = []
        self._unit_names: dict[uuid.UUID, str] = {}
        self._today_ids: set[uuid.UUID] = set()
        super().__init__(db, actor, record_id, parent)

    # --- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self._units = c.measure_units(self.db)
        self._unit_names = {u.id: u.name for u in self._units}
        old_history = self.history  # the cards' own one names the product's fields by code
        self.history = ProductHistoryView(self.db, self)
        self.history.set_units(self._units)
        old_history.hide()
        old_history.setParent(None)
        old_history.deleteLater()
        self.delete_action = self.add_more_action(self.tr("Delete product…"))
        self.delete_action.triggered.connect(self.delete_product)
        self.restore_action = self.add_more_action(self.tr("Restore product"))
        self.restore_action.triggered.connect(self.restore_product)
        self.main_page = self._build_main()
        self.prices_page = self._build_prices()
        self.tabs.addTab(self.main_page, self.tr("Main"))
        self.tabs.addTab(self.prices_page, self.tr("Prices"))

    def _build_main(self) -> QWidget:
        page = QWidget(self)
        self.deleted_notice = QLabel(
            self.tr("This product is deleted: it is not offered in new deals."), page
        )
        self.deleted_notice.setObjectName("deletedNotice")
        self.deleted_notice.setStyleSheet("color: #8a6d00;")
        self.deleted_notice.hide()
        self.sku = QLineEdit(page)
        self.sku.setObjectName("sku")
        self.sku.setMaxLength(40)
        self.sku.setMaximumWidth(self.sku.fontMetrics().horizontalAdvance("Ж" * 16) + 16)
        self.name = QLineEdit(page)
        self.name.setObjectName("name")
        self.product_kind = QComboBox(page)
        self.product_kind.setObjectName("productKind")
        fill_combo(self.product_kind, [(kind_label(k), k) for k in KIND_LABELS], empty=False)
        self.product_kind.currentIndexChanged.connect(self._on_units_changed)
        self.vat_rate = QComboBox(page)
        self.vat_rate.setObjectName("vatRate")
        fill_combo(self.vat_rate, [(vat_label(code), code) for code in VAT_CODES], empty=False)

        self.price_unit = _unit_combo(page, self._units, empty=False)
        self.price_unit.setObjectName("priceUnit")
        self.sales_unit = _unit_combo(page, self._units, empty=False)
        self.sales_unit.setObjectName("salesUnit")
        self.sales_factor = _factor_edit(page)
        self.sales_factor.setObjectName("salesFactor")
        self.sales_holds = QLabel(self.tr("holds"), page)
        self.sales_factor_unit = QLabel(page)
        self.storage_unit = _unit_combo(page, self._units, empty=True)
        self.storage_unit.setObjectName("storageUnit")
        self.storage_unit.setToolTip(self.tr("Optional: the pallet, box or roll it is kept in"))
        self.storage_factor = _factor_edit(page)
        self.storage_factor.setObjectName("storageFactor")
        self.storage_holds = QLabel(self.tr("holds"), page)
        self.storage_factor_unit = QLabel(page)
        for label in (self.sales_factor_unit, self.storage_factor_unit):
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance("усл. ед") + 4)
        for combo in (self.price_unit, self.sales_unit, self.storage_unit):
            combo.currentIndexChanged.connect(self._on_units_changed)
        for edit in (self.sales_factor, self.storage_factor):
            edit.textChanged.connect(self._on_units_changed)
        self.hint = QLabel(page)
        self.hint.setObjectName("unitsHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)

        self.description = QPlainTextEdit(page)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(110)
        self.archived = QCheckBox(self.tr("Archived: not offered in new deals and proposals"), page)
        self.archived.setObjectName("archived")

        for combo in (self.product_kind, self.vat_rate):  # as wide as the unit combos at least
            combo.setMinimumWidth(self.price_unit.sizeHint().width())
        form = form_layout()
        form.addRow(self.tr("SKU:"), self.field("sku", self.sku))
        form.addRow(self.tr("Name:"), self.field("name", self.name))
        form.addRow(self.tr("Kind:"), _row(page, self.field("kind", self.product_kind)))
        form.addRow(self.tr("VAT rate:"), _row(page, self.field("vat_rate", self.vat_rate)))
        form.addRow(
            self.tr("Price unit:"),
            _row(page, self.field("price_unit_id", self.price_unit)),
        )
        form.addRow(
            self.tr("Sales unit:"),
            _row(
                page,
                self.field("sales_unit_id", self.sales_unit),
                self.sales_holds,
                self.field("sales_factor", self.sales_factor),
                self.sales_factor_unit,
            ),
        )
        self.storage_label = QLabel(self.tr("Storage unit:"), page)
        form.addRow(
            self.storage_label,
            _row(
                page,
                self.field("storage_unit_id", self.storage_unit),
                self.storage_holds,
                self.field("storage_factor", self.storage_factor),
                self.storage_factor_unit,
            ),
        )
        form.addRow("", self.hint)
        form.addRow("", self.field("archived", self.archived))
        description_group = QGroupBox(self.tr("Description"), page)
        QVBoxLayout(description_group).addWidget(self.field("description", self.description))
        layout = QVBoxLayout(page)
        layout.addWidget(self.deleted_notice)
        layout.addLayout(form)
        layout.addWidget(description_group)
        layout.addStretch(1)
        return page

    def _build_prices(self) -> QWidget:
        page = QWidget(self)
        self.price_type = QComboBox(page)
        self.price_type.setObjectName("priceType")
        fill_combo(
            self.price_type,
            [(t.name, t.id) for t in p.catalogue(self.db, "price_type")],
            empty=False,
        )
        self.valid_from = QDateEdit(page)
        self.valid_from.setObjectName("validFrom")
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.valid_from.setDate(QDate.currentDate())
        self.price = QLineEdit(page)
        self.price.setObjectName("price")
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.price.setPlaceholderText("0,00")
        self.price.setMaximumWidth(self.price.fontMetrics().horizontalAdvance("0" * 16) + 16)
        self.price.returnPressed.connect(self.add_price)
        self.add_price_button = QPushButton(self.tr("Set price"), page)
        self.add_price_button.setObjectName("setPrice")
        self.add_price_button.setToolTip(
            self.tr("Saved at once; a price of the same type and date is replaced")
        )
        self.add_price_button.clicked.connect(self.add_price)
        self.price_boxes = {
            "price_type_id": FieldBox(self.price_type, page),
            "valid_from": FieldBox(self.valid_from, page),
            "price": FieldBox(self.price, page),
        }
        self.price_per = QLabel(page)
        entry = QGridLayout()
        entry.setHorizontalSpacing(8)
        entry.setVerticalSpacing(2)
        entry.addWidget(QLabel(self.tr("Price type"), page), 0, 0)
        entry.addWidget(QLabel(self.tr("Valid from"), page), 0, 1)
        entry.addWidget(QLabel(self.tr("Price"), page), 0, 2)
        for column, name in enumerate(("price_type_id", "valid_from", "price")):
            entry.addWidget(self.price_boxes[name], 1, column, Qt.AlignmentFlag.AlignTop)
        entry.addWidget(self.price_per, 1, 3, Qt.AlignmentFlag.AlignTop)
        entry.addWidget(self.add_price_button, 1, 4, Qt.AlignmentFlag.AlignTop)
        entry.setColumnStretch(5, 1)
        self.add_group = QGroupBox(self.tr("Add or change a price"), page)
        self.add_group.setLayout(entry)

        self.prices = LinkTable(
            [self.tr("Price type"), self.tr("Valid from"), self.tr("Price"), self.tr("State")],
            widths=(200, 120, 160),
            parent=page,
        )
        self.prices.table.setObjectName("pricesTable")
        self.remove_price_button = self.prices.add_button(self.tr("Remove price…"), needs_row=True)
        self.remove_price_button.setObjectName("removePrice")
        self.prices.finish_buttons()
        self.remove_price_button.clicked.connect(self.remove_price)
        self.prices_legend = QLabel(
            self.tr("The price valid today for each price type is in bold."), page
        )
        self.prices_legend.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.add_group)
        layout.addWidget(self.prices, 1)
        layout.addWidget(self.prices_legend)
        return page

    # --- units ---------------------------------------------------------------------------------

    def _unit_name(self, combo: QComboBox) -> str:
        return self._unit_names.get(combo.currentData(), "")

    def _is_service(self) -> bool:
        return bool(self.product_kind.currentData() == "service")

    @Slot()
    def _on_units_changed(self, *_args: Any) -> None:
        """Keep the unit rows consistent and the plain-words hint up to date."""
        price_unit = self._unit_name(self.price_unit)
        sales_unit = self._unit_name(self.sales_unit)
        same = self.sales_unit.currentData() == self.price_unit.currentData()
        if same and self.sales_factor.value() != 1:
            self.sales_factor.set_value(1)  # a sales unit that is the price unit holds one
        self.sales_factor.setEnabled(not same)
        self.sales_factor_unit.setText(price_unit)
        storable = not self._is_service()
        for widget in (self.storage_label, self.storage_unit):
            widget.setEnabled(storable)
        has_storage = storable and self.storage_unit.currentData() is not None
        self.storage_factor.setEnabled(has_storage)
        self.storage_holds.setEnabled(has_storage)
        self.storage_factor_unit.setEnabled(has_storage)
        self.storage_factor_unit.setText(sales_unit)
        self.hint.setText(self.units_text())

    def units_text(self) -> str:
        """The hint under the units: what one of each holds, and how prices and quantities go."""
        price_unit = self._unit_name(self.price_unit)
        sales_unit = self._unit_name(self.sales_unit)
        storage = self.storage_unit.currentData() if not self._is_service() else None
        sizes = units_hint(
            price_unit,
            sales_unit,
            self.sales_factor.value(),
            self._unit_names.get(storage) if storage is not None else None,
            self.storage_factor.value() if storage is not None else None,
        )
        if not price_unit or not sales_unit:
            return sizes
        rule = self.tr("The price is per 1 {price_unit}; deals sell whole {sales_unit}.").format(
            price_unit=price_unit, sales_unit=sales_unit
        )
        return f"{sizes}\n{rule}" if sizes else rule

    # --- binding -------------------------------------------------------------------------------

    def fetch(self) -> ProductDetails:
        assert self.record_id is not None
        return c.get_product(self.db, self.record_id)

    def fill_new(self) -> None:
        self._details = None
        piece = next((u.id for u in self._units if u.code == "796"), None)  # шт
        self.sku.clear()
        self.name.clear()
        set_combo_data(self.product_kind, "product")
        set_combo_data(self.vat_rate, "20")
        set_combo_data(self.price_unit, piece)
        set_combo_data(self.sales_unit, piece)
        self.sales_factor.set_value(1)
        set_combo_data(self.storage_unit, None)
        self.storage_factor.set_value(None)
        self.description.clear()
        self.archived.setChecked(False)
        self._on_units_changed()
        self._show_deleted(False)
        self._fill_prices([])

    def fill(self, details: ProductDetails) -> None:
        self._details = details
        draft = details.draft
        self.sku.setText(draft.sku)
        self.name.setText(draft.name)
        set_combo_data(self.product_kind, draft.kind)
        set_combo_data(self.vat_rate, draft.vat_rate)
        set_combo_data(self.price_unit, draft.price_unit_id)
        set_combo_data(self.sales_unit, draft.sales_unit_id)
        self.sales_factor.set_value(draft.sales_factor)
        set_combo_data(self.storage_unit, draft.storage_unit_id)
        self.storage_factor.set_value(draft.storage_factor)
        self.description.setPlainText(draft.description or "")
        self.archived.setChecked(draft.archived)
        self._on_units_changed()
        self._show_deleted(details.is_deleted)
        self._fill_prices(details.prices)

    def _show_deleted(self, deleted: bool) -> None:
        self.deleted_notice.setVisible(deleted)
        self.delete_action.setEnabled(self.record_id is not None and not deleted)
        self.restore_action.setEnabled(deleted)
        self.save_button.setEnabled(not deleted)
        self.save_close_button.setEnabled(not deleted)

    def collect(self) -> ProductDraft:
        storable = not self._is_service()
        storage = self.storage_unit.currentData() if storable else None
        return ProductDraft(
            sku=self.sku.text().strip(),
            name=self.name.text().strip(),
            price_unit_id=self.price_unit.currentData(),
            sales_unit_id=self.sales_unit.currentData(),
            sales_factor=self.sales_factor.value() or 0,  # empty: the service says what to do
            kind=self.product_kind.currentData(),
            vat_rate=self.vat_rate.currentData(),
            storage_unit_id=storage,
            storage_factor=self.storage_factor.value() if storage is not None else None,
            description=text_or_none(self.description.toPlainText()),
            archived=self.archived.isChecked(),
        )

    def write(self, draft: ProductDraft) -> ProductDetails:
        if self.record_id is None:
            return c.create_product(self.db, self.actor, draft)
        assert self.version is not None
        return c.update_product(self.db, self.actor, self.record_id, self.version, draft)

    def draft_of(self, details: ProductDetails) -> ProductDraft:
        return details.draft

    def describe(self, draft: ProductDraft) -> list[tuple[str, str]]:
        def unit(unit_id: uuid.UUID | None) -> str:
            return self._unit_names.get(unit_id, "") if unit_id is not None else ""

        def number(value: int | None) -> str:
            return count_text(value) if value is not None else ""

        return [
            ("sku", draft.sku),
            ("name", draft.name),
            ("kind", kind_label(draft.kind)),
            ("vat_rate", vat_label(draft.vat_rate)),
            ("price_unit_id", unit(draft.price_unit_id)),
            ("sales_unit_id", unit(draft.sales_unit_id)),
            ("sales_factor", number(draft.sales_factor)),
            ("storage_unit_id", unit(draft.storage_unit_id)),
            ("storage_factor", number(draft.storage_factor)),
            ("description", draft.description or ""),
            ("archived", yes_no(draft.archived)),
        ]

    def compare(self) -> None:
        """Show the user's values beside the saved ones, named as this card names them."""
        try:
            fresh = self.fetch()
            mine = self.collect()
        except UserError as error:
            messages.report_error(self, error)
            return
        theirs = dict(self.describe(self.draft_of(fresh)))
        differences = [
            Difference(name, product_field_label(name), text, theirs.get(name, ""))
            for name, text in self.describe(mine)
            if text != theirs.get(name, "")
        ]
        if CompareDialog.ask(self, differences):
            self.version = fresh.version
            self.stale_error = None
            self.banner.hide()
            self.set_dirty(True)

    def record_name(self) -> str:
        return self._details.draft.name if self._details is not None else ""

    def kind_title(self) -> str:
        return self.tr("Catalogue item")

    def new_title(self) -> str:
        return self.tr("New product")

    def refresh_related(self) -> None:
        saved = self.record_id is not None
        self.add_group.setEnabled(saved)
        self.prices.setEnabled(saved)
        self.prices.set_notice(None if saved else self.tr("Save the product first to add prices."))

    # --- prices --------------------------------------------------------------------------------

    def _fill_prices(self, prices: Sequence[PriceRow]) -> None:
        unit = ""
        if self._details is not None:
            unit = self._unit_names.get(self._details.draft.price_unit_id, "")
        header = self.tr("Price per {unit}").format(unit=unit) if unit else self.tr("Price")
        self.prices.table.setHorizontalHeaderLabels(
            [self.tr("Price type"), self.tr("Valid from"), header, self.tr("State")]
        )
        self.price_per.setText(self.tr("₽ per {unit}").format(unit=unit) if unit else "")
        self.price_per.setMinimumHeight(self.price.sizeHint().height())
        today = date.today()
        self._today_ids = valid_today(prices, today)
        rows = []
        for row in prices:
            if row.id in self._today_ids:
                state = self.tr("Valid today")
            elif row.valid_from > today:
                state = self.tr("Scheduled")
            else:
                state = self.tr("Superseded")
            rows.append(
                ((row.price_type, date_text(row.valid_from), money_text(row.price), state), row)
            )
        self.prices.set_rows(rows)
        table = self.prices.table
        for r, row in enumerate(prices):
            item = table.item(r, 2)
            if item is not None:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if row.id not in self._today_ids:
                continue
            for column in range(table.columnCount()):
                cell = table.item(r, column)
                if cell is not None:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)

    def price_rows(self) -> list[PriceRow]:
        return list(self.prices.payloads())

    def is_valid_today(self, price_id: uuid.UUID) -> bool:
        """Whether the price is the one valid today for its type (shown in bold)."""
        return price_id in self._today_ids

    def _clear_price_errors(self) -> None:
        for box in self.price_boxes.values():
            box.clear_error()
        self.prices.error.clear_error()

    def _show_price_errors(self, error: ValidationError) -> None:
        for name, message in error.field_errors.items():
            text = messages.message_text(message)
            box = self.price_boxes.get(name)
            if box is not None:
                box.show_error(text)
                box.editor.setFocus()
            else:
                self.prices.error.show_error(text)

    def add_price(self) -> bool:
        """Save the price typed above the table at once (the same type and date: replaced)."""
        if self.record_id is None:
            return False
        self._clear_price_errors()
        typed = self.price.text()
        if not typed.strip():
            self.price_boxes["price"].show_error(
                QCoreApplication.translate("UserErrors", "Enter a number.")
            )
            self.price.setFocus()
            return False
        picked = self.valid_from.date()
        valid_from = date(picked.year(), picked.month(), picked.day())
        parsed = parse_price(typed)
        amount: Decimal | str = parsed if parsed is not None else typed  # the service says why
        try:
            c.set_price(
                self.db,
                self.actor,
                self.record_id,
                self.price_type.currentData(),
                valid_from,
                amount,
            )
        except ValidationError as error:
            self._show_price_errors(error)
            return False
        except UserError as error:
            messages.report_error(self, error)
            return False
        self.price.clear()
        self._prices_changed()
        return True

    def remove_price(self) -> bool:
        row = self.prices.current()
        if row is None:
            return False
        question = self.tr("Remove the price «{type}» valid from {date}?").format(
            type=row.price_type, date=date_text(row.valid_from)
        )
        if not Confirm.ask(self, self.tr("Remove price"), question):
            return False
        self._clear_price_errors()
        try:
            c.remove_price(self.db, self.actor, row.id)
        except UserError as error:
            messages.report_error(self, error)
            return False
        self._prices_changed()
        return True

    def _prices_changed(self) -> None:
        """Show the prices as saved now (the rest of the card keeps what is typed)."""
        assert self.record_id is not None
        try:
            details = self.fetch()
        except UserError as error:
            self.prices.error.show_error(messages.user_message(error))
            return
        self._fill_prices(details.prices)
        self.history.stale = True
        self.saved.emit(self.kind, self.record_id)

    # --- delete and restore --------------------------------------------------------------------

    def delete_product(self) -> bool:
        if self.record_id is None or self.version is None:
            return False
        question = self.tr(
            "Delete «{name}»? Deals and proposals that have it keep it; it can be restored."
        ).format(name=self.record_name())
        if not Confirm.ask(self, self.tr("Delete product"), question):
            return False
        try:
            c.delete_product(self.db, self.actor, self.record_id, self.version)
        except UserError as error:
            messages.report_error(self, error)
            return False
        self.reload(ask=False)
        self.saved.emit(self.kind, self.record_id)
        return True

    def restore_product(self) -> bool:
        if self.record_id is None:
            return False
        try:
            details = c.restore_product(self.db, self.actor, self.record_id)
        except UserError as error:
            messages.report_error(self, error)
            return False
        self.clear_errors()
        self._take(details)
        self.saved.emit(self.kind, self.record_id)
        return True


__all__ = [
    "FIELD_LABELS",
    "ProductCard",
    "ProductHistoryView",
    "product_field_label",
    "units_hint",
    "valid_today",
]
