"""A 100,000-client list: opening it, jumping to the end, sorting and searching read a bounded
number of rows (counted where the model gets them), because the work is done in SQL."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Table, insert

from crm_desktop.db import Database
from crm_desktop.models import Client, new_id
from crm_desktop.services import lists
from crm_desktop.services import parties as p
from crm_desktop.services import validation as v
from crm_desktop.services.search import build_search_text
from crm_desktop.services.uow import Actor, write_unit
from crm_desktop.views.itemmodels.clients import client_source, clients_model
from crm_desktop.views.itemmodels.paged import PagedTableModel, PageSource

pytestmark = pytest.mark.slow

ROWS = 100_000
WORDS = (
    "Альфа", "Вектор", "Гранит", "Меридиан", "Орион", "Атлант", "Континент", "Прогресс",
    "Альянс", "Импульс", "Сфера", "Горизонт", "Элемент", "Полюс", "Кристалл", "Ресурс",
    "Уралстрой", "Сибтранс", "Волгаторг", "Камаснаб", "Невамаркет", "Донагро", "Технософт",
)  # fmt: skip
INDUSTRIES = ("Строительство", "Оптовая торговля", "Логистика", None)


def fill(db: Database, actor: Actor, rows: int) -> None:
    """``rows`` clients with Core inserts, search keys and texts as the services make them."""
    keys = {word: v.search_key(word) for word in WORDS}
    now = datetime.now(UTC)
    table = Client.__table__
    assert isinstance(table, Table)
    batch: list[dict[str, Any]] = []
    with write_unit(db, actor) as session:
        for i in range(rows):
            word = WORDS[i % len(WORDS)]
            name = f"{word} {i}"
            key = f"{keys[word]} {i}"
            at = now - timedelta(seconds=i)
            batch.append(
                {
                    "id": new_id(),
                    "created_at": at,
                    "updated_at": at,
                    "version": 1,
                    "deleted_at": None,
                    "created_by_id": actor.user_id,
                    "updated_by_id": actor.user_id,
                    "name": name,
                    "search_key": key,
                    "search_text": key,  # = build_search_text([name]) for these names
                    "match_key": v.match_key(word) + str(i),
                    "merged_into_id": None,
                    "is_client": True,
                    "is_supplier": i % 10 == 0,
                    "is_dealer": False,
                    "is_competitor": False,
                    "is_carrier": False,
                    "is_other": False,
                    "circle_id": None,
                    "owner_id": actor.user_id,
                    "source_id": None,
                    "industry": INDUSTRIES[i % len(INDUSTRIES)],
                    "head_count": None,
                    "notes": None,
                    "is_archived": i % 50 == 0,
                }
            )
            if len(batch) == 10_000:
                session.execute(insert(table), batch)
                batch = []
        if batch:
            session.execute(insert(table), batch)
    assert build_search_text([f"{WORDS[0]} 0"]) == f"{keys[WORDS[0]]} 0"


class Counted:
    """A source that counts the rows (and the keys) the model is handed."""

    def __init__(self, source: PageSource[Any]) -> None:
        self.inner = source
        self.rows = 0
        self.pages = 0
        self.anchor_keys = 0
        self.source: PageSource[Any] = PageSource(
            self.fetch_page, source.count, self.anchors, source.capped
        )

    def fetch_page(self, *args: Any) -> Sequence[tuple[Any, Any]]:
        page = self.inner.fetch_page(*args)
        self.rows += len(page)
        self.pages += 1
        return page

    def anchors(self, *args: Any) -> Sequence[Any]:
        assert self.inner.anchors is not None
        keys = self.inner.anchors(*args)
        self.anchor_keys += len(keys)
        return keys


def show(qtbot: Any, model: PagedTableModel[Any], first: int, last: int) -> list[str]:
    """What a view showing rows ``first..last`` gets, once the rows are there."""
    rows = range(first, last + 1)
    qtbot.waitUntil(lambda: all(model.index(r, 0).data() for r in rows), timeout=30_000)
    return [model.index(r, 0).data() for r in rows]


def settle(qtbot: Any, model: PagedTableModel[Any]) -> None:
    qtbot.waitUntil(lambda: not model.busy, timeout=60_000)


def test_a_hundred_thousand_clients_are_never_read_whole(qtbot, db, actor):
    started = time.perf_counter()
    fill(db, actor, ROWS)
    romashka = p.create_client(
        db,
        actor,
        p.ClientDraft(
            name="ООО «Ромашка»",
            channels=(p.ChannelDraft(kind="phone", value="+7 495 123-45-67", is_primary=True),),
        ),
    ).id
    built = time.perf_counter() - started
    live = lists.client_count(db, lists.ClientFilter())
    assert live == ROWS - ROWS // 50 + 1

    # opening: the first page now, the count and the anchors in the background
    counted = Counted(client_source(db))
    model = clients_model(db)
    model.refresh(counted.source)
    first = lists.client_page(db, lists.ClientFilter(), lists.PageRequest(limit=1))
    assert show(qtbot, model, 0, 40)[0] == first[0][1].name
    settle(qtbot, model)
    assert model.rowCount() == live
    assert counted.rows == 100  # one page
    assert counted.anchor_keys == live // 500  # keys, not rows: one scan in SQL

    # jumping to the end: one anchor seek and a page or two
    last = show(qtbot, model, live - 41, live - 1)
    descending = lists.client_page(db, lists.ClientFilter(), lists.PageRequest(descending=True))
    assert last[-1] == descending[0][1].name
    assert counted.rows <= 100 + 200

    # sorting: in SQL, the new order's first page
    before = counted.rows
    with qtbot.waitSignal(model.modelReset, timeout=30_000):
        model.sort(3, Qt.SortOrder.DescendingOrder)  # industry
    industries = [model.index(r, 3).data() for r in range(5)]
    assert industries == ["Строительство"] * 5
    show(qtbot, model, 0, 40)
    settle(qtbot, model)
    assert counted.rows - before <= 100

    # searching: through the index; the hits are ids (at most 1,000), the rows one page
    for text in ("ромаш", "8 (495) 123-45-67"):
        search = Counted(client_source(db, lists.ClientFilter(search=text)))
        with qtbot.waitSignal(model.total_changed, timeout=30_000):
            model.set_source(search.source)
        assert model.rowCount() == 1
        assert model.row_id(0) == romashka
        assert search.rows == 1
    common = Counted(client_source(db, lists.ClientFilter(search="гранит")))
    with qtbot.waitSignal(model.total_changed, timeout=30_000):
        model.set_source(common.source)
    assert model.rowCount() == lists.SEARCH_CAP
    assert model.capped
    show(qtbot, model, 950, 999)
    settle(qtbot, model)
    assert common.rows <= 300  # the first page and the one or two around row 950
    # the whole scenario read a few hundred rows of a hundred thousand
    assert counted.rows + common.rows < 1000
    assert built < 120, f"building the table took {built:.0f} s"
