"""Demo interactions, tasks and leads, so the Today page, the reminders, the client cards'
Interactions and Tasks tabs, the leads list and the lead-source report have something to show.

* Interactions: a few per demo deal (calls, meetings, e-mails with replies) over the last ~120
  days, in the order a sale goes, with the deal's client, one of the client's contacts and the
  deal's owner as the responsible; planned ones for the coming days (some postponed) and some
  planned ones left overdue; a handful of incoming calls registered by the phone number only,
  not linked (most numbers are a demo contact's, for "link later").
* Tasks: for each demo user and for the acting user — overdue, due today (earlier and later),
  this week and later, done and cancelled — linked to their deals, clients and leads.
* Leads: over the last ~6 months from every information source, new, in work, rejected with
  each reason, and qualified: converted with :func:`crm_desktop.services.leads.convert` (new
  clients, some with deals; one into the existing client with the same INN). A few open leads
  carry the INN of an existing demo client, for the duplicate offer.

Interactions, tasks and leads are written as ORM rows (so audited) with the values the services
store (subject keys, search keys, phones as ``validation`` normalises them), 500 per
transaction. Conversions go through the service, one transaction each; afterwards their
qualification time (and the new deal's opening day) is moved back to a plausible day after
the lead came in, as the rest of the demo is spread back in time.

Deterministic for the same ``rng`` seed and day: the same rows and counts (ids and
bookkeeping timestamps differ; times relative to now follow the clock).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from stdnum.ru import inn as stdnum_inn

from crm_desktop.db import Database
from crm_desktop.models import (
    Channel,
    Client,
    ClientContact,
    Contact,
    Counterparty,
    Deal,
    DealStageChange,
    InfoSource,
    Interaction,
    Lead,
    LeadRejectReason,
    Proposal,
    Task,
    User,
    new_id,
)
from crm_desktop.services import leads as lead_service
from crm_desktop.services import validation as v
from crm_desktop.services.demo import (
    _BRANDS,
    _FEMALE_FIRST,
    _MALE_FIRST,
    _MOBILE_CODES,
    _PATRONYMICS,
    DEMO_USERS,
    _translit,
)
from crm_desktop.services.numbering import next_number
from crm_desktop.services.uow import Actor, read_unit, write_unit

__all__ = ["ActivitySummary", "create_demo_activities"]

BATCH: Final = 500
SPAN_DAYS: Final = 120  # interactions of the last ~4 months
LEAD_SPAN_DAYS: Final = 180  # leads of the last ~6 months
MAX_INTERACTIONS: Final = 1500  # deal interactions, at most (replies included)
MAX_CONVERSIONS: Final = 30
MIN_LEADS, MAX_LEADS = 20, 400
OTHER_REASON: Final = lead_service.OTHER_REASON


@dataclass(frozen=True)
class ActivitySummary:
    """What one :func:`create_demo_activities` call wrote."""

    interactions: int
    tasks: int
    leads: int
    converted: int = 0  # leads qualified through the conversion service


# --- texts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Touch:
    """One step of a sale as an interaction: kind, direction, subject, possible results."""

    kind: str
    direction: str | None
    subject: str
    results: tuple[str, ...]
    minutes: tuple[int, int] = (0, 0)
    replies: tuple[str, ...] = ()  # results of the client's e-mail reply (an e-mail chain)


# in the order a sale goes
SCRIPT: Final = (
    _Touch(
        "call",
        "in",
        "Запрос по поставке",
        (
            "Уточнили объём поставки",
            "Записали потребность, обещали расчёт до конца недели",
            "Клиент запросил наличие и сроки отгрузки",
        ),
        (4, 15),
    ),
    _Touch(
        "call",
        "out",
        "Уточнение потребности",
        (
            "Уточнили объём поставки и адрес доставки",
            "Договорились о встрече на объекте",
            "Клиент пришлёт спецификацию по почте",
        ),
        (5, 20),
    ),
    _Touch(
        "meeting",
        None,
        "Встреча на объекте",
        (
            "Осмотрели объект, согласовали график поставки",
            "Договорились о пробной партии",
            "Обсудили объёмы закупок на сезон",
        ),
        (45, 120),
    ),
    _Touch(
        "email",
        "out",
        "Коммерческое предложение",
        ("Отправили КП", "Отправили КП с оптовыми ценами и доставкой"),
        replies=(
            "Клиент просит скидку за объём",
            "КП получено, есть вопросы по срокам доставки",
            "КП на согласовании у директора",
        ),
    ),
    _Touch(
        "call",
        "out",
        "Обсуждение КП",
        (
            "Клиент просит скидку 5 %",
            "КП получено, решение на следующей неделе",
            "Договорились созвониться после тендера",
        ),
        (5, 15),
    ),
    _Touch(
        "meeting",
        None,
        "Переговоры по условиям",
        (
            "Согласовали отсрочку платежа 14 дней",
            "Договорились о цене, ждут договор",
            "Согласовали скидку 3 % при предоплате",
        ),
        (40, 90),
    ),
    _Touch(
        "email",
        "out",
        "Договор поставки",
        ("Отправили договор на подпись", "Направили договор и счёт на предоплату"),
        replies=("Договор подписан, скан во вложении", "Клиент прислал протокол разногласий"),
    ),
    _Touch(
        "call",
        "out",
        "Согласование графика поставки",
        ("Согласовали график поставки", "Отгрузка перенесена на следующую неделю"),
        (3, 10),
    ),
)
PROPOSAL: Final = next(t for t in SCRIPT if t.subject == "Коммерческое предложение")
WON: Final = _Touch(
    "call",
    "in",
    "Подтверждение отгрузки",
    ("Клиент подтвердил получение товара", "Отгрузили, документы переданы через ЭДО"),
    (2, 8),
)
LOST: Final = _Touch(
    "call",
    "out",
    "Решение по закупке",
    (
        "Клиент выбрал другого поставщика",
        "Закупку отложили на следующий квартал",
        "Не прошли по цене",
    ),
    (3, 10),
)
FOLLOW_UP: Final = "Отправили уточнённое КП со скидкой 3 %"
DESCRIPTIONS: Final = (
    "Объект: склад 2 000 м², начало работ через месяц.",
    "Закупка под ремонт трёх магазинов сети, поставка частями.",
    "Нужна доставка манипулятором, разгрузка своими силами.",
    "Работают по предоплате, просят закрывающие документы через ЭДО.",
    "Конкурент предлагает цену ниже на 4 %, клиент готов обсуждать.",
    "Решение принимает коммерческий директор, он в отпуске до конца месяца.",
)
# planned interactions: (kind, direction, subject)
PLANNED: Final = (
    ("planned", None, "Перезвонить по КП"),
    ("meeting", None, "Встреча в офисе клиента"),
    ("planned", None, "Презентация новинок каталога"),
    ("call", "out", "Согласовать дату отгрузки"),
    ("meeting", None, "Встреча на объекте"),
    ("planned", None, "Уточнить решение по закупке"),
)
INCOMING_RESULTS: Final = (
    "Спрашивали наличие цемента М500, просили перезвонить",
    "Интересовались стоимостью доставки в область",
    "Хотят оптовую цену на саморезы, номер не определился в базе",
    "Просили выслать прайс-лист, адрес почты не оставили",
    "Уточняли сроки поставки по заказу, не представились",
)

TASKS_DEAL: Final = (
    "Перезвонить по КП",
    "Отправить договор",
    "Согласовать график поставки",
    "Выставить счёт на предоплату",
    "Подготовить КП",
    "Уточнить реквизиты для договора",
    "Проверить поступление оплаты",
    "Согласовать скидку с руководителем",
    "Отправить сертификаты на продукцию",
    "Организовать доставку на объект",
)
TASKS_CLIENT: Final = (
    "Провести сверку взаиморасчётов",
    "Отправить новый прайс-лист",
    "Запросить отзыв о поставке",
    "Обновить контакты клиента",
    "Поздравить с днём рождения компании",
)
TASKS_GENERAL: Final = (
    "Подготовить отчёт о продажах за неделю",
    "Составить план звонков на неделю",
    "Разобрать входящие заявки с сайта",
)
TASK_NOTES: Final = (
    "Клиент ждёт до конца дня.",
    "Уточнить у склада наличие перед звонком.",
    "Приложить спецификацию из последнего КП.",
    "Руководитель просил держать в курсе.",
)
PRIORITIES: Final = (("low", 2), ("normal", 6), ("high", 2))
# how many tasks of each kind a user gets: (fewest, most)
TASK_PLAN: Final = (
    ("overdue", (2, 3)),
    ("earlier_today", (1, 1)),
    ("today", (2, 4)),
    ("week", (2, 4)),
    ("later", (1, 2)),
    ("done", (4, 6)),
    ("cancelled", (0, 1)),
)

_SURNAMES: Final = (
    "Волков", "Морозов", "Зайцев", "Соловьёв", "Васильев", "Павлов", "Семёнов", "Голубев",
    "Виноградов", "Богданов", "Воробьёв", "Фёдоров", "Михайлов", "Беляев", "Тарасов", "Белов",
    "Комаров", "Орлов", "Киселёв", "Макаров", "Андреев", "Ковалёв", "Ильин", "Гусев", "Титов",
    "Кузьмин", "Кудрявцев", "Баранов", "Куликов", "Алексеев", "Степанов", "Яковлев", "Сорокин",
    "Сергеев", "Романов", "Захаров", "Борисов", "Королёв", "Герасимов", "Пономарёв",
)  # fmt: skip
_COMPANY_FORMS: Final = (("ООО", 14), ("АО", 2), ("ИП", 2), ("", 3))  # "": a private person
# the first two digits of a legal INN: the region's tax office code
_INN_REGIONS: Final = ("77", "78", "50", "66", "54", "16", "52", "63", "61", "23", "24", "59")
INTERESTS: Final = (
    "Цемент М500, около 20 т, поставка в апреле",
    "Саморезы и крепёж для кровли, нужен прайс",
    "Сухие смеси для отделки офиса 1 200 м²",
    "Пескобетон и кладочная смесь на коттедж",
    "Крепёж оптом для магазина, ищут постоянного поставщика",
    "Гвозди строительные 100 мм, 2 т ежемесячно",
    "Клей плиточный, партия под объект, просят отсрочку",
    "Запрос цены с доставкой до объекта в области",
    "Интересуются дилерскими условиями",
)
DEAL_TITLES: Final = (
    "Поставка цемента",
    "Поставка крепежа",
    "Поставка сухих смесей",
    "Комплектация объекта",
)
LEAD_CALLS: Final = (
    ("call", "out", "Квалификация заявки", "Уточнили потребность, ждут КП"),
    ("call", "out", "Квалификация заявки", "Не дозвонились, перезвонить завтра"),
    ("call", "in", "Заявка с сайта", "Клиент перезвонил, уточнил объём и сроки"),
    ("email", "out", "Прайс-лист по заявке", "Отправили прайс-лист и условия доставки"),
)
LEAD_TASKS: Final = ("Перезвонить по заявке", "Отправить прайс по заявке", "Квалифицировать лид")
REJECT_COMMENTS: Final = {
    "other": "Ищут поставщика только в своём регионе, мы туда не возим",
    "no_budget": "Бюджет на закупку появится не раньше следующего года",
    "not_our_profile": "Нужна металлочерепица, мы её не продаём",
}
# what a lead in each state looks like: (youngest, oldest) age in days
LEAD_AGES: Final = {
    "new": (0, 10),
    "in_work": (2, 60),
    "rejected": (3, LEAD_SPAN_DAYS),
    "qualified": (5, LEAD_SPAN_DAYS),
}


# --- what the demo works with ----------------------------------------------------------------


@dataclass(frozen=True)
class _Deal:
    id: uuid.UUID
    client_id: uuid.UUID
    owner_id: uuid.UUID | None
    status: str
    opened_on: date
    closed_on: date | None


@dataclass
class _Refs:
    deals: list[_Deal]
    contacts: dict[uuid.UUID, list[uuid.UUID]]  # client → contacts, the primary first
    proposals: dict[uuid.UUID, uuid.UUID]  # deal → its first proposal
    phones: list[str]  # demo contacts' phones (E.164), for calls registered by number
    users: list[Actor]  # the demo users and the acting user: who gets tasks and leads
    supervisor: Actor | None
    sources: list[uuid.UUID]
    reasons: list[tuple[uuid.UUID, str]]  # (id, code)
    requisites: list[tuple[str, str, str | None]]  # existing counterparties: short name, INN, KPP
    inns: set[str]
    by_owner: dict[uuid.UUID, list[_Deal]] = field(default_factory=dict)


def _load(session: Session, actor: Actor | None) -> _Refs:
    deals = [
        _Deal(*row)
        for row in session.execute(
            select(
                Deal.id, Deal.client_id, Deal.owner_id, Deal.status, Deal.opened_on, Deal.closed_on
            )
            .where(Deal.deleted_at.is_(None))
            .order_by(Deal.number)
        )
    ]
    contacts: dict[uuid.UUID, list[uuid.UUID]] = {}
    for client_id, contact_id in session.execute(
        select(ClientContact.client_id, ClientContact.contact_id)
        .join(Contact, Contact.id == ClientContact.contact_id)
        .where(ClientContact.deleted_at.is_(None), Contact.deleted_at.is_(None))
        .order_by(ClientContact.is_primary.desc(), Contact.search_key, Contact.id)
    ):
        contacts.setdefault(client_id, []).append(contact_id)
    proposals: dict[uuid.UUID, uuid.UUID] = {}
    for proposal_id, deal_id in session.execute(
        select(Proposal.id, Proposal.deal_id)
        .where(Proposal.deleted_at.is_(None))
        .order_by(Proposal.number, Proposal.version_no)
    ):
        proposals.setdefault(deal_id, proposal_id)
    phones = list(
        session.scalars(
            select(Channel.normalized)
            .where(
                Channel.kind == "phone",
                Channel.contact_id.is_not(None),
                Channel.deleted_at.is_(None),
                Channel.normalized.like("+79%"),
            )
            .order_by(Channel.normalized)
            .limit(2000)
        )
    )
    logins = [login for login, *_ in DEMO_USERS]
    users = [
        Actor(user_id, login, full_name, role)
        for user_id, login, full_name, role in session.execute(
            select(User.id, User.login, User.full_name, User.role)
            .where(User.login.in_(logins), User.deleted_at.is_(None), User.is_active.is_(True))
            .order_by(User.login)
        )
    ]
    if actor is not None and all(u.user_id != actor.user_id for u in users):
        users.append(actor)
    supervisor = next((u for u in users if u.is_supervisor), None)
    requisites = [
        (str(name), str(inn), kpp)
        for name, inn, kpp in session.execute(
            select(Counterparty.short_name, Counterparty.inn, Counterparty.kpp)
            .join(Client, Client.id == Counterparty.client_id)
            .where(
                Counterparty.deleted_at.is_(None),
                Counterparty.inn.is_not(None),
                Client.deleted_at.is_(None),
                Client.merged_into_id.is_(None),
            )
            .order_by(Counterparty.inn, Counterparty.short_name)
            .limit(5000)
        )
    ]
    inns = {str(inn) for inn in session.scalars(select(Counterparty.inn)) if inn}
    sources = list(
        session.scalars(
            select(InfoSource.id)
            .where(InfoSource.deleted_at.is_(None))
            .order_by(InfoSource.sort_order, InfoSource.code)
        )
    )
    reasons = [
        (reason_id, str(code))
        for reason_id, code in session.execute(
            select(LeadRejectReason.id, LeadRejectReason.code)
            .where(LeadRejectReason.deleted_at.is_(None))
            .order_by(LeadRejectReason.sort_order, LeadRejectReason.code)
        )
    ]
    refs = _Refs(
        deals, contacts, proposals, phones, users, supervisor, sources, reasons, requisites, inns
    )
    for deal in deals:
        if deal.owner_id is not None:
            refs.by_owner.setdefault(deal.owner_id, []).append(deal)
    return refs


# --- time -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clock:
    now: datetime  # UTC
    tz: tzinfo  # the computer's zone: the user reads days in it
    today: date  # local

    @classmethod
    def current(cls) -> _Clock:
        now = datetime.now(UTC)
        local = now.astimezone()
        assert local.tzinfo is not None
        return cls(now, local.tzinfo, local.date())

    def at(self, day: date, rng: random.Random, first: int = 9, last: int = 18) -> datetime:
        """A working-hours moment of the local ``day``, in UTC."""
        moment = time(rng.randint(first, last - 1), rng.choice((0, 0, 15, 30, 30, 45)))
        return datetime.combine(day, moment, tzinfo=self.tz).astimezone(UTC)

    def past(self, day: date, rng: random.Random) -> datetime:
        """As :meth:`at`, never later than now (for what has happened)."""
        return min(self.at(day, rng), self.now - timedelta(minutes=1))

    def later_today(self, rng: random.Random) -> datetime:
        """A moment between now and the end of the local day."""
        end = datetime.combine(self.today + timedelta(days=1), time(), tzinfo=self.tz)
        return self.now + (end.astimezone(UTC) - self.now) * rng.uniform(0.1, 0.9)

    def earlier_today(self, rng: random.Random) -> datetime:
        """A moment between the start of the local day and now."""
        start = datetime.combine(self.today, time(), tzinfo=self.tz).astimezone(UTC)
        return start + (self.now - start) * rng.uniform(0.1, 0.9)


def _days_between(rng: random.Random, first: date, last: date, count: int) -> list[date]:
    span = max(0, (last - first).days)
    return sorted(first + timedelta(days=rng.randint(0, span)) for _ in range(count))


def _pick_weighted(rng: random.Random, pairs: Sequence[tuple[str, int]]) -> str:
    return rng.choices([x for x, _ in pairs], [w for _, w in pairs])[0]


# --- interactions -----------------------------------------------------------------------------


def _interaction(
    *,
    kind: str,
    subject: str,
    start_at: datetime,
    responsible_id: uuid.UUID | None,
    direction: str | None = None,
    status: str = "done",
    result: str | None = None,
    description: str | None = None,
    duration_min: int = 0,
    contact_id: uuid.UUID | None = None,
    participant_text: str | None = None,
    client_id: uuid.UUID | None = None,
    deal_id: uuid.UUID | None = None,
    lead_id: uuid.UUID | None = None,
    proposal_id: uuid.UUID | None = None,
    parent_id: uuid.UUID | None = None,
) -> Interaction:
    """An interaction row as ``interactions.create_interaction`` (or ``reply_to``) stores it."""
    return Interaction(
        id=new_id(),
        kind=kind,
        direction=direction,
        subject=subject,
        subject_key=v.fold_key(subject)[:255],
        description=description,
        start_at=start_at,
        duration_min=duration_min,
        result=result,
        status=status,
        responsible_id=responsible_id,
        contact_id=contact_id,
        participant_text=participant_text,
        client_id=client_id,
        deal_id=deal_id,
        lead_id=lead_id,
        claim_id=None,
        proposal_id=proposal_id,
        parent_id=parent_id,
        remind_at=None,
    )


def _contact_of(rng: random.Random, refs: _Refs, client_id: uuid.UUID) -> uuid.UUID | None:
    contacts = refs.contacts.get(client_id)
    if not contacts:
        return None
    return contacts[0] if rng.random() < 0.6 else rng.choice(contacts)


def _deal_interactions(
    rng: random.Random, refs: _Refs, clock: _Clock, deal: _Deal
) -> list[Interaction]:
    """A deal's story: a few steps of the script in order, e-mails answered, how it ended."""
    first = max(deal.opened_on, clock.today - timedelta(days=SPAN_DAYS))
    last = min(clock.today, deal.closed_on or clock.today)
    if last < first:
        first = last
    count = rng.randint(2, 4)
    ending = WON if deal.status == "won" else LOST if deal.status == "lost" else None
    steps = sorted(rng.sample(range(len(SCRIPT)), count - (1 if ending else 0)))
    touches = [SCRIPT[i] for i in steps] + ([ending] if ending else [])
    contact_id = _contact_of(rng, refs, deal.client_id)
    links: dict[str, Any] = {
        "responsible_id": deal.owner_id,
        "contact_id": contact_id,
        "client_id": deal.client_id,
        "deal_id": deal.id,
    }
    rows: list[Interaction] = []
    for touch, day in zip(touches, _days_between(rng, first, last, len(touches)), strict=True):
        start = clock.past(day, rng)
        description = rng.choice(DESCRIPTIONS) if rng.random() < 0.25 else None
        proposal_id = refs.proposals.get(deal.id) if touch is PROPOSAL else None
        status = "done"
        result: str | None = rng.choice(touch.results)
        if touch.kind == "meeting" and rng.random() < 0.08:
            status, result = "cancelled", "Клиент перенёс встречу, созвонимся позже"
        head = _interaction(
            kind=touch.kind,
            direction=touch.direction,
            subject=touch.subject,
            start_at=start,
            status=status,
            result=result,
            description=description,
            duration_min=rng.randint(*touch.minutes),
            proposal_id=proposal_id,
            **links,
        )
        rows.append(head)
        if touch.replies and rng.random() < 0.7:
            reply_at = min(clock.now, start + timedelta(hours=rng.randint(2, 52)))
            reply = _interaction(
                kind="email",
                direction="in",
                subject=touch.subject,
                start_at=reply_at,
                result=rng.choice(touch.replies),
                proposal_id=proposal_id,
                parent_id=head.id,
                **links,
            )
            rows.append(reply)
            if touch is PROPOSAL and rng.random() < 0.5:  # and we answer: a chain of three
                rows.append(
                    _interaction(
                        kind="email",
                        direction="out",
                        subject=touch.subject,
                        start_at=min(clock.now, reply_at + timedelta(hours=rng.randint(1, 30))),
                        result=FOLLOW_UP,
                        proposal_id=proposal_id,
                        parent_id=reply.id,
                        **links,
                    )
                )
    if deal.status == "open":
        roll = rng.random()
        if roll < 0.35:  # the next step, planned (sometimes already put off)
            kind, direction, subject = rng.choice(PLANNED)
            rows.append(
                _interaction(
                    kind=kind,
                    direction=direction,
                    subject=subject,
                    start_at=clock.at(clock.today + timedelta(days=rng.randint(1, 10)), rng),
                    status="postponed" if rng.random() < 0.15 else "planned",
                    duration_min=60 if kind == "meeting" else 0,
                    **links,
                )
            )
        elif roll < 0.45:  # planned and forgotten: overdue
            kind, direction, subject = rng.choice(PLANNED)
            rows.append(
                _interaction(
                    kind=kind,
                    direction=direction,
                    subject=subject,
                    start_at=clock.past(clock.today - timedelta(days=rng.randint(1, 7)), rng),
                    status="planned",
                    duration_min=60 if kind == "meeting" else 0,
                    **links,
                )
            )
    return rows


