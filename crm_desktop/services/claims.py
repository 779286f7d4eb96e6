"""Претензии: claims, their investigation plans, the status rules and the claims list.

A claim is registered against any partner (a client, supplier, carrier…), optionally one of its
counterparties and one of its deals. Its investigation plan is a list of actions (what, who,
planned date, done date, result). Every function is one unit of work; bad input is a
ValidationError naming the field (all problems of one save together) and nothing is written.

Status rules, checked here (not by the database):

* registered → investigation (:func:`start_investigation`): the plan has at least one action
  (field ``plan``);
* investigation → resolved (:func:`resolve`): every plan action is done (``done_on`` set; field
  ``plan``), the reason is chosen (``reason_id``) and a result is given (``result``: satisfied,
  partly, rejected). Satisfied and partly need the granted amount (``result_amount``),
  0 ≤ granted ≤ requested; a rejected claim grants 0. Calling it on a resolved claim changes
  the decision (``resolved_at`` stays);
* resolved → investigation (:func:`start_investigation`): back, before closing, by anyone;
  the result stays as a draft, ``resolved_at`` is cleared;
* resolved → closed (:func:`close`);
* closed is read-only: every change is refused (field ``status``). Only a supervisor may
  :func:`reopen` it (PermissionDeniedError for anyone else): it goes back to investigation,
  ``resolved_at``/``closed_at`` are cleared, and the reopening comment becomes a new open plan
  action (assigned to the claim's owner), so the claim cannot be resolved again until that is
  done. The audit trail records all of it (status closed → investigation, by whom, when).

While under investigation a claim keeps at least one plan action; a resolved claim's plan is
frozen (return it to investigation to change it). Any plan change bumps the claim's version, so
an open claim card notices it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import partial
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import Database
from crm_desktop.errors import (
    QT_TRANSLATE_NOOP,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from crm_desktop.models import (
    Claim,
    ClaimReason,
    Client,
    Counterparty,
    Deal,
    Department,
    InvestigationAction,
    User,
)
from crm_desktop.models.claims import CLAIM_RESULTS, CLAIM_STATUSES
from crm_desktop.services import validation as v
from crm_desktop.services.lists import (
    ANCHOR_EVERY,
    SEARCH_CAP,
    Key,
    PageRequest,
    SearchHits,
    _anchors,
    _count,
    _folded,
    _page,
    _scope,
    _search,
    _Spec,
)
from crm_desktop.services.numbering import next_number, node_prefix
from crm_desktop.services.parties import (
    CatalogueItem,
    FieldErrors,
    check_version,
    live,
    utc_now,
)
from crm_desktop.services.search import prefix_of
from crm_desktop.services.uow import Actor, read_unit, write_unit

__all__ = [
    "CLAIM_RESULTS",
    "CLAIM_SORT_KEYS",
    "CLAIM_STATUSES",
    "OPEN_STATUSES",
    "ActionDetails",
    "ActionDraft",
    "ClaimDetails",
    "ClaimDraft",
    "ClaimFilter",
    "ClaimRow",
    "OverdueAction",
    "claim_anchors",
    "claim_count",
    "claim_page",
    "claim_reasons",
    "claim_search",
    "claims_for",
    "close",
    "complete_action",
    "create_claim",
    "delete_claim",
    "departments",
    "get_claim",
    "overdue_actions",
    "reopen",
    "resolve",
    "save_claim",
    "set_plan",
    "start_investigation",
    "update_claim",
]

KOPECK: Final = Decimal("0.01")
ESSENCE_MAX: Final = 20_000
ACTION_MAX: Final = 2_000
OPEN_STATUSES: Final = ("registered", "investigation")  # not resolved yet


# --- drafts and details -----------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimDraft:
    """What a claim card saves. ``owner_id`` None: the acting user on create, unchanged on
    update. A culprit employee without a culprit department gives the employee's department."""

    claimed_on: date | None
    partner_id: uuid.UUID | None  # any partner: client, supplier, carrier…
    essence: str
    counterparty_id: uuid.UUID | None = None  # must belong to the partner
    deal_id: uuid.UUID | None = None  # must be the partner's deal
    reason_id: uuid.UUID | None = None
    culprit_department_id: uuid.UUID | None = None
    culprit_user_id: uuid.UUID | None = None
    requested_amount: Decimal = Decimal(0)
    owner_id: uuid.UUID | None = None


@dataclass(frozen=True)
class ActionDraft:
    """A line of the investigation plan; ``id`` set when it edits an existing line."""

    action: str
    responsible_id: uuid.UUID | None
    planned_on: date | None
    done_on: date | None = None
    result: str | None = None
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class ActionDetails:
    id: uuid.UUID
    version: int
    line_no: int
    action: str
    responsible_id: uuid.UUID | None
    responsible_name: str | None
    planned_on: date
    done_on: date | None
    result: str | None

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def is_overdue(self, today: date) -> bool:
        return self.done_on is None and self.planned_on < today


