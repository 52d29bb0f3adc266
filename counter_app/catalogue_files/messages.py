"""The messages of a catalogue file that cannot be read as a whole.

Same translation context ("Catalogue") as the row messages in
counter_app.domain.catalogue.messages.
"""

from __future__ import annotations

from counter_app.domain.messages import QT_TRANSLATE_NOOP

MSG_UNKNOWN_SUFFIX = QT_TRANSLATE_NOOP(
    "Catalogue", "Cannot read “{name}”: choose a .json, .csv or .xlsx catalogue file."
)
MSG_UNKNOWN_TEMPLATE_SUFFIX = QT_TRANSLATE_NOOP(
    "Catalogue", "Cannot save “{name}”: name the template file .csv or .xlsx."
)
MSG_NOT_UTF8 = QT_TRANSLATE_NOOP(
    "Catalogue",
    "“{name}” is not UTF-8 text; in Excel save it as “CSV UTF-8 (Comma delimited)”.",
)
MSG_EMPTY_TABLE = QT_TRANSLATE_NOOP(
    "Catalogue", "The file is empty; its first row must be the column header."
)
MSG_MISSING_COLUMNS = QT_TRANSLATE_NOOP(
    "Catalogue",
    "The header row lacks the column(s) {columns}; the first row must name the columns"
    " as the template saved from the catalogue window does.",
)
MSG_UNREADABLE_XLSX = QT_TRANSLATE_NOOP(
    "Catalogue", "Cannot open “{name}” as an Excel workbook: {detail}."
)

ALL_MESSAGES: tuple[str, ...] = tuple(
    value for key, value in dict(globals()).items() if key.startswith("MSG_")
)
