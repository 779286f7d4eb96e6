"""Interactions and tasks through the UI, over a real database (SQLite and PostgreSQL).

Acceptance 2: an interaction registered with a phone number only is linked once a contact with
that number exists, and shows on the contact's card and on its client's card. Task card: a
manager cannot assign someone else. Today page: an overdue task is there.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from crm_desktop.services import interactions as it
from crm_desktop.services import parties as p
from crm_desktop.services import tasks as t
from crm_desktop.services.users import ensure_user
from crm_desktop.views import messages
from crm_desktop.views.activities import (
    InteractionCard,
    InteractionsTab,
    RegisterInteractionDialog,
    TaskCard,
    TasksTab,
    TodayPage,
)
from crm_desktop.views.activities import interaction_card as ic
from crm_desktop.views.cards import ClientCard, ContactCard
from crm_desktop.views.cards.base import set_combo_data

MSK = ZoneInfo("Europe/Moscow")
PHONE = "+7 495 123-45-67"


@pytest.fixture
def shown_errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, **kw: shown.append(text))
    return shown


@pytest.fixture
def client(db, actor):
    return p.create_client(db, actor, p.ClientDraft(name="ООО «Ромашка»"))


@pytest.fixture
def manager(db, actor):
    return ensure_user(db, "petrov", "Петров Пётр", role="manager")


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1100, 750)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_acceptance_phone_only_interaction_is_linked_and_shows_on_the_cards(
    qtbot, db, actor, client, monkeypatch, shown_errors
):
    dialog = show(qtbot, RegisterInteractionDialog(db, actor, None))
    assert dialog.interaction_kind.currentData() == "call"
    assert dialog.direction.currentData() == "in"
    dialog.who.setText(PHONE)
    assert dialog.search_now() == []  # nobody has this number yet
    assert dialog.matches.count() == 1  # "not in the contacts: keep it"
    dialog.subject.setText("Запрос цены на гвозди")
    dialog.result_edit.setText("Отправить КП")
    dialog.duration.setValue(7)
    dialog.follow_up.setChecked(True)
    dialog.task_title.setText("Отправить КП")
    with qtbot.waitSignal(dialog.registered) as registered:
        qtbot.keyClick(dialog.result_edit, Qt.Key.Key_Return)  # Enter saves
    interaction_id = registered.args[0]
    stored = it.get_interaction(db, interaction_id)
    assert (stored.contact_id, stored.participant_text) == (None, PHONE)
    assert (stored.kind, stored.direction, stored.duration_min) == ("call", "in", 7)
    assert stored.responsible_id == actor.user_id
    [task] = t.tasks_for(db, interaction_id=interaction_id)
    assert task.title == "Отправить КП"

    # the person becomes a contact of the client, with that number written another way
    contact = p.create_contact(
        db,
        actor,
        p.ContactDraft(
            last_name="Сидоров",
            first_name="Сидор",
            channels=(p.ChannelDraft(kind="phone", value="8 (495) 123-45-67", subkind="work"),),
        ),
    )
    p.link_client_contact(db, actor, client.id, contact.id)

    # the interaction card's "Link to contact…" offers the contact whose phone matches
    card = show(qtbot, InteractionCard(db, actor, interaction_id))
    assert card.participant_text.text() == PHONE
    assert card.link_button.isEnabled()
    offered: list[list[it.ContactMatch]] = []

    def choose_first(parent, db_, text, matches):
        offered.append(matches)
        return (matches[0].contact_id, matches[0].name)

    monkeypatch.setattr(ic.ContactMatchDialog, "ask", classmethod(lambda cls, *a: choose_first(*a)))
    with qtbot.waitSignal(card.saved):
        assert card.link_to_contact()
    assert [m.contact_id for m in offered[0]] == [contact.id]
    linked = it.get_interaction(db, interaction_id)
    assert (linked.contact_id, linked.client_id) == (contact.id, client.id)
    assert card.contact.name.text() == "Сидоров Сидор"
    assert card.client.name.text() == "ООО «Ромашка»"
    assert not card.link_button.isEnabled()

    contact_card = show(qtbot, ContactCard(db, actor, contact.id))
    tabs = [contact_card.tabs.tabText(i) for i in range(contact_card.tabs.count())]
    assert tabs[-3:] == ["Interactions", "Tasks", "History"]
    assert [r.id for r in contact_card.interactions_tab.rows()] == [interaction_id]
    table = contact_card.interactions_tab.list.table
    assert table.item(0, 2).text() == "Запрос цены на гвозди"
    assert table.item(0, 3).text() == "Сидоров Сидор"

    client_card = show(qtbot, ClientCard(db, actor, client.id))
    assert [r.id for r in client_card.interactions_tab.rows()] == [interaction_id]
    with qtbot.waitSignal(client_card.open_requested) as opened:
        client_card.interactions_tab.list.table.selectRow(0)
        client_card.interactions_tab.open_button.click()
    assert opened.args == ["interaction", interaction_id]
    assert shown_errors == []


def test_link_unmatched_for_contact_also_shows_it_on_the_contact_card(qtbot, db, actor, client):
    dialog = RegisterInteractionDialog(db, actor, None)
    qtbot.addWidget(dialog)
    dialog.who.setText("ivan@romashka.ru")
    dialog.search_now()
    dialog.subject.setText("Письмо с реквизитами")
    set_combo_data(dialog.interaction_kind, "email")
    assert dialog.direction.currentData() == "out"
    assert dialog.save()
    contact = p.create_contact(
        db,
        actor,
        p.ContactDraft(
            last_name="Иванов", channels=(p.ChannelDraft(kind="email", value="Ivan@Romashka.ru"),)
        ),
    )
    assert it.link_unmatched_for_contact(db, actor, contact.id) == 1
    card = show(qtbot, ContactCard(db, actor, contact.id))
    assert [r.id for r in card.interactions_tab.rows()] == [dialog.interaction_id]


def test_saving_a_contact_with_the_number_links_the_waiting_call(qtbot, db, actor, client):
    dialog = RegisterInteractionDialog(db, actor, None)
    qtbot.addWidget(dialog)
    dialog.who.setText("+7 (916) 555-44-33")
    dialog.search_now()
    dialog.subject.setText("Входящий звонок")
    assert dialog.save()
    contact = p.create_contact(db, actor, p.ContactDraft(last_name="Сидоров"))
    card = show(qtbot, ContactCard(db, actor, contact.id))
    draft = card.collect()
    with_phone = p.ContactDraft(
        last_name=draft.last_name,
        channels=(p.ChannelDraft(kind="phone", value="8 916 555 44 33"),),
    )
    card.collect = lambda: with_phone  # the phone typed into the card's channels
    assert card.save()
    assert card.linked_interactions == 1
    assert it.get_interaction(db, dialog.interaction_id).contact_id == contact.id
    qtbot.waitUntil(lambda: [r.id for r in card.interactions_tab.rows()] == [dialog.interaction_id])


def test_the_dialog_finds_a_contact_by_phone_and_by_name(qtbot, db, actor, client):
    contact = p.create_contact(
        db,
        actor,
        p.ContactDraft(
            last_name="Кузнецова",
            first_name="Анна",
            channels=(p.ChannelDraft(kind="phone", value=PHONE, subkind="mobile"),),
        ),
    )
    p.link_client_contact(db, actor, client.id, contact.id)
    dialog = RegisterInteractionDialog(db, actor, None)
    qtbot.addWidget(dialog)
    dialog.who.setText("84951234567")
    [found] = dialog.search_now()
    assert found.contact_id == contact.id
    assert dialog.chosen_contact() == found  # the match is chosen at once
    assert dialog.client_note.text() == "Client: ООО «Ромашка»"
    dialog.who.setText("Кузнецова")
    [by_name] = dialog.search_now()
    assert by_name.contact_id == contact.id
    dialog.subject.setText("Звонок")
    assert dialog.save()
    stored = it.get_interaction(db, dialog.interaction_id)
    assert (stored.contact_id, stored.participant_text, stored.client_id) == (
        contact.id,
        None,
        client.id,
    )


def test_the_dialog_shows_errors_next_to_the_fields(qtbot, db, actor):
    dialog = show(qtbot, RegisterInteractionDialog(db, actor, None))
    dialog.who.setText(PHONE)
    assert not dialog.save()  # no subject
    assert dialog._boxes["subject"].error.text()
    assert dialog.interaction_id is None
    dialog.subject.setText("Звонок")
    dialog.follow_up.setChecked(True)
    assert not dialog.save()  # a follow-up without a title
    assert dialog._boxes["task_title"].error.text()
    assert dialog.interaction_id is None


def test_task_card_a_manager_cannot_assign_others_a_supervisor_can(
    qtbot, db, actor, manager, client
):
    card = show(qtbot, TaskCard(db, manager, client_id=client.id))
    assert not card.assignee.isEnabled()
    assert card.assignee.currentData() == manager.user_id
    set_combo_data(card.assignee, actor.user_id)  # were it enabled…
    card.title_edit.setText("Позвонить")
    assert not card.save()
    assert "assignee_id" in card.errors_shown()
    set_combo_data(card.assignee, manager.user_id)
    assert card.save()
    assert t.get_task(db, card.record_id).assignee_id == manager.user_id

    supervisor_card = show(qtbot, TaskCard(db, actor, client_id=client.id))
    assert actor.is_supervisor and supervisor_card.assignee.isEnabled()
    set_combo_data(supervisor_card.assignee, manager.user_id)
    supervisor_card.title_edit.setText("Подготовить договор")
    assert supervisor_card.save()
    stored = t.get_task(db, supervisor_card.record_id)
    assert (stored.assignee_id, stored.author_id, stored.client_id) == (
        manager.user_id,
        actor.user_id,
        client.id,
    )


def test_task_card_done_cancel_reopen(qtbot, db, actor, client, monkeypatch):
    from crm_desktop.views.activities import task_card

    monkeypatch.setattr(task_card.Confirm, "ask", classmethod(lambda cls, *a: True))
    task = t.create_task(
        db, actor, t.TaskDraft(title="Позвонить", due_at=datetime.now(UTC) - timedelta(hours=1))
    )
    card = show(qtbot, TaskCard(db, actor, task.id))
    assert "overdue" in card.status.text()
    assert card.done_button.isEnabled() and not card.reopen_button.isEnabled()
    assert card.complete()
    stored = t.get_task(db, task.id)
    assert (stored.status, stored.done_by_id) == ("done", actor.user_id)
    assert card.done_info.text()
    assert card.reopen_button.isEnabled() and not card.done_button.isEnabled()
    assert card.reopen()
    assert t.get_task(db, task.id).status == "open"
    assert card.cancel()
    assert t.get_task(db, task.id).status == "cancelled"


def test_interaction_card_reply_makes_a_chain(qtbot, db, actor, client):
    first = it.create_interaction(
        db,
        actor,
        it.InteractionDraft(
            kind="call",
            direction="in",
            subject="Запрос цены",
            client_id=client.id,
            participant_text=PHONE,
            start_at=datetime.now(UTC) - timedelta(hours=1),
        ),
    )
    card = show(qtbot, InteractionCard(db, actor, first.id))
    with qtbot.waitSignal(card.new_requested) as asked:
        card.reply_button.click()
    assert asked.args == ["interaction", {"parent_id": first.id}]
    reply = show(qtbot, InteractionCard(db, actor, None, **asked.args[1]))
    assert reply.subject.text() == "Запрос цены"
    assert reply.direction.currentData() == "out"
    assert reply.client.value() == client.id
    reply.result.setPlainText("Цены отправлены")
    assert reply.save()
    stored = it.get_interaction(db, reply.record_id)
    assert (stored.parent_id, stored.client_id) == (first.id, client.id)
    assert reply.chain.payloads() == [first.id, reply.record_id]
    card.refresh_related()
    assert card.chain.payloads() == [first.id, reply.record_id]


def test_a_new_planned_interaction_from_the_tab(qtbot, db, actor, client):
    tab = InteractionsTab(db, actor)
    qtbot.addWidget(tab)
    tab.set_link(client_id=client.id)
    with qtbot.waitSignal(tab.new_requested) as asked:
        tab.plan_button.click()
    assert asked.args == ["interaction", {"client_id": client.id, "interaction_kind": "planned"}]
    card = show(qtbot, InteractionCard(db, actor, None, **asked.args[1]))
    assert card.status.currentData() == "planned"
    card.subject.setText("Встреча в офисе клиента")
    assert card.save()
    assert [r.id for r in it.interactions_for(db, client_id=client.id)] == [card.record_id]


def test_tabs_read_a_page_at_a_time(qtbot, db, actor, client):
    now = datetime.now(UTC)
    for hours in (3, 2, 1):
        it.create_interaction(
            db,
            actor,
            it.InteractionDraft(
                kind="meeting",
                subject=f"Встреча {hours}",
                client_id=client.id,
                start_at=now - timedelta(hours=hours),
            ),
        )
        t.create_task(
            db,
            actor,
            t.TaskDraft(
                title=f"Дело {hours}", client_id=client.id, due_at=now + timedelta(hours=hours)
            ),
        )
    interactions = InteractionsTab(db, actor, page_size=2)
    tasks = TasksTab(db, actor, page_size=2)
    for tab in (interactions, tasks):
        qtbot.addWidget(tab)
        tab.show()
        tab.set_link(client_id=client.id)
        assert len(tab.rows()) == 2 and tab.more_button.isVisible()
        tab.load_more()
        assert len(tab.rows()) == 3 and not tab.more_button.isVisible()
    assert [r.subject for r in interactions.rows()] == ["Встреча 1", "Встреча 2", "Встреча 3"]
    assert [r.title for r in tasks.rows()] == ["Дело 3", "Дело 2", "Дело 1"]
    tasks.list.table.selectRow(0)
    assert tasks.complete_current()
    assert tasks.rows()[0].status == "done"


def test_today_page_shows_an_overdue_task_and_completes_it(qtbot, db, actor, client):
    now = datetime(2025, 3, 12, 15, 0, tzinfo=MSK).astimezone(UTC)
    overdue = t.create_task(
        db,
        actor,
        t.TaskDraft(title="Перезвонить", due_at=now - timedelta(days=1), client_id=client.id),
    )
    later = t.create_task(
        db, actor, t.TaskDraft(title="Отправить счёт", due_at=now + timedelta(hours=2))
    )
    page = TodayPage(db, actor, now=lambda: now, tz=MSK)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show()  # reads itself when shown
    assert page.overdue_tasks.payloads() == [("task", overdue.id)]
    assert page.today_tasks.payloads() == [("task", later.id)]
    assert page.overdue_tasks.table.item(0, 1).text() == "Перезвонить"
    assert page.overdue_tasks.table.item(0, 2).text() == "ООО «Ромашка»"
    with qtbot.waitSignal(page.open_requested) as opened:
        page.overdue_tasks.table.itemActivated.emit(page.overdue_tasks.table.item(0, 1))
    assert opened.args == ["task", overdue.id]
    page.overdue_tasks.select_row(0)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        assert page.complete_selected(page.overdue_tasks)
    assert page.overdue_tasks.payloads() == []
    assert t.get_task(db, overdue.id).status == "done"


def test_interactions_list_filters_groups_by_subject_and_shows_the_chain(qtbot, db, actor, client):
    from crm_desktop.views.activities.lists import InteractionListPage

    now = datetime.now(UTC)
    first = it.create_interaction(
        db,
        actor,
        it.InteractionDraft(
            kind="call",
            direction="in",
            subject="Запрос цены",
            client_id=client.id,
            start_at=now - timedelta(hours=3),
        ),
    )
    reply = it.reply_to(
        db,
        actor,
        first.id,
        it.InteractionDraft(
            kind="email", direction="out", subject="", start_at=now - timedelta(hours=2)
        ),
    )
    it.create_interaction(
        db,
        actor,
        it.InteractionDraft(
            kind="meeting", subject="Переговоры", start_at=now - timedelta(hours=1)
        ),
    )
    page = InteractionListPage(db, background=False)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and page.model.is_cached(0))
    assert [page.model.row(i).subject for i in range(3)] == [
        "Переговоры",
        "Запрос цены",
        "Запрос цены",
    ]  # newest first
    set_combo_data(page.kind_filter, "call")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.is_cached(0))
    assert page.model.row(0).id == first.id
    page.view.selectRow(0)
    assert page.chain.payloads() == [first.id, reply.id]
    set_combo_data(page.kind_filter, None)
    page.group.setChecked(True)
    subjects = [page.subjects.item(r, 0).text() for r in range(page.subjects.rowCount())]
    counts = [page.subjects.item(r, 1).text() for r in range(page.subjects.rowCount())]
    assert subjects == ["Переговоры", "Запрос цены"] and counts == ["1", "2"]


def test_task_card_files_tab_is_for_a_saved_task(qtbot, db, actor, client, tmp_path, monkeypatch):
    from crm_desktop.services import attachments as att
    from crm_desktop.views.cards.dialogs import Confirm

    card = show(qtbot, TaskCard(db, actor, None, client_id=client.id))
    files_index = card.tabs.indexOf(card.files)
    assert files_index >= 0 and card.tabs.tabText(files_index) == "Files"
    assert not card.tabs.isTabEnabled(files_index)  # a new task has nowhere to keep files
    assert card.tabs.tabToolTip(files_index) == "Save the task first to attach files."
    assert card.files.add_file(tmp_path / "nothing.txt") is None

    card.title_edit.setText("Отправить акт")
    assert card.save()
    assert card.tabs.isTabEnabled(files_index)
    act = tmp_path / "акт сверки.pdf"
    act.write_bytes(b"%PDF-1.4 act")
    added = card.files.add_file(act)
    assert added is not None and added.owner_kind == "task"
    assert [r.file_name for r in card.files.rows()] == ["акт сверки.pdf"]
    assert card.tabs.tabText(files_index) == "Files (1)"
    assert [r.id for r in att.list_attachments(db, "task", card.record_id)] == [added.id]

    # another card of the same task shows it
    again = show(qtbot, TaskCard(db, actor, card.record_id))
    assert [r.file_name for r in again.files.rows()] == ["акт сверки.pdf"]
    again.files.files.table.selectRow(0)
    questions = []
    monkeypatch.setattr(Confirm, "ask", lambda parent, title, text: questions.append(text) or True)
    assert again.files.remove_file()
    assert questions == ["Remove the file «акт сверки.pdf» from the task?"]
    assert again.files.rows() == [] and again.tabs.tabText(files_index) == "Files"


def test_interaction_card_files_tab(qtbot, db, actor, client, tmp_path):
    card = show(qtbot, InteractionCard(db, actor, None))
    index = card.tabs.indexOf(card.files)
    assert not card.tabs.isTabEnabled(index)
    assert card.files.files.notice.text() == "Save the interaction first to attach files."
    card.subject.setText("Встреча")
    assert card.save(), card.errors_shown()
    assert card.tabs.isTabEnabled(index)
    photo = tmp_path / "фото.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    assert card.files.add_file(photo).owner_kind == "interaction"
    assert card.tabs.tabText(index) == "Files (1)"


def test_today_page_shows_an_overdue_investigation_action_done_today_closes_it(
    qtbot, db, actor, client
):
    from datetime import date

    from crm_desktop.models import Claim, InvestigationAction
    from crm_desktop.services import claims
    from crm_desktop.services.uow import write_unit

    today = date.today()
    with write_unit(db, actor) as session:
        claim = Claim(
            number="П-000007",
            claimed_on=today - timedelta(days=10),
            partner_id=client.id,
            essence="Недопоставка",
        )
        session.add(claim)
        session.flush()
        session.add(
            InvestigationAction(
                claim_id=claim.id,
                line_no=1,
                action="Запросить накладные\nу склада",
                responsible_id=actor.user_id,
                planned_on=today - timedelta(days=3),
            )
        )
        claim_id = claim.id
    page = TodayPage(db, actor)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show()
    section = page.overdue_actions
    assert section.isVisible()
    assert section.payloads() == [("claim", claim_id)]
    assert section.title() == "Overdue claim investigation actions (1)"
    cells = [section.table.item(0, c).text() for c in range(5)]
    assert cells[1:] == ["Запросить накладные", "П-000007", "ООО «Ромашка»", "3"]
    with qtbot.waitSignal(page.open_requested) as opened:
        section.table.itemActivated.emit(section.table.item(0, 1))
    assert opened.args == ["claim", claim_id]

    assert not page.complete_selected_action()  # nothing selected
    section.select_row(0)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        assert page.complete_selected_action()
    assert section.payloads() == []
    assert not section.isVisible()  # nothing to investigate: no section
    plan = claims.get_claim(db, claim_id).actions
    assert [(a.done_on, a.action) for a in plan] == [(today, "Запросить накладные\nу склада")]