@dataclass(frozen=True)
class ClaimDetails:
    id: uuid.UUID
    version: int
    number: str
    status: str  # one of CLAIM_STATUSES
    claimed_on: date
    partner_id: uuid.UUID
    partner_name: str
    counterparty_id: uuid.UUID | None
    counterparty_name: str | None
    deal_id: uuid.UUID | None
    deal_number: str | None
    deal_title: str | None
    essence: str
    reason_id: uuid.UUID | None
    reason_name: str | None
    culprit_department_id: uuid.UUID | None
    culprit_department_name: str | None
    culprit_user_id: uuid.UUID | None
    culprit_user_name: str | None
    requested_amount: Decimal
    result: str | None  # one of CLAIM_RESULTS
    result_amount: Decimal
    result_comment: str | None
    owner_id: uuid.UUID | None
    owner_name: str | None
    resolved_at: datetime | None
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    actions: tuple[ActionDetails, ...] = ()

    @property
    def is_closed(self) -> bool:
        """A closed claim is read-only (only a supervisor's reopen changes it)."""
        return self.status == "closed"

    @property
    def open_actions(self) -> tuple[ActionDetails, ...]:
        return tuple(a for a in self.actions if a.done_on is None)


@dataclass(frozen=True)
class ClaimRow:
    """A line of the claims list (and of a client's or deal's Claims tab)."""

    id: uuid.UUID
    number: str
    claimed_on: date
    partner: str
    reason: str | None
    status: str
    culprit_department: str | None
    culprit: str | None
    owner: str | None
    requested_amount: Decimal
    result: str | None
    result_amount: Decimal
    is_deleted: bool = False


@dataclass(frozen=True)
class ClaimFilter:
    status: str | None = None  # one of CLAIM_STATUSES
    open_only: bool = False  # registered or under investigation
    partner_id: uuid.UUID | None = None
    deal_id: uuid.UUID | None = None
    reason_id: uuid.UUID | None = None
    culprit_department_id: uuid.UUID | None = None
    culprit_user_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None
    claimed_from: date | None = None  # inclusive
    claimed_to: date | None = None  # inclusive
    include_deleted: bool = False
    search: str = (
        ""  # the claim's number (or its beginning), or the beginning of the partner's name
    )


@dataclass(frozen=True)
class OverdueAction:
    """A plan action past its planned date and not done: a reminder for its responsible."""

    action_id: uuid.UUID
    action_version: int
    claim_id: uuid.UUID
    claim_number: str
    partner_name: str
    action: str
    planned_on: date
    days_overdue: int  # 0: due today


# --- messages ---------------------------------------------------------------------------------

_CLOSED = QT_TRANSLATE_NOOP(
    "UserErrors", "The claim is closed and cannot be changed. Only a supervisor can reopen it."
)
_CHOOSE = QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list.")


def _closed_error() -> ValidationError:
    return ValidationError.single("status", _CLOSED)


# --- reading ----------------------------------------------------------------------------------


def _name(session: Session, model: Any, record_id: uuid.UUID | None, attr: str) -> str | None:
    if record_id is None:
        return None
    row = session.get(model, record_id)
    return None if row is None else str(getattr(row, attr))


def _actions(session: Session, claim_id: uuid.UUID) -> list[InvestigationAction]:
    return list(
        session.scalars(
            select(InvestigationAction)
            .where(
                InvestigationAction.claim_id == claim_id,
                InvestigationAction.deleted_at.is_(None),
            )
            .order_by(InvestigationAction.line_no, InvestigationAction.id)
        )
    )


def _details(session: Session, claim: Claim) -> ClaimDetails:
    deal = session.get(Deal, claim.deal_id) if claim.deal_id else None
    actions = _actions(session, claim.id)
    users = {
        u.id: u.full_name
        for u in session.scalars(
            select(User).where(User.id.in_({a.responsible_id for a in actions if a.responsible_id}))
        )
    }
    return ClaimDetails(
        id=claim.id,
        version=claim.version,
        number=claim.number,
        status=claim.status,
        claimed_on=claim.claimed_on,
        partner_id=claim.partner_id,
        partner_name=_name(session, Client, claim.partner_id, "name") or "",
        counterparty_id=claim.counterparty_id,
        counterparty_name=_name(session, Counterparty, claim.counterparty_id, "short_name"),
        deal_id=claim.deal_id,
        deal_number=deal.number if deal else None,
        deal_title=deal.title if deal else None,
        essence=claim.essence,
        reason_id=claim.reason_id,
        reason_name=_name(session, ClaimReason, claim.reason_id, "name"),
        culprit_department_id=claim.culprit_department_id,
        culprit_department_name=_name(session, Department, claim.culprit_department_id, "name"),
        culprit_user_id=claim.culprit_user_id,
        culprit_user_name=_name(session, User, claim.culprit_user_id, "full_name"),
        requested_amount=claim.requested_amount,
        result=claim.result,
        result_amount=claim.result_amount,
        result_comment=claim.result_comment,
        owner_id=claim.owner_id,
        owner_name=_name(session, User, claim.owner_id, "full_name"),
        resolved_at=claim.resolved_at,
        closed_at=claim.closed_at,
        created_at=claim.created_at,
        updated_at=claim.updated_at,
        actions=tuple(
            ActionDetails(
                a.id,
                a.version,
                a.line_no,
                a.action,
                a.responsible_id,
                users.get(a.responsible_id) if a.responsible_id else None,
                a.planned_on,
                a.done_on,
                a.result,
            )
            for a in actions
        ),
    )


