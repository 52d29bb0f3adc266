"""Plain data handed to the printing layer.

Printing never sees the database: services map a dossier to these frozen
dataclasses, so forms can be rendered (and tested) without any model code.
Text fields are printed as given; the renderers normalise them to NFC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

# Re-exported: callers building a receipt need only this module.
from counter_app.domain.procedure import Delivery as Delivery

Paper = Literal["A4", "A5", "80mm"]


class Timeliness(StrEnum):
    """How a step or a dossier finished against its deadline."""

    EARLY = "early"  # trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # quá hạn


@dataclass(frozen=True)
class AgencyInfo:
    """The office printing the form, as it appears in the top-left header.

    ``parent_name`` is the agency that decides and signs ("UBND xã Hoàng Văn
    Thụ"), ``name`` its one-stop unit that deals with the citizen ("Trung tâm
    Phục vụ hành chính công xã Hoàng Văn Thụ", before 1/7/2025 "Bộ phận Tiếp
    nhận và Trả kết quả"), as the counter's setup names them; both are printed
    in capitals in the header. Form texts reach them as ``{agency_name}`` and
    ``{unit_name}``. ``place`` is the place name of the dateline ("Hoàng Văn
    Thụ, ngày … tháng … năm …").
    """

    name: str
    parent_name: str
    agency_id: str
    place: str
    phone: str = ""

    def placeholders(self) -> dict[str, str]:
        """The names form texts use: each line names the party it means."""
        return {"unit_name": self.name, "agency_name": self.parent_name}


@dataclass(frozen=True)
class HandedDocument:
    """One document handed in, as listed on the receipt."""

    name: str
    form: str  # printed as is: "Bản chính", "Bản sao", "Bản chụp"
    quantity: int = 1


@dataclass(frozen=True)
class Applicant:
    """The person or organisation who submitted the dossier."""

    name: str  # the person, or the organisation's name
    id_number: str = ""  # printed as stored: CCCD, CMND, passport, tax or business code
    address: str = ""
    phone: str = ""
    email: str = ""
    id_kind: str = "cccd"  # domain/identity_documents.IdKind's value: picks the number's label
    nationality: str = ""  # a passport holder's, ISO alpha-3
    representative: str = ""  # an organisation's: the person who signs for it

    @property
    def signer(self) -> str:
        """Who signs as the applicant: an organisation's representative, else the person."""
        return self.representative or self.name


@dataclass(frozen=True)
class ReceiptData:
    """Form 01: receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả)."""

    dossier_code: str
    agency: AgencyInfo
    applicant: Applicant
    request: str  # procedure name / "nội dung yêu cầu giải quyết"
    procedure_code: str
    documents: tuple[HandedDocument, ...]
    number_of_sets: int
    processing_time_text: str  # e.g. "03 ngày làm việc"
    received_at: datetime
    appointment: datetime
    ledger_book: str
    ledger_entry: int
    receiving_officer: str
    fee: int = 0  # whole đồng
    fee_free: bool = False  # free by law: only then does 0 print "Không thu"
    delivery: Delivery = Delivery.COUNTER
    post_address: str = ""  # required when delivery is POST
    reprint_no: int = 0  # 0 = original print, N = N-th reprint
    document_number: str = ""  # "Số: …" line, printed only when given
    # The paper print of a digitally signed receipt: the signed copy's SHA-256,
    # put in the QR code and named under the codes (issue 21 point 4).
    signed_sha256: str = ""


@dataclass(frozen=True)
class SupplementItem:
    """One thing the applicant must add or correct."""

    name: str
    detail: str = ""


@dataclass(frozen=True)
class SupplementData:
    """Form 02: written, one-time, complete list of what to supplement."""

    agency: AgencyInfo
    applicant: Applicant
    request: str
    items: tuple[SupplementItem, ...]
    reason: str
    officer: str  # the official who gives the guidance
    issued_at: datetime
    dossier_code: str = ""
    contact_phone: str = ""  # where to ask; defaults to the agency's phone
    document_number: str = ""


@dataclass(frozen=True)
class RefusalData:
    """Form 03: refusal to accept the dossier, with the reason."""

    agency: AgencyInfo
    applicant: Applicant
    request: str
    reason: str
    officer: str
    issued_at: datetime
    dossier_code: str = ""
    document_number: str = ""


@dataclass(frozen=True)
class SignerInfo:
    """Who signs a letter on behalf of the agency (bottom-right block)."""

    title: str  # e.g. "CHỦ TỊCH" or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    name: str


@dataclass(frozen=True)
class ApologyData:
    """Form 04: apology and new appointment (TT01) / request to extend (TT03)."""

    agency: AgencyInfo
    applicant: Applicant
    dossier_code: str
    request: str
    received_at: datetime
    appointment: datetime  # the appointment that is missed
    new_appointment: datetime
    reason: str
    issued_at: datetime
    signer: SignerInfo
    document_number: str = ""
    recipients: tuple[str, ...] = ()  # "Nơi nhận" lines after the applicant


@dataclass(frozen=True)
class StopNoticeData:
    """Form 05 of TT03/2025: notice that handling of the dossier stops."""

    agency: AgencyInfo
    applicant: Applicant
    dossier_code: str
    request: str
    received_at: datetime
    reason: str
    issued_at: datetime
    signer: SignerInfo
    document_number: str = ""
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class ControlStep:
    """One hand-over of the dossier, as a row of the control slip."""

    handed_over_unit: str
    handed_over_by: str
    received_unit: str
    received_by: str
    handed_over_at: datetime
    result: Timeliness | None = None  # None while the step is still open
    note: str = ""


@dataclass(frozen=True)
class ControlSlipData:
    """Process control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ)."""

    agency: AgencyInfo
    dossier_code: str
    applicant: Applicant
    request: str
    received_at: datetime
    appointment: datetime
    handling_unit: str  # cơ quan (bộ phận) giải quyết hồ sơ
    steps: tuple[ControlStep, ...]
    coordinating_units: str = ""  # cơ quan phối hợp, if any
    # False for a result given on the spot with no receipt (Decree 118/2025
    # Art. 17(4)): the slip does not say a receipt goes with it.
    with_receipt: bool = True


@dataclass(frozen=True)
class LedgerRow:
    """One entry of the dossier ledger (Sổ theo dõi hồ sơ)."""

    entry_no: int
    dossier_code: str
    procedure_name: str
    applicant_name: str
    address: str
    phone: str
    received_at: datetime
    appointment: datetime
    number_of_sets: int = 1
    handling_unit: str = ""
    transferred_at: datetime | None = None  # sent to the deciding department
    result_received_at: datetime | None = None  # result back from that department
    returned_at: datetime | None = None  # handed to the citizen
    result: Timeliness | None = None
    note: str = ""


@dataclass(frozen=True)
class LedgerData:
    """A ledger book's entries for a period."""

    agency: AgencyInfo
    ledger_book: str
    rows: tuple[LedgerRow, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class LedgerPeriod:
    """Inclusive date range printed on the ledger."""

    start: date
    end: date
