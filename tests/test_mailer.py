"""E-mailing a proposal through a local SMTP server (aiosmtpd) on both backends: the message
arrives with the PDF, to the right person, and the e-mail is recorded on the deal; a wrong
password says so plainly and records nothing."""

from __future__ import annotations

import dataclasses
import socket
from datetime import date
from decimal import Decimal
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select

from crm_desktop.errors import QT_TRANSLATE_NOOP, StorageError
from crm_desktop.models import Interaction
from crm_desktop.services import companies as co
from crm_desktop.services import deals as d
from crm_desktop.services import mailer
from crm_desktop.services import parties as p
from crm_desktop.services import proposals as pr
from crm_desktop.services.proposal_pdf import render_proposal_pdf
from crm_desktop.services.uow import read_unit

# the local test server takes a login without TLS, which aiosmtpd warns about
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

LOGIN, PASSWORD = "manager@vector.example", "s3cret"


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
    # aiosmtpd's Controller cannot take port 0 (it test-connects to the configured port)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
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
                port=port,
                security="none",
                login=LOGIN,
                sender=LOGIN,
                sender_name="ООО «Вектор»",
            ),
        )
    finally:
        controller.stop()


@pytest.fixture
def proposal(db, actor):
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
    client = p.create_client(db, actor, p.ClientDraft(name='ООО "Ромашка"'))
    contact = p.create_contact(
        db,
        actor,
        p.ContactDraft(
            last_name="Петров",
            first_name="Пётр",
            channels=(p.ChannelDraft("email", "petrov@romashka.example"),),
        ),
    )
    p.link_client_contact(db, actor, client.id, contact.id)
    deal = d.create_deal(db, actor, d.DealDraft(title="Гвозди", client_id=client.id))
    deal = d.add_participant(db, actor, deal.id, "contact", contact.id)
    deal = d.set_lines(
        db, actor, deal.id, deal.version, [d.DealLineDraft("Гвозди", Decimal(3), Decimal(100))]
    )
    return pr.issue_proposal(db, actor, deal.id, issued_on=date(2026, 11, 23)), contact, deal


def _mail(db, proposal_id, to_address):
    pdf = render_proposal_pdf(pr.proposal_document(db, proposal_id))
    return pdf, mailer.OutgoingMail(
        to_address=to_address,
        to_name="Петров Пётр",
        subject="Коммерческое предложение № А-000001",
        body="Добрый день! Направляем коммерческое предложение.",
        attachment_name="КП А-000001.pdf",
        attachment=pdf,
    )


def _interactions(db, deal_id):
    with read_unit(db) as session:
        return session.scalars(select(Interaction).where(Interaction.deal_id == deal_id)).all()


def test_proposal_arrives_with_its_pdf_and_is_recorded(db, actor, smtp_server, proposal):
    inbox, settings = smtp_server
    row, contact, deal = proposal
    [recipient] = pr.recipients(db, row.id)
    assert (recipient.contact_id, recipient.email) == (contact.id, "petrov@romashka.example")
    pdf, mail = _mail(db, row.id, recipient.email)
    mailer.send_proposal(db, actor, row.id, settings, PASSWORD, mail, contact_id=contact.id)

    [(sender, recipients, content)] = inbox.messages
    assert (sender, recipients) == (LOGIN, ["petrov@romashka.example"])
    message = message_from_bytes(content, policy=policy.default)
    assert message["Subject"] == "Коммерческое предложение № А-000001"
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "КП А-000001.pdf"
    assert attachment.get_content() == pdf

    [interaction] = _interactions(db, deal.id)
    assert (interaction.kind, interaction.direction, interaction.status) == ("email", "out", "done")
    assert (interaction.contact_id, interaction.client_id, interaction.proposal_id) == (
        contact.id,
        deal.client_id,
        row.id,
    )
    assert interaction.participant_text == "petrov@romashka.example"
    assert interaction.responsible_id == actor.user_id
    assert pr.proposals_of(db, deal.id)[0].status == "sent"


