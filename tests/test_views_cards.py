"""The client, counterparty and contact cards over a real database (SQLite and PostgreSQL).

Dialogs are answered through their ``ask`` classmethods; nothing sleeps.
"""

from __future__ import annotations

from datetime import date

import pytest

from crm_desktop.services import cards as card_services
from crm_desktop.services import parties as p
from crm_desktop.services.users import ensure_user
from crm_desktop.services.validation import with_account_key
from crm_desktop.views import messages
from crm_desktop.views.cards import ClientCard, ContactCard, CounterpartyCard
from crm_desktop.views.cards import dialogs as card_dialogs
from crm_desktop.views.cards.base import set_combo_data
from crm_desktop.views.cards.dialogs import Picked, RelationChoice

SBER = {
    "inn": "7707083893",
    "kpp": "773601001",
    "ogrn": "1027700132195",
    "bik": "044525225",
    "corr": "30101810400000000225",
}


@pytest.fixture
def shown_errors(monkeypatch) -> list[str]:
    """Every error box a card would show, instead of showing it."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, **kw: shown.append(text))
    return shown


@pytest.fixture
def client(db, actor) -> p.ClientDetails:
    return p.create_client(
        db,
        actor,
        p.ClientDraft(
            name="ООО «Ромашка»",
            industry="Торговля",
            channels=(p.ChannelDraft(kind="email", value="info@romashka.ru"),),
        ),
    )


def legal_form(db, code: str = "ooo"):
    return p.catalogue_item_id(db, "legal_form", code)


def circle(db, code: str):
    return p.catalogue_item_id(db, "client_circle", code)


def show(qtbot, card):
    qtbot.addWidget(card)
    card.resize(1100, 750)
    card.show()
    qtbot.waitExposed(card)
    return card


def tab_titles(card) -> list[str]:
    return [card.tabs.tabText(i) for i in range(card.tabs.count())]


# --- client card ----------------------------------------------------------------------------


def test_client_card_shows_edits_and_saves(qtbot, db, actor, client, shown_errors):
    card = show(qtbot, ClientCard(db, actor, client.id))
    assert tab_titles(card) == [
        "Main",
        "Counterparties",
        "Contact persons",
        "Relations",
        "Interactions",
        "Tasks",
        "Deals",
        "Claims",
        "History",
    ]
    assert card.name.text() == "ООО «Ромашка»"
    assert card.role_boxes["client"].isChecked()
    assert card.owner.currentData() == actor.user_id
    assert [r["value"] for r in card.channels.rows()] == ["info@romashka.ru"]
    assert card.title() == "ООО «Ромашка» (Client)"
    assert not card.is_dirty()

    titles: list[str] = []
    card.title_changed.connect(titles.append)
    card.name.setText("ООО «Ромашка-М»")
    assert card.is_dirty()
    assert titles[-1] == "ООО «Ромашка» (Client)*"
    card.role_boxes["dealer"].setChecked(True)
    card.industry.setText("Оптовая торговля")
    card.head_count.setText("120")
    set_combo_code(card.source, db, "info_source", "fair")
    card.channels.add_row({"kind": "phone", "subkind": "work", "value": "8 (495) 123-45-67"})

    with qtbot.waitSignal(card.saved) as saved:
        assert card.save()
    assert saved.args == ["client", client.id]
    assert not card.is_dirty()
    assert card.title() == "ООО «Ромашка-М» (Client)"

    stored = p.get_client(db, client.id)
    assert stored.name == "ООО «Ромашка-М»"
    assert stored.roles == {"client", "dealer"}
    assert stored.industry == "Оптовая торговля"
    assert stored.head_count == 120
    assert stored.source_id == p.catalogue_item_id(db, "info_source", "fair")
    phones = [c for c in stored.channels if c.kind == "phone"]
    assert [c.normalized for c in phones] == ["+74951234567"]
    assert shown_errors == []


def set_combo_code(combo, db, catalogue: str, code: str) -> None:
    set_combo_data(combo, p.catalogue_item_id(db, catalogue, code))


def test_a_new_client_card_creates_the_client(qtbot, db, actor, shown_errors):
    card = show(qtbot, ClientCard(db, actor))
    assert card.is_new()
    assert card.title() == "New client"
    assert card.role_boxes["client"].isChecked()
    assert not card.contacts.isEnabled()  # links need a saved client
    card.name.setText("АО «Вектор»")
    assert card.title() == "New client*"
    assert card.save()
    assert card.record_id is not None
    assert p.get_client(db, card.record_id).name == "АО «Вектор»"
    assert card.title() == "АО «Вектор» (Client)"
    assert card.contacts.isEnabled()


def test_an_empty_name_is_shown_next_to_the_name(qtbot, db, actor, client, shown_errors):
    card = show(qtbot, ClientCard(db, actor, client.id))
    card.tabs.setCurrentIndex(3)
    card.name.setText("   ")
    assert not card.save()
    errors = card.errors_shown()
    assert set(errors) == {"name"}
    assert card.tabs.currentIndex() == 0  # back to the tab of the first bad field
    assert card.focusWidget() is card.name
    assert card.field_box("name").error.isVisible()
    assert card.name.toolTip() == errors["name"]
    assert p.get_client(db, client.id).name == "ООО «Ромашка»"
    assert shown_errors == []  # no message box
    card.name.setText("ООО «Ромашка»")
    assert card.save()
    assert card.errors_shown() == {}


def test_a_bad_phone_row_is_marked_in_the_table(qtbot, db, actor, client, shown_errors):
    card = show(qtbot, ClientCard(db, actor, client.id))
    card.channels.add_row({"kind": "phone", "value": "12"})
    assert not card.save()
    errors = card.errors_shown()
    assert "channels[1].value" in errors
    assert "Row 2" in errors["channels"]
    assert card.channels.error_cells() == [(1, "value")]
    assert [c.kind for c in p.get_client(db, client.id).channels] == ["email"]
    assert shown_errors == []


def test_a_circle_refusal_is_shown_next_to_the_phones(qtbot, db, actor, client, shown_errors):
    """«Был контакт» needs a phone: the service refuses, the card says so under the table."""
    card = show(qtbot, ClientCard(db, actor, client.id))
    set_combo_code(card.circle, db, "client_circle", "contacted")
    assert not card.save()
    errors = card.errors_shown()
    assert set(errors) == {"channels"}
    assert "needs a phone" in errors["channels"]
    assert "Был контакт" in errors["channels"]
    assert card.channels.error.isVisible()
    assert p.get_client(db, client.id).circle_id is None  # nothing saved
    assert card.is_dirty()  # what the user chose stays

    card.channels.add_row({"kind": "phone", "value": "+7 495 765-43-21"})
    assert card.save()
    assert p.get_client(db, client.id).circle_id == circle(db, "contacted")
    assert shown_errors == []


def test_a_circle_refusal_for_a_missing_counterparty_goes_to_its_tab(
    qtbot, db, actor, client, shown_errors
):
    card = show(qtbot, ClientCard(db, actor, client.id))
    set_combo_code(card.circle, db, "client_circle", "regular")
    card.channels.add_row({"kind": "phone", "value": "+7 495 765-43-21"})
    set_combo_code(card.source, db, "info_source", "site")
    assert not card.save()
    errors = card.errors_shown()
    assert set(errors) == {"counterparties"}
    assert "at least one counterparty" in errors["counterparties"]
    assert card.tabs.currentWidget() is card.counterparties
    assert card.tabs.tabBar().tabTextColor(1).name() == "#c62828"


def test_a_stale_save_says_who_and_when_and_keeps_the_typing(
    qtbot, db, actor, client, shown_errors, monkeypatch
):
    card = show(qtbot, ClientCard(db, actor, client.id))
    other = ensure_user(db, "petrov", "Петров Пётр Петрович")
    theirs = p.update_client(
        db, other, client.id, client.version, p.ClientDraft(name="ООО «Ромашка» (их)")
    )

    card.name.setText("ООО «Ромашка» (моё)")
    card.industry.setText("Розница")
    assert not card.save()
    assert card.banner.isVisible()
    banner = card.banner.text.text()
    assert "Петров Пётр Петрович" in banner
    assert theirs.updated_at.astimezone().strftime("%d.%m.%Y %H:%M") in banner
    assert card.stale_error is not None
    assert card.stale_error.changed_by == "Петров Пётр Петрович"
    assert card.name.text() == "ООО «Ромашка» (моё)"  # kept
    assert card.is_dirty()
    assert p.get_client(db, client.id).name == "ООО «Ромашка» (их)"
    assert shown_errors == []

    compared: list[list[card_dialogs.Difference]] = []

    def keep_mine(cls, parent, differences):
        compared.append(list(differences))
        return True

    monkeypatch.setattr(card_dialogs.CompareDialog, "ask", classmethod(keep_mine))
    card.banner_compare.click()
    differences = {d.field: (d.mine, d.theirs) for d in compared[0]}
    assert differences["name"] == ("ООО «Ромашка» (моё)", "ООО «Ромашка» (их)")
    assert differences["industry"] == ("Розница", "")
    assert "roles" not in differences
    assert not card.banner.isVisible()
    assert card.save()  # re-applied over the newer version
    assert p.get_client(db, client.id).name == "ООО «Ромашка» (моё)"


def test_reload_discards_mine_after_a_stale_save(qtbot, db, actor, client, shown_errors):
    card = show(qtbot, ClientCard(db, actor, client.id))
    p.update_client(db, actor, client.id, client.version, p.ClientDraft(name="Новое имя"))
    card.name.setText("Моё имя")
    assert not card.save()
    card.banner_reload.click()
    assert card.name.text() == "Новое имя"
    assert not card.is_dirty()
    assert not card.banner.isVisible()
    card.industry.setText("Сервис")
    assert card.save()


def test_contacts_tab_adds_edits_and_unlinks(qtbot, db, actor, client, shown_errors, monkeypatch):
    person = p.create_contact(db, actor, p.ContactDraft(last_name="Сидоров", first_name="Иван"))
    card = show(qtbot, ClientCard(db, actor, client.id))
    card.tabs.setCurrentWidget(card.contacts)
    ref = card_services.PartyRef("contact", person.id, person.full_name)
    asked: dict[str, object] = {}

    def pick(cls, parent, db_, kind, **kwargs):
        asked.update(kind=kind, **kwargs)
        return Picked(ref, "Главный бухгалтер", "Бухгалтер")

    monkeypatch.setattr(card_dialogs.PartyPicker, "ask", classmethod(pick))
    assert card.add_existing_contact()
    assert asked["kind"] == "contact"
    assert asked["with_link"] is True
    links = p.contacts_of_client(db, client.id)
    assert [(link.contact_name, link.position, link.role) for link in links] == [
        ("Сидоров Иван", "Главный бухгалтер", "Бухгалтер")
    ]
    assert card.contacts.table.item(0, 0).text() == "Сидоров Иван"

    card.contacts.select_row(0)
    monkeypatch.setattr(
        card_dialogs.LinkDialog, "ask", classmethod(lambda cls, *a: ("Финансовый директор", None))
    )
    assert card.edit_contact_link()
    assert p.contacts_of_client(db, client.id)[0].position == "Финансовый директор"

    opened: list[tuple[str, object]] = []
    card.open_requested.connect(lambda kind, rid: opened.append((kind, rid)))
    card.contacts.select_row(0)
    card.open_contact_button.click()
    assert opened == [("contact", person.id)]

    monkeypatch.setattr(card_dialogs.Confirm, "ask", classmethod(lambda cls, *a: True))
    card.contacts.select_row(0)
    assert card.unlink_contact()
    assert p.contacts_of_client(db, client.id) == []
    assert card.contacts.payloads() == []
    assert shown_errors == []


def test_new_counterparty_and_contact_are_requested_prelinked(qtbot, db, actor, client):
    card = show(qtbot, ClientCard(db, actor, client.id))
    requested: list[tuple[str, object]] = []
    card.new_requested.connect(lambda kind, preset: requested.append((kind, preset)))
    card.new_counterparty_button.click()
    card.new_contact_button.click()
    assert requested == [
        ("counterparty", {"client_id": client.id}),
        ("contact", {"link_client_id": client.id}),
    ]


def test_relations_both_directions(qtbot, db, actor, client, shown_errors, monkeypatch):
    holding = p.create_client(db, actor, p.ClientDraft(name="УК «Цветы»"))
    kind_id = p.catalogue_item_id(db, "relation_kind", "holding")
    card = show(qtbot, ClientCard(db, actor, client.id))
    choice = RelationChoice(holding.id, client.id, kind_id, "с 2020 года")
    monkeypatch.setattr(card_dialogs.RelationDialog, "ask", classmethod(lambda cls, *a: choice))
    assert card.add_relation()
    # read from this client's side: it is part of the holding
    assert [card.relations.table.item(0, c).text() for c in range(3)] == [
        "Входит в холдинг",
        "УК «Цветы»",
        "с 2020 года",
    ]
    other = show(qtbot, ClientCard(db, actor, holding.id))
    assert other.relations.table.item(0, 0).text() == "Управляющая компания"

    monkeypatch.setattr(card_dialogs.Confirm, "ask", classmethod(lambda cls, *a: True))
    card.relations.select_row(0)
    assert card.remove_relation()
    assert p.client_relations(db, client.id) == []
    assert shown_errors == []


def test_the_relation_dialog_offers_both_readings(qtbot, db, actor, client):
    holding = p.create_client(db, actor, p.ClientDraft(name="УК «Цветы»"))
    kinds = [k for k in p.catalogue(db, "relation_kind") if k.extra["applies_to"] == "client"]
    dialog = card_dialogs.RelationDialog(db, "client", client.id, kinds)
    qtbot.addWidget(dialog)
    texts = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert "Управляющая компания" in texts
    assert "Входит в холдинг" in texts
    assert texts.count("Конкурент") == 1  # the same both ways: offered once
    assert [r.name for r in dialog.search.results()] == ["УК «Цветы»"]  # not itself
    dialog.kind.setCurrentIndex(texts.index("Входит в холдинг"))
    choice = dialog.choice()
    assert choice is not None
    assert (choice.from_id, choice.to_id) == (holding.id, client.id)


def test_history_tab_shows_changes_with_names(qtbot, db, actor, client, shown_errors):
    card = show(qtbot, ClientCard(db, actor, client.id))
    set_combo_code(card.source, db, "info_source", "fair")
    card.channels.add_row({"kind": "phone", "value": "+7 495 765-43-21"})
    assert card.save()
    card.tabs.setCurrentWidget(card.history)
    model = card.history.model
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    source = next(r for r in rows if r[2] == "Source")
    assert source[1] == "Иванов Иван Иванович"
    assert source[3:] == ["", "Выставка"]  # the name, not the id
    assert "Added: contact information «+7 495 765-43-21»" in [r[2] for r in rows]
    assert rows[-1][2] == "Record created"  # newest first


def test_merge_into_another_client(qtbot, db, actor, client, shown_errors, monkeypatch):
    survivor = p.create_client(db, actor, p.ClientDraft(name="ООО «Ромашка» (основной)"))
    card = show(qtbot, ClientCard(db, actor, client.id))
    ref = card_services.PartyRef("client", survivor.id, survivor.name)
    monkeypatch.setattr(
        card_dialogs.PartyPicker, "ask", classmethod(lambda cls, *a, **k: Picked(ref))
    )
    monkeypatch.setattr(card_dialogs.Confirm, "ask", classmethod(lambda cls, *a: True))
    opened: list[object] = []
    card.open_requested.connect(lambda kind, rid: opened.append(rid))
    with qtbot.waitSignal(card.close_requested):
        assert card.merge_into()
    assert opened == [survivor.id]
    emails = [c.value for c in p.get_client(db, survivor.id).channels]
    assert emails == ["info@romashka.ru"]
    assert shown_errors == []


# --- counterparty card ----------------------------------------------------------------------


def sber_account() -> str:
    return with_account_key(SBER["bik"], "40702810" + "0" + "38000012345")


def test_counterparty_card_creates_one_with_a_bank_account(qtbot, db, actor, client, shown_errors):
    card = show(qtbot, CounterpartyCard(db, actor, client_id=client.id))
    assert tab_titles(card) == ["Requisites", "Bank accounts", "Contact persons", "History"]
    assert card.client_id() == client.id
    assert card.client_name.text() == "ООО «Ромашка»"
    assert not card.is_dirty()  # the preset link is not an edit
    set_combo_data(card.legal_form, legal_form(db, "pao"))
    card.full_name.setText('ПАО "Сбербанк России"')
    card.short_name.setText("ПАО Сбербанк")
    card.inn.setText(SBER["inn"])
    card.kpp.setText(SBER["kpp"])
    card.ogrn.setText(SBER["ogrn"])
    card.legal_address.setText("117312, г. Москва, ул. Вавилова, д. 19")
    card.same_address.click()
    card.bank_accounts.add_row(
        {"bik": SBER["bik"], "account": sber_account(), "corr_account": SBER["corr"]}
    )
    card.bank_accounts.set_cell(0, "bank_name", "ПАО Сбербанк")
    assert card.save(), card.errors_shown()
    stored = p.get_counterparty(db, card.record_id)
    assert stored.client_id == client.id
    assert stored.postal_address == "117312, г. Москва, ул. Вавилова, д. 19"
    assert [(a.bik, a.is_main) for a in stored.bank_accounts] == [(SBER["bik"], True)]
    assert card.title() == "ПАО Сбербанк (Counterparty)"
    assert [cp.id for cp in p.counterparties_of_client(db, client.id)] == [card.record_id]
    assert shown_errors == []


def test_a_bad_inn_is_shown_next_to_the_inn_and_nothing_is_saved(qtbot, db, actor, shown_errors):
    saved = p.create_counterparty(
        db,
        actor,
        p.CounterpartyDraft(
            legal_form_id=legal_form(db, "pao"),
            full_name='ПАО "Сбербанк России"',
            inn=SBER["inn"],
            kpp=SBER["kpp"],
        ),
    )
    card = show(qtbot, CounterpartyCard(db, actor, saved.id))
    card.tabs.setCurrentIndex(1)
    card.inn.setText("7707083894")  # wrong check digit
    card.full_name.setText('ПАО "Сбер"')
    assert not card.save()
    errors = card.errors_shown()
    assert set(errors) == {"inn"}
    assert "check digit" in errors["inn"]
    assert card.field_box("inn").error.isVisible()
    assert card.tabs.currentIndex() == 0
    assert card.focusWidget() is card.inn
    stored = p.get_counterparty(db, saved.id)
    assert (stored.inn, stored.full_name) == (SBER["inn"], 'ПАО "Сбербанк России"')
    assert shown_errors == []


def test_a_bad_bik_is_marked_on_its_cell(qtbot, db, actor, shown_errors):
    card = show(qtbot, CounterpartyCard(db, actor))
    card.full_name.setText("ООО «Лютик»")
    card.bank_accounts.add_row(
        {"bik": "123", "account": "40702810000000000000", "bank_name": "Банк"}
    )
    assert not card.save()
    errors = card.errors_shown()
    assert "bank_accounts[0].bik" in errors
    assert card.tabs.currentIndex() == 1
    assert card.record_id is None
    assert card_services.find_parties(db, "counterparty", "Лютик") == []


def test_legal_form_disables_what_it_does_not_have(qtbot, db, actor):
    card = show(qtbot, CounterpartyCard(db, actor))
    set_combo_data(card.legal_form, legal_form(db, "ooo"))
    assert card.kpp.isEnabled()
    assert card.ogrn.isEnabled()
    assert card.ogrn_label.text() == "OGRN:"
    card.kpp.setText("773601001")
    set_combo_data(card.legal_form, legal_form(db, "ip"))
    assert not card.kpp.isEnabled()
    assert card.ogrn.isEnabled()
    assert card.ogrn_label.text() == "OGRNIP:"
    assert card.collect().kpp is None  # not sent for an ИП
    set_combo_data(card.legal_form, legal_form(db, "fl"))
    assert not card.kpp.isEnabled()
    assert not card.ogrn.isEnabled()


def test_counterparty_client_link_can_be_chosen_and_cleared(
    qtbot, db, actor, client, shown_errors, monkeypatch
):
    saved = p.create_counterparty(
        db, actor, p.CounterpartyDraft(legal_form_id=legal_form(db, "ip"), full_name="ИП Петров")
    )
    card = show(qtbot, CounterpartyCard(db, actor, saved.id))
    assert card.client_name.text() == ""
    assert not card.open_client_button.isEnabled()
    ref = card_services.PartyRef("client", client.id, client.name)
    monkeypatch.setattr(
        card_dialogs.PartyPicker, "ask", classmethod(lambda cls, *a, **k: Picked(ref))
    )
    card.choose_client_button.click()
    assert card.client_name.text() == "ООО «Ромашка»"
    assert card.is_dirty()
    assert card.save()
    assert p.get_counterparty(db, saved.id).client_id == client.id
    opened: list[object] = []
    card.open_requested.connect(lambda kind, rid: opened.append((kind, rid)))
    card.open_client_button.click()
    assert opened == [("client", client.id)]
    card.clear_client_button.click()
    assert card.save()
    assert p.get_counterparty(db, saved.id).client_id is None


# --- contact card ---------------------------------------------------------------------------


def test_contact_card_edits_person_and_channels(qtbot, db, actor, shown_errors):
    person = p.create_contact(
        db,
        actor,
        p.ContactDraft(
            last_name="Орлова",
            first_name="Анна",
            channels=(p.ChannelDraft(kind="phone", value="+7 916 123-45-67", subkind="mobile"),),
        ),
    )
    card = show(qtbot, ContactCard(db, actor, person.id))
    assert tab_titles(card) == [
        "Main",
        "Clients and counterparties",
        "Relations",
        "Interactions",
        "Tasks",
        "History",
    ]
    assert card.title() == "Орлова Анна (Contact person)"
    assert card.birthday.value() is None
    card.middle_name.setText("Сергеевна")
    card.position.setText("Коммерческий директор")
    card.birthday.set_value(date(1985, 3, 14))
    card.channels.add_row({"kind": "email", "value": "a.orlova@example.ru"})
    card.channels.add_row({"kind": "messenger", "subkind": "telegram", "value": "@anna_orlova"})
    assert card.save(), card.errors_shown()
    stored = p.get_contact(db, person.id)
    assert stored.full_name == "Орлова Анна Сергеевна"
    assert stored.birthday == date(1985, 3, 14)
    assert {c.kind: c.normalized for c in stored.channels} == {
        "phone": "+79161234567",
        "email": "a.orlova@example.ru",
        "messenger": "@anna_orlova",
    }
    assert shown_errors == []


def test_changing_a_channel_kind_drops_a_type_that_does_not_fit(qtbot, db, actor):
    card = show(qtbot, ContactCard(db, actor))
    row = card.channels.add_row()
    assert card.channels.row_values(row)["subkind"] == "mobile"
    card.channels.set_cell(row, "kind", "messenger")
    assert card.channels.row_values(row)["subkind"] == "telegram"
    card.channels.set_cell(row, "kind", "email")
    assert card.channels.row_values(row)["subkind"] is None


def test_a_new_contact_from_a_client_is_linked_on_save(qtbot, db, actor, client, shown_errors):
    card = show(qtbot, ContactCard(db, actor, link_client_id=client.id))
    card.last_name.setText("Кузнецов")
    card.position.setText("Снабженец")
    assert card.save()
    links = p.contacts_of_client(db, client.id)
    assert [(link.contact_id, link.position) for link in links] == [(card.record_id, "Снабженец")]
    assert card.clients.payloads()[0][1].owner_name == "ООО «Ромашка»"
    assert shown_errors == []


def test_contact_links_to_counterparties_and_relations(qtbot, db, actor, shown_errors, monkeypatch):
    boss = p.create_contact(db, actor, p.ContactDraft(last_name="Большаков"))
    clerk = p.create_contact(db, actor, p.ContactDraft(last_name="Малышев"))
    cp = p.create_counterparty(
        db, actor, p.CounterpartyDraft(legal_form_id=legal_form(db, "ip"), full_name="ИП Малышев")
    )
    card = show(qtbot, ContactCard(db, actor, clerk.id))
    ref = card_services.PartyRef("counterparty", cp.id, cp.short_name)
    monkeypatch.setattr(
        card_dialogs.PartyPicker,
        "ask",
        classmethod(lambda cls, *a, **k: Picked(ref, "Владелец", "Подписант")),
    )
    assert card.link_to("counterparty")
    assert [
        (link.owner_name, link.role)
        for link in card_services.counterparties_of_contact(db, clerk.id)
    ] == [("ИП Малышев", "Подписант")]

    kind_id = p.catalogue_item_id(db, "relation_kind", "reports_to")
    choice = RelationChoice(clerk.id, boss.id, kind_id, None)
    monkeypatch.setattr(card_dialogs.RelationDialog, "ask", classmethod(lambda cls, *a: choice))
    assert card.add_relation()
    assert card.relations.table.item(0, 0).text() == "Подчиняется"
    boss_card = show(qtbot, ContactCard(db, actor, boss.id))
    assert boss_card.relations.table.item(0, 0).text() == "Руководитель"
    assert boss_card.relations.table.item(0, 1).text() == "Малышев"

    cp_card = show(qtbot, CounterpartyCard(db, actor, cp.id))
    assert cp_card.contacts.table.item(0, 0).text() == "Малышев"
    assert cp_card.contacts.table.item(0, 2).text() == "Подписант"
    assert shown_errors == []


# --- closing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "closes", "saved"),
    [
        ("cancel", False, False),
        ("discard", True, False),
        ("save", True, True),
    ],
)
def test_closing_a_changed_card_asks(qtbot, db, actor, client, monkeypatch, answer, closes, saved):
    card = show(qtbot, ClientCard(db, actor, client.id))
    asked: list[str] = []
    monkeypatch.setattr(
        card_dialogs.UnsavedChanges,
        "ask",
        classmethod(lambda cls, parent, title: asked.append(title) or answer),
    )
    assert card.confirm_close()  # nothing changed: no question
    assert asked == []
    card.name.setText("ООО «Ромашка-2»")
    assert card.confirm_close() is closes
    assert asked == ["ООО «Ромашка» (Client)"]
    assert (p.get_client(db, client.id).name == "ООО «Ромашка-2»") is saved


def test_saving_an_unchanged_card_changes_nothing(qtbot, db, actor, shown_errors):
    """Every field makes the round trip: catalogue and user choices included."""
    other = ensure_user(db, "petrov", "Петров Пётр Петрович")
    saved = p.create_client(
        db,
        actor,
        p.ClientDraft(
            name="ООО «Круг»",
            roles=frozenset({"client", "carrier"}),
            circle_id=circle(db, "contacted"),
            owner_id=other.user_id,
            source_id=p.catalogue_item_id(db, "info_source", "fair"),
            industry="Логистика",
            head_count=7,
            notes="Первая строка\nвторая строка",
            channels=(p.ChannelDraft(kind="phone", value="+7 495 123-45-67", is_primary=True),),
        ),
    )
    card = show(qtbot, ClientCard(db, actor, saved.id))
    assert card.save()
    again = p.get_client(db, saved.id)
    assert again.version == saved.version  # nothing was written
    assert card.draft_of(again) == card.collect()
