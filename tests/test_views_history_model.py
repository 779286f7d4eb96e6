"""The card history's item model passes Qt's own model tester (it is fully loaded)."""

from __future__ import annotations

from crm_desktop.services import cards
from crm_desktop.services import parties as p
from crm_desktop.views.cards.history import HistoryModel


def test_history_model_passes_qt_model_tester(qtbot, qtmodeltester, db, actor):
    client = p.create_client(db, actor, p.ClientDraft(name="Ромашка", head_count=10))
    p.update_client(
        db, actor, client.id, client.version, p.ClientDraft(name="Ромашка-2", head_count=12)
    )
    model = HistoryModel(entity="client")
    model.set_lines(cards.card_history(db, "client", client.id))
    assert model.rowCount() >= 3
    qtmodeltester.check(model)
    model.set_lines([])
    qtmodeltester.check(model)
