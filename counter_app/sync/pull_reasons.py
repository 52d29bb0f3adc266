"""What a sync issue of the pull says: why a change from the centre was not
applied here, or what an official must hear about one that was.

The handlers of sync/local_apply.py (and of sync/pulled_officials.py,
sync/pulled_dossiers.py) raise :class:`Refused` or return a :class:`Notice`
with one of these reasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from counter_app.domain.messages import QT_TRANSLATE_NOOP

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
# {was} are filled from the local payload. Each lasts until the centre
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
# The reasons the pull writes; only these are templates with parameters.
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
