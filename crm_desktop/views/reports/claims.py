"""Claims reports as workspace tabs: dynamics by month, satisfaction by reason, structure.

Each page is a :class:`ReportPage`: the period (with presets) and its filters at the top,
«Build» computes the report off the GUI thread (a :class:`~crm_desktop.views.tasks.TaskRunner`
worker) with a progress bar and a Cancel button, then shows it as a chart (QtCharts) and a
table; «Export to CSV…» writes the service's CSV (semicolons, decimal commas, UTF-8 with a BOM,
as Russian Excel reads it) to a file the user chooses.

- :class:`ClaimsDynamicsPage` — registered claims per month stacked by culprit department, with
  the resolved ones and those open at the month's end as lines;
- :class:`ClaimSatisfactionPage` — per reason, 100 % bars of satisfied / partly / rejected;
- :class:`ClaimsStructurePage` — culprit department × reason as a heat map.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalPercentBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDate, QMargins, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
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
from crm_desktop.services import claim_reports as cr
from crm_desktop.services.claim_reports import (
    ClaimReportFilter,
    DynamicsReport,
    ReportCancelled,
    SatisfactionReport,
    StructureReport,
)
from crm_desktop.services.claims import claim_reasons, departments
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.claims.itemmodels import RESULT_COLORS
from crm_desktop.views.deals.labels import money_text, percent_text
from crm_desktop.views.reports.funnel import period_of
from crm_desktop.views.tasks import Task, TaskCancelled, TaskRunner, TaskState
from crm_desktop.views.widgets.fields import ErrorLabel
from crm_desktop.views.widgets.flow import FlowLayout

# culprit departments on the stacked bars, in turn
SERIES_COLORS = (
    "#1565c0",
    "#ef6c00",
    "#6a1b9a",
    "#00838f",
    "#8d6e63",
    "#f9a825",
    "#ad1457",
    "#546e7a",
    "#64b5f6",
    "#9575cd",
)
NOT_SPECIFIED_COLOR = "#bdbdbd"
RESOLVED_LINE = "#2e7d32"
OPEN_LINE = "#c62828"
HEAT_COLOR = QColor("#c62828")  # the most claims; fewer fade to white
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _uuid(value: object) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


def nice_axis(axis: QValueAxis, top: float, *, whole: bool) -> None:
    """0…a round number over ``top``; whole numbers get whole ticks (no «0, 1, 1, 2»)."""
    if whole and top <= 10:
        upper = max(math.ceil(top), 1)
        axis.setRange(0, upper + (1 if upper < 10 else 0))
        axis.setTickCount(int(axis.max()) + 1)
        axis.setLabelFormat("%d")
        return
    axis.setRange(0, top * 1.1 if top else 1)
    axis.applyNiceNumbers()
    axis.setLabelFormat("%d" if whole else "%.0f")


class ReportCsvDialog:
    """Where to write a report's CSV (tests monkeypatch :meth:`ask`)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, "CSV (*.csv)")
        return Path(path) if path else None


