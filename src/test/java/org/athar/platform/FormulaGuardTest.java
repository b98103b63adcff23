package org.athar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulaGuardTest {

    @Test
    void a_text_a_spreadsheet_would_run_gets_an_apostrophe_and_reads_back_without_it() {
        for (String formula : new String[] {"=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(FormulaGuard.safe(formula)).isEqualTo("'" + formula);
            assertThat(FormulaGuard.unguarded(FormulaGuard.safe(formula))).isEqualTo(formula);
        }
    }

    @Test
    void any_other_text_is_written_and_read_unchanged() {
        for (String text : new String[] {"", "'", "Ahmad", "'quoted", "'Ahmad", "أحمد", "12"}) {
            assertThat(FormulaGuard.safe(text)).isEqualTo(text);
            assertThat(FormulaGuard.unguarded(text)).isEqualTo(text);
        }
    }
}
