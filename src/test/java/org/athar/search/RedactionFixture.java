package org.athar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.athar.RenderedText;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.report.NameSkeleton;
import org.athar.report.TextFolding;

/**
 * Three synthetic reports ({@code search/redaction.csv}) whose names, Latin names, localities and narratives are
 * strings found nowhere else, and the checks that none of them, in any script or derived form, is in a response.
 */
public final class RedactionFixture {

    /** Victim names as written (Arabic with harakat, Latin-only, Arabic). */
    public static final List<String> NAMES = List.of("زُمُرّدة القنطرجي", "Orvandel Baqshish", "نوفل الطرنجاني");

    public static final List<String> LATIN_NAMES = List.of("Zumurruda Qantarji", "Nawfal al-Turanjani");
    public static final List<String> LOCALITIES = List.of("تل الزعرور", "Kafr Zaytunet Ashwaq", "حي الشوكران");
    public static final List<String> NARRATIVES = List.of(
            "Synthetic redaction fixture. Last seen by the Quillwort bakery. شوهدت قرب فرن الزيزفون.",
            "سجل تجريبي للحجب. اقتيد من بيت آل برغوثان.",
            "Synthetic redaction fixture. Taken at the Marbleford checkpoint.");
    /** Single words of the narratives, so a narrative cut into pieces (a highlight, a snippet) is caught too. */
    public static final List<String> NARRATIVE_WORDS = List.of("Quillwort", "الزيزفون", "برغوثان", "Marbleford");

    private RedactionFixture() {}

    /** Imports the three reports under {@code source}; every row must be accepted. */
    public static void importInto(ImportService imports, String source) throws IOException {
        try (InputStream in = RedactionFixture.class.getResourceAsStream("/search/redaction.csv")) {
            ImportResult r = imports.importFile(
                    in, "redaction.csv", new ImportOptions(Optional.of(source), "redaction-test", false), c -> {});
            assertThat(r.rejected()).as("%s", r.errors()).isZero();
            assertThat(r.indexed() + r.updated() + r.unchanged()).isEqualTo(3);
        }
    }

    /** Every identity string of the fixture as written, folded (as indexed) and, for names, as skeleton. */
    public static Set<String> secrets() {
        Set<String> all = new LinkedHashSet<>();
        List<String> names = new ArrayList<>(NAMES);
        names.addAll(LATIN_NAMES);
        for (String name : names) {
            all.add(name);
            all.add(TextFolding.fold(name));
            all.add(NameSkeleton.of(name));
            for (String word : name.split(" ")) {
                if (word.length() >= 5) {
                    all.add(word);
                    all.add(TextFolding.fold(word));
                }
            }
        }
        for (String text : concat(LOCALITIES, NARRATIVES)) {
            all.add(text);
            all.add(TextFolding.fold(text));
        }
        NARRATIVE_WORDS.forEach(w -> {
            all.add(w);
            all.add(TextFolding.fold(w));
        });
        return all;
    }

    /** Fails naming the first identity string found in {@code bytes} (UTF-8) and in what. */
    public static void assertNoIdentityIn(String what, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String secret : secrets()) {
            assertThat(text)
                    .as("%s must not contain the fixture identity '%s'", what, secret)
                    .doesNotContain(secret);
        }
    }

    /**
     * The text layer of a rendered document holds no identity: neither as extracted, nor as a reader of the page
     * would see it (a right-to-left name whose words the text layer stores out of order, or with a stray character
     * inside, is still a leaked name; see {@link RenderedText}).
     */
    public static void assertNoIdentityIn(String what, RenderedText text) {
        assertNoIdentityIn(what, text.raw().getBytes(StandardCharsets.UTF_8));
        List<String> asWritten = new ArrayList<>(concat(NAMES, LATIN_NAMES));
        asWritten.addAll(concat(LOCALITIES, NARRATIVE_WORDS));
        for (String secret : asWritten) {
            assertThat(text.has(secret))
                    .as("%s must not show the fixture identity '%s'; its text is:%n%s", what, secret, text)
                    .isFalse();
        }
    }

    /** The opposite check, so the search for strings is known to work on the same bytes: every name is there. */
    public static void assertAllIdentitiesIn(String what, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String s : concat(concat(NAMES, LATIN_NAMES), concat(LOCALITIES, NARRATIVES))) {
            assertThat(text).as("%s should contain '%s'", what, s).contains(s);
        }
    }

    /** The JSON inside an opaque cursor (URL-safe Base64), where a name sort would put names. */
    public static byte[] cursorContent(String cursor) {
        return Base64.getUrlDecoder().decode(cursor);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
