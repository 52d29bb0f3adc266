"""Trust anchors are files the province installs: read from the desk's folder
(or $COUNTER_APP_TRUST_DIR), in DER or PEM, and nothing else is trusted."""

from __future__ import annotations

from pathlib import Path

import pytest
from asn1crypto import pem

from counter_app.signing import trust
from tests.signing.pki import fixtures
from tests.signing.pki.server import TestPki

test_pki = fixtures.test_pki


def test_roots_are_read_from_the_data_folder_in_der_and_pem(
    test_pki: TestPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(trust.TRUST_DIR_ENV, raising=False)
    folder = trust.trust_dir(tmp_path)
    assert folder == tmp_path / "trust"
    test_pki.write_root(folder)  # DER, as NEAC publishes .crt files
    # The same root again as PEM, and the TSA's certificate in a PEM bundle.
    bundle = pem.armor("CERTIFICATE", test_pki.root().dump()) + pem.armor(
        "CERTIFICATE", test_pki.cert("tsa").dump()
    )
    (folder / "bundle.pem").write_bytes(bundle)
    (folder / "broken.cer").write_bytes(b"not a certificate")
    (folder / "README.txt").write_text("ignored: not a certificate suffix")

    anchors = trust.load_trust_anchors(folder)

    assert {c.sha256 for c in anchors.roots} == {
        test_pki.root().sha256,
        test_pki.cert("tsa").sha256,
    }
    assert anchors.unreadable == (folder / "broken.cer",)


def test_the_environment_names_the_folder(
    test_pki: TestPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "province-roots"
    monkeypatch.setenv(trust.TRUST_DIR_ENV, str(elsewhere))
    assert trust.trust_dir(tmp_path / "data") == elsewhere
    assert trust.load_trust_anchors(elsewhere).empty  # missing folder: no roots, no error
    test_pki.write_root(elsewhere)
    context = trust.desk_validation_context(tmp_path / "data", online=False)
    assert [c.sha256 for c in context.certificate_registry] == [test_pki.root().sha256]


def test_only_installed_roots_are_trusted(test_pki: TestPki, tmp_path: Path) -> None:
    official = test_pki.cert("official")
    # The chain up to the installed root is trusted...
    installed = trust.validation_context(
        [test_pki.root()], online=False, other_certs=[test_pki.cert("gov-ca")]
    )
    paths = _paths(installed, official)
    assert paths and paths[0].first.sha256 == test_pki.root().sha256
    # ...and with no root installed there is no path at all.
    nothing = trust.validation_context(
        trust.load_trust_anchors(tmp_path / "none"),
        online=False,
        other_certs=[test_pki.cert("gov-ca")],
    )
    assert _paths(nothing, official) == []


def _paths(context, cert):
    import asyncio

    from pyhanko_certvalidator.errors import PathBuildingError

    async def build():
        try:
            return list(await context.path_builder.async_build_paths(cert))
        except PathBuildingError:
            return []

    return asyncio.run(build())
