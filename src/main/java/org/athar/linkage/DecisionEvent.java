package org.athar.linkage;

import java.time.Instant;

/** One decision in a pair's history: what it became, who decided ({@code athar} for the automatic linker), when, why. */
public record DecisionEvent(Decision decision, String by, Instant at, String note) {}
