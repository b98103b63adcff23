package org.athar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The copy a reader receives: every contract field, or the same without identities, keys left out. */
class VisibleReportTest {

    private final ObjectMapper mapper = ReportJson.newMapper();

    @Test
    void a_full_copy_is_written_with_the_contract_fields_and_without_the_derived_search_fields() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsBytes(VisibleReport.full(ReportJsonTest.fullReport())));

        assertThat(names(json))
                .containsExactly(
                        "id",
                        "report_id",
                        "source",
                        "identities_withheld",
                        "victim",
                        "disappearance",
                        "place",
                        "perpetrator",
                        "status",
                        "status_date",
                        "narrative",
                        "synthetic",
                        "consent",
                        "provenance");
        assertThat(names(json.get("victim")))
                .containsExactly("name", "name_latin", "gender", "age", "age_group", "occupation");
        assertThat(names(json.get("place"))).containsExactly("governorate", "district", "locality", "location");
        assertThat(names(json.get("provenance")))
                .containsExactly(
                        "batch_id",
                        "file_name",
                        "row_number",
                        "imported_at",
                        "imported_by",
                        "content_hash",
                        "hash_scheme");
        assertThat(json.get("victim").get("name").asText()).isEqualTo("مُحمّد أحمد");
        assertThat(json.get("identities_withheld").asBoolean()).isFalse();
        assertThat(json.get("id").asText())
                .isEqualTo(ReportJsonTest.fullReport().id());
    }

    @Test
    void a_copy_without_identities_leaves_the_keys_out_and_keeps_every_other_fact() throws Exception {
        Report report = ReportJsonTest.fullReport();
        byte[] bytes = mapper.writeValueAsBytes(VisibleReport.withoutIdentities(report));
        JsonNode json = mapper.readTree(bytes);

        assertThat(names(json))
                .containsExactly(
                        "id",
                        "report_id",
                        "source",
                        "identities_withheld",
                        "victim",
                        "disappearance",
                        "place",
                        "perpetrator",
                        "status",
                        "status_date",
                        "synthetic",
                        "consent",
                        "provenance");
        assertThat(names(json.get("victim"))).containsExactly("gender", "age", "age_group", "occupation");
        assertThat(names(json.get("place"))).containsExactly("governorate", "district", "location");
        assertThat(names(json.get("provenance")))
                .as("no row digest: the row holds the name")
                .containsExactly("batch_id", "file_name", "row_number", "imported_at", "imported_by");
        assertThat(text(bytes)).doesNotContain(report.provenance().contentHash());
        assertThat(json.get("identities_withheld").asBoolean()).isTrue();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        for (String identity : List.of(
                "مُحمّد أحمد",
                "محمد احمد",
                "Muḥammad Aḥmad",
                "muhammad ahmad",
                "حيّ الشَّعار",
                "حي الشعار",
                "Arrested at a checkpoint",
                "checkpoint")) {
            assertThat(text).as(identity).doesNotContain(identity);
        }
        assertThat(json.get("disappearance").get("date").asText()).isEqualTo("2013-05-01");
        assertThat(json.get("place").get("district").asText()).isEqualTo("SY0200");
    }

    @Test
    void a_copy_marked_withheld_cannot_be_built_with_a_name_in_it() {
        VisibleReport full = VisibleReport.full(ReportJsonTest.fullReport());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new VisibleReport(
                        full.id(),
                        full.reportId(),
                        full.source(),
                        true,
                        full.victim(),
                        full.disappearance(),
                        new VisibleReport.Whereabouts("SY02", "SY0200", Optional.empty(), Optional.empty()),
                        full.perpetrator(),
                        full.status(),
                        full.statusDate(),
                        Optional.empty(),
                        full.synthetic(),
                        full.provenance(),
                        full.consent()))
                .withMessageContaining("withoutIdentities");
    }

    @Test
    void a_copy_marked_withheld_cannot_be_built_with_the_row_digest_in_it() {
        VisibleReport full = VisibleReport.full(ReportJsonTest.fullReport());
        VisibleReport withheld = VisibleReport.withoutIdentities(ReportJsonTest.fullReport());
        assertThat(withheld.provenance().contentHash()).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new VisibleReport(
                        withheld.id(),
                        withheld.reportId(),
                        withheld.source(),
                        true,
                        withheld.victim(),
                        withheld.disappearance(),
                        withheld.place(),
                        withheld.perpetrator(),
                        withheld.status(),
                        withheld.statusDate(),
                        Optional.empty(),
                        withheld.synthetic(),
                        full.provenance(),
                        withheld.consent()))
                .withMessageContaining("row digest");
    }

    @Test
    void the_consent_note_goes_only_to_a_reader_who_sees_identities_and_the_rest_of_consent_to_both() throws Exception {
        Report report = withConsentNote(ReportJsonTest.fullReport());

        JsonNode full = mapper.readTree(mapper.writeValueAsBytes(VisibleReport.full(report)));
        byte[] withheldBytes = mapper.writeValueAsBytes(VisibleReport.withoutIdentities(report));
        JsonNode withheld = mapper.readTree(withheldBytes);

        assertThat(names(full.get("consent"))).containsExactly("state", "share_with", "date", "note");
        assertThat(full.get("consent").get("note").asText()).isEqualTo(NOTE);
        assertThat(names(withheld.get("consent"))).containsExactly("state", "share_with", "date");
        assertThat(withheld.get("consent").get("state").asText()).isEqualTo("yes");
        assertThat(withheld.get("consent").get("share_with").get(0).asText()).isEqualTo("UN IIMP");
        assertThat(withheld.get("consent").get("date").asText()).isEqualTo("2024-03-14");
        assertThat(text(withheldBytes)).doesNotContain("Umm Khaled");
        assertThat(full.get("consent").has("share_with_folded"))
                .as("a derived search field")
                .isFalse();
    }

    static final String NOTE = "Agreed by his mother Umm Khaled at the Gaziantep office";

    static Report withConsentNote(Report r) {
        return new Report(
                r.reportId(),
                r.source(),
                r.victim(),
                r.disappearance(),
                r.place(),
                r.perpetrator(),
                r.status(),
                r.statusDate(),
                r.narrative(),
                r.synthetic(),
                r.provenance(),
                new Consent(
                        ConsentState.YES,
                        List.of("UN IIMP"),
                        Optional.of(java.time.LocalDate.of(2024, 3, 14)),
                        Optional.of(NOTE)));
    }

    @Test
    void a_copy_marked_withheld_cannot_be_built_with_the_consent_note_in_it() {
        VisibleReport withheld = VisibleReport.withoutIdentities(ReportJsonTest.fullReport());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new VisibleReport(
                        withheld.id(),
                        withheld.reportId(),
                        withheld.source(),
                        true,
                        withheld.victim(),
                        withheld.disappearance(),
                        withheld.place(),
                        withheld.perpetrator(),
                        withheld.status(),
                        withheld.statusDate(),
                        Optional.empty(),
                        withheld.synthetic(),
                        withheld.provenance(),
                        new VisibleReport.Agreement(
                                ConsentState.YES, List.of("any"), Optional.empty(), Optional.of("the mother agreed"))))
                .withMessageContaining("consent note");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
