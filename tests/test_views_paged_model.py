"""The keyset-paged table model with fake sources: Qt's model contract, the page cache, anchors,
sorting and filtering through the source, errors; no SQL anywhere here."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from crm_desktop.errors import QT_TRANSLATE_NOOP, StorageError
from crm_desktop.views.itemmodels.paged import (
    ALIGN_RIGHT,
    ROW_STATE_ROLE,
    Column,
    PagedTableModel,
    PageSource,
    wait_for_reads,
)

ROOT = QModelIndex()
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.UserRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.EditRole,
    ROW_STATE_ROLE,
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
    """``n`` rows served in keyset pages, as services.lists does in SQL; records every call and
    how many rows it handed out."""

    def __init__(self, n: int = 1000, *, prefix: str = "name") -> None:
        self.rows = [
            FakeRow(i, f"{prefix} {(i * 7919) % n:06d}", (i * 31) % 97, None if i % 3 else f"n{i}")
            for i in range(n)
        ]
        self.calls: list[tuple[Any, ...]] = []
        self.rows_fetched = 0
        self.count_calls = 0
        self.anchor_calls = 0
        self.fail: Exception | None = None
        self._sorted: dict[tuple[str, bool], list[tuple[Any, FakeRow]]] = {}
        self._keys: dict[tuple[str, bool], list[Any]] = {}

    def ordered(self, sort: str, descending: bool) -> list[tuple[Any, FakeRow]]:
        if (sort, descending) not in self._sorted:
            keyed = sorted(((getattr(r, sort), r.id), r) for r in self.rows)
            self._sorted[(sort, descending)] = keyed[::-1] if descending else keyed
            self._keys[(sort, descending)] = [
                _Reverse(k) if descending else k for k, _ in self._sorted[(sort, descending)]
            ]
        return self._sorted[(sort, descending)]

    def changed(self) -> None:
        self._sorted.clear()
        self._keys.clear()

    def fetch_page(
        self, after: Any, skip: int, limit: int, sort: str, descending: bool
    ) -> list[tuple[Any, FakeRow]]:
        self.calls.append((after, skip, limit, sort, descending))
        if self.fail is not None:
            raise self.fail
        keyed = self.ordered(sort, descending)
        start = 0
        if after is not None:
            probe = after if not descending else _Reverse(after)
            start = bisect.bisect_right(self._keys[(sort, descending)], probe)
        page = keyed[start + skip : start + skip + limit]
        self.rows_fetched += len(page)
        return page

    def count(self) -> int:
        self.count_calls += 1
        if self.fail is not None:
            raise self.fail
        return len(self.rows)

    def anchors(self, sort: str, descending: bool, every: int) -> Sequence[Any]:
        self.anchor_calls += 1
        keyed = self.ordered(sort, descending)
        return [keyed[i][0] for i in range(every - 1, len(keyed), every)]

    def source(self, *, anchors: bool = True) -> PageSource[FakeRow]:
        return PageSource(self.fetch_page, self.count, self.anchors if anchors else None)


@dataclass(frozen=True)
class _Reverse:
    key: Any

    def __lt__(self, other: _Reverse) -> bool:
        return bool(other.key < self.key)


def make_model(
    source: FakeSource, *, background: bool = False, **options: Any
) -> PagedTableModel[FakeRow]:
    return PagedTableModel(
        FAKE_COLUMNS,
        source.source(),
        tr_context="TestColumns",
        default_sort="name",
        row_state=lambda r: "archived" if r.amount == 0 else None,
        background=background,
        **options,
    )


def model_tester(model: PagedTableModel[Any]) -> QAbstractItemModelTester:
    """Qt's own checker in Fatal mode, watching every change from now on. The model no longer
    uses fetchMore (rowCount is the count), so nothing is switched off."""
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)


def settle(qtbot: Any, model: PagedTableModel[Any]) -> None:
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)


def read_rows(qtbot: Any, model: PagedTableModel[Any], rows: range, column: int = 0) -> list[Any]:
    """Ask for ``rows`` the way a view does (data() on each), until they are all there."""

    def ready() -> bool:
        return all(model.index(r, column).data() is not None for r in rows)

    qtbot.waitUntil(ready, timeout=10_000)
    return [model.index(r, column).data() for r in rows]


def read_every_cell(model: PagedTableModel[Any], rows: range) -> None:
    for row in rows:
        for column in range(model.columnCount()):
            for role in ROLES:
                model.data(model.index(row, column), role)


@pytest.fixture(params=[False, True], ids=["zero-timer", "worker"])
def background(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def test_the_model_tester_passes_while_rows_arrive(qtbot, background):
    source = FakeSource(1000)
    model = make_model(source, background=background)
    check = model_tester(model)
    assert model.rowCount() == 0
    assert model.columnCount() == 3
    assert source.calls == []  # nothing is read before refresh()
    model.refresh()
    assert source.calls == [(None, 0, 100, "name", False)]  # the first page, at once
    assert model.rowCount() == 100  # the page was full: the count comes in the background
    assert not model.total_known
    with qtbot.waitSignal(model.total_changed) as counted:
        pass
    assert counted.args == [1000]
    assert model.rowCount() == 1000
    assert model.total() == 1000
    names = read_rows(qtbot, model, range(1000))
    assert names == sorted(names)
    ids = {model.data(model.index(r, 0), Qt.ItemDataRole.UserRole) for r in range(1000)}
    assert ids == set(range(1000))
    read_every_cell(model, range(0, 1000, 7))
    settle(qtbot, model)
    del check


def test_data_never_reads_it_asks_and_the_rows_follow(qtbot):
    source = FakeSource(1000)
    model = make_model(source)
    check = model_tester(model)
    model.refresh()
    settle(qtbot, model)
    calls = len(source.calls)
    assert model.data(model.index(500, 0)) is None  # not read yet: empty, and asked for
    assert model.data(model.index(500, 0), Qt.ItemDataRole.UserRole) is None
    assert model.row(500) is None
    assert len(source.calls) == calls  # data() itself did not read
    with qtbot.waitSignal(model.dataChanged) as changed:
        pass
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), bottom.row(), bottom.column()) == (500, 599, 2)
    assert model.data(model.index(500, 0)) == source.ordered("name", False)[500][1].name
    del check


def test_scrolling_down_reads_after_the_last_key_of_the_page_before(qtbot):
    source = FakeSource(1000)
    model = make_model(source)
    model.refresh()
    settle(qtbot, model)
    source.calls.clear()
    read_rows(qtbot, model, range(100, 300))
    first_key = model.row(99)
    assert first_key is not None
    assert source.calls[0][:2] == ((first_key.name, first_key.id), 0)
    assert all(skip == 0 for _after, skip, *_ in source.calls)


def test_a_jump_far_down_is_one_anchor_seek_and_one_page(qtbot):
    source = FakeSource(20_000)
    model = make_model(source, page_size=50, anchor_every=1000)
    check = model_tester(model)  # Qt's checker walks every row on some signals: 20,000 here
    model.refresh()
    settle(qtbot, model)  # the count, then the anchors (one scan) in the background
    assert model.total() == 20_000
    assert source.anchor_calls == 1
    source.calls.clear()
    fetched = source.rows_fetched
    ordered = source.ordered("name", False)
    assert read_rows(qtbot, model, range(18_020, 18_030)) == [
        row.name for _, row in ordered[18_020:18_030]
    ]
    assert len(source.calls) == 1
    after, skip, limit, _, _ = source.calls[0]
    assert after == ordered[17_999][0]  # the anchor right before row 18,000
    assert (skip, limit) == (0, 50)
    assert source.rows_fetched - fetched == 50
    # the last rows: the anchor before them and a skip shorter than the anchor spacing
    assert read_rows(qtbot, model, range(19_990, 20_000))[-1] == ordered[-1][1].name
    assert 0 < source.calls[-1][1] < 1000
    settle(qtbot, model)
    del check


def test_the_page_cache_is_bounded(qtbot):
    source = FakeSource(20_000)
    model = make_model(source, page_size=20, cache_pages=4, anchor_every=200)
    model.refresh()
    settle(qtbot, model)
    visits = range(0, 20_000, 1_999)
    for start in visits:
        read_rows(qtbot, model, range(start, min(start + 5, 20_000)))
        assert len(model.cached_pages()) <= 4
    assert source.rows_fetched <= 20 * (2 * len(visits) + 1)  # 1-2 pages a visit, and page 0


def test_without_anchors_a_far_page_is_read_with_offset(qtbot):
    source = FakeSource(3000)
    model = PagedTableModel(
        FAKE_COLUMNS,
        source.source(anchors=False),
        tr_context="TestColumns",
        default_sort="name",
        background=False,
    )
    model.refresh()
    settle(qtbot, model)
    assert read_rows(qtbot, model, range(2500, 2502)) == [
        r.name for _, r in source.ordered("name", False)[2500:2502]
    ]
    assert source.calls[-1][:2] == (None, 2500)


def test_sort_reads_in_the_new_order_and_resets(qtbot, background):
    source = FakeSource(1000)
    model = make_model(source, background=background)
    check = model_tester(model)
    model.refresh()
    settle(qtbot, model)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=10_000):
        model.sort(1, Qt.SortOrder.DescendingOrder)
        assert model.sort_key == "amount"  # at once; the rows follow
        assert model.loading
    assert not model.loading
    assert source.calls[-1] == (None, 0, 100, "amount", True)
    assert model.rowCount() == 1000  # the count does not change with the order
    assert model.sort_column() == 1
    amounts = read_rows(qtbot, model, range(1000), column=1)
    keys = [(model.row(r).amount, model.row(r).id) for r in range(1000)]  # type: ignore[union-attr]
    assert keys == sorted(keys, reverse=True)
    assert amounts == [str(a) for a, _ in keys]
    assert source.count_calls == 1
    settle(qtbot, model)
    del check


def test_a_column_without_sort_key_does_not_sort(qtbot):
    source = FakeSource()
    model = make_model(source)
    model.refresh()
    calls = len(source.calls)
    assert not model.is_sortable(2)
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert len(source.calls) == calls
    assert model.sort_key == "name"
    with pytest.raises(ValueError, match="unknown sort key"):
        model.set_order("note")


def test_a_new_source_keeps_the_old_rows_until_the_new_ones_are_there(qtbot, background):
    first = FakeSource(1000)
    model = make_model(first, background=background)
    check = model_tester(model)
    model.refresh()
    settle(qtbot, model)
    second = FakeSource(40, prefix="other")
    with qtbot.waitSignal(model.loading_changed) as started:
        model.set_source(second.source())
    assert started.args == [True]
    assert model.rowCount() == 1000  # still the old list
    assert model.data(model.index(0, 0)).startswith("name")
    with qtbot.waitSignal(model.total_changed, timeout=10_000) as counted:
        pass
    assert counted.args == [40]
    assert not model.loading
    assert model.rowCount() == 40
    assert read_rows(qtbot, model, range(40))[0].startswith("other")
    assert second.count_calls == 0  # a short first page is its own count
    settle(qtbot, model)
    del check


def test_refresh_recounts_and_reads_the_first_page_again(qtbot):
    source = FakeSource(150)
    model = make_model(source)
    check = model_tester(model)
    model.refresh()
    settle(qtbot, model)
    assert model.total() == 150
    source.rows = source.rows[:120]
    source.changed()
    with qtbot.waitSignal(model.total_changed) as counted:
        model.refresh()
    assert counted.args == [120]
    assert model.rowCount() == 120
    settle(qtbot, model)
    del check


def test_the_count_can_come_back_smaller_than_the_first_page_said(qtbot):
    source = FakeSource(500)
    source.count = lambda: 80  # type: ignore[method-assign]  # rows deleted meanwhile
    model = make_model(source)
    check = model_tester(model)
    model.refresh()
    assert model.rowCount() == 100
    with qtbot.waitSignal(model.total_changed):
        pass
    assert model.rowCount() == 80
    del check


def test_a_storage_error_is_reported_not_raised(qtbot, background):
    source = FakeSource()
    model = make_model(source, background=background)
    check = model_tester(model)
    model.refresh()
    settle(qtbot, model)
    source.fail = StorageError(
        QT_TRANSLATE_NOOP("UserErrors", "Cannot open the database {url}: {detail}"),
        url="x",
        detail="gone",
    )
    with qtbot.waitSignal(model.load_failed, timeout=10_000) as failed:
        model.data(model.index(900, 0))
    assert isinstance(failed.args[0], StorageError)
    assert model.rowCount() == 1000
    settle(qtbot, model)  # and it stops asking
    calls = len(source.calls)
    model.data(model.index(800, 0))
    qtbot.wait(20)
    assert len(source.calls) == calls
    source.fail = None
    model.refresh()
    assert read_rows(qtbot, model, range(800, 801))
    del check


def test_a_storage_error_on_refresh_keeps_what_is_shown(qtbot):
    source = FakeSource()
    model = make_model(source)
    source.fail = StorageError(QT_TRANSLATE_NOOP("UserErrors", "This field is required."))
    with qtbot.waitSignal(model.load_failed):
        model.refresh()
    assert model.rowCount() == 0


def test_a_bug_in_the_source_is_not_hidden(qtbot, background):
    source = FakeSource()
    model = make_model(source, background=background)
    model.refresh()
    settle(qtbot, model)
    source.fail = ZeroDivisionError("a bug")
    with qtbot.captureExceptions() as exceptions:
        model.data(model.index(700, 0))
        qtbot.waitUntil(lambda: bool(exceptions), timeout=10_000)
    assert isinstance(exceptions[0][1], ZeroDivisionError)


def test_roles_header_flags_and_row_state(qtbot):
    source = FakeSource(10)
    model = make_model(source)
    model.refresh()
    first = source.ordered("name", False)[0][1]
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
    zero = next(r for r in range(10) if model.row(r).amount == 0)  # type: ignore[union-attr]
    assert model.data(model.index(zero, 0), ROW_STATE_ROLE) == "archived"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Amount"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.row_id(0) == first.id
    assert model.row_id(99) is None
    assert model.total_known and model.total() == 10
    assert source.count_calls == 0  # a short first page is the whole list


def test_default_sort_must_be_a_columns_sort_key():
    source = FakeSource(1)
    with pytest.raises(ValueError, match="default sort"):
        PagedTableModel(
            FAKE_COLUMNS, source.source(), tr_context="TestColumns", default_sort="note"
        )


def test_reads_finish_before_the_end(qtbot):
    source = FakeSource(5000)
    model = make_model(source, background=True, anchor_every=100)
    model.refresh()
    model.data(model.index(50, 0))
    assert wait_for_reads(10_000)
