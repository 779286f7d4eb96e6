"""The contacts list: its columns, and the paged model over ``services.lists``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.lists import (
    ContactFilter,
    ContactRow,
    contact_anchors,
    contact_count,
    contact_page,
    contact_search,
)
from crm_desktop.views.itemmodels.listsource import service_source
from crm_desktop.views.itemmodels.paged import Column, PagedTableModel, PageSource

TR_CONTEXT = "ContactColumns"

# the header texts are written out literally: lupdate reads literals only
CONTACT_COLUMNS: tuple[Column[ContactRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("ContactColumns", "Name"),
        lambda r: r.name,
        sort_key="name",
        width_chars=30,
    ),
    Column(
        QT_TRANSLATE_NOOP("ContactColumns", "Position"),
        lambda r: r.position,
        sort_key="position",
        width_chars=26,
    ),
    Column(
        QT_TRANSLATE_NOOP("ContactColumns", "Client"),
        lambda r: r.client,
        sort_key="client",
        width_chars=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("ContactColumns", "Phone"),
        lambda r: r.phone,
        sort_key="phone",
        width_chars=17,
    ),
    Column(
        QT_TRANSLATE_NOOP("ContactColumns", "E-mail"),
        lambda r: r.email,
        sort_key="email",
        width_chars=26,
    ),
)

DEFAULT_SORT = "name"

ContactsModel = PagedTableModel[ContactRow]


def contact_state(row: ContactRow) -> str | None:
    return "deleted" if row.is_deleted else None


def contact_source(db: Database, flt: ContactFilter | None = None) -> PageSource[ContactRow]:
    """The contacts that match ``flt`` (live ones by default)."""
    return service_source(
        db,
        flt or ContactFilter(),
        page=contact_page,
        count=contact_count,
        anchors=contact_anchors,
        search=contact_search,
    )


def contacts_model(
    db: Database,
    flt: ContactFilter | None = None,
    *,
    parent: QObject | None = None,
    background: bool = True,
    **options: Any,
) -> ContactsModel:
    """A paged model of the contacts that match ``flt``; ``refresh()`` reads it."""
    return PagedTableModel(
        CONTACT_COLUMNS,
        contact_source(db, flt),
        tr_context=TR_CONTEXT,
        default_sort=DEFAULT_SORT,
        row_state=contact_state,
        background=background,
        parent=parent,
        **options,
    )
