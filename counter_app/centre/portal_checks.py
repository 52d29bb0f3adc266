"""Each portal entry checked against the centre's own registry before anything is
written: the agency is one the centre knows, the code is its agency's and in no
counter's slot or granted block, the procedure is in the catalogue, the
applicant passes the counter's checks, and a code imported before is the same
dossier again (or amended on request). Every problem is listed by entry and
field."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import Connection, text

from counter_app.centre.code_blocks import granted_to
from counter_app.centre.portal_dossier import CheckedEntry, same_as_before
from counter_app.centre.portal_file import PortalEntry, Problems, message
from counter_app.domain.catalogue.document import spec_from_entry
from counter_app.domain.codes import AGENCY_ID_RE, BLOCK, parse_code
from counter_app.domain.messages import QT_TRANSLATE_NOOP, ValidationFailed
from counter_app.domain.procedure import FeeKind, ProcedureSpec
from counter_app.domain.validation import ApplicantInput, validate_applicant

# Submission times are local to the province (UTC+7) and the code's day has two digits.
_LOCAL = timezone(timedelta(hours=7))
_YEARS = (2000, 2099)


def check_entries(
    conn: Connection,
    parsed: list[tuple[int, PortalEntry]],
    problems: Problems,
    *,
    amend: bool,
) -> list[CheckedEntry]:
    known = set(
        conn.execute(
            text(
                "SELECT agency_id FROM central_counters UNION "
                "SELECT agency_id FROM central_users WHERE agency_id IS NOT NULL"
            )
        ).scalars()
    )
    slots = {
        (r.agency_id, r.code_slot): r.counter_name
        for r in conn.execute(
            text("SELECT agency_id, code_slot, counter_name FROM central_counters")
        )
    }
    codes = [e.code.upper() for _, e in parsed]
    existing = {
        r.code: r
        for r in conn.execute(
            text(
                "SELECT code, source, owner_counter_uuid, version, body FROM central_dossiers "
                "WHERE code = ANY(:codes) FOR UPDATE"
            ),
            {"codes": codes},
        )
    }
    procedures: dict[str, ProcedureSpec | None] = {}
    seen: dict[str, int] = {}
    checked = []
    for n, entry in parsed:
        before = len(problems.items)
        agency = entry.agency_id.upper()
        if not AGENCY_ID_RE.match(agency) or agency not in known:
            problems.add(
                n,
                "agency_id",
                message(
                    QT_TRANSLATE_NOOP(
                        "Central",
                        "the centre knows no agency {agency} (no counter or official of it is "
                        "registered)",
                    ),
                    agency=agency,
                ),
            )
        code = entry.code.upper()
        if code in seen:
            problems.add(
                n,
                "code",
                message(
                    QT_TRANSLATE_NOOP(
                        "Central",
                        "the code {code} is also in entry {first}; each dossier once per file",
                    ),
                    code=code,
                    first=seen[code],
                ),
            )
        else:
            seen[code] = n
        _check_code(n, code, agency, slots, problems)
        _check_granted(conn, n, code, problems)
        spec = _procedure(conn, procedures, entry.procedure_code)
        if spec is None:
            problems.add(
                n,
                "procedure_code",
                message(
                    QT_TRANSLATE_NOOP(
                        "Central", "no procedure of the catalogue has the code {code}"
                    ),
                    code=entry.procedure_code,
                ),
            )
        submitted = _submitted(n, entry.submitted_at, problems)
        applicant = _applicant(n, entry, submitted, problems)
        if (
            spec is not None
            and spec.fee.kind is FeeKind.SET_BY_PROVINCE
            and entry.fee is None
            and not spec.fee.amount
        ):
            problems.add(
                n,
                "fee",
                message(
                    QT_TRANSLATE_NOOP(
                        "Central", "the province sets this procedure's fee: give the fee charged"
                    )
                ),
            )
        if len(problems.items) > before:
            continue
        assert spec is not None and submitted is not None and applicant is not None
        item = CheckedEntry(n, entry, code, agency, spec, applicant, submitted, existing.get(code))
        if _refuse_existing(item, problems, amend=amend):
            continue
        checked.append(item)
    return checked


def _check_code(
    n: int, code: str, agency: str, slots: dict[tuple[str, int], str], problems: Problems
) -> None:
    parsed = parse_code(code)
    if parsed is None or parsed.agency_id != agency or parsed.sequence == 0:
        problems.add(
            n,
            "code",
            message(
                QT_TRANSLATE_NOOP(
                    "Central",
                    "the code is not a dossier code of agency {agency}: it must read "
                    "{agency}-YYMMDD-NNNN",
                ),
                agency=agency,
            ),
        )
        return
    slot = parsed.sequence // BLOCK
    holder = slots.get((agency, slot))
    if holder is not None:
        problems.add(
            n,
            "code",
            message(
                QT_TRANSLATE_NOOP(
                    "Central",
                    "the number {number} lies in code slot {slot}, which the counter "
                    "\u201c{counter}\u201d of the agency holds; a code slot belongs to one "
                    "counter or to the portal, never both: the portal must number in a slot "
                    "no counter holds",
                ),
                number=f"{parsed.sequence:04d}",
                slot=slot,
                counter=holder,
            ),
        )


def _check_granted(conn: Connection, n: int, code: str, problems: Problems) -> None:
    parsed = parse_code(code)
    holder = granted_to(conn, parsed) if parsed is not None else None
    if parsed is not None and holder is not None:
        problems.add(
            n,
            "code",
            message(
                QT_TRANSLATE_NOOP(
                    "Central",
                    "the number {number} of that day lies in a block of numbers the centre "
                    "granted the counter \u201c{counter}\u201d for the authority's codes; the "
                    "portal must number outside them",
                ),
                number=f"{parsed.sequence:04d}",
                counter=holder,
            ),
        )


def _refuse_existing(item: CheckedEntry, problems: Problems, *, amend: bool) -> bool:
    old = item.old
    if old is None:
        return False
    if old.source != "online":
        problems.add(
            item.n,
            "code",
            message(
                QT_TRANSLATE_NOOP(
                    "Central", "the code {code} is a dossier a counter received, not the portal"
                ),
                code=item.code,
            ),
        )
        return True
    if amend or same_as_before(item):
        return False
    problems.add(
        item.n,
        "code",
        message(
            QT_TRANSLATE_NOOP(
                "Central",
                "the dossier {code} was imported before with other content; the centre does "
                "not change it silently: import the file with --amend to send the amendment",
            ),
            code=item.code,
        ),
    )
    return True


def _procedure(
    conn: Connection, cache: dict[str, ProcedureSpec | None], code: str
) -> ProcedureSpec | None:
    if code not in cache:
        body = conn.execute(
            text("SELECT body FROM central_procedures WHERE code = :c"), {"c": code}
        ).scalar()
        cache[code] = spec_from_entry(body) if body is not None else None
    return cache[code]


def _submitted(n: int, value: str, problems: Problems) -> datetime | None:
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        at = None
    if at is not None and at.tzinfo is not None:
        at = at.astimezone(_LOCAL).replace(tzinfo=None)
    if at is None or not _YEARS[0] <= at.year <= _YEARS[1]:
        problems.add(
            n,
            "submitted_at",
            message(
                QT_TRANSLATE_NOOP(
                    "Central",
                    "must be a date and time of {first} to {last}, e.g. 2026-11-26T08:15:00",
                ),
                first=_YEARS[0],
                last=_YEARS[1],
            ),
        )
        return None
    return at.replace(microsecond=0)


def _applicant(
    n: int, entry: PortalEntry, submitted: datetime | None, problems: Problems
) -> ApplicantInput | None:
    a = entry.applicant
    try:
        return validate_applicant(
            ApplicantInput(
                full_name=a.full_name,
                id_number=a.id_number,
                phone=a.phone,
                email=a.email,
                address=a.address,
            ),
            today=submitted.date() if submitted else None,
        )
    except ValidationFailed as exc:
        for field, message in exc.errors:
            problems.add(n, f"applicant.{field}", message)
        return None
