"""The command line, and the migrations working from an installed wheel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from crm_desktop.cli import main
from crm_desktop.db import head_revision

ROOT = Path(__file__).resolve().parents[1]


def test_db_current_and_upgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'crm.sqlite3'}"
    runner = CliRunner()
    result = runner.invoke(main, ["--database", url, "db", "current"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"empty (behind head {head_revision()})"
    result = runner.invoke(main, ["--database", url, "db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert f"-> {head_revision()}" in result.output
    result = runner.invoke(main, ["db", "current"], env={"CRM_DATABASE_URL": url})
    assert result.output.strip() == f"{head_revision()} (head)"


def test_unreachable_database_is_reported_without_a_traceback():
    runner = CliRunner()
    result = runner.invoke(
        main, ["--database", "postgresql://nobody@127.0.0.1:1/none", "db", "current"]
    )
    assert result.exit_code == 2
    assert "Cannot open the database" in result.output
    assert "Traceback" not in result.output


def test_python_dash_m_runs_the_cli():
    out = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "db" in out.stdout and "demo" in out.stdout


@pytest.mark.slow
def test_migrations_work_from_an_installed_wheel(tmp_path):
    """Build the wheel, install it apart from the source tree, upgrade a database with it."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
    )
    wheel = next((tmp_path / "dist").glob("crm_desktop-*.whl"))
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    assert (target / "crm_desktop" / "migrations" / "env.py").is_file()
    assert (target / "crm_desktop" / "resources").is_dir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import crm_desktop.paths as p; print(p.shipped_dir('migrations'))"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip() == str(target / "crm_desktop" / "migrations")
    url = f"sqlite:///{tmp_path / 'installed.sqlite3'}"
    out = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--database", url, "db", "upgrade"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"-> {head_revision()}" in out.stdout


@pytest.mark.slow
def test_demo_10000_clients_all_requisites_valid(tmp_path):
    """`crm-desktop demo --clients 10000`: every INN, KPP, OGRN, BIK and account checks out."""
    import sqlite3

    from stdnum.ru import inn as stdnum_inn
    from stdnum.ru import ogrn as stdnum_ogrn

    from crm_desktop.services import validation as v

    path = tmp_path / "demo.sqlite3"
    result = CliRunner().invoke(
        main, ["--database", f"sqlite:///{path}", "demo", "--clients", "10000", "--seed", "7"]
    )
    assert result.exit_code == 0, result.output
    assert "created 10000 clients" in result.output
    conn = sqlite3.connect(path)
    try:
        # a demo lead converted into a client brings its INN/KPP only (no OGRN, no account)
        generated = (
            "FROM counterparty WHERE id NOT IN (SELECT converted_counterparty_id FROM lead "
            "WHERE converted_counterparty_id IS NOT NULL)"
        )
        counterparties = conn.execute(f"SELECT inn, kpp, ogrn {generated}").fetchall()
        accounts = conn.execute("SELECT bik, account, corr_account FROM bank_account").fetchall()
    finally:
        conn.close()
    assert len(counterparties) >= 10000
    for inn, kpp, ogrn in counterparties:
        assert stdnum_inn.is_valid(inn), inn
        if len(inn) == 10:
            assert v.normalize_kpp(kpp) == kpp
            assert stdnum_ogrn.is_valid(ogrn), ogrn
        else:
            assert kpp is None
            assert v.normalize_ogrn(ogrn) == ogrn  # OGRNIP: the official rule (see decisions)
    assert len(accounts) >= len(counterparties)
    for bik, account, corr in accounts:
        assert v.normalize_bik(bik) == bik
        assert v.account_key_ok(bik, account), (bik, account)
        assert v.corr_account_key_ok(bik, corr), (bik, corr)
