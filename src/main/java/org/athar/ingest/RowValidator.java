package org.athar.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.athar.i18n.Text;
import org.athar.report.AgeGroup;
import org.athar.report.Consent;
import org.athar.report.DateParseResult;
import org.athar.report.Disappearance;
import org.athar.report.Gazetteer;
import org.athar.report.Gender;
import org.athar.report.GeoPoint;
import org.athar.report.Perpetrator;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.Provenance;
import org.athar.report.Report;
import org.athar.report.ReportDate;
import org.athar.report.ReportDates;
import org.athar.report.ReportStatus;
import org.athar.report.UnknownMarkers;
import org.athar.report.Victim;

/**
 * Turns one raw row into a report or the full list of what is wrong with it. An honestly unknown value (empty,
 * "unknown", "مجهول") is never a reason to reject: a missing person with an unknown date or place is still missing.
 */
final class RowValidator {

    /** The outcome for one row: a report, or every reason it was rejected. */
    sealed interface Outcome permits Accepted, Rejected {}

    record Accepted(Report report) implements Outcome {}

    record Rejected(List<RowError> errors) implements Outcome {}

    /** What every row of one batch shares, with the keyed digest its rows are recognised by. */
    record BatchContext(
            String batchId,
            String fileName,
            ImportOptions options,
            Instant importedAt,
            LocalDate today,
            RowDigest digest,
            CellAnswers cells) {

        BatchContext(
                String batchId,
                String fileName,
                ImportOptions options,
                Instant importedAt,
                LocalDate today,
                RowDigest digest) {
            this(batchId, fileName, options, importedAt, today, digest, new CellAnswers());
        }
    }

    private final Gazetteer gazetteer;

