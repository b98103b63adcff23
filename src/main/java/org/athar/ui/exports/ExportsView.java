package org.athar.ui.exports;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.athar.analytics.DisclosureProfile;
import org.athar.chart.ChartService;
import org.athar.export.ExportJobs;
import org.athar.export.ExportService;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.search.BadParameterException;
import org.athar.search.Count;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;
import org.athar.security.AccessDeniedException;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.athar.ui.MainLayout;
import org.athar.ui.components.FilterBar;
import org.athar.ui.components.ProfileSelect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Exports: the shared filter bar (its state in the URL, as on Search and Trends), the file's language and figures
 * profile, and one button per file. An export runs as a background job with a progress bar (the page polls while it
 * runs; push is off) and ends with a download link; the file is deleted once downloaded. Roles see only the files
 * they may take: records for administrators and analysts, the public workbook for advocacy staff.
 */
@RolesAllowed("EXPORT_AGGREGATES")
@Menu(title = "nav.exports", order = 5, icon = "vaadin:download")
@Route(value = "exports", layout = MainLayout.class)
public class ExportsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ExportsView.class);

    private final ExportJobs jobs;
    private final Gazetteer gazetteer;
    private final Viewer viewer;
    private final FilterBar filters;
    private final Select<Locale> language = new Select<>();
    private final Select<DisclosureProfile> profile = new Select<>();
    /** What the workbook's figures count, as on Trends: persons unless reports are chosen. */
    private final Select<Count> counting = new Select<>();

    private final Button workbook = new Button();
    private final Button csv = new Button();
    private final Button jsonLines = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Div result = new Div();
    private ReportQuery query = ReportQuery.all();
    private Registration polling;

    public ExportsView(ExportJobs jobs, ChartService charts, Gazetteer gazetteer, CurrentViewer currentViewer) {
        this.jobs = jobs;
        this.gazetteer = gazetteer;
        this.viewer = currentViewer.get();
        viewer.require(Permission.EXPORT_AGGREGATES);
        addClassName("athar-view");
        setId("view-exports");
        filters = FilterBar.forFigures(gazetteer, () -> charts.sources(viewer), viewer);
        filters.addChangeListener(q -> {
            query = q;
            updateUrl();
        });
        language.setLabel(getTranslation("exports.lang"));
        language.setId("exports-lang");
        language.setItems(Messages.ENGLISH, Messages.ARABIC);
        language.setItemLabelGenerator(l -> getTranslation("exports.lang." + l.getLanguage()));
        language.setValue(Messages.supported(getLocale()));
        ProfileSelect.setUp(profile, "exports-profile", "exports.profile", viewer, charts.k());
        counting.setLabel(getTranslation("exports.count"));
        counting.setId("exports-count");
        counting.setItems(Count.PERSONS, Count.REPORTS);
        counting.setItemLabelGenerator(c -> getTranslation("trends.count." + c.code()));
        counting.setValue(Count.PERSONS);
        counting.setHelperText(getTranslation("exports.count.help"));
        counting.addValueChangeListener(e -> updateUrl());
        Div choices = new Div(language, profile, counting);
        choices.addClassName("athar-trends-controls");
        button(workbook, "exports-workbook", "exports.workbook", ExportService.Format.WORKBOOK);
        button(csv, "exports-csv", "exports.csv", ExportService.Format.CSV);
        button(jsonLines, "exports-jsonl", "exports.jsonl", ExportService.Format.JSONL);
        workbook.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div buttons = new Div(workbook);
        buttons.addClassName("athar-export-buttons");
        Paragraph recordsNote = new Paragraph();
        recordsNote.setId("exports-records-note");
        recordsNote.addClassName("athar-chart-note");
        if (viewer.can(Permission.EXPORT_RECORDS)) {
            buttons.add(csv, jsonLines);
            recordsNote.setText(getTranslation("exports.records.public"));
        } else {
            recordsNote.setText(getTranslation("exports.records.not-allowed"));
        }
        progress.setId("exports-progress");
        progress.setVisible(false);
        status.setId("exports-status");
        result.setId("exports-result");
        Paragraph intro = new Paragraph(getTranslation("view.exports.intro"));
        intro.addClassName("athar-muted");
        add(
                new H2(getTranslation("view.exports.title")),
                intro,
                filters.textField(),
                filters,
                choices,
                buttons,
                recordsNote,
                progress,
                status,
                result);
    }

    private void button(Button b, String id, String key, ExportService.Format format) {
        b.setText(getTranslation(key));
        b.setIcon(VaadinIcon.DOWNLOAD_ALT.create());
        b.setId(id);
        b.addClickListener(e -> start(format));
    }

    private void start(ExportService.Format format) {
        UI ui = UI.getCurrent();
        String address = VaadinSession.getCurrent().getBrowser().getAddress();
        String link = ServletUriComponentsBuilder.fromContextPath(
                        VaadinServletRequest.getCurrent().getHttpServletRequest())
                .path("/report/")
                .toUriString();
        result.removeAll();
        try {
            ExportJobs.Status started = jobs.start(
                    viewer,
                    address,
                    new ExportService.Request(
                            format, counted(), language.getValue(), Optional.of(profile.getValue()), link));
            setBusy(true);
            show(started);
            ui.setPollInterval(500);
            polling = ui.addPollListener(e -> jobs.status(viewer, started.id()).ifPresent(this::show));
        } catch (AccessDeniedException e) {
            status.setText(getTranslation("exports.failed.not-allowed"));
        } catch (IOException | RuntimeException e) {
            // A fixed sentence on screen; what the exception says (engine internals, class names) goes to the log.
            log.warn("Export {} for {} could not start", format, viewer.username(), e);
            status.setText(getTranslation((e instanceof IOException || e instanceof UncheckedIOException
                            ? ExportJobs.Failure.READ_OR_WRITE
                            : ExportJobs.Failure.INTERNAL)
                    .messageKey()));
        }
    }

    /** The filters with what the figures count. */
    private ReportQuery counted() {
        return query.withCount(counting.getValue());
    }

    private void show(ExportJobs.Status s) {
        // The name in the file's language: Arabic for an Arabic file, so the page names what the browser saves.
        String file = s.name().unicode();
        progress.setVisible(s.state() == ExportJobs.State.RUNNING);
        progress.setValue(s.fraction());
        switch (s.state()) {
            case RUNNING ->
                status.setText(
                        s.total() == 0
                                ? getTranslation("exports.running.figures", file)
                                : getTranslation("exports.running", file, format(s.written()), format(s.total())));
            case DONE -> {
                stopPolling();
                status.setText(getTranslation("exports.done", file, format(s.total())));
                result.removeAll();
                Anchor download = new Anchor(
                        new NamedDownload(
                                s.name(),
                                s.format().contentType(),
                                () -> jobs.take(viewer, s.id()),
                                getTranslation("exports.gone")),
                        getTranslation("exports.download", file));
                download.setId("exports-download");
                download.getElement().setAttribute("download", true);
                result.add(download);
            }
            case FAILED -> {
                stopPolling();
                status.setText(getTranslation(
                        s.error().orElse(ExportJobs.Failure.INTERNAL).messageKey()));
            }
        }
    }

    private String format(long n) {
        return String.format(getLocale(), "%,d", n);
    }

    private void setBusy(boolean busy) {
        workbook.setEnabled(!busy);
        csv.setEnabled(!busy);
        jsonLines.setEnabled(!busy);
    }

    private void stopPolling() {
        setBusy(false);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    private void updateUrl() {
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(null, new Location("exports", new QueryParameters(ReportQueryParser.format(counted())))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                new HashMap<>(event.getLocation().getQueryParameters().getParameters());
        Optional<String> asked = Optional.ofNullable(params.remove("profile"))
                .flatMap(l -> l.stream().findFirst());
        try {
            query = ReportQueryParser.parse(params, gazetteer);
            if (!viewer.can(Permission.SEE_IDENTITIES)) {
                query = query.withoutText();
            }
        } catch (BadParameterException e) {
            query = ReportQuery.all();
            status.setText(getTranslation("search.bad-url", e.getMessage()));
        }
        if (viewer.can(Permission.SEE_EXACT_COUNTS)) {
            asked.flatMap(DisclosureProfile::fromParameter).ifPresent(profile::setValue);
        }
        counting.setValue(query.count().orElse(Count.PERSONS));
        filters.setValue(query);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.exports.title") + " · " + getTranslation("app.name");
    }
}
