"""Long work off the GUI thread: a QThreadPool runner whose tasks never lose an exception.

The work is a plain function ``fn(state)`` (no Qt, no widgets) that may report progress with
``state.progress(done, total)`` and should stop early when ``state.is_cancelled()`` says so. Its
result or its exception comes back to the GUI thread through the :class:`Task`'s signals; the
GUI thread never waits for it.

    task = runner.start(lambda state: demo.generate(db, actor, clients=300,
                                                   progress=state.progress,
                                                   cancelled=state.is_cancelled))
    task.succeeded.connect(...)
    task.failed.connect(...)

Writes go through one single-thread runner (SQLite has one writer); QtCore only.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress events a second reach the GUI thread


class TaskCancelled(Exception):  # noqa: N818 - an outcome, not an error
    """Raised by work that stopped because it was asked to; reported as ``cancelled``."""


class TaskState:
    """What the work sees of its task: progress reporting and the cancellation flag.

    Thread-safe: called from the worker thread, while the GUI thread may cancel.
    """

    def __init__(self, emit_progress: Callable[[int, int], None]) -> None:
        self._emit_progress = emit_progress
        self._cancelled = threading.Event()
        self._last_emit = 0.0

    def progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_emit >= PROGRESS_INTERVAL_S:
            self._last_emit = now
            self._emit_progress(done, total)

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def check_cancelled(self) -> None:
        """Raise :class:`TaskCancelled` if the task was cancelled (for the work's own loops)."""
        if self._cancelled.is_set():
            raise TaskCancelled


class Task(QObject):
    """One piece of work, seen from the GUI thread.

    Signals:
        progress(done, total): the work reported progress.
        succeeded(result): the work returned ``result``.
        failed(error): the work raised ``error`` (an exception, with its ``__traceback__``).
        cancelled(): the work stopped because :meth:`cancel` was called.
        finished(): after exactly one of the three above.
    """

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    _done_in_worker = Signal(object, object)  # (result, error) — queued to the GUI thread

    def __init__(self, fn: Callable[[TaskState], Any], *, name: str = "") -> None:
        super().__init__()
        self.name = name or getattr(fn, "__name__", "task")
        self._fn = fn
        self.state = TaskState(self.progress.emit)
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self._done_in_worker.connect(self._on_worker_done)

    def cancel(self) -> None:
        """Ask the work to stop; it is reported as ``cancelled`` if it does."""
        self.state.cancel()

    def run_in_worker(self) -> None:
        """The body of the runnable: never lets an exception escape unreported."""
        result: Any = None
        error: BaseException | None = None
        try:
            result = self._fn(self.state)
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            error = exc
        self._done_in_worker.emit(result, error)

    @Slot(object, object)
    def _on_worker_done(self, result: Any, error: BaseException | None) -> None:
        self.done = True
        if isinstance(error, TaskCancelled):
            self.was_cancelled = True
            self.cancelled.emit()
        elif error is not None:
            self.error = error
            log.info("task %s failed: %r", self.name, error)
            self.failed.emit(error)
        else:
            self.result = result
            self.succeeded.emit(result)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run_in_worker()


class TaskRunner(QObject):
    """Starts tasks on its own thread pool and keeps them alive until they report back.

    Signals:
        busy_changed(busy): whether any task is running.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def start(self, fn: Callable[[TaskState], Any], *, name: str = "") -> Task:
        task = Task(fn, name=name)
        self._running.add(task)
        task.finished.connect(lambda: self._on_task_finished(task))
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Runnable(task))
        return task

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def running(self) -> list[Task]:
        return list(self._running)

    def cancel_all(self) -> None:
        for task in self._running:
            task.cancel()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel everything and wait for the workers (at exit only). True if they stopped."""
        self.cancel_all()
        return self._pool.waitForDone(timeout_ms)

    def _on_task_finished(self, task: Task) -> None:
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)
