"""The deal card, the stage wizard and the deal dialogs over a real database (SQLite and
PostgreSQL), driven through pytest-qt. Dialogs are answered through their ``ask``/``run``
classmethods (which here drive the real dialog without ``exec``); nothing sleeps.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from crm_desktop.services import agreements as ag
from crm_desktop.services import deals as d
from crm_desktop.services import parties as p
from crm_desktop.services import proposals as pr
from crm_desktop.services.users import ensure_user
from crm_desktop.views import messages
from crm_desktop.views.cards import dialogs as card_dialogs
from crm_desktop.views.cards.base import set_combo_data
from crm_desktop.views.deals import DealCard, StageWizard, open_deal_card
from crm_desktop.views.deals import dialogs as deal_dialogs
from crm_desktop.views.deals.labels import money_text
from crm_desktop.views.deals.path import WON
from crm_desktop.views.deals.stage_wizard import PageId

# --- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture(autouse=True)
def english_numbers():
    """Numbers as an English system writes them, whatever the machine's locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def shown_errors(monkeypatch) -> list[str]:
    """Every error box the card would show, instead of showing it."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, **kw: shown.append(text))
    return shown


@pytest.fixture
def client(db, actor):
    return p.create_client(db, actor, p.ClientDraft(name="ООО «Ромашка»"))


@pytest.fixture
def contact(db, actor, client):
    person = p.create_contact(db, actor, p.ContactDraft(last_name="Петров", first_name="Пётр"))
    p.link_client_contact(db, actor, client.id, person.id, role="ЛПР")
    return person


@pytest.fixture
def agreement(db, actor):
    made = ag.create_agreement(
        db,
        actor,
        ag.AgreementDraft(
            name="Оптовые продажи",
            price_type_id=p.catalogue_item_id(db, "price_type", "wholesale"),
            discount_pct=Decimal(5),
            credit_days=14,
        ),
    )
    return ag.set_status(db, actor, made.id, made.version, "active")


def stage_id(db, code):
    return p.catalogue_item_id(db, "deal_stage", code)


def deal_at_conditions(db, actor, client, contact):
    """A typical sale driven through the services to «Определение условий продажи»."""
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка гвоздей", client_id=client.id))
    deal = d.add_participant(db, actor, deal.id, "contact", contact.id, role="ЛПР")
    deal = d.move_to_stage(db, actor, deal.id, deal.version, stage_id(db, "needs"))
    deal = d.update_deal(
        db,
        actor,
        deal.id,
        deal.version,
        d.DealDraft(title=deal.title, client_id=client.id, need_description="Нужны гвозди"),
    )
    deal = d.set_lines(
        db,
        actor,
        deal.id,
        deal.version,
        [d.DealLineDraft("Гвозди 100 мм", Decimal(3), Decimal("1234.56"), unit="уп")],
    )
    deal = d.move_to_stage(db, actor, deal.id, deal.version, stage_id(db, "conditions"))
    assert deal.stage_code == "conditions"
    return deal


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1200, 780)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def patch_run(monkeypatch, cls, drive):
    """Answer ``cls.run(...)`` with ``drive(...)`` (which works the real dialog)."""
    monkeypatch.setattr(cls, "run", classmethod(lambda _cls, *a, **kw: drive(*a, **kw)))


def wizard_driver(qtbot, answer):
    """A ``StageWizard.run`` that shows the real wizard, lets ``answer(wizard)`` fill it in and
    presses Finish."""

    def drive(parent, db, actor, deal_id, *, target=None):
        wizard = StageWizard(db, actor, deal_id, target=target, parent=parent)
        qtbot.addWidget(wizard)
        wizard.show()
        answer(wizard)
        wizard.accept()  # Finish: validates the current page, then closes
        if wizard.result() != QDialog.DialogCode.Accepted:
            return None
        return wizard.result_details

    return drive


# --- acceptance 1: the typical sale's wizard asks exactly for what the stage lacks -----------


def test_wizard_asks_for_the_circle_and_the_agreement_then_moves(
    qtbot, db, actor, client, contact, agreement, shown_errors, monkeypatch
):
    deal = deal_at_conditions(db, actor, client, contact)
    card = show(qtbot, DealCard(db, actor, deal.id))
    card.tabs.setCurrentWidget(card.stages_page)
    assert card.stage.text() == "Определение условий продажи"
    assert card.path.current_text() == "Определение условий продажи"
    assert "Classify the client" in card.unmet_label.text()
    assert "sales agreement" in card.unmet_label.text()
    asked: list[list[str]] = []

    def answer(wizard):
        assert wizard.currentId() == PageId.PATH
        assert wizard.target_name() == "Коммерческое предложение"
        wizard.next()
        assert wizard.currentId() == PageId.NEEDS
        sections = wizard.sections()
        asked.append(list(sections))
        assert not wizard.needs_page.isComplete()  # Finish waits for both
        set_combo_data(
            sections["client_classified"].circle,
            p.catalogue_item_id(db, "client_circle", "potential"),
        )
        assert not wizard.needs_page.isComplete()
        set_combo_data(sections["agreement_chosen"].agreement, agreement.id)
        assert wizard.needs_page.isComplete()

    patch_run(monkeypatch, StageWizard, wizard_driver(qtbot, answer))
    qtbot.mouseClick(card.next_button, Qt.MouseButton.LeftButton)

    assert asked == [["client_classified", "agreement_chosen"]]
    stored = d.get_deal(db, deal.id)
    assert stored.stage_code == "proposal"
    assert stored.agreement_id == agreement.id
    assert p.get_client(db, client.id).circle_id == p.catalogue_item_id(
        db, "client_circle", "potential"
    )
    assert card.stage.text() == "Коммерческое предложение"
    assert card.path.current_text() == "Коммерческое предложение"
    newest = card.stage_history.texts()[0]
    assert newest[1] == actor.full_name
    assert newest[2] == "Определение условий продажи → Коммерческое предложение"
    assert newest[3] == ""  # nothing skipped
    assert not card.is_dirty()
    assert card.agreement.currentData() == agreement.id  # the card read the deal again
    assert shown_errors == []


def test_a_circle_refusal_is_shown_in_the_wizard_and_nothing_moves(
    qtbot, db, actor, client, contact, agreement, shown_errors
):
    """«Постоянный клиент» needs a phone, an e-mail… : the wizard says so and stays."""
    deal = deal_at_conditions(db, actor, client, contact)
    wizard = show(qtbot, StageWizard(db, actor, deal.id))
    wizard.next()
    sections = wizard.sections()
    circle = sections["client_classified"]
    set_combo_data(circle.circle, p.catalogue_item_id(db, "client_circle", "regular"))
    set_combo_data(sections["agreement_chosen"].agreement, agreement.id)
    wizard.accept()
    assert wizard.result() != QDialog.DialogCode.Accepted
    assert wizard.isVisible()
    assert "needs a phone" in circle.error.text()
    assert "Постоянный клиент" in circle.error.text()
    assert circle.error.isVisible()
    assert d.get_deal(db, deal.id).stage_code == "conditions"
    assert p.get_client(db, client.id).circle_id is None
    # the agreement was given and saved: its section is done, the circle's is not
    assert sections["agreement_chosen"].done
    assert not circle.done
    assert d.get_deal(db, deal.id).agreement_id == agreement.id

    set_combo_data(circle.circle, p.catalogue_item_id(db, "client_circle", "potential"))
    wizard.accept()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.result_details is not None
    assert wizard.result_details.stage_code == "proposal"
    assert shown_errors == []


def test_the_wizard_leads_a_typical_sale_to_won(
    qtbot, db, actor, client, contact, agreement, shown_errors, monkeypatch
):
    """Every page after «conditions»: the proposal sent, accepted, the contract, then won."""
    deal = deal_at_conditions(db, actor, client, contact)
    current = p.get_client(db, client.id)
    p.update_client(
        db,
        actor,
        client.id,
        current.version,
        p.ClientDraft(
            name=current.name, circle_id=p.catalogue_item_id(db, "client_circle", "potential")
        ),
    )
    deal = d.update_deal(
        db,
        actor,
        deal.id,
        deal.version,
        d.DealDraft(
            title=deal.title,
            client_id=client.id,
            need_description="Нужны гвозди",
            agreement_id=agreement.id,
        ),
    )
    deal = d.move_to_stage(db, actor, deal.id, deal.version, stage_id(db, "proposal"))
    counterparty = p.create_counterparty(
        db,
        actor,
        p.CounterpartyDraft(
            legal_form_id=p.catalogue_item_id(db, "legal_form", "ooo"),
            full_name="ООО «Ромашка»",
            inn="7707083893",
            kpp="773601001",
            client_id=client.id,
        ),
    )
    seen: list[list[str]] = []

    def answer(wizard):
        wizard.next()
        sections = wizard.sections()
        seen.append(list(sections))
        for code, section in sections.items():
            if code in ("proposal_sent", "proposal_accepted"):
                section.check.setChecked(True)
            elif code == "counterparty_valid":
                set_combo_data(section.counterparty, counterparty.id)
            elif code == "contract_recorded":
                section.number.setText("Д-17/2026")
                section.date.set_value(date(2026, 11, 20))
        assert wizard.needs_page.isComplete()

    patch_run(monkeypatch, StageWizard, wizard_driver(qtbot, answer))
    card = show(qtbot, DealCard(db, actor, deal.id))
    assert card.next_stage()  # proposal → negotiation
    assert card.next_stage()  # negotiation → contract
    assert card.next_button.isHidden()  # at the last stage "Won" is the next step
    assert card.won_button.isEnabled()
    assert card.mark_won()
    assert seen == [
        ["proposal_sent"],
        ["proposal_accepted"],
        ["counterparty_valid", "contract_recorded"],
    ]
    won = d.get_deal(db, deal.id)
    assert (won.status, won.contract_number, won.counterparty_id) == (
        "won",
        "Д-17/2026",
        counterparty.id,
    )
    assert card.status.text() == "Won"
    assert [s.state for s in card.path.segments()][-1] == "won"
    assert not card.save_button.isEnabled()  # closed: read-only
    assert card.closed_notice.isVisible()
    assert card.stage_history.texts()[0][2] == "Договор / заказ → Won"
    assert shown_errors == []


def test_the_wizard_asks_for_a_contact_at_the_first_stage(
    qtbot, db, actor, client, contact, shown_errors
):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    wizard = show(qtbot, StageWizard(db, actor, deal.id))
    wizard.next()
    section = wizard.sections()["contact_attached"]
    assert section.contact.count() == 2  # "not chosen" and Петров Пётр
    set_combo_data(section.contact, contact.id)
    section.role.setCurrentText("Закупщик")
    wizard.accept()
    assert wizard.result() == QDialog.DialogCode.Accepted
    moved = d.get_deal(db, deal.id)
    assert moved.stage_code == "needs"
    assert [(x.name, x.role) for x in moved.participants] == [("Петров Пётр", "Закупщик")]


def test_the_wizard_takes_the_need_and_lines_with_errors_on_their_cells(
    qtbot, db, actor, client, contact, shown_errors
):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    deal = d.add_participant(db, actor, deal.id, "contact", contact.id)
    deal = d.move_to_stage(db, actor, deal.id, deal.version, stage_id(db, "needs"))
    wizard = show(qtbot, StageWizard(db, actor, deal.id))
    wizard.next()
    sections = wizard.sections()
    assert list(sections) == ["need_described", "has_lines"]
    sections["need_described"].need.setPlainText("Гвозди на объект")
    lines = sections["has_lines"].lines
    lines.set_cell(0, "description", "Гвозди 100 мм")
    lines.set_cell(0, "price", "-5")
    assert wizard.needs_page.isComplete()
    wizard.accept()
    assert wizard.result() != QDialog.DialogCode.Accepted
    assert lines.error_cells() == [(0, "price")]
    assert sections["need_described"].done  # the need was saved
    assert d.get_deal(db, deal.id).need_description == "Гвозди на объект"
    lines.set_cell(0, "price", "1450")
    wizard.accept()
    assert wizard.result() == QDialog.DialogCode.Accepted
    moved = d.get_deal(db, deal.id)
    assert (moved.stage_code, moved.amount) == ("conditions", Decimal("1450.00"))


# --- acceptance 2: manual stages skip after a confirmation; non-process has no stages -------


def test_a_manual_deal_skips_stages_after_confirming(
    qtbot, db, actor, client, shown_errors, monkeypatch
):
    deal = d.create_deal(db, actor, d.DealDraft(title="Проект", client_id=client.id, kind="manual"))
    card = show(qtbot, DealCard(db, actor, deal.id))
    card.tabs.setCurrentWidget(card.stages_page)
    confirmations: list[list[str]] = []
    answers = iter([False, True])

    def confirm(_cls, _parent, texts):
        confirmations.append(list(texts))
        return next(answers)

    monkeypatch.setattr(deal_dialogs.SkipConfirm, "ask", classmethod(confirm))

    def answer(wizard):
        page = wizard.path_page
        assert page.target.isVisible()  # a manual deal chooses where to go
        page.target.setCurrentIndex(page.target.findText("Коммерческое предложение"))
        assert "Describe what the client needs." in page.warnings.text()
        page.comment.setPlainText("Клиент спешит")

    patch_run(monkeypatch, StageWizard, wizard_driver(qtbot, answer))
    assert not card.next_stage()  # the first time the user says no
    assert d.get_deal(db, deal.id).stage_code == "primary_contact"
    assert card.next_stage()  # then yes
    assert len(confirmations) == 2
    assert "Attach a contact person of the client to the deal." in confirmations[0]
    moved = d.get_deal(db, deal.id)
    assert moved.stage_code == "proposal"
    newest = card.stage_history.texts()[0]
    assert newest[2] == "Первичный контакт → Коммерческое предложение"
    assert newest[3] == (
        "contact person attached, need described, specification filled in, client classified, "
        "sales agreement chosen"
    )
    assert newest[4] == "Клиент спешит"
    assert card.path.current_text() == "Коммерческое предложение"
    assert shown_errors == []


def test_a_manual_deal_moves_by_a_click_on_the_path(
    qtbot, db, actor, client, shown_errors, monkeypatch
):
    deal = d.create_deal(db, actor, d.DealDraft(title="Проект", client_id=client.id, kind="manual"))
    card = show(qtbot, DealCard(db, actor, deal.id))
    targets = []

    def fake(_cls, parent, db_, actor_, deal_id, *, target=None):
        targets.append(target)
        return d.move_to_stage(
            db_, actor_, deal_id, d.get_deal(db_, deal_id).version, target, confirm_skipped=True
        )

    monkeypatch.setattr(StageWizard, "run", classmethod(fake))
    needs = stage_id(db, "needs")
    with qtbot.waitSignal(card.path.stage_clicked):
        card.path.stage_clicked.emit(needs)
    assert targets == [needs]
    assert card.stage.text() == "Выявление потребностей"


def test_a_non_process_deal_has_no_stage_controls(
    qtbot, db, actor, client, shown_errors, monkeypatch
):
    deal = d.create_deal(
        db, actor, d.DealDraft(title="Долгий проект", client_id=client.id, kind="non_process")
    )
    card = show(qtbot, DealCard(db, actor, deal.id))
    assert not card.tabs.isTabVisible(card.tabs.indexOf(card.stages_page))
    assert not card.next_button.isVisibleTo(card)
    assert card.actions_bar.parentWidget() is card.main_page  # Won / Lost on Main
    assert card.won_button.isVisible()
    assert card.lost_button.isVisible()
    assert card.stage.text() == "—"
    monkeypatch.setattr(card_dialogs.Confirm, "ask", classmethod(lambda cls, *a: True))
    assert card.mark_won()
    assert d.get_deal(db, deal.id).status == "won"
    assert card.status.text() == "Won"


# --- acceptance 3: losing needs a reason; reopening is a supervisor's, audited ---------------


def test_lost_without_a_reason_is_shown_next_to_the_reason(qtbot, db, actor, client, shown_errors):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    dialog = show(qtbot, deal_dialogs.LossDialog(db, actor, deal.id, deal.version, deal.title))
    assert not dialog.submit()
    errors = dialog.errors_shown()
    assert set(errors) == {"loss_reason_id", "loss_comment"}
    assert errors["loss_reason_id"] == "Choose why the deal was lost."
    assert dialog.boxes["loss_reason_id"].error.isVisible()
    assert d.get_deal(db, deal.id).status == "open"
    dialog.comment.setPlainText("Дорого")
    assert not dialog.submit()
    assert set(dialog.errors_shown()) == {"loss_reason_id"}
    set_combo_data(dialog.reason, p.catalogue_item_id(db, "loss_reason", "price"))
    assert dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.details is not None and dialog.details.status == "lost"


def test_a_manager_cannot_reopen_a_supervisor_can_and_it_is_recorded(
    qtbot, db, actor, client, shown_errors, monkeypatch
):
    manager = ensure_user(db, "m2", "Петрова Мария")
    assert not manager.is_supervisor and actor.is_supervisor
    deal = d.create_deal(db, manager, d.DealDraft(title="Поставка", client_id=client.id))

    def lose(parent, db_, actor_, deal_id, version, title=""):
        dialog = deal_dialogs.LossDialog(db_, actor_, deal_id, version, title, parent)
        qtbot.addWidget(dialog)
        set_combo_data(dialog.reason, p.catalogue_item_id(db, "loss_reason", "competitor"))
        dialog.comment.setPlainText("Ушли к конкуренту")
        assert dialog.submit()
        return dialog.details

    patch_run(monkeypatch, deal_dialogs.LossDialog, lose)
    mine = show(qtbot, DealCard(db, manager, deal.id))
    assert mine.mark_lost()
    assert mine.status.text() == "Lost: Выбрали конкурента — Ушли к конкуренту"
    assert mine.path.segments()[0].state == "lost"
    assert mine.stage_history.texts()[0][2] == "Первичный контакт → Lost"
    assert not mine.reopen_button.isVisibleTo(mine)  # a manager has no Reopen
    assert not mine.lost_button.isEnabled()
    assert not mine.reopen_deal()

    def reopen(parent, db_, actor_, deal_id, version):
        dialog = deal_dialogs.ReopenDialog(db_, actor_, deal_id, version, parent)
        qtbot.addWidget(dialog)
        dialog.comment.setPlainText("Клиент вернулся")
        assert dialog.submit()
        return dialog.details

    patch_run(monkeypatch, deal_dialogs.ReopenDialog, reopen)
    boss = show(qtbot, DealCard(db, actor, deal.id))
    boss.tabs.setCurrentWidget(boss.stages_page)
    assert boss.reopen_button.isVisible()
    assert boss.reopen_button.isEnabled()
    assert boss.reopen_deal()
    assert d.get_deal(db, deal.id).status == "open"
    newest = boss.stage_history.texts()[0]
    assert newest[1] == actor.full_name
    assert newest[2] == "Lost → Первичный контакт (reopened)"
    assert newest[4] == "Клиент вернулся"
    assert not boss.reopen_button.isEnabled()
    assert boss.save_button.isEnabled()
    # the audit trail has the status change too
    boss.tabs.setCurrentWidget(boss.history)
    model = boss.history.model
    texts = [[model.data(model.index(r, c)) for c in range(5)] for r in range(model.rowCount())]
    assert ["Status", "Lost", "In progress"] in [row[2:] for row in texts]


def test_a_managers_reopen_is_refused_by_the_service_too(qtbot, db, actor, client, shown_errors):
    manager = ensure_user(db, "m2", "Петрова Мария")
    deal = d.create_deal(db, manager, d.DealDraft(title="Поставка", client_id=client.id))
    lost = d.lose(
        db,
        manager,
        deal.id,
        deal.version,
        p.catalogue_item_id(db, "loss_reason", "price"),
        "Дорого",
    )
    dialog = show(qtbot, deal_dialogs.ReopenDialog(db, manager, lost.id, lost.version))
    assert not dialog.submit()
    assert "Only a supervisor" in dialog.error.text()


# --- the specification --------------------------------------------------------------------------


def test_the_specification_computes_exact_totals_and_saves(qtbot, db, actor, client, shown_errors):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    card = show(qtbot, DealCard(db, actor, deal.id))
    card.tabs.setCurrentIndex(card.tabs.indexOf(card.lines.parentWidget()))
    assert not card.amount.isReadOnly()  # no lines: the amount is typed
    lines = card.lines
    row = lines.add_row()
    for field, value in (
        ("description", "Гвозди 100 мм"),
        ("quantity", "3"),
        ("unit", "уп"),
        ("price", "1234,56"),
        ("discount_pct", "10"),
    ):
        lines.set_cell(row, field, value)
    # 3 × 1234.56 = 3703.68, less 10 % = 3333.312 → 3333.31; VAT 20 % in it: 555.55
    assert lines.row_values(row)["amount"] == "3,333.31"
    assert lines.row_values(row)["vat_amount"] == "555.55"
    row = lines.add_row()
    for field, value in (
        ("description", "Доставка"),
        ("quantity", "0,5"),
        ("price", "99.99"),
        ("vat_rate", "10"),
    ):
        lines.set_cell(row, field, value)
    # 0.5 × 99.99 = 49.995 → 50.00 (half up); VAT 10 % in it: 4.545… → 4.55
    assert lines.row_values(row)["amount"] == "50.00"
    assert lines.total() == Decimal("3383.31")
    assert lines.vat_total() == Decimal("560.10")
    assert money_text(Decimal("3383.31")) in lines.totals.text()
    assert card.amount.text() == "3,383.31"
    assert card.amount.isReadOnly()  # the amount is the lines' total now
    assert card.is_dirty()
    assert card.save()
    stored = d.get_deal(db, deal.id)
    assert stored.amount == Decimal("3383.31")
    assert [(x.description, x.quantity, x.amount, x.vat_amount) for x in stored.lines] == [
        ("Гвозди 100 мм", Decimal("3"), Decimal("3333.31"), Decimal("555.55")),
        ("Доставка", Decimal("0.5"), Decimal("50.00"), Decimal("4.55")),
    ]
    assert not card.is_dirty()
    assert card.lines.total() == Decimal("3383.31")


def test_the_amount_follows_the_typing(qtbot, db, actor, client, shown_errors):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    deal = d.set_lines(
        db, actor, deal.id, deal.version, [d.DealLineDraft("Цемент", Decimal(2), Decimal(500))]
    )
    card = show(qtbot, DealCard(db, actor, deal.id))
    card.tabs.setCurrentIndex(card.tabs.indexOf(card.lines.parentWidget()))
    table = card.lines.table
    column = next(i for i, c in enumerate(card.lines.columns) if c.field == "quantity")
    table.setCurrentCell(0, column)
    table.editItem(table.item(0, column))
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, "7")
    # not committed yet, and already computed
    assert card.lines.row_values(0)["quantity"] == "2"
    assert card.lines.row_values(0)["amount"] == "3,500.00"
    assert card.lines.total() == Decimal("3500.00")


def test_a_number_that_is_not_one_is_marked_in_its_cell(qtbot, db, actor, client, shown_errors):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    card = show(qtbot, DealCard(db, actor, deal.id))
    row = card.lines.add_row({"description": "Гвозди", "quantity": "три", "price": "10"})
    assert row == 0
    assert not card.save()
    assert card.errors_shown()["lines[0].quantity"] == "Enter a number."
    assert card.tabs.currentWidget() is card.lines.parentWidget()
    assert d.get_deal(db, deal.id).lines == ()
    assert shown_errors == []


def test_a_deal_without_lines_takes_a_typed_amount(qtbot, db, actor, client, shown_errors):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    card = show(qtbot, DealCard(db, actor, deal.id))
    card.amount.setText("150 000,5")
    assert card.save()
    assert d.get_deal(db, deal.id).amount == Decimal("150000.50")
    card.amount.setText("много")
    assert not card.save()
    assert card.errors_shown() == {"amount": "Enter a number."}


# --- the card's other tabs ------------------------------------------------------------------


def test_a_new_deal_card_creates_the_deal_for_its_client(qtbot, db, actor, client, shown_errors):
    card = show(qtbot, DealCard(db, actor, client_id=client.id))
    assert card.title() == "New deal"
    assert card.client_name.text() == "ООО «Ромашка»"
    assert card.deal_kind.isEnabled()
    assert not card.next_button.isEnabled()
    assert not card.participants.isEnabled()
    assert not card.save()
    assert set(card.errors_shown()) == {"title"}
    card.title_edit.setText("Поставка кабеля")
    set_combo_data(card.deal_kind, "manual")
    card.lines.add_row({"description": "Кабель", "quantity": "2", "price": "6900"})
    assert card.save()
    stored = d.get_deal(db, card.record_id)
    assert (stored.title, stored.kind, stored.amount) == (
        "Поставка кабеля",
        "manual",
        Decimal("13800.00"),
    )
    assert card.title() == f"{stored.number} Поставка кабеля (Deal)"
    assert not card.deal_kind.isEnabled()  # the kind is fixed once created
    assert card.participants.isEnabled()


def test_a_new_deal_without_a_client_says_so(qtbot, db, actor, shown_errors):
    card = show(qtbot, open_deal_card(db, actor, None))
    card.title_edit.setText("Поставка")
    assert not card.save()
    assert card.errors_shown() == {"client_id": "Choose the client of the deal."}


def test_participants_are_added_and_removed_at_once(
    qtbot, db, actor, client, contact, shown_errors, monkeypatch
):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    card = show(qtbot, DealCard(db, actor, deal.id))
    assert "Attach a contact person" in card.unmet_label.text()
    asked = []

    def ask(_cls, parent, db_, kind, client_id, **kw):
        asked.append((kind, client_id))
        return (contact.id, "ЛПР") if kind == "contact" else (actor.user_id, "Инженер")

    monkeypatch.setattr(deal_dialogs.ParticipantDialog, "ask", classmethod(ask))
    card.title_edit.setText("Поставка (изменено)")  # an unsaved edit survives
    assert card.add_participant("contact")
    assert card.add_participant("user")
    assert asked == [("contact", client.id), ("user", client.id)]
    rows = [(x.kind, x.name, x.role) for x in card.participants.payloads()]
    assert ("contact", "Петров Пётр", "ЛПР") in rows
    assert ("user", actor.full_name, "Инженер") in rows
    assert "Everything the stage" in card.unmet_label.text()
    assert card.title_edit.text() == "Поставка (изменено)"
    assert card.save()  # the version did not move under the card

    monkeypatch.setattr(card_dialogs.Confirm, "ask", classmethod(lambda cls, *a: True))
    card.participants.select_row([x.kind for x in card.participants.payloads()].index("user"))
    assert card.remove_participant()
    assert [x.kind for x in d.get_deal(db, deal.id).participants] == ["contact"]


def test_proposals_are_issued_and_marked(qtbot, db, actor, client, shown_errors):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    deal = d.set_lines(
        db, actor, deal.id, deal.version, [d.DealLineDraft("Цемент", Decimal(2), Decimal(500))]
    )
    card = show(qtbot, DealCard(db, actor, deal.id))
    card.tabs.setCurrentWidget(card.proposals)
    assert card.issue_proposal()
    assert [x.status for x in card.proposals.payloads()] == ["draft"]
    card.proposals.select_row(0)
    assert card.sent_button.isEnabled() and not card.accepted_button.isEnabled()
    qtbot.mouseClick(card.sent_button, Qt.MouseButton.LeftButton)
    assert [x.status for x in card.proposals.payloads()] == ["sent"]
    card.proposals.select_row(0)
    assert card.accepted_button.isEnabled() and not card.sent_button.isEnabled()
    assert card.set_proposal_status("accepted")
    stored = pr.proposals_of(db, deal.id)
    assert [(x.status, x.total) for x in stored] == [("accepted", Decimal("1000.00"))]
    assert card.proposals.table.item(0, 4).text() == "Accepted"  # after «valid until»


def test_an_individual_agreement_is_made_from_a_typical_one(
    qtbot, db, actor, client, agreement, shown_errors, monkeypatch
):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    card = show(qtbot, DealCard(db, actor, deal.id))
    set_combo_data(card.agreement, agreement.id)
    assert card.terms["price_type"].text() == "Оптовая"
    assert card.terms["credit"].text() == "14 days"
    assert card.terms["kind"].text() == "Typical"
    assert card.individual_button.isEnabled()
    monkeypatch.setattr(card_dialogs.Confirm, "ask", classmethod(lambda cls, *a: True))
    assert card.make_individual_agreement()
    chosen = card.agreement.currentData()
    assert chosen != agreement.id
    assert card.terms["kind"].text() == "Individual"
    assert card.terms["discount"].text() == "5\u00a0%"
    assert not card.individual_button.isEnabled()
    assert card.save()
    made = [a for a in ag.agreements_for(db, client.id) if a.id == chosen]
    assert made and made[0].draft.client_id == client.id and made[0].status == "active"
    assert d.get_deal(db, deal.id).agreement_id == chosen


def test_a_stale_deal_card_shows_the_banner(qtbot, db, actor, client, shown_errors):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    first = show(qtbot, DealCard(db, actor, deal.id))
    second = show(qtbot, DealCard(db, actor, deal.id))
    first.title_edit.setText("Поставка А")
    assert first.save()
    second.title_edit.setText("Поставка Б")
    assert not second.save()
    assert second.banner.isVisible()
    assert second.title_edit.text() == "Поставка Б"
    assert d.get_deal(db, deal.id).title == "Поставка А"
    second.reload(ask=False)
    assert second.title_edit.text() == "Поставка А"
    assert not second.banner.isVisible()


def test_the_history_tab_names_the_deals_fields(qtbot, db, actor, client, agreement, shown_errors):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    d.update_deal(
        db,
        actor,
        deal.id,
        deal.version,
        d.DealDraft(title="Поставка", client_id=client.id, agreement_id=agreement.id),
    )
    card = show(qtbot, DealCard(db, actor, deal.id))
    card.tabs.setCurrentWidget(card.history)
    model = card.history.model
    rows = [[model.data(model.index(r, c)) for c in range(2, 5)] for r in range(model.rowCount())]
    assert ["Sales agreement", "", "Оптовые продажи"] in rows
    assert rows[-1] == ["Record created", "", ""]


def test_won_is_disabled_before_the_last_stage_of_a_typical_sale(
    qtbot, db, actor, client, shown_errors
):
    deal = d.create_deal(db, actor, d.DealDraft(title="Поставка", client_id=client.id))
    card = show(qtbot, DealCard(db, actor, deal.id))
    assert not card.won_button.isEnabled()
    assert "last stage" in card.won_button.toolTip()
    assert card.next_button.isEnabled()
    assert [s.target for s in card.path.segments()][-1] == WON
