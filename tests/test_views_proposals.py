"""Proposals as documents on both backends, driven through pytest-qt: the print preview shows
every page of the built PDF, printing through QPrinter writes a PDF file with the right pages,
the e-mail dialog sends through a local SMTP server (aiosmtpd) and marks the proposal sent — a
wrong password is said in the dialog and nothing is recorded — the terms dialog saves a
draft's terms, and the specification picks products from the catalogue."""

from __future__ import annotations

import shutil
import socket
import subprocess
import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from PySide6.QtCore import QLocale, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from crm_desktop.errors import QT_TRANSLATE_NOOP, StorageError
from crm_desktop.models import Interaction
from crm_desktop.services import agreements as ag
from crm_desktop.services import catalogue as cat
from crm_desktop.services import companies as co
from crm_desktop.services import deals as d
from crm_desktop.services import mailer
from crm_desktop.services import parties as p
from crm_desktop.services import proposals as pr
from crm_desktop.services.uow import read_unit
from crm_desktop.views import messages
from crm_desktop.views.cards.base import set_combo_data
from crm_desktop.views.deals import DealCard
from crm_desktop.views.deals.lines import ProductSearchEdit
from crm_desktop.views.proposals import (
    EmailDialog,
    ProposalPreview,
    TermsDialog,
    documents,
    printing,
)

# the local test server takes a login without TLS, which aiosmtpd warns about
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

LOGIN, PASSWORD = "manager@vector.example", "s3cret"
ISSUED = date(2026, 11, 23)
WAIT_MS = 60_000

# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def english_numbers():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def shown_errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, **kw: shown.append(text))
    return shown


@pytest.fixture
def company(db, actor):
    return co.create_company(
        db,
        actor,
        co.OwnCompanyDraft(
            short_name="ООО «Вектор»",
            full_name="Общество с ограниченной ответственностью «Вектор»",
            inn="7707083893",
            kpp="773601001",
            ogrn="1027700132195",
            legal_address="117312, г. Москва, ул. Вавилова, д. 19",
            director_name="Иванов Иван Иванович",
            bank_name="ПАО Сбербанк",
            bik="044525225",
            account="40702810938000000001",
            corr_account="30101810400000000225",
        ),
    )


@pytest.fixture
def client(db, actor):
    return p.create_client(db, actor, p.ClientDraft(name='ООО "Ромашка"'))


@pytest.fixture
def contact(db, actor, client):
    person = p.create_contact(
        db,
        actor,
        p.ContactDraft(
            last_name="Петров",
            first_name="Пётр",
            channels=(p.ChannelDraft("email", "petrov@romashka.example"),),
        ),
    )
    p.link_client_contact(db, actor, client.id, person.id)
    return person


@pytest.fixture
def agreement(db, actor):
    made = ag.create_agreement(
        db,
        actor,
        ag.AgreementDraft(
            name="Оптовые продажи",
            price_type_id=p.catalogue_item_id(db, "price_type", "wholesale"),
            credit_days=14,
        ),
    )
    return ag.set_status(db, actor, made.id, made.version, "active")


@pytest.fixture
def nails(db, actor):
    """Priced per kg, sold in 5 kg packs; a wholesale price since long ago (any test day)."""
    product = cat.create_product(
        db,
        actor,
        cat.ProductDraft(
            sku="GV-100",
            name="Гвозди строительные 100 мм",
            price_unit_id=p.catalogue_item_id(db, "measure_unit", "166"),
            sales_unit_id=p.catalogue_item_id(db, "measure_unit", "778"),
            sales_factor=5,
        ),
    )
    wholesale = p.catalogue_item_id(db, "price_type", "wholesale")
    cat.set_price(db, actor, product.id, wholesale, date(2000, 1, 1), Decimal("118.37"))
    return product


def make_deal(db, actor, client, contact, lines: int = 3):
    deal = d.create_deal(db, actor, d.DealDraft(title="Гвозди", client_id=client.id))
    deal = d.add_participant(db, actor, deal.id, "contact", contact.id)
    return d.set_lines(
        db,
        actor,
        deal.id,
        deal.version,
        [
            d.DealLineDraft(f"Позиция {n + 1}", Decimal(n % 7 + 1), Decimal(100 + n))
            for n in range(lines)
        ],
    )


