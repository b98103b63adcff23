package org.athar.ingest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.athar.i18n.Text;
import org.athar.report.Consent;
import org.athar.report.ConsentState;
import org.athar.report.DateParseResult;
import org.athar.report.DatePrecision;
import org.athar.report.ReportDate;
import org.athar.report.ReportDates;
import org.athar.report.UnknownMarkers;

/**
 * Reads the four consent columns of a row (issue 21). An empty {@code consent_to_share} is unknown, and unknown or no
 * is never shareable whatever {@code share_with} says, so a contradictory row is stored as written and shared with
 * nobody rather than rejected (the disappearance it documents is not lost over a consent detail).
 */
final class ConsentColumns {

    /** Words documenters write for "every recipient" in {@code share_with}. */
    private static final List<String> ANY_WORDS = List.of(Consent.ANY, "all", "الجميع", "أي جهة", "اي جهة", "الكل");

    private ConsentColumns() {}

    static Consent read(RawRow row, CellAnswers cells, LocalDate today, List<RowError> errors) {
        String stateText = row.value(Columns.CONSENT_TO_SHARE).strip();
        ConsentState state = ConsentState.UNKNOWN;
        if (!stateText.isEmpty()) {
            Optional<ConsentState> found = cells.of(Columns.CONSENT_TO_SHARE, stateText, ConsentState::fromText);
            if (found.isEmpty()) {
                errors.add(RowError.of(
                        row.number(),
                        Columns.CONSENT_TO_SHARE,
                        Text.of(
                                "import.error.vocabulary",
                                Columns.CONSENT_TO_SHARE,
                                stateText,
                                Text.of("import.accepted.consent"))));
            }
            state = found.orElse(ConsentState.UNKNOWN);
        }
        List<String> shareWith = Arrays.stream(row.value(Columns.SHARE_WITH).split("[;؛]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> ANY_WORDS.stream().anyMatch(w -> w.equalsIgnoreCase(s)) ? Consent.ANY : s)
                .distinct()
                .toList();
        return new Consent(state, shareWith, date(row, cells, today, errors), text(row, Columns.CONSENT_NOTE));
    }

    private static Optional<LocalDate> date(RawRow row, CellAnswers cells, LocalDate today, List<RowError> errors) {
        String value = row.value(Columns.CONSENT_DATE).strip();
        if (cells.of(CellAnswers.UNKNOWN, value, UnknownMarkers::isUnknown)) {
            return Optional.empty();
        }
        DateParseResult parsed = cells.of(CellAnswers.DATE, value, v -> ReportDates.parse(v, today));
        Optional<ReportDate> date = parsed.date().filter(d -> d.precision() == DatePrecision.DAY);
        if (date.isEmpty()) {
            // Consent is given on a day: a month or a year cannot tell whether it came before a transfer.
            errors.add(RowError.of(row.number(), Columns.CONSENT_DATE, Text.of("import.error.consent-date", value)));
            return Optional.empty();
        }
        return date.get().start();
    }

    private static Optional<String> text(RawRow row, String column) {
        return Optional.of(row.value(column).strip()).filter(s -> !s.isEmpty());
    }
}
