"""Commercial proposals (коммерческие предложения): issued from a deal's specification under
its sales agreement, versioned, moved draft → sent → accepted | rejected, printed and e-mailed.

Issuing copies everything the document prints into the proposal (lines with their prices,
discounts and VAT, terms, seller, buyer, signing manager), so every version stays readable as it
was sent even after the deal, the agreement or the price list change.

Prices: a catalogue line takes the price of the agreement's price type valid on the proposal's
date (the latest ``valid_from`` not after it); a free-text line, or a product without a price of
that type, keeps the deal line's price. Discount: the deal line's own discount plus the
agreement's (at most 100 %). Amounts: quantity × factor × price less the discount, rounded once
per line to kopecks half up; VAT is contained in the amount («в т.ч. НДС») and rounded per line;
the totals are the sums of the rounded lines, as Russian documents print them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from crm_desktop.models import (
    BankAccount,
    Channel,
    Client,
    ClientContact,
    Contact,
    Counterparty,
    Deal,
    DealLine,
    DealParticipant,
    Interaction,
    OwnCompany,
    PriceType,
    Product,
    Proposal,
    ProposalLine,
    SalesAgreement,
    User,
)
from crm_desktop.services import validation as v
from crm_desktop.services.catalogue import prices_on
from crm_desktop.services.deals import line_amount, vat_included, writable_deal
from crm_desktop.services.numbering import next_number, number_variants
from crm_desktop.services.parties import FieldErrors, check_version, live
from crm_desktop.services.proposal_document import (
    PartyRequisites,
    ProposalDocument,
    ProposalDocumentLine,
)
from crm_desktop.services.uow import Actor, read_unit, write_unit

VALID_DAYS = 14  # a new proposal is valid for two weeks unless told otherwise
MOVES = {
    "draft": ("sent",),
    "sent": ("accepted", "rejected"),
    "accepted": (),
    "rejected": (),
}


@dataclass(frozen=True)
class ProposalRow:
    id: uuid.UUID
    version: int
    number: str
    version_no: int
    issued_on: date
    status: str
    total: Decimal
    valid_until: date | None = None
    vat_total: Decimal = Decimal("0.00")
    is_latest: bool = True


@dataclass(frozen=True)
class ProposalTerms:
    """What may still change on a draft: validity, seller, buyer, terms and notes."""

    valid_until: date | None
    own_company_id: uuid.UUID | None
    counterparty_id: uuid.UUID | None
    payment_terms: str | None
    delivery_terms: str | None
    notes: str | None


# --- terms in words (printed documents are in Russian) ---------------------------------------


def _days(n: int) -> str:
    """«в течение N дня/дней» (genitive after «в течение»)."""
    return f"{n} дня" if n % 10 == 1 and n % 100 != 11 else f"{n} дней"


def payment_terms_text(prepayment_pct: Decimal, credit_days: int) -> str | None:
    pct = prepayment_pct.normalize()
    pct_text = f"{pct:f}".replace(".", ",")
    if prepayment_pct >= 100:
        return "100 % предоплата"
    if prepayment_pct > 0 and credit_days > 0:
        return f"Предоплата {pct_text} %, остаток — в течение {_days(credit_days)} после отгрузки"
    if prepayment_pct > 0:
        return f"Предоплата {pct_text} %, остаток — при отгрузке"
    if credit_days > 0:
        return f"Оплата в течение {_days(credit_days)} после отгрузки"
    return "Оплата при отгрузке"


def delivery_terms_text(delivery_days: int) -> str | None:
    if delivery_days <= 0:
        return None
    return f"Поставка в течение {_days(delivery_days)} после подтверждения заказа"


# --- issuing ----------------------------------------------------------------------------------


def _default_company(session: Session) -> uuid.UUID | None:
    return session.scalar(
        select(OwnCompany.id)
        .where(OwnCompany.deleted_at.is_(None))
        .order_by(OwnCompany.is_default.desc(), OwnCompany.short_name, OwnCompany.id)
        .limit(1)
    )


def _fill(
    session: Session,
    proposal: Proposal,
    deal: Deal,
    agreement: SalesAgreement | None,
) -> None:
    """Copy the deal's lines into the proposal under the agreement; set its totals."""
    price_type_id = agreement.price_type_id if agreement else None
    extra = agreement.discount_pct if agreement else Decimal(0)
    rows = session.execute(
        select(DealLine, Product.sku)
        .outerjoin(Product, Product.id == DealLine.product_id)
        .where(DealLine.deal_id == deal.id, DealLine.deleted_at.is_(None))
        .order_by(DealLine.line_no, DealLine.id)
    ).all()
    listed = (
        prices_on(
            session,
            [line.product_id for line, _ in rows if line.product_id is not None],
            price_type_id,
            proposal.issued_on,
        )
        if price_type_id is not None
        else {}
    )
    total = Decimal("0.00")
    vat_total = Decimal("0.00")
    for line, sku in rows:
        price = line.price
        if line.product_id is not None and line.product_id in listed:
            price = listed[line.product_id]
        discount = min(Decimal(100), line.discount_pct + extra)
        amount = line_amount(line.quantity, price, discount, line.factor)
        vat = vat_included(amount, line.vat_rate)
        total += amount
        vat_total += vat
        session.add(
            ProposalLine(
                proposal_id=proposal.id,
                line_no=line.line_no,
                product_id=line.product_id,
                sku=sku,
                description=line.description,
                quantity=line.quantity,
                unit=line.unit,
                factor=line.factor,
                price_unit=line.price_unit or line.unit,
                price=price,
                discount_pct=discount,
                vat_rate=line.vat_rate,
                amount=amount,
                vat_amount=vat,
            )
        )
    proposal.total = total
    proposal.vat_total = vat_total


