package org.athar.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.security.Role;
import org.athar.sharing.InstallationKey;
import org.athar.sharing.Recipient;
import org.athar.sharing.RecipientFields;
import org.athar.sharing.Recipients;
import org.athar.ui.SpringKaribu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The partners section of the Admin page server-side (Karibu): the key is shown and a recipient is registered. */
class PartnersSectionTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    InstallationKey key;

    @Autowired
    Recipients recipients;

    @BeforeEach
    void signInAsAdmin() {
        SpringKaribu.setUp(context, Set.of(Role.ADMIN));
        UI.getCurrent().navigate("admin");
    }

    @AfterEach
    void signOut() {
        SpringKaribu.tearDown();
    }

    @Test
    void the_admin_page_shows_this_installations_fingerprint_and_public_key_to_download() {
        assertThat(LocatorJ._get(Span.class, s -> s.withId("partners-fingerprint"))
                        .getText()
                        .replace(" ", ""))
                .isEqualTo(key.fingerprint());
        assertThat(LocatorJ._get(Pre.class, s -> s.withId("partners-public-key"))
                        .getText())
                .isEqualTo(key.publicKeyArmoured())
                .doesNotContain("PRIVATE");
        Anchor download = LocatorJ._get(Anchor.class, s -> s.withId("partners-key-download"));
        assertThat(download.getHref()).endsWith("api/v1/admin/keys/public");
        assertThat(download.getElement().getAttribute("download")).isEqualTo("athar-public-key.asc");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_registers_a_recipient_through_the_dialog_and_sees_it_in_the_grid() {
        String name = "UI Partner " + UUID.randomUUID().toString().substring(0, 8);
        LocatorJ._click(LocatorJ._get(Button.class, s -> s.withId("partners-add-recipient")));

        LocatorJ._get(TextField.class, s -> s.withId("partner-name")).setValue(name);
        LocatorJ._get(TextField.class, s -> s.withId("partner-contact")).setValue("data@partner.example");
        LocatorJ._get(TextArea.class, s -> s.withId("partner-public-key")).setValue("not a key");
        LocatorJ._click(LocatorJ._get(Button.class, s -> s.withId("partner-save")));
        TextArea keyField = LocatorJ._get(TextArea.class, s -> s.withId("partner-public-key"));
        assertThat(keyField.isInvalid()).isTrue();
        assertThat(keyField.getErrorMessage()).contains("BEGIN PGP PUBLIC KEY BLOCK");

        keyField.setValue(InstallationKey.generate("UI Partner").publicKeyArmoured());
        LocatorJ._get(RadioButtonGroup.class, s -> s.withId("partner-fields")).setValue(RecipientFields.IDENTITY);
        LocatorJ._click(LocatorJ._get(Button.class, s -> s.withId("partner-save")));

        Recipient registered = recipients.byName(name).orElseThrow();
        assertThat(registered.fields()).isEqualTo(RecipientFields.IDENTITY);
        assertThat(registered.contact()).isEqualTo("data@partner.example");
        LocatorJ._assertNone(TextField.class, s -> s.withId("partner-name"));
        Grid<Recipient> grid = LocatorJ._get(Grid.class, s -> s.withId("partners-recipients"));
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(1);
        assertThat(java.util.stream.IntStream.range(0, GridKt._size(grid))
                        .mapToObj(i -> GridKt._get(grid, i).name()))
                .contains(name);
    }
}
