"""The new partner registration wizard, driven page by page on SQLite and PostgreSQL.

Acceptance 1 of issue 4: register «ООО «Ромашка»», then start registering «Ромашка ООО» with
the same phone written differently — the duplicate page names the first one and says why;
nothing is saved before Finish.
"""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QDialog, QWizard

from crm_desktop.services import circles, duplicates
from crm_desktop.services import parties as p
from crm_desktop.services.lists import ClientFilter, client_count
from crm_desktop.views.i18n import translations_dir
from crm_desktop.views.wizards.registration import (
    PageId,
    RegistrationWizard,
    candidate_reasons,
    select_data,
)

ROMASHKA = "ООО «Ромашка»"
INN = "7707083893"  # Sberbank's: a real, valid INN
KPP = "773601001"


def clients(db) -> int:
    return client_count(db, ClientFilter())


def open_wizard(qtbot, db, actor) -> RegistrationWizard:
    wizard = RegistrationWizard(db, actor)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == PageId.KIND
    return wizard


def go_next(wizard: RegistrationWizard, expected: PageId) -> None:
    wizard.next()
    assert wizard.currentId() == expected, wizard.currentPage().general_error.text()


def fill_company(wizard: RegistrationWizard, name: str, phone: str) -> None:
    wizard.kind_page.company.setChecked(True)
    go_next(wizard, PageId.CLIENT)
    wizard.client_page.name.setText(name)
    wizard.client_page.phone.setText(phone)
    go_next(wizard, PageId.REQUISITES)


def finish(wizard: RegistrationWizard) -> None:
    assert wizard.currentId() == PageId.SUMMARY
    wizard.button(QWizard.WizardButton.FinishButton).click()


def register_romashka(qtbot, db, actor) -> RegistrationWizard:
    wizard = open_wizard(qtbot, db, actor)
    fill_company(wizard, ROMASHKA, "8 (495) 123-45-67")
    requisites = wizard.requisites_page
    assert requisites.full_name.text() == ROMASHKA  # offered from the client's name
    assert requisites.legal_form.currentText().startswith("ООО")  # and its legal form
    assert requisites.kpp.isEnabled()
    requisites.inn.setText(INN)
    requisites.kpp.setText(KPP)
    go_next(wizard, PageId.CONTACTS)
    contact = wizard.contacts_page.current_form().fields
    contact.last_name.setText("Петров")
    contact.first_name.setText("Пётр")
    contact.position.setText("Директор")
    contact.email.setText("petrov@romashka.ru")
    contact.signs.setChecked(True)
    assert wizard.contacts_page.list.item(0).text() == "Петров Пётр"
    go_next(wizard, PageId.BANK)
    go_next(wizard, PageId.DUPLICATES)
    assert wizard.duplicates_page.candidates == []
    go_next(wizard, PageId.SUMMARY)
    summary = wizard.summary_page.view.toPlainText()
    assert ROMASHKA in summary
    assert INN in summary
    assert "Петров Пётр" in summary
    assert clients(db) == 0  # nothing saved before Finish
    finish(wizard)
    assert wizard.result() == QDialog.DialogCode.Accepted
    return wizard


def test_acceptance_duplicate_by_phone_in_another_format(qtbot, db, actor):
    first = register_romashka(qtbot, db, actor)
    assert clients(db) == 1
    assert first.registration_result is not None
    first_id = first.client_id
    assert first_id == first.registration_result.client_id
    assert p.get_client(db, first_id).name == ROMASHKA
    [counterparty] = p.counterparties_of_client(db, first_id)
    assert (counterparty.inn, counterparty.kpp, counterparty.legal_form) == (INN, KPP, "ООО")
    [link] = p.contacts_of_client(db, first_id)
    assert (link.contact_name, link.position) == ("Петров Пётр", "Директор")

    second = open_wizard(qtbot, db, actor)
    fill_company(second, "Ромашка ООО", "+7 495 1234567")
    second.requisites_page.enter_now.setChecked(False)
    go_next(second, PageId.CONTACTS)
    go_next(second, PageId.DUPLICATES)  # no requisites: no bank page
    page = second.duplicates_page
    assert [c.client_id for c in page.candidates] == [first_id]
    [item] = [page.tree.topLevelItem(0)]
    assert item.text(0) == ROMASHKA
    assert "same phone" in item.text(1)
    assert "+74951234567" in item.text(1)
    assert "similar name" in item.text(1)
    assert page.open_button.isEnabled()
    assert clients(db) == 1  # looking wrote nothing

    go_next(second, PageId.SUMMARY)  # the user goes on anyway…
    assert clients(db) == 1
    second.reject()  # …and then cancels
    assert clients(db) == 1


