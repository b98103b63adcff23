package org.athar.report;

/** A value of a controlled vocabulary: the code stored in the index and the key of its label in the bundles. */
public interface Vocabulary {

    /** The code written to the index, the API and exports, e.g. {@code armed-opposition}. */
    String code();

    /** {@code vocab.<field>.<code>}: the label's key in {@code vocabulary.properties} and its Arabic twin. */
    String messageKey();
}
