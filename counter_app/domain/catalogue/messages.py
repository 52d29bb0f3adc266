"""The messages of a catalogue import: one per kind of problem in a row or document.

Each names the row the official sees in the file and the column (or JSON key)
to fix; all share the translation context "Catalogue".
"""

from __future__ import annotations

from typing import Any

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message

CONTEXT = "Catalogue"

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
MSG_BAD_AUTHORITY = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: “{value}” is not an authority identifier; use the"
    " national list's form, such as 000.00.37.H37, or leave it empty when the receiving"
    " unit decides.",
)
MSG_BAD_SUPPLEMENT_CLOCK = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: “{value}” is not valid; use restart or pause"
    " (tính lại, tạm dừng).",
)
MSG_SPECIAL_BASIS = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: name the article of the specialised law that sets {columns}.",
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
MSG_CONTROL_CHAR = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: the cell has a control character at position {position};"
    " delete it.",
)
MSG_TOO_LONG = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: the cell has {count} characters; at most {max} are allowed.",
)
MSG_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Catalogue",
    "Row {row}, column {column}: {value} is more than {max}, the most this column allows.",
)
MSG_NO_PROCEDURES = QT_TRANSLATE_NOOP("Catalogue", "The catalogue file has no “procedures” list.")

ALL_MESSAGES: tuple[str, ...] = tuple(
    value for key, value in dict(globals()).items() if key.startswith("MSG_")
)


def catalogue_message(source: str, **params: Any) -> Message:
    return Message(CONTEXT, source, params)
