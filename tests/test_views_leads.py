"""The leads views on SQLite and PostgreSQL: the list and its paged model (Qt's model tester,
filters, search, opening a lead), the lead card (save, take in work, reject, reopen, the links
of a converted lead), the reject dialog (acceptance 4: no reason — the message, and the lead
stays as it was), the conversion wizard (acceptance 3: a lead with a client's INN goes to that
client; a fresh lead makes client, contact and deal; the «create anyway» confirmation; errors
back on their page) and the lead sources report page (chart, table, CSV)."""

from __future__ import annotations

import html
import uuid
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QLabel, QWizard
from sqlalchemy import func, select

from crm_desktop.errors import Message, ValidationError
from crm_desktop.models import Client, ClientContact, Contact, Counterparty, Deal, Lead
from crm_desktop.services import leads as ld
from crm_desktop.services import parties as p
from crm_desktop.services import registration as r
from crm_desktop.services.leads import LEAD_SORT_KEYS
from crm_desktop.services.uow import read_unit
from crm_desktop.services.users import ensure_user
from crm_desktop.views import messages
from crm_desktop.views.cards.base import set_combo_data
from crm_desktop.views.itemmodels.paged import PagedTableModel
from crm_desktop.views.leads import card as card_module
from crm_desktop.views.leads.card import LeadCard
from crm_desktop.views.leads.conversion import ConversionWizard, PageId
from crm_desktop.views.leads.itemmodels import LEAD_COLUMNS, leads_model
from crm_desktop.views.leads.list import LeadsList
from crm_desktop.views.leads.reject_dialog import RejectDialog
from crm_desktop.views.reports import lead_sources as report_view
from crm_desktop.views.reports.lead_sources import LeadSourcesReportPage, count_axis

SBER_INN = "7707083893"
SBER_KPP = "773601001"
GAZ_INN = "7736050003"
GAZ_KPP = "772801001"
NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def english_numbers():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def shown_errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, **kw: shown.append(text))
    return shown


def count(db, model, *where) -> int:
    with read_unit(db) as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def counts(db) -> dict[str, int]:
    return {m.__name__: count(db, m) for m in (Client, Counterparty, Contact, ClientContact, Deal)}


def source(db, code: str) -> uuid.UUID:
    return p.catalogue_item_id(db, "info_source", code)


def fresh_lead(db, actor, **changes: Any) -> ld.LeadDetails:
    draft = ld.LeadDraft(
        name="Петров Пётр Петрович",
        company='ООО "Лютик"',
        phone="8 (916) 123-45-67",
        email="petrov@lutik.ru",
        inn=GAZ_INN,
        kpp=GAZ_KPP,
        source_id=source(db, "site"),
        interest="Нужны гвозди, 2 тонны в месяц",
    )
    return ld.create_lead(db, actor, replace(draft, **changes))


def register_romashka(db, actor) -> uuid.UUID:
    result = r.register_partner(
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
            contacts=(r.ContactEntry(p.ContactDraft(last_name="Сидоров"), position="Директор"),),
        ),
    )
    return result.client_id


def settle(qtbot, model: PagedTableModel[Any]) -> None:
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)


def all_rows(qtbot, model: PagedTableModel[Any], column: int = 2) -> list[Any]:
    qtbot.waitUntil(
        lambda: all(model.index(i, column).data() is not None for i in range(model.rowCount())),
        timeout=10_000,
    )
    return [model.index(i, column).data() for i in range(model.rowCount())]


# --- the list ------------------------------------------------------------------------------------


@pytest.fixture
def listed(db, actor) -> dict[str, ld.LeadDetails]:
    """Twelve leads: two sources, two owners, every status."""
    other = ensure_user(db, "other", "Смирнова Ольга Петровна")
    made: dict[str, ld.LeadDetails] = {}
    for i in range(12):
        made[f"lead{i}"] = ld.create_lead(
            db,
            actor,
            ld.LeadDraft(
                name=f"Клиентов{i:02d} Иван",
                company=f"ООО Компания {i}" if i % 2 else None,
                phone=f"+7 916 000-00-{i:02d}",
                source_id=source(db, "site" if i % 3 else "call"),
                owner_id=other.user_id if i % 4 == 0 else None,
            ),
        )
    lead = made["lead1"]
    ld.take_in_work(db, actor, lead.id, lead.version)
    lead = made["lead2"]
    ld.reject(db, actor, lead.id, lead.version, ld.reject_reasons(db)[0].id, "Спам")
    return made


