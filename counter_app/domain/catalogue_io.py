"""Read and write the procedure catalogue (JSON, CSV, XLSX) with row-level errors.

A province or commune office keeps its procedure list in a spreadsheet or in
the JSON file the application ships. Importing must never stop at the first
bad cell: every row is checked on its own, good rows are kept, and each
problem is reported with the row number the official sees in the file and the
column (or JSON key) to fix.

File-level problems (unknown suffix, not UTF-8, not JSON, missing header
columns, wrong ``format`` marker) raise ``UserError``; row-level problems are
returned in ``ImportResult.errors``.

CSV / XLSX layout: one header row with the machine names in ``COLUMNS`` (a
header cell may carry a hint after a space or a line break, e.g.
``"code (Mã TTHC)"``; only the first word counts). Mini syntaxes:

- ``fee_tiers``: ``from_page:price`` pairs separated by ``;``, starting at
  page 1, e.g. ``1:2000;3:1000``.
- ``documents``: items separated by line breaks (Alt+Enter in Excel) or, in a
  single-line cell, by ``;``; each item is
  ``name|form|quantity|mandatory`` where form is original / certified_copy /
  photocopy (or bản chính / bản sao / bản chụp), quantity a whole number and
  mandatory 1/0 (có/không). Only the name is required:
  ``Tờ khai đăng ký khai sinh|original|1|1; Văn bản ủy quyền|original|1|0``.
- ``deliveries``: ``counter;post;online`` (or tại quầy / bưu chính / trực tuyến).
- ``on_the_spot``: 1/0, có/không, x/empty.
- ``extra``: ``key=value;key=value``.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.procedure import (
    Delivery,
    DocumentForm,
    FeeKind,
    FeeRule,
    FeeTier,
    Level,
    OnlineLevel,
    ProcedureSpec,
    ProcessingTime,
    RequiredDocument,
    TimeUnit,
)
from counter_app.domain.text import fold, nfc

logger = logging.getLogger(__name__)

CONTEXT = "Catalogue"
FORMAT_NAME = "counter_app.catalogue"
FORMAT_VERSION = 1

COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "field",
    "level",
    "processing_amount",
    "processing_unit",
    "fee_kind",
    "fee_amount",
    "fee_tiers",
    "fee_cap_per_copy",
    "fee_note",
    "documents",
    "on_the_spot",
    "online_level",
    "deliveries",
    "legal_basis",
    "source_note",
    "extra",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("code", "name", "field", "level", "processing_unit")

# Where each flat column lives in the JSON shape, so JSON errors name the key.
JSON_FIELD_NAMES: Mapping[str, str] = {
    "processing_amount": "processing_time.amount",
    "processing_unit": "processing_time.unit",
    "fee_kind": "fee.kind",
    "fee_amount": "fee.amount",
    "fee_tiers": "fee.tiers",
    "fee_cap_per_copy": "fee.cap_per_copy",
    "fee_note": "fee.note",
}

# National procedure code: one digit, a dot, six digits (e.g. 1.001193).
CODE_RE = re.compile(r"^\d\.\d{6}$")
# A provincial "ký hiệu thủ tục" appends the agency suffix to the national code.
_PROVINCE_SUFFIX_RE = re.compile(r"^(\d\.\d{6})\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:[., ]\d{3})+$")
_CURRENCY_SUFFIX_RE = re.compile(r"\s*(?:đồng|đ|vnd|vnđ)$", re.IGNORECASE)

MSG_REQUIRED = QT_TRANSLATE_NOOP("Catalogue", "Row {row}, column {column}: a value is required.")
MSG_BAD_CODE = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: procedure code “{value}” is not valid; use the national"
    " code such as 1.001193 (one digit, a dot, six digits; in Excel format the column as"
    " Text).",
)
MSG_PROVINCE_SUFFIX = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: “{value}” is a provincial procedure symbol; enter only"
    " the national code {code}.",
)
MSG_DUPLICATE_CODE = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: procedure code {value} already appears in row {first_row};"
    " each code may appear only once.",
)
MSG_BAD_LEVEL = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: level “{value}” is not valid; use commune, province or"
    " district (xã, tỉnh, huyện).",
)
MSG_BAD_UNIT = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: time unit “{value}” is not valid; use working_days,"
    " working_hours or same_day.",
)
MSG_BAD_INTEGER = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: “{value}” is not a whole number of zero or more.",
)
MSG_AMOUNT_TOO_SMALL = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: a processing time in working days or hours must be at least 1.",
)
MSG_BAD_FEE_KIND = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: fee kind “{value}” is not valid; use free, flat, per_copy"
    " or per_page_tiered.",
)
MSG_BAD_TIERS = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: page tiers “{value}” are not valid; write from_page:price"
    " pairs separated by semicolons, starting at page 1 with increasing pages, e.g."
    " 1:2000;3:1000.",
)
MSG_TIERS_REQUIRED = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: a per-page tiered fee needs page tiers, e.g. 1:2000;3:1000.",
)
MSG_BAD_DOCUMENT = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: document “{value}” is not valid; write"
    " name|form|quantity|mandatory, e.g. Tờ khai|original|1|1.",
)
MSG_BAD_FORM = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: document form “{value}” is not valid; use original,"
    " certified_copy or photocopy.",
)
MSG_BAD_BOOL = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: “{value}” is not a yes/no value; use 1 or 0 (có/không).",
)
MSG_BAD_ONLINE = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: online level “{value}” is not valid; use none, partial or full.",
)
MSG_BAD_DELIVERY = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: result delivery “{value}” is not valid; use counter, post"
    " or online, separated by semicolons.",
)
MSG_BAD_EXTRA = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: “{value}” is not valid; write key=value pairs separated by"
    " semicolons.",
)
MSG_NOT_OBJECT = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: expected a JSON object with named fields.",
)
MSG_UNKNOWN_SUFFIX = QT_TRANSLATE_NOOP(
    "Catalogue", "Cannot read “{name}”: choose a .json, .csv or .xlsx catalogue file."
)
MSG_NOT_UTF8 = QT_TRANSLATE_NOOP(
    "Catalogue",
    "“{name}” is not UTF-8 text; in Excel save it as “CSV UTF-8 (Comma delimited)”.",
)
MSG_BAD_JSON = QT_TRANSLATE_NOOP(
    "Catalogue",
    "The catalogue is not valid JSON (line {line}, column {col}): {detail}.",
)
MSG_BAD_FORMAT = QT_TRANSLATE_NOOP(
    "Catalogue",
    "This file is not a counter_app catalogue: its “format” is “{value}”, expected"
    " counter_app.catalogue.",
)
MSG_BAD_VERSION = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Catalogue version “{value}” is not supported; this program reads version 1.",
)
MSG_NO_PROCEDURES = QT_TRANSLATE_NOOP("Catalogue", "The catalogue file has no “procedures” list.")
MSG_EMPTY_TABLE = QT_TRANSLATE_NOOP(
    "Catalogue", "The file is empty; its first row must be the column header."
)
MSG_MISSING_COLUMNS = QT_TRANSLATE_NOOP(
    "Catalogue",
    "The header row lacks the column(s) {columns}; the first row must name the columns,"
    " e.g. code, name, field, level, processing_unit.",
)
MSG_UNREADABLE_XLSX = QT_TRANSLATE_NOOP(
    "Catalogue", "Cannot open “{name}” as an Excel workbook: {detail}."
)

ALL_MESSAGES: tuple[str, ...] = tuple(
    value for key, value in dict(globals()).items() if key.startswith("MSG_")
)


@dataclass(frozen=True)
class RowError:
    """One problem in one row. ``row`` is the number the official sees in the file:
    the spreadsheet row (header = row 1) for CSV/XLSX, index + 1 in "procedures" for JSON."""

    row: int
    field: str
    message: Message


@dataclass
class ImportResult:
    procedures: list[ProcedureSpec]
    errors: list[RowError]
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


def _message(source: str, **params: Any) -> Message:
    return Message(CONTEXT, source, params)


def _key(text: str) -> str:
    """Accent- and case-free form used to match enumeration values typed by hand."""
    return fold(text).replace("-", "_")


_E = TypeVar("_E")


def _aliases(table: Mapping[str, _E]) -> dict[str, _E]:
    return {_key(key): value for key, value in table.items()}


LEVEL_ALIASES: dict[str, Level] = _aliases(
    {
        "commune": Level.COMMUNE,
        "xã": Level.COMMUNE,
        "cấp xã": Level.COMMUNE,
        "phường": Level.COMMUNE,
        "province": Level.PROVINCE,
        "tỉnh": Level.PROVINCE,
        "cấp tỉnh": Level.PROVINCE,
        "district": Level.DISTRICT,
        "huyện": Level.DISTRICT,
        "cấp huyện": Level.DISTRICT,
    }
)
UNIT_ALIASES: dict[str, TimeUnit] = _aliases(
    {
        "working_days": TimeUnit.WORKING_DAYS,
        "ngày làm việc": TimeUnit.WORKING_DAYS,
        "working_hours": TimeUnit.WORKING_HOURS,
        "giờ làm việc": TimeUnit.WORKING_HOURS,
        "same_day": TimeUnit.SAME_DAY,
        "trong ngày": TimeUnit.SAME_DAY,
    }
)
FEE_KIND_ALIASES: dict[str, FeeKind] = _aliases(
    {
        "free": FeeKind.FREE,
        "miễn phí": FeeKind.FREE,
        "flat": FeeKind.FLAT,
        "per_copy": FeeKind.PER_COPY,
        "per_page_tiered": FeeKind.PER_PAGE_TIERED,
    }
)
FORM_ALIASES: dict[str, DocumentForm] = _aliases(
    {
        "original": DocumentForm.ORIGINAL,
        "bản chính": DocumentForm.ORIGINAL,
        "certified_copy": DocumentForm.CERTIFIED_COPY,
        "bản sao": DocumentForm.CERTIFIED_COPY,
        "photocopy": DocumentForm.PHOTOCOPY,
        "bản chụp": DocumentForm.PHOTOCOPY,
    }
)
ONLINE_ALIASES: dict[str, OnlineLevel] = _aliases(
    {
        "none": OnlineLevel.NONE,
        "không": OnlineLevel.NONE,
        "partial": OnlineLevel.PARTIAL,
        "một phần": OnlineLevel.PARTIAL,
        "full": OnlineLevel.FULL,
        "toàn trình": OnlineLevel.FULL,
    }
)
DELIVERY_ALIASES: dict[str, Delivery] = _aliases(
    {
        "counter": Delivery.COUNTER,
        "tại quầy": Delivery.COUNTER,
        "post": Delivery.POST,
        "bưu chính": Delivery.POST,
        "online": Delivery.ONLINE,
        "trực tuyến": Delivery.ONLINE,
    }
)
_TRUE = {_key(v) for v in ("1", "x", "có", "yes", "true")}
_FALSE = {_key(v) for v in ("", "0", "không", "no", "false")}


def _display(value: object) -> str:
    """Text of a raw cell/JSON value as it should appear inside a message."""
    if isinstance(value, str):
        return nfc(value)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _RowReader:
    """Reads the values of one row, collecting every error instead of stopping."""

    def __init__(self, row: int, values: Mapping[str, object], names: Mapping[str, str]) -> None:
        self.row = row
        self.values = values
        self.names = names
        self.errors: list[RowError] = []

    def column_name(self, column: str) -> str:
        return self.names.get(column, column)

    def error(self, column: str, source: str, **params: Any) -> None:
        name = self.column_name(column)
        self.errors.append(
            RowError(self.row, name, _message(source, row=self.row, column=name, **params))
        )

    def raw(self, column: str) -> object:
        return self.values.get(column)

    def text(self, column: str, *, required: bool = False) -> str:
        value = self.raw(column)
        if _is_blank(value):
            if required:
                self.error(column, MSG_REQUIRED)
            return ""
        return _display(value)

    def choice(
        self, column: str, table: Mapping[str, _E], source: str, default: _E | None
    ) -> _E | None:
        value = self.raw(column)
        if _is_blank(value):
            if default is None:
                self.error(column, MSG_REQUIRED)
            return default
        found = table.get(_key(_display(value)))
        if found is None:
            self.error(column, source, value=_display(value))
        return found

    def integer(self, column: str, *, default: int | None) -> int | None:
        value = self.raw(column)
        if _is_blank(value):
            if default is None:
                self.error(column, MSG_REQUIRED)
            return default
        parsed = parse_whole_number(value)
        if parsed is None:
            self.error(column, MSG_BAD_INTEGER, value=_display(value))
        return parsed

    def boolean(self, column: str) -> bool:
        value = self.raw(column)
        if isinstance(value, bool):
            return value
        key = _key(_display(value))
        if key in _TRUE:
            return True
        if key not in _FALSE:
            self.error(column, MSG_BAD_BOOL, value=_display(value))
        return False


def parse_whole_number(value: object) -> int | None:
    """A non-negative whole number from a cell: 200000, "200.000", "200,000 đ", 3.0."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if not isinstance(value, str):
        return None
    text = _CURRENCY_SUFFIX_RE.sub("", nfc(value))
    if text.isdigit():
        return int(text)
    if _THOUSANDS_RE.match(text):
        return int(re.sub(r"[., ]", "", text))
    return None


