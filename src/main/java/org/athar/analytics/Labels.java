package org.athar.analytics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.athar.i18n.Messages;
import org.athar.report.AgeGroup;
import org.athar.report.Gazetteer;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.athar.report.Vocabulary;
import org.athar.search.Dimension;

/** The label of a dimension value in a language: place names, vocabulary labels, periods, "Unknown". */
final class Labels {

    private final Messages messages;
    private final Gazetteer gazetteer;

    Labels(Messages messages, Gazetteer gazetteer) {
        this.messages = messages;
        this.gazetteer = gazetteer;
    }

    Heading heading(Dimension dimension, String key, Locale locale) {
        return new Heading(key, label(dimension, key, Messages.supported(locale)));
    }

    private String label(Dimension dimension, String key, Locale locale) {
        if (dimension.isTime()) {
            return period(dimension, key, locale);
        }
        Optional<Vocabulary> term = vocabulary(dimension, key);
        if (term.isPresent()) {
            return messages.get(term.get().messageKey(), locale);
        }
        if (Heading.UNKNOWN.equals(key)) {
            return messages.get("stats.unknown", locale);
        }
        return switch (dimension) {
            case GOVERNORATE, DISTRICT -> gazetteer.label(key, locale);
            // A source's name and a code outside the vocabulary are shown as stored, so nothing is hidden.
            default -> key;
        };
    }

    private String period(Dimension granularity, String key, Locale locale) {
        LocalDate start = Periods.start(granularity, key);
        // Years are passed as text: a number would be grouped ("2,013") by the message format.
        String year = String.valueOf(start.getYear());
        return switch (granularity) {
            case YEAR -> year;
            case QUARTER ->
                messages.get("stats.quarter", locale, String.valueOf((start.getMonthValue() - 1) / 3 + 1), year);
            default -> messages.get("month." + start.getMonthValue(), locale) + " " + year;
        };
    }

    private static Optional<Vocabulary> vocabulary(Dimension dimension, String code) {
        Vocabulary[] values = switch (dimension) {
            case PERPETRATOR -> PerpetratorCategory.values();
            case STATUS -> ReportStatus.values();
            case GENDER -> Gender.values();
            case AGE_GROUP -> AgeGroup.values();
            default -> new Vocabulary[0];
        };
        return Arrays.stream(values).filter(v -> v.code().equals(code)).findFirst();
    }
}
