"""Benchmark of the clients list: our paged model against QSqlQueryModel and a naive ORM model.

    .venv/bin/python bench/lists.py [--rows 1000000] [--db PATH] [--small-rows 100000]

Builds (once, then reuses) a SQLite database of ``--rows`` clients, as many counterparties and
contacts (``bench/builddb.py``), migrated with ``crm_desktop.db.upgrade``; then measures, each
approach in a subprocess of its own so that its peak RSS is its own:

- **ours**: ``views.itemmodels.clients.clients_model`` (keyset pages, LRU cache, anchors, workers)
  over ``services.lists``, as the Clients tab uses it;
- **QSqlQueryModel**: Qt's own model over ``QSqlDatabase("QSQLITE")`` with the same SELECT
  (the same columns, joins, filter and order);
- **naive ORM**: every client loaded as an ORM object, searched and sorted in Python;
- **bare sqlite3**: the reference figures of ``/work/shared/design/PERFORMANCE.md``, re-measured.

For each: time to the first screen of rows (30 rows, every column), time to show the rows around
position 900,000, p50/p95 of 50 search-as-you-type queries (3–6 letter substrings of real names
and a few phone fragments, typed as people type them) and peak memory. Our figures are printed as
ratios to the other two. Then the same at ``--small-rows`` (100,000) to show that our memory does
not grow with the table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
OUT = HERE / "out"
SCREEN_ROWS = 30
JUMP_ROW = 900_000
QUERIES = 50
RESULT = "BENCH-RESULT "


# --- helpers shared by the children ---------------------------------------------------------------


def jump_row(rows: int) -> int:
    """Where "far down" is: row 900,000 of a million, row 90,000 of 100,000."""
    return min(JUMP_ROW, rows * 9 // 10)


def peak_rss_mib() -> float:
    """This process's peak resident memory: VmHWM, which starts afresh at exec.

    (``getrusage().ru_maxrss`` would do elsewhere, but on Linux it survives ``execve``: a child
    started from a big parent reports the parent's size.)
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    kib = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kib) / 1024


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": ms(statistics.median(ordered)), "p95": ms(p95)}


def search_queries(path: Path, rows: int, count: int = QUERIES) -> list[str]:
    """Substrings of 3–6 letters of real client names, and phone fragments as people type them."""
    rng = random.Random(20261123)
    conn = sqlite3.connect(path)
    try:
        queries: list[str] = []
        while len(queries) < count - 5:
            rowid = rng.randint(1, rows)
            row = conn.execute("SELECT search_key FROM client WHERE rowid = ?", (rowid,)).fetchone()
            if row is None:
                continue
            words = [w for w in re.findall(r"[^\W\d_]+", row[0]) if len(w) >= 3]
            if not words:
                continue
            word = rng.choice(words)
            size = rng.randint(3, min(6, len(word)))
            start = rng.randint(0, len(word) - size)
            queries.append(word[start : start + size])
        phones: list[str] = []
        top = conn.execute("SELECT max(rowid) FROM channel").fetchone()[0]
        while len(phones) < 5:
            row = conn.execute(
                "SELECT normalized FROM channel WHERE rowid = ? AND kind = 'phone' "
                "AND client_id IS NOT NULL",
                (rng.randint(1, top),),
            ).fetchone()
            if row is not None:
                phones.append(row[0])
    finally:
        conn.close()
    styles: list[Callable[[str], str]] = [
        lambda d: f"8 ({d[1:4]}) {d[4:7]}-{d[7:9]}-{d[9:]}",  # the whole number, 8 and brackets
        lambda d: f"{d[4:7]}-{d[7:9]}",  # the middle of it
        lambda d: f"+7 {d[1:4]} {d[4:7]}",  # the start, international
        lambda d: d[4:],  # the last seven digits
        lambda d: f"{d[1:4]} {d[4:7]}-{d[7:9]}-{d[9:]}",
    ]
    for style, number in zip(styles, phones, strict=True):
        queries.append(style(number.lstrip("+")))
    return queries


