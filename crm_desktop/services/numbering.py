"""Human-facing numbers (deal No., proposal No., claim No.) with this node's prefix.

Ids are UUIDs; numbers are for people, and each node (the office server, every field laptop)
numbers with its own prefix, so two laptops never hand out the same number. The counter row
is locked for the rest of the transaction (SELECT … FOR UPDATE on PostgreSQL; the write
transaction's own lock on SQLite), so numbers are unique and without gaps per node.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from crm_desktop.models import AppSetting, NumberSequence

NODE_PREFIX_KEY = "node_prefix"
DEFAULT_PREFIX = "А"  # Cyrillic А: the office server; laptops get their own when they join
WIDTH = 6


def node_prefix(session: Session) -> str:
    setting = session.get(AppSetting, NODE_PREFIX_KEY)
    return setting.value if setting is not None and setting.value else DEFAULT_PREFIX


def _counter(session: Session, kind: str, prefix: str) -> NumberSequence | None:
    return session.scalars(
        select(NumberSequence)
        .where(NumberSequence.kind == kind, NumberSequence.prefix == prefix)
        .with_for_update()
    ).one_or_none()


def next_number(session: Session, kind: str) -> str:
    """The next number of ``kind`` ("deal", "proposal", …) on this node: ``А-000042``."""
    prefix = node_prefix(session)
    row = _counter(session, kind, prefix)
    if row is None:
        # the first number of its kind on this node: create the counter in a savepoint; if a
        # concurrent transaction created it first (PostgreSQL), take theirs, locked
        try:
            with session.begin_nested():
                session.add(NumberSequence(kind=kind, prefix=prefix, last_value=0))
        except IntegrityError:
            pass
        row = _counter(session, kind, prefix)
        assert row is not None
    row.last_value += 1
    session.flush()
    return f"{prefix}-{row.last_value:0{WIDTH}d}"


_LATIN_LOOKALIKES = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")


def number_variants(typed: str) -> list[str]:
    """What a typed number may stand for: as typed, in capitals, and with Latin letters that
    look like Cyrillic ones read as Cyrillic («A-000042» typed on a Latin keyboard is
    «А-000042»)."""
    text = typed.strip()
    upper = text.upper()
    return sorted({text, upper, upper.translate(_LATIN_LOOKALIKES)})
