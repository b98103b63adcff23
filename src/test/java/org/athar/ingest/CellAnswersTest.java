package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CellAnswersTest {

    @Test
    void a_repeated_value_is_worked_out_once_per_kind() {
        CellAnswers cells = new CellAnswers();
        AtomicInteger work = new AtomicInteger();
        for (int i = 0; i < 1000; i++) {
            String answer = cells.of("gender", "ذكر", v -> "male#" + work.incrementAndGet());
            assertThat(answer).isEqualTo("male#1");
        }
        // The same text as another column's value is another question.
        String status = cells.of("status", "ذكر", v -> "status#" + work.incrementAndGet());
        assertThat(status).isEqualTo("status#2");
        assertThat(cells.size()).isEqualTo(2);
    }

    @Test
    void memory_stays_bounded_whatever_the_file_holds() {
        CellAnswers cells = new CellAnswers();
        for (int i = 0; i < CellAnswers.MAX_ANSWERS + 5_000; i++) {
            String value = "value " + i;
            int length = cells.of("locality", value, v -> v.length());
            assertThat(length).isEqualTo(value.length());
        }
        assertThat(cells.size()).isEqualTo(CellAnswers.MAX_ANSWERS);
        // Long values (free text) are answered each time, never kept.
        String narrative = "x".repeat(500);
        AtomicInteger work = new AtomicInteger();
        new CellAnswers().of("narrative", narrative, v -> work.incrementAndGet());
        CellAnswers fresh = new CellAnswers();
        fresh.of("narrative", narrative, v -> work.incrementAndGet());
        fresh.of("narrative", narrative, v -> work.incrementAndGet());
        assertThat(work.get()).isEqualTo(3);
        assertThat(fresh.size()).isZero();
    }
}
