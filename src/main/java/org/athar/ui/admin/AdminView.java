package org.athar.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.athar.linkage.LinkageWorker;
import org.athar.security.CurrentViewer;
import org.athar.security.InvalidUserException;
import org.athar.security.Role;
import org.athar.security.UserConflictException;
import org.athar.security.UserSummary;
import org.athar.security.Users;
import org.athar.sharing.InstallationKey;
import org.athar.sharing.Recipients;
import org.athar.sharing.Senders;
import org.athar.ui.MainLayout;

/** Users: create them, assign roles, reset passwords, disable accounts (the same as {@code /api/v1/admin/users}). */
@RolesAllowed("ADMINISTER")
@Menu(title = "nav.admin", order = 8, icon = "vaadin:cog")
@Route(value = "admin", layout = MainLayout.class)
public class AdminView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Users users;
    private final CurrentViewer viewer;
    private final Grid<UserSummary> grid = new Grid<>();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();

    public AdminView(
            Users users,
            CurrentViewer viewer,
            LinkageWorker linkage,
            InstallationKey key,
            Recipients recipients,
            Senders senders) {
        this.users = users;
        this.viewer = viewer;
        addClassName("athar-view");
        setId("view-admin");
        RouterLink audit = new RouterLink(getTranslation("admin.audit.link"), AuditView.class);
        audit.setId("admin-audit-link");
        RouterLink backups = new RouterLink(getTranslation("admin.backups.link"), BackupsView.class);
        backups.setId("admin-backups-link");
        add(
                new H2(getTranslation("view.admin.title")),
                audit,
                backups,
                new H3(getTranslation("admin.users")),
                grid(),
                new H3(getTranslation("admin.create")),
                createForm(),
                new RelinkSection(linkage, viewer),
                new PartnersSection(key, recipients, senders, viewer));
        refresh();
    }

    private Grid<UserSummary> grid() {
        grid.setId("users");
        grid.addColumn(UserSummary::username)
                .setHeader(getTranslation("admin.col.username"))
                .setAutoWidth(true);
        grid.addColumn(u -> roleLabels(u))
                .setHeader(getTranslation("admin.col.roles"))
                .setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.enabled() ? "admin.enabled" : "admin.disabled"))
                .setHeader(getTranslation("admin.col.status"))
                .setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.twoFactor() ? "admin.two-factor.on" : "admin.two-factor.off"))
                .setHeader(getTranslation("admin.col.two-factor"))
                .setAutoWidth(true);
        grid.addColumn(u -> WHEN.format(u.createdAt()))
                .setHeader(getTranslation("admin.col.created"))
                .setAutoWidth(true);
        grid.addComponentColumn(u -> {
            Button edit = new Button(
                    getTranslation("admin.edit"), e -> new UserDialog(users, viewer, u, this::refresh).open());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.setId("edit-" + u.username());
            return edit;
        });
        grid.setAllRowsVisible(true);
        return grid;
    }

    private String roleLabels(UserSummary u) {
        return u.roles().stream().map(r -> getTranslation("role." + r.name())).collect(Collectors.joining(" · "));
    }

    private FlexLayout createForm() {
        username.setLabel(getTranslation("admin.col.username"));
        username.setId("new-username");
        username.setHelperText(getTranslation("admin.username.help"));
        password.setLabel(getTranslation("login.password"));
        password.setId("new-password");
        password.setHelperText(getTranslation("account.password.help"));
        password.getElement().setAttribute("autocomplete", "new-password");
        roles.setLabel(getTranslation("admin.col.roles"));
        roles.setId("new-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        Button create = new Button(getTranslation("admin.create.submit"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-user");
        FlexLayout form = new FlexLayout(username, password, roles, create);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.addClassName("athar-filters");
        return form;
    }

    private void create() {
        username.setInvalid(false);
        password.setInvalid(false);
        roles.setInvalid(false);
        try {
            UserSummary created =
                    users.create(viewer.get(), username.getValue(), password.getValue(), roles.getValue());
            username.clear();
            password.clear();
            roles.clear();
            refresh();
            Notification.show(getTranslation("admin.created", created.username()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidUserException e) {
            String message = getTranslation("user.invalid." + e.reason().code());
            switch (e.field()) {
                case "username" -> {
                    username.setErrorMessage(message);
                    username.setInvalid(true);
                }
                case "roles" -> {
                    roles.setErrorMessage(message);
                    roles.setInvalid(true);
                }
                default -> {
                    password.setErrorMessage(message);
                    password.setInvalid(true);
                }
            }
        } catch (UserConflictException e) {
            username.setErrorMessage(getTranslation("user.conflict." + e.kind().code()));
            username.setInvalid(true);
        }
    }

    void refresh() {
        grid.setItems(users.list(viewer.get()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.admin.title") + " · " + getTranslation("app.name");
    }
}
