"""The deals list: its columns, and the paged model over ``services.lists``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.lists import (
    DealFilter,
    DealRow,
    deal_anchors,
    deal_count,
    deal_page,
    deal_search,
)
from crm_desktop.views.deals.labels import money_text, status_label
from crm_desktop.views.itemmodels.clients import short_person_name
from crm_desktop.views.itemmodels.listsource import service_source
from crm_desktop.views.itemmodels.paged import ALIGN_RIGHT, Column, PagedTableModel, PageSource

TR_CONTEXT = "DealColumns"

# the header texts are written out literally: lupdate reads literals only
DEAL_COLUMNS: tuple[Column[DealRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("DealColumns", "Number"),
        lambda r: r.number,
        sort_key="number",
        width_chars=10,
    ),
    Column(
        QT_TRANSLATE_NOOP("DealColumns", "Title"),
        lambda r: r.title,
        sort_key="title",
        width_chars=28,
    ),
    Column(
        QT_TRANSLATE_NOOP("DealColumns", "Client"),
        lambda r: r.client,
        sort_key="client",
        width_chars=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("DealColumns", "Stage"),
        lambda r: r.stage,
        sort_key="stage",
        width_chars=20,
    ),
    Column(
        QT_TRANSLATE_NOOP("DealColumns", "Status"),
        lambda r: status_label(r.status),  # the label, so the tooltip says it too
        sort_key="status",
        width_chars=10,
    ),
    Column(
        QT_TRANSLATE_NOOP("DealColumns", "Amount"),
        lambda r: r.amount,
        sort_key="amount",
        alignment=ALIGN_RIGHT,
        width_chars=14,
        display=money_text,
    ),
    Column(
        QT_TRANSLATE_NOOP("DealColumns", "Owner"),
        lambda r: r.owner,
        sort_key="owner",
        width_chars=14,
        display=short_person_name,
    ),
    Column(
        QT_TRANSLATE_NOOP("DealColumns", "Opened"),
        lambda r: r.opened_on,
        sort_key="opened_on",
        width_chars=11,
    ),
    Column(
        QT_TRANSLATE_NOOP("DealColumns", "Expected close"),
        lambda r: r.expected_on,
        sort_key="expected_on",
        width_chars=11,
    ),
)

DEFAULT_SORT = "number"

DealsModel = PagedTableModel[DealRow]


def deal_state(row: DealRow) -> str | None:
    return "deleted" if row.is_deleted else None


def deal_source(db: Database, flt: DealFilter | None = None) -> PageSource[DealRow]:
    """The deals that match ``flt`` (live ones by default)."""
    return service_source(
        db,
        flt or DealFilter(),
        page=deal_page,
        count=deal_count,
        anchors=deal_anchors,
        search=deal_search,
    )


def deals_model(
    db: Database,
    flt: DealFilter | None = None,
    *,
    parent: QObject | None = None,
    background: bool = True,
    **options: Any,
) -> DealsModel:
    """A paged model of the deals that match ``flt``; ``refresh()`` reads it."""
    return PagedTableModel(
        DEAL_COLUMNS,
        deal_source(db, flt),
        tr_context=TR_CONTEXT,
        default_sort=DEFAULT_SORT,
        row_state=deal_state,
        background=background,
        parent=parent,
        **options,
    )