def get_claim(db: Database, claim_id: uuid.UUID) -> ClaimDetails:
    """The claim card: the claim with every referenced name, and its plan in order."""
    with read_unit(db) as session:
        return _details(session, live(session, Claim, claim_id, "id"))


def claim_reasons(db: Database) -> list[CatalogueItem]:
    """The live claim reasons, in their order (for the reason picker and report columns)."""
    with read_unit(db) as session:
        rows = session.scalars(
            select(ClaimReason)
            .where(ClaimReason.deleted_at.is_(None))
            .order_by(ClaimReason.sort_order, ClaimReason.name)
        )
        return [CatalogueItem(r.id, r.code, r.name) for r in rows]


def departments(db: Database) -> list[CatalogueItem]:
    """The live departments by name (for the culprit department picker); ``code`` is empty."""
    with read_unit(db) as session:
        rows = session.scalars(
            select(Department)
            .where(Department.deleted_at.is_(None))
            .order_by(Department.name, Department.id)
        )
        return [CatalogueItem(r.id, "", r.name) for r in rows]


# --- validation -------------------------------------------------------------------------------


def _money(errors: FieldErrors, value: Decimal | None, field_name: str) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = Decimal(value).quantize(KOPECK, rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        errors.add(field_name, QT_TRANSLATE_NOOP("UserErrors", "Enter a number."))
        return None
    if not amount.is_finite():
        errors.add(field_name, QT_TRANSLATE_NOOP("UserErrors", "Enter a number."))
        return None
    if amount < 0:
        errors.add(field_name, QT_TRANSLATE_NOOP("UserErrors", "The amount cannot be negative."))
        return None
    if amount >= Decimal("1e16"):
        errors.add(field_name, QT_TRANSLATE_NOOP("UserErrors", "The amount is too large."))
        return None
    return amount


def _live_ref(session: Session, model: Any, record_id: uuid.UUID | None) -> Any:
    if record_id is None:
        return None
    row = session.get(model, record_id)
    return None if row is None or row.deleted_at is not None else row


def _claim_values(
    session: Session, draft: ClaimDraft, current: Claim | None = None
) -> dict[str, Any]:
    """A cleaned draft. References are checked when they change (a claim keeps a reason or a
    department deleted since until someone changes it); counterparty and deal are re-checked
    when the partner changes."""

    def changed(name: str, value: object) -> bool:
        return current is None or getattr(current, name) != value

    errors = FieldErrors()
    essence = errors.check(
        lambda: v.clean_text(
            draft.essence, field="essence", required=True, max_length=ESSENCE_MAX, multiline=True
        )
    )
    if draft.claimed_on is None:
        errors.add("claimed_on", QT_TRANSLATE_NOOP("UserErrors", "Enter the date of the claim."))
    elif draft.claimed_on > date.today() and changed("claimed_on", draft.claimed_on):
        errors.add(
            "claimed_on", QT_TRANSLATE_NOOP("UserErrors", "The claim date cannot be in the future.")
        )
    partner_changed = changed("partner_id", draft.partner_id)
    if draft.partner_id is None or (
        partner_changed and _live_ref(session, Client, draft.partner_id) is None
    ):
        errors.add(
            "partner_id",
            QT_TRANSLATE_NOOP("UserErrors", "Choose the client (partner) the claim comes from."),
        )
    if draft.counterparty_id is not None and (
        partner_changed or changed("counterparty_id", draft.counterparty_id)
    ):
        cp = _live_ref(session, Counterparty, draft.counterparty_id)
        if cp is None or cp.client_id != draft.partner_id:
            errors.add(
                "counterparty_id",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "Choose a counterparty of the claim's client (partner)."
                ),
            )
    if draft.deal_id is not None and (partner_changed or changed("deal_id", draft.deal_id)):
        deal = _live_ref(session, Deal, draft.deal_id)
        if deal is None or deal.client_id != draft.partner_id:
            errors.add(
                "deal_id",
                QT_TRANSLATE_NOOP("UserErrors", "Choose a deal of the claim's client (partner)."),
            )
    for model, value, name in (
        (ClaimReason, draft.reason_id, "reason_id"),
        (Department, draft.culprit_department_id, "culprit_department_id"),
        (User, draft.culprit_user_id, "culprit_user_id"),
        (User, draft.owner_id, "owner_id"),
    ):
        if value is not None and changed(name, value) and _live_ref(session, model, value) is None:
            errors.add(name, _CHOOSE)
    requested = _money(errors, draft.requested_amount, "requested_amount")
    errors.raise_if_any()
    department_id = draft.culprit_department_id
    if department_id is None and draft.culprit_user_id is not None:
        culprit = session.get(User, draft.culprit_user_id)
        department_id = culprit.department_id if culprit is not None else None
    return {
        "claimed_on": draft.claimed_on,
        "partner_id": draft.partner_id,
        "counterparty_id": draft.counterparty_id,
        "deal_id": draft.deal_id,
        "essence": essence,
        "reason_id": draft.reason_id,
        "culprit_department_id": department_id,
        "culprit_user_id": draft.culprit_user_id,
        "requested_amount": requested if requested is not None else Decimal("0.00"),
    }