def _actor_interactions(
    rng: random.Random, refs: _Refs, clock: _Clock, actor: Actor | None
) -> list[Interaction]:
    """The acting user's own plans, so his Today page and reminders show them: later today,
    the coming days (one postponed), one overdue and one cancelled meeting."""
    open_deals = [d for d in refs.deals if d.status == "open"] or refs.deals
    if actor is None or not open_deals:
        return []
    own = refs.by_owner.get(actor.user_id) or open_deals
    day = clock.today
    plans = (
        ("planned", "Перезвонить по КП", clock.later_today(rng), "planned"),
        ("meeting", "Встреча в офисе клиента", clock.later_today(rng), "planned"),
        ("call", "Согласовать дату отгрузки", clock.at(day + timedelta(1), rng), "planned"),
        ("planned", "Презентация новинок каталога", clock.at(day + timedelta(3), rng), "postponed"),
        ("planned", "Уточнить решение по закупке", clock.past(day - timedelta(2), rng), "planned"),
        ("meeting", "Встреча на объекте", clock.past(day - timedelta(4), rng), "cancelled"),
    )
    rows = []
    for kind, subject, start, status in plans:
        deal = rng.choice(own)
        rows.append(
            _interaction(
                kind=kind,
                direction="out" if kind == "call" else None,
                subject=subject,
                start_at=start,
                status=status,
                result="Клиент перенёс встречу" if status == "cancelled" else None,
                duration_min=60 if kind == "meeting" else 0,
                responsible_id=actor.user_id,
                contact_id=_contact_of(rng, refs, deal.client_id),
                client_id=deal.client_id,
                deal_id=deal.id,
            )
        )
    return rows


