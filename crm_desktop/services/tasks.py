"""Tasks (дела): set, edit, complete, cancel, snooze; "my tasks" by day; a record's tasks; the
keyset-paged Tasks list (:func:`task_page` and its siblings, filtered by :class:`TaskFilter`, with
the "my tasks" buckets of :func:`bucket_filter`).

A manager sets tasks for himself only; a supervisor sets them for anyone. The author is always
the acting user. A task may be changed (and completed, cancelled, snoozed) by its assignee, its
author or a supervisor. Every write is one unit of work; bad input raises one ValidationError
naming each field and writes nothing.

Times are aware datetimes stored in UTC; the read functions take ``now`` (and the user's time
zone as a ``tzinfo`` where days matter) from the caller, so a test controls the clock.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, PermissionDeniedError, ValidationError
from crm_desktop.models import Client, Contact, Deal, Interaction, Task, User
from crm_desktop.models.activities import TASK_PRIORITIES, TASK_STATUSES
from crm_desktop.models.base import UTCDateTime
from crm_desktop.services import validation as v
from crm_desktop.services.interactions import (
    OPEN_STATUSES,
    Links,
    check_links,
    check_user,
    deal_label,
    full_name,
)
from crm_desktop.services.lists import (
    ANCHOR_EVERY,
    SEARCH_CAP,
    Key,
    PageRequest,
    SearchHits,
    _anchors,
    _count,
    _page,
    _scope,
    _search,
    _Spec,
)
from crm_desktop.services.parties import FieldErrors, check_version, live, utc_now
from crm_desktop.services.search import prefix_of
from crm_desktop.services.uow import Actor, read_unit, write_unit

__all__ = [
    "SNOOZE_KINDS",
    "TASK_BUCKETS",
    "TASK_PRIORITIES",
    "TASK_SORT_KEYS",
    "TASK_STATUSES",
    "MyTasks",
    "TaskDetails",
    "TaskDraft",
    "TaskFilter",
    "TaskRow",
    "bucket_counts",
    "bucket_filter",
    "cancel_task",
    "complete_task",
    "create_task",
    "day_start",
    "delete_task",
    "get_task",
    "my_tasks",
    "reopen_task",
    "snooze",
    "task_anchors",
    "task_count",
    "task_page",
    "task_search",
    "tasks_for",
    "update_task",
    "visible_filter",
]

SNOOZE_KINDS: Final = ("task", "interaction")
DESCRIPTION_MAX: Final = 20_000


@dataclass(frozen=True)
class TaskDraft:
    """What a task card saves. ``assignee_id`` ``None``: the acting user on create, unchanged
    on update. Links left empty are filled from the interaction (when one is given), and the
    client as for interactions (deal, claim, lead, or the contact's primary client)."""

    title: str
    due_at: datetime  # aware
    description: str | None = None
    assignee_id: uuid.UUID | None = None
    priority: str = "normal"  # one of TASK_PRIORITIES
    client_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    deal_id: uuid.UUID | None = None
    lead_id: uuid.UUID | None = None
    claim_id: uuid.UUID | None = None
    interaction_id: uuid.UUID | None = None


@dataclass(frozen=True)
class TaskRow:
    id: uuid.UUID
    title: str
    due_at: datetime
    remind_at: datetime | None
    status: str  # one of TASK_STATUSES
    priority: str  # one of TASK_PRIORITIES
    assignee_id: uuid.UUID
    assignee: str | None
    author: str | None
    client_id: uuid.UUID | None
    client: str | None
    contact_id: uuid.UUID | None
    contact: str | None
    deal_id: uuid.UUID | None
    deal: str | None  # "А-000042 Поставка"
    done_at: datetime | None
    is_deleted: bool = False

    @property
    def key(self) -> Key:
        """The position :func:`tasks_for` pages by: pass it as ``before``."""
        return (self.due_at, self.id)


@dataclass(frozen=True)
class TaskDetails:
    id: uuid.UUID
    version: int
    title: str
    description: str | None
    due_at: datetime
    remind_at: datetime | None
    status: str
    priority: str
    assignee_id: uuid.UUID
    assignee: str | None
    author_id: uuid.UUID | None
    author: str | None
    done_at: datetime | None
    done_by_id: uuid.UUID | None
    done_by: str | None
    client_id: uuid.UUID | None
    contact_id: uuid.UUID | None
    deal_id: uuid.UUID | None
    lead_id: uuid.UUID | None
    claim_id: uuid.UUID | None
    interaction_id: uuid.UUID | None
    created_at: datetime
    deleted_at: datetime | None

    def as_draft(self) -> TaskDraft:
        return TaskDraft(
            title=self.title,
            due_at=self.due_at,
            description=self.description,
            assignee_id=self.assignee_id,
            priority=self.priority,
            client_id=self.client_id,
            contact_id=self.contact_id,
            deal_id=self.deal_id,
            lead_id=self.lead_id,
            claim_id=self.claim_id,
            interaction_id=self.interaction_id,
        )


@dataclass(frozen=True)
class MyTasks:
    """A user's open tasks by due time in his local days: ``overdue`` (due before now),
    ``today`` (from now to the end of the local day), ``this_week`` (from tomorrow to the end
    of Sunday; empty on a Sunday). Each is soonest first."""

    overdue: tuple[TaskRow, ...]
    today: tuple[TaskRow, ...]
    this_week: tuple[TaskRow, ...]


TASK_BUCKETS: Final = ("overdue", "today", "week", "later", "open", "done")
"""The Tasks list's buckets, in a user's local days: open ones due before now ("overdue"), from
now to the end of today ("today"), from tomorrow to the end of Sunday ("week"), after that
("later"), every open one ("open"), and the done ones ("done")."""


@dataclass(frozen=True)
class TaskFilter:
    """Which tasks the Tasks list shows. A manager sees only his own: pass the filter through
    :func:`visible_filter`; :func:`bucket_filter` sets the status and due period of a bucket."""

    assignee_id: uuid.UUID | None = None  # None: everyone's
    status: str | None = "open"  # one of TASK_STATUSES; None: any
    due_from: datetime | None = None  # inclusive, aware
    due_to: datetime | None = None  # exclusive, aware
    client_id: uuid.UUID | None = None
    include_deleted: bool = False
    search: str = ""  # the beginning of the title


# --- helpers ------------------------------------------------------------------------------------


def _aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"{name} must be an aware datetime, got {value!r}")
    return value.astimezone(UTC)


