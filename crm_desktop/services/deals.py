"""Deals: create and edit, specification and participants, stage moves, win, loss, reopen.

Stage rules live in :mod:`crm_desktop.services.deal_stages` (one ``unmet`` function). A
typical sale refuses to leave a stage with unmet requirements (ValidationError naming each);
a manual-stage deal moves anywhere, but unmet requirements are ConfirmationNeededError until the
user confirms, and then they are stored in the stage history; a non-process deal has no stages.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import Database
from crm_desktop.errors import (
    QT_TRANSLATE_NOOP,
    ConfirmationNeededError,
    Message,
    PermissionDeniedError,
    ValidationError,
)
from crm_desktop.models import (
    Client,
    ClientContact,
    Contact,
    Counterparty,
    Deal,
    DealLine,
    DealParticipant,
    DealStage,
    DealStageChange,
    InfoSource,
    LossReason,
    Product,
    SalesAgreement,
    User,
)
from crm_desktop.services import validation as v
from crm_desktop.services.catalogue import ProductPick, product_picks
from crm_desktop.services.deal_stages import Unmet, has_lines, process_stages, unmet
from crm_desktop.services.numbering import next_number
from crm_desktop.services.parties import FieldErrors, check_version, live, utc_now
from crm_desktop.services.uow import Actor, read_unit, write_unit

KOPECK = Decimal("0.01")
DEAL_KINDS = ("typical", "manual", "non_process")
VAT_RATES = {"20": Decimal(20), "10": Decimal(10), "0": Decimal(0), "none": Decimal(0)}


@dataclass(frozen=True)
class DealDraft:
    title: str
    client_id: uuid.UUID
    kind: str = "typical"
    counterparty_id: uuid.UUID | None = None
    source_id: uuid.UUID | None = None
    expected_on: date | None = None
    need_description: str | None = None
    agreement_id: uuid.UUID | None = None
    contract_number: str | None = None
    contract_date: date | None = None
    owner_id: uuid.UUID | None = None
    amount: Decimal | None = None  # only for a deal without specification lines


@dataclass(frozen=True)
class DealLineDraft:
    """A specification line. With a ``product_id`` the units, factor and VAT rate come from
    the catalogue (what is given here for them is ignored), the quantity counts whole sales
    units and ``price`` is per price unit; a blank description takes the product's name."""

    description: str
    quantity: Decimal
    price: Decimal
    unit: str = "шт"
    discount_pct: Decimal = Decimal(0)
    vat_rate: str = "20"
    product_id: uuid.UUID | None = None


@dataclass(frozen=True)
class DealLineRow:
    id: uuid.UUID
    line_no: int
    description: str
    quantity: Decimal
    unit: str
    price: Decimal
    discount_pct: Decimal
    vat_rate: str
    amount: Decimal
    vat_amount: Decimal
    product_id: uuid.UUID | None = None
    sku: str | None = None
    factor: int = 1
    price_unit: str | None = None  # None: the price is per ``unit``


@dataclass(frozen=True)
class ParticipantRow:
    id: uuid.UUID
    kind: str
    target_id: uuid.UUID
    name: str
    role: str | None


@dataclass(frozen=True)
class StageChangeRow:
    at: datetime
    user_name: str | None
    from_stage: str | None
    to_stage: str | None
    from_status: str
    to_status: str
    skipped: tuple[str, ...]
    comment: str | None


@dataclass(frozen=True)
class DealDetails:
    id: uuid.UUID
    version: int
    number: str
    title: str
    client_id: uuid.UUID
    client_name: str
    counterparty_id: uuid.UUID | None
    kind: str
    stage_id: uuid.UUID | None
    stage_code: str | None
    stage_name: str | None
    status: str
    amount: Decimal
    probability: int
    source_id: uuid.UUID | None
    opened_on: date
    expected_on: date | None
    closed_on: date | None
    owner_id: uuid.UUID | None
    loss_reason_id: uuid.UUID | None
    loss_comment: str | None
    contract_number: str | None
    contract_date: date | None
    need_description: str | None
    agreement_id: uuid.UUID | None
    lines: tuple[DealLineRow, ...] = ()
    participants: tuple[ParticipantRow, ...] = ()
    unmet: tuple[Unmet, ...] = field(default=())


