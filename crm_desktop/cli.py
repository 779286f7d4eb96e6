"""Command line: ``crm-desktop`` (the desktop app), ``db upgrade|current``, ``demo``,
``report funnel|claims-dynamics|claims-satisfaction|claims-structure|managers|completeness``,
``proposal pdf``.

``--database URL`` (or ``$CRM_DATABASE_URL``) chooses the database; by default it is the
embedded SQLite file in the user's data directory.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import click

from crm_desktop import __version__
from crm_desktop.errors import UserError


class _Context:
    def __init__(self, database: str | None) -> None:
        self.database = database

    def open(self) -> Any:
        from crm_desktop.db import open_database, resolve_url

        return open_database(resolve_url(self.database))


def _fail(exc: UserError) -> None:
    click.echo(f"crm-desktop: {exc.message.render()}", err=True)
    sys.exit(2)


@click.group(invoke_without_command=True)
@click.option(
    "--database",
    "database",
    envvar="CRM_DATABASE_URL",
    metavar="URL",
    help="sqlite:///path/file.sqlite3 or postgresql://user@host/db "
    "(default: the embedded file in your data directory).",
)
@click.option("-v", "--verbose", is_flag=True, help="Log what the program does.")
@click.version_option(__version__, prog_name="crm-desktop")
@click.pass_context
def main(ctx: click.Context, database: str | None, verbose: bool) -> None:
    """CRM for B2B sales offices. Without a command, starts the desktop app."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    ctx.obj = _Context(database)
    if ctx.invoked_subcommand is None:
        from crm_desktop.app import run_gui

        sys.exit(run_gui(database))


@main.group()
def db() -> None:
    """Database schema: upgrade to the current version, or show the version."""


@db.command("upgrade")
@click.pass_obj
def db_upgrade(obj: _Context) -> None:
    """Upgrade the database to the newest schema (a SQLite file is backed up first)."""
    from crm_desktop.db import current_revision, head_revision, migrate_to_head

    try:
        database = obj.open()
        try:
            before = current_revision(database)
            backup = migrate_to_head(database)
        finally:
            database.dispose()
    except UserError as exc:
        _fail(exc)
        return
    if backup is not None:
        click.echo(f"backup: {backup}")
    head = head_revision()
    if before == head:
        click.echo(f"already at {head}")
    else:
        click.echo(f"upgraded {before or 'empty database'} -> {head}")


@db.command("current")
@click.pass_obj
def db_current(obj: _Context) -> None:
    """Print the database's schema version and whether it is the newest."""
    from crm_desktop.db import current_revision, head_revision

    try:
        database = obj.open()
        try:
            revision = current_revision(database)
        finally:
            database.dispose()
    except UserError as exc:
        _fail(exc)
        return
    head = head_revision()
    state = "head" if revision == head else f"behind head {head}"
    click.echo(f"{revision or 'empty'} ({state})")


@main.command()
@click.option("--clients", type=click.IntRange(1, 5_000_000), default=300, show_default=True)
@click.option("--seed", type=int, default=None, help="Same seed, same data.")
@click.pass_obj
def demo(obj: _Context, clients: int, seed: int | None) -> None:
    """Fill the database with realistic demo companies, people and requisites."""
    from crm_desktop.db import migrate_to_head
    from crm_desktop.services.demo import generate
    from crm_desktop.services.users import current_actor

    try:
        database = obj.open()
        try:
            migrate_to_head(database)
            actor = current_actor(database)
            with click.progressbar(length=clients, label="clients", show_pos=True) as bar:
                done = 0

                def progress(current: int, _total: int) -> None:
                    nonlocal done
                    bar.update(current - done)
                    done = current

                summary = generate(database, actor, clients=clients, seed=seed, progress=progress)
        finally:
            database.dispose()
    except UserError as exc:
        _fail(exc)
        return
    click.echo(
        f"created {summary.clients} clients, {summary.counterparties} counterparties, "
        f"{summary.contacts} contacts, {summary.deals} deals, {summary.claims} claims, "
        f"{summary.interactions} interactions, {summary.tasks} tasks, {summary.leads} leads "
        f"in {summary.elapsed_s:.1f} s"
    )


@main.group()
def report() -> None:
    """Reports: the sales funnel, claims, managers compared, card completeness."""


@report.command("funnel")
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option("--manager", metavar="LOGIN", help="Only this manager's deals.")
@click.option("--format", "fmt", type=click.Choice(["text", "csv"]), default="text")
@click.pass_obj
def report_funnel(
    obj: _Context, date_from: Any, date_to: Any, manager: str | None, fmt: str
) -> None:
    """Deals entering each stage, conversion, losses by reason, won/lost/open."""
    from crm_desktop.services import reports
    from crm_desktop.services.users import list_users

    try:
        database = obj.open()
        try:
            owner_id = None
            if manager is not None:
                matches = [u for u in list_users(database, active_only=False) if u.login == manager]
                if not matches:
                    click.echo(f"crm-desktop: no user with the login {manager!r}", err=True)
                    sys.exit(2)
                owner_id = matches[0].id
            result = reports.funnel(database, date_from.date(), date_to.date(), owner_id)
        finally:
            database.dispose()
    except UserError as exc:
        _fail(exc)
        return
    click.echo(
        reports.funnel_csv(result) if fmt == "csv" else reports.funnel_text(result), nl=False
    )


