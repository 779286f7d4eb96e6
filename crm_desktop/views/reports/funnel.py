"""«Воронка продаж»: the sales funnel report as a workspace tab.

The period (with presets: this month, quarter, year) and the manager (all or one) are chosen at
the top; «Build» computes :func:`crm_desktop.services.reports.funnel` off the GUI thread (a
worker of a :class:`~crm_desktop.views.tasks.TaskRunner`) while a busy bar runs. The result is
shown as a funnel chart (QtCharts: a horizontal stacked bar per stage — the deals that went on,
those still at the stage and those lost there, centred so the bars form a funnel), a table
(entered, moved on, conversion, lost and why) and the deal efficiency block (won / lost / in
progress, count and amount in roubles). «Export to CSV…» writes
:func:`~crm_desktop.services.reports.funnel_csv` to a file the user chooses.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDate, QMargins, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError, ValidationError
from crm_desktop.services import reports
from crm_desktop.services.reports import FunnelReport
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.deals.labels import money_text, percent_text
from crm_desktop.views.tasks import Task, TaskRunner
from crm_desktop.views.widgets.fields import ErrorLabel
from crm_desktop.views.widgets.flow import flow_bar

# the funnel's colours: went on, still at the stage, lost there
COLOR_ON = "#1565c0"
COLOR_STAYED = "#90caf9"
COLOR_LOST = "#e57373"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def period_of(preset: str, today: date) -> tuple[date, date]:
    """The first and last day of this month, quarter or year."""
    if preset == "month":
        start = today.replace(day=1)
        following = (start + timedelta(days=32)).replace(day=1)
    elif preset == "quarter":
        start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        following = (start + timedelta(days=95)).replace(day=1)
    else:
        start = today.replace(month=1, day=1)
        following = start.replace(year=start.year + 1)
    return start, following - timedelta(days=1)


class CsvFileDialog:
    """Where to write the CSV file (tests monkeypatch :meth:`ask`)."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("CsvFileDialog", "Export the funnel to CSV"),
            suggested,
            "CSV (*.csv)",
        )
        return Path(path) if path else None


