"""Dossier numbers of another authority: blocks the centre grants each desk.

Article 28(2) of Decree 118/2025: the code starts with the identifier of the
authority competent to decide the procedure, then the reception date and the
dossier's ordinal within that day. Since 1/7/2025 a commune's centre receives
procedures of provincial departments and of other communes (Article 14(2)),
so hundreds of desks, offline at times, number dossiers of one department on
the same day. They cannot ask each other for the next number.

The centre grants each desk, per authority, a block: ordinals ``first`` to
``last`` of every day from ``valid_from`` to ``valid_until``. Blocks of one
authority whose days overlap never share an ordinal (the centre's allocation
guarantees it, and its entry point checks every code against the blocks), so
no two desks can print the same code. Blocks are sized to each desk's own use
and topped up at every sync, two weeks ahead: a desk offline for a week keeps
receiving.

When a desk has no number left for an authority on a day (more dossiers than
its block holds, or offline past the block's last day), the dossier takes
the receiving unit's own code (its agency identifier and its own slot, as a
linked group of procedures does under Article 28(2)(a)): never a duplicate,
never a citizen sent away. The reception form says so before it happens
(:func:`room` and :data:`LOW`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# Numbers left today under which the reception form warns the official.
LOW = 3
# Days of validity left under which it warns too (the desk should sync).
ENDING_DAYS = 3


@dataclass(frozen=True)
class CodeBlock:
    authority_id: str
    first: int
    last: int
    valid_from: date
    valid_until: date

    def covers(self, authority_id: str, day: date) -> bool:
        return self.authority_id == authority_id and self.valid_from <= day <= self.valid_until

    @property
    def size(self) -> int:
        return self.last - self.first + 1


def _ranges(blocks: Iterable[CodeBlock], authority_id: str, day: date) -> list[tuple[int, int]]:
    return sorted((b.first, b.last) for b in blocks if b.covers(authority_id, day))


def next_ordinal(
    blocks: Iterable[CodeBlock], authority_id: str, day: date, last_used: int | None
) -> int | None:
    """The ordinal after ``last_used`` in this desk's blocks for that day; None when none is left.

    Ordinals are handed out in increasing order across the day's blocks, so
    ``last_used`` (the day's sequence) is all the state there is."""
    for first, last in _ranges(blocks, authority_id, day):
        candidate = first if last_used is None or last_used < first else last_used + 1
        if candidate <= last:
            return candidate
    return None


@dataclass(frozen=True)
class Room:
    """What is left to number dossiers of an authority on a day."""

    left_today: int
    valid_until: date | None  # the last day any block covers; None: no block at all

    def warning(self, today: date) -> bool:
        ending = self.valid_until is None or (self.valid_until - today).days < ENDING_DAYS
        return self.left_today <= LOW or ending


def room(blocks: Iterable[CodeBlock], authority_id: str, day: date, last_used: int | None) -> Room:
    held = [b for b in blocks if b.authority_id == authority_id]
    left = 0
    for first, last in _ranges(held, authority_id, day):
        start = first if last_used is None or last_used < first else last_used + 1
        left += max(0, last - start + 1)
    until = max((b.valid_until for b in held if b.valid_until >= day), default=None)
    return Room(left, until)
