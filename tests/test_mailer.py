"""E-mailing a proposal through a local SMTP server (aiosmtpd) on both backends: the message
arrives with the PDF, to the right person, and the e-mail is recorded on the deal; a wrong
password says so plainly and records nothing."""

from __future__ import annotations

import socket
from datetime import date
from decimal import Decimal
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select

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