def _clean_actions(session: Session, actions: Sequence[ActionDraft]) -> list[dict[str, Any]]:
    """Each plan line cleaned; errors are keyed ``plan[i].<field>``; all reported together."""
    errors = FieldErrors()
    today = date.today()
    cleaned: list[dict[str, Any]] = []
    for index, draft in enumerate(actions):
        prefix = f"plan[{index}]."
        text = errors.check(
            partial(
                v.clean_text,
                draft.action,
                field=prefix + "action",
                required=True,
                max_length=ACTION_MAX,
                multiline=True,
            )
        )
        result = errors.check(
            partial(
                v.clean_text,
                draft.result,
                field=prefix + "result",
                max_length=ACTION_MAX,
                multiline=True,
            )
        )
        if draft.responsible_id is None:
            errors.add(
                prefix + "responsible_id",
                QT_TRANSLATE_NOOP("UserErrors", "Choose who is responsible for the action."),
            )
        elif _live_ref(session, User, draft.responsible_id) is None:
            errors.add(prefix + "responsible_id", _CHOOSE)
        if draft.planned_on is None:
            errors.add(
                prefix + "planned_on",
                QT_TRANSLATE_NOOP("UserErrors", "Enter the planned date of the action."),
            )
        if draft.done_on is not None and draft.done_on > today:
            errors.add(
                prefix + "done_on",
                QT_TRANSLATE_NOOP("UserErrors", "The done date cannot be in the future."),
            )
        cleaned.append(
            {
                "id": draft.id,
                "line_no": index + 1,
                "action": text,
                "responsible_id": draft.responsible_id,
                "planned_on": draft.planned_on,
                "done_on": draft.done_on,
                "result": result,
            }
        )
    errors.raise_if_any()
    return cleaned


# --- writing ----------------------------------------------------------------------------------


def _writable(session: Session, claim_id: uuid.UUID, expected_version: int | None) -> Claim:
    """The claim, its row locked for the transaction, at the version the user saw, not closed."""
    session.get(Claim, claim_id, with_for_update=True)
    claim = live(session, Claim, claim_id, "id")
    if expected_version is not None:
        check_version(claim, expected_version)
    if claim.status == "closed":
        raise _closed_error()
    return claim


def _touch(session: Session, claim: Claim, actor: Actor | None) -> None:
    """A plan change is a change of the claim: bump its version (no history line of its own;
    the actions' own history has the change)."""
    claim.updated_at = utc_now()
    if actor is not None:
        claim.updated_by_id = actor.user_id


def _sync_plan(
    session: Session, actor: Actor | None, claim: Claim, cleaned: Sequence[Mapping[str, Any]]
) -> None:
    existing = {a.id: a for a in _actions(session, claim.id)}
    kept: set[uuid.UUID] = set()
    for index, values in enumerate(cleaned):
        fields = {k: val for k, val in values.items() if k != "id"}
        action_id = values["id"]
        if action_id is None:
            session.add(InvestigationAction(claim_id=claim.id, **fields))
            continue
        action = existing.get(action_id)
        if action is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "UserErrors", "The record was not found; it may have been deleted."
                ),
                field=f"plan[{index}]",
            )
        kept.add(action_id)
        for key, value in fields.items():
            if getattr(action, key) != value:
                setattr(action, key, value)
    now = utc_now()
    for action_id, action in existing.items():
        if action_id not in kept:
            action.deleted_at = now
    _touch(session, claim, actor)


