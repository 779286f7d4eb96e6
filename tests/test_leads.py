"""Leads on both backends: the card's life cycle (new → in work → qualified | rejected →
reopened), conversion in one transaction with the duplicate check by INN, the lead's activities
moving to the client, and the leads list (keyset pages, filters, search)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from crm_desktop.errors import (
    ConcurrencyError,
    ConfirmationNeededError,
    NotFoundError,
    ValidationError,
)
from crm_desktop.models import (
    Client,
    ClientContact,
    Contact,
    Counterparty,
    Deal,
    DealParticipant,
    Interaction,
    Lead,
    Task,
    catalogue_id,
)
from crm_desktop.services import deals as d
from crm_desktop.services import duplicates, lists
from crm_desktop.services import leads as ld
from crm_desktop.services import parties as p
from crm_desktop.services import registration as r
from crm_desktop.services.uow import read_unit, write_unit
from crm_desktop.services.users import ensure_user

SBER_INN = "7707083893"
SBER_KPP = "773601001"
GAZ_INN = "7736050003"
GAZ_KPP = "772801001"
IP_INN = "500100732259"

PARTY_MODELS = (Client, Counterparty, Contact, ClientContact, Deal)


def count(db, model, *where):
    with read_unit(db) as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def counts(db):
    return {model.__name__: count(db, model) for model in PARTY_MODELS}


def reason(code):
    return catalogue_id("lead_reject_reason", code)


def source(db, code):
    return p.catalogue_item_id(db, "info_source", code)


def fresh_lead(db, actor, **changes):
    draft = ld.LeadDraft(
        name="Петров Пётр Петрович",
        company='ООО "Лютик"',
        phone="8 (916) 123-45-67",
        email="Petrov@Lutik.RU",
        inn=GAZ_INN,
        kpp=GAZ_KPP,
        source_id=source(db, "site"),
        interest="Нужны гвозди, 2 тонны в месяц",
    )
    return ld.create_lead(db, actor, replace(draft, **changes))


def register_romashka(db, actor):
    return r.register_partner(
        db,
        actor,
        r.PartnerRegistration(
            kind="company",
            client=p.ClientDraft(name='ООО "Ромашка"'),
            counterparty=p.CounterpartyDraft(
                legal_form_id=p.catalogue_item_id(db, "legal_form", "ooo"),
                full_name='ООО "Ромашка"',
                inn=SBER_INN,
                kpp=SBER_KPP,
            ),
        ),
    )


# --- the card ------------------------------------------------------------------------------------


def test_create_lead_normalises_and_numbers(db, actor):
    first = fresh_lead(db, actor)
    second = fresh_lead(db, actor, name="Сидоров", company=None, inn=None, kpp=None)
    assert first.number.endswith("-000001")
    assert second.number.endswith("-000002")
    assert first.status == "new"
    assert first.is_open
    assert (first.phone, first.phone_e164) == ("8 (916) 123-45-67", "+79161234567")
    assert first.email == "petrov@lutik.ru"
    assert (first.inn, first.kpp) == (GAZ_INN, GAZ_KPP)
    assert first.owner_id == actor.user_id
    assert first.owner_name == actor.full_name
    assert first.source_name == "Сайт"
    with read_unit(db) as session:
        assert session.get(Lead, first.id).search_key == "петров петр петрович лютик"


def test_create_lead_reports_every_bad_field(db, actor):
    with pytest.raises(ValidationError) as caught:
        ld.create_lead(
            db,
            actor,
            ld.LeadDraft(name=" ", phone="12", email="nobody", inn="7707083890"),
        )
    assert set(caught.value.field_errors) == {"name", "phone", "email", "inn"}
    with pytest.raises(ValidationError) as caught:
        ld.create_lead(db, actor, ld.LeadDraft(name="Иванов", kpp=SBER_KPP))
    assert set(caught.value.field_errors) == {"kpp"}
    with pytest.raises(ValidationError) as caught:
        ld.create_lead(db, actor, ld.LeadDraft(name="Иванов", inn=IP_INN, kpp=SBER_KPP))
    assert set(caught.value.field_errors) == {"kpp"}
    with pytest.raises(ValidationError) as caught:
        ld.create_lead(db, actor, ld.LeadDraft(name="Иванов", source_id=uuid.uuid4()))
    assert set(caught.value.field_errors) == {"source_id"}
    assert count(db, Lead) == 0


def test_take_in_work_update_and_stale_version(db, actor):
    lead = fresh_lead(db, actor, phone=None)
    worked = ld.take_in_work(db, actor, lead.id, lead.version)
    assert worked.status == "in_work"
    again = ld.take_in_work(db, actor, worked.id, worked.version)
    assert again.status == "in_work"
    draft = ld.LeadDraft(name="Петров Пётр", company="Лютик", phone="+7 495 111-22-33")
    saved = ld.update_lead(db, actor, again.id, again.version, draft)
    assert (saved.name, saved.company, saved.phone_e164) == ("Петров Пётр", "Лютик", "+74951112233")
    assert saved.owner_id == actor.user_id  # kept when the draft names none
    assert saved.inn is None
    with pytest.raises(ConcurrencyError):
        ld.update_lead(db, actor, saved.id, lead.version, draft)


def test_reject_without_reason_is_refused_and_changes_nothing(db, actor):
    """Acceptance 4: a lead cannot be rejected without a reason."""
    lead = ld.take_in_work(db, actor, (x := fresh_lead(db, actor)).id, x.version)
    for comment in (None, "Не наш клиент"):
        with pytest.raises(ValidationError) as caught:
            ld.reject(db, actor, lead.id, lead.version, None, comment)
        assert caught.value.field == "reject_reason_id"
        assert "reason" in caught.value.message.text
    unchanged = ld.get_lead(db, lead.id)
    assert (unchanged.status, unchanged.version) == ("in_work", lead.version)
    assert unchanged.reject_reason_id is None
    assert unchanged.rejected_at is None


def test_reject_other_needs_a_comment_then_reopen(db, actor):
    lead = fresh_lead(db, actor)
    with pytest.raises(ValidationError) as caught:
        ld.reject(db, actor, lead.id, lead.version, reason("other"), "  ")
    assert caught.value.field == "reject_comment"
    with pytest.raises(ValidationError) as caught:
        ld.reject(db, actor, lead.id, lead.version, uuid.uuid4(), None)
    assert caught.value.field == "reject_reason_id"
    assert ld.get_lead(db, lead.id).status == "new"

    rejected = ld.reject(db, actor, lead.id, lead.version, reason("other"), "Ищут дилера")
    assert rejected.status == "rejected"
    assert not rejected.is_open
    assert rejected.reject_reason_name == "Другое"
    assert rejected.reject_comment == "Ищут дилера"
    assert rejected.rejected_at is not None

    with pytest.raises(ValidationError) as caught:
        ld.update_lead(db, actor, rejected.id, rejected.version, ld.LeadDraft(name="Х"))
    assert caught.value.field == "status"
    with pytest.raises(ValidationError):
        ld.convert(db, actor, rejected.id, rejected.version, ld.ConversionPlan())
    with pytest.raises(ValidationError):
        ld.reject(db, actor, rejected.id, rejected.version, reason("spam"))

    reopened = ld.reopen(db, actor, rejected.id, rejected.version)
    assert reopened.status == "in_work"
    assert (reopened.reject_reason_id, reopened.reject_comment, reopened.rejected_at) == (
        None,
        None,
        None,
    )
    with pytest.raises(ValidationError):
        ld.reopen(db, actor, reopened.id, reopened.version)
    history = p.record_history(db, "lead", lead.id)
    assert any(h.field == "reject_reason_id" for h in history)


def test_reject_reasons_catalogue(db):
    codes = [x.code for x in ld.reject_reasons(db)]
    assert codes[0] == "spam"
    assert "other" in codes


# --- conversion ----------------------------------------------------------------------------------


def test_lead_with_the_inn_of_a_client_offers_that_client(db, actor):
    """Acceptance 3: the client with the same INN is offered instead of a duplicate."""
    romashka = register_romashka(db, actor)
    lead = fresh_lead(
        db, actor, company="Ромашка", inn=SBER_INN, kpp=SBER_KPP, email="zakaz@romashka.ru"
    )
    candidates = ld.conversion_candidates(db, lead.id)
    assert candidates[0].client_id == romashka.client_id
    assert candidates[0].reasons[0] == duplicates.SAME_INN_KPP
    defaults = ld.conversion_defaults(db, lead.id)
    assert defaults.client_id == romashka.client_id
    assert defaults.new_client is None

    before = counts(db)
    new_client = ld.ConversionPlan(new_client=p.ClientDraft(name="Ромашка-2"))
    with pytest.raises(ConfirmationNeededError) as caught:
        ld.convert(db, actor, lead.id, lead.version, new_client)
    assert caught.value.field == "client_id"
    assert caught.value.message.params == {"client": 'ООО "Ромашка"'}
    assert [c.client_id for c in caught.value.unmet] == [romashka.client_id]
    assert counts(db) == before
    assert ld.get_lead(db, lead.id).status == "new"

    done = ld.convert(db, actor, lead.id, lead.version, replace(defaults, deal_title="Гвозди"))
    assert done.status == "qualified"
    assert done.qualified_at is not None
    assert done.converted_client_id == romashka.client_id
    assert done.converted_client_name == 'ООО "Ромашка"'
    assert done.converted_counterparty_id == romashka.counterparty_id  # the client's own
    after = counts(db)
    assert after["Client"] == before["Client"]
    assert after["Counterparty"] == before["Counterparty"]
    assert after["Contact"] == before["Contact"] + 1
    assert after["Deal"] == before["Deal"] + 1
    links = p.contacts_of_client(db, romashka.client_id)
    assert [x.contact_name for x in links] == ["Петров Пётр Петрович"]
    assert ld.lead_of_client(db, romashka.client_id).id == lead.id


def test_a_new_client_despite_the_same_inn_when_confirmed(db, actor):
    romashka = register_romashka(db, actor)
    lead = fresh_lead(db, actor, company="Ромашка Юг", inn=SBER_INN, kpp="773645001")
    plan = ld.ConversionPlan(with_contact=False, confirm_new_despite_duplicates=True)
    done = ld.convert(db, actor, lead.id, lead.version, plan)
    assert done.converted_client_id not in (None, romashka.client_id)
    assert done.converted_client_name == "Ромашка Юг"
    assert done.converted_contact_id is None
    assert count(db, Client) == 2
    assert count(db, Counterparty, Counterparty.inn == SBER_INN) == 2


def test_converting_a_fresh_lead_creates_everything_at_once(db, actor):
    lead = ld.take_in_work(db, actor, (x := fresh_lead(db, actor)).id, x.version)
    assert ld.conversion_candidates(db, lead.id) == []
    defaults = ld.conversion_defaults(db, lead.id)
    assert defaults.client_id is None
    assert defaults.new_client.name == 'ООО "Лютик"'
    assert defaults.counterparty.short_name == 'ООО "Лютик"'
    assert defaults.counterparty.full_name == 'Общество с ограниченной ответственностью "Лютик"'
    assert (defaults.new_contact.last_name, defaults.new_contact.middle_name) == (
        "Петров",
        "Петрович",
    )
    before = counts(db)

    circle = p.catalogue_item_id(db, "client_circle", "potential")
    plan = ld.ConversionPlan(
        new_client=p.ClientDraft(name='ООО "Лютик"', circle_id=circle),
        contact_position="Снабженец",
        deal_title="Поставка гвоздей",
    )
    done = ld.convert(db, actor, lead.id, lead.version, plan)

    after = counts(db)
    assert {k: after[k] - before[k] for k in after} == {
        "Client": 1,
        "Counterparty": 1,
        "Contact": 1,
        "ClientContact": 1,
        "Deal": 1,
    }
    assert done.status == "qualified"
    client = p.get_client(db, done.converted_client_id)
    assert (client.name, client.circle_id) == ('ООО "Лютик"', circle)
    assert client.source_id == source(db, "site")  # the lead's source
    assert client.owner_id == actor.user_id
    counterparty = p.get_counterparty(db, done.converted_counterparty_id)
    assert (counterparty.inn, counterparty.kpp, counterparty.legal_form) == (
        GAZ_INN,
        GAZ_KPP,
        "ООО",
    )
    assert counterparty.client_id == client.id
    contact = p.get_contact(db, done.converted_contact_id)
    assert contact.full_name == "Петров Пётр Петрович"
    assert {(c.kind, c.normalized) for c in contact.channels} == {
        ("phone", "+79161234567"),
        ("email", "petrov@lutik.ru"),
    }
    links = p.contacts_of_client(db, client.id)
    assert [(x.contact_id, x.position) for x in links] == [(contact.id, "Снабженец")]
    deal = d.get_deal(db, done.converted_deal_id)
    assert (deal.kind, deal.stage_code, deal.status) == ("typical", "primary_contact", "open")
    assert (deal.client_id, deal.counterparty_id) == (client.id, counterparty.id)
    assert deal.need_description == "Нужны гвозди, 2 тонны в месяц"
    assert deal.source_id == source(db, "site")
    assert [(x.kind, x.target_id) for x in deal.participants] == [("contact", contact.id)]
    assert deal.unmet == ()  # the primary contact stage is satisfied: its contact is attached
    assert (done.converted_deal_number, done.converted_deal_title) == (
        deal.number,
        "Поставка гвоздей",
    )
    assert done.converted_contact_name == "Петров Пётр Петрович"

    origin = ld.lead_of_client(db, client.id)
    assert origin is not None
    assert (origin.id, origin.number, origin.status, origin.source_name) == (
        lead.id,
        lead.number,
        "qualified",
        "Сайт",
    )
    assert ld.lead_of_client(db, uuid.uuid4()) is None

    with pytest.raises(ValidationError) as caught:
        ld.convert(db, actor, done.id, done.version, ld.ConversionPlan())
    assert caught.value.field == "status"
    with pytest.raises(ValidationError):
        ld.delete_lead(db, actor, done.id, done.version)


def test_a_failure_in_the_middle_leaves_nothing(db, actor):
    lead = fresh_lead(db, actor)
    before = counts(db)
    for title in ("", "x" * 256, "строка\nвторая"):
        with pytest.raises(ValidationError) as caught:
            ld.convert(db, actor, lead.id, lead.version, ld.ConversionPlan(deal_title=title))
        assert set(caught.value.field_errors) == {"deal.title"}
        assert counts(db) == before
    # a legal entity's counterparty needs a KPP: refused with the part named
    no_kpp = fresh_lead(db, actor, kpp=None)
    with pytest.raises(ValidationError) as caught:
        ld.convert(db, actor, no_kpp.id, no_kpp.version, ld.ConversionPlan(deal_title="Сделка"))
    assert set(caught.value.field_errors) == {"counterparty.kpp"}
    assert counts(db) == before
    for unchanged, seen in ((ld.get_lead(db, lead.id), lead), (ld.get_lead(db, no_kpp.id), no_kpp)):
        assert (unchanged.status, unchanged.version) == ("new", seen.version)
        assert unchanged.converted_client_id is None
    # without the counterparty it goes through
    done = ld.convert(
        db, actor, no_kpp.id, no_kpp.version, ld.ConversionPlan(with_counterparty=False)
    )
    assert done.converted_counterparty_id is None
    assert done.converted_deal_id is None


def test_a_private_person_and_an_existing_contact(db, actor):
    lead = fresh_lead(db, actor, company=None, inn=IP_INN, kpp=None, email=None)
    defaults = ld.conversion_defaults(db, lead.id)
    assert defaults.new_client.name == "Петров Пётр Петрович"
    assert defaults.counterparty.short_name == "Петров Пётр Петрович"
    assert defaults.counterparty.legal_form_id == p.catalogue_item_id(db, "legal_form", "ip")
    known = p.create_contact(db, actor, p.ContactDraft(last_name="Петров", first_name="Пётр"))
    done = ld.convert(db, actor, lead.id, lead.version, replace(defaults, contact_id=known.id))
    assert done.converted_contact_id == known.id
    assert done.converted_client_name == "Петров Пётр Петрович"
    assert p.get_counterparty(db, done.converted_counterparty_id).legal_form == "ИП"
    assert count(db, Contact) == 1


def test_the_leads_activities_show_for_the_client(db, actor):
    lead = fresh_lead(db, actor)
    now = datetime.now(UTC)
    with write_unit(db, actor) as session:
        call = Interaction(
            kind="call",
            direction="in",
            subject="Входящий звонок с сайта",
            start_at=now,
            lead_id=lead.id,
        )
        task = Task(title="Перезвонить", due_at=now, assignee_id=actor.user_id, lead_id=lead.id)
        session.add_all([call, task])
        session.flush()
        call_id, task_id = call.id, task.id
    done = ld.convert(db, actor, lead.id, lead.version, ld.ConversionPlan())
    with read_unit(db) as session:
        assert session.scalars(
            select(Interaction.id).where(Interaction.client_id == done.converted_client_id)
        ).all() == [call_id]
        assert session.get(Interaction, call_id).contact_id == done.converted_contact_id
        moved = session.get(Task, task_id)
        assert (moved.client_id, moved.contact_id, moved.lead_id) == (
            done.converted_client_id,
            done.converted_contact_id,
            lead.id,
        )


def test_deleting_a_lead(db, actor):
    lead = fresh_lead(db, actor)
    ld.delete_lead(db, actor, lead.id, lead.version)
    with pytest.raises(NotFoundError):
        ld.get_lead(db, lead.id)
    assert ld.lead_count(db, ld.LeadFilter()) == 0
    assert ld.lead_count(db, ld.LeadFilter(include_deleted=True)) == 1


# --- the list ------------------------------------------------------------------------------------


@pytest.fixture
def listed(db, actor):
    """Five leads: sources, owners, statuses and dates differ; one deleted."""
    petrov = ensure_user(db, "petrov", "Петров Пётр Петрович")
    specs = [
        ("Андреев Андрей", "Альфа", "+7 916 000-00-01", "site", actor, date(2026, 1, 10)),
        ("Борисов Борис", None, None, "fair", actor, date(2026, 1, 20)),
        ("Васильев Василий", "Гамма", "+7 916 000-00-03", None, petrov, date(2026, 2, 5)),
        ("Андреева Анна", "Бета", None, "site", petrov, date(2026, 2, 15)),
        ("Удалённый", None, None, "site", actor, date(2026, 2, 16)),
    ]
    ids = {}
    for name, company, phone, src, owner, day in specs:
        lead = ld.create_lead(
            db,
            actor,
            ld.LeadDraft(
                name=name,
                company=company,
                phone=phone,
                source_id=source(db, src) if src else None,
                owner_id=owner.user_id,
            ),
        )
        ids[name] = lead
        with write_unit(db, actor) as session:
            session.execute(
                update(Lead)
                .where(Lead.id == lead.id)
                .values(created_at=datetime(day.year, day.month, day.day, 10, tzinfo=UTC))
            )
    worked = ld.take_in_work(db, actor, ids["Борисов Борис"].id, ids["Борисов Борис"].version)
    ids["Борисов Борис"] = worked
    gone = ids.pop("Удалённый")
    ld.delete_lead(db, actor, gone.id, gone.version)
    return ids, petrov


def names(rows):
    return [row.name for _, row in rows]


def test_list_rows_and_filters(db, actor, listed):
    ids, petrov = listed
    page = ld.lead_page(db, ld.LeadFilter(), lists.PageRequest(sort="name"))
    assert names(page) == ["Андреев Андрей", "Андреева Анна", "Борисов Борис", "Васильев Василий"]
    row = page[0][1]
    assert (row.number, row.company, row.phone, row.source, row.status, row.owner) == (
        ids["Андреев Андрей"].number,
        "Альфа",
        "+7 916 000-00-01",
        "Сайт",
        "new",
        actor.full_name,
    )
    assert row.created_at == datetime(2026, 1, 10, 10, tzinfo=UTC)
    cases = {
        ld.LeadFilter(status="in_work"): ["Борисов Борис"],
        ld.LeadFilter(owner_id=petrov.user_id): ["Андреева Анна", "Васильев Василий"],
        ld.LeadFilter(source_id=source(db, "site")): ["Андреев Андрей", "Андреева Анна"],
        ld.LeadFilter(received_from=date(2026, 1, 20), received_to=date(2026, 2, 5)): [
            "Борисов Борис",
            "Васильев Василий",
        ],
        ld.LeadFilter(include_deleted=True): [
            "Андреев Андрей",
            "Андреева Анна",
            "Борисов Борис",
            "Васильев Василий",
            "Удалённый",
        ],
    }
    for flt, expected in cases.items():
        assert names(ld.lead_page(db, flt, lists.PageRequest())) == expected, flt
        assert ld.lead_count(db, flt) == len(expected)
    with pytest.raises(ValueError, match="unknown lead status"):
        ld.lead_page(db, ld.LeadFilter(status="won"), lists.PageRequest())


@pytest.mark.parametrize("sort", sorted(ld.LEAD_SORT_KEYS))
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_and_anchors_cover_every_sort_key(db, listed, sort, descending):
    flt = ld.LeadFilter()
    whole = ld.lead_page(db, flt, lists.PageRequest(sort=sort, descending=descending))
    assert len(whole) == 4
    paged, after = [], None
    while True:
        page = ld.lead_page(
            db, flt, lists.PageRequest(sort=sort, descending=descending, after=after, limit=3)
        )
        if not page:
            break
        paged.extend(page)
        after = page[-1][0]
    assert [r.id for _, r in paged] == [r.id for _, r in whole]
    anchors = ld.lead_anchors(db, flt, sort, descending, every=2)
    assert anchors == [whole[1][0], whole[3][0]]
    skipped = ld.lead_page(
        db, flt, lists.PageRequest(sort=sort, descending=descending, after=anchors[0], skip=1)
    )
    assert [r.id for _, r in skipped] == [whole[3][1].id]


def test_list_search(db, listed):
    ids, _ = listed

    def found(text, **kw):
        flt = ld.LeadFilter(search=text, **kw)
        hits = ld.lead_search(db, flt)
        rows = names(ld.lead_page(db, flt, lists.PageRequest(), hits=hits))
        assert ld.lead_count(db, flt, hits=hits) == len(rows)
        assert names(ld.lead_page(db, flt, lists.PageRequest())) == rows
        return rows

    assert found("андре") == ["Андреев Андрей", "Андреева Анна"]
    assert found("Андреева") == ["Андреева Анна"]
    assert found("андреев андрей альф") == ["Андреев Андрей"]
    assert found(ids["Васильев Василий"].number) == ["Васильев Василий"]
    assert found(ids["Васильев Василий"].number.lower()) == ["Васильев Василий"]
    assert found("8 916 000-00-03") == ["Васильев Василий"]
    assert found("андре", status="new", owner_id=None, source_id=None) == [
        "Андреев Андрей",
        "Андреева Анна",
    ]
    assert found("ромашка") == []
    assert ld.lead_search(db, ld.LeadFilter(search="  ")) is None
    capped = ld.lead_search(db, ld.LeadFilter(search="андре"), cap=1)
    assert capped is not None
    assert (len(capped.ids), capped.capped) == (1, True)


def test_email_search(db, actor):
    lead = fresh_lead(db, actor)
    flt = ld.LeadFilter(search="PETROV@lutik.ru")
    assert [r.id for _, r in ld.lead_page(db, flt, lists.PageRequest())] == [lead.id]


def test_received_period_counts_whole_days(db, actor):
    lead = fresh_lead(db, actor)
    today = datetime.now(UTC).date()
    flt = ld.LeadFilter(received_from=today, received_to=today)
    assert ld.lead_count(db, flt) == 1
    yesterday = today - timedelta(days=1)
    assert ld.lead_count(db, ld.LeadFilter(received_to=yesterday)) == 0
    assert ld.get_lead(db, lead.id).created_at.date() == today


def test_deal_participant_model_is_linked(db, actor):
    lead = fresh_lead(db, actor)
    done = ld.convert(db, actor, lead.id, lead.version, ld.ConversionPlan(deal_title="Сделка"))
    assert count(db, DealParticipant, DealParticipant.deal_id == done.converted_deal_id) == 1