@pytest.fixture
def proposal(db, actor, company, client, contact):
    """A draft proposal of three lines."""
    deal = make_deal(db, actor, client, contact, lines=3)
    return pr.issue_proposal(db, actor, deal.id, issued_on=ISSUED), deal


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        LOGIN.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd sends the 535


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=authenticate,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield (
            inbox,
            mailer.SmtpSettings(
                host="127.0.0.1",
                port=controller.port,
                security="none",
                login=LOGIN,
                sender=LOGIN,
                sender_name="ООО «Вектор»",
            ),
        )
    finally:
        controller.stop()


def interactions(db, deal_id):
    with read_unit(db) as session:
        return session.scalars(select(Interaction).where(Interaction.deal_id == deal_id)).all()


def pdf_pages(path: Path) -> int:
    """The page count as poppler reads the file (QPdfDocument when pdfinfo is missing)."""
    if shutil.which("pdfinfo"):
        out = subprocess.run(
            ["pdfinfo", str(path)], check=True, capture_output=True, text=True
        ).stdout
        return int(next(x for x in out.splitlines() if x.startswith("Pages:")).split()[1])
    return printing.page_count(path.read_bytes())


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def show(qtbot, widget, size=(1200, 800)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# --- the print preview ----------------------------------------------------------------------------


def test_the_preview_shows_every_page_of_the_proposal(
    qtbot, db, actor, company, client, contact, shown_errors
):
    deal = make_deal(db, actor, client, contact, lines=70)  # long enough for several pages
    row = pr.issue_proposal(db, actor, deal.id, issued_on=ISSUED)
    expected = printing.page_count(documents.build_pdf(db, row.id))
    assert expected >= 2

    preview = ProposalPreview(db, actor, row)
    with qtbot.waitSignal(preview.loaded, timeout=WAIT_MS) as blocker:
        show(qtbot, preview, (980, 900))
        assert preview.busy.isVisibleTo(preview)  # built in a worker, a busy bar meanwhile
        assert not preview.print_button.isEnabled()
    assert blocker.args == [expected]
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.document.pageCount() == expected
    assert preview.stack.currentWidget() is preview.view
    assert preview.page_label.text() == f"Page 1 of {expected}"
    assert preview.heading.text() == f"Commercial proposal No. {row.number} of 23.11.2026"
    assert preview.print_button.isEnabled() and preview.email_button.isEnabled()
    assert shown_errors == []


def test_the_preview_without_a_company_of_ours_says_where_to_enter_it(
    qtbot, db, actor, client, contact, shown_errors
):
    deal = make_deal(db, actor, client, contact)
    row = pr.issue_proposal(db, actor, deal.id, issued_on=ISSUED)
    opened: list[str] = []
    preview = ProposalPreview(db, actor, row, on_settings=opened.append)
    with qtbot.waitSignal(preview.failed, timeout=WAIT_MS):
        show(qtbot, preview)
    assert "Settings → Our companies" in preview.error.text()
    assert preview.settings_button.isVisibleTo(preview)
    assert not preview.print_button.isEnabled()
    preview.settings_button.click()
    assert opened == ["companies"]
    assert shown_errors == []


# --- printing -------------------------------------------------------------------------------------


def test_printing_writes_a_pdf_file_through_qprinter(qtbot, db, actor, proposal, tmp_path):
    """Acceptance: a 3-line proposal printed through QPrinter into a PDF file."""
    row, _deal = proposal
    pdf = documents.build_pdf(db, row.id)
    expected = printing.page_count(pdf)
    target = tmp_path / "printed.pdf"
    sheets = printing.print_pdf(pdf, pdf_printer(target))
    assert sheets == expected
    assert target.exists() and target.stat().st_size > 10_000
    assert pdf_pages(target) == expected
    printed = printing.page_count(target.read_bytes())  # PDFium reads it back, too
    assert printed == expected


def test_printing_respects_the_page_range_and_copies(
    qtbot, db, actor, company, client, contact, tmp_path
):
    deal = make_deal(db, actor, client, contact, lines=70)
    row = pr.issue_proposal(db, actor, deal.id, issued_on=ISSUED)
    pdf = documents.build_pdf(db, row.id)
    assert printing.page_count(pdf) >= 2
    target = tmp_path / "second-page-twice.pdf"
    printer = pdf_printer(target)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    printer.setCopyCount(2)
    assert printing.print_pdf(pdf, printer) == 2  # a PDF file makes no copies itself
    assert pdf_pages(target) == 2
    current = tmp_path / "current.pdf"
    printer = pdf_printer(current)
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert printing.print_pdf(pdf, printer, current_page=1) == 1
    assert pdf_pages(current) == 1


def test_the_card_prints_through_the_print_dialog_in_a_worker(
    qtbot, db, actor, proposal, tmp_path, monkeypatch, shown_errors
):
    row, deal = proposal
    target = tmp_path / "from-card.pdf"
    asked: list[tuple[str, int | None]] = []

    def ask(parent, doc_name, *, page_count=None, current_page=None):
        asked.append((doc_name, page_count))
        return pdf_printer(target)

    monkeypatch.setattr(printing, "ask_printer", ask)
    card = show(qtbot, DealCard(db, actor, deal.id))
    card.tabs.setCurrentWidget(card.proposals)
    card.proposals.select_row(0)
    with qtbot.waitSignal(card.proposal_actions.printed, timeout=WAIT_MS) as blocker:
        assert card.print_proposal()
        assert card.proposal_busy.isVisibleTo(card)
        assert not card.print_button.isEnabled()  # one document job at a time
    qtbot.waitUntil(lambda: card.print_button.isEnabled())
    assert asked == [(f"Commercial proposal {row.number} of 23.11.2026", None)]
    assert pdf_pages(target) == blocker.args[0] >= 1
    assert card.proposal_busy_text.text() == "Sent to the printer."
    assert shown_errors == []


def test_the_card_saves_the_pdf_and_says_why_it_cannot(
    qtbot, db, actor, client, contact, tmp_path, monkeypatch, shown_errors
):
    deal = make_deal(db, actor, client, contact)
    row = pr.issue_proposal(db, actor, deal.id, issued_on=ISSUED)
    target = tmp_path / "КП.pdf"
    monkeypatch.setattr(documents, "ask_pdf_path", lambda parent, suggested: target)
    card = show(qtbot, DealCard(db, actor, deal.id))
    card.tabs.setCurrentWidget(card.proposals)
    card.proposals.select_row(0)
    # no company of ours yet: the reason under the list, nothing written
    assert card.save_proposal_pdf()
    qtbot.waitUntil(lambda: card.proposals.error.isVisibleTo(card), timeout=WAIT_MS)
    assert "Settings → Our companies" in card.proposals.error.text()
    assert not target.exists()
    qtbot.waitUntil(lambda: card.save_pdf_button.isEnabled())
    co.create_company(
        db,
        actor,
        co.OwnCompanyDraft(
            short_name="ООО «Вектор»",
            full_name="Общество с ограниченной ответственностью «Вектор»",
            inn="7707083893",
            kpp="773601001",
            legal_address="г. Москва, ул. Вавилова, д. 19",
            director_name="Иванов Иван Иванович",
        ),
    )
    version, terms = pr.get_terms(db, row.id)  # issued before the company existed
    terms = replace(terms, own_company_id=co.default_company_id(db))
    pr.update_terms(db, actor, row.id, version, terms)
    with qtbot.waitSignal(card.proposal_actions.saved, timeout=WAIT_MS):
        assert card.save_proposal_pdf()
    assert not card.proposals.error.isVisibleTo(card)
    assert target.read_bytes().startswith(b"%PDF")
    assert card.proposal_busy_text.text() == f"Saved to {target}"
    assert shown_errors == []


# --- e-mail ---------------------------------------------------------------------------------------


def test_the_email_dialog_sends_and_the_proposal_becomes_sent(
    qtbot, db, actor, proposal, contact, smtp_server, shown_errors
):
    inbox, settings = smtp_server
    row, deal = proposal
    dialog = show(
        qtbot, EmailDialog(db, actor, row, settings=settings, password=PASSWORD), (700, 560)
    )
    assert dialog.to.currentText() == "Петров Пётр <petrov@romashka.example>"
    assert dialog.subject.text() == f"Commercial proposal No. {row.number} of 23.11.2026"
    assert f"No. {row.number} of 23.11.2026" in dialog.body.toPlainText()
    assert dialog.body.toPlainText().startswith("Good afternoon!")
    assert dialog.attachment.text() == f"Commercial proposal {row.number} of 23.11.2026.pdf"
    assert not dialog.password_area.isVisibleTo(dialog)  # the stored password is used as it is
    with qtbot.waitSignal(dialog.sent, timeout=WAIT_MS) as blocker:
        assert dialog.send() is not None
        assert dialog.busy.isVisibleTo(dialog)
        assert dialog.send_button.text() == "Sending…"
        assert not dialog.send_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert not dialog.isVisible()  # closed on success

    [(sender, recipients, content)] = inbox.messages
    assert (sender, recipients) == (LOGIN, ["petrov@romashka.example"])
    message = message_from_bytes(content, policy=policy.default)
    assert message["Subject"] == dialog.subject.text()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == documents.file_name(row)
    assert attachment.get_content().startswith(b"%PDF")
    [interaction] = interactions(db, deal.id)
    assert interaction.id == blocker.args[0]
    assert (interaction.contact_id, interaction.proposal_id) == (contact.id, row.id)
    assert [x.status for x in pr.proposals_of(db, deal.id)] == ["sent"]
    assert shown_errors == []


def test_a_wrong_password_is_shown_in_the_dialog_and_nothing_is_recorded(
    qtbot, db, actor, proposal, smtp_server, shown_errors
):
    inbox, settings = smtp_server
    row, deal = proposal
    dialog = show(qtbot, EmailDialog(db, actor, row, settings=settings, password="wrong"))
    dialog.to.setEditText("Пётр <petrov@romashka.example>")  # typed, not picked
    assert dialog.recipient()[0] == "petrov@romashka.example"
    task = dialog.send()
    assert task is not None
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
    assert "refused the login or password" in dialog.errors_shown()["password"]
    assert dialog.password_area.isVisibleTo(dialog)  # to type the right one
    assert dialog.isVisible()  # stays open with everything typed
    assert dialog.send_button.isEnabled() and dialog.send_button.text() == "Send"
    assert dialog.to.currentText() == "Пётр <petrov@romashka.example>"
    assert inbox.messages == []
    assert interactions(db, deal.id) == []
    assert [x.status for x in pr.proposals_of(db, deal.id)] == ["draft"]
    assert shown_errors == []


def test_without_a_mail_server_the_dialog_points_to_the_settings(
    qtbot, db, actor, proposal, shown_errors
):
    row, _deal = proposal
    opened: list[str] = []
    dialog = show(
        qtbot, EmailDialog(db, actor, row, settings=None, password=None, on_settings=opened.append)
    )
    assert "Settings → E-mail" in dialog.errors_shown()[""]
    assert not dialog.send_button.isEnabled()
    assert dialog.send() is None
    assert dialog.settings_button.isVisibleTo(dialog)
    dialog.settings_button.click()
    assert opened == ["email"]


def test_an_address_the_server_refuses_is_shown_next_to_it(
    qtbot, db, actor, proposal, smtp_server, shown_errors
):
    _inbox, settings = smtp_server
    row, deal = proposal
    dialog = show(qtbot, EmailDialog(db, actor, row, settings=settings, password=PASSWORD))
    dialog.to.setEditText("not an address")
    dialog.send()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
    assert set(dialog.errors_shown()) == {"to_address"}
    assert interactions(db, deal.id) == []


def test_the_card_refreshes_the_proposals_after_an_email(
    qtbot, db, actor, proposal, smtp_server, shown_errors, monkeypatch
):
    _inbox, settings = smtp_server
    _row, deal = proposal
    monkeypatch.setattr(
        "crm_desktop.views.proposals.email_dialog.load_smtp_settings", lambda _qs: settings
    )
    monkeypatch.setattr(mailer, "smtp_password", lambda _settings: PASSWORD)
    card = show(qtbot, DealCard(db, actor, deal.id))
    card.tabs.setCurrentWidget(card.proposals)
    card.proposals.select_row(0)
    assert card.email_button.isEnabled()
    dialog = card.email_proposal()
    assert isinstance(dialog, EmailDialog)
    assert not dialog.settings_button.isVisible()
    with qtbot.waitSignal(card.proposal_actions.sent, timeout=WAIT_MS):
        dialog.send()
    assert [x.status for x in card.proposals.payloads()] == ["sent"]
    assert card.proposals.table.item(0, 4).text() == "Sent"
    assert card.proposals.current() is not None  # the sent one stays chosen
    assert card.accepted_button.isEnabled()


# --- the proposals tab and the terms -------------------------------------------------------------


def test_versions_grey_the_older_one_and_buttons_follow_the_status(
    qtbot, db, actor, proposal, shown_errors
):
    _row, deal = proposal
    card = show(qtbot, DealCard(db, actor, deal.id))
    card.tabs.setCurrentWidget(card.proposals)
    headers = [
        card.proposals.table.horizontalHeaderItem(c).text()
        for c in range(card.proposals.table.columnCount())
    ]
    assert headers == ["Number", "Version", "Date", "Valid until", "Status", "Total", "VAT"]
    card.proposals.select_row(0)
    assert card.terms_button.isEnabled() and card.sent_button.isEnabled()
    assert card.new_proposal_version()
    rows = card.proposals.payloads()
    assert [(x.version_no, x.is_latest) for x in rows] == [(1, False), (2, True)]
    assert card.proposals.current().version_no == 2  # the new version is chosen
    table = card.proposals.table
    assert (
        table.item(0, 0).foreground().color().name() != table.item(1, 0).foreground().color().name()
    )
    assert table.item(1, 3).text() == (date.today() + timedelta(days=14)).strftime("%d.%m.%Y")
    card.proposals.select_row(0)  # the older version: no moves, no e-mail
    assert not card.sent_button.isEnabled()
    assert not card.new_version_button.isEnabled()
    assert not card.email_button.isEnabled()
    assert card.preview_button.isEnabled() and card.print_button.isEnabled()
    assert card.terms_button.isEnabled()  # still a draft: its terms may change
    card.proposals.select_row(1)
    assert card.sent_button.isEnabled() and card.email_button.isEnabled()
    assert shown_errors == []


def test_the_terms_dialog_saves_a_drafts_terms_and_shows_refusals(
    qtbot, db, actor, proposal, client, company, shown_errors
):
    row, _deal = proposal
    counterparty = p.create_counterparty(
        db,
        actor,
        p.CounterpartyDraft(
            legal_form_id=p.catalogue_item_id(db, "legal_form", "ooo"),
            full_name="ООО «Ромашка»",
            inn="7707083893",
            kpp="773601001",
            client_id=client.id,
        ),
    )
    dialog = show(qtbot, TermsDialog(db, actor, row, client.id), (640, 520))
    assert dialog.own_company.currentData() == company.id
    dialog.valid_until.set_value(ISSUED - timedelta(days=1))
    assert not dialog.submit()
    assert dialog.errors_shown() == {
        "valid_until": "The proposal cannot expire before it is issued."
    }
    dialog.valid_until.set_value(date(2026, 12, 31))
    set_combo_data(dialog.counterparty, counterparty.id)
    dialog.payment_terms.setText("100 % предоплата")
    dialog.notes.setPlainText("Цены действительны при заказе от 10 упаковок")
    assert dialog.submit()
    _version, terms = pr.get_terms(db, row.id)
    assert (terms.valid_until, terms.counterparty_id, terms.payment_terms, terms.notes) == (
        date(2026, 12, 31),
        counterparty.id,
        "100 % предоплата",
        "Цены действительны при заказе от 10 упаковок",
    )
    assert dialog.result_row is not None and dialog.result_row.valid_until == date(2026, 12, 31)


# --- the specification with the catalogue --------------------------------------------------------


def test_picking_a_product_fills_the_line_and_whole_packs_are_asked(
    qtbot, db, actor, client, agreement, nails, shown_errors
):
    deal = d.create_deal(
        db, actor, d.DealDraft(title="Гвозди", client_id=client.id, agreement_id=agreement.id)
    )
    card = show(qtbot, DealCard(db, actor, deal.id))
    lines = card.lines
    card.tabs.setCurrentIndex(card.tabs.indexOf(lines.parentWidget()))
    assert lines.table.horizontalHeaderItem(lines.column("price")).text() == (
        "Price per price unit"
    )
    row = lines.add_row()
    table = lines.table
    table.setCurrentCell(row, lines.column("sku"))
    table.editItem(table.item(row, lines.column("sku")))
    editor = next(e for e in table.viewport().findChildren(ProductSearchEdit) if e.isVisible())
    qtbot.keyClicks(editor, "gv")  # an SKU's beginning, in any case
    qtbot.waitUntil(lambda: [x.sku for x in editor.results()] == ["GV-100"], timeout=5_000)
    assert editor.results()[0].price == Decimal("118.37")  # the agreement's wholesale price
    popup = editor.suggestions.popup()
    assert popup.isVisible() and popup.currentIndex().row() == -1  # Enter alone keeps the text
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    values = lines.row_values(row)
    assert (values["sku"], values["description"], values["unit"], values["price"]) == (
        "GV-100",
        "Гвозди строительные 100 мм",
        "упак (5\u00a0кг)",
        "118.37",
    )
    assert values["product"].id == nails.id and values["product"].factor == 5
    assert table.currentColumn() == lines.column("quantity")  # the quantity is next
    lines.set_cell(row, "quantity", "3")
    # 3 packs × 5 kg × 118.37 = 1 775.55; VAT 20 % in it: 295.93
    assert lines.row_values(row)["amount"] == "1,775.55"
    assert lines.row_values(row)["vat_amount"] == "295.93"
    assert lines.total() == Decimal("1775.55")
    assert not table.item(row, lines.column("unit")).flags() & Qt.ItemFlag.ItemIsEditable
    assert card.save()
    [stored] = d.get_deal(db, deal.id).lines
    assert (stored.product_id, stored.quantity, stored.factor, stored.amount) == (
        nails.id,
        Decimal(3),
        5,
        Decimal("1775.55"),
    )
    # the card reads it back as a catalogue line; half a pack is refused on its cell
    assert lines.product_of(0) is not None
    lines.set_cell(0, "quantity", "2.5")
    assert lines.error_cells() == [(0, "quantity")]
    assert not card.save()
    assert card.errors_shown()["lines[0].quantity"] == "Products are sold in whole sales units."
    assert d.get_deal(db, deal.id).lines[0].quantity == Decimal(3)
    assert shown_errors == []


def test_a_typed_sku_is_looked_up_and_a_cleared_one_makes_free_text(
    qtbot, db, actor, client, agreement, nails, shown_errors
):
    deal = d.create_deal(
        db, actor, d.DealDraft(title="Гвозди", client_id=client.id, agreement_id=agreement.id)
    )
    card = show(qtbot, DealCard(db, actor, deal.id))
    lines = card.lines
    row = lines.add_row()
    lines.set_cell(row, "sku", "gv-100")  # typed whole, not picked
    assert lines.product_of(row) is not None
    assert lines.row_values(row)["sku"] == "GV-100"
    lines.set_cell(row, "quantity", "2")
    assert lines.total() == Decimal("1183.70")
    lines.set_cell(row, "sku", "")  # a free-text line now, the same amount
    assert lines.product_of(row) is None
    values = lines.row_values(row)
    assert (values["unit"], values["price"], values["amount"]) == ("упак", "591.85", "1,183.70")
    assert table_flags_editable(lines, row, "unit")
    lines.set_cell(row, "sku", "NO-SUCH")
    assert lines.row_values(row)["sku"] == ""
    assert "NO-SUCH" in lines.error.text()
    assert card.save()
    [stored] = d.get_deal(db, deal.id).lines
    assert (stored.product_id, stored.unit, stored.factor) == (None, "упак", 1)


def table_flags_editable(lines, row, field) -> bool:
    return bool(lines.table.item(row, lines.column(field)).flags() & Qt.ItemFlag.ItemIsEditable)


def test_enter_without_choosing_keeps_the_typed_text(qtbot):
    """A free-text line: suggestions show, but Enter takes what was typed."""
    pick = cat.ProductPick(
        uuid.uuid4(), "DLV-1", "Доставка по городу", "service", "усл", 1, "усл", "20", None
    )
    editor = ProductSearchEdit(None, lambda _text: [pick], field="description", min_chars=2)
    show(qtbot, editor, (300, 30))
    editor.setFocus()
    picked: list[object] = []
    editor.picked.connect(picked.append)
    qtbot.keyClicks(editor, "Delivery to the site")  # (QTest types ASCII only)
    qtbot.waitUntil(lambda: editor.results() == [pick], timeout=5_000)
    popup = editor.suggestions.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picked == []
    assert editor.text() == "Delivery to the site"


def test_sent_but_not_recorded_is_never_sent_twice(
    qtbot, db, actor, proposal, smtp_server, shown_errors, monkeypatch
):
    """The server took the message, the database refused the record: the dialog says it went
    out and offers no second Send."""
    inbox, settings = smtp_server
    row, _deal = proposal

    def refuse(*_args, **_kwargs):
        raise StorageError(QT_TRANSLATE_NOOP("UserErrors", "The database is not available."))

    monkeypatch.setattr(pr, "record_email_sent", refuse)
    dialog = show(qtbot, EmailDialog(db, actor, row, settings=settings, password=PASSWORD))
    assert dialog.send() is not None
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
    assert "was sent" in dialog.errors_shown()[""]
    assert dialog.isVisible()
    assert not dialog.send_button.isEnabled()
    assert dialog.cancel_button.isEnabled()
    assert dialog.send() is None
    assert len(inbox.messages) == 1
    assert shown_errors == []