def _code_text(value: object) -> str:
    # Excel turns 2.000630 into the number 2.00063; national codes always have
    # six decimals, so the float can be written back exactly.
    if isinstance(value, float) and 0 <= value < 10:
        return f"{value:.6f}"
    return _display(value)


def _read_code(reader: _RowReader) -> str:
    value = reader.raw("code")
    if _is_blank(value):
        reader.error("code", MSG_REQUIRED)
        return ""
    code = _code_text(value)
    if CODE_RE.match(code):
        return code
    suffixed = _PROVINCE_SUFFIX_RE.match(code)
    if suffixed:
        reader.error("code", MSG_PROVINCE_SUFFIX, value=code, code=suffixed.group(1))
    else:
        reader.error("code", MSG_BAD_CODE, value=code)
    return ""


def _split_items(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


def _read_tiers(reader: _RowReader) -> tuple[FeeTier, ...] | None:
    """Tiers, () when blank, None after reporting an error."""
    value = reader.raw("fee_tiers")
    if _is_blank(value) or value == []:
        return ()
    pairs: list[tuple[object, object]] = []
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, dict):
                reader.error("fee_tiers", MSG_BAD_TIERS, value=_display(value))
                return None
            pairs.append((item.get("from_page"), item.get("price")))
    elif isinstance(value, str):
        for item in _split_items(value):
            left, sep, right = item.partition(":")
            if not sep:
                reader.error("fee_tiers", MSG_BAD_TIERS, value=_display(value))
                return None
            pairs.append((left.strip(), right.strip()))
    else:
        reader.error("fee_tiers", MSG_BAD_TIERS, value=_display(value))
        return None
    tiers: list[FeeTier] = []
    for raw_page, raw_price in pairs:
        page, price = parse_whole_number(raw_page), parse_whole_number(raw_price)
        previous = tiers[-1].from_page if tiers else 0
        if page is None or price is None or page <= previous or (not tiers and page != 1):
            reader.error("fee_tiers", MSG_BAD_TIERS, value=_display(value))
            return None
        tiers.append(FeeTier(page, price))
    return tuple(tiers)