def create_claim(
    db: Database, actor: Actor | None, draft: ClaimDraft, plan: Sequence[ActionDraft] = ()
) -> ClaimDetails:
    """Register a claim (status registered, numbered «А-000001»), with an optional plan."""
    with write_unit(db, actor) as session:
        errors = FieldErrors()  # the card's and the plan's problems together
        values = errors.check(lambda: _claim_values(session, draft))
        cleaned = errors.check(lambda: _clean_actions(session, plan))
        errors.raise_if_any()
        assert values is not None
        assert cleaned is not None
        claim = Claim(
            **values,
            number=next_number(session, "claim"),
            status="registered",
            result=None,
            result_amount=Decimal("0.00"),
            owner_id=draft.owner_id or (actor.user_id if actor else None),
        )
        session.add(claim)
        session.flush()
        for line in cleaned:
            session.add(
                InvestigationAction(
                    claim_id=claim.id, **{k: x for k, x in line.items() if k != "id"}
                )
            )
        session.flush()
        return _details(session, claim)


def _update(session: Session, claim: Claim, draft: ClaimDraft) -> None:
    values = _claim_values(session, draft, claim)
    errors = FieldErrors()
    if claim.status == "resolved" and values["requested_amount"] < claim.result_amount:
        errors.add(
            "requested_amount",
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The requested amount cannot be less than the granted amount ({granted}).",
            ),
            granted=claim.result_amount,
        )
    if claim.status == "resolved" and values["reason_id"] is None:
        errors.add(
            "reason_id",
            QT_TRANSLATE_NOOP(
                "UserErrors", "The claim is resolved: its reason cannot be left empty."
            ),
        )
    errors.raise_if_any()
    if draft.owner_id is not None:
        values["owner_id"] = draft.owner_id
    for key, value in values.items():
        if getattr(claim, key) != value:
            setattr(claim, key, value)


def _set_plan(
    session: Session, actor: Actor | None, claim: Claim, actions: Sequence[ActionDraft]
) -> None:
    if claim.status == "resolved":
        raise ValidationError.single(
            "plan",
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The claim is resolved: return it to investigation to change its plan.",
            ),
        )
    if claim.status == "investigation" and not actions:
        raise ValidationError.single(
            "plan",
            QT_TRANSLATE_NOOP(
                "UserErrors", "A claim under investigation needs at least one plan action."
            ),
        )
    cleaned = _clean_actions(session, actions)
    _sync_plan(session, actor, claim, cleaned)


def update_claim(
    db: Database,
    actor: Actor | None,
    claim_id: uuid.UUID,
    expected_version: int,
    draft: ClaimDraft,
) -> ClaimDetails:
    """Save the claim card's fields (not its status, plan or result). Refused when closed;
    a resolved claim keeps its reason and a requested amount not below the granted one."""
    with write_unit(db, actor) as session:
        claim = _writable(session, claim_id, expected_version)
        _update(session, claim, draft)
        session.flush()
        return _details(session, claim)


def set_plan(
    db: Database,
    actor: Actor | None,
    claim_id: uuid.UUID,
    expected_version: int,
    actions: Sequence[ActionDraft],
) -> ClaimDetails:
    """Replace the investigation plan: drafts with an ``id`` edit that line, the others are
    added, lines left out are removed; lines are numbered in the given order."""
    with write_unit(db, actor) as session:
        claim = _writable(session, claim_id, expected_version)
        _set_plan(session, actor, claim, actions)
        session.flush()
        return _details(session, claim)


def save_claim(
    db: Database,
    actor: Actor | None,
    claim_id: uuid.UUID,
    expected_version: int,
    draft: ClaimDraft,
    plan: Sequence[ActionDraft] | None = None,
) -> ClaimDetails:
    """The claim card's save: :func:`update_claim` and (unless ``plan`` is None)
    :func:`set_plan` in one unit of work — both or nothing, the same refusals."""
    with write_unit(db, actor) as session:
        claim = _writable(session, claim_id, expected_version)
        _update(session, claim, draft)
        if plan is not None:
            _set_plan(session, actor, claim, plan)
        session.flush()
        return _details(session, claim)


def complete_action(
    db: Database,
    actor: Actor | None,
    action_id: uuid.UUID,
    expected_version: int,
    done_on: date | None = None,
    result: str | None = None,
) -> ClaimDetails:
    """Mark one plan action done (on ``done_on``, default today) with its result — what the
    Today screen's reminder does. ``expected_version`` is the action's version."""
    errors = FieldErrors()
    day = done_on or date.today()
    if day > date.today():
        errors.add(
            "done_on", QT_TRANSLATE_NOOP("UserErrors", "The done date cannot be in the future.")
        )
    clean_result = errors.check(
        lambda: v.clean_text(result, field="result", max_length=ACTION_MAX, multiline=True)
    )
    errors.raise_if_any()
    with write_unit(db, actor) as session:
        action = live(session, InvestigationAction, action_id, "id")
        claim = _writable(session, action.claim_id, None)
        check_version(action, expected_version)
        if claim.status == "resolved":
            raise ValidationError.single(
                "plan",
                QT_TRANSLATE_NOOP(
                    "UserErrors",
                    "The claim is resolved: return it to investigation to change its plan.",
                ),
            )
        action.done_on = day
        if clean_result is not None:
            action.result = clean_result
        _touch(session, claim, actor)
        session.flush()
        return _details(session, claim)


