package org.athar.demo;

/**
 * Ways a report differs that only sets with {@link LinkageShares#extraVariants()} write (the second evaluation set):
 * drawn for every report, first or later, with the set's share and recorded in {@link DemoTruth#extraVariants()}
 * only when it changed what was written. Kept apart from {@link DemoVariant}, whose constants and shares are the own
 * set's.
 */
public enum DemoExtraVariant {
    /** The father's name left out: first and family name only. */
    FATHER_NAME_MISSING,
    /** The date of the disappearance left empty. */
    DATE_MISSING,
    /** A kunya (أبو أحمد, Abu Ahmad) written before or after the given name; men only. */
    KUNYA_ADDED,
    /** بن / ابن (bin, ibn) between the given name and the father's name. */
    NASAB_CONNECTOR,
    /**
     * A compound name part written with other spacing than listed: عبدالرحمن for عبد الرحمن in Arabic, or a Latin
     * spelling with another number of words than the Arabic (Abdulrahman, Abd al-Rahman). Drawn for Arabic; a Latin
     * spelling is chosen among the known ones, so the Latin source writes it by chance.
     */
    COMPOUND_SPACING
}
