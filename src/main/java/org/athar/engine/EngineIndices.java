package org.athar.engine;

/** Names of the aliases Athar reads and writes through; features never name a versioned index. */
public final class EngineIndices {

    /** One document per reported person. */
    public static final String REPORTS = "athar-reports";

    /** Rows an import rejected, whole, with every reason. */
    public static final String QUARANTINE = "athar-quarantine";

    /** One document per import batch. */
    public static final String BATCHES = "athar-batches";

    /** One document per user account (id = username): hashes only, never a password or token in clear. */
    public static final String USERS = "athar-users";
    /** The audit log: one document per recorded action, only ever created (never updated or deleted). */
    public static final String AUDIT = "athar-audit";

    /** Briefing packs: specifications of key figures and charts, never the figures themselves. */
    public static final String BRIEFINGS = "athar-briefings";

    /** Record linkage: one document per candidate pair of reports, with its score, features and decision. */
    public static final String LINKS = "athar-links";

    /** Record linkage: one document per person (linked reports counted once), for counting persons. */
    public static final String PERSONS = "athar-persons";

    /**
     * Record linkage: one document per person that pending pairs would form by merging persons (with the person
     * mapping), for the persons figure if every pending pair were confirmed.
     */
    public static final String PERSON_CLOSURES = "athar-person-closures";

    /**
     * Athar's secret keys (the key of the row digests): in the engine so that instances share them and backups carry
     * them with the reports whose digests they made.
     */
    public static final String KEYS = "athar-keys";

    /** Partner institutions this installation sends packages to: name, contact, OpenPGP public key, fields. */
    public static final String RECIPIENTS = "athar-recipients";

    /** Partner institutions whose packages this installation accepts: name and OpenPGP public key. */
    public static final String SENDERS = "athar-senders";

    /** Sharing packages being prepared or sent: drafts change state, so they are kept apart from the ledger. */
    public static final String PACKAGES = "athar-packages";

    /**
     * The sharing ledger: one document per package or withdrawal notice sent, written once and never changed
     * (create only, like the audit log).
     */
    public static final String LEDGER = "athar-ledger";

    /** The record linkage model (prior, m, u and weights per comparison level), estimated at each full re-link. */
    public static final String LINKAGE_MODEL = "athar-linkage-model";

    private EngineIndices() {}
}
