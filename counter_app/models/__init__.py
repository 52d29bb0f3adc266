"""SQLAlchemy mapped classes; importing this package registers them all on Base."""

from counter_app.models.audit import AuditEntry
from counter_app.models.base import Base
from counter_app.models.catalogue import Procedure, ProcedureDocument
from counter_app.models.counter import (
    CalendarDay,
    CodeBlock,
    CounterIdentity,
    NumberSequence,
    Setting,
)
from counter_app.models.dossier import (
    ClockPause,
    Dossier,
    DossierDocument,
    PrintJob,
    WorkflowStep,
)
from counter_app.models.notice import Notice
from counter_app.models.paper import DigitisedPaper, StoredFile
from counter_app.models.signature_queue import SignatureExtension
from counter_app.models.sync import CentralNote, OutboxEntry, SyncIssue, SyncState
from counter_app.models.user import LoginAttempt, LoginLockout, User, UserRole

__all__ = [
    "AuditEntry",
    "Base",
    "CalendarDay",
    "CentralNote",
    "ClockPause",
    "CodeBlock",
    "CounterIdentity",
    "DigitisedPaper",
    "Dossier",
    "DossierDocument",
    "LoginAttempt",
    "LoginLockout",
    "Notice",
    "NumberSequence",
    "OutboxEntry",
    "PrintJob",
    "Procedure",
    "ProcedureDocument",
    "Setting",
    "SignatureExtension",
    "StoredFile",
    "SyncIssue",
    "SyncState",
    "User",
    "UserRole",
    "WorkflowStep",
]