# --- money ------------------------------------------------------------------------------------


def line_amount(
    quantity: Decimal, price: Decimal, discount_pct: Decimal, factor: int = 1
) -> Decimal:
    """Quantity (sales units) × factor (price units in one) × price (per price unit) less the
    discount, computed exactly and rounded once to kopecks half up, as documents do."""
    gross = quantity * factor * price * (Decimal(100) - discount_pct) / Decimal(100)
    return gross.quantize(KOPECK, rounding=ROUND_HALF_UP)


def vat_included(amount: Decimal, rate: str) -> Decimal:
    """The VAT contained in an amount that includes it («в т.ч. НДС»)."""
    percent = VAT_RATES[rate]
    if not percent:
        return Decimal("0.00")
    return (amount * percent / (Decimal(100) + percent)).quantize(KOPECK, rounding=ROUND_HALF_UP)


# --- reading ----------------------------------------------------------------------------------


def _details(session: Session, deal: Deal) -> DealDetails:
    stage = session.get(DealStage, deal.stage_id) if deal.stage_id else None
    client = session.get(Client, deal.client_id)
    lines = session.execute(
        select(DealLine, Product.sku)
        .outerjoin(Product, Product.id == DealLine.product_id)
        .where(DealLine.deal_id == deal.id, DealLine.deleted_at.is_(None))
        .order_by(DealLine.line_no, DealLine.id)
    ).all()
    return DealDetails(
        id=deal.id,
        version=deal.version,
        number=deal.number,
        title=deal.title,
        client_id=deal.client_id,
        client_name=client.name if client else "",
        counterparty_id=deal.counterparty_id,
        kind=deal.kind,
        stage_id=deal.stage_id,
        stage_code=stage.code if stage else None,
        stage_name=stage.name if stage else None,
        status=deal.status,
        amount=deal.amount,
        probability=deal.probability,
        source_id=deal.source_id,
        opened_on=deal.opened_on,
        expected_on=deal.expected_on,
        closed_on=deal.closed_on,
        owner_id=deal.owner_id,
        loss_reason_id=deal.loss_reason_id,
        loss_comment=deal.loss_comment,
        contract_number=deal.contract_number,
        contract_date=deal.contract_date,
        need_description=deal.need_description,
        agreement_id=deal.agreement_id,
        lines=tuple(
            DealLineRow(
                x.id,
                x.line_no,
                x.description,
                x.quantity,
                x.unit,
                x.price,
                x.discount_pct,
                x.vat_rate,
                x.amount,
                vat_included(x.amount, x.vat_rate),
                x.product_id,
                sku,
                x.factor,
                x.price_unit,
            )
            for x, sku in lines
        ),
        participants=tuple(_participants(session, deal.id)),
        unmet=tuple(unmet(session, deal)) if deal.status == "open" else (),
    )


def _participants(session: Session, deal_id: uuid.UUID) -> list[ParticipantRow]:
    rows = []
    for part in session.scalars(
        select(DealParticipant)
        .where(DealParticipant.deal_id == deal_id, DealParticipant.deleted_at.is_(None))
        .order_by(DealParticipant.kind, DealParticipant.created_at, DealParticipant.id)
    ):
        if part.kind == "user" and part.user_id is not None:
            user = session.get(User, part.user_id)
            rows.append(
                ParticipantRow(
                    part.id, "user", part.user_id, user.full_name if user else "", part.role
                )
            )
        elif part.kind == "contact" and part.contact_id is not None:
            contact = session.get(Contact, part.contact_id)
            name = (
                " ".join(
                    x for x in (contact.last_name, contact.first_name, contact.middle_name) if x
                )
                if contact
                else ""
            )
            rows.append(ParticipantRow(part.id, "contact", part.contact_id, name, part.role))
        elif part.partner_id is not None:
            partner = session.get(Client, part.partner_id)
            rows.append(
                ParticipantRow(
                    part.id, "partner", part.partner_id, partner.name if partner else "", part.role
                )
            )
    return rows


