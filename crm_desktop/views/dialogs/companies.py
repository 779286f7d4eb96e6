"""Settings → Our companies: the seller's requisites printed on commercial proposals.

Unlike the rest of the Settings dialog (this workstation's settings, saved with the dialog's
Save), our companies live in the database and are shared by the whole office: the tab saves each
company with its own "Save company" button, in one service call. Only a supervisor (or an admin)
may change them; anyone else sees the requisites read-only.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, Signal, Slot
from PySide6.QtGui import QFont, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import (
    QT_TRANSLATE_NOOP,
    ConcurrencyError,
    NotFoundError,
    UserError,
    ValidationError,
)
from crm_desktop.services import companies
from crm_desktop.services.companies import OwnCompanyDetails, OwnCompanyDraft
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.cards.dialogs import Confirm, UnsavedChanges
from crm_desktop.views.dialogs.mail import OK_COLOR
from crm_desktop.views.widgets.fields import Banner, ErrorLabel, mark_invalid
from crm_desktop.views.wizards.fields import FieldErrors, make_hint

ID_ROLE = Qt.ItemDataRole.UserRole
LOGO_PREVIEW_SIZE = (200, 80)
LOGO_FORMATS = (b"png", b"jpeg", b"jpg")

# the text fields of the form, by group: (draft field, label)
COMPANY_FIELDS = (
    ("short_name", QT_TRANSLATE_NOOP("OwnCompaniesTab", "Short name:")),
    ("full_name", QT_TRANSLATE_NOOP("OwnCompaniesTab", "Full name:")),
    ("inn", QT_TRANSLATE_NOOP("OwnCompaniesTab", "INN:")),
    ("kpp", QT_TRANSLATE_NOOP("OwnCompaniesTab", "KPP:")),
    ("ogrn", QT_TRANSLATE_NOOP("OwnCompaniesTab", "OGRN:")),
    ("legal_address", QT_TRANSLATE_NOOP("OwnCompaniesTab", "Legal address:")),
    ("phone", QT_TRANSLATE_NOOP("OwnCompaniesTab", "Phone:")),
    ("email", QT_TRANSLATE_NOOP("OwnCompaniesTab", "E-mail:")),
)
BANK_FIELDS = (
    ("bank_name", QT_TRANSLATE_NOOP("OwnCompaniesTab", "Bank:")),
    ("bik", QT_TRANSLATE_NOOP("OwnCompaniesTab", "BIK:")),
    ("account", QT_TRANSLATE_NOOP("OwnCompaniesTab", "Settlement account:")),
    ("corr_account", QT_TRANSLATE_NOOP("OwnCompaniesTab", "Correspondent account:")),
)
SIGNATURE_FIELDS = (
    ("director_title", QT_TRANSLATE_NOOP("OwnCompaniesTab", "Director's position:")),
    ("director_name", QT_TRANSLATE_NOOP("OwnCompaniesTab", "Director:")),
)
DEFAULT_DIRECTOR_TITLE = OwnCompanyDraft("", "", "", "", "").director_title


def image_format(data: bytes) -> bytes:
    """The picture format Qt reads in ``data`` (b"png", b"jpeg"…), b"" if it is no picture."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return b""
    reader = QImageReader(buffer)
    if not reader.canRead():
        return b""
    return bytes(reader.format().data()).lower()


