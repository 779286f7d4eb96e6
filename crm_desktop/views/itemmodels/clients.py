"""The clients list: its columns, and the paged model over ``services.lists``.

This module is where the clients list meets the services: the model itself only sees the
:class:`PageSource` built in :func:`client_source`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.lists import (
    ClientFilter,
    ClientRow,
    client_anchors,
    client_count,
    client_page,
    client_search,
)
from crm_desktop.views.itemmodels.listsource import service_source
from crm_desktop.views.itemmodels.paged import ALIGN_LEFT, Column, PagedTableModel, PageSource

TR_CONTEXT = "ClientColumns"


def short_person_name(full_name: Any) -> str:
    """A person as lists show them: "Лебедев Андрей Викторович" → "Лебедев А. В."."""
    if not full_name:
        return ""
    parts = str(full_name).split()
    if not 2 <= len(parts) <= 3 or not all(part.isalpha() for part in parts):
        return str(full_name)
    surname, *names = parts
    return " ".join([surname, *(f"{name[0].upper()}." for name in names)])


# the header texts are written out literally: lupdate reads literals only
CLIENT_COLUMNS: tuple[Column[ClientRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("ClientColumns", "Name"),
        lambda r: r.name,
        sort_key="name",
        width_chars=24,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClientColumns", "Circle"),
        lambda r: r.circle,
        sort_key="circle",
        width_chars=18,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClientColumns", "Owner"),
        lambda r: r.owner,
        sort_key="owner",
        width_chars=14,
        display=short_person_name,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClientColumns", "Industry"),
        lambda r: r.industry,
        sort_key="industry",
        width_chars=23,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClientColumns", "Phone"),
        lambda r: r.phone,
        sort_key="phone",
        width_chars=17,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClientColumns", "E-mail"),
        lambda r: r.email,
        sort_key="email",
        width_chars=24,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClientColumns", "Created"),
        lambda r: r.created_at,
        sort_key="created_at",
        alignment=ALIGN_LEFT,
        width_chars=14,
    ),
)

DEFAULT_SORT = "name"

ClientsModel = PagedTableModel[ClientRow]


def client_state(row: ClientRow) -> str | None:
    if row.is_deleted:
        return "deleted"
    return "archived" if row.is_archived else None


def client_source(db: Database, flt: ClientFilter | None = None) -> PageSource[ClientRow]:
    """The clients that match ``flt`` (live, not archived, by default)."""
    return service_source(
        db,
        flt or ClientFilter(),
        page=client_page,
        count=client_count,
        anchors=client_anchors,
        search=client_search,
    )


def clients_model(
    db: Database,
    flt: ClientFilter | None = None,
    *,
    parent: QObject | None = None,
    background: bool = True,
    **options: Any,
) -> ClientsModel:
    """A paged model of the clients that match ``flt``; call ``refresh()`` to read it."""
    return PagedTableModel(
        CLIENT_COLUMNS,
        client_source(db, flt),
        tr_context=TR_CONTEXT,
        default_sort=DEFAULT_SORT,
        row_state=client_state,
        background=background,
        parent=parent,
        **options,
    )