def get_deal(db: Database, deal_id: uuid.UUID) -> DealDetails:
    with read_unit(db) as session:
        return _details(session, live(session, Deal, deal_id, "id"))


def stage_history(db: Database, deal_id: uuid.UUID) -> list[StageChangeRow]:
    with read_unit(db) as session:
        names = {s.id: s.name for s in session.scalars(select(DealStage))}
        users = {u.id: u.full_name for u in session.scalars(select(User))}
        rows = session.scalars(
            select(DealStageChange)
            .where(DealStageChange.deal_id == deal_id)
            .order_by(DealStageChange.at, DealStageChange.id)
        )
        return [
            StageChangeRow(
                r.at,
                users.get(r.user_id) if r.user_id else None,
                names.get(r.from_stage_id) if r.from_stage_id else None,
                names.get(r.to_stage_id) if r.to_stage_id else None,
                r.from_status,
                r.to_status,
                tuple(json.loads(r.skipped_requirements or "[]")),
                r.comment,
            )
            for r in rows
        ]


# --- writing ----------------------------------------------------------------------------------


def _deal_values(
    session: Session, draft: DealDraft, current: Deal | None = None
) -> dict[str, object]:
    """Clean a draft; references are checked only when they change (a deal keeps an agreement
    that was closed since, or a client that was merged away, until someone changes it)."""

    def changed(name: str, value: object) -> bool:
        return current is None or getattr(current, name) != value

    errors = FieldErrors()
    title = errors.check(lambda: v.clean_text(draft.title, field="title", required=True))
    need = errors.check(
        lambda: v.clean_text(
            draft.need_description, field="need_description", max_length=20_000, multiline=True
        )
    )
    contract = errors.check(
        lambda: v.clean_text(draft.contract_number, field="contract_number", max_length=40)
    )
    if draft.kind not in DEAL_KINDS:
        errors.add("kind", QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list."))
    client = session.get(Client, draft.client_id)
    if changed("client_id", draft.client_id) and (client is None or client.deleted_at is not None):
        errors.add("client_id", QT_TRANSLATE_NOOP("UserErrors", "Choose the client of the deal."))
    if draft.counterparty_id is not None and (
        changed("counterparty_id", draft.counterparty_id) or changed("client_id", draft.client_id)
    ):
        cp = session.get(Counterparty, draft.counterparty_id)
        if cp is None or cp.deleted_at is not None or cp.client_id != draft.client_id:
            errors.add(
                "counterparty_id",
                QT_TRANSLATE_NOOP("UserErrors", "Choose a counterparty of the deal's client."),
            )
    if draft.agreement_id is not None and (
        changed("agreement_id", draft.agreement_id) or changed("client_id", draft.client_id)
    ):
        agreement = session.get(SalesAgreement, draft.agreement_id)
        usable = (
            agreement is not None
            and agreement.deleted_at is None
            and agreement.status == "active"
            and agreement.client_id in (None, draft.client_id)
        )
        if not usable:
            errors.add(
                "agreement_id",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "Choose an active agreement: a typical one or the client's own."
                ),
            )
    for model, value, name in (
        (InfoSource, draft.source_id, "source_id"),
        (User, draft.owner_id, "owner_id"),
    ):
        if value is not None and changed(name, value):
            row = session.get(model, value)
            if row is None or row.deleted_at is not None:
                errors.add(name, QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list."))
    if draft.amount is not None and draft.amount < 0:
        errors.add("amount", QT_TRANSLATE_NOOP("UserErrors", "The amount cannot be negative."))
    errors.raise_if_any()
    return {
        "title": title,
        "search_key": v.search_key(title or ""),
        "client_id": draft.client_id,
        "counterparty_id": draft.counterparty_id,
        "source_id": draft.source_id,
        "expected_on": draft.expected_on,
        "need_description": need,
        "agreement_id": draft.agreement_id,
        "contract_number": contract,
        "contract_date": draft.contract_date,
    }


def _record_change(
    session: Session,
    actor: Actor | None,
    deal: Deal,
    from_stage: uuid.UUID | None,
    from_status: str,
    skipped: list[Unmet] | None = None,
    comment: str | None = None,
) -> None:
    session.add(
        DealStageChange(
            deal_id=deal.id,
            from_stage_id=from_stage,
            to_stage_id=deal.stage_id,
            from_status=from_status,
            to_status=deal.status,
            user_id=actor.user_id if actor else None,
            at=utc_now(),
            skipped_requirements=json.dumps([u.code for u in skipped or []]),
            comment=comment,
        )
    )


def add_deal(session: Session, actor: Actor | None, draft: DealDraft) -> Deal:
    """A new deal at its process's first stage, inside the caller's unit of work (the lead
    conversion creates one with the client in a single transaction)."""
    values = _deal_values(session, draft)
    first = process_stages(session)[0] if draft.kind != "non_process" else None
    deal = Deal(
        **values,
        number=next_number(session, "deal"),
        kind=draft.kind,
        stage_id=first.id if first else None,
        status="open",
        amount=(draft.amount or Decimal(0)).quantize(KOPECK),
        probability=first.probability if first else 0,
        opened_on=date.today(),
        owner_id=draft.owner_id or (actor.user_id if actor else None),
    )
    session.add(deal)
    session.flush()
    _record_change(session, actor, deal, None, "open")
    session.flush()
    return deal


def create_deal(db: Database, actor: Actor | None, draft: DealDraft) -> DealDetails:
    with write_unit(db, actor) as session:
        return _details(session, add_deal(session, actor, draft))


def writable_deal(session: Session, deal_id: uuid.UUID) -> Deal:
    """An open deal, its row locked for the transaction (FOR UPDATE on PostgreSQL; SQLite's
    write transaction holds the file): a stage move and a change of what the stage rules count
    (participants, proposals, lines) never interleave."""
    session.get(Deal, deal_id, with_for_update=True)
    deal = live(session, Deal, deal_id, "id")
    if deal.status != "open":
        raise ValidationError.single(
            "status",
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The deal is closed (won or lost). Only a supervisor can reopen it.",
            ),
        )
    return deal


