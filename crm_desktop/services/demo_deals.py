"""Demo deals over a demo catalogue, sold by a demo company of ours.

:func:`ensure_catalogue` makes a building-materials catalogue (goods priced per kilogram or
metre and sold in packs, bags and coils, kept on pallets; services such as delivery and
installation) with retail, wholesale and dealer prices from two dates: a year-old price list
and a newer one. :func:`ensure_own_company` makes our company with valid requisites, the
default seller of proposals. Both only add what is missing, so running the demo again changes
nothing there.

:func:`generate_deals` spreads deals over every stage and outcome of the typical sale, over the
last half year. Each deal gets what its stages require, in the order a manager would add it (a
contact of the client, the need and specification lines, an agreement, proposals, the
counterparty and a contract), and a stage history with dates spread back in time, so the funnel
and the deal lists are meaningful on first start. Specification lines are catalogue products:
whole sales units at the wholesale price of the day, amounts as ``services.deals`` computes
them. Written as ORM rows, 100 deals per transaction.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

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
    MeasureUnit,
    OwnCompany,
    PriceType,
    Product,
    ProductPrice,
    Proposal,
    SalesAgreement,
)
from crm_desktop.models.base import catalogue_id
from crm_desktop.services import companies
from crm_desktop.services import validation as v
from crm_desktop.services.catalogue import KOPECK, product_search_key
from crm_desktop.services.deals import line_amount
from crm_desktop.services.numbering import next_number
from crm_desktop.services.proposals import add_proposal
from crm_desktop.services.uow import Actor, read_unit, write_unit

BATCH = 100
HALF_YEAR = 180
OLD_PRICES_DAYS = 400  # the first price list: before every demo deal
NEW_PRICES_DAYS = 75  # the current one: deals of the last weeks are priced by it
PRICE_RISE = Decimal("1.08")  # the new price list over the old one
# price type code → share of the retail price
PRICE_LEVELS = {"retail": Decimal(1), "wholesale": Decimal("0.92"), "dealer": Decimal("0.86")}
DEAL_PRICE_TYPE = "wholesale"

# units the catalogue needs beyond the seeded ones: (own code, short name, full name)
DEMO_UNITS = (
    ("bag", "меш", "Мешок"),
    ("bucket", "вед", "Ведро"),
    ("coil", "бухта", "Бухта"),
    ("trip", "рейс", "Рейс"),
)


@dataclass(frozen=True)
class DemoProduct:
    """A catalogue row of the demo: units by code (OKEI or ``DEMO_UNITS``), the current retail
    price per price unit."""

    sku: str
    name: str
    price_unit: str
    sales_unit: str
    sales_factor: int
    retail: str
    storage_unit: str | None = None
    storage_factor: int | None = None
    kind: str = "product"
    description: str | None = None
    archived: bool = False


KG, PIECE, METRE, SQ_METRE, CU_METRE, LITRE, TONNE = "166", "796", "006", "055", "113", "112", "168"
PACK, SHEET, ROLL, SET, HOUR, PALLET = "778", "625", "736", "839", "356", "pallet"

CATALOGUE: tuple[DemoProduct, ...] = (
    # fasteners: priced per kilogram or piece, sold in packs, kept on pallets
    DemoProduct("ГВ-100", "Гвозди строительные 100 мм", KG, PACK, 5, "145", PALLET, 100,
                description="Гвозди строительные 4,0×100 мм, ГОСТ 4028-63, без покрытия."),
    DemoProduct("ГВ-070", "Гвозди строительные 70 мм", KG, PACK, 5, "152", PALLET, 100),
    DemoProduct("ГВ-150", "Гвозди строительные 150 мм", KG, PACK, 5, "139", PALLET, 100),
    DemoProduct("ГВ-Ф40", "Гвозди финишные оцинкованные 40 мм", KG, PACK, 1, "318"),
    DemoProduct("ГВ-Т25", "Гвозди толевые 25 мм", KG, PACK, 5, "168", archived=True,
                description="Снят с поставки, остатки распроданы."),
    DemoProduct("СМ-4275", "Саморезы по дереву 4,2×75", PIECE, PACK, 500, "0.95"),
    DemoProduct("СМ-4251", "Саморезы по дереву 4,2×51", PIECE, PACK, 1000, "0.62"),
    DemoProduct("СМ-КР35", "Саморезы кровельные 4,8×35 с шайбой", PIECE, PACK, 250, "2.40"),
    DemoProduct("ДЮ-0660", "Дюбель-гвоздь 6×60", PIECE, PACK, 100, "3.10"),
    DemoProduct("АН-1010", "Анкерный болт 10×100", PIECE, PACK, 50, "28.50"),
    # cement and dry mixes: priced per kilogram, sold in bags, kept on pallets
    DemoProduct("ЦМ-500-50", "Цемент М500 Д0", KG, "bag", 50, "11.20", PALLET, 40,
                description="Портландцемент ЦЕМ I 42,5Н, мешок 50 кг."),
    DemoProduct("ЦМ-400-50", "Цемент М400 Д20", KG, "bag", 50, "9.80", PALLET, 40),
    DemoProduct("ПБ-300-40", "Пескобетон М300", KG, "bag", 40, "7.40", PALLET, 35),
    DemoProduct("ШТ-ГП-30", "Штукатурка гипсовая машинного нанесения", KG, "bag", 30, "16.40",
                PALLET, 40),
    DemoProduct("КЛ-ПЛ-25", "Клей плиточный усиленный", KG, "bag", 25, "14.20", PALLET, 48),
    DemoProduct("СМ-КЛ-40", "Смесь кладочная М150", KG, "bag", 40, "8.60", PALLET, 35),
    # bulk materials: sold as priced
    DemoProduct("ПС-МЫТ", "Песок строительный мытый", CU_METRE, CU_METRE, 1, "1250"),
    DemoProduct("ЩБ-2040", "Щебень гранитный фракция 20–40 мм", TONNE, TONNE, 1, "2150"),
    # masonry
    DemoProduct("КР-М150", "Кирпич керамический полнотелый М150", PIECE, PALLET, 280, "24.50"),
    DemoProduct("ГБ-D500", "Газобетонный блок D500 600×300×200", PIECE, PIECE, 1, "265",
                PALLET, 40),
    # metal
    DemoProduct("АРМ-12", "Арматура А500С Ø12 мм, пруток 6 м", METRE, PIECE, 6, "92"),
    DemoProduct("ПРФ-С20", "Профнастил С20 оцинкованный 0,5 мм, лист 2 м", SHEET, SHEET, 1,
                "1180", PALLET, 100),
    DemoProduct("ПП-6027", "Профиль потолочный ПП 60×27, 3 м", PIECE, PACK, 12, "185"),
    DemoProduct("СТК-5050", "Сетка кладочная 50×50 мм, карта 0,5×2 м", PIECE, PIECE, 1, "128"),
    # insulation, boards and roofing
    DemoProduct("УТ-МВ100", "Утеплитель минераловатный 100 мм", SQ_METRE, PACK, 6, "182",
                PALLET, 24),
    DemoProduct("ЭП-50", "Пенополистирол экструдированный 50 мм", SQ_METRE, PACK, 4, "310",
                PALLET, 20),
    DemoProduct("РБ-350", "Рубероид РКП-350, рулон 15 м²", SQ_METRE, ROLL, 15, "28", PALLET, 30),
    DemoProduct("ПЛН-150", "Плёнка строительная 150 мкм, рулон 3×100 м", SQ_METRE, ROLL, 300,
                "16"),
    DemoProduct("ГКЛ-125", "Гипсокартон ГКЛ 12,5 мм 1200×2500", SHEET, SHEET, 1, "430",
                PALLET, 50),
    DemoProduct("ОСП-9", "Плита OSB-3 9 мм 1250×2500", SHEET, SHEET, 1, "790", PALLET, 60),
    DemoProduct("ДС-50150", "Доска обрезная 50×150×6000, 1 сорт", CU_METRE, CU_METRE, 1,
                "18500"),
    # paints, primers, sealants
    DemoProduct("КР-ФАС14", "Краска фасадная акриловая белая", KG, "bucket", 14, "310",
                PALLET, 33),
    DemoProduct("ГР-ГП10", "Грунтовка глубокого проникновения", LITRE, "bucket", 10, "95",
                PALLET, 40),
    DemoProduct("ПН-750", "Пена монтажная профессиональная 750 мл", PIECE, PACK, 12, "520"),
    DemoProduct("ГРМ-280", "Герметик силиконовый санитарный 280 мл", PIECE, PACK, 24, "260"),
    # electrics
    DemoProduct("КБ-3х25", "Кабель ВВГнг(А)-LS 3×2,5", METRE, "coil", 100, "98"),
    DemoProduct("КБ-3х15", "Кабель ВВГнг(А)-LS 3×1,5", METRE, "coil", 100, "68"),
    DemoProduct("ГФ-20", "Труба гофрированная ПВХ 20 мм", METRE, "coil", 100, "14"),
    DemoProduct("ДСК-125", "Диск отрезной по металлу 125×1,2 мм", PIECE, PACK, 25, "48"),
    DemoProduct("КМП-ИНС", "Комплект инструмента монтажника", SET, SET, 1, "12900"),
    # services
    DemoProduct("УС-ДОСТ", "Доставка по городу (до 5 т)", "trip", "trip", 1, "3500",
                kind="service"),
    DemoProduct("УС-МАНИП", "Доставка манипулятором", HOUR, HOUR, 1, "3200", kind="service",
                description="Минимальный заказ — 4 часа."),
    DemoProduct("УС-РАЗГР", "Разгрузка и подъём на этаж", TONNE, TONNE, 1, "850",
                kind="service"),
    DemoProduct("УС-МОНТ-КР", "Монтаж кровли из профнастила", SQ_METRE, SQ_METRE, 1, "450",
                kind="service"),
    DemoProduct("УС-РЕЗКА", "Резка арматуры в размер", PIECE, PIECE, 1, "15", kind="service"),
)  # fmt: skip

OWN_COMPANY = companies.OwnCompanyDraft(
    short_name="ООО «СтройРесурс»",
    full_name="Общество с ограниченной ответственностью «СтройРесурс»",
    inn="7707083893",
    kpp="773601001",
    ogrn="1027700132195",
    legal_address="125167, г. Москва, Ленинградский пр-т, д. 37, стр. 9, офис 412",
    phone="+7 (495) 665-12-40",
    email="sales@stroyresurs.example",
    bank_name="ПАО Сбербанк",
    bik="044525225",
    account=v.with_account_key("044525225", "4070281003804001234"),
    corr_account="30101810400000000225",
    director_title="Генеральный директор",
    director_name="Орлов Виктор Павлович",
    is_default=True,
)
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


# --- the catalogue and our company -----------------------------------------------------------


def _price(value: Decimal) -> Decimal:
    """A list price: whole roubles from 100 up, ten kopecks from 10, else kopecks."""
    step = Decimal(1) if value >= 100 else Decimal("0.1") if value >= 10 else KOPECK
    return value.quantize(step, rounding=ROUND_HALF_UP).quantize(KOPECK)


def _units(session: Session) -> dict[str, uuid.UUID]:
    """Unit code → id, the demo's own units added first where missing."""
    live = select(MeasureUnit.code, MeasureUnit.id).where(MeasureUnit.deleted_at.is_(None))
    units: dict[str, uuid.UUID] = {}
    for code, unit_id in session.execute(live):
        units[code] = unit_id
    last = session.scalar(select(MeasureUnit.sort_order).order_by(MeasureUnit.sort_order.desc()))
    order = last or 0
    for code, name, full_name in DEMO_UNITS:
        if code in units:
            continue
        exists = session.scalar(select(MeasureUnit.id).where(MeasureUnit.code == code))
        if exists is not None:  # deleted by the office: not brought back
            continue
        order += 10
        unit = MeasureUnit(
            id=catalogue_id("measure_unit", code),
            code=code,
            name=name,
            full_name=full_name,
            sort_order=order,
        )
        session.add(unit)
        units[code] = unit.id
    session.flush()
    return units


