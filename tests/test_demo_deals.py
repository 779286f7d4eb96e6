"""Demo deals: every stage and outcome, each deal consistent with the stage rules."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from crm_desktop.models import Deal
from crm_desktop.services import reports
from crm_desktop.services.deal_stages import process_stages, unmet
from crm_desktop.services.demo import generate
from crm_desktop.services.uow import read_unit


def test_demo_deals_cover_the_funnel_and_obey_the_rules(db, actor):
    summary = generate(db, actor, clients=120, seed=5, deals=150, extras=False)
    assert summary.deals == 150
    with read_unit(db) as session:
        stages = process_stages(session)
        order = {s.id: i for i, s in enumerate(stages)}
        deals = list(session.scalars(select(Deal)))
        statuses = {d.status for d in deals}
        reached = {order[d.stage_id] for d in deals}
        for deal in deals:
            passed = stages[: order[deal.stage_id]] + ([stages[-1]] if deal.status == "won" else [])
            for stage in passed:
                assert unmet(session, deal, stage.id) == [], (deal.number, stage.code)
            if deal.status == "lost":
                assert deal.loss_reason_id is not None and deal.loss_comment
    assert statuses == {"open", "won", "lost"}
    assert reached == set(range(len(stages)))
    report = reports.funnel(db, date.today() - timedelta(days=200), date.today())
    entered = [s.entered for s in report.stages]
    assert entered[0] == 150
    assert entered == sorted(entered, reverse=True)
    assert report.won_count > 0 and report.lost_count > 0 and report.open_count > 0
