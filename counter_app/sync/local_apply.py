"""Applying the centre's changes to the counter's database, idempotently.

Runs in the pull's local transaction with the outbox hook switched off: what
the centre sends is not sent back. A change that meets a row with unsynced
local edits is not applied: it becomes a conflict, both versions kept.

Each change is applied in its own savepoint and checked before it is written:
the desk trusts the centre's data no more than the centre trusts the desk's.
A change this counter cannot apply (unreadable, contradicting itself, or
clashing with a record kept here) becomes a sync issue and the feed goes on;
one bad row must never hold back the officials, days off and notes behind it.
A later change of the same row that applies resolves its issue.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError
from sqlalchemy.orm import Session

from counter_app.domain.catalogue.document import spec_from_entry
from counter_app.domain.codes import parse_code, slot_range
from counter_app.domain.messages import QT_TRANSLATE_NOOP, UserError
from counter_app.domain.papers import paper_search_text
from counter_app.domain.text import search_text
from counter_app.domain.workflow import Role, State
from counter_app.files.store import Blob
from counter_app.models import (
    CalendarDay,
    CentralNote,
    ClockPause,
    CounterIdentity,
    DigitisedPaper,
    Dossier,
    DossierDocument,
    OutboxEntry,
    PrintJob,
    Procedure,
    SyncIssue,
    SyncState,
    User,
    UserRole,
    WorkflowStep,
)
from counter_app.services.catalogue import upsert_specs
from counter_app.services.paper_records import file_row, info_of
from counter_app.services.setup import change_ledger_book
from counter_app.sync.outbox import counter_uuid_of
from counter_app.wire.feed import Change
from counter_app.wire.payload import parse_datetime

log = logging.getLogger(__name__)

# Reasons are stored as their English source; the status bar, the issues list
# and `sync status` translate them (context REASON_CONTEXT) and fill {code} and
# {procedure} from the centre's payload.
REASON_CONTEXT = "SyncIssues"
UNSYNCED_LOCAL_EDIT = QT_TRANSLATE_NOOP(
    "SyncIssues", "changed here and not yet pushed; the centre's version is kept aside"
)
UNKNOWN_PROCEDURE = QT_TRANSLATE_NOOP(
    "SyncIssues",
    "Its procedure {procedure} is not in this counter's catalogue; it is applied once the "
    "catalogue brings it.",
)
UNREADABLE = QT_TRANSLATE_NOOP(
    "SyncIssues",
    "The centre sent this record incomplete or in a form this counter cannot read; the "
    "province's IT staff must correct it at the centre.",
)
BODY_DISAGREES = QT_TRANSLATE_NOOP(
    "SyncIssues",
    "The centre's copy contradicts itself: the code in its contents ({code}) is not the "
    "dossier's code at the centre; the province's IT staff must correct it.",
)
CODE_CHANGED = QT_TRANSLATE_NOOP(
    "SyncIssues",
    "The centre's copy gives this dossier another code ({code}) than the one it has here, and "
    "a dossier's code never changes; the province's IT staff must correct it.",
)
CODE_TAKEN_HERE = QT_TRANSLATE_NOOP(
    "SyncIssues",
    "Another dossier of this counter already has the code {code}; the province's IT staff "
    "must give the centre's dossier its own code.",
)
CODE_IN_OWN_RANGE = QT_TRANSLATE_NOOP(
    "SyncIssues",
    "The code {code} lies in the numbers this counter gives its own dossiers; the province's "
    "IT staff must give the centre's dossier another code.",
)
REFUSED_HERE = QT_TRANSLATE_NOOP(
    "SyncIssues",
    "This counter's database refused the centre's copy: it clashes with a record kept here; "
    "the province's IT staff must check it at the centre.",
)
# Notices rather than failures: the official's change from the centre was
# applied, and what the desk kept or lost of its own grant is said in words
# (docs/sync.md, "Officials: who owns what"). {official}, {roles}, {title} and
# {was} are filled from the issue's local payload. Each lasts until the centre
# sends that official again.
ROLES_KEPT_AT_DESK = QT_TRANSLATE_NOOP(
    "SyncIssues",
    "The centre's copy of the official {official} lacks the roles {roles} this desk granted; "
    "the desk keeps them, since the centre never took them away. Ask the province's IT staff "
    "to add them at the centre, or change them in Administration \u203a Officials.",
)
TITLE_KEPT_AT_DESK = QT_TRANSLATE_NOOP(
    "SyncIssues",
    "The centre's copy of the official {official} lacks the title \u201c{was}\u201d this desk "
    "gave; the desk keeps it, since the centre did not change it. Ask the province's IT staff "
    "to set it at the centre, or change it in Administration \u203a Officials.",
)
ROLES_REMOVED_AT_CENTRE = QT_TRANSLATE_NOOP(
    "SyncIssues",
    "The centre took the roles {roles} away from the official {official}: it was changed at "
    "the centre, which owns what it granted. Ask the province's IT staff if this is wrong.",
)
TITLE_CHANGED_AT_CENTRE = QT_TRANSLATE_NOOP(
    "SyncIssues",
    "The centre changed the title of the official {official} from \u201c{was}\u201d to "
    "\u201c{title}\u201d: it was changed at the centre. Ask the province's IT staff if this "
    "is wrong.",
)
USER_NOTICES = frozenset(
    {ROLES_KEPT_AT_DESK, TITLE_KEPT_AT_DESK, ROLES_REMOVED_AT_CENTRE, TITLE_CHANGED_AT_CENTRE}
)
# The reasons this module writes; only these are templates with parameters.
PULL_REASONS = frozenset(
    {
        UNSYNCED_LOCAL_EDIT,
        UNKNOWN_PROCEDURE,
        UNREADABLE,
        BODY_DISAGREES,
        CODE_CHANGED,
        CODE_TAKEN_HERE,
        CODE_IN_OWN_RANGE,
        REFUSED_HERE,
    }
    | USER_NOTICES
)


@dataclass(frozen=True)
class Notice:
    """A change applied, with something the official must hear about it."""

    reason: str
    local: dict[str, Any]


class Refused(Exception):
    """A change this counter does not apply, with the reason the official reads."""

    def __init__(self, reason: str, local: dict[str, Any] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.local = local


# Dossier columns a feed body sets; everything else is local bookkeeping.
_DOSSIER_FIELDS = (
    "uuid",
    "code",
    "counter_uuid",
    "procedure_code",
    "procedure_name",
    "state",
    "on_the_spot",
    "applicant_name",
    "applicant_id_number",
    "applicant_phone",
    "applicant_email",
    "applicant_address",
    "applicant_sex",
    "applicant_birth_year",
    "organisation",
    "sets",
    "pages",
    "copies",
    "fee",
    "received_by",
    "paused_since",
    "apology_count",
    "delivery",
    "delivery_address",
    "ledger_book",
    "ledger_year",
    "ledger_entry",
    "note",
    "print_count",
)
_DOSSIER_TIMES = (
    "received_at",
    "appointment_at",
    "original_appointment_at",
    "paused_since",
    "finished_at",
    "returned_at",
    "updated_at",
)


_OPEN_ROWS = "counter_app_open_pull_issues"


def _open_rows(session: Session) -> set[tuple[str, str]]:
    """Rows with an open pull issue that a clean apply would resolve, read
    once per session: most pulls have none, and then cost no query per change."""
    rows = session.info.get(_OPEN_ROWS)
    if rows is None:
        rows = {
            (kind, row_uuid)
            for kind, row_uuid in session.execute(
                select(SyncIssue.kind, SyncIssue.row_uuid).where(
                    SyncIssue.direction == "pull",
                    SyncIssue.reason != UNSYNCED_LOCAL_EDIT,
                    SyncIssue.resolved_at.is_(None),
                )
            )
        }
        session.info[_OPEN_ROWS] = rows
    return rows


def _issue(session: Session, change: Change, reason: str, local: dict[str, Any] | None) -> None:
    """Record that ``change`` was not applied.

    The same change delivered again (a cut pull, a resync) updates the open
    issue of its row instead of adding one.
    """
    log.warning("Feed change %s %s not applied: %s", change.kind, change.row_uuid, reason)
    if reason != UNSYNCED_LOCAL_EDIT:
        _open_rows(session).add((change.kind, change.row_uuid))
    open_issue = session.scalars(
        select(SyncIssue).where(
            SyncIssue.direction == "pull",
            SyncIssue.kind == change.kind,
            SyncIssue.row_uuid == change.row_uuid,
            SyncIssue.reason == reason,
            SyncIssue.resolved_at.is_(None),
        )
    ).first()
    if open_issue is not None:
        open_issue.central_payload = change.body
        open_issue.local_payload = local
        return
    session.add(
        SyncIssue(
            direction="pull",
            kind=change.kind,
            row_uuid=change.row_uuid,
            seq=None,
            reason=reason,
            local_payload=local,
            central_payload=change.body,
            at=datetime.now().replace(microsecond=0),
        )
    )


def _resolve(session: Session, change: Change) -> None:
    """The row is applied now: what kept it from applying before is over.

    A conflict stays: it keeps a version of the centre's that was set aside.
    """
    key = (change.kind, change.row_uuid)
    open_rows = _open_rows(session)
    if key not in open_rows:
        return
    open_rows.discard(key)
    session.execute(
        update(SyncIssue)
        .where(
            SyncIssue.direction == "pull",
            SyncIssue.kind == change.kind,
            SyncIssue.row_uuid == change.row_uuid,
            SyncIssue.reason != UNSYNCED_LOCAL_EDIT,
            SyncIssue.resolved_at.is_(None),
        )
        .values(resolved_at=datetime.now().replace(microsecond=0))
        .execution_options(synchronize_session=False)
    )


def _procedure(session: Session, change: Change, central_code: str | None) -> None:
    upsert_specs(session, [spec_from_entry(change.body)])


# The centre's last copy of each official's roles and title as applied here
# (sync_state, key + the centre's uuid): what the centre granted, told apart
# from what this desk granted itself.
_CENTRE_GRANT_KEY = "central_user:"


def _centre_grant(session: Session, user_uuid: str) -> tuple[set[str], str] | None:
    row = session.get(SyncState, _CENTRE_GRANT_KEY + user_uuid)
    if row is None:
        return None
    data = json.loads(row.value)
    return set(data["roles"]), str(data["title"])


def _keep_centre_grant(session: Session, user_uuid: str, roles: set[str], title: str) -> None:
    value = json.dumps({"roles": sorted(roles), "title": title}, ensure_ascii=False)
    row = session.get(SyncState, _CENTRE_GRANT_KEY + user_uuid)
    if row is None:
        session.add(SyncState(key=_CENTRE_GRANT_KEY + user_uuid, value=value))
    else:
        row.value = value


def _user(session: Session, change: Change, central_code: str | None) -> list[Notice]:
    """The centre owns who exists, the name, the password and whether the
    account is active; roles and the title belong to whoever granted them.

    Against the centre's previous copy: a role or title the centre added or
    changed applies, one it took away is removed, and one this desk granted
    that the centre never sent stays. Whatever the desk keeps or loses of its
    own is said in a notice (a sync issue) the administrator and the official
    see, never silently.
    """
    b = change.body
    roles = {str(r) for r in b["roles"]}
    title = str(b.get("title", ""))
    if not all(r in {role.value for role in Role} for r in roles):
        raise Refused(UNREADABLE)
    user = session.scalars(select(User).where(User.username == b["username"])).first()
    previous = _centre_grant(session, change.row_uuid)
    _keep_centre_grant(session, change.row_uuid, roles, title)
    if user is None:
        # A new official is the centre's as sent.
        user = User(uuid=b["uuid"], username=b["username"], roles=[])
        session.add(user)
        held, held_title = set(), title
        previous = None
    else:
        held, held_title = {r.role for r in user.roles}, user.title
    before_roles, before_title = previous if previous is not None else (set(), None)
    new_roles = (held | (roles - before_roles)) - (before_roles - roles)
    # A title the centre changed applies; one it never touched leaves the desk's.
    new_title = title if title != before_title and (previous or not held_title) else held_title
    user.full_name = b["full_name"]
    user.password_hash = b["password_hash"]
    user.active = bool(b.get("active", True))
    if new_roles != held:
        user.roles = [UserRole(role=r) for r in sorted(new_roles)]
    user.title = new_title
    said = {"username": user.username, "title": new_title, "was": held_title}
    notices = []
    if lost := held - new_roles:
        notices.append(Notice(ROLES_REMOVED_AT_CENTRE, said | {"roles": sorted(lost)}))
    if held_title and new_title != held_title:
        notices.append(Notice(TITLE_CHANGED_AT_CENTRE, said))
    if kept := new_roles - roles:
        notices.append(Notice(ROLES_KEPT_AT_DESK, said | {"roles": sorted(kept)}))
    if new_title != title:
        notices.append(Notice(TITLE_KEPT_AT_DESK, {**said, "title": title, "was": new_title}))
    return notices


def _calendar_day(session: Session, change: Change, central_code: str | None) -> None:
    b = change.body
    day = date.fromisoformat(b["day"])
    row = session.scalars(select(CalendarDay).where(CalendarDay.day == day)).first()
    if row is None:
        row = CalendarDay(day=day)
        session.add(row)
    row.working = bool(b["working"])
    row.name = b["name"]


def _counter(session: Session, change: Change, central_code: str | None) -> None:
    b = change.body
    counter = session.scalars(select(CounterIdentity)).first()
    if counter is None or counter.uuid != b["uuid"]:
        return
    # The slot takes effect at once: the day's numbers jump into its range
    # (domain/codes.next_sequence). The book waits for the day's end.
    counter.code_slot = int(b["code_slot"])
    change_ledger_book(session, counter, b["ledger_book"])
    counter.counter_name = b["counter_name"]
    counter.agency_name = b["agency_name"]
    # A body from before the unit's name travelled keeps the counter's own.
    counter.unit_name = b.get("unit_name") or counter.unit_name


def _dossier_payload(d: Dossier) -> dict[str, Any]:
    return {f: getattr(d, f) for f in ("uuid", "code", "state", "version")}


def _check_dossier(
    session: Session, change: Change, local: Dossier | None, central_code: str | None
) -> None:
    """Refuse a dossier body that is incomplete, contradicts itself or the
    centre's row, or takes a code that is not its own here."""
    b = change.body
    mine = _dossier_payload(local) if local is not None else None
    code = b.get("code")
    if (
        not isinstance(code, str)
        or not code
        or len(code) > 60
        or b.get("uuid") != change.row_uuid
        or not isinstance(b.get("procedure_code"), str)
        or b.get("state") not in {s.value for s in State}
        or not isinstance(b.get("received_at"), str)
        or not isinstance(b.get("records", []), list)
    ):
        raise Refused(UNREADABLE, mine)
    if central_code is not None and central_code != code:
        raise Refused(BODY_DISAGREES, mine)
    if local is not None and local.code != code:
        raise Refused(CODE_CHANGED, mine)
    other = session.scalars(
        select(Dossier).where(Dossier.code == code, Dossier.uuid != change.row_uuid)
    ).first()
    if other is not None:
        raise Refused(CODE_TAKEN_HERE, _dossier_payload(other))
    counter = session.scalars(select(CounterIdentity)).first()
    parsed = parse_code(code)
    if counter is not None and parsed is not None and b.get("counter_uuid") != counter.uuid:
        first, last = slot_range(counter.code_slot)
        if parsed.agency_id == counter.agency_id and first <= parsed.sequence <= last:
            # Not a clash yet, but this counter may print the same number tomorrow.
            raise Refused(CODE_IN_OWN_RANGE, mine)