def _read_fee(reader: _RowReader) -> FeeRule | None:
    kind = reader.choice("fee_kind", FEE_KIND_ALIASES, MSG_BAD_FEE_KIND, FeeKind.FREE)
    needs_amount = kind in (FeeKind.FLAT, FeeKind.PER_COPY)
    amount = reader.integer("fee_amount", default=None if needs_amount else 0)
    tiers = _read_tiers(reader)
    cap = reader.integer("fee_cap_per_copy", default=-1)
    note = reader.text("fee_note")
    if kind is FeeKind.PER_PAGE_TIERED and tiers == ():
        reader.error("fee_tiers", MSG_TIERS_REQUIRED)
        return None
    if kind is None or amount is None or tiers is None or cap is None:
        return None
    if kind is FeeKind.FREE:
        return FeeRule(FeeKind.FREE, 0, (), None, note)
    return FeeRule(kind, amount, tiers, None if cap < 0 else cap, note)


def _read_document(reader: _RowReader, item: object) -> RequiredDocument | None:
    if isinstance(item, dict):
        parts: list[object] = [
            item.get("name"),
            item.get("form", "original"),
            item.get("quantity", 1),
            item.get("mandatory", True),
        ]
    elif isinstance(item, str):
        parts = [part.strip() for part in item.split("|")]
        parts += [""] * (4 - len(parts))
    else:
        parts = []
    if len(parts) != 4 or _is_blank(parts[0]) or not isinstance(parts[0], str):
        reader.error("documents", MSG_BAD_DOCUMENT, value=_display(item))
        return None
    name, raw_form, raw_quantity, raw_mandatory = parts
    form = (
        DocumentForm.ORIGINAL if _is_blank(raw_form) else FORM_ALIASES.get(_key(_display(raw_form)))
    )
    if form is None:
        reader.error("documents", MSG_BAD_FORM, value=_display(raw_form))
    quantity = 1 if _is_blank(raw_quantity) else parse_whole_number(raw_quantity)
    if quantity is None or quantity < 1:
        reader.error("documents", MSG_BAD_DOCUMENT, value=_display(item))
    mandatory: bool | None = True
    if isinstance(raw_mandatory, bool):
        mandatory = raw_mandatory
    elif not _is_blank(raw_mandatory):
        key = _key(_display(raw_mandatory))
        mandatory = True if key in _TRUE else False if key in _FALSE else None
        if mandatory is None:
            reader.error("documents", MSG_BAD_BOOL, value=_display(raw_mandatory))
    if form is None or quantity is None or quantity < 1 or mandatory is None:
        return None
    return RequiredDocument(nfc(str(name)), form, quantity, mandatory)


