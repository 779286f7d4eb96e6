"""Small building blocks of card forms: a field with its error line, a banner, an optional
date and an optional whole number.

A field's error is shown right under the widget in red (never a message box per field); the
widget gets a red frame and the message as its tooltip until the error is cleared.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOR = "#c62828"
ERROR_BACKGROUND = "#fdecea"
NO_DATE = QDate(1900, 1, 1)


class ErrorLabel(QLabel):
    """A red, word-wrapped line under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.clear()
        self.hide()


def mark_invalid(widget: QWidget, text: str | None) -> None:
    """Frame a text field in red with the message as its tooltip (None: back to normal)."""
    for base in (QLineEdit, QPlainTextEdit, QDateEdit):
        if isinstance(widget, base):
            style = f"{base.__name__} {{ border: 1px solid {ERROR_COLOR}; }}"
            widget.setStyleSheet(style if text else "")
            break
    widget.setToolTip(text or "")


class FieldBox(QWidget):
    """A form field: the editor and, under it, its error line."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def show_error(self, text: str) -> None:
        self.error.show_error(text)
        mark_invalid(self.editor, text)

    def clear_error(self) -> None:
        self.error.clear_error()
        mark_invalid(self.editor, None)


class OptionalDateEdit(QDateEdit):
    """A date that may be empty: the minimum date stands for "not set" and shows as blank.

    Signals: ``value_changed()`` whenever the date (or its absence) changes.
    """

    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(" ")
        self.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.setDate(NO_DATE)
        self.dateChanged.connect(lambda _d: self.value_changed.emit())

    def value(self) -> date | None:
        current = self.date()
        if current == NO_DATE or not current.isValid():
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


class IntLineEdit(QLineEdit):
    """A whole number that may be left empty (``value()`` is None then)."""

    def __init__(self, parent: QWidget | None = None, *, maximum: int = 2_000_000_000) -> None:
        super().__init__(parent)
        self.setValidator(QIntValidator(0, maximum, self))

    def value(self) -> int | None:
        text = self.text().strip().replace(" ", "").replace("\u00a0", "")
        return int(text) if text.isdigit() else None

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else str(value))


class Banner(QFrame):
    """A non-modal notice across the top of a page, with buttons next to the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#banner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; }"
        )
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(6)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addLayout(self._buttons)
        self.hide()

    def add_button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        self._buttons.addWidget(button)
        return button

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.show()
