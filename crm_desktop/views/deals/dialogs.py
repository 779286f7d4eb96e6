"""The deal's small dialogs, each behind a classmethod (``run``/``ask``) tests monkeypatch.

- :class:`LossDialog`: «Lost…» — the loss reason and a comment, both required; it calls
  :func:`~crm_desktop.services.deals.lose` itself and shows a refusal next to its fields;
- :class:`ReopenDialog`: a supervisor reopens a won or lost deal, with a comment (audited);
- :class:`ParticipantDialog`: one of our users, a client's contact person or another partner
  taking part in the deal, with a role;
- :class:`SkipConfirm`: "these requirements are not met — move anyway?" for manual stages.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import ConcurrencyError, Message, UserError, ValidationError
from crm_desktop.services import deals
from crm_desktop.services import parties as p
from crm_desktop.services.deals import DealDetails
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.cards.base import fill_combo
from crm_desktop.views.cards.dialogs import PartySearch
from crm_desktop.views.deals.labels import role_suggestions
from crm_desktop.views.widgets.fields import ErrorLabel, FieldBox


def _show_field_errors(
    boxes: Mapping[str, FieldBox], general: ErrorLabel, errors: Mapping[str, Message]
) -> None:
    """Each message next to its field; the others in the dialog's general error line."""
    rest = []
    for name, message in errors.items():
        text = messages.message_text(message)
        if name in boxes:
            boxes[name].show_error(text)
        else:
            rest.append(text)
    general.show_error("\n".join(rest))