def _dossier(session: Session, change: Change, central_code: str | None) -> None:
    b = change.body
    local = session.scalars(select(Dossier).where(Dossier.uuid == change.row_uuid)).first()
    if local is not None and b.get("claimed_by") == counter_uuid_of(session):
        return  # our own claim echoed back: our copy is the owner's
    if local is not None:
        pending = session.scalar(
            select(OutboxEntry.seq).where(OutboxEntry.row_uuid == local.uuid).limit(1)
        )
        if pending is not None:
            raise Refused(UNSYNCED_LOCAL_EDIT, _dossier_payload(local))
    _check_dossier(session, change, local, central_code)
    if local is not None and int(b.get("version", 1)) < local.version:
        # With nothing unsynced here the centre's copy wins, unless it is an
        # older change delivered again (the feed delivers at least once).
        return
    proc = session.scalars(select(Procedure).where(Procedure.code == b["procedure_code"])).first()
    if proc is None:
        raise Refused(UNKNOWN_PROCEDURE)
    if local is None:
        local = Dossier()
        session.add(local)
    for name in _DOSSIER_FIELDS:
        setattr(local, name, b.get(name))
    # Bodies written before these columns existed lack them; a portal dossier has no unit yet.
    local.fee_free = bool(b.get("fee_free", False))
    local.unit_name = str(b.get("unit_name") or "")
    local.evaluation = b.get("evaluation")  # migration 0016: kept when pulled back
    local.applicant_id_kind = str(b.get("applicant_id_kind") or "cccd")  # migration 0018
    local.applicant_nationality = str(b.get("applicant_nationality") or "")
    for name in _DOSSIER_TIMES:
        setattr(local, name, parse_datetime(b.get(name)))
    local.procedure_id = proc.id
    local.counter_seq = 0
    local.version = int(b.get("version", 1))
    local.search_text = search_text(
        local.code,
        local.applicant_name,
        local.applicant_id_number,
        local.applicant_phone,
        local.organisation,
    )
    session.flush()
    _history(session, local, b.get("records", []))


