package org.athar.api;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.athar.analytics.DisclosureProfile;
import org.athar.chart.ChartSize;
import org.athar.report.AgeGroup;
import org.athar.report.ConsentState;
import org.athar.report.District;
import org.athar.report.Gazetteer;
import org.athar.report.Gender;
import org.athar.report.Governorate;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.ReportStatus;
import org.athar.report.Vocabulary;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQueryParser;
import org.athar.search.ReportSearch;
import org.athar.search.ReportSort;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry;

/**
 * What each query parameter of {@link QueryParameterSet} means, as OpenAPI parameters kept once under
 * {@code components.parameters}. Allowed values come from the vocabularies themselves. A name a parser accepts but
 * this class does not describe is still listed (so the lists cannot drift), without a description or a schema, which
 * {@code OpenApiDocumentTest} reports.
 */
final class QueryParameterDocs {

    private static final String REPEAT = " Repeat the parameter or separate values with commas: any of them matches.";

    private final Map<String, Parameter> reportParameters = new LinkedHashMap<>();
    private final Map<String, Parameter> auditParameters = new LinkedHashMap<>();

    QueryParameterDocs(Gazetteer gazetteer) {
        describeFilters(gazetteer);
        describeOptions();
        describeAudit();
    }

    /** The key under {@code components.parameters} of {@code name} as {@code set} reads it. */
    static String key(QueryParameterSet set, String name) {
        return set.reportFilters() ? name : "audit_" + name;
    }

    /** Every parameter of every set, by key, to put under {@code components.parameters}. */
    Map<String, Parameter> components() {
        Map<String, Parameter> all = new LinkedHashMap<>();
        for (QueryParameterSet set : QueryParameterSet.values()) {
            for (String name : set.accepted()) {
                all.putIfAbsent(key(set, name), describe(set, name));
            }
        }
        return all;
    }

    private Parameter describe(QueryParameterSet set, String name) {
        Map<String, Parameter> known = set.reportFilters() ? reportParameters : auditParameters;
        return Optional.ofNullable(known.get(name))
                .orElseGet(() -> new Parameter().in("query").name(name));
    }

    private void describeFilters(Gazetteer gazetteer) {
        query(
                "q",
                new StringSchema(),
                "مختار",
                "Free text: phrases in quotes, -word to exclude, name: and narrative: prefixes. Arabic orthographic "
                        + "variants, diacritics and case are folded; Latin and Arabic spellings of a name find each "
                        + "other. A role without SEE_IDENTITIES gets a 403 for it.");
        list(
                "governorate",
                Stream.concat(gazetteer.governorates().stream().map(Governorate::pcode), Stream.of(Place.UNKNOWN))
                        .toList(),
                "SY02",
                "Governorate p-code (OCHA admin1), or 'unknown' for reports without one; case does not matter.");
        list(
                "district",
                Stream.concat(gazetteer.districts().stream().map(District::pcode), Stream.of(Place.UNKNOWN))
                        .toList(),
                "SY0200",
                "District p-code (OCHA admin2), or 'unknown'; case does not matter.");
        list("perpetrator", codes(PerpetratorCategory.values()), "government", "Alleged perpetrator category.");
        list("status", codes(ReportStatus.values()), "missing", "What is known of the person now.");
        list("gender", codes(Gender.values()), "female", "The person's gender.");
        list("age_group", codes(AgeGroup.values()), "child", "The person's age group.");
        list("source", List.of(), "snhr", "The source (organisation) that documented the report.");
        String interval = " A report matches only if its whole date interval lies inside from..to; 'imprecise' in the "
                + "answer counts reports left out as too imprecise or undated.";
        query(
                "from",
                date(),
                "2013-01-01",
                "Earliest disappearance date, YYYY-MM-DD, " + ReportQueryParser.EARLIEST + " to "
                        + ReportQueryParser.LATEST + "." + interval);
        query(
                "to",
                date(),
                "2013-12-31",
                "Latest disappearance date, YYYY-MM-DD, " + ReportQueryParser.EARLIEST + " to "
                        + ReportQueryParser.LATEST + ", not before from." + interval);
        query("has_location", new BooleanSchema(), true, "true: only reports placed on the map; false: only unplaced.");
        list(
                "consent",
                codes(ConsentState.values()),
                "yes",
                "The family's consent to sharing (consent_to_share): yes, no or unknown; reports imported without "
                        + "consent information are unknown.");
        query(
                "share_with",
                new StringSchema().maxLength(256),
                "UN IIMP",
                "A recipient's name, given once: reports whose share_with names it or says 'any' (case, Arabic "
                        + "orthographic variants and diacritics are folded). It does not look at the consent state: "
                        + "add consent=yes for the reports that may go to that recipient.");
    }

