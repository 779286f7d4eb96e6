#!/usr/bin/env python3
"""Set up and run crm-desktop from a source checkout — the two commands of the README.

    python3 dev.py app [crm-desktop args]   start the desktop app (embedded SQLite by default)
    python3 dev.py test [pytest args]       ruff, mypy, import-linter, then the whole test suite

Both create ``.venv`` on first use and (re)install the project into it whenever
``pyproject.toml`` changes. Only the Python standard library is used here.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("CRM_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".crm-desktop-installed"


def _run(*args: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)


def _check(*args: str | Path) -> None:
    code = _run(*args)
    if code:
        sys.exit(code)


def ensure_venv(extras: str) -> None:
    """Create the venv and install the project (with ``extras``) when anything changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be run by an older python3
        sys.exit("crm-desktop needs Python 3.11 or newer")
    if not PYTHON.exists():
        print(f"creating {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    project = (ROOT / "pyproject.toml").read_bytes()
    wanted = hashlib.sha256(project + extras.encode()).hexdigest()
    with_tests = hashlib.sha256(project + b"test").hexdigest()
    have = STAMP.read_text().split() if STAMP.exists() else []
    if wanted in have or with_tests in have:  # the test install includes the app's
        return
    print("installing crm-desktop and its dependencies into .venv …", flush=True)
    _check(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    _check(PYTHON, "-m", "pip", "install", "--quiet", "--editable", target)
    STAMP.write_text("\n".join([*have, wanted]) + "\n")


def cmd_app(args: list[str]) -> int:
    ensure_venv("")
    return _run(BIN / "crm-desktop", *args)


def cmd_test(args: list[str]) -> int:
    ensure_venv("test")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    steps: list[tuple[str, list[str | Path]]] = [
        ("ruff check", [BIN / "ruff", "check", "."]),
        ("ruff format --check", [BIN / "ruff", "format", "--check", "."]),
        ("mypy", [BIN / "mypy"]),
        ("import-linter", [BIN / "lint-imports", "--no-cache"]),
    ]
    for title, command in steps:
        print(f"=== {title}", flush=True)
        code = _run(*command, env=env)
        if code:
            print(f"=== {title} failed", flush=True)
            return code
    print("=== pytest", flush=True)
    return _run(PYTHON, "-m", "pytest", *args, env=env)


def main() -> int:
    commands = {"app": cmd_app, "test": cmd_test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
