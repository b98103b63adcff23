package org.athar.analytics;

import java.util.Locale;
import org.springframework.stereotype.Component;

/** Applies a disclosure profile to exact figures with the configured threshold {@code athar.disclosure.k}. */
@Component
public class DisclosureControl {

    private final int k;

    public DisclosureControl(DisclosureProperties properties) {
        this.k = properties.k();
    }

    /** The breakdown for {@code profile}: unchanged for internal use, suppressed for the public. */
    public Breakdown apply(Breakdown exact, DisclosureProfile profile) {
        return profile == DisclosureProfile.PUBLIC ? Disclosure.suppress(exact, k) : exact;
    }

    /** The cross-tab for {@code profile}: unchanged for internal use, suppressed for the public. */
    public CrossTab apply(CrossTab exact, DisclosureProfile profile) {
        return profile == DisclosureProfile.PUBLIC ? Disclosure.suppress(exact, k) : exact;
    }

    /** The footnote for public output, e.g. under a table or chart that has withheld figures. */
    public String withheldNote(Locale locale) {
        return Disclosure.withheldNote(k, locale);
    }

    public int k() {
        return k;
    }
}
