"""Sales agreements (соглашения об условиях продаж): typical ones and individual ones made
from them; draft → active → closed. A deal's agreement drives its prices and discounts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, ValidationError
from crm_desktop.models import Client, PriceType, SalesAgreement
from crm_desktop.services import validation as v
from crm_desktop.services.numbering import next_number
from crm_desktop.services.parties import FieldErrors, check_version, live
from crm_desktop.services.uow import Actor, read_unit, write_unit

MOVES = {"draft": ("active",), "active": ("closed",), "closed": ()}


@dataclass(frozen=True)
class AgreementDraft:
    name: str
    is_typical: bool = True
    client_id: uuid.UUID | None = None
    template_id: uuid.UUID | None = None
    price_type_id: uuid.UUID | None = None
    prepayment_pct: Decimal = Decimal(0)
    credit_days: int = 0
    delivery_days: int = 0
    discount_pct: Decimal = Decimal(0)
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True)
class AgreementDetails:
    id: uuid.UUID
    version: int
    number: str
    status: str
    draft: AgreementDraft


def _details(a: SalesAgreement) -> AgreementDetails:
    return AgreementDetails(
        a.id,
        a.version,
        a.number,
        a.status,
        AgreementDraft(
            a.name,
            a.is_typical,
            a.client_id,
            a.template_id,
            a.price_type_id,
            a.prepayment_pct,
            a.credit_days,
            a.delivery_days,
            a.discount_pct,
            a.valid_from,
            a.valid_to,
        ),
    )


def _values(draft: AgreementDraft) -> dict[str, object]:
    errors = FieldErrors()
    name = errors.check(lambda: v.clean_text(draft.name, field="name", required=True))
    if draft.is_typical and draft.client_id is not None:
        errors.add(
            "client_id",
            QT_TRANSLATE_NOOP("UserErrors", "A typical agreement is not for one client."),
        )
    if not draft.is_typical and draft.client_id is None:
        errors.add(
            "client_id",
            QT_TRANSLATE_NOOP("UserErrors", "Choose the client of an individual agreement."),
        )
    for name_, pct in (
        ("prepayment_pct", draft.prepayment_pct),
        ("discount_pct", draft.discount_pct),
    ):
        if not Decimal(0) <= pct <= Decimal(100):
            errors.add(name_, QT_TRANSLATE_NOOP("UserErrors", "Enter a percentage from 0 to 100."))
    for name_, days in (("credit_days", draft.credit_days), ("delivery_days", draft.delivery_days)):
        if not 0 <= days <= 3650:
            errors.add(name_, QT_TRANSLATE_NOOP("UserErrors", "Enter a number of days from 0."))
    if draft.valid_from and draft.valid_to and draft.valid_to < draft.valid_from:
        errors.add(
            "valid_to",
            QT_TRANSLATE_NOOP("UserErrors", "The end of validity is before its start."),
        )
    errors.raise_if_any()
    return {
        "name": name,
        "is_typical": draft.is_typical,
        "client_id": draft.client_id,
        "template_id": draft.template_id,
        "price_type_id": draft.price_type_id,
        "prepayment_pct": draft.prepayment_pct,
        "credit_days": draft.credit_days,
        "delivery_days": draft.delivery_days,
        "discount_pct": draft.discount_pct,
        "valid_from": draft.valid_from,
        "valid_to": draft.valid_to,
    }


def create_agreement(db: Database, actor: Actor | None, draft: AgreementDraft) -> AgreementDetails:
    values = _values(draft)
    with write_unit(db, actor) as session:
        if draft.client_id is not None:
            live(session, Client, draft.client_id, "client_id")
        if draft.price_type_id is not None:
            live(session, PriceType, draft.price_type_id, "price_type_id")
        agreement = SalesAgreement(
            **values, number=next_number(session, "agreement"), status="draft"
        )
        session.add(agreement)
        session.flush()
        return _details(agreement)


def individual_from(
    db: Database, actor: Actor | None, template_id: uuid.UUID, client_id: uuid.UUID
) -> AgreementDetails:
    """An individual agreement for one client, made from a typical one."""
    with read_unit(db) as session:
        template = live(session, SalesAgreement, template_id, "template_id")
        if not template.is_typical:
            raise ValidationError.single(
                "template_id",
                QT_TRANSLATE_NOOP("UserErrors", "Make individual agreements from a typical one."),
            )
        base = _details(template).draft
    return create_agreement(
        db,
        actor,
        replace(base, is_typical=False, client_id=client_id, template_id=template_id),
    )


def set_status(
    db: Database, actor: Actor | None, agreement_id: uuid.UUID, expected_version: int, status: str
) -> AgreementDetails:
    with write_unit(db, actor) as session:
        agreement = live(session, SalesAgreement, agreement_id, "id")
        check_version(agreement, expected_version)
        if status not in MOVES[agreement.status]:
            raise ValidationError.single(
                "status",
                QT_TRANSLATE_NOOP("UserErrors", "An agreement goes draft → active → closed."),
            )
        agreement.status = status
        session.flush()
        return _details(agreement)


def get_agreement(db: Database, agreement_id: uuid.UUID) -> AgreementDetails:
    """One agreement whatever its status (a deal may keep one that was closed since)."""
    with read_unit(db) as session:
        return _details(live(session, SalesAgreement, agreement_id, "agreement_id"))


def agreements_for(db: Database, client_id: uuid.UUID) -> list[AgreementDetails]:
    """Active agreements a deal of this client may use: typical ones and its own."""
    with read_unit(db) as session:
        rows = session.scalars(
            select(SalesAgreement)
            .where(
                SalesAgreement.deleted_at.is_(None),
                SalesAgreement.status == "active",
                or_(SalesAgreement.client_id.is_(None), SalesAgreement.client_id == client_id),
            )
            .order_by(SalesAgreement.is_typical, SalesAgreement.name, SalesAgreement.id)
        )
        return [_details(a) for a in rows]
