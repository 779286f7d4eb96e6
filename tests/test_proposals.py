"""Catalogue prices and commercial proposals on both backends: every line, VAT and total against
hand-computed Decimals; versions; the negotiation stage wants an accepted proposal."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from decimal import Decimal

import pytest
from click.testing import CliRunner
from sqlalchemy import event

from crm_desktop.cli import main
from crm_desktop.errors import PermissionDeniedError, ValidationError
from crm_desktop.services import agreements as ag
from crm_desktop.services import catalogue as cat
from crm_desktop.services import companies as co
from crm_desktop.services import deals as d
from crm_desktop.services import parties as p
from crm_desktop.services import proposals as pr
from crm_desktop.services.users import ensure_user

ISSUED = date(2026, 11, 23)


def unit(db, code):
    return p.catalogue_item_id(db, "measure_unit", code)


def price_type(db, code):
    return p.catalogue_item_id(db, "price_type", code)


@pytest.fixture
def company(db, actor):
    return co.create_company(
        db,
        actor,
        co.OwnCompanyDraft(
            short_name="ООО «Вектор»",
            full_name="Общество с ограниченной ответственностью «Вектор»",
            inn="7707083893",
            kpp="773601001",
            ogrn="1027700132195",
            legal_address="117312, г. Москва, ул. Вавилова, д. 19",
            director_name="Иванов Иван Иванович",
            bank_name="ПАО Сбербанк",
            bik="044525225",
            account="40702810938000000001",
            corr_account="30101810400000000225",
        ),
    )


@pytest.fixture
def products(db, actor):
    """Nails priced per kg, sold in 5 kg packs; a delivery service; a book (VAT 10 %); paint
    with a retail price only (VAT 0 %)."""
    wholesale, retail = price_type(db, "wholesale"), price_type(db, "retail")
    nails = cat.create_product(
        db,
        actor,
        cat.ProductDraft(
            sku="GV-100",
            name="Гвозди строительные 100 мм",
            price_unit_id=unit(db, "166"),
            sales_unit_id=unit(db, "778"),
            sales_factor=5,
            storage_unit_id=unit(db, "pallet"),
            storage_factor=100,
        ),
    )
    cat.set_price(db, actor, nails.id, wholesale, date(2026, 1, 1), Decimal("120.00"))
    cat.set_price(db, actor, nails.id, wholesale, date(2026, 11, 1), Decimal("118.37"))
    cat.set_price(db, actor, nails.id, wholesale, date(2026, 12, 1), Decimal("130.00"))
    cat.set_price(db, actor, nails.id, retail, date(2026, 1, 1), Decimal("150.00"))
    delivery = cat.create_product(
        db,
        actor,
        cat.ProductDraft(
            sku="SRV-DLV",
            name="Доставка по Москве",
            kind="service",
            price_unit_id=unit(db, "876"),
            sales_unit_id=unit(db, "876"),
        ),
    )
    cat.set_price(db, actor, delivery.id, wholesale, date(2026, 1, 1), Decimal("3500.00"))
    book = cat.create_product(
        db,
        actor,
        cat.ProductDraft(
            sku="BK-1",
            name="Справочник строителя",
            vat_rate="10",
            price_unit_id=unit(db, "796"),
            sales_unit_id=unit(db, "796"),
        ),
    )
    cat.set_price(db, actor, book.id, wholesale, date(2026, 1, 1), Decimal("333.33"))
    paint = cat.create_product(
        db,
        actor,
        cat.ProductDraft(
            sku="PNT-1",
            name="Краска фасадная",
            vat_rate="0",
            price_unit_id=unit(db, "796"),
            sales_unit_id=unit(db, "796"),
        ),
    )
    cat.set_price(db, actor, paint.id, retail, date(2026, 1, 1), Decimal("520.00"))
    return nails, delivery, book, paint


@pytest.fixture
def deal(db, actor, products, company):
    nails, delivery, book, paint = products
    client = p.create_client(db, actor, p.ClientDraft(name='ООО "Ромашка"'))
    made = ag.create_agreement(
        db,
        actor,
        ag.AgreementDraft(
            name="Оптовые продажи",
            price_type_id=price_type(db, "wholesale"),
            discount_pct=Decimal(5),
            prepayment_pct=Decimal(30),
            credit_days=14,
            delivery_days=5,
        ),
    )
    agreement = ag.set_status(db, actor, made.id, made.version, "active")
    deal = d.create_deal(
        db, actor, d.DealDraft(title="Стройка", client_id=client.id, agreement_id=agreement.id)
    )
    return d.set_lines(
        db,
        actor,
        deal.id,
        deal.version,
        [
            # the deal's own prices are replaced by the wholesale list where it has one
            d.DealLineDraft("", Decimal(4), Decimal("150.00"), product_id=nails.id),
            d.DealLineDraft(
                "", Decimal(1), Decimal(3500), discount_pct=Decimal(2), product_id=delivery.id
            ),
            d.DealLineDraft("", Decimal(3), Decimal("300.00"), product_id=book.id),
            d.DealLineDraft("Монтаж по месту", Decimal(2), Decimal(1000), vat_rate="none"),
            d.DealLineDraft("", Decimal(2), Decimal("499.50"), product_id=paint.id),
        ],
    )


def test_price_on_a_date_is_the_latest_not_after_it(db, actor, products):
    nails = products[0]
    wholesale = price_type(db, "wholesale")
    assert cat.price_for(db, nails.id, wholesale, date(2025, 12, 31)) is None
    assert cat.price_for(db, nails.id, wholesale, date(2026, 10, 31)) == Decimal("120.00")
    assert cat.price_for(db, nails.id, wholesale, date(2026, 11, 1)) == Decimal("118.37")
    assert cat.price_for(db, nails.id, wholesale, date(2026, 11, 30)) == Decimal("118.37")
    assert cat.price_for(db, nails.id, wholesale, date(2027, 1, 1)) == Decimal("130.00")
    again = cat.set_price(db, actor, nails.id, wholesale, date(2026, 11, 1), "119.00")
    assert cat.price_for(db, nails.id, wholesale, date(2026, 11, 2)) == Decimal("119.00")
    cat.remove_price(db, actor, again.id)
    assert cat.price_for(db, nails.id, wholesale, date(2026, 11, 2)) == Decimal("120.00")


def test_deal_line_of_a_product_takes_its_units_and_whole_packs(db, actor, deal, products):
    nails = products[0]
    line = deal.lines[0]
    assert (line.description, line.unit, line.factor, line.price_unit, line.sku) == (
        "Гвозди строительные 100 мм",
        "упак",
        5,
        "кг",
        "GV-100",
    )
    assert line.amount == Decimal("3000.00")  # 4 packs × 5 kg × 150.00 (the deal's own price)
    assert deal.amount == Decimal("3000.00") + Decimal("3430.00") + Decimal("900.00") + Decimal(
        "2000.00"
    ) + Decimal("999.00")
    with pytest.raises(ValidationError) as caught:
        d.set_lines(
            db,
            actor,
            deal.id,
            deal.version,
            [d.DealLineDraft("", Decimal("2.5"), Decimal(100), product_id=nails.id)],
        )
    assert "whole" in caught.value.field_errors["lines[0].quantity"].text
    assert d.get_deal(db, deal.id).amount == deal.amount  # nothing half-saved


def money(line):
    return line.amount, line.vat_amount


def test_proposal_lines_vat_and_total_by_hand(db, actor, deal):
    """Acceptance 1: the agreement's 5 % on the wholesale price type, a line in packs."""
    proposal = pr.issue_proposal(db, actor, deal.id, issued_on=ISSUED)
    document = pr.proposal_document(db, proposal.id)
    got = [
        (x.sku, x.quantity, x.unit, x.factor, x.price_unit, x.price, x.discount_pct, *money(x))
        for x in document.lines
    ]
    expected = [
        # 4 packs × 5 kg × 118.37 (the wholesale price of 1 Nov, not the future one) × 0.95
        (
            "GV-100",
            Decimal(4),
            "упак",
            5,
            "кг",
            Decimal("118.37"),
            Decimal(5),
            Decimal("2249.03"),
            Decimal("374.84"),
        ),  # 2249.03 × 20 / 120 = 374.838…
        # 3500.00 × (1 − (2 % of the line + 5 % of the agreement))
        (
            "SRV-DLV",
            Decimal(1),
            "усл. ед",
            1,
            "усл. ед",
            Decimal("3500.00"),
            Decimal(7),
            Decimal("3255.00"),
            Decimal("542.50"),
        ),
        # 3 × 333.33 = 999.99 × 0.95 = 949.9905 → 949.99; VAT 10 %: 86.362… → 86.36
        (
            "BK-1",
            Decimal(3),
            "шт",
            1,
            "шт",
            Decimal("333.33"),
            Decimal(5),
            Decimal("949.99"),
            Decimal("86.36"),
        ),
        # free text keeps its price; without VAT
        (
            None,
            Decimal(2),
            "шт",
            1,
            "шт",
            Decimal("1000.00"),
            Decimal(5),
            Decimal("1900.00"),
            Decimal("0.00"),
        ),
        # no wholesale price for the paint: the deal's price stays; VAT 0 %
        (
            "PNT-1",
            Decimal(2),
            "шт",
            1,
            "шт",
            Decimal("499.50"),
            Decimal(5),
            Decimal("949.05"),
            Decimal("0.00"),
        ),
    ]
    assert got == expected
    assert document.total == Decimal("9303.07")
    assert document.vat_total == Decimal("1003.70")
    assert document.has_vat
    assert document.discount_pct == Decimal(5)
    assert document.price_type == "Оптовая"
    assert document.payment_terms == "Предоплата 30 %, остаток — в течение 14 дней после отгрузки"
    assert document.delivery_terms == "Поставка в течение 5 дней после подтверждения заказа"
    assert document.valid_until == date(2026, 12, 7)
    assert document.seller.inn == "7707083893"
    assert document.client_name == 'ООО "Ромашка"'
    assert (proposal.total, proposal.vat_total, proposal.status) == (
        Decimal("9303.07"),
        Decimal("1003.70"),
        "draft",
    )


