"""The procedure catalogue (Danh mục thủ tục): find a procedure, add or correct
one (its documents too), save a template to fill, import a catalogue file and
read what each rejected row needs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue_files.template import write_template
from counter_app.domain.messages import UserError
from counter_app.domain.procedure import ProcedureSpec
from counter_app.services import catalogue
from counter_app.services.auth import Actor
from counter_app.services.catalogue import ImportReport
from counter_app.services.context import ServiceContext
from counter_app.ui import notify
from counter_app.ui.admin.catalogue_model import ProcedureFilter, ProceduresModel
from counter_app.ui.admin.import_report import ImportReportDialog
from counter_app.ui.admin.list_parts import actions_and_close
from counter_app.ui.admin.procedure_form import ProcedureForm
from counter_app.ui.admin.service_form import failure_text
from counter_app.ui.widgets import fit_to_screen, read_only_table
from counter_app.ui.workers import WorkerRunner

ChooseFile = Callable[[QWidget], Path | None]


def choose_template_file(parent: QWidget) -> Path | None:
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CatalogueDialog", "Save a catalogue template"),
        "mau-danh-muc-thu-tuc.xlsx",
        ";;".join(
            (
                QCoreApplication.translate("CatalogueDialog", "Excel workbook (*.xlsx)"),
                QCoreApplication.translate("CatalogueDialog", "CSV, UTF-8 (*.csv)"),
            )
        ),
    )
    if not name:
        return None
    path = Path(name)
    # A name typed without its suffix takes the chosen type's.
    if path.suffix.lower() not in (".csv", ".xlsx"):
        path = path.with_name(path.name + (".csv" if "*.csv" in chosen else ".xlsx"))
    return path


def choose_catalogue_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("CatalogueDialog", "Import a catalogue file"),
        "",
        QCoreApplication.translate("CatalogueDialog", "Catalogue (*.csv *.xlsx *.json)"),
    )
    return Path(name) if name else None


class CatalogueDialog(QDialog):
    """``changed`` follows an import or an edit, so what shows procedures reloads."""

    changed = Signal()
    loaded = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        choose_file: ChooseFile = choose_catalogue_file,
        choose_template: ChooseFile = choose_template_file,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("catalogue")
        self.setWindowTitle(self.tr("Procedure catalogue"))
        self._ctx, self._actor, self._choose = ctx, actor, choose_file
        self._choose_template = choose_template
        self._runner = WorkerRunner(QThreadPool(self))
        self.loading = False
        self.form: ProcedureForm | None = None
        self.report_dialog: ImportReportDialog | None = None
        layout = QVBoxLayout(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("catalogueFilter")
        self.filter_edit.setPlaceholderText(
            self.tr("Find: code or part of the name, with or without accents…")
        )
        self.filter_edit.setClearButtonEnabled(True)
        layout.addWidget(self.filter_edit)
        self.model = ProceduresModel(self)
        self.proxy = ProcedureFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.filter_edit.textChanged.connect(self._count)
        self.view = read_only_table(self, self.proxy, ProceduresModel.NAME, single=True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ProceduresModel.FIELD, QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(lambda _index: self.edit())
        layout.addWidget(self.view, 1)
        self.status = QLabel(self)
        layout.addWidget(self.status)

        self.add_button, self.edit_button, self.import_button, self.template_button = (
            actions_and_close(
                self,
                layout,
                [
                    (self.tr("New procedure…"), self.add),
                    (self.tr("Edit the procedure…"), self.edit),
                    (self.tr("Import a file (CSV, Excel)…"), self.import_file),
                    (self.tr("Save a template…"), self.save_template),
                ],
            )
        )
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()
        fit_to_screen(self, 1200, 600)
        header.resizeSection(ProceduresModel.FIELD, 180)

    def reload(self, select: str | None = None) -> None:
        """Read the catalogue off the UI thread (a province's runs to hundreds of
        procedures, a quarter of a second); ``loaded`` follows."""
        self.loading = True
        ctx = self._ctx
        self._runner.start(
            lambda: catalogue.list_procedures(ctx),
            lambda specs: self._loaded(specs, select),
            self._load_failed,
        )

    def _loaded(self, specs: object, select: str | None) -> None:
        assert isinstance(specs, list)
        self.loading = False
        self.model.set_items(specs)
        self._count()
        if select is not None:
            self.select(select)
        self._selection_changed()
        self.loaded.emit()

    def _load_failed(self, error: object) -> None:
        self.loading = False
        notify.inform(self, self.tr("Procedure catalogue"), failure_text(error))

    def _count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.status.setText(
            self.tr("{count} procedures").format(count=total)
            if shown == total
            else self.tr("{shown} of {count} procedures").format(shown=shown, count=total)
        )

    def select(self, code: str) -> None:
        row = self.model.row_of(code)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.view.selectRow(index.row())

    def selected(self) -> ProcedureSpec | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item(self.proxy.mapToSource(rows[0])) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    def add(self) -> ProcedureForm:
        return self._open_form(None)

    def edit(self) -> ProcedureForm | None:
        spec = self.selected()
        return None if spec is None else self._open_form(spec)

    def _open_form(self, spec: ProcedureSpec | None) -> ProcedureForm:
        form = ProcedureForm(self._ctx, self._actor, spec, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.accepted.connect(lambda: self._edited(form.result_value))
        self.form = form
        form.open()
        return form

    def _edited(self, saved: object) -> None:
        assert isinstance(saved, ProcedureSpec)
        self.reload(saved.code)
        self.changed.emit()

    def save_template(self) -> Path | None:
        """Write the template where the administrator chooses; the path written."""
        path = self._choose_template(self)
        if path is None:
            return None
        try:
            write_template(path)
        except UserError as refused:
            notify.inform(self, self.tr("Catalogue template"), failure_text(refused))
            return None
        except OSError as exc:
            notify.inform(
                self,
                self.tr("Catalogue template"),
                self.tr("Cannot write “{name}”: {detail}. Choose another folder.").format(
                    name=path.name, detail=exc.strerror or exc
                ),
            )
            return None
        self.status.setText(
            self.tr("Template saved to {path}: fill one row per procedure, then import it.").format(
                path=path
            )
        )
        return path

    def import_file(self) -> None:
        path = self._choose(self)
        if path is None:
            return
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Importing {name}…").format(name=path.name))
        ctx, actor = self._ctx, self._actor
        self._runner.start(
            lambda: catalogue.import_file(ctx, actor, path),
            lambda report: self._imported(report, path.name),
            self._import_failed,
        )

    def _imported(self, report: object, name: str) -> None:
        assert isinstance(report, ImportReport)
        self.import_button.setEnabled(True)
        self.reload()
        if report.created or report.updated:
            self.changed.emit()
        dialog = ImportReportDialog(report, name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report_dialog = dialog
        dialog.open()

    def _import_failed(self, error: object) -> None:
        self.import_button.setEnabled(True)
        self._count()
        notify.inform(self, self.tr("Catalogue import"), failure_text(error))

    def done(self, code: int) -> None:
        self._runner.wait()
        super().done(code)
