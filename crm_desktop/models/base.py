"""Declarative base, column types and the mixin every business table shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

from sqlalchemy import DateTime, ForeignKey, Integer, MetaData, Numeric, String, Text, Uuid
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator
from uuid6 import uuid7

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> uuid.UUID:
    """A time-ordered UUIDv7, so ids sort by creation and index pages stay warm."""
    value: uuid.UUID = uuid7()
    return uuid.UUID(bytes=value.bytes)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on both backends (SQLite stores naive UTC text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware UTC datetime is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Str40 = Annotated[str, 40]
Str255 = Annotated[str, 255]
Money = Annotated[Decimal, 2]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy's documented class attribute
        uuid.UUID: Uuid(),
        datetime: UTCDateTime(),
        Str40: String(40),
        Str255: String(255),
        str: Text(),
        Money: Numeric(18, 2),
    }


def restrict_fk(target: str, **kw: Any) -> ForeignKey:
    """Links between records never cascade: records are soft-deleted, not removed."""
    return ForeignKey(target, ondelete="RESTRICT", onupdate="RESTRICT", **kw)


class Entity(Base):
    """Mixin of every business table: UUIDv7 key, who/when, optimistic version, soft delete."""

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id, sort_order=-10)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)

    # Plain ids, not foreign keys: they would make every table depend on app_user (a cycle
    # through department) and order every sync batch after the users'. The audit trail keeps
    # the checked link.
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    updated_by_id: Mapped[uuid.UUID | None] = mapped_column(default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - a declared_attr takes the class
        return {"version_id_col": cls.__table__.c.version}

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Catalogue(Entity):
    """A catalogue row (legal forms, relation kinds, circles…): code + name + order.

    Seeded rows get deterministic ids (see :func:`catalogue_id`) so every node has the same ones.
    """

    __abstract__ = True

    code: Mapped[Str40] = mapped_column(unique=True)
    name: Mapped[Str255]
    sort_order: Mapped[int] = mapped_column(default=0)


CATALOGUE_NAMESPACE = uuid.UUID("6f1f2d7e-3c8b-4d55-9a55-8f6a1d3c0b21")


def catalogue_id(table: str, code: str) -> uuid.UUID:
    """The stable id of a seeded catalogue row."""
    return uuid.uuid5(CATALOGUE_NAMESPACE, f"{table}:{code}")


__all__ = [
    "Base",
    "Catalogue",
    "Entity",
    "Money",
    "Str40",
    "Str255",
    "UTCDateTime",
    "catalogue_id",
    "new_id",
    "restrict_fk",
    "utcnow",
]
