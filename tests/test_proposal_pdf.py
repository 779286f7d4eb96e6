"""The commercial proposal PDF: text, fonts, page header repeat, sums in words, QR payload.

The PDF is read back with poppler's ``pdftotext -layout`` and ``pdffonts``
(``apt-get install -y poppler-utils``). Without them these tests are skipped, with the reason
shown, except under ``CI=true``, where a missing tool fails the run.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import struct
import subprocess
import zlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from crm_desktop.services.proposal_document import (
    PartyRequisites,
    ProposalDocument,
    ProposalDocumentLine,
)
from crm_desktop.services.proposal_pdf import (
    amount_in_words,
    format_date_long,
    format_money,
    format_quantity,
    payment_qr_payload,
    proposal_title,
    render_proposal_pdf,
    vat_rate_label,
)

NBSP = "\u00a0"

SELLER = PartyRequisites(
    name='Общество с ограниченной ответственностью "Ромашка"',
    inn="7707083893",
    kpp="773601001",
    ogrn="1027700132195",
    address="117997, г. Москва, ул. Вавилова, д. 19",
    phone="+7 (495) 123-45-67",
    email="sales@romashka.example",
    bank_name="ПАО Сбербанк",
    bik="044525225",
    account="40702810938000012345",
    corr_account="30101810400000000225",
)
BUYER = PartyRequisites(
    name='ООО "Торговый дом Василёк"',
    inn="5024002119",
    kpp="502401001",
    address="143401, Московская обл., г. Красногорск, ул. Ленина, д. 5",
)
NAMES = (
    "Гвозди строительные оцинкованные 4,0×120 мм, ГОСТ 4028-63, фасовка в картонные коробки",
    "Саморез по дереву 3,5×35",
    "Шуруп кровельный 4,8×29 RAL 3005 (красное вино) с шайбой EPDM",
    "Услуга доставки",
)
RATES = ("20", "10", "0", "none")


def make_lines(count: int, *, vat: bool = True) -> tuple[ProposalDocumentLine, ...]:
    lines = []
    for no in range(1, count + 1):
        factor = 5 if no % 3 == 0 else 1
        quantity = Decimal(no % 7 + 1)
        price = Decimal("100.50") + no
        discount = Decimal(5) if no % 4 == 0 else Decimal(0)
        amount = (quantity * factor * price * (1 - discount / 100)).quantize(Decimal("0.01"))
        rate = RATES[no % 4] if vat else "none"
        vat_amount = (
            Decimal(0)
            if rate == "none"
            else (amount * Decimal(rate) / (100 + Decimal(rate))).quantize(Decimal("0.01"))
        )
        lines.append(
            ProposalDocumentLine(
                line_no=no,
                sku=f"KP-{no:05d}",
                description=NAMES[no % len(NAMES)],
                quantity=quantity,
                unit="упак" if factor > 1 else "шт",
                factor=factor,
                price_unit="кг" if factor > 1 else "шт",
                price=price,
                discount_pct=discount,
                vat_rate=rate,
                amount=amount,
                vat_amount=vat_amount,
            )
        )
    return tuple(lines)


def make_doc(count: int = 3, **changes: object) -> ProposalDocument:
    vat = bool(changes.pop("has_vat", True))
    lines = make_lines(count, vat=vat)
    doc = ProposalDocument(
        number="А-000042",
        version_no=1,
        issued_on=date(2026, 11, 23),
        valid_until=date(2026, 11, 30),
        status="draft",
        deal_number="С-000017",
        deal_title="Поставка крепежа",
        client_name="Клиент Василёк",
        seller=SELLER,
        buyer=BUYER,
        seller_logo=None,
        director_title="Генеральный директор",
        director_name="Иванов Иван Иванович",
        manager_name="Петров Пётр Сергеевич",
        manager_phone="+7 (916) 555-12-34",
        manager_email="petrov@romashka.example",
        price_type="Оптовая",
        discount_pct=Decimal(0),
        payment_terms="Предоплата 30 %, остаток в течение 14 дней",
        delivery_terms="Поставка в течение 5 рабочих дней",
        notes="Цены указаны с учётом доставки по Москве.",
        lines=lines,
        total=sum((x.amount for x in lines), Decimal(0)),
        vat_total=sum((x.vat_amount for x in lines), Decimal(0)),
        has_vat=vat,
    )
    return dataclasses.replace(doc, **changes)  # type: ignore[arg-type]


# --- poppler ------------------------------------------------------------------------------------


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        reason = f"{name} is not installed (apt-get install -y poppler-utils)"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def pdf_text(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of every page (``pdftotext -layout``), NBSP read as a space."""
    source = tmp_path / "kp.pdf"
    source.write_bytes(pdf)
    done = subprocess.run(
        [tool("pdftotext"), "-layout", "-enc", "UTF-8", str(source), "-"],
        capture_output=True,
        check=True,
    )
    pages = done.stdout.decode("utf-8").replace(NBSP, " ").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    """``pdffonts`` rows, split into columns (the name first, then type… emb sub uni)."""
    source = tmp_path / "fonts.pdf"
    source.write_bytes(pdf)
    done = subprocess.run(
        [tool("pdffonts"), str(source)], capture_output=True, text=True, check=True
    )
    return [line.split() for line in done.stdout.splitlines()[2:] if line.strip()]


