"""The supervisor's reports on managers as workspace tabs.

- :class:`ManagerComparisonPage` — each manager's figures for the period, the previous period
  and the same period a year earlier (grouped bars of the figure chosen), with the change in %
  (a rise of overdue tasks or culprit claims is bad news: red);
- :class:`CardCompletenessPage` — per manager and client circle, the share of clients whose
  mandatory fields are all filled (bars per manager); a double click on a row reads that
  row's incomplete clients (name and what is missing) in the background, and a double click
  on one of them asks for the client's card (``open_requested("client", id)``).

Both build off the GUI thread with a progress bar and Cancel (see
:class:`~crm_desktop.views.reports.claims.ReportPage`), and export the service's CSV.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, UserError
from crm_desktop.services import manager_reports as mr
from crm_desktop.services.claim_reports import ReportCancelled
from crm_desktop.services.manager_reports import (
    COMPARED,
    CompletenessReport,
    CompletenessRow,
    IncompleteClient,
    ManagerComparison,
    ManagerRow,
)
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.deals.labels import decimal_text, money_text, percent_text
from crm_desktop.views.itemmodels.clients import short_person_name
from crm_desktop.views.reports.claims import ReportPage, nice_axis, table_item
from crm_desktop.views.tasks import Task, TaskCancelled, TaskRunner, TaskState
from crm_desktop.views.widgets.fields import ErrorLabel

PERIOD_COLORS = ("#1565c0", "#90caf9", "#bdbdbd")  # the period, the previous one, a year ago
GOOD = "#2e7d32"
BAD = "#c62828"
COMPLETE_COLOR = "#2e7d32"
PARTLY_COLOR = "#f9a825"
POOR_COLOR = "#c62828"
ID_ROLE = Qt.ItemDataRole.UserRole

METRIC_LABELS: dict[str, str] = {
    "deals_won": QT_TRANSLATE_NOOP("ManagerReports", "Deals won"),
    "won_amount": QT_TRANSLATE_NOOP("ManagerReports", "Amount won"),
    "conversion_pct": QT_TRANSLATE_NOOP("ManagerReports", "Conversion to won"),
    "interactions_done": QT_TRANSLATE_NOOP("ManagerReports", "Interactions done"),
    "tasks_overdue": QT_TRANSLATE_NOOP("ManagerReports", "Tasks overdue"),
    "culprit_claims": QT_TRANSLATE_NOOP("ManagerReports", "Claims through their fault"),
}
LOWER_IS_BETTER = frozenset({"tasks_overdue", "culprit_claims"})
MISSING_LABELS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("ManagerReports", "phone"),
    "email": QT_TRANSLATE_NOOP("ManagerReports", "e-mail"),
    "industry": QT_TRANSLATE_NOOP("ManagerReports", "industry"),
    "source_id": QT_TRANSLATE_NOOP("ManagerReports", "source"),
    "head_count": QT_TRANSLATE_NOOP("ManagerReports", "head-count"),
    "owner_id": QT_TRANSLATE_NOOP("ManagerReports", "responsible manager"),
    "notes": QT_TRANSLATE_NOOP("ManagerReports", "notes"),
    "counterparty": QT_TRANSLATE_NOOP("ManagerReports", "counterparty"),
    "contact": QT_TRANSLATE_NOOP("ManagerReports", "contact person"),
}


def metric_label(metric: str) -> str:
    return QCoreApplication.translate("ManagerReports", METRIC_LABELS.get(metric, metric))


def missing_text(names: tuple[str, ...]) -> str:
    return ", ".join(
        QCoreApplication.translate("ManagerReports", MISSING_LABELS.get(n, n)) for n in names
    )


def metric_text(metric: str, value: Any) -> str:
    if value is None:
        return "—"
    if metric == "won_amount":
        return money_text(Decimal(value))
    if metric == "conversion_pct":
        return percent_text(value, 1)
    return str(value)


def change_text(value: Decimal | None) -> str:
    if value is None:
        return "—"
    sign = "+" if value > 0 else ""
    return f"{sign}{decimal_text(value, 1, grouped=False)}\u00a0%"


def _number(metric: str, value: Any) -> float:
    return float(value) if value is not None else 0.0


# --- manager comparison -----------------------------------------------------------------------


class ManagerComparisonPage(ReportPage):
    """Each manager's figure over three periods: grouped bars and a table with the changes."""

    object_name = "managerComparison"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(db, actor, parent, runner=runner)
        self.figure = QComboBox(self)
        self.figure.setObjectName("figure")
        for metric in COMPARED:
            self.figure.addItem(metric_label(metric), metric)
        self.figure.setToolTip(self.tr("The figure the chart and the table show"))
        self.figure.currentIndexChanged.connect(self._on_metric_changed)
        self.filters.addWidget(QLabel(self.tr("Figure:"), self))
        self.filters.addWidget(self.figure)
        self.set_preset("quarter")

    def compute(
        self,
        start: date,
        end: date,
        params: dict[str, Any],
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> ManagerComparison:
        return mr.manager_comparison(self.db, start, end, progress=progress, cancelled=cancelled)

    def csv_text(self, report: ManagerComparison) -> str:
        return mr.manager_comparison_csv(report)

    def csv_name(self) -> str:
        return self.tr("managers")

    def current_metric(self) -> str:
        return str(self.figure.currentData() or COMPARED[0])

    def show_report(self, report: ManagerComparison) -> None:
        metric = self.current_metric()
        self._fill_table(report, metric)
        self._fill_chart(report, metric)
        self.notice.setText(
            self.tr("Compared with {previous} and {year_ago}").format(
                previous=report.previous, year_ago=report.year_ago
            )
        )

    def _fill_table(self, report: ManagerComparison, metric: str) -> None:
        self.set_headers(
            [
                self.tr("Manager"),
                self.tr("Period {period}").format(period=report.current),
                self.tr("Previous {period}").format(period=report.previous),
                self.tr("Change"),
                self.tr("A year ago {period}").format(period=report.year_ago),
                self.tr("Change"),
            ],
            [240, 200, 200, 90, 200, 90],
        )
        rows: list[ManagerRow] = [*report.rows, report.total]
        self.table.setRowCount(len(rows))
        for row, data in enumerate(rows):
            total = data.user_id is None
            name = self.tr("Total") if total else data.name
            vs_previous = getattr(data.vs_previous, metric)
            vs_year = getattr(data.vs_year_ago, metric)
            cells = [
                table_item(name, bold=total),
                table_item(metric_text(metric, getattr(data.current, metric)), number=True),
                table_item(metric_text(metric, getattr(data.previous, metric)), number=True),
                self._change_item(metric, vs_previous),
                table_item(metric_text(metric, getattr(data.year_ago, metric)), number=True),
                self._change_item(metric, vs_year),
            ]
            for column, item in enumerate(cells):
                if total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.fit_columns(220)

    @staticmethod
    def _change_item(metric: str, value: Decimal | None) -> QTableWidgetItem:
        item = table_item(change_text(value), number=True)
        if value is not None and value != 0:
            good = (value < 0) if metric in LOWER_IS_BETTER else (value > 0)
            item.setForeground(QBrush(QColor(GOOD if good else BAD)))
        return item

    def _fill_chart(self, report: ManagerComparison, metric: str) -> None:
        self.clear_chart()
        self.chart.setTitle(metric_label(metric))
        series = QBarSeries(self.chart)
        top = 0.0
        for which, color, text in (
            ("current", PERIOD_COLORS[0], self.tr("Period {period}")),
            ("previous", PERIOD_COLORS[1], self.tr("Previous {period}")),
            ("year_ago", PERIOD_COLORS[2], self.tr("A year ago {period}")),
        ):
            period = getattr(report, which)
            bar_set = QBarSet(text.format(period=period), self.chart)
            bar_set.setColor(QColor(color))
            bar_set.setBorderColor(QColor(color).darker(115))
            for data in report.rows:
                value = _number(metric, getattr(getattr(data, which), metric))
                bar_set.append(value)
                top = max(top, value)
            series.append(bar_set)
        series.setBarWidth(0.8)
        self.chart.addSeries(series)
        axis_x = QBarCategoryAxis(self.chart)
        axis_x.append([short_person_name(r.name) for r in report.rows])
        axis_y = QValueAxis(self.chart)
        nice_axis(axis_y, top, whole=metric not in ("won_amount", "conversion_pct"))
        if metric == "conversion_pct":
            axis_y.setTitleText("%")
        elif metric == "won_amount":
            axis_y.setTitleText("₽")
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)

    @Slot(int)
    def _on_metric_changed(self, _index: int) -> None:
        if self.report is not None:
            self.show_report(self.report)


