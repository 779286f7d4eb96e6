"""A commercial proposal (коммерческое предложение) as a PDF, drawn with ReportLab platypus.

``render_proposal_pdf(doc)`` turns a :class:`ProposalDocument` into the bytes of an A4 PDF in
Russian: our requisites and logo, the title, the buyer, the lines table (its header repeats on
every page), the totals and a payment QR code (GOST R 56042-2014), the total in words, the terms,
the signature block and a «стр. N из M» footer on every page.

Only PT Sans (shipped in ``resources/fonts``, embedded) is used; the canvas never falls back to
Helvetica. No Qt, no database: the document is plain data.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from num2words import num2words
from PIL import Image as PILImage
from reportlab import rl_config
from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from crm_desktop.paths import shipped_dir
from crm_desktop.services.proposal_document import (
    PartyRequisites,
    ProposalDocument,
    ProposalDocumentLine,
)

__all__ = [
    "amount_in_words",
    "format_date_long",
    "format_date_short",
    "format_money",
    "format_quantity",
    "payment_qr_payload",
    "proposal_title",
    "render_proposal_pdf",
    "vat_rate_label",
]

NBSP = "\u00a0"

FONT = "PTSans"
FONT_BOLD = "PTSans-Bold"
FONT_ITALIC = "PTSans-Italic"

_MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_VAT_LABELS = {"20": "20" + NBSP + "%", "10": "10" + NBSP + "%", "0": "0" + NBSP + "%"}
_CENT = Decimal("0.01")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 18 * mm
MARGIN_RIGHT = 12 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

LOGO_MAX_WIDTH = 40 * mm
LOGO_MAX_HEIGHT = 20 * mm
LOGO_MAX_PIXELS = 600
QR_SIZE = 30 * mm

GREY = colors.HexColor("#666666")
GRID = colors.HexColor("#8C8C8C")
HEADER_FILL = colors.HexColor("#ECECEC")

TABLE_FONT_SIZE = 7.5
TABLE_LEADING = 9.0
CELL_PAD_X = 2.0
CELL_PAD_Y = 1.8


# --- formatting -------------------------------------------------------------------------------


def format_money(value: Decimal) -> str:
    """``123 456,78``: NBSP between thousands, a decimal comma, always two decimals."""
    rounded = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, fraction = f"{abs(rounded):.2f}".split(".")
    return f"{sign}{int(whole):,}".replace(",", NBSP) + "," + fraction


def format_quantity(value: Decimal) -> str:
    """``4``, ``2,5``, ``1 000``: no trailing zeros, NBSP between thousands, a decimal comma."""
    if value == value.to_integral_value():
        text = f"{int(value):,}"
    else:
        text = format(value.normalize(), ",f")
    return text.replace(",", NBSP).replace(".", ",")


def format_date_long(day: date) -> str:
    """``23 ноября 2026 г.``"""
    return f"{day.day} {_MONTHS_GENITIVE[day.month - 1]} {day.year}{NBSP}г."


def format_date_short(day: date) -> str:
    """``23.11.2026``"""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def vat_rate_label(rate: str) -> str:
    """``20 %``, ``10 %``, ``0 %`` or ``Без НДС`` (for ``none``)."""
    return _VAT_LABELS.get(rate, "Без" + NBSP + "НДС")


def amount_in_words(amount: Decimal) -> str:
    """«Сто двадцать три тысячи четыреста пятьдесят шесть рублей 78 копеек».

    ``num2words`` is given a Decimal (a plain int would be read as kopecks, a float rounds
    wrongly), kopecks as two digits; the first letter is capitalised here.
    """
    rounded = Decimal(amount).quantize(_CENT, rounding=ROUND_HALF_UP)
    text = str(
        num2words(rounded, lang="ru", to="currency", currency="RUB", separator="", cents=False)
    )
    return text[:1].upper() + text[1:]


def proposal_title(doc: ProposalDocument) -> str:
    """«Коммерческое предложение № А-000042 от 23 ноября 2026 г.» (« (версия 2)» from v2 on)."""
    title = f"Коммерческое предложение №{NBSP}{doc.number} от {format_date_long(doc.issued_on)}"
    if doc.version_no > 1:
        title += f" (версия{NBSP}{doc.version_no})"
    return title


def _signature_name(full_name: str) -> str:
    """«Иванов Иван Иванович» → «И. И. Иванов»; anything else is printed as given."""
    parts = full_name.split()
    if len(parts) == 3 and "." not in full_name:
        surname, name, patronymic = parts
        return f"{name[0]}.{NBSP}{patronymic[0]}.{NBSP}{surname}"
    return full_name.strip()


_ABBREVIATION = re.compile(r"(?<![\w-])([a-zа-яё]{1,4}\.|№) (?=\w)")


def _glue(value: str) -> str:
    """«г. Москва», «д. 5», «№ 42»: a short abbreviation never ends a line (NBSP after it)."""
    return _ABBREVIATION.sub("\\1" + NBSP, value)


def _text(value: str) -> str:
    """Plain text made safe for a Paragraph; line breaks kept."""
    return escape(_glue(value.strip())).replace("\r\n", "\n").replace("\n", "<br/>")


# --- payment QR (GOST R 56042-2014) -----------------------------------------------------------

_QR_FIELD_JUNK = re.compile(r"[|\r\n\t]+")
_SPACES = re.compile(r"\s+")


def _qr_value(value: str) -> str:
    """A field value: no '|' (the separator), one line, single spaces."""
    return _SPACES.sub(" ", _QR_FIELD_JUNK.sub(" ", value)).strip()


def _qr_digits(value: str) -> str:
    return _SPACES.sub("", value.replace("|", ""))


# field lengths of GOST R 56042-2014 a bank's app checks
_QR_NAME_MAX = 160
_QR_BANK_MAX = 45
_QR_PURPOSE_MAX = 210


def _qr_limit(value: str, length: int) -> str:
    return value[:length].rstrip()


def payment_qr_payload(doc: ProposalDocument) -> str | None:
    """The ``ST00012|…`` payment string banks' apps read, or None without our bank account.

    Needs the seller's account, BIK and bank name, and a positive total. ``Sum`` is in kopecks;
    the purpose states the VAT in the sum or that there is none, as a payment order must (Tax
    Code art. 168 p. 4); fields are cut to the standard's lengths.
    """
    seller = doc.seller
    if not (seller.account and seller.bik and seller.bank_name) or doc.total <= 0:
        return None
    kopecks = int((doc.total * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    fields = [
        ("Name", _qr_limit(_qr_value(seller.name), _QR_NAME_MAX)),
        ("PersonalAcc", _qr_digits(seller.account)),
        ("BankName", _qr_limit(_qr_value(seller.bank_name), _QR_BANK_MAX)),
        ("BIC", _qr_digits(seller.bik)),
        ("CorrespAcc", _qr_digits(seller.corr_account or "") or "0"),
    ]
    if seller.inn:
        fields.append(("PayeeINN", _qr_digits(seller.inn)))
    if seller.kpp:
        fields.append(("KPP", _qr_digits(seller.kpp)))
    purpose = _qr_value(
        f"Оплата по коммерческому предложению № {doc.number} от {format_date_short(doc.issued_on)}"
    )
    vat = (
        _qr_value(f", в т.ч. НДС {format_money(doc.vat_total)} руб.")
        if doc.has_vat
        else ", без НДС"
    )
    purpose = _qr_limit(purpose, _QR_PURPOSE_MAX - len(vat)) + vat
    fields += [("Sum", str(kopecks)), ("Purpose", purpose)]
    return "ST00012|" + "|".join(f"{key}={value}" for key, value in fields)


# --- fonts and styles -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _register_fonts() -> str:
    """Registers PT Sans (regular, bold, italic) once; <b> and <i> work in Paragraphs.

    Also turns off ReportLab's ASCII85 wrapping of compressed streams (a process-wide
    setting; nothing else here writes PDFs): every reader takes binary streams, and the
    pure-Python encoder took about a seventh of the time and made the file a quarter larger.
    """
    rl_config.useA85 = 0
    fonts = shipped_dir("resources") / "fonts"
    for name, file in (
        (FONT, "PT_Sans-Web-Regular.ttf"),
        (FONT_BOLD, "PT_Sans-Web-Bold.ttf"),
        (FONT_ITALIC, "PT_Sans-Web-Italic.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(fonts / file)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )
    return FONT


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    seller_name: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    head_cell: ParagraphStyle
    totals_label: ParagraphStyle
    totals_value: ParagraphStyle
    words: ParagraphStyle
    caption: ParagraphStyle
    signature: ParagraphStyle


@lru_cache(maxsize=1)
def _styles() -> _Styles:
    _register_fonts()
    body = ParagraphStyle("kp-body", fontName=FONT, fontSize=9.5, leading=12.5)
    small = ParagraphStyle("kp-small", parent=body, fontSize=7.5, leading=9.5)
    cell = ParagraphStyle(
        "kp-cell", parent=body, fontSize=TABLE_FONT_SIZE, leading=TABLE_LEADING, alignment=TA_LEFT
    )
    return _Styles(
        body=body,
        small=small,
        seller_name=ParagraphStyle(
            "kp-seller", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=13, spaceAfter=1
        ),
        title=ParagraphStyle(
            "kp-title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=17,
            alignment=TA_CENTER,
            spaceBefore=4,
            spaceAfter=8,
        ),
        subtitle=ParagraphStyle("kp-subtitle", parent=body, spaceAfter=2),
        heading=ParagraphStyle(
            "kp-heading", parent=body, fontName=FONT_BOLD, spaceBefore=8, spaceAfter=2
        ),
        cell=cell,
        head_cell=ParagraphStyle(
            "kp-head", parent=cell, fontName=FONT_BOLD, fontSize=7, leading=8.2, alignment=TA_CENTER
        ),
        totals_label=ParagraphStyle(
            "kp-tot-label", parent=body, fontName=FONT_BOLD, alignment=TA_RIGHT
        ),
        totals_value=ParagraphStyle(
            "kp-tot-value", parent=body, fontName=FONT_BOLD, alignment=TA_RIGHT
        ),
        words=ParagraphStyle("kp-words", parent=body, spaceBefore=6),
        caption=ParagraphStyle(
            "kp-caption", parent=small, fontSize=7, leading=8.5, alignment=TA_CENTER, textColor=GREY
        ),
        signature=ParagraphStyle("kp-signature", parent=body, leading=13),
    )


# --- the canvas: own font from the start, «стр. N из M» in the footer -----------------------


class _NumberedCanvas(Canvas):
    """Keeps every page until the end so that the footer can say «из M»."""

    footer_text = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = FONT
        kwargs.setdefault("initialFontSize", 9)
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # not in the stubs; ReportLab's own

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        self.saveState()
        self.setFont(FONT, 7)
        self.setFillColor(GREY)
        text = f"{self.footer_text} — стр.{NBSP}{self.getPageNumber()} из {total}"
        self.drawCentredString(
            MARGIN_LEFT + CONTENT_WIDTH / 2, MARGIN_BOTTOM - 9 * mm, text.replace(NBSP, " ")
        )
        self.restoreState()


def _canvas_maker(footer: str) -> type[_NumberedCanvas]:
    return type("_ProposalCanvas", (_NumberedCanvas,), {"footer_text": footer})


def _on_page(canvas: Canvas, _doc: Any) -> None:
    """Our font first, before anything is drawn (the canvas would start in Helvetica)."""
    canvas.setFont(FONT, 9)


# --- the parts of the document ----------------------------------------------------------------


def _join(*parts: str | None, sep: str = ", ") -> str:
    return sep.join(p.strip() for p in parts if p and p.strip())


def _layout_style(*commands: Any, padding: float = 0) -> TableStyle:
    """A layout table's style: our font in every cell (a Table's default is Helvetica, which
    would end up in the PDF, unembedded), no grid, the given padding."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            *commands,
        ]
    )


