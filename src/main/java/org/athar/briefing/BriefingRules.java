package org.athar.briefing;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.StatsParameters;
import org.athar.analytics.StatsRequest;
import org.athar.chart.ChartService;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.athar.report.Vocabulary;
import org.athar.search.BadParameterException;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;

/**
 * What a briefing may hold, checked once for the API and the editor: each refusal is a {@link BadParameterException}
 * naming the field ({@code title}, {@code figures[1].filters}, {@code charts[0].by}, …). Filters are stored in the
 * canonical form {@link ReportQueryParser#format} gives, so an equal filter set is always written the same way.
 */
public final class BriefingRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 6000;
    public static final int MAX_CAPTION = 400;
    public static final int MAX_FIGURES = 12;
    public static final int MAX_CHARTS = 20;
    /** What a key figure can give the share of. */
    public static final List<Dimension> SHARE_DIMENSIONS = List.of(Dimension.PERPETRATOR, Dimension.STATUS);

    private BriefingRules() {}

    /** The draft with its filters in canonical form; a 400 naming the first field that is not acceptable. */
    public static BriefingDraft check(BriefingDraft d, Gazetteer gazetteer) {
        String title = Optional.ofNullable(d.title()).map(String::strip).orElse("");
        if (title.isEmpty()) {
            throw new BadParameterException("title", "title is required");
        }
        if (title.length() > MAX_TITLE) {
            throw new BadParameterException("title", "title is longer than " + MAX_TITLE + " characters");
        }
        locale(d.language());
        profile(d.profile());
        if (d.text().length() > MAX_TEXT) {
            throw new BadParameterException("text", "text is longer than " + MAX_TEXT + " characters");
        }
        if (d.figures().size() > MAX_FIGURES) {
            throw new BadParameterException("figures", "a briefing holds at most " + MAX_FIGURES + " key figures");
        }
        if (d.charts().size() > MAX_CHARTS) {
            throw new BadParameterException("charts", "a briefing holds at most " + MAX_CHARTS + " charts");
        }
        ReportQuery whole = query(d.filters(), "filters", gazetteer);
        List<KeyFigure> figures = new ArrayList<>();
        for (int i = 0; i < d.figures().size(); i++) {
            KeyFigure f = figure(d.figures().get(i), "figures[" + i + "]", gazetteer);
            within(whole, query(f.filters(), "figures[" + i + "].filters", gazetteer), "figures[" + i + "].filters");
            figures.add(f);
        }
        List<ChartItem> charts = new ArrayList<>();
        for (int i = 0; i < d.charts().size(); i++) {
            ChartItem c = d.charts().get(i);
            String field = "charts[" + i + "]";
            if (c.caption().map(String::length).orElse(0) > MAX_CAPTION) {
                throw new BadParameterException(
                        field + ".caption", field + ".caption is longer than " + MAX_CAPTION + " characters");
            }
            spec(c, canonical(whole), field, gazetteer, Messages.ENGLISH, DisclosureProfile.PUBLIC);
            charts.add(new ChartItem(
                    c.kind().strip(),
                    canonical(query(c.filters(), field + ".filters", gazetteer)),
                    c.by(),
                    c.rows(),
                    c.columns(),
                    c.caption().map(String::strip)));
        }
        return new BriefingDraft(
                title,
                d.language().strip(),
                d.profile().strip(),
                canonical(whole),
                d.text().strip(),
                figures,
                charts);
    }

    /**
     * The filters an item is computed with: the briefing's, narrowed by the item's own. A filter the item sets on a
     * field the briefing also sets must lie within it (a subset of its values, dates inside its range); otherwise a
     * 400 naming {@code field}. What is counted (persons or reports) is the item's choice, not a filter.
     */
    public static ReportQuery effective(String briefingFilters, String itemFilters, String field, Gazetteer gazetteer) {
        ReportQuery whole = query(briefingFilters, "filters", gazetteer);
        ReportQuery own = query(itemFilters, field, gazetteer);
        return within(whole, own, field);
    }

    /**
     * The parameters ({@code governorate}, {@code from}, …) on which {@code own} is outside {@code whole}; empty
     * when it only narrows. The editor shows these next to the item.
     */
    public static List<String> outside(ReportQuery whole, ReportQuery own) {
        List<String> out = new ArrayList<>();
        addIfOutside(out, "governorate", whole.governorates(), own.governorates());
        addIfOutside(out, "district", whole.districts(), own.districts());
        addIfOutside(out, "perpetrator", whole.perpetrators(), own.perpetrators());
        addIfOutside(out, "status", whole.statuses(), own.statuses());
        addIfOutside(out, "gender", whole.genders(), own.genders());
        addIfOutside(out, "age_group", whole.ageGroups(), own.ageGroups());
        addIfOutside(out, "source", whole.sources(), own.sources());
        addIfOutside(out, "consent", whole.consents(), own.consents());
        if (whole.shareWith().isPresent()
                && own.shareWith().isPresent()
                && !whole.shareWith().equals(own.shareWith())) {
            out.add("share_with");
        }
        // A date outside the briefing's range on either side: before its start or after its end.
        if (own.from()
                .filter(d -> whole.from().filter(d::isBefore).isPresent()
                        || whole.to().filter(d::isAfter).isPresent())
                .isPresent()) {
            out.add("from");
        }
        if (own.to()
                .filter(d -> whole.to().filter(d::isAfter).isPresent()
                        || whole.from().filter(d::isBefore).isPresent())
                .isPresent()) {
            out.add("to");
        }
        if (whole.hasLocation().isPresent()
                && own.hasLocation().isPresent()
                && !whole.hasLocation().equals(own.hasLocation())) {
            out.add("has_location");
        }
        return out;
    }

    private static <T> void addIfOutside(List<String> out, String name, Set<T> whole, Set<T> own) {
        if (!whole.isEmpty() && !own.isEmpty() && !whole.containsAll(own)) {
            out.add(name);
        }
    }

    private static ReportQuery within(ReportQuery whole, ReportQuery own, String field) {
        List<String> outside = outside(whole, own);
        if (!outside.isEmpty()) {
            throw new BadParameterException(
                    field,
                    field + ": " + String.join(", ", outside) + " lies outside the " + "briefing's filters ("
                            + canonical(whole) + "); a figure or chart may only narrow them");
        }
        LocalDate from = later(whole.from(), own.from()).orElse(null);
        LocalDate to = earlier(whole.to(), own.to()).orElse(null);
        return own.withGovernorates(or(own.governorates(), whole.governorates()))
                .withDistricts(or(own.districts(), whole.districts()))
                .withPerpetrators(or(own.perpetrators(), whole.perpetrators()))
                .withStatuses(or(own.statuses(), whole.statuses()))
                .withGenders(or(own.genders(), whole.genders()))
                .withAgeGroups(or(own.ageGroups(), whole.ageGroups()))
                .withSources(or(own.sources(), whole.sources()))
                .within(Optional.ofNullable(from), Optional.ofNullable(to))
                .withHasLocation(own.hasLocation().or(whole::hasLocation))
                .withConsents(or(own.consents(), whole.consents()))
                .withShareWith(own.shareWith().or(whole::shareWith))
                .withCount(own.count().or(whole::count));
    }

    private static <T> Set<T> or(Set<T> own, Set<T> whole) {
        return own.isEmpty() ? whole : own;
    }

    private static Optional<LocalDate> later(Optional<LocalDate> a, Optional<LocalDate> b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }

    private static Optional<LocalDate> earlier(Optional<LocalDate> a, Optional<LocalDate> b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    public static Locale locale(String language) {
        return switch (Optional.ofNullable(language).map(String::strip).orElse("")) {
            case "en" -> Messages.ENGLISH;
            case "ar" -> Messages.ARABIC;
            default -> throw new BadParameterException("language", "language '" + language + "' is not one of en, ar");
        };
    }

    public static DisclosureProfile profile(String profile) {
        return DisclosureProfile.fromParameter(
                        Optional.ofNullable(profile).map(String::strip).orElse(""))
                .orElseThrow(() -> new BadParameterException(
                        "profile", "profile '" + profile + "' is not one of internal, public"));
    }

    /** The filters of a figure or chart; {@code field} names them in a refusal. */
    public static ReportQuery query(String filters, String field, Gazetteer gazetteer) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : Optional.ofNullable(filters)
                .orElse("")
                .strip()
                .replaceFirst("^\\?", "")
                .split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            // count=persons|reports is what a figure or chart counts (persons when absent), as for the chart API.
            if (!ReportQueryParser.NAMES.contains(name) && !"count".equals(name)) {
                throw new BadParameterException(
                        field,
                        field + ": unknown filter '" + name + "'; accepted: "
                                + String.join(", ", ReportQueryParser.NAMES.subList(1, ReportQueryParser.NAMES.size()))
                                + ", count");
            }
            if ("q".equals(name)) {
                // A count of reports matching typed words can single out a person: briefings are aggregates only.
                throw new BadParameterException(
                        field,
                        field + ": free text (q) is not allowed in a briefing; "
                                + "briefings hold aggregates only, use the filters");
            }
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        try {
            return ReportQueryParser.parse(params, gazetteer);
        } catch (BadParameterException e) {
            throw new BadParameterException(field, field + ": " + e.getMessage());
        }
    }

    /** The filters as the query string of {@code /api/v1/reports}, in a fixed order. */
    public static String canonical(ReportQuery query) {
        List<String> pairs = new ArrayList<>();
        ReportQueryParser.format(query)
                .forEach((name, values) -> values.forEach(v -> pairs.add(encode(name) + "=" + encode(v))));
        return String.join("&", pairs);
    }

    /**
     * The chart a briefing item asks for, with the briefing's filters narrowed by its own ({@link #effective}); a 400
     * naming the field of the item that is wrong.
     */
    public static ChartService.Spec spec(
            ChartItem c,
            String briefingFilters,
            String field,
            Gazetteer gazetteer,
            Locale locale,
            DisclosureProfile profile) {
        String kindText = Optional.ofNullable(c.kind()).map(String::strip).orElse("");
        ChartService.Kind kind = ChartService.Kind.fromParameter(kindText)
                .orElseThrow(() -> new BadParameterException(
                        field + ".kind",
                        field + ".kind '" + kindText + "' is not one of timeline, breakdown, crosstab, map"));
        ReportQuery query = effective(briefingFilters, c.filters(), field + ".filters", gazetteer);
        Map<String, List<String>> params = new LinkedHashMap<>();
        c.by().ifPresent(v -> params.put("by", List.of(v)));
        c.rows().ifPresent(v -> params.put("rows", List.of(v)));
        c.columns().ifPresent(v -> params.put("columns", List.of(v)));
        StatsRequest request = StatsParameters.parse(
                params,
                new StatsParameters.Form(kind.statistic(), StatsParameters.Style.BRIEFING, field),
                profile.scope(query),
                locale,
                profile);
        return new ChartService.Spec(kind, request);
    }

    private static KeyFigure figure(KeyFigure f, String field, Gazetteer gazetteer) {
        String filters = canonical(query(f.filters(), field + ".filters", gazetteer));
        if (f.shareDimension().isEmpty() && f.shareKey().isEmpty()) {
            return KeyFigure.count(filters);
        }
        Dimension dimension = shareDimension(f, field);
        String key = f.shareKey()
                .map(String::strip)
                .orElseThrow(() -> new BadParameterException(
                        field + ".share_key", field + ".share_key is required with share_dimension"));
        Vocabulary[] values = dimension == Dimension.PERPETRATOR ? PerpetratorCategory.values() : ReportStatus.values();
        boolean known = Arrays.stream(values).anyMatch(v -> v.code().equals(key));
        if (!known) {
            throw new BadParameterException(
                    field + ".share_key",
                    field + ".share_key '" + key + "' is not a " + dimension.parameter() + " code");
        }
        return KeyFigure.share(filters, dimension.parameter(), key);
    }

    /** The dimension whose share a figure gives (perpetrator or status). */
    static Dimension shareDimension(KeyFigure f, String field) {
        String text = f.shareDimension().map(String::strip).orElse("");
        return Dimension.fromParameter(text)
                .filter(SHARE_DIMENSIONS::contains)
                .orElseThrow(() -> new BadParameterException(
                        field + ".share_dimension",
                        field + ".share_dimension '" + text + "' is not one of perpetrator, status"));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("filters", "filters '" + s + "' is not a valid query string");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