def test_wrong_password_says_so_and_records_nothing(db, actor, smtp_server, proposal):
    inbox, settings = smtp_server
    row, contact, deal = proposal
    _, mail = _mail(db, row.id, "petrov@romashka.example")
    with pytest.raises(mailer.MailError) as caught:
        mailer.send_proposal(db, actor, row.id, settings, "wrong", mail, contact_id=contact.id)
    assert caught.value.field == "password"
    assert "refused the login or password" in str(caught.value)
    assert inbox.messages == []
    assert _interactions(db, deal.id) == []
    assert pr.proposals_of(db, deal.id)[0].status == "draft"


def test_unreachable_server_and_missing_settings(db, actor, proposal):
    row, _, deal = proposal
    _, mail = _mail(db, row.id, "petrov@romashka.example")
    closed = mailer.SmtpSettings(host="127.0.0.1", port=free_port(), security="none", sender=LOGIN)
    with pytest.raises(mailer.MailError) as caught:
        mailer.send_proposal(db, actor, row.id, closed, None, mail)
    assert caught.value.field == "host"
    with pytest.raises(mailer.MailError) as caught:
        mailer.send_proposal(db, actor, row.id, mailer.SmtpSettings(host=""), None, mail)
    assert "Settings → E-mail" in str(caught.value)
    assert _interactions(db, deal.id) == []


# --- what a real server and a real mail program expect ----------------------------------------


class QuitRefusingInbox(Inbox):
    """Takes the message, then answers QUIT with an error (some servers do, some drop the line)."""

    async def handle_QUIT(self, server, session, envelope):
        return "421 closing the line"


@pytest.fixture
def server_of():
    """A local server with the given handler and options; its settings (no login)."""
    controllers = []

    def start(handler, **options):
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
        controller.start()
        controllers.append(controller)
        return mailer.SmtpSettings(host="127.0.0.1", port=port, security="none", sender=LOGIN)

    yield start
    for controller in controllers:
        controller.stop()


def test_message_has_a_date(db, actor, server_of, proposal):
    """RFC 5322 requires Date; a submission server does not add it, and spam filters and mail
    programs treat a message without it badly."""
    inbox = Inbox()
    settings = server_of(inbox)
    row, contact, _ = proposal
    _, mail = _mail(db, row.id, "petrov@romashka.example")
    mailer.send_proposal(db, actor, row.id, settings, None, mail, contact_id=contact.id)
    [(_, _, content)] = inbox.messages
    message = message_from_bytes(content, policy=policy.default)
    assert message["Date"] is not None
    assert message["Date"].datetime is not None


def test_a_refused_quit_after_the_message_was_taken_still_records_it(
    db, actor, server_of, proposal
):
    """The server took the message: the e-mail is recorded (else the user sends it again)."""
    inbox = QuitRefusingInbox()
    settings = server_of(inbox)
    row, contact, deal = proposal
    _, mail = _mail(db, row.id, "petrov@romashka.example")
    mailer.send_proposal(db, actor, row.id, settings, None, mail, contact_id=contact.id)
    assert len(inbox.messages) == 1
    assert len(_interactions(db, deal.id)) == 1
    assert pr.proposals_of(db, deal.id)[0].status == "sent"


def test_a_recipient_on_a_cyrillic_domain(db, actor, server_of, proposal):
    """«петров@ромашка.рф» is a valid address: the domain goes out in punycode."""
    inbox = Inbox()
    settings = server_of(inbox)
    row, _, deal = proposal
    _, mail = _mail(db, row.id, "petrov@ромашка.рф")
    mailer.send_proposal(db, actor, row.id, settings, None, mail)
    [(_, recipients, content)] = inbox.messages
    assert recipients == ["petrov@xn--80aa3agjl3d.xn--p1ai"]
    message = message_from_bytes(content, policy=policy.default)
    assert message["To"].addresses[0].display_name == "Петров Пётр"
    assert [i.participant_text for i in _interactions(db, deal.id)] == ["petrov@ромашка.рф"]