def _agreement(session: Session, deal: Deal) -> SalesAgreement | None:
    return session.get(SalesAgreement, deal.agreement_id) if deal.agreement_id else None


def _require_lines(session: Session, deal: Deal) -> None:
    has = session.scalar(
        select(DealLine.id).where(DealLine.deal_id == deal.id, DealLine.deleted_at.is_(None))
    )
    if has is None:
        raise ValidationError.single(
            "lines",
            QT_TRANSLATE_NOOP("UserErrors", "Add at least one line to the deal's specification."),
        )


def issue_proposal(
    db: Database,
    actor: Actor | None,
    deal_id: uuid.UUID,
    *,
    issued_on: date | None = None,
    valid_until: date | None = None,
    own_company_id: uuid.UUID | None = None,
) -> ProposalRow:
    """A new proposal (version 1) from the deal's specification under its agreement."""
    day = issued_on or date.today()
    if valid_until is not None and valid_until < day:
        raise ValidationError.single(
            "valid_until",
            QT_TRANSLATE_NOOP("UserErrors", "The proposal cannot expire before it is issued."),
        )
    with write_unit(db, actor) as session:
        deal = writable_deal(session, deal_id)
        _require_lines(session, deal)
        if own_company_id is not None:
            live(session, OwnCompany, own_company_id, "own_company_id")
        proposal = add_proposal(
            session,
            actor,
            deal,
            issued_on=day,
            valid_until=valid_until,
            own_company_id=own_company_id,
        )
        return _row(session, proposal)


def add_proposal(
    session: Session,
    actor: Actor | None,
    deal: Deal,
    *,
    issued_on: date,
    valid_until: date | None = None,
    own_company_id: uuid.UUID | None = None,
    previous: Proposal | None = None,
) -> Proposal:
    """A proposal from the deal's lines under its agreement, inside the caller's unit of work
    (the demo data makes them this way too): version 1 of a new number, or — given the
    ``previous`` version — the next version of its number, keeping what the agreement does
    not give (validity, terms, seller, buyer, notes)."""
    agreement = _agreement(session, deal)
    if previous is not None and previous.valid_until is not None:
        validity = previous.valid_until - previous.issued_on
    else:
        validity = timedelta(days=VALID_DAYS)
    proposal = Proposal(
        deal_id=deal.id,
        number=previous.number if previous else next_number(session, "proposal"),
        version_no=previous.version_no + 1 if previous else 1,
        issued_on=issued_on,
        valid_until=valid_until or issued_on + validity,
        status="draft",
        counterparty_id=deal.counterparty_id or (previous.counterparty_id if previous else None),
        own_company_id=(
            own_company_id
            or (previous.own_company_id if previous else None)
            or _default_company(session)
        ),
        agreement_id=agreement.id if agreement else None,
        price_type_id=agreement.price_type_id if agreement else None,
        discount_pct=agreement.discount_pct if agreement else Decimal(0),
        payment_terms=(
            payment_terms_text(agreement.prepayment_pct, agreement.credit_days)
            if agreement
            else (previous.payment_terms if previous else None)
        ),
        delivery_terms=(
            delivery_terms_text(agreement.delivery_days)
            if agreement
            else (previous.delivery_terms if previous else None)
        ),
        manager_id=deal.owner_id
        or (previous.manager_id if previous else (actor.user_id if actor else None)),
        notes=previous.notes if previous else None,
    )
    session.add(proposal)
    session.flush()
    _fill(session, proposal, deal, agreement)
    session.flush()
    return proposal


