"""Collect the UI's texts into the Russian .ts file and compile it to .qm.

    .venv/bin/python scripts/update_translations.py            # lupdate + lrelease
    .venv/bin/python scripts/update_translations.py --check    # fail if anything is untranslated

``pyside6-lupdate`` reads every ``crm_desktop/**/*.py``: ``self.tr(...)``,
``QCoreApplication.translate(...)`` and ``QT_TRANSLATE_NOOP(...)`` (the service error messages in
the ``UserErrors`` context included) into ``resources/translations/crm_desktop_ru.ts``, keeping
the translations already there and dropping texts no longer in the code (``-no-obsolete``).
Translate new entries with Qt Linguist (``pyside6-linguist``) or in the XML, then run this again:
``pyside6-lrelease`` compiles the .qm the app loads. Both files are committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "crm_desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS / "crm_desktop_ru.ts"
QM_FILE = TRANSLATIONS / "crm_desktop_ru.qm"


def tool(name: str) -> str:
    """A PySide6 tool from this interpreter's environment, else from PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def source_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def run_lupdate(ts_file: Path, *, files: list[Path] | None = None) -> None:
    """Update (or create) ``ts_file`` from the sources; obsolete entries are dropped."""
    files = files if files is not None else source_files()
    args = [
        tool("pyside6-lupdate"),
        *(str(f.relative_to(ROOT)) for f in files),
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        "ru_RU",
        "-silent",
        "-ts",
        str(ts_file),
    ]
    subprocess.run(args, cwd=ROOT, check=True)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    args = [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(args, cwd=ROOT, check=True)


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every entry without a finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else translation.findall("numerusform")
            texts = (
                [f.text or "" for f in forms]
                if forms
                else ["" if translation is None else translation.text or ""]
            )
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not all(t.strip() for t in texts)
            ):
                missing.append((name, message.findtext("source", "")))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if any text has no finished translation"
    )
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    run_lupdate(TS_FILE)
    run_lrelease(TS_FILE, QM_FILE)
    missing = unfinished(TS_FILE)
    for context, source in missing:
        print(f"untranslated [{context}] {source}")
    print(f"{TS_FILE.relative_to(ROOT)}: {len(missing)} untranslated; {QM_FILE.name} written")
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
