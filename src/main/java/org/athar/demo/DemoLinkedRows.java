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
import org.athar.demo.DemoNames.Name;
import org.athar.demo.DemoTruth.Relation;

/**
 * The rows of the linkage mode, one at a time: persons documented by one, two or all three sources, each later
 * report written with {@link DemoVariant}s, and hard negatives (brothers, namesakes) who must not be linked, all in
 * the shares of a {@link LinkageShares}.
 */
final class DemoLinkedRows {

    /** One row and the truth about it. */
    record Row(String[] values, DemoTruth truth) {}

    // kunya: the son's name a man is called after (أبو أحمد), or null; drawn only where the set writes kunyas.
    private record Known(String key, DemoPerson person, Relation relation, String related, Name kunya) {}

    private record Later(long dueRow, long sequence, Known known, DemoSource source) {}

    private final DemoPlaces places;
    private final LinkageShares shares;
    private final long total;
    private final SplittableRandom random;
    private final DemoRows rows;
    private final Map<DemoSource, Long> lastId = new EnumMap<>(DemoSource.class);
    private final PriorityQueue<Later> later =
            new PriorityQueue<>(Comparator.comparingLong(Later::dueRow).thenComparingLong(Later::sequence));
    private final List<Known> recent = new ArrayList<>();
    private long persons;
    private long row;

    /** {@code total} rows will be asked for (used only where {@link LinkageShares#completePersons()}). */
    DemoLinkedRows(DemoPlaces places, LinkageShares shares, long total, SplittableRandom random) {
        this.places = places;
        this.shares = shares;
        this.total = total;
        this.random = random;
        this.rows = new DemoRows(random);
    }

    Row next() {
        long current = row++;
        long remaining = total - current;
        Later due = later.peek();
        // With complete persons the last rows go to the later reports still waiting, so none is cut off.
        if (due != null && (due.dueRow() <= current || shares.completePersons() && later.size() >= remaining)) {
            later.poll();
            DemoTranscription as = DemoTranscription.later(
                    due.known().person(),
                    places,
                    shares,
                    shares.writesLatinOnly(due.source()),
                    due.known().kunya(),
                    random);
            return write(due.known(), due.source(), as);
        }
        Known known = newPerson();
        DemoSource source = DemoSource.SHARES.pick(random);
        Row first = write(
                known,
                source,
                DemoTranscription.first(known.person(), shares, shares.writesLatinOnly(source), known.kunya(), random));
        if (random.nextDouble() < shares.sharedPersons()) {
            EnumSet<DemoSource> used = EnumSet.of(source);
            int more = random.nextDouble() < shares.allThree() ? 2 : 1;
            if (shares.completePersons()) {
                // Only as many later reports as rows are left after this one.
                more = (int) Math.min(more, remaining - 1 - later.size());
            }
            for (int i = 0; i < more; i++) {
                DemoSource other = other(used);
                used.add(other);
                later.add(
                        new Later(current + 1 + random.nextInt(shares.maxLaterDelay()), current * 2 + i, known, other));
            }
        }
        return first;
    }

    private Known newPerson() {
        String key = String.format(Locale.ROOT, "P%07d", ++persons);
        int window = shares.recentPersons();
        boolean lookalikes = shares.lookalikesFromStart() ? !recent.isEmpty() : recent.size() == window;
        double u = random.nextDouble();
        DemoPerson person;
        Relation relation = Relation.NONE;
        String related = "";
        if (lookalikes && u < shares.brothers()) {
            Known sibling = recent.get(random.nextInt(recent.size()));
            person = DemoPerson.brotherOf(sibling.person(), places, shares, random);
            relation = Relation.BROTHER;
            related = sibling.key();
        } else if (lookalikes && u < shares.brothers() + shares.namesakes()) {
            Known other = recent.get(random.nextInt(recent.size()));
            double sameGovernorate = shares.namesakesInSameGovernorate();
            boolean same = sameGovernorate > 0 && random.nextDouble() < sameGovernorate;
            person = DemoPerson.namesakeOf(other.person(), places, same, shares, random);
            relation = Relation.NAMESAKE;
            related = other.key();
        } else {
            person = DemoPerson.draw(places, shares, random);
        }
        Name kunya = shares.share(DemoExtraVariant.KUNYA_ADDED) > 0
                ? DemoNames.first(DemoNames.MALE, shares.firstNameSkew(), random)
                : null;
        Known known = new Known(key, person, relation, related, kunya);
        if (recent.size() == window) {
            recent.set((int) (persons % window), known);
        } else {
            recent.add(known);
        }
        return known;
    }

    private Row write(Known known, DemoSource source, DemoTranscription as) {
        String id = DemoDataGenerator.nextId(source, lastId, random);
        return new Row(
                rows.row(as, source, id),
                new DemoTruth(
                        source.displayName(),
                        id,
                        known.key(),
                        as.variants(),
                        known.relation(),
                        known.related(),
                        as.extraVariants()));
    }

    private DemoSource other(EnumSet<DemoSource> used) {
        DemoSource other;
        do {
            other = DemoSource.SHARES.pick(random);
        } while (used.contains(other));
        return other;
    }
}
