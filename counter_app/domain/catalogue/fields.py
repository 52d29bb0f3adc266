"""The fields of one procedure read from a row, with their mini syntaxes.

A row is a mapping of the flat column names in ``rows.COLUMNS`` to raw values
(spreadsheet cells, or the JSON shape flattened). Text cells use:

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
- ``cutoff``: 1/0 like ``on_the_spot``; empty follows the time unit (the
  15:00 rule for same-day procedures only, see ``procedure.default_cutoff``).
- ``fee_online_amount``: the rate for a dossier submitted online, empty when
  the same as ``fee_amount``.
- ``extra``: ``key=value;key=value``.
- ``deciding_authority`` and the ``special_*`` columns: see ``law_fields``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from counter_app.domain.bounds import MAX_FEE, MAX_PAGES, MAX_WORKING_DAYS, MAX_WORKING_HOURS
from counter_app.domain.catalogue.cells import (
    DELIVERY_ALIASES,
    FALSE_WORDS,
    FEE_KIND_ALIASES,
    FORM_ALIASES,
    LEVEL_ALIASES,
    ONLINE_ALIASES,
    TRUE_WORDS,
    UNIT_ALIASES,
    display,
    is_blank,
    match_key,
    parse_whole_number,
    split_items,
)
from counter_app.domain.catalogue.law_fields import read_deciding_authority, read_special_rules
from counter_app.domain.catalogue.limits import (
    MAX_DOCUMENT_NAME,
    MAX_DOCUMENTS,
    MAX_QUANTITY,
    screen_row,
)
from counter_app.domain.catalogue.messages import (
    MSG_AMOUNT_TOO_SMALL,
    MSG_BAD_BOOL,
    MSG_BAD_CODE,
    MSG_BAD_DELIVERY,
    MSG_BAD_DOCUMENT,
    MSG_BAD_EXTRA,
    MSG_BAD_FEE_KIND,
    MSG_BAD_FORM,
    MSG_BAD_LEVEL,
    MSG_BAD_ONLINE,
    MSG_BAD_TIERS,
    MSG_BAD_UNIT,
    MSG_PROVINCE_SUFFIX,
    MSG_REQUIRED,
    MSG_TIERS_REQUIRED,
    MSG_TOO_LONG,
)
from counter_app.domain.catalogue.row_reader import RowReader
from counter_app.domain.procedure import (
    AMOUNT_KINDS,
    Delivery,
    DocumentForm,
    FeeKind,
    FeeRule,
    FeeTier,
    OnlineLevel,
    ProcedureSpec,
    ProcessingTime,
    RequiredDocument,
    TimeUnit,
)
from counter_app.domain.text import nfc

# National procedure code: one digit, a dot, six digits (e.g. 1.001193).
CODE_RE = re.compile(r"^\d\.\d{6}$")
# A provincial "ký hiệu thủ tục" appends the agency suffix to the national code.
_PROVINCE_SUFFIX_RE = re.compile(r"^(\d\.\d{6})\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")


def _code_text(value: object) -> str:
    # Excel turns 2.000630 into the number 2.00063; national codes always have
    # six decimals, so the float can be written back exactly.
    if isinstance(value, float) and 0 <= value < 10:
        return f"{value:.6f}"
    return display(value)


def _read_code(reader: RowReader) -> str:
    value = reader.raw("code")
    if is_blank(value):
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


def _read_tiers(reader: RowReader) -> tuple[FeeTier, ...] | None:
    """Tiers, () when blank, None after reporting an error."""
    value = reader.raw("fee_tiers")
    if is_blank(value) or value == []:
        return ()
    pairs: list[tuple[object, object]] = []
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, dict):
                reader.error("fee_tiers", MSG_BAD_TIERS, value=display(value))
                return None
            pairs.append((item.get("from_page"), item.get("price")))
    elif isinstance(value, str):
        for item in split_items(value):
            left, sep, right = item.partition(":")
            if not sep:
                reader.error("fee_tiers", MSG_BAD_TIERS, value=display(value))
                return None
            pairs.append((left.strip(), right.strip()))
    else:
        reader.error("fee_tiers", MSG_BAD_TIERS, value=display(value))
        return None
    tiers: list[FeeTier] = []
    for raw_page, raw_price in pairs:
        page, price = parse_whole_number(raw_page), parse_whole_number(raw_price)
        previous = tiers[-1].from_page if tiers else 0
        if page is None or price is None or page <= previous or (not tiers and page != 1):
            reader.error("fee_tiers", MSG_BAD_TIERS, value=display(value))
            return None
        if (
            reader.at_most("fee_tiers", page, MAX_PAGES) is None
            or reader.at_most("fee_tiers", price, MAX_FEE) is None
        ):
            return None
        tiers.append(FeeTier(page, price))
    return tuple(tiers)


def _read_fee(reader: RowReader) -> FeeRule | None:
    kind = reader.choice("fee_kind", FEE_KIND_ALIASES, MSG_BAD_FEE_KIND, FeeKind.FREE)
    needs_amount = kind in AMOUNT_KINDS
    amount = reader.integer("fee_amount", default=None if needs_amount else 0, high=MAX_FEE)
    tiers = _read_tiers(reader)
    cap = reader.integer("fee_cap_per_copy", default=-1, high=MAX_FEE)
    online = reader.integer("fee_online_amount", default=-1, high=MAX_FEE)
    note = reader.text("fee_note")
    if kind is FeeKind.PER_PAGE_TIERED and tiers == ():
        reader.error("fee_tiers", MSG_TIERS_REQUIRED)
        return None
    if kind is None or amount is None or tiers is None or cap is None or online is None:
        return None
    if kind is FeeKind.FREE:
        return FeeRule(FeeKind.FREE, 0, (), None, note)
    return FeeRule(
        kind, amount, tiers, None if cap < 0 else cap, note, None if online < 0 else online
    )


def _read_document(reader: RowReader, item: object) -> RequiredDocument | None:
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
    if len(parts) != 4 or is_blank(parts[0]) or not isinstance(parts[0], str):
        reader.error("documents", MSG_BAD_DOCUMENT, value=display(item))
        return None
    name, raw_form, raw_quantity, raw_mandatory = parts
    if len(str(name)) > MAX_DOCUMENT_NAME:
        reader.error("documents", MSG_TOO_LONG, count=len(str(name)), max=MAX_DOCUMENT_NAME)
        return None
    form = (
        DocumentForm.ORIGINAL
        if is_blank(raw_form)
        else FORM_ALIASES.get(match_key(display(raw_form)))
    )
    if form is None:
        reader.error("documents", MSG_BAD_FORM, value=display(raw_form))
    quantity = 1 if is_blank(raw_quantity) else parse_whole_number(raw_quantity)
    if quantity is None or quantity < 1:
        reader.error("documents", MSG_BAD_DOCUMENT, value=display(item))
    else:
        quantity = reader.at_most("documents", quantity, MAX_QUANTITY)
    mandatory: bool | None = True
    if isinstance(raw_mandatory, bool):
        mandatory = raw_mandatory
    elif not is_blank(raw_mandatory):
        key = match_key(display(raw_mandatory))
        mandatory = True if key in TRUE_WORDS else False if key in FALSE_WORDS else None
        if mandatory is None:
            reader.error("documents", MSG_BAD_BOOL, value=display(raw_mandatory))
    if form is None or quantity is None or quantity < 1 or mandatory is None:
        return None
    return RequiredDocument(nfc(str(name)), form, quantity, mandatory)


def _read_documents(reader: RowReader) -> tuple[RequiredDocument, ...] | None:
    value = reader.raw("documents")
    if is_blank(value):
        return ()
    items: Sequence[object]
    if isinstance(value, list):
        items = value
    elif isinstance(value, str):
        # Line breaks win over semicolons so a document name may contain ";".
        separator = "\n" if "\n" in value else ";"
        items = [part.strip() for part in value.split(separator) if part.strip()]
    else:
        reader.error("documents", MSG_BAD_DOCUMENT, value=display(value))
        return None
    if reader.at_most("documents", len(items), MAX_DOCUMENTS) is None:
        return None
    documents = [_read_document(reader, item) for item in items]
    if any(document is None for document in documents):
        return None
    return tuple(document for document in documents if document is not None)


def _read_deliveries(reader: RowReader) -> tuple[Delivery, ...] | None:
    value = reader.raw("deliveries")
    if is_blank(value) or value == []:
        return (Delivery.COUNTER,)
    if isinstance(value, list):
        items = [display(item) for item in value]
    else:
        items = [nfc(part) for part in re.split(r"[;,\n]", str(value)) if part.strip()]
    found: list[Delivery] = []
    for item in items:
        delivery = DELIVERY_ALIASES.get(match_key(item))
        if delivery is None:
            reader.error("deliveries", MSG_BAD_DELIVERY, value=item)
            return None
        if delivery not in found:
            found.append(delivery)
    return tuple(found)


def _read_extra(reader: RowReader) -> dict[str, str] | None:
    value = reader.raw("extra")
    if is_blank(value):
        return {}
    if isinstance(value, dict):
        return {nfc(str(key)): display(item) for key, item in value.items()}
    extra: dict[str, str] = {}
    for item in split_items(str(value)):
        key, sep, item_value = item.partition("=")
        if not sep or not key.strip():
            reader.error("extra", MSG_BAD_EXTRA, value=display(value))
            return None
        extra[nfc(key)] = nfc(item_value)
    return extra


def _read_processing_time(reader: RowReader) -> ProcessingTime | None:
    unit = reader.choice("processing_unit", UNIT_ALIASES, MSG_BAD_UNIT, None)
    if unit is TimeUnit.SAME_DAY:
        # The amount means nothing for same-day procedures; still flag garbage.
        if not is_blank(reader.raw("processing_amount")):
            reader.integer("processing_amount", default=0, high=MAX_WORKING_HOURS)
        return ProcessingTime.same_day()
    high = MAX_WORKING_HOURS if unit is TimeUnit.WORKING_HOURS else MAX_WORKING_DAYS
    amount = reader.integer("processing_amount", default=None if unit else 0, high=high)
    if unit is None or amount is None:
        return None
    if amount < 1:
        reader.error("processing_amount", MSG_AMOUNT_TOO_SMALL)
        return None
    return ProcessingTime(amount, unit)


def read_spec(reader: RowReader) -> ProcedureSpec | None:
    if not screen_row(reader):
        # Hidden characters or a runaway cell: say so, and read nothing more
        # of the row (its other messages would echo that text back).
        return None
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
    cutoff = reader.optional_boolean("cutoff")
    deciding_authority = read_deciding_authority(reader)
    special_rules = read_special_rules(reader)
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
        cutoff=cutoff,
        deciding_authority=deciding_authority,
        special_rules=special_rules,
        extra=extra,
    )
