"""Validation and normalisation of user input: texts, Russian requisites, phones, e-mails.

Pure functions: no Qt, no database. Each ``normalize_*`` / ``clean_*`` function takes the raw value
as typed by the user and returns the normalised value to store, or raises
:class:`~crm_desktop.errors.ValidationError` (via ``ValidationError.single(field, text, **params)``)
whose ``field`` is the keyword ``field`` argument and whose message is an English source text marked
with ``QT_TRANSLATE_NOOP("UserErrors", ...)``; ``{placeholders}`` in it are filled from the error's
params after translation. The context is written as the literal ``"UserErrors"`` (the value of
``crm_desktop.errors.TR_CONTEXT``, which a test checks) because ``pyside6-lupdate`` only extracts
calls whose context *and* text are string literals: ``QT_TRANSLATE_NOOP("UserErrors", "...")`` is
silently skipped.

Conventions:

* **Empty means absent.** ``None``, ``""`` and whitespace-only input return ``None`` from every
  ``normalize_*`` function: all requisites, phones, e-mails and messengers are optional at this
  level. Only :func:`clean_text` takes ``required=True``, which turns empty input into "This field
  is required."; a form that needs, say, an INN checks the ``None`` result itself.
* **Separators.** Requisites (INN, KPP, OGRN, BIK) may be typed with spaces, which are dropped;
  bank account numbers may also contain dots and hyphens (``40702.810.4.00000000001``).
* **Already-normalised input.** Functions that take other fields as context (``bik`` in the
  account checks, both arguments of :func:`check_ogrn_matches_inn`) expect values returned by
  these functions. An invalid ``bik`` passed as context only skips the key check: the BIK field
  reports its own error.
* **Programming errors** (an unknown messenger kind, a malformed argument to a helper such as
  :func:`with_account_key`) raise ``ValueError``, never ``ValidationError``.

Public API:

* ``clean_text(value, *, field, max_length=255, required=False, multiline=False) -> str | None``
* ``search_key(name) -> str``: the key for search and duplicate control of names.
* ``normalize_inn``, ``inn_kind``, ``normalize_kpp``, ``normalize_ogrn``,
  ``check_ogrn_matches_inn``, ``normalize_bik``.
* ``normalize_account(value, *, bik)``, ``account_key_ok``, ``with_account_key``;
  ``normalize_corr_account(value, *, bik)``, ``corr_account_key_ok``, ``with_corr_account_key``.
* ``normalize_phone(value, *, region="RU") -> (as_entered, e164)``, ``phone_search_digits``.
* ``normalize_email``, ``normalize_messenger(kind, value)`` (kinds in ``MESSENGER_KINDS``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

import phonenumbers
from anyascii import anyascii
from email_validator import EmailNotValidError, validate_email
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from crm_desktop.errors import QT_TRANSLATE_NOOP, ValidationError

__all__ = [
    "MESSENGER_KINDS",
    "account_key_ok",
    "check_ogrn_matches_inn",
    "clean_text",
    "corr_account_key_ok",
    "inn_kind",
    "normalize_account",
    "normalize_bik",
    "normalize_corr_account",
    "normalize_email",
    "normalize_inn",
    "normalize_kpp",
    "normalize_messenger",
    "normalize_ogrn",
    "normalize_phone",
    "phone_search_digits",
    "search_key",
    "with_account_key",
    "with_corr_account_key",
]

# --------------------------------------------------------------------------------------------
# Free text
# --------------------------------------------------------------------------------------------

# Invisible characters that sneak in through copy and paste; dropped silently.
_INVISIBLE: Final = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
_SPACE_RUN: Final = re.compile(r"\s+")


def _is_forbidden_char(char: str, *, multiline: bool) -> bool:
    if multiline and char in "\n\t":
        return False
    return unicodedata.category(char) in ("Cc", "Cs")


def clean_text(
    value: str | None,
    *,
    field: str,
    max_length: int = 255,
    required: bool = False,
    multiline: bool = False,
) -> str | None:
    """Normalise free text: NFC, no control characters, stripped, at most ``max_length`` chars.

    Single-line text has every inner run of whitespace (including no-break spaces) collapsed to one
    space; line breaks and tabs are refused in it. Multi-line text keeps ``\\n`` and ``\\t``
    (``\\r\\n`` and lone ``\\r`` become ``\\n``). Soft hyphens, zero-width spaces and BOMs are
    dropped. Empty input returns ``None`` unless ``required``.
    """
    text = unicodedata.normalize("NFC", value or "").translate(_INVISIBLE)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.strip()
    if not multiline and ("\n" in text or "\r" in text):
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("UserErrors", "Line breaks are not allowed here.")
        )
    if any(_is_forbidden_char(char, multiline=multiline) for char in text):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors", "The text contains control characters; remove them and try again."
            ),
        )
    if not multiline:
        text = _SPACE_RUN.sub(" ", text)
    if not text:
        if required:
            raise ValidationError.single(
                field, QT_TRANSLATE_NOOP("UserErrors", "This field is required.")
            )
        return None
    if len(text) > max_length:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The text is too long: {length} characters, at most {max_length} are allowed.",
            ),
            length=len(text),
            max_length=max_length,
        )
    return text


# --------------------------------------------------------------------------------------------
# Search key for names
# --------------------------------------------------------------------------------------------

_APOSTROPHES: Final = "'’`‘"
# An apostrophe inside a Latin word (O'Reilly, McDonald's) is dropped; other quotes become spaces.
_LATIN_APOSTROPHE: Final = re.compile(rf"(?<=[a-z])[{_APOSTROPHES}](?=[a-z])")

# fmt: off
_LEGAL_FORM_WORDS: Final = frozenset(
    {
        # Russian abbreviations
        "ооо", "оао", "зао", "пао", "ао", "нао", "ип", "нко", "ано", "гуп", "муп", "фгуп", "гбу",
        "мбу", "фгбу", "тоо", "чп", "одо", "кфх", "пк", "спк", "тсж", "снт", "оду",
        # the same typed with Latin letters
        "ooo", "oao", "zao", "pao",
        # foreign forms
        "llc", "ltd", "inc", "gmbh", "jsc", "pjsc", "ojsc", "cjsc", "plc", "llp", "corp",
    }
)
# fmt: on

_LEGAL_FORM_PHRASES: Final = tuple(
    sorted(
        (
            tuple(phrase.split())
            for phrase in (
                "общество с ограниченной ответственностью",
                "общество с дополнительной ответственностью",
                "акционерное общество",
                "публичное акционерное общество",
                "непубличное акционерное общество",
                "закрытое акционерное общество",
                "открытое акционерное общество",
                "индивидуальный предприниматель",
                "некоммерческая организация",
                "автономная некоммерческая организация",
                "государственное унитарное предприятие",
                "муниципальное унитарное предприятие",
                "федеральное государственное унитарное предприятие",
                "частное предприятие",
                "крестьянское фермерское хозяйство",
                "производственный кооператив",
                "сельскохозяйственный производственный кооператив",
                "товарищество собственников жилья",
                "товарищество с ограниченной ответственностью",
                "limited liability company",
                "joint stock company",
                "public joint stock company",
                "co ltd",
            )
        ),
        key=len,
        reverse=True,
    )
)


def _strip_legal_forms(words: list[str]) -> list[str]:
    kept: list[str] = []
    i = 0
    while i < len(words):
        for phrase in _LEGAL_FORM_PHRASES:
            if tuple(words[i : i + len(phrase)]) == phrase:
                i += len(phrase)
                break
        else:
            if words[i] not in _LEGAL_FORM_WORDS:
                kept.append(words[i])
            i += 1
    return kept


def fold_key(text: str) -> str:
    """Casefolded, «ё» → «е», every run of non-alphanumerics one space: a key to sort and find
    by the beginning of a product name or a subject (legal forms are kept, unlike
    :func:`search_key`)."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


