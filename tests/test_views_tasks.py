"""The worker runner: results, errors and progress come back to the GUI thread; cancel works."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from crm_desktop.views.tasks import TaskCancelled, TaskRunner, TaskState

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def runner(qapp):
    runner = TaskRunner(max_threads=1)
    yield runner
    runner.shutdown(10_000)


def test_result_comes_back_on_the_gui_thread(qtbot, runner):
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(state: TaskState) -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    task = runner.start(work)
    assert runner.busy

    def on_succeeded(result: object) -> None:
        seen["result"] = result
        seen["slot_on_gui"] = QThread.currentThread() is gui_thread

    task.succeeded.connect(on_succeeded)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert task.done
    assert task.result == 42
    assert task.error is None
    assert seen == {"worker": True, "result": 42, "slot_on_gui": True}
    assert not runner.busy


def test_an_exception_is_delivered_not_lost(qtbot, runner):
    def work(state: TaskState) -> None:
        raise KeyError("boom")

    task = runner.start(work)
    with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
        pass
    error = blocker.args[0]
    assert isinstance(error, KeyError)
    assert error.__traceback__ is not None
    qtbot.waitUntil(lambda: task.done)
    assert task.error is error
    assert not task.was_cancelled


def test_progress_is_reported(qtbot, runner):
    reports: list[tuple[int, int]] = []

    def work(state: TaskState) -> str:
        for i in range(1, 6):
            state.progress(i, 5)
        return "ok"

    task = runner.start(work)
    task.progress.connect(lambda done, total: reports.append((done, total)))
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert reports  # throttled, but the last one always comes through
    assert reports[-1] == (5, 5)


def test_cancel_stops_the_work(qtbot, runner):
    started = threading.Event()

    def work(state: TaskState) -> None:
        started.set()
        while True:
            state.check_cancelled()
            QThread.msleep(5)

    task = runner.start(work)
    assert started.wait(10)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        task.cancel()
    qtbot.waitUntil(lambda: task.done)
    assert task.was_cancelled
    assert task.error is None


def test_work_that_returns_early_when_cancelled_succeeds_with_its_result(qtbot, runner):
    gate = threading.Event()

    def work(state: TaskState) -> int:
        gate.wait(10)
        return -1 if state.is_cancelled() else 1

    task = runner.start(work)
    task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert task.result == -1


def test_tasks_run_one_after_another_on_a_single_thread_runner(qtbot, runner):
    order: list[int] = []
    lock = threading.Lock()

    def make(n: int):
        def work(state: TaskState) -> None:
            with lock:
                order.append(n)

        return work

    tasks = [runner.start(make(n)) for n in range(5)]
    qtbot.waitUntil(lambda: all(t.done for t in tasks), timeout=10_000)
    assert order == [0, 1, 2, 3, 4]


def test_task_cancelled_is_an_exception_for_loops():
    state = TaskState(lambda done, total: None)
    state.check_cancelled()
    state.cancel()
    with pytest.raises(TaskCancelled):
        state.check_cancelled()