class Waiter:
    """Waits for a condition while Qt delivers events."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        self._flags = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        self._loop = QEventLoop()
        self._tick = QTimer()
        self._tick.setInterval(5)
        self._tick.start()

    def until(self, condition: Callable[[], bool], timeout: float = 600.0) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the benchmark waited too long")
            self._loop.processEvents(self._flags)


# --- children ---------------------------------------------------------------------------------


def child_ours(path: Path, rows: int, queries: list[str]) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from crm_desktop.db import open_database, sqlite_url
    from crm_desktop.services.lists import CLIENT_SORT_KEYS, ClientFilter
    from crm_desktop.views.itemmodels.clients import client_source, clients_model

    app = QCoreApplication([])
    wait = Waiter()
    db = open_database(sqlite_url(path))
    out: dict[str, Any] = {}

    def screen(model: Any, first: int) -> bool:
        return all(
            model.data(model.index(r, c)) is not None
            for r in range(first, first + SCREEN_ROWS)
            for c in (0, 6)  # name and created are never empty
        )

    def open_list() -> tuple[Any, float]:
        started = time.perf_counter()
        model = clients_model(db)
        model.refresh()
        wait.until(lambda: screen(model, 0))
        return model, time.perf_counter() - started

    model, cold = open_list()
    out["first_screen_cold_ms"] = ms(cold)
    started = time.perf_counter()
    wait.until(lambda: model.total_known)
    out["count_ms"] = ms(time.perf_counter() - started)
    out["total"] = model.total()
    # right after opening: the jump waits for the anchors scan started by the count
    far = jump_row(rows)
    started = time.perf_counter()
    wait.until(lambda: screen(model, far))
    out["jump_after_open_ms"] = ms(time.perf_counter() - started)
    wait.until(lambda: not model.busy)

    warm_samples = []
    for _ in range(5):
        again, seconds = open_list()
        warm_samples.append(seconds)
        wait.until(lambda again=again: not again.busy)
        started = time.perf_counter()
        anchors = again.source.anchors
        assert anchors is not None
        anchors("name", False, 500)
        out["anchors_scan_ms"] = ms(time.perf_counter() - started)
        again.deleteLater()
    out["first_screen_ms"] = ms(statistics.median(warm_samples))

    jumps = []
    for target in (far, far // 2, far - 1000, far + 500, 12_345):
        started = time.perf_counter()
        wait.until(lambda target=target: screen(model, target))
        jumps.append(time.perf_counter() - started)
    out["jump_ms"] = ms(jumps[0])
    out["jump_others_max_ms"] = ms(max(jumps[1:]))

    searches = []
    capped = 0
    for query in queries:
        started = time.perf_counter()
        model.set_source(client_source(db, ClientFilter(search=query)))
        wait.until(lambda: not model.loading)
        wait.until(lambda: screen(model, 0) or model.total() < SCREEN_ROWS)
        searches.append(time.perf_counter() - started)
        capped += model.capped
    out["search"] = percentiles(searches)
    out["search_capped"] = capped
    model.set_source(client_source(db, ClientFilter()))
    wait.until(lambda: not model.loading)

    sorts = {}
    for key in CLIENT_SORT_KEYS:
        started = time.perf_counter()
        model.set_order(key)
        wait.until(lambda: not model.loading and screen(model, 0))
        sorts[key] = ms(time.perf_counter() - started)
    out["first_screen_by_sort_ms"] = sorts
    wait.until(lambda: not model.busy)
    out["peak_rss_mib"] = round(peak_rss_mib(), 1)
    del app
    return out


def _list_sql(search: str | None = None) -> str:
    """Our SELECT for the clients list, as SQLite text (what QSqlQueryModel is given)."""
    from sqlalchemy.dialects import sqlite

    from crm_desktop.models import Client
    from crm_desktop.services import lists
    from crm_desktop.services.search import match_condition

    key = lists.CLIENT_SORT_KEYS["name"]
    query = lists._CLIENTS.rows(key).where(*lists._client_where(lists.ClientFilter()))
    if search is not None:
        query = query.where(match_condition("sqlite", Client, search))
    query = query.order_by(key, Client.id)
    return str(query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def child_qsql(path: Path, rows: int, queries: list[str]) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtSql import QSqlDatabase, QSqlQuery, QSqlQueryModel

    app = QCoreApplication([])
    qdb = QSqlDatabase.addDatabase("QSQLITE")
    qdb.setDatabaseName(str(path))
    if not qdb.open():
        raise RuntimeError(qdb.lastError().text())
    out: dict[str, Any] = {}
    plain = _list_sql()

    def screen(model: QSqlQueryModel, first: int) -> bool:
        return all(
            model.index(r, c).data() is not None
            for r in range(first, first + SCREEN_ROWS)
            for c in range(model.columnCount())
            if c in (2, 9)
        )

    def open_list(sql: str) -> QSqlQueryModel:
        model = QSqlQueryModel()
        model.setQuery(QSqlQuery(sql, qdb))
        if model.lastError().isValid():
            raise RuntimeError(model.lastError().text())
        return model

    samples = []
    for _ in range(3):
        started = time.perf_counter()
        model = open_list(plain)
        assert screen(model, 0)
        samples.append(time.perf_counter() - started)
    out["first_screen_cold_ms"] = ms(samples[0])
    out["first_screen_ms"] = ms(statistics.median(samples[1:]))
    far = jump_row(rows)
    started = time.perf_counter()
    while model.rowCount() < far + SCREEN_ROWS and model.canFetchMore():
        model.fetchMore()
    assert screen(model, far)
    out["jump_ms"] = ms(time.perf_counter() - started)
    out["rows_held"] = model.rowCount()
    out["peak_rss_after_jump_mib"] = round(peak_rss_mib(), 1)
    model.clear()
    searches = []
    for query in queries:
        started = time.perf_counter()
        found = open_list(_list_sql(query))
        assert screen(found, 0) or found.rowCount() < SCREEN_ROWS
        searches.append(time.perf_counter() - started)
    out["search"] = percentiles(searches)
    out["peak_rss_mib"] = round(peak_rss_mib(), 1)
    del app
    return out


def child_orm(path: Path, rows: int, queries: list[str]) -> dict[str, Any]:
    from sqlalchemy import select

    from crm_desktop.db import open_database, sqlite_url
    from crm_desktop.models import Client
    from crm_desktop.services.search import query_terms
    from crm_desktop.services.uow import read_unit

    db = open_database(sqlite_url(path))
    out: dict[str, Any] = {}
    started = time.perf_counter()
    with read_unit(db) as session:
        everyone = list(
            session.scalars(
                select(Client)
                .where(Client.deleted_at.is_(None), Client.is_archived.is_(False))
                .order_by(Client.search_key, Client.id)
            )
        )
    first = [(c.name, c.industry, c.created_at) for c in everyone[:SCREEN_ROWS]]
    out["first_screen_ms"] = ms(time.perf_counter() - started)
    out["first_screen_cold_ms"] = out["first_screen_ms"]
    started = time.perf_counter()
    far = jump_row(rows)
    around = [(c.name, c.industry) for c in everyone[far : far + SCREEN_ROWS]]
    out["jump_ms"] = ms(time.perf_counter() - started)
    searches = []
    for query in queries:
        started = time.perf_counter()
        terms = query_terms(query)
        hits = [c for c in everyone if all(t in c.search_text for t in terms)]
        hits.sort(key=lambda c: (c.search_key, c.id))
        first = [(c.name, c.industry) for c in hits[:SCREEN_ROWS]]
        searches.append(time.perf_counter() - started)
    out["search"] = percentiles(searches)
    out["peak_rss_mib"] = round(peak_rss_mib(), 1)
    del first, around
    return out


def child_reference(path: Path, rows: int, queries: list[str]) -> dict[str, Any]:
    """The rows of PERFORMANCE.md's table, measured again on this database (bare sqlite3)."""
    from crm_desktop.db import open_database, sqlite_url
    from crm_desktop.services.lists import ClientFilter, PageRequest, client_anchors, client_page
    from crm_desktop.services.search import query_terms

    conn = sqlite3.connect(path)
    out: dict[str, Any] = {}

    def best(sql: str, args: tuple[Any, ...] = (), runs: int = 5) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            conn.execute(sql, args).fetchall()
            times.append(time.perf_counter() - started)
        return ms(statistics.median(times))

    far = jump_row(rows)
    page = "SELECT id, name FROM client {} ORDER BY search_key, id LIMIT 50"
    out["sqlite_keyset_0_ms"] = best(page.format(""))
    key = conn.execute(
        "SELECT search_key, id FROM client ORDER BY search_key, id LIMIT 1 OFFSET ?", (far,)
    ).fetchone()
    out["sqlite_keyset_900k_ms"] = best(page.format("WHERE (search_key, id) > (?, ?)"), key)
    out["sqlite_offset_900k_ms"] = best(page.format("") + f" OFFSET {far}", runs=3)
    out["sqlite_count_ms"] = best("SELECT count(*) FROM client")
    out["sqlite_count_live_ms"] = best(
        "SELECT count(*) FROM client WHERE deleted_at IS NULL AND is_archived = 0"
    )
    out["sqlite_like_ms"] = best("SELECT count(*) FROM client WHERE name LIKE '%ромаш%'", runs=1)
    fts, joined = [], []
    for query in queries:
        phrase = " ".join(f'"{t}"' for t in query_terms(query) if len(t) >= 3)
        if not phrase:
            continue
        started = time.perf_counter()
        conn.execute(
            "SELECT rowid FROM client_fts WHERE client_fts MATCH ? LIMIT 50", (phrase,)
        ).fetchall()
        fts.append(time.perf_counter() - started)
        started = time.perf_counter()
        conn.execute(
            "SELECT c.id, c.name FROM client_fts f JOIN client c ON c.rowid = f.rowid "
            "WHERE client_fts MATCH ? ORDER BY c.search_key LIMIT 50",
            (phrase,),
        ).fetchall()
        joined.append(time.perf_counter() - started)
    out["fts_first_50"] = percentiles(fts)
    out["fts_sorted_50"] = percentiles(joined)
    conn.close()

    db = open_database(sqlite_url(path))
    flt = ClientFilter()
    started = time.perf_counter()
    client_page(db, flt, PageRequest(limit=50))
    out["core_page_first_call_ms"] = ms(time.perf_counter() - started)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        client_page(db, flt, PageRequest(limit=50))
        times.append(time.perf_counter() - started)
    out["core_page_ms"] = ms(statistics.median(times))
    anchors = client_anchors(db, flt, "name", every=1000)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        client_page(db, flt, PageRequest(limit=50, after=anchors[far // 1000 - 1]))
        times.append(time.perf_counter() - started)
    out["core_page_900k_ms"] = ms(statistics.median(times))
    return out


CHILDREN: dict[str, Callable[[Path, int, list[str]], dict[str, Any]]] = {
    "ours": child_ours,
    "qsql": child_qsql,
    "orm": child_orm,
    "reference": child_reference,
}


# --- the driver -------------------------------------------------------------------------------


def ensure_database(path: Path, rows: int) -> None:
    """Build the database unless a build of the same size is there; migrate it to head."""
    import builddb

    from crm_desktop.db import current_revision, head_revision, open_database, sqlite_url, upgrade

    meta = path.with_name(path.name + ".json")
    fresh = path.exists() and meta.exists() and json.loads(meta.read_text())["rows"] == rows
    if not fresh:
        print(f"building {path} with {rows:,} clients (once; the file is reused)", flush=True)
        builddb.build(path, rows, log=lambda text: print(text, flush=True))
        meta.write_text(json.dumps({"rows": rows}))
    db = open_database(sqlite_url(path))
    try:
        if current_revision(db) != head_revision():
            print(f"migrating {path} to the current schema", flush=True)
            upgrade(db)
    finally:
        db.dispose()


def run_child(kind: str, path: Path, rows: int, queries: list[str]) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", kind, "--db", str(path), "--rows", str(rows)]
    env = {**os.environ, "BENCH_QUERIES": json.dumps(queries, ensure_ascii=False)}
    started = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"the {kind} benchmark failed ({done.returncode})")
    line = next(x for x in done.stdout.splitlines() if x.startswith(RESULT))
    result: dict[str, Any] = json.loads(line[len(RESULT) :])
    result["wall_s"] = round(time.perf_counter() - started, 1)
    return result


def fmt_ms(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    if value >= 10:
        return f"{value:.0f} ms"
    return f"{value:.2f} ms"


def ratio(ours: float, other: float, better: str = "faster", worse: str = "slower") -> str:
    if ours <= 0 or other <= 0:
        return "—"
    factor = other / ours
    return (
        f"×{factor:,.0f} {better}"
        if factor >= 1.5
        else (f"×{1 / factor:.1f} {worse}" if factor < 0.67 else "same")
    )


def report(rows: int, results: dict[str, dict[str, Any]]) -> None:
    ours, qsql, orm = results["ours"], results["qsql"], results["orm"]
    lines = [
        ("first screen (30 rows)", "first_screen_ms", fmt_ms),
        (f"rows around {jump_row(rows):,}", "jump_ms", fmt_ms),
        ("search p50", ("search", "p50"), fmt_ms),
        ("search p95", ("search", "p95"), fmt_ms),
        ("peak memory (RSS)", "peak_rss_mib", lambda v: f"{v:,.0f} MiB"),
    ]
    print(f"\n=== {rows:,} clients ({ours['total']:,} live, not archived) ===")
    head = (
        f"{'':24} {'ours':>10} {'QSqlQueryModel':>15} {'naive ORM':>11}   "
        f"{'ours vs Qt':16} ours vs ORM"
    )
    print(head)
    print("-" * len(head))
    for label, field, show in lines:

        def get(result: dict[str, Any], field: Any = field) -> float:
            if isinstance(field, tuple):
                return float(result[field[0]][field[1]])
            return float(result[field])

        a, b, c = get(ours), get(qsql), get(orm)
        words = ("less", "more") if field == "peak_rss_mib" else ("faster", "slower")
        print(
            f"{label:24} {show(a):>10} {show(b):>15} {show(c):>11}   "
            f"{ratio(a, b, *words):16} {ratio(a, c, *words)}"
        )
    print()
    print(
        f"ours, more: first screen cold (first call in the process) "
        f"{fmt_ms(ours['first_screen_cold_ms'])}; count in the background "
        f"{fmt_ms(ours['count_ms'])}; anchors scan (background, once per order and filter) "
        f"{fmt_ms(ours['anchors_scan_ms'])}; jump right after opening (waits for count and "
        f"anchors) {fmt_ms(ours['jump_after_open_ms'])}; other jumps at most "
        f"{fmt_ms(ours['jump_others_max_ms'])}; searches capped at 1,000 hits: "
        f"{ours['search_capped']} of {QUERIES}"
    )
    sorts = ", ".join(f"{k} {fmt_ms(v)}" for k, v in ours["first_screen_by_sort_ms"].items())
    print(f"ours, first screen after a header click, by sort key: {sorts}")
    print(
        f"QSqlQueryModel held {qsql['rows_held']:,} rows after the jump "
        f"({qsql['peak_rss_after_jump_mib']:,.0f} MiB); naive ORM loaded everything in "
        f"{fmt_ms(orm['first_screen_ms'])}"
    )


REFERENCE_ROWS = (
    ("bare sqlite3 keyset page of 50 by (name, id)", "sqlite_keyset_0_ms", "0.37 ms"),
    ("same, at row 900,000", "sqlite_keyset_900k_ms", "0.37 ms"),
    ("same with LIMIT 50 OFFSET 900000", "sqlite_offset_900k_ms", "128 ms"),
    ("SQLAlchemy Core keyset page (warm)", "core_page_ms", "0.50 ms"),
    ("SQLAlchemy Core keyset page, first call", "core_page_first_call_ms", "3 ms"),
    ("our client_page at row 900,000 (anchor)", "core_page_900k_ms", "—"),
    ("count(*)", "sqlite_count_ms", "16 ms"),
    ("count(*) of live, not archived clients", "sqlite_count_live_ms", "—"),
    ("SQLite LIKE '%ромаш%' full scan", "sqlite_like_ms", "0.5 s"),
)


def report_reference(ref: dict[str, Any], ours: dict[str, Any], qsql: dict[str, Any]) -> None:
    print("\n=== the reference figures of PERFORMANCE.md, re-measured here ===")
    print(f"{'':46} {'now':>10} {'PERFORMANCE.md':>15}")
    for label, field, then in REFERENCE_ROWS:
        print(f"{label:46} {fmt_ms(ref[field]):>10} {then:>15}")
    for label, field, then in (
        ("FTS5 trigram, first 50 hits", "fts_first_50", "p50 0.12 / p95 0.29 ms"),
        ("FTS5 hits joined, ORDER BY name LIMIT 50", "fts_sorted_50", "p50 50 / p95 117 ms"),
    ):
        now = f"p50 {fmt_ms(ref[field]['p50'])} / p95 {fmt_ms(ref[field]['p95'])}"
        print(f"{label:46} {now:>28} (then {then})")
    print(
        f"{'QSqlQueryModel: first rows shown':46} {fmt_ms(qsql['first_screen_ms']):>10} "
        f"{'3.8 ms':>15}"
    )
    print(
        f"{'QSqlQueryModel: row 900,000 (fetchMore loop)':46} {fmt_ms(qsql['jump_ms']):>10} "
        f"{'6.3 s':>15}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="database file (built if absent)")
    parser.add_argument("--small-rows", type=int, default=100_000, help="0 to skip")
    parser.add_argument(
        "--only", choices=sorted(CHILDREN), action="append", help="measure only these"
    )
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child is not None:
        queries = json.loads(os.environ["BENCH_QUERIES"])
        result = CHILDREN[args.child](args.db, args.rows, queries)
        print(RESULT + json.dumps(result, default=str), flush=True)
        return 0

    if args.rows < 10 * SCREEN_ROWS:
        parser.error("--rows: at least 300")
    runs = [(args.rows, args.db or OUT / f"lists-{args.rows}.sqlite3")]
    if args.small_rows:
        runs.append((args.small_rows, OUT / f"lists-{args.small_rows}.sqlite3"))
    print(
        f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs"
    )
    reference: dict[str, Any] | None = None
    first: dict[str, dict[str, Any]] = {}
    for rows, path in runs:
        ensure_database(path, rows)
        queries = search_queries(path, rows)
        print(
            f"\n{rows:,} clients: {len(queries)} queries, e.g. {', '.join(queries[:6])}, "
            f"… {', '.join(queries[-5:])}",
            flush=True,
        )
        results = {}
        for kind in ("ours", "qsql", "orm"):
            if args.only and kind not in args.only:
                continue
            print(f"  measuring {kind}…", flush=True)
            results[kind] = run_child(kind, path, rows, queries)
        if args.only:
            print(json.dumps(results, indent=1, ensure_ascii=False))
            continue
        if rows == args.rows:
            print("  measuring the reference figures…", flush=True)
            reference = run_child("reference", path, rows, queries)
            first = results
        report(rows, results)
        if rows != args.rows:
            small, big = results, first
            print(
                f"\nmemory, {rows:,} → {args.rows:,} clients: ours "
                f"{small['ours']['peak_rss_mib']:,.0f} → {big['ours']['peak_rss_mib']:,.0f} MiB, "
                f"QSqlQueryModel {small['qsql']['peak_rss_mib']:,.0f} → "
                f"{big['qsql']['peak_rss_mib']:,.0f} MiB, naive ORM "
                f"{small['orm']['peak_rss_mib']:,.0f} → {big['orm']['peak_rss_mib']:,.0f} MiB"
            )
    if reference is not None:
        report_reference(reference, first["ours"], first["qsql"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
