"""services.connection: "Test connection" and the database URL the Settings dialog keeps."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.engine import make_url

from crm_desktop.errors import ValidationError
from crm_desktop.services import connection


def test_the_test_postgresql_answers(pg_server):
    url = pg_server.admin_url.render_as_string(hide_password=False)
    report = connection.test_connection(url)
    assert report.ok, report.message.render()
    assert report.server_version is not None
    assert report.server_version.startswith("PostgreSQL ")
    text = report.message.render()
    assert text.startswith("Connected to PostgreSQL")
    assert "connect_timeout" not in text


def test_nothing_listens_on_port_1():
    report = connection.test_connection("postgresql+psycopg://crm@127.0.0.1:1/crm", "secret")
    assert not report.ok
    assert report.server_version is None
    text = report.message.render()
    assert text.startswith("Cannot open the database postgresql+psycopg://crm@127.0.0.1:1/crm:")
    assert "refused" in text.lower()
    assert "secret" not in text
    assert "connect_timeout" not in text


def test_sqlite_file_is_opened_read_only_and_never_created(tmp_path):
    missing = tmp_path / "sub" / "crm.sqlite3"
    report = connection.test_connection(f"sqlite:///{missing}")
    assert report.ok
    assert "will be created" in report.message.render()
    assert not missing.exists()
    assert not missing.parent.exists()

    existing = tmp_path / "crm.sqlite3"
    sqlite3.connect(existing).close()
    report = connection.test_connection(f"sqlite:///{existing}")
    assert report.ok
    assert report.server_version is not None
    assert report.server_version.startswith("SQLite ")


def test_unsupported_url():
    report = connection.test_connection("mysql://user@host/db")
    assert not report.ok
    assert "Unsupported database URL" in report.message.render()


def test_settings_url_has_no_password_and_round_trips():
    settings = connection.DatabaseSettings(
        "server", host="crm.office.local", port=5433, database="crm", user="ivanov"
    )
    url = connection.settings_url(settings)
    assert make_url(url).password is None
    assert url == "postgresql+psycopg://ivanov@crm.office.local:5433/crm"
    assert connection.parse_url(url) == settings
    embedded = connection.settings_url(connection.DatabaseSettings("embedded", path="/tmp/x.db"))
    assert embedded == "sqlite:////tmp/x.db"
    assert connection.parse_url(embedded) == connection.DatabaseSettings(
        "embedded", path="/tmp/x.db"
    )


def test_settings_url_names_the_fields_in_trouble():
    with pytest.raises(ValidationError) as caught:
        connection.settings_url(
            connection.DatabaseSettings("server", host=" ", port=0, database="a b", user="")
        )
    assert set(caught.value.field_errors) == {"host", "port", "database", "user"}
    with pytest.raises(ValidationError) as caught:
        connection.settings_url(connection.DatabaseSettings("embedded", path=""))
    assert set(caught.value.field_errors) == {"path"}