def _phone_text(e164: str) -> str:
    """A Russian mobile number as a caller would say it: «8 (916) 123-45-67»."""
    digits = e164[2:]
    return f"8 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:10]}"


def _mobile(rng: random.Random) -> str:
    return f"+7{rng.choice(_MOBILE_CODES)}{rng.randint(0, 9_999_999):07d}"


def _phone_only_calls(
    rng: random.Random, refs: _Refs, clock: _Clock, count: int
) -> list[Interaction]:
    """Incoming calls registered by the number only: most are a demo contact's (linked later)."""
    responsible = [u.user_id for u in refs.users if not u.is_supervisor] or [
        u.user_id for u in refs.users
    ]
    rows = []
    for index in range(count):
        known = bool(refs.phones) and index % 4 != 3
        e164 = rng.choice(refs.phones) if known else _mobile(rng)
        day = clock.today - timedelta(days=rng.randint(0, 20))
        rows.append(
            _interaction(
                kind="call",
                direction="in",
                subject="Входящий звонок",
                start_at=clock.past(day, rng),
                result=rng.choice(INCOMING_RESULTS),
                duration_min=rng.randint(1, 6),
                participant_text=_phone_text(e164),
                responsible_id=responsible[index % len(responsible)] if responsible else None,
            )
        )
    return rows


