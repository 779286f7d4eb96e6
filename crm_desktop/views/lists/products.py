"""The Catalogue list tab (Номенклатура): search by SKU or the start of the name, filters (goods
or services, archived, deleted), the table, and the button for a new product."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QWidget

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.lists import ProductFilter, ProductRow
from crm_desktop.views.itemmodels.products import ProductsModel, product_source, products_model
from crm_desktop.views.lists.base import ListPage, compact

SETTINGS_KEY = "lists/products"

# kind filter: (ProductFilter.kind, label in the plural)
KIND_CHOICES: tuple[tuple[str, str], ...] = (
    ("product", QT_TRANSLATE_NOOP("ProductListPage", "Goods")),
    ("service", QT_TRANSLATE_NOOP("ProductListPage", "Services")),
)


class ProductListPage(ListPage[ProductFilter, ProductRow]):
    """The products and services of the catalogue that match the search and the filters,
    sorted in SQL, read page by page.

    Signals:
        open_requested("product", id): a row was double-clicked or Enter pressed on it.
        new_requested("product"): the New product button was pressed.
    """

    new_requested = Signal(str)

    kind = "product"
    settings_key = SETTINGS_KEY

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, background: bool = True
    ) -> None:
        self.db = db
        model: ProductsModel = products_model(db, background=background)
        super().__init__(model, lambda flt: product_source(db, flt), ProductFilter(), parent)
        model.setParent(self)
        self.model: ProductsModel = model
        self.view.setObjectName("productsTable")
        self.search_box.setToolTip(self.tr("Search by the SKU or the start of the name"))

        self.product_kind = QComboBox(self)
        self.product_kind.setObjectName("kindFilter")
        self.product_kind.setToolTip(self.tr("Goods or services"))
        self.product_kind.addItem(self.tr("Goods and services"), None)
        for code, label in KIND_CHOICES:
            self.product_kind.addItem(QCoreApplication.translate("ProductListPage", label), code)
        compact(self.product_kind)
        self.product_kind.currentIndexChanged.connect(self._on_filter_changed)
        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.setObjectName("showArchived")
        self.show_deleted = QCheckBox(self.tr("Show deleted"), self)
        self.show_deleted.setObjectName("showDeleted")
        self.new_button = QPushButton(self.tr("New product"), self)
        self.new_button.setObjectName("newProduct")
        self.new_button.setToolTip(self.tr("Open the card of a new product or service"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.filters.addWidget(self.product_kind)
        for box in (self.show_archived, self.show_deleted):
            box.toggled.connect(self._on_filter_changed)
            self.filters.addWidget(box)
        self.filters.addWidget(self.new_button)
        self.model.refresh()  # the first page now: a few milliseconds on an index

    def current_filter(self) -> ProductFilter:
        return ProductFilter(
            kind=self.product_kind.currentData(),
            include_archived=self.show_archived.isChecked(),
            include_deleted=self.show_deleted.isChecked(),
            search=self.search_box.text().strip(),
        )

    @Slot()
    def _on_filter_changed(self, *_args: Any) -> None:
        self.apply_filter()

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.new_requested.emit(self.kind)