def search_key(name: str) -> str:
    """The key under which a name is searched and compared for duplicates.

    NFKC + casefold, «ё» → «е», quotes removed, legal forms (ООО, АО, ИП, «общество с ограниченной
    ответственностью», LLC, GmbH …) removed as whole words wherever they stand, every other
    character that is not a letter or digit turned into a space, whitespace collapsed. So
    ``ООО "Ромашка"``, ``Ромашка, ООО`` and ``«РОМАШКА»`` all give ``ромашка``. If nothing but legal
    forms is left (a name that *is* "ООО"), they are kept rather than returning an empty key.
    """
    text = unicodedata.normalize("NFKC", name.replace("№", " ")).casefold().replace("ё", "е")
    text = _LATIN_APOSTROPHE.sub("", text)
    chars = [
        char if char.isalnum() or unicodedata.category(char).startswith("M") else " "
        for char in text
    ]  # quotes, punctuation and symbols all become spaces
    words = "".join(chars).split()
    return " ".join(_strip_legal_forms(words) or words)


# --------------------------------------------------------------------------------------------
# Russian requisites
# --------------------------------------------------------------------------------------------

_DIGITS: Final = re.compile(r"[0-9]+")
_KPP: Final = re.compile(r"[0-9]{4}[0-9A-Z]{2}[0-9]{3}")