def start_investigation(
    db: Database, actor: Actor | None, claim_id: uuid.UUID, expected_version: int
) -> ClaimDetails:
    """registered → investigation (the plan must have an action), or a resolved claim back to
    investigation (its result stays as a draft). Under investigation already: nothing to do."""
    with write_unit(db, actor) as session:
        claim = _writable(session, claim_id, expected_version)
        if claim.status == "investigation":
            return _details(session, claim)
        if not _actions(session, claim.id):
            raise ValidationError.single(
                "plan",
                QT_TRANSLATE_NOOP(
                    "UserErrors",
                    "Add at least one action to the investigation plan before starting the "
                    "investigation.",
                ),
            )
        claim.status = "investigation"
        claim.resolved_at = None
        session.flush()
        return _details(session, claim)


def resolve(
    db: Database,
    actor: Actor | None,
    claim_id: uuid.UUID,
    expected_version: int,
    result: str | None,
    result_amount: Decimal | None,
    comment: str | None = None,
) -> ClaimDetails:
    """investigation → resolved with the decision; on a resolved claim, changes the decision.

    Refused, each problem under its field, unless every plan action is done (``plan``), the
    reason is chosen (``reason_id``), the result is one of CLAIM_RESULTS (``result``) and the
    granted amount fits it (``result_amount``: required for satisfied/partly, 0 ≤ granted ≤
    requested; a rejected claim grants nothing: None or 0).
    """
    errors = FieldErrors()
    clean_comment = errors.check(
        lambda: v.clean_text(
            comment, field="result_comment", max_length=ESSENCE_MAX, multiline=True
        )
    )
    if result not in CLAIM_RESULTS:
        errors.add(
            "result",
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "Choose the result of the claim: satisfied, partly satisfied or rejected.",
            ),
        )
    amount = _money(errors, result_amount, "result_amount")
    if result in ("satisfied", "partly") and result_amount is None:
        errors.add("result_amount", QT_TRANSLATE_NOOP("UserErrors", "Enter the granted amount."))
    if result == "rejected" and amount:
        errors.add(
            "result_amount",
            QT_TRANSLATE_NOOP(
                "UserErrors", "A rejected claim grants nothing: leave the amount at zero."
            ),
        )
    with write_unit(db, actor) as session:
        claim = _writable(session, claim_id, expected_version)
        if claim.status == "registered":
            raise ValidationError.single(
                "status",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "Start the investigation before resolving the claim."
                ),
            )
        open_lines = [a for a in _actions(session, claim.id) if a.done_on is None]
        if open_lines:
            errors.add(
                "plan",
                QT_TRANSLATE_NOOP(
                    "UserErrors",
                    "The investigation plan still has open actions: {actions}. Mark them done "
                    "before resolving the claim.",
                ),
                actions=", ".join(f"{a.line_no}. {a.action}" for a in open_lines),
            )
        if claim.reason_id is None:
            errors.add(
                "reason_id",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "Choose the reason of the claim before resolving it."
                ),
            )
        if amount is not None and amount > claim.requested_amount and result != "rejected":
            errors.add(
                "result_amount",
                QT_TRANSLATE_NOOP(
                    "UserErrors",
                    "The granted amount cannot exceed the requested amount ({requested}).",
                ),
                requested=claim.requested_amount,
            )
        errors.raise_if_any()
        if claim.status == "investigation":
            claim.status = "resolved"
            claim.resolved_at = utc_now()
        claim.result = result
        claim.result_amount = amount if amount is not None else Decimal("0.00")
        claim.result_comment = clean_comment
        session.flush()
        return _details(session, claim)


def close(
    db: Database, actor: Actor | None, claim_id: uuid.UUID, expected_version: int
) -> ClaimDetails:
    """resolved → closed; from then on the claim is read-only."""
    with write_unit(db, actor) as session:
        claim = _writable(session, claim_id, expected_version)
        if claim.status != "resolved":
            raise ValidationError.single(
                "status", QT_TRANSLATE_NOOP("UserErrors", "Only a resolved claim can be closed.")
            )
        claim.status = "closed"
        claim.closed_at = utc_now()
        session.flush()
        return _details(session, claim)


