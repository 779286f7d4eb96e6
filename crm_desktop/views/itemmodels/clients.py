"""The clients list: its columns, and the paged model over ``services.lists``.

This module is where the clients list meets the services: the model itself only sees the two
callables built in :func:`clients_model`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.lists import (
    ClientFilter,
    ClientRow,
    PageRequest,
    client_count,
    client_page,
)
from crm_desktop.views.itemmodels.paged import ALIGN_LEFT, Column, Key, PagedTableModel

TR_CONTEXT = "ClientColumns"


def short_person_name(full_name: Any) -> str:
    """A person as lists show them: "Лебедев Андрей Викторович" → "Лебедев А. В."."""
    if not full_name:
        return ""
    parts = str(full_name).split()
    if not 2 <= len(parts) <= 3 or not all(part.isalpha() for part in parts):
        return str(full_name)
    surname, *names = parts
    return " ".join(
        [surname, *(f"{name[0].upper()}." for name in names)]
    )  # written out literally below: lupdate reads literals only


CLIENT_COLUMNS: tuple[Column[ClientRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("ClientColumns", "Name"),
        lambda r: r.name,
        sort_key="name",
        width_chars=24,
    ),
    Column(QT_TRANSLATE_NOOP("ClientColumns", "Circle"), lambda r: r.circle, width_chars=18),
    Column(
        QT_TRANSLATE_NOOP("ClientColumns", "Owner"),
        lambda r: r.owner,
        width_chars=14,
        display=short_person_name,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClientColumns", "Industry"),
        lambda r: r.industry,
        sort_key="industry",
        width_chars=23,
    ),
    Column(QT_TRANSLATE_NOOP("ClientColumns", "Phone"), lambda r: r.phone, width_chars=17),
    Column(QT_TRANSLATE_NOOP("ClientColumns", "E-mail"), lambda r: r.email, width_chars=24),
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


def clients_model(
    db: Database,
    flt: ClientFilter | None = None,
    *,
    parent: QObject | None = None,
    page_size: int | None = None,
) -> ClientsModel:
    """A paged model of the clients that match ``flt`` (live, not archived, by default)."""
    flt = flt or ClientFilter()

    def fetch_page(
        after: Key | None, limit: int, sort: str, descending: bool
    ) -> list[tuple[Any, ClientRow]]:
        request = PageRequest(sort=sort, descending=descending, after=after, limit=limit)
        return client_page(db, flt, request)

    def count() -> int:
        return client_count(db, flt)

    extra: dict[str, Any] = {} if page_size is None else {"page_size": page_size}
    return PagedTableModel(
        CLIENT_COLUMNS,
        fetch_page,
        count,
        tr_context=TR_CONTEXT,
        default_sort=DEFAULT_SORT,
        parent=parent,
        **extra,
    )