def _open_deal(session: Session, deal_id: uuid.UUID, expected_version: int) -> Deal:
    session.get(Deal, deal_id, with_for_update=True)  # lock the row, as writable_deal does
    deal = live(session, Deal, deal_id, "id")
    check_version(deal, expected_version)
    if deal.status != "open":
        raise ValidationError.single(
            "status",
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The deal is closed (won or lost). Only a supervisor can reopen it.",
            ),
        )
    return deal


def update_deal(
    db: Database, actor: Actor | None, deal_id: uuid.UUID, expected_version: int, draft: DealDraft
) -> DealDetails:
    with write_unit(db, actor) as session:
        deal = _open_deal(session, deal_id, expected_version)
        values = _deal_values(session, draft, deal)
        if draft.kind != deal.kind:
            raise ValidationError.single(
                "kind",
                QT_TRANSLATE_NOOP("UserErrors", "The kind of an existing deal cannot change."),
            )
        for key, value in values.items():
            if getattr(deal, key) != value:
                setattr(deal, key, value)
        if draft.owner_id is not None and draft.owner_id != deal.owner_id:
            deal.owner_id = draft.owner_id
        if draft.amount is not None and not has_lines(session, deal.id):
            deal.amount = draft.amount.quantize(KOPECK)
        session.flush()
        return _details(session, deal)


