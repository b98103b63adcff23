package org.athar.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.athar.demo.DemoNames.Name;
import org.athar.report.Gender;

/**
 * How a set with extended names (the second evaluation set, {@link LinkageShares#extendedNames()}) writes a person's
 * name in one report: besides the own set's variants, the father's name may be left out, a kunya (أبو أحمد) written
 * beside the given name, بن / ابن put between given and father's name, a compound name written as one word, and one
 * source writes every name in Latin letters only, with spellings chosen afresh each time ({@link DemoTransliteration}).
 */
final class DemoNameWriting {

    // As often as DemoRows fills victim_name_latin in the default mode.
    private static final double LATIN_COLUMN_SHARE = 0.40;

    /** The name and Latin columns and what was done to them. */
    record Written(String name, String latin, Set<DemoVariant> variants, Set<DemoExtraVariant> extraVariants) {}

    private enum Slot {
        FIRST,
        FATHER,
        FAMILY,
        KUNYA,
        CONNECTOR
    }

    private final DemoPerson person;
    private final Name kunya;
    private final SplittableRandom random;
    private final EnumSet<DemoVariant> variants = EnumSet.noneOf(DemoVariant.class);
    private final EnumSet<DemoExtraVariant> extras = EnumSet.noneOf(DemoExtraVariant.class);
    private boolean spelling;
    private boolean dropArticle;
    private boolean joined;

    private DemoNameWriting(DemoPerson person, Name kunya, SplittableRandom random) {
        this.person = person;
        this.kunya = kunya;
        this.random = random;
    }

    /**
     * Writes the name of {@code person} for one report. Spelling, article and order variants are drawn for
     * {@code later} reports only (a first report is written as listed); the rest for every report. {@code kunya} is
     * the person's kunya (the son's name after أبو), or {@code null} for none.
     */
    static Written write(
            DemoPerson person,
            Name kunya,
            boolean later,
            boolean latinSource,
            LinkageShares shares,
            SplittableRandom random) {
        return new DemoNameWriting(person, kunya, random).write(later, latinSource, shares);
    }

    private Written write(boolean later, boolean latinSource, LinkageShares shares) {
        spelling = later && drawn(shares.share(DemoVariant.ARABIC_SPELLING));
        dropArticle = later && drawn(shares.share(DemoVariant.DROPPED_ARTICLE));
        boolean transposed = later && drawn(shares.share(DemoVariant.TRANSPOSED_NAMES));
        boolean familyFirst = transposed && random.nextBoolean();
        boolean latinOnly = latinSource || later && drawn(shares.share(DemoVariant.LATIN_ONLY));
        boolean fatherMissing = drawn(shares.share(DemoExtraVariant.FATHER_NAME_MISSING));
        boolean withKunya =
                kunya != null && person.gender() == Gender.MALE && drawn(shares.share(DemoExtraVariant.KUNYA_ADDED));
        boolean kunyaFirst = withKunya && random.nextBoolean();
        boolean nasab = drawn(shares.share(DemoExtraVariant.NASAB_CONNECTOR));
        joined = drawn(shares.share(DemoExtraVariant.COMPOUND_SPACING));

        List<Slot> slots = new ArrayList<>(List.of(Slot.FIRST, Slot.FATHER, Slot.FAMILY));
        if (fatherMissing) {
            slots.remove(Slot.FATHER);
            extras.add(DemoExtraVariant.FATHER_NAME_MISSING);
        }
        if (transposed) {
            // Without a father's name the only other order is the family name first.
            if (familyFirst || fatherMissing) {
                slots.remove(Slot.FAMILY);
                slots.add(0, Slot.FAMILY);
            } else {
                slots.set(0, Slot.FATHER);
                slots.set(1, Slot.FIRST);
            }
            if (person.first() != person.father() || familyFirst || fatherMissing) {
                variants.add(DemoVariant.TRANSPOSED_NAMES);
            }
        }
        int first = slots.indexOf(Slot.FIRST);
        if (nasab && first + 1 < slots.size() && slots.get(first + 1) == Slot.FATHER) {
            slots.add(first + 1, Slot.CONNECTOR);
            extras.add(DemoExtraVariant.NASAB_CONNECTOR);
        }
        if (withKunya) {
            slots.add(kunyaFirst ? slots.indexOf(Slot.FIRST) : slots.indexOf(Slot.FIRST) + 1, Slot.KUNYA);
            extras.add(DemoExtraVariant.KUNYA_ADDED);
        }

        String name;
        String latin;
        if (latinOnly) {
            name = join(slots, true, true);
            latin = "";
            variants.add(DemoVariant.LATIN_ONLY);
        } else {
            name = join(slots, false, true);
            latin = random.nextDouble() < LATIN_COLUMN_SHARE ? join(slots, true, false) : "";
            if (spelling
                    && slots.stream()
                            .map(this::nameIn)
                            .anyMatch(p -> p != null
                                    && !DemoNames.bareHamza(p.arabic()).equals(p.arabic()))) {
                variants.add(DemoVariant.ARABIC_SPELLING);
            }
        }
        return new Written(name, latin, variants, extras);
    }