def day_start(moment: datetime, tz: tzinfo, days: int = 0) -> datetime:
    """The start (in UTC) of the local day ``days`` after the one ``moment`` falls on in ``tz``."""
    local_day = _aware(moment, "moment").astimezone(tz).date() + timedelta(days=days)
    return datetime.combine(local_day, time(), tzinfo=tz).astimezone(UTC)


def _deny_others(actor: Actor, assignee_id: uuid.UUID) -> None:
    if assignee_id != actor.user_id and not actor.is_supervisor:
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "A manager sets tasks only for himself; ask a supervisor to set a task for "
                "someone else.",
            ),
            field="assignee_id",
        )


def _may_change(actor: Actor, task: Task) -> None:
    if actor.is_supervisor or actor.user_id in (task.assignee_id, task.author_id):
        return
    raise PermissionDeniedError(
        QT_TRANSLATE_NOOP(
            "UserErrors",
            "This is someone else's task: only its assignee, its author or a supervisor can "
            "change it.",
        )
    )


def _values(
    session: Session, actor: Actor, draft: TaskDraft, existing: Task | None
) -> dict[str, Any]:
    errors = FieldErrors()
    title = errors.check(
        lambda: v.clean_text(draft.title, field="title", max_length=255, required=True)
    )
    description = errors.check(
        lambda: v.clean_text(
            draft.description, field="description", max_length=DESCRIPTION_MAX, multiline=True
        )
    )
    if draft.priority not in TASK_PRIORITIES:
        errors.add("priority", QT_TRANSLATE_NOOP("UserErrors", "Choose a priority from the list."))
    due_at = _aware(draft.due_at, "due_at")
    assignee_id = draft.assignee_id
    if assignee_id is None:
        assignee_id = existing.assignee_id if existing is not None else actor.user_id
    if existing is None or assignee_id != existing.assignee_id:
        _deny_others(actor, assignee_id)
        check_user(session, errors, assignee_id, "assignee_id")
    links = Links(
        client_id=draft.client_id,
        contact_id=draft.contact_id,
        deal_id=draft.deal_id,
        lead_id=draft.lead_id,
        claim_id=draft.claim_id,
    )
    if draft.interaction_id is not None:
        source = session.get(Interaction, draft.interaction_id)
        if source is None or source.deleted_at is not None:
            errors.add(
                "interaction_id", QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list.")
            )
        else:
            links = Links(
                client_id=links.client_id or source.client_id,
                contact_id=links.contact_id or source.contact_id,
                deal_id=links.deal_id or source.deal_id,
                lead_id=links.lead_id or source.lead_id,
                claim_id=links.claim_id or source.claim_id,
            )
    links = check_links(session, errors, links)
    errors.raise_if_any()
    values: dict[str, Any] = {
        "title": title,
        "description": description,
        "due_at": due_at,
        "assignee_id": assignee_id,
        "priority": draft.priority,
        "client_id": links.client_id,
        "contact_id": links.contact_id,
        "deal_id": links.deal_id,
        "lead_id": links.lead_id,
        "claim_id": links.claim_id,
        "interaction_id": draft.interaction_id,
    }
    if existing is not None and due_at != existing.due_at:
        values["remind_at"] = None  # a new due time: the old snooze no longer applies
    return values