# --- tasks ------------------------------------------------------------------------------------


def _user_tasks(
    rng: random.Random,
    refs: _Refs,
    clock: _Clock,
    user: Actor,
    done_interactions: dict[uuid.UUID, uuid.UUID],
) -> list[Task]:
    """A user's tasks in every state (see TASK_PLAN), linked to his deals where he has any."""
    own = refs.by_owner.get(user.user_id) or refs.deals
    open_own = [d for d in own if d.status == "open"] or own
    tasks: list[Task] = []
    for slot, (fewest, most) in TASK_PLAN:
        for _ in range(rng.randint(fewest, most)):
            status, done_at = "open", None
            if slot == "overdue":
                due = clock.past(clock.today - timedelta(days=rng.randint(1, 10)), rng)
            elif slot == "earlier_today":
                due = clock.earlier_today(rng)
            elif slot == "today":
                due = clock.later_today(rng)
            elif slot == "week":
                due = clock.at(clock.today + timedelta(days=rng.randint(1, 6)), rng)
            elif slot == "later":
                due = clock.at(clock.today + timedelta(days=rng.randint(7, 21)), rng)
            else:
                due = clock.past(clock.today - timedelta(days=rng.randint(1, 30)), rng)
                if slot == "done":
                    status = "done"
                    shift = timedelta(minutes=rng.randint(-24 * 60, 36 * 60))
                    done_at = min(clock.now - timedelta(minutes=1), due + shift)
                else:
                    status = "cancelled"
            tasks.append(
                _task(rng, refs, user, due, status, done_at, open_own, own, done_interactions)
            )
    return tasks


