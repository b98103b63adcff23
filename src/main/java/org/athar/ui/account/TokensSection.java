package org.athar.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.athar.security.ApiTokens;
import org.athar.security.InvalidUserException;

/** Personal API tokens: create one (shown once), see when each was last used, revoke. */
class TokensSection extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ApiTokens tokens;
    private final String username;
    private final Grid<ApiTokens.Summary> grid = new Grid<>();
    private final Div created = new Div();

    TokensSection(ApiTokens tokens, String username) {
        this.tokens = tokens;
        this.username = username;
        setPadding(false);
        setId("tokens-section");
        TextField name = new TextField(getTranslation("account.tokens.name"));
        name.setId("token-name");
        name.setHelperText(getTranslation("account.tokens.name.help"));
        Button create = new Button(getTranslation("account.tokens.create"));
        create.setId("token-create");
        create.addClickListener(e -> {
            try {
                show(tokens.create(username, name.getValue()));
                name.clear();
                name.setInvalid(false);
            } catch (InvalidUserException ex) {
                name.setErrorMessage(
                        getTranslation("user.invalid." + ex.reason().code()));
                name.setInvalid(true);
            }
        });
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(Alignment.BASELINE);
        created.setId("token-created");
        grid.setId("tokens");
        grid.addColumn(ApiTokens.Summary::name)
                .setHeader(getTranslation("account.tokens.name"))
                .setAutoWidth(true);
        grid.addColumn(t -> when(t.createdAt()))
                .setHeader(getTranslation("account.tokens.created"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt().map(TokensSection::when).orElse(getTranslation("account.tokens.never")))
                .setHeader(getTranslation("account.tokens.last-used"))
                .setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Button revoke = new Button(getTranslation("account.tokens.revoke"), e -> {
                tokens.revoke(username, t.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        });
        grid.setAllRowsVisible(true);
        Paragraph intro = new Paragraph(getTranslation("account.tokens.intro"));
        intro.addClassName("athar-muted");
        add(new H3(getTranslation("account.tokens.title")), intro, form, created, grid);
        refresh();
    }

    private void show(ApiTokens.Created token) {
        created.removeAll();
        TextField secret = new TextField(
                getTranslation("account.tokens.secret", token.token().name()));
        secret.setValue(token.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setId("new-token");
        secret.getElement().setAttribute("dir", "ltr");
        Paragraph once = new Paragraph(getTranslation("account.tokens.once"));
        once.addClassName("athar-notice");
        created.add(secret, once);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.list(username));
    }

    private static String when(Instant instant) {
        return WHEN.format(instant);
    }
}
