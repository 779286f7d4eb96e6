"""A proposal as a document: its PDF (built off the GUI thread), its caption, its file name and
where the user saves it.

:func:`build_pdf` is plain work for a :class:`~crm_desktop.views.tasks.TaskRunner` worker (no
widgets): it reads the proposal once and renders it. The texts here are the UI's (translated);
the PDF itself is always in Russian.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from crm_desktop.db import Database
from crm_desktop.services import proposals as pr
from crm_desktop.services.proposal_pdf import render_proposal_pdf
from crm_desktop.services.proposals import ProposalRow

LAST_DIR_KEY = "proposals/last_dir"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def build_pdf(db: Database, proposal_id: uuid.UUID) -> bytes:
    """The proposal's PDF (call it in a worker: a big proposal takes a while)."""
    return render_proposal_pdf(pr.proposal_document(db, proposal_id))


def document_date(day: date) -> str:
    """«23.11.2026», as Russian documents write it, whatever the UI language."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def caption(row: ProposalRow) -> str:
    """«Commercial proposal No. А-000001 of 23.11.2026» (with the version from the 2nd on):
    the dialog titles and the e-mail subject."""
    if row.version_no > 1:
        text = QCoreApplication.translate(
            "ProposalDocuments", "Commercial proposal No. {number} (version {version}) of {date}"
        )
    else:
        text = QCoreApplication.translate(
            "ProposalDocuments", "Commercial proposal No. {number} of {date}"
        )
    return text.format(number=row.number, version=row.version_no, date=document_date(row.issued_on))


def file_name(row: ProposalRow) -> str:
    """The PDF's file name: «Commercial proposal А-000001 of 23.11.2026.pdf» (no characters
    a file system or a mail program refuses)."""
    if row.version_no > 1:
        text = QCoreApplication.translate(
            "ProposalDocuments", "Commercial proposal {number} version {version} of {date}"
        )
    else:
        text = QCoreApplication.translate(
            "ProposalDocuments", "Commercial proposal {number} of {date}"
        )
    name = text.format(number=row.number, version=row.version_no, date=document_date(row.issued_on))
    return _UNSAFE.sub("_", name).strip(" .") + ".pdf"


def size_text(size: int) -> str:
    """«245 KB» / «1.2 MB» for the attachment line."""
    if size < 1024 * 1024:
        return QCoreApplication.translate("ProposalDocuments", "{size} KB").format(
            size=max(1, size // 1024)
        )
    return QCoreApplication.translate("ProposalDocuments", "{size} MB").format(
        size=f"{size / (1024 * 1024):.1f}"
    )


def ask_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to save the PDF (a file dialog in the last folder used; tests monkeypatch this)."""
    settings = QSettings()
    folder = str(settings.value(LAST_DIR_KEY, "") or "") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ProposalDocuments", "Save the proposal as PDF"),
        str(Path(folder) / suggested),
        QCoreApplication.translate("ProposalDocuments", "PDF documents (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    settings.setValue(LAST_DIR_KEY, str(path.parent))
    return path


def write_pdf(path: Path, pdf: bytes) -> None:
    """Write the file whole or not at all (a temporary file renamed over the target)."""
    temporary = path.with_name(path.name + ".part")
    try:
        temporary.write_bytes(pdf)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


__all__ = [
    "ask_pdf_path",
    "build_pdf",
    "caption",
    "document_date",
    "file_name",
    "size_text",
    "write_pdf",
]
