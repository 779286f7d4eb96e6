"""Tests for crm_desktop.services.validation (pure functions: no DB, no Qt)."""

from __future__ import annotations

import ast
import html
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from faker import Faker

from crm_desktop.errors import TR_CONTEXT, ValidationError
from crm_desktop.services import validation as v

# Public requisites of Sberbank.
SBER_INN = "7707083893"
SBER_KPP = "773601001"
SBER_OGRN = "1027700132195"
SBER_BIK = "044525225"
SBER_CORR = "30101810400000000225"
OGRNIP_OK = "326306347461610"  # valid by the official rule, rejected by stdnum


def raises(func: Callable[..., Any], *args: Any, **kwargs: Any) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    return info.value


@pytest.fixture
def fake() -> Faker:
    faker = Faker("ru_RU")
    faker.seed_instance(20240601)
    return faker


# --- clean_text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Ромашка  ", "Ромашка"),
        ("Рога   и\u00a0\u00a0копыта", "Рога и копыта"),
        ("e\u0301", "é"),  # NFC
        ("ab\u200bc\ufeff", "abc"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_clean_text_single_line(raw: str | None, expected: str | None) -> None:
    assert v.clean_text(raw, field="name") == expected


def test_clean_text_multiline_keeps_breaks_and_tabs() -> None:
    text = v.clean_text("  line 1\r\n\tline  2\rline 3\n ", field="note", multiline=True)
    assert text == "line 1\n\tline  2\nline 3"


@pytest.mark.parametrize("raw", ["a\nb", "a\r\nb", "a\tb", "a\x00b", "a\x07b", "a\x7fb", "a\x85b"])
def test_clean_text_refuses_control_chars_in_single_line(raw: str) -> None:
    err = raises(v.clean_text, raw, field="name")
    assert err.field == "name"


@pytest.mark.parametrize("raw", ["a\x00b", "a\x1bb", "a\x0bb"])
def test_clean_text_refuses_control_chars_in_multiline(raw: str) -> None:
    err = raises(v.clean_text, raw, field="note", multiline=True)
    assert err.field == "note"
    assert "control characters" in err.message.text


def test_clean_text_required() -> None:
    err = raises(v.clean_text, "  ", field="name", required=True)
    assert err.field == "name"
    assert err.message.text == "This field is required."
    assert v.clean_text(" x ", field="name", required=True) == "x"


def test_clean_text_max_length() -> None:
    assert v.clean_text("x" * 10, field="name", max_length=10) == "x" * 10
    err = raises(v.clean_text, "x" * 11, field="name", max_length=10)
    assert err.field == "name"
    assert err.message.params == {"length": 11, "max_length": 10}
    assert "at most 10" in err.message.render()


def test_clean_text_length_counted_after_collapsing() -> None:
    assert v.clean_text("a    b", field="name", max_length=3) == "a b"


# --- search_key ----------------------------------------------------------------------------


def test_search_key_legal_form_and_quotes() -> None:
    assert v.search_key('ООО "Ромашка"') == "ромашка"
    assert v.search_key("Ромашка, ООО") == "ромашка"
    assert v.search_key("«РОМАШКА»") == "ромашка"
    assert v.search_key('ООО "Ромашка"') == v.search_key("Ромашка, ООО")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ёлка-Палка", "елка палка"),
        ("ЁЛКА", "елка"),
        ("Общество с ограниченной ответственностью «Рога и копыта»", "рога и копыта"),
        ("ПАО Сбербанк", "сбербанк"),
        ("Публичное акционерное общество „Сбербанк“", "сбербанк"),
        ("ИП Иванов Иван Иванович", "иванов иван иванович"),
        ("Acme, Inc.", "acme"),
        ("Siemens GmbH", "siemens"),
        ("OOO Ромашка", "ромашка"),  # Latin O's
        ("O'Reilly Media", "oreilly media"),
        ("ООО'Ромашка'", "ромашка"),
        ("Завод №1", "завод 1"),
        ("Кооператив  «Ромашка»   (филиал)", "кооператив ромашка филиал"),
        ("ООО", "ооо"),  # nothing but a legal form: kept
        ("", ""),
    ],
)
def test_search_key(name: str, expected: str) -> None:
    assert v.search_key(name) == expected


