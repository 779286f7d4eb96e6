"""The catalogue over a real database (SQLite and PostgreSQL), offscreen, driven through
pytest-qt: the list model under Qt's model tester, the list tab's search and filters, the
product card (save, refusals under their fields, a stale save), its Prices and History tabs,
and the Catalogue section of the main window."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from crm_desktop.models import Product, ProductPrice
from crm_desktop.services import catalogue as c
from crm_desktop.services import lists
from crm_desktop.services import parties as p
from crm_desktop.services.uow import read_unit
from crm_desktop.services.users import ensure_user
from crm_desktop.views import messages
from crm_desktop.views.cards import dialogs as card_dialogs
from crm_desktop.views.cards.base import set_combo_data
from crm_desktop.views.catalogue import ProductCard
from crm_desktop.views.catalogue.card import units_hint, valid_today
from crm_desktop.views.itemmodels.paged import ROW_STATE_ROLE, PagedTableModel
from crm_desktop.views.itemmodels.products import (
    PRODUCT_COLUMNS,
    products_model,
    sales_unit_text,
)
from crm_desktop.views.lists.products import ProductListPage
from crm_desktop.views.main_window import SECTION_BY_KEY, MainWindow, section_is_live
from crm_desktop.views.qtconv import qt_date

# --- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture(autouse=True)
def english_numbers():
    """Numbers as an English system writes them, whatever the machine's locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def shown_errors(monkeypatch) -> list[str]:
    """Every error box a page would show, instead of showing it."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, **kw: shown.append(text))
    return shown


@pytest.fixture
def units(db) -> dict[str, uuid.UUID]:
    return {u.name: u.id for u in c.measure_units(db)}


@pytest.fixture
def catalogue(db, actor, units) -> dict[str, uuid.UUID]:
    """Nails (kg, 5 kg packs, pallets of 100), a cement bag, delivery (a service without
    VAT), an archived and a deleted product; and ten more screws to page through."""
    specs: dict[str, dict[str, Any]] = {
        "nails": {
            "sku": "ГВ-100",
            "name": "Гвозди строительные 100 мм",
            "price_unit_id": units["кг"],
            "sales_unit_id": units["упак"],
            "sales_factor": 5,
            "storage_unit_id": units["пал"],
            "storage_factor": 100,
        },
        "cement": {
            "sku": "ЦМ-500",
            "name": "Цемент М500",
            "price_unit_id": units["кг"],
            "sales_unit_id": units["т"],
            "sales_factor": 1000,
            "vat_rate": "10",
        },
        "delivery": {
            "sku": "УС-ДОСТ",
            "name": "Доставка по городу",
            "kind": "service",
            "vat_rate": "none",
            "price_unit_id": units["ч"],
            "sales_unit_id": units["ч"],
        },
        "old": {
            "sku": "ГВ-025",
            "name": "Гвозди толевые 25 мм",
            "price_unit_id": units["кг"],
            "sales_unit_id": units["кг"],
            "archived": True,
        },
        "gone": {
            "sku": "Х-1",
            "name": "Удалённый товар",
            "price_unit_id": units["шт"],
            "sales_unit_id": units["шт"],
        },
    }
    for i in range(10):
        specs[f"screw{i}"] = {
            "sku": f"СМ-{i:02d}",
            "name": f"Саморез {i:02d}",
            "price_unit_id": units["шт"],
            "sales_unit_id": units["упак"],
            "sales_factor": 100 * (i + 1),
        }
    ids = {
        key: c.create_product(db, actor, c.ProductDraft(**spec)).id for key, spec in specs.items()
    }
    gone = c.get_product(db, ids["gone"])
    c.delete_product(db, actor, gone.id, gone.version)
    return ids


def settle(qtbot: Any, model: PagedTableModel[Any]) -> None:
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)


def all_rows(qtbot: Any, model: PagedTableModel[Any], column: int = 1) -> list[Any]:
    qtbot.waitUntil(
        lambda: all(model.index(r, column).data() is not None for r in range(model.rowCount())),
        timeout=10_000,
    )
    return [model.index(r, column).data() for r in range(model.rowCount())]


def shown(qtbot: Any, page: ProductListPage) -> list[str]:
    """The names the list tab shows."""
    settle(qtbot, page.model)
    return all_rows(qtbot, page.model)


def show(qtbot: Any, widget: QWidget) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_search(qtbot: Any, page: ProductListPage, text: str) -> None:
    page.search_box.clear()
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        for char in text:
            page.search_box.insert(char)
    assert page.applied_filter.search == text.strip()


def count_products(db) -> int:
    with read_unit(db) as session:
        return int(session.scalar(select(func.count()).select_from(Product)) or 0)


def count_prices(db) -> int:
    with read_unit(db) as session:
        query = select(func.count()).select_from(ProductPrice)
        return int(session.scalar(query.where(ProductPrice.deleted_at.is_(None))) or 0)


def fill_card(card: ProductCard, units: dict[str, uuid.UUID], **values: Any) -> None:
    """Type a product into the card like a user: text, then the combos, then the sizes."""
    card.sku.setText(values.get("sku", "ГВ-200"))
    card.name.setText(values.get("name", "Гвозди строительные 200 мм"))
    set_combo_data(card.product_kind, values.get("kind", "product"))
    set_combo_data(card.vat_rate, values.get("vat_rate", "20"))
    set_combo_data(card.price_unit, units[values.get("price_unit", "кг")])
    set_combo_data(card.sales_unit, units[values.get("sales_unit", "упак")])
    card.sales_factor.setText(str(values.get("sales_factor", "5")))
    storage = values.get("storage_unit", "пал")
    set_combo_data(card.storage_unit, units[storage] if storage else None)
    card.storage_factor.setText(str(values.get("storage_factor", "100")))
    card.description.setPlainText(values.get("description", ""))


# --- the list --------------------------------------------------------------------------------


def test_every_column_sorts_by_a_key_of_the_services_whitelist():
    assert [col.header for col in PRODUCT_COLUMNS] == ["SKU", "Name", "Kind", "Sales unit", "VAT"]
    assert [col.sort_key for col in PRODUCT_COLUMNS] == list(lists.PRODUCT_SORT_KEYS)


def test_the_sales_unit_reads_with_what_it_holds():
    assert sales_unit_text("упак", 5, "кг") == "упак (5 кг)"
    assert sales_unit_text("упак", 1000, "шт") == "упак (1,000 шт)"
    assert sales_unit_text("кг", 1, "кг") == "кг"
    assert sales_unit_text("упак", 1, "кг") == "упак (1 кг)"


def test_the_model_passes_the_model_tester_and_sorts_every_column(qtbot, db, catalogue):
    model = products_model(db, page_size=4)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.refresh()
    qtbot.waitUntil(lambda: model.total_known, timeout=10_000)
    assert model.rowCount() == 13  # neither the archived nor the deleted one
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


def test_a_row_shows_the_product(qtbot, db, catalogue):
    page = show(qtbot, ProductListPage(db))
    type_search(qtbot, page, "ГВ-100")
    assert shown(qtbot, page) == ["Гвозди строительные 100 мм"]
    row = [page.model.index(0, col).data() for col in range(page.model.columnCount())]
    assert row == ["ГВ-100", "Гвозди строительные 100 мм", "Product", "упак (5 кг)", "20\u00a0%"]
    type_search(qtbot, page, "доставка")
    row = [page.model.index(0, col).data() for col in range(page.model.columnCount())]
    assert row == ["УС-ДОСТ", "Доставка по городу", "Service", "ч", "Without VAT"]
    type_search(qtbot, page, "цем")
    assert page.model.index(0, 3).data() == "т (1,000 кг)"


def test_search_by_sku_and_name_start(qtbot, db, catalogue):
    page = show(qtbot, ProductListPage(db))
    assert page.model.rowCount() == 13
    type_search(qtbot, page, "см-0")
    assert len(shown(qtbot, page)) == 10
    type_search(qtbot, page, "гвозди")
    assert shown(qtbot, page) == ["Гвозди строительные 100 мм"]
    type_search(qtbot, page, "строительные")  # not a substring search
    assert page.model.rowCount() == 0
    assert page.notice.text() == "Nothing found."
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        qtbot.keyClick(page.search_box, Qt.Key.Key_Escape)
    assert page.model.rowCount() == 13


def test_filters_drive_the_model(qtbot, db, catalogue):
    page = show(qtbot, ProductListPage(db))
    kinds = [page.product_kind.itemData(i) for i in range(page.product_kind.count())]
    assert kinds == [None, "product", "service"]
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.product_kind.setCurrentIndex(2)
    assert shown(qtbot, page) == ["Доставка по городу"]
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.product_kind.setCurrentIndex(1)
    assert len(shown(qtbot, page)) == 12
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.show_archived.setChecked(True)
    names = shown(qtbot, page)
    assert len(names) == 13
    old = names.index("Гвозди толевые 25 мм")
    assert page.model.index(old, 0).data(ROW_STATE_ROLE) == "archived"
    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.show_deleted.setChecked(True)
    names = shown(qtbot, page)
    assert page.model.index(names.index("Удалённый товар"), 0).data(ROW_STATE_ROLE) == "deleted"


def test_enter_opens_and_the_button_asks_for_a_new_product(qtbot, db, catalogue):
    page = show(qtbot, ProductListPage(db))
    type_search(qtbot, page, "доставка")
    settle(qtbot, page.model)
    opened: list[tuple[str, Any]] = []
    page.open_requested.connect(lambda kind, record: opened.append((kind, record)))
    page.view.activated.emit(page.model.index(0, 1))
    assert opened == [("product", catalogue["delivery"])]
    asked: list[str] = []
    page.new_requested.connect(asked.append)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert asked == ["product"]


# --- the card --------------------------------------------------------------------------------


def test_units_hint_in_plain_words():
    assert units_hint("кг", "упак", 5, "пал", 100) == "1 упак = 5 кг; 1 пал = 100 упак = 500 кг"
    assert units_hint("кг", "упак", 5) == "1 упак = 5 кг"
    assert units_hint("шт", "шт", 1, "пал", 40) == "1 пал = 40 шт"
    assert units_hint("шт", "шт", 1) == ""
    assert units_hint("кг", "упак", None, "пал", 10) == "1 пал = 10 упак"


def test_a_new_product_card_creates_the_product(qtbot, db, actor, units, shown_errors):
    card = show(qtbot, ProductCard(db, actor))
    assert card.title() == "New product"
    assert card.price_unit.currentText() == "шт"
    assert not card.prices.isEnabled()
    assert card.prices.notice.text() == "Save the product first to add prices."
    fill_card(card, units, description="Гвозди 5,0×200 мм")
    assert card.is_dirty()
    assert card.hint.text().splitlines() == [
        "1 упак = 5 кг; 1 пал = 100 упак = 500 кг",
        "The price is per 1 кг; deals sell whole упак.",
    ]
    assert card.save()
    assert not card.is_dirty()
    assert card.title() == "Гвозди строительные 200 мм (Catalogue item)"
    stored = c.get_product(db, card.record_id)
    assert stored.draft == c.ProductDraft(
        sku="ГВ-200",
        name="Гвозди строительные 200 мм",
        price_unit_id=units["кг"],
        sales_unit_id=units["упак"],
        sales_factor=5,
        kind="product",
        vat_rate="20",
        storage_unit_id=units["пал"],
        storage_factor=100,
        description="Гвозди 5,0×200 мм",
        archived=False,
    )
    assert card.prices.isEnabled()
    assert shown_errors == []


def test_the_card_shows_a_product_and_saves_an_edit(qtbot, db, actor, units, catalogue):
    card = show(qtbot, ProductCard(db, actor, catalogue["delivery"]))
    assert (card.sku.text(), card.name.text()) == ("УС-ДОСТ", "Доставка по городу")
    assert card.product_kind.currentData() == "service"
    assert card.vat_rate.currentText() == "Without VAT"
    assert [card.vat_rate.itemText(i) for i in range(4)] == [
        "20\u00a0%",
        "10\u00a0%",
        "0\u00a0%",
        "Without VAT",
    ]
    assert not card.sales_factor.isEnabled()  # the sales unit is the price unit: it holds one
    assert not card.storage_unit.isEnabled()  # a service is not stored
    assert not card.is_dirty()
    set_combo_data(card.vat_rate, "20")
    card.archived.setChecked(True)
    assert card.save()
    stored = c.get_product(db, catalogue["delivery"])
    assert (stored.draft.vat_rate, stored.draft.archived) == ("20", True)
    assert stored.version == 2


def test_a_duplicate_sku_is_shown_under_the_sku_and_nothing_is_saved(
    qtbot, db, actor, units, catalogue, shown_errors
):
    before = count_products(db)
    card = show(qtbot, ProductCard(db, actor))
    fill_card(card, units, sku="ГВ-100")
    assert not card.save()
    assert card.errors_shown() == {"sku": "Another product already has this SKU."}
    assert card.field_box("sku").error.isVisible()
    assert card.record_id is None and card.is_dirty()
    assert card.sku.text() == "ГВ-100"  # what was typed stays
    assert count_products(db) == before
    assert shown_errors == []


def test_a_sales_factor_of_zero_is_shown_under_it_and_nothing_is_saved(
    qtbot, db, actor, units, shown_errors
):
    card = show(qtbot, ProductCard(db, actor))
    fill_card(card, units, sales_factor="0", storage_factor="")
    card.name.clear()
    assert not card.save()
    errors = card.errors_shown()
    assert set(errors) == {"name", "sales_factor", "storage_factor"}
    assert errors["sales_factor"] == (
        "A sales unit holds a whole number of price units, at least one."
    )
    assert errors["storage_factor"] == (
        "A storage unit holds a whole number of sales units, at least one."
    )
    assert card.field_box("sales_factor").error.isVisible()
    assert card.field_box("storage_factor").error.isVisible()
    assert count_products(db) == 0
    assert shown_errors == []

    card.name.setText("Гвозди")
    card.sales_factor.setText("5")
    card.storage_factor.setText("100")
    assert card.save()  # corrected: saved, and the lines are gone
    assert card.errors_shown() == {}
    assert count_products(db) == 1


def test_the_same_unit_holds_one_and_no_storage_unit_no_size(qtbot, db, actor, units):
    card = show(qtbot, ProductCard(db, actor))
    fill_card(card, units, sales_factor="5", storage_unit=None, storage_factor="")
    assert card.sales_factor.isEnabled()
    assert not card.storage_factor.isEnabled()
    set_combo_data(card.sales_unit, units["кг"])
    assert card.sales_factor.value() == 1 and not card.sales_factor.isEnabled()
    assert card.hint.text() == "The price is per 1 кг; deals sell whole кг."
    assert card.save()
    draft = c.get_product(db, card.record_id).draft
    assert (draft.sales_factor, draft.storage_unit_id, draft.storage_factor) == (1, None, None)


def test_a_stale_save_says_who_and_keeps_the_typing(
    qtbot, db, actor, units, catalogue, shown_errors, monkeypatch
):
    card = show(qtbot, ProductCard(db, actor, catalogue["nails"]))
    other = ensure_user(db, "petrov", "Петров Пётр Петрович")
    mine = c.get_product(db, catalogue["nails"])
    theirs = c.update_product(
        db, other, mine.id, mine.version, c.ProductDraft(**{**mine.draft.__dict__, "name": "Их"})
    )
    card.name.setText("Моё")
    assert not card.save()
    assert card.banner.isVisible()
    assert "Петров Пётр Петрович" in card.banner.text.text()
    assert card.name.text() == "Моё" and card.is_dirty()
    assert c.get_product(db, mine.id).draft.name == theirs.draft.name == "Их"

    compared: list[list[card_dialogs.Difference]] = []

    def keep_mine(cls, parent, differences):
        compared.append(list(differences))
        return True

    monkeypatch.setattr(card_dialogs.CompareDialog, "ask", classmethod(keep_mine))
    card.banner_compare.click()
    assert [(d.field, d.label, d.mine, d.theirs) for d in compared[0]] == [
        ("name", "Name", "Моё", "Их")
    ]
    assert card.save()
    assert c.get_product(db, mine.id).draft.name == "Моё"
    assert shown_errors == []


def test_prices_are_saved_at_once_and_the_one_valid_today_is_bold(
    qtbot, db, actor, catalogue, shown_errors, monkeypatch
):
    card = show(qtbot, ProductCard(db, actor, catalogue["nails"]))
    card.tabs.setCurrentWidget(card.prices_page)
    assert card.add_group.isEnabled()
    assert card.price_per.text() == "₽ per кг"
    retail = p.catalogue_item_id(db, "price_type", "retail")
    wholesale = p.catalogue_item_id(db, "price_type", "wholesale")
    today = date.today()

    def add(price_type: uuid.UUID, day: date, price: str) -> bool:
        set_combo_data(card.price_type, price_type)
        card.valid_from.setDate(qt_date(day))
        card.price.setText(price)
        return card.add_price()

    assert add(retail, today - timedelta(days=60), "140")
    assert add(retail, today - timedelta(days=5), "1,450.5")
    assert add(retail, today + timedelta(days=30), "155")
    assert add(wholesale, today, "130")
    assert card.price.text() == ""  # ready for the next one
    assert not card.is_dirty()  # prices are not the card's Save

    stored = {
        (r.price_type_id, r.valid_from): r.price for r in c.get_product(db, card.record_id).prices
    }
    assert stored == {
        (retail, today - timedelta(days=60)): Decimal("140.00"),
        (retail, today - timedelta(days=5)): Decimal("1450.50"),
        (retail, today + timedelta(days=30)): Decimal("155.00"),
        (wholesale, today): Decimal("130.00"),
    }
    table = card.prices.table
    assert table.rowCount() == 4
    states = {}
    for row, price in zip(range(table.rowCount()), card.price_rows(), strict=True):
        states[(price.price_type_id, price.valid_from)] = (
            table.item(row, 3).text(),
            table.item(row, 2).text(),
            table.item(row, 0).font().bold(),
            card.is_valid_today(price.id),
        )
    assert states[(retail, today - timedelta(days=5))] == (
        "Valid today",
        "1,450.50\u00a0₽",
        True,
        True,
    )
    assert states[(retail, today - timedelta(days=60))][0] == "Superseded"
    assert states[(retail, today - timedelta(days=60))][2:] == (False, False)
    assert states[(retail, today + timedelta(days=30))][0] == "Scheduled"
    assert states[(wholesale, today)][0] == "Valid today"
    assert table.horizontalHeaderItem(2).text() == "Price per кг"

    # the same type and day again: replaced, not added
    assert add(wholesale, today, "128")
    assert count_prices(db) == 4
    assert c.price_for(db, card.record_id, wholesale, today) == Decimal("128.00")
    assert shown_errors == []


def test_a_bad_price_is_shown_under_it_and_nothing_is_stored(qtbot, db, actor, catalogue):
    card = show(qtbot, ProductCard(db, actor, catalogue["nails"]))
    card.price.setText("сто")
    assert not card.add_price()
    assert card.price_boxes["price"].error.text() == "Enter a number."
    card.price.setText("-5")
    assert not card.add_price()
    assert card.price_boxes["price"].error.text() == "The price cannot be negative."
    for typed in ("nan", "Infinity"):  # Decimal reads them; they are no price
        card.price.setText(typed)
        assert not card.add_price()
        assert card.price_boxes["price"].error.text() == "Enter a number."
    card.price.setText("")
    assert not card.add_price()
    assert count_prices(db) == 0
    card.price.setText("10")
    assert card.add_price()
    assert not card.price_boxes["price"].error.isVisible()
    assert count_prices(db) == 1


def test_removing_a_price_asks_and_the_earlier_one_is_valid_again(
    qtbot, db, actor, catalogue, monkeypatch
):
    retail = p.catalogue_item_id(db, "price_type", "retail")
    today = date.today()
    c.set_price(db, actor, catalogue["nails"], retail, today - timedelta(days=30), "100")
    newer = c.set_price(db, actor, catalogue["nails"], retail, today - timedelta(days=1), "110")
    card = show(qtbot, ProductCard(db, actor, catalogue["nails"]))
    assert card.is_valid_today(newer.id)
    assert not card.remove_price_button.isEnabled()
    card.prices.select_row([r.id for r in card.price_rows()].index(newer.id))
    assert card.remove_price_button.isEnabled()
    monkeypatch.setattr(card_dialogs.Confirm, "ask", classmethod(lambda cls, *a: False))
    assert not card.remove_price()
    monkeypatch.setattr(card_dialogs.Confirm, "ask", classmethod(lambda cls, *a: True))
    assert card.remove_price()
    assert [r.price for r in card.price_rows()] == [Decimal("100.00")]
    assert card.is_valid_today(card.price_rows()[0].id)
    assert c.price_for(db, catalogue["nails"], retail, today) == Decimal("100.00")


def test_valid_today_per_price_type():
    retail, wholesale = uuid.uuid4(), uuid.uuid4()
    today = date(2026, 6, 1)
    rows = [
        c.PriceRow(uuid.uuid4(), retail, "Розничная", date(2026, 7, 1), Decimal(3)),
        c.PriceRow(uuid.uuid4(), retail, "Розничная", date(2026, 6, 1), Decimal(2)),
        c.PriceRow(uuid.uuid4(), retail, "Розничная", date(2026, 1, 1), Decimal(1)),
        c.PriceRow(uuid.uuid4(), wholesale, "Оптовая", date(2026, 7, 1), Decimal(1)),
    ]
    assert valid_today(rows, today) == {rows[1].id}


def test_the_history_tab_names_the_products_fields(qtbot, db, actor, units, catalogue):
    card = show(qtbot, ProductCard(db, actor, catalogue["nails"]))
    card.name.setText("Гвозди 100")
    set_combo_data(card.price_unit, units["шт"])
    assert card.save()
    card.tabs.setCurrentWidget(card.history)
    model = card.history.model
    lines = {
        model.index(r, 2).data(): (model.index(r, 3).data(), model.index(r, 4).data())
        for r in range(model.rowCount())
    }
    assert lines["Name"] == ("Гвозди строительные 100 мм", "Гвозди 100")
    assert lines["Price unit"] == ("кг", "шт")
    assert "Record created" in lines
    assert "search_key" not in lines and "Name for search" not in lines


def test_deleting_and_restoring_a_product(qtbot, db, actor, catalogue, monkeypatch):
    monkeypatch.setattr(card_dialogs.Confirm, "ask", classmethod(lambda cls, *a: True))
    card = show(qtbot, ProductCard(db, actor, catalogue["cement"]))
    assert card.delete_action.isEnabled() and not card.restore_action.isEnabled()
    assert card.delete_product()
    assert c.get_product(db, catalogue["cement"]).is_deleted
    assert card.deleted_notice.isVisible()
    assert not card.save_button.isEnabled()
    assert card.restore_action.isEnabled()
    assert card.restore_product()
    assert not c.get_product(db, catalogue["cement"]).is_deleted
    assert not card.deleted_notice.isVisible() and card.save_button.isEnabled()


# --- the main window -------------------------------------------------------------------------


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_window(qtbot, db, actor, settings) -> MainWindow:
    window = MainWindow(db, actor, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_catalogue_section_lists_products_and_opens_them(qtbot, db, actor, settings, catalogue):
    assert section_is_live(SECTION_BY_KEY["catalogue"])
    window = make_window(qtbot, db, actor, settings)
    page = window.open_section("catalogue")
    assert isinstance(page, ProductListPage)
    assert window.workspace.tabText(window.workspace.currentIndex()) == "Catalogue"
    assert page.model.rowCount() == 13
    type_search(qtbot, page, "ГВ-100")
    settle(qtbot, page.model)
    page.view.activated.emit(page.model.index(0, 0))
    card = window.current_card()
    assert isinstance(card, ProductCard)
    assert card.record_id == catalogue["nails"]
    assert window.open_card("product", catalogue["nails"]) is card  # once


def test_ctrl_n_in_the_catalogue_makes_a_product(qtbot, db, actor, settings, units):
    window = make_window(qtbot, db, actor, settings)

    def keys(action) -> list[str]:
        return [s.toString() for s in action.shortcuts()]

    assert keys(window.new_client_action) == ["Ctrl+N"]
    assert keys(window.new_product_action) == []
    page = window.open_section("catalogue")
    assert keys(window.new_client_action) == []
    assert keys(window.new_product_action) == ["Ctrl+N"]
    # offscreen, no window is active to receive key presses: press what Ctrl+N is bound to
    bound = [a for a in window.findChildren(QAction) if "Ctrl+N" in keys(a)]
    assert bound == [window.new_product_action]
    bound[0].trigger()
    card = window.current_card()
    assert isinstance(card, ProductCard) and card.is_new()
    assert keys(window.new_product_action) == ["Ctrl+N"]  # still, on a product's card
    fill_card(card, units)
    window.save_action.trigger()  # Ctrl+S
    assert card.record_id is not None
    assert window.workspace.tabToolTip(window.workspace.currentIndex()) == (
        "Гвозди строительные 200 мм (Catalogue item)"
    )
    window.open_section("catalogue")  # the list was read again when shown
    assert shown(qtbot, page) == ["Гвозди строительные 200 мм"]
    window.open_section("clients")
    assert keys(window.new_client_action) == ["Ctrl+N"]
    assert keys(window.new_product_action) == []


def test_the_list_button_opens_a_new_product_card(qtbot, db, actor, settings):
    window = make_window(qtbot, db, actor, settings)
    page = window.open_section("catalogue")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    card = window.current_card()
    assert isinstance(card, ProductCard) and card.is_new()
    assert window.workspace.tabText(window.workspace.currentIndex()) == "New product"
