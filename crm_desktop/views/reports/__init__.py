"""Report pages for workspace tabs: the sales funnel."""

from __future__ import annotations

from crm_desktop.views.reports.funnel import FunnelReportPage

__all__ = ["FunnelReportPage"]
