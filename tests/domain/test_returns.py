"""Who collected the result, how, and the rating: what the return step records."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.domain.messages import ValidationFailed
from counter_app.domain.returns import (
    Channel,
    Collector,
    Rating,
    ReturnDetails,
    Satisfaction,
    parse_criteria,
    return_record,
)

CRITERIA = parse_criteria(
    (Path(__file__).parents[2] / "resources" / "satisfaction" / "criteria-v1.json").read_text(
        encoding="utf-8"
    )
)


def _record(details: ReturnDetails) -> dict[str, object]:
    return return_record(details, CRITERIA, "Lăng Thị Khuyên", "020190001234")


def test_the_applicant_collecting_at_the_desk_is_recorded_with_their_own_id() -> None:
    assert _record(ReturnDetails()) == {
        "channel": "desk",
        "collected_by": "applicant",
        "collector_name": "Lăng Thị Khuyên",
        "collector_id": "020190001234",
        "rating": None,
    }


def test_an_authorised_person_needs_a_valid_name_and_cccd() -> None:
    with pytest.raises(ValidationFailed) as failed:
        _record(ReturnDetails(Collector.AUTHORISED, collector_name="", collector_id="12345"))
    assert {f for f, _ in failed.value.errors} == {"collector_name", "collector_id"}
    record = _record(
        ReturnDetails(
            Collector.AUTHORISED,
            collector_name="  hoàng   văn  nam ",
            collector_id="020 085 000 123",
        )
    )
    assert record["collected_by"] == "authorised"
    assert record["collector_name"] == "hoàng văn nam"
    assert record["collector_id"] == "020085000123"


def test_a_result_by_post_needs_its_tracking_number_and_takes_no_desk_rating() -> None:
    with pytest.raises(ValidationFailed) as failed:
        _record(ReturnDetails(channel=Channel.POST, tracking_number="EF 12"))
    assert [f for f, _ in failed.value.errors] == ["tracking_number"]
    record = _record(ReturnDetails(channel=Channel.POST, tracking_number="ef-123-456-789-vn"))
    assert record["tracking_number"] == "EF123456789VN" and record["rating"] is None
    with pytest.raises(ValidationFailed) as failed:
        _record(
            ReturnDetails(
                channel=Channel.POST,
                tracking_number="EF123456789VN",
                rating=Rating(Satisfaction.SATISFIED),
            )
        )
    assert [f for f, _ in failed.value.errors] == ["rating"]


def test_a_rating_keeps_its_level_criteria_and_the_list_version() -> None:
    rating = Rating(
        Satisfaction.DISSATISFIED, {"4": Satisfaction.DISSATISFIED, "3": Satisfaction.DISSATISFIED}
    )
    record = _record(ReturnDetails(rating=rating))
    assert record["rating"] == "dissatisfied"
    assert record["criteria"] == {"3": "dissatisfied", "4": "dissatisfied"}
    assert record["criteria_version"] == CRITERIA.version


def test_a_criterion_outside_the_list_is_refused() -> None:
    with pytest.raises(ValidationFailed, match="not in list version"):
        _record(
            ReturnDetails(rating=Rating(Satisfaction.SATISFIED, {"99": Satisfaction.SATISFIED}))
        )


def test_the_shipped_list_cites_its_sources_and_offers_the_desk_criteria() -> None:
    assert any("766/QĐ-TTg" in s for s in CRITERIA.sources)
    desk = {c.id for c in CRITERIA.at_desk()}
    assert "4" in desk and "12" not in desk  # staff attitude yes; online service no


def test_a_list_without_a_source_is_refused() -> None:
    with pytest.raises(ValueError, match="source"):
        parse_criteria('{"version": "9", "title": "x", "criteria": []}')
