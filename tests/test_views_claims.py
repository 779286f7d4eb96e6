"""The claims list, the claim card with its plan and timeline, the status moves (both
backends): through the widgets, the way a user works them."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, Qt

from crm_desktop.services import claims as c
from crm_desktop.services import parties as p
from crm_desktop.services.users import ensure_user
from crm_desktop.views import messages
from crm_desktop.views.cards.base import set_combo_data
from crm_desktop.views.cards.dialogs import Confirm
from crm_desktop.views.claims import ClaimCard, ClaimListPage, ClaimsTab
from crm_desktop.views.claims import card as claim_card
from crm_desktop.views.claims.files import FileDialogs
from crm_desktop.views.claims.itemmodels import STATUS_COLORS, claims_model
from crm_desktop.views.claims.timeline import timeline_bars
from crm_desktop.views.itemmodels.paged import wait_for_reads

TODAY = date.today()


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


@pytest.fixture
def partner(db, actor):
    return p.create_client(db, actor, p.ClientDraft(name='ООО "Ромашка"'))


@pytest.fixture
def yes(monkeypatch):
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: True))


def reason_id(db, code="defect"):
    return next(r.id for r in c.claim_reasons(db) if r.code == code)


def make_claims(db, actor, partner, n=3):
    made = []
    for i in range(n):
        made.append(
            c.create_claim(
                db,
                actor,
                c.ClaimDraft(
                    claimed_on=TODAY - timedelta(days=i),
                    partner_id=partner.id,
                    essence=f"Брак в партии {i}",
                    reason_id=reason_id(db),
                    requested_amount=Decimal(1000 * (i + 1)),
                ),
            )
        )
    return made


def open_card(qtbot, db, actor, record_id=None, **preset):
    card = ClaimCard(db, actor, record_id, **preset)
    qtbot.addWidget(card)
    card.resize(1300, 850)
    card.show()
    return card


# --- the list ------------------------------------------------------------------------------------


def test_the_claims_model_passes_the_model_tester(qtbot, qtmodeltester, db, actor, partner):
    make_claims(db, actor, partner, 5)
    model = claims_model(db, background=False)
    model.refresh()
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    assert model.descending  # newest first
    status = 5
    index = model.index(0, status)
    assert index.data() == "Registered"
    assert index.data(Qt.ItemDataRole.DecorationRole).name() == STATUS_COLORS["registered"]
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_the_list_filters_searches_and_opens(qtbot, db, actor, partner):
    claims = make_claims(db, actor, partner, 3)
    other = p.create_client(db, actor, p.ClientDraft(name="Лютик"))
    c.create_claim(
        db, actor, c.ClaimDraft(claimed_on=TODAY, partner_id=other.id, essence="Опоздали")
    )
    page = ClaimListPage(db, actor=actor)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 4
    page.reason.setCurrentIndex(page.reason.findData(str(reason_id(db))))
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 3)
    page.reason.setCurrentIndex(0)
    page.search_box.setText("Лют")
    page.apply_filter()
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1)
    page.search_box.clear()
    page.open_only.setChecked(True)
    page.apply_filter()
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 4)
    set_combo_data(page.status, "closed")
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 0)
    set_combo_data(page.status, None)
    page.open_only.setChecked(False)
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 4)
    wait_for_reads()
    with qtbot.waitSignal(page.open_requested) as blocker:
        page.view.row_activated.emit(0)
    assert blocker.args[0] == "claim"
    assert blocker.args[1] in {x.id for x in claims} | {page.model.row_id(0)}
    with qtbot.waitSignal(page.new_requested) as blocker:
        page.new_button.click()
    assert blocker.args == ["claim", {}]


def test_the_claims_tab_of_a_client_shows_its_claims_and_presets_a_new_one(
    qtbot, db, actor, partner
):
    make_claims(db, actor, partner, 2)
    other = p.create_client(db, actor, p.ClientDraft(name="Лютик"))
    c.create_claim(db, actor, c.ClaimDraft(claimed_on=TODAY, partner_id=other.id, essence="x"))
    tab = ClaimsTab(db, actor, partner_id=partner.id)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 2
    partner_column = [col.sort_key for col in tab.model.columns].index("partner")
    assert tab.view.isColumnHidden(partner_column)
    with qtbot.waitSignal(tab.new_requested) as blocker:
        tab.new_button.click()
    assert blocker.args == ["claim", {"partner_id": partner.id}]


# --- the card ------------------------------------------------------------------------------------


def test_the_card_registers_a_claim_with_its_plan(qtbot, db, actor, partner):
    card = open_card(qtbot, db, actor, partner_id=partner.id)
    assert card.partner_name.text() == 'ООО "Ромашка"'
    assert not card.start_button.isVisibleTo(card)  # nothing to move before it is saved
    card.essence.setPlainText("Пришёл битый цемент")
    set_combo_data(card.reason, reason_id(db))
    card.requested.setText("2600")
    card.plan.add_row({"action": "Проверить партию на складе"})
    assert card.is_dirty()
    assert [b.action for b in card.timeline.bars()] == ["Проверить партию на складе"]
    assert card.save()
    details = card.details()
    assert details is not None
    assert details.number.startswith("А-") or details.number
    assert details.requested_amount == Decimal("2600.00")
    assert [a.action for a in details.actions] == ["Проверить партию на складе"]
    assert details.actions[0].responsible_id == actor.user_id
    assert card.title().startswith(details.number)
    assert card.start_button.isVisibleTo(card)
    assert not card.resolve_button.isVisibleTo(card)


def test_a_refused_move_shows_the_service_message_under_the_plan(qtbot, db, actor, partner):
    claim = make_claims(db, actor, partner, 1)[0]
    card = open_card(qtbot, db, actor, claim.id)
    assert card.start_investigation() is False
    shown = card.errors_shown()
    assert "before starting the investigation" in shown["plan"]
    assert card.tabs.currentWidget() is card.plan_page  # the plan's tab is brought forward
    assert card.status() == "registered"


def test_plan_cells_show_their_errors(qtbot, db, actor, partner):
    claim = make_claims(db, actor, partner, 1)[0]
    card = open_card(qtbot, db, actor, claim.id)
    card.plan.add_row({"action": "", "planned_on": ""})
    card.plan.add_row({"action": "Сверить накладные", "done_on": "01.01.2999"})
    assert not card.save()
    shown = card.errors_shown()
    assert "plan[0].action" in shown
    assert "plan[0].planned_on" in shown
    assert "future" in shown["plan[1].done_on"]
    assert card.is_dirty()  # everything typed is kept


def test_edit_the_plan_start_resolve_close_makes_it_read_only(
    qtbot, db, actor, partner, monkeypatch, yes
):
    manager = ensure_user(db, "petrov", "Петров Пётр")
    claim = make_claims(db, actor, partner, 1)[0]
    card = open_card(qtbot, db, actor, claim.id)
    row = card.plan.add_row({"action": "Проверить партию"})
    card.plan.set_cell(row, "responsible_id", str(manager.user_id))
    assert card.save()
    assert card.details().actions[0].responsible_id == manager.user_id
    assert card.start_investigation()
    assert card.status() == "investigation"
    assert card.status_path.current() == "investigation"
    assert card.resolve_button.isVisibleTo(card)

    # resolving with an open action: the card shows why, under the plan
    def decide(result="satisfied", amount=Decimal(500)):
        def fake_exec(self):
            self.choose(result, amount, "Признали")
            self.submit()
            return self.result()

        monkeypatch.setattr(claim_card.ResolveDialog, "exec", fake_exec)

    decide()
    assert card.resolve_claim() is False
    assert "open actions" in card.errors_shown()["plan"]

    # mark it done in the table, save, then resolve
    card.plan.table.setCurrentCell(0, 0)
    card.plan.done_button.click()
    assert card.plan.rows()[0]["done_on"]
    assert card.save()
    assert card.timeline.bars()[0].state == "done"
    decide(amount=Decimal(999_999))  # more than requested: stays in the dialog
    assert card.resolve_claim() is False
    assert card.status() == "investigation"
    decide()
    assert card.resolve_claim()
    assert card.status() == "resolved"
    assert card.result_text.text() == "Satisfied"
    assert card.close_claim_button.isVisibleTo(card)
    assert card.plan_note.isVisibleTo(card)  # the plan is frozen

    assert card.close_claim()
    assert card.status() == "closed"
    assert card.is_read_only()
    assert card.closed_notice.isVisibleTo(card)
    assert not card.save_button.isEnabled()
    assert card.essence.isReadOnly()
    assert not card.reason.isEnabled()
    assert not card.plan.add_button.isEnabled()
    assert not card.files.add_button.isEnabled()
    assert card.reopen_button.isVisibleTo(card)  # the actor is a supervisor
    assert not card.start_button.isVisibleTo(card)

    def reopen_exec(self):
        self.comment.setPlainText("Клиент прислал новые фото")
        self.submit()
        return self.result()

    monkeypatch.setattr(claim_card.ReopenClaimDialog, "exec", reopen_exec)
    assert card.reopen_claim()
    assert card.status() == "investigation"
    assert not card.is_read_only()
    assert card.plan.rows()[-1]["action"] == "Клиент прислал новые фото"


def test_a_manager_has_no_reopen_button(qtbot, db, actor, partner, yes):
    manager = ensure_user(db, "petrov", "Петров Пётр")
    claim = make_claims(db, actor, partner, 1)[0]
    claim = c.set_plan(
        db,
        actor,
        claim.id,
        claim.version,
        [c.ActionDraft("Проверить", manager.user_id, TODAY, TODAY, "Да")],
    )
    claim = c.start_investigation(db, actor, claim.id, claim.version)
    claim = c.resolve(db, actor, claim.id, claim.version, "rejected", None)
    claim = c.close(db, actor, claim.id, claim.version)
    card = open_card(qtbot, db, manager, claim.id)
    assert card.is_read_only()
    assert not card.reopen_button.isVisibleTo(card)
    assert card.reopen_claim() is False


def test_files_tab_adds_saves_and_removes(qtbot, db, actor, partner, tmp_path, monkeypatch):
    claim = make_claims(db, actor, partner, 1)[0]
    card = open_card(qtbot, db, actor, claim.id)
    source = tmp_path / "акт.txt"
    source.write_text("Акт о браке", encoding="utf-8")
    monkeypatch.setattr(FileDialogs, "open_path", classmethod(lambda cls, parent: source))
    card.files.add_button.click()
    assert [r.file_name for r in card.files.rows()] == ["акт.txt"]
    card.files.files.select_row(0)
    target = tmp_path / "copy.txt"
    monkeypatch.setattr(
        FileDialogs, "save_path", classmethod(lambda cls, parent, suggested: target)
    )
    assert card.files.save_copy() == target
    assert target.read_text(encoding="utf-8") == "Акт о браке"
    assert card.files.remove_file(confirm=False)
    assert card.files.rows() == []


def test_the_interactions_tab_takes_another_widget(qtbot, db, actor, partner):
    from PySide6.QtWidgets import QLabel

    card = open_card(qtbot, db, actor, partner_id=partner.id)
    widget = QLabel("interactions")
    card.set_interactions_widget(widget)
    assert widget.parent() is card.interactions_page
    extra = QLabel("extra")
    index = card.add_tab(extra, "Extra")
    assert card.tabs.widget(index) is extra
    assert card.tabs.indexOf(extra) < card.tabs.indexOf(card.history)


def test_the_timeline_bars(db):
    claimed = date(2026, 3, 1)
    today = date(2026, 3, 20)
    bars = timeline_bars(
        claimed,
        [
            ("a", date(2026, 3, 5), date(2026, 3, 4)),
            ("b", date(2026, 3, 10), None),
            ("c", date(2026, 3, 25), None),
            ("no date", None, None),
        ],
        today,
    )
    assert [(b.action, b.start, b.state) for b in bars] == [
        ("a", claimed, "done"),
        ("b", date(2026, 3, 5), "overdue"),
        ("c", date(2026, 3, 10), "open"),
    ]


def test_the_history_tab_speaks_of_the_claim(qtbot, db, actor, partner):
    claim = make_claims(db, actor, partner, 1)[0]
    c.update_claim(
        db,
        actor,
        claim.id,
        claim.version,
        c.ClaimDraft(
            claimed_on=claim.claimed_on,
            partner_id=partner.id,
            essence=claim.essence,
            reason_id=reason_id(db, "documents"),
            requested_amount=Decimal(1500),
        ),
    )
    card = open_card(qtbot, db, actor, claim.id)
    card.tabs.setCurrentWidget(card.history)
    model = card.history.model
    texts = [
        [model.index(r, col).data() for col in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert any(row[2] == "Requested compensation" for row in texts)
    reasons = {r.id: r.name for r in c.claim_reasons(db)}
    assert any(row[4] == reasons[reason_id(db, "documents")] for row in texts)


def test_a_refused_plan_saves_none_of_the_card(qtbot, db, actor, partner):
    """The card's fields and its plan are one save: when the plan is refused, the fields are
    not half-saved behind the user's back (nothing is written, the version stays)."""
    claim = make_claims(db, actor, partner, 1)[0]
    card = open_card(qtbot, db, actor, claim.id)
    card.essence.setPlainText("Совсем другая суть")
    card.plan.add_row({"action": ""})  # refused by the service: an action needs its text
    assert not card.save()
    assert "plan[0].action" in card.errors_shown()
    stored = c.get_claim(db, claim.id)
    assert (stored.essence, stored.version, stored.actions) == (claim.essence, claim.version, ())
    assert card.is_dirty()
    card.plan.set_cell(0, "action", "Проверить партию")
    assert card.save()
    stored = c.get_claim(db, claim.id)
    assert stored.essence == "Совсем другая суть"
    assert [a.action for a in stored.actions] == ["Проверить партию"]
