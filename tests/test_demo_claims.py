"""Demo claims: every state present, each claim consistent with the status rules."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from crm_desktop.models import Claim, Counterparty, Deal, Department, InvestigationAction
from crm_desktop.services import claim_reports as cr
from crm_desktop.services import claims as c
from crm_desktop.services.demo import generate
from crm_desktop.services.demo_claims import create_demo_claims
from crm_desktop.services.uow import read_unit


def test_demo_claims_cover_every_state_and_obey_the_rules(db, actor):
    generate(db, actor, clients=60, seed=3, deals=30, extras=False)
    made = create_demo_claims(db, actor, random.Random(7), 60)
    assert made == 60
    today = date.today()
    with read_unit(db) as session:
        claims = list(session.scalars(select(Claim)))
        plans: dict = {}
        for action in session.scalars(select(InvestigationAction)):
            plans.setdefault(action.claim_id, []).append(action)
        counterparty_owner = dict(
            session.execute(select(Counterparty.id, Counterparty.client_id)).all()
        )
        deal_client = dict(session.execute(select(Deal.id, Deal.client_id)).all())
        departments = {d.name for d in session.scalars(select(Department))}
    assert len(claims) == 60
    assert {"Склад", "Логистика", "Бухгалтерия"} <= departments
    assert {x.status for x in claims} == {"registered", "investigation", "resolved", "closed"}
    assert {x.result for x in claims if x.status == "resolved"} == {
        "satisfied",
        "partly",
        "rejected",
    }
    assert len({x.number for x in claims}) == 60
    registered = [x for x in claims if x.status == "registered"]
    assert any(x.id not in plans for x in registered)  # no plan yet
    assert any(x.id in plans for x in registered)
    investigating = [plans[x.id] for x in claims if x.status == "investigation"]
    assert all(investigating)  # under investigation: never without a plan
    assert any(any(a.done_on is None for a in plan) for plan in investigating)
    assert any(all(a.done_on is not None for a in plan) for plan in investigating)
    overdue = [
        a for plan in investigating for a in plan if a.done_on is None and a.planned_on < today
    ]
    assert overdue
    assert c.overdue_actions(db, overdue[0].responsible_id, today)
    for claim in claims:
        assert today - timedelta(days=430) <= claim.claimed_on <= today
        if claim.counterparty_id is not None:
            assert counterparty_owner[claim.counterparty_id] == claim.partner_id
        if claim.deal_id is not None:
            assert deal_client[claim.deal_id] == claim.partner_id
        for action in plans.get(claim.id, []):
            assert action.responsible_id is not None
            assert action.done_on is None or claim.claimed_on <= action.done_on <= today
        if claim.status in ("resolved", "closed"):
            assert all(a.done_on is not None for a in plans[claim.id]), claim.number
            assert claim.reason_id is not None
            assert claim.result in ("satisfied", "partly", "rejected")
            assert 0 <= claim.result_amount <= claim.requested_amount
            assert claim.result != "rejected" or claim.result_amount == 0
            assert claim.resolved_at is not None
            assert claim.resolved_at.date() >= max(a.done_on for a in plans[claim.id])
        else:
            assert claim.resolved_at is None and claim.result is None
        assert (claim.closed_at is not None) == (claim.status == "closed")
    # the reports have something to show over the demo's ~14 months
    dynamics = cr.claims_dynamics(db, today - timedelta(days=430), today)
    assert dynamics.registered == 60
    assert dynamics.resolved == sum(1 for x in claims if x.resolved_at is not None)
    satisfaction = cr.claim_satisfaction(db, today - timedelta(days=430), today)
    assert satisfaction.total.count == dynamics.resolved


def test_no_clients_no_claims(db, actor):
    assert create_demo_claims(db, actor, random.Random(1), 10) == 0
