"""Printing, saving as PDF and e-mailing a proposal on behalf of a widget (the deal card, the
preview): the questions (the print dialog, the file dialog, the e-mail dialog) are asked on the
GUI thread, the work (building the PDF, printing every page, writing the file) runs in a
:class:`~crm_desktop.views.tasks.TaskRunner` worker; one action at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, StorageError, UserError, ValidationError
from crm_desktop.services.proposals import ProposalRow
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.proposals import documents, printing
from crm_desktop.views.proposals.email_dialog import EmailDialog
from crm_desktop.views.tasks import Task, TaskRunner, TaskState

CANNOT_WRITE = QT_TRANSLATE_NOOP("UserErrors", "Cannot write the file {path}: {detail}")


def error_text(error: BaseException) -> str | None:
    """A worker's error in the user's words (None: a bug, reported as such)."""
    if isinstance(error, ValidationError):
        return "\n".join(messages.message_text(m) for m in error.field_errors.values())
    if isinstance(error, UserError):
        return messages.user_message(error)
    return None


class ProposalActions(QObject):
    """Print…, Save as PDF… and Send by e-mail… for one widget.

    Signals:
        busy_changed(busy, text): an action started (``text`` says what it does) or ended.
        failed(text): an action failed; the owner shows ``text`` where it shows errors
            (a refused company or file is a message, not a crash).
        printed(sheets): the job went to the printer.
        saved(path): the PDF was written there.
        sent(proposal_id): the proposal was e-mailed (a draft became sent).
    """

    busy_changed = Signal(bool, str)
    failed = Signal(str)
    printed = Signal(int)
    saved = Signal(str)
    sent = Signal(object)

    def __init__(
        self,
        widget: QWidget,
        db: Database,
        actor: Actor,
        *,
        runner: TaskRunner | None = None,
        on_settings: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.db = db
        self.actor = actor
        self.runner = runner if runner is not None else TaskRunner(self)
        self.on_settings = on_settings
        self.task: Task | None = None

    def is_busy(self) -> bool:
        return self.task is not None

    # --- the actions ---------------------------------------------------------------------------

    def print_proposal(
        self,
        proposal: ProposalRow,
        pdf: bytes | None = None,
        *,
        page_count: int | None = None,
        current_page: int | None = None,
    ) -> Task | None:
        """Ask for the printer, then build (unless given) and print the PDF in a worker."""
        if self.task is not None:
            return None
        printer = printing.ask_printer(
            self.widget,
            documents.file_name(proposal).removesuffix(".pdf"),
            page_count=page_count,
            current_page=current_page,
        )
        if printer is None:
            return None
        db, proposal_id, page = self.db, proposal.id, current_page or 0

        def work(state: TaskState) -> int:
            document = pdf if pdf is not None else documents.build_pdf(db, proposal_id)
            return printing.print_pdf(document, printer, current_page=page, state=state)

        task = self._start(work, QCoreApplication.translate("ProposalActions", "Printing…"))
        task.succeeded.connect(self._on_print_succeeded)
        return task

    def save_pdf(self, proposal: ProposalRow, pdf: bytes | None = None) -> Task | None:
        """Ask where, then build (unless given) and write the PDF in a worker."""
        if self.task is not None:
            return None
        path = documents.ask_pdf_path(self.widget, documents.file_name(proposal))
        if path is None:
            return None
        db, proposal_id = self.db, proposal.id

        def work(_state: TaskState) -> str:
            document = pdf if pdf is not None else documents.build_pdf(db, proposal_id)
            try:
                documents.write_pdf(path, document)
            except OSError as exc:
                detail = exc.strerror or str(exc)
                raise StorageError(CANNOT_WRITE, path=str(path), detail=detail) from exc
            return str(path)

        task = self._start(
            work, QCoreApplication.translate("ProposalActions", "Preparing the document…")
        )
        task.succeeded.connect(self._on_save_succeeded)
        return task

    def email(self, proposal: ProposalRow, pdf: bytes | None = None) -> EmailDialog:
        """The e-mail dialog for the proposal (window-modal, not waited for)."""
        dialog = EmailDialog(
            self.db, self.actor, proposal, self.widget, pdf=pdf, on_settings=self.on_settings
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sent.connect(lambda _interaction: self.sent.emit(proposal.id))
        dialog.open()
        return dialog

    # --- inside --------------------------------------------------------------------------------

    def _start(self, work: Callable[[TaskState], Any], text: str) -> Task:
        task = self.runner.start(work, name=text)
        self.task = task
        task.failed.connect(self._on_task_failed)
        task.finished.connect(self._on_task_finished)
        self.busy_changed.emit(True, text)
        return task

    @Slot(object)
    def _on_print_succeeded(self, sheets: int) -> None:
        self.printed.emit(sheets)

    @Slot(object)
    def _on_save_succeeded(self, path: str) -> None:
        self.saved.emit(path)

    @Slot(object)
    def _on_task_failed(self, error: BaseException) -> None:
        text = error_text(error)
        if text is None:
            messages.report_error(self.widget, error)
        else:
            self.failed.emit(text)

    @Slot()
    def _on_task_finished(self) -> None:
        self.task = None
        self.busy_changed.emit(False, "")


__all__ = ["ProposalActions", "error_text"]
