package org.athar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md is the newcomer's map: everything it names must exist, and every top-level package must be on
 * it, so the page cannot drift from the code unnoticed.
 */
class ArchitectureDocTest {

    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path ROOT = MAIN.resolve("org/athar");

    @Test
    void every_package_and_class_the_page_names_exists() throws IOException {
        String page = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        Matcher qualified =
                Pattern.compile("org\\.athar(\\.[A-Za-z_][A-Za-z0-9_]*)+").matcher(page);
        while (qualified.find()) {
            String name = qualified.group();
            String last = name.substring(name.lastIndexOf('.') + 1);
            Path path = MAIN.resolve(name.replace('.', '/'));
            boolean exists = Character.isUpperCase(last.charAt(0))
                    ? Files.isRegularFile(Path.of(path + ".java"))
                    : Files.isDirectory(path);
            if (!exists) {
                missing.add(name);
            }
        }
        // `package/Class` or `package/sub/Class.java` inside code spans, relative to org/athar.
        Matcher relative = Pattern.compile("`([a-z]+(?:/[a-z]+)*)/([A-Z][A-Za-z0-9]*)(?:\\.java)?(?:[.#][a-zA-Z()]*)?`")
                .matcher(page);
        while (relative.find()) {
            Path file = ROOT.resolve(relative.group(1)).resolve(relative.group(2) + ".java");
            if (!Files.isRegularFile(file)) {
                missing.add(relative.group(1) + "/" + relative.group(2));
            }
        }
        // A bare class name in a code span, such as `ImportRun` or `Figures.dashboard`.
        Set<String> classes = classNames();
        Matcher bare = Pattern.compile("`([A-Z][a-z][A-Za-z0-9]*)(?:\\.[a-z][A-Za-z0-9]*(?:\\(\\))?)?`")
                .matcher(page);
        while (bare.find()) {
            if (!classes.contains(bare.group(1))) {
                missing.add(bare.group(1));
            }
        }
        assertThat(missing)
                .as("names in " + DOC + " with no package or class in the code")
                .isEmpty();
    }

    @Test
    void every_top_level_package_is_on_the_map() throws IOException {
        String page = Files.readString(DOC, StandardCharsets.UTF_8);
        String map = page.substring(page.indexOf("```mermaid"), page.indexOf("```", page.indexOf("```mermaid") + 3));
        List<String> absent = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .filter(p ->
                            !Pattern.compile("\\b" + p + "\\b").matcher(map).find())
                    .forEach(absent::add);
        }
        assertThat(absent)
                .as("packages of org.athar missing from the map in " + DOC)
                .isEmpty();
    }

    private static Set<String> classNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path root : List.of(MAIN, Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith(".java"))
                        .forEach(f -> names.add(f.substring(0, f.length() - ".java".length())));
            }
        }
        return names;
    }
}
