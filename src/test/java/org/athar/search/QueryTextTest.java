package org.athar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.athar.search.QueryText.Clause;
import org.athar.search.QueryText.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryTextTest {

    private static Clause word(String text) {
        return new Clause(Field.ANY, text, false, false);
    }

    private static Clause phrase(String text) {
        return new Clause(Field.ANY, text, true, false);
    }

    private static Clause not(Clause c) {
        return new Clause(c.field(), c.text(), c.phrase(), true);
    }

    private static Clause in(Field field, Clause c) {
        return new Clause(field, c.text(), c.phrase(), c.excluded());
    }

    private static List<Clause> parse(String q) {
        return QueryText.parse(q).clauses();
    }

    // --- empty input ---

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   \t\n ", "\u00A0\u2003", "\u200F\u200E"})
    void null_and_blank_text_give_no_clauses(String q) {
        QueryText text = QueryText.parse(q);
        assertThat(text.clauses()).isEmpty();
        assertThat(text.isEmpty()).isTrue();
        assertThat(text.display()).isEmpty();
    }

    // --- words ---

    @Test
    void words_are_separated_by_whitespace() {
        assertThat(parse("Ahmad Idlib 2013")).containsExactly(word("Ahmad"), word("Idlib"), word("2013"));
    }

    @Test
    void tabs_newlines_and_non_breaking_spaces_also_separate_words() {
        assertThat(parse("\tAhmad\n\nIdlib\u00A0Homs\u202FHama  "))
                .containsExactly(word("Ahmad"), word("Idlib"), word("Homs"), word("Hama"));
    }

    @Test
    void text_is_kept_as_typed_without_folding() {
        assertThat(parse("AHMAD Müller مُحمّد أحمد حماة"))
                .containsExactly(word("AHMAD"), word("Müller"), word("مُحمّد"), word("أحمد"), word("حماة"));
    }

    @Test
    void hyphens_inside_or_at_the_end_of_a_word_are_kept() {
        assertThat(parse("al-Hassan Deir-ez-Zor 2012-03 foo-"))
                .containsExactly(word("al-Hassan"), word("Deir-ez-Zor"), word("2012-03"), word("foo-"));
    }

    // --- phrases ---

    @Test
    void double_quotes_make_one_phrase_clause() {
        assertThat(parse("\"Mohammad al-Hassan\" Idlib")).containsExactly(phrase("Mohammad al-Hassan"), word("Idlib"));
    }

    @Test
    void curly_quotes_make_a_phrase() {
        assertThat(parse("“Air Force Intelligence”")).containsExactly(phrase("Air Force Intelligence"));
    }

    @Test
    void arabic_guillemets_make_a_phrase() {
        assertThat(parse("«فرع فلسطين» دمشق")).containsExactly(phrase("فرع فلسطين"), word("دمشق"));
    }

    @Test
    void any_kind_of_double_quote_closes_a_phrase() {
        assertThat(parse("“a b\" «c d” \"e f»")).containsExactly(phrase("a b"), phrase("c d"), phrase("e f"));
    }

    @Test
    void a_one_word_phrase_stays_a_phrase() {
        assertThat(parse("\"Ahmad\"")).containsExactly(phrase("Ahmad"));
    }

    @Test
    void whitespace_inside_a_phrase_is_trimmed_and_collapsed() {
        assertThat(parse("\"  Mohammad \t al-Hassan  \"")).containsExactly(phrase("Mohammad al-Hassan"));
    }

    @Test
    void an_unterminated_quote_takes_the_rest_of_the_string() {
        assertThat(parse("Idlib \"Mohammad al-Hassan -Homs name:x"))
                .containsExactly(word("Idlib"), phrase("Mohammad al-Hassan -Homs name:x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"   \"", "«»", "“ ”", "-\"\"", "name:\"\"", "-narrative:« »"})
    void empty_quotes_are_ignored(String empty) {
        assertThat(parse("Ahmad " + empty + " Idlib")).containsExactly(word("Ahmad"), word("Idlib"));
    }

    @Test
    void a_lone_quote_at_the_end_is_ignored() {
        assertThat(parse("Ahmad \"")).containsExactly(word("Ahmad"));
        assertThat(parse("Ahmad -«  ")).containsExactly(word("Ahmad"));
    }

    @Test
    void a_quote_glued_to_a_word_starts_a_new_clause() {
        assertThat(parse("Ahmad\"Air Force\"Idlib")).containsExactly(word("Ahmad"), phrase("Air Force"), word("Idlib"));
    }

    // --- exclusion ---

    @Test
    void a_leading_minus_excludes_a_word() {
        assertThat(parse("Ahmad -Idlib")).containsExactly(word("Ahmad"), not(word("Idlib")));
    }

    @Test
    void a_leading_minus_excludes_a_phrase() {
        assertThat(parse("-\"Air Force\" -«فرع فلسطين»"))
                .containsExactly(not(phrase("Air Force")), not(phrase("فرع فلسطين")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", " - ", "Aleppo - Idlib", "Aleppo -\tIdlib -"})
    void a_lone_minus_is_ignored(String q) {
        assertThat(parse(q)).allMatch(c -> !c.excluded() && !c.text().equals("-"));
    }

    @Test
    void a_minus_standing_between_words_is_punctuation() {
        assertThat(parse("Aleppo - Idlib")).containsExactly(word("Aleppo"), word("Idlib"));
    }

    @Test
    void only_the_first_minus_excludes_and_the_rest_is_text() {
        assertThat(parse("--Idlib")).containsExactly(not(word("-Idlib")));
    }

    @Test
    void a_hyphenated_word_is_not_an_exclusion_but_a_minus_before_it_is() {
        assertThat(parse("al-Hassan -al-Hassan")).containsExactly(word("al-Hassan"), not(word("al-Hassan")));
    }

    // --- fields ---

    @Test
    void the_name_prefix_applies_to_the_following_word() {
        assertThat(parse("name:Ahmad Idlib")).containsExactly(in(Field.NAME, word("Ahmad")), word("Idlib"));
    }

    @Test
    void the_name_prefix_applies_to_the_following_phrase() {
        assertThat(parse("name:\"Mohammad al-Hassan\"")).containsExactly(in(Field.NAME, phrase("Mohammad al-Hassan")));
    }

    @Test
    void the_narrative_prefix_applies_to_the_following_word_or_phrase() {
        assertThat(parse("narrative:checkpoint narrative:“taken at night”"))
                .containsExactly(
                        in(Field.NARRATIVE, word("checkpoint")), in(Field.NARRATIVE, phrase("taken at night")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NAME:Ahmad", "Name:Ahmad", "nAmE:Ahmad"})
    void field_prefixes_are_case_insensitive(String q) {
        assertThat(parse(q)).containsExactly(in(Field.NAME, word("Ahmad")));
        assertThat(parse("NARRATIVE:x")).containsExactly(in(Field.NARRATIVE, word("x")));
    }

    @Test
    void the_arabic_prefixes_name_the_same_fields() {
        assertThat(parse("الاسم:أحمد الرواية:حاجز"))
                .containsExactly(in(Field.NAME, word("أحمد")), in(Field.NARRATIVE, word("حاجز")));
    }

    @Test
    void the_arabic_name_prefix_is_also_accepted_with_hamza() {
        assertThat(parse("الإسم:أحمد")).containsExactly(in(Field.NAME, word("أحمد")));
    }

    @Test
    void arabic_prefixes_apply_to_arabic_phrases() {
        assertThat(parse("الاسم:«محمد الحسن» الرواية:\"فرع فلسطين\""))
                .containsExactly(in(Field.NAME, phrase("محمد الحسن")), in(Field.NARRATIVE, phrase("فرع فلسطين")));
    }

    @Test
    void a_minus_before_a_prefix_excludes_the_field_clause() {
        assertThat(parse("-narrative:checkpoint -name:\"Mohammad al-Hassan\" -الرواية:حاجز"))
                .containsExactly(
                        not(in(Field.NARRATIVE, word("checkpoint"))),
                        not(in(Field.NAME, phrase("Mohammad al-Hassan"))),
                        not(in(Field.NARRATIVE, word("حاجز"))));
    }

    @Test
    void a_minus_after_a_prefix_is_part_of_the_word() {
        assertThat(parse("name:-Hassan")).containsExactly(in(Field.NAME, word("-Hassan")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo:bar", "http://example.org", "10:30", "place:Idlib", ":x", "x:"})
    void an_unknown_prefix_is_plain_text(String q) {
        assertThat(parse(q)).containsExactly(word(q));
    }

    @Test
    void a_prefix_must_start_the_word_to_count() {
        assertThat(parse("surname:Hassan")).containsExactly(word("surname:Hassan"));
    }

    @Test
    void only_one_prefix_is_read_and_a_second_is_text() {
        assertThat(parse("name:narrative:x")).containsExactly(in(Field.NAME, word("narrative:x")));
    }

    @Test
    void a_prefix_followed_by_a_space_applies_to_the_next_word() {
        assertThat(parse("name: Ahmad  الاسم:  «محمد الحسن»"))
                .containsExactly(in(Field.NAME, word("Ahmad")), in(Field.NAME, phrase("محمد الحسن")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Idlib name:", "Idlib -narrative:  ", "Idlib الاسم:"})
    void a_prefix_with_nothing_after_it_is_ignored(String q) {
        assertThat(parse(q)).containsExactly(word("Idlib"));
    }

    @Test
    void a_bare_prefix_does_not_capture_an_exclusion_or_another_prefix() {
        assertThat(parse("name: -Idlib")).containsExactly(not(word("Idlib")));
        assertThat(parse("name: narrative:x")).containsExactly(in(Field.NARRATIVE, word("x")));
    }

    // --- Arabic and mixed scripts ---

    @Test
    void arabic_words_are_words_and_keep_their_marks() {
        assertThat(parse("محمد   عبد الرَّحمن")).containsExactly(word("محمد"), word("عبد"), word("الرَّحمن"));
    }

    @Test
    void arabic_and_latin_mix_in_one_query() {
        assertThat(parse("أحمد al-Hassan «فرع 215» -Homs -حمص name:محمد"))
                .containsExactly(
                        word("أحمد"),
                        word("al-Hassan"),
                        phrase("فرع 215"),
                        not(word("Homs")),
                        not(word("حمص")),
                        in(Field.NAME, word("محمد")));
    }

    @Test
    void invisible_direction_marks_do_not_hide_a_minus_or_a_prefix() {
        assertThat(parse("\u200F-حمص \u200Eالاسم:\u200Fأحمد"))
                .containsExactly(not(word("حمص")), in(Field.NAME, word("أحمد")));
    }

    // --- combinations and the model ---

    @Test
    void every_rule_combines_in_one_query() {
        QueryText text = QueryText.parse(
                "name:\"Mohammad al-Hassan\" -narrative:checkpoint Idlib - foo:bar «فرع فلسطين» -\"Air Force\" \"open");
        assertThat(text.clauses())
                .containsExactly(
                        in(Field.NAME, phrase("Mohammad al-Hassan")),
                        not(in(Field.NARRATIVE, word("checkpoint"))),
                        word("Idlib"),
                        word("foo:bar"),
                        phrase("فرع فلسطين"),
                        not(phrase("Air Force")),
                        phrase("open"));
        assertThat(text.included())
                .containsExactly(
                        in(Field.NAME, phrase("Mohammad al-Hassan")),
                        word("Idlib"),
                        word("foo:bar"),
                        phrase("فرع فلسطين"),
                        phrase("open"));
        assertThat(text.excluded())
                .containsExactly(not(in(Field.NARRATIVE, word("checkpoint"))), not(phrase("Air Force")));
        assertThat(text.isEmpty()).isFalse();
    }

    @Test
    void a_query_of_only_exclusions_has_no_included_clauses_but_is_not_empty() {
        QueryText text = QueryText.parse("-Idlib -Homs");
        assertThat(text.included()).isEmpty();
        assertThat(text.excluded()).hasSize(2);
        assertThat(text.isEmpty()).isFalse();
    }

    @Test
    void the_clause_list_cannot_be_changed() {
        QueryText text = QueryText.parse("Ahmad");
        assertThatThrownBy(() -> text.clauses().add(word("x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"",
                "-",
                "--",
                "-\"",
                "name:",
                "-name:",
                "name:\"",
                ":",
                "«",
                "»»»",
                "\"\"\"",
                "- - -",
                "name: name: name:",
                "-\u200F",
                "\uD83D\uDE00",
                "a\uD83D\uDE00b -\uD83D\uDE00",
                "\u0000"
            })
    void parsing_never_throws_on_odd_input(String q) {
        assertThatCode(() -> QueryText.parse(q).display()).doesNotThrowAnyException();
        QueryText once = QueryText.parse(q);
        assertThat(QueryText.parse(once.display())).isEqualTo(once);
    }

    // --- display ---

    @Test
    void display_renders_the_canonical_form() {
        assertThat(QueryText.parse("  NAME:  “Mohammad   al-Hassan”   -Narrative:checkpoint  Idlib - «x»  \"open")
                        .display())
                .isEqualTo("name:\"Mohammad al-Hassan\" -narrative:checkpoint Idlib \"x\" \"open\"");
    }

    @Test
    void display_writes_arabic_prefixes_as_latin_ones() {
        assertThat(QueryText.parse("الاسم:«محمد الحسن» -الرواية:حاجز").display())
                .isEqualTo("name:\"محمد الحسن\" -narrative:حاجز");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ahmad Idlib",
                "name:\"Mohammad al-Hassan\" -narrative:checkpoint",
                "--Idlib",
                "name:-Hassan",
                "name:narrative:x",
                "foo:bar «فرع فلسطين» -حمص",
                "al-Hassan -al-Hassan",
                "\"unterminated phrase",
                "الإسم: أحمد الرواية:\"x y\"",
                "Aleppo - Idlib \"\" name:",
                "\"a\"b\"c\""
            })
    void display_parses_back_to_the_same_model(String q) {
        QueryText once = QueryText.parse(q);
        assertThat(QueryText.parse(once.display())).isEqualTo(once);
        assertThat(QueryText.parse(once.display()).display()).isEqualTo(once.display());
    }

    @Test
    void display_quotes_a_hand_built_word_that_would_not_parse_back_as_itself() {
        QueryText built = new QueryText(List.of(word("a b"), word("-x"), word("name:y"), not(word("narrative:z"))));
        assertThat(built.display()).isEqualTo("\"a b\" \"-x\" \"name:y\" -\"narrative:z\"");
    }

    @Test
    void display_drops_a_hand_built_clause_with_no_text() {
        QueryText built = new QueryText(List.of(word(""), phrase(" \" "), word("x")));
        assertThat(built.display()).isEqualTo("x");
    }
}