def new_version(
    db: Database, actor: Actor | None, proposal_id: uuid.UUID, *, issued_on: date | None = None
) -> ProposalRow:
    """The next version of a proposal, made again from the deal's current specification and
    agreement (the terms changed); the older versions stay as they were."""
    day = issued_on or date.today()
    with write_unit(db, actor) as session:
        previous = live(session, Proposal, proposal_id, "id")
        deal = writable_deal(session, previous.deal_id)
        _require_latest(session, previous)
        _require_lines(session, deal)
        proposal = add_proposal(session, actor, deal, issued_on=day, previous=previous)
        return _row(session, proposal)


def _latest_no(session: Session, number: str) -> int:
    return int(
        session.scalar(
            select(func.max(Proposal.version_no)).where(
                Proposal.number == number, Proposal.deleted_at.is_(None)
            )
        )
        or 0
    )


def _require_latest(session: Session, proposal: Proposal) -> None:
    latest = _latest_no(session, proposal.number)
    if proposal.version_no != latest:
        raise ValidationError.single(
            "version_no",
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "A newer version of this proposal exists: work with version {latest}.",
            ),
            latest=latest,
        )


def set_proposal_status(
    db: Database, actor: Actor | None, proposal_id: uuid.UUID, status: str
) -> ProposalRow:
    with write_unit(db, actor) as session:
        proposal = live(session, Proposal, proposal_id, "id")
        writable_deal(session, proposal.deal_id)
        _require_latest(session, proposal)
        if status not in MOVES.get(proposal.status, ()):
            raise ValidationError.single(
                "status",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "A proposal goes draft → sent → accepted or rejected."
                ),
            )
        proposal.status = status
        session.flush()
        return _row(session, proposal)


def update_terms(
    db: Database,
    actor: Actor | None,
    proposal_id: uuid.UUID,
    expected_version: int,
    terms: ProposalTerms,
) -> ProposalRow:
    """Change a draft's validity, seller, buyer, terms or notes (a sent one needs a new
    version: what the client has seen does not change under it)."""
    errors = FieldErrors()
    payment = errors.check(
        lambda: v.clean_text(terms.payment_terms, field="payment_terms", max_length=1000)
    )
    delivery = errors.check(
        lambda: v.clean_text(terms.delivery_terms, field="delivery_terms", max_length=1000)
    )
    notes = errors.check(
        lambda: v.clean_text(terms.notes, field="notes", max_length=4000, multiline=True)
    )
    errors.raise_if_any()
    with write_unit(db, actor) as session:
        proposal = live(session, Proposal, proposal_id, "id")
        check_version(proposal, expected_version)
        deal = writable_deal(session, proposal.deal_id)
        if proposal.status != "draft":
            raise ValidationError.single(
                "status",
                QT_TRANSLATE_NOOP(
                    "UserErrors",
                    "Only a draft can be changed: make a new version of a sent proposal.",
                ),
            )
        if terms.valid_until is not None and terms.valid_until < proposal.issued_on:
            raise ValidationError.single(
                "valid_until",
                QT_TRANSLATE_NOOP("UserErrors", "The proposal cannot expire before it is issued."),
            )
        if terms.own_company_id is not None:
            live(session, OwnCompany, terms.own_company_id, "own_company_id")
        if terms.counterparty_id is not None:
            counterparty = live(session, Counterparty, terms.counterparty_id, "counterparty_id")
            if counterparty.client_id != deal.client_id:
                raise ValidationError.single(
                    "counterparty_id",
                    QT_TRANSLATE_NOOP("UserErrors", "Choose a counterparty of the deal's client."),
                )
        values = {
            "valid_until": terms.valid_until,
            "own_company_id": terms.own_company_id,
            "counterparty_id": terms.counterparty_id,
            "payment_terms": payment,
            "delivery_terms": delivery,
            "notes": notes,
        }
        for key, value in values.items():
            if getattr(proposal, key) != value:
                setattr(proposal, key, value)
        session.flush()
        return _row(session, proposal)


# --- reading ----------------------------------------------------------------------------------