def _seller_lines(seller: PartyRequisites) -> list[str]:
    lines = [
        _join(
            f"ИНН{NBSP}{seller.inn}" if seller.inn else None,
            f"КПП{NBSP}{seller.kpp}" if seller.kpp else None,
            f"ОГРН{NBSP}{seller.ogrn}" if seller.ogrn else None,
        ),
        _join(seller.address),
        _join(
            f"тел.{NBSP}{seller.phone}" if seller.phone else None,
            f"e-mail: {seller.email}" if seller.email else None,
        ),
        _join(
            f"р/с{NBSP}{seller.account}" if seller.account else None,
            f"в {seller.bank_name}" if seller.bank_name else None,
            sep=" ",
        ),
        _join(
            f"БИК{NBSP}{seller.bik}" if seller.bik else None,
            f"к/с{NBSP}{seller.corr_account}" if seller.corr_account else None,
        ),
    ]
    return [line for line in lines if line]


def _logo_bytes(data: bytes) -> tuple[bytes, int, int]:
    """The logo decoded in full (a truncated file fails here, not halfway through the PDF),
    and made at most 600 px on its long side (sharp at 40 mm, small in the file)."""
    with PILImage.open(io.BytesIO(data)) as source:
        source.load()
        width, height = source.size
        if max(width, height) <= LOGO_MAX_PIXELS:
            return data, width, height
        picture = source.copy()
        kind = "JPEG" if source.format == "JPEG" else "PNG"
    picture.thumbnail((LOGO_MAX_PIXELS, LOGO_MAX_PIXELS))
    if kind == "PNG" and picture.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
        picture = picture.convert("RGBA")
    out = io.BytesIO()
    if kind == "JPEG":
        picture.save(out, format=kind, quality=90)
    else:
        picture.save(out, format=kind)
    return out.getvalue(), picture.width, picture.height