def _read_documents(reader: _RowReader) -> tuple[RequiredDocument, ...] | None:
    value = reader.raw("documents")
    if _is_blank(value):
        return ()
    items: Sequence[object]
    if isinstance(value, list):
        items = value
    elif isinstance(value, str):
        # Line breaks win over semicolons so a document name may contain ";".
        separator = "\n" if "\n" in value else ";"
        items = [part.strip() for part in value.split(separator) if part.strip()]
    else:
        reader.error("documents", MSG_BAD_DOCUMENT, value=_display(value))
        return None
    documents = [_read_document(reader, item) for item in items]
    if any(document is None for document in documents):
        return None
    return tuple(document for document in documents if document is not None)


def _read_deliveries(reader: _RowReader) -> tuple[Delivery, ...] | None:
    value = reader.raw("deliveries")
    if _is_blank(value) or value == []:
        return (Delivery.COUNTER,)
    if isinstance(value, list):
        items = [_display(item) for item in value]
    else:
        items = [nfc(part) for part in re.split(r"[;,\n]", str(value)) if part.strip()]
    found: list[Delivery] = []
    for item in items:
        delivery = DELIVERY_ALIASES.get(_key(item))
        if delivery is None:
            reader.error("deliveries", MSG_BAD_DELIVERY, value=item)
            return None
        if delivery not in found:
            found.append(delivery)
    return tuple(found)


