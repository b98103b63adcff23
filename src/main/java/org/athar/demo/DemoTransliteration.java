package org.athar.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.athar.demo.DemoNames.Name;

/**
 * The Latin spellings the second evaluation set writes, more of them than {@link DemoNames} lists and chosen
 * afresh for every report, as a team transliterating by ear does: Mohammad / Muhammad / Mohamed / Mohammed, Abd
 * al-Rahman / Abdulrahman / Abdul Rahman, Al-Halabi / al-Halabi / Halabi. The own set never calls this class (its
 * bytes must not change), so the extra spellings live here rather than in {@link DemoNames}' lists.
 */
final class DemoTransliteration {

    // Common transliterations beside the listed ones; invented for the demo pools, not taken from any list of people.
    private static final Map<String, List<String>> MORE = Map.ofEntries(
            Map.entry("محمد", List.of("Mohammed", "Muhammed")),
            Map.entry("حسين", List.of("Hussain", "Husayn")),
            Map.entry("يوسف", List.of("Yousef", "Yusef")),
            Map.entry("مصطفى", List.of("Mostafa")),
            Map.entry("عبد الله", List.of("Abd Allah", "Abdulla")),
            Map.entry("عبد الرحمن", List.of("Abd al-Rahman", "Abdelrahman", "Abd el-Rahman")),
            Map.entry("عبد الكريم", List.of("Abd al-Karim", "Abdelkarim")),
            Map.entry("عبد الرزاق", List.of("Abd al-Razzaq", "Abdul Razzaq")),
            Map.entry("عبد القادر", List.of("Abd al-Qader", "Abdelkader")),
            Map.entry("عبد الحميد", List.of("Abd al-Hamid", "Abdul Hamid")),
            Map.entry("زين الدين", List.of("Zain al-Din", "Zaineddin")),
            Map.entry("أبو زيد", List.of("Abuzaid", "Abou Zeid")),
            Map.entry("أبو حمدان", List.of("Abuhamdan")),
            Map.entry("العبد الله", List.of("Al-Abdallah", "Alabdullah")));

    private static final Map<Name, List<String>> SPELLINGS = spellingsOfPools();

    private DemoTransliteration() {}

    /** One of the name's Latin spellings, each as likely as another. */
    static String latin(Name name, SplittableRandom random) {
        List<String> spellings = spellings(name);
        return spellings.get(random.nextInt(spellings.size()));
    }

    /**
     * Every Latin spelling this class may write for {@code name}: the listed ones, the ones above, and for a family
     * name with an article the name with "Al-", with "al-" and without it.
     */
    static List<String> spellings(Name name) {
        List<String> known = SPELLINGS.get(name);
        return known != null ? known : build(name);
    }

    private static Map<Name, List<String>> spellingsOfPools() {
        Map<Name, List<String>> spellings = new java.util.HashMap<>();
        Stream.of(DemoNames.MALE, DemoNames.FEMALE, DemoNames.FAMILY)
                .flatMap(List::stream)
                .forEach(name -> spellings.put(name, build(name)));
        return Map.copyOf(spellings);
    }

    private static List<String> build(Name name) {
        Set<String> spellings = new LinkedHashSet<>(name.latin());
        spellings.addAll(MORE.getOrDefault(name.arabic(), List.of()));
        for (String spelling : new ArrayList<>(spellings)) {
            String bare = DemoNames.withoutLatinArticle(spelling);
            if (!bare.equals(spelling)) {
                spellings.add("Al-" + bare);
                spellings.add("al-" + bare);
                spellings.add(bare);
            }
        }
        return List.copyOf(spellings);
    }
}
