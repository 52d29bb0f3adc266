"""Each figure's Vietnamese name, how it is counted and where the rule comes
from: the definitions sheet of the workbook, the JSON output's ``definitions``
and the column headers of every table. docs/reports.md says the same in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    COUNT = "count"
    MONEY = "money"  # whole đồng
    PERCENT = "percent"  # a share 0..1
    DAYS = "days"  # working days, one decimal


@dataclass(frozen=True)
class FigureDef:
    name: str  # attribute of reports.figures.Figures
    label: str
    kind: Kind
    rule: str
    source: str


# The text in force first; the rules were first written under the one it replaced.
_ONE_STOP_DECREE = "Nghị định 118/2025/NĐ-CP (trước 01/7/2025: Nghị định 61/2018/NĐ-CP)"
_TT01_2020 = (
    # Which of its report forms this structure follows is not confirmed
    # (docs/reports.md): officials read the circular, not a developer's note.
    "Thông tư 01/2020/TT-VPCP (chế độ báo cáo định kỳ): cấu trúc số hồ sơ tiếp nhận, "
    "đã giải quyết, đang giải quyết"
)
_LEDGER_FORM = (
    "Thông tư 03/2025/TT-VPCP, Mẫu 07 (Sổ theo dõi hồ sơ; trước 15/9/2025: "
    "Thông tư 01/2018/TT-VPCP, Mẫu 06)"
)
_QD766 = "Quyết định 766/QĐ-TTg ngày 23/6/2022 (Bộ chỉ số phục vụ người dân, doanh nghiệp)"

# fmt: off
FIGURES: tuple[FigureDef, ...] = (
    FigureDef("handled", "Tổng số hồ sơ", Kind.COUNT,
              "Mới tiếp nhận trong kỳ cộng kỳ trước chuyển qua.", _TT01_2020),
    FigureDef("received", "Mới tiếp nhận", Kind.COUNT,
              "Thời điểm tiếp nhận nằm trong kỳ.", _TT01_2020),
    FigureDef("received_online", "Tiếp nhận trực tuyến", Kind.COUNT,
              "Hồ sơ nộp qua Cổng dịch vụ công (nguồn online, sổ DVC).", _TT01_2020),
    FigureDef("received_desk", "Tiếp nhận trực tiếp", Kind.COUNT,
              "Hồ sơ nộp tại Bộ phận một cửa.", _TT01_2020),
    FigureDef("carried_over", "Kỳ trước chuyển qua", Kind.COUNT,
              "Tiếp nhận trước kỳ, chưa có kết quả và chưa rút khi kỳ bắt đầu.", _TT01_2020),
    FigureDef("resolved", "Đã giải quyết", Kind.COUNT,
              "Có kết quả (kể cả từ chối) trong kỳ: thời điểm kết quả sẵn sàng trong kỳ.",
              _TT01_2020),
    FigureDef("early", "Trước hạn", Kind.COUNT,
              "Kết quả sẵn sàng vào ngày trước ngày hẹn đang có hiệu lực "
              "(tính lại từ đầu khi nhận đủ hồ sơ bổ sung, hoặc ngày hẹn mới trong văn bản "
              "xin lỗi).",
              _ONE_STOP_DECREE + "; " + _LEDGER_FORM),
    FigureDef("on_time", "Đúng hạn", Kind.COUNT,
              "Kết quả sẵn sàng trong ngày hẹn, không muộn hơn giờ hẹn.",
              _ONE_STOP_DECREE + "; " + _LEDGER_FORM),
    FigureDef("late", "Quá hạn", Kind.COUNT,
              "Kết quả sẵn sàng sau giờ hẹn đang có hiệu lực.", _ONE_STOP_DECREE + "; " + _LEDGER_FORM),
    FigureDef("in_time_rate", "Tỷ lệ đúng và trước hạn", Kind.PERCENT,
              "(Trước hạn + Đúng hạn) / Đã giải quyết.", _QD766),
    FigureDef("refused", "Từ chối giải quyết", Kind.COUNT,
              "Trong số đã giải quyết, hồ sơ có bước từ chối (trả lại kèm lý do).", _ONE_STOP_DECREE),
    FigureDef("apologised", "Có văn bản xin lỗi, hẹn lại", Kind.COUNT,
              "Trong số đã giải quyết, hồ sơ đã quá hạn lần hẹn đầu và có văn bản xin lỗi "
              "(Mẫu 04) hẹn lại.", _ONE_STOP_DECREE + "; " + _LEDGER_FORM),
    FigureDef("extensions_late", "Gia hạn đề nghị muộn", Kind.COUNT,
              "Văn bản xin lỗi và đề nghị gia hạn gửi trong kỳ vào ngày hết hạn hoặc sau đó, "
              "không trước ít nhất 01 ngày (hồ sơ tiếp nhận từ 01/7/2025).",
              "Nghị định 118/2025/NĐ-CP, Điều 19 khoản 6"),
    FigureDef("withdrawn", "Công dân rút hồ sơ", Kind.COUNT,
              "Bước rút hồ sơ nằm trong kỳ.", _ONE_STOP_DECREE),
    FigureDef("closed", "Đóng hồ sơ (không bổ sung)", Kind.COUNT,
              "Bộ phận một cửa đóng hồ sơ trong kỳ vì quá thời hạn mà công dân không bổ sung, "
              "hoàn thiện; không tính là quá hạn.",
              "Nghị định 118/2025/NĐ-CP, Điều 19 khoản 5"),
    FigureDef("pending", "Đang giải quyết cuối kỳ", Kind.COUNT,
              "Tiếp nhận trước khi kỳ kết thúc, chưa có kết quả, chưa rút.", _TT01_2020),
    FigureDef("pending_within_time", "Đang giải quyết, chưa đến hạn", Kind.COUNT,
              "Cuối kỳ chưa quá giờ hẹn đang có hiệu lực; không gồm hồ sơ đã đóng.",
              _TT01_2020),
    FigureDef("pending_overdue", "Đang giải quyết, quá hạn", Kind.COUNT,
              "Cuối kỳ đã quá giờ hẹn và đồng hồ không dừng. Danh sách \u201cQuá hạn\u201d "
              "và \u201cĐến hạn hôm nay\u201d của màn hình làm việc dùng cùng quy tắc.",
              _TT01_2020),
    FigureDef("pending_paused", "Chờ bổ sung hồ sơ", Kind.COUNT,
              "Cuối kỳ đang chờ công dân bổ sung (Mẫu 02); thời hạn tính lại từ đầu khi "
              "nhận đủ hồ sơ.",
              _ONE_STOP_DECREE + "; " + _LEDGER_FORM),
    FigureDef("supplement_requests", "Yêu cầu bổ sung", Kind.COUNT,
              "Số lần yêu cầu bổ sung, hoàn thiện hồ sơ trong kỳ.", _ONE_STOP_DECREE),
    FigureDef("supplement_requests_late", "Yêu cầu bổ sung quá 3 ngày làm việc", Kind.COUNT,
              "Trong số yêu cầu bổ sung, yêu cầu ra sau thời hạn kể từ ngày tiếp nhận "
              "(3 ngày làm việc, hồ sơ tiếp nhận từ 01/7/2025).",
              "Nghị định 118/2025/NĐ-CP, Điều 19 khoản 5"),
    FigureDef("handovers_late", "Chuyển xử lý muộn", Kind.COUNT,
              "Hồ sơ giấy tiếp nhận tại Bộ phận một cửa được chuyển (hoặc bắt đầu thẩm định) "
              "trong kỳ nhưng sau thời hạn: trong ngày làm việc; tiếp nhận sau 15 giờ thì đầu "
              "giờ (buổi sáng) ngày làm việc tiếp theo.",
              "Nghị định 118/2025/NĐ-CP, Điều 18 khoản 2"),
    FigureDef("online_answers_late", "Hồ sơ trực tuyến trả lời muộn", Kind.COUNT,
              "Hồ sơ nộp trực tuyến được tiếp nhận hoặc yêu cầu bổ sung, hoàn thiện trong kỳ "
              "nhưng sau 08 giờ làm việc kể từ khi hệ thống tiếp nhận.",
              "Nghị định 118/2025/NĐ-CP, Điều 17 khoản 2"),
    FigureDef("returned", "Đã trả kết quả", Kind.COUNT,
              "Bước trả kết quả nằm trong kỳ.", _ONE_STOP_DECREE),
    FigureDef("returned_desk", "Trả tại Bộ phận một cửa", Kind.COUNT,
              "Trả kết quả trực tiếp tại quầy.", _ONE_STOP_DECREE),
    FigureDef("returned_post", "Trả qua bưu chính công ích", Kind.COUNT,
              "Kết quả gửi qua dịch vụ bưu chính công ích (có số hiệu bưu gửi).",
              "Quyết định 45/2016/QĐ-TTg; " + _ONE_STOP_DECREE),
    FigureDef("returned_to_authorised", "Người được ủy quyền nhận", Kind.COUNT,
              "Kết quả do người được ủy quyền nhận thay.", _ONE_STOP_DECREE),
    FigureDef("delivery_post_requested", "Đăng ký nhận qua bưu chính", Kind.COUNT,
              "Trong số mới tiếp nhận, hồ sơ đăng ký nhận kết quả qua bưu chính.", _ONE_STOP_DECREE),
    FigureDef("on_the_spot_received", "Hồ sơ TTHC \u201c4 tại chỗ\u201d", Kind.COUNT,
              "Mới tiếp nhận, thuộc thủ tục trong danh mục \u201c4 tại chỗ\u201d.",
              "Danh mục \u201c4 tại chỗ\u201d do tỉnh công bố"),
    FigureDef("on_the_spot_completed", "Hoàn thành tại chỗ", Kind.COUNT,
              "Thủ tục \u201c4 tại chỗ\u201d, không bổ sung, không từ chối, trả tại quầy "
              "trong ngày tiếp nhận (đếm theo ngày trả).",
              "Danh mục \u201c4 tại chỗ\u201d do tỉnh công bố"),
    FigureDef("rated", "Lượt đánh giá", Kind.COUNT,
              "Lần trả kết quả trong kỳ có đánh giá của người dân.", _QD766),
    FigureDef("very_satisfied", "Rất hài lòng", Kind.COUNT, "Mức đánh giá chung.", _QD766),
    FigureDef("satisfied", "Hài lòng", Kind.COUNT, "Mức đánh giá chung.", _QD766),
    FigureDef("dissatisfied", "Không hài lòng", Kind.COUNT, "Mức đánh giá chung.", _QD766),
    FigureDef("not_rated", "Không đánh giá", Kind.COUNT,
              "Người dân không đánh giá, hoặc trả qua bưu chính.", _QD766),
    FigureDef("satisfaction_rate", "Tỷ lệ hài lòng", Kind.PERCENT,
              "(Rất hài lòng + Hài lòng) / Lượt đánh giá.", _QD766),
    FigureDef("fees", "Phí, lệ phí (đồng)", Kind.MONEY,
              "Tổng phí, lệ phí ghi trên hồ sơ mới tiếp nhận (mức thu lúc tiếp nhận).",
              "Luật Phí và lệ phí 2015; Thông tư 85/2019/TT-BTC; mức do HĐND tỉnh quy định"),
    FigureDef("average_working_days", "Thời gian giải quyết bình quân (ngày làm việc)",
              Kind.DAYS,
              "Từ lúc bắt đầu tính thời gian (sau 15:00 thì từ ngày làm việc sau; khi đã bổ "
              "sung thì từ lúc nhận đủ hồ sơ) đến khi có kết quả, chia số đã giải quyết.",
              _ONE_STOP_DECREE + "; " + _QD766),
    FigureDef("average_statutory_days", "Thời hạn quy định bình quân (ngày làm việc)",
              Kind.DAYS,
              "Từ lúc bắt đầu tính thời gian đến giờ hẹn theo thời hạn của thủ tục (lúc tiếp "
              "nhận, hoặc tính lại khi nhận đủ hồ sơ bổ sung), bình quân trên số đã giải quyết.",
              _ONE_STOP_DECREE),
)
# fmt: on

BY_NAME = {f.name: f for f in FIGURES}

# The two tables every output shows, by figure name.
HANDLING = (
    "handled", "received", "received_online", "received_desk", "carried_over",
    "resolved", "early", "on_time", "late", "in_time_rate", "refused", "apologised",
    "extensions_late", "withdrawn", "closed", "pending", "pending_within_time",
    "pending_overdue", "pending_paused", "supplement_requests", "supplement_requests_late",
    "handovers_late", "online_answers_late",
)  # fmt: skip
SERVICE = (
    "returned", "returned_desk", "returned_post", "returned_to_authorised",
    "delivery_post_requested", "on_the_spot_received", "on_the_spot_completed",
    "rated", "very_satisfied", "satisfied", "dissatisfied", "not_rated",
    "satisfaction_rate", "fees", "average_working_days", "average_statutory_days",
)  # fmt: skip

CUT_LABELS = {
    None: "Toàn bộ",
    "agency": "Cơ quan",
    "counter": "Quầy",
    "level": "Cấp",
    "field": "Lĩnh vực",
    "procedure": "Thủ tục",
    "official": "Công chức tiếp nhận",
}

LEVEL_LABELS = {"satisfied": "Hài lòng", "very_satisfied": "Rất hài lòng",
                "dissatisfied": "Không hài lòng"}  # fmt: skip