def _compact(value: str | None, drop: str = "") -> str:
    """``value`` without any whitespace (and without the characters in ``drop``)."""
    text = "".join((value or "").split())
    for char in drop:
        text = text.replace(char, "")
    return text


def _is_digits(text: str, *lengths: int) -> bool:
    return _DIGITS.fullmatch(text) is not None and len(text) in lengths


def normalize_inn(value: str | None, *, field: str = "inn") -> str | None:
    """INN: 10 digits (organisation) or 12 digits (individual) with valid check digits."""
    inn = _compact(value)
    if not inn:
        return None
    if not _is_digits(inn, 10, 12):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The INN must have 10 digits (organisation) or 12 digits (individual).",
            ),
        )
    if not stdnum_inn.is_valid(inn):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors", "The INN check digit is wrong: check the number for a typo."
            ),
        )
    return inn


def inn_kind(inn: str) -> Literal["legal", "individual"]:
    """``"legal"`` for a 10-digit INN, ``"individual"`` for a 12-digit one (``ValueError`` else)."""
    if len(inn) == 10:
        return "legal"
    if len(inn) == 12:
        return "individual"
    raise ValueError(f"not a normalised INN: {inn!r}")


def normalize_kpp(value: str | None, *, field: str = "kpp") -> str | None:
    """KPP: 4 digits (tax office), 2 digits or capital Latin letters (reason), 3 digits."""
    kpp = _compact(value).upper()
    if not kpp:
        return None
    if _KPP.fullmatch(kpp) is None:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The KPP must have 9 characters: 4 digits, then 2 digits or Latin capital "
                "letters, then 3 digits.",
            ),
        )
    return kpp


def _ogrnip_ok(ogrnip: str) -> bool:
    """The official OGRNIP rule: (first 14 digits mod 13) mod 10 equals the 15th digit."""
    return int(ogrnip[:14]) % 13 % 10 == int(ogrnip[14])


def normalize_ogrn(value: str | None, *, field: str = "ogrn") -> str | None:
    """OGRN (13 digits, organisation) or OGRNIP (15 digits, individual entrepreneur)."""
    ogrn = _compact(value)
    if not ogrn:
        return None
    if not _is_digits(ogrn, 13, 15):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The OGRN must have 13 digits (organisation) or 15 digits (OGRNIP of an "
                "individual entrepreneur).",
            ),
        )
    if ogrn[0] not in ("15" if len(ogrn) == 13 else "3"):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The first digit is wrong: an OGRN starts with 1 or 5, an OGRNIP with 3.",
            ),
        )
    if len(ogrn) == 13:
        if not stdnum_ogrn.is_valid(ogrn):
            raise ValidationError.single(
                field,
                QT_TRANSLATE_NOOP(
                    "UserErrors", "The OGRN check digit is wrong: check the number for a typo."
                ),
            )
    elif not _ogrnip_ok(ogrn):
        # stdnum's OGRNIP check omits the final "mod 10" of the official rule: not used here.
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors", "The OGRNIP check digit is wrong: check the number for a typo."
            ),
        )
    return ogrn


def check_ogrn_matches_inn(ogrn: str | None, inn: str | None, *, field: str = "ogrn") -> None:
    """A 13-digit OGRN needs a 10-digit INN, a 15-digit OGRNIP a 12-digit INN.

    Takes normalised values; nothing to check without an OGRN.
    """
    ogrn = _compact(ogrn)
    inn = _compact(inn)
    if len(ogrn) == 13 and len(inn) != 10:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "A 13-digit OGRN belongs to an organisation: enter the organisation's "
                "10-digit INN as well.",
            ),
        )
    if len(ogrn) == 15 and len(inn) != 12:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "A 15-digit OGRNIP belongs to an individual entrepreneur: enter their "
                "12-digit INN as well.",
            ),
        )


def normalize_bik(value: str | None, *, field: str = "bik") -> str | None:
    """Russian bank BIK: 9 digits starting with 04."""
    bik = _compact(value)
    if not bik:
        return None
    if not _is_digits(bik, 9) or not bik.startswith("04"):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("UserErrors", "The BIK must have 9 digits and start with 04."),
        )
    return bik


# Bank account control key (Bank of Russia): weights 7, 1, 3 repeated over 3 digits derived from
# the BIK followed by the 20-digit account; the weighted sum must end in 0. The key is the 9th
# digit of the account.
_KEY_WEIGHTS: Final = ((7, 1, 3) * 8)[:23]
_KEY_INDEX: Final = 8


