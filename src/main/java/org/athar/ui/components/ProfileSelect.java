package org.athar.ui.components;

import com.vaadin.flow.component.select.Select;
import org.athar.analytics.DisclosureProfile;
import org.athar.security.Permission;
import org.athar.security.Viewer;

/**
 * The disclosure profile choice of Trends, Exports and briefings: internal (exact) figures only for a role that may
 * see exact counts; everyone else is held to public figures (the field is read-only for them).
 */
public final class ProfileSelect {

    private ProfileSelect() {}

    /** Sets {@code select} up with its id, label, the profiles (labels name the threshold {@code k}) and default. */
    public static void setUp(Select<DisclosureProfile> select, String id, String labelKey, Viewer viewer, int k) {
        select.setLabel(select.getTranslation(labelKey));
        select.setId(id);
        select.setItems(DisclosureProfile.values());
        select.setItemLabelGenerator(p -> select.getTranslation("trends.profile." + p.parameter(), k));
        boolean exact = viewer.can(Permission.SEE_EXACT_COUNTS);
        select.setValue(exact ? DisclosureProfile.INTERNAL : DisclosureProfile.PUBLIC);
        select.setReadOnly(!exact);
    }
}