def test_the_columns_sort_by_the_services_whitelist():
    assert [c.header for c in LEAD_COLUMNS] == [
        "Number",
        "Received on",
        "Name",
        "Company",
        "Phone",
        "E-mail",
        "Source",
        "Status",
        "Owner",
    ]
    assert {c.sort_key for c in LEAD_COLUMNS} == set(LEAD_SORT_KEYS)


def test_the_list_model_passes_the_model_tester_and_sorts(qtbot, db, listed):
    model = leads_model(db, page_size=5)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.refresh()
    qtbot.waitUntil(lambda: model.total_known, timeout=10_000)
    assert model.rowCount() == 12
    assert model.descending  # newest first
    first = all_rows(qtbot, model)
    assert first[0] == "Клиентов11 Иван"
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            settle(qtbot, model)
            rows = all_rows(qtbot, model)
            assert sorted(rows) == sorted(first)
    settle(qtbot, model)
    del tester


def test_the_list_filters_searches_and_opens(qtbot, db, actor, listed):
    page = LeadsList(db, actor)
    qtbot.addWidget(page)
    page.resize(1300, 600)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, page.model)
    assert page.model.rowCount() == 12
    status = [page.model.index(i, 7).data() for i in range(12)]
    assert {"New", "In work", "Rejected"} == set(status)

    set_combo_data(page.status, "rejected")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert all_rows(qtbot, page.model) == ["Клиентов02 Иван"]
    set_combo_data(page.status, None)
    set_combo_data(page.source, str(source(db, "call")))
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    set_combo_data(page.source, None)
    other = next(u for u in (page.owner.itemData(i) for i in range(page.owner.count())) if u)
    assert other  # the owner filter lists the users
    page.received_from.set_value(date(2000, 1, 1))
    page.received_to.set_value(date(2000, 1, 31))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    page.received_from.set_value(None)
    page.received_to.set_value(None)
    qtbot.waitUntil(lambda: page.model.rowCount() == 12, timeout=10_000)

    with qtbot.waitSignal(page.model.total_changed, timeout=10_000):
        page.search_box.setText("клиентов05")
        page.apply_filter()
    settle(qtbot, page.model)
    assert all_rows(qtbot, page.model) == ["Клиентов05 Иван"]
    with qtbot.waitSignal(page.open_requested) as opened:
        page.view.row_activated.emit(0)
    assert opened.args == ["lead", listed["lead5"].id]
    with qtbot.waitSignal(page.new_requested) as new:
        page.new_button.click()
    assert new.args == ["lead"]


# --- the card ------------------------------------------------------------------------------------


def make_card(qtbot, db, actor, lead_id: uuid.UUID | None = None) -> LeadCard:
    card = LeadCard(db, actor, lead_id)
    qtbot.addWidget(card)
    card.resize(1300, 850)
    card.show()
    return card


def test_a_new_lead_is_saved_and_taken_in_work(qtbot, db, actor, shown_errors):
    card = make_card(qtbot, db, actor)
    assert card.title() == "New lead"
    assert not card.convert_button.isEnabled()  # nothing to convert before the first save
    card.phone.setText("12")
    assert not card.save()
    assert set(card.errors_shown()) == {"name", "phone"}
    card.name.setText("Кузнецов Олег")
    card.phone.setText("+7 903 555-44-33")
    set_combo_data(card.source, source(db, "call"))
    assert card.save()
    assert card.record_id is not None
    details = ld.get_lead(db, card.record_id)
    assert (details.status, details.owner_id, details.source_name) == (
        "new",
        actor.user_id,
        "Входящий звонок",
    )
    assert card.title().startswith(details.number)
    assert card.take_button.isVisibleTo(card)
    assert card.take_in_work()
    assert ld.get_lead(db, card.record_id).status == "in_work"
    assert card.status.text() == "In work"
    assert not card.take_button.isVisibleTo(card)
    assert card.convert_button.isEnabled()
    assert shown_errors == []


def test_the_card_leaves_room_for_interactions(qtbot, db, actor):
    card = make_card(qtbot, db, actor, fresh_lead(db, actor).id)
    titles = [card.tabs.tabText(i) for i in range(card.tabs.count())]
    assert titles == ["Main", "Interactions", "History"]
    assert card.interactions_page.objectName() == "Interactions"
    widget = QLabel("журнал")
    card.set_interactions_widget(widget)
    assert widget.parent() is card.interactions_page
    extra = QLabel("задачи")
    index = card.add_tab(extra, "Tasks")
    assert index == 2
    assert [card.tabs.tabText(i) for i in range(card.tabs.count())][-2:] == ["Tasks", "History"]


