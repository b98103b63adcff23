package org.athar.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.athar.demo.DemoTruth.Relation;

/**
 * The rows of the linkage mode, one at a time: persons documented by one, two or all three sources, each later
 * report written with {@link DemoVariant}s, and hard negatives (brothers, namesakes) who must not be linked.
 */
final class DemoLinkedRows {

    /** Of the persons documented by more than one source, the share documented by all three. */
    static final double ALL_THREE_SHARE = 0.3;
    /** Shares of new persons made as a brother or a namesake of a recent person. */
    static final double BROTHER_SHARE = 0.04;

    static final double NAMESAKE_SHARE = 0.03;
    // Later reports arrive up to this many rows after the first: sources document the same person months apart.
    private static final int MAX_LATER_DELAY = 3000;
    // Brothers and namesakes are modelled on one of the last persons drawn.
    private static final int RECENT = 1000;

    /** One row and the truth about it. */
    record Row(String[] values, DemoTruth truth) {}

    private record Known(String key, DemoPerson person, Relation relation, String related) {}

    private record Later(long dueRow, long sequence, Known known, DemoSource source) {}

    private final DemoPlaces places;
    private final double sharedPersons;
    private final SplittableRandom random;
    private final DemoRows rows;
    private final Map<DemoSource, Long> lastId = new EnumMap<>(DemoSource.class);
    private final PriorityQueue<Later> later =
            new PriorityQueue<>(Comparator.comparingLong(Later::dueRow).thenComparingLong(Later::sequence));
    private final List<Known> recent = new ArrayList<>();
    private long persons;
    private long row;

    DemoLinkedRows(DemoPlaces places, double sharedPersons, SplittableRandom random) {
        this.places = places;
        this.sharedPersons = sharedPersons;
        this.random = random;
        this.rows = new DemoRows(random);
    }

    Row next() {
        long current = row++;
        Later due = later.peek();
        if (due != null && due.dueRow() <= current) {
            later.poll();
            DemoTranscription as = DemoTranscription.later(due.known().person(), places, random);
            return write(due.known(), due.source(), as);
        }
        Known known = newPerson();
        DemoSource source = DemoSource.SHARES.pick(random);
        Row first = write(known, source, DemoTranscription.first(known.person(), random));
        if (random.nextDouble() < sharedPersons) {
            EnumSet<DemoSource> used = EnumSet.of(source);
            int more = random.nextDouble() < ALL_THREE_SHARE ? 2 : 1;
            for (int i = 0; i < more; i++) {
                DemoSource other = other(used);
                used.add(other);
                later.add(new Later(current + 1 + random.nextInt(MAX_LATER_DELAY), current * 2 + i, known, other));
            }
        }
        return first;
    }

    private Known newPerson() {
        String key = String.format(Locale.ROOT, "P%07d", ++persons);
        double u = random.nextDouble();
        Known known;
        if (recent.size() == RECENT && u < BROTHER_SHARE) {
            Known sibling = recent.get(random.nextInt(RECENT));
            known = new Known(
                    key, DemoPerson.brotherOf(sibling.person(), places, random), Relation.BROTHER, sibling.key());
        } else if (recent.size() == RECENT && u < BROTHER_SHARE + NAMESAKE_SHARE) {
            Known other = recent.get(random.nextInt(RECENT));
            known = new Known(
                    key, DemoPerson.namesakeOf(other.person(), places, random), Relation.NAMESAKE, other.key());
        } else {
            known = new Known(key, DemoPerson.draw(places, random), Relation.NONE, "");
        }
        if (recent.size() == RECENT) {
            recent.set((int) (persons % RECENT), known);
        } else {
            recent.add(known);
        }
        return known;
    }

    private Row write(Known known, DemoSource source, DemoTranscription as) {
        String id = DemoDataGenerator.nextId(source, lastId, random);
        return new Row(
                rows.row(as, source, id),
                new DemoTruth(source.displayName(), id, known.key(), as.variants(), known.relation(), known.related()));
    }

    private DemoSource other(EnumSet<DemoSource> used) {
        DemoSource other;
        do {
            other = DemoSource.SHARES.pick(random);
        } while (used.contains(other));
        return other;
    }
}
