package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.athar.ServerDefaults;
import org.athar.search.Dimension;
import org.junit.jupiter.api.Test;

/** The period keys of every time series, chart and export: the same on every server. */
class PeriodKeysTest {

    private static final LocalDate DAY = LocalDate.of(2013, 3, 5);

    @Test
    void period_keys_are_written_with_western_digits_whatever_the_servers_locale() throws Throwable {
        for (Locale server :
                List.of(Locale.ROOT, ServerDefaults.SYRIAN_ARABIC, ServerDefaults.GERMAN, ServerDefaults.TURKISH)) {
            List<String> keys = ServerDefaults.withLocale(
                    server,
                    () -> List.of(
                            Periods.key(Dimension.YEAR, DAY),
                            Periods.key(Dimension.QUARTER, DAY),
                            Periods.key(Dimension.MONTH, DAY)));
            assertThat(keys).as("on a server in %s", server).containsExactly("2013", "2013-Q1", "2013-03");
            List<String> filled = ServerDefaults.withLocale(
                    server, () -> Periods.filled(Dimension.MONTH, List.of("2012-12", "2013-02")));
            assertThat(filled).as("on a server in %s", server).containsExactly("2012-12", "2013-01", "2013-02");
        }
    }
}
