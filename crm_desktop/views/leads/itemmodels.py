"""The leads list: its columns, status labels, and the paged model over ``services.leads``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.leads import (
    LeadFilter,
    LeadRow,
    lead_anchors,
    lead_count,
    lead_page,
    lead_search,
)
from crm_desktop.views.itemmodels.clients import short_person_name
from crm_desktop.views.itemmodels.listsource import service_source
from crm_desktop.views.itemmodels.paged import Column, PagedTableModel, PageSource

TR_CONTEXT = "LeadColumns"
STATUS_CONTEXT = "LeadStatus"

# a lead's status as people call it (the list, the card, the filter)
STATUS_LABELS: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("LeadStatus", "New"),
    "in_work": QT_TRANSLATE_NOOP("LeadStatus", "In work"),
    "qualified": QT_TRANSLATE_NOOP("LeadStatus", "Qualified"),
    "rejected": QT_TRANSLATE_NOOP("LeadStatus", "Rejected"),
}


def status_label(status: Any) -> str:
    """«В работе» for ``in_work``; an unknown code as it is."""
    if not status:
        return ""
    text = STATUS_LABELS.get(str(status))
    return QCoreApplication.translate(STATUS_CONTEXT, text) if text else str(status)


# the header texts are written out literally: lupdate reads literals only
LEAD_COLUMNS: tuple[Column[LeadRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("LeadColumns", "Number"),
        lambda r: r.number,
        sort_key="number",
        width_chars=10,
    ),
    Column(
        QT_TRANSLATE_NOOP("LeadColumns", "Received on"),
        lambda r: r.created_at,
        sort_key="created_at",
        width_chars=15,
    ),
    Column(
        QT_TRANSLATE_NOOP("LeadColumns", "Name"),
        lambda r: r.name,
        sort_key="name",
        width_chars=24,
    ),
    Column(
        QT_TRANSLATE_NOOP("LeadColumns", "Company"),
        lambda r: r.company,
        sort_key="company",
        width_chars=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("LeadColumns", "Phone"),
        lambda r: r.phone,
        sort_key="phone",
        width_chars=16,
    ),
    Column(
        QT_TRANSLATE_NOOP("LeadColumns", "E-mail"),
        lambda r: r.email,
        sort_key="email",
        width_chars=20,
    ),
    Column(
        QT_TRANSLATE_NOOP("LeadColumns", "Source"),
        lambda r: r.source,
        sort_key="source",
        width_chars=16,
    ),
    Column(
        QT_TRANSLATE_NOOP("LeadColumns", "Status"),
        lambda r: status_label(r.status),  # the label, so the tooltip says it too
        sort_key="status",
        width_chars=12,
    ),
    Column(
        QT_TRANSLATE_NOOP("LeadColumns", "Owner"),
        lambda r: r.owner,
        sort_key="owner",
        width_chars=14,
        display=short_person_name,
    ),
)

DEFAULT_SORT = "created_at"

LeadsModel = PagedTableModel[LeadRow]


def lead_state(row: LeadRow) -> str | None:
    return "deleted" if row.is_deleted else None


def lead_source(db: Database, flt: LeadFilter | None = None) -> PageSource[LeadRow]:
    """The leads that match ``flt`` (live ones by default)."""
    return service_source(
        db,
        flt or LeadFilter(),
        page=lead_page,
        count=lead_count,
        anchors=lead_anchors,
        search=lead_search,
    )


def leads_model(
    db: Database,
    flt: LeadFilter | None = None,
    *,
    parent: QObject | None = None,
    background: bool = True,
    **options: Any,
) -> LeadsModel:
    """A paged model of the leads that match ``flt``, newest first; ``refresh()`` reads it."""
    model = PagedTableModel(
        LEAD_COLUMNS,
        lead_source(db, flt),
        tr_context=TR_CONTEXT,
        default_sort=DEFAULT_SORT,
        row_state=lead_state,
        background=background,
        parent=parent,
        **options,
    )
    # newest first: what came in today is what the office works on. PagedTableModel has no
    # "default descending" option yet, so set its order before the first read.
    model._descending = True
    return model


__all__ = [
    "LEAD_COLUMNS",
    "STATUS_LABELS",
    "LeadsModel",
    "lead_source",
    "leads_model",
    "status_label",
]
