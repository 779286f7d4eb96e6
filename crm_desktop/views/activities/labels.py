"""Labels of interaction kinds, statuses, directions and task priorities; local times."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication, QLocale

from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.views.qtconv import qt_datetime

TR_CONTEXT = "ActivityLabels"

KIND_LABELS: dict[str, str] = {
    "call": QT_TRANSLATE_NOOP("ActivityLabels", "Phone call"),
    "meeting": QT_TRANSLATE_NOOP("ActivityLabels", "Meeting"),
    "email": QT_TRANSLATE_NOOP("ActivityLabels", "E-mail"),
    "planned": QT_TRANSLATE_NOOP("ActivityLabels", "Planned interaction"),
}
STATUS_LABELS: dict[str, str] = {
    "planned": QT_TRANSLATE_NOOP("ActivityLabels", "Planned"),
    "done": QT_TRANSLATE_NOOP("ActivityLabels", "Done"),
    "postponed": QT_TRANSLATE_NOOP("ActivityLabels", "Postponed"),
    "cancelled": QT_TRANSLATE_NOOP("ActivityLabels", "Cancelled"),
}
DIRECTION_LABELS: dict[str, str] = {
    "in": QT_TRANSLATE_NOOP("ActivityLabels", "Incoming"),
    "out": QT_TRANSLATE_NOOP("ActivityLabels", "Outgoing"),
}
TASK_STATUS_LABELS: dict[str, str] = {
    "open": QT_TRANSLATE_NOOP("ActivityLabels", "In progress"),
    "done": QT_TRANSLATE_NOOP("ActivityLabels", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("ActivityLabels", "Cancelled"),
}
PRIORITY_LABELS: dict[str, str] = {
    "low": QT_TRANSLATE_NOOP("ActivityLabels", "Low"),
    "normal": QT_TRANSLATE_NOOP("ActivityLabels", "Normal"),
    "high": QT_TRANSLATE_NOOP("ActivityLabels", "High"),
}
OVERDUE_COLOR = "#c62828"


def _label(labels: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    return QCoreApplication.translate(TR_CONTEXT, labels.get(code, code))


def kind_label(code: str | None) -> str:
    return _label(KIND_LABELS, code)


def kind_with_direction(kind: str, direction: str | None) -> str:
    """ "Phone call ←" (incoming), "E-mail →" (outgoing), "Meeting"."""
    arrow = {"in": " ←", "out": " →"}.get(direction or "", "")
    return kind_label(kind) + arrow


def status_label(code: str | None) -> str:
    return _label(STATUS_LABELS, code)


def direction_label(code: str | None) -> str:
    return _label(DIRECTION_LABELS, code)


def task_status_label(code: str | None) -> str:
    return _label(TASK_STATUS_LABELS, code)


def priority_label(code: str | None) -> str:
    return _label(PRIORITY_LABELS, code)


def local_tz() -> tzinfo:
    """The computer's time zone now (what the user reads times in)."""
    zone = datetime.now(UTC).astimezone().tzinfo
    assert zone is not None
    return zone


def when_text(value: datetime | None, tz: tzinfo | None = None) -> str:
    """An aware time as the user reads it: "12.03.2025 15:00" in local time."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone(tz).replace(tzinfo=None)
    return QLocale().toString(qt_datetime(local), "dd.MM.yyyy HH:mm")


def time_text(value: datetime, tz: tzinfo | None = None) -> str:
    """Only the time ("15:00") when it is on ``today`` in local time, else the date too."""
    local = value.astimezone(tz)
    if local.date() == datetime.now(UTC).astimezone(tz).date():
        return local.strftime("%H:%M")
    return when_text(value, tz)


def duration_text(minutes: int) -> str:
    if minutes <= 0:
        return ""
    hours, rest = divmod(minutes, 60)
    if hours:
        return f"{hours}:{rest:02d}"
    return QCoreApplication.translate("ActivityLabels", "{minutes} min").format(minutes=minutes)


def tomorrow_at(now: datetime, tz: tzinfo, hour: int = 9) -> datetime:
    """``hour`` o'clock of the local day after ``now``'s, as an aware UTC datetime."""
    day: date = now.astimezone(tz).date() + timedelta(days=1)
    return datetime.combine(day, time(hour), tzinfo=tz).astimezone(UTC)


__all__ = [
    "KIND_LABELS",
    "OVERDUE_COLOR",
    "PRIORITY_LABELS",
    "STATUS_LABELS",
    "direction_label",
    "duration_text",
    "kind_label",
    "kind_with_direction",
    "local_tz",
    "priority_label",
    "status_label",
    "task_status_label",
    "time_text",
    "tomorrow_at",
    "when_text",
]
