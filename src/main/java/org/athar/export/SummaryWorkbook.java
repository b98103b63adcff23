package org.athar.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Heading;
import org.athar.chart.ChartTexts;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.ReportStatus;
import org.athar.report.Vocabulary;
import org.athar.search.Count;
import org.athar.search.Dimension;

/**
 * The export workbook's aggregate sheets (About, governorate, perpetrator, status, years, the cross-tab) for figures
 * counted by the caller, without a Records sheet, internal profile (exact counts): the summary of a package sent to a
 * partner, whose reports are not a search query the statistics could count again.
 */
public final class SummaryWorkbook {

    /**
     * Reports counted by governorate (p-code or {@code unknown}), perpetrator and status codes, year of disappearance
     * ({@code undated}: year not known), and governorate × perpetrator.
     */
    public record Counts(
            long total,
            Map<String, Long> governorates,
            Map<String, Long> perpetrators,
            Map<String, Long> statuses,
            SortedMap<Integer, Long> years,
            long undated,
            Map<String, Map<String, Long>> governorateByPerpetrator) {}

    /** Codes in order, "unknown" last. */
    private static final Comparator<String> UNKNOWN_LAST =
            Comparator.comparing((String k) -> k.equals(Place.UNKNOWN)).thenComparing(Comparator.naturalOrder());

    private final Messages messages;
    private final Gazetteer gazetteer;
    private final ChartTexts texts;

    public SummaryWorkbook(Messages messages, Gazetteer gazetteer) {
        this.messages = messages;
        this.gazetteer = gazetteer;
        this.texts = new ChartTexts(messages, gazetteer);
    }

    /** Writes the workbook to {@code out} (left open) with {@code about} (label, text) as its About sheet. */
    public void write(Counts counts, List<String[]> about, List<String> sources, OutputStream out) throws IOException {
        Locale locale = Locale.ENGLISH;
        String label = t("export.sheet.reports", locale);
        List<WorkbookWriter.Table> tables = List.of(
                table("governorate", breakdown(Dimension.GOVERNORATE, counts.total(), counts.governorates()), label),
                table("perpetrator", breakdown(Dimension.PERPETRATOR, counts.total(), counts.perpetrators()), label),
                table("status", breakdown(Dimension.STATUS, counts.total(), counts.statuses()), label),
                table("time", years(counts), label));
        WorkbookWriter.Content content = new WorkbookWriter.Content(
                locale,
                false,
                t("export.sheet.about", locale),
                about,
                tables,
                t("export.sheet.crosstab", locale),
                texts.title(Count.REPORTS, Dimension.GOVERNORATE, Dimension.PERPETRATOR, locale),
                t("export.total", locale),
                crossTab(counts),
                Optional.empty(),
                Optional.empty(),
                String.join(", ", sources),
                texts.caveat(locale));
        new WorkbookWriter(WorkbookWriter.EXCEL_MAX_ROWS).write(content, out, n -> {});
    }

    private WorkbookWriter.Table table(String sheet, Breakdown b, String reportsLabel) {
        Locale locale = Locale.ENGLISH;
        List<String> header =
                List.of(t("export.column.label." + sheet, locale), t("export.column.key", locale), reportsLabel);
        List<WorkbookWriter.Note> notes = new ArrayList<>();
        notes.add(new WorkbookWriter.Note(t("export.total", locale), Optional.of(b.total())));
        if (b.dimension().isTime()) {
            notes.add(new WorkbookWriter.Note(t("export.imprecise", locale), Optional.of(b.imprecise())));
        }
        return new WorkbookWriter.Table(
                t("export.sheet." + sheet, locale),
                texts.title(Count.REPORTS, b.dimension(), locale),
                header,
                b,
                b.dimension().isTime(),
                notes);
    }

    private Breakdown breakdown(Dimension dimension, long total, Map<String, Long> counts) {
        List<Bucket> buckets = counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(UNKNOWN_LAST))
                .map(e -> new Bucket(e.getKey(), label(dimension, e.getKey()), OptionalLong.of(e.getValue())))
                .toList();
        return new Breakdown(
                dimension, DisclosureProfile.INTERNAL, OptionalLong.of(total), OptionalLong.of(0), buckets);
    }

    // Every year from the first to the last, empty ones included, as the Over time sheet shows them.
    private Breakdown years(Counts counts) {
        List<Bucket> buckets = new ArrayList<>();
        if (!counts.years().isEmpty()) {
            for (int y = counts.years().firstKey(); y <= counts.years().lastKey(); y++) {
                buckets.add(new Bucket(
                        String.valueOf(y),
                        String.valueOf(y),
                        OptionalLong.of(counts.years().getOrDefault(y, 0L))));
            }
        }
        return new Breakdown(
                Dimension.YEAR,
                DisclosureProfile.INTERNAL,
                OptionalLong.of(counts.total()),
                OptionalLong.of(counts.undated()),
                buckets);
    }

    private CrossTab crossTab(Counts counts) {
        List<String> rows = counts.governorateByPerpetrator().keySet().stream()
                .sorted(UNKNOWN_LAST)
                .toList();
        List<String> columns = counts.governorateByPerpetrator().values().stream()
                .flatMap(m -> m.keySet().stream())
                .distinct()
                .sorted(UNKNOWN_LAST)
                .toList();
        List<List<OptionalLong>> cells = new ArrayList<>();
        List<OptionalLong> rowTotals = new ArrayList<>();
        long[] columnTotals = new long[columns.size()];
        for (String row : rows) {
            Map<String, Long> byColumn = counts.governorateByPerpetrator().get(row);
            List<OptionalLong> line = new ArrayList<>();
            long sum = 0;
            for (int c = 0; c < columns.size(); c++) {
                long n = byColumn.getOrDefault(columns.get(c), 0L);
                line.add(OptionalLong.of(n));
                columnTotals[c] += n;
                sum += n;
            }
            cells.add(line);
            rowTotals.add(OptionalLong.of(sum));
        }
        return new CrossTab(
                Dimension.GOVERNORATE,
                Dimension.PERPETRATOR,
                DisclosureProfile.INTERNAL,
                rows.stream()
                        .map(k -> new Heading(k, label(Dimension.GOVERNORATE, k)))
                        .toList(),
                columns.stream()
                        .map(k -> new Heading(k, label(Dimension.PERPETRATOR, k)))
                        .toList(),
                cells,
                rowTotals,
                Arrays.stream(columnTotals).mapToObj(OptionalLong::of).toList(),
                OptionalLong.of(counts.total()),
                OptionalLong.of(0));
    }

    private String label(Dimension dimension, String key) {
        Locale locale = Locale.ENGLISH;
        if (Heading.UNKNOWN.equals(key)) {
            return t("stats.unknown", locale);
        }
        Vocabulary[] terms = switch (dimension) {
            case PERPETRATOR -> PerpetratorCategory.values();
            case STATUS -> ReportStatus.values();
            default -> new Vocabulary[0];
        };
        return Arrays.stream(terms)
                .filter(v -> v.code().equals(key))
                .findFirst()
                .map(v -> t(v.messageKey(), locale))
                .orElseGet(() -> dimension == Dimension.GOVERNORATE ? gazetteer.label(key, locale) : key);
    }

    private String t(String key, Locale locale) {
        return messages.get(key, locale);
    }
}