def set_lines(
    db: Database,
    actor: Actor | None,
    deal_id: uuid.UUID,
    expected_version: int,
    lines: list[DealLineDraft],
) -> DealDetails:
    """Replace the specification; the deal's amount becomes the lines' total."""
    errors = FieldErrors()
    cleaned: list[dict[str, object]] = []
    with read_unit(db) as session:
        products = _line_products(session, [x.product_id for x in lines if x.product_id])
    for index, line in enumerate(lines):
        prefix = f"lines[{index}]."
        product = products.get(line.product_id) if line.product_id else None
        if line.product_id and product is None:
            errors.add(
                prefix + "product_id",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "The record was not found; it may have been deleted."
                ),
            )
            continue
        description = errors.check(
            partial(
                v.clean_text,
                line.description or (product.name if product else ""),
                field=prefix + "description",
                required=True,
            )
        )
        unit = errors.check(
            partial(
                v.clean_text,
                product.sales_unit if product else line.unit,
                field=prefix + "unit",
                required=True,
                max_length=40,
            )
        )
        try:
            # stored precision first (quantity 0.001, discount 0.01 %, price in kopecks), so
            # the amount is the one the stored line recomputes to
            quantity = Decimal(line.quantity).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
            price = Decimal(line.price).quantize(KOPECK, rounding=ROUND_HALF_UP)
            discount = Decimal(line.discount_pct).quantize(KOPECK, rounding=ROUND_HALF_UP)
        except (InvalidOperation, TypeError, ValueError):
            errors.add(prefix + "quantity", QT_TRANSLATE_NOOP("UserErrors", "Enter a number."))
            continue
        if quantity <= 0:
            errors.add(
                prefix + "quantity",
                QT_TRANSLATE_NOOP("UserErrors", "The quantity must be greater than zero."),
            )
        elif product is not None and quantity != quantity.to_integral_value():
            errors.add(
                prefix + "quantity",
                QT_TRANSLATE_NOOP("UserErrors", "Products are sold in whole sales units."),
            )
        if price < 0:
            errors.add(
                prefix + "price", QT_TRANSLATE_NOOP("UserErrors", "The price cannot be negative.")
            )
        if not Decimal(0) <= discount <= Decimal(100):
            errors.add(
                prefix + "discount_pct",
                QT_TRANSLATE_NOOP("UserErrors", "The discount must be between 0 and 100 %."),
            )
        vat_rate = product.vat_rate if product else line.vat_rate
        if vat_rate not in VAT_RATES:
            errors.add(
                prefix + "vat_rate",
                QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list."),
            )
        factor = product.sales_factor if product else 1
        cleaned.append(
            {
                "line_no": index + 1,
                "product_id": line.product_id if product else None,
                "description": description,
                "unit": unit,
                "factor": factor,
                "price_unit": product.price_unit if product else None,
                "quantity": quantity,
                "price": price,
                "discount_pct": discount,
                "vat_rate": vat_rate,
                "amount": (
                    line_amount(quantity, price, discount, factor) if quantity > 0 else Decimal(0)
                ),
            }
        )
    errors.raise_if_any()
    with write_unit(db, actor) as session:
        deal = _open_deal(session, deal_id, expected_version)
        now = utc_now()
        for old in session.scalars(
            select(DealLine).where(DealLine.deal_id == deal.id, DealLine.deleted_at.is_(None))
        ):
            old.deleted_at = now
        for values in cleaned:
            session.add(DealLine(deal_id=deal.id, **values))
        deal.amount = sum((Decimal(str(x["amount"])) for x in cleaned), Decimal("0.00"))
        session.flush()
        return _details(session, deal)


def _line_products(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID | None, ProductPick]:
    return {pick.id: pick for pick in product_picks(session, ids)}


