"""Demo deals: spread over every stage and outcome of the typical sale, over the last half year.

Each deal gets what its stages require, in the order a manager would add it (a contact of the
client, the need and specification lines, an agreement, proposals, the counterparty and a
contract), and a stage history with dates spread back in time, so the funnel and the deal
lists are meaningful on first start. Written as ORM rows, 100 deals per transaction.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import Database
from crm_desktop.models import (
    Client,
    ClientContact,
    Counterparty,
    Deal,
    DealLine,
    DealParticipant,
    DealStage,
    DealStageChange,
    LossReason,
    PriceType,
    Proposal,
    SalesAgreement,
)
from crm_desktop.services import validation as v
from crm_desktop.services.deals import line_amount
from crm_desktop.services.numbering import next_number
from crm_desktop.services.uow import Actor, write_unit

BATCH = 100
HALF_YEAR = 180

PRODUCTS = [
    ("Гвозди строительные 100 мм, уп. 5 кг", "уп", "1450.00"),
    ("Саморезы по дереву 4,2×75, уп. 1000 шт", "уп", "890.00"),
    ("Цемент М500, мешок 50 кг", "меш", "520.00"),
    ("Профнастил С20, лист 2 м", "лист", "1180.00"),
    ("Утеплитель минвата 100 мм, уп.", "уп", "1640.00"),
    ("Доставка по городу", "рейс", "3500.00"),
    ("Монтаж оборудования", "час", "2200.00"),
    ("Кабель ВВГнг 3×2,5, бухта 100 м", "бухта", "6900.00"),
    ("Краска фасадная, ведро 14 кг", "вед", "4300.00"),
    ("Поддон деревянный", "шт", "350.00"),
]
NEEDS = [
    "Закупка материалов на объект в следующем квартале",
    "Замена текущего поставщика: не устраивают сроки",
    "Комплектация нового магазина",
    "Плановая закупка, нужен отсрочка платежа",
    "Сезонный заказ, важна цена и доставка",
]
TYPICAL_AGREEMENTS = [
    ("Оптовые продажи", "wholesale", Decimal(5), 0, 14, Decimal(0)),
    ("Розничные продажи", "retail", Decimal(0), 100, 0, Decimal(100)),
    ("Дилерские продажи", "dealer", Decimal(10), 30, 21, Decimal(30)),
]
# how far deals get: index into the stages (0 = primary contact … 5 = contract), weights
REACH = [(0, 14), (1, 16), (2, 16), (3, 16), (4, 14), (5, 24)]


def _agreements(session: Session) -> list[uuid.UUID]:
    existing = list(
        session.scalars(
            select(SalesAgreement.id).where(
                SalesAgreement.is_typical.is_(True), SalesAgreement.status == "active"
            )
        )
    )
    if existing:
        return existing
    price_types = {p.code: p.id for p in session.scalars(select(PriceType))}
    made = []
    for name, code, discount, prepayment, credit, _ in TYPICAL_AGREEMENTS:
        agreement = SalesAgreement(
            number=next_number(session, "agreement"),
            name=name,
            is_typical=True,
            price_type_id=price_types.get(code),
            discount_pct=discount,
            prepayment_pct=Decimal(prepayment),
            credit_days=credit,
            delivery_days=3,
            valid_from=date.today() - timedelta(days=365),
            status="active",
        )
        session.add(agreement)
        session.flush()
        made.append(agreement.id)
    return made


def generate_deals(
    db: Database,
    actor: Actor | None,
    *,
    deals: int,
    seed: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Create ``deals`` demo deals for existing demo clients; returns how many were made."""
    rng = random.Random(seed)
    today = date.today()
    with write_unit(db, actor) as session:
        agreements = _agreements(session)
        stages = list(
            session.scalars(
                select(DealStage)
                .where(DealStage.process == "sale", DealStage.deleted_at.is_(None))
                .order_by(DealStage.sort_order)
            )
        )
        reasons = list(session.scalars(select(LossReason.id).order_by(LossReason.sort_order)))
        # clients with a contact and a counterparty, in a stable order
        candidates = session.execute(
            select(Client.id, Client.owner_id, Client.circle_id, Client.source_id)
            .where(
                Client.deleted_at.is_(None),
                Client.is_client.is_(True),
                Client.id.in_(select(ClientContact.client_id)),
                Client.id.in_(select(Counterparty.client_id)),
            )
            .order_by(Client.search_key, Client.id)
        ).all()
    if not candidates or not stages:
        return 0
    made = 0
    while made < deals:
        if cancelled is not None and cancelled():
            break
        with write_unit(db, actor) as session:
            for _ in range(min(BATCH, deals - made)):
                client = candidates[rng.randrange(len(candidates))]
                _one_deal(session, actor, rng, client, stages, agreements, reasons, today)
                made += 1
    return made


def _at(day: date, rng: random.Random) -> datetime:
    moment = time(rng.randint(9, 18), rng.randint(0, 59), tzinfo=UTC)
    return datetime.combine(day, moment)


