"""The claims list: its columns, the status and result words and colours, the paged model.

The model is the lists' :class:`~crm_desktop.views.itemmodels.paged.PagedTableModel` over
:func:`crm_desktop.services.claims.claim_page`; it adds the colour of the status (a dot and the
text) and of the result, read from the cached page only (never SQL in ``data()``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.claims import (
    ClaimFilter,
    ClaimRow,
    claim_anchors,
    claim_count,
    claim_page,
    claim_search,
)
from crm_desktop.views.deals.labels import money_text
from crm_desktop.views.itemmodels.clients import short_person_name
from crm_desktop.views.itemmodels.listsource import service_source
from crm_desktop.views.itemmodels.paged import (
    ALIGN_RIGHT,
    AnyIndex,
    Column,
    PagedTableModel,
    PageSource,
)

TR_CONTEXT = "ClaimColumns"
VALUES_CONTEXT = "ClaimValues"

STATUS_LABELS: dict[str, str] = {
    "registered": QT_TRANSLATE_NOOP("ClaimValues", "Registered"),
    "investigation": QT_TRANSLATE_NOOP("ClaimValues", "Under investigation"),
    "resolved": QT_TRANSLATE_NOOP("ClaimValues", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("ClaimValues", "Closed"),
}
RESULT_LABELS: dict[str, str] = {
    "satisfied": QT_TRANSLATE_NOOP("ClaimValues", "Satisfied"),
    "partly": QT_TRANSLATE_NOOP("ClaimValues", "Partly satisfied"),
    "rejected": QT_TRANSLATE_NOOP("ClaimValues", "Rejected"),
}
# the status colours of the list, the card's status bar and the reports
STATUS_COLORS: dict[str, str] = {
    "registered": "#1565c0",  # blue: new, nobody has looked into it yet
    "investigation": "#ef6c00",  # orange: being worked on
    "resolved": "#2e7d32",  # green: decided
    "closed": "#5f6368",  # grey: done with
}
RESULT_COLORS: dict[str, str] = {
    "satisfied": "#2e7d32",
    "partly": "#f9a825",
    "rejected": "#c62828",
}


def status_label(code: str | None) -> str:
    if not code:
        return ""
    return QCoreApplication.translate(VALUES_CONTEXT, STATUS_LABELS.get(code, code))


def result_label(code: str | None) -> str:
    if not code:
        return ""
    return QCoreApplication.translate(VALUES_CONTEXT, RESULT_LABELS.get(code, code))


def _result_text(row: ClaimRow) -> str:
    if not row.result:
        return ""
    if row.result == "rejected" or not row.result_amount:
        return result_label(row.result)
    return f"{result_label(row.result)}: {money_text(row.result_amount)}"


def _money(value: Any) -> str:
    return money_text(value) if isinstance(value, Decimal) else ""


# the header texts are written out literally: lupdate reads literals only
CLAIM_COLUMNS: tuple[Column[ClaimRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("ClaimColumns", "Number"),
        lambda r: r.number,
        sort_key="number",
        width_chars=10,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClaimColumns", "Date"),
        lambda r: r.claimed_on,
        sort_key="claimed_on",
        width_chars=10,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClaimColumns", "Partner"),
        lambda r: r.partner,
        sort_key="partner",
        width_chars=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClaimColumns", "Reason"),
        lambda r: r.reason,
        sort_key="reason",
        width_chars=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClaimColumns", "Culprit department"),
        lambda r: r.culprit_department,
        sort_key="culprit_department",
        width_chars=16,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClaimColumns", "Status"),
        lambda r: status_label(r.status),
        sort_key="status",
        width_chars=18,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClaimColumns", "Result"),
        _result_text,
        sort_key="result",
        width_chars=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClaimColumns", "Requested"),
        lambda r: r.requested_amount,
        sort_key="requested_amount",
        alignment=ALIGN_RIGHT,
        width_chars=12,
        display=_money,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClaimColumns", "Owner"),
        lambda r: r.owner,
        sort_key="owner",
        width_chars=14,
        display=short_person_name,
    ),
)

DEFAULT_SORT = "number"
STATUS_COLUMN = 5
RESULT_COLUMN = 6


class ClaimsModel(PagedTableModel[ClaimRow]):
    """The paged claims with the status (a coloured dot and text) and the result coloured."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.DecorationRole):
            return super().data(index, role)
        if not index.isValid() or index.column() not in (STATUS_COLUMN, RESULT_COLUMN):
            return None
        row = self.row(index.row())
        if row is None or row.is_deleted:
            return None
        if index.column() == STATUS_COLUMN:
            color = QColor(STATUS_COLORS.get(row.status, "#000000"))
            return color if role == Qt.ItemDataRole.DecorationRole else QBrush(color)
        if role == Qt.ItemDataRole.ForegroundRole and row.result in RESULT_COLORS:
            return QBrush(QColor(RESULT_COLORS[row.result]).darker(115))
        return None


def claim_state(row: ClaimRow) -> str | None:
    return "deleted" if row.is_deleted else None


def claim_source(db: Database, flt: ClaimFilter | None = None) -> PageSource[ClaimRow]:
    """The claims that match ``flt`` (live ones by default)."""
    return service_source(
        db,
        flt or ClaimFilter(),
        page=claim_page,
        count=claim_count,
        anchors=claim_anchors,
        search=claim_search,
    )


def claims_model(
    db: Database,
    flt: ClaimFilter | None = None,
    *,
    parent: QObject | None = None,
    background: bool = True,
    **options: Any,
) -> ClaimsModel:
    """A paged model of the claims that match ``flt``; ``refresh()`` reads it. Newest first."""
    model = ClaimsModel(
        CLAIM_COLUMNS,
        claim_source(db, flt),
        tr_context=TR_CONTEXT,
        default_sort=DEFAULT_SORT,
        row_state=claim_state,
        background=background,
        parent=parent,
        **options,
    )
    model._descending = True  # the newest claims on top until the user sorts otherwise
    return model


__all__ = [
    "CLAIM_COLUMNS",
    "RESULT_COLORS",
    "RESULT_LABELS",
    "STATUS_COLORS",
    "STATUS_LABELS",
    "ClaimsModel",
    "claim_source",
    "claims_model",
    "result_label",
    "status_label",
]