def test_open_the_existing_partner_instead(qtbot, db, actor):
    first_id = register_romashka(qtbot, db, actor).client_id
    wizard = open_wizard(qtbot, db, actor)
    fill_company(wizard, "Ромашка, ООО", "84951234567")
    go_next(wizard, PageId.CONTACTS)
    go_next(wizard, PageId.BANK)
    go_next(wizard, PageId.DUPLICATES)
    wizard.duplicates_page.open_button.click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.existing_client_id == first_id
    assert wizard.client_id == first_id
    assert wizard.registration_result is None
    assert clients(db) == 1


def test_bad_inn_is_shown_next_to_the_inn_field(qtbot, db, actor):
    wizard = open_wizard(qtbot, db, actor)
    fill_company(wizard, ROMASHKA, "8 (495) 123-45-67")
    page = wizard.requisites_page
    page.inn.setText("7707083894")  # wrong check digit
    page.kpp.setText(KPP)
    wizard.next()
    assert wizard.currentId() == PageId.REQUISITES
    label = page.errors.label("counterparty.inn")
    assert label is not None
    assert label.isVisible()
    assert "INN" in label.text()
    assert label.parentWidget() is page.inn.parentWidget()  # right under the INN field
    assert page.errors.text("counterparty.kpp") == ""
    assert not page.general_error.isVisible()
    page.inn.setText(INN)
    go_next(wizard, PageId.CONTACTS)
    assert not label.isVisible()
    assert clients(db) == 0


def test_fields_the_legal_form_lacks_are_disabled(qtbot, db, actor):
    wizard = open_wizard(qtbot, db, actor)
    fill_company(wizard, "ИП Сидоров", "")
    page = wizard.requisites_page
    assert page.legal_form.currentText().startswith("ИП")
    assert not page.kpp.isEnabled()
    assert page.ogrn.isEnabled()
    assert page.ogrn_label.text() == "&OGRNIP:"
    select_data(page.legal_form, p.catalogue_item_id(db, "legal_form", "fl"))
    assert not page.kpp.isEnabled()
    assert not page.ogrn.isEnabled()
    page.enter_now.setChecked(False)
    assert not page.inn.isEnabled()


def test_client_page_errors_and_a_bad_contact(qtbot, db, actor):
    wizard = open_wizard(qtbot, db, actor)
    go_next(wizard, PageId.CLIENT)
    page = wizard.client_page
    page.email.setText("not an e-mail")
    wizard.next()
    assert wizard.currentId() == PageId.CLIENT
    assert page.errors.text("client.name") == "This field is required."
    assert "e-mail" in page.errors.text("client.channels[0]")
    assert page.email_error.isVisible()
    assert not page.phone_error.isVisible()
    page.name.setText("Лютик")
    page.email.setText("info@lutik.ru")
    go_next(wizard, PageId.REQUISITES)
    wizard.requisites_page.enter_now.setChecked(False)
    go_next(wizard, PageId.CONTACTS)
    contacts = wizard.contacts_page
    contacts.current_form().fields.last_name.setText("Иванова")
    second = contacts.add_contact()
    second.fields.first_name.setText("Олег")  # no last name
    second.fields.phone.setText("12")
    contacts.list.setCurrentRow(0)
    wizard.next()
    assert wizard.currentId() == PageId.CONTACTS
    assert contacts.list.currentRow() == 1  # the contact in trouble is shown
    assert second.errors.text("last_name") == "This field is required."
    assert "phone" in second.errors.text("channels[0]")
    contacts.remove_contact()
    go_next(wizard, PageId.DUPLICATES)
    go_next(wizard, PageId.SUMMARY)
    finish(wizard)
    assert [x.contact_name for x in p.contacts_of_client(db, wizard.client_id)] == ["Иванова"]


def test_private_person_is_registered_with_its_contact(qtbot, db, actor):
    wizard = open_wizard(qtbot, db, actor)
    wizard.kind_page.person.setChecked(True)
    go_next(wizard, PageId.PERSON)
    person = wizard.person_page.person
    wizard.next()
    assert wizard.currentId() == PageId.PERSON
    assert wizard.person_page.errors.text("contacts[0].last_name") == "This field is required."
    person.last_name.setText("Сидоров")
    person.first_name.setText("Семён")
    person.phone.setText("+7 916 111-22-33")
    go_next(wizard, PageId.DUPLICATES)
    go_next(wizard, PageId.SUMMARY)
    assert "Сидоров Семён" in wizard.summary_page.view.toPlainText()
    assert clients(db) == 0
    finish(wizard)
    client = p.get_client(db, wizard.client_id)
    assert client.name == "Сидоров Семён"
    assert [c.value for c in client.channels] == ["+7 916 111-22-33"]
    [link] = p.contacts_of_client(db, client.id)
    assert link.contact_name == "Сидоров Семён"
    assert p.counterparties_of_client(db, client.id) == []


