package org.athar.engine;

/** Names of the aliases Athar reads and writes through; features never name a versioned index. */
public final class EngineIndices {

    /** One document per reported person. */
    public static final String REPORTS = "athar-reports";

    private EngineIndices() {}
}
