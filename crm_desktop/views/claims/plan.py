"""The investigation plan of a claim as an editable table.

Each row is an action: what is to be done, who is responsible, the planned date, the done date
and the result. Dates are edited with a calendar (the done date may stay empty: not done yet);
the rows become :class:`~crm_desktop.services.claims.ActionDraft` in the order shown, and a
service error of a cell (``plan[1].planned_on``) is shown on that cell by the card. An open
action past its planned date is shown in red.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from crm_desktop.errors import QT_TRANSLATE_NOOP, Message, ValidationError
from crm_desktop.services.claims import ActionDetails, ActionDraft
from crm_desktop.views.cards.labels import date_text
from crm_desktop.views.widgets.edit_table import AnyIndex, EditableTable, TableColumn
from crm_desktop.views.widgets.fields import OptionalDateEdit

TR_CONTEXT = "ClaimPlan"
DATE_FIELDS = ("planned_on", "done_on")
OVERDUE_COLOR = "#c62828"
DONE_COLOR = "#2e7d32"
ENTER_A_DATE = QT_TRANSLATE_NOOP("UserErrors", "Enter a date as dd.mm.yyyy.")
DEFAULT_DAYS = 3  # a new action is planned this many days ahead


def parse_date(text: str | None) -> date | None:
    """«31.12.2026» → a date; "" → None; ValueError for anything else."""
    clean = (text or "").strip()
    if not clean:
        return None
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(clean, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {clean!r}")


def lenient_date(text: str | None) -> date | None:
    try:
        return parse_date(text)
    except ValueError:
        return None


class _DateDelegate(QStyledItemDelegate):
    """Edits a date cell with a calendar; the cell keeps the date as «dd.mm.yyyy» text."""

    def __init__(self, table: PlanEditor, *, optional: bool) -> None:
        super().__init__(table.table)
        self._optional = optional

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = OptionalDateEdit(parent)
        editor.setDisplayFormat("dd.MM.yyyy")
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, OptionalDateEdit)
        value = lenient_date(index.data(Qt.ItemDataRole.DisplayRole))
        if value is None and not self._optional:
            value = date.today()
        editor.set_value(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, OptionalDateEdit)
        model.setData(index, date_text(editor.value()), Qt.ItemDataRole.DisplayRole)


class PlanEditor(EditableTable):
    """The plan's rows with Add / Remove / «Done today» and per-cell error marks.

    ``users``: (id, name) of the people who may be responsible; ``default_responsible`` gets
    new rows.
    """

    def __init__(
        self,
        users: Sequence[tuple[uuid.UUID, str]],
        *,
        default_responsible: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._users = [(str(user_id), name) for user_id, name in users]
        self.default_responsible = default_responsible
        columns = (
            TableColumn(
                "action",
                QT_TRANSLATE_NOOP("ClaimPlan", "Action"),
                width_chars=34,
                stretch=True,
            ),
            TableColumn(
                "responsible_id",
                QT_TRANSLATE_NOOP("ClaimPlan", "Responsible"),
                kind="choice",
                choices=self._user_choices,
                width_chars=18,
            ),
            TableColumn("planned_on", QT_TRANSLATE_NOOP("ClaimPlan", "Planned"), width_chars=9),
            TableColumn("done_on", QT_TRANSLATE_NOOP("ClaimPlan", "Done"), width_chars=9),
            TableColumn("result", QT_TRANSLATE_NOOP("ClaimPlan", "Result"), width_chars=24),
        )
        super().__init__(columns, tr_context=TR_CONTEXT, new_row=self._new_values, parent=parent)
        self.setObjectName("planEditor")
        self.table.setObjectName("planTable")
        for field, optional in (("planned_on", False), ("done_on", True)):
            self.table.setItemDelegateForColumn(
                self.column(field), _DateDelegate(self, optional=optional)
            )
        self.done_button = QPushButton(self.tr("Done today"), self)
        self.done_button.setObjectName("actionDone")
        self.done_button.setToolTip(self.tr("Mark the chosen action done today"))
        self.done_button.clicked.connect(self._on_done_button_clicked)
        layout = self.layout()
        first = layout.itemAt(0) if layout is not None else None
        buttons = first.layout() if first is not None else None
        if isinstance(buttons, QHBoxLayout):  # the Add / Remove row
            buttons.insertWidget(2, self.done_button)
        self.changed.connect(self.update_marks)

    # --- rows ----------------------------------------------------------------------------------

    def column(self, field: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == field)

    def load(self, actions: Sequence[ActionDetails]) -> None:
        """Show a claim's plan (not an edit)."""
        for action in actions:
            if action.responsible_id is not None and str(action.responsible_id) not in dict(
                self._users
            ):
                self._users.append((str(action.responsible_id), action.responsible_name or "?"))
        self.set_rows(
            [
                {
                    "id": a.id,
                    "action": a.action,
                    "responsible_id": str(a.responsible_id) if a.responsible_id else None,
                    "planned_on": date_text(a.planned_on),
                    "done_on": date_text(a.done_on),
                    "result": a.result or "",
                }
                for a in actions
            ]
        )
        self.update_marks()

    def drafts(self) -> list[ActionDraft]:
        """The rows as drafts, in order; a date that is not one is refused under its cell."""
        drafts: list[ActionDraft] = []
        errors: dict[str, Message] = {}
        for index, values in enumerate(self.rows()):
            dates: dict[str, date | None] = {}
            for field in DATE_FIELDS:
                try:
                    dates[field] = parse_date(values.get(field))
                except ValueError:
                    errors[f"plan[{index}].{field}"] = Message(ENTER_A_DATE)
                    dates[field] = None
            responsible = values.get("responsible_id")
            record_id = values.get("id")
            drafts.append(
                ActionDraft(
                    action=str(values.get("action") or ""),
                    responsible_id=uuid.UUID(str(responsible)) if responsible else None,
                    planned_on=dates["planned_on"],
                    done_on=dates["done_on"],
                    result=str(values.get("result") or "").strip() or None,
                    id=record_id if isinstance(record_id, uuid.UUID) else None,
                )
            )
        if errors:
            raise ValidationError(errors)
        return drafts

    def timeline_rows(self) -> list[tuple[str, date | None, date | None]]:
        """(action, planned date, done date) of each row as typed, for the timeline."""
        return [
            (
                str(values.get("action") or ""),
                lenient_date(values.get("planned_on")),
                lenient_date(values.get("done_on")),
            )
            for values in self.rows()
        ]

    def set_read_only(self, read_only: bool) -> None:
        triggers = (
            self.table.EditTrigger.NoEditTriggers
            if read_only
            else (
                self.table.EditTrigger.DoubleClicked
                | self.table.EditTrigger.EditKeyPressed
                | self.table.EditTrigger.AnyKeyPressed
                | self.table.EditTrigger.SelectedClicked
            )
        )
        self.table.setEditTriggers(triggers)
        for button in (self.add_button, self.remove_button, self.done_button):
            button.setEnabled(not read_only)

    # --- looks ---------------------------------------------------------------------------------

    @Slot()
    def update_marks(self) -> None:
        """The planned date of an open action past it in red, the done date in green."""
        today = date.today()
        filling, self._filling = self._filling, True
        try:
            for row in range(self.table.rowCount()):
                values = self.row_values(row)
                planned = lenient_date(values.get("planned_on"))
                done = lenient_date(values.get("done_on"))
                planned_item = self.table.item(row, self.column("planned_on"))
                done_item = self.table.item(row, self.column("done_on"))
                overdue = done is None and planned is not None and planned < today
                if planned_item is not None:
                    planned_item.setForeground(
                        QBrush(QColor(OVERDUE_COLOR)) if overdue else QBrush()
                    )
                if done_item is not None:
                    done_item.setForeground(QBrush(QColor(DONE_COLOR)) if done else QBrush())
        finally:
            self._filling = filling

    # --- inside --------------------------------------------------------------------------------

    def _user_choices(self, _row: dict[str, Any]) -> list[tuple[str, str]]:
        return list(self._users)

    def _new_values(self) -> dict[str, Any]:
        responsible = self.default_responsible
        return {
            "action": "",
            "responsible_id": str(responsible) if responsible else None,
            "planned_on": date_text(date.today() + timedelta(days=DEFAULT_DAYS)),
            "done_on": "",
            "result": "",
        }

    @Slot()
    def _on_done_button_clicked(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < self.table.rowCount():
            return
        self.set_cell(row, "done_on", date_text(date.today()))  # an edit: the card is dirty


__all__ = ["PlanEditor", "lenient_date", "parse_date"]