class LossDialog(QDialog):
    """«The deal is lost»: why (catalogue of loss reasons) and what happened, both required."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        deal_id: uuid.UUID,
        version: int,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._deal_id = deal_id
        self._version = version
        self.details: DealDetails | None = None
        self.setWindowTitle(self.tr("The deal is lost"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "The deal «{title}» will be closed as lost. Only a supervisor can reopen it."
            ).format(title=title),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.reason = QComboBox(self)
        self.reason.setObjectName("lossReason")
        fill_combo(
            self.reason, [(r.name, r.id) for r in p.catalogue(db, "loss_reason")], empty=True
        )
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("lossComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("What happened, in a few words"))
        self.comment.setMinimumHeight(90)
        self.boxes = {
            "loss_reason_id": FieldBox(self.reason, self),
            "loss_comment": FieldBox(self.comment, self),
        }
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Close as lost"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Loss reason:"), self.boxes["loss_reason_id"])
        form.addRow(self.tr("Comment:"), self.boxes["loss_comment"])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> bool:
        """Close the deal as lost; on refusal keep the dialog open with the reasons shown."""
        for box in self.boxes.values():
            box.clear_error()
        self.error.clear_error()
        try:
            self.details = deals.lose(
                self._db,
                self._actor,
                self._deal_id,
                self._version,
                self.reason.currentData(),
                self.comment.toPlainText(),
            )
        except ValidationError as error:
            _show_field_errors(self.boxes, self.error, error.field_errors)
            return False
        except UserError as error:
            self.error.show_error(messages.user_message(error))
            return False
        self.accept()
        return True

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
        deal_id: uuid.UUID,
        version: int,
        title: str = "",
    ) -> DealDetails | None:
        """The lost deal, or None when the user changed their mind."""
        dialog = cls(db, actor, deal_id, version, title, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.details


class ReopenDialog(QDialog):
    """A supervisor reopens a won or lost deal at the stage it was closed from."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        deal_id: uuid.UUID,
        version: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._deal_id = deal_id
        self._version = version
        self.details: DealDetails | None = None
        self.setWindowTitle(self.tr("Reopen the deal"))
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr(
                "The deal goes back to work at the stage it was closed at. The reopening is "
                "recorded in its stage history."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("Why the deal is reopened"))
        self.comment.setMinimumHeight(80)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Reopen"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Comment:"), self))
        layout.addWidget(self.comment)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> bool:
        self.error.clear_error()
        try:
            self.details = deals.reopen(
                self._db,
                self._actor,
                self._deal_id,
                self._version,
                comment=self.comment.toPlainText(),
            )
        except (ValidationError, ConcurrencyError, UserError) as error:
            self.error.show_error(messages.user_message(error))
            return False
        self.accept()
        return True

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        db: Database,
        actor: Actor,
        deal_id: uuid.UUID,
        version: int,
    ) -> DealDetails | None:
        dialog = cls(db, actor, deal_id, version, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.details


class ParticipantDialog(QDialog):
    """Who takes part in the deal, and as whom.

    ``kind`` is "user" (our employees), "contact" (the client's contact persons) or "partner"
    (any other client: a designer, a distributor…). With ``fixed`` (id, name) only the role
    is asked (changing the role of a participant).
    """

    def __init__(
        self,
        db: Database,
        kind: str,
        client_id: uuid.UUID,
        *,
        exclude: Sequence[uuid.UUID] = (),
        fixed: tuple[uuid.UUID, str] | None = None,
        role: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kind = kind
        self._fixed = fixed
        titles = {
            "user": self.tr("Our employee in the deal"),
            "contact": self.tr("The client's contact person in the deal"),
            "partner": self.tr("A partner in the deal"),
        }
        self.setWindowTitle(titles[kind])
        self.setMinimumWidth(520)
        self.choice = QComboBox(self)
        self.choice.setObjectName("participantChoice")
        self.search: PartySearch | None = None
        self.role = QComboBox(self)
        self.role.setEditable(True)
        self.role.addItem("")
        self.role.addItems(role_suggestions(kind))
        self.role.setCurrentText(role or "")
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        excluded = set(exclude)
        if fixed is not None:
            name = QLabel(f"<b>{html.escape(fixed[1])}</b>", self)
            name.setTextFormat(Qt.TextFormat.RichText)
            form.addRow(name)
            self.choice.hide()
        elif kind == "user":
            users = [(u.full_name, u.id) for u in list_users(db) if u.id not in excluded]
            fill_combo(self.choice, users, empty=False)
            form.addRow(self.tr("Employee:"), self.choice)
        elif kind == "contact":
            contacts = [
                (
                    link.contact_name + (f", {link.position}" if link.position else ""),
                    link.contact_id,
                )
                for link in p.contacts_of_client(db, client_id)
                if link.contact_id not in excluded
            ]
            fill_combo(self.choice, contacts, empty=False)
            form.addRow(self.tr("Contact person:"), self.choice)
            if not contacts:
                self.notice.setText(
                    self.tr(
                        "The client has no other contact persons. Add them on the client's "
                        "card (Contact persons tab)."
                    )
                )
                self.notice.show()
        else:
            self.choice.hide()
            self.search = PartySearch(db, "client", exclude=[client_id, *excluded], parent=self)
            self.search.current_changed.connect(self._update_ok)
            self.resize(640, 480)
            layout.addWidget(self.search, 1)
            self.search.search_now()
        form.addRow(self.tr("Role:"), self.role)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        self._update_ok()

    def target(self) -> uuid.UUID | None:
        if self._fixed is not None:
            return self._fixed[0]
        if self.search is not None:
            ref = self.search.current()
            return ref.id if ref is not None else None
        data = self.choice.currentData()
        return data if isinstance(data, uuid.UUID) else None

    def chosen_role(self) -> str | None:
        return self.role.currentText().strip() or None

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(self.target() is not None)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db: Database,
        kind: str,
        client_id: uuid.UUID,
        *,
        exclude: Sequence[uuid.UUID] = (),
        fixed: tuple[uuid.UUID, str] | None = None,
        role: str | None = None,
    ) -> tuple[uuid.UUID, str | None] | None:
        """(who, role), or None when cancelled."""
        dialog = cls(db, kind, client_id, exclude=exclude, fixed=fixed, role=role, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        target = dialog.target()
        return None if target is None else (target, dialog.chosen_role())


class SkipConfirm:
    """A manual-stage move leaves requirements unmet: go on (they are recorded) or not."""

    @classmethod
    def ask(cls, parent: QWidget | None, texts: Sequence[str]) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("SkipConfirm", "Requirements not met"))
        items = "".join(f"<li>{html.escape(t)}</li>" for t in texts)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            "<p>{intro}</p><ul>{items}</ul><p>{question}</p>".format(
                intro=html.escape(
                    QCoreApplication.translate(
                        "SkipConfirm", "The deal does not meet these requirements:"
                    )
                ),
                items=items,
                question=html.escape(
                    QCoreApplication.translate(
                        "SkipConfirm",
                        "Move it anyway? The skipped requirements are recorded in the deal's "
                        "stage history.",
                    )
                ),
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes
