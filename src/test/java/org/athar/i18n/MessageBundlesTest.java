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
    private static final Set<String> NOT_ARABIC = Set.of("lang.other",
            // Punctuation patterns of the charts' texts: Arabic quotes, comma and separators, no words.
            "chart.query.filter", "chart.query.quote", "chart.separator.parts", "chart.separator.list",
            // A briefing's key-figure sentence: the figure's words and a full stop (the Arabic comma with a share).
            "briefing.figure.sentence", "briefing.figure.sentence.share");

    @Test
    void english_and_arabic_bundles_have_exactly_the_same_keys() {
        for (String name : Messages.BUNDLES) {
            ResourceBundle en = bundle(name, Messages.ENGLISH);
            ResourceBundle ar = bundle(name, Messages.ARABIC);
            Set<String> missingInArabic = new TreeSet<>(en.keySet());
            missingInArabic.removeAll(ar.keySet());
            Set<String> missingInEnglish = new TreeSet<>(ar.keySet());
            missingInEnglish.removeAll(en.keySet());
            assertThat(missingInArabic).as("keys of %s.properties missing from %s_ar.properties", name, name).isEmpty();
            assertThat(missingInEnglish).as("keys of %s_ar.properties missing from %s.properties", name, name).isEmpty();
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
                    assertThat(value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                            == Character.UnicodeScript.ARABIC)).as("%s in %s_ar: %s", key, name, value).isTrue();
                }
            }
        }
    }

    @Test
    void messages_are_looked_up_in_the_requested_language_and_fall_back_to_arabic_for_arabic_variants() {
        Messages messages = new Messages();
        assertThat(messages.get("nav.search", Locale.ENGLISH)).isEqualTo("Search");
        assertThat(messages.get("nav.search", Locale.forLanguageTag("ar-SY"))).isEqualTo("البحث");
        assertThat(messages.get("engine.unavailable.detail", Locale.ENGLISH, "x")).endsWith(": x");
        assertThat(messages.get("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
        assertThat(messages.get("import.progress", Locale.forLanguageTag("ar"), 12345, 1, 2, 3))
                .startsWith("قُرئ 12,345");
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle(name, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
