"""Manager comparison and card completeness on fixtures with known numbers, on both backends:
the period, the previous one and a year earlier across a year boundary, changes in %, an empty
period, Feb 29; completeness per owner and circle with its drill-down; progress, cancel, CLI."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from click.testing import CliRunner

from crm_desktop.cli import main
from crm_desktop.errors import ValidationError
from crm_desktop.models import Claim, Client, Deal, DealStageChange, Interaction, Task
from crm_desktop.services import circles
from crm_desktop.services import manager_reports as mr
from crm_desktop.services import parties as p
from crm_desktop.services.manager_reports import Period
from crm_desktop.services.uow import read_unit, write_unit
from crm_desktop.services.users import ensure_user

FROM, TO = date(2026, 12, 15), date(2027, 1, 14)  # 31 days across the year boundary


def at(text: str) -> datetime:
    """An aware UTC moment from "2026-12-20" or "2026-12-20 10:30"."""
    day, _, clock = text.partition(" ")
    hours, _, minutes = (clock or "12:00").partition(":")
    return datetime.combine(date.fromisoformat(day), time(int(hours), int(minutes)), tzinfo=UTC)


# --- periods --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "previous", "year_ago"),
    [
        # any 31 days across New Year: 31 days before, the same dates a year before
        (
            ("2026-12-15", "2027-01-14"),
            ("2026-11-14", "2026-12-14"),
            ("2025-12-15", "2026-01-14"),
        ),
        # whole months: the month before (December of the year before), the same month
        (("2027-01-01", "2027-01-31"), ("2026-12-01", "2026-12-31"), ("2026-01-01", "2026-01-31")),
        (("2027-03-01", "2027-03-31"), ("2027-02-01", "2027-02-28"), ("2026-03-01", "2026-03-31")),
        (("2027-01-01", "2027-03-31"), ("2026-10-01", "2026-12-31"), ("2026-01-01", "2026-03-31")),
        # February: a leap year's has its 29th, and so has the one compared with it
        (("2028-02-01", "2028-02-29"), ("2028-01-01", "2028-01-31"), ("2027-02-01", "2027-02-28")),
        (("2029-02-01", "2029-02-28"), ("2029-01-01", "2029-01-31"), ("2028-02-01", "2028-02-29")),
        # 29 February alone, and a period from it
        (("2028-02-29", "2028-02-29"), ("2028-02-28", "2028-02-28"), ("2027-02-28", "2027-02-28")),
        (("2028-02-10", "2028-03-09"), ("2028-01-12", "2028-02-09"), ("2027-02-10", "2027-03-09")),
    ],
)
def test_comparison_periods(period, previous, year_ago):
    def make(pair):
        return Period(date.fromisoformat(pair[0]), date.fromisoformat(pair[1]))

    current = make(period)
    assert mr.comparison_periods(current.date_from, current.date_to) == (
        current,
        make(previous),
        make(year_ago),
    )


def test_change_pct():
    assert mr.change_pct(3, 2) == Decimal("50.0")
    assert mr.change_pct(1, 3) == Decimal("-66.7")
    assert mr.change_pct(Decimal("1500.00"), Decimal("300.00")) == Decimal("400.0")
    assert mr.change_pct(5, 0) is None
    assert mr.change_pct(None, 5) is None
    assert mr.change_pct(Decimal("25.0"), None) is None
    assert mr.change_pct(0, 4) == Decimal("-100.0")


# --- manager comparison -------------------------------------------------------------------------


@pytest.fixture
def activity(db, actor):
    """Deals, stage history, interactions, tasks and claims of two managers over the three
    periods of FROM..TO (see each line); returns (m1, m2)."""
    m1 = ensure_user(db, "petrov", "Петров Пётр")
    m2 = ensure_user(db, "sidorov", "Сидоров Сидор")
    client = p.create_client(db, actor, p.ClientDraft(name="Ромашка"))
    first = p.catalogue_item_id(db, "deal_stage", "primary_contact")
    numbers = iter(range(1, 1000))

    with write_unit(db, actor) as session:

        def deal(owner, status, closed=None, amount=0, *, history=(), deleted=False):
            row = Deal(
                number=f"Т-{next(numbers):06d}",
                title="Сделка",
                search_key="сделка",
                client_id=client.id,
                kind="manual",
                stage_id=first,
                status=status,
                amount=Decimal(amount),
                probability=0,
                opened_on=date(2025, 1, 1),
                closed_on=date.fromisoformat(closed) if closed else None,
                owner_id=owner.user_id,
                deleted_at=at("2027-01-01") if deleted else None,
            )
            session.add(row)
            session.flush()
            for moment, to_status in history:  # "entered the first stage", then "won"/"lost"
                session.add(
                    DealStageChange(
                        deal_id=row.id,
                        from_stage_id=None if to_status == "open" else first,
                        to_stage_id=first,
                        from_status="open",
                        to_status=to_status,
                        at=at(moment),
                    )
                )

        # m1, the period: A and B won (1,500 ₽); A, C, D, E entered the first stage, A won then
        deal(m1, "won", "2026-12-20", 1000, history=[("2026-12-16", "open"), ("2026-12-20", "won")])
        deal(m1, "won", "2027-01-14", 500, history=[("2026-10-01", "open"), ("2027-01-14", "won")])
        deal(m1, "open", history=[("2026-12-18", "open")])
        deal(m1, "open", history=[("2027-01-14 23:59", "open")])
        deal(m1, "won", "2027-01-20", 999, history=[("2027-01-01", "open"), ("2027-01-20", "won")])
        deal(m1, "lost", "2026-12-20", 50)
        deal(m1, "won", "2026-12-22", 5000, history=[("2026-12-22", "open")], deleted=True)
        # m1, the previous period: F won (300 ₽); F and G entered, F won
        deal(
            m1,
            "won",
            "2026-11-14",
            300,
            history=[("2026-11-14 09:00", "open"), ("2026-11-14 15:00", "won")],
        )
        deal(m1, "lost", "2026-12-01", history=[("2026-11-20", "open"), ("2026-12-01", "lost")])
        # m2: I won in the period (entered and won); J and K a year earlier; L a day too late
        deal(m2, "won", "2027-01-05", 200, history=[("2027-01-02", "open"), ("2027-01-05", "won")])
        deal(m2, "won", "2025-12-15", 100)
        deal(m2, "won", "2026-01-14", 100)
        deal(m2, "won", "2026-01-15", 7)

        def interaction(owner, moment, status="done", deleted=False):
            session.add(
                Interaction(
                    kind="call",
                    subject="Звонок",
                    start_at=at(moment),
                    status=status,
                    responsible_id=owner.user_id,
                    deleted_at=at("2027-01-01") if deleted else None,
                )
            )

        # m1: 3 in the period (its first and last minute included), 2 before, 1 a year earlier
        for moment in ("2026-12-15 00:00", "2027-01-14 23:59", "2026-12-31"):
            interaction(m1, moment)
        interaction(m1, "2027-01-15 00:00")  # the day after
        interaction(m1, "2026-12-20", status="planned")
        interaction(m1, "2026-12-20", deleted=True)
        for moment in ("2026-11-14 00:00", "2026-12-14 23:59"):
            interaction(m1, moment)
        interaction(m1, "2025-12-31")

        def task(owner, due, status, done=None, deleted=False):
            session.add(
                Task(
                    title="Перезвонить",
                    due_at=at(due),
                    assignee_id=owner.user_id,
                    status=status,
                    done_at=at(done) if done else None,
                    deleted_at=at("2027-01-01") if deleted else None,
                )
            )

        # m1, the period: one done late; on time, cancelled and deleted ones are not overdue
        task(m1, "2026-12-20 10:00", "done", "2026-12-21 10:00")
        task(m1, "2026-12-20 10:00", "done", "2026-12-20 09:00")
        task(m1, "2026-12-20 10:00", "cancelled")
        task(m1, "2026-12-20 10:00", "done", "2026-12-25 10:00", deleted=True)
        # m1, the previous period: one still open past its due time, one done late
        task(m1, "2026-11-15 10:00", "open")
        task(m1, "2026-11-19 10:00", "done", "2026-11-20 10:00")

        def claim(culprit, claimed, deleted=False):
            session.add(
                Claim(
                    number=f"Т-{next(numbers):06d}",
                    claimed_on=date.fromisoformat(claimed),
                    partner_id=client.id,
                    essence="Претензия",
                    culprit_user_id=culprit.user_id,
                    status="registered",
                    deleted_at=at("2027-01-01") if deleted else None,
                )
            )

        claim(m1, "2026-12-15")
        claim(m1, "2027-01-14")
        claim(m1, "2026-01-14")  # a year earlier
        claim(m2, "2026-12-20", deleted=True)
    return m1, m2


def test_manager_comparison_across_the_year_boundary(db, actor, activity):
    m1, m2 = activity
    report = mr.manager_comparison(db, FROM, TO)
    assert (report.previous, report.year_ago) == (
        Period(date(2026, 11, 14), date(2026, 12, 14)),
        Period(date(2025, 12, 15), date(2026, 1, 14)),
    )
    assert [r.name for r in report.rows] == [actor.full_name, "Петров Пётр", "Сидоров Сидор"]

    one = report.row(m1.user_id)
    assert one.current == mr.ManagerFigures(
        deals_won=2,
        won_amount=Decimal("1500.00"),
        entered_first_stage=4,
        converted=1,
        interactions_done=3,
        tasks_overdue=1,
        culprit_claims=2,
    )
    assert one.previous == mr.ManagerFigures(
        deals_won=1,
        won_amount=Decimal("300.00"),
        entered_first_stage=2,
        converted=1,
        interactions_done=2,
        tasks_overdue=2,
        culprit_claims=0,
    )
    assert one.year_ago == mr.ManagerFigures(interactions_done=1, culprit_claims=1)
    assert (one.current.conversion_pct, one.previous.conversion_pct) == (
        Decimal("25.0"),
        Decimal("50.0"),
    )
    assert one.year_ago.conversion_pct is None
    assert one.vs_previous == mr.FiguresChange(
        deals_won=Decimal("100.0"),
        won_amount=Decimal("400.0"),
        conversion_pct=Decimal("-50.0"),
        interactions_done=Decimal("50.0"),
        tasks_overdue=Decimal("-50.0"),
        culprit_claims=None,  # the base is 0
    )
    assert one.vs_year_ago == mr.FiguresChange(
        deals_won=None,
        won_amount=None,
        conversion_pct=None,
        interactions_done=Decimal("200.0"),
        tasks_overdue=None,
        culprit_claims=Decimal("100.0"),
    )

    two = report.row(m2.user_id)
    assert two.current == mr.ManagerFigures(
        deals_won=1, won_amount=Decimal("200.00"), entered_first_stage=1, converted=1
    )
    assert two.current.conversion_pct == Decimal("100.0")
    assert two.previous == mr.ManagerFigures()
    assert two.year_ago == mr.ManagerFigures(deals_won=2, won_amount=Decimal("200.00"))
    assert two.vs_previous == mr.FiguresChange(None, None, None, None, None, None)
    assert (two.vs_year_ago.deals_won, two.vs_year_ago.won_amount) == (
        Decimal("-50.0"),
        Decimal("0.0"),
    )

    assert report.row(actor.user_id).current == mr.ManagerFigures()
    total = report.total
    assert total.user_id is None
    assert (total.current.deals_won, total.current.won_amount) == (3, Decimal("1700.00"))
    assert (total.current.entered_first_stage, total.current.converted) == (5, 2)
    assert total.current.conversion_pct == Decimal("40.0")
    assert total.vs_previous.deals_won == Decimal("200.0")
    assert total.vs_year_ago.deals_won == Decimal("50.0")

    only = mr.manager_comparison(db, FROM, TO, user_ids=[m2.user_id])
    assert [r.user_id for r in only.rows] == [m2.user_id]
    assert only.total.current == two.current


def test_an_empty_period_and_a_reversed_one(db, actor, activity):
    report = mr.manager_comparison(db, date(2010, 1, 1), date(2010, 1, 31))
    assert len(report.rows) == 3
    for row in (*report.rows, report.total):
        assert row.current == row.previous == row.year_ago == mr.ManagerFigures()
        assert row.vs_previous == row.vs_year_ago == mr.FiguresChange(*[None] * 6)
    with pytest.raises(ValidationError):
        mr.manager_comparison(db, TO, FROM)


def test_comparison_progress_cancel_csv_and_cli(db, actor, activity):
    seen: list[tuple[int, int]] = []
    report = mr.manager_comparison(db, FROM, TO, progress=lambda *a: seen.append(a))
    assert seen == [(n, 16) for n in range(1, 17)]
    calls = []
    with pytest.raises(mr.ReportCancelled):
        mr.manager_comparison(
            db, FROM, TO, cancelled=lambda: bool(calls.append(1)) or len(calls) > 4
        )
    lines = mr.manager_comparison_csv(report).splitlines()
    assert lines[0] == (
        "Менеджер;Показатель;Период 15.12.2026–14.01.2027;Предыдущий 14.11.2026–14.12.2026;"
        "Изм. к предыдущему, %;Год назад 15.12.2025–14.01.2026;Изм. к году назад, %"
    )
    assert "Петров Пётр;Выиграно сделок;2;1;100,0;0;" in lines
    assert "Петров Пётр;Сумма выигранных, ₽;1500,00;300,00;400,0;0,00;" in lines
    assert "Петров Пётр;Конверсия в выигрыш, %;25,0;50,0;-50,0;;" in lines
    assert "Итого;Выиграно сделок;3;1;200,0;2;50,0" in lines
    assert "Петров Пётр" in mr.manager_comparison_text(report)
    result = CliRunner().invoke(
        main,
        ["--database", db.url, "report", "managers", "--from", FROM.isoformat(), "--to",
         TO.isoformat(), "--format", "csv"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == lines


# --- card completeness ----------------------------------------------------------------------------


@pytest.fixture
def cards(db, actor):
    """Clients of two managers and one without an owner in three circles; then the circles'
    rules get stricter, so some cards fall short. Returns (m1, m2, circle ids by code, names)."""
    m1 = ensure_user(db, "petrov", "Петров Пётр")
    m2 = ensure_user(db, "sidorov", "Сидоров Сидор")
    circle = {item.code: item.id for item in p.catalogue(db, "client_circle")}
    source = p.catalogue(db, "info_source")[0].id
    phone = p.ChannelDraft(kind="phone", value="+7 495 123-45-67")
    email = p.ChannelDraft(kind="email", value="info@example.ru")
    ids = {}

    def client(name, owner, code, channels, **kw):
        made = p.create_client(
            db,
            actor,
            p.ClientDraft(
                name=name,
                owner_id=owner.user_id,
                circle_id=circle[code] if code else None,
                channels=channels,
                **kw,
            ),
        )
        ids[name] = made.id
        return made

    client("А-полный", m1, "contacted", (phone, email))
    client("Б-без почты", m1, "contacted", (phone,))
    client("В-без почты", m1, "contacted", (phone,))
    client("Г-потенциальный", m1, "potential", ())
    client("Д-разовый", m1, "bought_once", (phone,), industry="Стройка", source_id=source)
    client("Е-полный", m2, "contacted", (phone, email))
    client("Ж-ничей", m1, "contacted", (phone,))
    archived = client("З-архив", m1, "contacted", (phone,), is_archived=True)
    gone = client("И-удалён", m1, "contacted", (phone,))
    client("К-без круга", m1, None, ())
    p.delete_client(db, actor, gone.id, gone.version)
    assert archived.is_archived
    with write_unit(db, actor) as session:
        session.get(Client, ids["Ж-ничей"]).owner_id = None
    circles.set_mandatory_fields(db, actor, circle["contacted"], ["phone", "email"])
    circles.set_mandatory_fields(db, actor, circle["potential"], ["industry"])
    return m1, m2, circle, ids


def test_card_completeness_per_owner_and_circle(db, actor, cards):
    m1, m2, circle, ids = cards
    report = mr.card_completeness(db)
    got = [(r.owner, r.circle_id, r.clients, r.complete, r.share_pct) for r in report.rows]
    assert got == [
        ("Петров Пётр", circle["potential"], 1, 0, Decimal("0.0")),
        ("Петров Пётр", circle["contacted"], 3, 1, Decimal("33.3")),
        ("Петров Пётр", circle["bought_once"], 1, 1, Decimal("100.0")),
        ("Сидоров Сидор", circle["contacted"], 1, 1, Decimal("100.0")),
        ("", circle["contacted"], 1, 0, Decimal("0.0")),
    ]
    assert report.rows[-1].owner_id is None
    assert (report.clients, report.complete, report.share_pct) == (7, 3, Decimal("42.9"))
    assert report.rows[1].incomplete == 2

    late = mr.incomplete_clients(db, m1.user_id, circle["contacted"])
    assert [(x.name, x.missing) for x in late] == [
        ("Б-без почты", ("email",)),
        ("В-без почты", ("email",)),
    ]
    assert [(x.id, x.missing) for x in mr.incomplete_clients(db, None, circle["contacted"])] == [
        (ids["Ж-ничей"], ("email",))
    ]
    assert [
        (x.name, x.missing) for x in mr.incomplete_clients(db, m1.user_id, circle["potential"])
    ] == [("Г-потенциальный", ("industry",))]
    assert mr.incomplete_clients(db, m2.user_id, circle["contacted"]) == []

    mine = mr.card_completeness(db, owner_id=m2.user_id)
    assert [(r.owner, r.clients) for r in mine.rows] == [("Сидоров Сидор", 1)]
    today = date.today()
    assert (
        mr.card_completeness(db, today - timedelta(days=1), today + timedelta(days=1)).clients == 7
    )
    empty = mr.card_completeness(db, date(2020, 1, 1), date(2020, 12, 31))
    assert (empty.rows, empty.clients, empty.share_pct) == ((), 0, None)


def test_completeness_in_chunks_with_progress_cancel_and_cli(db, actor, cards):
    seen: list[tuple[int, int]] = []
    chunked = mr.card_completeness(db, chunk=2, progress=lambda *a: seen.append(a))
    assert chunked == mr.card_completeness(db)
    assert seen == [(n, 5) for n in range(1, 6)]  # 7 clients in 4 chunks, then the summing up
    with pytest.raises(mr.ReportCancelled):
        mr.card_completeness(
            db, chunk=2, cancelled=lambda: bool(seen.append((0, 0))) or len(seen) > 7
        )
    lines = mr.card_completeness_csv(chunked).splitlines()
    assert lines[0] == "Менеджер;Круг;Клиентов;Заполнено;Не заполнено;Заполнено, %"
    assert "Петров Пётр;Был контакт;3;1;2;33,3" in lines
    assert "Без менеджера;Был контакт;1;0;1;0,0" in lines
    assert lines[-1] == "Итого;;7;3;4;42,9"
    result = CliRunner().invoke(
        main, ["--database", db.url, "report", "completeness", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == lines
    result = CliRunner().invoke(main, ["--database", db.url, "report", "completeness"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Заполненность карточек\n")


def test_completeness_reads_in_bulk_not_per_client(db, actor, cards):
    """The report's statements do not grow with the number of clients (no query per client),
    and the bulk judgement is the save rule's (``circles.missing``) for every requirement."""
    from sqlalchemy import event

    m1, _m2, circle, ids = cards
    every = list(circles.REQUIREMENTS)
    contact = p.ContactDraft(
        last_name="Иванов", channels=(p.ChannelDraft(kind="email", value="iv@example.ru"),)
    )
    circles.set_mandatory_fields(db, actor, circle["potential"], [])
    for n in range(12):
        made = p.create_client(
            db,
            actor,
            p.ClientDraft(name=f"Л-{n:02}", owner_id=m1.user_id, circle_id=circle["potential"]),
        )
        ids[made.name] = made.id
        if n % 2:
            person = p.create_contact(db, actor, contact)
            p.link_client_contact(db, actor, made.id, person.id)
        if n % 3 == 0:
            p.create_counterparty(
                db,
                actor,
                p.CounterpartyDraft(
                    legal_form_id=p.catalogue_item_id(db, "legal_form", "ooo"),
                    full_name=f"ООО Л-{n:02}",
                    client_id=made.id,
                ),
            )
    circles.set_mandatory_fields(db, actor, circle["potential"], every)
    expected: dict[object, tuple[str, ...]] = {}
    with read_unit(db) as session:
        for client_id in ids.values():
            rules, absent = circles.missing(session, client_id)
            if rules is not None:
                expected[client_id] = tuple(absent)

    statements: list[str] = []

    def count(*args, **kwargs):
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        got = {}
        for row in mr.card_completeness(db, chunk=5).rows:
            for x in mr.incomplete_clients(db, row.owner_id, row.circle_id, chunk=5):
                got[x.id] = x.missing
        statements.clear()
        report = mr.card_completeness(db, chunk=500)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) <= 12, statements
    live = {i for i in expected if i not in (ids["З-архив"], ids["И-удалён"])}
    assert report.clients == len(live)
    assert got == {i: expected[i] for i in live if expected[i]}
    assert report.complete == sum(1 for i in live if not expected[i])