def test_search_key_legal_form_only_as_whole_word() -> None:
    assert v.search_key("Аокс") == "аокс"
    assert v.search_key("Ипподром") == "ипподром"


# --- INN -----------------------------------------------------------------------------------


def test_inn_valid() -> None:
    assert v.normalize_inn(SBER_INN) == SBER_INN
    assert v.normalize_inn(" 7707 083 893 ") == SBER_INN
    assert v.inn_kind(SBER_INN) == "legal"


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_inn_empty(raw: str | None) -> None:
    assert v.normalize_inn(raw) is None


@pytest.mark.parametrize("raw", ["770708389", "77070838930", "77070838ab", "７７０７０８３８９３"])
def test_inn_wrong_format(raw: str) -> None:
    err = raises(v.normalize_inn, raw, field="client_inn")
    assert err.field == "client_inn"
    assert "10 digits" in err.message.text


def test_inn_wrong_check_digit() -> None:
    err = raises(v.normalize_inn, "7707083894")
    assert err.field == "inn"
    assert err.message.text.startswith("The INN check digit is wrong")


def test_inn_faker(fake: Faker) -> None:
    for _ in range(200):
        legal = fake.businesses_inn()
        individual = fake.individuals_inn()
        assert v.normalize_inn(legal) == legal
        assert v.normalize_inn(individual) == individual
        assert v.inn_kind(legal) == "legal"
        assert v.inn_kind(individual) == "individual"


def test_inn_kind_refuses_other_lengths() -> None:
    with pytest.raises(ValueError, match="INN"):
        v.inn_kind("123")


# --- KPP -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(SBER_KPP, SBER_KPP), (" 7736 01 001 ", SBER_KPP), ("7736ab001", "7736AB001"), ("", None)],
)
def test_kpp_valid(raw: str, expected: str | None) -> None:
    assert v.normalize_kpp(raw) == expected


@pytest.mark.parametrize("raw", ["77360100", "7736010011", "77А601001", "773601a0b", "7736Ж1001"])
def test_kpp_invalid(raw: str) -> None:
    err = raises(v.normalize_kpp, raw)
    assert err.field == "kpp"
    assert "9 characters" in err.message.text


def test_kpp_faker(fake: Faker) -> None:
    for _ in range(200):
        kpp = fake.kpp()
        assert v.normalize_kpp(kpp) == kpp


# --- OGRN / OGRNIP -------------------------------------------------------------------------


def test_ogrn_valid() -> None:
    assert v.normalize_ogrn(SBER_OGRN) == SBER_OGRN
    assert v.normalize_ogrn(" 1027700132195 ") == SBER_OGRN
    assert v.normalize_ogrn(OGRNIP_OK) == OGRNIP_OK
    assert v.normalize_ogrn("") is None


def test_ogrn_wrong_check_digit() -> None:
    err = raises(v.normalize_ogrn, "1027700132196", field="partner_ogrn")
    assert err.field == "partner_ogrn"
    assert "OGRN check digit is wrong" in err.message.text


def test_ogrnip_wrong_check_digit() -> None:
    bad = OGRNIP_OK[:-1] + "1"
    err = raises(v.normalize_ogrn, bad)
    assert err.field == "ogrn"
    assert "OGRNIP check digit is wrong" in err.message.text


@pytest.mark.parametrize(
    "raw", ["102770013219", "10277001321950", "1027700132195x", "3263063474616"]
)
def test_ogrn_wrong_format(raw: str) -> None:
    # 3263063474616: 13 digits starting with 3 is neither an OGRN nor an OGRNIP.
    err = raises(v.normalize_ogrn, raw)
    assert err.field == "ogrn"


def test_ogrn_first_digit() -> None:
    err = raises(v.normalize_ogrn, "0027700132195")
    assert "first digit" in err.message.text


def test_ogrn_faker(fake: Faker) -> None:
    for _ in range(200):
        ogrn = fake.businesses_ogrn()
        ogrnip = fake.individuals_ogrn()
        assert v.normalize_ogrn(ogrn) == ogrn
        assert v.normalize_ogrn(ogrnip) == ogrnip


