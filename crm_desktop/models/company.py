"""Our own companies (организации): the requisites printed on proposals and sent to clients."""

from __future__ import annotations

from sqlalchemy import Boolean, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Entity, Str40, Str255


class OwnCompany(Entity):
    """A legal entity of ours; one is the default for new proposals."""

    __tablename__ = "own_company"

    short_name: Mapped[Str255]
    full_name: Mapped[Str255]
    inn: Mapped[Str40]
    kpp: Mapped[Str40 | None]
    ogrn: Mapped[Str40 | None]
    legal_address: Mapped[str]
    phone: Mapped[Str40 | None]
    email: Mapped[Str255 | None]
    bank_name: Mapped[Str255 | None]
    bik: Mapped[Str40 | None]
    account: Mapped[Str40 | None]
    corr_account: Mapped[Str40 | None]
    director_title: Mapped[Str255] = mapped_column(default="Генеральный директор")
    director_name: Mapped[Str255]
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
