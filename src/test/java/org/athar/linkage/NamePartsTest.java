package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts a written name is cut into: the same person's name gives the same words in every usual spelling. */
class NamePartsTest {

    private static void sameWords(List<String> expected, String... spellings) {
        for (String spelling : spellings) {
            assertThat(LinkRecord.words(spelling)).as(spelling).isEqualTo(expected);
        }
    }

    @Test
    void abd_al_rahman_is_one_word_however_it_is_written() {
        sameWords(
                List.of("bdrhmn"),
                "Abd al-Rahman",
                "Abdulrahman",
                "Abdul Rahman",
                "Abd-ur-Rahman",
                "Abdur Rahman",
                "Abdurrahman",
                "Abdel Rahman",
                "عبد الرحمن",
                "عبدالرحمن");
    }

    @Test
    void abdul_karim_in_latin_letters_meets_abd_al_karim_in_arabic_letters() {
        assertThat(LinkRecord.words("Abdul Karim Hasan Al-Halabi"))
                .isEqualTo(LinkRecord.words("عبد الكريم حسن الحلبي"))
                .isEqualTo(LinkRecord.words("Abdulkarim Hasan Halabi"))
                .containsExactly("bdkrm", "hsn", "hlb");
    }

    @Test
    void abdullah_is_one_word_and_does_not_swallow_the_next_name() {
        sameWords(List.of("bdl"), "Abdullah", "Abdallah", "Abd Allah", "عبد الله", "عبدالله");
        List<String> w = LinkRecord.words("Abdullah Karim Halabi");
        assertThat(w).containsExactly("bdl", "krm", "hlb");
        assertThat(NameParts.father(w)).isEqualTo("krm");
    }

    @Test
    void names_ending_in_al_din_are_one_word() {
        sameWords(List.of("nrdn"), "Nur al-Din", "Nour ed-Din", "Nureddin", "Nuraldin", "نور الدين", "نورالدين");
        sameWords(List.of("zndn"), "Zein al-Din", "Zeineddine", "زين الدين");
        List<String> w = LinkRecord.words("Salah al-Din Omar al-Halabi");
        assertThat(w).isEqualTo(LinkRecord.words("صلاح الدين عمر الحلبي")).containsExactly("sldn", "mr", "hlb");
    }

    @Test
    void a_lineage_with_bin_or_ibn_lines_up_with_the_same_names_without_them() {
        List<String> plain = LinkRecord.words("Ahmad Khalid Omar");
        sameWords(
                plain,
                "Ahmad bin Khalid bin Omar",
                "Ahmad ibn Khalid ibn Omar",
                "أحمد بن خالد بن عمر",
                "أحمد بن خالد ابن عمر");
        List<String> w = LinkRecord.words("أحمد بن خالد بن عمر");
        assertThat(NameParts.first(w)).isEqualTo("hmd");
        assertThat(NameParts.father(w)).isEqualTo("kld");
        assertThat(NameParts.family(w)).isEqualTo("mr");
        assertThat(LinkRecord.words("Fatima bint Ahmad Halabi")).containsExactly("ftm", "hmd", "hlb");
    }

    @Test
    void a_kunya_beside_the_given_names_is_not_a_name_part() {
        List<String> plain = LinkRecord.words("Ahmad Hasan Halabi");
        sameWords(
                plain,
                "Abu Khalil Ahmad Hasan Halabi",
                "Abo Khalil Ahmad Hasan Al-Halabi",
                "Ahmad (Abu Khalil) Hasan Halabi",
                "أبو خليل أحمد حسن الحلبي",
                "ابو خليل أحمد حسن الحلبي");
        List<String> w = LinkRecord.words("Abu Khalil Ahmad Hasan Halabi");
        assertThat(NameParts.first(w)).isEqualTo("hmd");
        assertThat(NameParts.father(w)).isEqualTo("hsn");
        assertThat(NameParts.family(w)).isEqualTo("hlb");
    }

    @Test
    void an_abu_family_name_written_first_is_not_taken_for_a_kunya() {
        assertThat(LinkRecord.words("أبو الخير مريم جمال")).containsExactly("bkr", "mrm", "jml");
        assertThat(LinkRecord.words("Ahmad Abu Khalil Hasan Halabi")).containsExactly("hmd", "hsn", "hlb");
    }

    @Test
    void a_known_latin_spelling_that_loses_a_letter_of_the_arabic_skeleton_takes_the_arabic_one() {
        assertThat(LinkRecord.words("Hasan Moaz Al-Obeid")).isEqualTo(LinkRecord.words("حسن معاذ العبيد"));
        assertThat(LinkRecord.words("Munther Adham Ishaq Medhat")).isEqualTo(LinkRecord.words("منذر أدهم إسحاق مدحت"));
    }

    @Test
    void abu_written_last_is_a_family_name_and_a_lone_kunya_is_kept() {
        sameWords(List.of("hmd", "hsn", "bzd"), "Ahmad Hasan Abu Zaid", "أحمد حسن أبو زيد", "أحمد حسن ابو زيد");
        sameWords(List.of("hmd", "bkr"), "Ahmad Abu al-Khair", "Ahmad Abulkhair", "أحمد أبو الخير");
        sameWords(List.of("bkl"), "Abu Khalil", "أبو خليل");
    }

    @Test
    void the_family_name_is_the_same_word_with_or_without_its_article() {
        List<String> expected = List.of("hmd", "hsn", "hlb");
        sameWords(
                expected,
                "Ahmad Hasan Al-Halabi",
                "Ahmad Hasan al Halabi",
                "Ahmad Hasan el-Halabi",
                "Ahmad Hasan El Halabi",
                "Ahmad Hasan Alhalabi",
                "Ahmad Hasan Halabi",
                "أحمد حسن الحلبي",
                "أحمد حسن ال حلبي",
                "أحمد حسن حلبي");
        assertThat(LinkRecord.vowels("أحمد حسن الحلبي")).isEqualTo(LinkRecord.vowels("أحمد حسن حلبي"));
        assertThat(LinkRecord.vowels("أحمد حسن ال حلبي")).isEqualTo(LinkRecord.vowels("أحمد حسن حلبي"));
        sameWords(List.of("sd"), "Al-Sayed", "as-Sayed", "السيد", "Sayed");
    }

    @Test
    void a_stored_reports_latin_spelling_is_cut_into_the_same_parts_as_its_arabic_name() throws Exception {
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree("""
                {"id": "r1", "source": "SDN",
                 "victim": {"name": "عبد الكريم بن حسن الحلبي", "name_latin": "Abdul Karim bin Hasan el Halabi"}}
                """);
        LinkRecord r = ReportRecordStore.record(doc, new Interner());
        assertThat(r.name()).containsExactly("bdkrm", "hsn", "hlb");
        assertThat(r.latin()).isEqualTo(r.name());
        assertThat(r.vowels()).hasSameSizeAs(r.name());
    }
}
