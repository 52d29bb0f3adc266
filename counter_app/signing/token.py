"""The official's signing token through PKCS#11 (python-pkcs11).

Vietnamese CAs ship their USB tokens with a PKCS#11 module (a DLL on
Windows, a .so or .dylib elsewhere); its path is configuration, never
guessed here: ``COUNTER_APP_PKCS11_MODULE`` or the desk's setting
(services/signatures.py). Every failure of the token reaches the official as
one sentence (a UserError), never as a PKCS#11 return code.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pkcs11
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID
from pkcs11 import Attribute, ObjectClass, TokenFlag
from pkcs11 import exceptions as pk

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.text import fold

MODULE_ENV = "COUNTER_APP_PKCS11_MODULE"
_CTX = "Signing"

# How Vietnamese CAs write the holder's numbers in the subject (usually the
# UID attribute): "CCCD:001…", "CMND:…", "MST:0101…" (tax code), "HC:" (passport).
_HOLDER_NUMBER = re.compile(r"\b(CCCD|CMND|MST|HC)\s*[:\-]\s*([0-9A-Za-z\-]+)")

_libs: dict[str, Any] = {}
_libs_lock = threading.Lock()


class WrongPin(UserError):
    """The token refused the PIN (it may have tries left)."""


class TokenLocked(UserError):
    """The token locked its PIN: only its SO PIN (the CA or IT) unblocks it."""


class TokenGone(UserError):
    """The token was removed or stopped answering mid-way."""


def refused(source: str, kind: type[UserError] = UserError, **params: object) -> UserError:
    return kind(Message(_CTX, source, dict(params)))


def module_path(setting: str | None = None) -> Path:
    """The PKCS#11 module to load: the environment, else the desk setting."""
    chosen = os.environ.get(MODULE_ENV, "").strip() or (setting or "").strip()
    if not chosen:
        raise refused(
            QT_TRANSLATE_NOOP(
                "Signing",
                "No token driver is configured; set the path of the PKCS#11 module your CA "
                "installed (see the CA's installer) in the desk settings.",
            )
        )
    return existing_module(chosen)


def existing_module(chosen: str) -> Path:
    path = Path(chosen).expanduser()
    if not path.is_file():
        raise refused(
            QT_TRANSLATE_NOOP(
                "Signing",
                "The token driver {path} was not found; install the CA's token software or "
                "correct the path in the desk settings.",
            ),
            path=str(path),
        )
    return path


def _library(path: Path) -> Any:
    with _libs_lock:
        lib = _libs.get(str(path))
        if lib is None:
            try:
                lib = pkcs11.lib(str(path))
            except (RuntimeError, OSError):
                raise refused(
                    QT_TRANSLATE_NOOP(
                        "Signing",
                        "The token driver {path} could not be loaded; it may be for another "
                        "system (32/64-bit); reinstall the CA's token software.",
                    ),
                    path=str(path),
                ) from None
            _libs[str(path)] = lib
        return lib


def removed() -> UserError:
    return refused(
        QT_TRANSLATE_NOOP(
            "Signing",
            "The token was removed or stopped answering; nothing was signed. Plug the token in "
            "again and sign once more.",
        ),
        TokenGone,
    )


def token_failed(error: pk.PKCS11Error) -> UserError:
    """The sentence for a token error outside the PIN's: removed, busy, broken."""
    del error  # its code means nothing to an official; the sentence says what to do
    return removed()


@dataclass(frozen=True)
class TokenInfo:
    label: str
    serial: str
    manufacturer: str
    model: str
    locked: bool


@dataclass(frozen=True)
class CertificateInfo:
    """A certificate on the token, as the official chooses it."""

    label: str
    key_id: bytes
    holder: str  # the subject's common name
    id_number: str  # CCCD/CMND from the subject, "" if none
    tax_code: str  # MST from the subject, "" if none
    issuer: str
    serial: str  # hex
    fingerprint: str  # SHA-256 of the DER, hex
    not_before: datetime
    not_after: datetime
    der: bytes

    def valid_at(self, when: datetime) -> bool:
        return self.not_before <= when <= self.not_after

    def issued_to(self, full_name: str) -> bool:
        """Whether the certificate names the official ``full_name``: accents
        and case aside, and whole words (a CA may add the unit after the name)."""
        words = re.sub(r"[^\w]+", " ", fold(full_name)).strip()
        holder = re.sub(r"[^\w]+", " ", fold(self.holder)).strip()
        return bool(words) and f" {words} " in f" {holder} "


