"""What a printed commercial proposal shows: plain data, read once, rendered by proposal_pdf.

Everything is already formatted-ready (Decimal money, dates, names); the renderer does no
database work and knows nothing of the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class PartyRequisites:
    """A side of the document: our company or the client's counterparty."""

    name: str  # full name as printed: «Общество с ограниченной ответственностью "Ромашка"»
    inn: str | None = None
    kpp: str | None = None
    ogrn: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    bank_name: str | None = None
    bik: str | None = None
    account: str | None = None
    corr_account: str | None = None


@dataclass(frozen=True)
class ProposalDocumentLine:
    line_no: int
    sku: str | None
    description: str
    quantity: Decimal  # in sales units (whole packs for a catalogue product)
    unit: str  # the sales unit: «упак»
    factor: int  # price units in one sales unit: 5 (kg in a pack)
    price_unit: str  # «кг»
    price: Decimal  # per price unit, VAT included
    discount_pct: Decimal
    vat_rate: str  # '20', '10', '0', 'none'
    amount: Decimal  # quantity × factor × price less the discount, kopecks; VAT included
    vat_amount: Decimal


@dataclass(frozen=True)
class ProposalDocument:
    number: str  # А-000042
    version_no: int
    issued_on: date
    valid_until: date | None
    status: str  # draft / sent / accepted / rejected
    deal_number: str
    deal_title: str
    client_name: str
    seller: PartyRequisites
    buyer: PartyRequisites | None  # None: no counterparty chosen yet (the client's name shows)
    seller_logo: bytes | None  # PNG or JPEG bytes
    director_title: str
    director_name: str
    manager_name: str | None  # who prepared and signs for sales
    manager_phone: str | None
    manager_email: str | None
    price_type: str | None  # «Оптовая»
    discount_pct: Decimal  # the agreement's discount applied to every line
    payment_terms: str | None  # «Предоплата 30 %, остаток в течение 14 дней»
    delivery_terms: str | None  # «Поставка в течение 5 рабочих дней»
    notes: str | None
    lines: tuple[ProposalDocumentLine, ...]
    total: Decimal
    vat_total: Decimal  # «В том числе НДС»; zero when no line carries VAT
    has_vat: bool  # False when every line is «без НДС»