def test_new_version_keeps_the_old_one_readable(db, actor, deal):
    first = pr.issue_proposal(db, actor, deal.id, issued_on=ISSUED)
    pr.set_proposal_status(db, actor, first.id, "sent")
    # terms change: the client gets 10 % and one line less
    current = d.get_deal(db, deal.id)
    d.set_lines(
        db,
        actor,
        current.id,
        current.version,
        [d.DealLineDraft("Монтаж по месту", Decimal(2), Decimal(1000), discount_pct=Decimal(5))],
    )
    second = pr.new_version(db, actor, first.id, issued_on=date(2026, 11, 25))
    assert (second.number, second.version_no, second.status) == (first.number, 2, "draft")
    assert second.total == Decimal("1800.00")  # 2000 × (1 − 10 %)
    old = pr.proposal_document(db, first.id)
    assert (len(old.lines), old.total) == (5, Decimal("9303.07"))
    rows = pr.proposals_of(db, deal.id)
    assert [(x.version_no, x.status, x.is_latest) for x in rows] == [
        (1, "sent", False),
        (2, "draft", True),
    ]
    with pytest.raises(ValidationError) as caught:
        pr.set_proposal_status(db, actor, first.id, "accepted")
    assert "newer version" in caught.value.field_errors["version_no"].text
    assert pr.find_proposal(db, first.number) == second.id
    assert pr.find_proposal(db, first.number, 1) == first.id


