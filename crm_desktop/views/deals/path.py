"""The stage path of a deal: a row of chevrons, the current stage highlighted, the outcome last.

Stages already passed are pale green, the current one blue, the ones ahead grey; the last
chevron is the outcome: «Won» (green once won) or «Lost» (red, and the stage the deal was lost
at is red too). Where the deal may jump to any stage (manual stages), a click on a chevron asks
for a move there (``stage_clicked``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from crm_desktop.services.deal_views import StageInfo
from crm_desktop.views.deals.labels import status_label

# state → (background, text colour)
COLORS: dict[str, tuple[str, str]] = {
    "done": ("#d7ecd0", "#24502a"),
    "current": ("#1565c0", "#ffffff"),
    "todo": ("#e9ecef", "#5f6368"),
    "won": ("#2e7d32", "#ffffff"),
    "lost": ("#c62828", "#ffffff"),
}
WON = "won"  # the payload of the outcome chevron


@dataclass(frozen=True)
class Segment:
    """One chevron: its text, state (done/current/todo/won/lost) and what it stands for (a
    stage id, or ``WON`` for the outcome)."""

    text: str
    state: str
    target: uuid.UUID | str
    tooltip: str = ""


class StagePath(QWidget):
    """The chevrons of a deal's stages.

    Signals:
        stage_clicked(target): a chevron was clicked while clicks are allowed; ``target`` is
            the stage id or ``"won"``.
    """

    stage_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stagePath")
        self._segments: list[Segment] = []
        self._clickable = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    # --- data ----------------------------------------------------------------------------------

    def set_path(
        self,
        stages: Sequence[StageInfo],
        current_id: uuid.UUID | None,
        status: str,
        *,
        tooltips: dict[uuid.UUID, str] | None = None,
        clickable: bool = False,
    ) -> None:
        """Show ``stages`` with ``current_id`` highlighted for a deal in ``status``."""
        tooltips = tooltips or {}
        ids = [s.id for s in stages]
        here = ids.index(current_id) if current_id in ids else -1
        segments = []
        for index, stage in enumerate(stages):
            if index < here:
                state = "done"
            elif index == here:
                state = {"open": "current", "won": "done", "lost": "lost"}.get(status, "current")
            else:
                state = "todo"
            segments.append(Segment(stage.name, state, stage.id, tooltips.get(stage.id, "")))
        if status == "lost":
            segments.append(Segment(status_label("lost"), "lost", "lost"))
        else:
            segments.append(Segment(status_label("won"), "won" if status == "won" else "todo", WON))
        self._segments = segments
        self._clickable = clickable and status == "open"
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if self._clickable else Qt.CursorShape.ArrowCursor
        )
        self.updateGeometry()
        self.update()

    def segments(self) -> list[Segment]:
        return list(self._segments)

    def current_text(self) -> str:
        return next((s.text for s in self._segments if s.state == "current"), "")

    # --- geometry ------------------------------------------------------------------------------

    def _arrow(self) -> float:
        return self.height() / 4

    def _polygons(self) -> list[tuple[QPolygonF, QRectF]]:
        count = len(self._segments)
        if not count:
            return []
        arrow = self._arrow()
        gap = 3.0
        height = float(self.height() - 1)
        width = (self.width() - 1 - arrow - gap * (count - 1)) / count
        result = []
        for index in range(count):
            left = index * (width + gap)
            right = left + width
            points = [QPointF(left, 0), QPointF(right, 0), QPointF(right + arrow, height / 2)]
            points += [QPointF(right, height), QPointF(left, height)]
            if index:
                points.append(QPointF(left + arrow, height / 2))
            text_left = left + (arrow if index else 0) + 6
            text = QRectF(text_left, 2, right - text_left + arrow / 2 - 4, height - 4)
            result.append((QPolygonF(points), text))
        return result

    def _segment_at(self, x: float, y: float) -> int | None:
        for index, (polygon, _rect) in enumerate(self._polygons()):
            if polygon.containsPoint(QPointF(x, y), Qt.FillRule.OddEvenFill):
                return index
        return None

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(120 * max(len(self._segments), 1), int(line * 3.2) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(60 * max(len(self._segments), 1), self.sizeHint().height())

    # --- Qt events -----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for segment, (polygon, rect) in zip(self._segments, self._polygons(), strict=True):
            background, foreground = COLORS[segment.state]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(background))
            painter.drawPolygon(polygon)
            font = QFont(self.font())
            font.setBold(segment.state in ("current", "won", "lost"))
            painter.setFont(font)
            painter.setPen(QColor(foreground))
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                segment.text,
            )
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            index = self._segment_at(event.position().x(), event.position().y())
            if index is not None and self._segments[index].state != "current":
                self.stage_clicked.emit(self._segments[index].target)
                return
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._segment_at(event.pos().x(), event.pos().y())
            tip = self._segments[index].tooltip if index is not None else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
