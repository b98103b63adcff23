package org.athar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VocabulariesTest {

    @ParameterizedTest
    @CsvSource({
        "missing,missing",
        "Missing,missing",
        "مفقود,missing",
        "مفقودة,missing",
        "forcibly disappeared,missing",
        "Forcibly-Disappeared,missing",
        "مختفي قسرياً,missing",
        "مختفى قسريا,missing",
        "detained,detained",
        "arrested,detained",
        "معتقل,detained",
        "مُعتقَل,detained",
        "released,released",
        "مفرج عنه,released",
        "أفرج عنه,released",
        "افرج عنها,released",
        "dead,dead",
        "Confirmed dead,dead",
        "deceased,dead",
        "متوفى,dead",
        "متوفي,dead",
        "توفي,dead",
        "unknown,unknown",
        "غير معروف,unknown"
    })
    void statuses_are_read_in_english_and_arabic(String text, String code) {
        assertThat(ReportStatus.fromText(text)).map(ReportStatus::code).contains(code);
    }

    @Test
    void a_status_that_is_no_known_wording_is_not_guessed() {
        assertThat(ReportStatus.fromText("abducted")).isEmpty();
        assertThat(ReportStatus.fromText("")).contains(ReportStatus.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource({
        "male,male",
        "M,male",
        "ذكر,male",
        "Male ,male",
        "female,female",
        "f,female",
        "أنثى,female",
        "انثى,female",
        "انثي,female",
        "unknown,unknown",
        "مجهول,unknown"
    })
    void genders_are_read_from_words_and_abbreviations(String text, String code) {
        assertThat(Gender.fromText(text)).map(Gender::code).contains(code);
    }

    @Test
    void an_empty_gender_is_unknown_and_an_unrecognised_one_is_not_guessed() {
        assertThat(Gender.fromText(null)).contains(Gender.UNKNOWN);
        assertThat(Gender.fromText("  ")).contains(Gender.UNKNOWN);
        assertThat(Gender.fromText("x")).isEmpty();
    }

    @Test
    void age_groups_split_at_eighteen() {
        assertThat(AgeGroup.of(0)).isEqualTo(AgeGroup.CHILD);
        assertThat(AgeGroup.of(17)).isEqualTo(AgeGroup.CHILD);
        assertThat(AgeGroup.of(18)).isEqualTo(AgeGroup.ADULT);
        assertThat(AgeGroup.of(120)).isEqualTo(AgeGroup.ADULT);
        assertThat(AgeGroup.of(null)).isEqualTo(AgeGroup.UNKNOWN);
    }

    @Test
    void an_impossible_age_is_refused_rather_than_grouped() {
        assertThatIllegalArgumentException().isThrownBy(() -> AgeGroup.of(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> AgeGroup.of(121)).withMessageContaining("121");
    }

    @Test
    void age_groups_and_precisions_are_read_in_english_and_arabic() {
        assertThat(AgeGroup.fromText("طفل")).contains(AgeGroup.CHILD);
        assertThat(AgeGroup.fromText("Minor")).contains(AgeGroup.CHILD);
        assertThat(AgeGroup.fromText("adult")).contains(AgeGroup.ADULT);
        assertThat(DatePrecision.fromText("Month")).contains(DatePrecision.MONTH);
        assertThat(DatePrecision.fromText("سنة")).contains(DatePrecision.YEAR);
        assertThat(DatePrecision.fromText("")).contains(DatePrecision.UNKNOWN);
    }

    @Test
    void message_keys_name_the_field_and_the_code() {
        assertThat(PerpetratorCategory.ARMED_OPPOSITION.messageKey()).isEqualTo("vocab.perpetrator.armed-opposition");
        assertThat(ReportStatus.DEAD.messageKey()).isEqualTo("vocab.status.dead");
        assertThat(Gender.FEMALE.messageKey()).isEqualTo("vocab.gender.female");
        assertThat(AgeGroup.CHILD.messageKey()).isEqualTo("vocab.age_group.child");
        assertThat(DatePrecision.MONTH.messageKey()).isEqualTo("vocab.precision.month");
    }

    @Test
    void codes_are_read_back_exactly_and_a_wrong_code_names_the_valid_ones() {
        assertThat(PerpetratorCategory.fromCode("armed-opposition")).isEqualTo(PerpetratorCategory.ARMED_OPPOSITION);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReportStatus.fromCode("Missing"))
                .withMessageContaining("[missing, detained, released, dead, unknown]");
    }

    @Test
    void an_alias_shared_by_two_values_is_refused_when_the_vocabulary_is_built() {
        assertThatIllegalStateException()
                .isThrownBy(() -> VocabularyIndex.of(
                        Gender.class, Gender.UNKNOWN, g -> g == Gender.MALE ? List.of("person") : List.of("Person")))
                .withMessageContaining("'Person' would match both male and female");
    }
}
