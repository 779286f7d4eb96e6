"""The keyset-paged table model: Qt's model contract, paging, SQL sorting, no fetch in data()."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from crm_desktop.errors import QT_TRANSLATE_NOOP, StorageError
from crm_desktop.services import parties as p
from crm_desktop.services.lists import CLIENT_SORT_KEYS, ClientFilter, client_count
from crm_desktop.views.itemmodels.clients import (
    CLIENT_COLUMNS,
    DEFAULT_SORT,
    clients_model,
    short_person_name,
)
from crm_desktop.views.itemmodels.paged import ALIGN_RIGHT, Column, PagedTableModel

ROOT = QModelIndex()
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.UserRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.EditRole,
)


@dataclass(frozen=True)
class FakeRow:
    id: int
    name: str
    amount: int
    note: str | None


FAKE_COLUMNS: tuple[Column[FakeRow], ...] = (
    Column(QT_TRANSLATE_NOOP("TestColumns", "Name"), lambda r: r.name, sort_key="name"),
    Column(
        QT_TRANSLATE_NOOP("TestColumns", "Amount"),
        lambda r: r.amount,
        sort_key="amount",
        alignment=ALIGN_RIGHT,
    ),
    Column(QT_TRANSLATE_NOOP("TestColumns", "Note"), lambda r: r.note),
)


class FakeSource:
    """1,000 rows served in keyset pages, like services.lists does in SQL; records every call."""

    def __init__(self, n: int = 1000) -> None:
        self.rows = [
            FakeRow(i, f"name {(i * 7919) % n:04d}", (i * 31) % 97, None if i % 3 else f"n{i}")
            for i in range(n)
        ]
        self.fetch_calls: list[tuple[Any, int, str, bool]] = []
        self.count_calls = 0
        self.fail: Exception | None = None

    def fetch_page(
        self, after: Any, limit: int, sort: str, descending: bool
    ) -> list[tuple[Any, FakeRow]]:
        self.fetch_calls.append((after, limit, sort, descending))
        if self.fail is not None:
            raise self.fail
        keyed = sorted(
            ((getattr(r, sort), r.id), r) for r in self.rows
        )  # (sort value, id): total order
        if descending:
            keyed.reverse()
        if after is not None:
            keyed = [(k, r) for k, r in keyed if (k < after if descending else k > after)]
        return keyed[:limit]

    def count(self) -> int:
        self.count_calls += 1
        return len(self.rows)


def make_model(source: FakeSource, page_size: int = 100) -> PagedTableModel[FakeRow]:
    return PagedTableModel(
        FAKE_COLUMNS,
        source.fetch_page,
        source.count,
        tr_context="TestColumns",
        default_sort="name",
        page_size=page_size,
    )


def model_tester(model: PagedTableModel[Any]) -> QAbstractItemModelTester:
    """Qt's checker, watching every change from now on; the model starts again at page one.

    The tester's constructor runs its checks once with fetchMore on (there is no way to switch
    it off earlier): the model is refreshed after ``setUseFetchMore(False)`` so each test
    drives fetchMore itself from the first page (see STYLE.md).
    """
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    tester.setUseFetchMore(False)
    model.refresh()
    return tester


def fetch_all(model: PagedTableModel[Any]) -> int:
    pages = 0
    while model.canFetchMore(ROOT):
        model.fetchMore(ROOT)
        pages += 1
        assert pages < 10_000
    return pages


def read_every_cell(model: PagedTableModel[Any]) -> None:
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in ROLES:
                model.data(model.index(row, column), role)


def test_fake_model_passes_the_model_tester_while_paging(qtbot):
    source = FakeSource()
    model = make_model(source)
    assert model.rowCount() == 0
    assert model.columnCount() == 3
    assert source.fetch_calls == []  # nothing is read before a view (or refresh) asks
    tester = model_tester(model)
    assert model.rowCount() == 100
    assert source.fetch_calls[-1] == (None, 100, "name", False)  # refresh: the first page
    source.fetch_calls.clear()

    model.fetchMore(ROOT)
    assert model.rowCount() == 200
    assert source.fetch_calls[0][1:] == (100, "name", False)
    assert source.fetch_calls[0][0] == (model.row(99).name, model.row(99).id)  # type: ignore[union-attr]
    fetch_all(model)
    assert model.rowCount() == 1000
    assert not model.canFetchMore(ROOT)
    assert model.total() == 1000
    # 9 more full pages and the empty one that tells the end
    assert len(source.fetch_calls) == 10
    # each page continues after the last key of the one before
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert names == sorted(names)
    assert {model.data(model.index(r, 0), Qt.ItemDataRole.UserRole) for r in range(1000)} == set(
        range(1000)
    )
    del tester


def test_a_short_last_page_ends_the_fetching(qtbot):
    source = FakeSource(250)
    model = make_model(source)
    tester = model_tester(model)
    source.fetch_calls.clear()
    assert model.rowCount() == 100
    assert fetch_all(model) == 2
    assert model.rowCount() == 250
    assert [c[0] is None for c in source.fetch_calls] == [False, False]
    del tester


def test_data_answers_from_the_fetched_rows_and_never_fetches(qtbot):
    source = FakeSource()
    model = make_model(source)
    tester = model_tester(model)
    calls, counts = len(source.fetch_calls), source.count_calls
    read_every_cell(model)
    for column in range(model.columnCount()):
        model.headerData(column, Qt.Orientation.Horizontal)
    assert model.data(model.index(500, 0)) is None  # not fetched yet: no cell, no fetch
    assert len(source.fetch_calls) == calls
    assert source.count_calls == counts
    del tester


def test_roles(qtbot):
    source = FakeSource(10)
    model = make_model(source)
    model.fetchMore(ROOT)
    first = source.fetch_page(None, 1, "name", False)[0][1]
    assert model.data(model.index(0, 0)) == first.name
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == first.name
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == first.id
    assert model.data(model.index(0, 1)) == str(first.amount)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) == int(
        ALIGN_RIGHT.value
    )
    empty_note = next(r for r in range(10) if model.row(r).note is None)  # type: ignore[union-attr]
    assert model.data(model.index(empty_note, 2)) == ""
    assert model.data(model.index(empty_note, 2), Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.EditRole) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Amount"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.row_id(0) == first.id
    assert model.row_id(99) is None


def test_sort_asks_for_the_columns_sort_key_and_resets(qtbot):
    source = FakeSource()
    model = make_model(source)
    tester = model_tester(model)
    model.fetchMore(ROOT)
    assert model.rowCount() == 200

    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.sort(1, Qt.SortOrder.DescendingOrder)
    assert source.fetch_calls[-1] == (None, 100, "amount", True)
    assert model.rowCount() == 100
    assert model.sort_key == "amount"
    assert model.descending
    assert model.sort_column() == 1
    amounts = [model.row(r).amount for r in range(100)]  # type: ignore[union-attr]
    assert amounts == sorted(amounts, reverse=True)
    fetch_all(model)
    keys = [(model.row(r).amount, model.row(r).id) for r in range(1000)]  # type: ignore[union-attr]
    assert keys == sorted(keys, reverse=True)
    assert source.fetch_calls[-1][2:] == ("amount", True)
    del tester


def test_a_column_without_sort_key_does_not_sort(qtbot):
    source = FakeSource()
    model = make_model(source)
    tester = model_tester(model)
    calls = len(source.fetch_calls)
    assert not model.is_sortable(2)
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert len(source.fetch_calls) == calls
    assert model.sort_key == "name"
    assert model.rowCount() == 100
    del tester


def test_refresh_recounts_and_reads_the_first_page_again(qtbot):
    source = FakeSource(150)
    model = make_model(source)
    tester = model_tester(model)
    fetch_all(model)
    source.rows = source.rows[:120]
    with qtbot.waitSignal(model.total_changed) as blocker:
        model.refresh()
    assert blocker.args == [120]
    assert model.total() == 120
    assert model.rowCount() == 100
    assert model.canFetchMore(ROOT)
    del tester


def test_a_storage_error_is_reported_not_raised(qtbot):
    source = FakeSource()
    model = make_model(source)
    tester = model_tester(model)
    source.fail = StorageError(
        QT_TRANSLATE_NOOP("UserErrors", "Cannot open the database {url}: {detail}"),
        url="x",
        detail="gone",
    )
    with qtbot.waitSignal(model.load_failed) as blocker:
        model.fetchMore(ROOT)
    assert isinstance(blocker.args[0], StorageError)
    assert model.rowCount() == 100
    assert not model.canFetchMore(ROOT)
    del tester


def test_a_bug_in_fetch_page_is_not_hidden(qtbot):
    source = FakeSource()
    model = make_model(source)
    source.fail = ZeroDivisionError()
    with pytest.raises(ZeroDivisionError):
        model.fetchMore(ROOT)


def test_default_sort_must_be_a_columns_sort_key():
    source = FakeSource(1)
    with pytest.raises(ValueError, match="default sort"):
        PagedTableModel(
            FAKE_COLUMNS,
            source.fetch_page,
            source.count,
            tr_context="TestColumns",
            default_sort="note",
        )


# --- the clients model over the real services ------------------------------------------------


@pytest.mark.parametrize("column", CLIENT_COLUMNS, ids=lambda c: c.header)
def test_client_sort_keys_are_in_the_services_whitelist(column):
    assert column.sort_key is None or column.sort_key in CLIENT_SORT_KEYS


def test_client_columns_are_the_expected_ones():
    assert [c.header for c in CLIENT_COLUMNS] == [
        "Name",
        "Circle",
        "Owner",
        "Industry",
        "Phone",
        "E-mail",
        "Created",
    ]
    assert DEFAULT_SORT in CLIENT_SORT_KEYS
    assert [c.sort_key for c in CLIENT_COLUMNS] == [
        "name",
        None,
        None,
        "industry",
        None,
        None,
        "created_at",
    ]


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Лебедев Андрей Викторович", "Лебедев А. В."),
        ("Петрова мария", "Петрова М."),
        ("root", "root"),
        ("ООО «Ромашка» отдел 2", "ООО «Ромашка» отдел 2"),
        (None, ""),
    ],
)
def test_short_person_name(full, short):
    assert short_person_name(full) == short


INDUSTRIES = ("Строительство", "Торговля", None, "Логистика")


@pytest.fixture
def many_clients(db, actor) -> list[uuid.UUID]:
    ids = []
    for i in range(250):
        channels: tuple[p.ChannelDraft, ...] = ()
        if i % 2 == 0:
            channels = (
                p.ChannelDraft(kind="phone", value=f"+7 495 100-{i // 100:02d}-{i % 100:02d}"),
            )
        draft = p.ClientDraft(
            name=f"ООО «Клиент {(i * 37) % 250:03d}»",
            industry=INDUSTRIES[i % len(INDUSTRIES)],
            channels=channels,
        )
        ids.append(p.create_client(db, actor, draft).id)
    return ids


def test_clients_model_pages_over_the_database(qtbot, db, actor, many_clients):
    model = clients_model(db)
    tester = model_tester(model)
    assert model.total() == 250 == client_count(db, ClientFilter())
    assert model.rowCount() == 100
    assert fetch_all(model) == 2
    assert model.rowCount() == 250
    ids = [model.data(model.index(r, 0), Qt.ItemDataRole.UserRole) for r in range(250)]
    assert sorted(ids) == sorted(many_clients)
    names = [model.data(model.index(r, 0)) for r in range(250)]
    assert names == sorted(names)  # same digits and prefix: search-key order is text order
    assert model.data(model.index(0, 0)) == "ООО «Клиент 000»"
    # owner: whoever created it, shortened as lists show people; the tooltip has it in full
    assert actor.full_name == "Иванов Иван Иванович"
    assert model.data(model.index(0, 2)) == "Иванов И. И."
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == actor.full_name
    read_every_cell(model)
    del tester


@pytest.mark.parametrize(
    ("column", "descending"),
    [(3, False), (3, True), (6, True), (0, True)],
    ids=["industry", "industry-desc", "created-desc", "name-desc"],
)
def test_clients_model_sorts_in_sql(qtbot, db, many_clients, column, descending):
    model = clients_model(db)
    tester = model_tester(model)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(column, order)
    assert model.sort_key == CLIENT_COLUMNS[column].sort_key
    fetch_all(model)
    assert model.rowCount() == 250
    rows = [model.row(r) for r in range(250)]
    assert len({r.id for r in rows if r is not None}) == 250
    getter = {3: lambda r: r.industry or "", 6: lambda r: r.created_at, 0: lambda r: r.name}[column]
    values = [getter(r) for r in rows]
    assert values == sorted(values, reverse=descending)
    del tester
