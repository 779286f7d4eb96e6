"""Registration in one transaction, duplicate control, mandatory fields per circle, merging."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from crm_desktop.errors import ConcurrencyError, PermissionDeniedError, ValidationError
from crm_desktop.models import Channel, Client, ClientContact, Contact, Counterparty
from crm_desktop.services import circles, duplicates, merge
from crm_desktop.services import parties as p
from crm_desktop.services import registration as r
from crm_desktop.services.uow import read_unit
from crm_desktop.services.users import ensure_user


def count(db, model, *where):
    with read_unit(db) as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def romashka_registration(db, *, name='ООО "Ромашка"', phone="8 (495) 123-45-67", inn=None):
    return r.PartnerRegistration(
        kind="company",
        client=p.ClientDraft(name=name),
        counterparty=p.CounterpartyDraft(
            legal_form_id=p.catalogue_item_id(db, "legal_form", "ooo"),
            full_name=name,
            inn=inn,
            kpp="773601001" if inn else None,
        ),
        contacts=(
            r.ContactEntry(
                p.ContactDraft(
                    last_name="Петров",
                    first_name="Пётр",
                    channels=(p.ChannelDraft("phone", phone),),
                ),
                position="Директор",
                role="ЛПР",
                is_primary=True,
                signs_for_counterparty=True,
            ),
        ),
    )


def test_registration_creates_everything_at_once(db, actor):
    result = r.register_partner(db, actor, romashka_registration(db, inn="7707083893"))
    assert p.get_client(db, result.client_id).name == 'ООО "Ромашка"'
    assert [c.id for c in p.counterparties_of_client(db, result.client_id)] == [
        result.counterparty_id
    ]
    links = p.contacts_of_client(db, result.client_id)
    assert [(x.contact_name, x.position) for x in links] == [("Петров Пётр", "Директор")]


def test_a_bad_contact_leaves_nothing_behind(db, actor):
    reg = romashka_registration(db, phone="12")
    with pytest.raises(ValidationError) as caught:
        r.register_partner(db, actor, reg)
    assert set(caught.value.field_errors) == {"contacts[0].channels[0]"}
    assert count(db, Client) == 0
    assert count(db, Counterparty) == 0
    assert count(db, Contact) == 0


def test_private_person_is_client_and_contact(db, actor):
    reg = r.PartnerRegistration(
        kind="person",
        client=p.ClientDraft(name=""),
        contacts=(
            r.ContactEntry(
                p.ContactDraft(
                    last_name="Сидоров",
                    first_name="Семён",
                    channels=(p.ChannelDraft("phone", "+7 916 111-22-33"),),
                )
            ),
        ),
    )
    result = r.register_partner(db, actor, reg)
    assert p.get_client(db, result.client_id).name == "Сидоров Семён"
    assert [x.contact_id for x in p.contacts_of_client(db, result.client_id)] == list(
        result.contact_ids
    )


def test_duplicate_by_phone_in_another_format(db, actor):
    first = r.register_partner(db, actor, romashka_registration(db))
    second = romashka_registration(db, name="Ромашка ООО", phone="+7 495 1234567")
    found = r.duplicates_of(db, second)
    assert [(c.client_id, c.reasons) for c in found] == [
        (first.client_id, (duplicates.SAME_PHONE, duplicates.SAME_NAME))
    ]
    assert count(db, Client) == 1  # looking wrote nothing


@pytest.mark.parametrize("name", ["Ромашка, ООО", "OOO Romashka", "«РОМАШКА»"])
def test_duplicate_by_name_however_written(db, actor, name):
    first = p.create_client(db, actor, p.ClientDraft(name='ООО "Ромашка"'))
    found = duplicates.find_duplicates(db, duplicates.PartnerProbe(names=(name,)))
    assert [(c.client_id, c.reasons) for c in found] == [(first.id, (duplicates.SAME_NAME,))]


def test_duplicate_by_inn_kpp_and_email(db, actor):
    first = r.register_partner(db, actor, romashka_registration(db, inn="7707083893"))
    found = duplicates.find_duplicates(
        db, duplicates.PartnerProbe(names=("Лютик",), inn="7707083893", kpp="773601001")
    )
    assert [c.reasons for c in found] == [(duplicates.SAME_INN_KPP,)]
    other = p.create_client(
        db, actor, p.ClientDraft(name="Лютик", channels=(p.ChannelDraft("email", "a@b.ru"),))
    )
    found = duplicates.find_duplicates(db, duplicates.PartnerProbe(emails=("A@B.RU",)))
    assert [(c.client_id, c.reasons) for c in found] == [(other.id, (duplicates.SAME_EMAIL,))]
    assert first.client_id != other.id


def test_mandatory_fields_of_the_circle_are_enforced(db, actor):
    regular = p.catalogue_item_id(db, "client_circle", "regular")
    with pytest.raises(ValidationError) as caught:
        p.create_client(db, actor, p.ClientDraft(name="Ромашка", circle_id=regular))
    assert {"channels", "industry", "source_id", "counterparties"} == set(caught.value.field_errors)
    assert "Постоянный клиент" in caught.value.field_errors["industry"].render()
    assert count(db, Client) == 0
    # a lighter circle takes the same draft
    contacted = p.catalogue_item_id(db, "client_circle", "contacted")
    with pytest.raises(ValidationError) as caught:
        p.create_client(db, actor, p.ClientDraft(name="Ромашка", circle_id=contacted))
    assert set(caught.value.field_errors) == {"channels"}
    created = p.create_client(
        db,
        actor,
        p.ClientDraft(
            name="Ромашка", circle_id=contacted, channels=(p.ChannelDraft("phone", "84951234567"),)
        ),
    )
    # moving it up a circle without what that circle needs is refused, and nothing changes
    with pytest.raises(ValidationError):
        p.update_client(
            db,
            actor,
            created.id,
            created.version,
            p.ClientDraft(name="Ромашка", circle_id=regular, channels=()),
        )
    assert p.get_client(db, created.id).circle_id == contacted
    assert len(p.get_client(db, created.id).channels) == 1


def test_circle_rules_are_editable(db, actor):
    potential = p.catalogue_item_id(db, "client_circle", "potential")
    circles.set_mandatory_fields(db, actor, potential, ["email"])
    with pytest.raises(ValidationError) as caught:
        p.create_client(db, actor, p.ClientDraft(name="Ромашка", circle_id=potential))
    assert set(caught.value.field_errors) == {"channels"}
    rules = {x.code: x.mandatory for x in circles.rules(db)}
    assert rules["potential"] == ("email",)
    assert rules["key"][:2] == ("phone", "email")
    with pytest.raises(ValidationError):
        circles.set_mandatory_fields(db, actor, potential, ["shoe_size"])
    manager = ensure_user(db, "m2", "Петрова Мария")
    with pytest.raises(PermissionDeniedError):
        circles.set_mandatory_fields(db, manager, potential, [])


def test_stale_card_says_who_and_when(db, actor):
    other = ensure_user(db, "petrova", "Петрова Мария")
    created = p.create_client(db, actor, p.ClientDraft(name="Ромашка"))
    p.update_client(db, other, created.id, created.version, p.ClientDraft(name="Ромашка-2"))
    with pytest.raises(ConcurrencyError) as caught:
        p.update_client(db, actor, created.id, created.version, p.ClientDraft(name="Ромашка-1"))
    assert caught.value.changed_by == "Петрова Мария"
    assert caught.value.changed_at is not None
    assert "Петрова Мария" in caught.value.message.render()


def test_merge_moves_everything_and_keeps_the_trace(db, actor):
    survivor = r.register_partner(db, actor, romashka_registration(db, inn="7707083893"))
    twin = r.register_partner(db, actor, romashka_registration(db, name="Ромашка, ООО"))
    shared_contact = p.contacts_of_client(db, survivor.client_id)[0].contact_id
    p.link_client_contact(db, actor, twin.client_id, shared_contact, role="Бухгалтер")
    kind = p.catalogue_item_id(db, "relation_kind", "partner")
    p.relate_clients(db, actor, twin.client_id, survivor.client_id, kind)
    s = p.get_client(db, survivor.client_id)
    t = p.get_client(db, twin.client_id)
    merge.merge_clients(db, actor, s.id, s.version, t.id, t.version)

    assert len(p.counterparties_of_client(db, s.id)) == 2
    names = sorted(x.contact_name for x in p.contacts_of_client(db, s.id))
    assert names == ["Петров Пётр", "Петров Пётр"]  # two people of that name, one link each
    assert p.client_relations(db, s.id) == []  # a relation to itself is dropped
    with read_unit(db) as session:
        gone = session.get(Client, t.id)
        assert gone.deleted_at is not None and gone.merged_into_id == s.id
        assert (
            session.scalar(
                select(func.count())
                .select_from(ClientContact)
                .where(ClientContact.client_id == t.id, ClientContact.deleted_at.is_(None))
            )
            == 0
        )
    history = p.record_history(db, "client", t.id)
    assert [h.field for h in history if h.action == "update"] == ["merged_into_id"]
    assert history[-1].action == "delete"
    found = duplicates.find_duplicates(db, duplicates.PartnerProbe(names=("Ромашка",)))
    assert [c.client_id for c in found] == [s.id]


def test_merged_contact_channels_follow(db, actor):
    a = p.create_contact(db, actor, p.ContactDraft(last_name="Иванов"))
    b = p.create_contact(
        db,
        actor,
        p.ContactDraft(last_name="Иванов", channels=(p.ChannelDraft("phone", "84951234567"),)),
    )
    merge.merge_contacts(db, actor, a.id, a.version, b.id, b.version)
    assert [c.normalized for c in p.get_contact(db, a.id).channels] == ["+74951234567"]
    assert count(db, Channel, Channel.contact_id == b.id) == 0
    with pytest.raises(ValidationError):
        merge.merge_contacts(db, actor, a.id, a.version, a.id, a.version)
