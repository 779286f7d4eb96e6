"""Claims («Претензии клиентов»): the list, the card with its investigation plan and
timeline, the files tab, and the Claims tab of the client and deal cards."""

from crm_desktop.views.claims.card import ClaimCard, ReopenClaimDialog, ResolveDialog
from crm_desktop.views.claims.list import ClaimListPage, ClaimsTab

__all__ = ["ClaimCard", "ClaimListPage", "ClaimsTab", "ReopenClaimDialog", "ResolveDialog"]