def test_only_a_draft_changes_its_terms(db, actor, deal, company):
    proposal = pr.issue_proposal(db, actor, deal.id, issued_on=ISSUED)
    version, terms = pr.get_terms(db, proposal.id)
    assert terms.own_company_id == company.id  # the only company is the default one
    changed = pr.update_terms(
        db,
        actor,
        proposal.id,
        version,
        pr.ProposalTerms(
            date(2026, 12, 31), company.id, None, "100 % предоплата", None, "Цены в рублях"
        ),
    )
    assert changed.valid_until == date(2026, 12, 31)
    with pytest.raises(ValidationError) as caught:
        pr.update_terms(
            db,
            actor,
            proposal.id,
            changed.version,
            pr.ProposalTerms(date(2026, 11, 1), company.id, None, None, None, None),
        )
    assert set(caught.value.field_errors) == {"valid_until"}
    pr.set_proposal_status(db, actor, proposal.id, "sent")
    version, terms = pr.get_terms(db, proposal.id)
    with pytest.raises(ValidationError) as caught:
        pr.update_terms(db, actor, proposal.id, version, terms)
    assert "new version" in caught.value.field_errors["status"].text


def test_document_needs_our_company(db, actor, deal, company):
    co.delete_company(db, actor, company.id, company.version)
    proposal = pr.issue_proposal(db, actor, deal.id, issued_on=ISSUED)
    with pytest.raises(ValidationError) as caught:
        pr.proposal_document(db, proposal.id)
    assert "Our companies" in caught.value.field_errors["own_company_id"].text


