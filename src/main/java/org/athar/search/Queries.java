package org.athar.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athar.report.Consent;
import org.athar.report.ConsentState;
import org.athar.report.NameSkeleton;
import org.athar.report.TextFolding;

/** The pieces of the translation of a {@link ReportQuery}: filters, the date-interval rule, free text. */
final class Queries {

    private static final List<String> NAME_FIELDS = List.of("victim.name", "victim.name_latin");
    private static final List<String> NAME_FOLDED = List.of("victim.name_folded", "victim.name_latin_folded");
    private static final List<String> NARRATIVE_FIELDS = List.of("narrative");
    private static final List<String> NARRATIVE_FOLDED = List.of("narrative_folded");
    private static final List<String> OTHER_FIELDS = List.of("place.locality", "perpetrator.detail");
    private static final List<String> OTHER_FOLDED = List.of("place.locality_folded", "perpetrator.detail_folded");
    private static final String SKELETON = "victim.name_skeleton";
    private static final String CONSENT_STATE = "consent.state";
    private static final String SHARE_WITH_FOLDED = "consent.share_with_folded";

    private Queries() {}

    static void filters(BoolQuery.Builder b, ReportQuery q) {
        filtersExcept(b, q, Optional.empty());
    }

    /** The filters of {@code q} but the one on {@code skipped}: a facet counts its values as if none were chosen. */
    static void filtersExcept(BoolQuery.Builder b, ReportQuery q, Optional<Facet> skipped) {
        Map<Facet, List<FieldValue>> chosen = new EnumMap<>(Facet.class);
        chosen.put(Facet.GOVERNORATE, ReportQueryStore.values(q.governorates()));
        chosen.put(Facet.DISTRICT, ReportQueryStore.values(q.districts()));
        chosen.put(Facet.PERPETRATOR, ReportQueryStore.codes(q.perpetrators()));
        chosen.put(Facet.STATUS, ReportQueryStore.codes(q.statuses()));
        chosen.put(Facet.GENDER, ReportQueryStore.codes(q.genders()));
        chosen.put(Facet.AGE_GROUP, ReportQueryStore.codes(q.ageGroups()));
        chosen.put(Facet.SOURCE, ReportQueryStore.values(q.sources()));
        chosen.forEach((facet, values) -> {
            if (skipped.filter(facet::equals).isEmpty()) {
                terms(b, facet.field(), values);
            }
        });
        consent(b, q);
        q.hasLocation().ifPresent(has -> {
            Query exists = Query.of(e -> e.exists(x -> x.field("place.location")));
            if (has) {
                b.filter(exists);
            } else {
                b.mustNot(exists);
            }
        });
    }

    /**
     * Consent filters. A report stored before consent was recorded has no {@code consent.state} and counts as
     * unknown; {@code share_with} matches the recipient's folded name or {@code any}, whatever the state.
     */
    private static void consent(BoolQuery.Builder b, ReportQuery q) {
        if (!q.consents().isEmpty()) {
            List<FieldValue> states = ReportQueryStore.codes(q.consents());
            Query stated = Query.of(t -> t.terms(x -> x.field(CONSENT_STATE).terms(v -> v.value(states))));
            if (q.consents().contains(ConsentState.UNKNOWN)) {
                Query unstated = Query.of(u -> u.bool(n -> n.mustNot(m -> m.exists(e -> e.field(CONSENT_STATE)))));
                b.filter(f -> f.bool(any -> any.should(stated, unstated).minimumShouldMatch("1")));
            } else {
                b.filter(stated);
            }
        }
        q.shareWith()
                .ifPresent(recipient -> terms(
                        b,
                        SHARE_WITH_FOLDED,
                        List.of(FieldValue.of(Consent.ANY), FieldValue.of(Consent.foldRecipient(recipient)))));
    }

