package org.athar.ui.imports;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.TemporaryFileUploadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.athar.i18n.Bidi;
import org.athar.i18n.Messages;
import org.athar.i18n.Text;
import org.athar.ingest.ImportBatch;
import org.athar.ingest.ImportCounts;
import org.athar.ingest.ImportFormatException;
import org.athar.ingest.ImportLimits;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.ingest.RowError;
import org.athar.security.CurrentViewer;
import org.athar.security.Viewer;
import org.athar.sharing.PackageFiles;
import org.athar.sharing.PackageReceiver;
import org.athar.sharing.PackageRefusedException;
import org.athar.sharing.Received;
import org.athar.ui.MainLayout;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Import: drop a CSV, XLSX or JSON Lines file, watch the rows being stored, then read the counts, every rejected
 * row with its reason, and download the rejected rows to fix and import again.
 */
@RolesAllowed("IMPORT")
@Menu(title = "nav.import", order = 7, icon = "vaadin:upload")
@Route(value = "import", layout = MainLayout.class)
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    /** Room for the multipart headers around the file in an upload request. */
    private static final long MULTIPART_ENVELOPE = 64 * 1024;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ImportService imports;
    private final PackageReceiver packages;
    private final AsyncTaskExecutor executor;
    private final CurrentViewer viewers;
    private final ImportLimits limits;
    private final TextField source = new TextField();
    private final ProgressBar progressBar = new ProgressBar();
    private final Span progressText = new Span();
    private final Div result = new Div();
    private final Grid<ImportBatch> batches = new Grid<>();
    private Upload upload;

    public ImportView(
            ImportService imports,
            PackageReceiver packages,
            AsyncTaskExecutor executor,
            CurrentViewer viewers,
            ImportLimits limits) {
        this.imports = imports;
        this.packages = packages;
        this.executor = executor;
        this.viewers = viewers;
        this.limits = limits;
        addClassName("athar-view");
        setId("view-import");
        source.setLabel(getTranslation("import.source"));
        source.setHelperText(getTranslation("import.source.help"));
        source.setWidth("28rem");
        source.setId("import-source");
        progressBar.setVisible(false);
        progressText.setId("import-progress");
        result.setId("import-result");
        add(
                new H2(getTranslation("view.import.title")),
                new Paragraph(getTranslation("import.intro")),
                source,
                upload(),
                progressBar,
                progressText,
                result,
                new H3(getTranslation("import.batches")),
                batchGrid());
        refreshBatches();
    }

    private Upload upload() {
        long maxBytes = limits.maxFileSize().toBytes();
        // The browser refuses a larger file before sending it; the server refuses one sent anyway.
        UploadHandler handler =
                new TemporaryFileUploadHandler((meta, file) -> {
                    UI ui = UI.getCurrent() != null ? UI.getCurrent() : getUI().orElseThrow();
                    ui.access(() -> start(ui, meta.fileName(), file));
                }) {
                    @Override
                    public long getFileSizeMax() {
                        return maxBytes;
                    }

                    @Override
                    public long getRequestSizeMax() {
                        return maxBytes + MULTIPART_ENVELOPE;
                    }
                };
        upload = new Upload(handler);
        upload.setMaxFileSize((int) Math.min(maxBytes, Integer.MAX_VALUE));
        upload.addFileRejectedListener(e -> showFailure(Text.of("import.too-large", limits.maxFileSizeText())));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".csv", ".txt", ".xlsx", ".jsonl", ".ndjson", ".json", ".pgp", ".asc");
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span(getTranslation("import.drop")));
        upload.setUploadButton(new Button(getTranslation("import.choose")));
        // One file at a time: the finished (or failed) file would otherwise keep "Choose a file…" greyed out until
        // it is cleared by hand. The result stays on the page below; the list is only the upload's own.
        upload.addAllFinishedListener(e -> upload.clearFileList());
        upload.addFileRejectedListener(e -> upload.clearFileList());
        return upload;
    }

    private void start(UI ui, String fileName, File file) {
        // The file has arrived: "Choose a file…" is usable again at once (the browser may not report the end).
        upload.clearFileList();
        Viewer viewer = viewers.get();
        ImportOptions options = new ImportOptions(Optional.ofNullable(source.getValue()), viewer.username(), false);
        String clientAddress = ui.getSession().getBrowser().getAddress();
        progressBar.setVisible(true);
        progressBar.setIndeterminate(true);
        progressText.setText(getTranslation("import.reading", fileName));
        result.removeAll();
        ui.setPollInterval(500);
        executor.execute(() -> {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file.toPath()))) {
                if (PackageFiles.looksLikePackage(in)) {
                    // A partner's package: the same receiver as the API; its reports go through the same import.
                    Received r = packages.receive(viewer, clientAddress, in, fileName);
                    ui.access(() -> showReceived(r));
                    return;
                }
                ImportResult r = imports.importFile(
                        viewer, clientAddress, in, fileName, options, counts -> ui.access(() -> showProgress(counts)));
                ui.access(() -> showResult(r));
            } catch (ImportFormatException e) {
                ui.access(() -> showFailure(e.text()));
            } catch (PackageRefusedException e) {
                ui.access(() -> showFailure(Text.of(
                        "import.package.refused",
                        Text.of("import.package.refused." + e.reason().code()))));
            } catch (RuntimeException | IOException e) {
                ui.access(() -> showFailure(Text.of("import.error.failed", String.valueOf(e.getMessage()))));
            } finally {
                file.delete();
                ui.access(() -> ui.setPollInterval(-1));
            }
        });
    }

    private void showReceived(Received r) {
        r.imported().ifPresent(this::showResult);
        progressBar.setVisible(false);
        Paragraph line = r.withdrawal()
                ? new Paragraph(
                        getTranslation("import.package.withdrawn", r.packageId(), r.sender(), r.removed(), r.notHeld()))
                : new Paragraph(
                        getTranslation("import.package.received", r.packageId(), r.sender(), r.filesVerified()));
        line.setId("import-package");
        result.addComponentAsFirst(line);
        refreshBatches();
    }

    private void showProgress(ImportCounts c) {
        progressText.setText(
                getTranslation("import.progress", c.received(), c.indexed(), c.updated(), c.rejected(), c.unchanged()));
    }

    private void showResult(ImportResult r) {
        progressBar.setVisible(false);
        progressText.setText(getTranslation("import.done", r.batchId()));
        HorizontalLayout counts = new HorizontalLayout(
                count("import.received", r.received()),
                count("import.indexed", r.indexed()),
                count("import.updated", r.updated()),
                count("import.unchanged", r.unchanged()),
                count("import.rejected", r.rejected()));
        counts.addClassName("athar-counts");
        result.add(counts);
        if (!r.unknownColumns().isEmpty()) {
            result.add(new Paragraph(getTranslation("import.unknown-columns", String.join(", ", r.unknownColumns()))));
        }
        if (r.rejected() > 0) {
            Anchor download = new Anchor(rejectedCsv(r.batchId()), getTranslation("import.download-rejected"));
            download.getElement().setAttribute("download", true);
            download.setId("import-download-rejected");
            Grid<RowError> errors = new Grid<>();
            errors.setId("import-errors");
            errors.addColumn(RowError::row)
                    .setHeader(getTranslation("import.col.row"))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            errors.addColumn(RowError::field)
                    .setHeader(getTranslation("import.col.field"))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            // The reason is shown whole, wrapped, in the reader's language (its key words come first in Arabic too).
            errors.addColumn(e -> translate(e.text()))
                    .setHeader(getTranslation("import.col.message"))
                    .setFlexGrow(1)
                    .setKey("reason");
            errors.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            errors.addClassName("athar-import-errors");
            errors.setItems(r.errors());
            errors.setAllRowsVisible(r.errors().size() <= 20);
            result.add(download, new Paragraph(getTranslation("import.errors.hint")), errors);
        }
        refreshBatches();
    }

    private Div count(String key, long value) {
        Div card = new Div(new Span(String.format(getLocale(), "%,d", value)), new Span(getTranslation(key)));
        card.addClassName("athar-count");
        card.setId(key.replace('.', '-'));
        return card;
    }

    private void showFailure(Text reason) {
        progressBar.setVisible(false);
        progressText.setText("");
        String message = getTranslation("import.failed", reason);
        Notification n = Notification.show(message, 15_000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        Paragraph whole = new Paragraph(message);
        whole.addClassName("athar-import-failure");
        result.add(whole);
        refreshBatches();
    }

    private String translate(Text text) {
        return getTranslation(text.key(), text.args().toArray());
    }

    // The reasons in the file are in the language of the page it was downloaded from.
    private String rejectedCsv(String batchId) {
        return "api/v1/imports/" + batchId + "/rejected.csv?lang="
                + Messages.supported(getLocale()).getLanguage();
    }

    private Grid<ImportBatch> batchGrid() {
        batches.setId("import-batches");
        // A timestamp and a file name are left-to-right tokens: isolated, an Arabic page does not reorder them.
        batches.addColumn(b -> Bidi.isolate(WHEN.format(b.startedAt())))
                .setHeader(getTranslation("import.col.started"))
                .setAutoWidth(true);
        batches.addColumn(b -> Bidi.isolate(b.fileName()))
                .setHeader(getTranslation("import.col.file"))
                .setAutoWidth(true);
        batches.addColumn(b -> getTranslation("import.status." + b.status().code()))
                .setHeader(getTranslation("import.col.status"))
                .setAutoWidth(true);
        batches.addColumn(ImportBatch::received).setHeader(getTranslation("import.received"));
        batches.addColumn(ImportBatch::indexed).setHeader(getTranslation("import.indexed"));
        batches.addColumn(ImportBatch::updated).setHeader(getTranslation("import.updated"));
        batches.addColumn(ImportBatch::unchanged).setHeader(getTranslation("import.unchanged"));
        batches.addColumn(ImportBatch::rejected).setHeader(getTranslation("import.rejected"));
        batches.addComponentColumn(b -> {
                    if (b.rejected() == 0) {
                        return new Span();
                    }
                    Anchor a = new Anchor(rejectedCsv(b.batchId()), getTranslation("import.col.csv"));
                    a.getElement().setAttribute("download", true);
                    return a;
                })
                .setHeader(getTranslation("import.col.rejected-rows"))
                .setAutoWidth(true);
        // A batch that did not complete gets a full-width line under its row: what it had done and what to do.
        batches.setItemDetailsRenderer(new ComponentRenderer<>(b -> {
            Span note = new Span(note(b));
            note.addClassName("athar-batch-note");
            return note;
        }));
        batches.setDetailsVisibleOnClick(false);
        batches.setAllRowsVisible(true);
        return batches;
    }

    // What a user needs about a batch that did not complete: what it had done and that re-running it is safe.
    private String note(ImportBatch b) {
        return switch (b.status()) {
            case INTERRUPTED ->
                getTranslation(
                        "import.note.interrupted",
                        String.format(getLocale(), "%,d", b.indexed() + b.updated() + b.unchanged() + b.rejected()));
            case FAILED -> getTranslation("import.note.failed", b.failure().orElse(""));
            default -> "";
        };
    }

    private void refreshBatches() {
        try {
            List<ImportBatch> recent = imports.recentBatches();
            batches.setItems(recent);
            recent.stream().filter(b -> !note(b).isEmpty()).forEach(b -> batches.setDetailsVisible(b, true));
        } catch (IOException e) {
            batches.setItems();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.import.title") + " · " + getTranslation("app.name");
    }
}