def _read_extra(reader: _RowReader) -> dict[str, str] | None:
    value = reader.raw("extra")
    if _is_blank(value):
        return {}
    if isinstance(value, dict):
        return {nfc(str(key)): _display(item) for key, item in value.items()}
    extra: dict[str, str] = {}
    for item in _split_items(str(value)):
        key, sep, item_value = item.partition("=")
        if not sep or not key.strip():
            reader.error("extra", MSG_BAD_EXTRA, value=_display(value))
            return None
        extra[nfc(key)] = nfc(item_value)
    return extra


def _read_processing_time(reader: _RowReader) -> ProcessingTime | None:
    unit = reader.choice("processing_unit", UNIT_ALIASES, MSG_BAD_UNIT, None)
    if unit is TimeUnit.SAME_DAY:
        # The amount means nothing for same-day procedures; still flag garbage.
        if not _is_blank(reader.raw("processing_amount")):
            reader.integer("processing_amount", default=0)
        return ProcessingTime.same_day()
    amount = reader.integer("processing_amount", default=None if unit else 0)
    if unit is None or amount is None:
        return None
    if amount < 1:
        reader.error("processing_amount", MSG_AMOUNT_TOO_SMALL)
        return None
    return ProcessingTime(amount, unit)


def _read_spec(reader: _RowReader) -> ProcedureSpec | None:
    code = _read_code(reader)
    name = reader.text("name", required=True)
    field_name = reader.text("field", required=True)
    level = reader.choice("level", LEVEL_ALIASES, MSG_BAD_LEVEL, None)
    processing_time = _read_processing_time(reader)
    fee = _read_fee(reader)
    documents = _read_documents(reader)
    on_the_spot = reader.boolean("on_the_spot")
    online = reader.choice("online_level", ONLINE_ALIASES, MSG_BAD_ONLINE, OnlineLevel.NONE)
    deliveries = _read_deliveries(reader)
    legal_basis = reader.text("legal_basis")
    source_note = reader.text("source_note")
    extra = _read_extra(reader)
    if (
        reader.errors
        or level is None
        or processing_time is None
        or fee is None
        or documents is None
        or online is None
        or deliveries is None
        or extra is None
    ):
        return None
    return ProcedureSpec(
        code=code,
        name=name,
        field=field_name,
        level=level,
        processing_time=processing_time,
        fee=fee,
        documents=documents,
        on_the_spot=on_the_spot,
        online_level=online,
        deliveries=deliveries,
        legal_basis=legal_basis,
        source_note=source_note,
        extra=extra,
    )


