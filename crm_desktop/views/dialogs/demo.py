"""The offer to fill an empty database with demo data."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class DemoOffer:
    """The yes/no question "The database is empty. Load demo data?"."""

    @classmethod
    def ask(cls, parent: QWidget | None, clients: int) -> bool:
        """True if the user wants ``clients`` demo companies (tests monkeypatch this)."""
        title = QCoreApplication.translate("DemoOffer", "Demo data")
        text = QCoreApplication.translate(
            "DemoOffer",
            "The database is empty. Load demo data (%n companies) to try the program?",
            None,
            clients,
        )
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes
