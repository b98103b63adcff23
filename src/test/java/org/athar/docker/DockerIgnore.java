package org.athar.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} applied as Docker applies it: paths relative to the context root, {@code *} and
 * {@code ?} within one path element, {@code **} across any number of them, a leading {@code !} re-including, the
 * last matching line wins, and a line that matches a directory applies to everything under it.
 */
final class DockerIgnore {

    private record Rule(Pattern pattern, boolean include, String line) {}

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean include = line.startsWith("!");
            String pattern = clean(include ? line.substring(1).strip() : line);
            rules.add(new Rule(Pattern.compile(regex(pattern)), include, line));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /**
     * A {@code .gitignore} in the same terms: a line without a slash but at its end matches at any depth there, so
     * it becomes {@code **}{@code /line}. Enough for the plain lines Athar's .gitignore uses.
     */
    static DockerIgnore parseGitignore(String text) {
        StringBuilder docker = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            String body = line.endsWith("/") ? line.substring(0, line.length() - 1) : line;
            boolean anywhere = !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!") && !body.contains("/");
            docker.append(anywhere ? "**/" + line : line).append('\n');
        }
        return parse(docker.toString());
    }

    /** True when Docker leaves {@code path} (relative, with {@code /}) out of the build context. */
    boolean excludes(String path) {
        String clean = clean(path);
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesItselfOrParent(rule.pattern(), clean)) {
                excluded = !rule.include();
            }
        }
        return excluded;
    }

    private static boolean matchesItselfOrParent(Pattern pattern, String path) {
        String candidate = path;
        while (true) {
            if (pattern.matcher(candidate).matches()) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }

    private static String clean(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.substring(p.startsWith("/") ? 1 : 2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String regex(String pattern) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                out.append("(?:.*/)?");
                i += 3;
            } else if (pattern.startsWith("**", i)) {
                out.append(".*");
                i += 2;
            } else if (c == '*') {
                out.append("[^/]*");
                i++;
            } else if (c == '?') {
                out.append("[^/]");
                i++;
            } else if (c == '[') {
                int end = pattern.indexOf(']', i);
                out.append(pattern, i, end + 1);
                i = end + 1;
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return out.toString();
    }
}