# --- acceptance 4: rejecting ---------------------------------------------------------------------


def test_rejecting_without_a_reason_shows_the_message_and_changes_nothing(qtbot, db, actor):
    lead = fresh_lead(db, actor)
    dialog = RejectDialog(db, actor, lead.id, lead.version, lead.number)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reason.currentData() is None  # nothing chosen for the user
    assert not dialog.submit()
    shown = dialog.errors_shown()
    assert set(shown) == {"reject_reason_id"}
    assert "reason" in shown["reject_reason_id"]
    assert dialog.boxes["reject_reason_id"].error.isVisibleTo(dialog)
    assert dialog.isVisible()  # the dialog stays for the user to choose
    after = ld.get_lead(db, lead.id)
    assert (after.status, after.version, after.reject_reason_id) == ("new", lead.version, None)

    # «Другое» needs a comment: the service says so under the comment
    other = next(i for i in range(dialog.reason.count()) if dialog.reason.itemText(i) == "Другое")
    dialog.reason.setCurrentIndex(other)
    assert dialog.comment_required()
    assert dialog.comment_label.text() == "Comment (required):"
    assert not dialog.submit()
    assert set(dialog.errors_shown()) == {"reject_comment"}
    assert ld.get_lead(db, lead.id).status == "new"
    dialog.comment.setPlainText("Передумал")
    assert dialog.submit()
    assert dialog.details is not None
    assert dialog.details.status == "rejected"


def test_the_card_rejects_and_reopens(qtbot, db, actor, monkeypatch):
    lead = fresh_lead(db, actor)
    card = make_card(qtbot, db, actor, lead.id)
    reason = ld.reject_reasons(db)[0]

    def run(cls, parent, db_, actor_, lead_id, version, title=""):
        dialog = cls(db_, actor_, lead_id, version, title, parent)
        set_combo_data(dialog.reason, reason.id)
        dialog.comment.setPlainText("Не отвечает")
        assert dialog.submit()
        return dialog.details

    monkeypatch.setattr(RejectDialog, "run", classmethod(run))
    with qtbot.waitSignal(card.saved):
        assert card.reject_lead()
    assert card.status.text() == f"Rejected: {reason.name} — Не отвечает"
    assert card.notice.isVisibleTo(card)
    assert card.name.isReadOnly()
    assert not card.save_button.isEnabled()
    assert card.reopen_button.isVisibleTo(card)
    assert not card.convert_button.isVisibleTo(card)
    assert card.reopen_lead()
    assert ld.get_lead(db, lead.id).status == "in_work"
    assert not card.name.isReadOnly()
    assert card.save_button.isEnabled()


# --- acceptance 3: conversion --------------------------------------------------------------------


def open_wizard(qtbot, db, actor, lead_id: uuid.UUID) -> ConversionWizard:
    wizard = ConversionWizard(db, actor, lead_id)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == PageId.MATCH
    return wizard


def go_next(wizard: ConversionWizard, expected: PageId) -> None:
    wizard.next()
    page = wizard.currentPage()
    assert wizard.currentId() == expected, page.general_error.text()  # type: ignore[attr-defined]


def finish(wizard: ConversionWizard) -> None:
    assert wizard.currentId() == PageId.SUMMARY
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_a_lead_with_a_clients_inn_goes_to_that_client(qtbot, db, actor):
    romashka = register_romashka(db, actor)
    lead = fresh_lead(db, actor, company='ООО "Ромашка"', inn=SBER_INN, kpp=SBER_KPP)
    before = counts(db)
    wizard = open_wizard(qtbot, db, actor, lead.id)
    match = wizard.match_page
    assert [c.client_id for c in wizard.candidates] == [romashka]
    assert match.use_existing.isChecked()  # preselected: the same INN
    assert match.existing_client_id() == romashka
    assert "same INN" in match.tree.topLevelItem(0).text(1)
    go_next(wizard, PageId.DETAILS)
    details = wizard.details_page
    assert not details.client_group.isVisibleTo(details)
    assert 'ООО "Ромашка"' in details.existing_label.text()
    assert details.existing_contact.isVisibleTo(details)  # the client's own contacts offered
    go_next(wizard, PageId.DEAL)
    wizard.deal_page.with_deal.setChecked(False)
    go_next(wizard, PageId.SUMMARY)
    assert "Existing client" in wizard.summary_page.view.toPlainText()
    assert counts(db) == before  # nothing written before Finish
    finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.details is not None
    assert wizard.details.converted_client_id == romashka
    after = counts(db)
    assert after["Client"] == before["Client"]  # no new client
    assert after["Counterparty"] == before["Counterparty"]  # the client's own, by the INN
    assert after["Contact"] == before["Contact"] + 1
    assert after["Deal"] == before["Deal"]
    converted = ld.get_lead(db, lead.id)
    assert converted.status == "qualified"
    assert converted.converted_client_id == romashka
    [own] = p.counterparties_of_client(db, romashka)
    assert converted.converted_counterparty_id == own.id