# --- card completeness ------------------------------------------------------------------------


class CardCompletenessPage(ReportPage):
    """The share of complete client cards per manager and circle, with the drill-down.

    Signals:
        open_requested("client", id): a client of the drill-down was double-clicked.
        drilled(clients): the drill-down was read (a list of ``IncompleteClient``).
    """

    open_requested = Signal(str, object)
    drilled = Signal(object)

    object_name = "cardCompleteness"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(db, actor, parent, runner=runner)
        self.drill_task: Task | None = None
        self.drill_row: CompletenessRow | None = None
        self.clients: list[IncompleteClient] = []
        self.in_period = QCheckBox(self.tr("Only clients registered in the period"), self)
        self.in_period.setObjectName("inPeriod")
        self.in_period.setToolTip(self.tr("Else every client, whenever registered"))
        self.filters.addWidget(self.in_period)
        self.chart.setTitle(self.tr("Complete client cards by manager"))
        self.table.setToolTip(self.tr("Double-click a row to see its incomplete clients"))
        self.table.itemActivated.connect(self._on_table_item_activated)

        self.drill = QGroupBox(self.tr("Incomplete clients"), self)
        self.drill.setObjectName("drillDown")
        self.drill_title = QLabel(self.drill)
        self.drill_title.setWordWrap(True)
        self.drill_progress = QProgressBar(self.drill)
        self.drill_progress.setTextVisible(False)
        self.drill_progress.setMaximumWidth(160)
        self.drill_progress.hide()
        self.drill_cancel = QPushButton(self.tr("Cancel"), self.drill)
        self.drill_cancel.setObjectName("cancelDrill")
        self.drill_cancel.hide()
        self.drill_cancel.clicked.connect(self.cancel_drill)
        self.drill_open = QPushButton(self.tr("Open the card"), self.drill)
        self.drill_open.setObjectName("openClient")
        self.drill_open.setEnabled(False)
        self.drill_open.clicked.connect(self._on_drill_open_clicked)
        self.drill_error = ErrorLabel(self.drill)
        self.drill_table = QTableWidget(0, 2, self.drill)
        self.drill_table.setObjectName("drillTable")
        self.drill_table.setHorizontalHeaderLabels([self.tr("Client"), self.tr("Not filled")])
        self.drill_table.verticalHeader().hide()
        self.drill_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.drill_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.drill_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.drill_table.setAlternatingRowColors(True)
        self.drill_table.horizontalHeader().resizeSection(0, 300)
        self.drill_table.horizontalHeader().setStretchLastSection(True)
        self.drill_table.itemActivated.connect(self._on_drill_item_activated)
        self.drill_table.itemSelectionChanged.connect(self._on_drill_selection_changed)
        top = QHBoxLayout()
        top.addWidget(self.drill_title, 1)
        top.addWidget(self.drill_progress)
        top.addWidget(self.drill_cancel)
        top.addWidget(self.drill_open)
        box = QVBoxLayout(self.drill)
        box.addLayout(top)
        box.addWidget(self.drill_table, 1)
        box.addWidget(self.drill_error)
        self.drill.hide()
        self.body.addWidget(self.drill, 2)
        self.set_preset("year")

    def parameters(self) -> dict[str, Any]:
        return {"in_period": self.in_period.isChecked()}

    def compute(
        self,
        start: date,
        end: date,
        params: dict[str, Any],
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> CompletenessReport:
        if params["in_period"]:
            return mr.card_completeness(self.db, start, end, progress=progress, cancelled=cancelled)
        return mr.card_completeness(self.db, progress=progress, cancelled=cancelled)

    def csv_text(self, report: CompletenessReport) -> str:
        return mr.card_completeness_csv(report)

    def csv_name(self) -> str:
        return self.tr("card completeness")

    def show_report(self, report: CompletenessReport) -> None:
        self.drill.hide()
        self._fill_table(report)
        self._fill_chart(report)
        self.notice.setText(
            self.tr("Complete {complete} of {clients} clients ({share})").format(
                complete=report.complete,
                clients=report.clients,
                share=percent_text(report.share_pct, 1),
            )
        )

    def _owner(self, row: CompletenessRow) -> str:
        return row.owner or self.tr("Without a manager")

    def _fill_table(self, report: CompletenessReport) -> None:
        self.set_headers(
            [
                self.tr("Manager"),
                self.tr("Circle"),
                self.tr("Clients"),
                self.tr("Complete"),
                self.tr("Incomplete"),
                self.tr("Complete, %"),
            ],
            [240, 200, 90, 100, 110, 110],
        )
        self.table.setRowCount(len(report.rows) + 1)
        for row, data in enumerate(report.rows):
            cells = [
                table_item(self._owner(data)),
                table_item(data.circle),
                table_item(str(data.clients), number=True),
                table_item(str(data.complete), number=True),
                table_item(str(data.incomplete), number=True),
                table_item(percent_text(data.share_pct, 1), number=True),
            ]
            cells[0].setData(ID_ROLE, row)
            share = float(data.share_pct or 0)
            color = COMPLETE_COLOR if share >= 90 else PARTLY_COLOR if share >= 60 else POOR_COLOR
            cells[5].setForeground(QBrush(QColor(color)))
            if data.incomplete:
                cells[4].setForeground(QBrush(QColor(POOR_COLOR)))
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        bottom = len(report.rows)
        totals = [
            table_item(self.tr("Total"), bold=True),
            table_item("", bold=True),
            table_item(str(report.clients), number=True, bold=True),
            table_item(str(report.complete), number=True, bold=True),
            table_item(str(report.clients - report.complete), number=True, bold=True),
            table_item(percent_text(report.share_pct, 1), number=True, bold=True),
        ]
        for column, item in enumerate(totals):
            self.table.setItem(bottom, column, item)
        self.fit_columns(220)

    def _fill_chart(self, report: CompletenessReport) -> None:
        self.clear_chart()
        owners: dict[str, list[int]] = {}
        for data in report.rows:
            cell = owners.setdefault(self._owner(data), [0, 0])
            cell[0] += data.complete
            cell[1] += data.clients
        names = list(reversed(owners))  # the first manager on top
        # one bar per manager, coloured by how complete: each bar is in one of three sets
        bands = (
            (self.tr("90 % and more"), COMPLETE_COLOR, 90.0, 101.0),
            (self.tr("60–90 %"), PARTLY_COLOR, 60.0, 90.0),
            (self.tr("Under 60 %"), POOR_COLOR, -1.0, 60.0),
        )
        series = QHorizontalStackedBarSeries(self.chart)
        for text, color, low, high in bands:
            bar_set = QBarSet(text, self.chart)
            bar_set.setColor(QColor(color))
            bar_set.setBorderColor(QColor(color).darker(115))
            dark = color == PARTLY_COLOR
            bar_set.setLabelColor(QColor("#3c2f00") if dark else QColor("#ffffff"))
            for name in names:
                complete, clients = owners[name]
                share = round(complete * 100 / clients, 1) if clients else 0.0
                bar_set.append(share if low <= share < high else 0.0)
            series.append(bar_set)
        series.setBarWidth(0.65)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value %")
        series.setLabelsPosition(QHorizontalStackedBarSeries.LabelsPosition.LabelsInsideEnd)
        self.chart.addSeries(series)
        axis_y = QBarCategoryAxis(self.chart)
        axis_y.append([f"{short_person_name(n)} ({owners[n][0]}/{owners[n][1]})" for n in names])
        axis_y.setGridLineVisible(False)
        axis_x = QValueAxis(self.chart)
        axis_x.setRange(0, 100)
        axis_x.setLabelFormat("%d %%")
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)

    # --- the drill-down ------------------------------------------------------------------------

    def drill_down(self, row: int) -> Task | None:
        """Read the incomplete clients of the table's ``row`` in a worker and list them."""
        report = self.report
        if report is None or not 0 <= row < len(report.rows) or self.drill_task is not None:
            return None
        data: CompletenessRow = report.rows[row]
        self.drill_row = data
        # the scope of the report on the screen, not what the filters say now
        start, end = report.date_from, report.date_to
        db = self.db

        def work(state: TaskState) -> list[IncompleteClient]:
            try:
                return mr.incomplete_clients(
                    db,
                    data.owner_id,
                    data.circle_id,
                    start,
                    end,
                    progress=state.progress,
                    cancelled=state.is_cancelled,
                )
            except ReportCancelled:
                raise TaskCancelled from None

        task = self.runner.start(work, name="incomplete clients")
        self.drill_task = task
        self.drill.show()
        self.drill_error.clear_error()
        self.drill_title.setText(
            self.tr("{owner}, circle «{circle}»: {n} incomplete").format(
                owner=self._owner(data), circle=data.circle, n=data.incomplete
            )
        )
        self.drill_table.setRowCount(0)
        self.drill_progress.setRange(0, 0)
        self.drill_progress.show()
        self.drill_cancel.show()
        task.progress.connect(self._on_drill_progress)
        task.succeeded.connect(self._on_drill_succeeded)
        task.failed.connect(self._on_drill_failed)
        task.finished.connect(self._on_drill_finished)
        return task

    def cancel_drill(self) -> None:
        if self.drill_task is not None:
            self.drill_task.cancel()

    def open_client(self, row: int) -> bool:
        if not 0 <= row < len(self.clients):
            return False
        self.open_requested.emit("client", self.clients[row].id)
        return True

    @Slot(int, int)
    def _on_drill_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.drill_progress.setRange(0, total)
            self.drill_progress.setValue(min(done, total))

    @Slot(object)
    def _on_drill_succeeded(self, clients: list[IncompleteClient]) -> None:
        self.clients = list(clients)
        self.drill_table.setRowCount(len(self.clients))
        for row, client in enumerate(self.clients):
            self.drill_table.setItem(row, 0, table_item(client.name))
            missing = table_item(missing_text(client.missing))
            missing.setForeground(QBrush(QColor(BAD)))
            self.drill_table.setItem(row, 1, missing)
        if not self.clients:
            self.drill_title.setText(
                self.drill_title.text() + " — " + self.tr("every card here is complete.")
            )
        self.drilled.emit(self.clients)

    @Slot(object)
    def _on_drill_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.drill_error.show_error(messages.user_message(error))
        else:
            messages.report_error(self, error)

    @Slot()
    def _on_drill_finished(self) -> None:
        self.drill_task = None
        self.drill_progress.hide()
        self.drill_cancel.hide()

    @Slot(QTableWidgetItem)
    def _on_table_item_activated(self, item: QTableWidgetItem) -> None:
        self.drill_down(item.row())

    @Slot(QTableWidgetItem)
    def _on_drill_item_activated(self, item: QTableWidgetItem) -> None:
        self.open_client(item.row())

    @Slot()
    def _on_drill_selection_changed(self) -> None:
        self.drill_open.setEnabled(self.drill_table.currentRow() >= 0)

    @Slot()
    def _on_drill_open_clicked(self) -> None:
        self.open_client(self.drill_table.currentRow())


__all__ = [
    "CardCompletenessPage",
    "ManagerComparisonPage",
    "change_text",
    "metric_label",
    "missing_text",
]