def table_item(text: str, *, number: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(RIGHT)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    item.setToolTip(text)
    return item


def heat_color(share: float) -> QColor:
    """White (0) to the heat colour (1), for a cell's share of the largest cell."""
    share = min(max(share, 0.0), 1.0)
    r = round(255 + (HEAT_COLOR.red() - 255) * share)
    g = round(255 + (HEAT_COLOR.green() - 255) * share)
    b = round(255 + (HEAT_COLOR.blue() - 255) * share)
    return QColor(r, g, b)


class ReportPage(QWidget):
    """A report tab: period and filters, Build / Cancel with progress, chart, table, CSV.

    Subclasses give :meth:`compute` (the service call, run in a worker with the parameters
    read on the GUI thread by :meth:`parameters`), :meth:`show_report` and :meth:`csv_text`.

    Signals:
        built(report): a report was built and is shown.
        cancelled(): the user cancelled the build.
    """

    built = Signal(object)
    cancelled = Signal()

    with_chart = True
    object_name = "report"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(self.object_name)
        self._built_once = False
        self.db = db
        self.actor = actor
        self.runner = runner if runner is not None else TaskRunner(self)
        self.report: Any = None
        self.task: Task | None = None

        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.preset_buttons: list[QPushButton] = []
        for text, preset in (
            (QCoreApplication.translate("ReportPage", "This month"), "month"),
            (QCoreApplication.translate("ReportPage", "This quarter"), "quarter"),
            (QCoreApplication.translate("ReportPage", "This year"), "year"),
        ):
            button = QPushButton(text, self)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("QPushButton { color: #1565c0; text-decoration: underline; }")
            button.clicked.connect(lambda _checked=False, p=preset: self.set_preset(p))
            self.preset_buttons.append(button)
        self.build_button = QPushButton(QCoreApplication.translate("ReportPage", "Build"), self)
        self.build_button.setObjectName("buildReport")
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton(QCoreApplication.translate("ReportPage", "Cancel"), self)
        self.cancel_button.setObjectName("cancelReport")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.export_button = QPushButton(
            QCoreApplication.translate("ReportPage", "Export to CSV…"), self
        )
        self.export_button.setObjectName("exportCsv")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_csv)
        self.notice = QLabel(self)
        self.notice.setObjectName("reportNotice")
        self.notice.setStyleSheet("color: #5f6368;")
        self.error = ErrorLabel(self)

        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setObjectName("reportChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(320, 280)  # a wide legend must not widen the page
        self.chart_view.setVisible(self.with_chart)

        self.table = QTableWidget(0, 0, self)
        self.table.setObjectName("reportTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )

        # groups of controls that wrap onto a second line rather than widen the window
        def group(*widgets: QWidget) -> tuple[QWidget, QHBoxLayout]:
            box = QWidget(self)
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
            for widget in widgets:
                row.addWidget(widget)
            return box, row

        period, _ = group(
            QLabel(QCoreApplication.translate("ReportPage", "Period from"), self),
            self.date_from,
            QLabel(QCoreApplication.translate("ReportPage", "to"), self),
            self.date_to,
        )
        presets, _ = group(*self.preset_buttons)
        filters_box, self.filters = group()
        actions, _ = group(self.build_button, self.progress, self.cancel_button)
        controls_bar = QWidget(self)
        controls = FlowLayout(controls_bar, spacing=12)
        for widget in (period, presets, filters_box, actions, self.export_button):
            controls.addWidget(widget)
        self.body = QVBoxLayout()
        self.body.addWidget(self.chart_view, 3)
        self.body.addWidget(self.table, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(controls_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(self.body, 1)
        self.set_preset("year")

    # --- what a report gives -------------------------------------------------------------------

    def parameters(self) -> dict[str, Any]:
        """The filters as the widgets show them (read on the GUI thread)."""
        return {}

    def compute(
        self,
        start: date,
        end: date,
        params: dict[str, Any],
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> Any:
        """The service call (runs in a worker: no widgets here)."""
        raise NotImplementedError

    def show_report(self, report: Any) -> None:
        raise NotImplementedError

    def csv_text(self, report: Any) -> str:
        raise NotImplementedError

    def csv_name(self) -> str:
        """The suggested file name's start ("claims dynamics")."""
        return "report"

    def combo(self, name: str, all_text: str, items: list[tuple[str, Any]]) -> QComboBox:
        """A filter combo with "all" first; ``items`` are (text, id)."""
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(all_text, None)
        for text, data in items:
            combo.addItem(text, str(data))  # a QVariant keeps a str as is
        combo.setMinimumContentsLength(11)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filters.addWidget(combo)
        return combo

    # --- the period ----------------------------------------------------------------------------

    def set_preset(self, preset: str, today: date | None = None) -> None:
        start, end = period_of(preset, today or date.today())
        self.set_period(start, end)

    def period(self) -> tuple[date, date]:
        return _pydate(self.date_from.date()), _pydate(self.date_to.date())

    def set_period(self, start: date, end: date) -> None:
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))

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
        self._built_once = True
        self.error.clear_error()
        self.notice.clear()
        start, end = self.period()
        params = self.parameters()

        def work(state: TaskState) -> Any:
            try:
                return self.compute(start, end, params, state.progress, state.is_cancelled)
            except ReportCancelled:
                raise TaskCancelled from None

        task = self.runner.start(work, name=self.object_name)
        self.task = task
        self.build_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        task.progress.connect(self._on_task_progress)
        task.succeeded.connect(self._on_task_succeeded)
        task.failed.connect(self._on_task_failed)
        task.cancelled.connect(self._on_task_cancelled)
        task.finished.connect(self._on_task_finished)
        return task

    def cancel(self) -> None:
        """Ask the running build to stop (it stops between two steps)."""
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.notice.setText(QCoreApplication.translate("ReportPage", "Stopping…"))

    def is_building(self) -> bool:
        return self.task is not None

    @Slot(int, int)
    def _on_task_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    @Slot(object)
    def _on_task_succeeded(self, report: Any) -> None:
        self.report = report
        self.show_report(report)
        self.export_button.setEnabled(True)
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
    def _on_task_cancelled(self) -> None:
        self.notice.setText(
            QCoreApplication.translate("ReportPage", "Cancelled: the report was not built.")
        )
        self.cancelled.emit()

    @Slot()
    def _on_task_finished(self) -> None:
        self.task = None
        self.build_button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()

    # --- export --------------------------------------------------------------------------------

    def export_csv(self) -> Path | None:
        """Write the shown report as CSV (UTF-8 with a BOM, so Excel reads the Cyrillic)."""
        if self.report is None:
            return None
        # the period of the report shown (the fields may have changed since it was built)
        start = getattr(self.report, "date_from", None)
        end = getattr(self.report, "date_to", None)
        if start is None or end is None:
            start, end = self.period()
        suggested = f"{self.csv_name()} {start:%Y%m%d}-{end:%Y%m%d}.csv"
        title = QCoreApplication.translate("ReportPage", "Export the report to CSV")
        path = ReportCsvDialog.ask(self, title, suggested)
        if path is None:
            return None
        try:
            path.write_text(self.csv_text(self.report), encoding="utf-8-sig", newline="")
        except OSError as error:
            messages.show_error(
                self,
                QCoreApplication.translate("ReportPage", "Could not write {path}: {error}").format(
                    path=path, error=error.strerror or error
                ),
            )
            return None
        return path

    # --- helpers for subclasses ----------------------------------------------------------------

    def clear_chart(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def set_headers(self, headers: list[str], widths: list[int] | None = None) -> None:
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        header = self.table.horizontalHeader()
        for column, width in enumerate(widths or []):
            header.resizeSection(column, width)
        header.setStretchLastSection(False)

    def fit_columns(self, first_min: int = 180) -> None:
        """Columns as wide as their texts (the first at least ``first_min``)."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.table.columnCount()):
            width = header.sectionSize(column) + 12
            header.resizeSection(column, max(width, first_min) if column == 0 else width)

    def table_rows(self) -> list[list[str]]:
        """The table's texts (for tests)."""
        rows = []
        for r in range(self.table.rowCount()):
            row = []
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                row.append(item.text() if item is not None else "")
            rows.append(row)
        return rows


def wrap_header(text: str) -> str:
    """A long column title on two lines, split at the space nearest its middle."""
    if len(text) <= 12 or " " not in text:
        return text
    middle = len(text) / 2
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1 :]}"


def _label(name: str) -> str:
    return name or QCoreApplication.translate("ClaimReports", "Not specified")


# --- 1. dynamics ----------------------------------------------------------------------------------


class ClaimsDynamicsPage(ReportPage):
    """Claims by month: registered (stacked by culprit department), resolved, open at the end."""

    object_name = "claimsDynamics"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(db, actor, parent, runner=runner)
        self.chart.setTitle(self.tr("Claims by month"))
        self.reason = self.combo(
            "reasonFilter", self.tr("All reasons"), [(r.name, r.id) for r in claim_reasons(db)]
        )
        self.owner = self.combo(
            "ownerFilter",
            self.tr("All managers"),
            [(u.full_name, u.id) for u in list_users(db, active_only=False)],
        )

    def parameters(self) -> dict[str, Any]:
        return {
            "flt": ClaimReportFilter(
                reason_id=_uuid(self.reason.currentData()),
                owner_id=_uuid(self.owner.currentData()),
            )
        }

    def compute(
        self,
        start: date,
        end: date,
        params: dict[str, Any],
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> DynamicsReport:
        return cr.claims_dynamics(
            self.db, start, end, params["flt"], progress=progress, cancelled=cancelled
        )

    def csv_text(self, report: DynamicsReport) -> str:
        return cr.claims_dynamics_csv(report)

    def csv_name(self) -> str:
        return self.tr("claims dynamics")

    def show_report(self, report: DynamicsReport) -> None:
        # departments with claims in the period; the rest would be empty columns and bars
        used = [
            i
            for i, _d in enumerate(report.departments)
            if any(m.by_department[i] != cr.DynamicsCell() for m in report.months)
        ]
        self._fill_table(report, used)
        self._fill_chart(report, used)
        self.notice.setText(
            self.tr("Registered {registered}, resolved {resolved}, open at the end {open}").format(
                registered=report.registered,
                resolved=report.resolved,
                open=report.open_at_end,
            )
        )

    def _fill_table(self, report: DynamicsReport, used: list[int]) -> None:
        departments = [_label(report.departments[i].name) for i in used]
        self.set_headers(
            [
                self.tr("Month"),
                self.tr("Received"),
                self.tr("Decided"),
                self.tr("Open at the end"),
                *departments,
            ],
            [90, 120, 110, 140, *([130] * len(used))],
        )
        self.table.setRowCount(len(report.months) + 1)
        for row, month in enumerate(report.months):
            cells = [
                table_item(f"{month.month:%m.%Y}"),
                table_item(str(month.total.registered), number=True),
                table_item(str(month.total.resolved), number=True),
                table_item(str(month.total.open_at_end), number=True),
                *(table_item(str(month.by_department[i].registered), number=True) for i in used),
            ]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        total_row = len(report.months)
        totals = [
            table_item(self.tr("Total"), bold=True),
            table_item(str(report.registered), number=True, bold=True),
            table_item(str(report.resolved), number=True, bold=True),
            table_item(str(report.open_at_end), number=True, bold=True),
            *(
                table_item(
                    str(sum(m.by_department[i].registered for m in report.months)),
                    number=True,
                    bold=True,
                )
                for i in used
            ),
        ]
        for column, item in enumerate(totals):
            self.table.setItem(total_row, column, item)
        self.fit_columns(90)
        self.table.setToolTip(self.tr("The department columns: claims registered"))

    def _fill_chart(self, report: DynamicsReport, used: list[int]) -> None:
        self.clear_chart()
        months = [f"{m.month:%m.%y}" for m in report.months]
        series = QStackedBarSeries(self.chart)
        for turn, index in enumerate(used):
            department = report.departments[index]
            bar_set = QBarSet(_label(department.name), self.chart)
            color = QColor(
                SERIES_COLORS[turn % len(SERIES_COLORS)]
                if department.id is not None
                else NOT_SPECIFIED_COLOR
            )
            bar_set.setColor(color)
            bar_set.setBorderColor(color)
            for month in report.months:
                bar_set.append(month.by_department[index].registered)
            series.append(bar_set)
        series.setBarWidth(0.7)
        self.chart.addSeries(series)
        resolved = QLineSeries(self.chart)
        resolved.setName(self.tr("Decided"))
        resolved.setPen(QPen(QColor(RESOLVED_LINE), 2.5))
        still_open = QLineSeries(self.chart)
        still_open.setName(self.tr("Open at the end of the month"))
        still_open.setPen(QPen(QColor(OPEN_LINE), 2.5, Qt.PenStyle.DashLine))
        for index, month in enumerate(report.months):
            resolved.append(QPointF(index, month.total.resolved))
            still_open.append(QPointF(index, month.total.open_at_end))
        for line in (resolved, still_open):
            line.setPointsVisible(True)
            self.chart.addSeries(line)
        axis_x = QBarCategoryAxis(self.chart)
        axis_x.append(months)
        axis_y = QValueAxis(self.chart)
        top = max(
            [m.total.registered for m in report.months]
            + [m.total.open_at_end for m in report.months]
            + [m.total.resolved for m in report.months]
            + [1]
        )
        nice_axis(axis_y, top, whole=True)
        axis_y.setTitleText(self.tr("Claims"))
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for attached in (series, resolved, still_open):
            attached.attachAxis(axis_x)
            attached.attachAxis(axis_y)


# --- 2. satisfaction ----------------------------------------------------------------------------


class ClaimSatisfactionPage(ReportPage):
    """Per reason, how the claims resolved in the period ended: 100 % bars and the amounts."""

    object_name = "claimSatisfaction"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(db, actor, parent, runner=runner)
        self.chart.setTitle(self.tr("How the claims resolved in the period ended, by reason"))
        self.department = self.combo(
            "departmentFilter",
            self.tr("All departments"),
            [(d.name, d.id) for d in departments(db)],
        )
        self.owner = self.combo(
            "ownerFilter",
            self.tr("All managers"),
            [(u.full_name, u.id) for u in list_users(db, active_only=False)],
        )

    def parameters(self) -> dict[str, Any]:
        return {
            "flt": ClaimReportFilter(
                culprit_department_id=_uuid(self.department.currentData()),
                owner_id=_uuid(self.owner.currentData()),
            )
        }

    def compute(
        self,
        start: date,
        end: date,
        params: dict[str, Any],
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> SatisfactionReport:
        return cr.claim_satisfaction(
            self.db, start, end, params["flt"], progress=progress, cancelled=cancelled
        )

    def csv_text(self, report: SatisfactionReport) -> str:
        return cr.claim_satisfaction_csv(report)

    def csv_name(self) -> str:
        return self.tr("claim satisfaction")

    def show_report(self, report: SatisfactionReport) -> None:
        self._fill_table(report)
        self._fill_chart(report)
        total = report.total
        self.notice.setText(
            self.tr("Resolved {count}: requested {requested}, granted {granted}").format(
                count=total.count,
                requested=money_text(total.requested),
                granted=money_text(total.granted),
            )
        )

    def _fill_table(self, report: SatisfactionReport) -> None:
        self.set_headers(
            [
                self.tr("Reason"),
                self.tr("Decided"),
                self.tr("Satisfied"),
                self.tr("Partly"),
                self.tr("Rejected"),
                self.tr("Requested"),
                self.tr("Granted"),
            ],
            [260, 100, 130, 130, 130, 150, 150],
        )
        rows = [*report.rows, report.total]
        self.table.setRowCount(len(rows))

        def share(n: int, pct: Any) -> str:
            return f"{n} ({percent_text(pct, 1)})" if pct is not None else str(n)

        for row, data in enumerate(rows):
            total = data is report.total
            name = self.tr("Total") if total else _label(data.reason)
            cells = [
                table_item(name, bold=total),
                table_item(str(data.count), number=True, bold=total),
                table_item(share(data.satisfied, data.satisfied_pct), number=True, bold=total),
                table_item(share(data.partly, data.partly_pct), number=True, bold=total),
                table_item(share(data.rejected, data.rejected_pct), number=True, bold=total),
                table_item(money_text(data.requested), number=True, bold=total),
                table_item(money_text(data.granted), number=True, bold=total),
            ]
            for column, item in enumerate(cells):
                if column in (2, 3, 4) and data.count:
                    code = ("satisfied", "partly", "rejected")[column - 2]
                    item.setForeground(QBrush(QColor(RESULT_COLORS[code]).darker(120)))
                self.table.setItem(row, column, item)
        self.fit_columns(240)

    def _fill_chart(self, report: SatisfactionReport) -> None:
        self.clear_chart()
        rows = [r for r in report.rows if r.count] or list(report.rows)
        rows = list(reversed(rows))  # the first reason on top
        sets = []
        for code, text in (
            ("satisfied", self.tr("Satisfied")),
            ("partly", self.tr("Partly satisfied")),
            ("rejected", self.tr("Rejected")),
        ):
            bar_set = QBarSet(text, self.chart)
            color = QColor(RESULT_COLORS[code])
            bar_set.setColor(color)
            bar_set.setBorderColor(color)
            bar_set.setLabelColor(QColor("#ffffff") if code != "partly" else QColor("#3c2f00"))
            for data in rows:
                bar_set.append(getattr(data, code))
            sets.append(bar_set)
        series = QHorizontalPercentBarSeries(self.chart)
        for bar_set in sets:
            series.append(bar_set)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value %")
        self.chart.addSeries(series)
        axis_y = QBarCategoryAxis(self.chart)
        axis_y.append([f"{_label(r.reason)} — {r.count}" for r in rows])
        axis_y.setGridLineVisible(False)
        axis_x = QValueAxis(self.chart)
        axis_x.setRange(0, 100)
        axis_x.setLabelFormat("%d %%")
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)


# --- 3. structure -------------------------------------------------------------------------------


class ClaimsStructurePage(ReportPage):
    """Claims registered in the period: culprit department × reason, coloured by how many."""

    object_name = "claimsStructure"
    with_chart = False

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(db, actor, parent, runner=runner)
        self.owner = self.combo(
            "ownerFilter",
            self.tr("All managers"),
            [(u.full_name, u.id) for u in list_users(db, active_only=False)],
        )
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.legend = QLabel(self)
        self.legend.setObjectName("heatLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        steps = "".join(
            f"<td style='background:{heat_color(s / 4).name()}; padding:2px 10px'>&nbsp;</td>"
            for s in range(5)
        )
        self.legend.setText(
            f"<table cellspacing='0'><tr><td style='padding-right:6px'>{self.tr('Fewer')}</td>"
            f"{steps}<td style='padding-left:6px'>{self.tr('More claims')}</td></tr></table>"
        )
        self.body.insertWidget(0, self.legend)
        self.body.setStretch(self.body.indexOf(self.table), 1)

    def parameters(self) -> dict[str, Any]:
        return {"flt": ClaimReportFilter(owner_id=_uuid(self.owner.currentData()))}

    def compute(
        self,
        start: date,
        end: date,
        params: dict[str, Any],
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> StructureReport:
        return cr.claims_structure(
            self.db, start, end, params["flt"], progress=progress, cancelled=cancelled
        )

    def csv_text(self, report: StructureReport) -> str:
        return cr.claims_structure_csv(report)

    def csv_name(self) -> str:
        return self.tr("claims structure")

    def show_report(self, report: StructureReport) -> None:
        reasons = [_label(r.name) for r in report.reasons]
        wrapped = [wrap_header(text) for text in reasons]
        metrics = self.fontMetrics()
        widths = [
            max(72, *(metrics.horizontalAdvance(line) + 18 for line in text.split("\n")))
            for text in wrapped
        ]
        self.set_headers(
            [self.tr("Department \\ reason"), *wrapped, self.tr("Total")],
            [220, *widths, 80],
        )
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(CENTER | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumHeight(metrics.height() * 2 + 12)
        for column, text in enumerate(reasons, start=1):
            head = self.table.horizontalHeaderItem(column)
            if head is not None:
                head.setToolTip(text)
        self.table.setRowCount(len(report.departments) + 1)
        largest = max((n for row in report.counts for n in row), default=0)
        for row, (dept, counts, total) in enumerate(
            zip(report.departments, report.counts, report.department_totals, strict=True)
        ):
            self.table.setItem(row, 0, table_item(_label(dept.name)))
            for column, n in enumerate(counts, start=1):
                item = table_item(str(n) if n else "·", number=False)
                item.setTextAlignment(CENTER)
                share = n / largest if largest else 0.0
                item.setBackground(QBrush(heat_color(share)))
                if share > 0.55:
                    item.setForeground(QBrush(QColor("#ffffff")))
                elif not n:
                    item.setForeground(QBrush(QColor("#bdc1c6")))
                self.table.setItem(row, column, item)
            last = table_item(str(total), number=True, bold=True)
            self.table.setItem(row, len(counts) + 1, last)
        bottom = len(report.departments)
        self.table.setItem(bottom, 0, table_item(self.tr("Total"), bold=True))
        for column, n in enumerate(report.reason_totals, start=1):
            item = table_item(str(n), bold=True)
            item.setTextAlignment(CENTER)
            self.table.setItem(bottom, column, item)
        self.table.setItem(
            bottom, len(report.reasons) + 1, table_item(str(report.total), number=True, bold=True)
        )
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.notice.setText(self.tr("Claims registered in the period: {n}").format(n=report.total))


__all__ = [
    "ClaimSatisfactionPage",
    "ClaimsDynamicsPage",
    "ClaimsStructurePage",
    "ReportCsvDialog",
    "ReportPage",
]