def test_a_fresh_lead_makes_client_contact_and_deal_and_the_card_links_them(
    qtbot, db, actor, monkeypatch, shown_errors
):
    lead = fresh_lead(db, actor)
    card = make_card(qtbot, db, actor, lead.id)
    before = counts(db)
    driven: list[ConversionWizard] = []

    def run(cls, parent, db_, actor_, lead_id):
        wizard = cls(db_, actor_, lead_id, parent)
        driven.append(wizard)
        wizard.show()
        match = wizard.match_page
        assert match.create_new.isChecked()
        assert match.tree.isHidden()  # nobody like this lead yet
        go_next(wizard, PageId.DETAILS)
        page = wizard.details_page
        assert page.client_name.text() == 'ООО "Лютик"'
        assert page.with_counterparty.isChecked()
        assert (page.inn.text(), page.kpp.text()) == (GAZ_INN, GAZ_KPP)
        assert (page.last_name.text(), page.first_name.text()) == ("Петров", "Пётр")
        assert page.middle_name.text() == "Петрович"
        assert page.phone.text() == "8 (916) 123-45-67"
        page.position.setText("Снабженец")
        go_next(wizard, PageId.DEAL)
        assert wizard.deal_page.title_edit.text() == "Нужны гвозди, 2 тонны в месяц"
        go_next(wizard, PageId.SUMMARY)
        text = wizard.summary_page.view.toPlainText()
        assert "New client" in text
        assert GAZ_INN in text
        finish(wizard)
        return wizard.details

    monkeypatch.setattr(card_module.ConversionWizard, "run", classmethod(run))
    with qtbot.waitSignal(card.converted):
        assert card.convert()
    after = counts(db)
    assert after == {
        "Client": before["Client"] + 1,
        "Counterparty": before["Counterparty"] + 1,
        "Contact": before["Contact"] + 1,
        "ClientContact": before["ClientContact"] + 1,
        "Deal": before["Deal"] + 1,
    }
    details = ld.get_lead(db, lead.id)
    assert details.status == "qualified"
    assert card.details == details
    assert card.status.text().startswith("Qualified")
    assert card.links_group.isVisibleTo(card)
    assert html.escape('ООО "Лютик"') in card.links["client"].text()
    assert "Петров Пётр Петрович" in card.links["contact"].text()
    assert details.converted_deal_number in card.links["deal"].text()
    assert not card.convert_button.isVisibleTo(card)
    assert card.name.isReadOnly()
    [link] = p.contacts_of_client(db, details.converted_client_id)
    assert link.position == "Снабженец"
    for kind, record_id in (
        ("client", details.converted_client_id),
        ("contact", details.converted_contact_id),
        ("counterparty", details.converted_counterparty_id),
        ("deal", details.converted_deal_id),
    ):
        with qtbot.waitSignal(card.open_requested) as opened:
            card.links[kind].linkActivated.emit(f"{kind}:{record_id}")
        assert opened.args == [kind, record_id]
    assert shown_errors == []


def test_a_new_client_despite_the_same_inn_needs_the_tick(qtbot, db, actor):
    register_romashka(db, actor)
    lead = fresh_lead(db, actor, company="Ромашка-2", inn=SBER_INN, kpp=None)
    wizard = open_wizard(qtbot, db, actor, lead.id)
    wizard.match_page.create_new.setChecked(True)
    go_next(wizard, PageId.DETAILS)
    details = wizard.details_page
    assert details.inn.text() == SBER_INN  # the new client's counterparty, to edit
    wizard.next()  # the lead has no KPP: a legal entity needs one, said under the field
    assert wizard.currentId() == PageId.DETAILS
    assert details.errors.text("counterparty.kpp")
    details.kpp.setText("773645001")
    go_next(wizard, PageId.DEAL)
    go_next(wizard, PageId.SUMMARY)
    before = counts(db)
    summary = wizard.summary_page
    assert not summary.warning.isVisibleTo(summary)
    finish(wizard)
    assert wizard.currentId() == PageId.SUMMARY  # refused: the tick is needed
    assert summary.warning.isVisibleTo(summary)
    assert "already registered" in summary.warning_text.text()
    assert summary.duplicates.topLevelItemCount() == 1
    assert summary.confirm_error.text()
    assert counts(db) == before
    summary.confirm.setChecked(True)
    finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert counts(db)["Client"] == before["Client"] + 1
    assert count(db, Counterparty, Counterparty.inn == SBER_INN) == 2


