package org.athar.demo;

import java.util.Arrays;
import java.util.List;

/**
 * The invented documenting organisations of the demo data. Their names say they are not real, so a screenshot
 * or export of demo data can never be mistaken for a real organisation's figures.
 */
enum DemoSource {
    SDN("Synthetic Documentation Network (demo)", "SDN", 50, 0.25),
    DAM("Demo Archive for the Missing", "DAM", 30, 0.15),
    STN("شبكة التوثيق التجريبية", "STN", 20, 0.85);

    static final Weighted<DemoSource> SHARES = Weighted.of(
            List.of(values()),
            Arrays.stream(values()).mapToDouble(source -> source.share).toArray());

    private final String displayName;
    private final String idPrefix;
    private final double share;
    private final double arabicShare;

    DemoSource(String displayName, String idPrefix, double share, double arabicShare) {
        this.displayName = displayName;
        this.idPrefix = idPrefix;
        this.share = share;
        this.arabicShare = arabicShare;
    }

    /** The value of the {@code source} column. */
    String displayName() {
        return displayName;
    }

    /** The start of the source's own report ids, e.g. {@code SDN-000123}. */
    String idPrefix() {
        return idPrefix;
    }

    /** How often this source's staff write a value in Arabic rather than English. */
    double arabicShare() {
        return arabicShare;
    }
}
