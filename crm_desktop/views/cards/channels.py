"""Phones, e-mails and messengers as an editable table (client and contact cards)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QWidget

from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.parties import CHANNEL_KINDS, ChannelDetails, ChannelDraft
from crm_desktop.views.cards.labels import channel_kind_label, channel_subkinds, field_label
from crm_desktop.views.widgets.edit_table import EditableTable, TableColumn


def _kinds(_row: dict[str, Any]) -> list[tuple[str, str]]:
    return [(kind, channel_kind_label(kind)) for kind in CHANNEL_KINDS]


def _subkinds(row: dict[str, Any]) -> list[tuple[str, str]]:
    return channel_subkinds(row.get("kind"))


COLUMNS = (
    TableColumn("kind", QT_TRANSLATE_NOOP("CardFields", "Kind"), "choice", _kinds, 12),
    TableColumn("subkind", QT_TRANSLATE_NOOP("CardFields", "Type"), "choice", _subkinds, 10),
    TableColumn("value", QT_TRANSLATE_NOOP("CardFields", "Value"), width_chars=32),
    TableColumn("is_primary", QT_TRANSLATE_NOOP("CardFields", "Primary"), "check", width_chars=8),
    TableColumn("comment", QT_TRANSLATE_NOOP("CardFields", "Comment"), stretch=True),
)


class ChannelsTable(EditableTable):
    """A row per channel: kind, type (work/mobile…, Telegram/WhatsApp…), value, primary,
    comment. Changing the kind drops a type that does not fit it."""

    def __init__(self, *, default_subkind: str = "work", parent: QWidget | None = None) -> None:
        super().__init__(
            COLUMNS,
            tr_context="CardFields",
            new_row=lambda: {"kind": "phone", "subkind": default_subkind},
            parent=parent,
        )
        self.table.setObjectName("channelsTable")
        self.cell_edited.connect(self._on_cell_edited)

    def load(self, channels: Sequence[ChannelDetails]) -> None:
        self.set_rows(
            [
                {
                    "id": c.id,
                    "kind": c.kind,
                    "subkind": c.subkind,
                    "value": c.value,
                    "is_primary": c.is_primary,
                    "comment": c.comment,
                }
                for c in channels
            ]
        )

    def drafts(self) -> tuple[ChannelDraft, ...]:
        return tuple(draft_of_row(row) for row in self.rows())

    @Slot(int, str)
    def _on_cell_edited(self, row: int, field: str) -> None:
        if field != "kind":
            return
        values = self.row_values(row)
        codes = [code for code, _label in channel_subkinds(values.get("kind"))]
        if values.get("subkind") not in codes:
            self.set_cell(row, "subkind", codes[0] if codes else None)


def draft_of_row(row: dict[str, Any]) -> ChannelDraft:
    return ChannelDraft(
        kind=row.get("kind") or "phone",
        value=(row.get("value") or "").strip(),
        subkind=row.get("subkind") or None,
        is_primary=bool(row.get("is_primary")),
        comment=(row.get("comment") or "").strip() or None,
        id=row.get("id"),
    )


def drafts_of(channels: Sequence[ChannelDetails]) -> tuple[ChannelDraft, ...]:
    return tuple(
        ChannelDraft(c.kind, c.value, c.subkind, c.is_primary, c.comment, c.id) for c in channels
    )


def describe_channels(channels: Sequence[ChannelDraft]) -> str:
    """One line per channel, as the compare dialog shows them."""
    lines = []
    for c in channels:
        subkinds = dict(channel_subkinds(c.kind))
        kind = channel_kind_label(c.kind)
        if c.subkind and c.subkind in subkinds:
            kind = f"{kind} ({subkinds[c.subkind]})"
        primary = f" — {field_label('is_primary').lower()}" if c.is_primary else ""
        comment = f" — {c.comment}" if c.comment else ""
        lines.append(f"{kind}: {c.value}{primary}{comment}")
    return "\n".join(lines)