def _logo(data: bytes | None) -> Image | None:
    """The logo scaled into 40 × 20 mm, aspect kept; None for no or unreadable bytes."""
    if not data:
        return None
    try:
        data, width, height = _logo_bytes(data)
        if width <= 0 or height <= 0:
            return None
        scale = min(LOGO_MAX_WIDTH / width, LOGO_MAX_HEIGHT / height)
        image = Image(io.BytesIO(data), width=width * scale, height=height * scale)
    except Exception:  # a broken logo must never stop the document
        return None
    image.hAlign = "LEFT"
    return image


def _header(doc: ProposalDocument, st: _Styles) -> list[Flowable]:
    seller = doc.seller
    requisites: list[Flowable] = [Paragraph(_text(seller.name), st.seller_name)]
    requisites += [Paragraph(_text(line), st.small) for line in _seller_lines(seller)]
    logo = _logo(doc.seller_logo)
    if logo is None:
        block = Table([[requisites]], colWidths=[CONTENT_WIDTH])
    else:
        logo_col = LOGO_MAX_WIDTH + 6 * mm
        block = Table([[logo, requisites]], colWidths=[logo_col, CONTENT_WIDTH - logo_col])
    block.setStyle(_layout_style())
    return [
        block,
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=0.8, color=colors.black, spaceAfter=4 * mm),
    ]