def test_errors_go_back_to_their_page_and_field(qtbot, db, actor, monkeypatch):
    lead = fresh_lead(db, actor)
    wizard = open_wizard(qtbot, db, actor, lead.id)
    go_next(wizard, PageId.DETAILS)
    page = wizard.details_page
    page.client_name.setText("  ")
    page.last_name.setText("")
    wizard.next()
    assert wizard.currentId() == PageId.DETAILS  # Next checks the page
    assert page.errors.text("client.name")
    assert page.errors.text("contact.last_name")
    page.client_name.setText('ООО "Лютик"')
    page.last_name.setText("Петров")
    go_next(wizard, PageId.DEAL)
    wizard.deal_page.title_edit.setText(" ")
    wizard.next()
    assert wizard.currentId() == PageId.DEAL
    assert wizard.deal_page.errors.text("deal.title")
    wizard.deal_page.title_edit.setText("Гвозди")
    go_next(wizard, PageId.SUMMARY)

    # what only Finish finds goes back to the page and field it concerns
    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise ValidationError(
            {
                "counterparty.kpp": Message("Only a legal entity has a KPP."),
                "deal.title": Message("This field is required."),
            }
        )

    monkeypatch.setattr(ld, "convert", refuse)
    finish(wizard)
    assert wizard.currentId() == PageId.DETAILS  # the first page in trouble
    assert page.errors.text("counterparty.kpp") == "Only a legal entity has a KPP."
    assert wizard.deal_page.errors.text("deal.title") == "This field is required."
    assert ld.get_lead(db, lead.id).status == "new"
    assert count(db, Lead, Lead.status == "qualified") == 0


# --- the lead sources report ---------------------------------------------------------------------


def test_the_report_page_shows_the_chart_table_and_exports(qtbot, db, actor, tmp_path, monkeypatch):
    site, call = source(db, "site"), source(db, "call")
    for i in range(3):
        fresh_lead(db, actor, name=f"Сайтов{i}", inn=None, kpp=None, source_id=site)
    lead = fresh_lead(db, actor, name="Звонков", inn=None, kpp=None, source_id=call)
    ld.convert(db, actor, lead.id, lead.version, ld.ConversionPlan())
    lead = ld.get_lead(db, fresh_lead(db, actor, name="Отказов", inn=None, kpp=None).id)
    ld.reject(db, actor, lead.id, lead.version, ld.reject_reasons(db)[0].id, "Спам")

    page = LeadSourcesReportPage(db, actor)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    today = date.today()
    page.set_period(today, today)
    with qtbot.waitSignal(page.built, timeout=20_000):
        page.show()  # the first show builds it, in a worker
    qtbot.waitUntil(lambda: page.build_button.isEnabled(), timeout=10_000)
    rows = page.table_rows()
    assert rows[0][:6] == ["Сайт", "4", "0", "1", "3", f"0.0{NBSP}%"]
    assert rows[1][:6] == ["Входящий звонок", "1", "1", "0", "0", f"100.0{NBSP}%"]
    assert rows[-1][:6] == ["Total", "5", "1", "1", "3", f"20.0{NBSP}%"]
    assert rows[1][6] == "0.0"
    assert rows[0][6] == "—"

    # the chart: received and qualified per source
    assert page.chart.series() == [page.series]
    assert page.categories == ["Сайт", "Входящий звонок"]
    received, qualified = page.series.barSets()
    assert (received.label(), qualified.label()) == ("Leads received", "Leads qualified")
    assert [received.at(i) for i in range(received.count())] == [4, 1]
    assert [qualified.at(i) for i in range(qualified.count())] == [0, 1]
    page.grab()  # renders

    target = tmp_path / "sources.csv"
    monkeypatch.setattr(
        report_view.LeadCsvFileDialog, "ask", classmethod(lambda cls, parent, suggested: target)
    )
    page.export_button.click()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Источник;Получено;Квалифицировано")
    assert lines[1].startswith("Сайт;4;0;1;3;0,0")


def test_count_axis_ticks_are_whole():
    assert count_axis(0) == (1, 2)
    assert count_axis(5) == (5, 6)
    assert count_axis(7) == (8, 5)
    assert count_axis(100) == (100, 6)
