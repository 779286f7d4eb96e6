"""Settings → Our companies on both backends: a company typed in and saved is stored; a bad
INN is shown under the INN field and nothing is stored; a manager only looks; the logo, the
default mark, deleting, a stale save and unsaved changes when the dialog closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage

from crm_desktop.services import companies as co
from crm_desktop.services.users import ensure_user
from crm_desktop.views.cards.dialogs import Confirm, UnsavedChanges
from crm_desktop.views.dialogs.companies import OwnCompaniesTab
from crm_desktop.views.dialogs.settings import SettingsDialog

VECTOR = {
    "short_name": "ООО «Вектор»",
    "full_name": "Общество с ограниченной ответственностью «Вектор»",
    "inn": "7707083893",
    "kpp": "773601001",
    "ogrn": "1027700132195",
    "legal_address": "г. Москва, ул. Вавилова, д. 19",
    "phone": "+7 495 500-55-50",
    "email": "info@vector.example",
    "bank_name": "ПАО Сбербанк",
    "bik": "044525225",
    "account": "40702810938000000001",
    "corr_account": "30101810400000000225",
    "director_title": "Генеральный директор",
    "director_name": "Иванов Иван Иванович",
}


def vector_draft(**changes) -> co.OwnCompanyDraft:
    values = {k: VECTOR[k] for k in ("short_name", "full_name", "inn", "kpp")}
    values |= {"legal_address": VECTOR["legal_address"], "director_name": "Иванов И. И."}
    return co.OwnCompanyDraft(**(values | changes))


def make_tab(qtbot, db, actor) -> OwnCompaniesTab:
    tab = OwnCompaniesTab(db, actor)
    qtbot.addWidget(tab)
    tab.resize(900, 650)
    tab.show()
    return tab


def fill(tab: OwnCompaniesTab, values: dict[str, str]) -> None:
    for name, text in values.items():
        edit = tab.edits[name]
        edit.setText(text)
        edit.textEdited.emit(text)  # as if typed: the form is dirty


def tiny_png(path, color: str = "#1565c0") -> bytes:
    image = QImage(8, 4, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path), "PNG")
    return path.read_bytes()


def test_a_company_typed_in_and_saved_is_stored(qtbot, db, actor):
    tab = make_tab(qtbot, db, actor)
    assert tab.is_new()  # nothing yet: an empty form for the first company
    assert tab.company_list.count() == 0
    assert tab.edits["director_title"].text() == "Генеральный директор"
    assert tab.default_box.isChecked()
    assert not tab.delete_button.isEnabled()
    fill(tab, VECTOR)
    assert tab.is_dirty()
    with qtbot.waitSignal(tab.saved) as blocker:
        tab.save_button.click()
    [stored] = co.list_companies(db)
    assert blocker.args == [stored.id]
    draft = stored.draft
    assert (draft.short_name, draft.inn, draft.kpp, draft.ogrn) == (
        "ООО «Вектор»",
        "7707083893",
        "773601001",
        "1027700132195",
    )
    assert (draft.bik, draft.account, draft.corr_account) == (
        "044525225",
        "40702810938000000001",
        "30101810400000000225",
    )
    assert draft.email == "info@vector.example"
    assert draft.director_name == "Иванов Иван Иванович"
    assert draft.is_default
    assert draft.logo is None
    assert tab.record_id == stored.id
    assert not tab.is_dirty()
    assert tab.status.text() == "Saved."
    assert tab.company_list.count() == 1
    assert tab.company_list.currentItem().text() == "ООО «Вектор» (default)"
    assert tab.delete_button.isEnabled()

    # a change to it is an update of the same company
    fill(
        tab,
        {"bank_name": "АО «Альфа-Банк»", "bik": "044525593", "account": "", "corr_account": ""},
    )
    assert tab.save()
    [updated] = co.list_companies(db)
    assert updated.id == stored.id
    assert updated.version > stored.version
    assert (updated.draft.bank_name, updated.draft.bik, updated.draft.account) == (
        "АО «Альфа-Банк»",
        "044525593",
        None,
    )


def test_a_bad_inn_is_shown_under_the_inn_and_nothing_is_stored(qtbot, db, actor):
    tab = make_tab(qtbot, db, actor)
    fill(tab, VECTOR | {"inn": "7707083894"})  # wrong check digit
    tab.save_button.click()
    assert co.list_companies(db) == []
    inn_error = tab.errors.label("inn")
    assert inn_error is not None
    assert inn_error.isVisible()
    assert inn_error.text() == tab.errors.text("inn") != ""
    assert "INN" in inn_error.text()
    assert tab.edits["inn"].toolTip() == inn_error.text()  # framed in red, message as tooltip
    assert tab.errors.text("short_name") == ""
    assert tab.errors.text("kpp") == ""
    assert not tab.errors.general.isVisible()
    assert tab.is_new()
    assert tab.is_dirty()  # what was typed is still there
    assert tab.edits["short_name"].text() == "ООО «Вектор»"

    fill(tab, {"inn": "7707083893"})
    assert tab.save()
    assert tab.errors.text("inn") == ""
    assert tab.edits["inn"].toolTip() == ""
    assert [c.draft.inn for c in co.list_companies(db)] == ["7707083893"]


def test_a_manager_sees_the_requisites_read_only(qtbot, db, actor):
    co.create_company(db, actor, vector_draft())
    manager = ensure_user(db, "petrov", "Петров")
    assert not manager.is_supervisor
    tab = make_tab(qtbot, db, manager)
    assert tab.read_only
    assert tab.read_only_hint.isVisible()
    assert "Only a supervisor" in tab.read_only_hint.text()
    assert tab.edits["short_name"].text() == "ООО «Вектор»"
    assert all(edit.isReadOnly() for edit in tab.edits.values())
    for button in (
        tab.new_button,
        tab.save_button,
        tab.delete_button,
        tab.choose_logo_button,
        tab.remove_logo_button,
        tab.default_box,
    ):
        assert not button.isEnabled(), button.objectName()
    assert not tab.save()
    assert not tab.start_new()

    supervisor_tab = make_tab(qtbot, db, actor)
    assert not supervisor_tab.read_only_hint.isVisible()
    assert not supervisor_tab.edits["inn"].isReadOnly()
    assert supervisor_tab.save_button.isEnabled()


def test_the_logo_is_chosen_previewed_saved_and_removed(qtbot, db, actor, tmp_path, monkeypatch):
    tab = make_tab(qtbot, db, actor)
    fill(tab, VECTOR)
    assert tab.logo_preview.text() == "No logo"
    assert not tab.remove_logo_button.isEnabled()
    png = tiny_png(tmp_path / "logo.png")
    assert tab.load_logo(tmp_path / "logo.png")
    assert tab.logo == png
    assert not tab.logo_preview.pixmap().isNull()
    assert tab.remove_logo_button.isEnabled()
    assert tab.save()
    assert co.list_companies(db)[0].draft.logo == png

    # not a picture: said under the logo, the logo stays as it was
    (tmp_path / "notes.png").write_text("not a picture")
    assert not tab.load_logo(tmp_path / "notes.png")
    assert tab.logo_error.isVisible()
    assert tab.logo_error.text() == "The logo must be a PNG or JPEG picture."
    assert tab.logo == png
    assert not tab.load_logo(tmp_path / "missing.png")
    assert tab.logo_error.text().startswith("Cannot read ")

    # the Choose… button asks for a file through choose_logo_file
    other = tiny_png(tmp_path / "other.png", "#c62828")
    monkeypatch.setattr(
        OwnCompaniesTab, "choose_logo_file", classmethod(lambda cls, p: str(tmp_path / "other.png"))
    )
    tab.choose_logo_button.click()
    assert tab.logo == other
    assert not tab.logo_error.isVisible()
    assert tab.is_dirty()

    tab.remove_logo_button.click()
    assert tab.logo is None
    assert tab.logo_preview.text() == "No logo"
    assert tab.save()
    assert co.list_companies(db)[0].draft.logo is None


def test_the_default_company_is_marked_and_moves(qtbot, db, actor):
    first = co.create_company(db, actor, vector_draft())
    co.create_company(
        db,
        actor,
        vector_draft(short_name="ИП Петров", inn="500100732259", kpp=None, full_name="ИП Петров"),
    )
    tab = make_tab(qtbot, db, actor)
    texts = [tab.company_list.item(i).text() for i in range(tab.company_list.count())]
    assert texts == ["ООО «Вектор» (default)", "ИП Петров"]
    assert tab.record_id == first.id  # the default one is shown first
    assert tab.company_list.item(0).font().bold()
    tab.company_list.setCurrentRow(1)
    assert tab.edits["short_name"].text() == "ИП Петров"
    assert not tab.default_box.isChecked()
    tab.default_box.setChecked(True)
    assert tab.save()
    texts = [tab.company_list.item(i).text() for i in range(tab.company_list.count())]
    assert texts == ["ИП Петров (default)", "ООО «Вектор»"]
    assert tab.edits["short_name"].text() == "ИП Петров"  # still the one just saved
    assert [c.draft.is_default for c in co.list_companies(db)] == [True, False]


def test_delete_asks_first(qtbot, db, actor, monkeypatch):
    co.create_company(db, actor, vector_draft())
    tab = make_tab(qtbot, db, actor)
    questions = []

    def answer(value):
        def ask(cls, parent, title, text):
            questions.append(text)
            return value

        return classmethod(ask)

    monkeypatch.setattr(Confirm, "ask", answer(False))
    tab.delete_button.click()
    assert len(co.list_companies(db)) == 1
    assert questions[0].startswith("Delete «ООО «Вектор»»?")

    monkeypatch.setattr(Confirm, "ask", answer(True))
    with qtbot.waitSignal(tab.deleted):
        tab.delete_button.click()
    assert co.list_companies(db) == []
    assert tab.company_list.count() == 0
    assert tab.is_new()
    assert tab.edits["short_name"].text() == ""


def test_a_stale_save_reloads_with_a_message(qtbot, db, actor):
    co.create_company(db, actor, vector_draft())
    mine = make_tab(qtbot, db, actor)
    theirs = make_tab(qtbot, db, actor)
    fill(theirs, {"legal_address": "г. Москва, ул. Тверская, д. 1"})
    assert theirs.save()
    fill(mine, {"director_name": "Сидоров С. С."})
    assert not mine.save()
    assert mine.notice.isVisible()
    assert "changed this company" in mine.notice.text.text()
    assert "Their version is shown now" in mine.notice.text.text()
    assert mine.edits["legal_address"].text() == "г. Москва, ул. Тверская, д. 1"
    assert mine.edits["director_name"].text() == "Иванов И. И."
    assert not mine.is_dirty()
    fill(mine, {"director_name": "Сидоров С. С."})
    assert mine.save()  # with the fresh version it goes through
    assert not mine.notice.isVisible()
    assert co.list_companies(db)[0].draft.director_name == "Сидоров С. С."


def test_switching_companies_with_changes_asks(qtbot, db, actor, monkeypatch):
    co.create_company(db, actor, vector_draft())
    co.create_company(db, actor, vector_draft(short_name="ИП Петров", inn="500100732259", kpp=None))
    tab = make_tab(qtbot, db, actor)
    fill(tab, {"phone": "+7 495 111-22-33"})
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, p, title, text: False))
    tab.company_list.setCurrentRow(1)
    assert tab.company_list.currentRow() == 0  # stayed
    assert tab.edits["phone"].text() == "+7 495 111-22-33"
    assert not tab.start_new()
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, p, title, text: True))
    tab.company_list.setCurrentRow(1)
    assert tab.edits["short_name"].text() == "ИП Петров"
    assert not tab.is_dirty()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_settings_dialog_asks_about_unsaved_company_changes(
    qtbot, db, actor, tmp_path, monkeypatch
):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(db, actor, settings)
    qtbot.addWidget(dialog)
    assert dialog.tabs.indexOf(dialog.companies_tab) >= 0
    fill(dialog.companies_tab, VECTOR)
    answers = iter(["cancel", "save"])
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda cls, p, title: next(answers)))
    dialog.tabs.setCurrentWidget(dialog.language_tab)
    assert not dialog.save()  # "stay"
    assert dialog.tabs.currentWidget() is dialog.companies_tab
    assert co.list_companies(db) == []
    assert dialog.save()  # "save": the company is saved, then the workstation settings
    assert [c.draft.short_name for c in co.list_companies(db)] == ["ООО «Вектор»"]