def test_ogrnip_official_rule_random() -> None:
    rng = random.Random(7)
    for _ in range(500):
        body = "3" + "".join(rng.choice("0123456789") for _ in range(13))
        check = int(body) % 13 % 10
        assert v.normalize_ogrn(body + str(check)) == body + str(check)
        wrong = (check + rng.randint(1, 9)) % 10
        with pytest.raises(ValidationError):
            v.normalize_ogrn(body + str(wrong))


def test_check_ogrn_matches_inn() -> None:
    v.check_ogrn_matches_inn(SBER_OGRN, SBER_INN)
    v.check_ogrn_matches_inn(OGRNIP_OK, "500100732259")
    v.check_ogrn_matches_inn(None, SBER_INN)
    v.check_ogrn_matches_inn(None, None)


@pytest.mark.parametrize(
    ("ogrn", "inn", "text"),
    [
        (SBER_OGRN, None, "10-digit INN"),
        (SBER_OGRN, "500100732259", "10-digit INN"),
        (OGRNIP_OK, None, "12-digit INN"),
        (OGRNIP_OK, SBER_INN, "12-digit INN"),
    ],
)
def test_check_ogrn_mismatch(ogrn: str, inn: str | None, text: str) -> None:
    err = raises(v.check_ogrn_matches_inn, ogrn, inn)
    assert err.field == "ogrn"
    assert text in err.message.text


# --- BIK and accounts ----------------------------------------------------------------------


def test_bik() -> None:
    assert v.normalize_bik(SBER_BIK) == SBER_BIK
    assert v.normalize_bik(" 04 45 25 225 ") == SBER_BIK
    assert v.normalize_bik(" ") is None


@pytest.mark.parametrize("raw", ["04452522", "0445252250", "144525225", "04452522x"])
def test_bik_invalid(raw: str) -> None:
    err = raises(v.normalize_bik, raw, field="bank_bik")
    assert err.field == "bank_bik"
    assert "start with 04" in err.message.text


def test_bik_faker(fake: Faker) -> None:
    for _ in range(100):
        bik = fake.bic()
        assert v.normalize_bik(bik) == bik


def test_corr_account_sberbank() -> None:
    assert v.corr_account_key_ok(SBER_BIK, SBER_CORR)
    assert v.normalize_corr_account(SBER_CORR, bik=SBER_BIK) == SBER_CORR
    assert v.normalize_corr_account("301 018 104 000 000 00225", bik=None) == SBER_CORR
    assert v.normalize_corr_account("", bik=SBER_BIK) is None
    assert v.with_corr_account_key(SBER_BIK, SBER_CORR[:8] + "9" + SBER_CORR[9:]) == SBER_CORR


def test_corr_account_wrong_key() -> None:
    bad = SBER_CORR[:-1] + "6"
    assert not v.corr_account_key_ok(SBER_BIK, bad)
    err = raises(v.normalize_corr_account, bad, bik=SBER_BIK)
    assert err.field == "corr_account"
    assert err.message.params == {"bik": SBER_BIK}
    assert "does not match" in err.message.text
    # without a BIK only the format is checked
    assert v.normalize_corr_account(bad, bik=None) == bad


@pytest.mark.parametrize(
    "raw", ["40702810400000000225", "3010181040000000022", "301018104000000002x"]
)
def test_corr_account_wrong_format(raw: str) -> None:
    err = raises(v.normalize_corr_account, raw, bik=SBER_BIK)
    assert err.field == "corr_account"
    assert "start with 301" in err.message.text


def test_settlement_account_sberbank() -> None:
    account = v.with_account_key(SBER_BIK, "40702810000000012345")
    assert account[:8] == "40702810"
    assert account[9:] == "00000012345"
    assert v.account_key_ok(SBER_BIK, account)
    assert v.normalize_account(account, bik=SBER_BIK) == account
    dotted = f"{account[:5]}.{account[5:8]}.{account[8]}.{account[9:]}"
    assert v.normalize_account(dotted, bik=SBER_BIK) == account
    # the 19 digits without the key give the same result
    assert v.with_account_key(SBER_BIK, account[:8] + account[9:]) == account


