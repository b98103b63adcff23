package org.athar.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt;
import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.util.Set;
import org.athar.AtharIntegrationTest;
import org.athar.i18n.Messages;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.ui.SpringKaribu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The linkage model page server-side (Karibu): reached from Review, it lists every comparison's levels with m, u and
 * weight and the prior, in English and in Arabic (right to left), and shows levels, never a name.
 */
@Import(SwitchableViewer.Config.class)
class LinkageModelScreenTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SwitchableViewer viewer;

    @AfterEach
    void closeBrowserSession() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    private void signIn(Role role) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, Set.of(role));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid(String comparison) {
        return LocatorJ._get(Grid.class, spec -> spec.withId("model-" + comparison));
    }

    @Test
    void an_analyst_opens_the_model_from_review_and_reads_every_comparison_with_m_u_and_weight() {
        signIn(Role.ANALYST);
        UI.getCurrent().navigate("review");
        RouterLink link = LocatorJ._get(RouterLink.class, spec -> spec.withId("review-model"));
        assertThat(link.getHref()).isEqualTo("review/model");
        UI.getCurrent().navigate(link.getHref());
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("model-summary"))
                        .getText())
                .contains("Prior");
        for (String comparison : new String[] {
            "first_name",
            "father_name",
            "family_name",
            "name_order",
            "gender",
            "age",
            "date",
            "governorate",
            "district",
            "perpetrator",
            "status",
            "source"
        }) {
            Grid<?> grid = LocatorJ._get(Grid.class, spec -> spec.withId("model-" + comparison));
            assertThat(grid.getColumns()).hasSize(4);
        }
        String page = PrettyPrintTreeKt.toPrettyTree(UI.getCurrent());
        assertThat(page).contains("m (same person)", "u (random pairs)");
        assertThat(GridKt._getFormattedRow(grid("date"), 0).get(0)).isEqualTo("Same day");
        assertThat(GridKt._getFormattedRow(grid("age"), 0).get(0)).isEqualTo("At most 1 year apart");
        assertThat(page).doesNotContain("linkage.outcome.", "model.col.", "model.prior");
    }

    @Test
    void the_model_page_reads_in_arabic_right_to_left() {
        signIn(Role.ADMIN);
        UI ui = UI.getCurrent();
        ui.setLocale(Messages.ARABIC);
        ui.getSession().setLocale(Messages.ARABIC);
        ui.setDirection(Direction.RIGHT_TO_LEFT);
        ui.navigate("review/model");
        String page = PrettyPrintTreeKt.toPrettyTree(ui);
        assertThat(page).contains("نموذج الربط");
        assertThat(GridKt._getFormattedRow(grid("date"), 0).get(0)).isEqualTo("اليوم نفسه");
        assertThat(page).doesNotContain("linkage.outcome.", "model.col.", "model.prior", "model.pairs");
    }
}
