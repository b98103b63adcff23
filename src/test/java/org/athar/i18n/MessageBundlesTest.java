package org.athar.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text exists in English and Arabic: the bundles have the same keys and no empty value. */
class MessageBundlesTest {

    /** Values that are the same in both languages or deliberately in the other script. */
    private static final Set<String> NOT_ARABIC = Set.of(
            "lang.other",
            // Punctuation patterns of the charts' texts: Arabic quotes, comma and separators, no words.
            "chart.query.filter",
            "chart.query.quote",
            "chart.separator.parts",
            "chart.separator.list",
            // A briefing's key-figure sentence: the figure's words and a full stop (the Arabic comma with a share).
            "briefing.figure.sentence",
            "briefing.figure.sentence.share",
            // A reason the bundles do not word yet, shown as given (English, from a parser or the engine).
            "import.error.file");

    @Test
    void english_and_arabic_bundles_have_exactly_the_same_keys() {
        for (String name : Messages.BUNDLES) {
            ResourceBundle en = bundle(name, Messages.ENGLISH);
            ResourceBundle ar = bundle(name, Messages.ARABIC);
            Set<String> missingInArabic = new TreeSet<>(en.keySet());
            missingInArabic.removeAll(ar.keySet());
            Set<String> missingInEnglish = new TreeSet<>(ar.keySet());
            missingInEnglish.removeAll(en.keySet());
            assertThat(missingInArabic)
                    .as("keys of %s.properties missing from %s_ar.properties", name, name)
                    .isEmpty();
            assertThat(missingInEnglish)
                    .as("keys of %s_ar.properties missing from %s.properties", name, name)
                    .isEmpty();
        }
    }

    /**
     * Messages returns a text without arguments as written (no MessageFormat), so its apostrophe is written once; a
     * doubled one reached the Sharing page ("the partner''s key") and every package's README.
     */
    @Test
    void no_key_is_written_twice_in_a_bundle() throws java.io.IOException {
        // A later line silently wins in a properties file: two branches merged by line (merge=union) once left a
        // whole block twice, and a changed text in the first copy would never have been shown.
        for (String file : java.util.List.of(
                "messages.properties", "messages_ar.properties", "vocabulary.properties", "vocabulary_ar.properties")) {
            java.util.Map<String, Long> counts = java.nio.file.Files.readAllLines(
                            java.nio.file.Path.of("src/main/resources", file), java.nio.charset.StandardCharsets.UTF_8)
                    .stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#") && l.contains("="))
                    .map(l -> l.substring(0, l.indexOf('=')).strip())
                    .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()));
            assertThat(counts.entrySet().stream()
                            .filter(e -> e.getValue() > 1)
                            .map(java.util.Map.Entry::getKey)
                            .toList())
                    .as(file + ": keys written more than once")
                    .isEmpty();
        }
    }

    @Test
    void a_text_without_arguments_shows_no_doubled_apostrophe() {
        for (String name : Messages.BUNDLES) {
            for (Locale locale : new Locale[] {Messages.ENGLISH, Messages.ARABIC}) {
                ResourceBundle b = bundle(name, locale);
                Set<String> doubled = new TreeSet<>();
                for (String key : b.keySet()) {
                    String text = b.getString(key);
                    if (!text.matches("(?s).*\\{\\d.*") && text.contains("''")) {
                        doubled.add(key);
                    }
                }
                assertThat(doubled)
                        .as("texts of %s (%s) shown with ''", name, locale)
                        .isEmpty();
            }
        }
    }

    @Test
    void every_arabic_text_is_written_in_arabic_and_none_is_empty() {
        for (String name : Messages.BUNDLES) {
            ResourceBundle ar = bundle(name, Messages.ARABIC);
            for (String key : ar.keySet()) {
                String value = ar.getString(key);
                assertThat(value).as(key).isNotBlank();
                if (!NOT_ARABIC.contains(key)) {
                    assertThat(value.codePoints()
                                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC))
                            .as("%s in %s_ar: %s", key, name, value)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void messages_are_looked_up_in_the_requested_language_and_fall_back_to_arabic_for_arabic_variants() {
        Messages messages = new Messages();
        assertThat(messages.get("nav.search", Locale.ENGLISH)).isEqualTo("Search");
        assertThat(messages.get("nav.search", Locale.forLanguageTag("ar-SY"))).isEqualTo("البحث");
        assertThat(messages.get("engine.unavailable.detail", Locale.ENGLISH, "x"))
                .endsWith(": x");
        assertThat(messages.get("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
        assertThat(messages.get("import.progress", Locale.forLanguageTag("ar"), 12345, 1, 2, 3))
                .startsWith("قُرئ 12,345");
    }

    @Test
    void on_screen_a_left_to_right_token_inside_arabic_is_isolated_and_in_english_and_in_files_it_is_not() {
        Messages messages = new Messages();
        String arabic = messages.forScreen("import.done", Messages.ARABIC, "20261206041200-3f2a9c1e");
        assertThat(arabic).contains(Bidi.FSI + "20261206041200-3f2a9c1e" + Bidi.PDI);
        assertThat(messages.forScreen("import.done", Messages.ENGLISH, "b1")).isEqualTo("Import finished (batch b1)");
        assertThat(messages.get("import.done", Messages.ARABIC, "b1")).doesNotContain(String.valueOf(Bidi.FSI));
        // A nested text is rendered in the same language, its own arguments isolated.
        assertThat(messages.forScreen("import.failed", Messages.ARABIC, Text.of("import.error.file-type", "x.pdf")))
                .contains("لا يستطيع أثر استيراد «" + Bidi.FSI + "x.pdf" + Bidi.PDI + "»");
    }

    @Test
    void the_arabic_search_placeholder_keeps_its_operators_whole_and_in_order() {
        String placeholder = new Messages().get("search.placeholder", Messages.ARABIC);
        assertThat(placeholder).contains(Bidi.FSI + "name:" + Bidi.PDI + "، " + Bidi.FSI + "narrative:" + Bidi.PDI);
    }

    @Test
    void the_linker_and_the_screen_readers_have_arabic_words() {
        Messages messages = new Messages();
        assertThat(messages.get("linkage.note.review", Messages.ARABIC, "14.83", "12.0", "15.0"))
                .isEqualTo("الدرجة 14.83 بين 12.0 و15.0");
        for (String key :
                new String[] {"aria.sort-by", "aria.drawer-toggle", "aria.show-password", "aria.more-options"}) {
            assertThat(messages.get(key, Messages.ARABIC)).as(key).doesNotContainPattern("[A-Za-z]");
        }
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle(
                name, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
