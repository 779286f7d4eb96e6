"""Read side of the list screens: flat rows, keyset pages, counts. Never a whole table.

A page is ``WHERE (sort_key, id) > (:last_key, :last_id) ORDER BY sort_key, id LIMIT n``:
as fast at row 900,000 as at row 0. Sort keys come from a whitelist, never from UI strings.
Rows are plain tuples wrapped in frozen dataclasses, built with Core (no ORM objects).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, tuple_

from crm_desktop.db import Database
from crm_desktop.models import Channel, Client, ClientCircle, User
from crm_desktop.services.uow import read_unit


@dataclass(frozen=True)
class ClientRow:
    id: uuid.UUID
    name: str
    circle: str | None
    owner: str | None
    industry: str | None
    phone: str | None
    email: str | None
    created_at: datetime


@dataclass(frozen=True)
class ClientFilter:
    owner_id: uuid.UUID | None = None
    circle_id: uuid.UUID | None = None
    role: str | None = None
    include_archived: bool = False
    include_deleted: bool = False


# sort key name → SQL expression; NULLs folded so keyset comparison stays total
CLIENT_SORT_KEYS: dict[str, Any] = {
    "name": Client.search_key,
    "industry": func.coalesce(Client.industry, ""),
    "created_at": Client.created_at,
}


@dataclass(frozen=True)
class PageRequest:
    sort: str = "name"
    descending: bool = False
    after: tuple[Any, uuid.UUID] | None = None  # (sort value, id) of the last row shown
    limit: int = 100


def _primary_channel(kind: str) -> Any:
    return (
        select(Channel.value)
        .where(Channel.client_id == Client.id, Channel.kind == kind, Channel.deleted_at.is_(None))
        .order_by(Channel.is_primary.desc(), Channel.created_at)
        .limit(1)
        .correlate(Client)
        .scalar_subquery()
    )


def _client_where(flt: ClientFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not flt.include_deleted:
        where.append(Client.deleted_at.is_(None))
    if not flt.include_archived:
        where.append(Client.is_archived.is_(False))
    if flt.owner_id is not None:
        where.append(Client.owner_id == flt.owner_id)
    if flt.circle_id is not None:
        where.append(Client.circle_id == flt.circle_id)
    if flt.role is not None:
        where.append(getattr(Client, f"is_{flt.role}").is_(True))
    return where


def client_page(db: Database, flt: ClientFilter, page: PageRequest) -> list[tuple[Any, ClientRow]]:
    """One page of client rows, each with its keyset position (sort value, id)."""
    key = CLIENT_SORT_KEYS[page.sort]
    query: Select[Any] = (
        select(
            key.label("sort_value"),
            Client.id,
            Client.name,
            ClientCircle.name.label("circle"),
            User.full_name.label("owner"),
            Client.industry,
            _primary_channel("phone").label("phone"),
            _primary_channel("email").label("email"),
            Client.created_at,
        )
        .outerjoin(ClientCircle, ClientCircle.id == Client.circle_id)
        .outerjoin(User, User.id == Client.owner_id)
        .where(*_client_where(flt))
    )
    if page.after is not None:
        position = tuple_(key, Client.id)
        after = tuple_(*page.after)
        query = query.where(position < after if page.descending else position > after)
    order = (key.desc(), Client.id.desc()) if page.descending else (key, Client.id)
    query = query.order_by(*order).limit(page.limit)
    with read_unit(db) as session:
        rows: Sequence[Any] = session.execute(query).all()
    return [((row.sort_value, row.id), ClientRow(*row[1:])) for row in rows]


def client_count(db: Database, flt: ClientFilter) -> int:
    with read_unit(db) as session:
        return int(
            session.scalar(select(func.count()).select_from(Client).where(*_client_where(flt))) or 0
        )
