"""A progress dialog bound to a background task: shows up only if the task takes a while."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from crm_desktop.views.tasks import Task

MINIMUM_DURATION_MS = 500  # short tasks never flash a dialog


class TaskProgressDialog(QProgressDialog):
    """Follows ``task.progress``; Cancel asks the task to stop; closes when the task ends."""

    def __init__(
        self,
        task: Task,
        label: str,
        parent: QWidget | None = None,
        *,
        minimum_duration_ms: int = MINIMUM_DURATION_MS,
    ) -> None:
        super().__init__(parent)
        self._task = task
        self._ended = False
        self.setWindowTitle(label)
        self.setLabelText(label)
        self.setCancelButtonText(self.tr("Cancel"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(minimum_duration_ms)
        self.setAutoReset(False)
        self.setAutoClose(False)
        self.setRange(0, 0)  # busy until the first progress report
        self.setValue(0)
        self.canceled.connect(self._on_canceled)
        task.progress.connect(self._on_task_progress)
        task.finished.connect(self._on_task_finished)

    @Slot(int, int)
    def _on_task_progress(self, done: int, total: int) -> None:
        if self._ended:
            return
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))

    @Slot()
    def _on_canceled(self) -> None:
        if self._ended:
            return
        self._task.cancel()
        # cancel() hid the dialog: show that the work is winding down until it has
        self.setCancelButton(None)
        self.setLabelText(self.tr("Stopping…"))
        self.show()

    @Slot()
    def _on_task_finished(self) -> None:
        self._ended = True
        self.hide()
        self.deleteLater()