def ensure_catalogue(db: Database, actor: Actor | None, *, today: date | None = None) -> int:
    """Add the demo catalogue's products that are not there yet (by SKU), with their prices of
    every level from two dates; returns how many products were added."""
    day = today or date.today()
    with write_unit(db, actor) as session:
        units = _units(session)
        price_types = {
            code: type_id
            for code, type_id in session.execute(
                select(PriceType.code, PriceType.id).where(PriceType.deleted_at.is_(None))
            )
            if code in PRICE_LEVELS
        }
        taken = set(session.scalars(select(Product.sku)))
        made = 0
        for item in CATALOGUE:
            needed = {item.price_unit, item.sales_unit, item.storage_unit} - {None}
            if item.sku in taken or not needed <= set(units):
                continue
            product = Product(
                sku=item.sku,
                name=item.name,
                search_key=product_search_key(item.name)[:255],
                kind=item.kind,
                vat_rate="20",
                price_unit_id=units[item.price_unit],
                sales_unit_id=units[item.sales_unit],
                sales_factor=item.sales_factor,
                storage_unit_id=units[item.storage_unit] if item.storage_unit else None,
                storage_factor=item.storage_factor if item.storage_unit else None,
                description=item.description,
                archived=item.archived,
            )
            session.add(product)
            session.flush()
            retail = Decimal(item.retail)
            for code, type_id in price_types.items():
                new = _price(retail * PRICE_LEVELS[code])
                old = _price(new / PRICE_RISE)
                for days, price in ((OLD_PRICES_DAYS, old), (NEW_PRICES_DAYS, new)):
                    session.add(
                        ProductPrice(
                            product_id=product.id,
                            price_type_id=type_id,
                            valid_from=day - timedelta(days=days),
                            price=price,
                        )
                    )
            made += 1
    return made