def _task(
    rng: random.Random,
    refs: _Refs,
    user: Actor,
    due: datetime,
    status: str,
    done_at: datetime | None,
    open_deals: list[_Deal],
    deals: list[_Deal],
    done_interactions: dict[uuid.UUID, uuid.UUID],
) -> Task:
    """One task row as ``tasks.create_task`` (and ``complete_task``) stores it."""
    roll = rng.random()
    deal: _Deal | None = None
    client_id = contact_id = interaction_id = None
    if roll < 0.7 and deals:
        deal = rng.choice(open_deals if status == "open" else deals)
        title = rng.choice(TASKS_DEAL)
        client_id = deal.client_id
        contact_id = _contact_of(rng, refs, deal.client_id) if rng.random() < 0.5 else None
        if rng.random() < 0.3:
            interaction_id = done_interactions.get(deal.id)
    elif roll < 0.9 and deals:
        title = rng.choice(TASKS_CLIENT)
        client_id = rng.choice(deals).client_id
    else:
        title = rng.choice(TASKS_GENERAL)
    by_boss = refs.supervisor is not None and refs.supervisor != user and rng.random() < 0.2
    author = refs.supervisor if by_boss and refs.supervisor is not None else user
    priority = "high" if by_boss else _pick_weighted(rng, PRIORITIES)
    return Task(
        id=new_id(),
        title=title,
        description=rng.choice(TASK_NOTES) if rng.random() < 0.3 else None,
        due_at=due,
        remind_at=None,
        assignee_id=user.user_id,
        author_id=author.user_id,
        status=status,
        priority=priority,
        done_at=done_at,
        done_by_id=user.user_id if status == "done" else None,
        client_id=client_id,
        contact_id=contact_id,
        deal_id=deal.id if deal is not None else None,
        lead_id=None,
        claim_id=None,
        interaction_id=interaction_id,
    )