def test_settlement_account_wrong_key() -> None:
    account = v.with_account_key(SBER_BIK, "40702810000000012345")
    bad = account[:8] + str((int(account[8]) + 1) % 10) + account[9:]
    assert not v.account_key_ok(SBER_BIK, bad)
    err = raises(v.normalize_account, bad, bik=SBER_BIK, field="bank_account")
    assert err.field == "bank_account"
    assert err.message.params == {"bik": SBER_BIK}
    # an invalid BIK as context skips the key check (the BIK field reports its own error)
    assert v.normalize_account(bad, bik="123") == bad


@pytest.mark.parametrize(
    "raw", ["4070281000000001234", "407028100000000123456", "4070281000000001234a"]
)
def test_settlement_account_wrong_format(raw: str) -> None:
    err = raises(v.normalize_account, raw, bik=SBER_BIK)
    assert err.field == "account"
    assert "20 digits" in err.message.text


def test_with_account_key_random(fake: Faker) -> None:
    rng = random.Random(42)
    for _ in range(200):
        bik = fake.bic()
        raw = "".join(rng.choice("0123456789") for _ in range(20))
        account = v.with_account_key(bik, raw)
        assert len(account) == 20
        assert account[:8] == raw[:8]
        assert account[9:] == raw[9:]
        assert v.account_key_ok(bik, account)
        assert v.normalize_account(account, bik=bik) == account
        corr = v.with_corr_account_key(bik, "301" + raw[3:])
        assert v.corr_account_key_ok(bik, corr)


def test_key_helpers_refuse_bad_arguments() -> None:
    with pytest.raises(ValueError, match="BIK"):
        v.account_key_ok("0445", "40702810000000012345")
    with pytest.raises(ValueError, match="BIK"):
        v.with_account_key(SBER_BIK, "4070281")


# --- phones --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["8 (495) 123-45-67", "+7 495 1234567", "84951234567", "4951234567"]
)
def test_phone_russian_forms(raw: str) -> None:
    assert v.normalize_phone(raw) == (raw, "+74951234567")


@pytest.mark.parametrize(
    ("raw", "as_entered"),
    [
        ("+7 495 123-45-67 доб. 123", "+7 495 123-45-67 доб. 123"),
        ("  8 (495) 123-45-67   ext 12 ", "8 (495) 123-45-67 ext 12"),
    ],
)
def test_phone_extension_kept_as_entered(raw: str, as_entered: str) -> None:
    assert v.normalize_phone(raw) == (as_entered, "+74951234567")


def test_phone_other_countries() -> None:
    assert v.normalize_phone("+49 30 12345678") == ("+49 30 12345678", "+493012345678")
    assert v.normalize_phone("030 12345678", region="DE") == ("030 12345678", "+493012345678")


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_phone_empty(raw: str | None) -> None:
    assert v.normalize_phone(raw) is None


@pytest.mark.parametrize(
    "raw", ["123", "abc", "+7 495 123", "8 (000) 000-00-00", "+7 495 123\n4567"]
)
def test_phone_invalid(raw: str) -> None:
    err = raises(v.normalize_phone, raw, field="work_phone")
    assert err.field == "work_phone"


def test_phone_invalid_message() -> None:
    err = raises(v.normalize_phone, "12345")
    assert err.message.text == "Enter a phone number such as +7 495 123-45-67."
    assert err.field == "phone"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("8 (495) 123-45-67", "74951234567"),
        ("84951234567", "74951234567"),
        ("+7 495 123-45-67", "74951234567"),
        ("495 123", "495123"),
        ("123-45", "12345"),
        ("+8 495 123 45 67", "84951234567"),  # an explicit + keeps the 8
        ("89", None),
        ("Ромашка", None),
        ("ООО 123", None),
        ("", None),
    ],
)
def test_phone_search_digits(query: str, expected: str | None) -> None:
    assert v.phone_search_digits(query) == expected


# --- e-mail --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ivan@example.ru", "ivan@example.ru"),
        ("  Ivan.Petrov@Example.RU ", "ivan.petrov@example.ru"),
        ("sales@Пример.РФ", "sales@пример.рф"),
        ("", None),
        (None, None),
    ],
)
def test_email_valid(raw: str | None, expected: str | None) -> None:
    assert v.normalize_email(raw) == expected


