"""«Отклонить лид»: the reason (required) and a comment (required with «Другое»).

The dialog calls :func:`crm_desktop.services.leads.reject` itself and shows the service's
refusal under the field it concerns; the lead stays as it was until the service agrees.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import Message, UserError, ValidationError
from crm_desktop.services import leads
from crm_desktop.services.leads import OTHER_REASON, LeadDetails
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.cards.base import fill_combo
from crm_desktop.views.widgets.fields import ErrorLabel, FieldBox


class RejectDialog(QDialog):
    """Reject a new or in-work lead. ``details`` holds the rejected lead after OK."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        lead_id: uuid.UUID,
        version: int,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._lead_id = lead_id
        self._version = version
        self.details: LeadDetails | None = None
        self.setObjectName("rejectLeadDialog")
        self.setWindowTitle(self.tr("Reject the lead"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "The lead «{title}» will be rejected. It can be reopened later if the person "
                "comes back."
            ).format(title=title),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self._codes: dict[uuid.UUID, str] = {}
        self.reason = QComboBox(self)
        self.reason.setObjectName("rejectReason")
        reasons = leads.reject_reasons(db)
        self._codes = {r.id: r.code for r in reasons}
        fill_combo(self.reason, [(r.name, r.id) for r in reasons], empty=True)
        self.reason.setItemText(0, self.tr("— choose the reason —"))
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("rejectComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setMinimumHeight(90)
        self.boxes = {
            "reject_reason_id": FieldBox(self.reason, self),
            "reject_comment": FieldBox(self.comment, self),
        }
        self.comment_label = QLabel(self.tr("Comment:"), self)
        self.error = ErrorLabel(self)
        self.error.setObjectName("dialogError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Reject"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.boxes["reject_reason_id"])
        form.addRow(self.comment_label, self.boxes["reject_comment"])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reason.currentIndexChanged.connect(self._on_reason_changed)
        self._on_reason_changed()

    def reason_id(self) -> uuid.UUID | None:
        value = self.reason.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def comment_required(self) -> bool:
        reason = self.reason_id()
        return reason is not None and self._codes.get(reason) == OTHER_REASON

    @Slot()
    def _on_reason_changed(self, *_args: object) -> None:
        required = self.comment_required()
        self.comment_label.setText(
            self.tr("Comment (required):") if required else self.tr("Comment:")
        )
        self.comment.setPlaceholderText(
            self.tr("What happened, in a few words")
            if required
            else self.tr("Optional: what the person said")
        )
        self.boxes["reject_reason_id"].clear_error()

    def submit(self) -> bool:
        """Reject the lead; on refusal keep the dialog open with the reasons shown."""
        for box in self.boxes.values():
            box.clear_error()
        self.error.clear_error()
        try:
            self.details = leads.reject(
                self._db,
                self._actor,
                self._lead_id,
                self._version,
                self.reason_id(),
                self.comment.toPlainText(),
            )
        except ValidationError as error:
            self._show_errors(error.field_errors)
            return False
        except UserError as error:
            self.error.show_error(messages.user_message(error))
            return False
        self.accept()
        return True

    def _show_errors(self, errors: Mapping[str, Message]) -> None:
        rest = []
        first: QWidget | None = None
        for name, message in errors.items():
            text = messages.message_text(message)
            box = self.boxes.get(name)
            if box is None:
                rest.append(text)
                continue
            box.show_error(text)
            if first is None:
                first = box.editor
        self.error.show_error("\n".join(rest))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def errors_shown(self) -> dict[str, str]:
        shown = {name: box.error.text() for name, box in self.boxes.items() if box.error.text()}
        if self.error.text():
            shown[""] = self.error.text()
        return shown

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        db: Database,
        actor: Actor,
        lead_id: uuid.UUID,
        version: int,
        title: str = "",
    ) -> LeadDetails | None:
        """The rejected lead, or None when the user changed their mind."""
        dialog = cls(db, actor, lead_id, version, title, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.details


__all__ = ["RejectDialog"]
