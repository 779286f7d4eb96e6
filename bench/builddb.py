"""Build a big SQLite database for the list benchmarks, fast.

The schema comes from the migrations (``crm_desktop.db.upgrade``); the rows are generated here
(``services.demo`` makes richer data but needs ~14 s per 10,000 clients) and written with Core
``executemany`` in batches, with the search index triggers and secondary indexes dropped during
the load and recreated after it (``'rebuild'`` fills the FTS5 tables in one pass).

Each client gets a counterparty (valid INN/KPP/OGRN), a work phone and an e-mail; each contact a
mobile phone, mostly an e-mail, and a link to a client. Names are built from the demo data's
word lists, search keys and search texts by the same functions the services use. About 2% of
the clients are archived and 1% deleted, so the default filter has something to filter.
"""

from __future__ import annotations

import random
import sqlite3
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, insert

from crm_desktop.db import open_database, sqlite_url, upgrade
from crm_desktop.models import (
    Channel,
    Client,
    ClientContact,
    Contact,
    Counterparty,
    new_id,
)
from crm_desktop.services import demo, search
from crm_desktop.services import validation as v
from crm_desktop.services.parties import catalogue
from crm_desktop.services.users import ensure_user

BATCH = 5_000
LOADED_TABLES = ("client", "counterparty", "contact", "channel", "client_contact")
POSITIONS = (
    "Генеральный директор",
    "Главный бухгалтер",
    "Менеджер по закупкам",
    "Коммерческий директор",
    "Начальник отдела снабжения",
    "Офис-менеджер",
    "Финансовый директор",
    "Главный инженер",
)


_search_key = lru_cache(maxsize=1_000_000)(v.search_key)
_match_key = lru_cache(maxsize=1_000_000)(v.match_key)


def _search_text(name: str, **parts: Any) -> str:
    """``search.build_search_text([name], **parts)``, with the name's key computed once."""
    rest = search.build_search_text([], **parts)
    key = _search_key(name)
    return f"{key} {rest}" if key and rest else key or rest


def _inn10(rng: random.Random) -> str:
    digits = [rng.randrange(10) for _ in range(9)]
    digits[0] = rng.randrange(1, 10)
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    check = sum(w * d for w, d in zip(weights, digits, strict=True)) % 11 % 10
    return "".join(map(str, digits)) + str(check)


def _ogrn(rng: random.Random) -> str:
    body = f"1{rng.randrange(10**11):011d}"
    return body + str(int(body) % 11 % 10)


