"""Interactions on both backends: validation, links, participants linked later, lists, chains."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from crm_desktop.errors import ConcurrencyError, NotFoundError, ValidationError
from crm_desktop.models import Interaction
from crm_desktop.services import deals as d
from crm_desktop.services import interactions as it
from crm_desktop.services import parties as p
from crm_desktop.services.lists import PageRequest
from crm_desktop.services.uow import read_unit
from crm_desktop.services.users import ensure_user

T0 = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
MSK = ZoneInfo("Europe/Moscow")


@pytest.fixture
def client(db, actor):
    return p.create_client(db, actor, p.ClientDraft(name='ООО "Ромашка"'))


@pytest.fixture
def contact(db, actor, client):
    """Петров with the phone +7 495 123-45-67 and an e-mail, working for Ромашка."""
    person = p.create_contact(
        db,
        actor,
        p.ContactDraft(
            last_name="Петров",
            first_name="Пётр",
            channels=(
                p.ChannelDraft("phone", "+7 495 123-45-67", is_primary=True),
                p.ChannelDraft("email", "Petrov@Romashka.ru"),
            ),
        ),
    )
    p.link_client_contact(db, actor, client.id, person.id, is_primary=True)
    return person


def call(subject="Звонок", **kw):
    kw.setdefault("direction", "in")
    kw.setdefault("start_at", T0)
    return it.InteractionDraft(kind="call", subject=subject, **kw)


def count_interactions(db):
    with read_unit(db) as session:
        return session.scalar(select(func.count()).select_from(Interaction))


# --- acceptance 2: a call registered by its number only is linked later ------------------------


def test_call_by_phone_number_is_linked_later_to_the_contact_with_that_number(db, actor):
    registered = it.create_interaction(
        db, actor, call("Входящий звонок", participant_text="8 (495) 123-45-67")
    )
    other = it.create_interaction(db, actor, call("Другой", participant_text="+7 812 000-00-01"))
    assert registered.contact_id is None and registered.client_id is None
    assert registered.participant_text == "8 (495) 123-45-67"
    assert it.match_participant(db, registered.id) == []

    # later: the contact with this number is created and works for a client
    client = p.create_client(db, actor, p.ClientDraft(name="Ромашка"))
    person = p.create_contact(
        db,
        actor,
        p.ContactDraft(last_name="Петров", channels=(p.ChannelDraft("phone", "+7 495 123-45-67"),)),
    )
    p.link_client_contact(db, actor, client.id, person.id, is_primary=True)
    matches = it.match_participant(db, registered.id)
    assert [(m.contact_id, m.client_id, m.matched) for m in matches] == [
        (person.id, client.id, "+7 495 123-45-67")
    ]

    assert it.link_unmatched_for_contact(db, actor, person.id) == 1
    linked = it.get_interaction(db, registered.id)
    assert (linked.contact_id, linked.client_id) == (person.id, client.id)
    assert linked.participant_text == "8 (495) 123-45-67"  # kept as it was given
    assert [r.id for r in it.interactions_for(db, contact_id=person.id)] == [registered.id]
    assert [r.id for r in it.interactions_for(db, client_id=client.id)] == [registered.id]
    assert it.get_interaction(db, other.id).contact_id is None
    assert it.link_unmatched_for_contact(db, actor, person.id) == 0  # nothing left waiting


def test_link_participant_by_hand_fills_the_client(db, actor, client, contact):
    made = it.create_interaction(db, actor, call(participant_text="+7 (495) 123 45 67"))
    [match] = it.match_participant(db, made.id)
    assert (match.contact_id, match.name, match.client) == (
        contact.id,
        "Петров Пётр",
        'ООО "Ромашка"',
    )
    linked = it.link_participant(db, actor, made.id, match.contact_id)
    assert (linked.contact_id, linked.client_id, linked.contact) == (
        contact.id,
        client.id,
        "Петров Пётр",
    )
    with pytest.raises(NotFoundError):
        it.link_participant(db, actor, made.id, client.id)  # not a contact's id


def test_participant_given_as_an_email_matches_whatever_its_case(db, actor, client, contact):
    made = it.create_interaction(
        db,
        actor,
        it.InteractionDraft(
            kind="email",
            direction="in",
            subject="Письмо",
            start_at=T0,
            participant_text="Пётр <PETROV@romashka.ru>",
        ),
    )
    assert [m.contact_id for m in it.match_participant(db, made.id)] == [contact.id]
    assert it.link_unmatched_for_contact(db, actor, contact.id) == 1
    assert it.get_interaction(db, made.id).client_id == client.id


def test_participant_keys_reads_phones_and_emails_out_of_text():
    assert it.participant_keys("8 (495) 123-45-67 доб. 12") == (frozenset({"+74951234567"}), set())
    phones, emails = it.participant_keys("Иван, ivan@x.ru, тел. +7 912 345-67-89")
    assert (phones, emails) == ({"+79123456789"}, {"ivan@x.ru"})
    assert it.participant_keys("просто текст") == (frozenset(), frozenset())
    assert it.participant_keys(None) == (frozenset(), frozenset())


# --- validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "fields"),
    [
        (call(subject="  "), {"subject"}),
        (call(direction=None), {"direction"}),
        (call(direction="sideways"), {"direction"}),
        (it.InteractionDraft(kind="meeting", subject="Встреча", direction="in"), {"direction"}),
        (
            it.InteractionDraft(kind="planned", subject="Позвонить", status="done", start_at=T0),
            {"status"},
        ),
        (it.InteractionDraft(kind="planned", subject="Позвонить", status="planned"), {"start_at"}),
        (call(duration_min=-1), {"duration_min"}),
        (call(status="finished"), {"status"}),
        (it.InteractionDraft(kind="visit", subject="Визит"), {"kind"}),
        (
            call(subject="", duration_min=-5, direction=None),
            {"subject", "duration_min", "direction"},
        ),
    ],
)
def test_bad_input_names_each_field_and_writes_nothing(db, actor, draft, fields):
    with pytest.raises(ValidationError) as caught:
        it.create_interaction(db, actor, draft)
    assert set(caught.value.field_errors) == fields
    assert count_interactions(db) == 0


def test_links_must_be_live_records(db, actor, client):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    p.delete_client(db, actor, client.id, p.get_client(db, client.id).version)
    with pytest.raises(ValidationError) as caught:
        it.create_interaction(db, actor, call(client_id=client.id, contact_id=deal.id))
    assert set(caught.value.field_errors) == {"client_id", "contact_id"}
    assert count_interactions(db) == 0


def test_a_deal_gives_its_client_and_must_not_be_another_clients(db, actor, client):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    made = it.create_interaction(db, actor, call(deal_id=deal.id))
    assert (made.client_id, made.deal) == (client.id, f"{deal.number} Поставка")
    other = p.create_client(db, actor, p.ClientDraft(name="Лютик"))
    with pytest.raises(ValidationError) as caught:
        it.create_interaction(db, actor, call(deal_id=deal.id, client_id=other.id))
    assert set(caught.value.field_errors) == {"deal_id"}


def test_a_contact_gives_its_primary_client_unless_a_client_is_set(db, actor, client, contact):
    made = it.create_interaction(db, actor, call(contact_id=contact.id))
    assert made.client_id == client.id
    other = p.create_client(db, actor, p.ClientDraft(name="Лютик"))
    kept = it.create_interaction(db, actor, call(contact_id=contact.id, client_id=other.id))
    assert kept.client_id == other.id


def test_planned_interaction_and_defaults(db, actor):
    planned = it.create_interaction(
        db,
        actor,
        it.InteractionDraft(kind="planned", subject="Перезвонить", status="planned", start_at=T0),
    )
    assert (planned.status, planned.start_at, planned.responsible_id) == (
        "planned",
        T0,
        actor.user_id,
    )
    before = datetime.now(UTC)
    done = it.create_interaction(db, actor, it.InteractionDraft(kind="meeting", subject="Встреча"))
    assert done.status == "done" and done.start_at >= before - timedelta(seconds=1)
    with pytest.raises(ValueError, match="aware"):
        it.create_interaction(db, actor, call(start_at=datetime(2025, 1, 1, 10, 0)))


def test_update_checks_the_version_and_delete_hides_it(db, actor, client):
    made = it.create_interaction(db, actor, call(client_id=client.id, result=None))
    draft = replace(made.as_draft(), result="Договорились о встрече", duration_min=15)
    updated = it.update_interaction(db, actor, made.id, made.version, draft)
    assert (updated.result, updated.duration_min, updated.version) == (
        "Договорились о встрече",
        15,
        made.version + 1,
    )
    with pytest.raises(ConcurrencyError):
        it.update_interaction(db, actor, made.id, made.version, draft)
    it.delete_interaction(db, actor, made.id, updated.version)
    assert it.interactions_for(db, client_id=client.id) == []
    with pytest.raises(NotFoundError):
        it.get_interaction(db, made.id)


def test_a_new_start_drops_an_old_snooze(db, actor):
    from crm_desktop.services import tasks as t

    made = it.create_interaction(
        db,
        actor,
        it.InteractionDraft(kind="planned", subject="Перезвонить", status="planned", start_at=T0),
    )
    t.snooze(db, actor, "interaction", made.id, T0 + timedelta(hours=1), now=T0)
    snoozed = it.get_interaction(db, made.id)
    assert snoozed.remind_at == T0 + timedelta(hours=1)
    moved = it.update_interaction(
        db,
        actor,
        made.id,
        snoozed.version,
        replace(snoozed.as_draft(), start_at=T0 + timedelta(days=1)),
    )
    assert moved.remind_at is None


# --- reading -------------------------------------------------------------------------------------


def test_interactions_for_pages_newest_first(db, actor, client):
    made = [
        it.create_interaction(
            db, actor, call(f"Звонок {i}", client_id=client.id, start_at=T0 + timedelta(hours=i))
        )
        for i in range(5)
    ]
    first = it.interactions_for(db, client_id=client.id, limit=2)
    assert [r.subject for r in first] == ["Звонок 4", "Звонок 3"]
    second = it.interactions_for(db, client_id=client.id, limit=2, before=first[-1].key)
    third = it.interactions_for(db, client_id=client.id, limit=2, before=second[-1].key)
    assert [r.id for r in first + second + third] == [m.id for m in reversed(made)]
    assert first[0].responsible == "Иванов Иван Иванович"
    with pytest.raises(ValueError, match="needs a record"):
        it.interactions_for(db)


def test_interactions_list_filters_pages_counts_and_searches(db, actor, client):
    petrov = ensure_user(db, "petrov", "Петров")
    other = p.create_client(db, actor, p.ClientDraft(name="Лютик"))
    for day in range(6):
        it.create_interaction(
            db,
            actor,
            call(
                "Звонок по КП" if day % 2 else "Встреча по договору",
                client_id=client.id if day < 4 else other.id,
                start_at=T0 + timedelta(days=day),
                responsible_id=petrov.user_id if day == 5 else None,
            ),
        )
    it.create_interaction(
        db,
        actor,
        it.InteractionDraft(kind="planned", subject="Звонок", status="planned", start_at=T0),
    )
    every = it.InteractionFilter()
    assert it.interaction_count(db, every) == 7
    order = PageRequest(sort="start_at", descending=True, limit=3)
    page = it.interaction_page(db, every, order)
    rest = it.interaction_page(db, every, replace(order, after=page[-1][0], limit=10))
    starts = [row.start_at for _, row in page + rest]
    assert starts == sorted(starts, reverse=True) and len(starts) == 7

    assert it.interaction_count(db, it.InteractionFilter(kind="planned")) == 1
    assert it.interaction_count(db, it.InteractionFilter(status="done")) == 6
    assert it.interaction_count(db, it.InteractionFilter(client_id=client.id)) == 4
    assert it.interaction_count(db, it.InteractionFilter(responsible_id=petrov.user_id)) == 1
    start, end = it.local_period(date(2025, 3, 11), date(2025, 3, 12), MSK)
    assert it.interaction_count(db, it.InteractionFilter(start_from=start, start_to=end)) == 2
    found = it.InteractionFilter(search="звонок")
    assert it.interaction_count(db, found) == 4  # three «Звонок по КП» and the planned «Звонок»
    hits = it.interaction_search(db, found)
    assert hits is not None and len(hits.ids) == 4 and not hits.capped
    wide = replace(order, limit=10)
    subjects = {row.subject for _, row in it.interaction_page(db, found, wide, hits=hits)}
    assert subjects == {"Звонок по КП", "Звонок"}
    # no folded key on the subject: the text as typed, lower, upper or capitalised is looked for
    assert it.interaction_count(db, it.InteractionFilter(search="звонок по")) == 3
    assert it.interaction_count(db, it.InteractionFilter(search="нет такого")) == 0

    anchors = it.interaction_anchors(db, every, "start_at", True, every=2)
    keys = [key for key, _ in page + rest]
    assert anchors == [keys[1], keys[3], keys[5]]
    by_client = it.interaction_page(db, every, PageRequest(sort="client", limit=10))
    assert [row.client for _, row in by_client][:1] == [None]  # the planned one has no client
    with pytest.raises(ValueError, match="sort key"):
        it.interaction_page(db, every, PageRequest(sort="description"))


def test_subjects_summary_groups_by_subject(db, actor, client):
    for hours, subject in enumerate(["Счёт", "Доставка", "Счёт", "Счёт"]):
        it.create_interaction(
            db, actor, call(subject, client_id=client.id, start_at=T0 + timedelta(hours=hours))
        )
    summary = it.subjects_summary(db, it.InteractionFilter(client_id=client.id))
    assert [(s.subject, s.count, s.last_start) for s in summary] == [
        ("Счёт", 3, T0 + timedelta(hours=3)),
        ("Доставка", 1, T0 + timedelta(hours=1)),
    ]
    assert it.subjects_summary(db, it.InteractionFilter(search="Дост"))[0].subject == "Доставка"


def test_reply_continues_the_chain_with_the_parents_links(db, actor, client, contact):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    root = it.create_interaction(
        db,
        actor,
        it.InteractionDraft(
            kind="email",
            direction="out",
            subject="КП на поставку",
            start_at=T0,
            contact_id=contact.id,
            deal_id=deal.id,
        ),
    )
    answer = it.reply_to(
        db,
        actor,
        root.id,
        it.InteractionDraft(
            kind="email", direction="in", subject="", start_at=T0 + timedelta(hours=2)
        ),
    )
    assert (answer.parent_id, answer.subject, answer.deal_id, answer.contact_id) == (
        root.id,
        "КП на поставку",
        deal.id,
        contact.id,
    )
    assert answer.client_id == client.id
    second = it.reply_to(db, actor, root.id, call("Уточнение", start_at=T0 + timedelta(hours=1)))
    deep = it.reply_to(
        db, actor, answer.id, call("Ответ на ответ", start_at=T0 + timedelta(hours=3))
    )

    for member in (root, answer, second, deep):
        entries = it.chain(db, member.id)
        assert [(e.depth, e.row.id) for e in entries] == [
            (0, root.id),
            (1, second.id),
            (1, answer.id),
            (2, deep.id),
        ]
    it.delete_interaction(db, actor, answer.id, answer.version)
    assert [(e.depth, e.row.id) for e in it.chain(db, deep.id)] == [
        (0, root.id),
        (1, second.id),
        (1, deep.id),
    ]
    with pytest.raises(NotFoundError):
        it.reply_to(db, actor, answer.id, call())