def flat(text: str) -> str:
    return " ".join(text.split())


# --- a long proposal ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def long_doc() -> ProposalDocument:
    return make_doc(200)


@pytest.fixture(scope="module")
def long_pdf(long_doc: ProposalDocument) -> bytes:
    return render_proposal_pdf(long_doc)


def test_long_proposal_text(long_doc: ProposalDocument, long_pdf: bytes, tmp_path: Path) -> None:
    assert long_pdf.startswith(b"%PDF-")
    pages = pdf_text(long_pdf, tmp_path)
    text = "\n".join(pages)
    assert 'ООО "Торговый дом Василёк"' in text
    assert "ИНН 5024002119" in text
    missing = [x.sku for x in long_doc.lines if x.sku and x.sku not in text]
    assert missing == []
    words = amount_in_words(long_doc.total)
    assert words[0] in "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    assert words in flat(text)
    total = format_money(long_doc.total).replace(NBSP, " ")
    assert f"Всего наименований 200, на сумму {total} руб." in flat(text)
    assert "Коммерческое предложение № А-000042 от 23 ноября 2026 г." in text
    assert "(версия" not in text
    assert "Предложение действительно до 30 ноября 2026 г." in text
    assert "В том числе НДС:" in text
    assert "/ И. И. Иванов /" in text
    assert "Ответственный менеджер:" in text
    assert "Оплата по QR-коду" in text


def test_long_proposal_pages_repeat_the_header(long_pdf: bytes, tmp_path: Path) -> None:
    pages = pdf_text(long_pdf, tmp_path)
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert "Наименование" in page, f"no table header on page {number}"
        assert "Артикул" in page
        assert f"стр. {number} из {len(pages)}" in page, f"footer of page {number}"
    # the company's header is on the first page only
    assert "Покупатель:" in pages[0]
    assert all("Покупатель:" not in page for page in pages[1:])


def test_long_proposal_fonts_are_pt_sans_embedded(long_pdf: bytes, tmp_path: Path) -> None:
    rows = pdf_fonts(long_pdf, tmp_path)
    assert rows, "no fonts listed"
    for row in rows:
        name, emb = row[0], row[-5]  # … emb sub uni object ID
        assert "PTSans" in name, row
        assert emb == "yes", row
    assert not any("Helvetica" in row[0] for row in rows)


def test_a_pack_line_shows_its_units(tmp_path: Path) -> None:
    text = flat("\n".join(pdf_text(render_proposal_pdf(make_doc(4)), tmp_path)))
    assert "1 упак = 5 кг, всего 20 кг" in text  # line 3: 4 packs of 5 kg
    assert "за кг" in text
    assert "20 %" in text
    assert "10 %" in text
    assert "Без НДС" in text


# --- sums and figures -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "Ноль рублей 00 копеек"),
        ("0.01", "Ноль рублей 01 копейка"),
        ("1", "Один рубль 00 копеек"),
        ("2", "Два рубля 00 копеек"),
        ("5", "Пять рублей 00 копеек"),
        ("21", "Двадцать один рубль 00 копеек"),
        ("1001", "Одна тысяча один рубль 00 копеек"),
        ("123456.78", "Сто двадцать три тысячи четыреста пятьдесят шесть рублей 78 копеек"),
        ("1000000.02", "Один миллион рублей 02 копейки"),
    ],
)
def test_amount_in_words(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("0", "0,00"),
        ("5", "5,00"),
        ("999.999", "1 000,00"),
        ("123456.78", "123 456,78"),
        ("1234567.5", "1 234 567,50"),
        ("0.005", "0,01"),
        ("-1500", "-1 500,00"),
    ],
)
def test_format_money(amount: str, text: str) -> None:
    assert format_money(Decimal(amount)) == text.replace(" ", NBSP)


