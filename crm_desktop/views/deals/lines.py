"""The specification of a deal as an editable table: the line amount and its VAT are computed
with the service's own :func:`~crm_desktop.services.deals.line_amount` and
:func:`~crm_desktop.services.deals.vat_included` while the user types, and the totals under
the table follow (exact ``Decimal`` arithmetic, kopecks rounded half up as documents do).

A line is either picked from the catalogue or free text. Typing into the SKU or the
description cell offers products (:class:`ProductSearchEdit`, fed by the card's product
finder: an indexed prefix query bounded to 20 rows, run once the typing pauses); picking one
fills the SKU, the name, the sales unit («упак (5 кг)»), the VAT rate and the price per price
unit, and keeps the product. A catalogue line's quantity counts whole sales units; its amount
is quantity × factor × price less the discount. Clearing the SKU turns it into a free-text line
(the price becomes the price of one sales unit, so the amount stays the same).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, Message, UserError, ValidationError
from crm_desktop.services import catalogue as cat
from crm_desktop.services.catalogue import ProductPick
from crm_desktop.services.deals import (
    VAT_RATES,
    DealLineDraft,
    DealLineRow,
    line_amount,
    vat_included,
)
from crm_desktop.views import messages
from crm_desktop.views.deals.labels import decimal_text, money_text, parse_decimal, vat_label
from crm_desktop.views.widgets.edit_table import EditableTable, TableColumn

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
ProductFinder = Callable[[str], list[ProductPick]]
COMPUTED = ("amount", "vat_amount")
NUMERIC = ("quantity", "price", "discount_pct")
SEARCHED = ("sku", "description")  # the cells that offer catalogue products
CATALOGUE_FIXED = ("unit", "vat_rate")  # a catalogue line takes these from the product
ENTER_A_NUMBER = QT_TRANSLATE_NOOP("UserErrors", "Enter a number.")
WHOLE_UNITS = QT_TRANSLATE_NOOP("UserErrors", "Products are sold in whole sales units.")
PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 2  # on the row's first item: its LineProduct
PICK_ROLE = Qt.ItemDataRole.UserRole + 3  # on a suggestion: its ProductPick
SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 20
HINT_COLOR = "#5f6368"


@dataclass(frozen=True)
class LineProduct:
    """The catalogue product of a line, as the line needs it."""

    id: uuid.UUID
    sku: str
    unit: str  # the sales unit: «упак»
    factor: int  # price units in one sales unit: 5
    price_unit: str  # «кг»
    vat_rate: str

    @classmethod
    def of_pick(cls, pick: ProductPick) -> LineProduct:
        return cls(
            pick.id, pick.sku, pick.sales_unit, pick.sales_factor, pick.price_unit, pick.vat_rate
        )


def unit_text(unit: str, factor: int, price_unit: str | None) -> str:
    """«упак (5 кг)» for a sales unit holding 5 price units; «кг» when they are the same."""
    if price_unit is None or (factor == 1 and price_unit == unit):
        return unit
    return f"{unit} ({factor}\u00a0{price_unit})"


def product_finder(db: Database, price_type: Callable[[], uuid.UUID | None]) -> ProductFinder:
    """Products whose SKU or name begins with the text, priced by ``price_type()`` (the deal's
    agreement) today; at most :data:`SEARCH_LIMIT` of them."""

    def find(text: str) -> list[ProductPick]:
        return cat.find_products(
            db, text, price_type_id=price_type(), on=date.today(), limit=SEARCH_LIMIT
        )

    return find


def _vat_choices(_row: dict[str, Any]) -> list[tuple[str, str]]:
    return [(code, vat_label(code)) for code in VAT_RATES]


COLUMNS = (
    TableColumn("sku", QT_TRANSLATE_NOOP("DealLines", "SKU"), width_chars=9),
    TableColumn(
        "description",
        QT_TRANSLATE_NOOP("DealLines", "Goods or service"),
        width_chars=28,
        stretch=True,
    ),
    TableColumn("quantity", QT_TRANSLATE_NOOP("DealLines", "Quantity"), width_chars=10),
    TableColumn("unit", QT_TRANSLATE_NOOP("DealLines", "Unit"), width_chars=12),
    TableColumn("price", QT_TRANSLATE_NOOP("DealLines", "Price per price unit"), width_chars=15),
    TableColumn("discount_pct", QT_TRANSLATE_NOOP("DealLines", "Discount, %"), width_chars=8),
    TableColumn("vat_rate", QT_TRANSLATE_NOOP("DealLines", "VAT"), "choice", _vat_choices, 8),
    TableColumn("amount", QT_TRANSLATE_NOOP("DealLines", "Amount"), width_chars=10),
    TableColumn("vat_amount", QT_TRANSLATE_NOOP("DealLines", "incl. VAT"), width_chars=9),
)


def computed(values: dict[str, Any]) -> tuple[Decimal, Decimal] | None:
    """(amount, VAT in it) of a row's values as typed; None while they are not numbers."""
    quantity = parse_decimal(values.get("quantity"))
    price = parse_decimal(values.get("price"))
    discount = parse_decimal(values.get("discount_pct") or "0")
    product: LineProduct | None = values.get("product")
    rate = product.vat_rate if product is not None else (values.get("vat_rate") or "20")
    if quantity is None or price is None or discount is None or rate not in VAT_RATES:
        return None
    amount = line_amount(quantity, price, discount, product.factor if product else 1)
    return amount, vat_included(amount, rate)


