package org.athar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

public class ReportJsonTest {

    private final ObjectMapper mapper = ReportJson.newMapper();

    /** A report with every field set, Arabic and Latin text; other tests derive their synthetic reports from it. */
    public static Report fullReport() {
        return new Report(
                "A-0001",
                "SNHR",
                new Victim(
                        "مُحمّد أحمد",
                        Optional.of("Muḥammad Aḥmad"),
                        Gender.MALE,
                        Optional.of(34),
                        AgeGroup.ADULT,
                        Optional.of("teacher")),
                Disappearance.of(ReportDate.month(YearMonth.of(2013, 5))),
                new Place("SY02", "SY0200", Optional.of("حيّ الشَّعار"), Optional.of(new GeoPoint(36.2, 37.1))),
                new Perpetrator(PerpetratorCategory.GOVERNMENT, Optional.of("فرع المخابرات الجوية")),
                ReportStatus.MISSING,
                Optional.of(LocalDate.of(2014, 1, 1)),
                Optional.of("Arrested at a checkpoint; اعتُقل على حاجز"),
                true,
                new Provenance(
                        "batch-7",
                        "snhr-2013.csv",
                        12,
                        Instant.parse("2026-11-29T03:00:00Z"),
                        "admin",
                        "a".repeat(64),
                        Provenance.KEYED),
                null);
    }

    static Report minimalReport() {
        return new Report(
                "A-0002",
                "SNHR",
                new Victim(
                        "سامر", Optional.empty(), Gender.UNKNOWN, Optional.empty(), AgeGroup.UNKNOWN, Optional.empty()),
                Disappearance.of(ReportDate.unknown()),
                Place.unknown(),
                new Perpetrator(PerpetratorCategory.UNKNOWN, Optional.empty()),
                ReportStatus.UNKNOWN,
                Optional.empty(),
                Optional.empty(),
                false,
                new Provenance(
                        "batch-7",
                        "snhr-2013.csv",
                        13,
                        Instant.parse("2026-11-29T03:00:00Z"),
                        "admin",
                        "b".repeat(64),
                        Provenance.KEYED),
                null);
    }

