package org.athar.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Shares equal strings (sources, codes, name words) between records, so a million records stay small. */
final class Interner {
    private final Map<String, String> strings = new HashMap<>();

    String of(String s) {
        return strings.computeIfAbsent(s, x -> x);
    }

    List<String> words(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(of(w));
        }
        return List.copyOf(out);
    }
}
