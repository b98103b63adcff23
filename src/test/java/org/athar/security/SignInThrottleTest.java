package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.athar.security.AtharSecurityProperties.Throttle;
import org.junit.jupiter.api.Test;

/** Growing waits per name and address, never a lock: what a guesser and the account's owner each notice. */
class SignInThrottleTest {

    private final TestUsers.MovableClock clock = new TestUsers.MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(Throttle.defaults(), clock);

    private void fail(int times, String name, String address) {
        for (int i = 0; i < times; i++) {
            throttle.failed(name, address);
        }
    }

    @Test
    void five_failures_are_free_then_each_further_one_doubles_the_wait_up_to_five_minutes() {
        fail(4, "huda", "198.51.100.7");
        assertThat(throttle.waitFor("huda", "198.51.100.7")).isEmpty();
        fail(1, "huda", "198.51.100.7");
        assertThat(throttle.waitFor("huda", "198.51.100.7")).contains(Duration.ofSeconds(1));
        fail(1, "HUDA ", "198.51.100.7");
        assertThat(throttle.waitFor("huda", "198.51.100.7"))
                .as("names are case-insensitive")
                .contains(Duration.ofSeconds(2));
        fail(1, "huda", "198.51.100.7");
        assertThat(throttle.waitFor("huda", "198.51.100.7")).contains(Duration.ofSeconds(4));
        fail(20, "huda", "198.51.100.7");
        assertThat(throttle.waitFor("huda", "198.51.100.7")).contains(Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.waitFor("huda", "198.51.100.7")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.waitFor("huda", "198.51.100.7"))
                .as("one more try after the wait")
                .isEmpty();
    }

    @Test
    void the_owner_elsewhere_and_other_names_from_the_guessers_address_are_not_slowed_down() {
        fail(30, "admin", "198.51.100.7");
        assertThat(throttle.waitFor("admin", "198.51.100.7")).isPresent();
        assertThat(throttle.waitFor("admin", "203.0.113.9"))
                .as("the owner at the office")
                .isEmpty();
        assertThat(throttle.waitFor("layla", "198.51.100.7")).isEmpty();
    }

    @Test
    void a_complete_sign_in_and_a_quiet_day_start_the_count_again() {
        fail(7, "omar", "198.51.100.7");
        throttle.succeeded("omar", "198.51.100.7");
        fail(5, "omar", "198.51.100.7");
        assertThat(throttle.waitFor("omar", "198.51.100.7")).contains(Duration.ofSeconds(1));

        clock.advance(SignInThrottle.FORGET_AFTER.plusSeconds(1));
        fail(1, "omar", "198.51.100.7");
        assertThat(throttle.waitFor("omar", "198.51.100.7"))
                .as("counted from one again")
                .isEmpty();
    }

    @Test
    void a_name_that_does_not_exist_is_counted_like_any_other() {
        // The throttle never looks names up: being slowed down tells nothing about whether a name exists.
        fail(5, "no-such-user-at-all", "198.51.100.7");
        assertThat(throttle.waitFor("no-such-user-at-all", "198.51.100.7")).contains(Duration.ofSeconds(1));
    }

    @Test
    void a_flood_of_names_does_not_wipe_out_the_wait_of_a_guess_being_slowed_down() {
        fail(8, "admin", "198.51.100.7");
        for (int i = 0; i <= SignInThrottle.MAX_KEYS; i++) {
            throttle.failed("spray-" + i, "198.51.100.7");
        }
        assertThat(throttle.waitFor("admin", "198.51.100.7")).contains(Duration.ofSeconds(8));
    }
}
