package org.athar.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VocabularyBundleTest {

    private static final List<Vocabulary> ALL = Stream.of(
                    PerpetratorCategory.values(),
                    ReportStatus.values(),
                    Gender.values(),
                    AgeGroup.values(),
                    DatePrecision.values(),
                    ConsentState.values())
            .flatMap(Stream::of)
            .map(Vocabulary.class::cast)
            .toList();

    @Test
    void every_value_has_an_english_and_an_arabic_label() throws IOException {
        Properties english = bundle("vocabulary.properties");
        Properties arabic = bundle("vocabulary_ar.properties");
        for (Vocabulary value : ALL) {
            assertThat(english.getProperty(value.messageKey()))
                    .as(value.messageKey())
                    .isNotBlank();
            assertThat(arabic.getProperty(value.messageKey()))
                    .as(value.messageKey())
                    .isNotBlank()
                    .containsPattern("\\p{IsArabic}");
        }
    }

    @Test
    void both_bundles_hold_exactly_the_vocabulary_keys() throws IOException {
        List<String> keys = ALL.stream().map(Vocabulary::messageKey).sorted().toList();
        assertThat(bundle("vocabulary.properties").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(bundle("vocabulary_ar.properties").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void every_label_shown_to_users_is_read_back_as_its_own_value() throws IOException {
        // An export re-imported with labels instead of codes must keep its meaning.
        for (String file : List.of("vocabulary.properties", "vocabulary_ar.properties")) {
            Properties labels = bundle(file);
            for (Vocabulary value : ALL) {
                String label = labels.getProperty(value.messageKey());
                assertThat(fromText(value, label)).as("%s in %s", label, file).contains(value);
            }
        }
    }

    private static Optional<Vocabulary> fromText(Vocabulary value, String text) {
        Optional<? extends Vocabulary> found;
        if (value instanceof PerpetratorCategory) {
            found = PerpetratorCategory.fromText(text);
        } else if (value instanceof ReportStatus) {
            found = ReportStatus.fromText(text);
        } else if (value instanceof Gender) {
            found = Gender.fromText(text);
        } else if (value instanceof AgeGroup) {
            found = AgeGroup.fromText(text);
        } else if (value instanceof ConsentState) {
            found = ConsentState.fromText(text);
        } else {
            found = DatePrecision.fromText(text);
        }
        return found.map(Vocabulary.class::cast);
    }

    private static Properties bundle(String name) throws IOException {
        try (InputStream in = VocabularyBundleTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
