"""Demo data: a plausible Russian sales office with thousands of clients, for trying the CRM out.

:func:`generate` makes departments and a handful of demo users (created only if absent), our own
company and a building-materials catalogue with prices (see :mod:`~crm_desktop.services.demo_deals`;
also only if absent), then clients with their counterparties (requisites that pass validation,
accounts at real banks), contacts, phones and e-mails, links and relations, then deals whose
specifications are catalogue products. Each batch of clients is one transaction.

Speed: the batches are written with Core ``executemany``, not ORM objects (the unit of work and the
per-object audit hook made a 10,000-client run about three times slower). :func:`_write` adds what
the ORM and the audit hook would: the Entity bookkeeping (version 1, created/updated at and by the
actor) and one ``AuditEntry`` "create" row per record. Names, search keys, phones and e-mails are
computed with the same ``validation`` functions the services use. Departments and users are few
and go through the ORM as usual.

Deterministic for a given ``seed``: the same seed gives the same clients, names and requisites
(ids and timestamps differ). Note that Faker's OGRN/OGRNIP pick the registration year from 1 up to
the current year, so a new calendar year changes them for the same seed.

E-mail addresses use the reserved ``.example`` top-level domain (RFC 2606), so nothing sent from a
demo database can reach a real mailbox. Phone numbers are random and valid, as in Faker.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, TypeVar

from faker import Faker
from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from crm_desktop.db import Database
from crm_desktop.models import (
    AuditEntry,
    BankAccount,
    Channel,
    Client,
    ClientCircle,
    ClientContact,
    ClientRelation,
    Contact,
    ContactRelation,
    Counterparty,
    CounterpartyContact,
    Department,
    Entity,
    InfoSource,
    LegalForm,
    RelationKind,
    User,
    new_id,
    utcnow,
)
from crm_desktop.services import search
from crm_desktop.services import validation as v
from crm_desktop.services.uow import Actor, write_unit

__all__ = [
    "BANKS",
    "DEMO_USERS",
    "Bank",
    "CancelFn",
    "DemoSummary",
    "ProgressFn",
    "generate",
]

T = TypeVar("T")

ProgressFn = Callable[[int, int], None]  # (done clients, total clients)
CancelFn = Callable[[], bool]


@dataclass(frozen=True)
class DemoSummary:
    """What one :func:`generate` call wrote (rows created by this call only)."""

    clients: int
    counterparties: int
    contacts: int
    users: int  # demo users created by this call (existing ones are reused)
    elapsed_s: float
    deals: int = 0
    products: int = 0  # catalogue products created by this call
    company: bool = False  # our demo company was created by this call
    claims: int = 0  # claims with investigation plans, in every state
    interactions: int = 0  # interactions, tasks and leads (services.demo_activities)
    tasks: int = 0
    leads: int = 0
    converted_leads: int = 0  # leads converted through services.leads.convert


# --- reference data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Bank:
    name: str
    bik: str
    corr_account: str


# Real banks (BIK and correspondent account as published in the Bank of Russia's directory);
# each pair passes validation.normalize_bik / normalize_corr_account (a test checks it).
BANKS: Final = (
    Bank("ПАО Сбербанк", "044525225", "30101810400000000225"),
    Bank("Северо-Западный банк ПАО Сбербанк", "044030653", "30101810500000000653"),
    Bank("Банк ВТБ (ПАО)", "044525187", "30101810700000000187"),
    Bank("АО «Альфа-Банк»", "044525593", "30101810200000000593"),
    Bank("АО «ТБанк»", "044525974", "30101810145250000974"),
    Bank("ПАО «Промсвязьбанк»", "044525555", "30101810400000000555"),
    Bank("АО «Райффайзенбанк»", "044525700", "30101810200000000700"),
    Bank("Банк ГПБ (АО)", "044525823", "30101810200000000823"),
    Bank("АО «Россельхозбанк»", "044525111", "30101810200000000111"),
    Bank("ПАО «Совкомбанк»", "043469743", "30101810300000000743"),
    Bank("ПАО «Банк «Санкт-Петербург»", "044030790", "30101810900000000790"),
)
_BANK_WEIGHTS: Final = (30, 0, 15, 12, 12, 6, 5, 5, 4, 6, 0)
_SPB_BANK_WEIGHTS: Final = (10, 20, 10, 8, 8, 4, 3, 3, 2, 4, 15)

MOSCOW_SALES = "Отдел продаж Москва"
REGIONAL_SALES = "Отдел продаж Регионы"
PURCHASING = "Отдел закупок"
COMMERCIAL = "Коммерческая дирекция"
# (name, parent)
DEPARTMENTS: Final = (
    (COMMERCIAL, None),
    (MOSCOW_SALES, COMMERCIAL),
    (REGIONAL_SALES, COMMERCIAL),
    (PURCHASING, COMMERCIAL),
)

# (login, full name, role, department)
DEMO_USERS: Final = (
    ("demo.smirnova", "Смирнова Ольга Викторовна", "supervisor", COMMERCIAL),
    ("demo.ivanov", "Иванов Алексей Сергеевич", "manager", MOSCOW_SALES),
    ("demo.petrova", "Петрова Мария Андреевна", "manager", MOSCOW_SALES),
    ("demo.kuznetsov", "Кузнецов Дмитрий Игоревич", "manager", MOSCOW_SALES),
    ("demo.sokolova", "Соколова Анна Павловна", "manager", REGIONAL_SALES),
    ("demo.popov", "Попов Сергей Николаевич", "manager", REGIONAL_SALES),
    ("demo.lebedev", "Лебедев Андрей Викторович", "manager", REGIONAL_SALES),
    ("demo.novikova", "Новикова Екатерина Олеговна", "manager", PURCHASING),
)
_SUPERVISOR = "demo.smirnova"
_USER_MAIL_DOMAIN = "office.example"


@dataclass(frozen=True)
class _City:
    name: str
    phone_codes: tuple[str, ...]
    postcode_prefix: str
    weight: int


CITIES: Final = (
    _City("Москва", ("495", "499"), "1", 34),
    _City("Санкт-Петербург", ("812",), "19", 12),
    _City("Екатеринбург", ("343",), "620", 6),
    _City("Новосибирск", ("383",), "630", 6),
    _City("Казань", ("843",), "420", 5),
    _City("Нижний Новгород", ("831",), "603", 5),
    _City("Самара", ("846",), "443", 4),
    _City("Ростов-на-Дону", ("863",), "344", 4),
    _City("Краснодар", ("861",), "350", 5),
    _City("Красноярск", ("391",), "660", 3),
    _City("Пермь", ("342",), "614", 3),
    _City("Воронеж", ("473",), "394", 3),
    _City("Челябинск", ("351",), "454", 3),
    _City("Хабаровск", ("4212",), "680", 2),
    _City("Барнаул", ("3852",), "656", 2),
)

# Mobile operators' codes (all valid for phonenumbers).
_MOBILE_CODES: Final = (
    "901", "903", "904", "905", "906", "909", "910", "911", "912", "913", "915", "916", "917",
    "919", "920", "921", "922", "925", "926", "927", "929", "951", "952", "953", "960", "961",
    "962", "963", "964", "965", "967", "977", "978", "981", "982", "985", "987", "991", "995",
    "996", "999",
)  # fmt: skip


@dataclass(frozen=True)
class _Industry:
    name: str
    weight: int
    roots: tuple[str, ...]  # joined to a regional prefix: «Урал» + «строй»
    suffixes: tuple[str, ...]  # after a brand and a hyphen: «Вектор-Строй»
    abbreviations: tuple[str, ...]  # before a brand: «ТД Меридиан»


INDUSTRIES: Final = (
    _Industry(
        "Оптовая торговля",
        24,
        ("торг", "снаб", "опт", "комплект", "трейд"),
        ("Трейд", "Опт", "Снаб", "Комплект", "Дистрибуция", "Импорт"),
        ("ТД", "ГК"),
    ),
    _Industry(
        "Строительство",
        15,
        ("строй", "монтаж", "бетон", "кровля"),
        ("Строй", "Монтаж", "Девелопмент", "СтройИнвест", "Проект"),
        ("СК", "ГК", "СМУ"),
    ),
    _Industry(
        "Производство",
        15,
        ("пром", "маш", "металл", "пласт", "хим", "мебель"),
        ("Пром", "Завод", "Металл", "Полимер", "Техника", "Продукт"),
        ("НПО", "НПП", "ПКФ"),
    ),
    _Industry(
        "Розничная торговля",
        12,
        ("маркет", "торг"),
        ("Маркет", "Ритейл", "Дом", "Центр"),
        ("ТД", "ТЦ"),
    ),
    _Industry(
        "Логистика",
        8,
        ("транс", "логистик", "экспресс"),
        ("Транс", "Логистик", "Экспресс", "Карго", "Перевозки"),
        ("ТК", "ТЭК"),
    ),
    _Industry(
        "IT",
        8,
        ("софт", "тех", "инфо", "дата"),
        ("Софт", "Технологии", "Системы", "Лаб", "Диджитал"),
        ("ГК", "Студия"),
    ),
    _Industry("Общепит", 5, (), (), ()),  # named by _restaurant_name
    _Industry(
        "Сельское хозяйство",
        5,
        ("агро", "зерно", "молоко"),
        ("Агро", "Агрохолдинг", "Зерно", "Фермер"),
        ("КФХ", "Агрофирма"),
    ),
    _Industry(
        "Медицина и фармацевтика",
        4,
        ("мед", "фарм"),
        ("Мед", "Фарм", "Медтехника", "Диагностика"),
        ("МЦ", "Клиника"),
    ),
    _Industry(
        "Энергетика",
        4,
        ("энерго", "электро"),
        ("Энерго", "ЭнергоСервис", "Электро"),
        ("ГК", "ПКФ"),
    ),
)
_LOGISTICS: Final = next(i for i in INDUSTRIES if i.name == "Логистика")
_CATERING: Final = next(i for i in INDUSTRIES if i.name == "Общепит")

# joined to an industry root: «Урал» + «строй» = «Уралстрой»
_REGION_PREFIXES: Final = (
    "Урал", "Сиб", "Волга", "Мос", "Петро", "Дон", "Кама", "Нева", "Тюмень", "Кубань", "Вятка",
    "Енисей", "Амур", "Балт", "Сев", "Юг", "Центр", "Рос", "Евро", "Ока", "Север", "Техно", "Мега",
    "Эко", "Спец", "Интер", "Гео", "Профи", "Нео", "Вита", "Стандарт", "Регион", "Гранд",
)  # fmt: skip
_BRANDS: Final = (
    "Альфа", "Вектор", "Гранит", "Меридиан", "Орион", "Атлант", "Континент", "Стандарт",
    "Прогресс", "Альянс", "Импульс", "Форвард", "Сфера", "Горизонт", "Элемент", "Полюс",
    "Кристалл", "Ресурс", "Эталон", "Магистраль", "Ладога", "Байкал", "Алтай", "Спектр", "Аврора",
    "Навигатор", "Статус", "Партнёр", "Лидер", "Оптима", "Зенит", "Пилот", "Фаворит", "Гарант",
    "Монолит", "Радуга", "Сигма", "Тандем", "Феникс", "Янтарь", "Квадрат", "Профиль", "Эверест",
    "Кедр", "Сапсан", "Ирбис", "Соболь", "Вега", "Омега", "Арсенал", "Бастион", "Вертикаль",
    "Гефест", "Держава", "Исток", "Капитал", "Легион", "Маяк", "Олимп", "Паритет", "Рубин",
    "Сатурн", "Титан", "Фортуна", "Цитадель", "Эдельвейс", "Юпитер", "Ясень", "Восход", "Гермес",
    "Дельта", "Жемчуг", "Зодиак", "Икар", "Каскад", "Лотос", "Мираж", "Норд", "Орбита", "Пульсар",
    "Рассвет", "Сокол", "Терра", "Уникум", "Факел", "Хронос", "Авангард", "Бриз", "Верста",
    "Гольфстрим", "Дуэт", "Инсайт", "Кварц", "Лазурит", "Малахит", "Нептун", "Оникс", "Пересвет",
)  # fmt: skip
# added to a name already taken in this run: «Вектор-М», «Альфа Плюс», «Гранит-Юг»
_QUALIFIERS: Final = (
    "-М", " Плюс", "-Юг", "-Север", "-Центр", " Групп", "-Сибирь", "-Урал", "-Волга", " Про",
    "-2", "-Н", "-Регион", "-Запад", "-Восток", " Лайн", "-Т", "-С", "-Д", "-К", " Инвест",
    " Сервис", "-Холдинг", "-Партнёр",
)  # fmt: skip
_RESTAURANT_KINDS: Final = ("Кафе", "Ресторан", "Кофейня", "Пекарня", "Бистро", "Столовая")
_RESTAURANT_BRANDS: Final = (
    "Самовар", "Трапеза", "Уют", "Хлебница", "Блинная", "Чайхана", "Очаг", "Дровник", "Печка",
    "Пироговая", "Причал", "Сытый двор", "Старый город", "Жар-птица", "Горница", "Кухмистерская",
    "Вареничная", "Хинкальная",
)  # fmt: skip
_SHOP_KINDS: Final = ("Магазин", "Автосервис", "Студия", "Мастерская", "Салон")
_SHOP_BRANDS: Final = (
    "Уют", "Мастер", "Стиль", "Декор", "Домовой", "Светлица", "Подкова", "Лукошко", "Палитра"
)  # fmt: skip

_MALE_FIRST: Final = (
    "Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим", "Валерий", "Виктор",
    "Виталий", "Владимир", "Владислав", "Геннадий", "Георгий", "Денис", "Дмитрий", "Евгений",
    "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин", "Максим", "Михаил", "Никита",
    "Николай", "Олег", "Павел", "Роман", "Руслан", "Сергей", "Станислав", "Степан", "Тимур",
    "Фёдор", "Юрий", "Ярослав",
)  # fmt: skip
_FEMALE_FIRST: Final = (
    "Алина", "Алла", "Анастасия", "Анна", "Валентина", "Валерия", "Вера", "Виктория", "Галина",
    "Дарья", "Евгения", "Екатерина", "Елена", "Жанна", "Ирина", "Карина", "Кристина", "Ксения",
    "Лариса", "Любовь", "Людмила", "Марина", "Мария", "Надежда", "Наталья", "Нина", "Оксана",
    "Ольга", "Полина", "Светлана", "Софья", "Татьяна", "Юлия",
)  # fmt: skip
# roots of common fathers' names: + «ич» for a man's patronymic, + «на» for a woman's
_PATRONYMIC_ROOTS: Final = (
    "Александров", "Алексеев", "Анатольев", "Андреев", "Борисов", "Валерьев", "Васильев",
    "Викторов", "Владимиров", "Геннадьев", "Григорьев", "Дмитриев", "Евгеньев", "Иванов",
    "Игорев", "Константинов", "Михайлов", "Николаев", "Олегов", "Павлов", "Петров", "Романов",
    "Сергеев", "Юрьев", "Степанов", "Фёдоров",
)  # fmt: skip
_PATRONYMICS: Final = tuple((f"{root}ич", f"{root}на") for root in _PATRONYMIC_ROOTS)

# (position, role at the client, chance of a woman, weight)
_DIRECTOR: Final = ("Генеральный директор", "Лицо, принимающее решение")
_ENTREPRENEUR: Final = ("Индивидуальный предприниматель", "Лицо, принимающее решение")
_STAFF: Final = (
    ("Главный бухгалтер", "Бухгалтер", 0.85, 16),
    ("Бухгалтер", "Бухгалтер", 0.9, 6),
    ("Менеджер по закупкам", "Закупщик", 0.55, 18),
    ("Начальник отдела снабжения", "Закупщик", 0.35, 10),
    ("Коммерческий директор", "Лицо, принимающее решение", 0.3, 8),
    ("Заместитель генерального директора", "Лицо, влияющее на решение", 0.3, 5),
    ("Финансовый директор", "Согласует оплату", 0.5, 4),
    ("Главный инженер", "Технический эксперт", 0.15, 5),
    ("Руководитель отдела логистики", "Приёмка и доставка", 0.25, 3),
    ("Офис-менеджер", "Контактное лицо", 0.9, 6),
)
_SIGNER_ROLE = "Подписывает документы"
_ACCOUNTANT_CP_ROLE = "Сверка расчётов, первичные документы"

_CLIENT_NOTES: Final = (
    "Работают с отсрочкой платежа 30 дней.",
    "Предпочитают связь по электронной почте, звонить после 11:00.",
    "Закупки раз в квартал, через тендерную процедуру.",
    "Просили персональную скидку при заказе от 500 тыс. руб.",
    "Доставка только до терминала транспортной компании.",
    "Бухгалтерия работает до 17:00 по местному времени.",
    "Оплата строго по предоплате, документы через ЭДО.",
    "Интересуются новинками каталога, присылать прайс ежемесячно.",
    "Конкуренты предлагали им цены ниже на 5–7 %.",
    "Сезонный спрос: основные закупки весной.",
)

# weights by catalogue code (unknown codes in an edited catalogue get weight 1)
_CIRCLE_WEIGHTS: Final = {
    "potential": 25,
    "contacted": 25,
    "bought_once": 20,
    "regular": 20,
    "key": 10,
}
_SOURCE_WEIGHTS: Final = {
    "site": 25,
    "call": 15,
    "email": 8,
    "fair": 10,
    "referral": 15,
    "advertising": 8,
    "cold_call": 10,
    "tender": 5,
    "other": 4,
}
# (roles, weight)
_ROLE_SETS: Final = (
    (frozenset({"client"}), 76),
    (frozenset({"client", "dealer"}), 6),
    (frozenset({"supplier"}), 6),
    (frozenset({"client", "supplier"}), 3),
    (frozenset({"carrier"}), 5),
    (frozenset({"competitor"}), 4),
)
_ALL_ROLES: Final = ("client", "supplier", "dealer", "competitor", "carrier", "other")
_LEGAL_FORM_NAMES: Final = {
    "ooo": ("Общество с ограниченной ответственностью", "ООО"),
    "ao": ("Акционерное общество", "АО"),
    "pao": ("Публичное акционерное общество", "ПАО"),
}
_BORN_FROM: Final = date(1960, 1, 1).toordinal()
_BORN_TO: Final = date(2000, 12, 31).toordinal()
_COMPANY_MAILBOXES: Final = ("info", "office", "sales", "zakaz", "mail")
_LEGAL_CODES: Final = ("ooo", "ao", "pao")
_LEGAL_WEIGHTS: Final = (82, 15, 3)

_TRANSLIT: Final = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
    }
)  # fmt: skip


def _translit(text: str) -> str:
    """Latin letters, digits and hyphens for a mailbox or domain name."""
    latin = text.lower().translate(_TRANSLIT)
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in latin).split())


# --- the generator ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Refs:
    """Ids from the database the generated rows point to (catalogues, owners)."""

    legal_forms: dict[str, uuid.UUID]
    circles: list[tuple[uuid.UUID, int]]
    sources: list[tuple[uuid.UUID, int]]
    client_kinds: dict[str, uuid.UUID]
    contact_kinds: dict[str, uuid.UUID]
    owners: dict[str, uuid.UUID]  # login → id; demo users that can own clients
    fallback_owner: uuid.UUID | None


Row = dict[str, Any]
Owner = tuple[str, uuid.UUID]  # ("client" | "contact", id) of a channel's owner

# Tables in the order their rows can be inserted (foreign keys point backwards).
_BATCH_MODELS: Final[tuple[type[Entity], ...]] = (
    Client,
    Counterparty,
    Contact,
    BankAccount,
    Channel,
    ClientContact,
    CounterpartyContact,
    ClientRelation,
    ContactRelation,
)


@dataclass
class _Batch:
    """The rows of one batch, per table, without the Entity bookkeeping columns."""

    rows: dict[type[Entity], list[Row]] = field(
        default_factory=lambda: {model: [] for model in _BATCH_MODELS}
    )

    def add(self, model: type[Entity], **values: Any) -> uuid.UUID:
        row_id = new_id()
        self.rows[model].append({"id": row_id, **values})
        return row_id

    def count(self, model: type[Entity]) -> int:
        return len(self.rows[model])


@dataclass(frozen=True)
class _Person:
    last: str
    first: str
    middle: str
    female: bool

    @property
    def full(self) -> str:
        return f"{self.last} {self.first} {self.middle}"

    @property
    def short(self) -> str:
        return f"{self.last} {self.first[0]}. {self.middle[0]}."


@dataclass(frozen=True)
class _PastClient:
    id: uuid.UUID
    industry: str
    is_supplier: bool
    accountant: uuid.UUID | None  # a contact that could also serve another client


class _Factory:
    """Makes the rows of one client after another from a seeded Faker and Random."""

    def __init__(self, refs: _Refs, seed: int | None) -> None:
        self.refs = refs
        self.rng = random.Random(seed)
        self.fake = Faker("ru_RU")
        if seed is not None:
            self.fake.seed_instance(seed)
        self.past: list[_PastClient] = []
        self.used_names: set[str] = set()  # search keys of the client names made so far

    # -- small helpers --

    def _pick(self, items: Sequence[T], weights: Sequence[float] | None = None) -> T:
        if weights is None:
            return items[self.rng.randrange(len(items))]
        return self.rng.choices(items, weights=weights)[0]

    def _chance(self, p: float) -> bool:
        return self.rng.random() < p

    def _digits(self, n: int) -> str:
        return f"{self.rng.randrange(10**n):0{n}d}"

    def _person(self, female: bool) -> _Person:
        middle_male, middle_female = self._pick(_PATRONYMICS)
        if female:
            last = str(self.fake.last_name_female())
            return _Person(last, self._pick(_FEMALE_FIRST), middle_female, True)
        last = str(self.fake.last_name_male())
        return _Person(last, self._pick(_MALE_FIRST), middle_male, False)

    def _address(self, city: _City) -> str:
        postcode = city.postcode_prefix + self._digits(6 - len(city.postcode_prefix))
        street = f"{self.fake.street_name()}, д. {self.fake.building_number()}"
        extra = self._pick(("", "", f", офис {self.rng.randint(1, 950)}", ", стр. 1", ", пом. 2"))
        return f"{postcode}, г. {city.name}, {street}{extra}"

    def _phone(
        self, batch: _Batch, entered: str, *, subkind: str, primary: bool, owner: Owner
    ) -> None:
        phone = v.normalize_phone(entered)
        assert phone is not None
        value, e164 = phone
        self._channel(batch, "phone", subkind, value, e164, primary, owner)

    def _email(self, batch: _Batch, address: str, *, primary: bool, owner: Owner) -> None:
        normalized = v.normalize_email(address)
        assert normalized is not None
        self._channel(batch, "email", None, address, normalized, primary, owner)

    @staticmethod
    def _channel(
        batch: _Batch,
        kind: str,
        subkind: str | None,
        value: str,
        normalized: str,
        primary: bool,
        owner: Owner,
    ) -> None:
        owner_kind, owner_id = owner
        batch.add(
            Channel,
            client_id=owner_id if owner_kind == "client" else None,
            contact_id=owner_id if owner_kind == "contact" else None,
            kind=kind,
            subkind=subkind,
            value=value,
            normalized=normalized,
            is_primary=primary,
            comment=None,
        )

    def _city_phone(self, city: _City) -> str:
        code = self._pick(city.phone_codes)
        rest = str(self.rng.randint(2, 9)) + self._digits(9 - len(code))
        if len(code) == 3:
            return f"+7 ({code}) {rest[:3]}-{rest[3:5]}-{rest[5:]}"
        return f"+7 ({code}) {rest[:-4]}-{rest[-4:-2]}-{rest[-2:]}"

    def _mobile(self) -> str:
        code, rest = self._pick(_MOBILE_CODES), self._digits(7)
        if self._chance(0.3):
            return f"8 ({code}) {rest[:3]}-{rest[3:5]}-{rest[5:]}"
        return f"+7 {code} {rest[:3]}-{rest[3:5]}-{rest[5:]}"

    # -- names --

    def _name_candidate(self, industry: _Industry, shop: bool) -> tuple[str, str]:
        """(the client name with ``{}`` for the brand, the brand)."""
        if shop:
            return f"{self._pick(_SHOP_KINDS)} «{{}}»", self._pick(_SHOP_BRANDS)
        if industry is _CATERING:
            return f"{self._pick(_RESTAURANT_KINDS)} «{{}}»", self._pick(_RESTAURANT_BRANDS)
        pattern = self.rng.random()
        if pattern < 0.35:
            brand = self._pick(_REGION_PREFIXES) + self._pick(industry.roots)
        elif pattern < 0.65:
            brand = f"{self._pick(_BRANDS)}-{self._pick(industry.suffixes)}"
        elif pattern < 0.8:
            brand = self._pick(_BRANDS)
        elif pattern < 0.92:
            brand = self._pick(_BRANDS)
            if self._chance(0.5):
                brand = self._pick(_REGION_PREFIXES) + self._pick(industry.roots)
            brand = f"{self._pick(industry.abbreviations)} {brand}"
        else:
            brand = f"{self.fake.last_name_male()} и партнёры"
        return "{}", brand

    def _client_name(self, industry: _Industry, shop: bool) -> tuple[str, str]:
        """(client name, the name in the counterparty's quotes), mostly unique in this run."""
        for _ in range(3):
            template, brand = self._name_candidate(industry, shop)
            if self._claim(template.format(brand)):
                return template.format(brand), brand
        # «Вектор-М», but «Вектор-Строй Плюс» rather than «Вектор-Строй-М»
        compound = "-" in brand or " " in brand
        qualifiers = [q for q in _QUALIFIERS if q.startswith(" ")] if compound else _QUALIFIERS
        for _ in range(30):
            qualified = brand + self._pick(qualifiers)
            if self._claim(template.format(qualified)):
                return template.format(qualified), qualified
        return template.format(brand), brand  # a namesake now and then, as in real life

    def _claim(self, name: str) -> bool:
        key = v.search_key(name)
        if key in self.used_names:
            return False
        self.used_names.add(key)
        return True

    # -- one client --

    def client(self, batch: _Batch) -> None:
        """The rows of one client and everything around it."""
        rng = self.rng
        roles = self._pick([r for r, _ in _ROLE_SETS], [w for _, w in _ROLE_SETS])
        industry = self._pick(INDUSTRIES, [i.weight for i in INDUSTRIES])
        if "carrier" in roles:
            industry = _LOGISTICS
        city = self._pick(CITIES, [c.weight for c in CITIES])
        sole_trader = "client" in roles and industry is not _CATERING and self._chance(0.12)
        director = self._person(female=self._chance(0.3))
        if sole_trader:
            if self._chance(0.5):
                name = f"ИП {director.short}"
                self._claim(name)
            else:
                name, _ = self._client_name(industry, shop=True)
            brand = name
            head_count = rng.randint(1, 15)
            legal_code = "ip"
            domain = f"{_translit(director.last)}.example"
        else:
            name, brand = self._client_name(industry, shop=False)
            legal_code = self._pick(_LEGAL_CODES, _LEGAL_WEIGHTS)
            head_count = max(3, min(20_000, int(rng.lognormvariate(3.4, 1.1))))
            if legal_code != "ooo":
                head_count *= 4
            domain = f"{_translit(brand)}.example"

        client_id = batch.add(
            Client,
            name=name,
            search_key=v.search_key(name),
            circle_id=self._circle(roles),
            owner_id=self._owner(roles, city),
            source_id=self._source(),
            industry=industry.name,
            head_count=head_count,
            notes=self._pick(_CLIENT_NOTES) if self._chance(0.3) else None,
            is_archived=False,
            **{f"is_{role}": role in roles for role in _ALL_ROLES},
        )
        owner: Owner = ("client", client_id)
        self._phone(batch, self._city_phone(city), subkind="work", primary=True, owner=owner)
        mailbox = self._pick(_COMPANY_MAILBOXES)
        self._email(batch, f"{mailbox}@{domain}", primary=True, owner=owner)

        # counterparties: the main one, sometimes the owner's ИП or a trading house as well
        main_cp = self._counterparty(batch, client_id, legal_code, brand, director, city)
        entrepreneur_cp = main_cp if legal_code == "ip" else None
        if legal_code != "ip" and self._chance(0.25):
            if self._chance(0.5):
                entrepreneur_cp = self._counterparty(batch, client_id, "ip", brand, director, city)
            else:
                second = f"{brand} Плюс" if " " in brand else f"ТД {brand}"
                self._counterparty(batch, client_id, "ooo", second, director, city)

        # contacts: the head first, then a few of the staff
        position, role = _ENTREPRENEUR if legal_code == "ip" else _DIRECTOR
        boss = self._contact(batch, client_id, director, position, role, domain, primary=True)
        self._cp_link(batch, main_cp, boss, position, _SIGNER_ROLE)
        if entrepreneur_cp is not None and entrepreneur_cp != main_cp:
            self._cp_link(batch, entrepreneur_cp, boss, _ENTREPRENEUR[0], _SIGNER_ROLE)
        shared = [p for p in self.past[-300:] if p.accountant is not None]
        if shared and self._chance(0.02):  # an outsourced accountant serving two clients
            other = self._pick(shared)
            batch.add(
                ClientContact,
                client_id=client_id,
                contact_id=other.accountant,
                position="Бухгалтер (аутсорсинг)",
                role="Бухгалтер",
                is_primary=False,
            )
        accountant: uuid.UUID | None = None
        jobs = {position}
        staff_count = self._pick((0, 1, 1, 2, 2)) if legal_code != "ip" else self._pick((0, 0, 1))
        for job, job_role, female_chance, _ in rng.sample(
            _STAFF, k=staff_count, counts=[w for *_, w in _STAFF]
        ):
            if job in jobs:
                continue
            jobs.add(job)
            person = self._person(female=self._chance(female_chance))
            contact = self._contact(batch, client_id, person, job, job_role, domain, primary=False)
            if self._chance(0.6):
                self._contact_relation(batch, contact, boss, "reports_to")
            if job == "Главный бухгалтер":
                accountant = contact
                self._cp_link(batch, main_cp, contact, job, _ACCOUNTANT_CP_ROLE)
        if self.past and self._chance(0.01):
            other = self._pick(self.past[-300:])
            if other.accountant is not None:
                self._contact_relation(batch, boss, other.accountant, "colleague")

        self._client_relations(batch, client_id, roles, industry)
        self.past.append(_PastClient(client_id, industry.name, "supplier" in roles, accountant))

    def _source(self) -> uuid.UUID | None:
        sources = self.refs.sources
        return self._pick([s for s, _ in sources], [w for _, w in sources]) if sources else None

    def _circle(self, roles: frozenset[str]) -> uuid.UUID | None:
        if "client" not in roles or not self.refs.circles:
            return None
        circles = self.refs.circles
        return self._pick([c for c, _ in circles], [w for _, w in circles])

    def _owner(self, roles: frozenset[str], city: _City) -> uuid.UUID | None:
        if "client" not in roles and ("supplier" in roles or "carrier" in roles):
            department = PURCHASING
        elif city.name == "Москва":
            department = MOSCOW_SALES
        else:
            department = REGIONAL_SALES
        logins = [u[0] for u in DEMO_USERS if u[3] == department]
        if "client" in roles and self._chance(0.04):
            logins = [_SUPERVISOR]  # the head of sales keeps a few accounts herself
        login = self._pick(logins)
        owner = self.refs.owners.get(login)
        if owner is None and self.refs.owners:
            owner = self.refs.owners[min(self.refs.owners)]
        return owner or self.refs.fallback_owner

    def _counterparty(
        self,
        batch: _Batch,
        client_id: uuid.UUID,
        legal_code: str,
        brand: str,
        person: _Person,
        city: _City,
    ) -> uuid.UUID:
        if legal_code == "ip":
            full_name = f"Индивидуальный предприниматель {person.full}"
            short_name = f"ИП {person.short}"
            inn, kpp = str(self.fake.individuals_inn()), None
            ogrn = str(self.fake.individuals_ogrn())
        else:
            full_form, short_form = _LEGAL_FORM_NAMES[legal_code]
            full_name = f'{full_form} "{brand}"'
            short_name = f'{short_form} "{brand}"'
            inn = str(self.fake.businesses_inn())
            # the tax office of the INN; «43» is the reason code of a branch
            kpp = inn[:4] + self._pick(("01001", "01001", "01001", "43001"))
            ogrn = str(self.fake.businesses_ogrn())
        legal_address = self._address(city)
        counterparty_id = batch.add(
            Counterparty,
            client_id=client_id,
            legal_form_id=self.refs.legal_forms[legal_code],
            full_name=full_name,
            short_name=short_name,
            search_key=v.search_key(short_name),
            inn=inn,
            kpp=kpp,
            ogrn=ogrn,
            legal_address=legal_address,
            postal_address=legal_address if self._chance(0.7) else self._address(city),
            notes=None,
        )
        weights = _SPB_BANK_WEIGHTS if city.name == "Санкт-Петербург" else _BANK_WEIGHTS
        bank = self._pick(BANKS, weights)
        prefix = "40802810" if legal_code == "ip" else "40702810"
        batch.add(
            BankAccount,
            counterparty_id=counterparty_id,
            bik=bank.bik,
            account=v.with_account_key(bank.bik, prefix + self._digits(11)),
            corr_account=bank.corr_account,
            bank_name=bank.name,
            is_main=True,
        )
        return counterparty_id

    def _contact(
        self,
        batch: _Batch,
        client_id: uuid.UUID,
        person: _Person,
        position: str,
        role: str,
        domain: str,
        *,
        primary: bool,
    ) -> uuid.UUID:
        birthday = None
        if self._chance(0.6):
            birthday = date.fromordinal(self.rng.randint(_BORN_FROM, _BORN_TO))
        contact_id = batch.add(
            Contact,
            last_name=person.last,
            first_name=person.first,
            middle_name=person.middle,
            search_key=v.search_key(person.full),
            position=position,
            birthday=birthday,
            notes=None,
        )
        owner: Owner = ("contact", contact_id)
        self._phone(batch, self._mobile(), subkind="mobile", primary=True, owner=owner)
        if self._chance(0.2):
            extension = f" доб. {self.rng.randint(100, 599)}"
            work = self._city_phone(self._pick(CITIES, [c.weight for c in CITIES]))
            self._phone(batch, work + extension, subkind="work", primary=False, owner=owner)
        if self._chance(0.8):
            mailbox = f"{_translit(person.first)[0]}.{_translit(person.last)}"
            self._email(batch, f"{mailbox}@{domain}", primary=True, owner=owner)
        batch.add(
            ClientContact,
            client_id=client_id,
            contact_id=contact_id,
            position=position,
            role=role,
            is_primary=primary,
        )
        return contact_id

    @staticmethod
    def _cp_link(
        batch: _Batch,
        counterparty_id: uuid.UUID,
        contact_id: uuid.UUID,
        position: str,
        role: str,
    ) -> None:
        batch.add(
            CounterpartyContact,
            counterparty_id=counterparty_id,
            contact_id=contact_id,
            position=position,
            role=role,
        )

    def _contact_relation(
        self, batch: _Batch, from_id: uuid.UUID, to_id: uuid.UUID, kind: str
    ) -> None:
        kind_id = self.refs.contact_kinds.get(kind)
        if kind_id is not None and from_id != to_id:
            batch.add(
                ContactRelation,
                from_contact_id=from_id,
                to_contact_id=to_id,
                kind_id=kind_id,
                comment=None,
            )

    def _client_relations(
        self, batch: _Batch, client_id: uuid.UUID, roles: frozenset[str], industry: _Industry
    ) -> None:
        """A few links to clients made before: dealers, holdings, branches, competitors."""
        recent = self.past[-500:]
        if not recent:
            return
        relations: list[tuple[uuid.UUID, uuid.UUID, str]] = []  # (from, to, kind)
        if "dealer" in roles and self._chance(0.7):
            suppliers = [p for p in recent if p.is_supplier]
            if suppliers:
                relations.append((client_id, self._pick(suppliers).id, "dealer"))
        roll = self.rng.random()
        if roll < 0.025:  # an earlier client is this one's holding (managing) company
            relations.append((self._pick(recent).id, client_id, "holding"))
        elif roll < 0.035:
            relations.append((client_id, self._pick(recent).id, "branch"))
        elif roll < 0.045:
            relations.append((client_id, self._pick(recent).id, "partner"))
        elif roll < 0.065 or "competitor" in roles:
            same = [p for p in recent if p.industry == industry.name]
            if same:
                relations.append((client_id, self._pick(same).id, "competitor"))
        for from_id, to_id, kind in relations:
            kind_id = self.refs.client_kinds.get(kind)
            if kind_id is not None:
                batch.add(
                    ClientRelation,
                    from_client_id=from_id,
                    to_client_id=to_id,
                    kind_id=kind_id,
                    comment=None,
                )


# --- database side ----------------------------------------------------------------------------


def _ensure_staff(session: Session) -> tuple[dict[str, uuid.UUID], int]:
    """Departments and demo users, created only if absent: (login → user id, users created)."""
    departments: dict[str, uuid.UUID] = {}
    for name, parent in DEPARTMENTS:
        department = session.scalars(
            select(Department)
            .where(Department.name == name, Department.deleted_at.is_(None))
            .order_by(Department.created_at, Department.id)
            .limit(1)
        ).first()
        if department is None:
            department = Department(
                id=new_id(),
                name=name,
                parent_id=departments.get(parent) if parent is not None else None,
            )
            session.add(department)
            session.flush()
        departments[name] = department.id
    logins = [login for login, *_ in DEMO_USERS]
    existing = {u.login: u for u in session.scalars(select(User).where(User.login.in_(logins)))}
    created = 0
    for login, full_name, role, department_name in DEMO_USERS:
        if login in existing:
            continue
        surname = _translit(full_name.split()[0])
        user = User(
            id=new_id(),
            login=login,
            full_name=full_name,
            email=f"{surname}@{_USER_MAIL_DOMAIN}",
            role=role,
            department_id=departments[department_name],
            is_active=True,
        )
        session.add(user)
        existing[login] = user
        created += 1
    session.flush()
    owners = {
        login: user.id
        for login, user in existing.items()
        if user.deleted_at is None and user.is_active
    }
    return owners, created


def _catalogue(session: Session, model: type[Any]) -> dict[str, uuid.UUID]:
    rows = session.execute(
        select(model.code, model.id)
        .where(model.deleted_at.is_(None))
        .order_by(model.sort_order, model.code)
    ).all()
    return {str(code): row_id for code, row_id in rows}


def _refs(session: Session, owners: dict[str, uuid.UUID], actor: Actor | None) -> _Refs:
    legal_forms = _catalogue(session, LegalForm)
    missing = {"ooo", "ao", "pao", "ip"} - set(legal_forms)
    if missing:
        raise RuntimeError(f"legal forms missing from the catalogue: {sorted(missing)}")
    circles = _catalogue(session, ClientCircle)
    sources = _catalogue(session, InfoSource)
    kinds = session.execute(
        select(RelationKind.code, RelationKind.id, RelationKind.applies_to).where(
            RelationKind.deleted_at.is_(None)
        )
    ).all()
    return _Refs(
        legal_forms=legal_forms,
        circles=[(cid, _CIRCLE_WEIGHTS.get(code, 1)) for code, cid in circles.items()],
        sources=[(sid, _SOURCE_WEIGHTS.get(code, 1)) for code, sid in sources.items()],
        client_kinds={str(code): kid for code, kid, applies in kinds if applies == "client"},
        contact_kinds={str(code): kid for code, kid, applies in kinds if applies == "contact"},
        owners=owners,
        fallback_owner=actor.user_id if actor is not None else None,
    )


def _defaults(table: Table) -> Row:
    """Values for the columns a generated row leaves out: scalar column defaults, else NULL."""
    return {
        column.key: column.default.arg
        if isinstance(column.default, ScalarElementColumnDefault)
        else None
        for column in table.columns
    }


def _fill_search_text(batch: _Batch) -> None:
    """``search_text`` as services.search builds it: names, INNs, phones, e-mails."""
    phones: dict[uuid.UUID, list[str]] = {}
    emails: dict[uuid.UUID, list[str]] = {}
    for channel in batch.rows[Channel]:
        owner: uuid.UUID = channel.get("client_id") or channel["contact_id"]
        if channel["kind"] == "phone":
            phones.setdefault(owner, []).append(channel["normalized"])
        elif channel["kind"] == "email":
            emails.setdefault(owner, []).append(channel["normalized"])
    inns: dict[uuid.UUID, list[str]] = {}
    for cp in batch.rows[Counterparty]:
        cp["match_key"] = v.match_key(cp["short_name"])
        cp["search_text"] = search.build_search_text(
            [cp["short_name"], cp["full_name"]], inns=[cp["inn"]], extra=[cp["ogrn"]]
        )
        if cp.get("client_id") is not None and cp["inn"]:
            inns.setdefault(cp["client_id"], []).append(cp["inn"])
    for client in batch.rows[Client]:
        key = client["id"]
        client["match_key"] = v.match_key(client["name"])
        client["search_text"] = search.build_search_text(
            [client["name"]],
            inns=inns.get(key, ()),
            phones=phones.get(key, ()),
            emails=emails.get(key, ()),
        )
    for contact in batch.rows[Contact]:
        key = contact["id"]
        full = " ".join(
            p for p in (contact["last_name"], contact["first_name"], contact["middle_name"]) if p
        )
        contact["search_text"] = search.build_search_text(
            [full], phones=phones.get(key, ()), emails=emails.get(key, ())
        )


def _write(db: Database, actor: Actor | None, batch: _Batch) -> None:
    """One batch in one transaction, with what the ORM and the audit hook would add.

    Each row gets the Entity bookkeeping (version 1, created/updated at and by the actor) and an
    ``AuditEntry`` "create" row like those ``services.audit`` writes on a flush.
    """
    user_id = actor.user_id if actor is not None else None
    now = utcnow()
    bookkeeping: Row = {
        "created_at": now,
        "updated_at": now,
        "version": 1,
        "deleted_at": None,
        "created_by_id": user_id,
        "updated_by_id": user_id,
    }
    audit: list[Row] = []
    _fill_search_text(batch)
    with write_unit(db, actor) as session:
        for model in _BATCH_MODELS:
            rows = batch.rows[model]
            if not rows:
                continue
            table = model.__table__
            assert isinstance(table, Table)
            defaults = _defaults(table)
            session.execute(insert(table), [{**defaults, **row, **bookkeeping} for row in rows])
            audit.extend(
                {
                    "id": new_id(),
                    "entity": table.name,
                    "entity_id": row["id"],
                    "action": "create",
                    "field": None,
                    "old_value": None,
                    "new_value": None,
                    "user_id": user_id,
                    "at": now,
                }
                for row in rows
            )
        if audit:
            audit_table = AuditEntry.__table__
            assert isinstance(audit_table, Table)
            session.execute(insert(audit_table), audit)


def _requisites_actor(actor: Actor | None, owners: dict[str, uuid.UUID]) -> Actor | None:
    """Who writes our company's requisites: the actor if a supervisor may (or nobody is named),
    else the demo supervisor (only a supervisor changes our requisites)."""
    if actor is None or actor.is_supervisor:
        return actor
    supervisor = owners.get(_SUPERVISOR)
    if supervisor is None:
        return None
    full_name = next(name for login, name, *_ in DEMO_USERS if login == _SUPERVISOR)
    return Actor(supervisor, _SUPERVISOR, full_name, "supervisor")


def generate(
    db: Database,
    actor: Actor | None,
    *,
    clients: int,
    seed: int | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    batch_size: int = 500,
    deals: int | None = None,
    extras: bool = True,
) -> DemoSummary:
    """Fill ``db`` with ``clients`` demo clients and everything around them, then deals.

    Writes ``batch_size`` clients per transaction and calls ``progress(done, clients)`` after
    each; stops between batches once ``cancelled()`` is true (committed batches stay).
    ``deals`` (default: half the clients, at most 600) demo deals follow, spread over every
    stage and outcome (:mod:`crm_desktop.services.demo_deals`), then (unless ``extras`` is
    false) claims, interactions, tasks and leads — the leads' conversions add clients of their
    own.
    """
    if clients < 0:
        raise ValueError(f"clients must not be negative: {clients}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive: {batch_size}")
    started = time.perf_counter()
    with write_unit(db, actor) as session:
        owners, users_created = _ensure_staff(session)
        refs = _refs(session, owners, actor)
    products = 0
    company = False
    if clients and not (cancelled is not None and cancelled()):
        from crm_desktop.services.demo_deals import ensure_catalogue, ensure_own_company

        company = ensure_own_company(db, _requisites_actor(actor, owners))
        products = ensure_catalogue(db, actor)
    factory = _Factory(refs, seed)
    done = counterparties = contacts = 0
    while done < clients:
        if cancelled is not None and cancelled():
            break
        batch = _Batch()
        size = min(batch_size, clients - done)
        for _ in range(size):
            factory.client(batch)
        _write(db, actor, batch)
        done += size
        counterparties += batch.count(Counterparty)
        contacts += batch.count(Contact)
        if progress is not None:
            progress(done, clients)
    made_deals = 0
    if done and not (cancelled is not None and cancelled()):
        from crm_desktop.services.demo_deals import generate_deals

        wanted = min(done // 2, 600) if deals is None else deals
        made_deals = generate_deals(db, actor, deals=wanted, seed=seed, cancelled=cancelled)
    made_claims = 0
    if extras and done and not (cancelled is not None and cancelled()):
        from crm_desktop.services.demo_claims import create_demo_claims

        made_claims = create_demo_claims(
            db,
            actor,
            random.Random(seed),
            min(max(done // 5, 12), 300),
            cancelled=cancelled,
        )
    made = None
    if extras and done and not (cancelled is not None and cancelled()):
        from crm_desktop.services.demo_activities import create_demo_activities

        made = create_demo_activities(
            db, actor, random.Random(seed), clients=done, cancelled=cancelled
        )
    return DemoSummary(
        clients=done,
        counterparties=counterparties,
        contacts=contacts,
        users=users_created,
        elapsed_s=time.perf_counter() - started,
        deals=made_deals,
        products=products,
        company=company,
        claims=made_claims,
        interactions=made.interactions if made else 0,
        tasks=made.tasks if made else 0,
        leads=made.leads if made else 0,
        converted_leads=made.converted if made else 0,
    )
