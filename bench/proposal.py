"""Benchmark of the commercial proposal PDF (``services.proposal_pdf.render_proposal_pdf``).

    .venv/bin/python bench/proposal.py [--lines 10,200,2000] [--runs 5] [--save DIR]

For each size, in a subprocess of its own (so that its first run is a cold one: the fonts are
registered then, as in the app's first print), builds a ``ProposalDocument`` of that many lines
(long names that wrap, packs of 5 kg, discounts, every VAT rate, a logo, a payment QR code) and
renders it ``--runs`` times: the first run, the median of the runs, the PDF's size and pages.
The 200-line median is compared with the aim of 300 ms. ``--save DIR`` keeps the PDFs to look at.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import struct
import subprocess
import sys
import time
import zlib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
RESULT = "BENCH-RESULT "
AIM_LINES = 200
AIM_MS = 300.0

NAMES = (
    "Гвозди строительные оцинкованные 4,0×120 мм, ГОСТ 4028-63, фасовка в картонные коробки",
    "Саморез по дереву 3,5×35 жёлтый цинк",
    "Шуруп кровельный 4,8×29 RAL 3005 (красное вино) с шайбой EPDM",
    "Дюбель-гвоздь 6×60 потай",
    "Услуга доставки до объекта",
)
RATES = ("20", "10", "0", "none")


# --- the document -----------------------------------------------------------------------------


def logo_png(width: int = 240, height: int = 80) -> bytes:
    """A plain PNG logo (a blue band and an orange one), made with zlib and struct."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    def row(y: int) -> bytes:
        colour = b"\x20\x50\xa0" if y < height // 2 else b"\xf0\x90\x20"
        return b"\x00" + colour * width

    raw = b"".join(row(y) for y in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def build_document(lines_count: int) -> Any:
    from crm_desktop.services.proposal_document import (
        PartyRequisites,
        ProposalDocument,
        ProposalDocumentLine,
    )

    lines = []
    for no in range(1, lines_count + 1):
        factor = 5 if no % 3 == 0 else 1
        quantity = Decimal(no % 9 + 1)
        price = Decimal("87.40") + no % 500
        discount = Decimal(5) if no % 4 == 0 else Decimal(0)
        amount = (quantity * factor * price * (1 - discount / 100)).quantize(Decimal("0.01"))
        rate = RATES[no % 4]
        vat = (
            Decimal(0)
            if rate == "none"
            else (amount * Decimal(rate) / (100 + Decimal(rate))).quantize(Decimal("0.01"))
        )
        lines.append(
            ProposalDocumentLine(
                line_no=no,
                sku=f"КР-{no:06d}",
                description=NAMES[no % len(NAMES)],
                quantity=quantity,
                unit="упак" if factor > 1 else "шт",
                factor=factor,
                price_unit="кг" if factor > 1 else "шт",
                price=price,
                discount_pct=discount,
                vat_rate=rate,
                amount=amount,
                vat_amount=vat,
            )
        )
    seller = PartyRequisites(
        name='Общество с ограниченной ответственностью "Ромашка"',
        inn="7707083893",
        kpp="773601001",
        ogrn="1027700132195",
        address="117997, г. Москва, ул. Вавилова, д. 19, офис 305",
        phone="+7 (495) 123-45-67",
        email="sales@romashka.example",
        bank_name="ПАО Сбербанк",
        bik="044525225",
        account="40702810938000012345",
        corr_account="30101810400000000225",
    )
    buyer = PartyRequisites(
        name='ООО "Торговый дом Василёк"',
        inn="5024002119",
        kpp="502401001",
        address="143401, Московская обл., г. Красногорск, ул. Ленина, д. 5",
    )
    return ProposalDocument(
        number="А-000042",
        version_no=2,
        issued_on=date(2026, 11, 23),
        valid_until=date(2026, 11, 30),
        status="draft",
        deal_number="С-000017",
        deal_title="Поставка крепежа на объект",
        client_name="Василёк",
        seller=seller,
        buyer=buyer,
        seller_logo=logo_png(),
        director_title="Генеральный директор",
        director_name="Иванов Иван Иванович",
        manager_name="Петров Пётр Сергеевич",
        manager_phone="+7 (916) 555-12-34",
        manager_email="petrov@romashka.example",
        price_type="Оптовая",
        discount_pct=Decimal(5),
        payment_terms="Предоплата 30 %, остаток в течение 14 дней",
        delivery_terms="Поставка в течение 5 рабочих дней",
        notes="Цены указаны с учётом доставки по Москве.",
        lines=tuple(lines),
        total=sum((x.amount for x in lines), Decimal(0)),
        vat_total=sum((x.vat_amount for x in lines), Decimal(0)),
        has_vat=True,
    )


# --- the child: one size ----------------------------------------------------------------------


def child(lines_count: int, runs: int, save: Path | None) -> dict[str, Any]:
    from crm_desktop.services.proposal_pdf import render_proposal_pdf

    doc = build_document(lines_count)
    times: list[float] = []
    pdf = b""
    for _ in range(runs):
        started = time.perf_counter()
        pdf = render_proposal_pdf(doc)
        times.append(time.perf_counter() - started)
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"proposal-{lines_count}.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type /Page\b", pdf))
    return {
        "lines": lines_count,
        "first_ms": times[0] * 1000,
        "median_ms": statistics.median(times) * 1000,
        "min_ms": min(times) * 1000,
        "bytes": len(pdf),
        "pages": pages,
    }