def _buyer_text(doc: ProposalDocument) -> str:
    buyer = doc.buyer
    if buyer is None:
        return _text(doc.client_name)
    return _text(
        _join(
            buyer.name,
            f"ИНН{NBSP}{buyer.inn}" if buyer.inn else None,
            f"КПП{NBSP}{buyer.kpp}" if buyer.kpp else None,
            buyer.address,
        )
    )


def _parties(doc: ProposalDocument, st: _Styles) -> list[Flowable]:
    basis = f"сделка №{NBSP}{doc.deal_number}"
    if doc.deal_title.strip():
        basis += f" «{doc.deal_title.strip()}»"
    rows = [
        [Paragraph("<b>Покупатель:</b>", st.body), Paragraph(_buyer_text(doc), st.body)],
        [Paragraph("<b>Основание:</b>", st.body), Paragraph(_text(basis), st.body)],
    ]
    label = 25 * mm
    table = Table(rows, colWidths=[label, CONTENT_WIDTH - label], hAlign="LEFT")
    table.setStyle(_layout_style(("BOTTOMPADDING", (0, 0), (-1, -1), 2)))
    intro = Paragraph(
        "Предлагаем рассмотреть поставку следующих товаров и услуг на условиях, указанных ниже.",
        st.body,
    )
    return [table, Spacer(1, 3 * mm), intro, Spacer(1, 2 * mm)]


@dataclass(frozen=True)
class _Column:
    key: str
    header: str
    width: float  # points; 0 for the one that takes what is left
    align: str  # LEFT / CENTER / RIGHT