def add_participant(
    db: Database,
    actor: Actor | None,
    deal_id: uuid.UUID,
    kind: str,
    target_id: uuid.UUID,
    role: str | None = None,
) -> DealDetails:
    """Our user, a client-side contact or another partner takes part, with a role."""
    clean_role = v.clean_text(role, field="role")
    models: dict[str, type[User] | type[Contact] | type[Client]] = {
        "user": User,
        "contact": Contact,
        "partner": Client,
    }
    if kind not in models:
        raise ValidationError.single(
            "kind", QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list.")
        )
    with write_unit(db, actor) as session:
        deal = writable_deal(session, deal_id)
        live(session, models[kind], target_id, "target_id")
        if kind == "contact" and not _is_client_contact(session, deal.client_id, target_id):
            raise ValidationError.single(
                "contact_id",
                QT_TRANSLATE_NOOP("UserErrors", "Choose a contact person of the deal's client."),
            )
        column = {"user": "user_id", "contact": "contact_id", "partner": "partner_id"}[kind]
        existing = session.scalars(
            select(DealParticipant).where(
                DealParticipant.deal_id == deal.id,
                DealParticipant.kind == kind,
                getattr(DealParticipant, column) == target_id,
            )
        ).one_or_none()
        if existing is None:
            session.add(
                DealParticipant(deal_id=deal.id, kind=kind, role=clean_role, **{column: target_id})
            )
        else:
            existing.role = clean_role
            existing.deleted_at = None
        session.flush()
        return _details(session, deal)


def _is_client_contact(session: Session, client_id: uuid.UUID, contact_id: uuid.UUID) -> bool:
    return (
        session.scalars(
            select(ClientContact.id).where(
                ClientContact.client_id == client_id,
                ClientContact.contact_id == contact_id,
                ClientContact.deleted_at.is_(None),
            )
        ).first()
        is not None
    )


def remove_participant(db: Database, actor: Actor | None, participant_id: uuid.UUID) -> None:
    with write_unit(db, actor) as session:
        part = live(session, DealParticipant, participant_id, "id")
        writable_deal(session, part.deal_id)
        part.deleted_at = utc_now()


def _requirements_error(missing: list[Unmet], *, confirmable: bool) -> ValidationError:
    errors: dict[str, Message] = {}
    for item in missing:
        errors.setdefault(item.field, item.message)
    if not confirmable:
        return ValidationError(errors)
    error = ConfirmationNeededError(errors)
    error.unmet = tuple(missing)
    return error


def move_to_stage(
    db: Database,
    actor: Actor | None,
    deal_id: uuid.UUID,
    expected_version: int,
    stage_id: uuid.UUID,
    *,
    confirm_skipped: bool = False,
    comment: str | None = None,
) -> DealDetails:
    """Move an open deal to another stage of its process.

    Typical sale: only to the next stage, and only when the current stage's requirements hold
    (or back to an earlier stage, which skips nothing). Manual stages: any stage; what the
    stages being left behind still lack is ConfirmationNeededError until ``confirm_skipped``,
    then stored in the history.
    """
    with write_unit(db, actor) as session:
        deal = _open_deal(session, deal_id, expected_version)
        if deal.kind == "non_process":
            raise ValidationError.single(
                "stage_id", QT_TRANSLATE_NOOP("UserErrors", "This deal has no stages.")
            )
        stages = process_stages(session)
        order = {s.id: i for i, s in enumerate(stages)}
        if stage_id not in order or deal.stage_id not in order:
            raise ValidationError.single(
                "stage_id", QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list.")
            )
        here, there = order[deal.stage_id], order[stage_id]
        if here == there:
            return _details(session, deal)
        skipped: list[Unmet] = []
        if there > here:
            if deal.kind == "typical" and there != here + 1:
                raise ValidationError.single(
                    "stage_id",
                    QT_TRANSLATE_NOOP(
                        "UserErrors",
                        "A typical sale goes through every stage: move to the next one.",
                    ),
                )
            # a typical sale re-checks every stage it has passed: a requirement met once and
            # undone since (a line removed, the agreement cleared) blocks the way on
            checked = stages[:there] if deal.kind == "typical" else stages[here:there]
            for stage in checked:
                skipped.extend(unmet(session, deal, stage.id))
            if skipped and deal.kind == "typical":
                raise _requirements_error(skipped, confirmable=False)
            if skipped and not confirm_skipped:
                raise _requirements_error(skipped, confirmable=True)
        previous = deal.stage_id
        deal.stage_id = stage_id
        deal.probability = stages[there].probability
        _record_change(session, actor, deal, previous, "open", skipped, comment)
        session.flush()
        return _details(session, deal)


