package org.athar.sharing;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a recipient receives of each report: everything, or no name, place detail or narrative. */
public enum RecipientFields {
    IDENTITY("identity"),
    PSEUDONYMISED("pseudonymised");

    private final String json;

    RecipientFields(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
