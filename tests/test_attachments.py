"""Attachments on both backends: size limit, checksum, MIME type, list without content, removal."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from crm_desktop.errors import NotFoundError, ValidationError
from crm_desktop.models import Attachment, new_id
from crm_desktop.services import attachments as a
from crm_desktop.services import interactions as it
from crm_desktop.services import parties as p
from crm_desktop.services import tasks as t
from crm_desktop.services.uow import read_unit, write_unit


@pytest.fixture
def interaction(db, actor):
    return it.create_interaction(db, actor, it.InteractionDraft(kind="meeting", subject="Встреча"))


def count_attachments(db):
    with read_unit(db) as session:
        return session.scalar(select(func.count()).select_from(Attachment))


def test_add_list_read_and_remove(db, actor, interaction):
    content = b"%PDF-1.7\n" + bytes(range(256)) * 10
    row = a.add_attachment(db, actor, "interaction", interaction.id, "C:\\Docs\\КП №5.pdf", content)
    assert (row.file_name, row.mime_type, row.size, row.sha256, row.created_by) == (
        "КП №5.pdf",
        "application/pdf",
        len(content),
        hashlib.sha256(content).hexdigest(),
        "Иванов Иван Иванович",
    )
    a.add_attachment(db, actor, "interaction", interaction.id, "notes", b"", mime_type="text/plain")
    listed = a.list_attachments(db, "interaction", interaction.id)
    assert [(x.file_name, x.mime_type, x.size) for x in listed] == [
        ("КП №5.pdf", "application/pdf", len(content)),
        ("notes", "text/plain", 0),
    ]
    assert not hasattr(listed[0], "content")
    got = a.attachment_content(db, row.id)
    assert (got.file_name, got.mime_type, got.content) == ("КП №5.pdf", "application/pdf", content)

    a.remove_attachment(db, actor, row.id)
    assert [x.file_name for x in a.list_attachments(db, "interaction", interaction.id)] == ["notes"]
    with pytest.raises(NotFoundError):
        a.attachment_content(db, row.id)
    with pytest.raises(NotFoundError):
        a.remove_attachment(db, actor, row.id)


def test_unknown_type_is_octet_stream_and_other_owners_work(db, actor):
    task = t.create_task(db, actor, t.TaskDraft(title="Дело", due_at=datetime.now(UTC)))
    row = a.add_attachment(db, actor, "task", task.id, "dump.zzz-unknown", b"\x00\x01")
    assert row.mime_type == "application/octet-stream"
    assert [x.id for x in a.list_attachments(db, "task", task.id)] == [row.id]
    assert a.list_attachments(db, "interaction", task.id) == []


def test_a_file_over_20_mb_is_refused_with_a_clear_message(db, actor, interaction):
    with pytest.raises(ValidationError) as caught:
        a.add_attachment(
            db, actor, "interaction", interaction.id, "big.bin", b"\0" * (a.MAX_SIZE + 1)
        )
    assert caught.value.field == "file"
    assert "at most 20 MB" in str(caught.value)
    assert count_attachments(db) == 0
    exactly = a.add_attachment(
        db, actor, "interaction", interaction.id, "edge.bin", b"\0" * a.MAX_SIZE
    )
    assert exactly.size == a.MAX_SIZE


def test_add_attachment_file_checks_the_size_before_reading(db, actor, interaction, tmp_path):
    small = tmp_path / "прайс.xlsx"
    small.write_bytes(b"PK\x03\x04 table")
    row = a.add_attachment_file(db, actor, "interaction", interaction.id, small)
    assert (row.file_name, row.size) == ("прайс.xlsx", 10)
    assert row.mime_type == ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    big = tmp_path / "big.bin"
    with big.open("wb") as handle:
        handle.truncate(a.MAX_SIZE + 1)
    with pytest.raises(ValidationError):
        a.add_attachment_file(db, actor, "interaction", interaction.id, big)


def test_owner_must_be_live_and_the_name_given(db, actor, interaction):
    with pytest.raises(NotFoundError):
        a.add_attachment(db, actor, "deal", new_id(), "a.txt", b"x")
    with pytest.raises(ValidationError) as caught:
        a.add_attachment(db, actor, "interaction", interaction.id, "  ", b"x")
    assert caught.value.field == "file_name"
    with pytest.raises(ValueError, match="owner kind"):
        a.add_attachment(db, actor, "client", interaction.id, "a.txt", b"x")
    it.delete_interaction(db, actor, interaction.id, interaction.version)
    with pytest.raises(NotFoundError):
        a.add_attachment(db, actor, "interaction", interaction.id, "a.txt", b"x")
    assert count_attachments(db) == 0


def test_damaged_content_is_reported(db, actor, interaction):
    row = a.add_attachment(db, actor, "interaction", interaction.id, "a.txt", b"original")
    with write_unit(db, actor) as session:
        session.get(Attachment, row.id).content = b"tampered"
    with pytest.raises(ValidationError) as caught:
        a.attachment_content(db, row.id)
    assert caught.value.field == "file"


def test_the_client_card_is_not_an_owner(db, actor):
    client = p.create_client(db, actor, p.ClientDraft(name="Ромашка"))
    with pytest.raises(ValueError, match="owner kind"):
        a.list_attachments(db, "client", client.id)