def _one_deal(
    session: Session,
    actor: Actor | None,
    rng: random.Random,
    client: tuple[uuid.UUID, uuid.UUID | None, uuid.UUID | None, uuid.UUID | None],
    stages: list[DealStage],
    agreements: list[uuid.UUID],
    reasons: list[uuid.UUID],
    today: date,
) -> None:
    client_id, owner_id, circle_id, source_id = client
    reach = rng.choices([r for r, _ in REACH], [w for _, w in REACH])[0]
    if circle_id is None:
        reach = min(reach, 2)  # an unclassified client cannot get past the conditions stage
    if reach == len(stages) - 1:  # at the contract most deals are already won
        ending = rng.choices(["open", "lost", "won"], [25, 15, 60])[0]
    else:
        ending = rng.choices(["open", "lost"], [65, 35])[0]
    opened = today - timedelta(days=rng.randint(5, HALF_YEAR))
    day = opened
    title_product = rng.choice(PRODUCTS)[0].split(",")[0]
    deal = Deal(
        number=next_number(session, "deal"),
        title=f"Поставка: {title_product[0].lower()}{title_product[1:]}",
        search_key=v.search_key(f"Поставка: {title_product}"),
        client_id=client_id,
        kind="typical",
        stage_id=stages[0].id,
        status="open",
        amount=Decimal("0.00"),
        probability=stages[0].probability,
        source_id=source_id,
        opened_on=opened,
        expected_on=opened + timedelta(days=rng.randint(20, 90)),
        owner_id=owner_id or (actor.user_id if actor else None),
    )
    session.add(deal)
    session.flush()

    def move(to_stage: DealStage | None, from_stage: DealStage | None, status: str) -> None:
        nonlocal day
        day = min(today, day + timedelta(days=rng.randint(1, 12)))
        session.add(
            DealStageChange(
                deal_id=deal.id,
                from_stage_id=from_stage.id if from_stage else None,
                to_stage_id=to_stage.id if to_stage else deal.stage_id,
                from_status="open",
                to_status=status,
                user_id=owner_id,
                at=_at(day, rng),
            )
        )

    session.add(
        DealStageChange(
            deal_id=deal.id,
            to_stage_id=stages[0].id,
            from_status="open",
            to_status="open",
            user_id=owner_id,
            at=_at(opened, rng),
        )
    )
    for index in range(reach):  # leave stage `index` for `index + 1`: satisfy it first
        _satisfy(session, rng, deal, stages[index].code, agreements, day)
        move(stages[index + 1], stages[index], "open")
        deal.stage_id = stages[index + 1].id
        deal.probability = stages[index + 1].probability
    if ending == "won":
        _satisfy(session, rng, deal, stages[-1].code, agreements, day)
        move(None, stages[-1], "won")
        deal.status, deal.probability, deal.closed_on = "won", 100, day
    elif ending == "lost":
        move(None, stages[reach], "lost")
        deal.status, deal.probability, deal.closed_on = "lost", 0, day
        deal.loss_reason_id = rng.choice(reasons)
        deal.loss_comment = rng.choice(
            ["Клиент выбрал другого поставщика", "Не согласовали цену", "Проект заморожен"]
        )


def _satisfy(
    session: Session,
    rng: random.Random,
    deal: Deal,
    stage_code: str,
    agreements: list[uuid.UUID],
    day: date,
) -> None:
    """Give the deal what ``stage_code`` requires to be left (see migration 0005)."""
    if stage_code == "primary_contact":
        contact_id = session.scalars(
            select(ClientContact.contact_id)
            .where(ClientContact.client_id == deal.client_id)
            .order_by(ClientContact.is_primary.desc())
        ).first()
        session.add(
            DealParticipant(deal_id=deal.id, kind="contact", contact_id=contact_id, role="ЛПР")
        )
    elif stage_code == "needs":
        deal.need_description = rng.choice(NEEDS)
        total = Decimal("0.00")
        for line_no, (name, unit, price) in enumerate(rng.sample(PRODUCTS, rng.randint(1, 4)), 1):
            quantity = Decimal(rng.choice([1, 2, 5, 10, 20, 50, 100]))
            amount = line_amount(quantity, Decimal(price), Decimal(0))
            session.add(
                DealLine(
                    deal_id=deal.id,
                    line_no=line_no,
                    description=name,
                    quantity=quantity,
                    unit=unit,
                    price=Decimal(price),
                    discount_pct=Decimal(0),
                    vat_rate="20",
                    amount=amount,
                )
            )
            total += amount
        deal.amount = total
    elif stage_code == "conditions":
        deal.agreement_id = rng.choice(agreements)
    elif stage_code == "proposal":
        session.add(
            Proposal(
                deal_id=deal.id,
                number=next_number(session, "proposal"),
                issued_on=day,
                valid_until=day + timedelta(days=14),
                status="sent",
                total=deal.amount,
            )
        )
    elif stage_code == "negotiation":
        session.flush()
        proposal = session.scalars(select(Proposal).where(Proposal.deal_id == deal.id)).first()
        if proposal is not None:
            proposal.status = "accepted"
    elif stage_code == "contract":
        deal.counterparty_id = session.scalars(
            select(Counterparty.id).where(Counterparty.client_id == deal.client_id)
        ).first()
        deal.contract_number = f"Д-{rng.randint(1, 999)}/{day.year}"
        deal.contract_date = day
