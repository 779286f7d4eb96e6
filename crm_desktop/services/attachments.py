"""Attachments: files kept in the database beside an interaction, task, claim, lead or deal.

A file is at most :data:`MAX_SIZE` bytes; it is stored with its size and sha256 (a sync ships it
by that and checks it) and a MIME type guessed from its name when none is given. Lists never read
the content; :func:`attachment_content` reads one file. Removing is a soft delete.
"""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from crm_desktop.models import Attachment, Claim, Deal, Entity, Interaction, Lead, Task, User
from crm_desktop.models.activities import ATTACHMENT_OWNERS
from crm_desktop.services import validation as v
from crm_desktop.services.parties import live, utc_now
from crm_desktop.services.uow import Actor, read_unit, write_unit

__all__ = [
    "ATTACHMENT_OWNERS",
    "MAX_SIZE",
    "AttachmentFile",
    "AttachmentRow",
    "add_attachment",
    "add_attachment_file",
    "attachment_content",
    "guess_mime",
    "list_attachments",
    "remove_attachment",
]

MAX_SIZE: Final = 20 * 1024 * 1024  # 20 MB
LIST_MAX: Final = 500
DEFAULT_MIME: Final = "application/octet-stream"

_OWNER_MODELS: Final[dict[str, type[Entity]]] = {
    "interaction": Interaction,
    "task": Task,
    "claim": Claim,
    "lead": Lead,
    "deal": Deal,
}


@dataclass(frozen=True)
class AttachmentRow:
    """An attachment as a list shows it (without its content)."""

    id: uuid.UUID
    owner_kind: str
    owner_id: uuid.UUID
    file_name: str
    mime_type: str
    size: int
    sha256: str
    created_at: datetime
    created_by: str | None


@dataclass(frozen=True)
class AttachmentFile:
    """One attachment's content, to save or open."""

    id: uuid.UUID
    file_name: str
    mime_type: str
    content: bytes


def _owner_model(owner_kind: str) -> type[Entity]:
    try:
        return _OWNER_MODELS[owner_kind]
    except KeyError:
        raise ValueError(f"unknown attachment owner kind {owner_kind!r}") from None


def _writable_owner(session: Session, owner: Entity) -> None:
    """A closed claim's files stay as they were when it was closed (a card opened before
    someone closed it must not change them)."""
    if isinstance(owner, Claim) and owner.status == "closed":
        raise ValidationError.single(
            "file",
            QT_TRANSLATE_NOOP(
                "UserErrors", "The claim is closed: its files can no longer be changed."
            ),
        )


def _too_large(size: int) -> ValidationError:
    return ValidationError.single(
        "file",
        QT_TRANSLATE_NOOP(
            "UserErrors",
            "The file is too large: {size} MB; a file of at most {max} MB can be attached.",
        ),
        size=f"{size / (1024 * 1024):.1f}",
        max=MAX_SIZE // (1024 * 1024),
    )


def _clean_name(file_name: str) -> str:
    """The file's own name: folders dropped (either separator), cleaned as single-line text."""
    base = PurePath(file_name.replace("\\", "/")).name
    name = v.clean_text(base, field="file_name", max_length=255, required=True)
    assert name is not None
    return name


# what an office sends most, the same on every machine (the system's tables differ: Windows reads
# the registry, a bare Linux knows no .docx)
_OFFICE_TYPES: Final = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".rtf": "application/rtf",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".xml": "application/xml",
    ".eml": "message/rfc822",
    ".msg": "application/vnd.ms-outlook",
    ".zip": "application/zip",
    ".7z": "application/x-7z-compressed",
    ".rar": "application/vnd.rar",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}


def guess_mime(file_name: str) -> str:
    """The MIME type of a file by its name's extension; unknown: application/octet-stream."""
    known = _OFFICE_TYPES.get(PurePath(file_name).suffix.lower())
    if known is not None:
        return known
    guessed, _encoding = mimetypes.guess_type(file_name, strict=False)
    return guessed or DEFAULT_MIME


