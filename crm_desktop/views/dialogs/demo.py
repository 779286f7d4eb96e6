"""The offer to fill an empty database with demo data."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget


class DemoOffer(QObject):
    """The yes/no question "The database is empty. Load demo data?" and its outcome's text.

    A QObject so that its plural texts go through ``self.tr(text, None, n)``, the form
    ``pyside6-lupdate`` recognises as a numerus message.
    """

    def question(self, clients: int) -> str:
        return self.tr(
            "The database is empty. Load demo data (%n companies) to try the program?",
            None,
            clients,
        )

    def loaded(self, clients: int) -> str:
        return self.tr("Demo data loaded: %n companies.", None, clients)

    @classmethod
    def ask(cls, parent: QWidget | None, clients: int) -> bool:
        """True if the user wants ``clients`` demo companies (tests monkeypatch this)."""
        texts = cls()
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("DemoOffer", "Demo data"),
            texts.question(clients),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes
