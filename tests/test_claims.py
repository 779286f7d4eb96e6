"""Claims on both backends: the card, the status rules and their refusals, the closed claim's
read-only state, a supervisor's audited reopen, reminders and the claims list."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from crm_desktop.errors import (
    ConcurrencyError,
    PermissionDeniedError,
    ValidationError,
)
from crm_desktop.models import AuditEntry, Claim, Department, InvestigationAction, User
from crm_desktop.services import claims as c
from crm_desktop.services import deals as d
from crm_desktop.services import parties as p
from crm_desktop.services.lists import PageRequest
from crm_desktop.services.uow import read_unit, write_unit
from crm_desktop.services.users import ensure_user

TODAY = date.today()
YESTERDAY = TODAY - timedelta(days=1)


@pytest.fixture
def manager(db, actor):
    return ensure_user(db, "petrov", "Петров Пётр")


@pytest.fixture
def partner(db, actor):
    return p.create_client(db, actor, p.ClientDraft(name='ООО "Ромашка"'))


@pytest.fixture
def other_partner(db, actor):
    return p.create_client(db, actor, p.ClientDraft(name="Лютик", roles=frozenset({"carrier"})))


@pytest.fixture
def counterparty(db, actor, partner):
    return p.create_counterparty(
        db,
        actor,
        p.CounterpartyDraft(
            legal_form_id=p.catalogue_item_id(db, "legal_form", "ooo"),
            full_name='Общество с ограниченной ответственностью "Ромашка"',
            client_id=partner.id,
        ),
    )


@pytest.fixture
def deal(db, actor, partner):
    return d.create_deal(db, actor, d.DealDraft(title="Поставка цемента", client_id=partner.id))


@pytest.fixture
def department(db, actor):
    with write_unit(db, actor) as session:
        dept = Department(name="Склад")
        session.add(dept)
        session.flush()
        return dept.id


def reason(db, code="defect"):
    return next(r.id for r in c.claim_reasons(db) if r.code == code)


def draft(partner_id, **kw):
    values = {
        "claimed_on": YESTERDAY,
        "partner_id": partner_id,
        "essence": "Пришёл битый цемент, 5 мешков",
        "requested_amount": Decimal("2600.00"),
    }
    values.update(kw)
    return c.ClaimDraft(**values)


def action(user_id, text="Проверить партию на складе", **kw):
    values = {"action": text, "responsible_id": user_id, "planned_on": TODAY}
    values.update(kw)
    return c.ActionDraft(**values)


def count(db, model, *where):
    with read_unit(db) as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def investigating(db, actor, partner, manager, **kw):
    claim = c.create_claim(
        db, actor, draft(partner.id, reason_id=reason(db), **kw), [action(manager.user_id)]
    )
    return c.start_investigation(db, actor, claim.id, claim.version)


def resolved(db, actor, partner, manager, **kw):
    claim = investigating(db, actor, partner, manager, **kw)
    claim = c.complete_action(
        db, actor, claim.actions[0].id, claim.actions[0].version, result="Брак подтверждён"
    )
    return c.resolve(db, actor, claim.id, claim.version, "satisfied", Decimal(2600))


# --- the card ---------------------------------------------------------------------------------


def test_create_claim_numbers_it_and_reads_back_with_names(
    db, actor, manager, partner, counterparty, deal, department
):
    first = c.create_claim(
        db,
        actor,
        draft(
            partner.id,
            counterparty_id=counterparty.id,
            deal_id=deal.id,
            reason_id=reason(db),
            culprit_department_id=department,
            culprit_user_id=manager.user_id,
        ),
        [action(manager.user_id)],
    )
    second = c.create_claim(db, actor, draft(partner.id))
    assert (first.number, second.number) == ("А-000001", "А-000002")
    got = c.get_claim(db, first.id)
    assert got.status == "registered"
    assert got.partner_name == 'ООО "Ромашка"'
    assert got.counterparty_name == counterparty.short_name
    assert (got.deal_number, got.deal_title) == (deal.number, "Поставка цемента")
    assert got.reason_name == "Брак, ненадлежащее качество"
    assert got.culprit_department_name == "Склад"
    assert got.culprit_user_name == "Петров Пётр"
    assert (got.owner_id, got.owner_name) == (actor.user_id, actor.full_name)
    assert got.requested_amount == Decimal("2600.00")
    assert [(a.line_no, a.action, a.responsible_name) for a in got.actions] == [
        (1, "Проверить партию на складе", "Петров Пётр")
    ]
    assert got.open_actions == got.actions and not got.is_closed


def test_bad_input_names_each_field_and_saves_nothing(
    db, actor, partner, other_partner, counterparty, deal
):
    with pytest.raises(ValidationError) as caught:
        c.create_claim(
            db,
            actor,
            c.ClaimDraft(
                claimed_on=None,
                partner_id=None,
                essence="  ",
                requested_amount=Decimal(-1),
            ),
        )
    assert set(caught.value.field_errors) == {
        "claimed_on",
        "partner_id",
        "essence",
        "requested_amount",
    }
    with pytest.raises(ValidationError) as caught:
        c.create_claim(
            db,
            actor,
            draft(
                other_partner.id,
                claimed_on=TODAY + timedelta(days=1),
                counterparty_id=counterparty.id,
                deal_id=deal.id,
            ),
            [c.ActionDraft("", None, None, done_on=TODAY + timedelta(days=1))],
        )
    errors = caught.value.field_errors
    assert errors["claimed_on"].text == "The claim date cannot be in the future."
    assert errors["counterparty_id"].text == (
        "Choose a counterparty of the claim's client (partner)."
    )
    assert errors["deal_id"].text == "Choose a deal of the claim's client (partner)."
    assert set(errors) == {
        "claimed_on",
        "counterparty_id",
        "deal_id",
        "plan[0].action",
        "plan[0].responsible_id",
        "plan[0].planned_on",
        "plan[0].done_on",
    }
    assert count(db, Claim) == 0
    assert count(db, InvestigationAction) == 0
    assert count(db, AuditEntry, AuditEntry.entity == "claim") == 0


def test_a_partner_of_any_role_and_the_culprits_department(db, actor, other_partner, department):
    with write_unit(db, actor) as session:
        user = User(login="sklad", full_name="Кладовщик", department_id=department)
        session.add(user)
        session.flush()
        user_id = user.id
    claim = c.create_claim(db, actor, draft(other_partner.id, culprit_user_id=user_id))
    assert claim.partner_name == "Лютик"
    assert claim.culprit_department_id == department


def test_update_claim_and_a_stale_version(db, actor, partner, other_partner):
    claim = c.create_claim(db, actor, draft(partner.id))
    changed = c.update_claim(
        db,
        actor,
        claim.id,
        claim.version,
        draft(other_partner.id, essence="Опоздали на 3 дня", reason_id=reason(db, "late_delivery")),
    )
    assert (changed.partner_name, changed.essence) == ("Лютик", "Опоздали на 3 дня")
    assert changed.reason_name == "Срыв сроков поставки"
    assert changed.version > claim.version
    with pytest.raises(ConcurrencyError):
        c.update_claim(db, actor, claim.id, claim.version, draft(partner.id))


# --- status rules -------------------------------------------------------------------------------


def test_investigation_needs_a_plan_action(db, actor, manager, partner):
    claim = c.create_claim(db, actor, draft(partner.id))
    with pytest.raises(ValidationError) as caught:
        c.start_investigation(db, actor, claim.id, claim.version)
    assert caught.value.field == "plan"
    assert caught.value.message.text == (
        "Add at least one action to the investigation plan before starting the investigation."
    )
    assert c.get_claim(db, claim.id).status == "registered"
    planned = c.set_plan(db, actor, claim.id, claim.version, [action(manager.user_id)])
    assert planned.version > claim.version  # a plan change is a change of the claim
    started = c.start_investigation(db, actor, claim.id, planned.version)
    assert started.status == "investigation"
    with pytest.raises(ValidationError) as caught:
        c.set_plan(db, actor, claim.id, started.version, [])
    assert caught.value.field == "plan"
    assert caught.value.message.text == (
        "A claim under investigation needs at least one plan action."
    )


def test_resolution_needs_every_action_done_a_reason_and_a_result(db, actor, manager, partner):
    claim = c.create_claim(db, actor, draft(partner.id), [action(manager.user_id)])
    with pytest.raises(ValidationError) as caught:
        c.resolve(db, actor, claim.id, claim.version, "satisfied", Decimal(100))
    assert caught.value.field == "status"
    assert caught.value.message.text == "Start the investigation before resolving the claim."
    claim = c.start_investigation(db, actor, claim.id, claim.version)
    claim = c.set_plan(
        db,
        actor,
        claim.id,
        claim.version,
        [
            c.ActionDraft(
                claim.actions[0].action,
                manager.user_id,
                TODAY,
                done_on=TODAY,
                id=claim.actions[0].id,
            ),
            action(manager.user_id, "Запросить фото у клиента"),
        ],
    )
    with pytest.raises(ValidationError) as caught:
        c.resolve(db, actor, claim.id, claim.version, None, None)
    errors = caught.value.field_errors
    assert errors["plan"].text == (
        "The investigation plan still has open actions: {actions}. Mark them done before "
        "resolving the claim."
    )
    assert errors["plan"].params == {"actions": "2. Запросить фото у клиента"}
    assert errors["reason_id"].text == "Choose the reason of the claim before resolving it."
    assert errors["result"].text == (
        "Choose the result of the claim: satisfied, partly satisfied or rejected."
    )
    claim = c.update_claim(
        db, actor, claim.id, claim.version, draft(partner.id, reason_id=reason(db))
    )
    claim = c.complete_action(db, actor, claim.actions[1].id, claim.actions[1].version)
    for result, amount, text in (
        ("satisfied", None, "Enter the granted amount."),
        ("partly", Decimal(-5), "The amount cannot be negative."),
        (
            "partly",
            Decimal("2600.01"),
            "The granted amount cannot exceed the requested amount ({requested}).",
        ),
        ("rejected", Decimal(10), "A rejected claim grants nothing: leave the amount at zero."),
    ):
        with pytest.raises(ValidationError) as caught:
            c.resolve(db, actor, claim.id, claim.version, result, amount)
        assert caught.value.field == "result_amount"
        assert caught.value.message.text == text
    assert c.get_claim(db, claim.id).status == "investigation"
    done = c.resolve(db, actor, claim.id, claim.version, "partly", Decimal(1000), "Частично")
    assert (done.status, done.result, done.result_amount) == ("resolved", "partly", Decimal(1000))
    assert done.resolved_at is not None and done.result_comment == "Частично"
    # the decision may change before closing; the plan is frozen until back in investigation
    again = c.resolve(db, actor, claim.id, done.version, "rejected", None)
    assert (again.result, again.result_amount, again.resolved_at) == (
        "rejected",
        Decimal(0),
        done.resolved_at,
    )
    with pytest.raises(ValidationError) as caught:
        c.set_plan(db, actor, claim.id, again.version, [action(manager.user_id)])
    assert caught.value.field == "plan"
    back = c.start_investigation(db, actor, claim.id, again.version)
    assert (back.status, back.resolved_at, back.result) == ("investigation", None, "rejected")


def test_only_a_resolved_claim_closes(db, actor, manager, partner):
    claim = investigating(db, actor, partner, manager)
    with pytest.raises(ValidationError) as caught:
        c.close(db, actor, claim.id, claim.version)
    assert caught.value.field == "status"
    assert caught.value.message.text == "Only a resolved claim can be closed."
    claim = resolved(db, actor, partner, manager)
    closed = c.close(db, actor, claim.id, claim.version)
    assert closed.status == "closed" and closed.closed_at is not None and closed.is_closed


def test_a_closed_claim_refuses_every_change(db, actor, manager, partner):
    claim = resolved(db, actor, partner, manager)
    claim = c.close(db, actor, claim.id, claim.version)
    first = claim.actions[0]
    attempts = [
        lambda: c.update_claim(db, actor, claim.id, claim.version, draft(partner.id)),
        lambda: c.set_plan(db, actor, claim.id, claim.version, [action(manager.user_id)]),
        lambda: c.complete_action(db, actor, first.id, first.version),
        lambda: c.start_investigation(db, actor, claim.id, claim.version),
        lambda: c.resolve(db, actor, claim.id, claim.version, "rejected", None),
        lambda: c.close(db, actor, claim.id, claim.version),
        lambda: c.delete_claim(db, actor, claim.id, claim.version),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.field == "status"
        assert caught.value.message.text == (
            "The claim is closed and cannot be changed. Only a supervisor can reopen it."
        )
    assert c.get_claim(db, claim.id).version == claim.version


def test_a_supervisor_reopens_a_closed_claim_audited_a_manager_cannot(db, actor, manager, partner):
    claim = resolved(db, actor, partner, manager)
    with pytest.raises(ValidationError) as caught:
        c.reopen(db, actor, claim.id, claim.version, "Клиент не согласен")
    assert caught.value.message.text == "Only a closed claim can be reopened."
    claim = c.close(db, actor, claim.id, claim.version)
    with pytest.raises(PermissionDeniedError) as denied:
        c.reopen(db, manager, claim.id, claim.version, "Клиент не согласен")
    assert denied.value.message.text == "Only a supervisor can reopen a closed claim."
    with pytest.raises(ValidationError) as caught:
        c.reopen(db, actor, claim.id, claim.version, "   ")
    assert caught.value.field == "comment"
    assert c.get_claim(db, claim.id).status == "closed"
    assert actor.is_supervisor
    reopened = c.reopen(db, actor, claim.id, claim.version, "Клиент не согласен с суммой")
    assert (reopened.status, reopened.closed_at, reopened.resolved_at) == (
        "investigation",
        None,
        None,
    )
    assert [(a.action, a.done_on) for a in reopened.open_actions] == [
        ("Клиент не согласен с суммой", None)
    ]
    history = p.record_history(db, "claim", claim.id)
    status_changes = [
        (h.old_value, h.new_value, h.user_name) for h in history if h.field == "status"
    ]
    assert status_changes[-1] == ("closed", "investigation", actor.full_name)
    with read_unit(db) as session:
        entry = session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.entity == "claim",
                AuditEntry.entity_id == claim.id,
                AuditEntry.field == "closed_at",
            )
            .order_by(AuditEntry.at.desc())
        ).first()
    assert entry is not None and entry.new_value is None and entry.user_id == actor.user_id
    # reopened, it follows the rules again: the new action must be done before resolving
    with pytest.raises(ValidationError) as caught:
        c.resolve(db, actor, claim.id, reopened.version, "satisfied", Decimal(2600))
    assert caught.value.field == "plan"


def test_delete_a_claim_registered_by_mistake(db, actor, partner):
    claim = c.create_claim(db, actor, draft(partner.id))
    c.delete_claim(db, actor, claim.id, claim.version)
    from crm_desktop.errors import NotFoundError

    with pytest.raises(NotFoundError):
        c.get_claim(db, claim.id)
    assert c.claim_count(db, c.ClaimFilter()) == 0
    assert c.claim_count(db, c.ClaimFilter(include_deleted=True)) == 1


# --- reminders ----------------------------------------------------------------------------------


def test_overdue_actions_for_the_responsible(db, actor, manager, partner):
    claim = c.create_claim(
        db,
        actor,
        draft(partner.id),
        [
            action(manager.user_id, "Просрочено", planned_on=TODAY - timedelta(days=3)),
            action(manager.user_id, "Сегодня", planned_on=TODAY),
            action(manager.user_id, "Сделано", planned_on=TODAY - timedelta(days=5), done_on=TODAY),
            action(actor.user_id, "Чужое", planned_on=TODAY - timedelta(days=3)),
        ],
    )
    late = c.overdue_actions(db, manager.user_id, TODAY)
    assert [(x.action, x.days_overdue, x.claim_number, x.partner_name) for x in late] == [
        ("Просрочено", 3, claim.number, 'ООО "Ромашка"')
    ]
    due = c.overdue_actions(db, manager.user_id, TODAY, include_due_today=True)
    assert [x.action for x in due] == ["Просрочено", "Сегодня"]
    got = c.complete_action(db, manager, late[0].action_id, late[0].action_version, result="Ок")
    assert [a.action for a in got.open_actions] == ["Сегодня", "Чужое"]
    assert c.overdue_actions(db, manager.user_id, TODAY) == []


# --- the list -----------------------------------------------------------------------------------


def test_claims_list_filters_search_sorts_and_pages(
    db, actor, manager, partner, other_partner, deal, department
):
    made = [
        c.create_claim(db, actor, draft(partner.id, reason_id=reason(db), deal_id=deal.id)),
        c.create_claim(db, manager, draft(other_partner.id, culprit_department_id=department)),
        c.create_claim(db, actor, draft(partner.id, claimed_on=TODAY - timedelta(days=40))),
    ]
    everything = c.ClaimFilter()
    assert c.claim_count(db, everything) == 3
    for sort in c.CLAIM_SORT_KEYS:
        for descending in (False, True):
            rows = c.claim_page(db, everything, PageRequest(sort=sort, descending=descending))
            assert len(rows) == 3, sort
            first = c.claim_page(
                db, everything, PageRequest(sort=sort, descending=descending, limit=1)
            )
            rest = c.claim_page(
                db,
                everything,
                PageRequest(sort=sort, descending=descending, after=first[0][0], limit=5),
            )
            assert [r.id for _k, r in first + rest] == [r.id for _k, r in rows], sort
    rows = [r for _k, r in c.claim_page(db, everything, PageRequest(sort="number"))]
    assert [r.number for r in rows] == ["А-000001", "А-000002", "А-000003"]
    assert rows[0].reason == "Брак, ненадлежащее качество" and rows[0].partner == 'ООО "Ромашка"'
    assert rows[1].culprit_department == "Склад" and rows[1].owner == "Петров Пётр"
    assert c.claim_count(db, c.ClaimFilter(owner_id=manager.user_id)) == 1
    assert c.claim_count(db, c.ClaimFilter(culprit_department_id=department)) == 1
    assert c.claim_count(db, c.ClaimFilter(reason_id=reason(db))) == 1
    assert c.claim_count(db, c.ClaimFilter(status="registered")) == 3
    assert c.claim_count(db, c.ClaimFilter(open_only=True)) == 3
    assert c.claim_count(db, c.ClaimFilter(claimed_to=TODAY - timedelta(days=30))) == 1
    assert c.claim_count(db, c.ClaimFilter(claimed_from=TODAY - timedelta(days=30))) == 2
    for text, numbers in (
        ("А-000002", ["А-000002"]),
        ("а-00000", ["А-000001", "А-000002", "А-000003"]),
        ("3", ["А-000003"]),
        ("ромаш", ["А-000001", "А-000003"]),
        ('ООО "Лют', ["А-000002"]),
        ("Незабудка", []),
    ):
        flt = c.ClaimFilter(search=text)
        hits = c.claim_search(db, flt)
        assert hits is not None
        found = [r.number for _k, r in c.claim_page(db, flt, PageRequest(sort="number"), hits=hits)]
        assert found == numbers, text
        assert c.claim_count(db, flt) == len(numbers)
    anchors = c.claim_anchors(db, everything, "claimed_on", every=2)
    assert len(anchors) == 1
    assert [r.number for r in c.claims_for(db, partner_id=partner.id)] == ["А-000001", "А-000003"]
    assert [r.id for r in c.claims_for(db, deal_id=deal.id)] == [made[0].id]


def test_a_resolved_claim_keeps_its_reason(db, actor, manager, partner):
    """Resolving needs a reason; the card must not clear it afterwards (the satisfaction report
    counts resolved claims by reason)."""
    claim = resolved(db, actor, partner, manager)
    with pytest.raises(ValidationError) as caught:
        c.update_claim(db, actor, claim.id, claim.version, draft(partner.id, reason_id=None))
    assert caught.value.field == "reason_id"
    assert caught.value.message.text == "The claim is resolved: its reason cannot be left empty."
    assert c.get_claim(db, claim.id).reason_id == claim.reason_id
    other = reason(db, "documents")
    changed = c.update_claim(db, actor, claim.id, claim.version, draft(partner.id, reason_id=other))
    assert changed.reason_id == other
    back = c.start_investigation(db, actor, claim.id, changed.version)
    cleared = c.update_claim(db, actor, claim.id, back.version, draft(partner.id, reason_id=None))
    assert cleared.reason_id is None  # under investigation it may be cleared again


def test_save_claim_writes_the_fields_and_the_plan_together(db, actor, manager, partner):
    claim = c.create_claim(db, actor, draft(partner.id))
    with pytest.raises(ValidationError) as caught:
        c.save_claim(
            db,
            actor,
            claim.id,
            claim.version,
            draft(partner.id, essence="Новая суть"),
            [action(manager.user_id, "")],
        )
    assert caught.value.field == "plan[0].action"
    stored = c.get_claim(db, claim.id)
    assert (stored.essence, stored.version) == (claim.essence, claim.version)
    saved = c.save_claim(
        db,
        actor,
        claim.id,
        claim.version,
        draft(partner.id, essence="Новая суть"),
        [action(manager.user_id)],
    )
    assert saved.essence == "Новая суть" and len(saved.actions) == 1
    same = c.save_claim(db, actor, claim.id, saved.version, draft(partner.id, essence="Ещё"))
    assert same.essence == "Ещё" and len(same.actions) == 1  # plan None: left as it is
    with pytest.raises(ConcurrencyError):
        c.save_claim(db, actor, claim.id, saved.version, draft(partner.id), [])


def test_a_closed_claims_files_stay_as_they_were(db, actor, manager, partner):
    from crm_desktop.services import attachments as a

    claim = resolved(db, actor, partner, manager)
    kept = a.add_attachment(db, actor, "claim", claim.id, "акт.pdf", b"%PDF-1.4 act")
    claim = c.close(db, actor, claim.id, claim.version)
    with pytest.raises(ValidationError) as caught:
        a.add_attachment(db, actor, "claim", claim.id, "ещё.pdf", b"%PDF-1.4")
    assert caught.value.field == "file"
    with pytest.raises(ValidationError):
        a.remove_attachment(db, actor, kept.id)
    assert [x.file_name for x in a.list_attachments(db, "claim", claim.id)] == ["акт.pdf"]
