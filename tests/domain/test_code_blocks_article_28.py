"""Decree 118/2025 Article 28(2): another authority's dossiers are numbered in
the blocks the centre granted the desk (domain/code_blocks.py)."""

from __future__ import annotations

from datetime import date

from counter_app.domain.code_blocks import CodeBlock, next_ordinal, room

DEPT = "000.00.15.H37"  # a provincial department whose procedures a commune receives
MON, FRI, NEXT_MON = date(2027, 3, 1), date(2027, 3, 5), date(2027, 3, 8)
BLOCKS = [
    CodeBlock(DEPT, 41, 45, MON, date(2027, 3, 14)),
    CodeBlock(DEPT, 120, 121, FRI, date(2027, 3, 20)),
    CodeBlock("000.00.16.H37", 1, 9, MON, date(2027, 3, 14)),
]


def test_art_28_a_day_numbers_through_the_desks_blocks_in_order_then_stops() -> None:
    taken: list[int] = []
    last = None
    while (n := next_ordinal(BLOCKS, DEPT, FRI, last)) is not None:
        taken.append(n)
        last = n
    # The first block, then the second that also covers Friday; never another authority's.
    assert taken == [41, 42, 43, 44, 45, 120, 121]


def test_art_28_each_day_starts_again_and_a_block_counts_only_on_its_days() -> None:
    assert next_ordinal(BLOCKS, DEPT, MON, None) == 41
    assert next_ordinal(BLOCKS, DEPT, MON, 45) is None  # 120-121 start on Friday
    assert next_ordinal(BLOCKS, DEPT, date(2027, 3, 15), None) == 120
    assert next_ordinal(BLOCKS, DEPT, date(2027, 3, 21), None) is None
    assert next_ordinal(BLOCKS, "000.00.99.H37", MON, None) is None


def test_art_28_the_form_warns_before_the_numbers_run_out() -> None:
    # Monday: 5 left of 41-45, blocks in force until 14 March: nothing to say.
    assert not room(BLOCKS, DEPT, MON, None).warning(MON)
    # Three used: 2 left, the official is told before the last is taken.
    left = room(BLOCKS, DEPT, MON, 43)
    assert left.left_today == 2 and left.warning(MON)
    # Friday has both blocks: 7 numbers.
    assert room(BLOCKS, DEPT, FRI, None).left_today == 7
    # Offline until 18 March: the blocks end on the 20th, two days away.
    late = date(2027, 3, 18)
    assert room(BLOCKS, DEPT, late, None).warning(late)
    # No block at all (never synced since the procedure became the department's).
    none = room(BLOCKS, "000.00.99.H37", NEXT_MON, None)
    assert none.left_today == 0 and none.valid_until is None and none.warning(NEXT_MON)
