"""Every text the code marks for translation has a finished Russian translation, and the
committed .qm is the compiled committed .ts.

When this fails after you added a message: run ``.venv/bin/python scripts/update_translations.py``,
translate the new entries in ``resources/translations/crm_desktop_ru.ts`` (Qt Linguist or the XML),
and run the script again to compile the .qm.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from crm_desktop.errors import ValidationError
from crm_desktop.services import validation
from crm_desktop.views import messages

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "update_translations.py"
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = load_script()
TS_FILE: Path = update.TS_FILE
QM_FILE: Path = update.QM_FILE


def read_ts(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → <message> element."""
    entries = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            entries[(name, message.findtext("source", ""))] = message
    return entries


def translation_texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    if forms:
        return [f.text or "" for f in forms]
    return [translation.text or ""]


@pytest.fixture(scope="module")
def in_code(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ET.Element]:
    """What lupdate finds in the code right now (a fresh .ts, not the committed one)."""
    fresh = tmp_path_factory.mktemp("ts") / "fresh_ru.ts"
    update.run_lupdate(fresh)
    return read_ts(fresh)


@pytest.fixture(scope="module")
def committed() -> dict[tuple[str, str], ET.Element]:
    return read_ts(TS_FILE)


def test_lupdate_finds_the_ui_and_the_service_messages(in_code):
    contexts = {context for context, _ in in_code}
    assert {"MainWindow", "Sections", "ClientColumns", "UserErrors"} <= contexts
    assert ("UserErrors", "Cannot open the database {url}: {detail}") in in_code
    assert len([k for k in in_code if k[0] == "UserErrors"]) >= 20


def test_every_text_in_the_code_has_a_finished_russian_translation(in_code, committed):
    problems = []
    for key, message in sorted(in_code.items()):
        context, source = key
        entry = committed.get(key)
        if entry is None:
            problems.append(f"not in the .ts: [{context}] {source!r}")
            continue
        translation = entry.find("translation")
        kind = None if translation is None else translation.get("type")
        texts = translation_texts(entry)
        if kind in ("unfinished", "vanished", "obsolete") or not texts:
            problems.append(f"unfinished: [{context}] {source!r}")
            continue
        if not all(t.strip() for t in texts):
            problems.append(f"empty: [{context}] {source!r}")
            continue
        numerus = message.get("numerus") == "yes"
        if numerus and len(texts) != 3:
            problems.append(f"Russian needs 3 plural forms: [{context}] {source!r}")
        for text in texts:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"placeholders differ: [{context}] {source!r} → {text!r}")
            if numerus and "%n" not in text:
                problems.append(f"%n missing: [{context}] {source!r} → {text!r}")
            if source.count("&") != text.count("&"):
                problems.append(f"accelerator differs: [{context}] {source!r} → {text!r}")
            if text == source and re.search("[A-Za-z]{3}", PLACEHOLDER.sub("", source)):
                problems.append(f"left in English: [{context}] {source!r}")
    assert not problems, "\n".join(problems)


def test_the_ts_has_no_texts_the_code_no_longer_has(in_code, committed):
    stale = sorted(set(committed) - set(in_code))
    assert not stale, f"run scripts/update_translations.py (it drops obsolete texts): {stale}"


def test_the_committed_qm_is_the_compiled_ts(tmp_path):
    assert QM_FILE.exists(), "run scripts/update_translations.py"
    rebuilt = tmp_path / "rebuilt.qm"
    update.run_lrelease(TS_FILE, rebuilt)
    assert rebuilt.read_bytes() == QM_FILE.read_bytes(), "run scripts/update_translations.py"


@pytest.fixture
def russian(qapp):
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_the_qm_translates(russian):
    tr = QCoreApplication.translate
    assert tr("Sections", "Clients") == "Клиенты"
    assert tr("Sections", "Contacts") == "Контактные лица"
    assert tr("Sections", "Catalogue") == "Номенклатура"
    assert tr("MainWindow", "Clients: {count}").format(count=7) == "Клиентов: 7"
    offer = "The database is empty. Load demo data (%n companies) to try the program?"
    assert "300 компаний" in tr("DemoOffer", offer, None, 300)
    assert "2 компании" in tr("DemoOffer", offer, None, 2)
    assert "21 компания" in tr("DemoOffer", offer, None, 21)


def test_a_service_error_reaches_the_user_in_russian(russian):
    with pytest.raises(ValidationError) as caught:
        validation.normalize_inn("7707083894")  # Sberbank's INN with a wrong check digit
    text = messages.user_message(caught.value)
    assert text.startswith("Неверное контрольное число ИНН")


def test_parameters_are_filled_in_after_translation(russian):
    with pytest.raises(ValidationError) as caught:
        validation.clean_text("x" * 300, field="name", max_length=255)
    text = messages.user_message(caught.value)
    assert "300" in text
    assert "255" in text
    assert "{" not in text