# --- leads ------------------------------------------------------------------------------------


@dataclass
class _LeadPlan:
    status: str
    received: datetime
    owner: Actor
    source_id: uuid.UUID | None
    name: str
    company: str | None
    phone: str | None
    email: str | None
    inn: str | None
    kpp: str | None
    interest: str
    reason: tuple[uuid.UUID, str] | None = None
    duplicate: bool = False  # the INN of an existing client
    deal_title: str | None = None  # converted with a deal
    lead_id: uuid.UUID = field(default_factory=new_id)


def _legal_inn(rng: random.Random, taken: set[str]) -> str:
    while True:
        base = f"{rng.choice(_INN_REGIONS)}{rng.randint(1, 99):02d}{rng.randint(0, 99_999):05d}"
        inn = base + stdnum_inn.calc_company_check_digit(base)
        if inn not in taken:
            taken.add(inn)
            return inn


def _personal_inn(rng: random.Random, taken: set[str]) -> str:
    while True:
        base = f"{rng.choice(_INN_REGIONS)}{rng.randint(1, 99):02d}{rng.randint(0, 999_999):06d}"
        inn = base + stdnum_inn.calc_personal_check_digits(base)
        if inn not in taken:
            taken.add(inn)
            return inn


def _person(rng: random.Random) -> tuple[str, str, str]:
    """(surname, first name, patronymic) of a man or a woman."""
    male = rng.random() < 0.6
    surname = rng.choice(_SURNAMES)
    patronymic = rng.choice(_PATRONYMICS)
    if male:
        return surname, rng.choice(_MALE_FIRST), patronymic[0]
    return surname + "а", rng.choice(_FEMALE_FIRST), patronymic[1]


