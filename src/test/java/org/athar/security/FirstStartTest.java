package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athar.AtharIntegrationTest;
import org.athar.engine.IndexLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The first start on an empty user index: a given admin password, or a generated one printed exactly once. */
class FirstStartTest extends AtharIntegrationTest {

    private static final Pattern LINE = Pattern.compile(
            "Athar: first start — created user \"admin\" with password (\\S+) ; sign in and change it under Account");

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexLifecycle indices;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PasswordHashing hashing = new PasswordHashing();

    private FirstStart firstStart(UserStore store, String adminPassword) {
        Users users = new Users(store, hashing, e -> {}, new TestUsers.MovableClock());
        AtharSecurityProperties properties = TestUsers.properties(adminPassword, Set.of());
        return new FirstStart(
                users,
                indices,
                properties,
                new org.athar.platform.Retry(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void without_a_configured_password_a_strong_one_is_generated_printed_once_and_signs_in() {
        UserStore store = TestUsers.freshStore(client);
        firstStart(store, null).ensureAdmin();

        String printed = console.toString(StandardCharsets.UTF_8);
        Matcher line = LINE.matcher(printed);
        assertThat(line.find()).as(printed).isTrue();
        String password = line.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        UserAccount admin = store.find("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(hashing.matches(password, admin.passwordHash())).isTrue();

        firstStart(store, null).ensureAdmin();
        assertThat(console.toString(StandardCharsets.UTF_8))
                .as("a second start prints nothing")
                .isEqualTo(printed);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void two_first_starts_generate_different_passwords() {
        firstStart(TestUsers.freshStore(client), null).ensureAdmin();
        firstStart(TestUsers.freshStore(client), null).ensureAdmin();
        Matcher lines = LINE.matcher(console.toString(StandardCharsets.UTF_8));
        assertThat(lines.find()).isTrue();
        String first = lines.group(1);
        assertThat(lines.find()).isTrue();
        assertThat(lines.group(1)).isNotEqualTo(first);
    }

    @Test
    void the_admin_password_setting_is_used_and_never_printed() {
        UserStore store = TestUsers.freshStore(client);
        firstStart(store, "configured synthetic passphrase").ensureAdmin();

        assertThat(hashing.matches(
                        "configured synthetic passphrase",
                        store.find("admin").orElseThrow().passwordHash()))
                .isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void a_weak_admin_password_setting_stops_the_first_start_naming_the_setting() {
        UserStore store = TestUsers.freshStore(client);
        assertThatThrownBy(() -> firstStart(store, "admin123").ensureAdmin())
                .isInstanceOfSatisfying(
                        InvalidUserException.class,
                        e -> assertThat(e.field()).isEqualTo("athar.security.admin-password"));
        assertThat(store.count()).isZero();
    }

    @Test
    void nothing_is_created_when_users_exist_even_with_a_password_setting() {
        UserStore store = TestUsers.freshStore(client);
        new Users(store, hashing, e -> {}, new TestUsers.MovableClock())
                .create(Viewer.system("test"), "someone", "a long synthetic passphrase", Set.of(Role.ADMIN));
        firstStart(store, "configured synthetic passphrase").ensureAdmin();
        assertThat(store.find("admin")).isEmpty();
    }
}
