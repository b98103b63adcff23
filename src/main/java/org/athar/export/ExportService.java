package org.athar.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Dashboard;
import org.athar.analytics.Disclosure;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.analytics.StatsRequest;
import org.athar.chart.ChartTexts;
import org.athar.dataset.DataSetFacts;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;
import org.athar.search.ReportSearch;
import org.athar.security.AuditLog;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The exports of Athar: every report of a query as CSV or JSON Lines, and the workbook (About, figures with native
 * charts, and the records when the viewer may have them). {@link #prepare} checks the permission, resolves the
 * disclosure profile, counts and writes the audit entry before a byte is sent; the prepared export is then written
 * once, streamed, with its progress.
 */
@Service
public class ExportService {

    /** Reports read per engine request while exporting records. */
    static final int PAGE = 5_000;
    /** Times in the About sheet: UTC, Western digits, whatever the server's locale and time zone. */
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** What is exported. */
    public enum Format {
        CSV("csv", "text/csv; charset=UTF-8", "records_csv"),
        JSONL("jsonl", "application/x-ndjson; charset=UTF-8", "records_jsonl"),
        WORKBOOK("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String extension;
        private final String contentType;
        private final String auditKind;

        Format(String extension, String contentType, String auditKind) {
            this.extension = extension;
            this.contentType = contentType;
            this.auditKind = auditKind;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }
    }

    /**
     * One export as asked: the filters, the language, the profile asked for (the role's default when absent) and
     * the address of report pages for the links back ({@code https://athar.example/report/}).
     */
    public record Request(
            Format format, ReportQuery query, Locale locale, Optional<DisclosureProfile> profile, String reportLink) {}

    /** An export that was allowed, counted and audited; {@link #write} produces its file once. */
    public interface Prepared {

        Format format();

        /** Records the file holds (0 for a workbook without its Records sheet). */
        long rows();

        DisclosureProfile profile();

        /** The file's name: what it holds, its filters and period, and the day (UTC). */
        DownloadName name();

        /** Writes the file to {@code out} (left open); {@code progress} hears the records written so far. */
        void write(OutputStream out, LongConsumer progress) throws IOException;
    }

    private final ReportSearch search;
    private final Figures figures;
    private final DataSetFacts facts;
    private final AuditLog audit;
    private final Messages messages;
    private final Gazetteer gazetteer;
    private final ChartTexts texts;
    private final DownloadNames names;
    private final Clock clock;
    private final int maxRowsPerSheet;

    @Autowired
    ExportService(
            ReportSearch search,
            Figures figures,
            DataSetFacts facts,
            AuditLog audit,
            Messages messages,
            Gazetteer gazetteer,
            Clock clock) {
        this(search, figures, facts, audit, messages, gazetteer, clock, WorkbookWriter.EXCEL_MAX_ROWS);
    }

    /** @param maxRowsPerSheet rows of a Records sheet before the next one starts (tests lower it) */
    public ExportService(
            ReportSearch search,
            Figures figures,
            DataSetFacts facts,
            AuditLog audit,
            Messages messages,
            Gazetteer gazetteer,
            Clock clock,
            int maxRowsPerSheet) {
        this.search = search;
        this.figures = figures;
        this.facts = facts;
        this.audit = audit;
        this.messages = messages;
        this.gazetteer = gazetteer;
        this.texts = new ChartTexts(messages, gazetteer);
        this.names = new DownloadNames(messages, gazetteer, clock);
        this.clock = clock;
        this.maxRowsPerSheet = maxRowsPerSheet;
    }

    /**
     * Checks that {@code viewer} may have the export (records: {@link Permission#EXPORT_RECORDS}; workbook:
     * {@link Permission#EXPORT_AGGREGATES} and a profile the role may use), counts it and records it in the audit
     * log. Throws {@link org.athar.security.AccessDeniedException} (403) before anything is counted or written.
     */
    public Prepared prepare(Viewer viewer, String clientAddress, Request request) throws IOException {
        Map<String, List<String>> filters = new LinkedHashMap<>(ReportQueryParser.format(request.query()));
        filters.put("lang", List.of(Messages.supported(request.locale()).getLanguage()));
        if (request.format() == Format.WORKBOOK) {
            return workbook(viewer, clientAddress, request, filters);
        }
        viewer.require(Permission.EXPORT_RECORDS);
        long rows = search.countForExport(viewer, request.query());
        audit.exported(
                viewer,
                clientAddress,
                request.format().auditKind,
                filters,
                DisclosureProfile.INTERNAL.parameter(),
                rows);
        DownloadName name = names.export(request.format(), request.query(), request.locale());
        return new PreparedExport(request.format(), rows, DisclosureProfile.INTERNAL, name, (out, progress) -> {
            RecordColumns columns = new RecordColumns(messages, gazetteer, request.locale(), request.reportLink());
            try (RecordWriter writer = request.format() == Format.CSV
                    ? RecordWriter.csv(columns, out)
                    : RecordWriter.jsonLines(request.reportLink(), out)) {
                long[] written = {0};
                search.scan(viewer, request.query(), PAGE, r -> {
                    writer.write(r);
                    if (++written[0] % 1000 == 0) {
                        progress.accept(written[0]);
                    }
                });
                progress.accept(written[0]);
            }
        });
    }

    private Prepared workbook(Viewer viewer, String clientAddress, Request asked, Map<String, List<String>> filters)
            throws IOException {
        viewer.require(Permission.EXPORT_AGGREGATES);
        DisclosureProfile profile = figures.profileFor(viewer, asked.profile());
        // Public figures cover whole years; the About sheet then describes the widened period.
        Request request = new Request(
                asked.format(), profile.scope(asked.query()), asked.locale(), asked.profile(), asked.reportLink());
        Locale locale = Messages.supported(request.locale());
        // Under public the dashboard is protected as one output: its governorate and perpetrator breakdowns are the
        // cross-tab's margins figure for figure (docs/disclosure-control.md, rule 9), so the sheets agree.
        Dashboard d = figures.dashboard(
                viewer,
                StatsRequest.dashboard(
                        request.query(),
                        Dimension.MONTH,
                        Dimension.GOVERNORATE,
                        Dimension.PERPETRATOR,
                        locale,
                        profile));
        boolean records = viewer.can(Permission.EXPORT_RECORDS) && profile == DisclosureProfile.INTERNAL;
        long rows = records ? search.countForExport(viewer, request.query()) : 0;
        WorkbookWriter.Content content = content(viewer, request, locale, profile, d, records, rows);
        filters.put("profile", List.of(profile.parameter()));
        audit.exported(viewer, clientAddress, Format.WORKBOOK.auditKind, filters, profile.parameter(), rows);
        DownloadName name = names.export(Format.WORKBOOK, request.query(), locale);
        return new PreparedExport(
                Format.WORKBOOK,
                rows,
                profile,
                name,
                (out, progress) -> new WorkbookWriter(maxRowsPerSheet).write(content, out, progress));
    }

    private WorkbookWriter.Content content(
            Viewer viewer,
            Request request,
            Locale locale,
            DisclosureProfile profile,
            Dashboard d,
            boolean records,
            long rows)
            throws IOException {
        Count counting = request.query().counting();
        String reportsLabel = t(counting == Count.PERSONS ? "export.sheet.persons" : "export.sheet.reports", locale);
        List<WorkbookWriter.Table> tables = List.of(
                breakdown("governorate", d.governorates(), locale, reportsLabel, counting),
                breakdown("perpetrator", d.perpetrators(), locale, reportsLabel, counting),
                breakdown("status", d.statuses(), locale, reportsLabel, counting),
                breakdown("time", d.series(), locale, reportsLabel, counting));
        Optional<WorkbookWriter.Records> recordSheets = Optional.empty();
        if (records) {
            RecordColumns columns = new RecordColumns(messages, gazetteer, locale, request.reportLink());
            recordSheets = Optional.of(new WorkbookWriter.Records(
                    t("export.sheet.records", locale),
                    columns,
                    each -> search.scan(viewer, request.query(), PAGE, each)));
        }
        ChartTexts.Footer footer = new ChartTexts.Footer(
                sources(viewer, request.query(), profile, locale), LocalDate.now(clock), facts.holdsSyntheticData());
        return new WorkbookWriter.Content(
                locale,
                Messages.isRightToLeft(locale),
                t("export.sheet.about", locale),
                about(viewer, request, locale, profile, d, records, rows),
                tables,
                t("export.sheet.crosstab", locale),
                texts.title(counting, Dimension.GOVERNORATE, Dimension.PERPETRATOR, locale),
                t("export.total", locale),
                d.crossTab(),
                recordSheets,
                profile == DisclosureProfile.PUBLIC ? Optional.of(figures.withheldNote(locale)) : Optional.empty(),
                texts.footer(footer, locale),
                texts.caveat(locale));
    }

    /**
     * The sources behind the figures, for the source line of the charts: those the filters name, else those with
     * reports in scope. Under {@code public} a source whose count is withheld is not named (naming it would say it
     * holds at least one report of these filters).
     */
    private List<String> sources(Viewer viewer, ReportQuery query, DisclosureProfile profile, Locale locale) {
        if (!query.sources().isEmpty()) {
            return query.sources().stream().sorted().toList();
        }
        return figures.sourcesBehind(viewer, query, locale, profile).named();
    }

    private WorkbookWriter.Table breakdown(
            String sheet, Breakdown b, Locale locale, String reportsLabel, Count counting) {
        List<String> header =
                List.of(t("export.column.label." + sheet, locale), t("export.column.key", locale), reportsLabel);
        List<WorkbookWriter.Note> notes = new ArrayList<>();
        notes.add(new WorkbookWriter.Note(t("export.total", locale), Optional.of(b.total())));
        if (b.dimension().isTime()) {
            notes.add(new WorkbookWriter.Note(t("export.imprecise", locale), Optional.of(b.imprecise())));
            // The note names what the sheet counts: persons or reports.
            notes.add(new WorkbookWriter.Note(
                    t(counting == Count.PERSONS ? "export.imprecise.note.persons" : "export.imprecise.note", locale),
                    Optional.empty()));
        }
        return new WorkbookWriter.Table(
                t("export.sheet." + sheet, locale),
                texts.title(counting, b.dimension(), locale),
                header,
                b,
                b.dimension().isTime(),
                notes);
    }

    private List<String[]> about(
            Viewer viewer,
            Request request,
            Locale locale,
            DisclosureProfile profile,
            Dashboard d,
            boolean records,
            long rows)
            throws IOException {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {t("export.about.title", locale)});
        lines.add(line("export.about.filters", texts.queryDescription().describe(request.query(), locale), locale));
        lines.add(line(
                request.query().counting() == Count.PERSONS ? "export.about.total.persons" : "export.about.total",
                Disclosure.shown(d.series().total(), locale),
                locale));
        if (request.query().counting() == Count.PERSONS) {
            // While pairs await review the persons total is a range; the sheet says so next to the total.
            StatsRequest persons = StatsRequest.breakdown(request.query(), Dimension.STATUS, locale, profile);
            texts.personsRange(figures.persons(viewer, persons), locale)
                    .ifPresent(r -> lines.add(line("export.about.persons.range", r, locale)));
        }
        lines.add(line("export.about.counting", texts.counting(request.query().counting(), locale), locale));
        lines.add(line("export.about.version", dataVersion(viewer, locale), locale));
        lines.add(line("export.about.generated-at", WHEN.format(clock.instant()), locale));
        lines.add(line("export.about.generated-by", viewer.username(), locale));
        lines.add(line(
                "export.about.profile",
                messages.get("export.profile." + profile.parameter(), locale, figures.k()),
                locale));
        lines.add(line("export.about.caveat", texts.caveat(locale), locale));
        lines.add(line("export.about.precision", t("export.about.precision.text", locale), locale));
        if (profile == DisclosureProfile.PUBLIC) {
            lines.add(line("export.about.withheld", figures.withheldNote(locale), locale));
        }
        if (facts.holdsSyntheticData()) {
            lines.add(line("export.about.data", messages.get("chart.footer.synthetic", locale), locale));
        }
        String recordsLine = records
                ? messages.get("export.about.records.included", locale, rows)
                : !viewer.can(Permission.EXPORT_RECORDS)
                        ? t("export.about.records.role", locale)
                        : t("export.about.records.public", locale);
        lines.add(line("export.about.records", recordsLine, locale));
        return lines;
    }

    /** The index the figures come from and when the last import into it ended. */
    private String dataVersion(Viewer viewer, Locale locale) throws IOException {
        String index = search.dataIndex(viewer);
        Optional<Instant> last = facts.lastImport();
        return last.map(i -> messages.get("export.about.version.text", locale, index, WHEN.format(i)))
                .orElseGet(() -> messages.get("export.about.version.none", locale, index));
    }

    private String[] line(String key, String value, Locale locale) {
        return new String[] {t(key, locale), value};
    }

    private String t(String key, Locale locale) {
        return messages.get(key, locale);
    }

    /** Writes a prepared export. */
    private interface Body {
        void write(OutputStream out, LongConsumer progress) throws IOException;
    }

    private record PreparedExport(Format format, long rows, DisclosureProfile profile, DownloadName name, Body body)
            implements Prepared {

        @Override
        public void write(OutputStream out, LongConsumer progress) throws IOException {
            try {
                body.write(out, progress);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