    private static void terms(BoolQuery.Builder b, String field, List<FieldValue> values) {
        if (!values.isEmpty()) {
            b.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(values))));
        }
    }

    // Whole interval inside [from, to]: start >= from and end <= to. An undated report is never inside a range.
    static void dateInside(BoolQuery.Builder b, ReportQuery q) {
        q.from()
                .ifPresent(from -> b.filter(f ->
                        f.range(r -> r.date(d -> d.field("disappearance.date").gte(from.toString())))));
        q.to().ifPresent(to -> b.filter(f ->
                f.range(r -> r.date(d -> d.field("disappearance.date_end").lte(to.toString())))));
    }

    /**
     * Reports the other filters match that a date range leaves out because their date is too imprecise to place
     * (the interval overlaps the range without lying inside it) or unknown.
     */
    static Query leftOutByDateRange(ReportQuery q) {
        ReportQuery withoutDates = q.withoutDates().withCount(Optional.empty());
        Query overlaps = Query.of(o -> o.bool(b -> {
            q.to().ifPresent(to -> b.filter(f ->
                    f.range(r -> r.date(d -> d.field("disappearance.date").lte(to.toString())))));
            q.from()
                    .ifPresent(from -> b.filter(f -> f.range(
                            r -> r.date(d -> d.field("disappearance.date_end").gte(from.toString())))));
            b.filter(f -> f.exists(e -> e.field("disappearance.date")));
            return b.mustNot(m -> m.bool(inside -> {
                dateInside(inside, q);
                return inside;
            }));
        }));
        Query undated = Query.of(u -> u.bool(b -> b.mustNot(m -> m.exists(e -> e.field("disappearance.date")))));
        return Query.of(x -> x.bool(b -> {
            filters(b, withoutDates);
            text(b, withoutDates.text());
            return b.filter(f -> f.bool(any -> any.should(overlaps, undated).minimumShouldMatch("1")));
        }));
    }

    static void text(BoolQuery.Builder b, QueryText text) {
        for (QueryText.Clause c : text.included()) {
            b.must(clause(c, true));
        }
        for (QueryText.Clause c : text.excluded()) {
            b.mustNot(clause(c, false));
        }
    }

    /**
     * A clause matches the words as typed (ranked first), their folded form (Arabic variants, diacritics, case) and,
     * for names, their cross-script consonant skeleton (ranked last), whichever scores best.
     */
    private static Query clause(QueryText.Clause c, boolean withSkeleton) {
        List<Query> options = new ArrayList<>();
        String folded = TextFolding.fold(c.text());
        for (String field : exactFields(c.field())) {
            options.add(match(field, c.text(), c.phrase(), 3.0f));
        }
        for (String field : foldedFields(c.field())) {
            options.add(match(field, folded, c.phrase(), 2.0f));
        }
        String skeleton = NameSkeleton.of(c.text());
        if (withSkeleton && c.field() != QueryText.Field.NARRATIVE && !skeleton.isBlank()) {
            options.add(match(SKELETON, skeleton, c.phrase(), 1.0f));
        }
        return Query.of(q -> q.disMax(d -> d.queries(options)));
    }

    private static Query match(String field, String text, boolean phrase, float boost) {
        if (phrase) {
            return Query.of(q -> q.matchPhrase(m -> m.field(field).query(text).boost(boost)));
        }
        return Query.of(q ->
                q.match(m -> m.field(field).query(text).operator(Operator.And).boost(boost)));
    }

    private static List<String> exactFields(QueryText.Field field) {
        return switch (field) {
            case NAME -> NAME_FIELDS;
            case NARRATIVE -> NARRATIVE_FIELDS;
            case ANY -> concat(NAME_FIELDS, NARRATIVE_FIELDS, OTHER_FIELDS);
        };
    }

    private static List<String> foldedFields(QueryText.Field field) {
        return switch (field) {
            case NAME -> NAME_FOLDED;
            case NARRATIVE -> NARRATIVE_FOLDED;
            case ANY -> concat(NAME_FOLDED, NARRATIVE_FOLDED, OTHER_FOLDED);
        };
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
