"""The reasons the centre gives for a refused entry, as central_push()
(migration c0005_push_entry_point) writes them into the quarantine and its
answer; the desk shows them translated (context SyncIssues). A test checks
that each appears in the migration."""

from __future__ import annotations

from counter_app.domain.messages import QT_TRANSLATE_NOOP

# Reasons, stored with the quarantined row and shown to the administrator.
AUDIT_BROKEN = QT_TRANSLATE_NOOP(
    "SyncIssues", "audit chain broken: the entry does not follow the centre's head"
)
CODE_TAKEN = QT_TRANSLATE_NOOP("SyncIssues", "dossier code already belongs to another dossier")
CODE_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "SyncIssues", "dossier code lies outside this counter's range"
)
CODE_CHANGED = QT_TRANSLATE_NOOP("SyncIssues", "dossier code cannot change")
NOT_OWNER = QT_TRANSLATE_NOOP("SyncIssues", "dossier belongs to another counter")
FORBIDDEN = "workflow does not allow {old} -> {new}"
CHANGED_CENTRALLY = QT_TRANSLATE_NOOP(
    "SyncIssues", "dossier was changed centrally since this counter received it"
)
APPEND_ONLY_CHANGED = QT_TRANSLATE_NOOP(
    "SyncIssues", "append-only record arrived again with a different body"
)
DOSSIER_REFUSED = QT_TRANSLATE_NOOP(
    "SyncIssues", "its dossier's change was refused or the dossier belongs to another counter"
)
MALFORMED = (
    QT_TRANSLATE_NOOP("SyncIssues", "unknown kind of row"),
    QT_TRANSLATE_NOOP("SyncIssues", "malformed uuid"),
    QT_TRANSLATE_NOOP("SyncIssues", "body is not an object"),
    QT_TRANSLATE_NOOP("SyncIssues", "body disagrees with the entry (uuid)"),
    QT_TRANSLATE_NOOP("SyncIssues", "malformed version"),
    QT_TRANSLATE_NOOP("SyncIssues", "malformed dossier uuid"),
    QT_TRANSLATE_NOOP("SyncIssues", "malformed dossier"),
    QT_TRANSLATE_NOOP("SyncIssues", "malformed timestamp"),
)
# Added by c0010_papers_and_files: a digitised paper's body out of its bounds.
MALFORMED_PAPER = QT_TRANSLATE_NOOP("SyncIssues", "malformed paper")
REASONS = (
    AUDIT_BROKEN,
    CODE_TAKEN,
    CODE_OUT_OF_RANGE,
    CODE_CHANGED,
    NOT_OWNER,
    FORBIDDEN.split("{", 1)[0],
    CHANGED_CENTRALLY,
    APPEND_ONLY_CHANGED,
    DOSSIER_REFUSED,
    *MALFORMED,
)
