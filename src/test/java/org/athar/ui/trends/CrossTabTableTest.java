package org.athar.ui.trends;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.athar.analytics.CrossTab;
import org.athar.analytics.Disclosure;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Heading;
import org.athar.i18n.Messages;
import org.athar.search.Dimension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Trends cross-tab table under the public profile (Karibu, no engine): a withheld cell or total reads "withheld"
 * («محجوب»), never "&lt;5" — a complement such as a cell of 53 or a column total over a cell of 10 is not small — and
 * the footnote under the table gives both reasons.
 */
class CrossTabTableTest {

    private static final OptionalLong WITHHELD = OptionalLong.empty();

    @BeforeEach
    void ui() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    static List<Locale> languages() {
        return Messages.SUPPORTED;
    }

    /**
     * Aleppo 2 (small) and 53 (its complement) withheld with Aleppo's total 55; the Government column total (withheld
     * as a complement) stands over Homs's 10.
     */
    private static CrossTab table() {
        return new CrossTab(
                Dimension.GOVERNORATE,
                Dimension.PERPETRATOR,
                DisclosureProfile.PUBLIC,
                List.of(new Heading("SY02", "Aleppo"), new Heading("SY04", "Homs")),
                List.of(new Heading("government", "Government"), new Heading("isis", "ISIS")),
                List.of(List.of(WITHHELD, WITHHELD), List.of(OptionalLong.of(10), OptionalLong.of(1200))),
                List.of(WITHHELD, OptionalLong.of(1210)),
                List.of(WITHHELD, WITHHELD),
                OptionalLong.of(1265),
                OptionalLong.of(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void a_withheld_cell_or_total_reads_withheld_and_never_less_than_k(Locale locale) {
        UI.getCurrent().setLocale(locale);
        CrossTabCard card = new CrossTabCard(false, slice -> {});
        String note = Disclosure.withheldNote(5, locale);
        card.show(table(), "Persons by governorate and perpetrator", "<svg></svg>", List.of(note), f -> "#");

        List<String> cells = texts(card.getElement(), "td");
        String withheld = Disclosure.shown(WITHHELD, locale);
        // Row Aleppo: two cells and the row total; footer: both column totals.
        assertThat(cells)
                .containsExactly(withheld, withheld, withheld, "10", "1,200", "1,210", withheld, withheld, "1,265");
        assertThat(String.join(" ", texts(card.getElement(), "*"))).doesNotContain("<5", "<", "&lt;");
        assertThat(withheld).isEqualTo(Messages.isRightToLeft(locale) ? "محجوب" : "withheld");
        assertThat(texts(card.getElement(), "p")).contains(note);
        assertThat(note).contains(Messages.isRightToLeft(locale) ? "أرقام منشورة أخرى" : "other published figures");
    }

    private static List<String> texts(Element root, String tag) {
        List<String> out = new ArrayList<>();
        collect(root, tag, out);
        return out;
    }

    private static void collect(Element e, String tag, List<String> out) {
        if (e.isTextNode()) {
            return;
        }
        if (tag.equals("*") || e.getTag().equals(tag)) {
            out.add(e.getText());
        }
        e.getChildren().forEach(c -> collect(c, tag, out));
    }
}
