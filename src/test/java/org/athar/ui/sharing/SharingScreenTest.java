package org.athar.ui.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportService;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.security.Viewer;
import org.athar.sharing.InstallationKey;
import org.athar.sharing.PackageState;
import org.athar.sharing.PartnerKey;
import org.athar.sharing.Recipient;
import org.athar.sharing.Recipients;
import org.athar.sharing.SharePackage;
import org.athar.ui.SpringKaribu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The Sharing page server-side (Karibu): an analyst sees what would go and what is held back and can only prepare a
 * draft; an administrator sends in the background and finds the package in the list; a writer cannot open the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class SharingScreenTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportService imports;

    @Autowired
    Recipients recipients;

    @Autowired
    SwitchableViewer viewer;

    private final String source = "Sharing UI " + UUID.randomUUID();
    private final String partner =
            "Screen Partner " + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void load() {
        imports.importFile(
                new ByteArrayInputStream(("report_id,victim_name,consent_to_share,share_with\n"
                                + "S1,Synthetic Screen Yes,yes,any\n"
                                + "S2,Synthetic Screen No,no,\n"
                                + "S3,Synthetic Screen Unknown,unknown,\n")
                        .getBytes(StandardCharsets.UTF_8)),
                "sharing-ui.csv",
                new ImportOptions(Optional.of(source), "test", false),
                c -> {});
        recipients.register(
                Viewer.system("test"),
                partner,
                "",
                PartnerKey.of(InstallationKey.generate(partner)).armoured(),
                "identity");
    }

    private void open(Role role) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, Set.of(role));
        UI.getCurrent().navigate("sharing", QueryParameters.simple(Map.of("source", source)));
    }

    @AfterEach
    void signOut() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    @SuppressWarnings("unchecked")
    private void choosePartner() {
        Select<Recipient> recipient = LocatorJ._get(Select.class, spec -> spec.withId("sharing-recipient"));
        recipient.setValue(recipient
                .getListDataView()
                .getItems()
                .filter(r -> r.name().equals(partner))
                .findFirst()
                .orElseThrow());
    }

    @Test
    void an_analyst_sees_what_would_go_and_can_only_prepare_a_draft() {
        open(Role.ANALYST);
        choosePartner();

        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("sharing-preview"))
                        .getText())
                .isEqualTo("1 reports will go; held back: 1 without consent, 1 consent unknown, "
                        + "0 consent for other recipients.");
        assertThat(LocatorJ._find(Button.class, spec -> spec.withId("sharing-send")))
                .isEmpty();
        assertThat(LocatorJ._find(Grid.class, spec -> spec.withId("sharing-ledger")))
                .isEmpty();
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("sharing-draft")));
        @SuppressWarnings("unchecked")
        Grid<SharePackage> list = LocatorJ._get(Grid.class, spec -> spec.withId("sharing-packages"));
        assertThat(list.getListDataView().getItems()).anySatisfy(p -> {
            assertThat(p.recipient()).isEqualTo(partner);
            assertThat(p.state()).isEqualTo(PackageState.DRAFT);
            assertThat(p.reports()).isEqualTo(1);
        });
    }

    @Test
    void an_administrator_sends_with_progress_and_finds_the_package_in_the_list() throws Exception {
        open(Role.ADMIN);
        choosePartner();
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("sharing-send")));
        for (int i = 0;
                i < 200
                        && LocatorJ._find(Anchor.class, spec -> spec.withId("sharing-download"))
                                .isEmpty();
                i++) {
            Thread.sleep(100);
            ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        }
        Anchor download = LocatorJ._get(Anchor.class, spec -> spec.withId("sharing-download"));
        assertThat(download.getText()).startsWith("Download athar-package-").endsWith(".pgp");
        @SuppressWarnings("unchecked")
        Grid<SharePackage> list = LocatorJ._get(Grid.class, spec -> spec.withId("sharing-packages"));
        assertThat(list.getListDataView().getItems()).anySatisfy(p -> {
            assertThat(p.recipient()).isEqualTo(partner);
            assertThat(p.state()).isEqualTo(PackageState.SENT);
            assertThat(p.reports()).isEqualTo(1);
            assertThat(download.getText()).contains(p.packageId());
        });
        LocatorJ._get(Grid.class, spec -> spec.withId("sharing-ledger"));
    }

    @Test
    void a_writer_cannot_open_the_page() {
        open(Role.WRITER);

        assertThat(LocatorJ._find(SharingView.class)).isEmpty();
        assertThat(LocatorJ._find(Select.class, spec -> spec.withId("sharing-recipient")))
                .isEmpty();
    }
}
