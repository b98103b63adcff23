package org.athar.linkage;

/**
 * One reason in a pair's score: what was compared ({@code code}, e.g. {@code family_name}), how the two reports
 * compare ({@code outcome}: {@code agree}, {@code close}, {@code disagree} or {@code missing}), the two values as
 * compared (folded skeletons, codes or dates; never shown to roles without identities), and the weight it added
 * (positive for evidence of the same person, negative against).
 */
public record Feature(String code, String outcome, String a, String b, double weight) {}