# A dossier handed over from another counter arrives with what hangs on it.
_HISTORY: dict[
    str, type[DossierDocument | ClockPause | WorkflowStep | PrintJob | DigitisedPaper]
] = {
    "document": DossierDocument,
    "pause": ClockPause,
    "step": WorkflowStep,
    "print_job": PrintJob,
    "paper": DigitisedPaper,
}


def _history(session: Session, dossier: Dossier, records: list[dict[str, Any]]) -> None:
    for record in records:
        model = _HISTORY.get(record["kind"])
        body = record["body"]
        if model is None or session.scalar(select(model.id).where(model.uuid == body["uuid"])):
            continue
        columns = {c.key: c for c in model.__table__.columns}
        row = model(dossier_id=dossier.id, counter_seq=0, version=int(record["version"]))
        for key, value in body.items():
            column = columns.get(key)
            if column is None or key in ("id", "dossier_id", "counter_seq", "version"):
                continue
            python_type = getattr(column.type, "python_type", None)
            if python_type is datetime and isinstance(value, str):
                value = datetime.fromisoformat(value)
            elif python_type is date and isinstance(value, str) and value:
                value = date.fromisoformat(value)
            setattr(row, key, value)
        if isinstance(row, DigitisedPaper):
            _paper_file(session, row)
        session.add(row)


