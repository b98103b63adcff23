package org.athar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GazetteerTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();

    @Test
    void syria_has_fourteen_governorates_and_sixty_two_districts() {
        assertThat(GAZETTEER.governorates()).hasSize(14);
        assertThat(GAZETTEER.districts()).hasSize(62);
        assertThat(GAZETTEER.governorates())
                .extracting(Governorate::pcode)
                .first()
                .isEqualTo("SY01");
    }

    @Test
    void places_carry_names_in_both_languages_and_a_centroid_inside_syria() {
        Governorate aleppo = GAZETTEER.governorate("SY02").orElseThrow();
        assertThat(aleppo.nameEn()).isEqualTo("Aleppo");
        assertThat(aleppo.nameAr()).isEqualTo("حلب");
        District afrin = GAZETTEER.district("SY0203").orElseThrow();
        assertThat(afrin.governoratePcode()).isEqualTo("SY02");
        assertThat(afrin.nameEn()).isEqualTo("Afrin");
        for (Governorate g : GAZETTEER.governorates()) {
            assertThat(g.lat()).as(g.pcode()).isBetween(32.0, 37.5);
            assertThat(g.lon()).as(g.pcode()).isBetween(35.5, 42.5);
        }
    }

    @Test
    void every_district_belongs_to_a_governorate_of_the_gazetteer() {
        for (District d : GAZETTEER.districts()) {
            assertThat(GAZETTEER.governorate(d.governoratePcode()))
                    .as(d.pcode())
                    .isPresent();
            assertThat(d.pcode()).startsWith(d.governoratePcode());
        }
    }

    @Test
    void unknown_pcodes_are_absent() {
        assertThat(GAZETTEER.governorate("SY15")).isEmpty();
        assertThat(GAZETTEER.district("SY0201")).isEmpty();
    }

    @Test
    void labels_follow_the_locale_and_an_unlisted_code_is_shown_as_it_is() {
        assertThat(GAZETTEER.label("SY07", Locale.forLanguageTag("ar"))).isEqualTo("إدلب");
        assertThat(GAZETTEER.label("SY07", Locale.forLanguageTag("ar-SY"))).isEqualTo("إدلب");
        assertThat(GAZETTEER.label("SY07", Locale.ENGLISH)).isEqualTo("Idleb");
        assertThat(GAZETTEER.label("SY0702", Locale.ENGLISH)).isEqualTo("Al Ma'ra");
        assertThat(GAZETTEER.label("SY99", Locale.ENGLISH)).isEqualTo("SY99");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SY01                | SY01
            sy02                | SY02
            Damascus            | SY01
            Dimashq             | SY01
            دمشق                | SY01
            Halab               | SY02
            Aleppo              | SY02
            حلب                 | SY02
            Aleppo Governorate  | SY02
            Aleppo Province     | SY02
            محافظة حلب           | SY02
            Rural Damascus      | SY03
            Rif Dimashq         | SY03
            Rif-dimashq         | SY03
            Damascus Suburbs    | SY03
            ريف دمشق            | SY03
            Homs                | SY04
            Hims                | SY04
            Hama                | SY05
            Hamah               | SY05
            حماة                | SY05
            حماه                | SY05
            Lattakia            | SY06
            Latakia             | SY06
            Al-Ladhiqiyah       | SY06
            اللاذقية            | SY06
            لاذقية              | SY06
            Idleb               | SY07
            Idlib               | SY07
            إدلب                | SY07
            ادلب                | SY07
            محافظة إدلب          | SY07
            Hasakeh             | SY08
            Al-Hasakeh          | SY08
            al hasakeh          | SY08
            Hassakeh            | SY08
            الحسكة              | SY08
            حسكه                | SY08
            محافظة الحسكة        | SY08
            محافظة حسكة          | SY08
            Deir Ezzor          | SY09
            Deir ez-Zor         | SY09
            Deir-ez-Zor         | SY09
            Dayr az Zawr        | SY09
            دير الزور           | SY09
            ديرالزور            | SY09
            Tartous             | SY10
            Tartus              | SY10
            Raqqa               | SY11
            Ar-Raqqa            | SY11
            الرقة               | SY11
            رقة                 | SY11
            Deraa               | SY12
            Daraa               | SY12
            Dar'a               | SY12
            Dar’a               | SY12
            درعا                | SY12
            Sweida              | SY13
            Suwayda             | SY13
            As-Sweida           | SY13
            السويداء            | SY13
            سويداء              | SY13
            Quneitra            | SY14
            Al-Qunaytirah       | SY14
            القنيطرة            | SY14
            SY-HL               | SY02
            """)
    void governorates_are_found_by_code_name_alias_and_transliteration(String text, String pcode) {
        assertThat(GAZETTEER.resolveGovernorate(text)).contains(pcode);
    }

    @Test
    void every_governorate_is_found_by_its_own_names_and_vdc_label() {
        for (Governorate g : GAZETTEER.governorates()) {
            assertThat(GAZETTEER.resolveGovernorate(g.nameEn())).as(g.nameEn()).contains(g.pcode());
            assertThat(GAZETTEER.resolveGovernorate(g.nameAr())).as(g.nameAr()).contains(g.pcode());
            assertThat(GAZETTEER.resolveGovernorate(g.pcode())).as(g.pcode()).contains(g.pcode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unknown", "Other", "Other Nationalities", "", "Beirut", "حلب الجديدة", "Damascus Aleppo"})
    void text_that_names_no_governorate_resolves_to_nothing(String text) {
        assertThat(GAZETTEER.resolveGovernorate(text)).isEmpty();
    }

    @Test
    void districts_are_found_by_name_alias_and_code() {
        assertThat(GAZETTEER.resolveDistrict("Afrin", Optional.empty())).contains("SY0203");
        assertThat(GAZETTEER.resolveDistrict("عفرين", Optional.empty())).contains("SY0203");
        assertThat(GAZETTEER.resolveDistrict("Kobani", Optional.empty())).contains("SY0206");
        assertThat(GAZETTEER.resolveDistrict("Ain al-Arab", Optional.empty())).contains("SY0206");
        assertThat(GAZETTEER.resolveDistrict("Jisr al-Shughur District", Optional.empty()))
                .contains("SY0704");
        assertThat(GAZETTEER.resolveDistrict("منطقة معرة النعمان", Optional.empty()))
                .contains("SY0702");
        assertThat(GAZETTEER.resolveDistrict("Duma", Optional.of("SY03"))).contains("SY0302");
        assertThat(GAZETTEER.resolveDistrict("sy0302", Optional.empty())).contains("SY0302");
    }

    @Test
    void a_district_named_like_its_governorate_is_found_within_that_governorate() {
        assertThat(GAZETTEER.resolveDistrict("Homs", Optional.of("SY04"))).contains("SY0401");
        assertThat(GAZETTEER.resolveDistrict("حلب", Optional.of("SY02"))).contains("SY0200");
        assertThat(GAZETTEER.resolveDistrict("Rural Damascus", Optional.of("SY03")))
                .contains("SY0301");
    }

    @Test
    void a_district_outside_the_given_governorate_is_not_resolved() {
        // Afrin is in Aleppo: a report saying Idleb + Afrin needs a person to decide, not a guess.
        assertThat(GAZETTEER.resolveDistrict("Afrin", Optional.of("SY07"))).isEmpty();
    }

    @Test
    void a_district_name_shared_by_two_governorates_needs_the_governorate() {
        Gazetteer twoTalls = GazetteerCsvFixture.gazetteer("", "SY0104,At Tall\nSY0204,Tall\n");
        assertThat(twoTalls.resolveDistrict("Tall", Optional.empty())).isEmpty();
        assertThat(twoTalls.resolveDistrict("At-Tall", Optional.of("SY01"))).contains("SY0104");
        assertThat(twoTalls.resolveDistrict("Tall", Optional.of("SY02"))).contains("SY0204");
    }

    @Test
    void two_governorates_sharing_a_name_stop_the_gazetteer_from_loading() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GazetteerCsvFixture.gazetteer("SY01,Sham\nSY02,Ash-Sham\n", ""))
                .withMessageContaining("names both SY01 and SY02");
    }

    @Test
    void an_alias_for_a_pcode_that_does_not_exist_stops_the_gazetteer_from_loading() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GazetteerCsvFixture.gazetteer("SY15,Atlantis\n", ""))
                .withMessageContaining("SY15");
    }

    /** A two-governorate gazetteer built from inline CSV, to test the loading rules on data we control. */
    private static final class GazetteerCsvFixture {

        static Gazetteer gazetteer(String aliasRows, String districtRows) {
            String governorates = """
                    pcode,name_en,name_ar,opensyria_name_en,opensyria_name_ar,iso_3166_2,centroid_lat,centroid_lon,\
                    aliases_en,aliases_ar
                    SY01,Damascus,دمشق,Damascus,دمشق,SY-DI,33.5,36.3,,
                    SY02,Aleppo,حلب,Aleppo,حلب,SY-HL,36.2,37.6,,
                    """;
            StringBuilder districts = new StringBuilder("pcode,governorate_pcode,name_en,name_ar,opensyria_name_en,"
                    + "opensyria_name_ar,centroid_lat,centroid_lon,aliases_en,aliases_ar\n");
            districtRows.lines().forEach(row -> {
                String[] cells = row.split(",");
                districts.append(
                        "%s,%s,%s,x,%s,x,33,36,,\n".formatted(cells[0], cells[0].substring(0, 4), cells[1], cells[1]));
            });
            try {
                return GazetteerCsv.read(
                        new StringReader(governorates),
                        new StringReader(districts.toString()),
                        new StringReader("vdc_province,ocha_pcode,ocha_name_en\n"),
                        new StringReader("pcode,alias\n" + aliasRows));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
