"""What the deal screens call codes and fields, in the UI language, and how they write money.

Texts are English, marked for translation here (contexts ``DealValues`` and ``DealFields``) and
translated when shown. Money is formatted from ``Decimal`` exactly (no float on the way) with the
locale's separators: «1 234 567,89 ₽» in Russian.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QLocale

from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.views.cards.labels import field_label

KIND_LABELS: dict[str, str] = {
    "typical": QT_TRANSLATE_NOOP("DealValues", "Typical sale"),
    "manual": QT_TRANSLATE_NOOP("DealValues", "Manual stages"),
    "non_process": QT_TRANSLATE_NOOP("DealValues", "Non-process deal"),
}

STATUS_LABELS: dict[str, str] = {
    "open": QT_TRANSLATE_NOOP("DealValues", "In progress"),
    "won": QT_TRANSLATE_NOOP("DealValues", "Won"),
    "lost": QT_TRANSLATE_NOOP("DealValues", "Lost"),
}

VAT_LABELS: dict[str, str] = {
    "20": QT_TRANSLATE_NOOP("DealValues", "20%"),
    "10": QT_TRANSLATE_NOOP("DealValues", "10%"),
    "0": QT_TRANSLATE_NOOP("DealValues", "0%"),
    "none": QT_TRANSLATE_NOOP("DealValues", "Without VAT"),
}

# what each stage requirement is, in a few words (the stage history's "skipped" column)
REQUIREMENT_LABELS: dict[str, str] = {
    "contact_attached": QT_TRANSLATE_NOOP("DealValues", "contact person attached"),
    "need_described": QT_TRANSLATE_NOOP("DealValues", "need described"),
    "has_lines": QT_TRANSLATE_NOOP("DealValues", "specification filled in"),
    "client_classified": QT_TRANSLATE_NOOP("DealValues", "client classified"),
    "agreement_chosen": QT_TRANSLATE_NOOP("DealValues", "sales agreement chosen"),
    "proposal_sent": QT_TRANSLATE_NOOP("DealValues", "proposal sent"),
    "proposal_accepted": QT_TRANSLATE_NOOP("DealValues", "proposal accepted"),
    "counterparty_valid": QT_TRANSLATE_NOOP("DealValues", "counterparty with requisites"),
    "contract_recorded": QT_TRANSLATE_NOOP("DealValues", "contract recorded"),
}

PROPOSAL_STATUS_LABELS: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("DealValues", "Draft"),
    "sent": QT_TRANSLATE_NOOP("DealValues", "Sent"),
    "accepted": QT_TRANSLATE_NOOP("DealValues", "Accepted"),
    "rejected": QT_TRANSLATE_NOOP("DealValues", "Rejected"),
}

PARTICIPANT_KIND_LABELS: dict[str, str] = {
    "user": QT_TRANSLATE_NOOP("DealValues", "Our employee"),
    "contact": QT_TRANSLATE_NOOP("DealValues", "Client's contact person"),
    "partner": QT_TRANSLATE_NOOP("DealValues", "Partner"),
}

AGREEMENT_STATUS_LABELS: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("DealValues", "Draft"),
    "active": QT_TRANSLATE_NOOP("DealValues", "Active"),
    "closed": QT_TRANSLATE_NOOP("DealValues", "Closed"),
}

# suggestions for the role of a participant (free text in the database)
PARTICIPANT_ROLES: dict[str, tuple[str, ...]] = {
    "user": (
        QT_TRANSLATE_NOOP("DealValues", "Responsible for the deal"),
        QT_TRANSLATE_NOOP("DealValues", "Engineer"),
        QT_TRANSLATE_NOOP("DealValues", "Lawyer"),
        QT_TRANSLATE_NOOP("DealValues", "Logistics"),
    ),
    "contact": (
        QT_TRANSLATE_NOOP("DealValues", "Decision maker"),
        QT_TRANSLATE_NOOP("DealValues", "Influences the decision"),
        QT_TRANSLATE_NOOP("DealValues", "Buyer"),
        QT_TRANSLATE_NOOP("DealValues", "Signatory"),
        QT_TRANSLATE_NOOP("DealValues", "Accountant"),
    ),
    "partner": (
        QT_TRANSLATE_NOOP("DealValues", "Designer"),
        QT_TRANSLATE_NOOP("DealValues", "Distributor"),
        QT_TRANSLATE_NOOP("DealValues", "Subcontractor"),
        QT_TRANSLATE_NOOP("DealValues", "Agent"),
    ),
}

# deal fields (and those of its parts) as the History tab and the compare dialog name them
FIELD_LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("DealFields", "Title"),
    "number": QT_TRANSLATE_NOOP("DealFields", "Number"),
    "client_id": QT_TRANSLATE_NOOP("DealFields", "Client"),
    "counterparty_id": QT_TRANSLATE_NOOP("DealFields", "Counterparty"),
    "kind": QT_TRANSLATE_NOOP("DealFields", "Kind of deal"),
    "stage_id": QT_TRANSLATE_NOOP("DealFields", "Stage"),
    "status": QT_TRANSLATE_NOOP("DealFields", "Status"),
    "amount": QT_TRANSLATE_NOOP("DealFields", "Amount"),
    "probability": QT_TRANSLATE_NOOP("DealFields", "Probability"),
    "source_id": QT_TRANSLATE_NOOP("DealFields", "Source"),
    "owner_id": QT_TRANSLATE_NOOP("DealFields", "Responsible manager"),
    "opened_on": QT_TRANSLATE_NOOP("DealFields", "Opened"),
    "expected_on": QT_TRANSLATE_NOOP("DealFields", "Expected close"),
    "closed_on": QT_TRANSLATE_NOOP("DealFields", "Closed"),
    "loss_reason_id": QT_TRANSLATE_NOOP("DealFields", "Loss reason"),
    "loss_comment": QT_TRANSLATE_NOOP("DealFields", "Loss comment"),
    "contract_number": QT_TRANSLATE_NOOP("DealFields", "Contract / order No."),
    "contract_date": QT_TRANSLATE_NOOP("DealFields", "Contract / order date"),
    "need_description": QT_TRANSLATE_NOOP("DealFields", "Client's need"),
    "agreement_id": QT_TRANSLATE_NOOP("DealFields", "Sales agreement"),
    "lines": QT_TRANSLATE_NOOP("DealFields", "Specification"),
    "participants": QT_TRANSLATE_NOOP("DealFields", "Participants"),
    "proposals": QT_TRANSLATE_NOOP("DealFields", "Commercial proposals"),
    "client_circle": QT_TRANSLATE_NOOP("DealFields", "Client's circle"),
    "description": QT_TRANSLATE_NOOP("DealFields", "Goods or service"),
    "quantity": QT_TRANSLATE_NOOP("DealFields", "Quantity"),
    "unit": QT_TRANSLATE_NOOP("DealFields", "Unit"),
    "price": QT_TRANSLATE_NOOP("DealFields", "Price"),
    "discount_pct": QT_TRANSLATE_NOOP("DealFields", "Discount, %"),
    "vat_rate": QT_TRANSLATE_NOOP("DealFields", "VAT rate"),
    "role": QT_TRANSLATE_NOOP("DealFields", "Role"),
    "total": QT_TRANSLATE_NOOP("DealFields", "Total"),
    "version_no": QT_TRANSLATE_NOOP("DealFields", "Version"),
    "issued_on": QT_TRANSLATE_NOOP("DealFields", "Date"),
    "valid_until": QT_TRANSLATE_NOOP("DealFields", "Valid until"),
}

HISTORY_PARTS: dict[str, str] = {
    "deal_line": QT_TRANSLATE_NOOP("DealFields", "Line"),
    "deal_participant": QT_TRANSLATE_NOOP("DealFields", "Participant"),
    "proposal": QT_TRANSLATE_NOOP("DealFields", "Proposal"),
}

_NUMBER = re.compile(r"^-?(\d+\.?\d*|\.\d+)$")
MONEY_FIELDS = frozenset({"amount", "price", "total"})
NUMBER_FIELDS = frozenset({"quantity", "discount_pct"})


def _tr(context: str, table: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    text = table.get(code)
    return QCoreApplication.translate(context, text) if text else code


def kind_label(code: str | None) -> str:
    return _tr("DealValues", KIND_LABELS, code)


def status_label(code: str | None) -> str:
    return _tr("DealValues", STATUS_LABELS, code)


def vat_label(code: str | None) -> str:
    return _tr("DealValues", VAT_LABELS, code)


def requirement_label(code: str) -> str:
    return _tr("DealValues", REQUIREMENT_LABELS, code)


def proposal_status_label(code: str | None) -> str:
    return _tr("DealValues", PROPOSAL_STATUS_LABELS, code)


def participant_kind_label(code: str | None) -> str:
    return _tr("DealValues", PARTICIPANT_KIND_LABELS, code)


def agreement_status_label(code: str | None) -> str:
    return _tr("DealValues", AGREEMENT_STATUS_LABELS, code)


def role_suggestions(kind: str) -> list[str]:
    return [QCoreApplication.translate("DealValues", t) for t in PARTICIPANT_ROLES.get(kind, ())]


def deal_field_label(name: str) -> str:
    """A deal field's name; the cards' labels for the fields deals share with them."""
    text = FIELD_LABELS.get(name)
    return QCoreApplication.translate("DealFields", text) if text else field_label(name)


def part_label(table: str) -> str:
    return _tr("DealFields", HISTORY_PARTS, table)


# --- numbers ----------------------------------------------------------------------------------


def decimal_text(value: Decimal, places: int | None = 2, *, grouped: bool = True) -> str:
    """``value`` with the locale's decimal point (and digit groups), exactly.

    ``places=None`` drops trailing zeros (quantities: «3», «2,5»).
    """
    locale = QLocale()
    if places is None:
        normalized = value.normalize()
        body = f"{normalized:,f}" if grouped else f"{normalized:f}"
    else:
        body = f"{value:,.{places}f}" if grouped else f"{value:.{places}f}"
    group = locale.groupSeparator() if grouped else ""
    return body.replace(",", "\x00").replace(".", locale.decimalPoint()).replace("\x00", group)


def money_text(value: Decimal | None) -> str:
    """«1 234,50 ₽» (an empty string for None)."""
    if value is None:
        return ""
    return f"{decimal_text(value, 2)}\u00a0₽"


def percent_text(value: Decimal | int | None, places: int | None = None) -> str:
    """«83,3 %» («—» for None); ``places`` fixes the decimals (else as few as needed)."""
    if value is None:
        return "—"
    number = decimal_text(Decimal(value), places, grouped=False)
    return f"{number}\u00a0%"


def parse_decimal(text: str | None) -> Decimal | None:
    """A number as people type it («1 234,5», «1234.50»); None when it is not one."""
    if text is None:
        return None
    clean = (
        text.strip()
        .replace("\u00a0", "")
        .replace("\u202f", "")
        .replace(" ", "")
        .replace("₽", "")
        .replace(",", ".")
    )
    if not _NUMBER.match(clean):
        return None
    try:
        return Decimal(clean)
    except InvalidOperation:  # pragma: no cover - the pattern admits only plain numbers
        return None


__all__ = [
    "deal_field_label",
    "decimal_text",
    "kind_label",
    "money_text",
    "parse_decimal",
    "percent_text",
    "proposal_status_label",
    "requirement_label",
    "status_label",
    "vat_label",
]