def test_cancel_saves_nothing(qtbot, db, actor):
    wizard = open_wizard(qtbot, db, actor)
    fill_company(wizard, ROMASHKA, "8 (495) 123-45-67")
    wizard.requisites_page.inn.setText(INN)
    wizard.requisites_page.kpp.setText(KPP)
    go_next(wizard, PageId.CONTACTS)
    go_next(wizard, PageId.BANK)
    go_next(wizard, PageId.DUPLICATES)
    go_next(wizard, PageId.SUMMARY)
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert wizard.client_id is None
    assert clients(db) == 0
    assert p.catalogue(db, "legal_form")  # the database is fine, just untouched


def test_bank_account_is_checked_on_its_page(qtbot, db, actor):
    wizard = open_wizard(qtbot, db, actor)
    fill_company(wizard, ROMASHKA, "")
    wizard.requisites_page.inn.setText(INN)
    wizard.requisites_page.kpp.setText(KPP)
    go_next(wizard, PageId.CONTACTS)
    go_next(wizard, PageId.BANK)
    bank = wizard.bank_page
    bank.enter_now.setChecked(True)
    bank.bik.setText("044525225")
    bank.account.setText("40702810000000000000")
    bank.bank_name.setText("ПАО Сбербанк")
    wizard.next()
    assert wizard.currentId() == PageId.BANK
    assert bank.errors.text("counterparty.bank_accounts[0].account")
    bank.account.setText("40702810938000000001")
    bank.corr_account.setText("30101810400000000225")
    go_next(wizard, PageId.DUPLICATES)
    go_next(wizard, PageId.SUMMARY)
    finish(wizard)
    [counterparty] = p.counterparties_of_client(db, wizard.client_id)
    [account] = counterparty.bank_accounts
    assert (account.bik, account.account) == ("044525225", "40702810938000000001")


def test_a_circle_requirement_at_finish_leads_back_to_its_field(qtbot, db, actor):
    key = next(c for c in circles.rules(db) if c.code == "key")
    circles.set_mandatory_fields(db, actor, key.circle_id, ["phone", "industry"])
    wizard = open_wizard(qtbot, db, actor)
    fill_company(wizard, "Лютик", "")
    wizard.requisites_page.enter_now.setChecked(False)
    go_next(wizard, PageId.CONTACTS)
    go_next(wizard, PageId.DUPLICATES)
    wizard.back()
    wizard.back()
    wizard.back()
    assert wizard.currentId() == PageId.CLIENT
    select_data(wizard.client_page.circle, key.circle_id)
    go_next(wizard, PageId.REQUISITES)
    go_next(wizard, PageId.CONTACTS)
    go_next(wizard, PageId.DUPLICATES)
    go_next(wizard, PageId.SUMMARY)
    finish(wizard)
    assert wizard.currentId() == PageId.CLIENT  # back where the missing fields are
    page = wizard.client_page
    assert "needs a phone" in page.errors.text("client.channels")
    assert "needs an industry" in page.errors.text("client.industry")
    assert clients(db) == 0
    page.phone.setText("+7 495 555-00-11")
    page.industry.setText("Торговля")
    go_next(wizard, PageId.REQUISITES)
    go_next(wizard, PageId.CONTACTS)
    go_next(wizard, PageId.DUPLICATES)
    go_next(wizard, PageId.SUMMARY)
    finish(wizard)
    assert clients(db) == 1
    assert p.get_client(db, wizard.client_id).circle_id == key.circle_id


@pytest.mark.parametrize(
    ("code", "expected"), [(QDialog.DialogCode.Rejected, None), (QDialog.DialogCode.Accepted, 1)]
)
def test_run_returns_the_client_to_open(qtbot, db, actor, monkeypatch, code, expected):
    seen = []

    def fake_exec(self: RegistrationWizard) -> int:
        seen.append(self)
        qtbot.addWidget(self)
        if code == QDialog.DialogCode.Accepted:
            self.existing_client_id = p.create_client(db, actor, p.ClientDraft(name="Лютик")).id
        return code

    monkeypatch.setattr(RegistrationWizard, "exec", fake_exec)
    result = RegistrationWizard.run(None, db, actor)
    assert (result is not None) == (expected is not None)
    if result is not None:
        assert result == seen[0].existing_client_id


def test_reasons_in_russian(qapp):
    translator = QTranslator()
    assert translator.load("crm_desktop_ru", str(translations_dir()))
    qapp.installTranslator(translator)
    try:
        candidate = duplicates.DuplicateCandidate(
            client_id=uuid.uuid4(),
            name=ROMASHKA,
            reasons=(duplicates.SAME_INN_KPP, duplicates.SAME_PHONE, duplicates.SAME_NAME),
            matched={duplicates.SAME_PHONE: "+74951234567", duplicates.SAME_INN_KPP: INN},
        )
        assert candidate_reasons(candidate) == (
            f"тот же ИНН и КПП ({INN}), тот же телефон (+74951234567), похожее название"
        )
    finally:
        qapp.removeTranslator(translator)
