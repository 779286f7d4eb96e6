"""The catalogue (Номенклатура): the product card; the list is ``views.lists.products``.

card = ProductCard(db, actor, product_id, parent)   # a workspace tab (a CardPage)
card = ProductCard(db, actor, None, parent)         # a new product
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QWidget

from crm_desktop.db import Database
from crm_desktop.services.uow import Actor
from crm_desktop.views.catalogue.card import ProductCard


def open_product_card(
    db: Database, actor: Actor, product_id: uuid.UUID | None, parent: QWidget | None = None
) -> ProductCard:
    """The card of a product (``None``: a new product)."""
    return ProductCard(db, actor, product_id, parent)


__all__ = ["ProductCard", "open_product_card"]
