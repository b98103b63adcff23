package org.athar.demo;

/**
 * A way a later report of the same person differs from how another source wrote it (linkage mode of
 * {@link DemoDataGenerator}). Each is drawn independently for every later report with the set's share
 * ({@link LinkageShares#share(DemoVariant)}; {@link #share()} is the own set's), and recorded in the report's
 * {@link DemoTruth} only when it changed what was written (a person without a known age cannot have a different one).
 */
public enum DemoVariant {
    /** Hamza seats, taa marbuta and alef maqsura written bare (أ→ا, ئ→ي, ؤ→و, ة→ه, ى→ي) in every name part. */
    ARABIC_SPELLING(0.30),
    /** The family name's article left out: الحلبي → حلبي, Al-Halabi → Halabi. */
    DROPPED_ARTICLE(0.20),
    /** Family name first, or the first and father's names swapped. */
    TRANSPOSED_NAMES(0.08),
    /** The name written in Latin letters only, as an English-language partner does. */
    LATIN_ONLY(0.08),
    /** Only the year or only the month of the disappearance. */
    DATE_COARSER(0.15),
    /** The date off by one to four days. */
    DATE_SHIFTED(0.20),
    /** The age one year more or less (completed years against year of birth). */
    AGE_DIFFERENT(0.20),
    /** The age left out. */
    AGE_MISSING(0.08),
    /** The nearest other district of the same governorate (where the family lives, not where it happened). */
    NEIGHBOUR_DISTRICT(0.10),
    /** The district left out. */
    DISTRICT_MISSING(0.15),
    /** Missing where the other source says detained, or the other way round. */
    STATUS_DIFFERENT(0.15);

    private final double share;

    DemoVariant(double share) {
        this.share = share;
    }

    /** The probability that a later report of the own set ({@link LinkageShares#OWN}) is drawn with this variant. */
    public double share() {
        return share;
    }
}
