"""The read side the cards use (services/cards.py) on both backends."""

from __future__ import annotations

from crm_desktop.services import cards
from crm_desktop.services import parties as p
from crm_desktop.services.users import ensure_user


def test_card_history_resolves_names_and_includes_the_parts(db, actor):
    fair = p.catalogue_item_id(db, "info_source", "fair")
    client = p.create_client(db, actor, p.ClientDraft(name="ООО «Альфа»"))
    other = ensure_user(db, "petrov", "Петров Пётр")
    updated = p.update_client(
        db,
        other,
        client.id,
        client.version,
        p.ClientDraft(
            name="ООО «Альфа»",
            source_id=fair,
            channels=(p.ChannelDraft(kind="phone", value="8 495 123-45-67"),),
        ),
    )
    person = p.create_contact(db, actor, p.ContactDraft(last_name="Смирнов"))
    p.link_client_contact(db, actor, client.id, person.id, role="Бухгалтер")
    lines = cards.card_history(db, "client", client.id)
    assert lines[0].action == "create" and lines[0].part == ""
    source = next(line for line in lines if line.field == "source_id")
    assert (source.old_value, source.new_value, source.user_name) == (
        None,
        "Выставка",
        "Петров Пётр",
    )
    channel = [line for line in lines if line.part == "channel"]
    assert channel and channel[0].part_text == updated.channels[0].value
    assert all(line.field != "normalized" for line in channel)
    link = [line for line in lines if line.part == "client_contact"]
    assert link and link[0].part_text == "Смирнов"
    assert [line.at for line in lines] == sorted(line.at for line in lines)


def test_find_parties_searches_through_the_index(db, actor):
    for name in ("ООО «Ромашка»", "АО «Лютик»", "ИП Ромашкин"):
        p.create_client(db, actor, p.ClientDraft(name=name))
    archived = p.create_client(db, actor, p.ClientDraft(name="ООО «Ромашка-архив»"))
    p.update_client(
        db,
        actor,
        archived.id,
        archived.version,
        p.ClientDraft(name=archived.name, is_archived=True),
    )
    found = [r.name for r in cards.find_parties(db, "client", "ромаш")]
    assert sorted(found) == ["ИП Ромашкин", "ООО «Ромашка»"]
    assert len(cards.find_parties(db, "client", "")) == 3
    first = cards.find_parties(db, "client", "ромаш")[0]
    assert first.id not in [r.id for r in cards.find_parties(db, "client", "", exclude=[first.id])]
    assert cards.party_name(db, "client", first.id) == first.name


def test_counterparty_contacts_and_contact_relations(db, actor):
    cp = p.create_counterparty(
        db,
        actor,
        p.CounterpartyDraft(
            legal_form_id=p.catalogue_item_id(db, "legal_form", "ip"), full_name="ИП Козлов"
        ),
    )
    a = p.create_contact(db, actor, p.ContactDraft(last_name="Козлов", first_name="Пётр"))
    b = p.create_contact(db, actor, p.ContactDraft(last_name="Козлова"))
    p.link_counterparty_contact(db, actor, cp.id, a.id, role="Подписант")
    assert [(x.contact_name, x.role) for x in cards.contacts_of_counterparty(db, cp.id)] == [
        ("Козлов Пётр", "Подписант")
    ]
    assert [x.owner_name for x in cards.counterparties_of_contact(db, a.id)] == ["ИП Козлов"]
    kind = p.catalogue_item_id(db, "relation_kind", "relative")
    p.relate_contacts(db, actor, a.id, b.id, kind)
    both = cards.contact_relations(db, b.id)
    assert [(r.from_name, r.to_name, r.kind_name) for r in both] == [
        ("Козлов Пётр", "Козлова", "Родственник")
    ]
    assert cards.contact_relations(db, a.id)[0].id == both[0].id
