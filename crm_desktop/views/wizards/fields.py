"""Field errors shown where they belong: a red line under the widget a service complained about.

A service raises :class:`~crm_desktop.errors.ValidationError` whose ``field_errors`` are keyed by
field name (``inn``, ``channels[0]``, ``bank_accounts[0].bik``). A page registers each of its
widgets under the names that concern it; :meth:`FieldErrors.show` translates the messages and
puts each under its widget. A name no widget claims goes to the page's general error line, so
nothing the service said is ever lost.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from crm_desktop.errors import Message
from crm_desktop.views import messages
from crm_desktop.views.widgets.fields import ErrorLabel

HINT_COLOR = "#5f6368"


def make_hint(label: QLabel) -> QLabel:
    """A quieter, word-wrapped explanation (readable, unlike a disabled label)."""
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {HINT_COLOR};")
    return label


def with_error(widget: QWidget, parent: QWidget | None = None) -> tuple[QWidget, ErrorLabel]:
    """``widget`` with an error line under it, as one widget for a form row."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    label = ErrorLabel(box)
    layout.addWidget(label)
    return box, label


class FieldErrors:
    """Which error line shows the errors of which field name, plus a general line."""

    def __init__(self, general: ErrorLabel) -> None:
        self.general = general
        self._labels: dict[str, ErrorLabel] = {}
        self._widgets: dict[str, QWidget] = {}

    def add_row(
        self, form: QFormLayout, label: str | QLabel, widget: QWidget, *names: str
    ) -> ErrorLabel:
        """Add ``widget`` to ``form`` with an error line under it, for the field ``names``."""
        box, error = with_error(widget, form.parentWidget())
        if isinstance(label, QLabel):
            label.setBuddy(widget)
            form.addRow(label, box)
        else:
            form.addRow(label, box)
        self.register(error, widget, *names)
        return error

    def register(self, label: ErrorLabel, widget: QWidget, *names: str) -> None:
        for name in names:
            self._labels[name] = label
            self._widgets[name] = widget

    def label(self, name: str) -> ErrorLabel | None:
        return self._labels.get(name)

    def text(self, name: str) -> str:
        label = self._labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear(self) -> None:
        for label in {id(x): x for x in self._labels.values()}.values():
            label.show_error("")
        self.general.show_error("")

    def show(self, errors: Mapping[str, Message], *, focus: bool = True) -> None:
        """Show ``errors`` (clearing the old ones); focus the first widget in trouble."""
        self.clear()
        general: list[str] = []
        shown: dict[int, list[str]] = {}
        first: QWidget | None = None
        for name, message in errors.items():
            text = messages.message_text(message)
            label = self._labels.get(name)
            if label is None:
                general.append(text)
                continue
            texts = shown.setdefault(id(label), [])
            if text not in texts:
                texts.append(text)
                label.show_error("\n".join(texts))
            if first is None:
                first = self._widgets[name]
        if general:
            self.general.show_error("\n".join(dict.fromkeys(general)))
        if focus and first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_general(self, text: str) -> None:
        self.general.show_error(text)