def win(
    db: Database,
    actor: Actor | None,
    deal_id: uuid.UUID,
    expected_version: int,
    *,
    confirm_skipped: bool = False,
) -> DealDetails:
    """Close the deal as won: from the last stage with its requirements met (typical)."""
    with write_unit(db, actor) as session:
        deal = _open_deal(session, deal_id, expected_version)
        skipped: list[Unmet] = []
        if deal.kind != "non_process":
            stages = process_stages(session)
            order = {s.id: i for i, s in enumerate(stages)}
            here = order.get(deal.stage_id, 0) if deal.stage_id else 0
            if deal.kind == "typical" and here != len(stages) - 1:
                raise ValidationError.single(
                    "stage_id",
                    QT_TRANSLATE_NOOP(
                        "UserErrors", "A typical sale is won from its last stage (contract)."
                    ),
                )
            for stage in stages if deal.kind == "typical" else stages[here:]:
                skipped.extend(unmet(session, deal, stage.id))
            if skipped and deal.kind == "typical":
                raise _requirements_error(skipped, confirmable=False)
            if skipped and not confirm_skipped:
                raise _requirements_error(skipped, confirmable=True)
        deal.status = "won"
        deal.probability = 100
        deal.closed_on = date.today()
        _record_change(session, actor, deal, deal.stage_id, "open", skipped)
        session.flush()
        return _details(session, deal)


def lose(
    db: Database,
    actor: Actor | None,
    deal_id: uuid.UUID,
    expected_version: int,
    reason_id: uuid.UUID | None,
    comment: str | None,
) -> DealDetails:
    """Close the deal as lost, from any open stage: a reason and a comment are required."""
    errors = FieldErrors()
    clean_comment = errors.check(
        lambda: v.clean_text(comment, field="loss_comment", max_length=5000, multiline=True)
    )
    if reason_id is None:
        errors.add(
            "loss_reason_id", QT_TRANSLATE_NOOP("UserErrors", "Choose why the deal was lost.")
        )
    if not clean_comment and "loss_comment" not in errors.errors:
        errors.add(
            "loss_comment", QT_TRANSLATE_NOOP("UserErrors", "Say in a few words what happened.")
        )
    errors.raise_if_any()
    with write_unit(db, actor) as session:
        deal = _open_deal(session, deal_id, expected_version)
        reason = session.get(LossReason, reason_id)
        if reason is None or reason.deleted_at is not None:
            raise ValidationError.single(
                "loss_reason_id", QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list.")
            )
        deal.status = "lost"
        deal.probability = 0
        deal.loss_reason_id = reason.id
        deal.loss_comment = clean_comment
        deal.closed_on = date.today()
        _record_change(session, actor, deal, deal.stage_id, "open", comment=clean_comment)
        session.flush()
        return _details(session, deal)


def reopen(
    db: Database,
    actor: Actor | None,
    deal_id: uuid.UUID,
    expected_version: int,
    comment: str | None = None,
) -> DealDetails:
    """A supervisor reopens a won or lost deal at the stage it was closed from (audited)."""
    if actor is None or not actor.is_supervisor:
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP("UserErrors", "Only a supervisor can reopen a closed deal.")
        )
    with write_unit(db, actor) as session:
        deal = live(session, Deal, deal_id, "id")
        check_version(deal, expected_version)
        if deal.status == "open":
            return _details(session, deal)
        previous_status = deal.status
        deal.status = "open"
        deal.closed_on = None
        deal.loss_reason_id = None
        deal.loss_comment = None
        stage = session.get(DealStage, deal.stage_id) if deal.stage_id else None
        deal.probability = stage.probability if stage else 0
        _record_change(
            session,
            actor,
            deal,
            deal.stage_id,
            previous_status,
            comment=v.clean_text(comment, field="comment", max_length=5000, multiline=True),
        )
        session.flush()
        return _details(session, deal)
