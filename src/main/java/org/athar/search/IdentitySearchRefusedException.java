package org.athar.search;

import org.athar.security.AccessDeniedException;
import org.athar.security.Permission;

/**
 * A search that would reach names or narratives (free text, sorting by name) asked by a viewer who may not see
 * identities. The message never repeats what was typed: the typed text may itself be a name.
 */
public class IdentitySearchRefusedException extends AccessDeniedException {

    /** What was refused: the parameter it came in, the English message and the bundle key of the message. */
    public enum Refused {
        TEXT(
                "q",
                "search.refused.text",
                "Free-text search looks into names and narratives, which your role does "
                        + "not see; use the filters."),
        NAME_SORT(
                "sort",
                "search.refused.sort",
                "Sorting by name needs the names, which your role does not see; " + "sort by date instead.");

        private final String parameter;
        private final String messageKey;
        private final String message;

        Refused(String parameter, String messageKey, String message) {
            this.parameter = parameter;
            this.messageKey = messageKey;
            this.message = message;
        }
    }

    private final Refused refused;

    IdentitySearchRefusedException(Refused refused) {
        super(Permission.SEE_IDENTITIES);
        this.refused = refused;
    }

    @Override
    public String getMessage() {
        return refused.message;
    }

    /** The request parameter that carried what was refused ({@code q} or {@code sort}). */
    public String parameter() {
        return refused.parameter;
    }

    /** The key of the message in the bundles, for the screens. */
    public String messageKey() {
        return refused.messageKey;
    }
}
