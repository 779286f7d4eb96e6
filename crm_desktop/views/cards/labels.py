"""What the cards call fields and codes, in the UI language.

Field names are those of the drafts and of the audit trail (``circle_id``, ``inn``,
``bank_accounts``…); the same label serves the form, the compare dialog and the History tab.
Texts are English, marked for translation here and translated when shown.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.views.qtconv import qt_datetime

FIELD_LABELS: dict[str, str] = {
    # client
    "name": QT_TRANSLATE_NOOP("CardFields", "Name"),
    "roles": QT_TRANSLATE_NOOP("CardFields", "Roles"),
    "circle_id": QT_TRANSLATE_NOOP("CardFields", "Circle"),
    "owner_id": QT_TRANSLATE_NOOP("CardFields", "Responsible manager"),
    "source_id": QT_TRANSLATE_NOOP("CardFields", "Source"),
    "industry": QT_TRANSLATE_NOOP("CardFields", "Industry"),
    "head_count": QT_TRANSLATE_NOOP("CardFields", "Head-count"),
    "notes": QT_TRANSLATE_NOOP("CardFields", "Notes"),
    "is_archived": QT_TRANSLATE_NOOP("CardFields", "Archived"),
    "channels": QT_TRANSLATE_NOOP("CardFields", "Phones, e-mails, messengers"),
    "counterparties": QT_TRANSLATE_NOOP("CardFields", "Counterparties"),
    "contacts": QT_TRANSLATE_NOOP("CardFields", "Contact persons"),
    "merged_into_id": QT_TRANSLATE_NOOP("CardFields", "Merged into"),
    "is_client": QT_TRANSLATE_NOOP("CardFields", "Role: client"),
    "is_supplier": QT_TRANSLATE_NOOP("CardFields", "Role: supplier"),
    "is_dealer": QT_TRANSLATE_NOOP("CardFields", "Role: dealer"),
    "is_competitor": QT_TRANSLATE_NOOP("CardFields", "Role: competitor"),
    "is_carrier": QT_TRANSLATE_NOOP("CardFields", "Role: carrier"),
    "is_other": QT_TRANSLATE_NOOP("CardFields", "Role: other"),
    "match_key": QT_TRANSLATE_NOOP("CardFields", "Name for duplicate search"),
    # counterparty
    "legal_form_id": QT_TRANSLATE_NOOP("CardFields", "Legal form"),
    "full_name": QT_TRANSLATE_NOOP("CardFields", "Full name"),
    "short_name": QT_TRANSLATE_NOOP("CardFields", "Short name"),
    "inn": QT_TRANSLATE_NOOP("CardFields", "INN"),
    "kpp": QT_TRANSLATE_NOOP("CardFields", "KPP"),
    "ogrn": QT_TRANSLATE_NOOP("CardFields", "OGRN/OGRNIP"),
    "legal_address": QT_TRANSLATE_NOOP("CardFields", "Legal address"),
    "postal_address": QT_TRANSLATE_NOOP("CardFields", "Postal address"),
    "client_id": QT_TRANSLATE_NOOP("CardFields", "Client"),
    "bank_accounts": QT_TRANSLATE_NOOP("CardFields", "Bank accounts"),
    # contact
    "last_name": QT_TRANSLATE_NOOP("CardFields", "Last name"),
    "first_name": QT_TRANSLATE_NOOP("CardFields", "First name"),
    "middle_name": QT_TRANSLATE_NOOP("CardFields", "Middle name"),
    "position": QT_TRANSLATE_NOOP("CardFields", "Position"),
    "birthday": QT_TRANSLATE_NOOP("CardFields", "Birthday"),
    # parts
    "kind": QT_TRANSLATE_NOOP("CardFields", "Kind"),
    "subkind": QT_TRANSLATE_NOOP("CardFields", "Type"),
    "value": QT_TRANSLATE_NOOP("CardFields", "Value"),
    "is_primary": QT_TRANSLATE_NOOP("CardFields", "Primary"),
    "comment": QT_TRANSLATE_NOOP("CardFields", "Comment"),
    "bik": QT_TRANSLATE_NOOP("CardFields", "BIK"),
    "account": QT_TRANSLATE_NOOP("CardFields", "Settlement account"),
    "corr_account": QT_TRANSLATE_NOOP("CardFields", "Corr. account"),
    "bank_name": QT_TRANSLATE_NOOP("CardFields", "Bank"),
    "is_main": QT_TRANSLATE_NOOP("CardFields", "Main"),
    "role": QT_TRANSLATE_NOOP("CardFields", "Role"),
    "kind_id": QT_TRANSLATE_NOOP("CardFields", "Relation"),
    "contact_id": QT_TRANSLATE_NOOP("CardFields", "Contact person"),
    "counterparty_id": QT_TRANSLATE_NOOP("CardFields", "Counterparty"),
    "from_client_id": QT_TRANSLATE_NOOP("CardFields", "Client"),
    "to_client_id": QT_TRANSLATE_NOOP("CardFields", "Related client"),
    "from_contact_id": QT_TRANSLATE_NOOP("CardFields", "Contact person"),
    "to_contact_id": QT_TRANSLATE_NOOP("CardFields", "Related contact person"),
}

ROLE_LABELS: dict[str, str] = {
    "client": QT_TRANSLATE_NOOP("CardValues", "Client"),
    "supplier": QT_TRANSLATE_NOOP("CardValues", "Supplier"),
    "dealer": QT_TRANSLATE_NOOP("CardValues", "Dealer"),
    "competitor": QT_TRANSLATE_NOOP("CardValues", "Competitor"),
    "carrier": QT_TRANSLATE_NOOP("CardValues", "Carrier"),
    "other": QT_TRANSLATE_NOOP("CardValues", "Other"),
}

CHANNEL_KIND_LABELS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("CardValues", "Phone"),
    "email": QT_TRANSLATE_NOOP("CardValues", "E-mail"),
    "messenger": QT_TRANSLATE_NOOP("CardValues", "Messenger"),
}

CHANNEL_SUBKIND_LABELS: dict[str, dict[str, str]] = {
    "phone": {
        "work": QT_TRANSLATE_NOOP("CardValues", "Work"),
        "mobile": QT_TRANSLATE_NOOP("CardValues", "Mobile"),
        "home": QT_TRANSLATE_NOOP("CardValues", "Home"),
        "fax": QT_TRANSLATE_NOOP("CardValues", "Fax"),
    },
    "email": {},
    "messenger": {
        "telegram": "Telegram",
        "whatsapp": "WhatsApp",
        "viber": "Viber",
        "other": QT_TRANSLATE_NOOP("CardValues", "Other"),
    },
}

# suggestions for a contact's role at a client or counterparty (free text in the database)
CONTACT_ROLE_SUGGESTIONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CardValues", "Decision maker"),
    QT_TRANSLATE_NOOP("CardValues", "Buyer"),
    QT_TRANSLATE_NOOP("CardValues", "Accountant"),
    QT_TRANSLATE_NOOP("CardValues", "Signatory"),
    QT_TRANSLATE_NOOP("CardValues", "Director"),
    QT_TRANSLATE_NOOP("CardValues", "Engineer"),
)

HISTORY_ACTIONS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("History", "Record created"),
    "update": QT_TRANSLATE_NOOP("History", "Record changed"),
    "delete": QT_TRANSLATE_NOOP("History", "Record deleted"),
    "restore": QT_TRANSLATE_NOOP("History", "Record restored"),
}

# what a card calls a changed part of it, by (card entity, part table) or part table
HISTORY_PARTS: dict[tuple[str, str] | str, str] = {
    "channel": QT_TRANSLATE_NOOP("History", "contact information"),
    "bank_account": QT_TRANSLATE_NOOP("History", "bank account"),
    "client_relation": QT_TRANSLATE_NOOP("History", "relation"),
    "contact_relation": QT_TRANSLATE_NOOP("History", "relation"),
    ("client", "client_contact"): QT_TRANSLATE_NOOP("History", "contact person"),
    ("counterparty", "counterparty_contact"): QT_TRANSLATE_NOOP("History", "contact person"),
    ("contact", "client_contact"): QT_TRANSLATE_NOOP("History", "client"),
    ("contact", "counterparty_contact"): QT_TRANSLATE_NOOP("History", "counterparty"),
}

# how a change of a part reads: "Added: contact person «Иванов»"
HISTORY_PART_ACTIONS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("History", "Added: {part} «{name}»"),
    "delete": QT_TRANSLATE_NOOP("History", "Removed: {part} «{name}»"),
    "restore": QT_TRANSLATE_NOOP("History", "Restored: {part} «{name}»"),
}
HISTORY_PART_CHANGE = "{part} «{name}»: {field}"  # the same in every language

# fields whose stored value is a code with a label of its own
_CODED: dict[str, dict[str, str]] = {
    "kind": CHANNEL_KIND_LABELS,
    "subkind": {k: v for labels in CHANNEL_SUBKIND_LABELS.values() for k, v in labels.items()},
}


def field_label(name: str) -> str:
    text = FIELD_LABELS.get(name)
    return QCoreApplication.translate("CardFields", text) if text else name


def role_label(code: str) -> str:
    return QCoreApplication.translate("CardValues", ROLE_LABELS.get(code, code))


def channel_kind_label(code: str) -> str:
    return QCoreApplication.translate("CardValues", CHANNEL_KIND_LABELS.get(code, code))


def channel_subkinds(kind: str | None) -> list[tuple[str, str]]:
    """(code, label) of the subkinds of a channel kind."""
    labels = CHANNEL_SUBKIND_LABELS.get(kind or "", {})
    return [(code, QCoreApplication.translate("CardValues", text)) for code, text in labels.items()]


def contact_role_suggestions() -> list[str]:
    return [QCoreApplication.translate("CardValues", text) for text in CONTACT_ROLE_SUGGESTIONS]


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("CardValues", "Yes" if value else "No")


def date_text(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), "dd.MM.yyyy")


def datetime_text(value: datetime) -> str:
    local = value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value
    return QLocale().toString(qt_datetime(local), "dd.MM.yyyy HH:mm")


def history_value(field: str | None, value: str | None) -> str:
    """A value as the audit trail stored it, as people read it."""
    if value is None:
        return ""
    if value in ("true", "false"):
        return yes_no(value == "true")
    if field is not None and field in _CODED:
        text = _CODED[field].get(value)
        if text:
            return QCoreApplication.translate("CardValues", text)
    if field == "birthday" or (field or "").endswith("_date"):
        try:
            return date_text(date.fromisoformat(value))
        except ValueError:
            return value
    if field is not None and field.endswith("_at"):
        try:
            return datetime_text(datetime.fromisoformat(value))
        except ValueError:
            return value
    return value


# lupdate reads only literal texts: the two above
_YES_NO = (QT_TRANSLATE_NOOP("CardValues", "Yes"), QT_TRANSLATE_NOOP("CardValues", "No"))