def _collect(
    rows: Iterable[tuple[int, Mapping[str, object]]], names: Mapping[str, str], source: str = ""
) -> ImportResult:
    procedures: list[ProcedureSpec] = []
    errors: list[RowError] = []
    first_row_of_code: dict[str, int] = {}
    for row, values in rows:
        reader = _RowReader(row, values, names)
        spec = _read_spec(reader)
        if spec is not None and spec.code in first_row_of_code:
            reader.error(
                "code",
                MSG_DUPLICATE_CODE,
                value=spec.code,
                first_row=first_row_of_code[spec.code],
            )
            spec = None
        errors.extend(reader.errors)
        if spec is not None:
            first_row_of_code[spec.code] = row
            procedures.append(spec)
    logger.info("Catalogue read: %d procedures, %d errors", len(procedures), len(errors))
    return ImportResult(procedures, errors, source)


# --- JSON -------------------------------------------------------------------


def _flatten_json_entry(entry: Mapping[str, Any]) -> dict[str, object]:
    flat: dict[str, object] = {key: entry.get(key) for key in COLUMNS if key in entry}
    processing = entry.get("processing_time")
    if isinstance(processing, dict):
        flat["processing_amount"] = processing.get("amount")
        flat["processing_unit"] = processing.get("unit")
    elif processing is not None:
        flat["processing_unit"] = processing
    fee = entry.get("fee")
    if isinstance(fee, dict):
        flat["fee_kind"] = fee.get("kind")
        flat["fee_amount"] = fee.get("amount")
        flat["fee_tiers"] = fee.get("tiers")
        flat["fee_cap_per_copy"] = fee.get("cap_per_copy")
        flat["fee_note"] = fee.get("note")
    elif fee is not None:
        flat["fee_kind"] = fee
    return flat


