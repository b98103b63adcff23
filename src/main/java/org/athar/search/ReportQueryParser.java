package org.athar.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.athar.report.AgeGroup;
import org.athar.report.ConsentState;
import org.athar.report.Gazetteer;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.ReportStatus;
import org.athar.report.Vocabulary;

/**
 * Reads a {@link ReportQuery} from request parameters (the API's and the search page's URL use the same names):
 * {@code q, governorate, district, perpetrator, status, gender, age_group, source, from, to, has_location, consent,
 * share_with}. Several
 * values are given by repeating a parameter or separating values with commas. Anything unknown is a 400 naming the
 * parameter and the accepted values.
 */
public final class ReportQueryParser {

    public static final List<String> NAMES = List.of(
            "q",
            "governorate",
            "district",
            "perpetrator",
            "status",
            "gender",
            "age_group",
            "source",
            "from",
            "to",
            "has_location",
            "consent",
            "share_with");

    /**
     * The dates a filter may name: reports are dated from 1900 (the importer rejects earlier dates) up to today, and
     * a date far outside, such as {@code +999999999-12-31}, would reach the engine as a range it cannot take.
     */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** The longest recipient name a filter may give: the index keeps names up to 256 characters. */
    private static final int MAX_RECIPIENT = 256;

    private ReportQueryParser() {}

    public static ReportQuery parse(Map<String, List<String>> params, Gazetteer gazetteer) {
        Optional<LocalDate> from = date(params, "from");
        Optional<LocalDate> to = date(params, "to");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new BadParameterException("from", "from (" + from.get() + ") is after to (" + to.get() + ")");
        }
        return new ReportQuery(
                QueryText.parse(String.join(" ", params.getOrDefault("q", List.of()))),
                places(
                        params,
                        "governorate",
                        p -> gazetteer.governorate(p).isPresent(),
                        "a governorate p-code SY01–SY14"),
                places(params, "district", p -> gazetteer.district(p).isPresent(), "a district p-code such as SY0200"),
                vocabulary(params, "perpetrator", PerpetratorCategory.values()),
                vocabulary(params, "status", ReportStatus.values()),
                vocabulary(params, "gender", Gender.values()),
                vocabulary(params, "age_group", AgeGroup.values()),
                new LinkedHashSet<>(values(params, "source")),
                from,
                to,
                bool(params, "has_location"),
                count(params),
                vocabulary(params, "consent", ConsentState.values()),
                shareWith(params));
    }

    /**
     * {@code share_with=NAME}: one recipient's name as written (it may hold commas, so it is not split); the engine
     * compares it folded.
     */
    private static Optional<String> shareWith(Map<String, List<String>> params) {
        List<String> given = params.getOrDefault("share_with", List.of()).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        if (given.size() > 1) {
            throw new BadParameterException(
                    "share_with",
                    "share_with names one recipient; give it once (the filter keeps reports whose "
                            + "share_with names that recipient or any)");
        }
        if (!given.isEmpty() && given.get(0).length() > MAX_RECIPIENT) {
            throw new BadParameterException(
                    "share_with",
                    "share_with is longer than " + MAX_RECIPIENT + " characters; give a recipient's name");
        }
        return given.stream().findFirst();
    }

    /** {@code count=persons|reports}, for the statistics, charts and exports that accept it. */
    private static Optional<Count> count(Map<String, List<String>> params) {
        List<String> given = params.getOrDefault("count", List.of());
        if (given.isEmpty() || given.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Count.fromCode(given.get(0))
                .orElseThrow(() -> new BadParameterException(
                        "count", "count '" + given.get(0) + "' is not one of persons, reports")));
    }

    /** The parameters that {@link #parse} reads back into the same query: the search page's URL. */
    public static Map<String, List<String>> format(ReportQuery q) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!q.text().isEmpty()) {
            out.put("q", List.of(q.text().display()));
        }
        put(out, "governorate", q.governorates());
        put(out, "district", q.districts());
        put(out, "perpetrator", q.perpetrators().stream().map(Vocabulary::code).toList());
        put(out, "status", q.statuses().stream().map(Vocabulary::code).toList());
        put(out, "gender", q.genders().stream().map(Vocabulary::code).toList());
        put(out, "age_group", q.ageGroups().stream().map(Vocabulary::code).toList());
        put(out, "source", q.sources());
        q.from().ifPresent(d -> out.put("from", List.of(d.toString())));
        q.to().ifPresent(d -> out.put("to", List.of(d.toString())));
        q.hasLocation().ifPresent(h -> out.put("has_location", List.of(h.toString())));
        q.count().ifPresent(c -> out.put("count", List.of(c.code())));
        put(out, "consent", q.consents().stream().map(Vocabulary::code).toList());
        q.shareWith().ifPresent(r -> out.put("share_with", List.of(r)));
        return out;
    }

    private static void put(Map<String, List<String>> out, String name, Collection<String> values) {
        if (!values.isEmpty()) {
            out.put(name, values.stream().sorted().toList());
        }
    }

    static List<String> values(Map<String, List<String>> params, String name) {
        List<String> out = new ArrayList<>();
        for (String raw : params.getOrDefault(name, List.of())) {
            Arrays.stream(raw.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(out::add);
        }
        return out;
    }

    private static Set<String> places(
            Map<String, List<String>> params, String name, Function<String, Boolean> known, String accepted) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values(params, name)) {
            String code = v.toUpperCase(Locale.ROOT);
            if (v.equalsIgnoreCase(Place.UNKNOWN)) {
                out.add(Place.UNKNOWN);
            } else if (known.apply(code)) {
                out.add(code);
            } else {
                throw new BadParameterException(
                        name, name + " '" + v + "' is not known; give " + accepted + " or 'unknown'");
            }
        }
        return out;
    }

    private static <T extends Enum<T> & Vocabulary> Set<T> vocabulary(
            Map<String, List<String>> params, String name, T[] all) {
        Set<T> out = new LinkedHashSet<>();
        for (String v : values(params, name)) {
            T found = Arrays.stream(all)
                    .filter(x -> x.code().equalsIgnoreCase(v))
                    .findFirst()
                    .orElseThrow(() -> new BadParameterException(
                            name,
                            name + " '" + v + "' is not one of "
                                    + Arrays.stream(all).map(Vocabulary::code).collect(Collectors.joining(", "))));
            out.add(found);
        }
        return out;
    }

    private static Optional<LocalDate> date(Map<String, List<String>> params, String name) {
        List<String> v = values(params, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(v.get(0));
        } catch (DateTimeParseException e) {
            date = null;
        }
        // One fixed sentence, without the value: it may hold anything, and the caller has it.
        if (date == null || date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new BadParameterException(
                    name, name + " must be a date from " + EARLIEST + " to " + LATEST + ", written YYYY-MM-DD");
        }
        return Optional.of(date);
    }

    private static Optional<Boolean> bool(Map<String, List<String>> params, String name) {
        List<String> v = values(params, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return switch (v.get(0).toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new BadParameterException(name, name + " '" + v.get(0) + "' is not true or false");
        };
    }
}
