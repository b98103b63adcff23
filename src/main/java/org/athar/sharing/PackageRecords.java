package org.athar.sharing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.athar.ingest.Columns;
import org.athar.platform.FormulaGuard;
import org.athar.report.Disappearance;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Report;
import org.athar.report.ReportJson;

/**
 * A report as a package carries it: the JSON record of reports.jsonl and the row of reports.csv (docs/sharing.md).
 * Derived fields and the keyed row digest never leave; a pseudonymised recipient gets the pseudonym as {@code id}
 * and nothing that names or places the person.
 */
final class PackageRecords {

    static final int SCHEMA_VERSION = 1;

    private final ObjectMapper json = ReportJson.newMapper();
    private final boolean pseudonymised;

    PackageRecords(boolean pseudonymised) {
        this.pseudonymised = pseudonymised;
    }

    /** The reports.jsonl record of {@code report}, whose id for the recipient is {@code id}. */
    ObjectNode record(Report report, String id) {
        ObjectNode stored = json.valueToTree(report);
        ObjectNode out = json.createObjectNode();
        out.put("schema_version", SCHEMA_VERSION);
        out.put("id", id);
        stored.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("id")) {
                out.set(f.getKey(), f.getValue());
            }
        });
        out.remove("narrative_folded");
        object(out, "perpetrator").ifPresent(p -> p.remove("detail_folded"));
        object(out, "victim").ifPresent(v -> v.remove(List.of("name_folded", "name_latin_folded", "name_skeleton")));
        object(out, "place").ifPresent(p -> p.remove("locality_folded"));
        object(out, "consent").ifPresent(c -> c.remove("share_with_folded"));
        object(out, "provenance").ifPresent(p -> p.remove(List.of("content_hash", "hash_scheme")));
        if (pseudonymised) {
            out.remove(List.of("report_id", "narrative"));
            object(out, "victim").ifPresent(v -> v.remove(List.of("name", "name_latin", "occupation")));
            object(out, "place").ifPresent(p -> p.remove(List.of("locality", "location")));
            object(out, "consent").ifPresent(c -> c.remove("note"));
            object(out, "provenance").ifPresent(p -> p.retain("imported_at"));
        }
        return out;
    }

    /** The reports.csv row: the import columns ({@link Columns#CANONICAL}), guarded against formulas. */
    List<String> row(Report report, String id) {
        boolean full = !pseudonymised;
        List<String> row = new ArrayList<>(Columns.CANONICAL.size());
        for (String column : Columns.CANONICAL) {
            Optional<String> value = switch (column) {
                case Columns.REPORT_ID -> Optional.of(id);
                case Columns.SOURCE -> Optional.of(report.source());
                case Columns.VICTIM_NAME -> full ? Optional.of(report.victim().name()) : Optional.empty();
                case Columns.VICTIM_NAME_LATIN -> full ? report.victim().nameLatin() : Optional.empty();
                case Columns.GENDER -> Optional.of(report.victim().gender().code());
                case Columns.AGE -> report.victim().age().map(String::valueOf);
                case Columns.OCCUPATION -> full ? report.victim().occupation() : Optional.empty();
                case Columns.DISAPPEARED_ON -> asKnown(report.disappearance());
                case Columns.GOVERNORATE -> Optional.of(report.place().governorate());
                case Columns.DISTRICT -> Optional.of(report.place().district());
                case Columns.LOCALITY -> full ? report.place().locality() : Optional.empty();
                case Columns.LATITUDE -> full ? report.place().location().map(p -> plain(p.lat())) : Optional.empty();
                case Columns.LONGITUDE -> full ? report.place().location().map(p -> plain(p.lon())) : Optional.empty();
                case Columns.PERPETRATOR ->
                    Optional.of(report.perpetrator().category().code());
                case Columns.PERPETRATOR_DETAIL -> report.perpetrator().detail();
                case Columns.STATUS -> Optional.of(report.status().code());
                case Columns.STATUS_DATE -> report.statusDate().map(LocalDate::toString);
                case Columns.NARRATIVE -> full ? report.narrative() : Optional.empty();
                case Columns.CONSENT_TO_SHARE ->
                    Optional.of(report.consent().state().code());
                case Columns.SHARE_WITH ->
                    Optional.of(String.join(";", report.consent().shareWith()));
                case Columns.CONSENT_DATE -> report.consent().date().map(LocalDate::toString);
                case Columns.CONSENT_NOTE -> full ? report.consent().note() : Optional.empty();
                default -> throw new IllegalStateException(column + " has no value in a package's CSV");
            };
            row.add(FormulaGuard.safe(value.orElse("")));
        }
        return row;
    }

    // The importer keeps a perpetrator it does not recognise word for word as the detail of "other": that text goes
    // back into the perpetrator column, so the row imports back to the same category and detail.
    private static String perpetrator(Report report) {
        return other(report)
                ? report.perpetrator().detail().orElse(PerpetratorCategory.OTHER.code())
                : report.perpetrator().category().code();
    }

    private static boolean other(Report report) {
        return report.perpetrator().category() == PerpetratorCategory.OTHER;
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

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static Optional<ObjectNode> object(ObjectNode node, String field) {
        JsonNode child = node.get(field);
        return child instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    }
}