    private void describeOptions() {
        IntegerSchema size = new IntegerSchema();
        size.minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(ReportSearch.MAX_PAGE_SIZE));
        size.setDefault(50);
        query("size", size, 50, "Reports per page.");
        query("cursor", new StringSchema(), "eyJhZnRlciI6WzFdfQ", "The opaque 'next' of the previous page.");
        query(
                "sort",
                strings(Arrays.stream(ReportSort.values()).map(ReportSort::code).toList()),
                "-date",
                "Order of the hits; relevance when q is given, else -date. name and -name need SEE_IDENTITIES.");
        query("lang", strings(List.of("en", "ar")), "ar", "Language of labels and texts; English when absent.");
        query(
                "profile",
                strings(Arrays.stream(DisclosureProfile.values())
                        .map(DisclosureProfile::parameter)
                        .toList()),
                "public",
                "internal: exact counts; public: small counts suppressed, whole years. Absent: the role's default "
                        + "(ADVOCACY gets public and may not ask for internal).");
        query(
                "count",
                strings(Arrays.stream(Count.values()).map(Count::code).toList()),
                "persons",
                "What the figures count: reports, or persons (reports linked as one person count once). Default: "
                        + "reports for /api/v1/stats, persons for charts and workbooks.");
        List<String> dimensions =
                Arrays.stream(Dimension.values()).map(Dimension::parameter).toList();
        List<String> periods = Arrays.stream(Dimension.values())
                .filter(Dimension::isTime)
                .map(Dimension::parameter)
                .toList();
        query(
                "rows",
                strings(dimensions),
                "governorate",
                "Dimension of the cross-tab's rows; required for /api/v1/stats/crosstab, governorate elsewhere.");
        query(
                "columns",
                strings(dimensions),
                "perpetrator",
                "Dimension of the cross-tab's columns, not the rows' one; required for /api/v1/stats/crosstab, "
                        + "perpetrator elsewhere.");
        query(
                "granularity",
                strings(periods),
                "month",
                "Period of a time series: month for the dashboard, year for the timeline chart when absent.");
        query("by", strings(dimensions), "perpetrator", "Dimension of a breakdown chart; required for breakdown.");
        query("width", pixels(), 1600, "Width in pixels (PNG) or of the drawing (SVG, PDF); the screen's by default.");
        query("height", pixels(), 900, "Height in pixels (PNG) or of the drawing (SVG, PDF); the screen's by default.");
        IntegerSchema dpi = new IntegerSchema();
        dpi.minimum(BigDecimal.valueOf(ChartSize.MIN_DPI)).maximum(BigDecimal.valueOf(ChartSize.MAX_DPI));
        query("dpi", dpi, 300, "Dots per inch of a PNG (default 300); SVG and PDF are drawn at 96.");
        query(
                "download",
                new StringSchema(),
                "true",
                "Accepted and ignored: the file always comes as an attachment (Content-Disposition).");
        query(
                "recipient",
                new StringSchema(),
                "IIMP",
                "The registered recipient the package is for (GET /api/v1/admin/recipients), by name; case and "
                        + "Arabic spelling variants do not matter. Required.");
        query(
                "draft",
                new BooleanSchema(),
                false,
                "true: keep the package as a draft (counts, no file) even with SHARE; a viewer with only "
                        + "PREPARE_SHARE always gets a draft.");
    }

    private void describeAudit() {
        audit("user", new StringSchema(), "admin", "Username, exactly; give it once.");
        audit("action", strings(codes(AuditAction.values(), AuditAction::code)), "export", "What was done.");
        audit(
                "outcome",
                strings(codes(AuditEntry.Outcome.values(), AuditEntry.Outcome::code)),
                "denied",
                "How it ended.");
        String when = " A UTC date (YYYY-MM-DD) or an instant (2026-11-29T10:00:00Z), 1970-01-01 to 2100-12-31.";
        audit("from", new StringSchema(), "2026-11-01", "Entries from this time on." + when);
        audit(
                "to",
                new StringSchema(),
                "2026-11-30",
                "Entries before this instant, or up to the end of this date." + when);
        audit("client_address", new StringSchema(), "203.0.113.7", "The client's address, exactly.");
        IntegerSchema offset = new IntegerSchema();
        offset.minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(AuditParameters.MAX_WINDOW - 1));
        offset.setDefault(0);
        audit(
                "offset",
                offset,
                0,
                "Entries to skip, newest first; offset + limit reach " + AuditParameters.MAX_WINDOW
                        + " entries at most (audit.csv has them all).");
        IntegerSchema limit = new IntegerSchema();
        limit.minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(AuditParameters.MAX_LIMIT));
        limit.setDefault(50);
        audit("limit", limit, 50, "Entries in the window.");
    }

    private void query(String name, Schema<?> schema, Object example, String description) {
        reportParameters.put(name, parameter(name, schema, example, description));
    }

    /** A filter given several times or with commas: an array, one value per repetition. */
    private void list(String name, List<String> allowed, String example, String description) {
        Parameter p = parameter(
                name,
                new ArraySchema().items(allowed.isEmpty() ? new StringSchema() : strings(allowed)),
                null,
                description + REPEAT);
        p.style(Parameter.StyleEnum.FORM).explode(true).example(List.of(example));
        reportParameters.put(name, p);
    }

    private void audit(String name, Schema<?> schema, Object example, String description) {
        auditParameters.put(name, parameter(name, schema, example, description));
    }

    private static Parameter parameter(String name, Schema<?> schema, Object example, String description) {
        return new Parameter()
                .in("query")
                .name(name)
                .required(false)
                .description(description)
                .schema(schema)
                .example(example);
    }

    private static StringSchema strings(List<String> allowed) {
        StringSchema s = new StringSchema();
        s.setEnum(allowed);
        return s;
    }

    private static StringSchema date() {
        StringSchema s = new StringSchema();
        s.format("date");
        return s;
    }

    private static IntegerSchema pixels() {
        IntegerSchema s = new IntegerSchema();
        s.minimum(BigDecimal.valueOf(ChartSize.MIN_PIXELS)).maximum(BigDecimal.valueOf(ChartSize.MAX_PIXELS));
        return s;
    }

    private static List<String> codes(Vocabulary[] values) {
        return Arrays.stream(values).map(Vocabulary::code).toList();
    }

    private static <T> List<String> codes(T[] values, Function<T, String> code) {
        return Arrays.stream(values).map(code).toList();
    }
}
