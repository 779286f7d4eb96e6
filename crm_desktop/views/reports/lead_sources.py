"""«Источники лидов»: where leads come from and how many of them become clients.

The period (with presets: this month, quarter, year) and the manager (all or one) are chosen at
the top; «Build» computes :func:`crm_desktop.services.lead_reports.lead_sources` off the GUI
thread (a worker of a :class:`~crm_desktop.views.tasks.TaskRunner`) while a busy bar runs. The
result is a bar chart (QtCharts: received and qualified leads side by side per source) and a
table (received, qualified, rejected, open, conversion, median and mean days to qualify, and the
totals). «Export to CSV…» writes :func:`~crm_desktop.services.lead_reports.lead_sources_csv`.
"""

from __future__ import annotations

import math
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDate, QMargins, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError, ValidationError
from crm_desktop.services import lead_reports
from crm_desktop.services.lead_reports import LeadSourceReport, LeadSourceRow
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.deals.labels import decimal_text, percent_text
from crm_desktop.views.reports.funnel import period_of
from crm_desktop.views.tasks import Task, TaskRunner
from crm_desktop.views.widgets.fields import ErrorLabel
from crm_desktop.views.widgets.flow import flow_bar

COLOR_RECEIVED = "#90caf9"
COLOR_QUALIFIED = "#2e7d32"
LABEL_CHARS = 18  # a source's name on the chart axis is cut to this many characters


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _days_text(value: Decimal | None) -> str:
    return "—" if value is None else decimal_text(value, 1, grouped=False)


def count_axis(widest: int, most_ticks: int = 6) -> tuple[int, int]:
    """The top of an axis of whole counts up to ``widest``, and its tick count: every tick a
    whole number (0, 2, 4 … rather than 0, 1.1, 2.2 shown as «1», «2»)."""
    widest = max(widest, 1)
    step = max(1, math.ceil(widest / (most_ticks - 1)))
    top = step * math.ceil(widest / step)
    return top, top // step + 1


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else f"{name[: LABEL_CHARS - 1]}…"


