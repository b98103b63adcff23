package org.athar.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
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

    /**
     * What a PATCH may change; an absent member stays as it is. The members are read as JSON values and checked
     * here, so that a value of the wrong type (and a member not listed) is a 400 naming the member, not a body Jackson
     * could not read.
     */
    @Schema(
            description = "Any of the members; an absent one stays as it is",
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record UserChange(
            @Schema(
                    implementation = Role[].class,
                    description = "The user's roles from now on",
                    example = "[\"ANALYST\"]")
            JsonNode roles,

            @Schema(implementation = Boolean.class, description = "false disables the account and ends its sessions")
            JsonNode enabled,

            @Schema(
                    implementation = String.class,
                    description = "A new password (12–128 characters, not the username, not a common one); "
                            + "ends the user's sessions")
            JsonNode password,

            @Schema(
                    implementation = Boolean.class,
                    description = "Only false is accepted: it turns the user's two-step sign-in off; the user "
                            + "turns it on under Account")
            JsonNode twoFactor,

            @JsonAnySetter @Schema(hidden = true) Map<String, Object> others) {

        UserChange {
            others = others == null ? Map.of() : others;
        }
    }

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
    UserSummary update(@PathVariable String username, @RequestBody UserChange body) {
        for (String key : body.others().keySet()) {
            if (!PATCHABLE.contains(key)) {
                throw new InvalidUserException(
                        key,
                        InvalidUserException.Reason.UNKNOWN_FIELD,
                        "unknown field '" + key + "'; a PATCH may set " + PATCHABLE);
            }
        }
        Optional<Set<Role>> roles = given(body.roles()).map(r -> Users.roles(list(r)));
        Optional<Boolean> enabled = given(body.enabled()).map(v -> bool("enabled", v));
        Optional<String> password = given(body.password()).map(v -> text("password", v));
        boolean resetTwoFactor = given(body.twoFactor())
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

    /** A member that is absent or JSON null changes nothing. */
    private static Optional<JsonNode> given(JsonNode value) {
        return Optional.ofNullable(value).filter(v -> !v.isNull());
    }

    private static List<String> list(JsonNode value) {
        if (value.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            value.forEach(items::add);
            if (items.stream().allMatch(JsonNode::isTextual)) {
                return items.stream().map(JsonNode::textValue).toList();
            }
        }
        throw new InvalidUserException(
                "roles",
                InvalidUserException.Reason.WRONG_TYPE,
                "roles must be a list of role names, e.g. [\"WRITER\"]");
    }

    private static boolean bool(String field, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        throw new InvalidUserException(field, InvalidUserException.Reason.WRONG_TYPE, field + " must be true or false");
    }

    private static String text(String field, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        throw new InvalidUserException(field, InvalidUserException.Reason.WRONG_TYPE, field + " must be a string");
    }
}
