"""Qt's translation system for every visible string: Vietnamese first, English fallback.

Source strings are English; resources/translations/counter_app_vi.ts holds the
Vietnamese (edit it with Qt Linguist, compile with ``make translations``).
Qt's own dialogs use Qt's qtbase_<lang>.qm when Qt ships one; for Vietnamese
it does not, so resources/translations/qtbase_vi.ts (written by hand, contexts
and sources exactly as Qt 6 uses them) stands in.
The CLI has no widgets yet still speaks Vietnamese, so it gets a
QCoreApplication only to carry the translators.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from counter_app.domain.messages import Message
from counter_app.resources_path import resource

log = logging.getLogger(__name__)
LANGUAGE_ENV = "COUNTER_APP_LANG"
DEFAULT_LANGUAGE = "vi"
_installed: list[QTranslator] = []


def language() -> str:
    return os.environ.get(LANGUAGE_ENV, DEFAULT_LANGUAGE)


def install(app: QCoreApplication, lang: str | None = None) -> bool:
    """Load the app's and Qt's own translators for ``lang``; False if the app's is missing."""
    lang = lang or language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return True
    ours = QTranslator(app)
    qm = resource("translations", f"counter_app_{lang}.qm")
    loaded = ours.load(str(qm))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("No translation for %s at %s; showing English", lang, qm)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    elif qt.load(str(resource("translations", f"qtbase_{lang}.qm"))):
        # Qt ships no Vietnamese for its own dialogs (buttons, file and print
        # dialogs): the project's qtbase_vi.ts provides it.
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded


def ensure_core_app() -> QCoreApplication:
    app = QCoreApplication.instance()
    if app is None:
        app = QCoreApplication([])
        install(app)
    return app


def translate(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def render(message: Message) -> str:
    """The message as the official reads it, in the current language."""
    return message.render(translate)