def _echo_report(obj: _Context, compute: Any, fmt: str, csv_render: Any, text_render: Any) -> None:
    """Run ``compute(database)`` and print the result as CSV or text."""
    try:
        database = obj.open()
        try:
            result = compute(database)
        finally:
            database.dispose()
    except UserError as exc:
        _fail(exc)
        return
    click.echo(csv_render(result) if fmt == "csv" else text_render(result), nl=False)


_FROM = click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), required=True)
_TO = click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), required=True)
_FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "csv"]), default="text")


@report.command("claims-dynamics")
@_FROM
@_TO
@_FORMAT
@click.pass_obj
def report_claims_dynamics(obj: _Context, date_from: Any, date_to: Any, fmt: str) -> None:
    """Claims per month by culprit department: registered, resolved, open at month end."""
    from crm_desktop.services import claim_reports as cr

    _echo_report(
        obj,
        lambda db: cr.claims_dynamics(db, date_from.date(), date_to.date()),
        fmt,
        cr.claims_dynamics_csv,
        cr.claims_dynamics_text,
    )


@report.command("claims-satisfaction")
@_FROM
@_TO
@_FORMAT
@click.pass_obj
def report_claims_satisfaction(obj: _Context, date_from: Any, date_to: Any, fmt: str) -> None:
    """Claims resolved in the period by reason: % satisfied, partly, rejected; amounts."""
    from crm_desktop.services import claim_reports as cr

    _echo_report(
        obj,
        lambda db: cr.claim_satisfaction(db, date_from.date(), date_to.date()),
        fmt,
        cr.claim_satisfaction_csv,
        cr.claim_satisfaction_text,
    )


@report.command("claims-structure")
@_FROM
@_TO
@_FORMAT
@click.pass_obj
def report_claims_structure(obj: _Context, date_from: Any, date_to: Any, fmt: str) -> None:
    """Claims registered in the period: culprit department × reason."""
    from crm_desktop.services import claim_reports as cr

    _echo_report(
        obj,
        lambda db: cr.claims_structure(db, date_from.date(), date_to.date()),
        fmt,
        cr.claims_structure_csv,
        cr.claims_structure_text,
    )


@report.command("lead-sources")
@_FROM
@_TO
@_FORMAT
@click.pass_obj
def report_lead_sources(obj: _Context, date_from: Any, date_to: Any, fmt: str) -> None:
    """Leads received in the period per source: qualified, rejected, open, conversion %,
    days to qualify."""
    from crm_desktop.services import lead_reports as lr

    _echo_report(
        obj,
        lambda db: lr.lead_sources(db, date_from.date(), date_to.date()),
        fmt,
        lr.lead_sources_csv,
        lr.lead_sources_text,
    )


@report.command("managers")
@_FROM
@_TO
@_FORMAT
@click.pass_obj
def report_managers(obj: _Context, date_from: Any, date_to: Any, fmt: str) -> None:
    """Managers compared: the period against the previous one and the same one a year ago."""
    from crm_desktop.services import manager_reports as mr

    _echo_report(
        obj,
        lambda db: mr.manager_comparison(db, date_from.date(), date_to.date()),
        fmt,
        mr.manager_comparison_csv,
        mr.manager_comparison_text,
    )


@report.command("completeness")
@click.option(
    "--from",
    "date_from",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Only clients registered from this day.",
)
@click.option(
    "--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Only clients registered until."
)
@_FORMAT
@click.pass_obj
def report_completeness(obj: _Context, date_from: Any, date_to: Any, fmt: str) -> None:
    """Client cards with their circle's mandatory fields filled, per manager and circle."""
    from crm_desktop.services import manager_reports as mr

    _echo_report(
        obj,
        lambda db: mr.card_completeness(
            db,
            date_from.date() if date_from else None,
            date_to.date() if date_to else None,
        ),
        fmt,
        mr.card_completeness_csv,
        mr.card_completeness_text,
    )


@main.group()
def proposal() -> None:
    """Commercial proposals."""


@proposal.command("pdf")
@click.argument("number")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True, metavar="FILE"
)
@click.option("--version", "version_no", type=click.IntRange(1), help="Default: the latest one.")
@click.pass_obj
def proposal_pdf(obj: _Context, number: str, output: str, version_no: int | None) -> None:
    """Write proposal NUMBER (like А-000042, Cyrillic «А») as a PDF to FILE."""
    from pathlib import Path

    from crm_desktop.services import proposals
    from crm_desktop.services.proposal_pdf import render_proposal_pdf

    try:
        database = obj.open()
        try:
            proposal_id = proposals.find_proposal(database, number, version_no)
            document = proposals.proposal_document(database, proposal_id)
        finally:
            database.dispose()
    except UserError as exc:
        _fail(exc)
        return
    pdf = render_proposal_pdf(document)
    Path(output).write_bytes(pdf)
    click.echo(
        f"{document.number}/{document.version_no}: {len(document.lines)} lines, "
        f"{len(pdf) // 1024} KiB -> {output}"
    )


if __name__ == "__main__":
    main()
