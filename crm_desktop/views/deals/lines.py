"""The specification of a deal as an editable table: the line amount and its VAT are computed
with the service's own :func:`~crm_desktop.services.deals.line_amount` and
:func:`~crm_desktop.services.deals.vat_included` while the user types, and the totals under
the table follow (exact ``Decimal`` arithmetic, kopecks rounded half up as documents do).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import QT_TRANSLATE_NOOP, Message, ValidationError
from crm_desktop.services.deals import (
    VAT_RATES,
    DealLineDraft,
    DealLineRow,
    line_amount,
    vat_included,
)
from crm_desktop.views.deals.labels import decimal_text, money_text, parse_decimal, vat_label
from crm_desktop.views.widgets.edit_table import EditableTable, TableColumn

AnyIndex = QModelIndex | QPersistentModelIndex
COMPUTED = ("amount", "vat_amount")
NUMERIC = ("quantity", "price", "discount_pct")
ENTER_A_NUMBER = QT_TRANSLATE_NOOP("UserErrors", "Enter a number.")


def _vat_choices(_row: dict[str, Any]) -> list[tuple[str, str]]:
    return [(code, vat_label(code)) for code in VAT_RATES]


COLUMNS = (
    TableColumn(
        "description",
        QT_TRANSLATE_NOOP("DealLines", "Goods or service"),
        width_chars=30,
        stretch=True,
    ),
    TableColumn("quantity", QT_TRANSLATE_NOOP("DealLines", "Quantity"), width_chars=7),
    TableColumn("unit", QT_TRANSLATE_NOOP("DealLines", "Unit"), width_chars=6),
    TableColumn("price", QT_TRANSLATE_NOOP("DealLines", "Price"), width_chars=9),
    TableColumn("discount_pct", QT_TRANSLATE_NOOP("DealLines", "Discount, %"), width_chars=7),
    TableColumn("vat_rate", QT_TRANSLATE_NOOP("DealLines", "VAT"), "choice", _vat_choices, 8),
    TableColumn("amount", QT_TRANSLATE_NOOP("DealLines", "Amount"), width_chars=10),
    TableColumn("vat_amount", QT_TRANSLATE_NOOP("DealLines", "incl. VAT"), width_chars=9),
)


def computed(values: dict[str, Any]) -> tuple[Decimal, Decimal] | None:
    """(amount, VAT in it) of a row's values as typed; None while they are not numbers."""
    quantity = parse_decimal(values.get("quantity"))
    price = parse_decimal(values.get("price"))
    discount = parse_decimal(values.get("discount_pct") or "0")
    rate = values.get("vat_rate") or "20"
    if quantity is None or price is None or discount is None or rate not in VAT_RATES:
        return None
    amount = line_amount(quantity, price, discount)
    return amount, vat_included(amount, rate)


class _LiveDelegate(QStyledItemDelegate):
    """Forwards choice cells to the table's own delegate; a number being typed updates the
    row's amount at every keystroke."""

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
        self.table.setObjectName("linesTable")
        self.table.setItemDelegate(_LiveDelegate(self, self.table.itemDelegate()))
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

    # --- rows ----------------------------------------------------------------------------------

    def load(self, lines: Sequence[DealLineRow]) -> None:
        self.set_rows(
            [
                {
                    "id": line.id,
                    "description": line.description,
                    "quantity": decimal_text(line.quantity, None, grouped=False),
                    "unit": line.unit,
                    "price": decimal_text(line.price, 2, grouped=False),
                    "discount_pct": decimal_text(line.discount_pct, None, grouped=False),
                    "vat_rate": line.vat_rate,
                    "amount": decimal_text(line.amount, 2),
                    "vat_amount": decimal_text(line.vat_amount, 2),
                }
                for line in lines
            ]
        )

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        super().set_rows(rows)
        for row in range(self.table.rowCount()):
            self._finish_row(row)
        self._update_totals()

    def add_row(self, values: dict[str, Any] | None = None) -> int:
        row = super().add_row(values)
        self._finish_row(row)
        self._recompute(row)
        self._update_totals()
        return row

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
            drafts.append(
                DealLineDraft(
                    description=(values.get("description") or "").strip(),
                    quantity=numbers["quantity"],
                    price=numbers["price"],
                    unit=(values.get("unit") or "").strip(),
                    discount_pct=numbers["discount_pct"],
                    vat_rate=values.get("vat_rate") or "20",
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

    def _column(self, field: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == field)

    def _finish_row(self, row: int) -> None:
        """Computed cells are read-only and numbers sit on the right."""
        self._filling = True
        try:
            for field in (*NUMERIC, *COMPUTED):
                item = self.table.item(row, self._column(field))
                if item is None:
                    continue
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if field in COMPUTED:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        finally:
            self._filling = False

    def _recompute(self, row: int, typing: dict[str, str] | None = None) -> None:
        values = {**self.row_values(row), **(typing or {})}
        result = computed(values)
        texts = ("", "") if result is None else tuple(decimal_text(x, 2) for x in result)
        self._filling = True  # computed cells are no edit of the user's
        try:
            for field, text in zip(COMPUTED, texts, strict=True):
                item = self.table.item(row, self._column(field))
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

    def _on_cell_edited(self, row: int, field: str) -> None:
        if field not in COMPUTED:
            self._recompute(row)