class LeadCsvFileDialog:
    """Where to write the CSV file (tests monkeypatch :meth:`ask`)."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("LeadCsvFileDialog", "Export the lead sources to CSV"),
            suggested,
            "CSV (*.csv)",
        )
        return Path(path) if path else None


class LeadSourcesReportPage(QWidget):
    """Leads received in a period by source: how many became clients, and how fast.

    Signals:
        built(report): a report was built and is shown (a ``LeadSourceReport``).
    """

    built = Signal(object)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._built_once = False
        self.db = db
        self.actor = actor
        self.runner = runner if runner is not None else TaskRunner(self)
        self.report: LeadSourceReport | None = None
        self.task: Task | None = None
        self.setObjectName("leadSourcesReport")

        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.month_button = QPushButton(self.tr("This month"), self)
        self.quarter_button = QPushButton(self.tr("This quarter"), self)
        self.year_button = QPushButton(self.tr("This year"), self)
        for button, preset in (
            (self.month_button, "month"),
            (self.quarter_button, "quarter"),
            (self.year_button, "year"),
        ):
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("QPushButton { color: #1565c0; text-decoration: underline; }")
            button.clicked.connect(lambda _checked=False, p=preset: self.set_preset(p))
        self.manager = QComboBox(self)
        self.manager.setObjectName("manager")
        self.manager.addItem(self.tr("All managers"), None)
        for user in list_users(db, active_only=False):
            self.manager.addItem(user.full_name, user.id)
        self.manager.setMinimumWidth(220)
        self.build_button = QPushButton(self.tr("Build"), self)
        self.build_button.setObjectName("buildReport")
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.export_button = QPushButton(self.tr("Export to CSV…"), self)
        self.export_button.setObjectName("exportCsv")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_csv)
        self.error = ErrorLabel(self)

        self.chart = QChart()
        self.chart.setTitle(self.tr("Lead sources: received and qualified"))
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setObjectName("leadSourcesChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(300)
        self.series: QBarSeries | None = None
        self.categories: list[str] = []

        headers = [
            self.tr("Source"),
            self.tr("Leads received"),
            self.tr("Leads qualified"),
            self.tr("Leads rejected"),
            self.tr("Still open"),
            self.tr("Conversion"),
            self.tr("Days to qualify, median"),
            self.tr("Days to qualify, mean"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("leadSourcesTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        for column, width in enumerate((260, 120, 130, 120, 100, 110, 190, 190)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        # control groups wrap onto a second line rather than widen the window
        controls = flow_bar(
            self,
            [
                [
                    QLabel(self.tr("Received from"), self),
                    self.date_from,
                    QLabel(self.tr("to"), self),
                    self.date_to,
                ],
                [self.month_button, self.quarter_button, self.year_button],
                [QLabel(self.tr("Manager:"), self), self.manager],
                [self.build_button, self.busy],
                [self.export_button],
            ],
        )
        note = QLabel(
            self.tr(
                "Leads received in the period, by source. Qualified: converted into clients; "
                "open: new or in work now. Days to qualify: from receipt to conversion."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(controls)
        layout.addWidget(self.error)
        layout.addWidget(self.chart_view, 3)
        layout.addWidget(self.table, 2)
        layout.addWidget(note)
        self.set_preset("year")

    # --- the period ----------------------------------------------------------------------------

    def set_preset(self, preset: str, today: date | None = None) -> None:
        start, end = period_of(preset, today or date.today())
        self.set_period(start, end)

    def period(self) -> tuple[date, date]:
        return _pydate(self.date_from.date()), _pydate(self.date_to.date())

    def set_period(self, start: date, end: date) -> None:
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))

    def owner_id(self) -> uuid.UUID | None:
        data = self.manager.currentData()
        return data if isinstance(data, uuid.UUID) else None

    # --- building ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the page is shown it builds the report for the default period."""
        super().showEvent(event)
        if not self._built_once:
            self._built_once = True
            QTimer.singleShot(0, self.build)

    def build(self) -> Task | None:
        """Compute the report in a worker; the page shows it when it comes back."""
        if self.task is not None:
            return None
        self.error.clear_error()
        start, end = self.period()
        owner = self.owner_id()
        db = self.db
        task = self.runner.start(
            lambda _state: lead_reports.lead_sources(db, start, end, owner),
            name="lead sources report",
        )
        self.task = task
        self.build_button.setEnabled(False)
        self.busy.show()
        task.succeeded.connect(self._on_task_succeeded)
        task.failed.connect(self._on_task_failed)
        task.finished.connect(self._on_task_finished)
        return task

    @Slot(object)
    def _on_task_succeeded(self, report: LeadSourceReport) -> None:
        self.show_report(report)
        self.built.emit(report)

    @Slot(object)
    def _on_task_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.error.show_error(
                "\n".join(messages.message_text(m) for m in error.field_errors.values())
            )
        elif isinstance(error, UserError):
            self.error.show_error(messages.user_message(error))
        else:
            messages.report_error(self, error)

    @Slot()
    def _on_task_finished(self) -> None:
        self.task = None
        self.build_button.setEnabled(True)
        self.busy.hide()

    # --- showing -------------------------------------------------------------------------------

    def show_report(self, report: LeadSourceReport) -> None:
        self.report = report
        self._fill_table(report)
        self._fill_chart(report)
        self.export_button.setEnabled(True)

    def _source_name(self, row: LeadSourceRow, *, total: bool = False) -> str:
        if total:
            return self.tr("Total")
        if row.source_id is None:
            return self.tr("No source")
        return row.source

    def _fill_table(self, report: LeadSourceReport) -> None:
        rows = [(r, False) for r in report.rows] + [(report.total, True)]
        self.table.setRowCount(len(rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        bold = QFont(self.table.font())
        bold.setBold(True)
        for index, (row, is_total) in enumerate(rows):
            cells = (
                (self._source_name(row, total=is_total), False),
                (str(row.received), True),
                (str(row.qualified), True),
                (str(row.rejected), True),
                (str(row.open), True),
                (percent_text(row.conversion_pct, 1), True),
                (_days_text(row.median_days), True),
                (_days_text(row.mean_days), True),
            )
            for column, (text, number) in enumerate(cells):
                item = QTableWidgetItem(text)
                if number:
                    item.setTextAlignment(right)
                if is_total:
                    item.setFont(bold)
                item.setToolTip(text)
                self.table.setItem(index, column, item)

    def _fill_chart(self, report: LeadSourceReport) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        received = QBarSet(self.tr("Leads received"), self.chart)
        qualified = QBarSet(self.tr("Leads qualified"), self.chart)
        for bar_set, color in ((received, COLOR_RECEIVED), (qualified, COLOR_QUALIFIED)):
            bar_set.setColor(QColor(color))
            bar_set.setBorderColor(QColor(color))
        received.setLabelColor(QColor("#0d3c61"))
        qualified.setLabelColor(QColor("#ffffff"))
        for row in report.rows:
            received.append(row.received)
            qualified.append(row.qualified)
        series = QBarSeries(self.chart)
        series.append(received)
        series.append(qualified)
        series.setBarWidth(0.75)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
        self.chart.addSeries(series)
        self.categories = [_short(self._source_name(r)) for r in report.rows]
        axis_x = QBarCategoryAxis(self.chart)
        axis_x.append(self.categories)
        axis_x.setGridLineVisible(False)
        top, ticks = count_axis(max((r.received for r in report.rows), default=0))
        axis_y = QValueAxis(self.chart)
        axis_y.setRange(0, top)
        axis_y.setLabelFormat("%d")
        axis_y.setTickCount(ticks)
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        self.series = series

    def table_rows(self) -> list[list[str]]:
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]  # type: ignore[union-attr]
            for r in range(self.table.rowCount())
        ]

    # --- export --------------------------------------------------------------------------------

    def export_csv(self) -> Path | None:
        """Write the shown report as CSV (UTF-8 with a BOM, so Excel reads the Cyrillic)."""
        if self.report is None:
            return None
        start, end = self.report.date_from, self.report.date_to
        suggested = self.tr("lead sources {start}-{end}.csv").format(
            start=f"{start:%Y%m%d}", end=f"{end:%Y%m%d}"
        )
        path = LeadCsvFileDialog.ask(self, suggested)
        if path is None:
            return None
        try:
            path.write_text(
                lead_reports.lead_sources_csv(self.report), encoding="utf-8-sig", newline=""
            )
        except OSError as error:
            messages.show_error(
                self,
                self.tr("Could not write {path}: {error}").format(
                    path=path, error=error.strerror or error
                ),
            )
            return None
        return path


__all__ = ["LeadCsvFileDialog", "LeadSourcesReportPage"]