def test_our_company_requisites_are_checked(db, actor, company):
    bad = co.OwnCompanyDraft(
        short_name="Вектор",
        full_name="ООО «Вектор»",
        inn="7707083894",
        director_name="Иванов И. И.",
        legal_address="Москва",
        bik="044525225",
        account="40702810938000000002",
    )
    with pytest.raises(ValidationError) as caught:
        co.create_company(db, actor, bad)
    assert set(caught.value.field_errors) == {"inn", "account"}
    assert len(co.list_companies(db)) == 1
    with pytest.raises(ValidationError) as caught:  # an organisation has a KPP
        co.create_company(
            db, actor, co.OwnCompanyDraft(**{**bad.__dict__, "inn": "7736050003", "account": None})
        )
    assert set(caught.value.field_errors) == {"kpp"}
    second = co.create_company(
        db,
        actor,
        co.OwnCompanyDraft(
            **{**bad.__dict__, "inn": "7736050003", "kpp": "773601001", "account": None}
        ),
    )
    assert [c.id for c in co.list_companies(db)] == [company.id, second.id]
    third = co.create_company(
        db, actor, co.OwnCompanyDraft(**{**second.draft.__dict__, "is_default": True})
    )
    assert co.default_company_id(db) == third.id
    assert [c.draft.is_default for c in co.list_companies(db)] == [True, False, False]


def test_negotiation_is_left_only_with_an_accepted_proposal(db, actor, deal):
    """Acceptance 4: sent or rejected proposals do not satisfy the negotiation stage."""
    client_id = deal.client_id
    contact = p.create_contact(db, actor, p.ContactDraft(last_name="Петров"))
    p.link_client_contact(db, actor, client_id, contact.id)
    current = p.get_client(db, client_id)
    p.set_client_circle(
        db, actor, client_id, current.version, p.catalogue_item_id(db, "client_circle", "potential")
    )
    deal = d.add_participant(db, actor, deal.id, "contact", contact.id)
    deal = d.update_deal(
        db,
        actor,
        deal.id,
        deal.version,
        d.DealDraft(
            title=deal.title,
            client_id=client_id,
            need_description="Стройка",
            agreement_id=deal.agreement_id,
        ),
    )

    def to(code):
        current = d.get_deal(db, deal.id)
        return d.move_to_stage(
            db, actor, current.id, current.version, p.catalogue_item_id(db, "deal_stage", code)
        )

    for code in ("needs", "conditions", "proposal"):
        to(code)
    first = pr.issue_proposal(db, actor, deal.id)
    pr.set_proposal_status(db, actor, first.id, "sent")
    to("negotiation")
    with pytest.raises(ValidationError) as caught:  # sent, not accepted
        to("contract")
    assert set(caught.value.field_errors) == {"proposals"}
    pr.set_proposal_status(db, actor, first.id, "rejected")
    with pytest.raises(ValidationError):  # rejected
        to("contract")
    second = pr.new_version(db, actor, first.id)
    pr.set_proposal_status(db, actor, second.id, "sent")
    with pytest.raises(ValidationError):
        to("contract")
    pr.set_proposal_status(db, actor, second.id, "accepted")
    assert to("contract").stage_code == "contract"


def test_products_are_found_by_sku_or_name_start(db, actor, products):
    wholesale = price_type(db, "wholesale")
    found = cat.find_products(db, "гвоз", price_type_id=wholesale, on=ISSUED)
    assert [(x.sku, x.sales_unit, x.sales_factor, x.price_unit, x.price) for x in found] == [
        ("GV-100", "упак", 5, "кг", Decimal("118.37"))
    ]
    assert [x.sku for x in cat.find_products(db, "srv")] == ["SRV-DLV"]
    assert cat.find_products(db, "100%") == []


def test_product_rules(db, actor, products):
    with pytest.raises(ValidationError) as caught:
        cat.create_product(
            db,
            actor,
            cat.ProductDraft(
                sku="GV-100",
                name="Гвозди",
                price_unit_id=unit(db, "166"),
                sales_unit_id=unit(db, "166"),
                sales_factor=5,
            ),
        )
    assert set(caught.value.field_errors) == {"sales_factor"}
    with pytest.raises(ValidationError) as caught:
        cat.create_product(
            db,
            actor,
            cat.ProductDraft(
                sku="GV-100",
                name="Гвозди",
                price_unit_id=unit(db, "166"),
                sales_unit_id=unit(db, "778"),
                storage_unit_id=unit(db, "pallet"),
            ),
        )
    assert set(caught.value.field_errors) == {"storage_factor"}
    with pytest.raises(ValidationError) as caught:
        cat.create_product(
            db,
            actor,
            cat.ProductDraft(
                sku="GV-100",
                name="Гвозди",
                price_unit_id=unit(db, "166"),
                sales_unit_id=unit(db, "778"),
            ),
        )
    assert set(caught.value.field_errors) == {"sku"}