@pytest.mark.parametrize("raw", ["ivan", "ivan@", "@example.ru", "ivan@localhost", "iv an@ex.ru"])
def test_email_invalid(raw: str) -> None:
    err = raises(v.normalize_email, raw, field="contact_email")
    assert err.field == "contact_email"
    assert err.message.text == "Enter an e-mail address such as name@example.ru."


# --- messengers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("@ivan_petrov", "@ivan_petrov"),
        ("ivan_petrov", "@ivan_petrov"),
        ("https://t.me/Ivan_Petrov", "@Ivan_Petrov"),
        ("t.me/ivan_petrov", "@ivan_petrov"),
        ("+7 912 345-67-89", "+79123456789"),
        ("8 912 345 67 89", "+79123456789"),
        ("https://t.me/+79123456789", "+79123456789"),
        ("@" + "a" * 32, "@" + "a" * 32),
        ("", None),
    ],
)
def test_messenger_telegram(raw: str, expected: str | None) -> None:
    assert v.normalize_messenger("telegram", raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "@ivan",
        "@" + "a" * 33,
        "@ivan-petrov",
        "@1ivanpetrov",
        "иван_петров",
        "+7 495 123",
        "t.me/1abcde",
    ],
)
def test_messenger_telegram_invalid(raw: str) -> None:
    err = raises(v.normalize_messenger, "telegram", raw, field="tg")
    assert err.field == "tg"
    assert "Telegram username" in err.message.text


@pytest.mark.parametrize("kind", ["whatsapp", "viber"])
def test_messenger_phone_kinds(kind: str) -> None:
    assert v.normalize_messenger(kind, "8 (912) 345-67-89") == "+79123456789"
    assert v.normalize_messenger(kind, " ") is None
    err = raises(v.normalize_messenger, kind, "@ivan_petrov")
    assert err.field == "messenger"
    assert err.message.text == "Enter a phone number such as +7 495 123-45-67."


def test_messenger_whatsapp_link() -> None:
    assert v.normalize_messenger("whatsapp", "https://wa.me/79123456789") == "+79123456789"


def test_messenger_other() -> None:
    assert v.normalize_messenger("other", "  Skype:   ivan.petrov ") == "Skype: ivan.petrov"
    err = raises(v.normalize_messenger, "other", "x" * 256)
    assert err.field == "messenger"


def test_messenger_unknown_kind() -> None:
    with pytest.raises(ValueError, match="messenger kind"):
        v.normalize_messenger("icq", "123456")


# --- messages are translatable source texts ------------------------------------------------


def test_error_str_is_rendered_message() -> None:
    err = raises(v.clean_text, "abcd", field="name", max_length=3)
    assert str(err) == "name: The text is too long: 4 characters, at most 3 are allowed."


def _noop_calls() -> list[ast.Call]:
    tree = ast.parse(Path(v.__file__).read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
    ]


def test_messages_are_literals_in_the_error_context() -> None:
    calls = _noop_calls()
    assert len(calls) > 20
    for call in calls:
        context, text = call.args
        # lupdate extracts only literal arguments: QT_TRANSLATE_NOOP(TR_CONTEXT, ...) is skipped.
        assert isinstance(context, ast.Constant)
        assert context.value == TR_CONTEXT
        assert isinstance(text, ast.Constant)
        assert isinstance(text.value, str)
        assert text.value.endswith(".")


def _lupdate() -> str | None:
    found = shutil.which("pyside6-lupdate")
    if found is None:
        beside = Path(sys.executable).with_name("pyside6-lupdate")
        found = str(beside) if beside.exists() else None
    return found


@pytest.mark.skipif(_lupdate() is None, reason="pyside6-lupdate is not installed")
def test_lupdate_extracts_every_message(tmp_path: Path) -> None:
    ts_file = tmp_path / "validation.ts"
    subprocess.run(
        [str(_lupdate()), v.__file__, "-ts", str(ts_file)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    ts = ts_file.read_text(encoding="utf-8")
    assert f"<name>{TR_CONTEXT}</name>" in ts
    extracted = {
        html.unescape(text) for text in re.findall(r"<source>(.*?)</source>", ts, re.DOTALL)
    }
    expected = {
        call.args[1].value for call in _noop_calls() if isinstance(call.args[1], ast.Constant)
    }
    assert extracted == expected