class FunnelReportPage(QWidget):
    """The sales funnel and deal efficiency for a period and a manager.

    Signals:
        built(report): a report was built and is shown (a ``FunnelReport``).
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
        self.report: FunnelReport | None = None
        self.task: Task | None = None
        self.setObjectName("funnelReport")

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
        self.chart.setTitle(self.tr("Sales funnel"))
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setObjectName("funnelChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(300)
        self.series: QHorizontalStackedBarSeries | None = None
        self.categories: list[str] = []

        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("funnelTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Stage"),
                self.tr("Entered"),
                self.tr("Moved on"),
                self.tr("Conversion"),
                self.tr("Lost"),
                self.tr("Loss reasons"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((260, 125, 135, 105, 105)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

        self.efficiency = QGroupBox(self.tr("Deal efficiency"), self)
        grid = QGridLayout(self.efficiency)
        grid.setHorizontalSpacing(18)
        bold = QFont(self.font())
        bold.setBold(True)
        for column, text in enumerate(("", self.tr("Deals"), self.tr("Amount"))):
            head = QLabel(text, self.efficiency)
            head.setFont(bold)
            head.setAlignment(Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(head, 0, column)
        self.totals: dict[str, tuple[QLabel, QLabel]] = {}
        for row, (key, text) in enumerate(
            (
                ("won", self.tr("Won")),
                ("lost", self.tr("Lost")),
                ("open", self.tr("In progress")),
            ),
            start=1,
        ):
            grid.addWidget(QLabel(text, self.efficiency), row, 0)
            count = QLabel("—", self.efficiency)
            amount = QLabel("—", self.efficiency)
            for label in (count, amount):
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            count.setObjectName(f"{key}Count")
            amount.setObjectName(f"{key}Amount")
            grid.addWidget(count, row, 1)
            grid.addWidget(amount, row, 2)
            self.totals[key] = (count, amount)
        note = QLabel(
            self.tr(
                "Won and lost: deals closed in the period. In progress: deals opened by its "
                "end and still open."
            ),
            self.efficiency,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        grid.addWidget(note, 4, 0, 1, 3)
        grid.setRowStretch(5, 1)
        self.efficiency.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
        self.efficiency.setMinimumWidth(320)

        # control groups wrap onto a second line rather than widen the window
        controls = flow_bar(
            self,
            [
                [
                    QLabel(self.tr("Period from"), self),
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
        side = QVBoxLayout()
        side.addWidget(self.efficiency)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.chart_view, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(controls)
        layout.addWidget(self.error)
        layout.addLayout(top, 3)
        layout.addWidget(self.table, 2)
        self.set_preset("year")

    # --- the period ----------------------------------------------------------------------------

    def set_preset(self, preset: str, today: date | None = None) -> None:
        start, end = period_of(preset, today or date.today())
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))

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
            lambda _state: reports.funnel(db, start, end, owner), name="funnel report"
        )
        self.task = task
        self.build_button.setEnabled(False)
        self.busy.show()
        task.succeeded.connect(self._on_task_succeeded)
        task.failed.connect(self._on_task_failed)
        task.finished.connect(self._on_task_finished)
        return task

    @Slot(object)
    def _on_task_succeeded(self, report: FunnelReport) -> None:
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

    def show_report(self, report: FunnelReport) -> None:
        self.report = report
        self._fill_table(report)
        self._fill_chart(report)
        for key, count, amount in (
            ("won", report.won_count, report.won_amount),
            ("lost", report.lost_count, report.lost_amount),
            ("open", report.open_count, report.open_amount),
        ):
            count_label, amount_label = self.totals[key]
            count_label.setText(str(count))
            amount_label.setText(money_text(amount))
        self.export_button.setEnabled(True)

    def _fill_table(self, report: FunnelReport) -> None:
        self.table.setRowCount(len(report.stages))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, stage in enumerate(report.stages):
            reasons = ", ".join(f"{name or '—'}: {n}" for name, n in stage.lost_by_reason.items())
            cells = (
                (stage.name, False),
                (str(stage.entered), True),
                (str(stage.moved_on), True),
                (percent_text(stage.conversion_pct, 1), True),
                (str(stage.lost), True),
                (reasons, False),
            )
            for column, (text, number) in enumerate(cells):
                item = QTableWidgetItem(text)
                if number:
                    item.setTextAlignment(right)
                item.setToolTip(text)
                self.table.setItem(row, column, item)

    def _fill_chart(self, report: FunnelReport) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        stages = list(reversed(report.stages))  # the first stage on top
        widest = max((s.entered for s in stages), default=0)
        pad = QBarSet("", self.chart)
        went_on = QBarSet(self.tr("Moved on"), self.chart)
        stayed = QBarSet(self.tr("Remained at the stage"), self.chart)
        lost = QBarSet(self.tr("Lost"), self.chart)
        for bar_set, color in ((went_on, COLOR_ON), (stayed, COLOR_STAYED), (lost, COLOR_LOST)):
            bar_set.setColor(QColor(color))
            bar_set.setBorderColor(QColor(color))
        pad.setColor(QColor(0, 0, 0, 0))
        pad.setBorderColor(QColor(0, 0, 0, 0))
        pad.setLabelColor(QColor(0, 0, 0, 0))
        went_on.setLabelColor(QColor("#ffffff"))
        stayed.setLabelColor(QColor("#0d3c61"))
        lost.setLabelColor(QColor("#ffffff"))
        for stage in stages:
            remained = max(stage.entered - stage.moved_on - stage.lost, 0)
            pad.append((widest - stage.entered) / 2)
            went_on.append(stage.moved_on)
            stayed.append(remained)
            lost.append(stage.lost)
        series = QHorizontalStackedBarSeries(self.chart)
        for bar_set in (pad, went_on, stayed, lost):
            series.append(bar_set)
        series.setBarWidth(0.8)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(6)
        self.chart.addSeries(series)
        self.categories = [f"{s.name} — {s.entered}" for s in stages]
        axis_y = QBarCategoryAxis(self.chart)
        axis_y.append(self.categories)
        axis_y.setGridLineVisible(False)
        axis_x = QValueAxis(self.chart)
        axis_x.setRange(0, max(widest, 1))
        axis_x.setVisible(False)
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        markers = self.chart.legend().markers(series)
        if markers:
            markers[0].setVisible(False)  # the invisible padding that centres the bars
        self.series = series

    def stage_names_on_chart(self) -> list[str]:
        """The chart's stage names, first stage first (for tests)."""
        if self.report is None:
            return []
        return [s.name for s in self.report.stages if any(s.name in c for c in self.categories)]

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
        suggested = self.tr("funnel {start}-{end}.csv").format(
            start=f"{start:%Y%m%d}", end=f"{end:%Y%m%d}"
        )
        path = CsvFileDialog.ask(self, suggested)
        if path is None:
            return None
        try:
            path.write_text(reports.funnel_csv(self.report), encoding="utf-8-sig", newline="")
        except OSError as error:
            messages.show_error(
                self,
                self.tr("Could not write {path}: {error}").format(
                    path=path, error=error.strerror or error
                ),
            )
            return None
        return path


__all__ = ["CsvFileDialog", "FunnelReportPage", "period_of"]
