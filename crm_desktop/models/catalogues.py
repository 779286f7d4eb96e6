"""Catalogues the parties core needs; seeded by migrations, editable by an office."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Catalogue, Str40, Str255

LEGAL_KINDS = ("legal", "individual", "person")
RELATION_SUBJECTS = ("client", "contact")


class LegalForm(Catalogue):
    """Организационно-правовая форма: ООО, АО, ИП, физическое лицо…"""

    __tablename__ = "legal_form"
    __table_args__ = (CheckConstraint("kind IN ('legal', 'individual', 'person')", name="kind"),)

    full_name: Mapped[Str255]
    # legal: INN of 10 digits + KPP + OGRN; individual (ИП): INN 12 + OGRNIP; person: INN 12 only
    kind: Mapped[str] = mapped_column(String(16))


class ClientCircle(Catalogue):
    """Круг клиента: the segment a client is in (potential → contacted → bought → key).

    ``mandatory_fields`` is a JSON list of what a client card must have filled in to be saved
    in this circle (see services/circles.py for the names).
    """

    __tablename__ = "client_circle"

    mandatory_fields: Mapped[str] = mapped_column(default="[]", server_default="[]")


class InfoSource(Catalogue):
    """Where a client or lead came from (site, fair, call, referral…)."""

    __tablename__ = "info_source"


class RelationKind(Catalogue):
    """A kind of relation between two clients or two contacts (holding, reports to…)."""

    __tablename__ = "relation_kind"
    __table_args__ = (CheckConstraint("applies_to IN ('client', 'contact')", name="applies_to"),)

    applies_to: Mapped[Str40]
    # how the relation reads from the other side («дочерняя компания» ↔ «холдинг»)
    reverse_name: Mapped[Str255]
