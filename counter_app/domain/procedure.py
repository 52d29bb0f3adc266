"""The procedure catalogue as plain data: what a procedure requires and costs."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from enum import StrEnum

from counter_app.domain.procedure_rules import SpecialRules


class Level(StrEnum):
    """Administrative level that decides a procedure."""

    PROVINCE = "province"
    # District level was abolished on 1 Jul 2025; kept so history still loads.
    DISTRICT = "district"
    COMMUNE = "commune"


class TimeUnit(StrEnum):
    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    SAME_DAY = "same_day"


@dataclass(frozen=True)
class ProcessingTime:
    """Statutory processing time; ``amount`` is ignored for SAME_DAY."""

    amount: int
    unit: TimeUnit

    @classmethod
    def same_day(cls) -> ProcessingTime:
        return cls(0, TimeUnit.SAME_DAY)


class DocumentForm(StrEnum):
    ORIGINAL = "original"  # bản chính
    CERTIFIED_COPY = "certified_copy"  # bản sao (chứng thực / từ sổ gốc)
    PHOTOCOPY = "photocopy"  # bản chụp


@dataclass(frozen=True)
class RequiredDocument:
    """One line of the checklist (thành phần hồ sơ)."""

    name: str
    form: DocumentForm = DocumentForm.ORIGINAL
    quantity: int = 1
    mandatory: bool = True


class FeeKind(StrEnum):
    FREE = "free"  # free by law: the only kind a receipt prints as "Không thu"
    FLAT = "flat"  # one amount per dossier
    PER_COPY = "per_copy"  # ``amount`` per copy
    PER_DOCUMENT = "per_document"  # ``amount`` per document (e.g. each signed paper)
    PER_SIGNATURE = "per_signature"  # ``amount`` per signature
    PER_PAGE_TIERED = "per_page_tiered"  # page tiers per copy, optional cap per copy
    # The province's council sets the amount: ``amount`` is its table's figure
    # when imported, 0 when the official must enter it at reception.
    SET_BY_PROVINCE = "set_by_province"


# Kinds whose ``amount`` is the price itself and must be given.
AMOUNT_KINDS = frozenset(
    {FeeKind.FLAT, FeeKind.PER_COPY, FeeKind.PER_DOCUMENT, FeeKind.PER_SIGNATURE}
)


@dataclass(frozen=True)
class FeeTier:
    """Price per page from ``from_page`` (1-based) until the next tier starts."""

    from_page: int
    price: int


@dataclass(frozen=True)
class FeeRule:
    """How the fee (lệ phí / phí) of a procedure is computed, in whole đồng."""

    kind: FeeKind = FeeKind.FREE
    amount: int = 0
    tiers: tuple[FeeTier, ...] = ()
    cap_per_copy: int | None = None
    note: str = ""
    # The rate for a dossier submitted online, where the fee text sets a lower one.
    online_amount: int | None = None


class OnlineLevel(StrEnum):
    NONE = "none"
    PARTIAL = "partial"  # dịch vụ công trực tuyến một phần
    FULL = "full"  # dịch vụ công trực tuyến toàn trình


class Delivery(StrEnum):
    COUNTER = "counter"  # trả tại Bộ phận một cửa
    POST = "post"  # dịch vụ bưu chính công ích
    ONLINE = "online"  # bản điện tử trên Cổng dịch vụ công


@dataclass(frozen=True)
class ProcedureSpec:
    """A catalogue entry (thủ tục hành chính) as imported or shipped."""

    code: str
    name: str
    field: str
    level: Level
    processing_time: ProcessingTime
    fee: FeeRule = FeeRule()
    documents: tuple[RequiredDocument, ...] = ()
    on_the_spot: bool = False  # eligible for "4 tại chỗ"
    online_level: OnlineLevel = OnlineLevel.NONE
    deliveries: tuple[Delivery, ...] = (Delivery.COUNTER,)
    legal_basis: str = ""
    source_note: str = ""  # where figures come from, or what could not be confirmed
    # Whether a dossier received after the cut-off (15:00) counts from the next
    # working day; None follows the default of the time unit (see cutoff_applies).
    cutoff: bool | None = None
    # The authority competent to decide (Decree 118/2025 Article 28(2)(a));
    # empty: the receiving unit.
    deciding_authority: str = ""
    # What the procedure's specialised law sets instead of the decree.
    special_rules: SpecialRules | None = None
    extra: dict[str, str] = dc_field(default_factory=dict, compare=False, hash=False)


def default_cutoff(unit: TimeUnit) -> bool:
    """The texts found state the 15:00 rule for same-day procedures only.

    The procedure pages read (e.g. certified copies, 2.000815: "trong ngày; nhận
    sau 15 giờ thì trả trong ngày làm việc tiếp theo") tie it to same-day
    handling; many provincial rules extend it to every procedure, so the
    province can set it per procedure with the catalogue field ``cutoff``.
    """
    return unit is TimeUnit.SAME_DAY


def cutoff_applies(spec: ProcedureSpec) -> bool:
    """The procedure's own setting, else the default of its time unit."""
    return default_cutoff(spec.processing_time.unit) if spec.cutoff is None else spec.cutoff
