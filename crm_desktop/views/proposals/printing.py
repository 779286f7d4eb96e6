"""Printing a PDF on a printer: each page rendered by PDFium (``QPdfDocument``) at the printer's
resolution and drawn onto the paper with ``QPainter``.

A page is rendered in horizontal bands (:data:`BAND_ROWS` pixels high), so a 600 dpi printer
needs a few megabytes, not 140 MB per A4 page; above :data:`MAX_RENDER_DPI` the page is rendered
at that resolution and scaled (the print engine compresses every pixel: a 1200 dpi page costs
seconds and makes no visible difference for a text document). The page range, the
number of copies, collation and the page order chosen in the print dialog are respected
(copies are left to the driver when it makes them itself). QPainter on a QPrinter may run in a
worker thread (Qt's "painting in threads"), so a long job runs in a
:class:`~crm_desktop.views.tasks.TaskRunner` and reports its progress.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QRectF,
    QSize,
    QSizeF,
)
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from crm_desktop.errors import QT_TRANSLATE_NOOP, UserError
from crm_desktop.views.tasks import TaskCancelled, TaskState

BAND_ROWS = 512
MAX_RENDER_DPI = 600  # finer than the eye tells on paper; a 1200 dpi job would take 4× longer
POINTS_PER_INCH = 72.0
NOT_A_PDF = QT_TRANSLATE_NOOP("UserErrors", "The document could not be read for printing.")
PRINTER_REFUSED = QT_TRANSLATE_NOOP(
    "UserErrors", "The printer did not start the job: check that it is on and try again."
)


class LoadedPdf:
    """PDF bytes opened with PDFium; keeps the buffer the document reads from alive."""

    def __init__(self, pdf: bytes) -> None:
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.close()
            raise UserError(NOT_A_PDF)

    def page_count(self) -> int:
        return self.document.pageCount()

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


def page_count(pdf: bytes) -> int:
    """How many pages the PDF has."""
    loaded = LoadedPdf(pdf)
    try:
        return loaded.page_count()
    finally:
        loaded.close()


def pages_to_print(printer: QPrinter, count: int, *, current_page: int = 0) -> list[int]:
    """The 0-based pages the dialog asked for, in the printer's page order, once."""
    pages = list(range(count))
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or count, count)
        pages = list(range(first - 1, last))
    elif mode == QPrinter.PrintRange.CurrentPage:
        pages = [min(max(current_page, 0), count - 1)] if count else []
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def _sheets(printer: QPrinter, pages: list[int]) -> list[int]:
    """The pages as they go to the printer, copies included when the driver does not make
    them itself."""
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    if copies == 1:
        return pages
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _copy in range(copies)]


def _target(page_points: QSizeF, paper: QRectF, dpi: int) -> QRectF:
    """The page's rectangle on the paper in device pixels: its real size when it fits (a PDF
    has its own margins), else scaled down to fit; centred."""
    width = page_points.width() * dpi / POINTS_PER_INCH
    height = page_points.height() * dpi / POINTS_PER_INCH
    scale = min(1.0, paper.width() / width, paper.height() / height) if width and height else 1.0
    width, height = width * scale, height * scale
    left = paper.left() + (paper.width() - width) / 2
    top = paper.top() + (paper.height() - height) / 2
    return QRectF(left, top, width, height)


def _draw_page(
    painter: QPainter, document: QPdfDocument, page: int, target: QRectF, scale: float
) -> None:
    """Render ``page`` band by band at ``scale`` (rendered pixels per device pixel, at most 1)
    and draw it into ``target``."""
    size = QSize(max(round(target.width() * scale), 1), max(round(target.height() * scale), 1))
    painter.save()
    painter.translate(target.topLeft())
    painter.scale(target.width() / size.width(), target.height() / size.height())
    for top in range(0, size.height(), BAND_ROWS):
        rows = min(BAND_ROWS, size.height() - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(size)
        options.setScaledClipRect(QRect(0, top, size.width(), rows))
        band = document.render(page, QSize(size.width(), rows), options)
        # PDFium leaves the paper transparent: lay the band on white
        opaque = QImage(band.size(), QImage.Format.Format_RGB32)
        opaque.fill(QColor("white"))
        composer = QPainter(opaque)
        composer.drawImage(0, 0, band)
        composer.end()
        painter.drawImage(0, top, opaque)
    painter.restore()


def print_pdf(
    pdf: bytes,
    printer: QPrinter,
    *,
    current_page: int = 0,
    state: TaskState | None = None,
) -> int:
    """Print the PDF on ``printer`` as its dialog set it up; the number of sheets printed.

    ``state`` (in a worker) gets the progress per sheet and may cancel between sheets.
    """
    loaded = LoadedPdf(pdf)
    try:
        sheets = _sheets(
            printer, pages_to_print(printer, loaded.page_count(), current_page=current_page)
        )
        if not sheets:
            return 0
        printer.setFullPage(True)  # the PDF's pages carry their own margins
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError(PRINTER_REFUSED)
        try:
            dpi = printer.resolution()
            scale = min(1.0, MAX_RENDER_DPI / dpi) if dpi > 0 else 1.0
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            for done, page in enumerate(sheets):
                if state is not None and state.is_cancelled():
                    printer.abort()
                    raise TaskCancelled
                if done:
                    printer.newPage()
                target = _target(loaded.document.pagePointSize(page), paper, dpi)
                _draw_page(painter, loaded.document, page, target, scale)
                if state is not None:
                    state.progress(done + 1, len(sheets))
        finally:
            if painter.isActive():
                painter.end()
        return len(sheets)
    finally:
        loaded.close()


def prepare_printer(printer: QPrinter, doc_name: str) -> None:
    """Set the printer up for a proposal: A4 portrait (what the PDF is), the job's name."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(doc_name)


def ask_printer(
    parent: QWidget | None,
    doc_name: str,
    *,
    page_count: int | None = None,
    current_page: int | None = None,
) -> QPrinter | None:
    """The print dialog; the printer as the user set it up, or None (tests monkeypatch this).

    ``page_count`` (when the PDF is already built) bounds the page range; ``current_page``
    offers «current page» (the preview).
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, doc_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ProposalPrinting", "Print the proposal"))
    dialog.setMinMax(1, max(page_count or 999, 1))
    options = (
        QAbstractPrintDialog.PrintDialogOption.PrintPageRange
        | QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies
        | QAbstractPrintDialog.PrintDialogOption.PrintToFile
    )
    if current_page is not None:
        options |= QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage
    dialog.setOptions(options)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


__all__ = [
    "LoadedPdf",
    "ask_printer",
    "page_count",
    "pages_to_print",
    "prepare_printer",
    "print_pdf",
]