def _columns(doc: ProposalDocument) -> list[_Column]:
    """The table's columns; the discount and VAT columns only when some line has them."""
    columns = [
        _Column("no", "№", 7 * mm, "CENTER"),
        _Column("sku", "Артикул", 19 * mm, "LEFT"),
        _Column("name", "Наименование", 0, "LEFT"),
        _Column("qty", "Кол-во", 12 * mm, "RIGHT"),
        _Column("unit", "Ед.", 10 * mm, "CENTER"),
        _Column("price", "Цена, ₽", 19 * mm, "RIGHT"),
    ]
    if any(line.discount_pct for line in doc.lines):
        columns.append(_Column("discount", "Скидка, %", 11 * mm, "RIGHT"))
    columns.append(_Column("amount", "Сумма, ₽", 21 * mm, "RIGHT"))
    if doc.has_vat:
        columns.append(_Column("vat_rate", "Ставка НДС", 12 * mm, "CENTER"))
        columns.append(_Column("vat", "НДС, ₽", 18 * mm, "RIGHT"))
    fixed = sum(c.width for c in columns)
    return [_Column(c.key, c.header, c.width or CONTENT_WIDTH - fixed, c.align) for c in columns]


MIN_FONT_SIZE = 5.5
_CODE_BREAKS = re.compile(r"(?<=[-/_.,;:+)\s])")


def _width(text: str, size: float = TABLE_FONT_SIZE) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def _wrap_code(text: str, inner: float, size: float = TABLE_FONT_SIZE) -> str:
    """A code broken into lines that fit ``inner`` points: after '-', '/', '.', spaces…,
    and only where a piece is longer than the cell, inside it."""
    lines: list[str] = []
    line = ""
    for piece in _CODE_BREAKS.split(text):
        if not piece:
            continue
        if _width((line + piece).rstrip(), size) <= inner:
            line += piece
            continue
        if line:
            lines.append(line.rstrip())
        while len(piece) > 1 and _width(piece.rstrip(), size) > inner:
            cut = len(piece) - 1
            while cut > 1 and _width(piece[:cut], size) > inner:
                cut -= 1
            lines.append(piece[:cut])
            piece = piece[cut:]
        line = piece
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


class _CellMaker:
    """Table cells: plain strings where they can be (cheap), Paragraphs where text must wrap.

    ``styles`` collects the per-cell commands (a smaller font for what would not fit).
    """

    def __init__(self, st: _Styles) -> None:
        self._st = st
        self.styles: list[Any] = []

    @staticmethod
    def fit(text: str, width: float) -> float | None:
        """None when the text fits the cell; else the smaller font size at which it does
        (0 when that would be below 5.5 pt)."""
        inner = width - 2 * CELL_PAD_X
        widest = max(_width(part) for part in text.split("\n"))
        if widest <= inner:
            return None
        size = math.floor(TABLE_FONT_SIZE * inner / widest * 10) / 10
        return size if size >= MIN_FONT_SIZE else 0.0

    def _shrink(self, cell: tuple[int, int], size: float) -> None:
        self.styles.append(("FONTSIZE", cell, cell, size))

    def code(self, text: str, width: float) -> str:
        """An SKU: one line, or broken at its dashes and slashes when too long."""
        text = " ".join(text.split())
        if self.fit(text, width) is None:
            return text
        return _wrap_code(text, width - 2 * CELL_PAD_X)

    def unit(self, text: str, width: float, cell: tuple[int, int]) -> str:
        """A unit: one line, in a smaller type if need be («комплект»), else one word a line
        («погонный / метр»), as small as the longest word needs."""
        text = " ".join(text.split())
        size = self.fit(text, width)
        if size is None:
            return text
        if size:
            self._shrink(cell, size)
            return text
        inner = width - 2 * CELL_PAD_X
        longest = max(_width(word) for word in text.split())
        size = min(TABLE_FONT_SIZE, math.floor(TABLE_FONT_SIZE * inner / longest * 10) / 10)
        size = max(size, MIN_FONT_SIZE)
        if size < TABLE_FONT_SIZE:
            self._shrink(cell, size)
        return _wrap_code(text, inner, size)

    def figure(self, text: str, width: float, cell: tuple[int, int]) -> str:
        """A number: never broken; a long one is set smaller to stay inside its cell."""
        if len(text) > 9:
            size = self.fit(text, width)
            if size is not None:
                self._shrink(cell, size or MIN_FONT_SIZE)
        return text

    def name(self, line: ProposalDocumentLine, width: float) -> str | Paragraph:
        """The name, wrapped in the cell; under it in grey what a pack holds when factor > 1."""
        if line.factor <= 1:
            plain = " ".join(line.description.split())
            if self.fit(plain, width) is None:
                return plain  # most names: one line, drawn without a Paragraph's cost
        text = _text(line.description)
        if line.factor > 1:
            total = format_quantity(line.quantity * line.factor)
            note = (
                f"1{NBSP}{line.unit} = {line.factor}{NBSP}{line.price_unit}, "
                f"всего {total}{NBSP}{line.price_unit}"
            )
            text += f'<br/><font size="6.5" color="#666666">{escape(note)}</font>'
        return Paragraph(text, self._st.cell)


