"""The procedure catalogue as plain data: what a procedure requires and costs."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from enum import StrEnum


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
    FREE = "free"
    FLAT = "flat"  # one amount per dossier
    PER_COPY = "per_copy"  # ``amount`` per copy
    PER_PAGE_TIERED = "per_page_tiered"  # page tiers per copy, optional cap per copy


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
    extra: dict[str, str] = dc_field(default_factory=dict, compare=False, hash=False)
