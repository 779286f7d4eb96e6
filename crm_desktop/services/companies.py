"""Our own companies (организации): the seller's requisites printed on commercial proposals.

An office may trade through several legal entities; one is the default for new proposals.
Requisites are checked like a counterparty's (INN, KPP, OGRN against the INN, BIK, the account
key against the BIK).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, PermissionDeniedError
from crm_desktop.models import OwnCompany
from crm_desktop.services import validation as v
from crm_desktop.services.parties import FieldErrors, check_version, live, utc_now
from crm_desktop.services.uow import Actor, read_unit, write_unit

MAX_LOGO_BYTES = 1_000_000
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


@dataclass(frozen=True)
class OwnCompanyDraft:
    short_name: str
    full_name: str
    inn: str
    director_name: str
    legal_address: str
    kpp: str | None = None
    ogrn: str | None = None
    phone: str | None = None
    email: str | None = None
    bank_name: str | None = None
    bik: str | None = None
    account: str | None = None
    corr_account: str | None = None
    director_title: str = "Генеральный директор"
    logo: bytes | None = None
    is_default: bool = False


@dataclass(frozen=True)
class OwnCompanyDetails:
    id: uuid.UUID
    version: int
    draft: OwnCompanyDraft


def _values(draft: OwnCompanyDraft) -> dict[str, object]:
    errors = FieldErrors()
    text = partial(v.clean_text, required=True)
    short_name = errors.check(partial(text, draft.short_name, field="short_name"))
    full_name = errors.check(partial(text, draft.full_name, field="full_name"))
    address = errors.check(
        partial(text, draft.legal_address, field="legal_address", max_length=1000)
    )
    director_name = errors.check(partial(text, draft.director_name, field="director_name"))
    director_title = errors.check(partial(text, draft.director_title, field="director_title"))
    inn = errors.check(partial(v.normalize_inn, draft.inn))
    if inn is None and "inn" not in errors.errors:
        errors.add("inn", QT_TRANSLATE_NOOP("UserErrors", "Enter the INN."))
    kpp = errors.check(partial(v.normalize_kpp, draft.kpp))
    if (
        inn is not None
        and v.inn_kind(inn) == "legal"
        and kpp is None
        and "kpp" not in errors.errors
    ):
        errors.add("kpp", QT_TRANSLATE_NOOP("UserErrors", "An organisation has a KPP: enter it."))
    ogrn = errors.check(partial(v.normalize_ogrn, draft.ogrn))
    if ogrn is not None and inn is not None:
        errors.check(partial(v.check_ogrn_matches_inn, ogrn, inn))
    bik = errors.check(partial(v.normalize_bik, draft.bik))
    account = errors.check(partial(v.normalize_account, draft.account, bik=bik))
    corr = errors.check(partial(v.normalize_corr_account, draft.corr_account, bik=bik))
    bank_name = errors.check(partial(v.clean_text, draft.bank_name, field="bank_name"))
    if account is not None and bik is None and "bik" not in errors.errors:
        errors.add("bik", QT_TRANSLATE_NOOP("UserErrors", "Enter the bank's BIK."))
    phone = errors.check(partial(v.normalize_phone, draft.phone))
    email = errors.check(partial(v.normalize_email, draft.email))
    if draft.logo is not None:
        if len(draft.logo) > MAX_LOGO_BYTES:
            errors.add(
                "logo", QT_TRANSLATE_NOOP("UserErrors", "The logo must be smaller than 1 MB.")
            )
        elif not draft.logo.startswith(_IMAGE_MAGIC):
            errors.add(
                "logo", QT_TRANSLATE_NOOP("UserErrors", "The logo must be a PNG or JPEG picture.")
            )
    errors.raise_if_any()
    return {
        "short_name": short_name,
        "full_name": full_name,
        "inn": inn,
        "kpp": kpp,
        "ogrn": ogrn,
        "legal_address": address,
        "phone": phone[0] if phone else None,
        "email": email,
        "bank_name": bank_name,
        "bik": bik,
        "account": account,
        "corr_account": corr,
        "director_title": director_title,
        "director_name": director_name,
        "logo": draft.logo,
        "is_default": draft.is_default,
    }


def _require_supervisor(actor: Actor | None) -> None:
    """Our requisites go on every document: only a supervisor (or an admin) changes them."""
    if actor is not None and not actor.is_supervisor:
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP(
                "UserErrors", "Only a supervisor can change our companies' requisites."
            )
        )


def _details(company: OwnCompany) -> OwnCompanyDetails:
    return OwnCompanyDetails(
        company.id,
        company.version,
        OwnCompanyDraft(
            short_name=company.short_name,
            full_name=company.full_name,
            inn=company.inn,
            director_name=company.director_name,
            legal_address=company.legal_address,
            kpp=company.kpp,
            ogrn=company.ogrn,
            phone=company.phone,
            email=company.email,
            bank_name=company.bank_name,
            bik=company.bik,
            account=company.account,
            corr_account=company.corr_account,
            director_title=company.director_title,
            logo=company.logo,
            is_default=company.is_default,
        ),
    )


def _only_default(session: Session, company: OwnCompany) -> None:
    """Making one company the default takes the mark off the others."""
    if company.is_default:
        for other in session.scalars(
            select(OwnCompany).where(OwnCompany.id != company.id, OwnCompany.is_default.is_(True))
        ):
            other.is_default = False  # through the ORM: the audit trail sees it
        session.flush()


def create_company(db: Database, actor: Actor | None, draft: OwnCompanyDraft) -> OwnCompanyDetails:
    _require_supervisor(actor)
    values = _values(draft)
    with write_unit(db, actor) as session:
        first = session.scalar(select(OwnCompany.id).where(OwnCompany.deleted_at.is_(None))) is None
        company = OwnCompany(**values)
        if first:
            company.is_default = True  # the only company is the default one
        session.add(company)
        session.flush()
        _only_default(session, company)
        return _details(company)


def update_company(
    db: Database,
    actor: Actor | None,
    company_id: uuid.UUID,
    expected_version: int,
    draft: OwnCompanyDraft,
) -> OwnCompanyDetails:
    _require_supervisor(actor)
    values = _values(draft)
    with write_unit(db, actor) as session:
        company = live(session, OwnCompany, company_id, "id")
        check_version(company, expected_version)
        for key, value in values.items():
            if getattr(company, key) != value:
                setattr(company, key, value)
        session.flush()
        _only_default(session, company)
        return _details(company)


def delete_company(
    db: Database, actor: Actor | None, company_id: uuid.UUID, expected_version: int
) -> None:
    """Soft delete: proposals already issued keep their seller."""
    _require_supervisor(actor)
    with write_unit(db, actor) as session:
        company = live(session, OwnCompany, company_id, "id")
        check_version(company, expected_version)
        company.deleted_at = utc_now()
        company.is_default = False


def list_companies(db: Database) -> list[OwnCompanyDetails]:
    with read_unit(db) as session:
        rows = session.scalars(
            select(OwnCompany)
            .where(OwnCompany.deleted_at.is_(None))
            .order_by(OwnCompany.is_default.desc(), OwnCompany.short_name, OwnCompany.id)
        )
        return [_details(c) for c in rows]


def get_company(db: Database, company_id: uuid.UUID) -> OwnCompanyDetails:
    with read_unit(db) as session:
        return _details(live(session, OwnCompany, company_id, "id"))


def default_company_id(db: Database) -> uuid.UUID | None:
    companies = list_companies(db)
    return companies[0].id if companies else None