def _row(session: Session, p: Proposal, *, is_latest: bool | None = None) -> ProposalRow:
    if is_latest is None:
        is_latest = p.version_no == _latest_no(session, p.number)
    return ProposalRow(
        p.id,
        p.version,
        p.number,
        p.version_no,
        p.issued_on,
        p.status,
        p.total,
        p.valid_until,
        p.vat_total,
        is_latest,
    )


def proposals_of(db: Database, deal_id: uuid.UUID) -> list[ProposalRow]:
    """The deal's proposals, every version, oldest first."""
    with read_unit(db) as session:
        rows = list(
            session.scalars(
                select(Proposal)
                .where(Proposal.deal_id == deal_id, Proposal.deleted_at.is_(None))
                .order_by(Proposal.issued_on, Proposal.number, Proposal.version_no)
            )
        )
        latest: dict[str, int] = {}
        for p in rows:
            latest[p.number] = max(latest.get(p.number, 0), p.version_no)
        return [_row(session, p, is_latest=p.version_no == latest[p.number]) for p in rows]


def get_terms(db: Database, proposal_id: uuid.UUID) -> tuple[int, ProposalTerms]:
    """The proposal's row version and its editable terms."""
    with read_unit(db) as session:
        p = live(session, Proposal, proposal_id, "id")
        return p.version, ProposalTerms(
            p.valid_until,
            p.own_company_id,
            p.counterparty_id,
            p.payment_terms,
            p.delivery_terms,
            p.notes,
        )


def find_proposal(db: Database, number: str, version_no: int | None = None) -> uuid.UUID:
    """A proposal by its number (``А-000042``; the latest version unless one is given)."""
    typed = number.strip()
    with read_unit(db) as session:
        query = select(Proposal.id).where(
            Proposal.number.in_(number_variants(typed)), Proposal.deleted_at.is_(None)
        )
        if version_no is not None:
            query = query.where(Proposal.version_no == version_no)
        found = session.scalar(query.order_by(Proposal.version_no.desc()).limit(1))
    if found is None and version_no is not None:
        with read_unit(db) as session:
            exists = session.scalar(
                select(Proposal.id).where(
                    Proposal.number.in_(number_variants(typed)),
                    Proposal.deleted_at.is_(None),
                )
            )
        if exists is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("UserErrors", "Proposal {number} has no version {version}."),
                field="version_no",
                number=typed.upper(),
                version=str(version_no),
            )
    if found is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("UserErrors", "There is no proposal numbered {number}."),
            field="number",
            number=typed,
        )
    return found


def _buyer(session: Session, counterparty_id: uuid.UUID | None) -> PartyRequisites | None:
    if counterparty_id is None:
        return None
    cp = session.get(Counterparty, counterparty_id)
    if cp is None:
        return None
    bank = session.scalars(
        select(BankAccount)
        .where(BankAccount.counterparty_id == cp.id, BankAccount.deleted_at.is_(None))
        .order_by(BankAccount.created_at, BankAccount.id)
        .limit(1)
    ).first()
    return PartyRequisites(
        name=cp.full_name,
        inn=cp.inn,
        kpp=cp.kpp,
        ogrn=cp.ogrn,
        address=cp.legal_address,
        bank_name=bank.bank_name if bank else None,
        bik=bank.bik if bank else None,
        account=bank.account if bank else None,
        corr_account=bank.corr_account if bank else None,
    )