def parse_json(text: str) -> ImportResult:
    """Parse the catalogue JSON shape (see ``dump_json``)."""
    try:
        document = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise UserError(
            _message(MSG_BAD_JSON, line=exc.lineno, col=exc.colno, detail=exc.msg)
        ) from exc
    return parse_document(document)


def parse_document(document: object) -> ImportResult:
    """Parse an already decoded catalogue document (a file, or the sync feed)."""
    if not isinstance(document, dict):
        raise UserError(_message(MSG_NO_PROCEDURES))
    if document.get("format") != FORMAT_NAME:
        raise UserError(_message(MSG_BAD_FORMAT, value=_display(document.get("format"))))
    if document.get("version") != FORMAT_VERSION:
        raise UserError(_message(MSG_BAD_VERSION, value=_display(document.get("version"))))
    entries = document.get("procedures")
    if not isinstance(entries, list):
        raise UserError(_message(MSG_NO_PROCEDURES))

    not_objects: list[RowError] = []

    def rows() -> Iterable[tuple[int, Mapping[str, object]]]:
        for index, entry in enumerate(entries):
            if isinstance(entry, dict):
                yield index + 1, _flatten_json_entry(entry)
            else:
                message = _message(MSG_NOT_OBJECT, row=index + 1, column="procedures")
                not_objects.append(RowError(index + 1, "procedures", message))

    result = _collect(rows(), JSON_FIELD_NAMES, nfc(_display(document.get("source"))))
    result.errors = sorted(result.errors + not_objects, key=lambda error: error.row)
    return result


def spec_to_dict(spec: ProcedureSpec) -> dict[str, Any]:
    """The JSON shape of one procedure; ``parse_json`` reads it back unchanged."""
    data: dict[str, Any] = {
        "code": spec.code,
        "name": spec.name,
        "field": spec.field,
        "level": spec.level.value,
        "processing_time": {
            "amount": spec.processing_time.amount,
            "unit": spec.processing_time.unit.value,
        },
        "fee": {
            "kind": spec.fee.kind.value,
            "amount": spec.fee.amount,
            "tiers": [{"from_page": t.from_page, "price": t.price} for t in spec.fee.tiers],
            "cap_per_copy": spec.fee.cap_per_copy,
            "note": spec.fee.note,
        },
        "documents": [
            {
                "name": d.name,
                "form": d.form.value,
                "quantity": d.quantity,
                "mandatory": d.mandatory,
            }
            for d in spec.documents
        ],
        "on_the_spot": spec.on_the_spot,
        "online_level": spec.online_level.value,
        "deliveries": [d.value for d in spec.deliveries],
        "legal_basis": spec.legal_basis,
        "source_note": spec.source_note,
    }
    if spec.extra:
        data["extra"] = dict(spec.extra)
    return data


def dump_json(specs: Iterable[ProcedureSpec], source: str = "") -> str:
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "source": source,
        "procedures": [spec_to_dict(spec) for spec in specs],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --- CSV / XLSX --------------------------------------------------------------


def _header_key(cell: object) -> str:
    # "code (Mã TTHC)" or "code\nMã TTHC" both mean "code".
    text = _display(cell).lower()
    return re.split(r"[\s(]", text, maxsplit=1)[0] if text else ""