class OwnCompaniesTab(QWidget):
    """The list of our companies on the left, the chosen company's requisites on the right.

    Signals:
        saved(id): a company was saved (created or changed).
        deleted(id): a company was deleted.
    """

    saved = Signal(object)
    deleted = Signal(object)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.read_only = not actor.is_supervisor
        self.record_id: uuid.UUID | None = None
        self.version: int | None = None
        self.logo: bytes | None = None
        self.details: list[OwnCompanyDetails] = []
        self._dirty = False
        self._loading = False
        self.setObjectName("ownCompaniesTab")
        self._build()
        self.reload()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "Our companies are kept in the database and shared by everyone in the office. "
                "Each company is saved at once with «Save company»; the dialog's Save and Cancel "
                "buttons do not apply to them."
            ),
            self,
        )
        intro.setObjectName("companiesIntro")
        make_hint(intro)
        self.read_only_hint = QLabel(
            self.tr(
                "Only a supervisor can change our companies' requisites; you can look at them."
            ),
            self,
        )
        self.read_only_hint.setObjectName("readOnlyHint")
        self.read_only_hint.setWordWrap(True)
        self.read_only_hint.setVisible(self.read_only)
        font = self.read_only_hint.font()
        font.setBold(True)
        self.read_only_hint.setFont(font)
        self.notice = Banner(self)
        self.notice.setObjectName("companiesNotice")

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._list_pane(splitter))
        splitter.addWidget(self._form_pane(splitter))
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 600])

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.read_only_hint)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)

    def _list_pane(self, parent: QWidget) -> QWidget:
        pane = QWidget(parent)
        self.company_list = QListWidget(pane)
        self.company_list.setObjectName("companyList")
        self.company_list.setMinimumWidth(160)
        self.company_list.currentItemChanged.connect(self._on_current_item_changed)
        self.new_button = QPushButton(self.tr("New"), pane)
        self.new_button.setObjectName("newCompany")
        self.new_button.setToolTip(self.tr("Enter the requisites of another company of ours"))
        self.delete_button = QPushButton(self.tr("Delete…"), pane)
        self.delete_button.setObjectName("deleteCompany")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.company_list, 1)
        layout.addLayout(buttons)
        return pane

    def _form_pane(self, parent: QWidget) -> QWidget:
        pane = QWidget(parent)
        scroll = QScrollArea(pane)
        scroll.setObjectName("companyScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_box = QWidget(scroll)
        self.errors = FieldErrors(ErrorLabel(pane))
        self.edits: dict[str, QLineEdit] = {}
        company = self._group(form_box, self.tr("Company"), COMPANY_FIELDS)
        bank = self._group(form_box, self.tr("Bank"), BANK_FIELDS)
        signature = self._group(form_box, self.tr("Signature on proposals"), SIGNATURE_FIELDS)
        self.edits["inn"].setMaxLength(12)
        self.edits["kpp"].setMaxLength(9)
        self.edits["ogrn"].setMaxLength(15)
        self.edits["bik"].setMaxLength(9)
        if not self.read_only:  # a sample in a read-only field would pass for data
            self.edits["email"].setPlaceholderText("info@company.ru")
            self.edits["phone"].setPlaceholderText("+7 495 123-45-67")
        # one label column for all the groups, so that their fields line up
        labels = [g.findChildren(QLabel) for g in (company, bank, signature)]
        width = max(label.sizeHint().width() for group in labels for label in group)
        for group in labels:
            for label in group:
                if label.buddy() is not None:
                    label.setMinimumWidth(width)
        form_layout = QVBoxLayout(form_box)
        form_layout.setContentsMargins(0, 0, 8, 6)
        form_layout.addWidget(company)
        form_layout.addWidget(bank)
        form_layout.addWidget(signature)
        form_layout.addWidget(self._logo_group(form_box))
        form_layout.addStretch(1)
        scroll.setWidget(form_box)

        self.save_button = QPushButton(self.tr("Save company"), pane)
        self.save_button.setObjectName("saveCompany")
        self.save_button.setToolTip(self.tr("Save this company's requisites in the database now"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.default_box = QCheckBox(self.tr("Default for new proposals"), pane)
        self.default_box.setObjectName("isDefault")
        self.default_box.setToolTip(
            self.tr("New proposals are made out from this company unless another is chosen")
        )
        self.default_box.toggled.connect(self._on_edited)
        self.status = QLabel(pane)
        self.status.setObjectName("companyStatus")
        self.status.setStyleSheet(f"color: {OK_COLOR};")
        commands = QHBoxLayout()
        commands.addWidget(self.default_box)
        commands.addSpacing(12)
        commands.addWidget(self.status, 1)
        commands.addWidget(self.save_button)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors.general)
        layout.addLayout(commands)
        return pane

    def _group(self, parent: QWidget, title: str, fields: tuple[tuple[str, str], ...]) -> QGroupBox:
        group = QGroupBox(title, parent)
        form = QFormLayout(group)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for name, label in fields:
            edit = QLineEdit(group)
            edit.setObjectName(name)
            edit.setReadOnly(self.read_only)
            edit.textEdited.connect(self._on_edited)
            self.edits[name] = edit
            self.errors.add_row(form, QLabel(self.tr(label), group), edit, name)
        return group

    def _logo_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Logo"), parent)
        self.logo_preview = QLabel(group)
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(*LOGO_PREVIEW_SIZE)
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_logo_button = QPushButton(self.tr("Choose…"), group)
        self.choose_logo_button.setObjectName("chooseLogo")
        self.remove_logo_button = QPushButton(self.tr("Remove"), group)
        self.remove_logo_button.setObjectName("removeLogo")
        self.choose_logo_button.clicked.connect(self._on_choose_logo_button_clicked)
        self.remove_logo_button.clicked.connect(self._on_remove_logo_button_clicked)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_logo_button)
        buttons.addWidget(self.remove_logo_button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr("A PNG or JPEG picture up to 1 MB, printed at the top of proposals."), group
        )
        make_hint(hint)
        self.logo_error = ErrorLabel(group)
        self.errors.register(self.logo_error, self.choose_logo_button, "logo")
        side = QVBoxLayout()
        side.addWidget(hint)
        side.addWidget(self.logo_error)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.logo_preview, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(buttons)
        row.addLayout(side, 1)
        layout = QVBoxLayout(group)
        layout.addLayout(row)
        return group

    # --- state ---------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self._dirty

    def is_new(self) -> bool:
        return self.record_id is None

    @Slot()
    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True
            self.status.clear()

    def _update_buttons(self) -> None:
        writable = not self.read_only
        self.new_button.setEnabled(writable)
        self.save_button.setEnabled(writable)
        self.delete_button.setEnabled(writable and self.record_id is not None)
        self.default_box.setEnabled(writable)
        self.choose_logo_button.setEnabled(writable)
        self.remove_logo_button.setEnabled(writable and self.logo is not None)

    # --- reading -------------------------------------------------------------------------------

    def reload(self, select: uuid.UUID | None = None) -> bool:
        """Read the companies again and show ``select`` (or the one shown, or the first)."""
        try:
            self.details = companies.list_companies(self.db)
        except UserError as error:
            self.errors.show_general(messages.user_message(error))
            return False
        wanted = select or self.record_id
        self._loading = True
        try:
            self.company_list.clear()
            current: QListWidgetItem | None = None
            for details in self.details:
                item = QListWidgetItem(self._list_text(details), self.company_list)
                item.setData(ID_ROLE, details.id)
                item.setToolTip(details.draft.full_name)
                if details.draft.is_default:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                if details.id == wanted:
                    current = item
            if current is None and self.company_list.count():
                current = self.company_list.item(0)
            if current is None:
                self.company_list.setCurrentRow(-1)
            else:
                self.company_list.setCurrentItem(current)
        finally:
            self._loading = False
        if current is None:
            self._show_new()
        else:
            self._show(self._details_of(current.data(ID_ROLE)))
        return True

    def _list_text(self, details: OwnCompanyDetails) -> str:
        if details.draft.is_default:
            return self.tr("{name} (default)").format(name=details.draft.short_name)
        return details.draft.short_name

    def _details_of(self, company_id: uuid.UUID) -> OwnCompanyDetails:
        return next(d for d in self.details if d.id == company_id)

    def _show(self, details: OwnCompanyDetails) -> None:
        """Put a saved company into the form: clean again."""
        self.record_id = details.id
        self.version = details.version
        draft = details.draft
        self._loading = True
        try:
            for name, edit in self.edits.items():
                edit.setText(str(getattr(draft, name) or ""))
                edit.setCursorPosition(0)
            self.default_box.setChecked(draft.is_default)
            self._set_logo(draft.logo)
        finally:
            self._loading = False
        self._dirty = False
        self.errors.clear()
        self._clear_marks()
        self._update_buttons()

    def _show_new(self) -> None:
        """An empty form for a new company (the first one becomes the default anyway)."""
        self.record_id = None
        self.version = None
        self._loading = True
        try:
            self.company_list.setCurrentRow(-1)
            for edit in self.edits.values():
                edit.clear()
            self.edits["director_title"].setText(DEFAULT_DIRECTOR_TITLE)
            self.default_box.setChecked(not self.details)
            self._set_logo(None)
        finally:
            self._loading = False
        self._dirty = False
        self.errors.clear()
        self._clear_marks()
        self._update_buttons()

    def collect(self) -> OwnCompanyDraft:
        """The form as a draft for the service (blank optional fields are None)."""

        def text(name: str) -> str:
            return self.edits[name].text()

        def optional(name: str) -> str | None:
            return self.edits[name].text().strip() or None

        return OwnCompanyDraft(
            short_name=text("short_name"),
            full_name=text("full_name"),
            inn=text("inn"),
            director_name=text("director_name"),
            legal_address=text("legal_address"),
            kpp=optional("kpp"),
            ogrn=optional("ogrn"),
            phone=optional("phone"),
            email=optional("email"),
            bank_name=optional("bank_name"),
            bik=optional("bik"),
            account=optional("account"),
            corr_account=optional("corr_account"),
            director_title=text("director_title"),
            logo=self.logo,
            is_default=self.default_box.isChecked(),
        )

    # --- the logo ------------------------------------------------------------------------------

    def _set_logo(self, data: bytes | None) -> None:
        self.logo = data
        pixmap = QPixmap()
        if data is not None and pixmap.loadFromData(data):
            width, height = LOGO_PREVIEW_SIZE
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    width - 8,
                    height - 8,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("No logo"))
        self.remove_logo_button.setEnabled(not self.read_only and data is not None)

    @classmethod
    def choose_logo_file(cls, parent: QWidget) -> str | None:
        """Ask for a picture file (tests monkeypatch this)."""
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("OwnCompaniesTab", "Company logo"),
            "",
            QCoreApplication.translate("OwnCompaniesTab", "Pictures (*.png *.jpg *.jpeg)"),
        )
        return name or None

    def load_logo(self, path: str | Path) -> bool:
        """Take the picture in ``path`` as the logo; say under the logo why not if it can't be."""
        self.logo_error.show_error("")
        file = Path(path)
        try:
            too_big = file.stat().st_size > companies.MAX_LOGO_BYTES
            data = b"" if too_big else file.read_bytes()
        except OSError as error:
            self.logo_error.show_error(
                self.tr("Cannot read {path}: {detail}").format(
                    path=file, detail=error.strerror or error
                )
            )
            return False
        if too_big:
            self.logo_error.show_error(
                QCoreApplication.translate("UserErrors", "The logo must be smaller than 1 MB.")
            )
            return False
        if image_format(data) not in LOGO_FORMATS:
            self.logo_error.show_error(
                QCoreApplication.translate("UserErrors", "The logo must be a PNG or JPEG picture.")
            )
            return False
        self._set_logo(data)
        self._on_edited()
        return True

    @Slot()
    def _on_choose_logo_button_clicked(self) -> None:
        path = self.choose_logo_file(self)
        if path:
            self.load_logo(path)

    @Slot()
    def _on_remove_logo_button_clicked(self) -> None:
        self.logo_error.show_error("")
        self._set_logo(None)
        self._on_edited()

    # --- commands ------------------------------------------------------------------------------

    def save(self) -> bool:
        """Create or update the company shown, in one call; errors go under their fields."""
        if self.read_only:
            return False
        self.errors.clear()
        self._clear_marks()
        self.notice.hide()
        self.status.clear()
        draft = self.collect()
        try:
            if self.record_id is None or self.version is None:
                details = companies.create_company(self.db, self.actor, draft)
            else:
                details = companies.update_company(
                    self.db, self.actor, self.record_id, self.version, draft
                )
        except ValidationError as error:
            self.errors.show(error.field_errors)
            for name in error.field_errors:
                if name in self.edits:
                    mark_invalid(self.edits[name], self.errors.text(name))
            return False
        except ConcurrencyError as error:
            self._reload_stale(error)
            return False
        except NotFoundError as error:
            self._reload_gone(error)
            return False
        except UserError as error:
            self.errors.show_general(messages.user_message(error))
            return False
        self._dirty = False
        self.reload(select=details.id)
        self.status.setText(self.tr("Saved."))
        self.saved.emit(details.id)
        return True

    def delete(self) -> bool:
        """Delete the company shown after asking (issued proposals keep their seller)."""
        if self.read_only or self.record_id is None or self.version is None:
            return False
        name = self._details_of(self.record_id).draft.short_name
        question = self.tr(
            "Delete «{name}»? Proposals already issued keep it as the seller; new ones can no "
            "longer use it."
        ).format(name=name)
        if not Confirm.ask(self, self.tr("Delete company"), question):
            return False
        self.notice.hide()
        self.status.clear()
        company_id = self.record_id
        try:
            companies.delete_company(self.db, self.actor, company_id, self.version)
        except ConcurrencyError as error:
            self._reload_stale(error)
            return False
        except NotFoundError as error:
            self._reload_gone(error)
            return False
        except UserError as error:
            self.errors.show_general(messages.user_message(error))
            return False
        self._dirty = False
        self.record_id = None
        self.reload()
        self.deleted.emit(company_id)
        return True

    def start_new(self) -> bool:
        if self.read_only or not self._may_discard():
            return False
        self.notice.hide()
        self.status.clear()
        self._show_new()
        self.edits["short_name"].setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def confirm_leave(self) -> bool:
        """May the dialog close? Unsaved company changes: save them, drop them, or stay."""
        if not self._dirty:
            return True
        title = self.edits["short_name"].text().strip() or self.tr("New company")
        answer = UnsavedChanges.ask(self, title)
        if answer == "save":
            return self.save()
        if answer == "discard":
            self._dirty = False
            return True
        return False

    def _may_discard(self) -> bool:
        if not self._dirty:
            return True
        return Confirm.ask(
            self,
            self.tr("Our companies"),
            self.tr("Discard the unsaved changes to this company?"),
        )

    def _reload_stale(self, error: ConcurrencyError) -> None:
        """Someone saved the company meanwhile: show their version and say so."""
        self._dirty = False
        self.reload(select=self.record_id)
        if error.changed_by and error.changed_at:
            text = self.tr(
                "{user} changed this company at {at} while you had it open. Their version is "
                "shown now: make your changes again."
            ).format(
                user=error.changed_by,
                at=error.changed_at.astimezone().strftime("%d.%m.%Y %H:%M"),
            )
        else:
            text = self.tr(
                "Someone else changed this company while you had it open. Their version is "
                "shown now: make your changes again."
            )
        self.notice.show_text(text)

    def _reload_gone(self, error: UserError) -> None:
        self._dirty = False
        self.record_id = None
        self.reload()
        self.notice.show_text(messages.user_message(error))

    def _clear_marks(self) -> None:
        for edit in self.edits.values():
            mark_invalid(edit, None)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current_item_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if self._loading or current is None:
            return
        company_id = current.data(ID_ROLE)
        if company_id == self.record_id and not self._dirty:
            return
        if not self._may_discard():
            self._loading = True
            try:
                if previous is None:
                    self.company_list.setCurrentRow(-1)
                else:
                    self.company_list.setCurrentItem(previous)
            finally:
                self._loading = False
            return
        self.notice.hide()
        self.status.clear()
        self._show(self._details_of(company_id))

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.start_new()

    @Slot()
    def _on_save_button_clicked(self) -> None:
        self.save()

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        self.delete()


__all__ = ["OwnCompaniesTab", "image_format"]
