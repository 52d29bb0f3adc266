"""How the UI writes dates, amounts and catalogue values: dd/MM/yyyy, "7.000 đ"."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from counter_app.domain.cccd import Sex
from counter_app.domain.fees import format_vnd
from counter_app.domain.identity_documents import IdKind
from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.domain.procedure import Delivery, DocumentForm, ProcessingTime, TimeUnit

_CTX = "Labels"

DOCUMENT_FORMS: dict[str, str] = {
    DocumentForm.ORIGINAL.value: QT_TRANSLATE_NOOP("Labels", "original"),
    DocumentForm.CERTIFIED_COPY.value: QT_TRANSLATE_NOOP("Labels", "certified copy"),
    DocumentForm.PHOTOCOPY.value: QT_TRANSLATE_NOOP("Labels", "photocopy"),
}

DELIVERIES: dict[str, str] = {
    Delivery.COUNTER.value: QT_TRANSLATE_NOOP("Labels", "At the counter"),
    Delivery.POST.value: QT_TRANSLATE_NOOP("Labels", "By public postal service"),
    Delivery.ONLINE.value: QT_TRANSLATE_NOOP("Labels", "Electronic copy online"),
}

SEXES: dict[str, str] = {
    Sex.MALE.value: QT_TRANSLATE_NOOP("Labels", "Male"),
    Sex.FEMALE.value: QT_TRANSLATE_NOOP("Labels", "Female"),
}

# The applicant's document, as the reception form offers it.
ID_KINDS: dict[str, str] = {
    IdKind.CCCD.value: QT_TRANSLATE_NOOP("Labels", "Citizen ID (CCCD)"),
    IdKind.CMND.value: QT_TRANSLATE_NOOP("Labels", "Old identity card (CMND, 9 digits)"),
    IdKind.PASSPORT.value: QT_TRANSLATE_NOOP("Labels", "Passport"),
    IdKind.TAX_CODE.value: QT_TRANSLATE_NOOP("Labels", "Organisation: tax code"),
    IdKind.BUSINESS_CODE.value: QT_TRANSLATE_NOOP(
        "Labels", "Organisation: business registration code"
    ),
}

# The number's name where a dossier is shown ("CCCD: 0201…", "Passport: E12…").
ID_NUMBER_NAMES: dict[str, str] = {
    IdKind.CCCD.value: QT_TRANSLATE_NOOP("Labels", "CCCD"),
    IdKind.CMND.value: QT_TRANSLATE_NOOP("Labels", "CMND"),
    IdKind.PASSPORT.value: QT_TRANSLATE_NOOP("Labels", "Passport"),
    IdKind.TAX_CODE.value: QT_TRANSLATE_NOOP("Labels", "Tax code"),
    IdKind.BUSINESS_CODE.value: QT_TRANSLATE_NOOP("Labels", "Business code"),
}

_SAME_DAY = QT_TRANSLATE_NOOP("Labels", "Same day")
_DAYS = QT_TRANSLATE_NOOP("Labels", "{count} working days")
_HOURS = QT_TRANSLATE_NOOP("Labels", "{count} working hours")


def tr(source: str) -> str:
    return QCoreApplication.translate(_CTX, source)


def label(table: dict[str, str], value: str) -> str:
    """The translated label of a stored enum value; the raw value if unknown."""
    source = table.get(value)
    return tr(source) if source else value


def fmt_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def fmt_datetime(value: datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if value else ""


def fmt_moment_short(value: datetime, today: date) -> str:
    """A recent moment in a crowded line: the time alone today, the day and
    month this year, the full date only when older."""
    if value.date() == today:
        return value.strftime("%H:%M")
    if value.year == today.year:
        return value.strftime("%d/%m %H:%M")
    return fmt_datetime(value)


def fmt_money(amount: int) -> str:
    return format_vnd(amount)


def fmt_processing(time: ProcessingTime) -> str:
    if time.unit is TimeUnit.SAME_DAY:
        return tr(_SAME_DAY)
    source = _DAYS if time.unit is TimeUnit.WORKING_DAYS else _HOURS
    return tr(source).format(count=time.amount)