def _line_values(line: ProposalDocumentLine) -> dict[str, str]:
    price = format_money(line.price)
    if line.factor > 1:
        price += f"\nза {line.price_unit}"
    no_vat = line.vat_rate not in _VAT_LABELS
    return {
        "no": str(line.line_no),
        "qty": format_quantity(line.quantity),
        "price": price,
        "discount": format_quantity(line.discount_pct) if line.discount_pct else "",
        "amount": format_money(line.amount),
        "vat_rate": vat_rate_label(line.vat_rate),
        "vat": "—" if no_vat else format_money(line.vat_amount),
    }


def _lines_table(doc: ProposalDocument, st: _Styles) -> Table:
    columns = _columns(doc)
    widths = [c.width for c in columns]
    cells = _CellMaker(st)
    data: list[list[Any]] = [[Paragraph(c.header, st.head_cell) for c in columns]]
    for line in doc.lines:
        values = _line_values(line)
        row: list[Any] = []
        for index, column in enumerate(columns):
            cell = (index, len(data))
            if column.key == "name":
                row.append(cells.name(line, column.width))
            elif column.key == "sku":
                row.append(cells.code(line.sku or "", column.width))
            elif column.key == "unit":
                row.append(cells.unit(line.unit, column.width, cell))
            else:
                row.append(cells.figure(values[column.key], column.width, cell))
        data.append(row)
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), TABLE_LEADING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y + 0.6),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ]
    for index, column in enumerate(columns):
        commands.append(("ALIGN", (index, 1), (index, -1), column.align))
    commands += cells.styles
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle(commands))
    return table


class _PaymentQr(QrCode):
    """ReportLab's QR flowable, drawn straight on the canvas in black.

    (``QrCodeWidget`` in a ``Drawing`` would go through renderPDF, which sets Helvetica on the
    canvas first: a non-embedded font in the PDF.)
    """

    def draw(self) -> None:
        self.canv.setFillColor(colors.black)
        super().draw()


def _qr_block(doc: ProposalDocument, st: _Styles) -> list[Flowable] | None:
    payload = payment_qr_payload(doc)
    if payload is None:
        return None
    code = _PaymentQr(payload, width=QR_SIZE, height=QR_SIZE, qrLevel="M", qrBorder=4)
    code.hAlign = "CENTER"
    return [code, Paragraph("Оплата по QR-коду", st.caption)]