def ensure_own_company(db: Database, actor: Actor | None) -> bool:
    """Make our demo company (the default seller) unless the office has a company already.

    Only a supervisor may change our requisites: ``actor`` must be one (or None).
    """
    with read_unit(db) as session:
        if session.scalar(select(OwnCompany.id).where(OwnCompany.deleted_at.is_(None))):
            return False
    companies.create_company(db, actor, OWN_COMPANY)
    return True


@dataclass(frozen=True)
class _Goods:
    """A catalogue product as a specification line takes it, with its deal prices by date."""

    id: uuid.UUID
    name: str
    kind: str
    sales_unit: str
    sales_factor: int
    price_unit: str
    vat_rate: str
    prices: tuple[tuple[date, Decimal], ...]  # (valid from, price), oldest first

    def price_on(self, day: date) -> Decimal | None:
        found = None
        for valid_from, price in self.prices:
            if valid_from <= day:
                found = price
        return found


def _goods(session: Session) -> list[_Goods]:
    """Live, not archived products that have a wholesale price, in SKU order."""
    sales = aliased(MeasureUnit, name="sales_unit")
    price_unit = aliased(MeasureUnit, name="price_unit")
    rows = session.execute(
        select(
            Product.id,
            Product.name,
            Product.kind,
            sales.name,
            Product.sales_factor,
            price_unit.name,
            Product.vat_rate,
        )
        .join(sales, sales.id == Product.sales_unit_id)
        .join(price_unit, price_unit.id == Product.price_unit_id)
        .where(Product.deleted_at.is_(None), Product.archived.is_(False))
        .order_by(Product.sku)
    ).all()
    prices: dict[uuid.UUID, list[tuple[date, Decimal]]] = {}
    for product_id, valid_from, price in session.execute(
        select(ProductPrice.product_id, ProductPrice.valid_from, ProductPrice.price)
        .join(PriceType, PriceType.id == ProductPrice.price_type_id)
        .where(PriceType.code == DEAL_PRICE_TYPE, ProductPrice.deleted_at.is_(None))
        .order_by(ProductPrice.valid_from)
    ):
        prices.setdefault(product_id, []).append((valid_from, price))
    return [_Goods(*row, prices=tuple(prices[row[0]])) for row in rows if row[0] in prices]


