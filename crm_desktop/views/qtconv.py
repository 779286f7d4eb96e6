"""Python dates and times as Qt's, through the constructors the type stubs know."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime


def qt_date(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def qt_datetime(value: datetime) -> QDateTime:
    """A naive local datetime as QDateTime (the typed constructors take QDate + QTime)."""
    return QDateTime(
        qt_date(value),
        QTime(value.hour, value.minute, value.second, value.microsecond // 1000),
    )