def _key_sum(prefix: str, account: str) -> int:
    return sum(w * int(d) for w, d in zip(_KEY_WEIGHTS, prefix + account, strict=True))


def _settlement_prefix(bik: str) -> str:
    return bik[-3:]


def _corr_prefix(bik: str) -> str:
    return "0" + bik[4:6]


def _check_key_args(bik: str, account: str) -> None:
    if not _is_digits(bik, 9) or not _is_digits(account, 20):
        raise ValueError(f"need a 9-digit BIK and a 20-digit account: {bik!r}, {account!r}")


def account_key_ok(bik: str, account: str) -> bool:
    """Whether a settlement account's control key matches the BIK (last 3 digits + account)."""
    _check_key_args(bik, account)
    return _key_sum(_settlement_prefix(bik), account) % 10 == 0


def corr_account_key_ok(bik: str, account: str) -> bool:
    """Whether a correspondent account's key matches the BIK ("0" + BIK digits 5–6 + account)."""
    _check_key_args(bik, account)
    return _key_sum(_corr_prefix(bik), account) % 10 == 0


def _with_key(prefix: str, bik: str, account_without_key: str) -> str:
    if len(account_without_key) == 19:
        account = account_without_key[:_KEY_INDEX] + "0" + account_without_key[_KEY_INDEX:]
    else:
        account = account_without_key[:_KEY_INDEX] + "0" + account_without_key[_KEY_INDEX + 1 :]
    _check_key_args(bik, account)
    # The key digit has weight 3 (3 * 7 = 21 ≡ 1 mod 10), so key = -7 * sum mod 10.
    key = (-7 * _key_sum(prefix, account)) % 10
    return account[:_KEY_INDEX] + str(key) + account[_KEY_INDEX + 1 :]


def with_account_key(bik: str, account_without_key: str) -> str:
    """The settlement account with its 9th digit set so that it matches ``bik``.

    ``account_without_key`` is a 20-digit account whose 9th digit is ignored, or the 19 digits
    without it.
    """
    return _with_key(_settlement_prefix(bik), bik, account_without_key)


def with_corr_account_key(bik: str, account_without_key: str) -> str:
    """Like :func:`with_account_key` for a correspondent account."""
    return _with_key(_corr_prefix(bik), bik, account_without_key)


def _bik_context(bik: str | None) -> str | None:
    compact = _compact(bik)
    return compact if _is_digits(compact, 9) else None


def normalize_account(value: str | None, *, bik: str | None, field: str = "account") -> str | None:
    """Settlement account: 20 digits; its control key is checked against ``bik`` when given."""
    account = _compact(value, drop=".-")
    if not account:
        return None
    if not _is_digits(account, 20):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("UserErrors", "The account number must have 20 digits."),
        )
    bank = _bik_context(bik)
    if bank is not None and not account_key_ok(bank, account):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The account number does not match the bank's BIK {bik}: check both for typos.",
            ),
            bik=bank,
        )
    return account


def normalize_corr_account(
    value: str | None, *, bik: str | None, field: str = "corr_account"
) -> str | None:
    """Correspondent account: 20 digits starting with 301; key checked against ``bik`` if given."""
    account = _compact(value, drop=".-")
    if not account:
        return None
    if not _is_digits(account, 20) or not account.startswith("301"):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors", "The correspondent account must have 20 digits and start with 301."
            ),
        )
    bank = _bik_context(bik)
    if bank is not None and not corr_account_key_ok(bank, account):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The correspondent account does not match the bank's BIK {bik}: "
                "check both for typos.",
            ),
            bik=bank,
        )
    return account


# --------------------------------------------------------------------------------------------
# Phones, e-mail, messengers
# --------------------------------------------------------------------------------------------

_PHONE_MAX_LENGTH: Final = 64
_PHONE_QUERY: Final = re.compile(r"[\d\s+\-().]+")
_PHONE_QUERY_MIN_DIGITS: Final = 3


def _phone_error(field: str) -> ValidationError:
    return ValidationError.single(
        field, QT_TRANSLATE_NOOP("UserErrors", "Enter a phone number such as +7 495 123-45-67.")
    )


