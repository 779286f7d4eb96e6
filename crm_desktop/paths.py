"""Where the app keeps its files, and where its shipped data (migrations, resources) lies."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from crm_desktop import APP_NAME

_PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE_DIR.parent


def shipped_dir(name: str) -> Path:
    """``migrations`` or ``resources``: inside the installed wheel, else in the source tree."""
    for candidate in (_PACKAGE_DIR / name, _SOURCE_ROOT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"{name}/ is neither in the package nor in the source tree")


def user_data_dir() -> Path:
    """The per-user data directory (the embedded database, its backups)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return user_data_dir() / "crm.sqlite3"


def backup_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
