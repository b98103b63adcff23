package org.athar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.athar.security.CurrentViewer;
import org.athar.security.InvalidUserException;
import org.athar.security.Role;
import org.athar.security.UserSummary;
import org.athar.security.UserUpdate;
import org.athar.security.Users;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/users}: create users, list them (never a hash), change roles, enabled and password. */
@RestController
@RequestMapping(value = "/api/v1/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users", description = "Accounts and roles; needs the ADMINISTER permission (role ADMIN)")
class AdminUsersController {

    private static final Set<String> PATCHABLE = Set.of("roles", "enabled", "password", "twoFactor");

    /** A new user. */
    record NewUser(String username, String password, List<String> roles) {}

    private final Users users;
    private final CurrentViewer viewer;

    AdminUsersController(Users users, CurrentViewer viewer) {
        this.users = users;
        this.viewer = viewer;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a user",
            description = "{\"username\": \"...\", \"password\": \"...\", \"roles\": [\"WRITER\"]}: 201 with the user; "
                    + "409 when the username exists; 400 naming the parameter for a bad username (3–64 of a-z 0-9 . _ -), "
                    + "a password shorter than 12 or longer than 128 characters or equal to the username, or an "
                    + "unknown role (ADMIN, ANALYST, WRITER, ADVOCACY).")
    ResponseEntity<UserSummary> create(@RequestBody NewUser body) {
        UserSummary created = users.create(viewer.get(), body.username(), body.password(), Users.roles(body.roles()));
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.username()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "All users with roles, status and two factors; never a password hash or token")
    List<UserSummary> list() {
        return users.list(viewer.get());
    }

    @PatchMapping(value = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Change a user",
            description = "Any of {\"roles\": [\"ANALYST\"], \"enabled\": false, \"password\": \"...\", \"twoFactor\": "
                    + "false}. A new password or disabling ends the user's open sessions. The last enabled ADMIN "
                    + "cannot be disabled or lose ADMIN (409).")
    UserSummary update(@PathVariable String username, @RequestBody Map<String, Object> body) {
        for (String key : body.keySet()) {
            if (!PATCHABLE.contains(key)) {
                throw new InvalidUserException(
                        key,
                        InvalidUserException.Reason.UNKNOWN_FIELD,
                        "unknown field '" + key + "'; a PATCH may set " + PATCHABLE);
            }
        }
        Optional<Set<Role>> roles = Optional.ofNullable(body.get("roles")).map(r -> Users.roles(list(r)));
        Optional<Boolean> enabled = Optional.ofNullable(body.get("enabled")).map(v -> bool("enabled", v));
        Optional<String> password = Optional.ofNullable(body.get("password")).map(v -> text("password", v));
        boolean resetTwoFactor = Optional.ofNullable(body.get("twoFactor"))
                .map(v -> {
                    if (bool("twoFactor", v)) {
                        throw new InvalidUserException(
                                "twoFactor",
                                InvalidUserException.Reason.WRONG_TYPE,
                                "twoFactor can "
                                        + "only be set to false (turn two factors off); the user turns them on under Account");
                    }
                    return true;
                })
                .orElse(false);
        return users.update(viewer.get(), username, new UserUpdate(roles, enabled, password, resetTwoFactor));
    }

    private static List<String> list(Object value) {
        if (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance)) {
            return items.stream().map(String.class::cast).toList();
        }
        throw new InvalidUserException(
                "roles",
                InvalidUserException.Reason.WRONG_TYPE,
                "roles must be a list of role names, e.g. [\"WRITER\"]");
    }

    private static boolean bool(String field, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new InvalidUserException(field, InvalidUserException.Reason.WRONG_TYPE, field + " must be true or false");
    }

    private static String text(String field, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new InvalidUserException(field, InvalidUserException.Reason.WRONG_TYPE, field + " must be a string");
    }
}
