"""The test PKI on loopback: certomancer's Animator (a WSGI app) in a thread.

Keys are made here, at test time, into a temporary folder: the repository holds
only pki.yml. A session needs one PKI; `TestPki.stopped()` takes the servers
down for a test of the offline case and brings them back on the same port.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from asn1crypto import x509
from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import CertomancerConfig
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from werkzeug.serving import BaseWSGIServer, make_server

CONFIG = Path(__file__).with_name("pki.yml")
ARCH = "counter-test"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _write_keys(config: dict, key_dir: Path) -> None:
    # P-256: fast to generate, and what Vietnamese tokens also offer besides RSA.
    for keyset in config["keysets"].values():
        for entry in keyset["keys"].values():
            key = ec.generate_private_key(ec.SECP256R1())
            (key_dir / entry["path"]).write_bytes(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )


class TestPki:
    """The loaded architecture and the server that animates it."""

    __test__ = False  # a helper, not a test class

    def __init__(self, key_dir: Path) -> None:
        config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
        _write_keys(config, key_dir)
        self.key_dir = key_dir
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.config = CertomancerConfig(
            config, key_search_dir=str(key_dir), external_url_prefix=self.url
        )
        self.arch = self.config.get_pki_arch(ARCH)
        self._app = Animator(AnimatorArchStore(self.config.pki_archs), with_web_ui=False)
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    # --- what tests use ---------------------------------------------------------
    @property
    def tsa_url(self) -> str:
        return f"{self.url}/{ARCH}/tsa/tsa"

    def cert(self, label: str) -> x509.Certificate:
        return self.arch.get_cert(label)

    def root(self) -> x509.Certificate:
        return self.cert("root")

    def write_root(self, folder: Path) -> Path:
        """The root certificate as a province would install it: a .crt file."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "test-root.crt"
        path.write_bytes(self.root().dump())
        return path

    def key_path(self, label: str) -> Path:
        """The label's private key, PKCS#8 PEM, unencrypted (e.g. for softhsm2-util --import)."""
        return self.key_dir / f"{label}.key.pem"

    def signer(self, label: str):
        """A pyHanko SimpleSigner holding the official's key and its chain."""
        from pyhanko.sign.signers import SimpleSigner

        return SimpleSigner(
            signing_cert=self.cert(label),
            signing_key=self.arch.key_set.get_private_key(label),
            cert_registry=_registry([self.cert("gov-ca")]),
        )

    # --- the servers ------------------------------------------------------------
    def start(self) -> None:
        # One line per request on stderr would drown the test output.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        self._server = make_server("127.0.0.1", self.port, self._app, threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            assert self._thread is not None
            self._thread.join(timeout=5)
            self._server = self._thread = None

    @contextmanager
    def mirror(self) -> Iterator[str]:
        """The same services on another port: its URL, which no certificate names.

        A test reaches the timestamp authority there while the OCSP responder
        and CRLs the certificates point to are down.
        """
        port = _free_port()
        server = make_server("127.0.0.1", port, self._app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)

    @contextmanager
    def stopped(self) -> Iterator[None]:
        self.stop()
        try:
            yield
        finally:
            self.start()


def _registry(certs):
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    return SimpleCertificateStore.from_certs(certs)