    private String join(List<Slot> slots, boolean inLatin, boolean nameColumn) {
        List<String> words = new ArrayList<>();
        for (Slot slot : slots) {
            words.add(inLatin ? latin(slot, nameColumn) : arabic(slot));
        }
        return String.join(" ", words);
    }

    private String arabic(Slot slot) {
        return switch (slot) {
            case CONNECTOR -> random.nextBoolean() ? "بن" : "ابن";
            case KUNYA -> (spelling ? "ابو" : "أبو") + " " + written(kunya);
            default -> {
                Name part = nameIn(slot);
                String written = written(part);
                if (joined && part.arabic().contains(" ")) {
                    written = written.replace(" ", "");
                    extras.add(DemoExtraVariant.COMPOUND_SPACING);
                }
                if (dropArticle && slot == Slot.FAMILY) {
                    String without = DemoNames.withoutArticle(written);
                    if (!without.equals(written)) {
                        variants.add(DemoVariant.DROPPED_ARTICLE);
                    }
                    written = without;
                }
                yield written;
            }
        };
    }

    private String written(Name part) {
        return spelling ? DemoNames.bareHamza(part.arabic()) : DemoNames.written(part, random);
    }

    /** A Latin word; only the name column's spellings count for the recorded variants. */
    private String latin(Slot slot, boolean nameColumn) {
        return switch (slot) {
            case CONNECTOR -> random.nextBoolean() ? "bin" : "ibn";
            case KUNYA -> "Abu " + DemoTransliteration.latin(kunya, random);
            default -> {
                Name part = nameIn(slot);
                String spelled = DemoTransliteration.latin(part, random);
                if (nameColumn && words(spelled) != words(part.arabic())) {
                    extras.add(DemoExtraVariant.COMPOUND_SPACING);
                }
                if (dropArticle && slot == Slot.FAMILY) {
                    String without = DemoNames.withoutLatinArticle(spelled);
                    if (nameColumn && !without.equals(spelled)) {
                        variants.add(DemoVariant.DROPPED_ARTICLE);
                    }
                    spelled = without;
                }
                yield spelled;
            }
        };
    }

    private Name nameIn(Slot slot) {
        return switch (slot) {
            case FIRST -> person.first();
            case FATHER -> person.father();
            case FAMILY -> person.family();
            case KUNYA -> kunya;
            case CONNECTOR -> null;
        };
    }

    private boolean drawn(double share) {
        // No draw for a share of 0: a set without a variant spends no random numbers on it.
        return share > 0 && random.nextDouble() < share;
    }

    private static int words(String name) {
        return name.split(" ").length;
    }
}
