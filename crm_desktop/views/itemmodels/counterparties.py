"""The counterparties list: its columns, and the paged model over ``services.lists``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.lists import (
    CounterpartyFilter,
    CounterpartyRow,
    counterparty_anchors,
    counterparty_count,
    counterparty_page,
    counterparty_search,
)
from crm_desktop.views.itemmodels.listsource import service_source
from crm_desktop.views.itemmodels.paged import Column, PagedTableModel, PageSource

TR_CONTEXT = "CounterpartyColumns"

# the header texts are written out literally: lupdate reads literals only
COUNTERPARTY_COLUMNS: tuple[Column[CounterpartyRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("CounterpartyColumns", "Name"),
        lambda r: r.name,
        sort_key="name",
        width_chars=28,
    ),
    Column(
        QT_TRANSLATE_NOOP("CounterpartyColumns", "Legal form"),
        lambda r: r.legal_form,
        sort_key="legal_form",
        width_chars=13,
    ),
    Column(
        QT_TRANSLATE_NOOP("CounterpartyColumns", "INN"),
        lambda r: r.inn,
        sort_key="inn",
        width_chars=13,
    ),
    Column(
        QT_TRANSLATE_NOOP("CounterpartyColumns", "KPP"),
        lambda r: r.kpp,
        sort_key="kpp",
        width_chars=11,
    ),
    Column(
        QT_TRANSLATE_NOOP("CounterpartyColumns", "Client"),
        lambda r: r.client,
        sort_key="client",
        width_chars=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("CounterpartyColumns", "Legal address"),
        lambda r: r.legal_address,
        sort_key="legal_address",
        width_chars=40,
    ),
)

DEFAULT_SORT = "name"

CounterpartiesModel = PagedTableModel[CounterpartyRow]


def counterparty_state(row: CounterpartyRow) -> str | None:
    return "deleted" if row.is_deleted else None


def counterparty_source(
    db: Database, flt: CounterpartyFilter | None = None
) -> PageSource[CounterpartyRow]:
    """The counterparties that match ``flt`` (live ones by default)."""
    return service_source(
        db,
        flt or CounterpartyFilter(),
        page=counterparty_page,
        count=counterparty_count,
        anchors=counterparty_anchors,
        search=counterparty_search,
    )


def counterparties_model(
    db: Database,
    flt: CounterpartyFilter | None = None,
    *,
    parent: QObject | None = None,
    background: bool = True,
    **options: Any,
) -> CounterpartiesModel:
    """A paged model of the counterparties that match ``flt``; ``refresh()`` reads it."""
    return PagedTableModel(
        COUNTERPARTY_COLUMNS,
        counterparty_source(db, flt),
        tr_context=TR_CONTEXT,
        default_sort=DEFAULT_SORT,
        row_state=counterparty_state,
        background=background,
        parent=parent,
        **options,
    )