def _assign(obj: Any, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def _name(session: Session, user_id: uuid.UUID | None) -> str | None:
    user = session.get(User, user_id) if user_id is not None else None
    return user.full_name if user is not None else None


def _details(session: Session, task: Task) -> TaskDetails:
    return TaskDetails(
        id=task.id,
        version=task.version,
        title=task.title,
        description=task.description,
        due_at=task.due_at,
        remind_at=task.remind_at,
        status=task.status,
        priority=task.priority,
        assignee_id=task.assignee_id,
        assignee=_name(session, task.assignee_id),
        author_id=task.author_id,
        author=_name(session, task.author_id),
        done_at=task.done_at,
        done_by_id=task.done_by_id,
        done_by=_name(session, task.done_by_id),
        client_id=task.client_id,
        contact_id=task.contact_id,
        deal_id=task.deal_id,
        lead_id=task.lead_id,
        claim_id=task.claim_id,
        interaction_id=task.interaction_id,
        created_at=task.created_at,
        deleted_at=task.deleted_at,
    )


def _open_task(session: Session, actor: Actor, task_id: uuid.UUID, field_name: str) -> Task:
    task = live(session, Task, task_id, field_name)
    _may_change(actor, task)
    if task.status != "open":
        raise ValidationError.single(
            "status",
            QT_TRANSLATE_NOOP(
                "UserErrors", "This task is already closed; reopen it to change its state."
            ),
        )
    return task


# --- writing ------------------------------------------------------------------------------------


def create_task(db: Database, actor: Actor, draft: TaskDraft) -> TaskDetails:
    """Set a task; its author is ``actor``. A manager may assign only himself
    (PermissionDeniedError on ``assignee_id``), a supervisor anyone."""
    with write_unit(db, actor) as session:
        task = Task(**_values(session, actor, draft, None), author_id=actor.user_id)
        session.add(task)
        session.flush()
        return _details(session, task)


def update_task(
    db: Database, actor: Actor, task_id: uuid.UUID, expected_version: int, draft: TaskDraft
) -> TaskDetails:
    """Edit a task (its assignee, author or a supervisor); handing it to someone else is a
    supervisor's. A new due time drops a snooze."""
    with write_unit(db, actor) as session:
        task = live(session, Task, task_id, "title")
        check_version(task, expected_version)
        _may_change(actor, task)
        _assign(task, _values(session, actor, draft, task))
        session.flush()
        return _details(session, task)


def complete_task(
    db: Database,
    actor: Actor,
    task_id: uuid.UUID,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> TaskDetails:
    """Mark an open task done, recording who (``actor``) and when (``now``, default: now)."""
    with write_unit(db, actor) as session:
        task = _open_task(session, actor, task_id, "id")
        if expected_version is not None:
            check_version(task, expected_version)
        task.status = "done"
        task.done_at = _aware(now, "now") if now is not None else utc_now()
        task.done_by_id = actor.user_id
        session.flush()
        return _details(session, task)


def cancel_task(
    db: Database, actor: Actor, task_id: uuid.UUID, *, expected_version: int | None = None
) -> TaskDetails:
    with write_unit(db, actor) as session:
        task = _open_task(session, actor, task_id, "id")
        if expected_version is not None:
            check_version(task, expected_version)
        task.status = "cancelled"
        session.flush()
        return _details(session, task)


def reopen_task(
    db: Database, actor: Actor, task_id: uuid.UUID, *, expected_version: int | None = None
) -> TaskDetails:
    """Make a done or cancelled task open again (who and when it was done are cleared)."""
    with write_unit(db, actor) as session:
        task = live(session, Task, task_id, "id")
        _may_change(actor, task)
        if expected_version is not None:
            check_version(task, expected_version)
        if task.status != "open":
            task.status = "open"
            task.done_at = None
            task.done_by_id = None
        session.flush()
        return _details(session, task)


def delete_task(db: Database, actor: Actor, task_id: uuid.UUID, expected_version: int) -> None:
    with write_unit(db, actor) as session:
        task = live(session, Task, task_id, "id")
        check_version(task, expected_version)
        _may_change(actor, task)
        task.deleted_at = utc_now()


def snooze(
    db: Database,
    actor: Actor,
    kind: str,
    item_id: uuid.UUID,
    until: datetime,
    *,
    now: datetime | None = None,
) -> None:
    """Remind again at ``until`` (which must be after ``now``, default: now): an open task
    (``kind`` "task") or a planned or postponed interaction ("interaction") of the actor's, or
    anyone's for a supervisor. The due or start time itself stays."""
    if kind not in SNOOZE_KINDS:
        raise ValueError(f"unknown kind to snooze: {kind!r}")
    until = _aware(until, "until")
    current = _aware(now, "now") if now is not None else utc_now()
    if until <= current:
        raise ValidationError.single(
            "remind_at", QT_TRANSLATE_NOOP("UserErrors", "Choose a time in the future.")
        )
    with write_unit(db, actor) as session:
        if kind == "task":
            task = _open_task(session, actor, item_id, "id")
            task.remind_at = until
            return
        interaction = live(session, Interaction, item_id, "id")
        if not actor.is_supervisor and interaction.responsible_id not in (None, actor.user_id):
            raise PermissionDeniedError(
                QT_TRANSLATE_NOOP(
                    "UserErrors",
                    "This is someone else's interaction: only the responsible user or a "
                    "supervisor can change it.",
                )
            )
        if interaction.status not in OPEN_STATUSES:
            raise ValidationError.single(
                "status",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "Only a planned or postponed interaction can be snoozed."
                ),
            )
        interaction.remind_at = until


def get_task(db: Database, task_id: uuid.UUID) -> TaskDetails:
    with read_unit(db) as session:
        return _details(session, live(session, Task, task_id, "id"))


# --- reading ------------------------------------------------------------------------------------

_Assignee = aliased(User, name="task_assignee")
_Author = aliased(User, name="task_author")
_TClient = aliased(Client, name="task_client")
_TContact = aliased(Contact, name="task_contact")
_TDeal = aliased(Deal, name="task_deal")


def task_rows(key: Any | None = None) -> Select[*tuple[Any, ...]]:
    """``select(id, …)`` of the columns a :class:`TaskRow` needs, with their joins; with
    ``key``, ``select(sort value, id, …)`` (the lists ``_Spec`` shape)."""
    first: tuple[Any, ...] = () if key is None else (key.label("sort_value"),)
    return (
        select(
            *first,
            Task.id,
            Task.title,
            Task.due_at,
            Task.remind_at,
            Task.status,
            Task.priority,
            Task.assignee_id,
            _Assignee.full_name,
            _Author.full_name,
            Task.client_id,
            _TClient.name,
            Task.contact_id,
            _TContact.last_name,
            _TContact.first_name,
            _TContact.middle_name,
            Task.deal_id,
            _TDeal.number,
            _TDeal.title,
            Task.done_at,
            Task.deleted_at.is_not(None),
        )
        .outerjoin(_Assignee, _Assignee.id == Task.assignee_id)
        .outerjoin(_Author, _Author.id == Task.author_id)
        .outerjoin(_TClient, _TClient.id == Task.client_id)
        .outerjoin(_TContact, _TContact.id == Task.contact_id)
        .outerjoin(_TDeal, _TDeal.id == Task.deal_id)
    )


def task_row(values: Sequence[Any]) -> TaskRow:
    (
        row_id,
        title,
        due_at,
        remind_at,
        status,
        priority,
        assignee_id,
        assignee,
        author,
        client_id,
        client,
        contact_id,
        last,
        first,
        middle,
        deal_id,
        deal_number,
        deal_title,
        done_at,
        is_deleted,
    ) = values
    return TaskRow(
        id=row_id,
        title=title,
        due_at=due_at,
        remind_at=remind_at,
        status=status,
        priority=priority,
        assignee_id=assignee_id,
        assignee=assignee,
        author=author,
        client_id=client_id,
        client=client,
        contact_id=contact_id,
        contact=full_name(last, first, middle),
        deal_id=deal_id,
        deal=deal_label(deal_number, deal_title),
        done_at=done_at,
        is_deleted=bool(is_deleted),
    )


def read_task_rows(session: Session, query: Select[*tuple[Any, ...]]) -> list[TaskRow]:
    return [task_row(tuple(row)) for row in session.execute(query)]


def open_tasks_between(
    session: Session,
    user_id: uuid.UUID,
    start: datetime | None,
    end: datetime | None,
    limit: int,
) -> list[TaskRow]:
    """The user's open tasks due in ``[start, end)`` (either open), soonest first."""
    where: list[ColumnElement[bool]] = [
        Task.assignee_id == user_id,
        Task.status == "open",
        Task.deleted_at.is_(None),
    ]
    if start is not None:
        where.append(Task.due_at >= start)
    if end is not None:
        where.append(Task.due_at < end)
    query = task_rows().where(*where).order_by(Task.due_at, Task.id).limit(max(limit, 0))
    return read_task_rows(session, query)


def my_tasks(
    db: Database, user_id: uuid.UUID, now: datetime, tz: tzinfo, *, limit: int = 200
) -> MyTasks:
    """The user's open tasks: overdue, the rest of today, the rest of this week (Monday to
    Sunday in ``tz``), at most ``limit`` in each."""
    now = _aware(now, "now")
    tomorrow = day_start(now, tz, 1)
    local_today = now.astimezone(tz).date()
    next_monday = day_start(now, tz, 7 - local_today.weekday())
    with read_unit(db) as session:
        overdue = open_tasks_between(session, user_id, None, now, limit)
        today = open_tasks_between(session, user_id, now, tomorrow, limit)
        week = open_tasks_between(session, user_id, tomorrow, next_monday, limit)
    return MyTasks(tuple(overdue), tuple(today), tuple(week))


def _before(before: Key) -> ColumnElement[bool]:
    value, row_id = before
    position = tuple_(Task.due_at, Task.id)
    bound = tuple_(
        bindparam(None, value, type_=Task.due_at.type),
        bindparam(None, row_id, type_=Task.id.type),
    )
    return position < bound


def tasks_for(
    db: Database,
    *,
    client_id: uuid.UUID | None = None,
    contact_id: uuid.UUID | None = None,
    deal_id: uuid.UUID | None = None,
    lead_id: uuid.UUID | None = None,
    claim_id: uuid.UUID | None = None,
    interaction_id: uuid.UUID | None = None,
    status: str | None = None,
    limit: int = 50,
    before: Key | None = None,
) -> list[TaskRow]:
    """A record's tasks (of one ``status``, or all), latest due first, ``limit`` at a time: the
    next page is the one ``before`` the last row's :attr:`TaskRow.key`."""
    where: list[ColumnElement[bool]] = [Task.deleted_at.is_(None)]
    for column, value in (
        (Task.client_id, client_id),
        (Task.contact_id, contact_id),
        (Task.deal_id, deal_id),
        (Task.lead_id, lead_id),
        (Task.claim_id, claim_id),
        (Task.interaction_id, interaction_id),
    ):
        if value is not None:
            where.append(column == value)
    if len(where) == 1:
        raise ValueError("tasks_for needs a record to read the tasks of")
    if status is not None:
        if status not in TASK_STATUSES:
            raise ValueError(f"unknown task status {status!r}")
        where.append(Task.status == status)
    if before is not None:
        where.append(_before(before))
    query = (
        task_rows().where(*where).order_by(Task.due_at.desc(), Task.id.desc()).limit(max(limit, 0))
    )
    with read_unit(db) as session:
        return read_task_rows(session, query)


# --- the Tasks list (keyset-paged) ----------------------------------------------------------------

NO_TIME: Final = datetime(1, 1, 1, tzinfo=UTC)  # a missing time sorts first ascending
_PRIORITY_ORDER: Final = {"high": 0, "normal": 1, "low": 2}  # ascending: the urgent first
_STATUS_ORDER: Final = {status: i for i, status in enumerate(TASK_STATUSES)}

# sort key name → NOT NULL SQL expression; every sortable column of the list has one
TASK_SORT_KEYS: Final[Mapping[str, Any]] = {
    "due_at": Task.due_at,
    "title": Task.title,
    "priority": case(_PRIORITY_ORDER, value=Task.priority, else_=literal(len(_PRIORITY_ORDER))),
    "status": case(_STATUS_ORDER, value=Task.status, else_=literal(len(_STATUS_ORDER))),
    "assignee": func.coalesce(_Assignee.full_name, ""),
    "author": func.coalesce(_Author.full_name, ""),
    "client": func.coalesce(_TClient.search_key, ""),
    "done_at": func.coalesce(Task.done_at, literal(NO_TIME, UTCDateTime()), type_=UTCDateTime()),
}


def _title_condition(text: str) -> ColumnElement[bool] | None:
    """The title begins with the text as typed, or with its first letter capitalised.

    The range of :func:`prefix_of` seeks the index on ``task.title`` (there is no case-folded
    key, hence the two spellings).
    """
    typed = text.strip()
    if not typed:
        return None
    prefixes = sorted({typed, typed[:1].upper() + typed[1:]})
    return or_(*(prefix_of(Task.title, prefix) for prefix in prefixes))


def _title_match(session: Session, model: Any, text: str) -> Any:
    del session, model
    return _title_condition(text)


_TASKS: Final = _Spec(Task, TASK_SORT_KEYS, task_rows, task_row, _title_match)


def visible_filter(actor: Actor, flt: TaskFilter) -> TaskFilter:
    """``flt`` as ``actor`` may see it: a manager sees only his own tasks, a supervisor
    anyone's (``assignee_id`` ``None``: everyone's)."""
    if actor.is_supervisor or flt.assignee_id == actor.user_id:
        return flt
    return replace(flt, assignee_id=actor.user_id)


def _bounds(now: datetime, tz: tzinfo) -> tuple[datetime, datetime, datetime]:
    """Now, the start of tomorrow and the start of next Monday, local days in ``tz`` (UTC)."""
    current = _aware(now, "now")
    local_today = current.astimezone(tz).date()
    return current, day_start(current, tz, 1), day_start(current, tz, 7 - local_today.weekday())


def bucket_filter(flt: TaskFilter, bucket: str, now: datetime, tz: tzinfo) -> TaskFilter:
    """``flt`` with the status and due period of ``bucket`` (one of :data:`TASK_BUCKETS`) at
    ``now``, the days taken in ``tz`` (Monday to Sunday weeks)."""
    current, tomorrow, next_monday = _bounds(now, tz)
    periods: dict[str, tuple[str, datetime | None, datetime | None]] = {
        "overdue": ("open", None, current),
        "today": ("open", current, tomorrow),
        "week": ("open", tomorrow, next_monday),
        "later": ("open", next_monday, None),
        "open": ("open", None, None),
        "done": ("done", None, None),
    }
    try:
        status, due_from, due_to = periods[bucket]
    except KeyError:
        raise ValueError(f"unknown task bucket {bucket!r}") from None
    return replace(flt, status=status, due_from=due_from, due_to=due_to)


def _task_where(flt: TaskFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not flt.include_deleted:
        where.append(Task.deleted_at.is_(None))
    if flt.assignee_id is not None:
        where.append(Task.assignee_id == flt.assignee_id)
    if flt.status is not None:
        if flt.status not in TASK_STATUSES:
            raise ValueError(f"unknown task status {flt.status!r}")
        where.append(Task.status == flt.status)
    if flt.due_from is not None:
        where.append(Task.due_at >= _aware(flt.due_from, "due_from"))
    if flt.due_to is not None:
        where.append(Task.due_at < _aware(flt.due_to, "due_to"))
    if flt.client_id is not None:
        where.append(Task.client_id == flt.client_id)
    return where


def task_search(db: Database, flt: TaskFilter, *, cap: int = SEARCH_CAP) -> SearchHits | None:
    """The tasks whose title begins with ``flt.search`` (and that match the filter), at most
    ``cap``; ``None`` when there is no search."""
    return _search(db, _TASKS, _task_where(flt), flt.search, cap)


def task_page(
    db: Database, flt: TaskFilter, page: PageRequest, *, hits: SearchHits | None = None
) -> list[tuple[Key, TaskRow]]:
    """One page of the Tasks list, each row with its keyset position. Sort keys are
    :data:`TASK_SORT_KEYS`; the usual order is ``PageRequest("due_at")`` (soonest first)."""
    where = _scope(db, _TASKS, _task_where(flt), flt.search, hits)
    return _page(db, _TASKS, where, page)


def task_count(db: Database, flt: TaskFilter, *, hits: SearchHits | None = None) -> int:
    if hits is not None:
        return len(hits.ids)
    return _count(db, _TASKS, _scope(db, _TASKS, _task_where(flt), flt.search, hits))


def task_anchors(
    db: Database,
    flt: TaskFilter,
    sort: str,
    descending: bool = False,
    *,
    every: int = ANCHOR_EVERY,
    hits: SearchHits | None = None,
) -> list[Key]:
    where = _scope(db, _TASKS, _task_where(flt), flt.search, hits)
    return _anchors(db, _TASKS, where, sort, descending, every)


def bucket_counts(db: Database, flt: TaskFilter, now: datetime, tz: tzinfo) -> dict[str, int]:
    """How many open tasks each open bucket ("overdue", "today", "week", "later", "open") has
    for ``flt``'s assignee, client and title search (its status and period are not used)."""
    current, tomorrow, next_monday = _bounds(now, tz)
    where = _task_where(replace(flt, status="open", due_from=None, due_to=None))
    condition = _title_condition(flt.search)
    if condition is not None:
        where.append(condition)

    def between(start: datetime | None, end: datetime | None) -> Any:
        parts: list[ColumnElement[bool]] = []
        if start is not None:
            parts.append(Task.due_at >= start)
        if end is not None:
            parts.append(Task.due_at < end)
        return func.coalesce(func.sum(case((and_(*parts), 1), else_=0)), 0)

    query = select(
        between(None, current),
        between(current, tomorrow),
        between(tomorrow, next_monday),
        between(next_monday, None),
        func.count(),
    ).where(*where)
    with read_unit(db) as session:
        row = session.execute(query).one()
    return dict(zip(("overdue", "today", "week", "later", "open"), map(int, row), strict=True))
