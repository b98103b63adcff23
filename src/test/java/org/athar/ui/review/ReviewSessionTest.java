package org.athar.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The review page's count of this session's work: decisions standing, the rate, and what U undoes next. */
class ReviewSessionTest {

    private static final Instant OPENED = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void twelve_decisions_in_four_minutes_are_three_a_minute_and_an_undone_one_no_longer_counts() {
        ReviewSession s = new ReviewSession(OPENED);
        for (int i = 0; i < 12; i++) {
            s.decided("pair-" + i, true);
        }
        Instant later = OPENED.plus(Duration.ofMinutes(4));
        assertThat(s.decisions()).isEqualTo(12);
        assertThat(s.perMinute(later)).isEqualTo(3.0);

        assertThat(s.last()).contains("pair-11");
        s.undone();
        assertThat(s.decisions()).isEqualTo(11);
        assertThat(s.last()).as("U pressed again undoes the one before").contains("pair-10");
    }

    @Test
    void the_first_decision_is_not_read_as_hundreds_a_minute_and_a_pair_sent_back_is_counted_but_not_undone_by_u() {
        ReviewSession s = new ReviewSession(OPENED);
        s.decided("confirmed", true);
        s.decided("sent-back", false);
        assertThat(s.perMinute(OPENED.plusSeconds(10)))
                .as("over at least a minute")
                .isEqualTo(2.0);
        assertThat(s.last()).contains("confirmed");
        s.forgetLast();
        assertThat(s.last()).isEmpty();
        assertThat(s.decisions()).isEqualTo(2);
    }
}