def add_attachment(
    db: Database,
    actor: Actor | None,
    owner_kind: str,
    owner_id: uuid.UUID,
    file_name: str,
    content: bytes,
    mime_type: str | None = None,
) -> AttachmentRow:
    """Attach ``content`` under ``file_name`` to a live record of ``owner_kind`` (one of
    :data:`ATTACHMENT_OWNERS`). A file over :data:`MAX_SIZE` is refused on field "file"."""
    model = _owner_model(owner_kind)
    if len(content) > MAX_SIZE:
        raise _too_large(len(content))
    name = _clean_name(file_name)
    mime = (mime_type or "").strip() or guess_mime(name)
    if len(mime) > 255:
        mime = DEFAULT_MIME
    digest = hashlib.sha256(content).hexdigest()
    with write_unit(db, actor) as session:
        _writable_owner(session, live(session, model, owner_id, "owner_id"))
        attachment = Attachment(
            owner_kind=owner_kind,
            owner_id=owner_id,
            file_name=name,
            mime_type=mime,
            size=len(content),
            sha256=digest,
            content=content,
        )
        session.add(attachment)
        session.flush()
        creator = session.get(User, actor.user_id) if actor is not None else None
        return AttachmentRow(
            attachment.id,
            owner_kind,
            owner_id,
            name,
            mime,
            len(content),
            digest,
            attachment.created_at,
            creator.full_name if creator is not None else None,
        )


def add_attachment_file(
    db: Database,
    actor: Actor | None,
    owner_kind: str,
    owner_id: uuid.UUID,
    path: Path,
    mime_type: str | None = None,
) -> AttachmentRow:
    """Attach a file from disk; a file over the limit is refused before it is read."""
    size = path.stat().st_size
    if size > MAX_SIZE:
        raise _too_large(size)
    with path.open("rb") as handle:
        content = handle.read(MAX_SIZE + 1)
    return add_attachment(db, actor, owner_kind, owner_id, path.name, content, mime_type)


def list_attachments(db: Database, owner_kind: str, owner_id: uuid.UUID) -> list[AttachmentRow]:
    """A record's live attachments, oldest first (at most :data:`LIST_MAX`); no content read."""
    _owner_model(owner_kind)
    query = (
        select(
            Attachment.id,
            Attachment.owner_kind,
            Attachment.owner_id,
            Attachment.file_name,
            Attachment.mime_type,
            Attachment.size,
            Attachment.sha256,
            Attachment.created_at,
            User.full_name,
        )
        .outerjoin(User, User.id == Attachment.created_by_id)
        .where(
            Attachment.owner_kind == owner_kind,
            Attachment.owner_id == owner_id,
            Attachment.deleted_at.is_(None),
        )
        .order_by(Attachment.created_at, Attachment.id)
        .limit(LIST_MAX)
    )
    with read_unit(db) as session:
        return [AttachmentRow(*row) for row in session.execute(query)]


def attachment_content(db: Database, attachment_id: uuid.UUID) -> AttachmentFile:
    """One live attachment's content, checked against its sha256."""
    with read_unit(db) as session:
        row = session.execute(
            select(
                Attachment.file_name,
                Attachment.mime_type,
                Attachment.content,
                Attachment.sha256,
            ).where(Attachment.id == attachment_id, Attachment.deleted_at.is_(None))
        ).one_or_none()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("UserErrors", "The record was not found; it may have been deleted."),
            field="id",
        )
    file_name, mime_type, content, digest = row
    content = bytes(content)
    if hashlib.sha256(content).hexdigest() != digest:
        raise ValidationError.single(
            "file",
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The stored file is damaged: its checksum does not match. Attach it again.",
            ),
        )
    return AttachmentFile(attachment_id, file_name, mime_type, content)


def remove_attachment(db: Database, actor: Actor | None, attachment_id: uuid.UUID) -> None:
    """Soft-delete: the file leaves the list; its row stays for the history and a sync."""
    with write_unit(db, actor) as session:
        attachment = session.get(
            Attachment, attachment_id, options=[defer(Attachment.content)]
        )  # the content is not read to remove it
        if attachment is None or attachment.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "UserErrors", "The record was not found; it may have been deleted."
                ),
                field="id",
            )
        owner = session.get(_owner_model(attachment.owner_kind), attachment.owner_id)
        if owner is not None:
            _writable_owner(session, owner)
        attachment.deleted_at = utc_now()
