package org.athar.security;

import java.util.Set;
import java.util.stream.Collectors;

/** A signed-in user asked for something their roles do not allow; the API answers 403, the UI says so. */
public class AccessDeniedException extends RuntimeException {

    private final Permission missing;

    public AccessDeniedException(Permission missing) {
        super("this needs the permission " + missing + ", which none of your roles grants");
        this.missing = missing;
    }

    /** A refusal with its own explanation, e.g. "only the owner or an administrator may change this briefing". */
    public AccessDeniedException(Permission missing, String message) {
        super(message);
        this.missing = missing;
    }

    /** The refusal naming the viewer's roles, as the HTTP layer's own refusals do. */
    public AccessDeniedException(Permission missing, Set<Role> roles) {
        super("this needs the permission " + missing + ", which none of your roles ("
                + roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
                + ") grants");
        this.missing = missing;
    }

    public Permission missing() {
        return missing;
    }
}
