package org.athar.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.DisclosureProfile;
import org.athar.i18n.Messages;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.junit.jupiter.api.Test;

/**
 * A briefing's key figures under the public profile (no engine): a withheld count reads "withheld" («محجوب»), never
 * "fewer than k"; a share has a percentage only when its part and its total are published; persons or reports as
 * counted.
 */
class KeyFigureSentenceTest {

    private static final KeyFigureSentence SENTENCES = new KeyFigureSentence(new Messages());
    private static final Optional<Dimension> PERPETRATOR = Optional.of(Dimension.PERPETRATOR);

    private static Breakdown perpetrators(OptionalLong total, OptionalLong government, OptionalLong isis) {
        return new Breakdown(
                Dimension.PERPETRATOR,
                DisclosureProfile.PUBLIC,
                total,
                OptionalLong.of(0),
                List.of(new Bucket("government", "Government", government), new Bucket("isis", "ISIS", isis)));
    }

    @Test
    void a_withheld_key_figure_reads_withheld_in_both_languages_never_fewer_than_k() {
        // 127 withheld so that a small difference to a published 123 cannot be worked out: it is not small.
        Breakdown b = perpetrators(OptionalLong.empty(), OptionalLong.of(123), OptionalLong.empty());
        assertThat(SENTENCES.of(b, Count.PERSONS, Optional.empty(), Optional.empty(), Messages.ENGLISH))
                .isEqualTo("People documented as disappeared: withheld.");
        assertThat(SENTENCES.of(b, Count.REPORTS, Optional.empty(), Optional.empty(), Messages.ENGLISH))
                .isEqualTo("Reports documenting a disappearance: withheld.");
        String arabic = SENTENCES.of(b, Count.PERSONS, Optional.empty(), Optional.empty(), Messages.ARABIC);
        assertThat(arabic).contains("محجوب").doesNotContain("أقل من", "5");
        // A share of a withheld total has no percentage.
        assertThat(SENTENCES.of(b, Count.PERSONS, PERPETRATOR, Optional.of("government"), Messages.ENGLISH))
                .isEqualTo("People documented as disappeared: withheld.")
                .doesNotContain("%");
    }

    @Test
    void a_withheld_part_has_no_percentage_and_a_published_one_is_a_share_of_the_published_total() {
        Breakdown b = perpetrators(OptionalLong.of(400), OptionalLong.of(300), OptionalLong.empty());
        assertThat(SENTENCES.of(b, Count.PERSONS, PERPETRATOR, Optional.of("isis"), Messages.ENGLISH))
                .isEqualTo("400 people documented as disappeared, the share for \u201cISIS\u201d is withheld.");
        assertThat(SENTENCES.of(b, Count.PERSONS, PERPETRATOR, Optional.of("government"), Messages.ENGLISH))
                .isEqualTo("400 people documented as disappeared, 75 % attributed to Government.");
        assertThat(SENTENCES.of(b, Count.REPORTS, Optional.empty(), Optional.empty(), Messages.ENGLISH))
                .isEqualTo("400 reports documenting a disappearance.");
        assertThat(SENTENCES.of(b, Count.PERSONS, PERPETRATOR, Optional.of("isis"), Messages.ARABIC))
                .contains("محجوبة")
                .doesNotContain("أعداد صغيرة", "%");
    }
}
