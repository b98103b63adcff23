package org.athar.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The names of places of one administrative level, keyed by {@link TextFolding#vocabularyKey}. A key may
 * name several places (districts of different governorates); callers decide whether that is allowed.
 */
final class PlaceNames {

    private final Set<String> designators;
    private final Map<String, Set<String>> pcodesByKey = new LinkedHashMap<>();
    private final Map<String, String> firstTextByKey = new LinkedHashMap<>();

    /** {@code designators}: words naming the level ("governorate", "محافظة") that a name may carry or omit. */
    PlaceNames(String... designators) {
        this.designators =
                Set.copyOf(Arrays.stream(designators).map(TextFolding::fold).toList());
    }

    void add(String pcode, String name) {
        for (String key : keys(name)) {
            pcodesByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(pcode);
            firstTextByKey.putIfAbsent(key, name);
        }
    }

    /** The places {@code text} may name: by its own key, else by its key without a level word. */
    Set<String> find(String text) {
        for (String key : keys(text)) {
            Set<String> found = pcodesByKey.get(key);
            if (found != null) {
                return Set.copyOf(found);
            }
        }
        return Set.of();
    }

    /** The keys shared by places for which {@code sameGroup} holds, described for an error message. */
    List<String> conflicts(BiPredicate<String, String> sameGroup) {
        List<String> conflicts = new ArrayList<>();
        pcodesByKey.forEach((key, pcodes) -> {
            List<String> list = List.copyOf(pcodes);
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    if (sameGroup.test(list.get(i), list.get(j))) {
                        conflicts.add(String.format(
                                Locale.ROOT,
                                "'%s' names both %s and %s",
                                firstTextByKey.get(key),
                                list.get(i),
                                list.get(j)));
                    }
                }
            }
        });
        return conflicts;
    }

    private List<String> keys(String name) {
        List<String> keys = new ArrayList<>(2);
        String whole = TextFolding.vocabularyKey(name);
        if (!whole.isEmpty()) {
            keys.add(whole);
        }
        List<String> words = new ArrayList<>(List.of(TextFolding.fold(name).split(" ")));
        boolean stripped = false;
        while (words.size() > 1 && designators.contains(words.get(0))) {
            words.remove(0);
            stripped = true;
        }
        while (words.size() > 1 && designators.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
            stripped = true;
        }
        if (stripped) {
            keys.add(TextFolding.vocabularyKey(String.join(" ", words)));
        }
        return keys;
    }
}