    @Test
    void a_report_is_written_with_exactly_the_contract_field_names() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(fullReport()));

        assertThat(names(json))
                .containsExactly(
                        "id",
                        "report_id",
                        "source",
                        "victim",
                        "disappearance",
                        "place",
                        "perpetrator",
                        "status",
                        "status_date",
                        "narrative",
                        "narrative_folded",
                        "synthetic",
                        "consent",
                        "provenance");
        // A report without consent information is unknown: shared with nobody (issue 21).
        assertThat(names(json.get("consent"))).containsExactly("state", "share_with", "share_with_folded");
        assertThat(json.get("consent").get("state").asText()).isEqualTo("unknown");
        assertThat(names(json.get("victim")))
                .containsExactly(
                        "name",
                        "name_latin",
                        "name_folded",
                        "name_latin_folded",
                        "name_skeleton",
                        "gender",
                        "age",
                        "age_group",
                        "occupation");
        assertThat(names(json.get("disappearance"))).containsExactly("date", "date_end", "precision");
        assertThat(names(json.get("place")))
                .containsExactly("governorate", "district", "locality", "locality_folded", "location");
        assertThat(names(json.get("place").get("location"))).containsExactly("lat", "lon");
        assertThat(names(json.get("perpetrator"))).containsExactly("category", "detail", "detail_folded");
        assertThat(names(json.get("provenance")))
                .containsExactly(
                        "batch_id",
                        "file_name",
                        "row_number",
                        "imported_at",
                        "imported_by",
                        "content_hash",
                        "hash_scheme");
    }

    @Test
    void values_are_written_as_codes_iso_dates_and_folded_text() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(fullReport()));

        assertThat(json.get("id").asText())
                .isEqualTo(Report.idFor("SNHR", "A-0001"))
                .hasSize(32);
        assertThat(json.at("/victim/gender").asText()).isEqualTo("male");
        assertThat(json.at("/victim/age").asInt()).isEqualTo(34);
        assertThat(json.at("/victim/age_group").asText()).isEqualTo("adult");
        assertThat(json.at("/victim/name_folded").asText()).isEqualTo("محمد احمد");
        assertThat(json.at("/victim/name_latin_folded").asText()).isEqualTo("muhammad ahmad");
        assertThat(json.at("/victim/name_skeleton").asText())
                .isEqualTo(NameSkeleton.of(json.at("/victim/name").asText()) + " mhmd hmd");
        assertThat(json.at("/disappearance/date").asText()).isEqualTo("2013-05-01");
        assertThat(json.at("/disappearance/date_end").asText()).isEqualTo("2013-05-31");
        assertThat(json.at("/disappearance/precision").asText()).isEqualTo("month");
        assertThat(json.at("/place/locality_folded").asText()).isEqualTo("حي الشعار");
        assertThat(json.at("/place/location/lat").asDouble()).isEqualTo(36.2);
        assertThat(json.at("/perpetrator/category").asText()).isEqualTo("government");
        assertThat(json.at("/perpetrator/detail_folded").asText()).isEqualTo("فرع المخابرات الجويه");
        assertThat(json.at("/status").asText()).isEqualTo("missing");
        assertThat(json.at("/status_date").asText()).isEqualTo("2014-01-01");
        assertThat(json.at("/narrative_folded").asText()).isEqualTo("arrested at a checkpoint; اعتقل علي حاجز");
        assertThat(json.at("/synthetic").asBoolean()).isTrue();
        assertThat(json.at("/provenance/row_number").asLong()).isEqualTo(12);
        assertThat(json.at("/provenance/imported_at").asText()).isEqualTo("2026-11-29T03:00:00Z");
    }

    @Test
    void absent_optional_values_are_left_out_rather_than_written_as_null() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(minimalReport()));

        assertThat(names(json)).doesNotContain("status_date", "narrative", "narrative_folded");
        assertThat(names(json.get("victim")))
                .containsExactly("name", "name_folded", "name_skeleton", "gender", "age_group");
        assertThat(names(json.get("disappearance"))).containsExactly("precision");
        assertThat(json.at("/disappearance/precision").asText()).isEqualTo("unknown");
        assertThat(names(json.get("place"))).containsExactly("governorate", "district");
        assertThat(json.at("/place/governorate").asText()).isEqualTo("unknown");
        assertThat(names(json.get("perpetrator"))).containsExactly("category");
        assertThat(json.at("/synthetic").asBoolean()).isFalse();
    }

    @Test
    void a_report_read_back_equals_the_report_written() throws Exception {
        for (Report report : List.of(fullReport(), minimalReport())) {
            String json = mapper.writeValueAsString(report);
            assertThat(mapper.readValue(json, Report.class)).isEqualTo(report);
        }
    }

    @Test
    void stale_derived_fields_in_a_stored_document_are_replaced_on_read() throws Exception {
        String json = mapper.writeValueAsString(fullReport())
                .replace(Report.idFor("SNHR", "A-0001"), "0".repeat(32))
                .replace("\"name_folded\":\"محمد احمد\"", "\"name_folded\":\"stale\"");
        Report read = mapper.readValue(json, Report.class);
        assertThat(read.id()).isEqualTo(Report.idFor("SNHR", "A-0001"));
        assertThat(read.victim().nameFolded()).isEqualTo("محمد احمد");
    }

    @Test
    void a_document_with_a_code_outside_the_vocabulary_is_refused() throws Exception {
        String json = mapper.writeValueAsString(fullReport()).replace("\"status\":\"missing\"", "\"status\":\"lost\"");
        assertThatThrownBy(() -> mapper.readValue(json, Report.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("'lost' is not a ReportStatus code");
    }

    private static List<String> names(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
                .toList();
    }
}
