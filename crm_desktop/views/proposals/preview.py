"""«Предварительный просмотр»: the proposal's PDF as it will be printed and sent.

The PDF is built in a worker (a big proposal takes seconds) while a busy bar runs, then shown
with PDFium (``QPdfDocument`` reading from a ``QBuffer`` the dialog keeps, in a ``QPdfView``):
every page one under the other, fit to the width, «page 2 of 5» as the user scrolls, zoom.
Print…, Save as PDF… and Send by e-mail… use these very bytes. A proposal that cannot be built
(no company of ours yet) says so, with the way to Settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QColor, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import ValidationError
from crm_desktop.services.proposals import ProposalRow
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.deals.labels import proposal_status_label
from crm_desktop.views.proposals import documents
from crm_desktop.views.proposals.actions import ProposalActions, error_text
from crm_desktop.views.tasks import Task, TaskRunner
from crm_desktop.views.widgets.fields import ErrorLabel

HINT_STYLE = "color: #5f6368;"
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class ProposalPreview(QDialog):
    """The print preview of one proposal.

    Signals:
        loaded(pages): the PDF is built and shown.
        failed(text): it could not be built; ``text`` is shown in the dialog.
        sent(proposal_id): the proposal was e-mailed from here.
    """

    loaded = Signal(int)
    failed = Signal(str)
    sent = Signal(object)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        proposal: ProposalRow,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        on_settings: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.proposal = proposal
        self.on_settings = on_settings
        self.runner = runner if runner is not None else TaskRunner(self)
        self.pdf: bytes | None = None
        self.task: Task | None = None
        self.setObjectName("proposalPreview")
        self.setWindowTitle(self.tr("Print preview"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(980, 900)
        self.commands = ProposalActions(
            self, db, actor, runner=self.runner, on_settings=on_settings
        )
        self.commands.busy_changed.connect(self._on_commands_busy_changed)
        self.commands.failed.connect(self._on_commands_failed)
        self.commands.sent.connect(self._on_commands_sent)
        self.commands.saved.connect(self._on_commands_saved)
        self.commands.printed.connect(self._on_commands_printed)
        self._build()
        self.build()

    # --- building the dialog -------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setObjectName("previewHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self.status.setStyleSheet(HINT_STYLE)
        self._show_heading()

        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None  # what the document reads from: kept alive here
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        palette = self.view.palette()  # the desk around the pages
        palette.setColor(QPalette.ColorRole.Dark, QColor("#8a8d91"))
        self.view.setPalette(palette)
        self.view.setDocument(self.document)
        self.view.pageNavigator().currentPageChanged.connect(self._on_current_page_changed)

        # while building, or when it could not be built
        self.waiting = QWidget(self)
        self.busy = QProgressBar(self.waiting)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedWidth(220)
        self.busy_text = QLabel(self.tr("Preparing the document…"), self.waiting)
        self.busy_text.setStyleSheet(HINT_STYLE)
        self.busy_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = ErrorLabel(self.waiting)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.settings_button = QPushButton(self.tr("Open settings…"), self.waiting)
        self.settings_button.setObjectName("openSettings")
        self.settings_button.hide()
        self.settings_button.clicked.connect(self._on_settings_button_clicked)
        self.retry_button = QPushButton(self.tr("Try again"), self.waiting)
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.build)
        waiting = QVBoxLayout(self.waiting)
        waiting.addStretch(1)
        for widget in (self.busy, self.busy_text):
            waiting.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        # without an alignment flag: a wrapped label given one gets a one-line height
        waiting.addWidget(self.error)
        for button in (self.settings_button, self.retry_button):
            waiting.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        waiting.setContentsMargins(120, 12, 120, 12)
        waiting.addStretch(2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.waiting)
        self.stack.addWidget(self.view)

        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")
        self.page_label.setMinimumWidth(110)
        self.zoom = QComboBox(self)
        self.zoom.setObjectName("zoom")
        self.zoom.addItem(self.tr("Fit width"), "width")
        self.zoom.addItem(self.tr("Whole page"), "page")
        for factor in ZOOMS:
            self.zoom.addItem(f"{round(factor * 100)}\u00a0%", factor)
        self.zoom.currentIndexChanged.connect(self._on_zoom_current_index_changed)
        self.action_text = QLabel(self)
        self.action_text.setStyleSheet(HINT_STYLE)
        self.action_busy = QProgressBar(self)
        self.action_busy.setRange(0, 0)
        self.action_busy.setTextVisible(False)
        self.action_busy.setMaximumWidth(120)
        self.action_busy.hide()
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("print")
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("savePdf")
        self.email_button = QPushButton(self.tr("Send by e-mail…"), self)
        self.email_button.setObjectName("email")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.email_button.clicked.connect(self.email_document)
        self.close_button.clicked.connect(self.reject)
        self.action_error = ErrorLabel(self)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.status)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.page_label)
        bottom.addWidget(QLabel(self.tr("Zoom:"), self))
        bottom.addWidget(self.zoom)
        bottom.addSpacing(12)
        bottom.addWidget(self.action_busy)
        bottom.addWidget(self.action_text, 1)
        for button in (self.print_button, self.save_button, self.email_button, self.close_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.action_error)
        layout.addLayout(bottom)
        self._update_buttons()

    def _show_heading(self) -> None:
        self.heading.setText(documents.caption(self.proposal))
        self.status.setText(proposal_status_label(self.proposal.status))

    # --- the PDF -------------------------------------------------------------------------------

    @Slot()
    def build(self) -> Task | None:
        """Build the PDF in a worker and show it when it comes back."""
        if self.task is not None:
            return None
        self.stack.setCurrentWidget(self.waiting)
        for widget in (self.error, self.settings_button, self.retry_button):
            widget.hide()
        self.busy.show()
        self.busy_text.show()
        db, proposal_id = self.db, self.proposal.id
        task = self.runner.start(
            lambda _state: documents.build_pdf(db, proposal_id), name="proposal preview"
        )
        self.task = task
        task.succeeded.connect(self._on_task_succeeded)
        task.failed.connect(self._on_task_failed)
        task.finished.connect(self._on_task_finished)
        self._update_buttons()
        return task

    def show_pdf(self, pdf: bytes) -> int:
        """Show these PDF bytes; the number of pages."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self.pdf = pdf
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.stack.setCurrentWidget(self.view)
        self._on_current_page_changed(0)
        self._update_buttons()
        return self.document.pageCount()

    def page_count(self) -> int:
        return self.document.pageCount() if self.pdf is not None else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    @Slot(object)
    def _on_task_succeeded(self, pdf: bytes) -> None:
        pages = self.show_pdf(pdf)
        self.loaded.emit(pages)

    @Slot(object)
    def _on_task_failed(self, error: BaseException) -> None:
        text = error_text(error)
        self.busy.hide()
        self.busy_text.hide()
        if text is None:
            messages.report_error(self, error)
            text = self.tr("The document could not be prepared.")
        self.error.show_error(text)
        company = isinstance(error, ValidationError) and "own_company_id" in error.field_errors
        self.settings_button.setVisible(company and self.on_settings is not None)
        self.retry_button.setVisible(not company)
        self.failed.emit(text)

    @Slot()
    def _on_task_finished(self) -> None:
        self.task = None
        self._update_buttons()

    # --- what it shows -------------------------------------------------------------------------

    @Slot(int)
    def _on_current_page_changed(self, page: int) -> None:
        count = self.page_count()
        self.page_label.setText(
            self.tr("Page {page} of {count}").format(page=page + 1, count=count) if count else ""
        )

    @Slot(int)
    def _on_zoom_current_index_changed(self, _index: int) -> None:
        mode = self.zoom.currentData()
        if mode == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif mode == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(mode))

    def _update_buttons(self) -> None:
        ready = self.pdf is not None and self.task is None and not self.commands.is_busy()
        for button in (self.print_button, self.save_button, self.email_button):
            button.setEnabled(ready)
        self.zoom.setEnabled(self.pdf is not None)

    # --- print, save, send ---------------------------------------------------------------------

    @Slot()
    def print_document(self) -> Task | None:
        if self.pdf is None:
            return None
        self.action_error.clear_error()
        return self.commands.print_proposal(
            self.proposal,
            self.pdf,
            page_count=self.page_count(),
            current_page=self.current_page(),
        )

    @Slot()
    def save_document(self) -> Task | None:
        if self.pdf is None:
            return None
        self.action_error.clear_error()
        return self.commands.save_pdf(self.proposal, self.pdf)

    @Slot()
    def email_document(self) -> Any:
        if self.pdf is None:
            return None
        self.action_error.clear_error()
        return self.commands.email(self.proposal, self.pdf)

    @Slot(bool, str)
    def _on_commands_busy_changed(self, busy: bool, text: str) -> None:
        self.action_busy.setVisible(busy)
        self.action_text.setText(text if busy else self.action_text.text())
        self._update_buttons()

    @Slot(str)
    def _on_commands_failed(self, text: str) -> None:
        self.action_text.clear()
        self.action_error.show_error(text)

    @Slot(object)
    def _on_commands_sent(self, proposal_id: Any) -> None:
        if self.proposal.status == "draft":
            self.proposal = replace(self.proposal, status="sent")
            self._show_heading()
        self.action_text.setText(self.tr("Sent."))
        self.sent.emit(proposal_id)

    @Slot(str)
    def _on_commands_saved(self, path: str) -> None:
        self.action_text.setText(self.tr("Saved to {path}").format(path=path))

    @Slot(int)
    def _on_commands_printed(self, _sheets: int) -> None:
        self.action_text.setText(self.tr("Sent to the printer."))

    @Slot()
    def _on_settings_button_clicked(self) -> None:
        if self.on_settings is not None:
            self.on_settings("companies")
            self.build()

    # --- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.document.close()
        super().closeEvent(event)


__all__ = ["ProposalPreview"]