# --- deals ------------------------------------------------------------------------------------


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
    """Create ``deals`` demo deals for existing demo clients; returns how many were made.

    Their lines are products of the catalogue (the demo catalogue is added first if missing).
    """
    rng = random.Random(seed)
    today = date.today()
    if deals > 0:
        ensure_catalogue(db, actor, today=today)
    with write_unit(db, actor) as session:
        goods = _goods(session)
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
    if not candidates or not stages or not any(g.kind == "product" for g in goods):
        return 0
    made = 0
    while made < deals:
        if cancelled is not None and cancelled():
            break
        with write_unit(db, actor) as session:
            for _ in range(min(BATCH, deals - made)):
                client = candidates[rng.randrange(len(candidates))]
                _one_deal(session, actor, rng, client, stages, agreements, reasons, goods, today)
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
    goods: list[_Goods],
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
    lead = rng.choice([g for g in goods if g.kind == "product"])
    title = f"Поставка: {lead.name[0].lower()}{lead.name[1:]}"
    deal = Deal(
        number=next_number(session, "deal"),
        title=title,
        search_key=v.search_key(title),
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
    lines = _Lines(lead, goods)
    for index in range(reach):  # leave stage `index` for `index + 1`: satisfy it first
        _satisfy(session, rng, deal, stages[index].code, agreements, lines, day)
        move(stages[index + 1], stages[index], "open")
        deal.stage_id = stages[index + 1].id
        deal.probability = stages[index + 1].probability
    if ending == "won":
        _satisfy(session, rng, deal, stages[-1].code, agreements, lines, day)
        move(None, stages[-1], "won")
        deal.status, deal.probability, deal.closed_on = "won", 100, day
    elif ending == "lost":
        move(None, stages[reach], "lost")
        deal.status, deal.probability, deal.closed_on = "lost", 0, day
        deal.loss_reason_id = rng.choice(reasons)
        deal.loss_comment = rng.choice(
            ["Клиент выбрал другого поставщика", "Не согласовали цену", "Проект заморожен"]
        )


@dataclass(frozen=True)
class _Lines:
    """What a deal's specification is made of: its lead product (the title's), the others."""

    lead: _Goods
    goods: list[_Goods]


_GOODS_QUANTITIES = (1, 2, 3, 5, 10, 20, 40, 100)
_SERVICE_QUANTITIES = (1, 1, 2, 3, 4, 8)


def _specification(
    session: Session, rng: random.Random, deal: Deal, lines: _Lines, day: date
) -> Decimal:
    """Lines of catalogue products (the lead one first): whole sales units at the wholesale
    price of ``day``; returns their total."""
    others = [g for g in lines.goods if g.id != lines.lead.id]
    chosen = [lines.lead, *rng.sample(others, min(len(others), rng.randint(0, 3)))]
    total = Decimal("0.00")
    line_no = 0
    for item in chosen:
        price = item.price_on(day)
        if price is None:
            continue
        quantities = _SERVICE_QUANTITIES if item.kind == "service" else _GOODS_QUANTITIES
        quantity = Decimal(rng.choice(quantities))
        discount = Decimal(rng.choice((0, 0, 0, 3, 5)))
        amount = line_amount(quantity, price, discount, item.sales_factor)
        line_no += 1
        session.add(
            DealLine(
                deal_id=deal.id,
                line_no=line_no,
                product_id=item.id,
                description=item.name,
                quantity=quantity,
                unit=item.sales_unit,
                factor=item.sales_factor,
                price_unit=item.price_unit,
                price=price,
                discount_pct=discount,
                vat_rate=item.vat_rate,
                amount=amount,
            )
        )
        total += amount
    return total


def _satisfy(
    session: Session,
    rng: random.Random,
    deal: Deal,
    stage_code: str,
    agreements: list[uuid.UUID],
    lines: _Lines,
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
        deal.amount = _specification(session, rng, deal, lines, day)
    elif stage_code == "conditions":
        deal.agreement_id = rng.choice(agreements)
    elif stage_code == "proposal":
        session.flush()  # the lines and the agreement chosen at the earlier stages
        issued = add_proposal(session, None, deal, issued_on=day)
        issued.status = "sent"
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