def _table_rows(
    table: Iterable[Sequence[object]],
) -> Iterable[tuple[int, Mapping[str, object]]]:
    iterator = iter(table)
    header: Sequence[object] | None = None
    for header_candidate in iterator:
        header = header_candidate
        break
    if header is None or all(_is_blank(cell) for cell in header):
        raise UserError(_message(MSG_EMPTY_TABLE))
    keys = [_header_key(cell) for cell in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in keys]
    if missing:
        raise UserError(_message(MSG_MISSING_COLUMNS, columns=", ".join(missing)))
    positions = {key: index for index, key in reversed(list(enumerate(keys))) if key in COLUMNS}

    def rows() -> Iterable[tuple[int, Mapping[str, object]]]:
        for row_number, cells in enumerate(iterator, start=2):
            if all(_is_blank(cell) for cell in cells):
                continue
            yield (
                row_number,
                {
                    key: cells[index] if index < len(cells) else None
                    for key, index in positions.items()
                },
            )

    return rows()


def _sniff_delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def parse_csv(text: str) -> ImportResult:
    """Parse a CSV catalogue (UTF-8 with or without BOM; ``;``, ``,`` or tab)."""
    text = text.lstrip("\ufeff")
    delimiter = _sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return _collect(_table_rows(reader), {})


def parse_xlsx(path: Path) -> ImportResult:
    """Parse the first worksheet of an Excel workbook (read-only)."""
    from openpyxl import load_workbook  # deferred: only XLSX imports pay for it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise UserError(_message(MSG_UNREADABLE_XLSX, name=path.name, detail=str(exc))) from exc
    try:
        sheet = workbook.worksheets[0]
        table = (tuple(row) for row in sheet.iter_rows(values_only=True))
        return _collect(list(_table_rows(table)), {})
    finally:
        workbook.close()


def load_catalogue(path: Path) -> ImportResult:
    """Read a catalogue file, choosing the parser by suffix."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return parse_xlsx(path)
    if suffix not in (".json", ".csv"):
        raise UserError(_message(MSG_UNKNOWN_SUFFIX, name=path.name))
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(_message(MSG_NOT_UTF8, name=path.name)) from exc
    return parse_json(text) if suffix == ".json" else parse_csv(text)


def _format_tiers(tiers: Sequence[FeeTier]) -> str:
    return ";".join(f"{tier.from_page}:{tier.price}" for tier in tiers)


def _format_documents(documents: Sequence[RequiredDocument]) -> str:
    return "\n".join(f"{d.name}|{d.form.value}|{d.quantity}|{int(d.mandatory)}" for d in documents)


_CSV_CELLS: Mapping[str, Callable[[ProcedureSpec], str]] = {
    "code": lambda s: s.code,
    "name": lambda s: s.name,
    "field": lambda s: s.field,
    "level": lambda s: s.level.value,
    "processing_amount": lambda s: str(s.processing_time.amount),
    "processing_unit": lambda s: s.processing_time.unit.value,
    "fee_kind": lambda s: s.fee.kind.value,
    "fee_amount": lambda s: str(s.fee.amount),
    "fee_tiers": lambda s: _format_tiers(s.fee.tiers),
    "fee_cap_per_copy": lambda s: "" if s.fee.cap_per_copy is None else str(s.fee.cap_per_copy),
    "fee_note": lambda s: s.fee.note,
    "documents": lambda s: _format_documents(s.documents),
    "on_the_spot": lambda s: str(int(s.on_the_spot)),
    "online_level": lambda s: s.online_level.value,
    "deliveries": lambda s: ";".join(d.value for d in s.deliveries),
    "legal_basis": lambda s: s.legal_basis,
    "source_note": lambda s: s.source_note,
    "extra": lambda s: ";".join(f"{k}={v}" for k, v in s.extra.items()),
}


def dump_csv(specs: Iterable[ProcedureSpec], delimiter: str = ",") -> str:
    """CSV text with the ``COLUMNS`` header; write it with encoding "utf-8-sig" for Excel."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for spec in specs:
        writer.writerow([_CSV_CELLS[column](spec) for column in COLUMNS])
    return out.getvalue()