def _cn(name: x509.Name) -> str:
    found = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(found[0].value) if found else name.rfc4514_string()


def describe(der: bytes, label: str = "", key_id: bytes = b"") -> CertificateInfo:
    cert = x509.load_der_x509_certificate(der)
    numbers: dict[str, str] = {}
    for attr in cert.subject:
        for kind, number in _HOLDER_NUMBER.findall(str(attr.value)):
            numbers.setdefault(kind.upper(), number)
    return CertificateInfo(
        label=label,
        key_id=key_id,
        holder=_cn(cert.subject),
        id_number=numbers.get("CCCD") or numbers.get("CMND", ""),
        tax_code=numbers.get("MST", ""),
        issuer=_cn(cert.issuer),
        serial=format(cert.serial_number, "x"),
        fingerprint=cert.fingerprint(hashes.SHA256()).hex(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        der=der,
    )


def _initialised(lib: Any) -> list[Any]:
    """The tokens plugged in and set up by their CA (a reader's empty or
    blank slot is no token to sign with)."""
    tokens = [slot.get_token() for slot in lib.get_slots(token_present=True)]
    return [t for t in tokens if t.flags & TokenFlag.TOKEN_INITIALIZED]


def list_tokens(module: Path) -> list[TokenInfo]:
    try:
        tokens = _initialised(_library(module))
    except pk.PKCS11Error as error:
        raise token_failed(error) from None
    return [
        TokenInfo(
            label=t.label,
            serial=t.serial.decode(errors="replace").strip()
            if isinstance(t.serial, bytes)
            else str(t.serial).strip(),
            manufacturer=t.manufacturer_id,
            model=t.model,
            locked=bool(t.flags & TokenFlag.USER_PIN_LOCKED),
        )
        for t in tokens
    ]


def plugged_in(module: Path) -> list[str]:
    """The labels of the tokens plugged in, asked before any PIN is typed (a
    PIN for no token is asked for nothing); refused in a sentence when none is."""
    labels = [t.label for t in list_tokens(module)]
    if not labels:
        raise _no_token()
    return labels


def _locked() -> UserError:
    return refused(
        QT_TRANSLATE_NOOP(
            "Signing",
            "The token says its PIN is locked after too many wrong PINs. It cannot sign until "
            "it is unblocked with its SO PIN: bring it to your IT staff or the CA that issued it.",
        ),
        TokenLocked,
    )


def _wrong_pin(flags: int) -> UserError:
    if flags & TokenFlag.USER_PIN_LOCKED:
        return _locked()
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return refused(
            QT_TRANSLATE_NOOP(
                "Signing",
                "Wrong PIN. The token says one try is left before it locks itself; check the "
                "PIN before trying again.",
            ),
            WrongPin,
        )
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        # PKCS#11 tells no number: only "one left" or "fewer than it had".
        return refused(
            QT_TRANSLATE_NOOP(
                "Signing",
                "Wrong PIN. The token says few tries are left before it locks itself; check the "
                "PIN before trying again.",
            ),
            WrongPin,
        )
    return refused(
        QT_TRANSLATE_NOOP(
            "Signing",
            "Wrong PIN; the token did not open. Type the token's PIN again (the token locks "
            "itself after a few wrong PINs).",
        ),
        WrongPin,
    )


class Token:
    """A logged-in session on one token: its certificates, a signer per key."""

    def __init__(self, module: Path, label: str, session: Any) -> None:
        self.module = module
        self.label = label
        self.session = session

    @classmethod
    def open(cls, module: Path, label: str | None, pin: str) -> Token:
        """Log in to the token named ``label`` (the only one present if None)."""
        lib = _library(module)
        try:
            if label is None:
                present = _initialised(lib)
                if len(present) > 1:
                    raise pk.MultipleTokensReturned()
                if not present:
                    raise _no_token()
                token = present[0]
            else:
                token = lib.get_token(token_label=label)
        except (pk.NoSuchToken, pk.TokenNotPresent):
            raise _no_token() from None
        except pk.MultipleTokensReturned:
            raise refused(
                QT_TRANSLATE_NOOP(
                    "Signing", "Several tokens are plugged in; choose the one to sign with."
                )
            ) from None
        except pk.PKCS11Error as error:
            raise token_failed(error) from None
        if token.flags & TokenFlag.USER_PIN_LOCKED:
            raise _locked()
        try:
            session = token.open(user_pin=pin)
        except pk.PinLocked:
            raise _locked() from None
        except pk.UserAlreadyLoggedIn:
            # The login is the process's: another session of ours holds it.
            raise refused(
                QT_TRANSLATE_NOOP(
                    "Signing",
                    "The token is open already in another window of this desk; lock that "
                    "window first, then sign here.",
                )
            ) from None
        except (pk.PinIncorrect, pk.PinInvalid, pk.PinLenRange):
            raise _wrong_pin(_flags_now(lib, token.label)) from None
        except pk.PKCS11Error as error:
            raise token_failed(error) from None
        return cls(module, token.label, session)

    def certificates(self) -> list[CertificateInfo]:
        """The token's certificates that have a private key beside them."""
        try:
            keys = {
                bytes(k[Attribute.ID])
                for k in self.session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})
            }
            found = [
                describe(bytes(c[Attribute.VALUE]), str(c[Attribute.LABEL]), bytes(c[Attribute.ID]))
                for c in self.session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})
            ]
        except pk.PKCS11Error as error:
            raise token_failed(error) from None
        return [c for c in found if c.key_id in keys]

    def chain_certificates(self) -> list[bytes]:
        """Every certificate on the token (the CA's chain often rides along)."""
        try:
            return [
                bytes(c[Attribute.VALUE])
                for c in self.session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})
            ]
        except pk.PKCS11Error as error:
            raise token_failed(error) from None

    def signer(self, cert: CertificateInfo) -> Any:
        """A pyHanko signer for ``cert``'s key (pyhanko.sign.pkcs11.PKCS11Signer)."""
        from pyhanko.sign.pkcs11 import PKCS11Signer

        own = asn1_x509.Certificate.load(cert.der)
        return PKCS11Signer(
            self.session,
            key_id=cert.key_id,
            signing_cert=own,
            ca_chain=issuers(own, self.chain_certificates()),
            # ECDSA keys: pyHanko hashes and the token signs the digest
            # (CKM_ECDSA), which every EC token offers; hash-and-sign
            # mechanisms are missing on many (SoftHSM 2.6 among them).
            use_raw_mechanism=own.public_key.algorithm == "ec",
        )

    def close(self) -> None:
        # A removed token has closed it already.
        with contextlib.suppress(pk.PKCS11Error):
            self.session.close()


def issuers(cert: asn1_x509.Certificate, candidates: list[bytes]) -> list[asn1_x509.Certificate]:
    """``cert``'s issuers among ``candidates``, nearest first: the chain a
    signature carries (never another official's certificate on the token)."""
    pool = [asn1_x509.Certificate.load(der) for der in candidates]
    chain: list[asn1_x509.Certificate] = []
    current = cert
    while current.issuer != current.subject:
        issuer = next(
            (c for c in pool if c.subject == current.issuer and c.ca and c not in chain), None
        )
        if issuer is None:
            break
        chain.append(issuer)
        current = issuer
    return chain


def _flags_now(lib: Any, label: str) -> int:
    try:
        return int(lib.get_token(token_label=label).flags)
    except pk.PKCS11Error:
        return 0


def _no_token() -> UserError:
    return refused(
        QT_TRANSLATE_NOOP("Signing", "No token is plugged in; plug in your signing token.")
    )