def _paper_file(session: Session, paper: DigitisedPaper) -> None:
    """A paper made at another counter: its search text derived here, and the
    row of its file, which stays at the centre until the dossier is opened
    (sync/file_download.py); ``uploaded_at`` is left empty, as this counter
    has not sent it (sync/file_upload.py sends only what its store holds)."""
    paper.search_text = paper_search_text(info_of(paper, "").data, paper.ocr_text or "")
    file_row(session, Blob(paper.sha256, paper.size), paper.pages, paper.created_at)


def _note(session: Session, change: Change, central_code: str | None) -> None:
    b = change.body
    if session.scalar(select(CentralNote.id).where(CentralNote.uuid == b["uuid"])) is None:
        session.add(
            CentralNote(
                uuid=b["uuid"],
                dossier_uuid=b["dossier_uuid"],
                department=b["department"],
                text=b["text"],
                at=datetime.fromisoformat(b["at"]),
            )
        )


_APPLY = {
    "procedure": _procedure,
    "user": _user,
    "calendar_day": _calendar_day,
    "counter": _counter,
    "dossier": _dossier,
    "note": _note,
}


# What a malformed body raises while it is read or written; anything else (a
# locked or full disk) ends the pull, to be tried again.
_UNREADABLE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, UserError)


def apply_change(session: Session, change: Change, central_code: str | None = None) -> bool:
    """Apply one change in its own savepoint; True when applied.

    A change that cannot be applied is rolled back alone and recorded as a
    sync issue. ``central_code`` is the dossier's code column at the centre,
    when the pull read it, for a body that may contradict it.
    """
    handler = _APPLY.get(change.kind)
    if handler is None:
        log.warning("Unknown feed change kind %s; skipped", change.kind)
        return False
    local: dict[str, Any] | None = None
    try:
        with session.begin_nested():
            if not isinstance(change.body, dict):
                raise Refused(UNREADABLE)
            notices = handler(session, change, central_code) or []
            session.flush()
    except Refused as refused:
        reason, local = refused.reason, refused.local
    except (IntegrityError, DataError):
        reason = REFUSED_HERE
    except DBAPIError:
        raise
    except (StatementError, *_UNREADABLE_ERRORS):
        reason = UNREADABLE
    else:
        _resolve(session, change)
        for notice in notices:
            _issue(session, change, notice.reason, notice.local)
        return True
    _issue(session, change, reason, local)
    return False
