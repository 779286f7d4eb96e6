"""Power-cut safety of the embedded file: SIGKILL a writer 20 times at random moments."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import uuid

import pytest

from crm_desktop.db import migrate_to_head, open_database, sqlite_url
from crm_desktop.services.lists import ClientFilter, client_count

WRITER = textwrap.dedent(
    """
    import sys
    from crm_desktop.db import migrate_to_head, open_database
    from crm_desktop.services import parties as p
    from crm_desktop.services.users import ensure_user

    db = open_database(sys.argv[1])
    migrate_to_head(db)
    actor = ensure_user(db, "writer")
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        client = p.create_client(db, actor, p.ClientDraft(
            name=f"Клиент {sys.argv[2]}-{n}",
            channels=(p.ChannelDraft("phone", f"+7 495 {1000000 + n}"),),
        ))
        print(client.id, flush=True)   # the commit has returned
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_never_loses_a_committed_client(tmp_path):
    path = tmp_path / "crm.sqlite3"
    url = sqlite_url(path)
    rng = random.Random(20261123)
    committed: set[uuid.UUID] = set()
    for round_no in range(20):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, url, str(round_no)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read()  # type: ignore[union-attr]
        # let it commit a random number of clients, then cut it while it writes the next
        lines = [child.stdout.readline() for _ in range(rng.randint(0, 40))]
        os.kill(child.pid, signal.SIGKILL)
        out, _err = child.communicate()
        lines += out.splitlines()
        # the last line may be cut in the middle: only whole ids count as returned commits
        for line in lines:
            with contextlib.suppress(ValueError):
                committed.add(uuid.UUID(line.strip()))
        assert child.returncode == -signal.SIGKILL
    assert len(committed) > 20

    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {uuid.UUID(hex=row[0]) for row in check.execute("SELECT id FROM client")}
    finally:
        check.close()
    assert committed <= stored

    database = open_database(url)  # and the app opens the file
    try:
        migrate_to_head(database)
        assert client_count(database, ClientFilter()) == len(stored)
    finally:
        database.dispose()


CONCURRENT_WRITER = textwrap.dedent(
    """
    import sys
    from crm_desktop.db import open_database
    from crm_desktop.services import parties as p
    from crm_desktop.services.users import ensure_user

    db = open_database(sys.argv[1])
    actor = ensure_user(db, "writer-" + sys.argv[2])
    for n in range(60):
        client = p.create_client(db, actor, p.ClientDraft(name=f"Клиент {sys.argv[2]}-{n}"))
        current = p.get_client(db, client.id)
        p.update_client(db, actor, client.id, current.version,
                        p.ClientDraft(name=f"Клиент {sys.argv[2]}-{n}", industry="Торговля"))
    print("done", flush=True)
    """
)


@pytest.mark.slow
def test_two_processes_write_one_file_without_deadlock(tmp_path):
    """The app and a CLI on the same file: writers queue at BEGIN IMMEDIATE, none fails."""
    url = sqlite_url(tmp_path / "crm.sqlite3")
    database = open_database(url)
    migrate_to_head(database)
    database.dispose()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT_WRITER, url, str(i)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(3)
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        assert out.strip() == "done"
    database = open_database(url)
    try:
        assert client_count(database, ClientFilter()) == 180
    finally:
        database.dispose()