def reopen(
    db: Database,
    actor: Actor | None,
    claim_id: uuid.UUID,
    expected_version: int,
    comment: str | None,
) -> ClaimDetails:
    """A supervisor reopens a closed claim: back to investigation, with ``comment`` (what is to
    be re-examined) as a new open plan action of the claim's owner, planned for today."""
    if actor is None or not actor.is_supervisor:
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP("UserErrors", "Only a supervisor can reopen a closed claim.")
        )
    clean = v.clean_text(comment, field="comment", max_length=ACTION_MAX, multiline=True)
    if clean is None:
        raise ValidationError.single(
            "comment", QT_TRANSLATE_NOOP("UserErrors", "Say why the claim is reopened.")
        )
    with write_unit(db, actor) as session:
        session.get(Claim, claim_id, with_for_update=True)
        claim = live(session, Claim, claim_id, "id")
        check_version(claim, expected_version)
        if claim.status != "closed":
            raise ValidationError.single(
                "status", QT_TRANSLATE_NOOP("UserErrors", "Only a closed claim can be reopened.")
            )
        line_no = max((a.line_no for a in _actions(session, claim.id)), default=0) + 1
        session.add(
            InvestigationAction(
                claim_id=claim.id,
                line_no=line_no,
                action=clean,
                responsible_id=claim.owner_id or actor.user_id,
                planned_on=date.today(),
            )
        )
        claim.status = "investigation"
        claim.resolved_at = None
        claim.closed_at = None
        session.flush()
        return _details(session, claim)


def delete_claim(
    db: Database, actor: Actor | None, claim_id: uuid.UUID, expected_version: int
) -> None:
    """Soft-delete a claim registered by mistake (a closed one is refused like any change)."""
    with write_unit(db, actor) as session:
        claim = _writable(session, claim_id, expected_version)
        claim.deleted_at = utc_now()


# --- reminders ----------------------------------------------------------------------------------


def overdue_actions(
    db: Database, user_id: uuid.UUID, today: date, *, include_due_today: bool = False
) -> list[OverdueAction]:
    """The user's plan actions not done and planned before ``today`` (or on it, with
    ``include_due_today``), of live claims not yet resolved; the oldest first."""
    limit = today + timedelta(days=1) if include_due_today else today
    with read_unit(db) as session:
        rows = session.execute(
            select(
                InvestigationAction.id,
                InvestigationAction.version,
                Claim.id,
                Claim.number,
                Client.name,
                InvestigationAction.action,
                InvestigationAction.planned_on,
            )
            .join(Claim, Claim.id == InvestigationAction.claim_id)
            .join(Client, Client.id == Claim.partner_id)
            .where(
                InvestigationAction.responsible_id == user_id,
                InvestigationAction.deleted_at.is_(None),
                InvestigationAction.done_on.is_(None),
                InvestigationAction.planned_on < limit,
                Claim.deleted_at.is_(None),
                Claim.status.in_(OPEN_STATUSES),
            )
            .order_by(InvestigationAction.planned_on, Claim.number, InvestigationAction.line_no)
        ).all()
    return [
        OverdueAction(a_id, ver, c_id, number, partner, text, planned, (today - planned).days)
        for a_id, ver, c_id, number, partner, text, planned in rows
    ]


# --- the claims list ------------------------------------------------------------------------------

_Partner = aliased(Client, name="claim_partner")
_Culprit = aliased(User, name="claim_culprit")
_Owner = aliased(User, name="claim_owner")
_STATUS_ORDER: Final = {status: i for i, status in enumerate(CLAIM_STATUSES)}
_RESULT_ORDER: Final = {result: i + 1 for i, result in enumerate(CLAIM_RESULTS)}

# sort key name → NOT NULL SQL expression; every column the list shows has one
CLAIM_SORT_KEYS: Final[Mapping[str, Any]] = {
    "number": Claim.number,
    "claimed_on": Claim.claimed_on,
    "partner": _Partner.search_key,
    "reason": func.coalesce(ClaimReason.sort_order, literal(-1)),
    "status": case(_STATUS_ORDER, value=Claim.status, else_=literal(len(_STATUS_ORDER))),
    "culprit_department": _folded(Department.name),
    "culprit": _folded(_Culprit.full_name),
    "owner": _folded(_Owner.full_name),
    "requested_amount": Claim.requested_amount,
    "result": case(_RESULT_ORDER, value=Claim.result, else_=literal(0)),
    "result_amount": Claim.result_amount,
}