def _lead_states(refs: _Refs, count: int) -> list[str]:
    """How many leads end up in each state: some converted (at most MAX_CONVERSIONS), at least
    one rejected with each reason, new ones, the rest in work."""
    converted = min(MAX_CONVERSIONS, max(4, count // 7))
    rejected = max(len(refs.reasons), round(count * 0.3))
    new = max(2, count // 5)
    in_work = max(2, count - converted - rejected - new)
    states = ["qualified"] * converted + ["rejected"] * rejected
    return states + ["new"] * new + ["in_work"] * in_work


def _plan_leads(
    rng: random.Random, refs: _Refs, clock: _Clock, actor: Actor | None, count: int
) -> list[_LeadPlan]:
    states = _lead_states(refs, count)
    owners = [u for u in refs.users if not u.is_supervisor] or refs.users
    taken = set(refs.inns)
    reasons = list(refs.reasons)
    duplicates = rng.sample(refs.requisites, min(3, len(refs.requisites)))
    # the duplicates: one left new, one in work, one converted into the existing client
    duplicate_states = ["qualified", "new", "in_work"]
    plans: list[_LeadPlan] = []
    seen: dict[str, int] = {}
    for index, status in enumerate(states):
        nth = seen.get(status, 0)
        seen[status] = nth + 1
        youngest, oldest = LEAD_AGES[status]
        day = clock.today - timedelta(days=rng.randint(youngest, oldest))
        received = clock.past(day, rng)
        owner = rng.choice(owners)
        if actor is not None and status in ("new", "in_work") and nth < 2:
            owner = actor  # the acting user has leads of his own to work on
        # every source at least once, then as the office gets them
        source_id = refs.sources[index % len(refs.sources)] if refs.sources else None
        if refs.sources and index >= len(refs.sources) and rng.random() < 0.5:
            source_id = refs.sources[min(len(refs.sources) - 1, int(rng.expovariate(0.5)))]
        surname, first, middle = _person(rng)
        name = f"{surname} {first} {middle}" if rng.random() < 0.6 else f"{surname} {first}"
        form = _pick_weighted(rng, _COMPANY_FORMS)
        if status == "qualified" and not form:
            form = "ООО"  # a converted lead became a company client
        company: str | None
        inn = kpp = None
        if form == "ИП":
            company = f"ИП {surname} {first[0]}. {middle[0]}."
            if status == "qualified" or rng.random() < 0.4:
                inn = _personal_inn(rng, taken)
        elif form:
            company = f"{form} «{rng.choice(_BRANDS)}»"
            if status == "qualified" or rng.random() < 0.4:
                inn = _legal_inn(rng, taken)
                # an organisation converts only with its KPP; an open lead may not know it yet
                known_kpp = status == "qualified" or rng.random() < 0.6
                kpp = inn[:4] + "01001" if known_kpp else None
        else:
            company = None
        brand = _translit(company.split("«")[-1].rstrip("»") if company else surname)
        phone = _mobile(rng) if rng.random() < 0.9 else None
        email = None
        if phone is None or rng.random() < 0.6:
            email = f"{_translit(first)[0]}.{_translit(surname)}@{brand or 'mail'}.example"
        plan = _LeadPlan(
            status=status,
            received=received,
            owner=owner,
            source_id=source_id,
            name=name,
            company=company,
            phone=None if phone is None else _phone_text(phone),
            email=email,
            inn=inn,
            kpp=kpp,
            interest=rng.choice(INTERESTS),
        )
        if status == "rejected":
            plan.reason = reasons[nth] if nth < len(reasons) else rng.choice(reasons)
        if status == "qualified" and rng.random() < 0.5:
            plan.deal_title = rng.choice(DEAL_TITLES)
        if duplicates and status in duplicate_states and seen[status] == 1:
            short_name, dup_inn, dup_kpp = duplicates.pop()
            duplicate_states.remove(status)
            plan.company, plan.inn, plan.kpp = short_name, dup_inn, dup_kpp
            plan.duplicate = True
        plans.append(plan)
    plans.sort(key=lambda p: p.received)
    return plans


def _lead_row(clock: _Clock, rng: random.Random, plan: _LeadPlan, number: str) -> Lead:
    """The lead as ``leads.create_lead`` stores it, moved on as ``take_in_work``/``reject``
    would (a qualified one is converted later, through the service)."""
    phone = v.normalize_phone(plan.phone, field="phone")
    inn = v.normalize_inn(plan.inn)
    kpp = v.normalize_kpp(plan.kpp)
    lead = Lead(
        id=plan.lead_id,
        number=number,
        name=plan.name,
        company=plan.company,
        search_key=lead_service.lead_search_key(plan.name, plan.company),
        phone=phone[0] if phone else None,
        phone_e164=phone[1] if phone else None,
        email=v.normalize_email(plan.email),
        inn=inn,
        kpp=kpp,
        source_id=plan.source_id,
        interest=plan.interest,
        # one to be converted is in work until the conversion qualifies it
        status="in_work" if plan.status == "qualified" else plan.status,
        owner_id=plan.owner.user_id,
        created_at=plan.received,
        updated_at=plan.received,
    )
    if plan.status == "rejected" and plan.reason is not None:
        reason_id, code = plan.reason
        lead.reject_reason_id = reason_id
        if code == OTHER_REASON or rng.random() < 0.3:
            lead.reject_comment = REJECT_COMMENTS.get(code)
        lead.rejected_at = _after(clock, plan.received, rng.randint(3, 10), rng)
        lead.updated_at = lead.rejected_at
    return lead


def _after(clock: _Clock, moment: datetime, days: int, rng: random.Random) -> datetime:
    """``days`` (and a few hours) after ``moment``, but not later than now."""
    later = moment + timedelta(days=days, hours=rng.randint(0, 6))
    return max(moment, min(clock.now - timedelta(minutes=1), later))


def _lead_activities(
    rng: random.Random, clock: _Clock, plan: _LeadPlan
) -> tuple[list[Interaction], list[Task]]:
    """Calls and e-mails on a lead being worked (and on some rejected ones); a task to call
    back on a lead in work."""
    interactions: list[Interaction] = []
    tasks: list[Task] = []
    if plan.status == "new" or (plan.status == "rejected" and rng.random() < 0.5):
        return interactions, tasks
    for _ in range(rng.randint(1, 2)):
        kind, direction, subject, result = rng.choice(LEAD_CALLS)
        received = plan.received.astimezone(clock.tz).date()
        day = received + timedelta(days=rng.randint(0, min((clock.today - received).days, 3)))
        start = max(plan.received, clock.past(day, rng))
        interactions.append(
            _interaction(
                kind=kind,
                direction=direction,
                subject=subject,
                start_at=start,
                result=result,
                duration_min=rng.randint(2, 10) if kind == "call" else 0,
                participant_text=plan.phone if kind == "call" and plan.phone else plan.email,
                responsible_id=plan.owner.user_id,
                lead_id=plan.lead_id,
            )
        )
    if plan.status == "in_work":
        tasks.append(
            Task(
                id=new_id(),
                title=rng.choice(LEAD_TASKS),
                description=None,
                due_at=clock.at(clock.today + timedelta(days=rng.randint(-2, 5)), rng),
                remind_at=None,
                assignee_id=plan.owner.user_id,
                author_id=plan.owner.user_id,
                status="open",
                priority=_pick_weighted(rng, PRIORITIES),
                done_at=None,
                done_by_id=None,
                client_id=None,
                contact_id=None,
                deal_id=None,
                lead_id=plan.lead_id,
                claim_id=None,
                interaction_id=None,
            )
        )
    return interactions, tasks


def _convert(db: Database, rng: random.Random, clock: _Clock, plan: _LeadPlan) -> None:
    """Qualify the lead through the conversion service (into the client with its INN if there
    is one, as the dialog offers), then date the qualification (and the new deal's opening) a
    few days after the lead came in."""
    details = lead_service.get_lead(db, plan.lead_id)
    defaults = lead_service.conversion_defaults(db, plan.lead_id)
    plan_with_deal = replace(defaults, deal_title=plan.deal_title)
    done = lead_service.convert(db, plan.owner, plan.lead_id, details.version, plan_with_deal)
    qualified_at = _after(clock, plan.received, rng.randint(3, 14), rng)
    with write_unit(db, plan.owner) as session:
        session.execute(
            update(Lead).where(Lead.id == plan.lead_id).values(qualified_at=qualified_at)
        )
        if done.converted_deal_id is not None:
            session.execute(
                update(Deal)
                .where(Deal.id == done.converted_deal_id)
                .values(opened_on=qualified_at.astimezone(clock.tz).date())
            )
            session.execute(
                update(DealStageChange)
                .where(DealStageChange.deal_id == done.converted_deal_id)
                .values(at=qualified_at)
            )


# --- the whole ----------------------------------------------------------------------------------


def _write(db: Database, actor: Actor | None, rows: Sequence[Any], stop: Callable[[], bool]) -> int:
    """``rows`` in transactions of BATCH; how many were written before ``stop()``."""
    written = 0
    for start in range(0, len(rows), BATCH):
        if stop():
            break
        batch = rows[start : start + BATCH]
        with write_unit(db, actor) as session:
            session.add_all(batch)
        written += len(batch)
    return written


def create_demo_activities(
    db: Database,
    actor: Actor | None,
    rng: random.Random,
    *,
    clients: int,
    cancelled: Callable[[], bool] | None = None,
) -> ActivitySummary:
    """Interactions on the demo deals, tasks for the demo users and ``actor``, and about
    ``clients // 3`` leads (20 to 400, some converted); nothing when ``clients`` is 0 or
    there are no users yet. Stops between transactions once ``cancelled()`` is true (what was
    written stays)."""
    if clients < 0:
        raise ValueError(f"clients must not be negative: {clients}")

    def stop() -> bool:
        return cancelled is not None and cancelled()

    clock = _Clock.current()
    with read_unit(db) as session:
        refs = _load(session, actor)
    if not refs.users or not clients:
        return ActivitySummary(0, 0, 0)

    # interactions: the deals' stories, the acting user's plans, calls by number only
    interactions: list[Interaction] = []
    deal_rows = 0
    for deal in refs.deals:
        if deal_rows >= MAX_INTERACTIONS:
            break
        rows = _deal_interactions(rng, refs, clock, deal)
        deal_rows += len(rows)
        interactions.extend(rows)
    interactions.extend(_actor_interactions(rng, refs, clock, actor))
    interactions.extend(_phone_only_calls(rng, refs, clock, max(4, min(25, len(refs.deals) // 20))))
    made_interactions = _write(db, actor, interactions, stop)

    if stop():
        return ActivitySummary(made_interactions, 0, 0)

    # tasks: every demo user and the acting user
    last_done: dict[uuid.UUID, uuid.UUID] = {}
    for row in interactions:
        if row.deal_id is not None and row.status == "done":
            last_done[row.deal_id] = row.id
    tasks: list[Task] = []
    for user in refs.users:
        tasks.extend(_user_tasks(rng, refs, clock, user, last_done))
    made_tasks = _write(db, actor, tasks, stop)
    if stop():
        return ActivitySummary(made_interactions, made_tasks, 0)

    # leads, their calls and tasks; then the qualified ones converted through the service
    count = min(max(clients // 3, MIN_LEADS), MAX_LEADS)
    plans = _plan_leads(rng, refs, clock, actor, count)
    made_leads = 0
    for start in range(0, len(plans), BATCH):
        if stop():
            break
        lead_interactions: list[Interaction] = []
        lead_tasks: list[Task] = []
        with write_unit(db, actor) as session:
            for plan in plans[start : start + BATCH]:
                number = next_number(session, "lead")
                session.add(_lead_row(clock, rng, plan, number))
                more, todo = _lead_activities(rng, clock, plan)
                lead_interactions.extend(more)
                lead_tasks.extend(todo)
            session.flush()
            session.add_all([*lead_interactions, *lead_tasks])
        made_leads += len(plans[start : start + BATCH])
        made_interactions += len(lead_interactions)
        made_tasks += len(lead_tasks)
    converted = 0
    written = {p.lead_id for p in plans[:made_leads]}
    for plan in plans:
        if plan.status != "qualified" or plan.lead_id not in written or stop():
            continue
        _convert(db, rng, clock, plan)
        converted += 1
    return ActivitySummary(made_interactions, made_tasks, made_leads, converted)
