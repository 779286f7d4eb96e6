"""Cards of records, each a workspace tab: client, counterparty, contact person."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QWidget

from crm_desktop.db import Database
from crm_desktop.services.uow import Actor
from crm_desktop.views.cards.base import CardPage
from crm_desktop.views.cards.client import ClientCard
from crm_desktop.views.cards.contact import ContactCard
from crm_desktop.views.cards.counterparty import CounterpartyCard

CARD_CLASSES: dict[str, type[CardPage]] = {
    "client": ClientCard,
    "counterparty": CounterpartyCard,
    "contact": ContactCard,
}


def create_card(
    kind: str,
    db: Database,
    actor: Actor,
    record_id: uuid.UUID | None = None,
    parent: QWidget | None = None,
    **preset: Any,
) -> CardPage:
    """The card of ``kind`` for ``record_id`` (None: a new record, with ``preset`` keywords
    such as ``client_id`` for a new counterparty of a client)."""
    return CARD_CLASSES[kind](db, actor, record_id, parent, **preset)


__all__ = [
    "CARD_CLASSES",
    "CardPage",
    "ClientCard",
    "ContactCard",
    "CounterpartyCard",
    "create_card",
]
