"""Fees (lệ phí / phí) in whole đồng: computing, formatting, storing rules as JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.procedure import FeeKind, FeeRule, FeeTier

CERTIFIED_COPY_FEE = FeeRule(
    FeeKind.PER_PAGE_TIERED,
    tiers=(FeeTier(1, 2000), FeeTier(3, 1000)),
    cap_per_copy=200_000,
    note="Thông tư 226/2016/TT-BTC",
)
"""Certified copy from an original: 2,000 đ/page for pages 1-2, 1,000 đ/page from
page 3, at most 200,000 đ per copy (Circular 226/2016/TT-BTC)."""

_CONTEXT = "Fees"


def _whole(value: object, minimum: int) -> int | None:
    """``value`` if it is an int of at least ``minimum``, else None."""
    # bool is an int subclass; True pages or a True price is a bug, not a number.
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        return None
    return value


def _require_count(value: object, field: str) -> int:
    count = _whole(value, 1)
    if count is None:
        if field == "pages":
            source = QT_TRANSLATE_NOOP(
                "Fees", "Number of pages must be a whole number of at least 1; {value} was entered."
            )
        elif field == "signatures":
            source = QT_TRANSLATE_NOOP(
                "Fees",
                "Number of signatures must be a whole number of at least 1; {value} was entered.",
            )
        else:
            source = QT_TRANSLATE_NOOP(
                "Fees",
                "Number of copies must be a whole number of at least 1; {value} was entered.",
            )
        raise UserError(Message(_CONTEXT, source, {"value": value}), field=field)
    return count


def _tiered_page_total(tiers: tuple[FeeTier, ...], pages: int) -> int:
    ordered = sorted(tiers, key=lambda tier: tier.from_page)
    total = 0
    for index, tier in enumerate(ordered):
        if tier.from_page > pages:
            break
        next_start = ordered[index + 1].from_page if index + 1 < len(ordered) else pages + 1
        last_page = min(pages, next_start - 1)
        total += (last_page - tier.from_page + 1) * tier.price
    return total


def is_free_by_law(rule: FeeRule) -> bool:
    """Only a procedure free by law may print "Không thu"; a 0 elsewhere is a blank."""
    return rule.kind is FeeKind.FREE


def compute_fee(
    rule: FeeRule,
    *,
    pages: int = 1,
    copies: int = 1,
    signatures: int = 1,
    online: bool = False,
    entered: int | None = None,
) -> int:
    """Fee in whole đồng for ``copies`` copies (or documents) of a ``pages``-page document.

    FREE is 0; FLAT is ``amount`` per dossier; PER_COPY and PER_DOCUMENT are
    ``amount`` × copies (the documents counted); PER_SIGNATURE is ``amount`` ×
    signatures; PER_PAGE_TIERED prices each page by the tier it falls in, caps
    each copy at ``cap_per_copy`` (if set) and multiplies by copies. Pages
    before the first tier cost nothing. An ``online`` dossier pays
    ``online_amount`` in place of ``amount`` where the rule has one.
    SET_BY_PROVINCE takes the amount the official ``entered`` from the
    province's table, else the table's figure imported as ``amount``.

    Raises :class:`UserError` (field ``"pages"``, ``"copies"``,
    ``"signatures"`` or ``"fee_amount"``) saying what to enter.

    >>> compute_fee(CERTIFIED_COPY_FEE, pages=3, copies=2)
    10000
    """
    pages = _require_count(pages, "pages")
    copies = _require_count(copies, "copies")
    signatures = _require_count(signatures, "signatures")
    if rule.kind is FeeKind.SET_BY_PROVINCE:
        return _entered_amount(rule, entered)
    if entered is not None:
        raise UserError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "Fees",
                    "This procedure's fee is computed from the catalogue; leave the amount empty.",
                ),
            ),
            field="fee_amount",
        )
    amount = rule.online_amount if online and rule.online_amount is not None else rule.amount
    if rule.kind is FeeKind.FREE:
        return 0
    if rule.kind is FeeKind.FLAT:
        return amount
    if rule.kind in (FeeKind.PER_COPY, FeeKind.PER_DOCUMENT):
        return amount * copies
    if rule.kind is FeeKind.PER_SIGNATURE:
        return amount * signatures
    per_copy = _tiered_page_total(rule.tiers, pages)
    if rule.cap_per_copy is not None:
        per_copy = min(per_copy, rule.cap_per_copy)
    return per_copy * copies


def _entered_amount(rule: FeeRule, entered: int | None) -> int:
    if entered is None:
        if rule.amount > 0:
            return rule.amount
        raise UserError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "Fees",
                    "The province sets this procedure's fee: enter the amount in đồng from "
                    "the province's fee table.",
                ),
            ),
            field="fee_amount",
        )
    value = _whole(entered, 0)
    if value is None:
        raise _bad_value("fee_amount", entered)
    return value


def format_vnd(amount: int) -> str:
    """Format whole đồng the Vietnamese way: ``7000`` → ``"7.000 đ"``,
    ``1250000`` → ``"1.250.000 đ"``, ``0`` → ``"0 đ"``."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,} đ".replace(",", ".")


