"""The parties core: users, departments, clients, counterparties, contacts and their links."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm_desktop.models.base import Entity, Str40, Str255, restrict_fk
from crm_desktop.models.catalogues import ClientCircle, InfoSource, LegalForm, RelationKind

USER_ROLES = ("manager", "supervisor", "admin")
CHANNEL_KINDS = ("phone", "email", "messenger")


class Department(Entity):
    __tablename__ = "department"

    name: Mapped[Str255]
    parent_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("department.id"))


class User(Entity):
    """A person who works in the CRM. In an office, ``login`` is their database role."""

    __tablename__ = "app_user"
    __table_args__ = (CheckConstraint("role IN ('manager', 'supervisor', 'admin')", name="role"),)

    login: Mapped[Str255] = mapped_column(unique=True)
    full_name: Mapped[Str255]
    email: Mapped[Str255 | None]
    role: Mapped[str] = mapped_column(String(16), default="manager")
    department_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("department.id"))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    department: Mapped[Department | None] = relationship(lazy="raise")


class Client(Entity):
    """Клиент (партнёр): the business we sell to as a whole."""

    __tablename__ = "client"
    __table_args__ = (
        CheckConstraint("head_count IS NULL OR head_count >= 0", name="head_count"),
        Index(None, "search_key"),
        Index(None, "owner_id"),
        Index(None, "match_key"),
    )

    name: Mapped[Str255]
    search_key: Mapped[Str255]
    # what search-as-you-type looks in (services/search.py): name key, INNs, phones, e-mails
    search_text: Mapped[str] = mapped_column(default="", server_default="")
    # the name as Latin letters and digits only (services/duplicates.py): «ООО "Ромашка"»,
    # «Ромашка, ООО» and «OOO Romashka» all give "romashka"
    match_key: Mapped[Str255] = mapped_column(default="", server_default="")
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("client.id"))
    is_client: Mapped[bool] = mapped_column(Boolean, default=True)
    is_supplier: Mapped[bool] = mapped_column(Boolean, default=False)
    is_dealer: Mapped[bool] = mapped_column(Boolean, default=False)
    is_competitor: Mapped[bool] = mapped_column(Boolean, default=False)
    is_carrier: Mapped[bool] = mapped_column(Boolean, default=False)
    is_other: Mapped[bool] = mapped_column(Boolean, default=False)
    circle_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("client_circle.id"))
    owner_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    source_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("info_source.id"))
    industry: Mapped[Str255 | None]
    head_count: Mapped[int | None]
    notes: Mapped[str | None]
    is_archived: Mapped[bool] = mapped_column(Boolean, default=False)

    circle: Mapped[ClientCircle | None] = relationship(lazy="raise")
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id], lazy="raise")
    source: Mapped[InfoSource | None] = relationship(lazy="raise")


class Counterparty(Entity):
    """Контрагент: a legal entity or person that documents are made out to."""

    __tablename__ = "counterparty"
    __table_args__ = (
        Index(None, "inn", "kpp"),
        Index(None, "search_key"),
        Index(None, "client_id"),
        Index(None, "match_key"),
    )

    client_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("client.id"))
    legal_form_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("legal_form.id"))
    full_name: Mapped[Str255]
    short_name: Mapped[Str255]
    search_key: Mapped[Str255]
    search_text: Mapped[str] = mapped_column(default="", server_default="")
    match_key: Mapped[Str255] = mapped_column(default="", server_default="")
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("counterparty.id"))
    inn: Mapped[Str40 | None]
    kpp: Mapped[Str40 | None]
    ogrn: Mapped[Str40 | None]
    legal_address: Mapped[str | None]
    postal_address: Mapped[str | None]
    notes: Mapped[str | None]

    client: Mapped[Client | None] = relationship(lazy="raise")
    legal_form: Mapped[LegalForm] = relationship(lazy="raise")


class BankAccount(Entity):
    """Расчётный счёт контрагента: BIK, account, correspondent account, bank."""

    __tablename__ = "bank_account"
    __table_args__ = (Index(None, "counterparty_id"),)

    counterparty_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("counterparty.id"))
    bik: Mapped[Str40]
    account: Mapped[Str40]
    corr_account: Mapped[Str40 | None]
    bank_name: Mapped[Str255]
    is_main: Mapped[bool] = mapped_column(Boolean, default=False)


class Contact(Entity):
    """Контактное лицо: a person who orders, pays, signs or decides."""

    __tablename__ = "contact"
    __table_args__ = (Index(None, "search_key"),)

    last_name: Mapped[Str255]
    first_name: Mapped[Str255 | None]
    middle_name: Mapped[Str255 | None]
    search_key: Mapped[Str255]
    search_text: Mapped[str] = mapped_column(default="", server_default="")
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("contact.id"))
    position: Mapped[Str255 | None]
    birthday: Mapped[date | None]
    notes: Mapped[str | None]


class Channel(Entity):
    """A phone, e-mail or messenger of a contact or of a client (the company's own line).

    ``value`` is what the user typed; ``normalized`` is E.164 for phones, the normalised
    address for e-mails, ``@name`` for messengers: search and duplicate control use it.
    """

    __tablename__ = "channel"
    __table_args__ = (
        CheckConstraint("kind IN ('phone', 'email', 'messenger')", name="kind"),
        CheckConstraint("(contact_id IS NULL) <> (client_id IS NULL)", name="one_owner"),
        Index(None, "normalized"),
        Index(None, "contact_id"),
        Index(None, "client_id"),
    )

    contact_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("contact.id"))
    client_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("client.id"))
    kind: Mapped[str] = mapped_column(String(16))
    # phone: work/mobile/home/fax; messenger: telegram/whatsapp/viber/other
    subkind: Mapped[Str40 | None]
    value: Mapped[Str255]
    normalized: Mapped[Str255]
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    comment: Mapped[Str255 | None]


class ClientContact(Entity):
    """A contact acting for a client, with their position and role there."""

    __tablename__ = "client_contact"
    __table_args__ = (
        UniqueConstraint("client_id", "contact_id"),
        Index(None, "contact_id"),
    )

    client_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("client.id"))
    contact_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("contact.id"))
    position: Mapped[Str255 | None]
    role: Mapped[Str255 | None]
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class CounterpartyContact(Entity):
    """A contact acting for a counterparty (signs, pays…), with position and role."""

    __tablename__ = "counterparty_contact"
    __table_args__ = (
        UniqueConstraint("counterparty_id", "contact_id"),
        Index(None, "contact_id"),
    )

    counterparty_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("counterparty.id"))
    contact_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("contact.id"))
    position: Mapped[Str255 | None]
    role: Mapped[Str255 | None]


class ClientRelation(Entity):
    """«from_client is <kind> of to_client» (holding, dealer of, competitor of…)."""

    __tablename__ = "client_relation"
    __table_args__ = (
        UniqueConstraint("from_client_id", "to_client_id", "kind_id"),
        CheckConstraint("from_client_id <> to_client_id", name="not_self"),
        Index(None, "to_client_id"),
    )

    from_client_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("client.id"))
    to_client_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("client.id"))
    kind_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("relation_kind.id"))
    comment: Mapped[Str255 | None]

    kind: Mapped[RelationKind] = relationship(lazy="raise")


class ContactRelation(Entity):
    """«from_contact is <kind> of to_contact» (reports to, relative, former colleague…)."""

    __tablename__ = "contact_relation"
    __table_args__ = (
        UniqueConstraint("from_contact_id", "to_contact_id", "kind_id"),
        CheckConstraint("from_contact_id <> to_contact_id", name="not_self"),
        Index(None, "to_contact_id"),
    )

    from_contact_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("contact.id"))
    to_contact_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("contact.id"))
    kind_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("relation_kind.id"))
    comment: Mapped[Str255 | None]

    kind: Mapped[RelationKind] = relationship(lazy="raise")