@pytest.mark.parametrize(
    ("quantity", "text"),
    [("4", "4"), ("4.000", "4"), ("2.50", "2,5"), ("0.125", "0,125"), ("1000", "1 000")],
)
def test_format_quantity(quantity: str, text: str) -> None:
    assert format_quantity(Decimal(quantity)) == text.replace(" ", NBSP)


def test_labels_and_dates() -> None:
    assert vat_rate_label("20") == f"20{NBSP}%"
    assert vat_rate_label("0") == f"0{NBSP}%"
    assert vat_rate_label("none") == f"Без{NBSP}НДС"
    assert format_date_long(date(2026, 3, 8)) == f"8 марта 2026{NBSP}г."
    assert proposal_title(make_doc(1, version_no=2)).replace(NBSP, " ") == (
        "Коммерческое предложение № А-000042 от 23 ноября 2026 г. (версия 2)"
    )


# --- the payment QR code ----------------------------------------------------------------------


def test_payment_qr_payload() -> None:
    """The purpose states the VAT in it, as a payment order must (Tax Code art. 168 p. 4)."""
    doc = make_doc(1, total=Decimal("123456.78"), vat_total=Decimal("20576.13"))
    assert payment_qr_payload(doc) == (
        'ST00012|Name=Общество с ограниченной ответственностью "Ромашка"'
        "|PersonalAcc=40702810938000012345|BankName=ПАО Сбербанк|BIC=044525225"
        "|CorrespAcc=30101810400000000225|PayeeINN=7707083893|KPP=773601001|Sum=12345678"
        "|Purpose=Оплата по коммерческому предложению № А-000042 от 23.11.2026,"
        " в т.ч. НДС 20 576,13 руб."
    )
    no_vat = make_doc(2, has_vat=False)
    payload = payment_qr_payload(no_vat)
    assert payload is not None
    assert payload.endswith(
        "|Purpose=Оплата по коммерческому предложению № А-000042 от 23.11.2026, без НДС"
    )


def test_payment_qr_fields_keep_the_standard_lengths() -> None:
    """GOST R 56042-2014: Name up to 160 characters, BankName up to 45, Purpose up to 210; a
    bank's app refuses a longer field."""
    seller = dataclasses.replace(
        SELLER,
        name="Общество с ограниченной ответственностью " + "«Очень длинное название» " * 10,
        bank_name='Филиал "Центральный" Банка ВТБ (публичное акционерное общество) в г. Москве',
    )
    payload = payment_qr_payload(make_doc(1, seller=seller, number="А-" + "9" * 200))
    assert payload is not None
    fields = dict(field.split("=", 1) for field in payload.split("|")[1:])
    assert len(fields["Name"]) <= 160
    assert fields["Name"].startswith("Общество с ограниченной ответственностью «Очень")
    assert len(fields["BankName"]) <= 45
    assert len(fields["Purpose"]) <= 210


def test_payment_qr_payload_cleans_values() -> None:
    seller = dataclasses.replace(
        SELLER, name="ООО |Ромашка|", corr_account=None, account="4070 2810 9380 0001 2345"
    )
    payload = payment_qr_payload(make_doc(1, seller=seller, total=Decimal("1")))
    assert payload is not None
    fields = payload.split("|")
    assert fields[0] == "ST00012"
    assert "Name=ООО Ромашка" in fields
    assert "CorrespAcc=0" in fields
    assert "PersonalAcc=40702810938000012345" in fields
    assert "Sum=100" in fields


def test_no_payment_qr_without_an_account(tmp_path: Path) -> None:
    seller = dataclasses.replace(SELLER, account=None)
    doc = make_doc(2, seller=seller)
    assert payment_qr_payload(doc) is None
    assert payment_qr_payload(make_doc(2, seller=dataclasses.replace(SELLER, bik=None))) is None
    assert payment_qr_payload(make_doc(2, total=Decimal(0))) is None
    text = "\n".join(pdf_text(render_proposal_pdf(doc), tmp_path))
    assert "Оплата по QR-коду" not in text
    assert "Всего к оплате:" in text


