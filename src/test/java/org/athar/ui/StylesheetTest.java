package org.athar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The stylesheet parses as flat rules: a browser swallows every rule after an unclosed brace as nested (that once
 * left the sign-in box, the Trends cards and the Exports page unstyled after a merge), and nothing else notices.
 */
class StylesheetTest {

    @Test
    void every_rule_of_athar_css_is_closed_before_the_next_one_opens() throws IOException {
        String css = Files.readString(Path.of("frontend", "styles", "athar.css"), StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "");
        // Only an @media or @supports block may hold rules (narrow-screen rules, issue 18); a rule inside a rule
        // means a '}' is missing above.
        java.util.Deque<Boolean> open = new java.util.ArrayDeque<>();
        StringBuilder prelude = new StringBuilder();
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            }
            if (c == '{') {
                boolean group = prelude.toString().strip().matches("(?s)@(media|supports)\\b.*");
                assertThat(open.isEmpty() || (open.peek() && !group))
                        .as("athar.css line %d opens a rule inside another (a '}' is missing above)", line)
                        .isTrue();
                open.push(group);
                prelude.setLength(0);
            } else if (c == '}') {
                assertThat(open)
                        .as("athar.css line %d closes a rule that was not open", line)
                        .isNotEmpty();
                open.pop();
                prelude.setLength(0);
            } else if (c == ';') {
                prelude.setLength(0);
            } else {
                prelude.append(c);
            }
        }
        int depth = open.size();
        assertThat(depth).as("athar.css ends inside a rule").isZero();
    }
}
