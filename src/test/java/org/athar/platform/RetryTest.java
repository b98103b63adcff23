package org.athar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTest {

    private final Retry retry = new Retry();

    @AfterEach
    void stop() {
        retry.destroy();
    }

    @Test
    void an_attempt_is_made_again_until_it_works_then_never_again() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        retry.every(Duration.ofMillis(10), "athar-test-retry", () -> {
            threads.add(Thread.currentThread().getName());
            if (attempts.incrementAndGet() < 3) {
                return false;
            }
            done.countDown();
            return true;
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(attempts).hasValue(3);
        assertThat(threads).containsOnly("athar-test-retry");
    }

    @Test
    void after_the_last_failed_attempt_the_retry_gives_up_and_says_so() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch gaveUp = new CountDownLatch(1);
        retry.every(
                Duration.ofMillis(10),
                4,
                "athar-test-retry",
                () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("the engine does not answer");
                },
                gaveUp::countDown);
        assertThat(gaveUp.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void a_cancelled_retry_makes_no_further_attempt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Retry.Attempts attempting = retry.every(Duration.ofMillis(200), "athar-test-retry", () -> {
            attempts.incrementAndGet();
            return false;
        });
        attempting.cancel();
        Thread.sleep(500);
        assertThat(attempts).hasValue(0);
    }
}
