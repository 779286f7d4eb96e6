"""ORM entities (SQLAlchemy 2.x typed mappings). No business workflows here."""

from crm_desktop.models.audit import AuditEntry
from crm_desktop.models.base import Base, Catalogue, Entity, catalogue_id, new_id, utcnow
from crm_desktop.models.catalogues import ClientCircle, InfoSource, LegalForm, RelationKind
from crm_desktop.models.parties import (
    BankAccount,
    Channel,
    Client,
    ClientContact,
    ClientRelation,
    Contact,
    ContactRelation,
    Counterparty,
    CounterpartyContact,
    Department,
    User,
)

__all__ = [
    "AuditEntry",
    "BankAccount",
    "Base",
    "Catalogue",
    "Channel",
    "Client",
    "ClientCircle",
    "ClientContact",
    "ClientRelation",
    "Contact",
    "ContactRelation",
    "Counterparty",
    "CounterpartyContact",
    "Department",
    "Entity",
    "InfoSource",
    "LegalForm",
    "RelationKind",
    "User",
    "catalogue_id",
    "new_id",
    "utcnow",
]