def _totals(doc: ProposalDocument, st: _Styles) -> list[Flowable]:
    rows = [["Итого:", format_money(doc.total)]]
    if doc.has_vat:
        rows.append(["В том числе НДС:", format_money(doc.vat_total)])
    else:
        rows.append(["Без НДС", "—"])
    rows.append(["Всего к оплате:", format_money(doc.total)])
    widest = max(
        pdfmetrics.stringWidth(value, FONT_BOLD, st.totals_value.fontSize) for _, value in rows
    )
    label_w, value_w = 40 * mm, max(28 * mm, widest + 2 * CELL_PAD_X + 2)
    totals = Table(
        [
            [Paragraph(label, st.totals_label), Paragraph(value, st.totals_value)]
            for label, value in rows
        ],
        colWidths=[label_w, value_w],
    )
    totals.setStyle(_layout_style(("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X), padding=1))
    qr = _qr_block(doc, st)
    totals_w = label_w + value_w
    if qr is None:
        outer = Table([["", totals]], colWidths=[CONTENT_WIDTH - totals_w, totals_w])
    else:
        qr_w = QR_SIZE + 4 * mm
        outer = Table(
            [[qr, "", totals]],
            colWidths=[qr_w, CONTENT_WIDTH - totals_w - qr_w, totals_w],
        )
    outer.setStyle(_layout_style())
    count = len(doc.lines)
    summary = Paragraph(
        f"Всего наименований {count}, на сумму {format_money(doc.total)}{NBSP}руб.<br/>"
        f"<b>{escape(amount_in_words(doc.total))}</b>",
        st.words,
    )
    return [Spacer(1, 3 * mm), KeepTogether([outer, summary])]


def _terms(doc: ProposalDocument, st: _Styles) -> list[Flowable]:
    items: list[str] = []
    if doc.price_type and doc.price_type.strip():
        items.append(f"<b>Тип цен:</b> {_text(doc.price_type)}")
    if doc.discount_pct:
        items.append(f"<b>Скидка:</b> {format_quantity(doc.discount_pct)}{NBSP}%")
    if doc.payment_terms and doc.payment_terms.strip():
        items.append(f"<b>Условия оплаты:</b> {_text(doc.payment_terms)}")
    if doc.delivery_terms and doc.delivery_terms.strip():
        items.append(f"<b>Условия поставки:</b> {_text(doc.delivery_terms)}")
    if doc.valid_until is not None:
        items.append(f"<b>Предложение действительно до {format_date_long(doc.valid_until)}</b>")
    if doc.notes and doc.notes.strip():
        items.append(f"<b>Примечание:</b> {_text(doc.notes)}")
    if not items:
        return []
    flowables: list[Flowable] = [Paragraph("Условия", st.heading)]
    flowables += [Paragraph(item, st.body) for item in items]
    return flowables


def _signatures(doc: ProposalDocument, st: _Styles) -> list[Flowable]:
    director = _signature_name(doc.director_name) if doc.director_name.strip() else ""
    title = doc.director_title.strip() or "Руководитель"
    line = "_" * 22
    sign = Table(
        [
            [
                Paragraph(f"<b>{escape(title)}</b>", st.signature),
                Paragraph(f"{line} / {escape(director) or NBSP * 20} /", st.signature),
            ]
        ],
        colWidths=[70 * mm, CONTENT_WIDTH - 70 * mm],
        hAlign="LEFT",
    )
    sign.setStyle(_layout_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM")))
    block: list[Flowable] = [Spacer(1, 8 * mm), sign]
    if doc.manager_name and doc.manager_name.strip():
        contact = _join(
            doc.manager_name,
            f"тел.{NBSP}{doc.manager_phone}" if doc.manager_phone else None,
            f"e-mail: {doc.manager_email}" if doc.manager_email else None,
        )
        block += [
            Spacer(1, 5 * mm),
            Paragraph(f"<b>Ответственный менеджер:</b> {escape(contact)}", st.body),
        ]
    return [KeepTogether(block)]


# --- the document -----------------------------------------------------------------------------


def render_proposal_pdf(doc: ProposalDocument) -> bytes:
    """The proposal as the bytes of an A4 PDF (PT Sans embedded, Russian throughout)."""
    st = _styles()
    title = proposal_title(doc)
    footer = f"Коммерческое предложение №{NBSP}{doc.number} от {format_date_short(doc.issued_on)}"
    buffer = io.BytesIO()
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=_on_page)],
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title.replace(NBSP, " "),
        author=doc.seller.name,
        subject=f"Коммерческое предложение для {doc.client_name}",
        creator="crm-desktop",
        initialFontName=FONT,
        initialFontSize=9,
        lang="ru-RU",
    )
    story: list[Flowable] = []
    story += _header(doc, st)
    story.append(Paragraph(escape(title), st.title))
    story += _parties(doc, st)
    story.append(_lines_table(doc, st))
    story += _totals(doc, st)
    story += _terms(doc, st)
    story += _signatures(doc, st)
    template.build(story, canvasmaker=_canvas_maker(footer))
    return buffer.getvalue()