# --- variants ---------------------------------------------------------------------------------


def small_png(width: int = 40, height: int = 20) -> bytes:
    """A valid RGB PNG: a blue band on white, made with zlib and struct alone."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\x00"
        + b"".join(b"\x20\x50\xa0" if y < height // 2 else b"\xff\xff\xff" for _ in range(width))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_logo_renders(tmp_path: Path) -> None:
    pdf = render_proposal_pdf(make_doc(3, seller_logo=small_png()))
    assert b"/Subtype /Image" in pdf
    assert "Ромашка" in "\n".join(pdf_text(pdf, tmp_path))


@pytest.mark.parametrize(
    "garbage",
    [b"not an image at all", b"\x89PNG\r\n\x1a\nbroken", b"", small_png()[:-30]],
    ids=["text", "png-signature-only", "empty", "truncated-png"],
)
def test_unreadable_logo_is_left_out(garbage: bytes, tmp_path: Path) -> None:
    pdf = render_proposal_pdf(make_doc(3, seller_logo=garbage))
    assert b"/Subtype /Image" not in pdf
    assert "Коммерческое предложение" in "\n".join(pdf_text(pdf, tmp_path))


def test_without_vat_says_so(tmp_path: Path) -> None:
    doc = make_doc(5, has_vat=False)
    assert doc.vat_total == 0
    text = "\n".join(pdf_text(render_proposal_pdf(doc), tmp_path))
    assert "Без НДС" in text
    assert "В том числе НДС" not in text
    assert "Всего к оплате:" in text


def test_without_buyer_the_client_shows(tmp_path: Path) -> None:
    doc = make_doc(
        2,
        buyer=None,
        version_no=3,
        valid_until=None,
        manager_name=None,
        notes=None,
        director_name="Сидорова А. В.",
        deal_title='Поставка <срочно> & "быстро"',
    )
    text = flat("\n".join(pdf_text(render_proposal_pdf(doc), tmp_path)))
    assert "Покупатель: Клиент Василёк" in text
    assert "(версия 3)" in text
    assert "действительно до" not in text
    assert "Ответственный менеджер" not in text
    assert "/ Сидорова А. В. /" in text
    assert 'Поставка <срочно> & "быстро"' in text


def test_an_empty_proposal_still_renders(tmp_path: Path) -> None:
    doc = make_doc(0)
    text = flat("\n".join(pdf_text(render_proposal_pdf(doc), tmp_path)))
    assert "Всего наименований 0, на сумму 0,00 руб." in text
    assert "Ноль рублей 00 копеек" in text


def test_long_codes_units_and_rows_stay_inside(tmp_path: Path) -> None:
    doc = make_doc(4)
    lines = list(doc.lines)
    lines[0] = dataclasses.replace(lines[0], sku="ОЧЕНЬ-ДЛИННЫЙ-АРТИКУЛ-1234567890")
    lines[1] = dataclasses.replace(lines[1], unit="погонный метр", amount=Decimal("12345678901.23"))
    lines[2] = dataclasses.replace(lines[2], description="Описание услуги подробно. " * 400)
    pages = pdf_text(render_proposal_pdf(dataclasses.replace(doc, lines=tuple(lines))), tmp_path)
    text = "\n".join(pages)
    assert len(pages) > 1  # the tall row is split across pages instead of a LayoutError
    for piece in ("ОЧЕНЬ-", "ДЛИННЫЙ-", "АРТИКУЛ-", "1234567890", "погонный", "метр"):
        assert piece in text
    assert "12 345 678 901,23" in text


def test_the_printed_qr_code_reads_back(tmp_path: Path) -> None:
    """Decoded from the rendered page with zbarimg (zbar-tools), when it is installed."""
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        pytest.skip("zbarimg is not installed (apt-get install -y zbar-tools); optional check")
    doc = make_doc(3)
    source = tmp_path / "qr.pdf"
    source.write_bytes(render_proposal_pdf(doc))
    subprocess.run(
        [
            tool("pdftoppm"),
            "-png",
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            str(source),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    page = next(tmp_path.glob("p*.png"))
    done = subprocess.run([zbarimg, "-q", "--raw", str(page)], capture_output=True, check=False)
    assert done.stdout.decode("utf-8").strip() == payment_qr_payload(doc)