class _Names:
    """Client and person names from the demo word lists, many of them, some alike."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        faker = demo.Faker("ru_RU")
        faker.seed_instance(rng.randrange(10**9))
        self.male_last = sorted({str(faker.last_name_male()) for _ in range(4000)})
        self.female_last = sorted({str(faker.last_name_female()) for _ in range(4000)})

    def client(self) -> tuple[str, str]:
        """(name, industry)"""
        rng = self.rng
        industry = rng.choices(demo.INDUSTRIES, [i.weight for i in demo.INDUSTRIES])[0]
        roll = rng.random()
        if not industry.roots or roll < 0.08:
            kind = rng.choice(demo._RESTAURANT_KINDS + demo._SHOP_KINDS)
            brand = rng.choice(demo._RESTAURANT_BRANDS + demo._SHOP_BRANDS)
            name = f"{kind} «{brand}»"
        elif roll < 0.4:
            name = rng.choice(demo._REGION_PREFIXES) + rng.choice(industry.roots)
        elif roll < 0.7:
            name = f"{rng.choice(demo._BRANDS)}-{rng.choice(industry.suffixes)}"
        elif roll < 0.82:
            name = f"{rng.choice(industry.abbreviations)} {rng.choice(demo._BRANDS)}"
        elif roll < 0.92:
            name = f"{rng.choice(self.male_last)} и партнёры"
        else:
            first = rng.choice(demo._MALE_FIRST)
            middle = rng.choice(demo._PATRONYMICS)[0]
            name = f"ИП {rng.choice(self.male_last)} {first[0]}. {middle[0]}."
        if rng.random() < 0.6:
            name += rng.choice(demo._QUALIFIERS)
        if rng.random() < 0.3:
            name += f" ({rng.choice(demo.CITIES).name})"
        return name, industry.name

    def person(self) -> tuple[str, str, str]:
        rng = self.rng
        male, female = rng.choice(demo._PATRONYMICS)
        if rng.random() < 0.45:
            return rng.choice(self.female_last), rng.choice(demo._FEMALE_FIRST), female
        return rng.choice(self.male_last), rng.choice(demo._MALE_FIRST), male


def _city_phone(rng: random.Random) -> tuple[str, str]:
    city = rng.choices(demo.CITIES, [c.weight for c in demo.CITIES])[0]
    code = rng.choice(city.phone_codes)
    rest = str(rng.randint(2, 9)) + f"{rng.randrange(10 ** (9 - len(code))):0{9 - len(code)}d}"
    if len(code) == 3:
        shown = f"+7 ({code}) {rest[:3]}-{rest[3:5]}-{rest[5:]}"
    else:
        shown = f"+7 ({code}) {rest[:-4]}-{rest[-4:-2]}-{rest[-2:]}"
    return shown, f"+7{code}{rest}"


def _mobile(rng: random.Random) -> tuple[str, str]:
    code, rest = rng.choice(demo._MOBILE_CODES), f"{rng.randrange(10**7):07d}"
    prefix = "8" if rng.random() < 0.3 else "+7"
    return f"{prefix} {code} {rest[:3]}-{rest[3:5]}-{rest[5:]}", f"+7{code}{rest}"


class _Refs:
    def __init__(self, path: Path) -> None:
        db = open_database(sqlite_url(path))
        try:
            upgrade(db)
            self.actor = ensure_user(db, "bench", "Бенчмарк Борис Борисович")
            self.owners = [
                ensure_user(db, login, full_name, role).user_id
                for login, full_name, role, _ in demo.DEMO_USERS
            ]
            self.circles = [c.id for c in catalogue(db, "client_circle")]
            forms = {f.code: f.id for f in catalogue(db, "legal_form")}
            self.forms = [("ООО", "Общество с ограниченной ответственностью", forms["ooo"])]
            self.forms.append(("АО", "Акционерное общество", forms["ao"]))
        finally:
            db.dispose()


def _bookkeeping(user_id: uuid.UUID, at: datetime) -> dict[str, Any]:
    return {
        "created_at": at,
        "updated_at": at,
        "version": 1,
        "deleted_at": None,
        "created_by_id": user_id,
        "updated_by_id": user_id,
    }


def _batches(refs: _Refs, rows: int, seed: int) -> Iterator[dict[str, list[dict[str, Any]]]]:
    rng = random.Random(seed)
    names = _Names(rng)
    now = datetime.now(UTC)
    user = refs.actor.user_id
    done = 0
    while done < rows:
        size = min(BATCH, rows - done)
        out: dict[str, list[dict[str, Any]]] = {t: [] for t in LOADED_TABLES}
        for _ in range(size):
            at = now - timedelta(seconds=rng.randrange(10 * 365 * 86400))
            book = _bookkeeping(user, at)
            name, industry = names.client()
            client_id = new_id()
            phone, e164 = _city_phone(rng)
            key = _search_key(name)
            brand = key.split()[0] if key else "client"
            email = f"{rng.choice(demo._COMPANY_MAILBOXES)}@{demo._translit(brand)}.example"
            inn = _inn10(rng)
            short_form, full_form, form_id = rng.choice(refs.forms)
            roles = rng.choices([r for r, _ in demo._ROLE_SETS], [w for _, w in demo._ROLE_SETS])[0]
            deleted = rng.random() < 0.01
            out["client"].append(
                {
                    **book,
                    "id": client_id,
                    "name": name,
                    "search_key": key,
                    "search_text": _search_text(name, inns=[inn], phones=[e164], emails=[email]),
                    "match_key": _match_key(name),
                    "merged_into_id": None,
                    **{f"is_{role}": role in roles for role in demo._ALL_ROLES},
                    "circle_id": rng.choice(refs.circles) if "client" in roles else None,
                    "owner_id": rng.choice(refs.owners),
                    "source_id": None,
                    "industry": industry if rng.random() < 0.9 else None,
                    "head_count": rng.randint(3, 500),
                    "notes": None,
                    "is_archived": rng.random() < 0.02,
                    "deleted_at": at if deleted else None,
                }
            )
            short_name = f"{short_form} «{name}»"
            out["counterparty"].append(
                {
                    **book,
                    "id": new_id(),
                    "client_id": client_id,
                    "legal_form_id": form_id,
                    "full_name": f"{full_form} «{name}»",
                    "short_name": short_name,
                    "search_key": _search_key(short_name),
                    "search_text": _search_text(short_name, inns=[inn]),
                    "match_key": _match_key(short_name),
                    "merged_into_id": None,
                    "inn": inn,
                    "kpp": inn[:4] + "01001",
                    "ogrn": _ogrn(rng),
                    "legal_address": None,
                    "postal_address": None,
                    "notes": None,
                }
            )
            for kind, value, normalized in (("phone", phone, e164), ("email", email, email)):
                out["channel"].append(
                    {
                        **book,
                        "id": new_id(),
                        "contact_id": None,
                        "client_id": client_id,
                        "kind": kind,
                        "subkind": "work" if kind == "phone" else None,
                        "value": value,
                        "normalized": normalized,
                        "is_primary": True,
                        "comment": None,
                    }
                )
            # one contact per client
            last, first, middle = names.person()
            full = f"{last} {first} {middle}"
            mobile, mobile_e164 = _mobile(rng)
            mail = f"{demo._translit(first)[0]}.{demo._translit(last)}@{demo._translit(brand)}.ru"
            has_mail = rng.random() < 0.8
            contact_id = new_id()
            out["contact"].append(
                {
                    **book,
                    "id": contact_id,
                    "last_name": last,
                    "first_name": first,
                    "middle_name": middle,
                    "search_key": _search_key(full),
                    "search_text": _search_text(
                        full, phones=[mobile_e164], emails=[mail] if has_mail else []
                    ),
                    "merged_into_id": None,
                    "position": rng.choice(POSITIONS),
                    "birthday": None,
                    "notes": None,
                    "deleted_at": None,
                }
            )
            channels = [("phone", mobile, mobile_e164)]
            if has_mail:
                channels.append(("email", mail, mail))
            for kind, value, normalized in channels:
                out["channel"].append(
                    {
                        **book,
                        "id": new_id(),
                        "contact_id": contact_id,
                        "client_id": None,
                        "kind": kind,
                        "subkind": "mobile" if kind == "phone" else None,
                        "value": value,
                        "normalized": normalized,
                        "is_primary": True,
                        "comment": None,
                    }
                )
            out["client_contact"].append(
                {
                    **book,
                    "id": new_id(),
                    "client_id": client_id,
                    "contact_id": contact_id,
                    "position": None,
                    "role": None,
                    "is_primary": True,
                    "deleted_at": None,
                }
            )
        done += size
        yield out


def _loader_engine(path: Path) -> Engine:
    engine = create_engine(sqlite_url(path))

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode = OFF",
            "synchronous = OFF",
            "foreign_keys = OFF",
            "cache_size = -1000000",
            "temp_store = MEMORY",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def build(path: Path, rows: int, *, seed: int = 1, log: Any = print) -> None:
    """Write ``rows`` clients (and as many counterparties and contacts) into a new ``path``."""
    started = time.perf_counter()
    tmp = path.with_name(path.name + ".building")
    for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    refs = _Refs(tmp)
    engine = _loader_engine(tmp)
    tables: dict[str, Table] = {
        "client": Client.__table__,  # type: ignore[dict-item]
        "counterparty": Counterparty.__table__,  # type: ignore[dict-item]
        "contact": Contact.__table__,  # type: ignore[dict-item]
        "channel": Channel.__table__,  # type: ignore[dict-item]
        "client_contact": ClientContact.__table__,  # type: ignore[dict-item]
    }
    with engine.connect() as conn:
        marks = ",".join(f"'{t}'" for t in LOADED_TABLES)
        with conn.begin():
            saved = conn.exec_driver_sql(
                "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
                f"AND tbl_name IN ({marks}) AND sql IS NOT NULL"
            ).all()
            for kind, name, _sql in saved:
                conn.exec_driver_sql(f"DROP {kind.upper()} {name}")
        log(f"  schema ready, {len(saved)} indexes and triggers set aside for the load")
        done = 0
        for batch in _batches(refs, rows, seed):
            with conn.begin():
                for table_name in LOADED_TABLES:
                    conn.execute(insert(tables[table_name]), batch[table_name])
            done += len(batch["client"])
            if done % 100_000 == 0 or done == rows:
                elapsed = time.perf_counter() - started
                log(f"  {done:,} clients written ({elapsed:.0f} s)")
        with conn.begin():
            for kind, _name, sql in saved:
                if kind == "index":
                    conn.exec_driver_sql(sql)
        log(f"  indexes rebuilt ({time.perf_counter() - started:.0f} s)")
        with conn.begin():
            for table_name in ("client", "counterparty", "contact"):
                conn.exec_driver_sql(
                    f"INSERT INTO {table_name}_fts({table_name}_fts) VALUES ('rebuild')"
                )
            for kind, _name, sql in saved:
                if kind == "trigger":
                    conn.exec_driver_sql(sql)
        log(f"  search index rebuilt ({time.perf_counter() - started:.0f} s)")
    engine.dispose()
    raw = sqlite3.connect(tmp)
    try:
        raw.execute("PRAGMA journal_mode = WAL")
    finally:
        raw.close()
    tmp.replace(path)
    log(f"  built {path} in {time.perf_counter() - started:.0f} s")
