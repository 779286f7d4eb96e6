"""The Reports section: one tab per report, each page made when its tab is first opened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from crm_desktop.db import Database
from crm_desktop.services.uow import Actor
from crm_desktop.views.reports.claims import (
    ClaimSatisfactionPage,
    ClaimsDynamicsPage,
    ClaimsStructurePage,
)
from crm_desktop.views.reports.funnel import FunnelReportPage
from crm_desktop.views.reports.lead_sources import LeadSourcesReportPage
from crm_desktop.views.reports.managers import CardCompletenessPage, ManagerComparisonPage
from crm_desktop.views.tasks import TaskRunner

PageFactory = Callable[[Database, Actor, QWidget, TaskRunner], QWidget]


class ReportsPage(QTabWidget):
    """Funnel, claims (dynamics, satisfaction, structure), managers, card completeness and
    lead sources, as tabs.

    Signals:
        open_requested(kind, id): a report asked for a card (the completeness drill-down).
    """

    open_requested = Signal(str, object)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reports")
        self.setDocumentMode(True)
        self.db = db
        self.actor = actor
        self.runner = runner if runner is not None else TaskRunner(self)
        self.funnel = FunnelReportPage(db, actor, self, runner=self.runner)
        self.addTab(self.funnel, self.tr("Sales funnel"))
        self._factories: dict[int, Callable[[], QWidget]] = {}
        for title, factory in (
            (self.tr("Claims by month"), self._page(ClaimsDynamicsPage)),
            (self.tr("Claim satisfaction"), self._page(ClaimSatisfactionPage)),
            (self.tr("Claims structure"), self._page(ClaimsStructurePage)),
            (self.tr("Managers"), self._page(ManagerComparisonPage)),
            (self.tr("Card completeness"), self._completeness),
            (self.tr("Lead sources"), self._page(LeadSourcesReportPage)),
        ):
            holder = QWidget(self)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._factories[self.addTab(holder, title)] = factory
        self.currentChanged.connect(self._on_current_changed)

    def _page(self, cls: type) -> Callable[[], QWidget]:
        def make() -> QWidget:
            page: QWidget = cls(self.db, self.actor, self, runner=self.runner)
            return page

        return make

    def _completeness(self) -> QWidget:
        page = CardCompletenessPage(self.db, self.actor, self, runner=self.runner)
        page.open_requested.connect(self.open_requested.emit)
        return page

    def page_at(self, index: int) -> QWidget:
        """The report page of tab ``index``, made now if it was not yet."""
        factory = self._factories.pop(index, None)
        holder = self.widget(index)
        if factory is not None and holder is not None:
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(factory())
        if index == 0:
            return self.funnel
        assert holder is not None
        layout = holder.layout()
        assert layout is not None
        item = layout.itemAt(0)
        widget = item.widget() if item is not None else None
        assert widget is not None
        return widget

    @Slot(int)
    def _on_current_changed(self, index: int) -> None:
        if index in self._factories:
            self.page_at(index)