def _claim_rows(key: Any) -> Select[Any]:
    return (
        select(
            key.label("sort_value"),
            Claim.id,
            Claim.number,
            Claim.claimed_on,
            _Partner.name.label("partner"),
            ClaimReason.name.label("reason"),
            Claim.status,
            Department.name.label("culprit_department"),
            _Culprit.full_name.label("culprit"),
            _Owner.full_name.label("owner"),
            Claim.requested_amount,
            Claim.result,
            Claim.result_amount,
            Claim.deleted_at.is_not(None).label("is_deleted"),
        )
        .join(_Partner, _Partner.id == Claim.partner_id)
        .outerjoin(ClaimReason, ClaimReason.id == Claim.reason_id)
        .outerjoin(Department, Department.id == Claim.culprit_department_id)
        .outerjoin(_Culprit, _Culprit.id == Claim.culprit_user_id)
        .outerjoin(_Owner, _Owner.id == Claim.owner_id)
    )


def _claim_match(session: Session, model: Any, text: str) -> Any:
    """A claim by its number (exact, its beginning, or just its digits on this node: «42» →
    «А-000042»; the unique index) or by the beginning of its partner's name (the partner's
    ``search_key`` index, then the claims' partner index): never a substring scan."""
    del model
    typed = text.strip()
    if not typed:
        return None
    conditions: list[ColumnElement[bool]] = [
        prefix_of(Claim.number, number) for number in sorted({typed, typed.upper()})
    ]
    if typed.isdigit() and len(typed) <= 9:
        conditions.append(Claim.number == f"{node_prefix(session)}-{int(typed):06d}")
    key = v.search_key(typed)
    if key:
        partners = select(Client.id).where(prefix_of(Client.search_key, key))
        conditions.append(Claim.partner_id.in_(partners))
    return or_(*conditions)


_CLAIMS: Final = _Spec(Claim, CLAIM_SORT_KEYS, _claim_rows, lambda x: ClaimRow(*x), _claim_match)


def _claim_where(flt: ClaimFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not flt.include_deleted:
        where.append(Claim.deleted_at.is_(None))
    if flt.status is not None:
        if flt.status not in CLAIM_STATUSES:
            raise ValueError(f"unknown claim status {flt.status!r}")
        where.append(Claim.status == flt.status)
    if flt.open_only:
        where.append(Claim.status.in_(OPEN_STATUSES))
    for column, value in (
        (Claim.partner_id, flt.partner_id),
        (Claim.deal_id, flt.deal_id),
        (Claim.reason_id, flt.reason_id),
        (Claim.culprit_department_id, flt.culprit_department_id),
        (Claim.culprit_user_id, flt.culprit_user_id),
        (Claim.owner_id, flt.owner_id),
    ):
        if value is not None:
            where.append(column == value)
    if flt.claimed_from is not None:
        where.append(Claim.claimed_on >= flt.claimed_from)
    if flt.claimed_to is not None:
        where.append(Claim.claimed_on <= flt.claimed_to)
    return where


def claim_search(db: Database, flt: ClaimFilter, *, cap: int = SEARCH_CAP) -> SearchHits | None:
    """The claims whose number is (or begins with) ``flt.search``, or whose partner's name
    begins with it (and that match the filter), at most ``cap``; ``None``: no search."""
    return _search(db, _CLAIMS, _claim_where(flt), flt.search, cap)


def claim_page(
    db: Database, flt: ClaimFilter, page: PageRequest, *, hits: SearchHits | None = None
) -> list[tuple[Key, ClaimRow]]:
    """One page of claim rows, each with its keyset position (sort value, id). Sort keys:
    :data:`CLAIM_SORT_KEYS`."""
    where = _scope(db, _CLAIMS, _claim_where(flt), flt.search, hits)
    return _page(db, _CLAIMS, where, page)


def claim_count(db: Database, flt: ClaimFilter, *, hits: SearchHits | None = None) -> int:
    if hits is not None:
        return len(hits.ids)
    return _count(db, _CLAIMS, _scope(db, _CLAIMS, _claim_where(flt), flt.search, hits))


def claim_anchors(
    db: Database,
    flt: ClaimFilter,
    sort: str,
    descending: bool = False,
    *,
    every: int = ANCHOR_EVERY,
    hits: SearchHits | None = None,
) -> list[Key]:
    """Every ``every``-th claim's key in this order (run it off the GUI thread)."""
    where = _scope(db, _CLAIMS, _claim_where(flt), flt.search, hits)
    return _anchors(db, _CLAIMS, where, sort, descending, every)


def claims_for(
    db: Database,
    *,
    partner_id: uuid.UUID | None = None,
    deal_id: uuid.UUID | None = None,
    limit: int = 500,
) -> list[ClaimRow]:
    """A client's or a deal's claims (the card's Claims tab), newest first, at most ``limit``."""
    if partner_id is None and deal_id is None:
        raise ValueError("claims_for needs partner_id or deal_id")
    flt = ClaimFilter(partner_id=partner_id, deal_id=deal_id)
    rows = _page(
        db, _CLAIMS, _claim_where(flt), PageRequest(sort="number", descending=True, limit=limit)
    )
    return sorted((row for _key, row in rows), key=lambda r: (r.claimed_on, r.number), reverse=True)
