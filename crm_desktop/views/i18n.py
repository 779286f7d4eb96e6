"""The UI language: Russian when the system speaks it or the user chose it, else English.

The choice is QSettings ``ui/language`` ("ru" or "en"); without it the system locale decides.
Russian installs our translations (``resources/translations/crm_desktop_ru.qm``) and Qt's own
(``qtbase_ru.qm``: standard buttons, context menus).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from crm_desktop.paths import shipped_dir

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"
LANGUAGES = ("ru", "en")
QM_BASENAME = "crm_desktop"


def translations_dir() -> Path:
    return shipped_dir("resources") / "translations"


def choose_language(settings: QSettings, system: QLocale | None = None) -> str:
    """The UI language, "ru" or "en": the user's setting, else the system locale's."""
    chosen = str(settings.value(LANGUAGE_KEY, "") or "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    system = system or QLocale.system()
    return "ru" if system.language() == QLocale.Language.Russian else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load and install the translators for ``language``; returns them (keep them alive).

    Also makes that language's locale the default for numbers and dates.
    """
    if language == "ru":
        QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    elif QLocale.system().language() == QLocale.Language.Russian:  # English on a Russian system
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if language != "ru":
        return []
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (
        ("qtbase_ru", qt_dir),
        (f"{QM_BASENAME}_ru", str(translations_dir())),
    ):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("no translation %s.qm in %s", name, directory)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
