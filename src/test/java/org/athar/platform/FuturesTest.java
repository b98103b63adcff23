package org.athar.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void a_task_s_own_exception_comes_out_as_it_was_thrown() {
        IOException io = new IOException("engine down");
        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(io), "reading"))
                .isSameAs(io);
        IllegalArgumentException bad = new IllegalArgumentException("bad");
        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(bad), "reading"))
                .isSameAs(bad);
        assertThatThrownBy(() -> Futures.awaitUnchecked(CompletableFuture.failedFuture(bad), "writing"))
                .isSameAs(bad);
    }

    @Test
    void a_checked_exception_of_another_kind_is_the_cause_of_the_one_thrown() {
        Exception other = new Exception("other");
        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(other), "reading"))
                .isInstanceOf(IOException.class)
                .hasCause(other);
        assertThatThrownBy(() -> Futures.awaitUnchecked(CompletableFuture.failedFuture(other), "writing"))
                .isInstanceOf(IllegalStateException.class)
                .hasCause(other);
    }
}