    RowValidator(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    Outcome validate(RawRow row, BatchContext batch) {
        if (row.unreadable().isPresent()) {
            // The reader's detail stays as written (often the parser's own words); the sentence around it is
            // translated.
            String detail = row.unreadable().get();
            return new Rejected(
                    List.of(new RowError(row.number(), "row", detail, Text.of("import.error.unreadable", detail))));
        }
        Errors errors = new Errors(row.number());
        String reportId = text(row, Columns.REPORT_ID).orElse("");
        if (reportId.isEmpty()) {
            errors.add(Columns.REPORT_ID, Text.of("import.error.report-id-empty", Columns.REPORT_ID));
        }
        Optional<String> source =
                text(row, Columns.SOURCE).or(() -> batch.options().source());
        if (source.isEmpty()) {
            errors.add(Columns.SOURCE, Text.of("import.error.source-missing", Columns.SOURCE));
        }
        String name = text(row, Columns.VICTIM_NAME).orElse("");
        if (name.isEmpty()) {
            errors.add(Columns.VICTIM_NAME, Text.of("import.error.name-empty", Columns.VICTIM_NAME));
        }
        CellAnswers cells = batch.cells();
        ReportDate date = date(row, Columns.DISAPPEARED_ON, batch, errors);
        ReportDate statusDate = date(row, Columns.STATUS_DATE, batch, errors);
        Optional<Integer> age = age(row, cells, errors);
        Gender gender = vocabulary(
                row,
                cells,
                Columns.GENDER,
                Gender::fromText,
                Gender.UNKNOWN,
                errors,
                Text.of("import.accepted.gender"));
        ReportStatus status = vocabulary(
                row,
                cells,
                Columns.STATUS,
                ReportStatus::fromText,
                ReportStatus.UNKNOWN,
                errors,
                Text.of("import.accepted.status"));
        Place place = place(row, cells, errors);
        Consent consent = ConsentColumns.read(row, cells, batch.today(), errors.list);
        if (!errors.list.isEmpty()) {
            return new Rejected(errors.list);
        }
        Report report = new Report(
                reportId,
                source.get(),
                new Victim(
                        name,
                        text(row, Columns.VICTIM_NAME_LATIN),
                        gender,
                        age,
                        AgeGroup.of(age.orElse(null)),
                        text(row, Columns.OCCUPATION)),
                Disappearance.of(date),
                place,
                perpetrator(row, cells),
                status,
                statusDate.start(),
                text(row, Columns.NARRATIVE),
                batch.options().synthetic() || OriginColumns.synthetic(row),
                new Provenance(
                        batch.batchId(),
                        batch.fileName(),
                        row.number(),
                        batch.importedAt(),
                        batch.options().importedBy(),
                        batch.digest().keyed(row),
                        Provenance.KEYED,
                        OriginColumns.read(row)),
                consent);
        return new Accepted(report);
    }

    private static Optional<String> text(RawRow row, String column) {
        return Optional.of(row.value(column).strip()).filter(s -> !s.isEmpty());
    }

    private static ReportDate date(RawRow row, String column, BatchContext batch, Errors errors) {
        String value = row.value(column).strip();
        DateParseResult parsed = batch.cells().of(CellAnswers.DATE, value, v -> ReportDates.parse(v, batch.today()));
        if (parsed instanceof DateParseResult.Rejected rejected) {
            Object[] args = rejected.args().toArray();
            errors.list.add(new RowError(
                    errors.row,
                    column,
                    rejected.message(),
                    Text.of(
                            "import.error.date",
                            value,
                            Text.of("import.error.date." + rejected.code(), args),
                            Text.of("import.error.date.forms"))));
        }
        return parsed.date().orElse(ReportDate.unknown());
    }

    private static Optional<Integer> age(RawRow row, CellAnswers cells, Errors errors) {
        String value = asciiDigits(row.value(Columns.AGE).strip());
        if (cells.of(CellAnswers.UNKNOWN, value, UnknownMarkers::isUnknown)) {
            return Optional.empty();
        }
        try {
            int age = Integer.parseInt(value);
            if (age >= 0 && age <= AgeGroup.MAX_AGE) {
                return Optional.of(age);
            }
        } catch (NumberFormatException notAnInteger) {
            // reported below
        }
        errors.add(Columns.AGE, Text.of("import.error.age", value, String.valueOf(AgeGroup.MAX_AGE)));
        return Optional.empty();
    }

    private static <T> T vocabulary(
            RawRow row,
            CellAnswers cells,
            String column,
            Function<String, Optional<T>> lookup,
            T unknown,
            Errors errors,
            Text accepted) {
        String value = row.value(column).strip();
        // Empty: the value says "unknown"; otherwise what the vocabulary found for it.
        Optional<Optional<T>> answer = cells.of(
                column, value, v -> UnknownMarkers.isUnknown(v) ? Optional.empty() : Optional.of(lookup.apply(v)));
        if (answer.isEmpty()) {
            return unknown;
        }
        Optional<T> found = answer.get();
        if (found.isEmpty()) {
            errors.add(column, Text.of("import.error.vocabulary", column, value, accepted));
        }
        return found.orElse(unknown);
    }

    private Place place(RawRow row, CellAnswers cells, Errors errors) {
        String governorateText = row.value(Columns.GOVERNORATE).strip();
        Optional<String> governorate = Optional.empty();
        if (!cells.of(CellAnswers.UNKNOWN, governorateText, UnknownMarkers::isUnknown)) {
            governorate = cells.of(Columns.GOVERNORATE, governorateText, gazetteer::resolveGovernorate);
            if (governorate.isEmpty()) {
                errors.add(Columns.GOVERNORATE, Text.of("import.error.governorate", governorateText));
            }
        }
        String districtText = row.value(Columns.DISTRICT).strip();
        Optional<String> district = Optional.empty();
        if (!cells.of(CellAnswers.UNKNOWN, districtText, UnknownMarkers::isUnknown)) {
            Optional<String> in = governorate;
            district = cells.of(
                    Columns.DISTRICT + '\u0000' + in.orElse(""), districtText, t -> gazetteer.resolveDistrict(t, in));
            if (district.isEmpty()) {
                errors.add(
                        Columns.DISTRICT,
                        governorate
                                .map(g -> Text.of("import.error.district.in", districtText, g))
                                .orElseGet(() -> Text.of("import.error.district", districtText)));
            }
        }
        Optional<GeoPoint> location = location(row, errors);
        // A district names its governorate: a row that gives only the district is placed in both.
        Optional<String> districtPcode = district;
        String gov =
                governorate.or(() -> districtPcode.map(d -> d.substring(0, 4))).orElse(Place.UNKNOWN);
        return errors.list.isEmpty()
                ? new Place(gov, district.orElse(Place.UNKNOWN), text(row, Columns.LOCALITY), location)
                : Place.unknown();
    }

    private static Optional<GeoPoint> location(RawRow row, Errors errors) {
        String lat = asciiDigits(row.value(Columns.LATITUDE).strip());
        String lon = asciiDigits(row.value(Columns.LONGITUDE).strip());
        if (lat.isEmpty() && lon.isEmpty()) {
            return Optional.empty();
        }
        try {
            double la = Double.parseDouble(lat);
            double lo = Double.parseDouble(lon);
            if (la >= -90 && la <= 90 && lo >= -180 && lo <= 180) {
                return Optional.of(new GeoPoint(la, lo));
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(
                lat.isEmpty() || lon.isEmpty()
                        ? (lat.isEmpty() ? Columns.LATITUDE : Columns.LONGITUDE)
                        : Columns.LATITUDE,
                Text.of("import.error.location", lat, lon));
        return Optional.empty();
    }

    private static Perpetrator perpetrator(RawRow row, CellAnswers cells) {
        String text = row.value(Columns.PERPETRATOR).strip();
        Optional<String> detail = text(row, Columns.PERPETRATOR_DETAIL);
        PerpetratorCategory category = cells.of(Columns.PERPETRATOR, text, PerpetratorCategory::classify);
        if (category == PerpetratorCategory.OTHER) {
            // Unrecognised text is kept word for word, never lost.
            detail = Optional.of(detail.map(d -> text + " — " + d).orElse(text));
        }
        return new Perpetrator(category, detail);
    }

    static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + c - '\u06F0'));
            } else {
                out.append(c == '\u066B' ? '.' : c);
            }
        }
        return out.toString();
    }

    private static final class Errors {
        private final long row;
        private final List<RowError> list = new ArrayList<>();

        Errors(long row) {
            this.row = row;
        }

        void add(String field, Text reason) {
            list.add(RowError.of(row, field, reason));
        }
    }
}
