package org.athar.analytics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.analytics.ParentCheck.Spec;
import org.athar.linkage.PersonsFigure;
import org.athar.search.ReportQuery;

/**
 * The persons figure if every pending pair were confirmed, under {@code public}: released only with the persons total
 * (so it never hints at a withheld one), never small, and passing rule 8 in its own right (its line of figures
 * counted as if the pending pairs were confirmed), so comparing it across filters gives no small count either. The
 * number of pending pairs is never published.
 */
final class PersonsDisclosure {

    private PersonsDisclosure() {}

    /** {@code persons}: the persons total as the public output of {@code query} shows it. */
    static PersonsRange publish(
            Statistics statistics, int k, ReportQuery query, OptionalLong persons, PersonsFigure exact) {
        long ifConfirmed = exact.personsIfPendingConfirmed();
        boolean released = persons.isPresent() && (ifConfirmed == 0 || ifConfirmed >= k);
        for (PublicFilters.Filter filter : PublicFilters.of(query)) {
            if (!released) {
                break;
            }
            Optional<List<Tally>> line = statistics.talliesIfPendingConfirmed(filter.without(), List.of(filter.line()));
            released = line.isPresent() && !givenAway(filter, line.get().get(0), k);
        }
        return new PersonsRange(
                DisclosureProfile.PUBLIC,
                persons,
                released ? OptionalLong.of(ifConfirmed) : OptionalLong.empty(),
                OptionalLong.empty());
    }

    /** Rule 8 for the total: every value the filter keeps must be published in its line without the filter. */
    private static boolean givenAway(PublicFilters.Filter filter, Tally line, int k) {
        Tally plain = new Tally(line.total(), Map.of());
        return ParentCheck.failures(List.of(Spec.all()), filter, plain, line, line, 0, k)[0];
    }
}
