package org.athar.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.athar.i18n.Messages;
import org.athar.platform.FormulaGuard;
import org.athar.report.Disappearance;
import org.athar.report.Gazetteer;
import org.athar.report.GeoPoint;
import org.athar.report.Place;
import org.athar.report.VisibleReport;

/**
 * The columns of an export of records (CSV and the workbook's Records sheet): the fields of the data model in the
 * order of docs/data-format.md, the place names in the export's language, the date interval with its precision, the
 * provenance and a link back to the report in Athar. English headers are the import column names, Arabic headers
 * the Arabic ones the importer accepts, so an exported file imports back.
 */
public final class RecordColumns {

    /** How a value is written: text, a number, a date, a yes/no, an instant (ISO text). */
    public enum Kind {
        TEXT,
        NUMBER,
        DATE,
        BOOLEAN,
        INSTANT
    }

    /** One column: its machine name (the English header), what it holds and how to read it from a report. */
    public record Column(String name, Kind kind, Function<VisibleReport, Optional<?>> value) {}

    private final List<Column> columns;
    private final Messages messages;
    private final Locale locale;

    /**
     * @param reportLink the address of a report page without the id, e.g. {@code https://athar.example/report/}
     */
    public RecordColumns(Messages messages, Gazetteer gazetteer, Locale locale, String reportLink) {
        this.messages = messages;
        this.locale = Messages.supported(locale);
        Locale l = this.locale;
        Function<String, String> place =
                code -> Place.UNKNOWN.equals(code) ? messages.get("stats.unknown", l) : gazetteer.label(code, l);
        this.columns = List.of(
                text("id", VisibleReport::id),
                text("report_id", VisibleReport::reportId),
                text("source", VisibleReport::source),
                opt("victim_name", Kind.TEXT, r -> r.victim().name()),
                opt("victim_name_latin", Kind.TEXT, r -> r.victim().nameLatin()),
                text("gender", r -> r.victim().gender().code()),
                opt("age", Kind.NUMBER, r -> r.victim().age()),
                text("age_group", r -> r.victim().ageGroup().code()),
                opt("occupation", Kind.TEXT, r -> r.victim().occupation()),
                opt("disappeared_on", Kind.TEXT, r -> asKnown(r.disappearance())),
                opt("disappeared_from", Kind.DATE, r -> r.disappearance().date()),
                opt("disappeared_to", Kind.DATE, r -> r.disappearance().dateEnd()),
                text("date_precision", r -> r.disappearance().precision().code()),
                text("governorate", r -> r.place().governorate()),
                text("governorate_name", r -> place.apply(r.place().governorate())),
                text("district", r -> r.place().district()),
                text("district_name", r -> place.apply(r.place().district())),
                opt("locality", Kind.TEXT, r -> r.place().locality()),
                opt("latitude", Kind.NUMBER, r -> r.place().location().map(GeoPoint::lat)),
                opt("longitude", Kind.NUMBER, r -> r.place().location().map(GeoPoint::lon)),
                text("perpetrator", r -> r.perpetrator().category().code()),
                opt("perpetrator_detail", Kind.TEXT, r -> r.perpetrator().detail()),
                text("status", r -> r.status().code()),
                opt("status_date", Kind.DATE, VisibleReport::statusDate),
                opt("narrative", Kind.TEXT, VisibleReport::narrative),
                // The import's consent columns, so an export re-imports with its consent; the note, free text that
                // may name people, is in the report only for a reader who sees identities (like the narrative).
                text("consent_to_share", r -> r.consent().state().code()),
                opt("share_with", Kind.TEXT, r -> shareWith(r.consent())),
                opt("consent_date", Kind.DATE, r -> r.consent().date()),
                opt("consent_note", Kind.TEXT, r -> r.consent().note()),
                opt("identities_withheld", Kind.BOOLEAN, r -> Optional.of(r.identitiesWithheld())),
                opt("synthetic", Kind.BOOLEAN, r -> Optional.of(r.synthetic())),
                text("batch_id", r -> r.provenance().batchId()),
                text("file_name", r -> r.provenance().fileName()),
                opt("row_number", Kind.NUMBER, r -> Optional.of(r.provenance().rowNumber())),
                opt("imported_at", Kind.INSTANT, r -> Optional.of(r.provenance().importedAt())),
                text("imported_by", r -> r.provenance().importedBy()),
                opt("content_hash", Kind.TEXT, r -> r.provenance().contentHash()),
                text("link", r -> reportLink + r.id()));
    }

    public List<Column> columns() {
        return columns;
    }

    /** The header of a column in the export's language. */
    public String header(Column column) {
        return messages.get("export.column." + column.name(), locale);
    }

    public List<String> headers() {
        return columns.stream().map(this::header).toList();
    }

    /** The value as CSV text: ISO dates and instants, plain numbers, true/false, texts guarded against formulas. */
    public static String text(Column column, VisibleReport report) {
        Optional<?> value = column.value().apply(report);
        if (value.isEmpty()) {
            return "";
        }
        Object v = value.get();
        return switch (column.kind()) {
            case TEXT -> FormulaGuard.safe(v.toString());
            case NUMBER -> v instanceof Double d ? plain(d) : v.toString();
            case DATE, BOOLEAN -> v.toString();
            case INSTANT -> ((Instant) v).toString();
        };
    }

    /** The disappearance date as precisely as it is known: {@code 2014-02-11}, {@code 2015-07}, {@code 2016}. */
    static Optional<String> asKnown(Disappearance d) {
        Optional<LocalDate> start = d.date();
        return switch (d.precision()) {
            case DAY -> start.map(LocalDate::toString);
            case MONTH -> start.map(s -> s.toString().substring(0, 7));
            case YEAR -> start.map(s -> String.valueOf(s.getYear()));
            case UNKNOWN -> Optional.empty();
        };
    }

    /** The recipients as the importer reads them back: separated by "; ". */
    private static Optional<String> shareWith(VisibleReport.Agreement consent) {
        return consent.shareWith().isEmpty() ? Optional.empty() : Optional.of(String.join("; ", consent.shareWith()));
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static Column text(String name, Function<VisibleReport, String> value) {
        return new Column(name, Kind.TEXT, r -> Optional.ofNullable(value.apply(r)));
    }

    private static Column opt(String name, Kind kind, Function<VisibleReport, Optional<?>> value) {
        return new Column(name, kind, value);
    }
}
