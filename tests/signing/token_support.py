"""A test CA built with `cryptography` and a SoftHSM2 token holding the
officials' keys and certificates, all under a tmp directory (SOFTHSM2_CONF
points there; the machine's /etc/softhsm is never read).

The CA: a root, an intermediate, two officials (one valid, one expired).
Private keys are generated at test time and imported into the token with
softhsm2-util; nothing secret is committed."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pkcs11
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pkcs11 import Attribute, CertificateType, ObjectClass

USER_PIN = "123456"
SO_PIN = "87654321"
LABEL = "Token cua can bo"
# Debian's libsofthsm2 links its module here on every architecture (make
# installs it; tests/test_fresh_machine.py checks this path's package).
SOFTHSM_MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
NOW = datetime.now(UTC)


def _name(cn: str, uid: str = "") -> x509.Name:
    attrs = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "UBND xa Thu"),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ]
    if uid:
        attrs.append(x509.NameAttribute(NameOID.USER_ID, uid))
    return x509.Name(attrs)


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _cert(
    subject: x509.Name,
    key: rsa.RSAPrivateKey,
    issuer: x509.Name,
    issuer_key: rsa.RSAPrivateKey,
    start: datetime,
    end: datetime,
    ca: bool,
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )
    return builder.sign(issuer_key, hashes.SHA256())


@dataclass
class Official:
    cn: str
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    key_id: bytes

    @property
    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)


@dataclass
class TestPki:
    root_key: rsa.RSAPrivateKey
    root: x509.Certificate
    inter_key: rsa.RSAPrivateKey
    inter: x509.Certificate
    officials: dict[str, Official] = field(default_factory=dict)

    def der(self, cert: x509.Certificate) -> bytes:
        return cert.public_bytes(serialization.Encoding.DER)

    def write_trust_dir(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "root.pem").write_bytes(self.root.public_bytes(serialization.Encoding.PEM))
        return folder


def build_pki() -> TestPki:
    root_key, inter_key = _key(), _key()
    root_name = _name("Test Root CA Viet Nam")
    inter_name = _name("Test CA cap duoi")
    root = _cert(
        root_name,
        root_key,
        root_name,
        root_key,
        NOW - timedelta(days=3650),
        NOW + timedelta(days=3650),
        True,
    )
    inter = _cert(
        inter_name,
        inter_key,
        root_name,
        root_key,
        NOW - timedelta(days=1000),
        NOW + timedelta(days=2000),
        True,
    )
    pki = TestPki(root_key, root, inter_key, inter)
    plans = {
        "valid": (
            "Nguyễn Thị Lan",
            "CCCD:001190012345",
            NOW - timedelta(days=30),
            NOW + timedelta(days=700),
        ),
        "other": (
            "Trần Văn Bình",
            "MST:0101234567",
            NOW - timedelta(days=30),
            NOW + timedelta(days=700),
        ),
        "expired": (
            "Lê Văn Cũ",
            "CMND:012345678",
            datetime(2023, 1, 1, tzinfo=UTC),
            datetime(2024, 3, 15, 12, tzinfo=UTC),
        ),
    }
    for n, (role, (cn, uid, start, end)) in enumerate(plans.items(), start=1):
        key = _key()
        cert = _cert(_name(cn, uid), key, inter_name, inter_key, start, end, False)
        pki.officials[role] = Official(cn, key, cert, bytes([0xA0 + n]))
    return pki


def write_softhsm_conf(tmp: Path) -> Path:
    tokens = tmp / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = tmp / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
        "slots.removable = true\n",
        encoding="utf-8",
    )
    return conf


def init_token(tmp: Path, pki: TestPki, module: Path, label: str = LABEL) -> None:
    """Initialise a token, import each official's key (softhsm2-util) and the
    certificates (PKCS#11 objects), as a CA's issuing tool would."""
    env = dict(os.environ, SOFTHSM2_CONF=os.environ["SOFTHSM2_CONF"])
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            label,
            "--pin",
            USER_PIN,
            "--so-pin",
            SO_PIN,
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    for role, official in pki.officials.items():
        pem = tmp / f"{role}.key.pem"
        pem.write_bytes(
            official.key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        subprocess.run(
            [
                "softhsm2-util",
                "--import",
                str(pem),
                "--token",
                label,
                "--label",
                role,
                "--id",
                official.key_id.hex(),
                "--pin",
                USER_PIN,
            ],
            check=True,
            capture_output=True,
            env=env,
        )
        pem.unlink()
    lib = pkcs11.lib(str(module))
    # SoftHSM reads its token directory when initialised: see the new token.
    lib.reinitialize()
    token = lib.get_token(token_label=label)
    with token.open(user_pin=USER_PIN, rw=True) as session:
        certs = [(role, o.der, o.key_id) for role, o in pki.officials.items()]
        certs.append(("intermediate", pki.der(pki.inter), b"\xc1"))
        for role, der, key_id in certs:
            session.create_object(
                {
                    Attribute.CLASS: ObjectClass.CERTIFICATE,
                    Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                    Attribute.TOKEN: True,
                    Attribute.LABEL: role,
                    Attribute.ID: key_id,
                    Attribute.VALUE: der,
                    Attribute.SUBJECT: x509.load_der_x509_certificate(der).subject.public_bytes(),
                }
            )


def remove_tokens(tmp: Path) -> None:
    shutil.rmtree(tmp / "tokens")


@dataclass
class TokenEnv:
    """One initialised token of a test module, its PKI and its tmp dir."""

    tmp: Path
    module: Path
    pki: TestPki
    label: str = LABEL

    @property
    def trust_dir(self) -> Path:
        return self.pki.write_trust_dir(self.tmp / "trust")


_PKI: list[TestPki] = []


def shared_pki() -> TestPki:
    """One test CA per test session: RSA keys take a moment to make."""
    if not _PKI:
        _PKI.append(build_pki())
    return _PKI[0]


def start_token(tmp: Path) -> TokenEnv:
    """A fresh token in ``tmp``: SOFTHSM2_CONF points there and the module is
    initialised again, so it reads that configuration (the process loads the
    PKCS#11 module once; each test module gets its own token)."""
    module = SOFTHSM_MODULE
    assert module.is_file(), "SoftHSM2 is missing: make sysdeps (Debian libsofthsm2)"
    os.environ["SOFTHSM2_CONF"] = str(write_softhsm_conf(tmp))
    pkcs11.lib(str(module)).reinitialize()
    pki = shared_pki()
    init_token(tmp, pki, module)
    return TokenEnv(tmp, module, pki)
