"""The interactions and tasks lists: their columns and the keyset-paged models over
``services.interactions`` and ``services.tasks``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.interactions import (
    InteractionFilter,
    InteractionRow,
    interaction_anchors,
    interaction_count,
    interaction_page,
    interaction_search,
)
from crm_desktop.services.tasks import (
    TaskFilter,
    TaskRow,
    task_anchors,
    task_count,
    task_page,
    task_search,
)
from crm_desktop.views.activities.labels import (
    duration_text,
    kind_with_direction,
    priority_label,
    status_label,
    when_text,
)
from crm_desktop.views.itemmodels.listsource import service_source
from crm_desktop.views.itemmodels.paged import Column, PagedTableModel, PageSource

TR_CONTEXT = "InteractionColumns"

INTERACTION_COLUMNS: tuple[Column[InteractionRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("InteractionColumns", "When"),
        lambda r: r.start_at,
        sort_key="start_at",
        width_chars=15,
        display=when_text,
    ),
    Column(
        QT_TRANSLATE_NOOP("InteractionColumns", "Kind"),
        lambda r: kind_with_direction(r.kind, r.direction),
        sort_key="kind",
        width_chars=16,
    ),
    Column(
        QT_TRANSLATE_NOOP("InteractionColumns", "Subject"),
        lambda r: r.subject,
        sort_key="subject",
        width_chars=30,
    ),
    Column(
        QT_TRANSLATE_NOOP("InteractionColumns", "Who"),
        lambda r: r.participant,
        width_chars=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("InteractionColumns", "Client"),
        lambda r: r.client,
        sort_key="client",
        width_chars=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("InteractionColumns", "Duration"),
        lambda r: r.duration_min,
        sort_key="duration_min",
        width_chars=8,
        display=lambda v: duration_text(int(v or 0)),
    ),
    Column(
        QT_TRANSLATE_NOOP("InteractionColumns", "Status"),
        lambda r: status_label(r.status),
        sort_key="status",
        width_chars=11,
    ),
    Column(
        QT_TRANSLATE_NOOP("InteractionColumns", "Responsible"),
        lambda r: r.responsible,
        sort_key="responsible",
        width_chars=18,
    ),
    Column(
        QT_TRANSLATE_NOOP("InteractionColumns", "Result"),
        lambda r: (r.result or "").split("\n", 1)[0],
        width_chars=30,
    ),
)

DEFAULT_SORT = "start_at"

InteractionsModel = PagedTableModel[InteractionRow]


def interaction_state(row: InteractionRow) -> str | None:
    return "deleted" if row.is_deleted else None


def interaction_source(
    db: Database, flt: InteractionFilter | None = None
) -> PageSource[InteractionRow]:
    return service_source(
        db,
        flt or InteractionFilter(),
        page=interaction_page,
        count=interaction_count,
        anchors=interaction_anchors,
        search=interaction_search,
    )


def interactions_model(
    db: Database,
    flt: InteractionFilter | None = None,
    *,
    parent: QObject | None = None,
    background: bool = True,
    **options: Any,
) -> InteractionsModel:
    """A paged model of the interactions that match ``flt``, newest first."""
    return PagedTableModel(
        INTERACTION_COLUMNS,
        interaction_source(db, flt),
        tr_context=TR_CONTEXT,
        default_sort=DEFAULT_SORT,
        row_state=interaction_state,
        background=background,
        parent=parent,
        **options,
    )


# --- tasks ----------------------------------------------------------------------------------------

TASK_TR_CONTEXT = "TaskColumns"


def _concerns(row: TaskRow) -> str:
    return " · ".join(x for x in (row.deal, row.contact) if x)


TASK_COLUMNS: tuple[Column[TaskRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("TaskColumns", "Due"),
        lambda r: r.due_at,
        sort_key="due_at",
        width_chars=15,
        display=when_text,
    ),
    Column(
        QT_TRANSLATE_NOOP("TaskColumns", "Task"),
        lambda r: r.title,
        sort_key="title",
        width_chars=36,
    ),
    Column(
        QT_TRANSLATE_NOOP("TaskColumns", "Priority"),
        lambda r: priority_label(r.priority),
        sort_key="priority",
        width_chars=9,
    ),
    Column(
        QT_TRANSLATE_NOOP("TaskColumns", "Client"),
        lambda r: r.client,
        sort_key="client",
        width_chars=20,
    ),
    Column(
        QT_TRANSLATE_NOOP("TaskColumns", "Deal, contact"),
        _concerns,
        width_chars=30,
    ),
    Column(
        QT_TRANSLATE_NOOP("TaskColumns", "Assignee"),
        lambda r: r.assignee,
        sort_key="assignee",
        width_chars=16,
    ),
    Column(
        QT_TRANSLATE_NOOP("TaskColumns", "Done at"),
        lambda r: r.done_at,
        sort_key="done_at",
        width_chars=15,
        display=when_text,
    ),
    Column(
        QT_TRANSLATE_NOOP("TaskColumns", "Author"),
        lambda r: r.author,
        sort_key="author",
        width_chars=16,
    ),
)

TASK_DEFAULT_SORT = "due_at"

TasksModel = PagedTableModel[TaskRow]


def task_state(row: TaskRow, now: datetime) -> str | None:
    """ "deleted"; "closed" (done or cancelled: muted); "overdue" (open, due before ``now``)."""
    if row.is_deleted:
        return "deleted"
    if row.status != "open":
        return "closed"
    return "overdue" if row.due_at < now else None


def task_source(db: Database, flt: TaskFilter | None = None) -> PageSource[TaskRow]:
    return service_source(
        db,
        flt or TaskFilter(),
        page=task_page,
        count=task_count,
        anchors=task_anchors,
        search=task_search,
    )


def tasks_model(
    db: Database,
    flt: TaskFilter | None = None,
    *,
    now: Callable[[], datetime] | None = None,
    parent: QObject | None = None,
    background: bool = True,
    **options: Any,
) -> TasksModel:
    """A paged model of the tasks that match ``flt``, soonest due first; ``now`` (the clock)
    tells which open ones are overdue."""
    clock = now or (lambda: datetime.now(UTC))
    return PagedTableModel(
        TASK_COLUMNS,
        task_source(db, flt),
        tr_context=TASK_TR_CONTEXT,
        default_sort=TASK_DEFAULT_SORT,
        row_state=lambda row: task_state(row, clock()),
        background=background,
        parent=parent,
        **options,
    )
