"""The session's test PKI as a pytest fixture.

A test module uses it with ``from tests.signing.pki.fixtures import test_pki``
(or a conftest imports it once for the whole folder).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.signing.pki.server import TestPki


@pytest.fixture(scope="session")
def test_pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestPki]:
    pki = TestPki(tmp_path_factory.mktemp("pki-keys"))
    pki.start()
    try:
        yield pki
    finally:
        pki.stop()
