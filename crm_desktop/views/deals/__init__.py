"""Deals: the deal card, the stage wizard and the sales funnel report page.

card = open_deal_card(db, actor, deal_id, parent)      # a workspace tab (a CardPage)
card = DealCard(db, actor, None, parent, client_id=…, deal_kind="typical")   # a new deal
moved = StageWizard.run(parent, db, actor, deal_id)     # DealDetails or None
page = FunnelReportPage(db, actor, parent, runner=main_window.tasks)
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from crm_desktop.db import Database
from crm_desktop.services.uow import Actor
from crm_desktop.views.deals.card import DealCard
from crm_desktop.views.deals.stage_wizard import StageWizard

if TYPE_CHECKING:
    from crm_desktop.views.reports.funnel import FunnelReportPage


def open_deal_card(
    db: Database, actor: Actor, deal_id: uuid.UUID | None, parent: QWidget | None = None
) -> DealCard:
    """The card of a deal (``None``: a new deal, its client chosen on the card)."""
    return DealCard(db, actor, deal_id, parent)


def __getattr__(name: str) -> Any:
    # the funnel page uses this package's money formatting: imported on first use, no cycle
    if name == "FunnelReportPage":
        from crm_desktop.views.reports.funnel import FunnelReportPage

        return FunnelReportPage
    raise AttributeError(name)


__all__ = ["DealCard", "FunnelReportPage", "StageWizard", "open_deal_card"]