def fee_rule_to_dict(rule: FeeRule) -> dict[str, Any]:
    """A JSON-friendly dict of ``rule``; :func:`fee_rule_from_dict` reads it back."""
    return {
        "kind": rule.kind.value,
        "amount": rule.amount,
        "tiers": [{"from_page": t.from_page, "price": t.price} for t in rule.tiers],
        "cap_per_copy": rule.cap_per_copy,
        "note": rule.note,
        "online_amount": rule.online_amount,
    }


def _bad_value(field: str, value: object) -> UserError:
    return UserError(
        Message(
            _CONTEXT,
            QT_TRANSLATE_NOOP(
                "Fees",
                "The fee field “{field}” must be a whole number of đồng, zero or more; "
                "it is {value}.",
            ),
            {"field": field, "value": value},
        ),
        field=field,
    )


def _amount(d: Mapping[str, Any], key: str, default: int) -> int:
    value = d.get(key, default)
    amount = _whole(value, 0)
    if amount is None:
        raise _bad_value(key, value)
    return amount


def _tiers(raw: object) -> tuple[FeeTier, ...]:
    if not isinstance(raw, list | tuple):
        raise _bad_value("tiers", raw)
    tiers: list[FeeTier] = []
    for item in raw:
        if not isinstance(item, Mapping):
            raise _bad_value("tiers", item)
        from_page = _whole(item.get("from_page"), 1)
        if from_page is None:
            raise UserError(
                Message(
                    _CONTEXT,
                    QT_TRANSLATE_NOOP(
                        "Fees",
                        "A page tier must start on a whole page number of at least 1; "
                        "it starts on {value}.",
                    ),
                    {"value": item.get("from_page")},
                ),
                field="tiers",
            )
        if tiers and from_page <= tiers[-1].from_page:
            raise UserError(
                Message(
                    _CONTEXT,
                    QT_TRANSLATE_NOOP(
                        "Fees",
                        "Page tiers must start on increasing page numbers; "
                        "page {page} comes after page {previous}.",
                    ),
                    {"page": from_page, "previous": tiers[-1].from_page},
                ),
                field="tiers",
            )
        tiers.append(FeeTier(from_page=from_page, price=_amount(item, "price", 0)))
    return tuple(tiers)


def fee_rule_from_dict(d: Mapping[str, Any]) -> FeeRule:
    """Read a rule written by :func:`fee_rule_to_dict` (or typed into the catalogue).

    Missing keys take the :class:`FeeRule` defaults. Raises :class:`UserError`
    for an unknown ``kind``, a negative or non-integer amount, price or cap, or
    a tiered rule without tiers in increasing page order.
    """
    raw_kind = d.get("kind", FeeKind.FREE.value)
    try:
        kind = FeeKind(raw_kind)
    except ValueError:
        raise UserError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "Fees",
                    "Unknown fee kind “{kind}”; use one of: {allowed}.",
                ),
                {"kind": raw_kind, "allowed": ", ".join(k.value for k in FeeKind)},
            ),
            field="kind",
        ) from None
    raw_cap = d.get("cap_per_copy")
    cap = None if raw_cap is None else _whole(raw_cap, 0)
    if raw_cap is not None and cap is None:
        raise _bad_value("cap_per_copy", raw_cap)
    tiers = _tiers(d.get("tiers", ()))
    if kind is FeeKind.PER_PAGE_TIERED and not tiers:
        raise UserError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "Fees", "A per-page fee needs at least one page tier with its price."
                ),
            ),
            field="tiers",
        )
    raw_online = d.get("online_amount")
    online = None if raw_online is None else _whole(raw_online, 0)
    if raw_online is not None and online is None:
        raise _bad_value("online_amount", raw_online)
    note = d.get("note", "")
    return FeeRule(
        kind=kind,
        amount=_amount(d, "amount", 0),
        tiers=tiers,
        cap_per_copy=cap,
        note=note if isinstance(note, str) else str(note),
        online_amount=online,
    )
