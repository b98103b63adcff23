package org.athar.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No view writes words of its own: every text a user reads or hears on a screen (labels, placeholders, headers,
 * aria-labels, titles, notifications, the text of spans, headings, paragraphs, buttons and links) comes from the
 * bundles, so it exists in English and Arabic. Reads the UI's sources and names each file and line that passes a
 * string literal with letters to such a call.
 */
class HardCodedTextTest {

    private static final Path UI = Path.of("src/main/java/org/athar/ui");

    /** The calls whose string arguments a user reads or hears. */
    private static final Pattern TEXT_CALL = Pattern.compile("(?:\\.(?:setText|setLabel|setPlaceholder|setAriaLabel"
            + "|setTitle|setHelperText|setHeader|setHeaderTitle|setErrorMessage|setTooltipText|setConfirmText"
            + "|setCancelText|setRejectText|setDropLabel|setSummaryText|setAlt)"
            + "|Notification\\.show"
            + "|new\\s+(?:Span|H1|H2|H3|H4|H5|H6|Paragraph|Button|Anchor|RouterLink|NativeLabel|Text|Emphasis|Strong"
            + "|ListItem|Details|Tab|Checkbox|TextField|TextArea|PasswordField|ComboBox|Select|DatePicker|Image"
            + "|Notification|MenuItem|Pre|Code|Div)"
            + "|\\.setAttribute\\(\\s*\"(?:aria-label|title|placeholder|alt)\"\\s*,)\\s*\\(?");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** A literal that is a bundle key, not text: the first argument of a translation. */
    private static final Pattern KEY_BEFORE =
            Pattern.compile("(?:getTranslation|Text\\.of|translate)\\(\\s*(?:[\\w.()]+\\s*,\\s*)?$");
    /**
     * A bundle key or a part of one ("review.report.a", ".title"), an id, a CSS class or length ("athar-bar-only",
     * "24rem"), a code ("running"): lower case without spaces. Words a user reads have a space, a capital or a
     * letter outside ASCII; a single lower-case English word passed as text is the one thing this check misses.
     */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9._:/-]*");

    private static final Pattern FORMAT_SPEC = Pattern.compile("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z]");

    /**
     * "File.java:literal" pairs with letters that are not text, each with why. Only ids, CSS names, URLs and
     * patterns belong here, never words.
     */
    private static final Set<String> ALLOWED = Set.of();

    @Test
    void no_view_passes_words_of_its_own_to_what_a_user_reads() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(hardCoded(file));
            }
        }
        assertThat(found)
                .as("string literals shown to users; put them in messages.properties and "
                        + "messages_ar.properties and call getTranslation")
                .isEmpty();
    }

    @Test
    void the_check_finds_a_hard_coded_label_and_ignores_keys_ids_and_addresses() throws IOException {
        Path sample = Files.createTempFile("Sample", ".java");
        Files.writeString(sample, """
                class Sample {
                    void build() {
                        field.setLabel("Source");
                        add(new Span(getTranslation("import.source")), new Anchor("api/v1/x.csv", getTranslation("k")));
                        grid.addColumn(x -> x).setHeader(getTranslation(getLocale(), "import.col.row"));
                        Notification.show("Saved " + name);
                        toggle.getElement().setAttribute("aria-label", "Menu");
                        counter.setText(String.format(getLocale(), "%,d", 3));
                        // setText("in a comment")
                    }
                }
                """);
        try {
            assertThat(hardCoded(sample))
                    .containsExactly(
                            sample.getFileName() + ":3: \"Source\"",
                            sample.getFileName() + ":6: \"Saved \"",
                            sample.getFileName() + ":7: \"Menu\"");
        } finally {
            Files.delete(sample);
        }
    }

    static List<String> hardCoded(Path file) throws IOException {
        String source = withoutComments(Files.readString(file));
        List<String> found = new ArrayList<>();
        Matcher call = TEXT_CALL.matcher(source);
        while (call.find()) {
            int open = call.group().endsWith("(") ? call.end() - 1 : source.indexOf('(', call.end() - 1);
            String args = call.group().contains("setAttribute")
                    ? source.substring(call.end(), end(source, call.end() - 1))
                    : source.substring(open + 1, end(source, open));
            boolean address = call.group().contains("Anchor") || call.group().contains("Image");
            Matcher literal = LITERAL.matcher(args);
            while (literal.find()) {
                String before = args.substring(0, literal.start());
                if (KEY_BEFORE.matcher(before).find() || (address && !before.contains(","))) {
                    continue;
                }
                String value = literal.group(1);
                String letters = FORMAT_SPEC.matcher(value).replaceAll("");
                if (letters.codePoints().anyMatch(Character::isLetter)
                        && !IDENTIFIER.matcher(letters).matches()
                        && !ALLOWED.contains(file.getFileName() + ":" + value)) {
                    int line = (int) source.substring(
                                            0,
                                            (call.group().contains("setAttribute") ? call.end() : open + 1)
                                                    + literal.start())
                                    .chars()
                                    .filter(c -> c == '\n')
                                    .count()
                            + 1;
                    found.add(file.getFileName() + ":" + line + ": \"" + value + "\"");
                }
            }
        }
        return found;
    }

    /** The index of the parenthesis that closes the one at {@code open}, skipping string and char literals. */
    private static int end(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                for (i++; i < s.length() && s.charAt(i) != c; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            } else if (c == ';' && depth <= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** The source with comments blanked out (keeping line breaks, so line numbers stay right). */
    private static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int start = i;
                for (i++; i < s.length() && s.charAt(i) != c; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
                out.append(s, start, Math.min(i + 1, s.length()));
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                int stop = close < 0 ? s.length() : close + 2;
                s.substring(i, stop).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = stop - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
