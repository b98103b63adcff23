package org.athar.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athar.report.NameSkeleton;
import org.athar.report.TextFolding;

/**
 * Marks the words of a text that a query matched, the way the search matched them: as typed, folded (Arabic variants,
 * diacritics, case) or, for names, by cross-script skeleton. Works on the original text, so nothing is rewritten.
 * Screens get highlights through {@link ReportSearch#highlights}, which gives none to a viewer who may not see names.
 */
public final class Highlights {

    /** A run of text, matched or not. */
    public record Segment(String text, boolean matched) {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}'’ʿʾ]+");

    private Highlights() {}

    static List<Segment> of(String text, QueryText query, boolean isName) {
        Set<String> folded = new HashSet<>();
        Set<String> skeletons = new HashSet<>();
        for (QueryText.Clause c : query.included()) {
            for (String word : c.text().split("\\s+")) {
                String f = TextFolding.fold(word);
                if (!f.isBlank()) {
                    folded.add(f);
                }
                String s = NameSkeleton.of(word);
                if (isName && s.length() >= 2) {
                    skeletons.add(s);
                }
            }
        }
        List<Segment> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            String word = m.group();
            boolean hit = folded.contains(TextFolding.fold(word)) || skeletons.contains(NameSkeleton.of(word));
            if (hit) {
                if (m.start() > last) {
                    out.add(new Segment(text.substring(last, m.start()), false));
                }
                out.add(new Segment(word, true));
                last = m.end();
            }
        }
        if (last < text.length()) {
            out.add(new Segment(text.substring(last), false));
        }
        return out;
    }
}
