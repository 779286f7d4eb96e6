"""ORM entities (SQLAlchemy 2.x typed mappings). No business workflows here."""

from crm_desktop.models.activities import Interaction
from crm_desktop.models.audit import AuditEntry
from crm_desktop.models.base import Base, Catalogue, Entity, catalogue_id, new_id, utcnow
from crm_desktop.models.catalogue import MeasureUnit, Product, ProductPrice
from crm_desktop.models.catalogues import ClientCircle, InfoSource, LegalForm, RelationKind
from crm_desktop.models.company import OwnCompany
from crm_desktop.models.deals import (
    AppSetting,
    Deal,
    DealLine,
    DealParticipant,
    DealStage,
    DealStageChange,
    LossReason,
    NumberSequence,
    PriceType,
    Proposal,
    ProposalLine,
    SalesAgreement,
)
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
    "AppSetting",
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
    "Deal",
    "DealLine",
    "DealParticipant",
    "DealStage",
    "DealStageChange",
    "Department",
    "Entity",
    "InfoSource",
    "Interaction",
    "LegalForm",
    "LossReason",
    "MeasureUnit",
    "NumberSequence",
    "OwnCompany",
    "PriceType",
    "Product",
    "ProductPrice",
    "Proposal",
    "ProposalLine",
    "RelationKind",
    "SalesAgreement",
    "User",
    "catalogue_id",
    "new_id",
    "utcnow",
]