def proposal_document(db: Database, proposal_id: uuid.UUID) -> ProposalDocument:
    """Everything the printed proposal shows, read in one go."""
    with read_unit(db) as session:
        p = live(session, Proposal, proposal_id, "id")
        deal = session.get(Deal, p.deal_id)
        assert deal is not None
        client = session.get(Client, deal.client_id)
        company = session.get(OwnCompany, p.own_company_id) if p.own_company_id else None
        if company is None:
            raise ValidationError.single(
                "own_company_id",
                QT_TRANSLATE_NOOP(
                    "UserErrors",
                    "Enter your company's requisites (Settings → Our companies) and choose "
                    "the company in the proposal.",
                ),
            )
        manager = session.get(User, p.manager_id) if p.manager_id else None
        price_type = session.get(PriceType, p.price_type_id) if p.price_type_id else None
        lines = session.scalars(
            select(ProposalLine)
            .where(ProposalLine.proposal_id == p.id, ProposalLine.deleted_at.is_(None))
            .order_by(ProposalLine.line_no, ProposalLine.id)
        ).all()
        return ProposalDocument(
            number=p.number,
            version_no=p.version_no,
            issued_on=p.issued_on,
            valid_until=p.valid_until,
            status=p.status,
            deal_number=deal.number,
            deal_title=deal.title,
            client_name=client.name if client else "",
            seller=PartyRequisites(
                name=company.full_name,
                inn=company.inn,
                kpp=company.kpp,
                ogrn=company.ogrn,
                address=company.legal_address,
                phone=company.phone,
                email=company.email,
                bank_name=company.bank_name,
                bik=company.bik,
                account=company.account,
                corr_account=company.corr_account,
            ),
            buyer=_buyer(session, p.counterparty_id),
            seller_logo=company.logo,
            director_title=company.director_title,
            director_name=company.director_name,
            manager_name=manager.full_name if manager else None,
            manager_phone=company.phone,
            manager_email=manager.email if manager else None,
            price_type=price_type.name if price_type else None,
            discount_pct=p.discount_pct,
            payment_terms=p.payment_terms,
            delivery_terms=p.delivery_terms,
            notes=p.notes,
            lines=tuple(
                ProposalDocumentLine(
                    line_no=x.line_no,
                    sku=x.sku,
                    description=x.description,
                    quantity=x.quantity,
                    unit=x.unit,
                    factor=x.factor,
                    price_unit=x.price_unit,
                    price=x.price,
                    discount_pct=x.discount_pct,
                    vat_rate=x.vat_rate,
                    amount=x.amount,
                    vat_amount=x.vat_amount,
                )
                for x in lines
            ),
            total=p.total,
            vat_total=p.vat_total,
            has_vat=any(x.vat_rate != "none" for x in lines),
        )


@dataclass(frozen=True)
class Recipient:
    """Someone of the deal's client side the proposal can be e-mailed to."""

    contact_id: uuid.UUID
    name: str
    email: str


def recipients(db: Database, proposal_id: uuid.UUID) -> list[Recipient]:
    """The deal's contact participants, then the client's other contacts, each with each of
    their live e-mail addresses."""
    with read_unit(db) as session:
        p = live(session, Proposal, proposal_id, "id")
        deal = session.get(Deal, p.deal_id)
        assert deal is not None
        in_deal = set(
            session.scalars(
                select(DealParticipant.contact_id).where(
                    DealParticipant.deal_id == deal.id,
                    DealParticipant.kind == "contact",
                    DealParticipant.deleted_at.is_(None),
                )
            )
        )
        rows = session.execute(
            select(
                Contact.id,
                Contact.last_name,
                Contact.first_name,
                Contact.middle_name,
                Channel.value,
            )
            .join(ClientContact, ClientContact.contact_id == Contact.id)
            .join(Channel, Channel.contact_id == Contact.id)
            .where(
                ClientContact.client_id == deal.client_id,
                ClientContact.deleted_at.is_(None),
                Contact.deleted_at.is_(None),
                Channel.kind == "email",
                Channel.deleted_at.is_(None),
            )
            .order_by(Contact.search_key, Channel.is_primary.desc(), Channel.created_at)
        ).all()
    found = [
        Recipient(cid, " ".join(x for x in (last, first, middle) if x), email)
        for cid, last, first, middle, email in rows
    ]
    return sorted(found, key=lambda r: r.contact_id not in in_deal)


def record_email_sent(
    db: Database,
    actor: Actor | None,
    proposal_id: uuid.UUID,
    *,
    to_address: str,
    contact_id: uuid.UUID | None,
    subject: str,
    body: str | None,
    sent_at: datetime | None = None,
) -> uuid.UUID:
    """After the mail server took the message: an outgoing e-mail interaction on the deal,
    and a draft proposal becomes sent — one transaction. Returns the interaction's id."""
    with write_unit(db, actor) as session:
        proposal = live(session, Proposal, proposal_id, "id")
        deal = live(session, Deal, proposal.deal_id, "deal_id")
        interaction = Interaction(
            kind="email",
            direction="out",
            subject=(subject or "")[:255],
            description=body,
            start_at=sent_at or datetime.now(UTC),
            duration_min=0,
            status="done",
            responsible_id=actor.user_id if actor else None,
            contact_id=contact_id,
            participant_text=to_address[:255],
            client_id=deal.client_id,
            deal_id=deal.id,
            proposal_id=proposal.id,
        )
        session.add(interaction)
        if proposal.status == "draft" and deal.status == "open":
            proposal.status = "sent"
        session.flush()
        return interaction.id