def test_a_cyrillic_mailbox_needs_a_server_that_takes_it(db, actor, server_of, proposal):
    row, _, deal = proposal
    _, mail = _mail(db, row.id, "петров@ромашка.рф")
    inbox = Inbox()
    plain = server_of(inbox, enable_SMTPUTF8=False)
    with pytest.raises(mailer.MailError) as caught:
        mailer.send_proposal(db, actor, row.id, plain, None, mail)
    assert caught.value.field == "to_address"
    assert inbox.messages == []
    assert _interactions(db, deal.id) == []

    smtputf8 = server_of(inbox)  # aiosmtpd's Controller offers SMTPUTF8 by default
    mailer.send_proposal(db, actor, row.id, smtputf8, None, mail)
    [(_, recipients, _)] = inbox.messages
    assert recipients == ["петров@xn--80aa3agjl3d.xn--p1ai"]


def test_starttls_on_a_server_without_it_says_so(db, actor, server_of, proposal):
    settings = dataclasses.replace(server_of(Inbox()), security="starttls")
    row, _, deal = proposal
    _, mail = _mail(db, row.id, "petrov@romashka.example")
    with pytest.raises(mailer.MailError) as caught:
        mailer.send_proposal(db, actor, row.id, settings, None, mail)
    assert caught.value.field == "security"
    assert _interactions(db, deal.id) == []


def test_ssl_on_a_plain_port_points_at_the_security_setting(db, actor, server_of, proposal):
    """SSL/TLS chosen for a port that speaks plain SMTP (587 with STARTTLS, say): the user is
    sent to the port and security settings, not shown «WRONG_VERSION_NUMBER»."""
    settings = dataclasses.replace(server_of(Inbox()), security="ssl")
    row, _, deal = proposal
    _, mail = _mail(db, row.id, "petrov@romashka.example")
    with pytest.raises(mailer.MailError) as caught:
        mailer.send_proposal(db, actor, row.id, settings, None, mail)
    assert caught.value.field == "security"
    assert "Settings → E-mail" in str(caught.value)
    assert _interactions(db, deal.id) == []


def test_sent_but_not_recorded_says_not_to_send_again(db, actor, server_of, proposal, monkeypatch):
    """The server took the message, then the database refused the record: the error says the
    message went out (a plain «failed» would make the user send it twice)."""
    inbox = Inbox()
    settings = server_of(inbox)
    row, _, deal = proposal
    _, mail = _mail(db, row.id, "petrov@romashka.example")

    def refuse(*_args, **_kwargs):
        raise StorageError(QT_TRANSLATE_NOOP("UserErrors", "The database is not available."))

    monkeypatch.setattr(pr, "record_email_sent", refuse)
    with pytest.raises(mailer.NotRecordedError) as caught:
        mailer.send_proposal(db, actor, row.id, settings, None, mail)
    assert "was sent" in str(caught.value)
    assert len(inbox.messages) == 1
    assert _interactions(db, deal.id) == []


def test_a_subject_pasted_with_a_line_break_goes_on_one_line(db, actor, server_of, proposal):
    inbox = Inbox()
    settings = server_of(inbox)
    row, _, deal = proposal
    _, mail = _mail(db, row.id, "petrov@romashka.example")
    mail = dataclasses.replace(mail, subject="Коммерческое предложение\r\nBcc: x@evil.example")
    mailer.send_proposal(db, actor, row.id, settings, None, mail)
    [(_, recipients, content)] = inbox.messages
    assert recipients == ["petrov@romashka.example"]
    message = message_from_bytes(content, policy=policy.default)
    assert message["Subject"] == "Коммерческое предложение Bcc: x@evil.example"
    assert message["Bcc"] is None
    [interaction] = _interactions(db, deal.id)
    assert interaction.subject == "Коммерческое предложение Bcc: x@evil.example"