def _is_whole(text: str | None) -> bool:
    number = parse_decimal(text)
    return number is not None and number == number.to_integral_value()


# --- the product search editor -------------------------------------------------------------------


class ProductSearchEdit(QLineEdit):
    """A cell editor that offers catalogue products for what is typed.

    The search runs once the typing pauses (:data:`SEARCH_DELAY_MS`); the suggestions show in
    a popup under the cell (SKU, name, unit, price). Picking one emits ``picked``; Enter
    without a pick keeps the typed text (a free-text line).

    Signals:
        picked(ProductPick): the user chose a product.
    """

    picked = Signal(object)

    def __init__(
        self, parent: QWidget, finder: ProductFinder, *, field: str, min_chars: int
    ) -> None:
        super().__init__(parent)
        self._finder = finder
        self._field = field
        self._min_chars = min_chars
        self.model = QStandardItemModel(0, 4, self)
        self.suggestions = QCompleter(self.model, self)
        self.suggestions.setWidget(self)
        self.suggestions.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.suggestions.setMaxVisibleItems(12)
        popup = QTreeView()
        popup.setRootIsDecorated(False)
        popup.setHeaderHidden(True)
        popup.setUniformRowHeights(True)
        popup.setAllColumnsShowFocus(True)
        popup.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        popup.setObjectName("productSuggestions")
        self.suggestions.setPopup(popup)  # the completer owns it from here
        self._popup = popup
        # activated(text): the completion column is the SKU, unique in the catalogue
        self.suggestions.activated.connect(self._on_suggestions_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.textEdited.connect(self._on_text_edited)

    def results(self) -> list[ProductPick]:
        """The suggestions shown now, in order."""
        return [self.model.item(r, 0).data(PICK_ROLE) for r in range(self.model.rowCount())]

    @Slot()
    def search(self) -> list[ProductPick]:
        """Look the typed text up now and show what was found."""
        self._timer.stop()
        text = self.text().strip()
        picks: list[ProductPick] = []
        if len(text) >= self._min_chars:
            try:
                picks = self._finder(text)
            except UserError as error:  # the database went away: typing goes on, unhelped
                log.warning("product search failed: %s", messages.user_message(error))
        self._show(picks)
        return picks

    def choose(self, row: int) -> None:
        """Pick the suggestion in ``row`` (what a click or Enter in the popup does)."""
        if 0 <= row < self.model.rowCount():
            self._pick(self.model.item(row, 0).data(PICK_ROLE))

    def _show(self, picks: Sequence[ProductPick]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        grey = QColor(HINT_COLOR)
        for pick in picks:
            price = (
                QCoreApplication.translate("DealLines", "{price} per {unit}").format(
                    price=money_text(pick.price), unit=pick.price_unit
                )
                if pick.price is not None
                else QCoreApplication.translate("DealLines", "no price")
            )
            cells = [
                QStandardItem(pick.sku),
                QStandardItem(pick.name),
                QStandardItem(unit_text(pick.sales_unit, pick.sales_factor, pick.price_unit)),
                QStandardItem(price),
            ]
            cells[0].setData(pick, PICK_ROLE)
            cells[2].setForeground(grey)
            cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if pick.price is None:
                cells[3].setForeground(grey)
            for cell in cells:
                cell.setEditable(False)
            self.model.appendRow(cells)
        popup = self._popup
        if not picks:
            popup.hide()
            return
        if not self.hasFocus() and not self.isVisible():
            return
        metrics = self.fontMetrics()
        popup.header().setStretchLastSection(False)
        widths = (
            max(metrics.horizontalAdvance(p.sku) for p in picks) + 24,
            min(max(metrics.horizontalAdvance(p.name) for p in picks) + 24, 420),
            metrics.horizontalAdvance("упак (1000 кг)") + 16,
            metrics.horizontalAdvance("1 234 567,89 ₽ per упак") + 16,
        )
        for column, width in enumerate(widths):
            popup.header().resizeSection(column, width)
        popup.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        width = sum(widths) + popup.verticalScrollBar().sizeHint().width() + 8
        self.suggestions.complete(QRect(0, 0, max(width, self.width()), self.height()))
        # nothing chosen until the user moves to a row: Enter keeps free text as typed
        popup.setCurrentIndex(QModelIndex())

    @Slot(str)
    def _on_text_edited(self, _text: str) -> None:
        self._timer.start()

    @Slot(str)
    def _on_suggestions_activated(self, sku: str) -> None:
        self._pick(next((p for p in self.results() if p.sku == sku), None))

    def _pick(self, pick: ProductPick | None) -> None:
        if pick is None:
            return
        self._popup.hide()
        self.setText(pick.sku if self._field == "sku" else pick.name)
        self.picked.emit(pick)


# --- the delegate -----------------------------------------------------------------------------


class _LiveDelegate(QStyledItemDelegate):
    """Forwards choice cells to the table's own delegate; a number being typed updates the
    row's amount at every keystroke; the SKU and description cells offer products; a catalogue
    line's price shows its price unit («118,37 per кг»)."""

    def __init__(self, owner: LinesEditor, base: QAbstractItemDelegate) -> None:
        super().__init__(owner.table)
        self._owner = owner
        self._base = base

    def _field(self, index: AnyIndex) -> str:
        return self._owner.columns[index.column()].field

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        field = self._field(index)
        if self._owner.columns[index.column()].kind == "choice":
            return self._base.createEditor(parent, option, index)
        finder = self._owner.finder()
        editor: QLineEdit
        if field in SEARCHED and finder is not None:
            search = ProductSearchEdit(
                parent, finder, field=field, min_chars=1 if field == "sku" else 2
            )
            where = QPersistentModelIndex(index)
            search.picked.connect(lambda pick: self._on_picked(search, where, pick))
            editor = search
        else:
            editor = QLineEdit(parent)
        editor.setFrame(False)
        if field in NUMERIC:
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row = index.row()
            editor.textEdited.connect(lambda text: self._owner.preview(row, field, text))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if self._owner.columns[index.column()].kind == "choice":
            self._base.setEditorData(editor, index)
        elif isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if self._owner.columns[index.column()].kind == "choice":
            self._base.setModelData(editor, model, index)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        if self._field(index) != "price" or not option.text:
            return
        product = self._owner.product_of(index.row())
        if product is not None and (product.factor != 1 or product.price_unit != product.unit):
            option.text = QCoreApplication.translate("DealLines", "{price} per {unit}").format(
                price=option.text,
                unit=product.price_unit,
            )

    def _on_picked(
        self, editor: ProductSearchEdit, where: QPersistentModelIndex, pick: ProductPick
    ) -> None:
        if not where.isValid():
            return
        row = where.row()
        self._owner.apply_product(row, pick)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self._owner.table.setCurrentCell(row, self._owner.column("quantity"))


# --- the editor -------------------------------------------------------------------------------


class LinesEditor(EditableTable):
    """Specification lines with computed amounts and totals.

    Signals:
        totals_changed(total, vat): the sum of the line amounts and the VAT in it changed
            (``Decimal``; also while a number is being typed).
    """

    totals_changed = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            COLUMNS,
            tr_context="DealLines",
            new_row=lambda: {
                "quantity": "1",
                "unit": self.tr("pcs"),
                "discount_pct": "0",
                "vat_rate": "20",
            },
            parent=parent,
        )
        self._finder: ProductFinder | None = None
        self._applying = False
        self.table.setObjectName("linesTable")
        self.table.setItemDelegate(_LiveDelegate(self, self.table.itemDelegate()))
        header = self.table.horizontalHeaderItem(self.column("price"))
        if header is not None:
            header.setToolTip(
                self.tr(
                    "The price of one price unit, VAT included: of 1 kg for nails sold in 5 kg "
                    "packs. The amount is quantity × units in the pack × price."
                )
            )
        sku_header = self.table.horizontalHeaderItem(self.column("sku"))
        if sku_header is not None:
            sku_header.setToolTip(
                self.tr("Type an SKU or the beginning of a name to pick from the catalogue")
            )
        self.totals = QLabel(self)
        self.totals.setObjectName("linesTotals")
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = self.totals.font()
        font.setBold(True)
        self.totals.setFont(font)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.totals)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(2, row)  # under the table, above the error line
        self.cell_edited.connect(self._on_cell_edited)
        self.changed.connect(self._update_totals)
        self._total = Decimal("0.00")
        self._vat = Decimal("0.00")
        self._update_totals()

    # --- the catalogue -------------------------------------------------------------------------

    def set_finder(self, finder: ProductFinder | None) -> None:
        """Where typed SKUs and names are looked up (None: free-text lines only)."""
        self._finder = finder

    def finder(self) -> ProductFinder | None:
        return self._finder

    def product_of(self, row: int) -> LineProduct | None:
        item = self.table.item(row, 0)
        product = item.data(PRODUCT_ROLE) if item is not None else None
        return product if isinstance(product, LineProduct) else None

    def apply_product(self, row: int, pick: ProductPick) -> None:
        """Make ``row`` a line of this product: SKU, name, sales unit, VAT and the price per
        price unit (kept as typed when the product has no price of the deal's type)."""
        if not 0 <= row < self.table.rowCount():
            return
        product = LineProduct.of_pick(pick)
        self._applying = True
        try:
            self._set_product(row, product)
            self.set_cell(row, "sku", pick.sku)
            self.set_cell(row, "description", pick.name)
            self.set_cell(row, "unit", unit_text(product.unit, product.factor, product.price_unit))
            self.set_cell(row, "vat_rate", pick.vat_rate)
            if pick.price is not None:
                self.set_cell(row, "price", decimal_text(pick.price, 2, grouped=False))
            if not _is_whole(self.row_values(row).get("quantity")):
                self.set_cell(row, "quantity", "1")
        finally:
            self._applying = False
        self._finish_row(row)
        self._clear_cell_error(row, "quantity")
        if pick.price is None:
            self.show_message(
                self.tr(
                    "Row {row}: «{name}» has no price of the agreement's type; enter it."
                ).format(row=row + 1, name=pick.name)
            )
        self._recompute(row)
        self._update_totals()
        self.changed.emit()

    def make_free_text(self, row: int) -> None:
        """Detach ``row`` from its product: units and VAT become editable, the price becomes
        the price of one sales unit (the amount stays)."""
        product = self.product_of(row)
        if product is None:
            return
        values = self.row_values(row)
        price = parse_decimal(values.get("price"))
        self._applying = True
        try:
            self._set_product(row, None)
            self.set_cell(row, "sku", "")
            self.set_cell(row, "unit", product.unit)
            if price is not None and product.factor != 1:
                self.set_cell(row, "price", decimal_text(price * product.factor, 2, grouped=False))
        finally:
            self._applying = False
        self._finish_row(row)
        self._recompute(row)
        self._update_totals()
        self.changed.emit()

    def _set_product(self, row: int, product: LineProduct | None) -> None:
        item = self.table.item(row, 0)
        if item is None:
            return
        filling, self._filling = self._filling, True
        try:
            item.setData(PRODUCT_ROLE, product)
        finally:
            self._filling = filling

    # --- rows ----------------------------------------------------------------------------------

    def load(self, lines: Sequence[DealLineRow]) -> None:
        self.set_rows(
            [
                {
                    "id": line.id,
                    "sku": line.sku or "",
                    "description": line.description,
                    "quantity": decimal_text(line.quantity, None, grouped=False),
                    "unit": unit_text(line.unit, line.factor, line.price_unit),
                    "price": decimal_text(line.price, 2, grouped=False),
                    "discount_pct": decimal_text(line.discount_pct, None, grouped=False),
                    "vat_rate": line.vat_rate,
                    "amount": decimal_text(line.amount, 2),
                    "vat_amount": decimal_text(line.vat_amount, 2),
                    "product": (
                        LineProduct(
                            line.product_id,
                            line.sku or "",
                            line.unit,
                            line.factor,
                            line.price_unit or line.unit,
                            line.vat_rate,
                        )
                        if line.product_id is not None
                        else None
                    ),
                }
                for line in lines
            ]
        )

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        super().set_rows(rows)
        for row, values in enumerate(rows):
            self._set_product(row, values.get("product"))
        for row in range(self.table.rowCount()):
            self._finish_row(row)
        self._update_totals()

    def add_row(self, values: dict[str, Any] | None = None) -> int:
        row = super().add_row(values)
        self._set_product(row, (values or {}).get("product"))
        self._finish_row(row)
        self._recompute(row)
        self._update_totals()
        return row

    def row_values(self, row: int) -> dict[str, Any]:
        """The cells of ``row`` and its ``product`` (a :class:`LineProduct` or None)."""
        values = super().row_values(row)
        values["product"] = self.product_of(row)
        return values

    def drafts(self) -> list[DealLineDraft]:
        """The rows as line drafts; a number that is not one is a ValidationError on its cell
        (``lines[i].quantity``), as the service names its own problems."""
        errors: dict[str, Message] = {}
        drafts = []
        for index, values in enumerate(self.rows()):
            numbers: dict[str, Decimal] = {}
            for field in NUMERIC:
                text = values.get(field)
                parsed = parse_decimal(text if field != "discount_pct" else (text or "0"))
                if parsed is None:
                    errors[f"lines[{index}].{field}"] = Message(ENTER_A_NUMBER)
                else:
                    numbers[field] = parsed
            if len(numbers) < len(NUMERIC):
                continue
            product: LineProduct | None = values.get("product")
            drafts.append(
                DealLineDraft(
                    description=(values.get("description") or "").strip(),
                    quantity=numbers["quantity"],
                    price=numbers["price"],
                    unit=product.unit if product else (values.get("unit") or "").strip(),
                    discount_pct=numbers["discount_pct"],
                    vat_rate=product.vat_rate if product else (values.get("vat_rate") or "20"),
                    product_id=product.id if product else None,
                )
            )
        if errors:
            raise ValidationError(errors)
        return drafts

    def total(self) -> Decimal:
        return self._total

    def vat_total(self) -> Decimal:
        return self._vat

    # --- computing -----------------------------------------------------------------------------

    def preview(self, row: int, field: str, text: str) -> None:
        """The user is typing ``text`` into ``field`` of ``row``: show what it comes to."""
        if not 0 <= row < self.table.rowCount():
            return
        self._recompute(row, {field: text})
        self._update_totals({row: {field: text}})

    def column(self, field: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == field)

    def _finish_row(self, row: int) -> None:
        """Computed cells (and a catalogue line's unit and VAT) are read-only; numbers sit on
        the right."""
        catalogue = self.product_of(row) is not None
        read_only = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        self._filling = True
        try:
            for field in (*NUMERIC, *COMPUTED):
                item = self.table.item(row, self.column(field))
                if item is None:
                    continue
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if field in COMPUTED:
                    item.setFlags(read_only)
            for field in CATALOGUE_FIXED:
                item = self.table.item(row, self.column(field))
                if item is None:
                    continue
                # (no tooltip: on these cells a tooltip is an error mark)
                if catalogue:
                    item.setFlags(read_only)
                    item.setForeground(QColor(HINT_COLOR))
                else:
                    item.setFlags(read_only | Qt.ItemFlag.ItemIsEditable)
                    item.setForeground(QBrush())
        finally:
            self._filling = False

    def _recompute(self, row: int, typing: dict[str, str] | None = None) -> None:
        values = {**self.row_values(row), **(typing or {})}
        result = computed(values)
        texts = ("", "") if result is None else tuple(decimal_text(x, 2) for x in result)
        self._filling = True  # computed cells are no edit of the user's
        try:
            for field, text in zip(COMPUTED, texts, strict=True):
                item = self.table.item(row, self.column(field))
                if item is not None and item.text() != text:
                    item.setText(text)
        finally:
            self._filling = False

    def _update_totals(self, typing: dict[int, dict[str, str]] | None = None) -> None:
        total = Decimal("0.00")
        vat = Decimal("0.00")
        for row in range(self.table.rowCount()):
            values = {**self.row_values(row), **(typing or {}).get(row, {})}
            result = computed(values)
            if result is not None:
                total += result[0]
                vat += result[1]
        self._total, self._vat = total, vat
        self.totals.setText(
            self.tr("Total: {total}    incl. VAT: {vat}").format(
                total=money_text(total), vat=money_text(vat)
            )
        )
        self.totals_changed.emit(total, vat)

    def _clear_cell_error(self, row: int, field: str) -> None:
        item = self.table.item(row, self.column(field))
        if item is None or not item.toolTip():
            return
        self._filling = True
        try:
            item.setBackground(QBrush())
            item.setToolTip("")
        finally:
            self._filling = False

    def _on_cell_edited(self, row: int, field: str) -> None:
        if self._applying:
            return
        if field == "sku":
            self._on_sku_edited(row)
        elif field == "quantity" and self.product_of(row) is not None:
            quantity = self.row_values(row).get("quantity")
            if parse_decimal(quantity) is not None and not _is_whole(quantity):
                self.mark_error(row, "quantity", messages.message_text(Message(WHOLE_UNITS)))
        if field not in COMPUTED:
            self._recompute(row)

    def _on_sku_edited(self, row: int) -> None:
        """An SKU typed without picking: the product with exactly that SKU, or back to what
        was there; an emptied SKU makes the line free text."""
        typed = (self.row_values(row).get("sku") or "").strip()
        product = self.product_of(row)
        if product is not None and typed == product.sku:
            return
        if not typed:
            self.make_free_text(row)
            return
        found: list[ProductPick] = []
        if self._finder is not None:
            try:
                found = [p for p in self._finder(typed) if p.sku.casefold() == typed.casefold()]
            except UserError as error:
                log.warning("product search failed: %s", messages.user_message(error))
        if len(found) == 1:
            self.apply_product(row, found[0])
            return
        self._applying = True
        try:
            self.set_cell(row, "sku", product.sku if product else "")
        finally:
            self._applying = False
        self.show_message(
            self.tr("Row {row}: there is no product with the SKU «{sku}» in the catalogue.").format(
                row=row + 1, sku=typed
            )
        )


__all__ = ["LineProduct", "LinesEditor", "ProductSearchEdit", "product_finder", "unit_text"]
