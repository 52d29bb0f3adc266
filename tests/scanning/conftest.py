"""Every scanning test sees the project's SANE folder (tests/scanning/support.py)."""

from tests.scanning import support  # noqa: F401 - sets SANE_CONFIG_DIR before any scan