def _parse_phone(text: str, *, field: str, region: str) -> str:
    """E.164 form of ``text`` (extension dropped) or a ValidationError."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise _phone_error(field) from None
    if not (phonenumbers.is_possible_number(number) and phonenumbers.is_valid_number(number)):
        raise _phone_error(field)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_phone(
    value: str | None, *, field: str = "phone", region: str = "RU"
) -> tuple[str, str] | None:
    """``(as_entered, e164)``: the cleaned text as typed (extension kept) and the E.164 number.

    Numbers without a country code are read in ``region``; an extension (``доб. 123``,
    ``ext 12``) stays in ``as_entered`` only.
    """
    text = clean_text(value, field=field, max_length=_PHONE_MAX_LENGTH)
    if text is None:
        return None
    return text, _parse_phone(text, field=field, region=region)


def phone_search_digits(query: str) -> str | None:
    """Digits to match against E.164 numbers (without '+') if ``query`` looks like a phone.

    A query looks like a phone if it consists only of digits, spaces, ``+ - ( ) .`` and has at
    least 3 digits. An 11-digit number starting with 8 (Russian trunk prefix) gets 7 instead.
    Returns ``None`` for any other query.
    """
    text = query.strip()
    if _PHONE_QUERY.fullmatch(text) is None:
        return None
    digits = "".join(char for char in text if "0" <= char <= "9")
    if len(digits) < _PHONE_QUERY_MIN_DIGITS:
        return None
    if len(digits) == 11 and digits.startswith("8") and not text.startswith("+"):
        digits = "7" + digits[1:]
    return digits


def normalize_email(value: str | None, *, field: str = "email") -> str | None:
    """The e-mail address in lower case: what search and duplicate control compare.

    Local parts are case-sensitive in theory and never in practice; the channel keeps what was
    typed in its ``value`` for display.
    """
    text = (value or "").strip()
    if not text:
        return None
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("UserErrors", "Enter an e-mail address such as name@example.ru."),
        ) from None
    return str(result.normalized).lower()


MESSENGER_KINDS: Final = ("telegram", "whatsapp", "viber", "other")

_TELEGRAM_USERNAME: Final = re.compile(r"[A-Za-z][A-Za-z0-9_]{4,31}")
_TELEGRAM_LINK: Final = re.compile(
    r"(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me)/|tg://resolve\?domain=", re.IGNORECASE
)
_WHATSAPP_LINK: Final = re.compile(r"(?:https?://)?(?:wa\.me|api\.whatsapp\.com)/", re.IGNORECASE)
_PHONE_START: Final = re.compile(r"[+\d(]")


def _normalize_telegram(text: str, *, field: str) -> str:
    handle = _TELEGRAM_LINK.sub("", text, count=1)
    # "@name" and "t.me/name" are usernames; "t.me/+7912…" is a phone link.
    is_username = handle.startswith("@") or (handle != text and not handle.startswith("+"))
    handle = handle.removeprefix("@")
    if _TELEGRAM_USERNAME.fullmatch(handle):
        return "@" + handle
    if not is_username and _PHONE_START.match(handle) is not None:
        try:
            return _parse_phone(handle, field=field, region="RU")
        except ValidationError:
            pass
    raise ValidationError.single(
        field,
        QT_TRANSLATE_NOOP(
            "UserErrors",
            "Enter a Telegram username such as @ivan_petrov (5 to 32 Latin letters, digits or "
            "underscores, starting with a letter) or a phone number such as +7 912 345-67-89.",
        ),
    )


def normalize_messenger(kind: str, value: str | None, *, field: str = "messenger") -> str | None:
    """A messenger contact of ``kind`` (one of ``MESSENGER_KINDS``).

    * telegram: a username → ``@name`` (5–32 letters, digits, ``_``; starts with a letter; case
      kept), also given as ``name``, ``@name`` or a ``t.me/name`` link; or a phone (also as
      ``t.me/+7…``) → E.164.
    * whatsapp, viber: a phone → E.164 (``wa.me/79…`` links accepted).
    * other: free text, as :func:`clean_text`.
    """
    if kind not in MESSENGER_KINDS:
        raise ValueError(f"unknown messenger kind: {kind!r}")
    if kind == "other":
        return clean_text(value, field=field)
    text = clean_text(value, field=field, max_length=_PHONE_MAX_LENGTH)
    if text is None:
        return None
    if kind == "telegram":
        return _normalize_telegram(text, field=field)
    link = _WHATSAPP_LINK.match(text)
    if link is not None:
        text = "+" + text[link.end() :].split("?", 1)[0]
    return _parse_phone(text, field=field, region="RU")


def match_key(name: str) -> str:
    """The name as Latin letters and digits only, for duplicate control.

    «ООО "Ромашка"», «Ромашка, ООО» and «OOO Romashka» all give ``"romashka"``: legal forms and
    quotes go (via :func:`search_key`), Cyrillic is transliterated with anyascii.
    """
    return re.sub(r"[^a-z0-9]", "", anyascii(search_key(name)).lower())[:255]