def test_only_a_supervisor_changes_our_companies(db, actor, company):
    manager = ensure_user(db, "petrov", "Петров Пётр")
    assert not manager.is_supervisor
    with pytest.raises(PermissionDeniedError):
        co.update_company(db, manager, company.id, company.version, company.draft)
    with pytest.raises(PermissionDeniedError):
        co.delete_company(db, manager, company.id, company.version)
    assert co.get_company(db, company.id).version == company.version


def test_cli_writes_the_proposal_pdf(db, actor, deal, tmp_path):
    first = pr.issue_proposal(db, actor, deal.id, issued_on=ISSUED)
    pr.set_proposal_status(db, actor, first.id, "sent")
    pr.new_version(db, actor, first.id)
    out = tmp_path / "kp.pdf"
    runner = CliRunner()
    result = runner.invoke(main, ["--database", db.url, "proposal", "pdf", first.number, "-o", out])
    assert result.exit_code == 0, result.output
    assert f"{first.number}/2: 5 lines" in result.output
    assert out.read_bytes().startswith(b"%PDF")
    result = runner.invoke(
        main, ["--database", db.url, "proposal", "pdf", "а-000001", "--version", "1", "-o", out]
    )
    assert f"{first.number}/1" in result.output  # a lower-case Cyrillic «а» is found too
    result = runner.invoke(main, ["--database", db.url, "proposal", "pdf", "Б-1", "-o", out])
    assert result.exit_code == 2
    assert "no proposal numbered Б-1" in result.output
    latin = first.number.replace("А", "A")  # typed on a Latin keyboard
    result = runner.invoke(main, ["--database", db.url, "proposal", "pdf", latin, "-o", out])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main, ["--database", db.url, "proposal", "pdf", first.number, "--version", "7", "-o", out]
    )
    assert result.exit_code == 2
    assert f"Proposal {first.number} has no version 7." in result.output


def test_a_price_that_is_not_a_number_is_refused(db, actor, products):
    """«NaN» is a Decimal but no price: refused on its field, not a crash."""
    nails = products[0]
    wholesale = price_type(db, "wholesale")
    for typed in ("NaN", "nan", "sNaN", "Infinity", "-0.01", "abc"):
        with pytest.raises(ValidationError) as caught:
            cat.set_price(db, actor, nails.id, wholesale, ISSUED, typed)
        assert set(caught.value.field_errors) == {"price"}, typed


@contextmanager
def price_queries(db):
    """The statements that read product prices, while the block runs."""
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if "product_price" in statement:
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_prices_are_read_in_one_query(db, actor, deal, products):
    """The product search (run on the GUI thread while the user types) and issuing a proposal
    read the prices of all their products at once, not one query per product."""
    wholesale = price_type(db, "wholesale")
    for no in range(6):
        made = cat.create_product(
            db,
            actor,
            cat.ProductDraft(
                sku=f"GZ-{no}",
                name=f"Гвозди финишные {no}",
                price_unit_id=unit(db, "796"),
                sales_unit_id=unit(db, "796"),
            ),
        )
        cat.set_price(db, actor, made.id, wholesale, date(2026, 1, 1), Decimal(10 + no))
        cat.set_price(db, actor, made.id, wholesale, date(2027, 1, 1), Decimal(99))
    with price_queries(db) as statements:
        found = cat.find_products(db, "гвозди", price_type_id=wholesale, on=ISSUED)
    assert len(statements) == 1, statements
    assert {x.sku: x.price for x in found} == {
        "GV-100": Decimal("118.37"),
        **{f"GZ-{no}": Decimal(10 + no) for no in range(6)},
    }
    with price_queries(db) as statements:
        proposal = pr.issue_proposal(db, actor, deal.id, issued_on=ISSUED)
    assert len(statements) == 1, statements
    assert proposal.total == Decimal("9303.07")  # the prices of the hand-computed test