def run_child(lines_count: int, runs: int, save: Path | None) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", str(lines_count), "--runs", str(runs)]
    if save is not None:
        args += ["--save", str(save)]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"the {lines_count}-line benchmark failed ({done.returncode})")
    line = next(x for x in done.stdout.splitlines() if x.startswith(RESULT))
    result: dict[str, Any] = json.loads(line[len(RESULT) :])
    return result


# --- the driver -------------------------------------------------------------------------------


def fmt_ms(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    if value >= 10:
        return f"{value:.0f} ms"
    return f"{value:.2f} ms"


def report(results: list[dict[str, Any]], runs: int) -> None:
    print(
        f"\n=== proposal PDF (render_proposal_pdf), {runs} runs each, each size in its process ==="
    )
    head = (
        f"{'lines':>6} {'first run':>10} {'median':>9} {'per line':>9} "
        f"{'pages':>6} {'PDF size':>10}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        per_line = r["median_ms"] / r["lines"] if r["lines"] else 0.0
        print(
            f"{r['lines']:>6,} {fmt_ms(r['first_ms']):>10} {fmt_ms(r['median_ms']):>9} "
            f"{fmt_ms(per_line):>9} {r['pages']:>6} {r['bytes'] / 1024:>7,.0f} KiB"
        )
    aim = next((r for r in results if r["lines"] == AIM_LINES), None)
    if aim is not None:
        ratio = aim["median_ms"] / AIM_MS
        verdict = "within the aim" if ratio <= 1 else "over the aim"
        print(
            f"\n{AIM_LINES} lines: median {fmt_ms(aim['median_ms'])}, first run "
            f"{fmt_ms(aim['first_ms'])}; ×{ratio:.2f} of the {AIM_MS:.0f} ms aim ({verdict})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", default="10,200,2000", help="sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="renders per size (median taken)")
    parser.add_argument("--save", type=Path, default=None, help="keep the PDFs in this folder")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    runs = max(1, args.runs)
    if args.child is not None:
        result = child(args.child, runs, args.save)
        print(RESULT + json.dumps(result), flush=True)
        return
    sizes = [int(x) for x in args.lines.split(",") if x.strip()]
    results = []
    for size in sizes:
        print(f"rendering {size:,} lines × {runs}", flush=True)
        results.append(run_child(size, runs, args.save))
    report(results, runs)


if __name__ == "__main__":
    main()
