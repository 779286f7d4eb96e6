"""The Qt binding must not leak references: PySide6 6.12.0 on Python 3.11 aborted the
interpreter after some thousands of calls (see pyproject.toml)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    class Emitter(QObject):
        changed = Signal(int)

    app = QApplication([])
    emitter = Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for n in range(30_000):
        app.processEvents()
        emitter.setObjectName("x")
        emitter.changed.emit(n)
    print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
    """
)


def test_void_calls_and_emits_keep_none_and_true_alive():
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    none_delta, true_delta = (int(x) for x in out.stdout.split())
    assert abs(none_delta) < 1000 and abs(true_delta) < 1000, out.stdout
