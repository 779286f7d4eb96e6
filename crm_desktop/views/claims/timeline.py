"""A compact Gantt-like picture of a claim's investigation plan.

One row per action: a bar from its planned start to its planned date — the start is the claim
date for the first action, else the latest planned date of the earlier actions that is not
after this one (so a sequential plan reads as a staircase and parallel actions overlap). Done
actions are green (a diamond marks the done date), open ones past their planned date red with
the lateness up to today hatched, other open ones blue; a dashed line marks today. It paints
what the plan table shows at the moment, saved or not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

DONE_COLOR = "#43a047"
OVERDUE_COLOR = "#e53935"
OPEN_COLOR = "#1e88e5"
TODAY_COLOR = "#d32f2f"
GRID_COLOR = "#e8eaed"
TEXT_COLOR = "#3c4043"
MUTED_COLOR = "#80868b"
ROW_HEIGHT = 26
BAR_HEIGHT = 14
HEADER_HEIGHT = 26
LEGEND_HEIGHT = 26
MARGIN = 8


@dataclass(frozen=True)
class TimelineBar:
    """One action as the timeline paints it; ``state``: "done", "overdue" or "open"."""

    number: int
    action: str
    start: date
    planned: date
    done: date | None
    state: str


def timeline_bars(
    claimed_on: date | None,
    rows: Sequence[tuple[str, date | None, date | None]],
    today: date,
) -> list[TimelineBar]:
    """The bars of the plan rows (action, planned date, done date); rows without a planned
    date are left out (the table shows what is missing)."""
    bars: list[TimelineBar] = []
    earlier: list[date] = []
    origin = claimed_on or min((p for _a, p, _d in rows if p is not None), default=today)
    for number, (action, planned, done) in enumerate(rows, start=1):
        if planned is None:
            continue
        before = [p for p in earlier if p <= planned]
        start = max([origin, *before]) if before else origin
        start = min(start, planned)
        if done is not None:
            state = "done"
        elif planned < today:
            state = "overdue"
        else:
            state = "open"
        bars.append(TimelineBar(number, action, start, planned, done, state))
        earlier.append(planned)
    return bars


class PlanTimeline(QWidget):
    """The plan's bars over the dates, with today's line; :meth:`set_plan` to show a plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTimeline")
        self._claimed_on: date | None = None
        self._bars: list[TimelineBar] = []
        self._today = date.today()
        # as tall as the plan needs (the table above takes the rest)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAutoFillBackground(True)

    # --- own API -------------------------------------------------------------------------------

    def set_plan(
        self,
        claimed_on: date | None,
        rows: Sequence[tuple[str, date | None, date | None]],
        today: date | None = None,
    ) -> None:
        self._today = today or date.today()
        self._claimed_on = claimed_on
        self._bars = timeline_bars(claimed_on, rows, self._today)
        self.updateGeometry()
        self.update()

    def bars(self) -> list[TimelineBar]:
        return list(self._bars)

    def date_range(self) -> tuple[date, date]:
        """The first and last day drawn: the claim, every bar and today, with a little air."""
        days = [self._today]
        if self._claimed_on is not None:
            days.append(self._claimed_on)
        for bar in self._bars:
            days += [bar.start, bar.planned]
            if bar.done is not None:
                days.append(bar.done)
        first, last = min(days), max(days)
        span = max((last - first).days, 6)
        pad = max(2, span // 12)  # room for the «Today» label at the right
        return first - timedelta(days=max(1, span // 30)), first + timedelta(days=span + pad)

    def sizeHint(self) -> QSize:
        rows = max(len(self._bars), 1)
        return QSize(600, HEADER_HEIGHT + rows * ROW_HEIGHT + LEGEND_HEIGHT + 2 * MARGIN)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), QColor("#ffffff"))
            painter.setPen(QPen(QColor("#dadce0")))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
            if not self._bars:
                painter.setPen(QColor(MUTED_COLOR))
                painter.drawText(
                    self.rect(),
                    Qt.AlignmentFlag.AlignCenter,
                    self.tr("The plan has no actions with a planned date yet."),
                )
                return
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        width = self.width() - 2 * MARGIN
        label_width = int(min(300, max(140, width * 0.3)))
        left = MARGIN + label_width + 8
        right = self.width() - MARGIN - 4
        top = MARGIN + HEADER_HEIGHT
        bottom = top + len(self._bars) * ROW_HEIGHT
        first, last = self.date_range()
        span_days = max((last - first).days, 1)
        per_day = (right - left) / span_days

        def x_of(day: date) -> float:
            return left + (day - first).days * per_day

        # the date scale: ticks far enough apart to be read
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        painter.setFont(small)
        for day, text in self._ticks(first, last, per_day):
            x = x_of(day)
            painter.setPen(QPen(QColor(GRID_COLOR), 1))
            painter.drawLine(QPointF(x, top - 4), QPointF(x, bottom))
            painter.setPen(QColor(MUTED_COLOR))
            painter.drawText(
                QRectF(x - 40, MARGIN, 80, HEADER_HEIGHT - 6),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                text,
            )
        painter.setFont(self.font())

        # the rows
        for index, bar in enumerate(self._bars):
            y = top + index * ROW_HEIGHT
            if index % 2:
                painter.fillRect(
                    QRectF(MARGIN, y, self.width() - 2 * MARGIN, ROW_HEIGHT), QColor("#f8f9fa")
                )
            label = metrics.elidedText(
                f"{bar.number}. {bar.action}", Qt.TextElideMode.ElideRight, label_width
            )
            painter.setPen(QColor(TEXT_COLOR))
            painter.drawText(
                QRectF(MARGIN + 4, y, label_width, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
            self._paint_bar(painter, bar, x_of, y, per_day)

        # the claim date and today
        if self._claimed_on is not None:
            x = x_of(self._claimed_on)
            painter.setPen(QPen(QColor(MUTED_COLOR), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, top - 2), QPointF(x, bottom))
        x = x_of(self._today) + per_day / 2
        painter.setPen(QPen(QColor(TODAY_COLOR), 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, top - 6), QPointF(x, bottom + 2))
        painter.setPen(QColor(TODAY_COLOR))
        painter.setFont(small)
        painter.drawText(
            QRectF(x + 3, top - 14, 80, 12),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.tr("Today"),
        )
        painter.setFont(self.font())
        self._paint_legend(painter, bottom + 6, left)

    def _paint_bar(
        self,
        painter: QPainter,
        bar: TimelineBar,
        x_of: Callable[[date], float],
        y: float,
        per_day: float,
    ) -> None:
        color = QColor(
            {"done": DONE_COLOR, "overdue": OVERDUE_COLOR, "open": OPEN_COLOR}[bar.state]
        )
        x1 = x_of(bar.start)
        x2 = x_of(bar.planned) + per_day  # the planned day itself is part of the bar
        bar_top = y + (ROW_HEIGHT - BAR_HEIGHT) / 2
        rect = QRectF(x1, bar_top, max(x2 - x1, 4.0), BAR_HEIGHT)
        if bar.state == "overdue":  # the lateness up to today, hatched
            late_end = x_of(self._today) + per_day
            late = QRectF(x2, bar_top, max(late_end - x2, 0.0), BAR_HEIGHT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(color.lighter(170)))
            painter.drawRect(late)
            painter.setBrush(QBrush(color, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(late)
        painter.setPen(QPen(color.darker(120), 1))
        painter.setBrush(QBrush(color))
        painter.drawRoundedRect(rect, 3, 3)
        if bar.done is not None:
            cx = x_of(bar.done) + per_day / 2
            cy = bar_top + BAR_HEIGHT / 2
            r = BAR_HEIGHT / 2 + 1
            diamond = QPolygonF(
                [QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)]
            )
            painter.setPen(QPen(QColor("#ffffff"), 1))
            painter.setBrush(QBrush(QColor(DONE_COLOR).darker(140)))
            painter.drawPolygon(diamond)

    def _paint_legend(self, painter: QPainter, y: float, left: float) -> None:
        metrics = QFontMetrics(self.font())
        x = left
        for color, text in (
            (DONE_COLOR, self.tr("Done")),
            (OVERDUE_COLOR, self.tr("Overdue")),
            (OPEN_COLOR, self.tr("In progress")),
        ):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(color)))
            painter.drawRoundedRect(QRectF(x, y + 5, 14, 10), 2, 2)
            painter.setPen(QColor(TEXT_COLOR))
            painter.drawText(QPointF(x + 19, y + 14), text)
            x += 19 + metrics.horizontalAdvance(text) + 18
        painter.setPen(QPen(QColor(TODAY_COLOR), 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x + 7, y + 3), QPointF(x + 7, y + 17))
        painter.setPen(QColor(TEXT_COLOR))
        painter.drawText(QPointF(x + 16, y + 14), self.tr("Today"))

    @staticmethod
    def _ticks(first: date, last: date, per_day: float) -> list[tuple[date, str]]:
        """Dates to mark on the scale, at least ~56 px apart: days, weeks (Mondays), months."""
        ticks: list[tuple[date, str]] = []
        if per_day * 1 >= 56:
            step = 1
        elif per_day * 7 >= 56:
            step = 7
        elif per_day * 14 >= 56:
            step = 14
        else:
            step = 0  # months
        if step:
            day = first + timedelta(days=(7 - first.weekday()) % 7) if step > 1 else first
            while day <= last:
                ticks.append((day, f"{day:%d.%m}"))
                day += timedelta(days=step)
            return ticks
        every = 1 if per_day * 30 >= 56 else 3
        month = date(first.year, first.month, 1)
        while month <= last:
            if month >= first and (month.month - 1) % every == 0:
                ticks.append((month, f"{month:%m.%Y}"))
            month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        return ticks


__all__ = ["PlanTimeline", "TimelineBar", "timeline_bars"]
